"""Checks of the built docs site (_site/): internal links and anchors resolve, no resource comes from the internet,
and, in headless Chromium over a local server, the pages show what a reader expects.

    python tools/check_site.py links             # every internal link, anchor and resource of _site/
    python tools/check_site.py browser [SHOTS]   # serve _site on 127.0.0.1, open pages in Chromium, save screenshots
"""
import functools, http.server, re, shutil, sys, threading
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

def target(page:Path, url:str):
    "The file an internal `url` on `page` points to (None for external links)."
    u = urlparse(url)
    if u.scheme or url.startswith('//') or url.startswith(('mailto:', 'javascript:', 'data:')): return None
    f = page if not u.path else (SITE/unquote(u.path).lstrip('/') if u.path.startswith('/') else page.parent/unquote(u.path))
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

def serve(site:Path=SITE):
    "Serve `site` on 127.0.0.1 in a thread; return (server, base url)."
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a): pass
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}/"

def chrome():
    "A headless Chromium driven by Debian's chromedriver, logging network requests."
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    o = webdriver.ChromeOptions()
    for a in ('--headless=new', '--no-sandbox', '--disable-gpu', '--window-size=1280,1600', '--disable-dev-shm-usage'): o.add_argument(a)
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
  imgs: [...document.querySelectorAll('article img')].map(i => [i.currentSrc, i.complete, i.naturalWidth])}"""

def look(driver, url:str, shot:Path|None=None)->dict:
    "Open `url`, wait for it, save a screenshot, return what a reader sees."
    driver.get(url)
    driver.execute_script("return document.readyState")
    seen = driver.execute_script(JS_SEEN)
    if shot: driver.save_screenshot(str(shot))
    return seen

def check_browser(shots:Path, pages:dict)->list:
    "Open each page of `pages` ({path: checks}) over a local server; return the problems found."
    shots.mkdir(parents=True, exist_ok=True)
    srv, base = serve()
    d, bad = chrome(), []
    try:
        for path, checks in pages.items():
            seen = look(d, base+path, shots/((path.strip('/').replace('/', '_') or 'home')+'.png'))
            for name, ok in checks.items():
                if not ok(seen): bad.append(f"{path}: {name}")
            if (ext := requested_hosts(d) - {'127.0.0.1'}): bad.append(f"{path}: requested {sorted(ext)} from the internet")
    finally: d.quit(); srv.shutdown()
    return bad

PAGES = {
    '': {'title is nodown': lambda s: 'nodown' in s['title'], 'a rendered table': lambda s: s['tables'] > 0,
         'a plot that loaded': lambda s: any(w > 0 for _,_,w in s['imgs'])},
    'models/': {'title Models': lambda s: any(h.startswith('Models') for h in s['h1']), 'the create_model API entry': lambda s: 'Create the registered model' in s['text'],
                'a rendered table': lambda s: s['tables'] > 0},
    'experiments/post/': {'a rendered table': lambda s: s['tables'] > 0,
                          'a plot that loaded': lambda s: any(w > 0 for _,_,w in s['imgs'])},
}

if __name__ == '__main__':
    what = sys.argv[1] if len(sys.argv) > 1 else 'links'
    bad = check_links() if what == 'links' else check_browser(Path(sys.argv[2] if len(sys.argv) > 2 else 'tmp/screenshots'), PAGES)
    print('\n'.join(bad) or f"{what}: all good")
    sys.exit(1 if bad else 0)
