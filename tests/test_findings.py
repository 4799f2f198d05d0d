"The home page states the findings the stored runs support, with the numbers in results/: README and notebook agree with the files."
import json, shutil
from pathlib import Path
import pytest
from nodown.study import findings, findings_md, headline_md
from nodown.core import read_json, save_atomic, dumps_strict

ROOT = Path(__file__).resolve().parents[1]

def index_markdown()->str:
    "The Markdown outputs stored in nbs/index.ipynb."
    nb = json.loads((ROOT/'nbs'/'index.ipynb').read_text())
    return '\n'.join(''.join(o['data']['text/markdown']) for c in nb['cells'] for o in c.get('outputs', []) if 'text/markdown' in o.get('data', {}))

def test_findings_are_stated():
    fs = findings(ROOT/'results')
    assert 3 <= len(fs) <= 6, fs
    assert all('](https://nodown.github.io/nodown/experiments/' in f for f in fs)   # each links the page that shows it

@pytest.mark.parametrize('text', [lambda: (ROOT/'README.md').read_text(), index_markdown], ids=['README', 'index.ipynb'])
def test_home_page_matches_results(text):
    t = text()
    assert findings_md(ROOT/'results') in t, "the findings on the home page differ from results/: re-run nbs/index.ipynb and tools/readme.py"
    assert headline_md(ROOT/'results') in t

def test_a_changed_result_changes_the_findings(tmp_path):
    "The check above can fail: one accuracy changed in a copy of results/ changes the findings."
    shutil.copytree(ROOT/'results'/'post_30ep', tmp_path/'post_30ep', ignore=shutil.ignore_patterns('*.pth'))
    before = findings_md(tmp_path) + headline_md(tmp_path)
    f = tmp_path/'post_30ep'/'vgg_4-s0'/'result.json'; r = read_json(f); r['final_acc'] -= 0.05
    save_atomic(dumps_strict(r), f)
    assert findings_md(tmp_path) + headline_md(tmp_path) != before
