"The docs site: built from the notebooks, every internal link resolves, and Chromium shows the pages as a reader should."
import os, shutil, sys
from pathlib import Path
import pytest
sys.path.insert(0, str(Path(__file__).parents[1]/'tools'))
import docs, check_site

@pytest.fixture(scope='module')
def site():
    secs = docs.build()
    print(f"site built in {secs:.1f} s")
    return check_site.SITE

def test_pages_built(site):
    for p in ('index.html', 'models/index.html', 'layers/index.html', 'experiments/post/index.html', 'search/search_index.json'):
        assert (site/p).exists(), p

def test_internal_links(site):
    assert check_site.check_links(site) == []

def test_link_checker_can_fail(tmp_path):
    (tmp_path/'index.html').write_text('<a href="missing/">x</a><a href="#nope">y</a><img src="https://example.org/a.png">')
    bad = check_site.check_links(tmp_path)
    assert len(bad) == 3, bad

have_browser = bool((shutil.which('chromium') or shutil.which('chromium-browser')) and shutil.which('chromedriver'))

@pytest.mark.skipif(not have_browser and not os.environ.get('CI'), reason='no chromium/chromedriver here (CI installs them)')
def test_in_browser(site, tmp_path):
    shots = Path(os.environ.get('NODOWN_SHOTS', tmp_path))
    assert check_site.check_browser(shots, check_site.PAGES) == []
    assert len(list(shots.glob('*.png'))) == len(check_site.PAGES)
