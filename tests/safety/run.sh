#!/usr/bin/env bash
# Data safety: no command destroys, truncates or replaces a file the user
# had without their word.  Each case snapshots the user's files (type,
# mode, owner, link target and SHA-256 of every entry), runs lectern, and
# checks the snapshot is the same afterwards: --force on a folder that is
# not a corpus, an output that is, is inside, or holds an input, extract
# on a symlinked or read-only index, and killed imports followed by a
# rerun (their staging directories cleaned, and only those).
. "$(dirname "$0")/../lib.sh"
SEEDS=$TOP/tests/fixtures/seeds
export LECTERN_CACHE=0

# snapshot DIR: one line per entry: type, mode, owner, path, link target,
# then the SHA-256 of every regular file
snapshot() {
	(cd "$1" && find . -printf '%y %m %U:%G %p %l\n' | LC_ALL=C sort &&
		find . -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum)
}
# kept NAME DIR: DIR is as its snapshot in $TMP/NAME.before
kept() {
	snapshot "$2" >"$TMP/$1.after"
	if cmp -s "$TMP/$1.before" "$TMP/$1.after"; then ok "$1: every file kept, byte for byte"
	else bad "$1: every file kept, byte for byte" "$(diff "$TMP/$1.before" "$TMP/$1.after" | head -8)"; fi
}

# ---- --force on a folder that is not a corpus ----
T=$TMP/thesis
mkdir -p "$T/chapters/figures"
printf 'Chapter one.\n' >"$T/chapters/one.tex"
printf 'PNG' >"$T/chapters/figures/a.png"
printf 'notes\n' >"$T/notes.txt"
chmod 755 "$T"
snapshot "$T" >"$TMP/thesis.before"
expect "--force on a folder that is not a corpus: refused" 2 "not a lectern corpus" \
	"$LECTERN" import "$SEEDS" --output "$T" --force
if printf '%s' "$err" | grep -q "chapters/" && printf '%s' "$err" | grep -q "notes.txt"; then
	ok "  ... the message names what is there"
else bad "  ... the message names what is there" "$err"; fi
kept thesis "$T"
check "  ... no staging directory left" bash -c "! ls -d '$TMP'/thesis.tmp-* 2>/dev/null"

# a folder with corpus.json and sources/ but something else too
C=$TMP/plus
"$LECTERN" import "$SEEDS" --output "$C" >/dev/null
printf 'draft\n' >"$C/draft.md"
snapshot "$C" >"$TMP/plus.before"
expect "--force on a corpus folder holding another file: refused" 2 "draft.md" \
	"$LECTERN" import "$SEEDS" --output "$C" --force
kept plus "$C"
# a corpus.json that is not lectern's
J=$TMP/other-json
mkdir -p "$J/sources"
printf '{"name": "package", "version": "1.0"}\n' >"$J/corpus.json"
snapshot "$J" >"$TMP/other-json.before"
expect "--force on a folder whose corpus.json is not a lectern index: refused" 2 "not a lectern corpus" \
	"$LECTERN" import "$SEEDS" --output "$J" --force
kept other-json "$J"

# ---- --force on a real corpus: replaced, its mode kept ----
R=$TMP/real
"$LECTERN" import "$SEEDS" --output "$R" >/dev/null
LECTERN_CACHE=1 "$LECTERN" --corpus "$R" list >/dev/null   # a cache beside the index
chmod 750 "$R"
expect "--force on a lectern corpus: replaced" 0 "imported 5 sources" \
	"$LECTERN" import "$SEEDS" --output "$R" --force
check "  ... its mode kept (750)" test "$(stat -c %a "$R")" = 750
N=$TMP/new
"$LECTERN" import "$SEEDS" --output "$N" >/dev/null
check "  ... a new corpus folder follows the umask (755), not 700" test "$(stat -c %a "$N")" = 755

# ---- the output is an input, is inside one, or holds one ----
I=$TMP/raw
cp -r "$SEEDS" "$I"
snapshot "$I" >"$TMP/raw.before"
expect "output = input folder: refused" 2 "is an input" "$LECTERN" import "$I" --output "$I"
kept raw "$I"
expect "output = input folder, --force: refused" 2 "is an input" "$LECTERN" import "$I" --output "$I" --force
kept raw "$I"
expect "output = input folder, another spelling: refused" 2 "is an input" \
	"$LECTERN" import "$I" --output "$I/../raw/"
kept raw "$I"
expect "output inside an input folder: refused" 2 "inside the input" \
	"$LECTERN" import "$I" --output "$I/corpus"
kept raw "$I"
check "  ... nothing made there" test ! -e "$I/corpus"
expect "output = an input file: refused" 2 "is an input" \
	"$LECTERN" import "$I/000_2950ff8a372f8093.txt" --output "$I/000_2950ff8a372f8093.txt" --force
kept raw "$I"
# an input inside the corpus that --force would replace
O=$TMP/holds
"$LECTERN" import "$SEEDS" --output "$O" >/dev/null
cp "$SEEDS/000_2950ff8a372f8093.txt" "$O/sources/keep.txt"
snapshot "$O" >"$TMP/holds.before"
expect "output holds an input: refused" 2 "holds the input" \
	"$LECTERN" import "$O/sources/keep.txt" --output "$O" --force
kept holds "$O"

# ---- extract on a symlinked index ----
S=$TMP/sym
cp -r "$TOP/data" "$S"
rm -f "$S"/.*.lcache
mkdir -p "$TMP/shared"
mv "$S/corpus.json" "$TMP/shared/corpus.json"
ln -s "$TMP/shared/corpus.json" "$S/corpus.json"
cp -r "$TOP/data" "$TMP/plain"
"$LECTERN" --corpus "$TMP/plain" extract >/dev/null 2>&1
(cd "$S" && find sources -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) >"$TMP/sym-sources.before"
expect "extract on a symlinked index" 0 "extracted" "$LECTERN" --corpus "$S" extract
check "  ... the link is still a link to the same place" \
	test "$(readlink "$S/corpus.json")" = "$TMP/shared/corpus.json"
check "  ... the shared index got the new claims" cmp -s "$TMP/shared/corpus.json" "$TMP/plain/corpus.json"
check "  ... the texts are untouched" bash -c "cd '$S' && find sources -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | cmp -s - '$TMP/sym-sources.before'"
check "  ... no temporary file left beside the link or the target" \
	bash -c "! ls -a '$S' '$TMP/shared' | grep -q '[.]tmp-'"

# ---- extract on a read-only index ----
W=$TMP/ro
cp -r "$TOP/data" "$W"
rm -f "$W"/.*.lcache
chmod 444 "$W/corpus.json"
snapshot "$W" >"$TMP/ro.before"
expect "extract on a read-only index: refused" 2 "read-only" "$LECTERN" --corpus "$W" extract
if printf '%s' "$err" | grep -q "corpus.json"; then ok "  ... the message names the index"; else bad "  ... the message names the index" "$err"; fi
kept ro "$W"

# ---- every rewrite keeps the index's mode and owner ----
M=$TMP/mode
cp -r "$TOP/data" "$M"
rm -f "$M"/.*.lcache
chmod 640 "$M/corpus.json"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$M/corpus.json"
owner=$(stat -c %u:%g "$M/corpus.json")
expect "extract on a 0640 index" 0 "extracted" "$LECTERN" --corpus "$M" extract
check "  ... its mode kept (640)" test "$(stat -c %a "$M/corpus.json")" = 640
check "  ... its owner kept ($owner)" test "$(stat -c %u:%g "$M/corpus.json")" = "$owner"

# ---- killed imports, then a rerun ----
K=$TMP/kill
mkdir -p "$K/in"
for i in $(seq 1 40); do for f in "$SEEDS"/*.txt; do cp "$f" "$K/in/$i-$(basename "$f")"; done; done
mkdir "$K/out.tmp-USER01"            # the user's own folder, with that name
printf 'mine\n' >"$K/out.tmp-USER01/mine.txt"
snapshot "$K/out.tmp-USER01" >"$TMP/user-tmp.before"
for i in 1 2 3; do
	"$LECTERN" import "$K/in" --output "$K/out" >/dev/null 2>&1 &
	pid=$!
	for ((w = 0; w < 500; w++)); do
		ls "$K"/out.tmp-*/sources/*.txt >/dev/null 2>&1 && break
		sleep 0.01
	done
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
done
# each run cleans what the one before left (unless killed while cleaning)
stale=$(ls -d "$K"/out.tmp-* | grep -vc USER01)
check "three killed imports left staging directories ($stale)" test "$stale" -ge 1
# a stage a live import holds (its lock taken by another process), and a
# stage of another user
live=$K/out.tmp-LIVE01
mkdir "$live"
: >"$live/.lectern-staging"
flock "$live/.lectern-staging" sleep 60 &
holder=$!
if [ "$(id -u)" = 0 ]; then
	mkdir "$K/out.tmp-OTHER1"
	: >"$K/out.tmp-OTHER1/.lectern-staging"
	chown -R 65534:65534 "$K/out.tmp-OTHER1"
fi
sleep 0.2
expect "the rerun imports" 0 "imported 200 sources" "$LECTERN" import "$K/in" --output "$K/out"
if printf '%s' "$err" | grep -Eq "removed $stale stale staging director(y|ies)"; then ok "  ... and says it removed the $stale stale ones"
else bad "  ... and says it removed the $stale stale ones" "$err"; fi
check "  ... the one a live process holds is left" test -f "$live/.lectern-staging"
kill "$holder"; wait "$holder" 2>/dev/null
if [ "$(id -u)" = 0 ]; then
	check "  ... another user's is left" test -f "$K/out.tmp-OTHER1/.lectern-staging"
	rm -rf "$K/out.tmp-OTHER1"
fi
check "  ... the stale ones are gone" test "$(ls -d "$K"/out.tmp-* | grep -vc -e USER01 -e LIVE01)" = 0
kept user-tmp "$K/out.tmp-USER01"
expect "  ... the corpus checks" 0 "ok:" "$LECTERN" --corpus "$K/out" check
finish
