# engines: the extractor's throughput on one core (bench/extract.sh: 10 MB
# of articles, extract_claims() alone and `lectern extract` end to end) and
# the automatic alignment of 100,000 claims (bench/align.sh: `lectern
# bench-align`), each the median of ERUNS runs (default 3); with ALIGN_1M=1
# also one run of 1,000,000 claims (about 2.5 GB and minutes on 2 cores).
eruns=${ERUNS:-3}
: >"$WORK/extract.out"; : >"$WORK/align.out"
cmdlog "bench/extract.sh 10   ($eruns runs)"
cmdlog "bench/align.sh 100000   ($eruns runs)"
for ((r = 0; r < eruns; r++)); do
	bash bench/extract.sh 10 >>"$WORK/extract.out" 2>&1 || echo "bench: extract.sh failed" >&2
	LECTERN=$LECTERN bash bench/align.sh 100000 >>"$WORK/align.out" 2>&1 || echo "bench: align.sh failed" >&2
done
# the first "cpu time" line of a run is extract_claims() alone, the second
# lectern extract end to end
ext=$(awk '/^extraction:/ { k = 0 } /cpu time/ { if (k++ == 0) print $(NF - 1) }' "$WORK/extract.out" | median)
e2e=$(awk '/^lectern extract/ { k = 1 } /cpu time/ && k { print $(NF - 1); k = 0 }' "$WORK/extract.out" | median)
row extract 10MB "extract_claims, one core (MB/s)" "$ext MB/s" "-" "-" "-" ">= 20 MB/s" \
	"$(awk -v v="$ext" 'BEGIN { print (v >= 20 ? "yes" : "NO") }')"
row extract 10MB "lectern extract end to end, cpu (MB/s)" "$e2e MB/s" "-" "-" "-" "(report)" "-"
al=$(sed -n 's/^align: *\([0-9.]*\) s/\1/p' "$WORK/align.out" | median)
wall=$(sed -n 's/.*Elapsed (wall clock).*: \([0-9]*\):\([0-9.]*\)$/\1 \2/p' "$WORK/align.out" |
	awk '{ print $1 * 60 + $2 }' | median)
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/align.out" | median)
cpu=$(sed -n 's/^align, cpu: *\([0-9.]*\) s/\1/p' "$WORK/align.out" | median)
row compare 100000 "align 100,000 claims" "$(fmt_s "$al")" "-" "-" "-" "<= 2 s" \
	"$(awk -v v="$al" 'BEGIN { print (v <= 2 ? "yes" : "NO") }')"
row compare 100000 "align 100,000 claims, CPU" "$(fmt_s "$cpu")" "-" "-" "-" "(report)" "-"
row compare 100000 "bench-align whole run (wall), peak memory" "$(fmt_s "$wall"), $(mib "$rss")" \
	"-" "-" "-" "(report)" "-"
if [ "${ALIGN_1M:-0}" = 1 ]; then
	cmdlog "bench/align.sh 1000000   (1 run)"
	LECTERN=$LECTERN bash bench/align.sh 1000000 >"$WORK/align1m.out" 2>&1 || echo "bench: align.sh failed" >&2
	al=$(sed -n 's/^align: *\([0-9.]*\) s/\1/p' "$WORK/align1m.out")
	cpu=$(sed -n 's/^align, cpu: *\([0-9.]*\) s/\1/p' "$WORK/align1m.out")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/align1m.out")
	row compare 1000000 "align 1,000,000 claims (CPU $(fmt_s "$cpu"))" "$(fmt_s "$al")" "-" "-" "-" \
		"<= 25 s" "$(awk -v v="$al" 'BEGIN { print (v <= 25 ? "yes" : "NO") }')"
	row compare 1000000 "bench-align whole run, peak memory" "$(mib "$rss")" "-" "-" "-" "<= 2.5 GB" \
		"$(awk -v v="$rss" 'BEGIN { print (v * 1024 <= 2.5e9 ? "yes" : "NO") }')"
fi
