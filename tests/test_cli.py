"End-to-end tests of the `nodown` command line, offline, on the bundled sample."
import json, os, shutil, signal, subprocess, sys, time
from pathlib import Path
import pytest
from conftest import nodown

def test_console_script_installed():
    assert shutil.which('nodown'), "the `nodown` console script is not on PATH"
    r = subprocess.run(['nodown', '--help'], capture_output=True, text=True)
    assert r.returncode == 0 and 'compare' in r.stdout

def test_models_table():
    r = nodown('models', 'vgg4*')
    assert r.returncode == 0, r.stderr
    assert '172930' in r.stdout and 'vgg4_dilation_same' in r.stdout and 'all_cnn_c' not in r.stdout

@pytest.mark.parametrize('args,msg', [
    (['train', 'vgg_5'], 'Unknown model'),
    (['train', 'vgg_4', '--epochs', '-1'], 'expected a positive integer'),
    (['train', 'vgg_4', '--epochs', '0'], 'expected a positive integer'),
    (['train', 'vgg_4', '--lr', 'fast'], 'expected a positive number'),
    (['compare', 'vgg_4', 'nope'], 'Unknown model'),
    (['models', 'zzz*'], 'No model matches'),
    (['lr-find', 'vgg_4', '--recipe', 'sgd'], 'invalid choice'),
])
def test_bad_arguments(args, msg, tmp_path):
    r = nodown(*args, '--out', tmp_path) if args[0] != 'models' else nodown(*args)
    assert r.returncode == 2
    assert msg in r.stderr and 'Traceback' not in r.stderr
    assert r.stderr.strip().splitlines()[-1].startswith(('nodown: error:', 'usage:', 'nodown '))

def test_bad_data_path(tmp_path):
    (tmp_path/'data'/'cats').mkdir(parents=True)
    r = nodown('train', 'vgg_4', '--data', tmp_path/'data', '--out', tmp_path/'out')
    assert r.returncode == 2 and "No 'train' folder in" in r.stderr and 'Traceback' not in r.stderr

def test_unwritable_out(tmp_path):
    (tmp_path/'file').write_text('x')
    r = nodown('train', 'vgg_4', '--out', tmp_path/'file'/'sub')
    assert r.returncode == 2 and 'not writable' in r.stderr and 'Traceback' not in r.stderr

def test_train_and_rerun_skips(tmp_path):
    r = nodown('train', 'vgg_4', '--epochs', '1', '--lr', '3e-3', '--out', tmp_path)
    assert r.returncode == 0, r.stderr
    res = json.loads((tmp_path/'vgg_4-s0'/'result.json').read_text())
    assert res['params'] == 25474 and len(res['history']) == 1 and 0 < res['final_acc'] <= 1
    assert (tmp_path/'history.png').stat().st_size > 0 and (tmp_path/'results.csv').exists()
    t = time.time(); r = nodown('train', 'vgg_4', '--epochs', '1', '--lr', '3e-3', '--out', tmp_path)
    assert r.returncode == 0 and '(done, skipped)' in r.stdout

def test_compare_two_seeds(tmp_path):
    r = nodown('compare', 'vgg_4', 'vgg4_stride', '--epochs', '1', '--lr', '3e-3', '--seeds', '0', '1', '--out', tmp_path)
    assert r.returncode == 0, r.stderr
    rs = json.loads((tmp_path/'results.json').read_text())
    assert sorted((o['model'], o['seed']) for o in rs) == [('vgg4_stride',0),('vgg4_stride',1),('vgg_4',0),('vgg_4',1)]
    assert 'vgg4_stride' in r.stdout and (tmp_path/'tradeoff.png').exists()

def test_lr_find(tmp_path):
    r = nodown('lr-find', 'vgg_4', '--out', tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path/'lr_find-vgg_4.png').stat().st_size > 0 and 'valley suggestion' in r.stdout

def test_interrupt_then_resume(tmp_path):
    "Ctrl-C during epoch 2 of 3 keeps epoch 1's checkpoint; the same command resumes from it."
    cmd = [sys.executable, '-m', 'nodown.cli', 'train', 'vgg4_dilation', '--epochs', '3', '--lr', '3e-3', '--out', str(tmp_path)]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ck = tmp_path/'vgg4_dilation-s0'/'ckpt.pth'
    t = time.time()
    while not ck.exists() and time.time()-t < 300 and p.poll() is None: time.sleep(0.2)
    assert ck.exists(), p.communicate()
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 130, err
    assert 'interrupted' in err and not (tmp_path/'vgg4_dilation-s0'/'result.json').exists()
    assert not list(tmp_path.rglob('*.tmp'))      # nothing half-written
    r = nodown('train', 'vgg4_dilation', '--epochs', '3', '--out', tmp_path)
    assert r.returncode == 0, r.stderr
    res = json.loads((tmp_path/'vgg4_dilation-s0'/'result.json').read_text())
    assert res['resumed_from'] >= 1 and [h['epoch'] for h in res['history']] == [0, 1, 2]
    assert res['lr'] == 3e-3 and not ck.exists()
    assert json.loads((tmp_path/'results.json').read_text())[0]['model'] == 'vgg4_dilation'
