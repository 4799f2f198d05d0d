"""MkDocs hooks of the nodown site: pages and search without notebook prompts or copy-button text, and the
notebook stylesheet that mkdocs-jupyter inlines into every page moved into one shared file."""
import re
from pathlib import Path

PROMPT = re.compile(r'(<div class="jp-(?:In|Out)putPrompt[^"]*"[^>]*>)(.*?)(</div>)', re.S)
NOTICE = re.compile(r'<span class="notice" hidden[^>]*>Copied!</span>')
STYLE = re.compile(r'<style[^>]*>(.*?)</style>', re.S)
SHARED, MIN_SHARED = 'assets/notebook.css', 2000   # inline blocks longer than this go to the shared file
_css = {}   # style text -> order of first appearance

def _share(m):
    "Drop a large inline style block, keeping its text for the shared stylesheet."
    css = m.group(1)
    if len(css) < MIN_SHARED: return m.group(0)
    _css.setdefault(css, len(_css))
    return ''

def on_page_content(html, page, config, files, **kw):
    "No 'In [ ]:' prompts or 'Copied!' notices (they led every search snippet); large style blocks shared."
    return STYLE.sub(_share, NOTICE.sub('', PROMPT.sub(r'\1\3', html)))

def on_post_build(config, **kw):
    "Write the shared notebook stylesheet that `extra_css` links from every page."
    out = Path(config['site_dir'])/SHARED
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text('\n'.join(sorted(_css, key=_css.get)))
