"""`nodown models` before and after: the old table (each model built and run three times on real zero tensors: MACs,
receptive field, block sizes) against `models_table` (one pass per model, on the meta device: no memory, no
arithmetic), each in a fresh process as the command runs it, alternated, in one run. Prints the ratio of the medians.

    python bench/models_listing.py [REPS]
"""
import statistics, subprocess, sys, time

OLD = """
from nodown.models import list_models, create_model
from nodown.stats import count_macs, receptive_field, block_sizes
rows = {n: (count_macs(m := create_model(n)), receptive_field(m), block_sizes(m)) for n in list_models()}
"""
NEW = """
from nodown.stats import models_table
t = models_table()
"""

def seconds(code:str)->float:
    "Wall time of `python -c code` in a fresh process."
    t = time.perf_counter(); subprocess.run([sys.executable, '-c', code], check=True); return time.perf_counter() - t

if __name__ == '__main__':
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    old, new = [], []
    for _ in range(reps): old.append(seconds(OLD)); new.append(seconds(NEW))
    o, n = statistics.median(old), statistics.median(new)
    print(f"every registered model's table in a fresh process (import included), median of {reps}: "
          f"three passes on real tensors {o:.2f} s, one pass on the meta device {n:.2f} s: {o/n:.2f}x")
