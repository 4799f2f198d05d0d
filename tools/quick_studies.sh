#!/usr/bin/env bash
# Every study notebook run top to bottom as a new user runs it (on Colab, say): copied into an empty temporary folder
# outside the checkout, with PY's environment (the installed package), at the quick budget on the bundled sample
# (NODOWN_QUICK=1 NODOWN_DATA=sample), runs written beside the notebooks (NODOWN_RESULTS unset). Outputs are not saved.
# Usage: PY=/path/to/venv/bin/python bash tools/quick_studies.sh [NOTEBOOK...]   (default: nbs/experiments/*.ipynb)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
py=${PY:-python}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
nbs=("$@"); [ ${#nbs[@]} -gt 0 ] || nbs=("$root"/nbs/experiments/*.ipynb)
cp "${nbs[@]}" "$work/"
cd "$work"
export NODOWN_QUICK=1 NODOWN_DATA=sample MPLBACKEND=Agg; unset NODOWN_RESULTS
for nb in "${nbs[@]}"; do
  t0=$(date +%s); name=$(basename "$nb")
  if ! "$(dirname "$py")/exec_nb" "$name" --exc-stop
  then echo "$name failed at NODOWN_QUICK=1 outside the checkout"; exit 1; fi
  echo "$name at NODOWN_QUICK=1, outside the checkout: ok ($(( $(date +%s) - t0 )) s)"
done
