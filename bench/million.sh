# million: the growth table's last column, a million sources
# (bench/gen-corpus 1000000: about 1.4 GB of index and 3 GB of texts; made
# once, in about 4 minutes).  Run only when named (BENCHES=million; it takes
# about 15 minutes).  MILLION_RUNS runs of each timed command (default 1).
#   open     first open (`stats`, writing the cache; and with the cache off)
#            and the open through the cache, against `jq empty` of the
#            index, in turn; peak memory of each against the index's size
#   search   a first word search against `rg -c -F` over sources/
#   reader   in tmux at 80x24: CPU time of the reader's main thread per key
#            (10 presses of each key, then a ':' typed until it echoes: an
#            upper bound on the key's own work), target 16 ms; then the worst
#            key latency while the Compare view builds its 200,000 topics,
#            against the same key before the build (the floor of tmux)
n=1000000 c=$CORPORA/1000000 mr=${MILLION_RUNS:-1}
if [ ! -s "$c/corpus.json" ] || [ bench/gen-corpus -nt "$c/corpus.json" ]; then
	rm -rf "$c"
	s=$EPOCHREALTIME
	bench/gen-corpus "$n" "$c" data/sources 2>/dev/null || exit 2
	awk -v a="$s" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }' >"$c.gen-seconds"
fi
row million "$n" "gen-corpus (when made)" "$(fmt_s "$(cat "$c.gen-seconds")")" - - - "(seconds)" -
cmdlog "bench/gen-corpus 1000000 $CORPORA/1000000 data/sources"
idx=$(stat -c %s "$c/corpus.json")
# tv CMD...: "wall user+sys maxrss_kb" of CMD
tv() {
	/usr/bin/time -f '%e %U %S %M' -o "$WORK/million.t" "$@" >/dev/null 2>&1 || echo "bench: million: failed: $*" >&2
	tail -1 "$WORK/million.t" | awk '{ print $1, $2 + $3, $4 }'
}
cmdlog "$LECTERN --corpus $c stats (cache removed first: the first open, writing the cache); LECTERN_CACHE=0 $LECTERN --corpus $c stats; $LECTERN --corpus $c stats (through the cache); jq empty $c/corpus.json; in turn"
for ((r = 0; r < mr; r++)); do
	rm -f "$c/.corpus.json.lcache"
	echo "$(tv "$LECTERN" --corpus "$c" stats) $(tv env LECTERN_CACHE=0 "$LECTERN" --corpus "$c" stats)" \
		"$(tv "$LECTERN" --corpus "$c" stats) $(tv jq empty "$c/corpus.json")"
done >"$WORK/million-open.txt"
col() { awk -v k="$1" '{ print $k }' "$WORK/million-open.txt" | median; }
# wall CPU peak: first (writing the cache), no cache, cached, jq
fw=$(col 1) fc=$(col 2) fk=$(col 3) nw=$(col 4) nc=$(col 5) nk=$(col 6) cw=$(col 7) cc=$(col 8) ck=$(col 9)
jw=$(col 10) jc=$(col 11) jk=$(col 12)
ix=$((idx / 1024))
both() { echo "$(fmt_s "$1") ($(fmt_s "$2") CPU)"; }
rat() { echo "$(ratio "$1" "$3") (CPU $(ratio "$2" "$4"))"; }
row million "$n" "first open, cache written" "$(both "$fw" "$fc")" "jq empty" "$(both "$jw" "$jc")" \
	"$(rat "$fw" "$fc" "$jw" "$jc")" "<= 0.6x" "$(met "$fw" "$jw" 0.6)"
row million "$n" "first open, LECTERN_CACHE=0" "$(both "$nw" "$nc")" "jq empty" "$(both "$jw" "$jc")" \
	"$(rat "$nw" "$nc" "$jw" "$jc")" "<= 0.6x" "$(met "$nw" "$jw" 0.6)"
row million "$n" "repeated open (cache)" "$(both "$cw" "$cc")" "jq empty" "$(both "$jw" "$jc")" \
	"$(rat "$cw" "$cc" "$jw" "$jc")" "<= 0.1x" "$(met "$cw" "$jw" 0.1)"
row million "$n" "peak, first open, cache written" "$(mib "$fk")" "index size" "$(mib "$ix")" "$(ratio "$fk" "$ix")" "<= 2x" "$(met "$fk" "$ix" 2)"
row million "$n" "peak, first open, LECTERN_CACHE=0" "$(mib "$nk")" "index size" "$(mib "$ix")" "$(ratio "$nk" "$ix")" "<= 2x" "$(met "$nk" "$ix" 2)"
row million "$n" "peak, repeated open" "$(mib "$ck")" "index size" "$(mib "$ix")" "$(ratio "$ck" "$ix")" "<= 1.5x" "$(met "$ck" "$ix" 1.5)"
row million "$n" "peak, first open, cache written" "$(mib "$fk")" "jq empty peak" "$(mib "$jk")" "$(ratio "$fk" "$jk")" "(report)" -
cmdlog "$LECTERN --corpus $c search --count rate; (cd $c && rg -c -F rate sources/), in turn"
for ((r = 0; r < mr; r++)); do
	echo "$(tv "$LECTERN" --corpus "$c" search --count rate) $(cd "$c" && tv rg -c -F rate sources/)"
done >"$WORK/million-search.txt"
sw=$(awk '{ print $1 }' "$WORK/million-search.txt" | median)
rw=$(awk '{ print $4 }' "$WORK/million-search.txt" | median)
row million "$n" "search: word \"rate\", first query" "$(fmt_s "$sw")" "rg -c -F" "$(fmt_s "$rw")" "$(ratio "$sw" "$rw")" "<= 1.0x" "$(met "$sw" "$rw" 1.0)"
# ---- the reader ----
tcpu() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$1/task/$1/stat"; }
cmdlog "tmux 80x24: $LECTERN --no-state --corpus C; for each key, 10 presses then ':zN' until it echoes; CPU of the main thread from /proc/PID/task/PID/stat"
tm_start 80 24 "$LECTERN --no-state --corpus $c"
tm_shows "Sources (" 300 || echo "bench: million: no first screen" >&2
pid=$(tm_pid) m=0
for spec in "j_(Sources) j" "k_(Sources) k" "G_(Sources) G" "g_(Sources) g" "Tab_(next_pane) Tab" \
	"2_(focus_Text) 2" "j_(Text) j" "Space_(Text) Space" "3_(Claims) 3" "j_(Claims) j"; do
	set -- $spec
	c0=$(tcpu "$pid")
	for ((i = 0; i < 10; i++)); do tm send-keys -t b "$2"; done
	m=$((m + 1)); tm send-keys -t b : z "k$m"; tm_shows ":zk$m" 60; tm send-keys -t b Escape
	c1=$(tcpu "$pid")
	k=$(awk -v a="$c0" -v b="$c1" 'BEGIN { print (b - a) / 10 / 1000 }')
	row million "$n" "reader: CPU per key: ${1//_/ }" "$(fmt_s "$k")" - - - "<= 16 ms" \
		"$(awk -v v="$k" 'BEGIN { print (v <= 0.016 ? "yes" : "NO") }')"
done
f=$(tm_echo_lat 0)
tm send-keys -t b 4
if tm_shows "comparing " 60; then
	b=$(tm_echo_lat 1)
	tm capture-pane -p -t b | grep -qF "comparing " || echo "bench: million: the build ended before the keys" >&2
	row million "$n" "reader: worst key latency of 10 while the Compare view builds (wall, with tmux)" "$(fmt_s "$b")" \
		"floor: the same key before 4" "$(fmt_s "$f")" "$(ratio "$b" "$f")" \
		"<= 100 ms" "$(awk -v v="$b" 'BEGIN { print (v <= 0.1 ? "yes" : "NO") }')"
else
	echo "bench: million: the Compare view showed no progress" >&2
fi
tm kill-server 2>/dev/null
