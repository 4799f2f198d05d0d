"""Progress-bar frames out of the notebooks' stored outputs: fastprogress's console frames (`Epoch 1/1 : |███---|`),
its HTML bars and `\\r`-overwritten lines are dropped from stream outputs, the lines a reader should see (fastai's
epoch table) are kept.

    python tools/clean_frames.py          # clean nbs/**/*.ipynb in place
    python tools/clean_frames.py --check  # list the notebooks that store frames; exit 1 if any
"""
import json, re, sys
from pathlib import Path

FRAME = re.compile(r'^\s*(Epoch \d+/\d+ :.*|.*\|[█-]{5,}\|.*|.*█.*)$')

def clean_text(text:str)->str:
    "`text` without progress frames: the last state of each `\\r`-overwritten line, frame lines dropped."
    last = lambda l: next((p for p in reversed(l.split('\r')) if p.strip()), '')
    return ''.join(l + '\n' for l in map(last, text.split('\n')) if l and not FRAME.match(l))

def has_frames(o:dict)->bool:
    "Whether one output stores progress frames or bars."
    t = ''.join(o.get('text', '')) + ''.join(''.join(v) for k,v in o.get('data', {}).items() if k in ('text/html', 'text/plain'))
    return '<progress' in t or any(FRAME.match(l) for l in re.split(r'[\r\n]', t))

def clean_cell(c:dict)->bool:
    "Clean the outputs of one cell in place; return whether anything changed."
    if 'outputs' not in c: return False
    outs = []
    for o in c['outputs']:
        if o.get('output_type') == 'stream':
            t = clean_text(''.join(o['text']))
            if t.strip(): outs.append({**o, 'text': t.splitlines(True)})
        elif not has_frames(o): outs.append(o)
    changed, c['outputs'] = outs != c['outputs'], outs
    return changed

def notebooks(root:Path=Path('nbs'))->list: return sorted(root.rglob('*.ipynb'))

if __name__ == '__main__':
    check, bad = '--check' in sys.argv, []
    for p in notebooks():
        nb = json.loads(p.read_text())
        if any([clean_cell(c) for c in nb['cells']]):
            bad.append(str(p))
            if not check: p.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    if check and bad: print('progress-bar frames stored in:', *bad, '\nrun: python tools/clean_frames.py', sep='\n  '); sys.exit(1)
    print(('cleaned: ' + ', '.join(bad)) if bad else 'no progress-bar frames stored')
