#!/usr/bin/env python3
"""Pairs each miss of `dossier evaluate` outputs with an extra of the same visitor and destination in the same
set (a visit found with another date, or none), and counts the pairs by how the dates differ.

usage: scripts/date-miss-pairs.py OUTDIR   (OUTDIR: the per-set outputs of scripts/evaluate-all.sh)
"""
import collections, glob, os, re, sys

def name_words(name):
    return {w.lower() for w in re.split(r'\W+', name) if len(w) > 2}

def how_dates_differ(gold, found):
    if found == '?': return 'no date'
    if gold[:4] != found[:4]: return 'another year'
    if len(gold) >= 7 and len(found) >= 7 and gold[:7] != found[:7]: return 'another month'
    return 'same month (another day or document)'

def main(outdir):
    counts = collections.Counter()
    for path in sorted(glob.glob(os.path.join(outdir, '*.txt'))):
        set_name = os.path.basename(path)[:-4]
        if set_name == 'testcorpus': continue
        text = open(path, encoding='utf-8').read()
        misses = re.findall(r'^  - (.+?) -> (\w+) (\S+) \((.+?)\)$', text, re.M)
        extras = re.findall(r'^  \+ (.+?) -> (\w+) (\S+) \[', text, re.M)
        used = set()
        for visitor, dest, gold, doc in misses:
            for i, (v2, d2, found) in enumerate(extras):
                if i in used or d2 != dest or not name_words(visitor) & name_words(v2): continue
                used.add(i)
                kind = how_dates_differ(gold, found)
                counts[kind] += 1
                print('\t'.join([set_name, doc, visitor, dest, gold, found, kind]))
                break
    for kind, n in counts.most_common(): print(f'# {kind}: {n}', file=sys.stderr)

if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else sys.exit(__doc__))
