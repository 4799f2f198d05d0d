#!/usr/bin/env bash
# `pip install nodown` as users get it: build the wheel and the sdist, install the wheel with no extras into a fresh
# virtual environment outside the checkout, then run there, offline, the README's Python examples, every study
# notebook at NODOWN_QUICK=1 from a temporary folder (tools/quick_studies.sh), and a 1-epoch `nodown compare` on the
# bundled sample. Usage: bash tools/clean_install.sh  (PYTHON picks the interpreter)
# To keep CI short, torch, torchvision, triton and the CUDA wheels (6 GB, the same versions pip would pick) are linked
# from PYTHON's environment when it has them; everything else comes from the wheel's declared dependencies.
# FULL=1 installs torch too. DIST=folder checks the sdist and wheel already built there (the release workflow's files)
# instead of building them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
py=${PYTHON:-python3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
t0=$(date +%s)
if [ -n "${DIST:-}" ]; then
  mkdir "$tmp/dist" && cp "$DIST"/*.whl "$DIST"/*.tar.gz "$tmp/dist/"
else
  "$py" -m build -w -s -o "$tmp/dist" . > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
fi
ls -l "$tmp"/dist | awk 'NR>1 {printf "built %s: %d bytes\n", $9, $5}'
"$py" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --upgrade pip > /dev/null 2>&1
src_sp=$("$py" -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")
dst_sp=$("$tmp/venv/bin/python" -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")
if [ -z "${FULL:-}" ] && [ -d "$src_sp/torch" ]; then
  for p in "$src_sp"/{torch,torchgen,torchvision,torchvision.libs,triton,nvidia,cuda}{,-*.dist-info} "$src_sp"/{nvidia_,cuda_}*.dist-info; do
    [ -e "$p" ] && ln -s "$p" "$dst_sp/"
  done
  echo "torch, torchvision, triton and the CUDA wheels linked from $src_sp"
fi
"$tmp/venv/bin/python" -m pip install -q "$tmp"/dist/*.whl 2>&1 | grep -v '^WARNING: Location' || true
if "$tmp/venv/bin/python" -c "import accelerate" 2>/dev/null; then echo "accelerate is installed in the clean environment"; fi
"$py" - README.md > "$tmp/readme_examples.py" <<'PY'
import re, sys
print('\n'.join(re.findall(r"```python\n(.*?)```", open(sys.argv[1]).read(), re.S)))
PY
cd "$tmp"   # away from the checkout, so `import nodown` is the installed wheel
export NODOWN_CACHE="$tmp/cache" MPLBACKEND=Agg HF_HUB_OFFLINE=1
export NODOWN_WEIGHTS="$root/results"   # the published weights, from the checkout: there is no network here
for m in nodown.models nodown.compare; do
  if out=$("$tmp/venv/bin/python" -X importtime -c "import $m" 2>&1); then
    echo "$out" | grep '^import time:' | tail -n 1 | awk -v m=$m -F'|' '{printf "import %s: %.2f s\n", m, $2/1e6}'
  else echo "import $m failed in the clean environment:"; echo "$out" | grep -v '^import time:' | tail -n 8; exit 1; fi
done
"$tmp/venv/bin/python" -c "import nodown, sys; assert 'site-packages' in nodown.__file__, nodown.__file__"
"$tmp/venv/bin/python" readme_examples.py > /dev/null
echo "README examples: ok"
"$tmp/venv/bin/python" -m pip install -q ipython execnb 2>&1 | grep -v '^WARNING: Location' || true   # Colab has IPython
PY="$tmp/venv/bin/python" bash "$root/tools/quick_studies.sh" "$root"/nbs/experiments/*.ipynb   # every study notebook, as on Colab
"$tmp/venv/bin/nodown" compare vgg_4 --data sample --epochs 1 --out "$tmp/runs" > "$tmp/compare.log"
tail -n 4 "$tmp/compare.log"
echo "clean install step: $(( $(date +%s) - t0 )) s"
