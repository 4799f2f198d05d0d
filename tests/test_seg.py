"Segmentation from the command line, offline: the three nets on the sample's mosaic, a CamVid-layout folder, bad folders."
import json
from pathlib import Path
import numpy as np, pandas as pd, pytest
from PIL import Image
from conftest import nodown
from nodown.segdata import camvid_like

SEG = ('seg_dilated', 'seg_fcn', 'seg_unet')

def test_models_tag_seg():
    r = nodown('models', '--tag', 'seg')
    assert r.returncode == 0, r.stderr
    rows = {l.split()[0]: l.split() for l in r.stdout.splitlines()[2:]}
    assert sorted(rows) == list(SEG)
    assert rows['seg_fcn'][-2] == '64→32→16→8→16→32→64' and rows['seg_dilated'][-2] == '64'   # resolution per layer
    assert [rows[m][4] for m in SEG] == ['45', '22', '22']                                     # receptive fields

def test_compare_the_three_on_the_mosaic(tmp_path):
    r = nodown('compare', *SEG, '--data', 'mosaic-sample', '--epochs', '1', '--out', tmp_path)
    assert r.returncode == 0, r.stderr
    res = pd.read_csv(tmp_path/'results.csv', index_col='model')
    assert list(res.index) == list(SEG) and res.final_miou.between(0, 1).all() and res.final_acc.between(0, 1).all()
    for m in SEG:
        j = json.loads((tmp_path/f'{m}-s0'/'result.json').read_text())
        assert j['config']['task'] == 'segment' and j['config']['data'] == 'mosaic-sample' and len(j['vocab']) == 11
        assert (tmp_path/f'{m}-s0'/'model.safetensors').exists()
    assert 'final_miou' in r.stdout and (tmp_path/'history.png').exists() and (tmp_path/'history_miou.png').exists()

def test_camvid_layout_folder(tmp_path):
    data = camvid_like(tmp_path/'camvid', n=10)
    r = nodown('train', 'seg_unet', '--data', data, '--epochs', '1', '--bs', '4', '--out', tmp_path/'out')
    assert r.returncode == 0, r.stderr
    j = json.loads((tmp_path/'out'/'seg_unet-s0'/'result.json').read_text())
    assert j['vocab'] == ['Sky', 'Road', 'Car'] and j['config']['fast'] is False and j['params'] == 52_311

def _bad(path, how):
    data = camvid_like(path, n=6)
    if how == 'codes': (data/'codes.txt').unlink()
    if how == 'size': Image.fromarray(np.zeros((40, 64), np.uint8)).save(data/'labels'/'0001_P.png')
    if how == 'value': Image.fromarray(np.full((48, 64), 9, np.uint8)).save(data/'labels'/'0002_P.png')
    return data

@pytest.mark.parametrize('how,msg', [('codes', 'No codes.txt in'), ('size', 'a mask must match its image'),
                                     ('value', 'has label 9, outside the 3 codes')])
def test_bad_segmentation_folders(tmp_path, how, msg):
    r = nodown('train', 'seg_fcn', '--data', _bad(tmp_path/'d', how), '--epochs', '1', '--bs', '2', '--out', tmp_path/'out')
    assert r.returncode == 2 and msg in r.stderr and 'Traceback' not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr

def test_mixed_tasks_refused(tmp_path):
    r = nodown('compare', 'vgg_4', 'seg_fcn', '--epochs', '1', '--out', tmp_path)
    assert r.returncode == 2 and 'separate calls' in r.stderr and 'Traceback' not in r.stderr
