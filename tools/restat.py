"""Recount the structural statistics of stored runs (parameters, MACs, receptive field) from their saved weights, after
`nodown.stats` learns to count a layer it missed (as spectral crops once added nothing to the field). It only ever
rewrites `rf`: a run whose parameters or MACs count differently is reported and left alone, since those would mean
another net than the one trained. Prints each change; `--write` saves them, then the folder's summaries.
    python tools/restat.py results            # what would change
    python tools/restat.py results --write    # rewrite result.json, results.json/csv; then python tools/publish.py"""
import argparse, sys
from pathlib import Path
from nodown.core import read_json, save_atomic, dumps_strict, claims_lock
from nodown.compare import load_run_model, _save_summary
from nodown.hub import run_folders
from nodown.models import default_cfg
from nodown.stats import model_stats

def recount(d:Path)->dict|None:
    "The stored and recounted (params, MMACs, rf) of the finished run in folder `d`; None for a run without weights."
    r = read_json(d/'result.json')
    if r.get('status') != 'finished': return None
    st = model_stats(load_run_model(d.parent, r['model'], r['seed'], r), default_cfg(r['model']).input_size)
    now = (st['params'], round(st['macs']/1e6, 2), st['rf'])
    return dict(result=r, stored=(r['params'], r['MMACs'], r['rf']), now=now)

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('root', type=Path, help='a results folder, searched at every depth')
    ap.add_argument('--write', action='store_true', help='save the recounted rf (default: only print)')
    a = ap.parse_args(argv)
    changed, bad, n = set(), 0, 0
    for d in run_folders(a.root):
        c = recount(d)
        if c is None or c['stored'] == c['now']: continue
        if c['stored'][:2] != c['now'][:2]:
            print(f"{d}: params/MMACs {c['stored'][:2]} stored, {c['now'][:2]} now: left alone", file=sys.stderr)
            bad += 1
            continue
        print(f"{d}: rf {c['stored'][2]} -> {c['now'][2]}"); n += 1
        if a.write:
            save_atomic(dumps_strict({**c['result'], 'rf': c['now'][2]}), d/'result.json', parents=False)
            changed.add(d.parent)
    for out in sorted(changed):
        with claims_lock(out): _save_summary(out)   # as a finishing run rebuilds it: one writer at a time
    print(f"{n} run(s): rf {'rewritten' if a.write else 'would change (--write saves it)'}")
    return 1 if bad else 0

if __name__ == '__main__': sys.exit(main())
