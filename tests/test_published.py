"The published weights: the package's table and the leaderboard match results/, and every published net loads by name."
import io
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
