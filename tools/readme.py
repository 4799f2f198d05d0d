"""Write README.md from nbs/index.ipynb with nbconvert (nbdev-readme needs Quarto, which this project does without).

    python tools/readme.py           # write README.md
    python tools/readme.py --check   # fail if README.md is not what index.ipynb gives
"""
import re, sys
from pathlib import Path
import nbformat
from nbconvert import MarkdownExporter

ROOT = Path(__file__).resolve().parents[1]

def readme()->str:
    "Markdown of index.ipynb: nbdev directives dropped, images left to the docs site, front cell as title."
    nb = nbformat.read(ROOT/'nbs'/'index.ipynb', as_version=4)
    nb.metadata['language_info'] = {'name': 'python'}  # fenced code blocks marked as python
    nb.cells = [c for c in nb.cells if not (c.cell_type == 'code' and '#| hide' in c.source)]   # as on the docs site
    for c in nb.cells:
        if c.cell_type == 'code' and '#| echo: false' in c.source:   # only its output, as on the docs site
            md = [o['data']['text/markdown'] for o in c.outputs if 'text/markdown' in o.get('data', {})]
            c.cell_type, c.source = 'markdown', '\n\n'.join(md); c.pop('outputs'); c.pop('execution_count', None)
            continue
        if c.cell_type == 'code':
            c.source = '\n'.join(l for l in c.source.splitlines() if not l.startswith('#|'))
            c.outputs = [o for o in c.outputs if o.get('output_type') != 'stream' and not any(k.startswith('image/') for k in o.get('data', {}))]
            for o in c.outputs:
                if 'text/html' in o.get('data', {}): o['data'] = {'text/html': re.sub(r'<style scoped>.*?</style>', '', o['data']['text/html'], flags=re.S)}
    body, _ = MarkdownExporter(exclude_input_prompt=True, exclude_output_prompt=True).from_notebook_node(nb)
    return "<!-- Generated from nbs/index.ipynb by tools/readme.py: edit the notebook, not this file. -->\n\n" + re.sub(r'\n{3,}', '\n\n', body).strip() + '\n'

if __name__ == '__main__':
    txt, f = readme(), ROOT/'README.md'
    if '--check' in sys.argv:
        if not f.exists() or f.read_text() != txt: sys.exit("README.md is out of date with nbs/index.ipynb: run python tools/readme.py")
        print("README.md is in sync")
    else: f.write_text(txt); print(f"wrote {f}")
