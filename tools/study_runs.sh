#!/usr/bin/env bash
# The study's training runs from a shell, one at a time, into results/: `nodown.study.run_study`, the same runs the
# study notebooks ask for (with NODOWN_RESULTS=results they reuse them). Finished runs are skipped, an interrupted one
# resumes from its checkpoint. Meant for the background at low priority:
#   NODOWN_DATA=/path/to/cifar10-train-jpg.tgz nice -n 19 nohup bash tools/study_runs.sh > tmp/study_runs.log 2>&1 &
# Usage: bash tools/study_runs.sh [post|zoo|allcnn]...   (default: post zoo)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${NODOWN_DATA:?set NODOWN_DATA to the CIFAR-10 training split (folder or archive in fastai layout)}"
for name in ${@:-post zoo}; do
  echo "== $(date +%T) study $name"
  python -c "import sys; from nodown.study import run_study; run_study(sys.argv[1], sys.argv[2], 'results', show='auto')" "$name" "$NODOWN_DATA"
done
echo "== $(date +%T) done"
