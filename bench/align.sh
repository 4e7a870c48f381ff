#!/usr/bin/env bash
# bench/align.sh [N]: aligns N synthetic claims (default 100000) with
# lectern bench-align and reports its figures plus /usr/bin/time -v's
# wall-clock time and peak memory.  Deterministic: the same N gives the
# same corpus and the same topics.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000}
bin=${LECTERN:-$top/lectern}
[ -x "$bin" ] || make -C "$top" lectern >/dev/null
if [ -x /usr/bin/time ]; then
	/usr/bin/time -v "$bin" bench-align "$n" 2>"${TMPDIR:-/tmp}/lectern-bench.$$" || exit 1
	grep -E 'Elapsed \(wall clock\)|Maximum resident set size|User time|System time' \
		"${TMPDIR:-/tmp}/lectern-bench.$$" | sed 's/^[[:space:]]*/time -v: /'
	rm -f "${TMPDIR:-/tmp}/lectern-bench.$$"
else
	"$bin" bench-align "$n"
fi
