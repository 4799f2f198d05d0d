#!/usr/bin/env bash
# The study's training runs from a shell into results/: `nodown.study.run_study`, the same runs the study notebooks ask
# for (with NODOWN_RESULTS=results they reuse them). Finished runs are skipped, an interrupted one resumes from its
# checkpoint. Meant for the background at low priority:
#   NODOWN_DATA=/path/to/cifar10-train-jpg.tgz nice -n 19 nohup bash tools/study_runs.sh > tmp/study_runs.log 2>&1 &
# Usage: bash tools/study_runs.sh [NAME[:START:STOP]]...   (default: post zoo; NAME a key of nodown.study.STUDIES;
# START:STOP: only those rows of its table, e.g. frontier:0:11 for the frontier's first rung)
# NODOWN_JOBS=N trains each row's runs on N local worker processes (`local_pool`; on 2 CPU cores 2 workers of one
# thread trained a grid 1.16x faster than one worker of two: bench/grid_workers.py); unset: one run at a time.
# Any number of these may run at once, on hosts sharing results/: each run is claimed, so each trains once, and a
# process leaves the runs others hold to them and goes on to its next row (NODOWN_WAIT=1: it waits for them instead).
# Stop one with `kill -TERM` (its claim is released and the last epoch's checkpoint kept).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${NODOWN_DATA:?set NODOWN_DATA to the CIFAR-10 training split (folder or archive in fastai layout)}"
for arg in ${@:-post zoo}; do
  echo "== $(date +%T) study $arg"
  python -c "
import os, sys; from contextlib import nullcontext; from nodown.study import run_study; from nodown.compare import local_pool
from nodown.cli import ctrl_c_handled   # SIGTERM as Ctrl-C: the run's claim is released, its checkpoint kept
name, *r = sys.argv[1].split(':'); rows = slice(*(int(x) if x else None for x in r)) if r else slice(None)
jobs = int(os.environ.get('NODOWN_JOBS') or 0)
try:
    with ctrl_c_handled(), local_pool(jobs) if jobs else nullcontext() as pool:
        run_study(name, sys.argv[2], 'results', show='auto', rows=rows, executor=pool,
                  wait=os.environ.get('NODOWN_WAIT') == '1')
except KeyboardInterrupt: sys.exit('stopped: finished runs and the last checkpoint are kept; the same command resumes')
" "$arg" "$NODOWN_DATA"
done
echo "== $(date +%T) done"
