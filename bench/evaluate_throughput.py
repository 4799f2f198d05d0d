"""`evaluate` against a bare forward loop over the same tensors, measured side by side in one run: three trained runs
of `vgg_4` (one epoch on the bundled sample) scored on a folder of class subfolders (the sample's 2,000 images).
`evaluate` decodes the folder once and scores every run; the baseline decodes it once too (`folder_dl`) and runs
each model over the same batches with nothing else. Prints the ratio (1.0: no overhead).

    python bench/evaluate_throughput.py
"""
import tempfile, time, contextlib, io
from pathlib import Path
import torch
from nodown.compare import compare, evaluate, load_run_model
from nodown.data import folder_dl, sample_path

def bare(out:Path, folder:Path, seeds:tuple, vocab:list)->float:
    "Seconds to decode `folder` once and run each run's model over its batches, nothing else."
    t = time.perf_counter()
    dl = folder_dl(folder, vocab, bs=256)
    with torch.no_grad():
        for s in seeds:
            m = load_run_model(out, 'vgg_4', s)
            for xb, yb in dl: m(xb.as_subclass(torch.Tensor)).argmax(1)
    return time.perf_counter() - t

if __name__ == '__main__':
    out, seeds = Path(tempfile.mkdtemp())/'runs', (0, 1, 2)
    with contextlib.redirect_stdout(io.StringIO()): compare(['vgg_4'], 'sample', epochs=1, seeds=seeds, out=out, show=False)
    folder = sample_path()/'train'
    vocab = sorted(p.name for p in folder.iterdir() if p.is_dir())
    bare(out, folder, seeds, vocab)   # warm-up: caches, threads
    te, tb = [], []
    for _ in range(3):
        t = time.perf_counter(); ev = evaluate(out, folder); te.append(time.perf_counter() - t)
        tb.append(bare(out, folder, seeds, vocab))
    n = int(ev.n.sum())
    e, b = min(te), min(tb)
    print(f"{len(seeds)} runs x {n // len(seeds)} images: evaluate {e:.2f} s ({n/e:.0f} img/s), bare loop {b:.2f} s "
          f"({n/b:.0f} img/s): evaluate takes {e/b:.2f}x the bare loop's time")
