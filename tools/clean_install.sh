#!/usr/bin/env bash
# `pip install nodown` as users get it: build the wheel and the sdist, install the wheel with no extras into a fresh
# virtual environment outside the checkout, then run there, offline, the README's Python examples and a 1-epoch
# `nodown compare` on the bundled sample. Usage: bash tools/clean_install.sh  (PYTHON picks the interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-python3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
t0=$(date +%s)
"$py" -m build -q -w -s -o "$tmp/dist" . >/dev/null
ls -l "$tmp"/dist | awk 'NR>1 {printf "built %s: %d bytes\n", $9, $5}'
"$py" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --upgrade pip >/dev/null
"$tmp/venv/bin/python" -m pip install -q "$tmp"/dist/*.whl 2>&1 | grep -v '^WARNING: Location' || true
if "$tmp/venv/bin/python" -c "import accelerate" 2>/dev/null; then echo "accelerate is installed in the clean environment"; fi
"$py" - README.md > "$tmp/readme_examples.py" <<'PY'
import re, sys
print('\n'.join(re.findall(r"```python\n(.*?)```", open(sys.argv[1]).read(), re.S)))
PY
cd "$tmp"   # away from the checkout, so `import nodown` is the installed wheel
export NODOWN_CACHE="$tmp/cache" MPLBACKEND=Agg HF_HUB_OFFLINE=1
for m in nodown.models nodown.compare; do
  "$tmp/venv/bin/python" -X importtime -c "import $m" 2>&1 | tail -1 | awk -v m=$m -F'|' '{printf "import %s: %.2f s\n", m, $2/1e6}'
done
"$tmp/venv/bin/python" -c "import nodown, sys; assert 'site-packages' in nodown.__file__, nodown.__file__"
"$tmp/venv/bin/python" readme_examples.py > /dev/null
echo "README examples: ok"
"$tmp/venv/bin/nodown" compare --data sample --epochs 1 --out "$tmp/runs" > "$tmp/compare.log"
tail -n 4 "$tmp/compare.log"
echo "clean install step: $(( $(date +%s) - t0 )) s"
