#!/usr/bin/env bash
# Execute the study notebooks with their slow cells (the stored runs), saving outputs into the notebooks.
# Finished runs under results/ are skipped, so a rerun only redoes what is missing. Usage: bash tools/run_study.sh [NAME...]
set -euo pipefail
: "${NODOWN_DATA:?set NODOWN_DATA to the CIFAR-10 folder or archive the stored runs use}"
cd "$(dirname "$0")/../nbs/experiments"
export MPLBACKEND=Agg
for nb in ${@:-01_post 02_zoo 03_allcnn 04_analysis}; do
  echo "== $nb ($(date +%T))"
  exec_nb "$nb.ipynb" --dest "$nb.ipynb" --exc-stop
done
