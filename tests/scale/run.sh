#!/usr/bin/env bash
# Scale tests: a generated 10,000-source corpus passes check, opens through
# the binary cache, and the cache is rebuilt when the index changes or the
# cache is damaged, and is written elsewhere when it cannot be beside;
# extract and import of it stay within their memory bounds.
. "$(dirname "$0")/../lib.sh"

gen=$TMP/gen-corpus
cc -std=c11 -O2 -D_GNU_SOURCE -I"$TOP/src" -o "$gen" "$TOP/bench/gen-corpus.c" \
	"$TOP/src/base/sha256.c" || { bad "build gen-corpus"; finish; exit; }
C=$TMP/c10k
export XDG_CACHE_HOME=$TMP/xdg
start=$(date +%s)
gen10k() { "$gen" 10000 "$C" "$TOP/data/sources" 2>"$TMP/gen.err"; }
check "gen-corpus writes 10,000 sources" gen10k
check "gen-corpus takes seconds" test $(( $(date +%s) - start )) -le 10
"$gen" 10 "$TMP/a" "$TOP/data/sources" 2>/dev/null
"$gen" 10 "$TMP/b" "$TOP/data/sources" 2>/dev/null
check "gen-corpus is deterministic" diff -r "$TMP/a" "$TMP/b"

expect "check passes on 10,000 sources" 0 "10000 sources" "$LECTERN" --corpus "$C" check
cache=$C/.corpus.json.lcache
rm -f "$cache"
stat_cache() { run "$LECTERN" --corpus "$C" stats; printf '%s\n' "$out" | sed -n 's/^cache: //p'; }

check "first open writes the cache" test "$(stat_cache)" = written
check "the cache is beside the index" test -s "$cache"
check "second open uses the cache" test "$(stat_cache)" = hit
run "$LECTERN" --corpus "$C" stats
check "cached open counts the same" grep -qx "claims: 19582" <<<"$out"
for cmd in "list" "claims --json" "topics --json" "show s000042 --json"; do
	LECTERN_CACHE=0 "$LECTERN" --corpus "$C" $cmd >"$TMP/json.out" 2>&1
	"$LECTERN" --corpus "$C" $cmd >"$TMP/cache.out" 2>&1
	check "$cmd: cache and JSON give the same output" cmp -s "$TMP/json.out" "$TMP/cache.out"
done
check "LECTERN_CACHE=0 turns it off" test "$(LECTERN_CACHE=0 "$LECTERN" --corpus "$C" stats | sed -n 's/^cache: //p')" = off

touch "$C/corpus.json"
check "a touched index rebuilds the cache" test "$(stat_cache)" = "stale, rewritten"
check "then the cache is used again" test "$(stat_cache)" = hit

sed -i '0,/"outlet": "Radio Fenwick"/s//"outlet": "Radio Changed"/' "$C/corpus.json"
check "a changed index rebuilds the cache" test "$(stat_cache)" = "stale, rewritten"
expect "and the change shows" 0 "Radio Changed" "$LECTERN" --corpus "$C" list

size=$(stat -c %s "$cache")
printf 'garbage!' | dd of="$cache" bs=1 seek=$((size / 2)) conv=notrunc status=none
check "a damaged cache is ignored and rebuilt" test "$(stat_cache)" = "corrupt, rewritten"
check "the rebuilt cache is used" test "$(stat_cache)" = hit
truncate -s $((size / 3)) "$cache"
check "a truncated cache is ignored and rebuilt" test "$(stat_cache)" = "corrupt, rewritten"
head -c 100000 /dev/urandom >"$cache"
check "a random cache is ignored and rebuilt" test "$(stat_cache)" = "corrupt, rewritten"
: >"$cache"
check "an empty cache is ignored and rebuilt" test "$(stat_cache)" = "corrupt, rewritten"

# The corpus directory cannot take the cache (a directory in its place
# works even as root): the cache goes to $XDG_CACHE_HOME/lectern.
rm -f "$cache"; mkdir "$cache"
check "unwritable beside: cache written elsewhere" test "$(stat_cache)" = written
check "and used next time" test "$(stat_cache)" = hit
run "$LECTERN" --corpus "$C" stats
check "it is under XDG_CACHE_HOME" grep -q "^cache-file: $XDG_CACHE_HOME/lectern/" <<<"$out"
rmdir "$cache"
if [ "$(id -u)" != 0 ]; then
	chmod a-w "$C"
	rm -rf "$XDG_CACHE_HOME"
	check "read-only corpus directory: cache elsewhere" test "$(stat_cache)" = written
	check "read-only corpus directory: cache hit" test "$(stat_cache)" = hit
	chmod u+w "$C"
fi
mkdir -p "$TMP/nocache"; : >"$TMP/nocache/file"
rm -f "$cache"; mkdir "$cache"
XDG_CACHE_HOME=$TMP/nocache/file expect "no writable cache: still opens" 0 "cache: not written" \
	"$LECTERN" --corpus "$C" stats
rmdir "$cache"

# ---- corpus-wide search: the scan and the index agree with grep ----
texts() { find "$C/sources" -type f -name '*.txt' -exec cat {} +; }
for q in city "the city" Minsk "Russian troops"; do
	run "$LECTERN" --corpus "$C" search --count "$q"
	sum=$(printf '%s\n' "$out" | awk -F: '{ s += $NF } END { print s + 0 }')
	case $q in *[A-Z]*) gi= ;; *) gi=-i ;; esac
	want=$(texts | grep -o $gi -F -- "$q" | wc -l)
	check "search --count \"$q\": $sum matches, as grep -o finds" test "$sum" = "$want" -a "$want" -gt 0
	"$LECTERN" --corpus "$C" search --count --repeat 3 "$q" >"$TMP/rep.out" 2>"$TMP/rep.err"
	check "search \"$q\": the index answers as the scan" cmp -s "$TMP/rep.out" <(printf '%s\n' "$out")
	check "search \"$q\": the repeats used the index" grep -q "^query 3: .*(index)" "$TMP/rep.err"
done
expect "search: a regex falls back to a scan" 0 "sources/" "$LECTERN" --corpus "$C" search --count --repeat 2 "~cit(y|ies)"
expect "search: no match exits 1" 1 "" "$LECTERN" --corpus "$C" search --count "zzqqxx"
expect "search: one QUERY" 2 "one QUERY" "$LECTERN" --corpus "$C" search
run "$LECTERN" --corpus "$C" search "Minsk"
check "search: each match with its offset" grep -qE '^sources/[0-9]+/s[0-9]+\.txt:[0-9]+:.*Minsk' <<<"$out"

# ---- the reader on 10,000 sources, in tmux ----
if command -v tmux >/dev/null; then
	WAIT_TRIES=400   # about 20 s: a big corpus under ASan
	. "$TOP/tests/tmux.sh"
	tmux_socket scale
	status_id() { screen | tail -1 | sed -n 's/^\[[A-Za-z ]*\] \(s[0-9]*\).*/\1/p'; }
	T new-session -d -s t -x 100 -y 30 "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $(printf %q "$LECTERN") --corpus $(printf %q "$C"); echo EXIT=\$?; sleep 60"
	see "10k reader: opens" "Sources (10000/10000"
	# id_not ID: polls until the status line names another source; prints it
	id_not() {
		local i id
		for ((i = 0; i < 200; i++)); do
			id=$(status_id)
			[ -n "$id" ] && [ "$id" != "$1" ] && break
			sleep 0.05
		done
		printf '%s' "$id"
	}
	first=$(status_id)
	keys j Enter   # Enter shows the source under the cursor
	second=$(id_not "$first")
	check "10k reader: j selects the next source ($first -> $second)" test -n "$first" -a -n "$second" -a "$second" != "$first"
	keys 1 G Enter
	last=$(id_not "$second")
	check "10k reader: G goes to the last source ($last)" test -n "$last" -a "$last" != "$second"
	keys 1 g Enter
	for ((i = 0; i < 100; i++)); do [ "$(status_id)" = "$first" ] && break; sleep 0.05; done
	check "10k reader: g goes back to the top" test "$(status_id)" = "$first"
	keys 1 k Enter
	sleep 0.1
	see "10k reader: k at the top stays" "[Text] $first"
	keys 1 Tab
	see "10k reader: Tab moves to the Text pane" "> Text: $first"
	keys Tab
	see "10k reader: Tab again to the Claims pane" "> Claims"
	keys 1 j Enter
	see "10k reader: Enter opens the next source again" "Text: $second"
	keys F
	for ch in M i n s k; do keys "$ch"; done
	keys Enter
	see "10k reader: a corpus-wide search finds hits" "hits for \"Minsk\""
	see "10k reader: the search ends" "hits in the corpus"
	keys Enter
	see "10k reader: Enter jumps to the hit" "hit 1 of"
	see "10k reader: the text shows the hit" "/Minsk "
	see "10k reader: the search index is built in the background" "search index ready"
	keys F
	for ch in b o r d e r; do keys "$ch"; done
	keys Enter
	see "10k reader: a search through the index finds hits" "hits for \"border\""
	see "10k reader: and ends" "hits in the corpus"
	keys 4
	see "10k reader: the Compare view" "auto), t00000"
	keys j
	see "10k reader: j in Compare" "auto), t00001"
	keys Q
	see "10k reader: quits cleanly" "EXIT=0"
	T kill-server 2>/dev/null
else
	bad "tmux is installed" "the 10k reader test needs tmux (make deps)"
fi

# ---- check through a valid cache: the texts are still checked, and any
# problem is reported from the JSON, located ----
"$LECTERN" --corpus "$C" stats >/dev/null
expect "check passes through a valid cache" 0 "10000 sources" "$LECTERN" --corpus "$C" check
f=$(find "$C/sources" -name s000042.txt)
cp "$f" "$TMP/s000042.txt"
tr -c '\n' x <"$TMP/s000042.txt" >"$f"   # same length, other bytes
expect "check through a cache finds a changed text" 1 "the text changed after indexing" \
	"$LECTERN" --corpus "$C" check
check "and locates its claims in the index" grep -qE 'corpus.json:[0-9]+:[0-9]+: claim "[^"]*": text differs' <<<"$err"
cp "$TMP/s000042.txt" "$f"
expect "the text restored, check passes" 0 "10000 sources" "$LECTERN" --corpus "$C" check

# ---- the progress line: on a terminal only, not with --quiet ----
tty_run() { script -qec "$(printf '%q ' "$LECTERN" --corpus "$C" "$@")" /dev/null; }
tty_run check >"$TMP/tty.out" 2>&1
check "check on a terminal: a progress line" grep -qaE 'check: [0-9]+/10000 sources, [0-9]+/s' "$TMP/tty.out"
check "check on a terminal: erased at the end" grep -qa $'\r\e\\[K' "$TMP/tty.out"
tty_run --quiet check >"$TMP/tty.out" 2>&1
check "--quiet: no progress line" grep -qa "10000 sources" "$TMP/tty.out"
check "--quiet: no progress line (none)" test "$(grep -ac 'check: ' "$TMP/tty.out")" = 0
"$LECTERN" --corpus "$C" check >/dev/null 2>"$TMP/check.err"
check "stderr not a terminal: no progress line" test ! -s "$TMP/check.err"
cp -r "$TOP/data" "$TMP/small"
tty_cmd() { script -qec "$(printf '%q ' "$LECTERN" "$@")" /dev/null; }
tty_cmd extract --corpus "$TMP/small" >"$TMP/tty.out" 2>&1
check "extract on a terminal: a progress line" grep -qaE 'extract: [0-9]+/5 sources' "$TMP/tty.out"
tty_cmd import --output "$TMP/imported" "$TOP/data/sources" >"$TMP/tty.out" 2>&1
check "import on a terminal: a progress line" grep -qaE 'import: [0-9]+/5 files' "$TMP/tty.out"
"$LECTERN" extract --corpus "$TMP/small" >/dev/null 2>"$TMP/check.err"
check "extract, stderr not a terminal: no progress line" test ! -s "$TMP/check.err"

# First open in bounded memory: the index is read one element at a time,
# never as a whole tree, so the peak above a tiny corpus's (the program
# itself) stays within twice the index, with or without the cache written.
if nm "$LECTERN" 2>/dev/null | grep -q __asan_init; then
	echo "skip peak memory of a first open: a sanitizer build"
else
peak() { LECTERN_CACHE=$1 "$LECTERN" --corpus "$2" stats >"$TMP/stats.out"
	sed -n 's/^rss-peak-kb: //p' "$TMP/stats.out"; }
ix_kb=$(( $(stat -c %s "$C/corpus.json") / 1024 ))
floor=$(peak 0 "$TMP/a")
p0=$(peak 0 "$C")
check "first open, no cache: peak $p0 KiB - $floor <= 2 x index $ix_kb KiB" \
	test $((p0 - floor)) -le $((2 * ix_kb))
rm -rf "$cache" "$XDG_CACHE_HOME"
p1=$(peak 1 "$C")
check "first open writing the cache: peak $p1 KiB - $floor <= 2 x index" \
	test $((p1 - floor)) -le $((2 * ix_kb))
check "  ... and it did write it" grep -qx "cache: written" "$TMP/stats.out"
# the image's regions go to files as they are encoded: writing the cache
# adds less than an eighth of the index to the peak
check "writing the cache adds $((p1 - p0)) KiB <= index / 8" test $((p1 - p0)) -le $((ix_kb / 8))
fi

# An index truncated by another program while lectern reads it (mapped):
# a located message and exit 1 or 2, never a death by SIGBUS.
T=$TMP/trunc
mkdir -p "$T" && ln -s "$C/sources" "$T/sources"
signals=0 cut=0
for d in 0.01 0.03 0.06 0.1 0.15 0.2 0.3 0.4; do
	cp "$C/corpus.json" "$T/corpus.json"
	LECTERN_CACHE=0 "$LECTERN" --corpus "$T" stats >/dev/null 2>"$TMP/trunc.err" &
	pid=$!
	sleep "$d"
	truncate -s 100000 "$T/corpus.json"
	wait "$pid"; rc=$?
	[ "$rc" -lt 128 ] || signals=$((signals + 1))
	grep -q "cut short while it was read" "$TMP/trunc.err" && cut=$((cut + 1))
done
check "an index truncated while it is read: no run killed by a signal ($cut of 8 cut short)" test "$signals" = 0

# Members in any order: sources after claims, topics first, the same model.
R=$TMP/reordered
mkdir -p "$R" && cp -r "$C/sources" "$R/"
jq '{topics, claims, title, sources} + .' "$C/corpus.json" >"$R/corpus.json"
check "reordered index: topics come first" test "$(jq -r 'keys_unsorted[0]' "$R/corpus.json")" = topics
for cmd in "claims --json" "topics --json" "list"; do
	LECTERN_CACHE=0 "$LECTERN" --corpus "$C" $cmd >"$TMP/a.out" 2>&1
	LECTERN_CACHE=0 "$LECTERN" --corpus "$R" $cmd >"$TMP/r.out" 2>&1
	check "reordered index: $cmd is the same" cmp -s "$TMP/a.out" "$TMP/r.out"
done
expect "reordered index passes check" 0 "10000 sources" "$LECTERN" --corpus "$R" check

# A problem deep in the file is located where it stands, also one found
# after later elements were read (a claim's topic, checked once all topics
# are read; a span, checked when the texts are).
last_claim=$(jq -r '.claims[-1].id' "$R/corpus.json")
jq --arg id "$last_claim" '(.claims[] | select(.id == $id) | .topics) = ["nope"]' \
	"$C/corpus.json" >"$R/corpus.json"
line=$(grep -n '"nope"' "$R/corpus.json" | cut -d: -f1)
expect "an unknown topic in the last claim is located" 1 \
	"corpus.json:$line:9: claim \"$last_claim\": no topic has id \"nope\"" \
	env LECTERN_CACHE=0 "$LECTERN" --corpus "$R" check
first_claim=$(jq -r '.claims[0].id' "$C/corpus.json")
jq --arg id "$first_claim" '(.claims[] | select(.id == $id) | .span) = [0, 99999999]' \
	"$C/corpus.json" >"$R/corpus.json"
line=$(grep -n '99999999' "$R/corpus.json" | cut -d: -f1)
expect "a span past the text in the first claim is located" 1 \
	"corpus.json:$((line - 2)):" env LECTERN_CACHE=0 "$LECTERN" --corpus "$R" check
check "  ... and names the claim" grep -qF "claim \"$first_claim\": span [0, 99999999] ends past" <<<"$err"
last_source=$(jq -r '.sources[-1].id' "$C/corpus.json")
jq . "$C/corpus.json" | sed "s/\"id\": \"$last_source\",/&\"Id\": 1,/" >"$R/corpus.json"
line=$(grep -n "\"Id\": 1" "$R/corpus.json" | cut -d: -f1)
expect "a case-clashing key in the last source is located" 1 \
	"corpus.json:$line:" env LECTERN_CACHE=0 "$LECTERN" --corpus "$R" check
check "  ... and said" grep -qF 'key "Id" differs from "id" only in case' <<<"$err"

# ---- extract and import hold one text at a time and write the index as
# they make it: their peak memory is bounded by what they write (not
# timed; the sanitizers' own memory would not fit, so not under them) ----
if nm "$LECTERN" 2>/dev/null | grep -q __asan_init; then
	echo "skip peak memory of extract and import: a sanitizer build"
else
	cp -r "$C" "$TMP/mem"
	rm -f "$TMP/mem"/.*.lcache
	/usr/bin/time -f %M -o "$TMP/mem.kb" "$LECTERN" --corpus "$TMP/mem" extract >/dev/null 2>&1
	peak=$(cat "$TMP/mem.kb")
	idx=$(( $(stat -c %s "$TMP/mem/corpus.json") / 1024 ))
	check "extract of 10,000 sources: peak $peak KiB <= 2 x the $idx KiB index written" \
		test "$peak" -le $((2 * idx))
	/usr/bin/time -f %M -o "$TMP/mem.kb" "$LECTERN" import "$C"/sources/* --output "$TMP/memimp" >/dev/null 2>&1
	peak=$(cat "$TMP/mem.kb")
	largest=$(find "$C/sources" -type f -printf '%s\n' | sort -n | tail -1)
	bound=$(( (3 * largest + $(stat -c %s "$TMP/memimp/corpus.json")) / 1024 ))
	check "import of 10,000 texts: peak $peak KiB <= 3 x the largest + the index ($bound KiB)" \
		test "$peak" -le "$bound"
	rm -rf "$TMP/mem" "$TMP/memimp"
fi

# a cache never hides a broken index
"$LECTERN" --corpus "$C" stats >/dev/null
printf '{"oops' >>"$C/corpus.json"
expect "a broken index is reported despite a cache" 1 "trailing characters" "$LECTERN" --corpus "$C" list

finish
