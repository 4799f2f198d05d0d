"Every parameter of the public API has a Details entry on its docs page (a docments comment), as fastcore's docs do."
import importlib, inspect
import pytest
from fastcore.docments import docments

MODULES = ['core', 'layers', 'models', 'stats', 'data', 'checkpoint', 'train', 'compare', 'hub', 'analysis', 'cli', 'study']

def undocumented(obj)->list:
    "Parameters of `obj` (its `__init__` for a class) without a docments comment; `self`, `*args` and `**kwargs` exempt."
    f = obj.__init__ if inspect.isclass(obj) else obj
    try: sig = inspect.signature(f)
    except (TypeError, ValueError): return []
    exempt = {n for n,p in sig.parameters.items() if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)} | {'self'}
    d = docments(obj, full=True)
    return [n for n in sig.parameters if n not in exempt and not (d.get(n) or {}).get('docment')]

def public(mod:str)->list:
    m = importlib.import_module(f'nodown.{mod}')
    return [(n, o) for n in m.__all__ if callable(o := getattr(m, n)) and getattr(o, '__module__', '').startswith('nodown')]

@pytest.mark.parametrize('mod', MODULES)
def test_every_parameter_documented(mod):
    missing = {n: u for n,o in public(mod) if (u := undocumented(o))}
    assert not missing, f"nodown.{mod}: parameters without a docments comment: {missing}"

def test_the_check_can_fail():
    def f(a:int, # documented
          b:int=2): return a
    class K:
        def __init__(self, x, # documented
                     y=1, **kw): pass
    assert undocumented(f) == ['b'] and undocumented(K) == ['y']
