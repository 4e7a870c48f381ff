#!/usr/bin/env bash
# bench/run.sh: the benchmark suite (`make bench`).  Generates the corpora
# (deterministic, under $BENCH_DIR, default build/bench), runs every
# benchmark listed below, prints one table and writes bench/RESULTS.md.
# Adding a benchmark: a script bench/NAME.sh using bench/lib.sh, and one
# "bench NAME" line below.  BENCHES="check open" runs only those; the rows of
# the others are kept from bench/RESULTS.md.
set -u
cd "$(dirname "$0")/.." || exit 2
TOP=$PWD
LECTERN=${LECTERN:-$TOP/lectern}
BENCH_DIR=${BENCH_DIR:-$TOP/build/bench}
CORPORA=$BENCH_DIR/corpora
WORK=$BENCH_DIR/work
ROWS=$WORK/rows.tsv
CMDS=$WORK/commands.txt
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
export LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CACHE_HOME=$BENCH_DIR/xdg
unset LECTERN_CACHE LECTERN_CORPUS
mkdir -p "$CORPORA" "$WORK"
: >"$ROWS"; : >"$CMDS"
. bench/lib.sh
t0=$(date +%s)

for n in 1000 10000 100000; do
	c=$CORPORA/$n
	if [ ! -s "$c/corpus.json" ] || [ bench/gen-corpus -nt "$c/corpus.json" ]; then
		rm -rf "$c"
		s=$(date +%s.%N)
		bench/gen-corpus "$n" "$c" data/sources 2>/dev/null || exit 2
		e=$(date +%s.%N)
		awk -v a="$s" -v b="$e" 'BEGIN { print b - a }' >"$c.gen-seconds"
	fi
	[ -n "${BENCHES:-}" ] || row generate "$n" "gen-corpus (when made)" "$(fmt_s "$(cat "$c.gen-seconds" 2>/dev/null || echo 0)")" \
		"-" "-" "-" "(seconds)" "-"
	"$LECTERN" --corpus "$c" check >/dev/null || { echo "bench: corpus $n fails check" >&2; exit 1; }
done
cmdlog "bench/gen-corpus N $CORPORA/N data/sources   (N = 1000, 10000, 100000)"

# bench NAME [named]: runs bench/NAME.sh when BENCHES is empty or names it;
# a "named" one only when BENCHES names it
bench() {
	local all=${BENCHES:-$1}
	[ "${2:-}" != named ] || all=${BENCHES:-}
	case " $all " in *" $1 "*) ;; *) return 0 ;; esac
	echo "bench: $1..." >&2
	. "bench/$1.sh"
}

# ---- the suite: one line per benchmark ----
bench open
bench memory
bench check
bench search
bench engines
bench ingest
bench scroll
bench reader
bench export
bench cmpview
bench million named
# ---- end of the suite ----

if [ -n "${BENCHES:-}" ] && [ -f bench/RESULTS.md ]; then
	# a subset: the other benchmarks' rows as they were
	awk -F' [|] ' -v only=" $BENCHES " '/^[|] [a-z]/ && NF >= 9 && $1 != "| benchmark" {
		b = substr($1, 3); if (index(only, " " b " ") == 0) print }' bench/RESULTS.md |
		sed 's/^| //; s/ |$//; s/ | /\t/g' >"$WORK/kept.tsv"
	cat "$WORK/kept.tsv" >>"$ROWS"
fi
elapsed=$(( $(date +%s) - t0 ))
header="benchmark	corpus	what	lectern	peer	peer figure	ratio	target	met"
{ echo "$header"; cat "$ROWS"; } | column -t -s $'\t'
echo "(medians of $RUNS runs; $elapsed s in all)"

[ -f bench/RESULTS.md ] && sed -n '/^## Notes on the figures/,/^## Commands/p' bench/RESULTS.md | sed '$d' >"$WORK/notes.md"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
{
	echo "# lectern benchmarks"
	echo
	echo "Written by \`make bench\` (bench/run.sh) on $(date -u '+%Y-%m-%d %H:%M UTC'); $elapsed s end to end."
	echo
	echo "Machine: $(nproc) cores, $mem, $cpu; $(uname -sr)."
	echo "lectern $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(hyperfine --version), $(jq --version)."
	echo
	echo "Every time is the median of $RUNS runs (after $WARMUP warm-up run).  lectern's open"
	echo "and its jq peer run in turn, round robin (bench/lib.sh \`alt\`), so that both see the"
	echo "same load on this shared machine, and so do check and sha256sum; the floors (cat) are timed by hyperfine."
	echo "Memory figures are medians of $RUNS runs."
	echo "Corpora: \`bench/gen-corpus N\` (N sources, about 2 claims each, N/5 topics)."
	echo
	echo "| $(sed 's/\t/ | /g' <<<"$header") |"
	echo "|$(sed 's/[^\t]*/---/g; s/\t/|/g' <<<"$header")|"
	sed 's/^/| /; s/\t/ | /g; s/$/ |/' "$ROWS"
	echo
	# the notes on the rows, written by hand, carried from the last RESULTS.md
	[ -s "$WORK/notes.md" ] && cat "$WORK/notes.md"
	echo "## Commands"
	echo
	echo '```'
	sed "s|$TOP/||g" "$CMDS"
	echo '```'
	echo
	cat bench/NOTES.md
} >bench/RESULTS.md
echo "bench: wrote bench/RESULTS.md" >&2
