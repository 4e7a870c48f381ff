# memory: resident memory once open (stats reports /proc/self/statm after
# loading) and at its peak (VmHWM, time -v), first open and repeated open,
# against the index file's size; jq empty's peak for comparison.
c=$CORPORA/100000
cache=$c/.corpus.json.lcache
size=$(stat -c %s "$c/corpus.json")
size_kb=$((size / 1024))
nows=() peaks=()
for _ in $(seq "$RUNS"); do
	rm -f "$cache"
	out=$("$LECTERN" --corpus "$c" stats)
	nows+=("$(sed -n 's/^rss-now-kb: //p' <<<"$out")")
	peaks+=("$(sed -n 's/^rss-peak-kb: //p' <<<"$out")")
done
cmdlog "rm -f $cache; $LECTERN --corpus $c stats  (rss-now-kb, rss-peak-kb)"
now=$(printf '%s\n' "${nows[@]}" | median)
peak=$(printf '%s\n' "${peaks[@]}" | median)
again=$(maxrss "$LECTERN" --corpus "$c" stats)
jqpeak=$(maxrss jq empty "$c/corpus.json")
row memory 100000 "once open (first open)" "$(mib "$now")" "index size" "$(mib "$size_kb")" \
	"$(ratio "$now" "$size_kb")" "<= 1.5x" "$(met "$now" "$size_kb" 1.5)"
row memory 100000 "peak, first open" "$(mib "$peak")" "index size" "$(mib "$size_kb")" \
	"$(ratio "$peak" "$size_kb")" "<= 2x" "$(met "$peak" "$size_kb" 2)"
row memory 100000 "peak, repeated open" "$(mib "$again")" "index size" "$(mib "$size_kb")" \
	"$(ratio "$again" "$size_kb")" "<= 1.5x" "$(met "$again" "$size_kb" 1.5)"
row memory 100000 "peak, first open" "$(mib "$peak")" "jq empty peak" "$(mib "$jqpeak")" \
	"$(ratio "$peak" "$jqpeak")" "(report)" "-"
