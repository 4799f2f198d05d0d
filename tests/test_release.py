"The release path: one version, a changelog section for it, a tag-triggered workflow that checks the built files and publishes with trusted publishing."
import importlib.util, re, tomllib
from pathlib import Path
import yaml

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location('release_check', ROOT/'tools'/'release_check.py')
release_check = importlib.util.module_from_spec(spec); spec.loader.exec_module(release_check)

def workflow(): return yaml.safe_load((ROOT/'.github'/'workflows'/'release.yml').read_text())

def test_version_lives_in_one_place():
    proj = tomllib.loads((ROOT/'pyproject.toml').read_text())
    assert 'version' not in proj['project'] and 'version' in proj['project']['dynamic']
    assert proj['tool']['setuptools']['dynamic']['version'] == {'attr': 'nodown.__version__'}
    import nodown
    assert nodown.__version__ == release_check.version()

def _root(tmp_path, version, changelog):
    (tmp_path/'nodown').mkdir(parents=True); (tmp_path/'nodown'/'__init__.py').write_text(f'__version__ = "{version}"\n')
    (tmp_path/'CHANGELOG.md').write_text(changelog); return tmp_path

def test_release_check(tmp_path):
    ok = _root(tmp_path/'a', '0.2.0', '# Changelog\n\n## 0.2.0 (2026-12-01)\n\n- x\n\n## 0.1.0 (2026-11-01)\n')
    assert release_check.problems('v0.2.0', ok) == []
    assert 'is not the version' in release_check.problems('v0.1.0', ok)[0]
    old = _root(tmp_path/'b', '0.3.0', '# Changelog\n\n## 0.2.0 (2026-12-01)\n')
    assert 'does not open with a section for 0.3.0' in release_check.problems('v0.3.0', old)[0]
    draft = _root(tmp_path/'c', '0.3.0', '## 0.3.0 (unreleased)\n')
    assert 'unreleased' in release_check.problems('v0.3.0', draft)[0]
    # the repository's own changelog has a section for today's version
    assert re.search(rf'^## {re.escape(release_check.version())}\b', (ROOT/'CHANGELOG.md').read_text(), re.M)

def test_release_workflow():
    w = workflow(); on = w.get('on', w.get(True))   # YAML 1.1 reads a bare `on` as True
    assert on == {'push': {'tags': ['v*']}}
    build, publish = w['jobs']['build'], w['jobs']['publish']
    runs = '\n'.join(s.get('run', '') for s in build['steps'])
    assert 'release_check.py' in runs and 'python -m build -s -w -o dist' in runs
    assert re.search(r'DIST=dist .*clean_install\.sh', runs), "the clean-install check runs on the built files"
    assert publish['needs'] == 'build' and publish['permissions'] == {'id-token': 'write'}
    uses = [s.get('uses', '') for s in publish['steps']]
    assert any(u.startswith('pypa/gh-action-pypi-publish@') for u in uses)
    text = (ROOT/'.github'/'workflows'/'release.yml').read_text()
    assert 'secrets.' not in text and 'password' not in text, "trusted publishing: no token in the repository"
