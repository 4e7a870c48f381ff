#!/usr/bin/env bash
# Counterparts in the reader: R on a claim lists the claims of other sources
# that may speak of the same fact, as `lectern related` ranks them, with
# their verdicts (checked against the command's own output, not against
# strings written here); Enter jumps to one, Ctrl-o comes back; a claim
# with none says so; hostile text stays escaped; and on a generated corpus
# of about 100,000 claims the reader answers keys while the index builds.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 2
if ! command -v tmux >/dev/null || ! command -v jq >/dev/null; then
	bad "tmux and jq are installed" "the terminal tests need them (make deps)"
	finish
	exit 1
fi
. "$TOP/tests/tmux.sh"
tmux_socket counterparts
CORPUS=$TOP/data
K=10   # the counterparts the reader lists (RELATED_UI_K in src/ui/counterparts.c)

# rows CLAIM: "WORD SOURCE CLAIM-TEXT-START" per counterpart, best first, as
# `lectern related --json` gives them (null: "no verdict")
expected() {
	"$LECTERN" --corpus "$1" related "$2" --k $K --json |
		jq -r '.related[0].counterparts[] | "\(.verdict // "no verdict") \(.source)"'
}
# the overlay's rows on screen: "WORD SOURCE", best first; and their marks
shown() {
	screen | sed -nE 's/^ ([=~!#>?]) (agree|differ|conflict|different-measure|timeline|no verdict) +([^ ]+) .*/\2 \3/p'
}
marks() {
	screen | sed -nE 's/^ ([=~!#>?]) (agree|differ|conflict|different-measure|timeline|no verdict) .*/\1 \2/p'
}
# gone NAME FIXED-STRING: a check that the string leaves the screen
gone() {
	local i
	for ((i = 0; i < 80; i++)); do
		screen | grep -qF -- "$2" || { ok "$1"; return; }
		sleep 0.05
	done
	bad "$1" "'$2' still on screen" "$(screen | head -3)"
}
# same_list NAME WANT-FILE: the overlay shows exactly the command's rows
same_list() {
	local i
	for ((i = 0; i < 40; i++)); do
		shown >"$TMP/shown"
		cmp -s "$TMP/shown" "$2" && break
		sleep 0.05
	done
	if cmp -s "$TMP/shown" "$2"; then ok "$1"; else
		bad "$1" "$(diff "$2" "$TMP/shown" | head -8)" "$(screen | head -8)"
	fi
}

# ---- the bundled corpus: odr-11 and its counterparts ----
# odr-11 (Stoltenberg's 30,000, openDemocracy) has counterparts in other
# sources, some with a verdict and some without
expected "$CORPUS" odr-11 >"$TMP/want-odr11"
first=$("$LECTERN" --corpus "$CORPUS" related odr-11 --k $K --json | jq -r '.related[0].counterparts[0].claim')
second=$("$LECTERN" --corpus "$CORPUS" related odr-11 --k $K --json | jq -r '.related[0].counterparts[1].claim')
fsrc=$("$LECTERN" --corpus "$CORPUS" related odr-11 --k $K --json | jq -r '.related[0].counterparts[0].source')
check "lectern related lists counterparts of odr-11 ($(wc -l <"$TMP/want-odr11"))" test "$(wc -l <"$TMP/want-odr11")" -ge 2
check "some with a verdict and some with none" \
	bash -c "grep -qv '^no verdict' '$TMP/want-odr11' && grep -q '^no verdict' '$TMP/want-odr11'"

start 160 45 -- --corpus "$CORPUS"
see "started" "> Sources"
keys : c l a i m Space o d r - 1 1 Enter
see ":claim odr-11 selects it in its text" "> Text: odr"
keys R
see "R shows the counterparts of the selected claim" "Counterparts of odr-11"
same_list "the list is the command's: source and verdict word of each, best first" "$TMP/want-odr11"
if marks | grep -qvE '^(= agree|~ differ|! conflict|# different-measure|> timeline|\? no verdict)$'; then
	bad "each verdict has its mark; no verdict is '?', never '='" "$(marks)"
else
	ok "each verdict has its mark; no verdict is '?', never '='"
fi
see "the first counterpart's text is shown" "$("$LECTERN" --corpus "$CORPUS" claims --json | jq -r --arg id "$first" '.claims[] | select(.id == $id) | .text' | cut -c1-30)"
see "each counterpart says why" "why: "
keys Enter
see "Enter jumps to the counterpart in its source" "> Text: $fsrc"
see "the jump names the claim" "claim $first"
keys R
see "the counterpart is the selected claim (R lists its own counterparts)" "Counterparts of $first"
keys q
gone "q closes the list" "Counterparts of"
keys C-o
see "Ctrl-o returns to the first source" "> Text: odr"
keys R
see "Ctrl-o returns to the first claim, selected" "Counterparts of odr-11"
keys j Enter
see "j then Enter jumps to the second counterpart" "claim $second"
keys C-o R
see "Ctrl-o again comes back to odr-11" "Counterparts of odr-11"
keys Escape
gone "Esc closes the list" "Counterparts of"
keys 3 R
see "R works from the Claims pane too" "Counterparts of odr-11"
keys Down Down Up Enter
see "arrows move in the list" "claim $second"
keys : c o u n t e r p a r t s Enter
see ":counterparts runs it by name" "Counterparts of $second"
keys q 4
see "the Compare view" "> Compare"
keys R
see "R on a matrix cell lists the cell claim's counterparts" "Counterparts of"
keys Enter
see "Enter from there jumps to the text" "> Text: "
keys C-o
see "Ctrl-o returns to the matrix" "> Compare"
keys Q
see "Q quits from the list" "EXIT=0"

# ---- 80x24, no colour, LANG=C ----
start 80 24 NO_COLOR=1 LANG=C LC_ALL=C -- --corpus "$CORPUS"
see "80x24 LANG=C NO_COLOR: started" "> Sources"
pipe_on "$TMP/mono.out"
keys : c l a i m Space o d r - 1 1 Enter R
see "80x24 LANG=C NO_COLOR: the list" "Counterparts of odr-11"
same_list "80x24 LANG=C NO_COLOR: the same rows" "$TMP/want-odr11"
pipe_off
if LC_ALL=C grep -qa $'[\x80-\xff]' "$TMP/mono.out"; then bad "LANG=C: only ASCII written"; else ok "LANG=C: only ASCII written"; fi
if LC_ALL=C grep -qaE $'\e\\[[0-9;]*3[0-7]m' "$TMP/mono.out"; then bad "NO_COLOR: no colour written"; else ok "NO_COLOR: no colour written"; fi
if screen | awk 'length($0) > 80 { exit 1 }'; then ok "80x24: every line fits"; else bad "80x24: every line fits"; fi
keys Q

# ---- a claim with no counterparts; hostile text ----
# source ID TITLE OUTLET DATE: one source entry of the index, its text in
# $TMP/small/sources/ID.txt; span ID TEXT: the offsets of TEXT in it
source() {
	printf '{"id": "%s", "title": "%s", "outlet": "%s", "author": null, "published": "%s", "url": null, "language": "en", "file": "sources/%s.txt", "sha256": "%s"}' \
		"$1" "$2" "$3" "$4" "$1" "$(sha256sum <"$TMP/small/sources/$1.txt" | cut -d' ' -f1)"
}
span() {
	local at
	at=$(LC_ALL=C grep -aboF -- "$2" "$TMP/small/sources/$1.txt" | head -1 | cut -d: -f1)
	printf '[%d, %d]' "$at" $((at + $(printf '%s' "$2" | wc -c)))
}
mkdir -p "$TMP/small/sources"
printf 'The Minsk bridge opened on Monday.\nA lonely zebra quartet hummed.\n' >"$TMP/small/sources/calm.txt"
printf 'Evil \033]52;c;SGVsbG8=\007 says the Minsk bridge \033[2J opened.\n' >"$TMP/small/sources/evil.txt"
cat >"$TMP/small/corpus.json" <<JSON
{"schema": "lectern-corpus", "version": 1, "title": "Small",
 "sources": [$(source calm Quiet "Calm Times" 2020-01-01),
  $(source evil Loud 'Bad \u001b]52;c;eA==\u0007 Outlet' 2020-01-02)],
 "claims": [
  {"id": "c1", "source": "calm", "span": $(span calm 'The Minsk bridge opened on Monday'), "text": "The Minsk bridge opened on Monday", "kind": "event", "origin": "curated"},
  {"id": "c2", "source": "calm", "span": $(span calm 'A lonely zebra quartet hummed'), "text": "A lonely zebra quartet hummed", "kind": "event", "origin": "curated"},
  {"id": "e1", "source": "evil", "span": $(span evil $'says the Minsk bridge \e[2J opened'), "text": "says the Minsk bridge \u001b[2J opened", "kind": "event", "origin": "curated"}],
 "topics": []}
JSON
expect "small corpus: checks" 0 "3 claims" "$LECTERN" --corpus "$TMP/small" check
expect "small corpus: c2 has no counterpart" 0 "(no counterpart)" "$LECTERN" --corpus "$TMP/small" related c2
expected "$TMP/small" c1 >"$TMP/want-c1"
start 100 30 -- --corpus "$TMP/small"
see "small: started" "> Sources"
keys : c l a i m Space c 2 Enter R
see "a claim with none says so" "no counterparts"
keys Enter
see "Enter on no counterparts only closes" "> Text: calm"
pipe_on "$TMP/evil.out"
keys : c l a i m Space c 1 Enter R
see "c1's counterpart in the hostile source" "Counterparts of c1"
same_list "small: the list is the command's" "$TMP/want-c1"
see "hostile: ESC in a counterpart's text shown as a placeholder" "^[[2J"
see "hostile: ESC in its outlet shown as a placeholder" "^[]52;"
pipe_off
if LC_ALL=C grep -qaF -e $'\e]52' -e $'\e[2J' "$TMP/evil.out"; then bad "hostile: no escape from the corpus reached the terminal"; else ok "hostile: no escape from the corpus reached the terminal"; fi
keys Q

# ---- about 100,000 claims: keys are answered while the index builds ----
gen=$TMP/gen-corpus
cc -std=c11 -O2 -D_GNU_SOURCE -I"$TOP/src" -o "$gen" "$TOP/bench/gen-corpus.c" \
	"$TOP/src/base/sha256.c" || { bad "build gen-corpus"; finish; exit; }
"$gen" 50000 "$TMP/big" "$TOP/data/sources" 2>/dev/null
export XDG_CACHE_HOME=$TMP/xdg
"$LECTERN" --corpus "$TMP/big" stats >"$TMP/big.stats"   # writes the cache once
check "generated corpus: about 100,000 claims" grep -qE '^claims: (9[5-9]|10[0-9])[0-9]{3}$' "$TMP/big.stats"
start 120 40 -- --corpus "$TMP/big"
see "big: started" "> Sources" 1200
keys 2 R
see "big: R says the index is building" "building the index" 200
see "big: with progress in the status line" "finding counterparts:"
t0=${EPOCHREALTIME/./}
keys q
for ((i = 0; i < 200; i++)); do shot=$(screen); grep -qF "Counterparts of" <<<"$shot" || break; sleep 0.01; done
t1=${EPOCHREALTIME/./}
ms=$(( (t1 - t0) / 1000 ))
echo "     (q answered in $ms ms while the index builds)"
if grep -qF "Counterparts of" <<<"$shot"; then bad "big: q closes the list while the index builds"; else ok "big: q closes the list while the index builds"; fi
# on the screen where the list first shows closed, the build still runs;
# a build that ended just then passes only when q answered at once (a q
# that waited for the build would have taken the rest of it)
if grep -qF "finding counterparts:" <<<"$shot" || [ "$ms" -lt 200 ]; then
	ok "big: ... and the build is still running (q did not wait for it)"; else
	bad "big: ... and the build is still running (q did not wait for it)" "$(tail -1 <<<"$shot")"; fi
keys j j
see "big: other keys are answered meanwhile (j scrolls the text)" "[3-"
keys R
see "big: R again shows the list once the index is ready" "why: " 4000
keys q Q
see "big: quits" "EXIT=0"
start 120 40 -- --corpus "$TMP/big"
see "big, again: started" "> Sources" 1200
keys 2 R
see "big, again: building" "building the index" 200
t0=${EPOCHREALTIME/./}
keys Q
see "big: Q quits at once while the index builds" "EXIT=0" 100
t1=${EPOCHREALTIME/./}
echo "     (Q answered in $(( (t1 - t0) / 1000 )) ms while the index builds)"

T kill-server 2>/dev/null
finish
