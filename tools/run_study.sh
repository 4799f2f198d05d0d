#!/usr/bin/env bash
# Execute the study notebooks at their real budget, saving their outputs into the notebooks (what the docs show),
# with NODOWN_RESULTS pointing at results/: the stored runs are reused, a missing one is trained (tools/study_runs.sh
# trains them in the background first). Usage: bash tools/run_study.sh [NAME...]  (default: all seven, in order)
set -euo pipefail
: "${NODOWN_DATA:?set NODOWN_DATA to the CIFAR-10 folder or archive the stored runs use}"
root=$(cd "$(dirname "$0")/.." && pwd)
export MPLBACKEND=Agg NODOWN_RESULTS="$root/results" NODOWN_QUICK=0
cd "$root/nbs/experiments"
for nb in ${@:-01_post 02_zoo 03_allcnn 04_analysis 05_segmentation 06_frontier 07_strides}; do
  echo "== $nb ($(date +%T))"
  exec_nb "$nb.ipynb" --dest "$nb.ipynb" --exc-stop
  nbdev-clean --fname "$nb.ipynb"
done
python "$root/tools/clean_frames.py"
