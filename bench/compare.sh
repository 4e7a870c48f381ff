#!/usr/bin/env bash
# bench/compare.sh [N]: compare, export and related on one topic of N claims
# (default 100000) in two sources, with /usr/bin/time -v's wall-clock time
# and peak memory for each.  Targets (issue 13 and 17): compare and export
# <= 2 s and <= 200 MB; related over every claim in seconds.  The corpus is
# synthetic and deterministic: sentences of a few hundred words recombined,
# each with a count, half of them in each source, all in one curated topic.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000}
bin=${LECTERN:-$top/lectern}
[ -x "$bin" ] || make -C "$top" lectern >/dev/null
command -v python3 >/dev/null || { echo "bench/compare.sh: needs python3 to write the corpus"; exit 2; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/lectern-bench-compare.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$dir"' EXIT
python3 - "$dir" "$n" <<'PY'
import hashlib, json, os, random, sys
d, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(17)
nouns = ['people', 'troops', 'ships', 'tents', 'passengers', 'sorties', 'homes', 'schools', 'trucks', 'doctors']
verbs = ['reported', 'counted', 'moved', 'sent', 'flown', 'built', 'found', 'lost', 'seen', 'listed']
places = ['valley%d' % i for i in range(400)]
people = ['Officer%d' % i for i in range(300)]
os.makedirs(d + '/sources', exist_ok=True)
texts = {'north': [], 'south': []}
offs = {'north': 0, 'south': 0}
claims = []
for i in range(n):
    src = 'north' if i % 2 == 0 else 'south'
    x = rnd.randint(10, 90000)
    unit = rnd.choice(nouns)
    t = '%s said %d %s were %s near %s on day %d of the operation.' % (
        rnd.choice(people), x, unit, rnd.choice(verbs), rnd.choice(places), rnd.randint(1, 60))
    b = t.encode()
    start = offs[src]
    texts[src].append(t)
    offs[src] += len(b) + 1
    claims.append({'id': 'c%06d' % i, 'source': src, 'span': [start, start + len(b)], 'text': t,
                   'kind': 'quantity', 'speaker': None, 'topics': ['all'], 'origin': 'curated',
                   'values': [{'type': 'quantity', 'value': x, 'unit': unit, 'qualifier': 'exact'}]})
sources = []
for s, lines in texts.items():
    data = ('\n'.join(lines) + '\n').encode()
    open('%s/sources/%s.txt' % (d, s), 'wb').write(data)
    sources.append({'id': s, 'title': 'Operation report %s' % s, 'outlet': s, 'author': None,
                    'published': '2024-05-0%d' % (1 if s == 'north' else 2), 'url': None,
                    'language': 'en', 'file': 'sources/%s.txt' % s, 'sha256': hashlib.sha256(data).hexdigest()})
json.dump({'schema': 'lectern-corpus', 'version': 1, 'title': 'bench', 'sources': sources, 'claims': claims,
           'topics': [{'id': 'all', 'label': 'every claim', 'claims': [c['id'] for c in claims]}]},
          open(d + '/corpus.json', 'w'))
PY
"$bin" --corpus "$dir" check >/dev/null || { echo "bench/compare.sh: the corpus does not check"; exit 1; }
measure() {  # measure NAME CMD...
	local name=$1 log=$dir/time.log
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -v "$@" >"$dir/out" 2>"$log" || { echo "$name: failed"; tail -3 "$log"; return 1; }
		printf '%-28s %s wall, %s s user+sys, %s MB\n' "$name" \
			"$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")" \
			"$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.2f", t }' "$log")" \
			"$(($(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log") / 1024))"
	else
		local t0 t1
		t0=$(date +%s.%N)
		"$@" >"$dir/out"
		t1=$(date +%s.%N)
		printf '%-28s %s s\n' "$name" "$(echo "$t1 - $t0" | bc)"
	fi
}
echo "one topic of $n claims in two sources"
"$bin" --corpus "$dir" stats >/dev/null   # the cache, so loading is not measured twice
measure "load (stats)" "$bin" --corpus "$dir" stats
measure "compare all" "$bin" --corpus "$dir" compare all
grep -q '"sampled"' <("$bin" --corpus "$dir" compare all --json) && echo "compare: pairs sampled (CMP_MAX_PAIRS), and the JSON says so"
measure "export --format json" "$bin" --corpus "$dir" export --format json
measure "related --json (every claim)" "$bin" --corpus "$dir" related --json
