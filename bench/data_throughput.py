"""Images/s of nodown's fast in-memory loader vs fastai's default folder pipeline, on the real CIFAR-10 training split.

Usage: python bench/data_throughput.py [--archive ARCHIVE] [--bs 64] [--batches 200]
(the archive defaults to $NODOWN_DATA, a CIFAR-10 .tgz in fastai's layout)
Both loaders read the same JPEGs with the same batch size, in one run; the ratio is printed last.
"""
import argparse, os, resource, tarfile, tempfile, time
from pathlib import Path
import torch
from fastai.vision.all import ImageDataLoaders
from nodown.data import cifar_dls

def rate(dl, n_batches):
    "Images/s over the first `n_batches` batches of `dl` (after one warm-up batch)."
    it = iter(dl); next(it)
    t, n = time.perf_counter(), 0
    for i,(x,y) in enumerate(it):
        n += len(x)
        if i+1 >= n_batches: break
    return n/(time.perf_counter()-t)

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--archive', default=os.environ.get('NODOWN_DATA'), help='a CIFAR-10 .tgz in fastai\'s layout (default: $NODOWN_DATA)')
    p.add_argument('--bs', type=int, default=64)
    p.add_argument('--batches', type=int, default=200)
    a = p.parse_args()
    if not a.archive: p.error('name the archive with --archive or NODOWN_DATA')
    tmp = Path(tempfile.mkdtemp())
    with tarfile.open(a.archive) as t: t.extractall(tmp, filter='data')
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, images: {tmp}")
    t0 = time.perf_counter(); dls = cifar_dls(tmp, bs=a.bs, cache_dir=tmp/'cache'); build = time.perf_counter()-t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024
    t0 = time.perf_counter(); dls = cifar_dls(tmp, bs=a.bs, cache_dir=tmp/'cache'); cached = time.perf_counter()-t0
    fast = rate(dls.train, len(dls.train)-1)
    base_dls = ImageDataLoaders.from_folder(tmp, train='train', valid_pct=0.2, seed=42, bs=a.bs)
    base = rate(base_dls.train, a.batches)
    print(f"| loader | images/s |\n|---|---|")
    print(f"| fastai ImageDataLoaders.from_folder (num_workers={base_dls.train.fake_l.num_workers}) | {base:,.0f} |")
    print(f"| nodown cifar_dls(fast=True) | {fast:,.0f} |")
    print(f"first run (decode + cache build): {build:.1f} s; later runs (cache read): {cached:.1f} s; peak RSS after build: {rss:,.0f} MiB")
    print(f"ratio fast/fastai: {fast/base:.1f}x")

if __name__ == '__main__': main()
