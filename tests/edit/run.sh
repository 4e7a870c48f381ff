#!/usr/bin/env bash
# Curation in the reader, in tmux, on a copy of the bundled corpus: a
# passage selected by keys (v, j, <), a claim made of it through the form
# (A, Enter) and seen in the Claims pane, the claim added to a topic (t)
# and seen in its cell of the Compare matrix, undo and redo (u, Ctrl-r),
# everything there after quitting and reopening, `lectern check` passing
# after every step; a save refused (another writer changed the same topic)
# leaves a recovery file and the status-line mark, :w PATH saves a copy,
# and quitting with unsaved edits asks first.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 2
. "$TOP/tests/tmux.sh"
tmux_required
tmux_socket edit
export LECTERN_CACHE=0

C=$TMP/c
cp -r "$TOP/data" "$C"
rm -f "$C"/.*.lcache
lx() { "$LECTERN" --corpus "$C" "$@"; }
jqc() { jq -r "$@" "$C/corpus.json"; }
passes_check() {
	if lx check >/dev/null 2>"$TMP/check.err"; then ok "  ... lectern check passes"
	else bad "  ... lectern check passes" "$(head -3 "$TMP/check.err")"; fi
}
# is NAME WANT GOT
is() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "wanted '$2', got '$3'"; fi; }
status() { screen | tail -1; }
TOPIC=feb22-stoltenberg-30000
nclaims=$(jqc '.claims | length')

# ---- select a passage by keys ----
start 160 45 -- --corpus "$C"
see "the reader opens the corpus" "Claims 1/17 (this source)"
keys 2 v
see "v starts a selection at the top line" "-- SELECT --"
see "  ... the first line's bytes" "selection: bytes 0-70 "
keys j
see "j extends it by a line" "selection: bytes 0-145 "
keys '<'
see "< trims it by a word" "selection: bytes 0-141 "
keys '<'
see "  ... and by another" "selection: bytes 0-137 "
keys '>'
see "> extends it by a word" "selection: bytes 0-141 "
keys ')'
see ") extends it to the sentence's end" "selection: bytes 0-239 "
keys '('
see "( trims it back by a sentence (to its first byte here)" "selection: bytes 0-1 "
pipe_on "$TMP/y.out"
keys y
see "y copies the selection as a citation" "the selection copied as a citation"
pipe_off
check "  ... an OSC 52 sequence holding the passage, its source and bytes" bash -c \
	"grep -ao $'\\e]52;c;[A-Za-z0-9+/=]*' '$TMP/y.out' | head -1 | cut -d';' -f3 | base64 -d | grep -q 'The Moscow Times.*(mt, bytes 0-1)'"
keys Escape
see "Esc leaves the selection" "selection left"
check "  ... the mark is gone" bash -c "! tmux -L $SOCK -f $TMP/tmux.conf capture-pane -p -t t | tail -1 | grep -q SELECT"

# ---- make a claim of it ----
keys v j '<' '<' A
see "A opens the claim form, filled in by the extractor" ":claim add mt 0 137 --kind "
keys Enter
see "Enter saves the claim" "saved ("
is "  ... one claim more in the index" $((nclaims + 1)) "$(jqc '.claims | length')"
NEW=$(jqc '.claims[] | select(.source == "mt" and .span == [0, 137]) | .id')
is "  ... with the selected span, curated" curated "$(jqc ".claims[] | select(.id == \"$NEW\") | .origin")"
is "  ... its text the selected bytes" "$(head -c 137 "$C/sources/$(jqc '.sources[] | select(.id == "mt") | .file' | xargs basename)")" \
	"$(jqc ".claims[] | select(.id == \"$NEW\") | .text")"
passes_check
see "  ... the Claims pane shows it at once" "Claims 1/18 (this source)"
see "  ... its text in the pane" "As Russia tries to force the United"

# a bad edit: a located message, nothing written
cp "$C/corpus.json" "$TMP/before.json"
keys ":claim add mt 9 3" Enter
see "a bad span: refused with a message" "claim add: span [9, 3] is empty"
check "  ... the index byte for byte as it was" cmp -s "$TMP/before.json" "$C/corpus.json"

# ---- add it to a topic, see it in its Compare cell ----
keys 3 t
see "t opens :topic link for the selected claim" "the topic to add claim $NEW to"
keys "$TOPIC" Enter
see "Enter links it" "topic link $TOPIC: saved"
is "  ... the topic holds the claim" yes "$(jqc ".topics[] | select(.id == \"$TOPIC\") | .claims | index(\"$NEW\") | if . then \"yes\" else \"no\" end")"
passes_check
keys ":topic $TOPIC" Enter
see "  ... its Compare cell counts the new claim (+1)" "= 30,000 tro +1 = 30,000 troops"

# ---- undo and redo ----
keys u
see "u undoes the link" "undone: saved"
see "  ... the cell is back to one claim" "= 30,000 troops = 30,000 troops"
is "  ... the topic no longer holds the claim" no "$(jqc ".topics[] | select(.id == \"$TOPIC\") | .claims | index(\"$NEW\") | if . then \"yes\" else \"no\" end")"
passes_check
keys u
see "u again undoes the claim" "undone: saved"
is "  ... the claim is gone" "$nclaims" "$(jqc '.claims | length')"
passes_check
keys C-r C-r
see "Ctrl-r twice redoes both" "redone: saved"
sleep 0.3
is "  ... the claim is back" $((nclaims + 1)) "$(jqc '.claims | length')"
is "  ... and in the topic" yes "$(jqc ".topics[] | select(.id == \"$TOPIC\") | .claims | index(\"$NEW\") | if . then \"yes\" else \"no\" end")"
see "  ... and in its cell" "= 30,000 tro +1 = 30,000 troops"
passes_check
keys C-r
see "nothing more to redo: said so" "nothing to redo"

# notes and a topic of its own, by commands
keys ":note claim/$NEW \"the first lines, by hand\"" Enter
see ":note sets a claim's note" "saved ("
is "  ... the note in the index" "the first lines, by hand" "$(jqc ".claims[] | select(.id == \"$NEW\") | .note")"
keys ":claim $NEW" Enter
keys ":topic add by-hand --label \"Made by hand\"" Enter
see ":topic add makes a topic of the selected claim" "topic add by-hand"
is "  ... with the claim" "$NEW" "$(jqc '.topics[] | select(.id == "by-hand") | .claims[0]')"
passes_check

# accepting an automatic topic: a curated one of its claims, with a label
AUTO=$(lx compare --json | jq -r '[.topics[] | select(.origin == "auto")][0] | .id + " " + (.claims | length | tostring)')
keys ":topic ${AUTO% *}" Enter
see "an automatic topic in the Compare view" "${AUTO% *}"
keys ":topic add accepted --label \"Accepted by hand\"" Enter
see ":topic add on an automatic topic accepts it" "topic add accepted"
is "  ... with all its claims" "${AUTO#* }" "$(jqc '.topics[] | select(.id == "accepted") | .claims | length')"
is "  ... curated" curated "$(jqc '.topics[] | select(.id == "accepted") | .origin')"
passes_check

# from the counterparts list: t links the counterpart under the cursor
keys ":claim odr-11" Enter
keys R
see "R lists the counterparts of a claim" "Counterparts of odr-11"
keys t
see "t on a counterpart opens :topic link for that claim" "the topic to add claim "
CP=$(screen | sed -n 's/.*the topic to add claim \([^ ]*\) to.*/\1/p' | head -1)
check "  ... the counterpart, not the claim whose list it was" test -n "$CP" -a "$CP" != odr-11
keys by-hand Enter
see "  ... Enter links it" "topic link by-hand: saved"
is "  ... the topic holds the counterpart" yes "$(jqc ".topics[] | select(.id == \"by-hand\") | .claims | index(\"$CP\") | if . then \"yes\" else \"no\" end")"
passes_check

# a note on a source: in the record of each of its claims
keys ":note source/mt \"read in full\"" Enter
see ":note sets a source's note" "saved ("
is "  ... the note in the index" "read in full" "$(jqc '.sources[] | select(.id == "mt") | .note')"
passes_check

# ---- quit, reopen: everything there ----
keys Q
see "Q quits when everything is saved" "EXIT=0"
start 160 45 -- --corpus "$C"
see "reopened" "Sources (5/5"
keys ":claim $NEW" Enter 3 i
see "  ... the claim is there, with its note" "the first lines, by hand"
see "  ... and its source's note" "note on mt: read in full"
keys i
keys ":topic $TOPIC" Enter
see "  ... and in its topic's cell" "= 30,000 tro +1 = 30,000 troops"

keys 2 / "spoken about 30" Enter
see "a search hit" "hit 1 of 1"
keys v
see "v on a search hit selects the hit" "selection: bytes 669-684 "
keys Escape

# ---- another writer first: the reader reloads rather than edit blind ----
lx note "claim/$NEW" "by the command" >/dev/null
keys ":note claim/$NEW \"by the reader\"" Enter
see "an index changed since the reader loaded it: reloaded, nothing edited" "reloaded; nothing edited"
is "  ... the command's note stands" "by the command" "$(jqc ".claims[] | select(.id == \"$NEW\") | .note")"
keys ":note claim/$NEW \"by the reader\"" Enter
see "  ... the edit made again is saved" "saved ("
is "  ... the reader's note now" "by the reader" "$(jqc ".claims[] | select(.id == \"$NEW\") | .note")"

# ---- a refused save: recovery file, mark, :w, quitting asks ----
lx topic set "$TOPIC" --note "from the command" >/dev/null
keys ":topic set $TOPIC --note \"from the reader\"" Enter
see "an edit of an object another writer changed: refused" "was changed by another writer"
see "  ... the status line marks the unsaved edits" "[+ unsaved]"
is "  ... the other writer's edit stands" "from the command" "$(jqc ".topics[] | select(.id == \"$TOPIC\") | .note")"
is "  ... the recovery file holds the edit" "from the reader" \
	"$(jq -r ".topics[] | select(.id == \"$TOPIC\") | .note" "$C/corpus.json.unsaved" 2>&1)"
passes_check
keys Q
see "quitting with unsaved edits asks first" "unsaved edits (kept in $C/corpus.json.unsaved)"
sleep 0.3
check "  ... and does not quit" bash -c "! tmux -L $SOCK -f $TMP/tmux.conf capture-pane -p -t t | grep -q EXIT="
keys ":w $TMP/copy.json" Enter
see ":w PATH saves a copy" "written to $TMP/copy.json"
is "  ... the copy holds the edit" "from the reader" \
	"$(jq -r ".topics[] | select(.id == \"$TOPIC\") | .note" "$TMP/copy.json" 2>&1)"
keys Q
sleep 0.2
keys Q
see "Q again quits" "EXIT=0"
is "  ... the recovery file stays" yes "$([ -s "$C/corpus.json.unsaved" ] && echo yes || echo no)"

finish
