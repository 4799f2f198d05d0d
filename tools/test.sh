#!/usr/bin/env bash
# The project's test command (README): library in sync with the notebooks, notebook tests, pytest, docs site.
set -euo pipefail
cd "$(dirname "$0")/.."
export MPLBACKEND=Agg NO_MKDOCS_2_WARNING=1
echo "== nbdev-export leaves nodown/ unchanged"
nbdev-export
git diff --exit-code --stat -- nodown || { echo "nodown/ does not match the notebooks: edit nbs/, run nbdev-export, commit both"; exit 1; }
echo "== README.md is generated from nbs/index.ipynb"
python tools/readme.py --check
echo "== no progress-bar frames stored in notebook outputs"
python tools/clean_frames.py --check
echo "== nbdev-test of the module notebooks (the study notebooks run at NODOWN_QUICK=1 outside the checkout: tools/quick_studies.sh)"
nbdev-test --n-workers 2 --skip-folder-re "^experiments$"
echo "== pytest (CLI end to end, distributed, docs site in a browser)"
python -m pytest -q tests
