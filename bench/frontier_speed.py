"""Training throughput of every point of the equal-compute frontier (`nodown.study.FRONTIER_LADDER`), measured on this
machine in one run by `nodown.study.ladder_speed`, each against `vgg_4` at width 1 measured alongside: a bare training
step (forward, backward, SGD) on a random batch of 64 in the channels_last format the study uses, the points
alternating round by round so that a change in the machine's speed hits all of them alike. Run it on an otherwise idle
machine: the frontier page reads the file it writes (`--out`), not the throughput the training runs recorded.

    python bench/frontier_speed.py [--bs 64] [--rounds 3] [--steps 4] [--out results/frontier_10ep/speed.csv]
"""
import argparse, platform
from pathlib import Path
from nodown.study import ladder_speed

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--bs', type=int, default=64)
    p.add_argument('--rounds', type=int, default=3); p.add_argument('--steps', type=int, default=4)
    p.add_argument('--out', default='results/frontier_10ep/speed.csv')
    a = p.parse_args()
    df = ladder_speed(bs=a.bs, rounds=a.rounds, steps=a.steps)
    df['device'] = f"{platform.machine()} cpu"
    print(df.drop(columns=['device', 'threads']).to_string(index=False))
    print(f"baseline vgg_4 (width 1): {df.images_per_s[0]} img/s on {df.threads[0]} threads; vs_vgg_4 is the ratio")
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True); df.to_csv(out, index=False)
    print(f"written to {out}")
