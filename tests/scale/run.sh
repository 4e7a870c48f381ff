#!/usr/bin/env bash
# Scale tests: a generated 10,000-source corpus passes check, opens through
# the binary cache, and the cache is rebuilt when the index changes or the
# cache is damaged, and is written elsewhere when it cannot be beside.
. "$(dirname "$0")/../lib.sh"

gen=$TMP/gen-corpus
cc -std=c11 -O2 -D_GNU_SOURCE -I"$TOP/src" -o "$gen" "$TOP/bench/gen-corpus.c" \
	"$TOP/src/sha256.c" || { bad "build gen-corpus"; finish; exit; }
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

# a cache never hides a broken index
"$LECTERN" --corpus "$C" stats >/dev/null
printf '{"oops' >>"$C/corpus.json"
expect "a broken index is reported despite a cache" 1 "trailing characters" "$LECTERN" --corpus "$C" list

finish
