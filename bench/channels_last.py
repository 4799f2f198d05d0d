"""Training-step time of every zoo and post net in the default (NCHW) memory format over its time in `channels_last`,
measured side by side in one run (the two formats alternate, round by round), and whether two short trainings of one
config in `channels_last` give the same history bit for bit.

Usage: python bench/channels_last.py [--bs 64] [--rounds 5] [--steps 3] [--models vgg_4 ...] [--no-determinism]
A ratio above 1 means channels_last is faster. The data for the determinism check is the bundled sample.
"""
import argparse, statistics
import torch
from nodown.models import create_model, list_models
from nodown.train import _step_time, train
from nodown.compare import POST_MODELS
from nodown.data import cifar_dls

def step_ratios(name, bs, rounds, steps):
    "Per-round seconds per step in each format for net `name`, alternating formats; returns (nchw, channels_last) medians."
    torch.manual_seed(0)
    xb, yb = torch.randn(bs, 3, 32, 32), torch.randint(0, 10, (bs,))
    std = create_model(name).train()
    cl = create_model(name).train().to(memory_format=torch.channels_last)
    xcl = xb.contiguous(memory_format=torch.channels_last)
    t_std, t_cl = [], []
    for _ in range(rounds):
        t_std.append(_step_time(std, xb, yb, steps)/steps)
        t_cl.append(_step_time(cl, xcl, yb, steps)/steps)
    return statistics.median(t_std), statistics.median(t_cl)

def same_history(name, epochs=1):
    "Train `name` twice with one channels_last config on the sample; True when both histories' losses and accuracies agree exactly."
    dls = cifar_dls('sample', bs=64)
    hs = [train(name, dls, epochs=epochs, seed=0, channels_last=True, show=False)[1]['history'] for _ in range(2)]
    keys = ('train_loss', 'valid_loss', 'accuracy')
    return all(a[k] == b[k] for a, b in zip(*hs) for k in keys)

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--bs', type=int, default=64); p.add_argument('--rounds', type=int, default=5)
    p.add_argument('--steps', type=int, default=3); p.add_argument('--models', nargs='*')
    p.add_argument('--no-determinism', action='store_true', help='skip the two short trainings per net')
    a = p.parse_args()
    names = a.models or list(dict.fromkeys(list(POST_MODELS) + list_models(tag='zoo')))
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, batch {a.bs}, median of {a.rounds} rounds of {a.steps} steps")
    print("| net | NCHW ms/step | channels_last ms/step | ratio | same history twice |\n|---|---|---|---|---|")
    for n in names:
        t_std, t_cl = step_ratios(n, a.bs, a.rounds, a.steps)
        det = '' if a.no_determinism else ('yes' if same_history(n) else 'NO')
        print(f"| {n} | {1e3*t_std:.1f} | {1e3*t_cl:.1f} | {t_std/t_cl:.2f}x | {det} |", flush=True)

if __name__ == '__main__': main()
