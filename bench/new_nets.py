"""Training throughput on this machine of the nets added for the later answers (APS, ConvMixer, output strides), each
against `vgg_4` measured in the same run: a bare training step (forward, backward, SGD) on a random batch in the
channels_last format the study uses, alternating nets round by round. Prints images per second and the ratio to
`vgg_4` (below 1: slower), with the MACs from `models_table`.

    python bench/new_nets.py [--bs 64] [--rounds 3] [--steps 3]
"""
import argparse, statistics
import torch
from nodown.models import create_model
from nodown.stats import models_table
from nodown.train import _step_time

NETS = ['vgg_4', 'vgg4_aps', 'convmixer_64_4', 'convmixer_64_4_p1', 'resnet38', 'resnet38_os2', 'resnet38_dilated']

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--bs', type=int, default=64)
    p.add_argument('--rounds', type=int, default=3); p.add_argument('--steps', type=int, default=3)
    a = p.parse_args()
    torch.manual_seed(0)
    xb = torch.randn(a.bs, 3, 32, 32).contiguous(memory_format=torch.channels_last); yb = torch.randint(0, 10, (a.bs,))
    nets = {n: create_model(n).train().to(memory_format=torch.channels_last) for n in NETS}
    times = {n: [] for n in NETS}
    for _ in range(a.rounds):
        for n, m in nets.items(): times[n].append(_step_time(m, xb, yb, a.steps) / a.steps)
    ips = {n: a.bs / statistics.median(t) for n, t in times.items()}
    macs = models_table(NETS).MMACs
    print(f"{'net':20s} {'MMACs':>8s} {'img/s':>8s} {'vs vgg_4':>9s}")
    for n in NETS: print(f"{n:20s} {macs[n]:8.2f} {ips[n]:8.0f} {ips[n]/ips['vgg_4']:9.2f}")
