#!/usr/bin/env bash
# bench/compare.sh [N]: compare, export and related on one topic of N claims
# (default 100000) in two sources, with /usr/bin/time -v's wall-clock time
# and peak memory for each.  Targets (issue 13 and 17): compare and export
# <= 2 s and <= 200 MB; related over every claim in seconds.  The corpus is
# synthetic and deterministic (bench/gen-topic.sh): one short sentence a
# claim, each with a count, half of the claims in each source, all in one
# curated topic.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000}
bin=${LECTERN:-$top/lectern}
[ -x "$bin" ] || make -C "$top" lectern >/dev/null
dir=$(mktemp -d "${TMPDIR:-/tmp}/lectern-bench-compare.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$dir"' EXIT
sh "$top/bench/gen-topic.sh" "$n" "$dir" curated
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
