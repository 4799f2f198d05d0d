"The run path stays short: `compare`'s model list walks through at most 8 stays and never climbs back up (#18)."
import importlib.util
from pathlib import Path

def _run_walk():
    spec = importlib.util.spec_from_file_location('run_walk', Path(__file__).parent.parent/'tools'/'run_walk.py')
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); return m

def test_walk_of_compares_model_list():
    rw = _run_walk(); steps = rw.walk('vgg_4'); s = rw.stays(steps)
    assert s[0][0] == 'compare' and ('models', 'create_model') in [(m, f) for m, f, _ in steps]   # down to the build
    assert len(s) <= 8, s
    assert not rw.climbs(steps), rw.climbs(steps)
