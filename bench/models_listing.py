"""`nodown models` before and after its table was cached: the table counted in a fresh process (every model built on
the meta device and its MACs counted, what the command did until session 7) against the command reading its cached
table (no torch import), each in a fresh process as a shell runs it, alternated, in one run. Prints the ratio of the
medians. The cache is warmed once before timing.

    python bench/models_listing.py [REPS]
"""
import statistics, subprocess, sys, tempfile, time

COUNTED = "from nodown.stats import models_table; print(models_table().drop(columns=['description', 'source']).to_string())"
CACHED = "from nodown.cli import main; main(['models'])"

def seconds(code:str, env:dict)->float:
    "Wall time of `python -c code` in a fresh process."
    t = time.perf_counter(); subprocess.run([sys.executable, '-c', code], check=True, env=env, capture_output=True)
    return time.perf_counter() - t

if __name__ == '__main__':
    import os
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = {**os.environ, 'NODOWN_CACHE': tempfile.mkdtemp()}
    seconds(CACHED, env)   # the first listing of a version counts and caches the table
    old, new = [], []
    for _ in range(reps): old.append(seconds(COUNTED, env)); new.append(seconds(CACHED, env))
    o, n = statistics.median(old), statistics.median(new)
    print(f"`nodown models` in a fresh process (imports included), median of {reps}: table counted {o:.2f} s, "
          f"read from the cache {n:.2f} s: {o/n:.1f}x")
