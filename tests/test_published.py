"The published weights: the package's table and the leaderboard match results/, and every published net loads by name."
import importlib.util, io
from pathlib import Path
import pandas as pd, pytest, torch
from nodown.hub import published_runs, pretrained_runs, leaderboard, pick_pretrained, PUBLISHED, _logits
from nodown.models import create_model, list_models
from nodown.compare import load_run_model

ROOT = Path(__file__).parent.parent/'results'
PUBLISHED_MODELS = sorted({e['model'] for e in pretrained_runs()})

def test_the_package_table_is_results():
    "`python tools/publish.py` was run after the last results landed: same runs, files and hashes."
    assert pretrained_runs() == published_runs(ROOT), "run `python tools/publish.py` and commit what it writes"

def test_the_leaderboard_is_results():
    want = leaderboard(published_runs(ROOT)).to_csv(index=False)
    assert (ROOT/'leaderboard.csv').read_text() == want, "run `python tools/publish.py` and commit what it writes"

def test_no_pickled_weights_left():
    assert not list(ROOT.rglob('model.pth'))
    assert len(list(ROOT.rglob('model.safetensors'))) == len(pretrained_runs()) > 100

def test_every_study_net_is_published():
    for tag in ('post', 'zoo', 'seg'): assert set(list_models(tag=tag)) <= set(PUBLISHED_MODELS), tag
    assert set(list_models('*_cnn_c')) <= set(PUBLISHED_MODELS)

@pytest.mark.parametrize('name', PUBLISHED_MODELS)
def test_pretrained_loads_offline(name, monkeypatch):
    "`create_model(name, pretrained=True)` from a local results folder: the run's own logits."
    monkeypatch.setenv('NODOWN_WEIGHTS', str(ROOT))
    m = create_model(name, pretrained=True).eval()
    e = pick_pretrained(name)
    ref = load_run_model(ROOT/e['folder'], name, e['seed'])
    assert torch.equal(_logits(m, name), _logits(ref, name))
    assert m.pretrained_cfg['sha256'] == e['sha256']

def test_a_wrong_file_is_refused(tmp_path, monkeypatch):
    e = pick_pretrained('vgg_4'); p = tmp_path/e['file']; p.parent.mkdir(parents=True)
    p.write_bytes((ROOT/e['file']).read_bytes()[:-1] + b'\0')   # one byte changed
    monkeypatch.setenv('NODOWN_WEIGHTS', str(tmp_path))
    with pytest.raises(ValueError, match='a changed or corrupt file'): create_model('vgg_4', pretrained=True)

def test_a_study_from_published_weights(tmp_path, monkeypatch):
    "`run_study(..., published=True)` with nothing stored fetches the study's runs instead of training (no data needed)."
    from nodown.study import run_study
    from nodown.compare import summarize, load_results
    monkeypatch.setenv('NODOWN_WEIGHTS', str(ROOT))
    out = run_study('post', None, tmp_path, published=True)
    assert out == tmp_path/'post_30ep'
    assert sorted(p.name for p in out.iterdir()) == sorted(p.parent.name for p in (ROOT/'post_30ep').glob('*/result.json'))
    assert summarize(load_results(out)).final_acc.round(6).to_dict() == summarize(load_results(ROOT/'post_30ep')).final_acc.round(6).to_dict()
    assert torch.equal(_logits(load_run_model(out, 'vgg_4', 1), 'vgg_4'), _logits(load_run_model(ROOT/'post_30ep', 'vgg_4', 1), 'vgg_4'))

def _restat():
    spec = importlib.util.spec_from_file_location('restat', Path(__file__).parent.parent/'tools'/'restat.py')
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); return m

def test_stored_stats_are_counted_today():
    "Every finished run's params, MACs and receptive field are what `model_stats` counts on its weights now."
    from nodown.hub import run_folders
    rs = _restat()
    off = [(d, c['stored'], c['now']) for d in run_folders(ROOT) if (c := rs.recount(d)) and c['stored'] != c['now']]
    assert not off, f"run `python tools/restat.py results --write` (then tools/publish.py): {off[:3]}"

def test_restat_rewrites_only_rf(tmp_path, capsys):
    "A run stored with a wrong rf gets the counted one (and its folder's summary); one whose MACs differ is left alone."
    import json, shutil
    from nodown.core import read_json
    rs = _restat(); src = ROOT/'strides_10ep'
    for n in ('vgg4_spectral-s0', 'vgg4_spectral-s1'): shutil.copytree(src/n, tmp_path/n)
    for n, k, v in (('vgg4_spectral-s0', 'rf', 9), ('vgg4_spectral-s1', 'MMACs', 3.0)):
        r = read_json(tmp_path/n/'result.json'); (tmp_path/n/'result.json').write_text(json.dumps({**r, k: v}))
    assert rs.main([str(tmp_path)]) == 1   # a dry run: nothing written
    assert read_json(tmp_path/'vgg4_spectral-s0'/'result.json')['rf'] == 9
    assert rs.main([str(tmp_path), '--write']) == 1
    fixed = read_json(tmp_path/'vgg4_spectral-s0'/'result.json')['rf']
    assert fixed == 144 == read_json(src/'vgg4_spectral-s0'/'result.json')['rf']
    assert read_json(tmp_path/'vgg4_spectral-s1'/'result.json')['MMACs'] == 3.0   # left alone, and said
    assert 'left alone' in capsys.readouterr().err and (tmp_path/'results.csv').exists()
