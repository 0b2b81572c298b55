#!/usr/bin/env python3
"""Baseline for `ew bench --only startup` (docs/performance.md): the short script a user would write
instead of `ew analyze`. json + numpy (plain Python when numpy is missing): step-1 mean token entropy H
per question at k = 20 (first step-1 line of a question wins, NaN/null entropies skipped, ungradable or
H-less questions left out, as RunOutcomes does), class means, Cohen's d with the pooled sd.
Prints one JSON object. Usage: analyze_baseline.py RUN(.jsonl|.jsonl.gz)"""
import gzip, json, sys
try:
    import numpy as np
except ImportError:  # plain Python fallback, same numbers
    np = None
opener = gzip.open if open(sys.argv[1], 'rb').read(2) == b'\x1f\x8b' else open
h, seen = {True: [], False: []}, set()
with opener(sys.argv[1], 'rt', encoding='utf-8') as f:
    for line in f:
        r = json.loads(line)
        if r.get('type') != 'step' or r['step'] != 1 or r['q'] in seen:
            continue
        seen.add(r['q'])
        e = [x for x in r['entropy'].get('20', []) if x is not None]
        if r['correct'] is not None and e:
            h[r['correct']].append(float(np.mean(e)) if np else sum(e) / len(e))
def stats(v):
    m = sum(v) / len(v)
    return len(v), m, sum((x - m) ** 2 for x in v) / (len(v) - 1)
(nc, mc, vc), (ni, mi, vi) = stats(h[True]), stats(h[False])
d = (mi - mc) / (((nc - 1) * vc + (ni - 1) * vi) / (nc + ni - 2)) ** 0.5
print(json.dumps({'numpy': np is not None, 'correct': {'n': nc, 'mean': mc}, 'incorrect': {'n': ni, 'mean': mi}, 'cohensD': d}))
