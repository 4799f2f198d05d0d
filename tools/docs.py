"""Build the docs site from nbs/: nbdev processes the notebooks, this script adapts them for mkdocs-jupyter, mkdocs builds.

    python tools/docs.py            # builds _site/ (open _site/index.html, or serve it: python -m http.server -d _site)

Steps: `nbdev.serve.proc_nbs` writes _proc/ (show_doc run, `#| hide` cells dropped); each notebook is then adapted
(front matter -> title, show_doc outputs -> markdown cells, `#| echo: false` inputs hidden, links to the hosted docs
made relative) into _site_src/ under its nbdev page name, with a nav in notebook order; mkdocs builds _site/.
"""
import dataclasses, html, importlib, inspect, json, re, shutil, subprocess, sys, time
from pathlib import Path
import yaml
from nbdev.config import get_config
from nbdev.serve import proc_nbs

ROOT = Path(__file__).resolve().parents[1]
SRC, PROC = ROOT/'_site_src', ROOT/'_proc'
CSS = """.jupyter-wrapper .jp-InputPrompt, .jupyter-wrapper .jp-OutputPrompt { display: none !important; }
.md-grid { max-width: 90rem; }
.md-typeset table:not([class]) { font-size: .7rem; }
/* a results table is whole or scrolls in view: never cut at the column's edge */
.jupyter-wrapper .jp-RenderedHTMLCommon table, .md-typeset table.params { display: block; max-width: 100%; overflow-x: auto; }
.jupyter-wrapper .jp-RenderedHTMLCommon table { font-size: .65rem; }
.md-typeset table.params { font-size: .7rem; }
.md-typeset table.params td:nth-child(-n+2) code { white-space: nowrap; }
/* a long default wraps inside its cell rather than squeezing Details */
.md-typeset table.params td:nth-child(3) code { white-space: normal; overflow-wrap: anywhere; }
.md-typeset table.params td:nth-child(3) { max-width: 14rem; }
.md-typeset table.params td:nth-child(4) { min-width: 12rem; }
a.colab-badge { display: inline-block; padding: .1rem .55rem; border-radius: .25rem; background: #f9ab00; color: #fff !important;
  font-weight: 700; font-size: .7rem; text-decoration: none; }
.nodown-issue { margin-top: 2rem; font-size: .7rem; opacity: .8; }
.md-typeset a.src { font-size: .65rem; margin-left: .4rem; }
.jupyter-wrapper .jp-OutputArea-output img { max-width: 100%; height: auto; }
.md-header__button.nodown-repo { color: inherit; font-size: .7rem; margin: 0 .4rem; opacity: .9; }
/* on a phone a plot keeps a readable size and scrolls sideways rather than shrinking its legend to a few pixels */
@media (max-width: 720px) {
  /* parameter tables stack: each parameter a block, its type, default and details below its name */
  .md-typeset table.params thead { display: none; }
  .md-typeset table.params, .md-typeset table.params tbody, .md-typeset table.params tr,
  .md-typeset table.params td { display: block; width: 100%; max-width: none; min-width: 0; }
  .md-typeset table.params tr { border-top: 1px solid var(--md-default-fg-color--lightest); padding: .3rem 0; }
  .md-typeset table.params td { border: none; padding: .05rem .4rem; }
  .md-typeset table.params td:nth-child(2):not(:empty)::before { content: "type "; opacity: .6; }
  .md-typeset table.params td:nth-child(3):not(:empty)::before { content: "default "; opacity: .6; }
  .jupyter-wrapper .jp-OutputArea-output { overflow-x: auto; }
  .jupyter-wrapper .jp-OutputArea-output img { max-width: none; width: max(100%, 660px); }
}
"""

def doc_url_re():
    "Links to the hosted docs that nbdev writes, e.g. https://nodown.github.io/nodown/models.html#vgg4."
    return re.compile(re.escape(get_config().doc_url.rstrip('/')) + r'/([\w/.-]+?)\.html(#[\w.-]*)?')

def front_matter(cell):
    "Title, description and output name from nbdev's raw front-matter cell."
    return yaml.safe_load(''.join(cell['source']).strip().strip('-')) or {}

def md(text): return dict(cell_type='markdown', metadata={}, source=text)

SHOW_DOC = re.compile(r"\[source\]\((?P<url>[^)]*/(?P<mod>nodown/[\w/]+)\.py#L\w+)\)")   # #LNone: an object from the package

def symbol(src:str, mod:str):
    "The object a `show_doc(...)` cell documents, looked up in the module its source link names."
    m = re.search(r'show_doc\(([\w.]+)', src)
    if not m: return None
    obj = importlib.import_module(mod.replace('/', '.'))
    for part in m.group(1).split('.'):
        obj = getattr(obj, part, None)
        if obj is None: return None
    return obj

def _code(s:str)->str: return re.sub(r'`([^`]+)`', r'<code>\1</code>', html.escape(s, quote=False))

def _anno(a)->str:
    if a in (inspect._empty, None, type(None)): return ''
    return a if isinstance(a, str) else getattr(a, '__name__', str(a))

def _default(obj, name, d)->str:
    if d is inspect._empty: return ''
    if d is dataclasses._HAS_DEFAULT_FACTORY: d = {f.name: f for f in dataclasses.fields(obj)}[name].default_factory()
    return repr(d)

def params(obj)->dict:
    "fastcore's `docments` of `obj`, without `self`, with a `**kwargs` comment taken back from the return line."
    from fastcore.docments import docments
    ds = dict(docments(obj, full=True)); ds.pop('self', None)
    kw = [k for k,v in ds.items() if k != 'return' and v['kind'] == inspect.Parameter.VAR_KEYWORD]
    ret = ds.get('return', {})
    if kw and not ds[kw[0]]['docment'] and ret.get('docment'):
        try: ret_line = next(l for l in inspect.getsource(obj).splitlines() if ')->' in l)
        except (OSError, TypeError, StopIteration): ret_line = ''
        if '#' not in ret_line: ds[kw[0]]['docment'], ret['docment'] = ret['docment'], None
    return ds

def signature(obj, name:str, ds:dict)->str:
    "`def f(a, b=1)`, `class C(a, b=1)` or `@dataclass class C(...)`: what `obj` is, its parameters and defaults."
    star = {inspect.Parameter.VAR_POSITIONAL: '*', inspect.Parameter.VAR_KEYWORD: '**'}
    ps = [star.get(v['kind'], '') + k + (f"={_default(obj, k, v['default'])}" if v['default'] is not inspect._empty else '')
          for k,v in ds.items() if k != 'return']
    dc = '@dataclass(frozen=True)' if getattr(getattr(obj, '__dataclass_params__', None), 'frozen', False) else '@dataclass'
    kind = (f'{dc}\nclass' if dataclasses.is_dataclass(obj) else 'class') if isinstance(obj, type) else 'def'
    ret = '' if isinstance(obj, type) else (f" -> {_anno(ds.get('return', {}).get('anno'))}" if _anno(ds.get('return', {}).get('anno')) else '')
    one = f"{kind} {name}({', '.join(ps)}){ret}"
    return one if len(one.split('\n')[-1]) <= 100 else f"{kind} {name}(\n" + ''.join(f"    {p},\n" for p in ps) + f"){ret}"

def param_table(obj, ds:dict)->str:
    "An HTML table Parameter | Type | Default | Details, as fastai's docs show, with a Returns row."
    rows = [(('**' if v['kind'] == inspect.Parameter.VAR_KEYWORD else '*' if v['kind'] == inspect.Parameter.VAR_POSITIONAL else '') + k,
             _anno(v['anno']), _default(obj, k, v['default']), v['docment'] or '')
            for k,v in ds.items() if k != 'return']
    r = ds.get('return') or {}
    if _anno(r.get('anno')) or r.get('docment'): rows.append(('Returns', _anno(r.get('anno')), '', r.get('docment') or ''))
    if not rows: return ''
    cell = lambda s, code: f"<code>{html.escape(s)}</code>" if code and s else _code(s)
    body = ''.join(f"<tr><td>{cell(n, n != 'Returns')}</td><td>{cell(t, True)}</td><td>{cell(d, True)}</td><td>{_code(x)}</td></tr>" for n,t,d,x in rows)
    return f'<table class="params"><thead><tr><th></th><th>Type</th><th>Default</th><th>Details</th></tr></thead><tbody>{body}</tbody></table>'

def render_doc(obj, name:str, url:str)->str:
    "Markdown for one API entry: heading, what it is with its signature, docstring with a source link, parameter table."
    ds = params(obj)
    doc = (inspect.getdoc(obj) or '').strip()
    return (f"### {name}\n\n```python\n{signature(obj, name, ds)}\n```\n\n"
            + (f"*{doc}*" if doc else '') + f' <a class="src" href="{url}">source</a>\n\n' + param_table(obj, ds))

def api_entry(src:str, text:str)->str|None:
    "Our rendering of a `show_doc` output `text` (from the cell `src`), or None when it is not one."
    m = SHOW_DOC.search(text)
    h = re.search(r'^#+ (\S+)', text, re.M)
    if not (m and h and 'show_doc' in src): return None
    obj = symbol(src, m.group('mod'))
    if obj is None: return None
    try: line = inspect.getsourcelines(obj)[1]
    except (OSError, TypeError): line = None
    url = re.sub(r'#L\w+$', f'#L{line}', m.group('url')) if line else m.group('url')
    return render_doc(obj, h.group(1), url)

COLAB_LINK = re.compile(r'\[Open in Colab\]\((https://colab\.research\.google\.com/[^)]+)\)')

def adapt_cell(c, rel, link_re):
    "One cell made ready for mkdocs-jupyter: show_doc output as markdown, hidden inputs tagged, links relative."
    c.get('metadata', {}).pop('execution', None)
    src = ''.join(c['source'])
    fix = lambda s: link_re.sub(lambda m: f"{rel}{m.group(1)}.html{(m.group(2) or '').lower().replace('.', '')}",
                                re.sub(r'\{target="_blank"[^}]*\}', '', s))
    for o in c.get('outputs', []):   # findings and tables a cell printed: their links to the hosted docs made relative
        for k in ('text/markdown', 'text/html'):
            if k in o.get('data', {}): o['data'][k] = fix(''.join(o['data'][k]))
    if c['cell_type'] == 'markdown':
        if 'THIS FILE WAS AUTOGENERATED' in src: return None
        return md(COLAB_LINK.sub(r'<a class="colab-badge" href="\1">Open in Colab</a>', fix(src)))
    if c['cell_type'] != 'code': return None
    if '#| echo: false' in src or '#|echo: false' in src:
        outs = [''.join(o['data']['text/markdown']) for o in c.get('outputs', []) if 'text/markdown' in o.get('data', {})]
        outs = [api_entry(src, o) or o for o in outs]
        if outs: return md(fix('\n\n'.join(outs)))
        c.setdefault('metadata', {})['tags'] = ['hide_input']
    c['source'] = '\n'.join(l for l in src.splitlines() if not l.startswith('#|'))
    return c

def adapt(nb_path, link_re):
    "The notebook at `nb_path` adapted; returns (page name, title, notebook)."
    nb = json.loads(nb_path.read_text())
    cells = nb['cells']
    fm = front_matter(cells.pop(0)) if cells and cells[0]['cell_type'] == 'raw' else {}
    rel_nb = nb_path.relative_to(PROC)
    page = str(rel_nb.with_name(fm.get('output-file', re.sub(r'^\d+[a-z]?_', '', rel_nb.stem) + '.html'))).removesuffix('.html')
    rel = '../' * page.count('/')   # pages are page.html files (use_directory_urls: false)
    title = fm.get('title', page)
    head = md(f"# {title}\n\n> {fm['description']}" if fm.get('description') else f"# {title}")
    nb['cells'] = [head] + [c for c in (adapt_cell(c, rel, link_re) for c in cells) if c is not None]
    return page, title, nb

def build():
    "Process, adapt and build; return the seconds it took."
    t = time.perf_counter()
    shutil.rmtree(PROC, ignore_errors=True); shutil.rmtree(SRC, ignore_errors=True)
    proc_nbs(path=str(ROOT/'nbs'))
    link_re, nav, sources = doc_url_re(), [], {}
    for p in sorted(PROC.rglob('*.ipynb'), key=lambda p: (p.name != 'index.ipynb', len(p.relative_to(PROC).parts), str(p))):
        page, title, nb = adapt(p, link_re)
        dest = SRC/f'{page}.ipynb'; dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(json.dumps(nb, indent=1))
        nav.append((page, title)); sources[f'{page}.ipynb'] = f"nbs/{p.relative_to(PROC)}"
    (SRC/'nodown.css').write_text(CSS)
    shutil.copy(ROOT/'docs'/'iframe-worker-shim.js', SRC)
    cfg = SRC.parent/'_mkdocs.yml'
    section = lambda top: [{t: f'{p}.ipynb'} for p,t in nav if p != 'index' and ('/' in p) == (top == 'Study')]
    nav = [{'Home': 'index.ipynb'}, {'Library': section('Library')}, {'Study': section('Study')}]
    cfg.write_text(yaml.safe_dump({'INHERIT': 'docs/mkdocs.yml', 'docs_dir': '_site_src', 'site_dir': '_site', 'hooks': ['docs/hooks.py'], 'nav': nav,
                                  'extra': {'sources': sources}}, sort_keys=False))
    subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '--strict', '-q', '-f', str(cfg)], check=True, cwd=ROOT)
    return time.perf_counter() - t

if __name__ == '__main__':
    print(f"built {ROOT/'_site'} in {build():.1f} s")
