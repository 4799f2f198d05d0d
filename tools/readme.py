"""Write README.md from nbs/index.ipynb with nbconvert (nbdev-readme needs Quarto, which this project does without).

    python tools/readme.py           # write README.md
    python tools/readme.py --check   # fail if README.md is not what index.ipynb gives
"""
import re, sys
from html.parser import HTMLParser
from pathlib import Path
import nbformat
from nbconvert import MarkdownExporter

ROOT = Path(__file__).resolve().parents[1]

class _Table(HTMLParser):
    "The rows of a pandas HTML table: header rows, then body rows, each a list of cell texts."
    def __init__(self): super().__init__(); self.head, self.body, self.row, self.cell, self.part = [], [], None, None, None
    def handle_starttag(self, tag, attrs):
        if tag in ('thead', 'tbody'): self.part = self.head if tag == 'thead' else self.body
        elif tag == 'tr': self.row = []
        elif tag in ('th', 'td'): self.cell = ''
    def handle_data(self, data):
        if self.cell is not None: self.cell += data
    def handle_endtag(self, tag):
        if tag in ('th', 'td'): self.row.append(self.cell.strip()); self.cell = None
        elif tag == 'tr' and self.part is not None: self.part.append(self.row)

def html_table_md(html:str)->str:
    "A pandas DataFrame's HTML as a Markdown table: the index's name as the first header (no empty index row)."
    t = _Table(); t.feed(html)
    head = t.head[0]
    if len(t.head) > 1 and t.head[1][0] and not any(t.head[1][1:]): head = [t.head[1][0], *head[1:]]
    rows = [head, ['---']*len(head), *t.body]
    return '\n'.join('| ' + ' | '.join(r) + ' |' for r in rows)

def readme()->str:
    "Markdown of index.ipynb: nbdev directives dropped, images left to the docs site, front cell as title."
    nb = nbformat.read(ROOT/'nbs'/'index.ipynb', as_version=4)
    nb.metadata['language_info'] = {'name': 'python'}  # fenced code blocks marked as python
    nb.cells = [c for c in nb.cells if not (c.cell_type == 'code' and '#| hide' in c.source)]   # as on the docs site
    nb.cells = [c for c in nb.cells if not (c.cell_type == 'markdown' and c.source.startswith('*Figure:'))]   # its figure is
                                                                                                            # the docs site's
    for c in nb.cells:
        if c.cell_type == 'code' and '#| echo: false' in c.source:   # only its output, as on the docs site
            md = [o['data']['text/markdown'] for o in c.outputs if 'text/markdown' in o.get('data', {})]
            c.cell_type, c.source = 'markdown', '\n\n'.join(md); c.pop('outputs'); c.pop('execution_count', None)
            continue
        if c.cell_type == 'code':
            c.source = '\n'.join(l for l in c.source.splitlines() if not l.startswith('#|'))
            c.outputs = [o for o in c.outputs if o.get('output_type') != 'stream' and not any(k.startswith('image/') for k in o.get('data', {}))]
            for o in c.outputs:   # a DataFrame as a Markdown table, as GitHub shows Markdown best
                if 'dataframe' in o.get('data', {}).get('text/html', ''): o['data'] = {'text/markdown': html_table_md(o['data']['text/html'])}
    body, _ = MarkdownExporter(exclude_input_prompt=True, exclude_output_prompt=True).from_notebook_node(nb)
    return "<!-- Generated from nbs/index.ipynb by tools/readme.py: edit the notebook, not this file. -->\n\n" + re.sub(r'\n{3,}', '\n\n', body).strip() + '\n'

if __name__ == '__main__':
    txt, f = readme(), ROOT/'README.md'
    if '--check' in sys.argv:
        if not f.exists() or f.read_text() != txt: sys.exit("README.md is out of date with nbs/index.ipynb: run python tools/readme.py")
        print("README.md is in sync")
    else: f.write_text(txt); print(f"wrote {f}")
