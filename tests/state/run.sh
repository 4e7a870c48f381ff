#!/usr/bin/env bash
# Reading state tests: the reader in tmux on a copy of the bundled corpus,
# quit and started again with one XDG_STATE_HOME: the place, marks, read
# flags and prompt histories come back; a corrupt, foreign or
# group-writable state file is ignored with a message and left as it is;
# --no-state and :forget; an index whose text changed does not bring back
# a place in that text.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 2
. "$TOP/tests/tmux.sh"
tmux_required
tmux_socket state

C=$TMP/corpus
mkdir -p "$C"
cp -r data/corpus.json data/sources "$C/"
ST=$TMP/st
# run [ARGS...]: the reader on the copy, with the suite's state directory
run_reader() { start 160 45 XDG_STATE_HOME="$ST" -- --corpus "$C" "$@"; }
quit() {
	keys Q
	if wait_for "EXIT=0"; then ok "$1: the reader quits (exit 0)"; else
		bad "$1: the reader quits (exit 0)" "$(screen | tail -3)"; fi
}
statefile() { ls "$ST"/lectern/*.state 2>/dev/null | head -1; }
# text_range: the Text pane's "[A-B/N]" as shown in its title
text_range() { screen | head -1 | grep -o '\[[0-9]*-[0-9]*/[0-9]*\]' | head -1; }
# row OUTLET: the Sources row of that outlet heading, its first 20 columns
row() { screen | grep -E "^.{13}$1 " | head -1 | cut -c1-20; }

# ---- a first run: nothing to restore, every other source unread ----
run_reader
see "first run: the corpus's summary, nothing restored" "126 claims, 29 topics"
check "first run: unread sources are marked N" test "$(row OD)" = "N 2022-02-09 OD     "
check "first run: the open source is marked *" test "$(row MT)" = "* 2022-02?   MT     "
keys j Enter
see "odr opened" "> Text: odr"
keys C-d C-d
see "odr scrolled" "[43-85/"
keys m a
see "mark a set" "mark a set"
keys / t r o o p s Enter
see "a search" "hit "
keys : s o u r c e Space c s m Enter
see "csm opened" "> Text: csm"
keys C-d C-d C-d
see "csm scrolled" "[64-106/"
keys m b
see "mark b set" "mark b set"
at=$(text_range)
quit "first run"
f=$(statefile)
check "the state file is written under XDG_STATE_HOME/lectern/" test -n "$f"
check "the state file is private (mode 600)" test "$(stat -c %a "$f" 2>/dev/null)" = 600
check "the state file is the versioned format" grep -qx 'lectern-state 1' "$f"
cp "$f" "$TMP/good.state"

# ---- a second run: everything comes back ----
run_reader
see "restart: the status line says what was restored" \
	"reading state restored: csm, 3 read, 2 marks, 3 jumps, 1 search, 1 command"
see "restart: the source and its position come back" "> Text: csm"
check "restart: the same lines as when it quit ($at)" test "$(text_range)" = "$at"
check "restart: a source read before has no N" test "$(row OD)" = "  2022-02-09 OD     "
check "restart: a source never opened keeps its N" test "$(row CONV)" = "N 2022-10?   CONV   "
keys "'" a
see "restart: mark a returns to its place" "> Text: odr"
check "restart: mark a is at the line it was set at" test "$(text_range | cut -d- -f1)" = "[43"
keys C-o
see "restart: the jump history goes back across the restart" "> Text: csm"
keys / Up
see "restart: Up in the / prompt recalls the last search" "/troops"
keys Escape : Up
see "restart: Up in the : prompt recalls the last command" ":source csm"
keys Escape
quit "second run"

# the corpus is known by its index's real path: a symlink reaches the same state
ln -s "$C" "$TMP/link"
start 160 45 XDG_STATE_HOME="$ST" -- --corpus "$TMP/link/corpus.json"
see "through a symlink: the same corpus, the same state" "reading state restored: csm"
quit "through a symlink"
check "through a symlink: still one state file" test "$(ls "$ST/lectern" | wc -l)" = 1

# ---- corrupt and foreign state files are ignored, and left alone ----
printf 'lectern-state 1\ncorpus zz\n' >"$f"
cp "$f" "$TMP/corrupt.state"
run_reader
see "corrupt: ignored with a located message" "reading state ignored: $f:2: expected: corpus HASH REALPATH"
see "corrupt: the reader opens at the first source" "Text: mt"
quit "corrupt"
check "corrupt: the file is left as it was" cmp -s "$f" "$TMP/corrupt.state"

cp "$TMP/good.state" "$f"
printf 'mark c csm 0 text odr-01 - 0 0 0 0\n' >>"$f"
run_reader
see "a claim of another source: ignored, located" "$f:15: claim \"odr-01\" is not a claim of source \"csm\""
quit "bad claim"

cp "$TMP/good.state" "$f"
chown 12345 "$f"
run_reader
see "another owner: ignored with a message" "owned by uid 12345, not by this user"
see "another owner: not restored" "Text: mt"
quit "another owner"
check "another owner: the file is left as it was" cmp -s "$f" "$TMP/good.state"
check "another owner: its owner is unchanged" test "$(stat -c %u "$f")" = 12345
chown "$(id -u)" "$f"

chmod 664 "$f"
run_reader
see "group-writable: ignored with a message" "group or others may write it (mode 0664)"
quit "group-writable"
chmod 600 "$f"

# ---- --no-state and :forget ----
cp "$TMP/good.state" "$f"
run_reader --no-state
see "--no-state: nothing restored" "126 claims, 29 topics"
see "--no-state: the first source" "Text: mt"
keys : s o u r c e Space b l o g Enter
see "--no-state: blog opened" "> Text: blog"
quit "--no-state"
check "--no-state: the state file is not written" cmp -s "$f" "$TMP/good.state"

run_reader
see ":forget: first the state is restored" "reading state restored: csm"
keys : f o r g e t Enter
see ":forget: says the file is deleted" "reading state forgotten: $f deleted"
check ":forget: the file is gone" test ! -e "$f"
quit ":forget"
check ":forget: quitting does not write it again" test ! -e "$f"
run_reader
see ":forget: the next run starts fresh" "126 claims, 29 topics"
quit "after :forget"

# ---- SIGTERM ends the reader: the state is saved, the view with it ----
rm -f "$f"
run_reader
keys 4
see "the Compare view" "STATUS   TOPIC"
keys j j j L
sleep 0.3
screen | sed '$d' >"$TMP/compare.before"
kill -TERM "$(cat "$TMP/pid")"
see "SIGTERM: the reader ends" "EXIT=143"
check "SIGTERM: the state is saved" test -s "$f"
check "SIGTERM: the place is in the Compare view" grep -q '^here .* compare ' "$f"
run_reader
see "after SIGTERM: restored" "reading state restored"
see "after SIGTERM: the Compare view is focused" "[Compare]"
sleep 0.3
screen | sed '$d' >"$TMP/compare.after"
check "after SIGTERM: the same matrix cell, the same screen" cmp -s "$TMP/compare.before" "$TMP/compare.after"
quit "after SIGTERM"

# ---- a state that cannot be written is said on stderr, after the screen ----
: >"$TMP/not-a-dir"
start 160 45 XDG_STATE_HOME="$TMP/not-a-dir" -- --corpus "$C"
see "unwritable: the reader starts" "126 claims, 29 topics"
keys Q
see "unwritable: said when the reader ends" "lectern: reading state not saved: $TMP/not-a-dir/lectern: "
see "unwritable: the exit status stays 0" "EXIT=0"

# ---- a changed corpus ----
cp "$TMP/good.state" "$f"
# the index changes, csm's text does not: its place still exists
sed -i 's/"title": "Why is Belarus hosting Russian troops?"/"title": "Why is Belarus hosting troops?"/' "$C/corpus.json"
run_reader
see "index edited, csm unchanged: restored" "reading state restored: csm"
see "index edited, csm unchanged: nothing dropped" "the corpus changed: 0 places dropped"
check "index edited, csm unchanged: the same lines ($at)" test "$(text_range)" = "$at"
quit "index edited"
cp "$TMP/good.state" "$f"
# csm's text and its SHA-256 change: places in it no longer exist
printf '\nA paragraph added later.\n' >>"$C/sources/csm.txt"
old=$(jq -r '.sources[] | select(.id == "csm") | .sha256' "$C/corpus.json")
new=$(sha256sum "$C/sources/csm.txt" | cut -d' ' -f1)
sed -i "s/$old/$new/" "$C/corpus.json"
check "the test changed csm's checksum in the index" grep -q "$new" "$C/corpus.json"
run_reader
see "csm's text changed: its places (here, mark b) are dropped, said" "1 mark, 3 jumps, 1 search, 1 command; the corpus changed: 2 places dropped"
see "csm's text changed: the stale position is not restored" "Text: mt"
check "csm's text changed: csm is unread again" test "$(row CSM)" = "N 2022-10-20 CSM    "
check "csm's text changed: odr stays read" test "$(row OD)" = "  2022-02-09 OD     "
keys "'" b
see "csm's text changed: mark b (in csm) is gone" "mark b is not set"
keys "'" a
see "csm's text changed: mark a (in odr) still works" "> Text: odr"
quit "text changed"

finish
