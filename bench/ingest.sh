# bench/ingest.sh: extract and import at 10,000 and 100,000 sources (sourced
# by bench/run.sh; INGEST_SIZES="10000" runs one size).  For each corpus of
# bench/gen-corpus:
#   extract  `lectern extract` on a copy of the corpus: MB of text per CPU
#            second (user + system), against `jq empty` of the index it
#            writes (the peer, in the same round robin); peak memory against
#            the index written;
#   import   `lectern import` of the same texts as .txt files into a new
#            corpus: MB of input per CPU second against `cat` of the inputs;
#            peak memory against three times the largest input plus the
#            index written (the target's bound: at most 1.0x of it).
# CPU seconds are the figure (the machine is shared: wall time follows the
# load); wall times are kept in $WORK/ingest-*.times.  Medians of RUNS runs.

# cpu_run OUT CMD...: runs CMD, appends "cpu wall maxrss_kb" to OUT
cpu_run() {
	local out=$1; shift
	/usr/bin/time -f '%U %S %e %M' -o "$WORK/ingest.t" "$@" >/dev/null 2>&1 ||
		{ echo "bench: failed: $*" >&2; return 1; }
	awk '{ print $1 + $2, $3, $4 }' "$WORK/ingest.t" >>"$out"
}

for n in ${INGEST_SIZES:-10000 100000}; do
	src=$CORPORA/$n
	ex=$WORK/ingest-$n-extract
	in=$WORK/ingest-$n-input
	im=$WORK/ingest-$n-import
	rm -rf "$in" && mkdir -p "$in"
	# the texts as NAME.txt, the form import takes (hard links: a cp per
	# file took longer than the benchmark)
	python3 -c 'import os, sys
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        os.link(os.path.join(d, f), os.path.join(sys.argv[2], f + ".txt"))' "$src/sources" "$in"
	text=$(find "$in" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
	largest=$(find "$in" -type f -printf '%s\n' | sort -n | tail -1)
	: >"$ex.fig"; : >"$im.fig"; : >"$WORK/ingest-$n.jq"; : >"$WORK/ingest-$n.cat"
	cmdlog "cp -r $src ${ex#$TOP/}; lectern --corpus ${ex#$TOP/} extract   (then jq empty ${ex#$TOP/}/corpus.json)"
	cmdlog "lectern import ${in#$TOP/} --output ${im#$TOP/}   (then cat ${in#$TOP/}/*)"
	for ((r = 0; r < RUNS; r++)); do
		rm -rf "$ex" && cp -r "$src" "$ex" && rm -f "$ex/.corpus.json.lcache"
		cpu_run "$ex.fig" "$LECTERN" --corpus "$ex" extract || break
		cpu_run "$WORK/ingest-$n.jq" jq empty "$ex/corpus.json"
		rm -rf "$im"
		cpu_run "$im.fig" "$LECTERN" import "$in" --output "$im" || break
		cpu_run "$WORK/ingest-$n.cat" sh -c "find '$in' -type f -exec cat {} + >/dev/null"
	done
	xidx=$(stat -c %s "$ex/corpus.json")
	iidx=$(stat -c %s "$im/corpus.json")
	xcpu=$(awk '{ print $1 }' "$ex.fig" | median)
	xrss=$(awk '{ print $3 }' "$ex.fig" | median)
	jcpu=$(awk '{ print $1 }' "$WORK/ingest-$n.jq" | median)
	icpu=$(awk '{ print $1 }' "$im.fig" | median)
	irss=$(awk '{ print $3 }' "$im.fig" | median)
	ccpu=$(awk '{ print $1 }' "$WORK/ingest-$n.cat" | median)
	xr=$(awk -v b="$text" -v s="$xcpu" 'BEGIN { printf "%.1f", b / 1e6 / s }')
	ir=$(awk -v b="$text" -v s="$icpu" 'BEGIN { printf "%.1f", b / 1e6 / s }')
	row ingest "$n" "extract, CPU (MB of text/s; $((text / 1000000)) MB)" "$xr MB/s" \
		"jq empty (index written, CPU)" "$(fmt_s "$jcpu")" "$(ratio "$xcpu" "$jcpu")" ">= 15 MB/s" \
		"$(awk -v v="$xr" 'BEGIN { print (v >= 15 ? "yes" : "NO") }')"
	row ingest "$n" "extract, peak memory" "$(mib "$xrss")" "index written" \
		"$(mib $((xidx / 1024)))" "$(ratio "$xrss" $((xidx / 1024)))" "<= 2x" \
		"$(met "$xrss" $((xidx / 1024)) 2)"
	row ingest "$n" "import, CPU (MB of input/s)" "$ir MB/s" "cat all inputs (CPU)" \
		"$(fmt_s "$ccpu")" "$(ratio "$icpu" "$ccpu")" ">= 10 MB/s" \
		"$(awk -v v="$ir" 'BEGIN { print (v >= 10 ? "yes" : "NO") }')"
	bound=$(((3 * largest + iidx) / 1024))
	row ingest "$n" "import, peak memory" "$(mib "$irss")" "3 x largest input + index written" \
		"$(mib "$bound")" "$(ratio "$irss" "$bound")" "<= 1.0x" "$(met "$irss" "$bound" 1)"
	rm -rf "$ex" "$im" "$in"
done
