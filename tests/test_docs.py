"The docs site: built from the notebooks, every internal link resolves, and Chromium shows the pages as a reader should."
import json, os, shutil, sys
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
    for p in ('index.html', 'models.html', 'layers.html', 'cli.html', 'experiments/post.html', 'assets/notebook.css'):
        assert (site/p).exists(), p
    assert check_site.search_docs(site)

def test_pages_light(site):
    "The notebook stylesheet is shared, not inlined into every page; figures are image files, not base64 in the page."
    assert max(p.stat().st_size for p in site.rglob('*.html')) < 600_000
    assert 'jp-shadow-base-lightness' not in (site/'models.html').read_text()
    assert not [p for p in site.rglob('*.html') if 'src="data:image/' in p.read_text()]
    assert len(list((site/'assets'/'figures').glob('*.png'))) >= 5   # the study pages' plots

def test_content(site):
    assert check_site.check_content(site) == []

def test_content_checker_can_fail(tmp_path):
    (tmp_path/'search').mkdir()
    (tmp_path/'search'/'search_index.json').write_text(json.dumps({'docs': [{'location': 'a.html', 'text': 'In [ ]: Copied! x = 1'}]}))
    (tmp_path/'a.html').write_text('<pre>Epoch 1/1 : |█████-----| 28.00%</pre><code>fn:NoneType=None</code>'
                                   '<div data-mime-type="application/vnd.jupyter.stderr">UserWarning</div>')
    (tmp_path/'cli.html').write_text('<pre>usage: nodown models</pre>')
    (tmp_path/'experiments').mkdir()
    (tmp_path/'experiments'/'zoo.html').write_text('<table><tr><td>vgg_4</td><td>NaN</td></tr></table>'
                                                   '<a href="https://nodown.github.io/nodown/models.html">Models</a>')
    (tmp_path/'models.html').write_text('<table><tr><th>VGG4</th><th>vgg_4</th><td>25474</td></tr>'
                                        '<tr><th>vgg4_avg</th><td>25474</td></tr></table>')
    bad = check_site.check_content(tmp_path)
    for what in ('progress-bar frames', 'NoneType', 'stderr box', 'usage of `nodown compare`', "'In [ ]:'",
                 'zoo.html: a NaN cell', 'zoo.html: no Open in Colab link', 'vgg4_blur is not in the models table',
                 'zoo.html: 1 absolute link(s) to the hosted site'):
        assert any(what in b for b in bad), (what, bad)
    assert not any(f'{n} is not in the models table' in b for b in bad for n in ('vgg_4', 'vgg4_avg')), bad

def test_figure_checker_can_fail(tmp_path):
    "A figure whose two series share a colour, and one that does not say its series, are both reported."
    import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt
    from nodown.core import SERIES_KEY, figure_series
    (tmp_path/'assets'/'figures').mkdir(parents=True)
    def save(name, colours, tag=True):
        fig, ax = plt.subplots()
        for i, c in enumerate(colours): ax.plot([0, i], label=f"net{i}", color=c)
        fig.savefig(tmp_path/'assets'/'figures'/name, metadata={SERIES_KEY: json.dumps(figure_series(fig))} if tag else None)
        plt.close(fig)
    save('same.png', ['C0', 'C0']); save('fine.png', ['C0', 'C1']); save('bare.png', ['C0'], tag=False)
    (tmp_path/'experiments').mkdir()
    (tmp_path/'experiments'/'a.html').write_text(''.join(f'<img alt="" src="../assets/figures/{n}.png">' for n in ('same', 'fine', 'bare')))
    bad = check_site.figure_problems(tmp_path/'experiments'/'a.html', tmp_path)
    assert bad == ['experiments/a.html: figure same.png gives two series one colour, #1f77b4: net0, net1',
                   'experiments/a.html: figure bare.png does not say its series (call nodown.core.tag_figures() in its notebook)'], bad

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
    pages = check_site.all_pages(site)   # every page, at 1280 and 400 px
    assert check_site.check_browser(shots, pages) == []
    assert len(list(shots.glob('*.png'))) == len(pages) * len(check_site.WIDTHS) and len(pages) > 20

@pytest.mark.skipif(not have_browser and not os.environ.get('CI'), reason='no chromium/chromedriver here (CI installs them)')
def test_browser_finds_cut_tables(tmp_path):
    "A table wider than the column is reported unless a scrolling box inside the column holds it (as Material's wrapper does)."
    (tmp_path/'site').mkdir()
    row = ''.join(f'<td>column{i}</td>' for i in range(40))
    pages = {'cut.html': f'<article style="width:600px;overflow:hidden"><table><tr>{row}</tr></table></article>',
             'wide_scroller.html': f'<article style="width:600px"><div style="width:2000px;overflow-x:auto"><table><tr>{row}</tr></table></div></article>',
             'scrolls.html': f'<article style="width:600px"><table style="display:block;overflow-x:auto"><tr>{row}</tr></table></article>',
             'wrapped.html': f'<article style="width:600px"><div style="overflow-x:auto"><div style="display:inline-block">'
                             f'<table style="display:block;overflow-x:auto"><tr>{row}</tr></table></div></div></article>'}
    for name, text in pages.items(): (tmp_path/'site'/name).write_text(text)
    old, check_site.SITE = check_site.SITE, tmp_path/'site'
    try:
        srv, base = check_site.serve(tmp_path/'site')
        d = check_site.chrome(1280)
        try:
            seen = {p: check_site.look(d, base+p) for p in pages}
            cut = {p: bool(s['cut']) for p, s in seen.items()}
            assert not any(s['repo'] for s in seen.values())   # no header link on these pages: that check fails here
        finally: d.quit(); srv.shutdown()
    finally: check_site.SITE = old
    assert cut == {'cut.html': True, 'wide_scroller.html': True, 'scrolls.html': False, 'wrapped.html': False}, cut

def test_small_plot_text_is_found(tmp_path):
    "A 200-dpi plot drawn at a quarter of its width shows 9-pt text at 6.25 px (passes); at a fifth, 5 px (fails)."
    from PIL import Image
    (tmp_path/'f').mkdir(); Image.new('RGB', (2000, 800)).save(tmp_path/'f'/'p.png', dpi=(200, 200))
    assert check_site.small_text([('http://127.0.0.1:1/f/p.png', True, 2000, 500)], tmp_path) == []
    bad = check_site.small_text([('http://127.0.0.1:1/f/p.png', True, 2000, 400)], tmp_path)
    assert bad == ['p.png (5.0 px)'], bad

def test_answer_check_can_fail():
    "The first-screen check passes an answer near the top and fails one pushed below the fold, or missing."
    ok = check_site.answer_on_first_screen
    assert ok({'paras': [['Do convolutional networks need', 90], ['At equal width, no: the best', 180]]})
    assert not ok({'paras': [['At equal width, no: the best', 900]]})
    assert not ok({'paras': [['Every architecture of the debate', 120]]})

@pytest.mark.skipif(not have_browser and not os.environ.get('CI'), reason='no chromium/chromedriver here (CI installs them)')
def test_browser_finds_hidden_columns_and_bare_figures(tmp_path):
    "A results table whose accuracy header scrolls out of view at 400 px, and a figure with no caption under it."
    (tmp_path/'site').mkdir()
    wide = ''.join(f'<th>column{i}</th>' for i in range(12))
    img = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="50" height="20">'
    out = lambda: f'<div class="jp-Cell"><div class="jp-OutputArea-output">{img}</div></div>'
    pages = {'hidden.html': f'<article style="width:380px"><div style="overflow-x:auto"><table><thead><tr><th>model</th>{wide}'
                            '<th>accuracy</th></tr></thead></table></div></article>',
             'first.html': f'<article style="width:380px"><div style="overflow-x:auto"><table><thead><tr><th>model</th>'
                           f'<th>accuracy</th>{wide}</tr></thead></table></div></article>',
             'bare.html': f'<article>{out()}<div class="jp-Cell"><p>Next, the table.</p></div></article>',
             'captioned.html': f'<article>{out()}<div class="jp-Cell"><p><em>Figure: what it shows.</em></p></div></article>'}
    for name, text in pages.items(): (tmp_path/'site'/name).write_text(text)
    srv, base = check_site.serve(tmp_path/'site')
    d = check_site.chrome(400)
    try: seen = {p: check_site.look(d, base+p) for p in pages}
    finally: d.quit(); srv.shutdown()
    assert (seen['hidden.html']['hidden_cols'], seen['first.html']['hidden_cols']) == (['accuracy'], []), seen
    assert bool(seen['bare.html']['uncaptioned']) and not seen['captioned.html']['uncaptioned'], seen
