"""How to spend a machine's cores on a grid of runs: one worker with every thread, or a worker per core with one thread
each. The same grid (`--models` x `--seeds`, `--epochs` each) is trained through `compare(executor=local_pool(jobs))`
into a fresh folder per setting, the settings alternating round by round, and the wall time of each is printed with the
ratio against the first (one worker). Each setting's worker start-up is counted: it is part of what a grid costs. Data:
`NODOWN_DATA` (the CIFAR-10 training split) when set, else the bundled sample. Run it on an otherwise idle machine.

    python bench/grid_workers.py [--jobs 1 2] [--epochs 1] [--rounds 1] [--models vgg_4 vgg4_avg vgg4_stride vgg4_blur]
"""
import argparse, os, statistics, tempfile, time
from pathlib import Path
from nodown.compare import compare, local_pool
from nodown.config import DataConfig

def grid_seconds(jobs:int, models:list, seeds:tuple, epochs:int, source:str)->float:
    "Wall seconds of the grid on `jobs` local workers (each with its share of the threads), start-up included."
    out = Path(tempfile.mkdtemp())/f'j{jobs}'
    t = time.perf_counter()
    with local_pool(jobs) as pool:
        compare(models, DataConfig(source), seeds=seeds, epochs=epochs, out=out, show=False, executor=pool)
    return time.perf_counter() - t

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--jobs', type=int, nargs='+', default=[1, 2]); p.add_argument('--epochs', type=int, default=1)
    p.add_argument('--rounds', type=int, default=1); p.add_argument('--seeds', type=int, nargs='+', default=[0])
    p.add_argument('--models', nargs='+', default=['vgg_4', 'vgg4_avg', 'vgg4_stride', 'vgg4_blur'])
    a = p.parse_args()
    source = os.environ.get('NODOWN_DATA', 'sample')
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()
    secs = {j: [] for j in a.jobs}
    for _ in range(a.rounds):
        for j in a.jobs: secs[j].append(grid_seconds(j, a.models, tuple(a.seeds), a.epochs, source))
    base = statistics.median(secs[a.jobs[0]])
    print(f"grid: {len(a.models) * len(a.seeds)} runs of {a.epochs} epoch(s) on "
          f"{'NODOWN_DATA' if source != 'sample' else 'the sample'}, {cpus} CPU cores, {a.rounds} round(s)")
    for j in a.jobs:
        s = statistics.median(secs[j])
        print(f"{j} worker(s) x {max(1, cpus // j)} thread(s): {s:7.1f} s   speed vs {a.jobs[0]} worker(s): {base / s:.2f}x")
