"End-to-end tests of the `nodown` command line, offline, on the bundled sample."
import json, os, pickle, shutil, signal, subprocess, sys, time
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
    r = nodown('models', 'resnet*')   # the output strides: final map side and MACs of each
    rows = {l.split()[0]: l.split() for l in r.stdout.splitlines()[2:]}
    assert [rows[m][-3] for m in ('resnet38', 'resnet38_os2', 'resnet38_dilated')] == ['8', '16', '32'], r.stdout
    r = nodown('models', '--tag', 'post')
    assert sorted(l.split()[0] for l in r.stdout.splitlines()[2:]) == ['vgg4_dilation', 'vgg4_dilation_same', 'vgg4_large_filter', 'vgg_4']

@pytest.mark.parametrize('args,msg', [
    (['train', 'vgg_5'], 'Unknown model'),
    (['train', 'vgg_4', '--epochs', '-1'], 'expected a positive integer'),
    (['train', 'vgg_4', '--epochs', '0'], 'expected a positive integer'),
    (['train', 'vgg_4', '--lr', 'fast'], 'expected a positive number'),
    (['compare', 'vgg_4', 'nope'], 'Unknown model'),
    (['models', 'zzz*'], 'No model matches'),
    (['lr-find', 'vgg_4', '--recipe', 'sgd'], 'invalid choice'),
    (['train', 'vgg_4', '--data', 'sample', '--model-kw', 'wdith=2'], "vgg_4 has no option 'wdith'"),
    (['lr-find', 'vgg_4', '--model-kw', 'wdith=2'], "vgg_4 has no option 'wdith'"),
    (['train', 'convmixer_64_4', '--data', 'sample', '--model-kw', 'dim=32'], "sets 'dim' itself"),
    (['train', 'vgg_4', '--model-kw', 'width'], 'expected KEY=VALUE'),
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
    r = nodown('train', 'vgg_4', '--data', 'sample', '--out', tmp_path/'file'/'sub')
    assert r.returncode == 2 and 'not writable' in r.stderr and 'Traceback' not in r.stderr

def strict_json(path):
    "Parse `path` as strict JSON: NaN and Infinity raise."
    def no(c): raise ValueError(f"{c} in {path}")
    return json.loads(Path(path).read_text(), parse_constant=no)

def test_train_and_rerun_skips(tmp_path):
    r = nodown('train', 'vgg_4', '--data', 'sample', '--epochs', '1', '--lr', '3e-3', '--out', tmp_path)
    assert r.returncode == 0, r.stderr
    res = strict_json(tmp_path/'vgg_4-s0'/'result.json')
    assert res['params'] == 25474 and len(res['history']) == 1 and 0 < res['final_acc'] <= 1
    assert res['config']['data'] == 'sample' and res['config']['bs'] == 64 and res['config']['lr'] == 3e-3
    assert res['env']['torch'] and res['status'] == 'finished'
    assert (tmp_path/'history.png').stat().st_size > 0 and (tmp_path/'results.csv').exists()
    assert (tmp_path/'vgg_4-s0'/'model.safetensors').exists()
    for f in tmp_path.rglob('*'):
        if f.is_file(): assert f.stat().st_mode & 0o777 == 0o644 & ~_umask(), f   # ordinary permissions
    r = nodown('train', 'vgg_4', '--data', 'sample', '--epochs', '1', '--lr', '3e-3', '--out', tmp_path)
    assert r.returncode == 0 and '(done, skipped)' in r.stdout

def test_model_options_and_flushing_are_in_the_config(tmp_path):
    "A frontier point from the shell: the net's width and denormal flushing land in the run's config and its size."
    r = nodown('train', 'convmixer_64_4', '--data', 'sample', '--epochs', '1', '--model-kw', 'width=0.5',
               '--flush-denormal', '--out', tmp_path)
    assert r.returncode == 0, r.stderr
    res = strict_json(tmp_path/'convmixer_64_4-s0'/'result.json')
    assert res['config']['model_kw'] == {'width': 0.5} and res['config']['flush_denormal'] is True
    assert res['params'] < 10_000   # the half-width net (ConvMixer-64/4 has 25,930 parameters)
    r = nodown('train', 'convmixer_64_4', '--data', 'sample', '--epochs', '1', '--model-kw', 'width=0.5',
               '--out', tmp_path)   # the same net, not flushed: another config, not the stored run
    assert r.returncode == 2 and 'flush_denormal' in r.stderr, r.stderr

def _umask():
    m = os.umask(0); os.umask(m); return m

def test_one_line_per_epoch_in_logs(tmp_path):
    "With stdout not a terminal (a pipe here): no progress-bar frames, one line per epoch."
    r = nodown('train', 'vgg_4', '--data', 'sample', '--epochs', '2', '--out', tmp_path)
    assert r.returncode == 0, r.stderr
    assert '█' not in r.stdout + r.stderr and '%' not in r.stdout
    assert [l.split(':')[0] for l in r.stdout.splitlines() if l.startswith('epoch ')] == ['epoch 1/2', 'epoch 2/2']

@pytest.mark.parametrize('change', [['--epochs', '2'], ['--lr', '1e-2'], ['--recipe', 'paper'], ['--bs', '32'], ['--augment'], ['--no-channels-last'], ['--data', 'DATA']])
def test_changed_config_is_not_answered_with_old_run(tmp_path, change):
    base = ['train', 'vgg_4', '--data', 'sample', '--epochs', '1', '--lr', '3e-3', '--out', tmp_path/'out']
    assert nodown(*base).returncode == 0
    if 'DATA' in change:   # the same layout with one image fewer: other content, so another run
        src = Path(os.environ['NODOWN_CACHE'])/'cifar10_sample'
        shutil.copytree(src, tmp_path/'data'); next((tmp_path/'data'/'train'/'cat').iterdir()).unlink()
        change = ['--data', tmp_path/'data']
    r = nodown(*base, *change)
    assert r.returncode == 2 and 'another config' in r.stderr and '--restart' in r.stderr and 'Traceback' not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    r = nodown(*base, *change, '--restart')
    assert r.returncode == 0, r.stderr
    assert 'done, skipped' not in r.stdout

@pytest.mark.parametrize('kind', ['zero', 'random', 'truncated', 'malicious'])
def test_bad_checkpoint(tmp_path, kind):
    "A checkpoint that cannot be resumed: one line naming it, exit 2; a malicious pickle never runs."
    d = tmp_path/'out'/'vgg_4-s0'; d.mkdir(parents=True); ck = d/'ckpt.pth'
    if kind == 'zero': ck.write_bytes(b'')
    if kind == 'random': ck.write_bytes(os.urandom(4096))
    if kind == 'truncated':
        import torch; torch.save({'model': {'w': torch.ones(1000)}, 'epoch': 0}, ck); ck.write_bytes(ck.read_bytes()[:500])
    if kind == 'malicious':
        ck.write_bytes(pickle.dumps(Planted(tmp_path/'PWNED')))
    r = nodown('train', 'vgg_4', '--data', 'sample', '--epochs', '2', '--out', tmp_path/'out')
    assert r.returncode == 2 and 'Traceback' not in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and str(ck) in r.stderr and '--restart' in r.stderr
    assert not (tmp_path/'PWNED').exists() and not (d/'result.json').exists()

class Planted:
    "A pickle that creates a file when loaded unsafely."
    def __init__(self, path): self.path = str(path)
    def __reduce__(self): return (os.system, (f"touch {self.path}",))

def test_diverging_rate(tmp_path):
    r = nodown('train', 'vgg_4', '--data', 'sample', '--epochs', '2', '--lr', '1e6', '--out', tmp_path)
    assert r.returncode == 1 and 'diverged in epoch 1' in r.stderr and 'Traceback' not in r.stderr, r.stderr
    res = strict_json(tmp_path/'vgg_4-s0'/'result.json')
    assert res['status'] == 'diverged' and res['diverged_epoch'] == 0
    for f in tmp_path.rglob('*.json'): strict_json(f)
    r = nodown('train', 'vgg_4', '--data', 'sample', '--epochs', '2', '--lr', '1e6', '--out', tmp_path)   # never taken for a finished run
    assert r.returncode == 1 and 'diverged before' in r.stdout

def test_evaluate(tmp_path):
    assert nodown('compare', 'vgg_4', 'vgg4_stride', '--data', 'sample', '--epochs', '1', '--out', tmp_path).returncode == 0
    r = nodown('evaluate', tmp_path, '--data', 'sample', '--valid', 'holdout')
    assert r.returncode == 0, r.stderr
    assert 'vgg4_stride' in r.stdout and 'accuracy' in r.stdout
    e = strict_json(next((tmp_path/'vgg_4-s0').glob('eval-holdout-*.json')))
    assert abs(e['accuracy'] - strict_json(tmp_path/'vgg_4-s0'/'result.json')['final_acc']) < 1e-4 and e['n'] == 400
    r = nodown('evaluate', tmp_path, '--data', 'sample')
    assert r.returncode == 2 and "needs a 'test' folder" in r.stderr
    r = nodown('evaluate', tmp_path)
    assert r.returncode == 2 and 'the following arguments are required: --data' in r.stderr   # no default that cannot work

def test_evaluate_a_test_folder_with_bad_runs(tmp_path):
    "A folder of class subfolders is scored without a train/; a corrupt and a missing weights file get their rows, the good run its score."
    import shutil
    from nodown.data import sample_path
    out, tst = tmp_path/'runs', tmp_path/'test'
    assert nodown('compare', 'vgg_4', '--data', 'sample', '--epochs', '1', '--seeds', '0', '1', '2', '--out', out).returncode == 0
    for c in ('cat', 'dog'): shutil.copytree(sample_path()/'train'/c, tst/c)
    (out/'vgg_4-s1'/'model.safetensors').write_bytes(b'not a checkpoint'); (out/'vgg_4-s2'/'model.safetensors').unlink()
    r = nodown('evaluate', out, '--data', tst)
    assert r.returncode == 1 and '2 of 3 runs could not be scored' in r.stderr and 'Traceback' not in r.stderr, r.stderr
    assert 'scored' in r.stdout and 'unreadable model.safetensors' in r.stdout and 'no model.safetensors' in r.stdout, r.stdout
    e = strict_json(next((out/'vgg_4-s0').glob('eval-test-*.json')))
    assert e['n'] == 400 and e['status'] == 'scored' and e['holdout_acc'] is not None
def test_compare_two_seeds(tmp_path):
    r = nodown('compare', 'vgg_4', 'vgg4_stride', '--data', 'sample', '--epochs', '1', '--lr', '3e-3', '--seeds', '0', '1', '--out', tmp_path)
    assert r.returncode == 0, r.stderr
    rs = strict_json(tmp_path/'results.json')
    assert sorted((o['model'], o['seed']) for o in rs) == [('vgg4_stride',0),('vgg4_stride',1),('vgg_4',0),('vgg_4',1)]
    assert 'vgg4_stride' in r.stdout and (tmp_path/'tradeoff.png').exists()

def test_lr_find(tmp_path):
    r = nodown('lr-find', 'vgg_4', '--data', 'sample', '--out', tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path/'lr_find-vgg_4.png').stat().st_size > 0 and 'valley suggestion' in r.stdout

def test_interrupt_then_resume(tmp_path):
    "Ctrl-C during epoch 2 of 3 keeps epoch 1's checkpoint; the same command resumes and ends with a straight run's history."
    args = ['train', 'vgg4_dilation', '--data', 'sample', '--epochs', '3', '--lr', '3e-3']
    # SIGINT back to its default in the child: a shell that starts the tests in the background (`cmd &`) ignores it, and Python then never raises KeyboardInterrupt
    p = subprocess.Popen([sys.executable, '-m', 'nodown.cli', *args, '--out', str(tmp_path/'a')], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    ck = tmp_path/'a'/'vgg4_dilation-s0'/'ckpt.pth'
    t = time.time()
    while not ck.exists() and time.time()-t < 300 and p.poll() is None: time.sleep(0.2)
    assert ck.exists(), p.communicate()
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 130, err
    assert 'interrupted' in err and not (tmp_path/'a'/'vgg4_dilation-s0'/'result.json').exists()
    assert not list(tmp_path.rglob('*.tmp'))      # nothing half-written
    r = nodown(*args, '--out', tmp_path/'a')
    assert r.returncode == 0, r.stderr
    assert nodown(*args, '--out', tmp_path/'b').returncode == 0   # the same run, never interrupted
    resumed, straight = (strict_json(tmp_path/o/'vgg4_dilation-s0'/'result.json') for o in 'ab')
    assert resumed['resumed_from'] >= 1 and straight['resumed_from'] == 0 and not ck.exists()
    numbers = lambda r: [{k: v for k, v in h.items() if k not in ('train_s', 'images_per_s')} for h in r['history']]
    assert numbers(resumed) == numbers(straight)

def test_one_run_one_writer(tmp_path):
    "A second command for the same run with another config, while the first trains it: one line naming the first."
    args = ['train', 'vgg4_large_filter', '--data', 'sample', '--epochs', '4', '--out', str(tmp_path)]
    p = subprocess.Popen([sys.executable, '-m', 'nodown.cli', *args, '--lr', '1e-2'], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    claim, t = tmp_path/'.claims'/'vgg4_large_filter-s0.json', time.time()
    while not claim.exists() and time.time()-t < 120 and p.poll() is None: time.sleep(0.1)
    assert claim.exists(), p.communicate()
    r = nodown(*args, '--lr', '3e-3')   # another config, same run, same moment
    assert p.poll() is None, "the first run ended before the second started: the test needs a longer first run"
    assert r.returncode == 2 and f'is being trained by process {p.pid}' in r.stderr and 'with another config' in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and 'Traceback' not in r.stderr
    out, err = p.communicate(timeout=600)
    assert p.returncode == 0, err
    assert strict_json(tmp_path/'vgg4_large_filter-s0'/'result.json')['config']['lr'] == 1e-2 and not claim.exists()
    r = nodown(*args, '--lr', '1e-2')   # released: the finished run is reused
    assert r.returncode == 0 and 'done, skipped' in r.stdout, r.stderr

def test_ctrl_c_when_the_shell_ignores_it(tmp_path):
    "Started with SIGINT ignored (as a shell's `cmd &` does), the command still stops on Ctrl-C and keeps its checkpoint."
    p = subprocess.Popen([sys.executable, '-m', 'nodown.cli', 'train', 'vgg4_large_filter', '--data', 'sample', '--epochs', '3', '--out', str(tmp_path)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    ck, t = tmp_path/'vgg4_large_filter-s0'/'ckpt.pth', time.time()
    while not ck.exists() and time.time()-t < 300 and p.poll() is None: time.sleep(0.1)
    assert ck.exists(), p.communicate()
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 130 and 'interrupted' in err and 'Traceback' not in err, err
    assert ck.exists() and not (tmp_path/'vgg4_large_filter-s0'/'result.json').exists()

def test_sigterm_releases_the_claim(tmp_path):
    "`kill` (SIGTERM) mid-run, as a scheduler or `kill` stops a job: one line, exit 143, checkpoint kept, claim released."
    p = subprocess.Popen([sys.executable, '-m', 'nodown.cli', 'compare', 'vgg4_large_filter', '--data', 'sample',
                          '--epochs', '3', '--out', str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ck, claim, t = tmp_path/'vgg4_large_filter-s0'/'ckpt.pth', tmp_path/'.claims'/'vgg4_large_filter-s0.json', time.time()
    while not ck.exists() and time.time()-t < 300 and p.poll() is None: time.sleep(0.1)
    assert ck.exists() and claim.exists(), p.communicate()
    p.send_signal(signal.SIGTERM)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 143 and 'nodown: terminated' in err and 'Traceback' not in err, (p.returncode, err)
    assert ck.exists() and not claim.exists() and not (tmp_path/'vgg4_large_filter-s0'/'result.json').exists()

def test_second_ctrl_c_exits_at_once():
    "A second Ctrl-C while the first is being handled (saving, cleaning up) ends the process at once, exit 130."
    code = ("import os, signal, time\nfrom nodown.cli import ctrl_c_handled\nwith ctrl_c_handled():\n"
            "    try: os.kill(os.getpid(), signal.SIGINT); time.sleep(5)\n"
            "    except KeyboardInterrupt: os.kill(os.getpid(), signal.SIGINT); time.sleep(5)\nprint('not reached')")
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 130 and 'interrupted again' in r.stderr and 'not reached' not in r.stdout, (r.returncode, r.stderr)

def test_models_listing_is_cached_and_needs_no_torch(tmp_path):
    "The first listing counts the table; later ones read it back without importing torch (nothing is built)."
    env = {'NODOWN_CACHE': str(tmp_path)}
    code = "import sys; from nodown.cli import main; main(['models', 'vgg_4']); print('torch' in sys.modules)"
    first, second = [subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, env={**os.environ, **env})
                     for _ in range(2)]
    assert first.stdout.split()[-1] == 'True' and second.stdout.split()[-1] == 'False', (first.stdout, second.stdout)
    assert first.stdout.splitlines()[:-1] == second.stdout.splitlines()[:-1] and '25474' in second.stdout
    assert len(list(tmp_path.glob('models-*.csv'))) == 1

def test_listing_into_a_closed_pipe():
    "`nodown models | true`: no error line when the reader has gone before the table is written."
    r = subprocess.run(f"{sys.executable} -m nodown.cli models | true", shell=True, capture_output=True, text=True)
    assert r.returncode == 0 and r.stderr == '', r.stderr

def test_segmentation_refuses_a_test_split(tmp_path):
    "A segmentation run validates on a random holdout: --valid test is refused in one line, no run recorded as 'test'."
    r = nodown('compare', 'seg_fcn', '--data', 'mosaic-sample', '--valid', 'test', '--epochs', '1', '--out', tmp_path)
    assert r.returncode == 2 and "valid='test' is for classification" in r.stderr and 'Traceback' not in r.stderr, r.stderr
    assert not list(tmp_path.glob('*/result.json'))

def test_evaluate_says_what_each_unscored_run_needs(tmp_path):
    "Statuses are values; each note names a command that runs; runs a level down are pointed at, not 'No runs'."
    out = tmp_path/'study'/'w2'
    assert nodown('compare', 'vgg_4', '--data', 'sample', '--epochs', '1', '--seeds', '0', '1', '--out', out).returncode == 0
    (out/'vgg_4-s1'/'model.safetensors').unlink()
    r = nodown('evaluate', out, '--data', 'sample', '--valid', 'holdout')
    assert r.returncode == 1 and 'no_weights' in r.stdout, r.stdout
    cmd = f"nodown compare vgg_4 --seeds 1 --out {out} --restart"
    assert cmd in r.stdout, r.stdout
    from nodown.cli import build_parser
    assert build_parser().parse_args(cmd.split()[1:]).restart   # the remedy parses: --restart is an option of compare
    r = nodown('evaluate', tmp_path/'study', '--data', 'sample', '--valid', 'holdout')
    assert r.returncode == 2 and f"No runs directly in {tmp_path/'study'}; its sub-folders hold runs ({out})" in r.stderr, r.stderr

def test_export_a_run_and_load_it_back(tmp_path):
    "`nodown export` writes the Hugging Face layout; `from_pretrained` gives the run's logits; a non-run is one line."
    import torch
    from nodown.hub import from_pretrained, _logits
    from nodown.compare import load_run_model
    out = tmp_path/'runs'
    assert nodown('compare', 'vgg_4', '--data', 'sample', '--epochs', '1', '--out', out).returncode == 0
    r = nodown('export', out/'vgg_4-s0', tmp_path/'exported')
    assert r.returncode == 0 and 'model card' in r.stdout, r.stderr
    assert '- type: accuracy' in (tmp_path/'exported'/'README.md').read_text()
    m = from_pretrained(tmp_path/'exported').eval()
    assert torch.equal(_logits(m, 'vgg_4'), _logits(load_run_model(out, 'vgg_4', 0), 'vgg_4'))
    r = nodown('export', out, tmp_path/'x')
    assert r.returncode == 2 and 'holds no result.json: not a run folder' in r.stderr and 'Traceback' not in r.stderr
