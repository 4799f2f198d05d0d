"The library's style rules that a machine can check: short lines, no unused imports."
import subprocess, sys
from pathlib import Path
import pytest

LIB = sorted(p for p in (Path(__file__).parent.parent/'nodown').glob('*.py') if p.name != '_modidx.py')

def generated(lines:list)->set:
    "Line numbers nbdev writes itself: the module docstring and the `__all__` list."
    out, in_all = {1, 2, 3}, False
    for i, l in enumerate(lines, 1):
        if l.startswith('__all__'): in_all = True
        if in_all: out.add(i); in_all = not l.rstrip().endswith(']')
    return out

@pytest.mark.parametrize('path', LIB, ids=lambda p: p.name)
def test_no_line_over_120_columns(path):
    lines = path.read_text().split('\n')
    long = [f"{path.name}:{i}: {len(l)}" for i, l in enumerate(lines, 1) if len(l) > 120 and i not in generated(lines)]
    assert not long, f"lines over 120 columns (edit the notebook, then nbdev-export): {long}"

def test_no_unused_imports():
    r = subprocess.run([sys.executable, '-m', 'pyflakes', *map(str, LIB)], capture_output=True, text=True)
    def noqa(l):   # an import kept on purpose says so on its line: `# noqa`
        f, n = l.split(':')[:2]; return 'noqa' in Path(f).read_text().split('\n')[int(n)-1]
    unused = [l for l in r.stdout.splitlines() if 'imported but unused' in l and not noqa(l)]
    assert not unused, '\n'.join(unused)

NBS = sorted((Path(__file__).parent.parent/'nbs').glob('0*.ipynb'))

def export_runs(nb:Path)->list:
    "Runs of export cells with no example or test between them: [(length, first line of each)]."
    import json
    runs, run = [], []
    for c in json.loads(nb.read_text())['cells']:
        s = ''.join(c['source'])
        if c['cell_type'] != 'code' or s.startswith('#| default_exp'): continue
        if s.startswith('#| export'):
            if 'from __future__' in s: continue   # the imports
            run.append(s.split('\n')[1][:40])
        elif s.startswith('#| hide') and 'test_' not in s and 'assert' not in s: continue
        else: runs.append(run); run = []
    return [r for r in runs + [run] if r]

@pytest.mark.parametrize('nb', NBS, ids=lambda p: p.name)
def test_fastcore_rhythm(nb):
    "Every export is soon shown or tested: never more than two export cells in a row (a helper and its user)."
    long = [r for r in export_runs(nb) if len(r) > 2]
    assert not long, f"{nb.name}: export cells with no example between them: {long}"
