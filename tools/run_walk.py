"""The walk of one model name through nodown: follow `compare`'s `models` argument through a real run and print it.

Every call of a nodown function that receives the model's name (as an argument, in a list, or as the `model` of a
config; a config's own methods, where it is only `self`, are not steps) is a step; consecutive steps in one module are
a stay. In the layer order (core, config, layers, models, stats, data, segdata, train, compare, study, cli), a stay
in a module above the previous one is a return up (the walk goes back to a caller to go on), and a step called from a
module below its own is a climb back up (a lower module calling a higher one).
It also counts, for one interrupted run that `compare` resumes, how often the model is built, the run folder is
checked and the checkpoint is read. Runs on whichever nodown is imported, so two versions compare side by side:
    NODOWN_CACHE=/tmp/cache python tools/run_walk.py
    PYTHONPATH=/path/to/old/checkout NODOWN_CACHE=/tmp/cache python tools/run_walk.py
"""
import sys, tempfile
from pathlib import Path
import torch
import nodown, nodown.models, nodown.compare as C
from nodown.data import cifar_dls
from nodown.train import run_config, train_config
from fastai.callback.core import Callback

LAYERS = ['core', 'config', 'layers', 'models', 'stats', 'data', 'segdata', 'checkpoint', 'train', 'compare', 'study', 'cli']
PKG = str(Path(nodown.__file__).parent)

def mentions(v, name:str, depth:int=0)->bool:
    "Whether value `v` carries the model name: the name, a list holding it, or a config whose `model` it is."
    if depth > 2: return False
    if isinstance(v, str): return v == name
    if isinstance(v, (list, tuple)): return any(mentions(x, name, depth+1) for x in v)
    return getattr(v, 'model', None) == name if not isinstance(v, type) else False

methods = []   # public methods called on a config whose `model` is the name: listed, not steps

def walk(name:str='vgg_4')->list:
    "The (module, function) steps of `compare([name])` training one epoch on the sample into a new folder."
    steps = []; methods.clear()
    def prof(frame, event, arg):
        co = frame.f_code
        if event != 'call' or not co.co_filename.startswith(PKG) or co.co_name.startswith('<'): return
        names = [a for a in co.co_varnames[:co.co_argcount + co.co_kwonlyargcount] if a != 'self']
        if names != list(co.co_varnames[:co.co_argcount + co.co_kwonlyargcount]) and \
           mentions(frame.f_locals.get('self'), name) and not co.co_name.startswith('_'):
            methods.append(f"{type(frame.f_locals['self']).__name__}.{co.co_name}")
        if any(mentions(frame.f_locals.get(a), name) for a in names):
            up = frame.f_back.f_code.co_filename if frame.f_back else ''
            steps.append((Path(co.co_filename).stem, co.co_name, Path(up).stem if up.startswith(PKG) else None))
    out = Path(tempfile.mkdtemp())
    sys.setprofile(prof)
    try: C.compare([name], source='sample', epochs=1, seeds=(0,), out=out, show=False)
    finally: sys.setprofile(None)
    return steps

def stays(steps:list)->list:
    "Consecutive steps in one module merged: [(module, [functions])]."
    out = []
    for m, f, _ in steps:
        if out and out[-1][0] == m: out[-1][1].append(f)
        else: out.append((m, [f]))
    return out

def climbs(steps:list)->list:
    "The steps called from a module below their own: (caller module, module, function)."
    return [(c, m, f) for m, f, c in steps if c and LAYERS.index(c) < LAYERS.index(m)]

class _StopAfter(Callback):
    order = 90
    def after_epoch(self): raise KeyboardInterrupt

def resumed_counts(name:str='vgg_4')->dict:
    "Model builds, run-folder checks and checkpoint reads while `compare` resumes one interrupted run."
    dls = cifar_dls('sample', bs=64)
    o = Path(tempfile.mkdtemp()); (o/f'{name}-s3').mkdir()
    try: train_config(run_config(name, dls, epochs=2, lr=3e-3, seed=3), dls, ckpt=o/f'{name}-s3'/'ckpt.pth',
                      show=False, cbs=[_StopAfter()])
    except KeyboardInterrupt: pass
    builds, checks, reads = [], [], []
    reg = nodown.models._model_entrypoints; entry = reg[name]
    fn = entry[0] if isinstance(entry, tuple) else entry
    wrapped = lambda **kw: builds.append(1) or fn(**kw)
    reg[name] = (wrapped, entry[1]) if isinstance(entry, tuple) else wrapped
    check = 'run_status' if hasattr(C, 'run_status') else 'check_run'
    real = getattr(C, check); setattr(C, check, lambda *a, **k: checks.append(1) or real(*a, **k))
    real_load = torch.load; torch.load = lambda f, *a, **k: (reads.append(Path(str(f)).name), real_load(f, *a, **k))[1]
    try: C.compare([name], epochs=2, seeds=(3,), lr=3e-3, out=o, show=False, dls=dls)
    finally: reg[name], torch.load = entry, real_load; setattr(C, check, real)
    return dict(builds=len(builds), checks=len(checks), checkpoint_reads=reads.count('ckpt.pth'))

if __name__ == '__main__':
    steps = walk(); s = stays(steps)
    returns = sum(LAYERS.index(b[0]) > LAYERS.index(a[0]) for a, b in zip(s, s[1:]))
    up = climbs(steps)
    print(f"nodown {nodown.__version__} from {PKG}")
    for m, fs in s: print(f"  {m:8} {' → '.join(dict.fromkeys(fs))}")
    print(f"walk of compare's model list: {len(steps)} steps, {len(s)} stays in {len({m for m,_ in s})} modules, "
          f"{returns} returns up, {len(up)} climbs back up (lower module calling a higher one)"
          + ''.join(f"\n    climb: {c} → {m}.{f}" for c, m, f in up))
    calls = {m: methods.count(m) for m in dict.fromkeys(methods)}
    print("methods of the run's own config (not steps): " + ', '.join(f"{m} ×{n}" for m, n in calls.items()))
    print("one resumed run: " + ', '.join(f"{k.replace('_', ' ')} {v}" for k, v in resumed_counts().items()))
