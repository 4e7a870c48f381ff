#!/usr/bin/env bash
# Compare matrix tests: the reader inside tmux (private socket, fixed sizes),
# driven with send-keys and checked on the text of the screen (marks and
# words, never colours): rows and columns, the conflicts-only filter, the
# jump from a cell to its claim and back, `c` from a claim, the drill-down,
# narrow layouts, LANG=C, and an imported corpus with automatic topics only.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 2
. "$TOP/tests/tmux.sh"
tmux_required
tmux_socket matrix
# see_re NAME EXTENDED-REGEX: a line of the screen matches
see_re() {
	local i
	for ((i = 0; i < 160; i++)); do
		screen | grep -qE -- "$2" && { ok "$1"; return; }
		sleep 0.05
	done
	bad "$1" "no line matching '$2':" "$(screen | head -12)"
}
# absent NAME FIXED-STRING: not on the screen (call after a positive wait)
absent() {
	if screen | grep -qF -- "$2"; then bad "$1" "'$2' is on screen"; else ok "$1"; fi
}

# ---- the matrix, wide ----
mkdir -p "$TMP/cfg/lectern"
printf 'set mouse = on\n' >"$TMP/cfg/lectern/config"
start 160 45 XDG_CONFIG_HOME="$TMP/cfg" --
see "started" "> Sources"
keys 4
see "4 shows the matrix, curated and automatic topics counted" "(29 curated, "
see "legend: curated and automatic markers" "* curated  A auto"
see "legend: every mark in words" "= agree ~ differ ! conflict # different measure > timeline - no comparable value"
see_re "header: a column per source in date order, headings by one rule" ' MT +OD +CONV +CSM +BLOG *$'
see_re "header: the sources' dates, ? when guessed" ' 2022-02\? +2022-02-09 +2022-10\? +2022-10-20 +2022-11-04 *$'
see "the status line gives the cost of the comparison" "compared 126 claims:"
see_re "a curated row agrees, values as written, marks" '^\* agree +Russian troops in Belarus, Feb .*= 30,000 troops += 30,000 troops +\. +\. +\. *$'
see_re "the announcement row: CONFLICT in words, ! in both cells" '^\* CONFLICT +When were the Allied.* ! 2021-12 +! 2022-01-17 '
see_re "the value as the source wrote it; no comparable value has its own mark, the index's status beside it" \
	'^\* related≠measure +Distance from Belarus to Kyiv +\. +- 40-50 km.* - 145 miles '
see_re "a cell of several claims says +N" '^\* related≠agree +A record Russian deployment.* - Indeed, [a-z ,]+\+2 '
see_re "automatic topics are marked A" '^A (agree|differ|CONFLICT|measure|timeline|mixed|related|-) '
# STATUS is the worst of the row's cells: no row says agree above a ! ~ # or > cell
bad_rows=$(screen | grep -E '^[*A] agree' | grep -E ' [!~#>] ' | head -3)
if [ -z "$bad_rows" ]; then ok "STATUS equals the cells' verdicts (no agree over ! ~ # >)"; else bad "STATUS equals the cells' verdicts" "$bad_rows"; fi
bad_rows=$(screen | grep -E '^[*A] CONFLICT' | grep -vE ' ! ' | head -3)
if [ -z "$bad_rows" ]; then ok "a CONFLICT row has a ! cell"; else bad "a CONFLICT row has a ! cell" "$bad_rows"; fi
see "the current cell's claim under the matrix, as written" "mt (The Moscow Times, 2022-02?): mt-04, Jens Stoltenberg: 30,000 troops"
see "the topic's note wrapped in full under the matrix" "expert estimate against it (see the topic on the experts' 10,000)."
keys L
see "L moves one column right, in date order" "odr (openDemocracy, 2022-02-09): odr-11"
keys Right
see "Right moves one column right" "conv (The Conversation, 2022-10?): nothing on this topic"
keys H Left
see "H and Left move back" "mt (The Moscow Times, 2022-02?): mt-04"
keys s
see "s orders the columns by outlet" "src 1-5/5, by outlet"
see_re "by outlet: the headings in order" ' BLOG +CONV +CSM +MT +OD *$'
keys s
see "s again: by claims" "src 1-5/5, by claims"
keys s
see "s again: by date" "src 1-5/5, by date"
keys j
see "j moves down a row" "mt (The Moscow Times, 2022-02?): mt-05, Russian military experts: 10,000 troops"
keys -l $'\e[<0;100;7M'
keys -l $'\e[<0;100;7m'
see "a click selects the cell under it" "odr (openDemocracy, 2022-02-09): odr-04, Alexander Lukashenka: 2022-01-17"
keys g H H H H

# ---- conflicts only ----
keys C
see "C: conflicts only" "[C: conflicts only]"
see "C: the title counts the topics in conflict" "in conflict of"
see_re "C: the announcement topic stays" '^\* CONFLICT +When were the Allied.* ! 2021-12 +! 2022-01-17 '
absent "C: agreeing topics are hidden" "Russian troops in Belarus, Feb"
ROW='^[*A] (agree|differ|CONFLICT|measure|timeline|mixed|related|-)[^ ]* '
if screen | grep -E "$ROW" | grep -qvE '^[*A] CONFLICT '; then
	bad "C: every row shown is in conflict" "$(screen | grep -E "$ROW" | grep -vE '^[*A] CONFLICT ' | head -3)"
else
	ok "C: every row shown is in conflict"
fi

# ---- Enter on a cell jumps to its claim; Ctrl-o comes back ----
keys g L
see "cursor on the odr cell of the announcement" "odr (openDemocracy, 2022-02-09): odr-04, Alexander Lukashenka: 2022-01-17"
keys Enter
see "Enter: the Text pane names the cell's source" "> Text: odr - openDemocracy"
see "Enter: the status line names the claim" "claim odr-04"
see "Enter: the claim's sentence is in view" "leaders on 17 January."
see "Enter: the Claims cursor is on the claim" "Alexander Lukashenka [2022-01-17]"
keys C-o
see "Ctrl-o returns to the Compare view" "> Compare"
see "Ctrl-o returns to the exact cell" "odr (openDemocracy, 2022-02-09): odr-04, Alexander Lukashenka: 2022-01-17"
keys 3
see "Ctrl-o: the Claims cursor is back where it was" "> Claims 1/17"
keys 4

# ---- c on a claim opens its topic ----
keys : c l a i m Space m t - 0 7 Enter
see ":claim mt-07" "> Text: mt"
keys c
see "c from the Text pane opens the claim's topic" ", allied-resolve-announcement  ("
see "c: the cursor is on the claim's cell" "mt (The Moscow Times, 2022-02?): mt-07: 2021-12"
see "c: the filter is kept when the topic passes it" "[C: conflicts only]"
keys C q 3 g c
see "c from the Claims pane opens the claim's topic" ", far-east-troop-transfers  ("
see "c from Claims: the claim's cell" "mt (The Moscow Times, 2022-02?): mt-01: 2022-01"

# ---- c on a claim in several topics: c again shows the next ----
keys : c l a i m Space m t - 1 6 Enter c
see "c on a claim in two topics says so" "claim mt-16 in topic 1 of 2"
keys c
see "c again: the other topic" "claim mt-16 in topic 2 of 2"

# ---- the drill-down ----
keys : t o p i c Space a l l i e d - r e s o l v e - a n n o u n c e m e n t Enter
see ":topic opens the topic's row" ", allied-resolve-announcement  ("
keys v
see "v: the topic's claims side by side" "status: CONFLICT - the sources conflict"
see "v: curated topic named as such" "* curated: When were the Allied Resolve exercises announced?"
see "v: source, date, speaker, value as written and normalised" "odr-04  odr (OD)  2022-02-09  Alexander Lukashenka: 2022-01-17 (normalised: 2022-01-17)"
see "v: the note wrapped in full" "announcing the exercises then."
see "v: the verdict against the other voice" "! conflict with odr-04 (odr)"
see "v: the whole text" "It was he who announced the exercises back at the beginning of December"
keys j Enter
see "v, j, Enter: jumps to the second claim" "claim odr-04"
see "v, Enter: in its source" "> Text: odr - openDemocracy"
keys 4
see "4 returns to the drill-down" "status: CONFLICT"
keys v
see "v toggles back to the matrix" "* curated  A auto"
keys v
see "v again: the drill-down" "status: CONFLICT"
keys q
see "q in the drill-down returns to the matrix" "* curated  A auto"
see "q in the drill-down: still the Compare view" "> Compare"
keys Q
see "quits cleanly" "EXIT=0"

# ---- narrow layouts ----
start 80 24 --
keys 4
see "80x24: the matrix" "= agree ~ differ ! conflict # measure > timeline"
see "80x24: some columns, scrolled sideways" "src 1-3/5 >"
keys L L L
see "80x24: the columns follow the cursor" "< src 2-4/5 >"
keys H H C v
see "80x24: drill-down" "status: CONFLICT"
keys Enter
see "80x24: the drill-down starts at the cursor's source, Enter jumps" "> Text: odr"
keys Q
see "80x24: quits cleanly" "EXIT=0"

start 50 20 --
keys 4
see "50x20: Compare as a tab" "[4 Compare]"
see "50x20: the legend" "= agree ~ differ ! conflict # measure > timeline"
see "50x20: two columns" "src 1-2/5 >"
keys L L L L L L
see "50x20: scrolled to the last sources" "< src 4-5/5"
see_re "50x20: rows still drawn" '^\* (agree|CONFLICT|related)'
keys v j j G g v
see "50x20: drill-down and back" "* curated  A auto"
keys : t o p i c Space s t a g i n g - g r o u n d Enter v G
see "50x20: G in the drill-down shows the last claim whole" "Kyiv in the beginning of the war"
keys g
see "50x20: g back to the first claim" "- mt-11  mt (MT)  2022-02?"
keys v
T resize-window -t t -x 20 -y 6
sleep 0.2
T resize-window -t t -x 12 -y 4
sleep 0.2
T resize-window -t t -x 160 -y 45
see "resize to tiny and back: still there" "* curated  A auto"
keys q 1 C
see "50x20: C from the Sources pane opens the conflicts" "[C: conflicts only]"
keys Q
see "50x20: quits cleanly" "EXIT=0"

# ---- LANG=C: ASCII only ----
start 80 24 LANG=C LC_ALL=C --
see "LANG=C: started" "> Sources"
pipe_on "$TMP/c.out"
keys 4
see "LANG=C: the matrix with ASCII marks" "= agree ~ differ ! conflict # measure > timeline"
keys v
see "LANG=C: drill-down" "status: "
pipe_off
if LC_ALL=C grep -qa $'[\x80-\xff]' "$TMP/c.out"; then
	bad "LANG=C: only ASCII written"
else
	ok "LANG=C: only ASCII written"
fi
keys Q

# ---- the text commands print the notes ----
expect "compare TOPIC prints the topic's note" 0 "note: mt says Lukashenko announced the exercises" \
	"$LECTERN" compare allied-resolve-announcement
expect "topics prints every topic's note" 0 "note: Both February 2022 texts report" "$LECTERN" topics

# ---- an imported corpus: automatic topics only ----
expect "import the seeds" 0 "imported" "$LECTERN" import tests/fixtures/seeds --output "$TMP/x"
start 80 24 -- --corpus "$TMP/x"
keys 4
see "imported: no curated topic" "(0 curated, "
see_re "imported: automatic topics marked A" '^A (agree|differ|CONFLICT|measure|timeline|mixed|related|-)'
nauto=$(screen | grep -cE '^A (agree|differ|CONFLICT|measure|timeline|mixed|related|-)')
ncur=$(screen | grep -cE '^\* (agree|differ|CONFLICT|measure|timeline|mixed|related|-)')
if [ "$nauto" -ge 3 ] && [ "$ncur" = 0 ]; then
	ok "imported: every row is automatic ($nauto on screen)"
else
	bad "imported: every row is automatic" "A rows $nauto, * rows $ncur"
fi
keys v
see "imported: the drill-down names an automatic topic" "A auto: "
keys Q
see "imported: quits cleanly" "EXIT=0"

T kill-server 2>/dev/null
finish
