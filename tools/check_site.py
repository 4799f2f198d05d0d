"""Checks of the built docs site (_site/): internal links and anchors resolve, no resource comes from the internet,
no page shows what a reader should not meet (progress-bar frames, `NoneType`, stderr boxes, prompts in search, a figure
whose series share a colour or that does not say its series), the CLI page holds every command's usage, and, in
headless Chromium over a local server at 1280 and 400 px, the pages show what a reader expects with no table cut at
the column's edge.

    python tools/check_site.py links             # every internal link, anchor and resource of _site/
    python tools/check_site.py content           # what every page and the search index must not (or must) hold
    python tools/check_site.py browser [SHOTS]   # serve _site on 127.0.0.1, open every page in Chromium, save screenshots
"""
import functools, html, http.server, json, re, shutil, sys, threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse, unquote

SITE = Path(__file__).resolve().parents[1]/'_site'

class Page(HTMLParser):
    "Ids, links (`a href`) and resources (`img src`, `script src`, `link href`) of one HTML page."
    def __init__(self):
        super().__init__(); self.ids, self.links, self.resources = set(), [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if 'id' in a: self.ids.add(a['id'])
        if tag == 'a' and a.get('href'): self.links.append(a['href'])
        if tag in ('img', 'script', 'iframe', 'source') and a.get('src'): self.resources.append(a['src'])
        if tag == 'link' and a.get('href') and 'canonical' not in (a.get('rel') or ''): self.resources.append(a['href'])

@functools.lru_cache(None)
def parse(path:Path)->Page:
    p = Page(); p.feed(path.read_text(errors='replace')); return p

HOSTED = 'https://nodown.github.io/nodown/'   # the site_url of docs/mkdocs.yml: root-absolute links start with its path

def target(page:Path, url:str):
    "The file an internal `url` on `page` points to (None for external links)."
    u = urlparse(url)
    if u.scheme or url.startswith('//') or url.startswith(('mailto:', 'javascript:', 'data:')): return None
    root = lambda p: SITE/unquote(p).removeprefix(urlparse(HOSTED).path).lstrip('/')   # the 404 page's targets
    f = page if not u.path else (root(u.path) if u.path.startswith('/') else page.parent/unquote(u.path))
    return f/'index.html' if f.is_dir() else f

def check_links(site:Path=SITE)->list:
    "Problems found: missing pages, missing anchors, resources loaded from the internet."
    bad = []
    for page in sorted(site.rglob('*.html')):
        p, rel = parse(page), page.relative_to(site)
        for r in p.resources:
            if urlparse(r).scheme in ('http', 'https') or r.startswith('//'): bad.append(f"{rel}: loads {r} from the internet")
            elif (t := target(page, r)) is not None and not t.exists(): bad.append(f"{rel}: missing resource {r}")
        for l in p.links:
            t = target(page, l)
            if t is None: continue
            if not t.exists(): bad.append(f"{rel}: broken link {l}"); continue
            frag = urlparse(l).fragment
            if frag and t.suffix == '.html' and unquote(frag) not in parse(t).ids: bad.append(f"{rel}: missing anchor {l}")
    return bad

FRAME = re.compile(r'Epoch \d+/\d+ : \||█|<progress')   # fastprogress's console frames and HTML bars
PROMPT = re.compile(r'In\s*\[[\s\d]*\]:|Copied!')

def search_docs(site:Path=SITE)->list:
    "The entries of the search index (`search_index.json`, or the offline plugin's `search_index.js`)."
    j, js = site/'search'/'search_index.json', site/'search'/'search_index.js'
    if j.exists(): return json.loads(j.read_text())['docs']
    t = js.read_text(); return json.loads(t[t.index('{'):t.rindex('}')+1])['docs']

ABS_LINK = re.compile(r'<a [^>]*href="' + re.escape(HOSTED))   # a page's own link to the hosted site: relative instead
NAN_CELL = re.compile(r'<td[^>]*>\s*(NaN|nan|<NA>)\s*</td>')
COLAB = 'https://colab.research.google.com/github/'

def header_cells(page:str)->set:
    "The text of every header cell (`th`: column names and pandas' index labels) of the tables in the HTML `page`."
    return {html.unescape(re.sub(r'<[^>]+>', '', m)).strip() for m in re.findall(r'<th[^>]*>(.*?)</th>', page, re.S)}

def check_models_table(site:Path=SITE)->list:
    "Registered models missing from the table on the Models page."
    from nodown.models import list_models
    page = (site/'models.html').read_text(errors='replace') if (site/'models.html').exists() else ''
    names = header_cells(page)
    return [f"models.html: {n} is not in the models table" for n in list_models() if n not in names]

FIGURE_SRC = re.compile(r'<img [^>]*src="([^"]*assets/figures/[^"]+\.png)"')

def figure_problems(page:Path, site:Path=SITE)->list:
    "Figures on `page` that do not say their series (the PNG text `nodown.core.tag_figures` adds), or give two one colour."
    from PIL import Image
    from nodown.core import SERIES_KEY, repeated_colours
    bad, rel = [], page.relative_to(site)
    for src in dict.fromkeys(FIGURE_SRC.findall(page.read_text(errors='replace'))):
        f = target(page, src)
        try: series = Image.open(f).info.get(SERIES_KEY)
        except OSError: continue   # a missing file is the links check's to report
        if series is None: bad.append(f"{rel}: figure {f.name} does not say its series (call nodown.core.tag_figures() in its notebook)")
        else: bad += [f"{rel}: figure {f.name} gives two series one colour, {r}" for r in repeated_colours(json.loads(series))]
    return bad

def check_content(site:Path=SITE)->list:
    "Problems a reader would meet in the pages' HTML or the search index, and CLI usage that is missing."
    bad = []
    for page in sorted(site.rglob('*.html')):
        t, rel = page.read_text(errors='replace'), page.relative_to(site)
        if FRAME.search(t): bad.append(f"{rel}: progress-bar frames")
        if 'NoneType' in t: bad.append(f"{rel}: NoneType")
        if 'application/vnd.jupyter.stderr' in t: bad.append(f"{rel}: a stderr box")
        if NAN_CELL.search(t): bad.append(f"{rel}: a NaN cell in a table (leave it blank and say why)")
        if n := len(ABS_LINK.findall(t)): bad.append(f"{rel}: {n} absolute link(s) to the hosted site (make them relative)")
        if rel.parts[0] == 'experiments' and COLAB not in t: bad.append(f"{rel}: no Open in Colab link")
        bad += figure_problems(page, site)
    bad += check_models_table(site)
    cli = html.unescape(re.sub(r'<[^>]+>', '', (site/'cli.html').read_text())) if (site/'cli.html').exists() else ''
    from nodown.cli import commands
    bad += [f"cli.html: no usage of `nodown {c}`" for c in commands() if f'usage: nodown {c}' not in cli]
    bad += [f"search index: '{PROMPT.search(d['text']).group(0)}' in {d['location']}" for d in search_docs(site) if PROMPT.search(d['text'])]
    return bad

def serve(site:Path=SITE):
    "Serve `site` on 127.0.0.1 in a thread; return (server, base url)."
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a): pass
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}/"

def chrome(width:int=1280):
    "A headless Chromium `width` px wide, driven by Debian's chromedriver, logging network requests."
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    o = webdriver.ChromeOptions()
    for a in ('--headless=new', '--no-sandbox', '--disable-gpu', f'--window-size={width},1600', '--disable-dev-shm-usage'): o.add_argument(a)
    o.binary_location = shutil.which('chromium') or shutil.which('chromium-browser')
    o.set_capability('goog:loggingPrefs', {'performance': 'ALL'})
    return webdriver.Chrome(service=Service(shutil.which('chromedriver')), options=o)

def requested_hosts(driver)->set:
    "Hosts of every request the page made (from the performance log)."
    import json
    hosts = set()
    for e in driver.get_log('performance'):
        m = json.loads(e['message'])['message']
        if m.get('method') == 'Network.requestWillBeSent':
            u = urlparse(m['params']['request']['url'])
            if u.scheme in ('http', 'https'): hosts.add(u.hostname)
    return hosts

JS_SEEN = """return {title: document.title, h1: [...document.querySelectorAll('h1')].map(e => e.textContent.trim()),
  text: document.body.innerText, tables: document.querySelectorAll('article table').length,
  imgs: [...document.querySelectorAll('article img')].map(i => [i.currentSrc, i.complete, i.naturalWidth, i.getBoundingClientRect().width]),
  paras: [...document.querySelectorAll('article p')].map(p => [p.innerText.slice(0, 60), p.getBoundingClientRect().top + window.scrollY]),
  cut: cut(), hidden_cols: hiddenCols(), uncaptioned: uncaptioned(), nav: (document.querySelector('.md-nav--primary') || {}).innerText || '',
  repo: [...document.querySelectorAll('header a')].map(a => a.href).filter(h => h.includes('github.com/'))}"""
JS_CUT = """function cut() {  // tables or images that reach past the content column with no scrolling box inside it to hold them
  const art = document.querySelector('article'), ar = art.getBoundingClientRect(), bad = [];
  const inside = r => r.right <= ar.right + 2 && r.left >= ar.left - 2;
  for (const el of art.querySelectorAll('table, img')) {
    let e = el, held = false;
    while (e && e !== art) {
      const s = getComputedStyle(e);
      if (['auto', 'scroll'].includes(s.overflowX) && inside(e.getBoundingClientRect())) { held = true; break; }
      e = e.parentElement;
    }
    const r = el.getBoundingClientRect();
    if (!held && r.width && !inside(r)) bad.push(el.tagName + ' ' + (el.innerText || el.src || '').slice(0, 60).replace(/\\s+/g, ' '));
  }
  return bad;
}
"""

JS_COLS = """function hiddenCols() {  // a results table's model and accuracy headers must show without scrolling it sideways
  const art = document.querySelector('article').getBoundingClientRect(), bad = [];
  for (const t of document.querySelectorAll('article table:not(.params)')) {
    const ths = [...t.querySelectorAll('thead th, tr:first-child th')];
    const want = ths.filter(h => /^(model|net|accuracy|holdout accuracy|acc|mIoU|mean IoU|final_acc)$/i.test(h.innerText.trim()));
    for (const h of want) { const r = h.getBoundingClientRect();
      if (r.width && (r.right > art.right + 2 || r.left < art.left - 2)) bad.push(h.innerText.trim()); }
  }
  return [...new Set(bad)];
}
"""

JS_CAPTION = """function uncaptioned() {  // a figure a cell drew needs a one-line caption under it: the next cell, 'Figure: ...'
  const bad = [];
  for (const img of document.querySelectorAll('article .jp-OutputArea-output img')) {
    let cell = img.closest('.jp-Cell');   // mkdocs-jupyter nests a cell in a wrapper: the caption follows the outermost
    while (cell && !cell.nextElementSibling && cell.parentElement && cell.parentElement.closest('.jp-Cell'))
      cell = cell.parentElement.closest('.jp-Cell');
    const next = cell && cell.nextElementSibling;
    if (!next || !/^Figure:/.test(next.innerText.trim())) bad.push((cell ? cell.innerText : '').trim().slice(0, 50));
  }
  return [...new Set(bad)];
}
"""

def look(driver, url:str, shot:Path|None=None)->dict:
    "Open `url`, wait for it, save a screenshot, return what a reader sees."
    driver.get(url)
    driver.execute_script("return document.readyState")
    seen = driver.execute_script(JS_CUT + JS_COLS + JS_CAPTION + JS_SEEN)
    if shot: driver.save_screenshot(str(shot))
    return seen

SMALLEST_PLOT_FONT_PT, MIN_TEXT_PX = 9, 6   # nodown's plots write no text under 9 pt; on screen it must stay >= 6 px

def png_dpi(url:str, site:Path=SITE)->float:
    "The dpi a PNG under `site` was saved with (matplotlib writes it; 72 when absent)."
    from PIL import Image
    f = site/unquote(urlparse(url).path).lstrip('/')
    try: return float((Image.open(f).info.get('dpi') or (72,))[0])
    except (OSError, ValueError): return 72.

def small_text(imgs:list, site:Path=SITE)->list:
    "Plots whose smallest text (legends, ticks) shows under `MIN_TEXT_PX` pixels at the size the page draws them."
    bad = []
    for url, _, natural, shown in imgs:
        if not natural or not url.endswith('.png'): continue
        px = SMALLEST_PLOT_FONT_PT/72 * png_dpi(url, site) * shown/natural
        if px < MIN_TEXT_PX: bad.append(f"{Path(urlparse(url).path).name} ({px:.1f} px)")
    return bad

WIDTHS = (1280, 400)
COMMON = {'no table or image cut at the column edge': lambda s: not s['cut'],
          'model and accuracy columns in view': lambda s: not s['hidden_cols'],
          'a caption under every figure': lambda s: not s['uncaptioned'],
          'plot text readable (legends and ticks at least 6 px)': lambda s: not small_text(s['imgs']),
          'the sidebar names the site once': lambda s: [l.strip() for l in s['nav'].splitlines()].count('nodown') <= 1,
          'the repository linked in the header': lambda s: bool(s['repo'])}

def shot_name(path:str, width:int)->str: return f"{path.removesuffix('.html').replace('/', '_') or 'home'}-{width}.png"

def check_browser(shots:Path, pages:dict, widths:tuple=WIDTHS)->list:
    "Open each page of `pages` ({path: checks}) at each width over a local server; return the problems found."
    shots.mkdir(parents=True, exist_ok=True)
    srv, base, bad = *serve(), []
    try:
        for w in widths:
            d = chrome(w)
            try:
                for path, checks in pages.items():
                    seen = look(d, base+path, shots/shot_name(path, w))
                    for name, ok in {**COMMON, **checks}.items():
                        if not ok(seen): bad.append(f"{path} at {w} px: {name}" + (f" {seen['cut']}" if name.startswith('no table') else '')
                                                    + (f" {seen['hidden_cols']}" if name.startswith('model and') else '')
                                                    + (f" {seen['uncaptioned']}" if name.startswith('a caption') else '')
                                                    + (f" {small_text(seen['imgs'])}" if name.startswith('plot text') else ''))
                    if (ext := requested_hosts(d) - {'127.0.0.1'}): bad.append(f"{path}: requested {sorted(ext)} from the internet")
            finally: d.quit()
    finally: srv.shutdown()
    return bad

FIRST_SCREEN_PX = 700   # the answer must be read without scrolling: its paragraph starts above this

def answer_on_first_screen(seen:dict)->bool:
    "Whether the paragraph that answers the question ('At equal width, ...') starts within `FIRST_SCREEN_PX`."
    return any(t.startswith('At equal width') and y < FIRST_SCREEN_PX for t, y in seen.get('paras', []))

PAGES = {
    'index.html': {'title is nodown': lambda s: 'nodown' in s['title'], 'a rendered table': lambda s: s['tables'] > 0,
         f'the answer within the first {FIRST_SCREEN_PX} px': answer_on_first_screen,
         'a plot that loaded': lambda s: any(i[2] > 0 for i in s['imgs'])},
    'models.html': {'title Models': lambda s: any(h.startswith('Models') for h in s['h1']), 'the create_model API entry': lambda s: 'Create the registered model' in s['text'],
                'a rendered table': lambda s: s['tables'] > 0},
    'data.html': {'a rendered table or plot': lambda s: s['tables'] > 0 or any(i[2] > 0 for i in s['imgs'])},
    'hub.html': {'a rendered table': lambda s: s['tables'] > 0, 'the pretrained API entry': lambda s: 'create_model(name, pretrained=which)' in s['text']},
    'cli.html': {'usage of compare': lambda s: 'usage: nodown compare' in s['text']},
    'experiments/zoo.html': {'a rendered table': lambda s: s['tables'] > 0},
    'experiments/allcnn.html': {'a rendered table': lambda s: s['tables'] > 0},
    'experiments/segmentation.html': {'a rendered table': lambda s: s['tables'] > 0, 'a plot that loaded': lambda s: any(i[2] > 0 for i in s['imgs'])},
    'experiments/analysis.html': {'a rendered table': lambda s: s['tables'] > 0, 'a plot that loaded': lambda s: any(i[2] > 0 for i in s['imgs'])},
    'experiments/post.html': {'a rendered table': lambda s: s['tables'] > 0,
                          'a plot that loaded': lambda s: any(i[2] > 0 for i in s['imgs'])},
    'experiments/frontier.html': {'a rendered table': lambda s: s['tables'] > 0,
                                  'a plot that loaded': lambda s: any(i[2] > 0 for i in s['imgs'])},
}

def all_pages(site:Path=SITE)->dict:
    "Every page of `site` (but the 404 page) with the common checks; those of `PAGES` with their own too."
    return {**{str(p.relative_to(site)): {} for p in sorted(site.rglob('*.html')) if p.name != '404.html'}, **PAGES}

if __name__ == '__main__':
    what = sys.argv[1] if len(sys.argv) > 1 else 'links'
    if what == 'browser': bad = check_browser(Path(sys.argv[2] if len(sys.argv) > 2 else 'tmp/screenshots'), all_pages())
    else: bad = check_links() if what == 'links' else check_content()
    print('\n'.join(bad) or f"{what}: all good")
    sys.exit(1 if bad else 0)
