"""Seconds per training epoch of `VGG_4`: nodown's `train` (fastai Learner, one-cycle) over a plain PyTorch loop
(same model, AdamW with fastai's defaults, OneCycleLR) on the same in-memory batches, as a ratio measured in one run.

Usage: python bench/train_overhead.py [--source sample] [--epochs 4] [--bs 64]
"""
import argparse, statistics, time
import torch, torch.nn.functional as F
from nodown.data import cifar_dls
from nodown.models import create_model
from nodown.train import train

def plain_epochs(dls, epochs, lr, seed=0):
    "Per-epoch training seconds of a plain loop over the batches of `dls.train`, pre-made in memory."
    torch.manual_seed(seed)
    batches = [(x.as_subclass(torch.Tensor), y.as_subclass(torch.Tensor)) for x,y in dls.train]
    model = create_model('vgg_4', n_out=dls.c).to(dls.device)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.99), eps=1e-5, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, lr, total_steps=epochs*len(batches), pct_start=0.25,
                                                div_factor=25, final_div_factor=1e5, base_momentum=0.85, max_momentum=0.95)
    times = []
    for _ in range(epochs):
        model.train(); t = time.perf_counter()
        for x,y in batches:
            loss = F.cross_entropy(model(x), y)
            opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        times.append(time.perf_counter()-t)
    return times

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--source', default='sample'); p.add_argument('--epochs', type=int, default=4); p.add_argument('--bs', type=int, default=64)
    a = p.parse_args()
    dls = cifar_dls(a.source, bs=a.bs)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {len(dls.train)} batches of {a.bs} per epoch, device {dls.device}")
    plain = plain_epochs(dls, a.epochs, 1e-2)
    _, info = train('vgg_4', dls, epochs=a.epochs, lr=1e-2, seed=0, channels_last=False, show=False)
    ours = [h['train_s'] for h in info['history']]
    # the first epoch of each warms up; compare the medians of the rest
    p_med, o_med = statistics.median(plain[1:]), statistics.median(ours[1:])
    print("| loop | s/epoch (median of epochs 2..) | per epoch |\n|---|---|---|")
    print(f"| plain PyTorch | {p_med:.3f} | {', '.join(f'{t:.2f}' for t in plain)} |")
    print(f"| nodown train (fastai) | {o_med:.3f} | {', '.join(f'{t:.2f}' for t in ours)} |")
    print(f"ratio nodown/plain: {o_med/p_med:.3f} (goal <= 1.10)")

if __name__ == '__main__': main()
