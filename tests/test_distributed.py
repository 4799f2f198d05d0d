"Data-parallel training on two CPU processes (gloo) through `accelerate launch` and fastai's `distrib_ctx`."
import json, os, shutil, subprocess, sys
from pathlib import Path
import pytest

@pytest.mark.skipif(not shutil.which('accelerate'), reason='accelerate is not installed')
def test_two_process_train(tmp_path):
    cmd = ['accelerate', 'launch', '--multi_gpu', '--num_processes', '2', '--num_machines', '1', '--mixed_precision', 'no',
           '--dynamo_backend', 'no', '-m', 'nodown.cli', 'train', 'vgg_4', '--data', 'sample', '--epochs', '1', '--lr', '3e-3', '--out', str(tmp_path)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                       env={**os.environ, 'ACCELERATE_USE_CPU': '1', 'OMP_NUM_THREADS': '1'})
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.count('results: ') == 1                      # only rank 0 reports
    rs = json.loads((tmp_path/'results.json').read_text())
    assert len(rs) == 1 and rs[0]['model'] == 'vgg_4' and len(rs[0]['history']) == 1   # recorded once
    assert sorted(p.name for p in (tmp_path/'vgg_4-s0').iterdir()) == ['history.csv', 'model.safetensors', 'result.json']
