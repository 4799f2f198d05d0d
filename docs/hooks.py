"""MkDocs hooks of the nodown site: pages and search without notebook prompts or copy-button text, and the
notebook stylesheet that mkdocs-jupyter inlines into every page moved into one shared file, and figures stored
as base64 in the notebooks written out as image files (pages stay light; a figure is fetched once)."""
import base64, hashlib, re
from urllib.parse import quote
from pathlib import Path

PROMPT = re.compile(r'(<div class="jp-(?:In|Out)putPrompt[^"]*"[^>]*>)(.*?)(</div>)', re.S)
NOTICE = re.compile(r'<span class="notice" hidden[^>]*>Copied!</span>')
STYLE = re.compile(r'<style[^>]*>(.*?)</style>', re.S)
SHARED, MIN_SHARED = 'assets/notebook.css', 2000   # inline blocks longer than this go to the shared file
_css = {}   # style text -> order of first appearance
IMAGE = re.compile(r'src="data:image/(png|jpeg|gif);base64,([A-Za-z0-9+/=\s]+)"')
FIGURES = 'assets/figures'
_figures = {}   # file name -> image bytes

def _share(m):
    "Drop a large inline style block, keeping its text for the shared stylesheet."
    css = m.group(1)
    if len(css) < MIN_SHARED: return m.group(0)
    _css.setdefault(css, len(_css))
    return ''

def _figure_out(m, prefix:str)->str:
    "Keep an inline base64 image as a file named by its content; return the `src` that points to it."
    data = base64.b64decode(re.sub(r'\s', '', m.group(2)))
    name = f"{hashlib.sha256(data).hexdigest()[:16]}.{m.group(1)}"
    _figures[name] = data
    return f'src="{prefix}{FIGURES}/{name}"'

def on_pre_build(config, **kw):
    "Start each build empty, so `mkdocs serve` rebuilds carry no stale styles or figures."
    _css.clear(); _figures.clear()

def on_page_content(html, page, config, files, **kw):
    "No 'In [ ]:' prompts or 'Copied!' notices (they led every search snippet); large style blocks shared; figures as files."
    prefix = '../' * page.url.count('/')
    html = IMAGE.sub(lambda m: _figure_out(m, prefix), html)
    return STYLE.sub(_share, NOTICE.sub('', PROMPT.sub(r'\1\3', html)))

def on_post_build(config, **kw):
    "Write the shared notebook stylesheet that `extra_css` links from every page, and the figures the pages point to."
    site = Path(config['site_dir'])
    (site/FIGURES).mkdir(parents=True, exist_ok=True)   # assets/ too, for the stylesheet
    (site/SHARED).write_text('\n'.join(sorted(_css, key=_css.get)))
    for name, data in _figures.items(): (site/FIGURES/name).write_bytes(data)

REPO_LINK = ('<a class="md-header__button nodown-repo" href="{url}" title="The source on GitHub" '
             'aria-label="Repository">GitHub</a>')

ISSUE_LINK = ('<p class="nodown-issue"><a href="{url}/issues/new?title={title}">Report an issue with this page</a> '
              '&middot; <a href="{url}/blob/main/{src}">its notebook</a></p>')

def on_post_page(output, page, config, **kw):
    "The repository's link in the header (Material's `repo_url` would fetch its stars online), and under every page a "
    "link to report an issue about it and to its notebook."
    url = (config.get('extra') or {}).get('repository')
    if not url: return output
    output = output.replace('<label class="md-header__button md-icon" for="__search">',
                            REPO_LINK.format(url=url) + '<label class="md-header__button md-icon" for="__search">', 1)
    src = (config.get('extra') or {}).get('sources', {}).get(page.file.src_uri, 'nbs')
    title = quote(f"Docs: {page.title or page.file.src_uri}")
    return output.replace('</article>', ISSUE_LINK.format(url=url, title=title, src=src) + '</article>', 1)
