"The run grid on many workers: per-run claims, executors (a local pool, Dask, submitit), killed workers, two compares."
import json, os, signal, subprocess, sys, time
from pathlib import Path
import pytest
from conftest import nodown

GRID = dict(models=['vgg_4', 'vgg4_stride'], seeds=(0, 1), epochs=2, lr=3e-3)   # 4 runs of a few seconds each
TIMING = ('train_s', 'images_per_s')   # what a run measures of the machine, not of the net

def numbers(out:Path)->dict:
    "Each finished run's history under `out` without its timings: what must be bit-equal however the grid ran."
    rs = {p.parent.name: json.loads(p.read_text()) for p in sorted(out.glob('*/result.json'))}
    return {k: [{c: v for c, v in h.items() if c not in TIMING} for h in r['history']] for k, r in rs.items()}

def sequential(out:Path, threads:int):
    "The grid run one after another in a fresh process with `threads` CPU threads (as each worker has)."
    code = (f"import torch; torch.set_num_threads({threads}); from nodown.compare import compare; "
            f"from nodown.config import DataConfig; compare(**{GRID!r}, source=DataConfig('sample', 64), "
            f"out={str(out)!r}, show=False)")
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    return numbers(out)

@pytest.fixture(scope='module')
def reference(tmp_path_factory):
    "The grid's histories, run sequentially with one CPU thread."
    return sequential(tmp_path_factory.mktemp('seq'), 1)

def test_local_pool_equals_sequential(tmp_path, reference):
    "Two local worker processes write exactly what one process writes running the grid in order."
    from nodown.compare import compare, local_pool, load_results
    from nodown.config import DataConfig
    with local_pool(2) as pool:   # on a 2-core machine: one thread a worker
        threads = pool.submit(__import__('torch').get_num_threads).result()
        res = compare(**GRID, source=DataConfig('sample', 64), out=tmp_path, show=False, executor=pool)
    ref = reference if threads == 1 else sequential(tmp_path.parent/'seq_t', threads)
    assert numbers(tmp_path) == ref and len(ref) == 4
    assert res.seeds.tolist() == [2, 2] and len(load_results(tmp_path)) == 4
    assert not list((tmp_path/'.claims').glob('*.json'))   # every claim released

def test_dask_cluster_equals_sequential(tmp_path, reference):
    "The same grid on a Dask LocalCluster of 2 worker processes, through `client.get_executor()`."
    distributed = pytest.importorskip('distributed')
    import torch
    from nodown.compare import compare
    from nodown.config import DataConfig
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl, \
         distributed.Client(cl) as client:
        client.run(torch.set_num_threads, 1)
        compare(**GRID, source=DataConfig('sample', 64), out=tmp_path, show=False, executor=client.get_executor())
    assert numbers(tmp_path) == reference

def test_submitit_local_executor(tmp_path, reference):
    "submitit's local executor (what runs SLURM jobs, here without SLURM): one job per run, the same numbers."
    submitit = pytest.importorskip('submitit')
    from nodown.compare import compare
    from nodown.config import DataConfig
    ex = submitit.LocalExecutor(folder=tmp_path/'jobs'); ex.update_parameters(timeout_min=10)
    os.environ['OMP_NUM_THREADS'] = '1'   # the jobs' CPU threads, as the reference's (they inherit the environment)
    try: compare(**GRID, source=DataConfig('sample', 64), out=tmp_path/'runs', show=False, executor=ex)
    finally: os.environ.pop('OMP_NUM_THREADS')
    assert numbers(tmp_path/'runs') == reference

def worker_at_first_checkpoint(out:Path, epochs:int):
    "A CLI worker training `vgg4_large_filter` into `out`, once its first checkpoint is written: args, process, files."
    args = ['compare', 'vgg4_large_filter', '--data', 'sample', '--epochs', str(epochs), '--out', str(out)]
    p = subprocess.Popen([sys.executable, '-m', 'nodown.cli', *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True)
    ck, claim, t = out/'vgg4_large_filter-s0'/'ckpt.pth', out/'.claims'/'vgg4_large_filter-s0.json', time.time()
    while not ck.exists() and time.time()-t < 300 and p.poll() is None: time.sleep(0.05)
    assert ck.exists() and p.poll() is None, p.communicate()
    return args, p, ck, claim

def test_killed_worker_is_taken_over(tmp_path):
    "A worker killed mid-run leaves its claim and checkpoint; the next compare takes the claim over and finishes."
    args, p, ck, claim = worker_at_first_checkpoint(tmp_path, 3)
    p.send_signal(signal.SIGKILL); p.wait()
    assert json.loads(claim.read_text())['pid'] == p.pid   # left behind by the killed process
    r = nodown(*args)
    assert r.returncode == 0, r.stderr
    res = json.loads((tmp_path/'vgg4_large_filter-s0'/'result.json').read_text())
    assert res['status'] == 'finished' and res['resumed_from'] >= 1 and len(res['history']) == 3
    assert not claim.exists() and not ck.exists()

def test_stalled_worker_stops_when_taken_over(tmp_path):
    "A worker stopped past the claim's staleness and taken over meanwhile writes nothing more once it wakes, and waits."
    import torch
    args, p, ck, claim = worker_at_first_checkpoint(tmp_path, 4)
    p.send_signal(signal.SIGSTOP)   # stalled (as a suspended job, or a paused host)
    try:
        epoch = torch.load(ck, weights_only=False)['epoch']
        mine = json.loads(claim.read_text())
        theirs = dict(mine, pid=os.getpid(), token='theirs')   # what a taker writes (this live test process holds it)
        claim.write_text(json.dumps(theirs))
    finally: p.send_signal(signal.SIGCONT)
    out, t = '', time.time()
    while 'waiting for 1 run' not in out and time.time()-t < 300 and p.poll() is None: out += p.stdout.readline()
    p.kill(); out += p.communicate()[0]
    assert 'was taken over by process' in out and 'waiting for 1 run' in out and 'Traceback' not in out, out
    assert torch.load(ck, weights_only=False)['epoch'] == epoch < 3   # no checkpoint written after the takeover
    assert not (tmp_path/'vgg4_large_filter-s0'/'result.json').exists()
    assert json.loads(claim.read_text())['token'] == 'theirs'   # and the taker's claim left alone

def test_two_compares_share_a_folder(tmp_path):
    "Two compares into one folder at once, with overlapping grids: each run is trained once, both return every run."
    a = ['vgg_4', 'vgg4_avg', 'vgg4_stride', 'vgg4_blur']
    ps = [subprocess.Popen([sys.executable, '-m', 'nodown.cli', 'compare', *ms, '--data', 'sample', '--epochs', '2',
                            '--out', str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env={**os.environ, 'OMP_NUM_THREADS': '1'})
          for ms in (a[:3], a[::-1][:3])]   # vgg_4 avg stride | blur stride avg: two runs in both
    outs = [p.communicate(timeout=600) for p in ps]
    assert all(p.returncode == 0 for p in ps), [o[1][-2000:] for o in outs]
    assert sum(o.count('epoch 1/2:') for o, _ in outs) == 4, outs   # four runs, each trained by one process
    for (o, _), ms in zip(outs, (a[:3], a[::-1][:3])):
        assert all(f'\n{m} ' in o for m in ms), o   # each summary table lists all of its runs
    assert len(json.loads((tmp_path/'results.json').read_text())) == 4
