"""Training steps on the CPU with denormal floats flushed to zero (`flush_denormal=True`) against the default (the
baseline), measured in one run, alternating round by round, on nets the studies trained (their stored weights, or the
checkpoint of a run still training) and on the same nets freshly initialised. Once trained, a net's activations and
gradients reach values below 1.2e-38, which x86 CPUs compute many times slower; flushing them to zero changes only
those values. With --threads 2 or more, every thread of torch's pool flushes too (`flush_denormals`).
Prints milliseconds per step and the speed-up (above 1: flushing is faster).

    python bench/denormal.py [--results results] [--bs 64] [--rounds 3] [--steps 3] [--threads 1]
"""
import argparse, copy, os, statistics
from pathlib import Path
import torch
from nodown.compare import load_run_model
from nodown.config import RunConfig
from nodown.data import cifar_dls
from nodown.train import _step_time, build_model, denormals_flushed

RUNS = [('frontier_10ep/w2.25', 'convmixer_64_4'), ('frontier_10ep/w0.5', 'convmixer_64_4'),
        ('frontier_10ep/w0.45', 'convmixer_64_4_p1'), ('frontier_10ep/w0.15', 'vgg4_large_filter'),
        ('frontier_10ep/w1.4', 'vgg4_conv'), ('frontier_10ep/w3.4', 'vgg4_pixel_unshuffle'),
        ('frontier_10ep/w1.8', 'vgg_4')]   # stored runs (or checkpoints), seed 0

def trained(d:Path):
    "The net of run folder `d` and what it is: its final weights, or those of its checkpoint while it trains."
    if (d/'result.json').exists(): return load_run_model(d.parent, d.name.rsplit('-s', 1)[0]), 'trained'
    st = torch.load(d/'ckpt.pth', map_location='cpu', weights_only=True)
    m = build_model(RunConfig.from_dict(st['config']), 10); m.load_state_dict(st['model'])
    return m, f"epoch {st['epoch'] + 1}"

def fresh(model):
    "`model`'s architecture with new random weights."
    m = copy.deepcopy(model)
    for mod in m.modules():
        if hasattr(mod, 'reset_parameters'): mod.reset_parameters()
    return m

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--results', default=os.environ.get('NODOWN_RESULTS', 'results'))
    p.add_argument('--bs', type=int, default=64); p.add_argument('--rounds', type=int, default=3)
    p.add_argument('--steps', type=int, default=3); p.add_argument('--threads', type=int, default=1)
    a = p.parse_args(); torch.set_num_threads(a.threads)
    xb, yb = cifar_dls('sample', bs=a.bs, device='cpu').train.one_batch()
    xb, yb = xb.as_subclass(torch.Tensor).contiguous(memory_format=torch.channels_last), yb.as_subclass(torch.Tensor)
    print(f"one training step, batch {a.bs}, {a.threads} CPU thread(s), median of {a.rounds} rounds of {a.steps} steps")
    print(f"{'net':42} {'default ms':>10} {'flushed ms':>10} {'speed-up':>8}")
    for folder, name in RUNS:
        d = Path(a.results)/folder/f'{name}-s0'
        if not any((d/f).exists() for f in ('result.json', 'ckpt.pth')): print(f"{folder}/{name}: not stored"); continue
        net, when = trained(d); net = net.train().to(memory_format=torch.channels_last)
        for what, m in ((when, net), ('fresh', fresh(net))):
            t = {False: [], True: []}
            for _ in range(a.rounds):
                for flush in (False, True):
                    with denormals_flushed(flush): t[flush].append(_step_time(m, xb, yb, a.steps)/a.steps)
            base, new = statistics.median(t[False]), statistics.median(t[True])
            print(f"{folder + '/' + name + ' ' + what:42} {base*1e3:10.0f} {new*1e3:10.0f} {base/new:8.2f}")
