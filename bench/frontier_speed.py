"""Training throughput of every point of the equal-compute frontier (`nodown.study.FRONTIER_LADDER`), measured on this
machine in one run, each against `vgg_4` at width 1 measured alongside: a bare training step (forward, backward, SGD)
on a random batch of 64 in the channels_last format the study uses, nets alternating round by round so that a change
in the machine's speed hits all of them alike. Run it on an otherwise idle machine: the frontier page reads the file
it writes (`--out`, default results/frontier_10ep/speed.csv), not the throughput the training runs recorded.

    python bench/frontier_speed.py [--bs 64] [--rounds 3] [--steps 4] [--out results/frontier_10ep/speed.csv]
"""
import argparse, os, platform, statistics
from pathlib import Path
import pandas as pd, torch
from nodown.models import create_model
from nodown.stats import count_macs
from nodown.study import FRONTIER_LADDER
from nodown.train import _step_time

def points():
    "(model, width) of every frontier point, the baseline `vgg_4` at width 1 first."
    return [('vgg_4', 1)] + [(m, w) for m, ws in FRONTIER_LADDER.items() for w in ws if (m, w) != ('vgg_4', 1)]

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--bs', type=int, default=64)
    p.add_argument('--rounds', type=int, default=3); p.add_argument('--steps', type=int, default=4)
    p.add_argument('--out', default='results/frontier_10ep/speed.csv')
    a = p.parse_args()
    torch.manual_seed(0)
    xb = torch.randn(a.bs, 3, 32, 32).contiguous(memory_format=torch.channels_last); yb = torch.randint(0, 10, (a.bs,))
    nets = {pt: create_model(pt[0], width=pt[1]).train().to(memory_format=torch.channels_last) for pt in points()}
    times = {pt: [] for pt in nets}
    for _ in range(a.rounds):
        for pt, m in nets.items(): times[pt].append(_step_time(m, xb, yb, a.steps) / a.steps)
    ips = {pt: a.bs / statistics.median(t) for pt, t in times.items()}
    base = ips[('vgg_4', 1)]
    df = pd.DataFrame([dict(model=m, width=w, MMACs=round(count_macs(nets[(m, w)])/1e6, 2), images_per_s=round(ips[(m, w)]),
                            vs_vgg_4=round(ips[(m, w)]/base, 3)) for m, w in nets])
    df['device'], df['threads'] = f"{platform.machine()} cpu", torch.get_num_threads()
    print(df.drop(columns=['device', 'threads']).to_string(index=False))
    print(f"baseline vgg_4 (width 1): {base:.0f} img/s on {torch.get_num_threads()} threads")
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True); df.to_csv(out, index=False)
    print(f"written to {out}")
