"The home page states the findings the stored runs support, with the numbers in results/: README and notebook agree with the files."
import json, shutil
from pathlib import Path
import pytest
from nodown.study import findings, findings_md, headline_md, frontier_finding, seg_finding, answer_md, results_md
from nodown.core import read_json, save_atomic, dumps_strict

ROOT = Path(__file__).resolve().parents[1]

def index_markdown(name:str='index')->str:
    "The Markdown outputs stored in nbs/{name}.ipynb."
    nb = json.loads((ROOT/'nbs'/f'{name}.ipynb').read_text())
    return '\n'.join(''.join(o['data']['text/markdown']) for c in nb['cells'] for o in c.get('outputs', []) if 'text/markdown' in o.get('data', {}))

def test_findings_are_stated():
    fs = findings(ROOT/'results')
    assert 3 <= len(fs) <= 8, fs   # one statement a study at most: the findings stay a short list
    assert all('](https://nodown.github.io/nodown/experiments/' in f for f in fs)   # each links the page that shows it

@pytest.mark.parametrize('text', [lambda: (ROOT/'README.md').read_text(), index_markdown], ids=['README', 'index.ipynb'])
def test_home_page_matches_results(text):
    "The home page and the README open with the answer and the results table, as results/ gives them."
    t = text()
    a = answer_md(ROOT/'results')
    assert a and a in t, "the answer on the home page differs from results/: re-run nbs/index.ipynb and tools/readme.py"
    assert results_md(ROOT/'results') in t
    if '## Install' in t: assert t.index(a) < t.index('## Install'), "the answer comes before the install"   # README

def test_readme_is_short():
    n = len((ROOT/'README.md').read_text().splitlines())
    assert 60 <= n <= 110, f"README.md has {n} lines: the long sections belong in the guide (nbs/00_guide.ipynb)"

def test_guide_matches_results():
    t = index_markdown('00_guide')
    assert findings_md(ROOT/'results') in t, "the findings in the guide differ from results/: re-run nbs/00_guide.ipynb"
    assert headline_md(ROOT/'results') in t

def test_a_changed_result_changes_the_findings(tmp_path):
    "The check above can fail: one accuracy changed in a copy of results/ changes the findings."
    shutil.copytree(ROOT/'results'/'post_30ep', tmp_path/'post_30ep', ignore=shutil.ignore_patterns('*.pth'))
    before = findings_md(tmp_path) + headline_md(tmp_path)
    f = tmp_path/'post_30ep'/'vgg_4-s0'/'result.json'; r = read_json(f); r['final_acc'] -= 0.05
    save_atomic(dumps_strict(r), f)
    assert findings_md(tmp_path) + headline_md(tmp_path) != before

def test_a_changed_result_changes_the_answer(tmp_path):
    "The home page's check can fail: one zoo accuracy changed in a copy of results/ changes the answer and the table."
    shutil.copytree(ROOT/'results'/'zoo_10ep', tmp_path/'zoo_10ep', ignore=shutil.ignore_patterns('*.pth', '*.safetensors'))
    before = answer_md(tmp_path), results_md(tmp_path)
    _nudge(tmp_path/'zoo_10ep'/'vgg_4-s0'/'result.json', 0.01)
    after = answer_md(tmp_path), results_md(tmp_path)
    assert after[0] != before[0] and after[1] != before[1]

def _copy(names, dest):
    for n in names: shutil.copytree(ROOT/'results'/n, dest/n, ignore=shutil.ignore_patterns('*.pth', '*.safetensors'))

def _nudge(f:Path, by:float, key:str='final_acc'):
    r = read_json(f); r[key] += by; save_atomic(dumps_strict(r), f)

def test_the_frontier_finding_is_the_first_and_reads_results(tmp_path):
    "The equal-compute statement opens the findings, and every run it rests on moves it: one accuracy changed changes it."
    s = frontier_finding(ROOT/'results')
    assert s is not None and findings(ROOT/'results')[0] == s, "no equal-compute finding: the frontier's runs are missing"
    _copy(['zoo_10ep', 'frontier_10ep'], tmp_path)
    assert frontier_finding(tmp_path) == s
    runs = sorted((tmp_path/'frontier_10ep').glob('*/*/result.json')) + sorted((tmp_path/'zoo_10ep').glob('*/result.json'))
    moved = 0
    for f in runs:
        _nudge(f, 0.05); moved += frontier_finding(tmp_path) != s; _nudge(f, -0.05)
    assert moved > 0 and frontier_finding(tmp_path) == s

def test_the_matched_segmentation_reads_results(tmp_path):
    "When the MAC-matched segmentation runs are stored, the finding states them, and a changed mean IoU changes it."
    s = seg_finding(ROOT/'results')
    if 'Matched on MACs' not in s: pytest.skip("the MAC-matched segmentation runs are not stored yet")
    _copy(['seg_4ep', 'seg_4ep_w0.3'], tmp_path)
    assert seg_finding(tmp_path) == s
    matched = (tmp_path/'seg_4ep'/'seg_fcn2-s0'/'result.json', tmp_path/'seg_4ep_w0.3'/'seg_dilated-s0'/'result.json')
    _nudge(next(f for f in matched if f.exists()), 0.05, 'final_miou')   # whichever matched runs are stored
    assert seg_finding(tmp_path) != s
