"""Check before a release that the tag, the version and the changelog agree (the release workflow runs it).

    python tools/release_check.py v0.1.0     # exits non-zero with one line per disagreement
"""
import re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def version(root:Path=ROOT)->str:
    "The one version: `__version__` in nodown/__init__.py."
    return re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', (root/'nodown'/'__init__.py').read_text(), re.M)[1]

def problems(tag:str, root:Path=ROOT)->list:
    "What disagrees between `tag`, the version and CHANGELOG.md (empty when ready)."
    v, bad = version(root), []
    if tag.removeprefix('v') != v: bad.append(f"tag {tag} is not the version {v} (nodown/__init__.py)")
    log = (root/'CHANGELOG.md').read_text() if (root/'CHANGELOG.md').exists() else ''
    heads = re.findall(r'^## (\S+)(.*)$', log, re.M)
    if not heads or heads[0][0] != v: bad.append(f"CHANGELOG.md does not open with a section for {v}")
    elif 'unreleased' in heads[0][1]: bad.append(f"CHANGELOG.md still calls {v} unreleased: give it its date")
    return bad

if __name__ == '__main__':
    if len(sys.argv) != 2: sys.exit("usage: python tools/release_check.py v<version>")
    bad = problems(sys.argv[1])
    if bad: sys.exit('\n'.join(bad))
    print(f"ready to release {version()}")
