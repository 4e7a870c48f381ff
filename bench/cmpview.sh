# cmpview: one curated topic of 100,000 claims in two sources
# (bench/gen-topic.sh): `compare` and `export` (wall time and peak memory),
# the Compare view's first draw in tmux (from the key 4 until the matrix's
# title shows), and the reader's worst key latency while the Compare view
# of 100,000 claims left to the automatic alignment is built (a ':N' typed
# until it echoes, with the progress still on screen), against the same
# key in the same reader once the build is done (the floor of tmux and
# this machine).  Targets (issue 13): <= 2 s and 200 MB, <= 100 ms a key.
topic=$WORK/topic100k auto=$WORK/auto100k
[ -s "$topic/corpus.json" ] || sh bench/gen-topic.sh 100000 "$topic" curated
[ -s "$auto/corpus.json" ] || sh bench/gen-topic.sh 100000 "$auto" auto
"$LECTERN" --corpus "$topic" stats >/dev/null
"$LECTERN" --corpus "$auto" stats >/dev/null
cmdlog "bench/gen-topic.sh 100000 T curated; bench/gen-topic.sh 100000 A auto"
for what in "compare all" "export --format json"; do
	cmdlog "/usr/bin/time -f '%e %M' $LECTERN --corpus T $what"
	for ((r = 0; r < RUNS; r++)); do
		/usr/bin/time -f '%e %M' "$LECTERN" --corpus "$topic" $what 2>&1 >/dev/null | tail -1
	done >"$WORK/cmpview.times"
	s=$(awk '{ print $1 }' "$WORK/cmpview.times" | median)
	k=$(awk '{ print $2 }' "$WORK/cmpview.times" | median)
	row cmpview "100,000-claim topic" "$what (wall)" "$(fmt_s "$s")" - - - "<= 2 s" \
		"$(awk -v v="$s" 'BEGIN { print (v <= 2 ? "yes" : "NO") }')"
	row cmpview "100,000-claim topic" "$what (peak memory)" "$(mib "$k")" - - - "<= 200 MB" \
		"$(awk -v v="$k" 'BEGIN { print (v <= 200000 ? "yes" : "NO") }')"
done
# reader CORPUS: the reader in a 160x40 session (no reading state, so each
# run starts alike), once its first screen shows
reader() {
	tm_start 160 40 "$LECTERN --no-state --corpus $1"
	tm_shows "Sources (" 60 || echo "bench: cmpview: no first screen" >&2
}
cmdlog "tmux 160x40: lectern --corpus T, 4 until 'Compare: 1 topics' shows"
first=$(for ((r = 0; r < RUNS; r++)); do
	reader "$topic"
	t0=$EPOCHREALTIME
	tm send-keys -t b 4
	tm_shows "Compare: 1 topics" 60 || echo "bench: cmpview: no matrix" >&2
	awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }'
done | median)
row cmpview "100,000-claim topic" "Compare view, first draw (wall, with tmux)" "$(fmt_s "$first")" - - - "<= 2 s" \
	"$(awk -v v="$first" 'BEGIN { print (v <= 2 ? "yes" : "NO") }')"
cmdlog "tmux 160x40: lectern --corpus A, 4, then 10 x (':zN' until it shows, Esc) while 'comparing 100000' shows; the same once 'Compare: ' shows the matrix"
for ((r = 0; r < RUNS; r++)); do
	reader "$auto"
	tm send-keys -t b 4
	tm_shows "comparing 100000 claims" 30
	b=$(tm_echo_lat 1)
	tm capture-pane -p -t b | grep -qF "comparing 100000 claims" || echo "bench: cmpview: the build ended before the keys" >&2
	tm_shows "Compare: " 300 && tm_shows "(0 curated" 300
	f=$(tm_echo_lat 2)
	echo "$b $f"
	tm kill-session -t b
done >"$WORK/cmpview-keys.txt"
kb=$(awk '{ print $1 }' "$WORK/cmpview-keys.txt" | median)
kf=$(awk '{ print $2 }' "$WORK/cmpview-keys.txt" | median)
row cmpview "100,000 claims, auto topics" "worst key latency of 10 while the Compare view builds (wall, with tmux)" \
	"$(fmt_s "$kb")" "floor: the same key, build done" "$(fmt_s "$kf")" "$(ratio "$kb" "$kf")" "<= 100 ms" \
	"$(awk -v v="$kb" 'BEGIN { print (v <= 0.1 ? "yes" : "NO") }')"
tm kill-server 2>/dev/null
