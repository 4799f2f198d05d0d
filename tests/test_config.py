"Every default lives in nodown.config: the functions, RunConfig and the command line read it there."
import inspect
import nodown.config as config
from nodown.config import DataConfig, RUNS, EVAL_BS, DEFAULT_RECIPE
from nodown.data import cifar_dls, split_files, folder_dl
from nodown.segdata import seg_dls
from nodown.compare import compare, evaluate
from nodown.train import RunConfig, train, run_config
from nodown.cli import build_parser, command_help

def default(f, name): return inspect.signature(f).parameters[name].default

def test_functions_take_their_defaults_from_the_config():
    d = DataConfig()
    assert default(cifar_dls, 'source') == default(compare, 'source') == d.source
    assert default(seg_dls, 'source') == f'mosaic-{d.source}'
    assert default(cifar_dls, 'bs') == default(compare, 'bs') == default(seg_dls, 'bs') == d.bs
    assert default(cifar_dls, 'valid_pct') == default(split_files, 'valid_pct') == default(seg_dls, 'valid_pct') == d.valid_pct
    assert default(cifar_dls, 'seed') == default(split_files, 'seed') == default(seg_dls, 'seed') == d.split_seed
    assert default(compare, 'out') == RUNS and default(evaluate, 'bs') == default(folder_dl, 'bs') == EVAL_BS
    assert default(train, 'recipe') == default(compare, 'recipe') == default(run_config, 'recipe') == DEFAULT_RECIPE
    assert RunConfig('vgg_4').data == d and RunConfig.recipe == DEFAULT_RECIPE   # a run's data: a `DataConfig`

def _defaults(cmd):
    sub = next(a for a in build_parser()._actions if a.dest == 'cmd').choices[cmd]
    return {a.dest: a.default for a in sub._actions}

def test_a_default_changed_in_the_config_changes_the_command_line(monkeypatch):
    "The parser reads nodown.config when it is built: its defaults and its --help follow a change made there alone."
    assert _defaults('train')['bs'] == DataConfig.bs and _defaults('compare')['data'] == DataConfig.source
    monkeypatch.setattr(DataConfig, 'bs', 128); monkeypatch.setattr(DataConfig, 'source', 'sample')
    monkeypatch.setattr(config, 'RUNS', 'elsewhere'); monkeypatch.setattr(config, 'EVAL_BS', 512)
    monkeypatch.setitem(config.RECIPES, 'one_cycle', {**config.RECIPES['one_cycle'], 'epochs': 12})
    t, e = _defaults('train'), _defaults('evaluate')
    assert (t['bs'], t['data'], t['out'], e['bs']) == (128, 'sample', 'elsewhere', 512)
    h = ' '.join(command_help('compare').split())
    assert '(default: 128)' in h and '(default: sample)' in h and '(default: elsewhere)' in h and 'one_cycle 12' in h
    assert '(default: 512)' in ' '.join(command_help('evaluate').split())

def test_a_default_edited_in_config_py_changes_it_everywhere(tmp_path):
    "One edit to nodown/config.py (a copy): the loaders, compare, RunConfig and the command line's --help all follow."
    import re, shutil, subprocess, sys
    from pathlib import Path
    src = Path(config.__file__).parent
    shutil.copytree(src, tmp_path/'nodown', ignore=shutil.ignore_patterns('__pycache__', 'data'))
    f = tmp_path/'nodown'/'config.py'
    text, n = re.subn(r"\bbs:int=64\b", "bs:int=96", f.read_text())
    assert n == 1, "config.py should write the batch size default once"
    f.write_text(text)
    probe = ("import inspect; from nodown.data import cifar_dls; from nodown.segdata import seg_dls; "
             "from nodown.compare import compare; from nodown.config import RunConfig; from nodown.cli import command_help; "
             "d = lambda f: inspect.signature(f).parameters['bs'].default; "
             "print(d(cifar_dls), d(seg_dls), d(compare), RunConfig('vgg_4').bs, "
             "'(default: 96)' in ' '.join(command_help('train').split()))")
    r = subprocess.run([sys.executable, '-c', probe], cwd=tmp_path, capture_output=True, text=True,
                       env={**__import__('os').environ, 'PYTHONPATH': str(tmp_path)})
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.split() == ['96', '96', '96', '96', 'True'], r.stdout
