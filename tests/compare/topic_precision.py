#!/usr/bin/env python3
"""Topic pair precision of lectern's automatic topics on a gold file.

usage: topic_precision.py GOLD CLAIMS_JSON COMPARE_JSON SCORER
Pairs of claims of different sources that share an emitted topic are
counted when both claims hold some gold anchor (the scorer's matching: the
claim's source was imported from the anchor's file and its text holds the
substring); a pair is right when the two hold anchors of one gold topic.
Claims that gold does not name cannot be judged and are left out.  Prints
"topic pair precision P (RIGHT/COUNTED)".
"""
import importlib.util, itertools, json, sys

def main(gold_p, claims_p, cmp_p, scorer_p):
    spec = importlib.util.spec_from_file_location('score_trust', scorer_p)
    st = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(st)
    gold = json.load(open(gold_p, encoding='utf-8'))
    claims = {c['id']: c for c in json.load(open(claims_p, encoding='utf-8'))['claims']}
    topics = json.load(open(cmp_p, encoding='utf-8'))['topics']
    in_gold = {}
    for g in gold['topics']:
        for key, anchor in g['anchors']:
            fa = st.fold(anchor)
            for cid, c in claims.items():
                if c['source'].startswith(key) and fa in st.fold(c.get('text', '')):
                    in_gold.setdefault(cid, set()).add(g['id'])
    pairs = set()
    for t in topics:
        ids = [c if isinstance(c, str) else c['id'] for c in t.get('claims', [])]
        for a, b in itertools.combinations(ids, 2):
            if a in in_gold and b in in_gold and claims[a]['source'] != claims[b]['source']:
                pairs.add(frozenset((a, b)))
    right = sum(1 for p in pairs if set.intersection(*(in_gold[x] for x in p)))
    print('topic pair precision %.2f (%d/%d)' % (right / len(pairs) if pairs else 1, right, len(pairs)))

if __name__ == '__main__':
    main(*sys.argv[1:5])
