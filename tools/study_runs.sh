#!/usr/bin/env bash
# The study's training runs from a shell, one at a time, into results/: `nodown.study.run_study`, the same runs the
# study notebooks ask for (with NODOWN_RESULTS=results they reuse them). Finished runs are skipped, an interrupted one
# resumes from its checkpoint. Meant for the background at low priority:
#   NODOWN_DATA=/path/to/cifar10-train-jpg.tgz nice -n 19 nohup bash tools/study_runs.sh > tmp/study_runs.log 2>&1 &
# Usage: bash tools/study_runs.sh [NAME[:START:STOP]]...   (default: post zoo; NAME a key of nodown.study.STUDIES;
# START:STOP: only those rows of its table, e.g. frontier:0:11 for the frontier's first rung)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${NODOWN_DATA:?set NODOWN_DATA to the CIFAR-10 training split (folder or archive in fastai layout)}"
for arg in ${@:-post zoo}; do
  echo "== $(date +%T) study $arg"
  python -c "
import sys; from nodown.study import run_study
name, *r = sys.argv[1].split(':'); rows = slice(*(int(x) if x else None for x in r)) if r else slice(None)
run_study(name, sys.argv[2], 'results', show='auto', rows=rows)" "$arg" "$NODOWN_DATA"
done
echo "== $(date +%T) done"
