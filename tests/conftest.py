import os, subprocess, sys, tempfile
from pathlib import Path
import pytest

# the scripts installed beside this Python (`nodown`, `accelerate`) come first, whether or not the venv is activated
os.environ['PATH'] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get('PATH', '')])

@pytest.fixture(scope='session', autouse=True)
def _cache(tmp_path_factory):
    "Keep decoded datasets of the test session in one temporary cache."
    os.environ.setdefault('NODOWN_CACHE', str(tmp_path_factory.mktemp('cache')))

def nodown(*args, timeout=600, env=None):
    "Run `python -m nodown.cli *args`; return the completed process."
    return subprocess.run([sys.executable, '-m', 'nodown.cli', *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})
