#!/usr/bin/env bash
# Scrolling the Text pane of the wide layout inside left and right margins.
# The reader runs on libvterm (tests/margins/vt.c), a terminal that has
# margins (DECSLRM) and says so when asked (DECRQM), and in tmux, which has
# none and does not answer: after many scrolls the screen must be what a
# full redraw (Ctrl-l) draws (cell for cell with attributes on libvterm;
# the text in tmux, where a blank's foreground differs between a redraw,
# which erases, and an update, which writes spaces); on libvterm a one-line
# scroll of the Text pane at 160x45 costs at most 3x the bytes less writes
# for one line on the same terminal; margins are used only where the
# terminal said it has them and the pane is narrower than the screen.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tmux.sh"
cd "$TOP" || exit 2
tmux_required
tmux_socket margins

VT=$TMP/vt
if ! cc -std=c11 -D_GNU_SOURCE -O1 -o "$VT" tests/margins/vt.c \
	$(pkg-config --cflags --libs vterm 2>/dev/null) -lutil 2>"$TMP/cc.err"; then
	bad "the libvterm terminal builds" "$(head -3 "$TMP/cc.err")" "(libvterm-dev: make deps)"
	finish
	exit 1
fi
ok "the libvterm terminal builds"
text=data/$(sed -n 's/.*"file": "\([^"]*\)".*/\1/p' data/corpus.json | head -1)
export XDG_STATE_HOME=$TMP/state
many=jjjjjjjjjjjjjjjjjjjjkkkjjjjjjjjjjjjjjjjjjjjjjjjjkjjjjjjjjjjjjjkkkkkkkjjjjjjjjjjjjjjjjj

# settled: waits until the screen has stayed the same for 0.3 s
settled() {
	local i last=
	for ((i = 0; i < 50; i++)); do
		sleep 0.3
		[ "$(T capture-pane -e -p -t t)" = "$last" ] && return 0
		last=$(T capture-pane -e -p -t t)
	done
}
# per_key OUT: the median of the byte counts in OUT (one a line)
per_key() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] + 0 }'; }

# ---- libvterm, 160x45: margins ----
steps=("w:> Sources" k:2 "w:> Text" q)
for i in 1 2 3 4 5 6 7 8 9 10; do steps+=(m k:j q b); done
steps+=(r:"$TMP/j.raw" k:"$many" q k:^d q k:^u q k:^e k:^y k:^y q s:"$TMP/vt-scrolled" m k:^l q b s:"$TMP/vt-redrawn")
"$VT" 45 160 "${steps[@]}" -- "$LECTERN" --no-state --corpus data/corpus.json >"$TMP/vt.bytes" 2>"$TMP/vt.err"
check "libvterm 160x45: the reader ran every step" test ! -s "$TMP/vt.err"
if LC_ALL=C grep -qaF $'\e[?69h' "$TMP/j.raw"; then
	ok "libvterm 160x45: the Text pane scrolls inside margins"
else
	bad "libvterm 160x45: the Text pane scrolls inside margins" "no DECLRMM in the bytes of a j"
fi
if cmp -s "$TMP/vt-scrolled" "$TMP/vt-redrawn"; then
	ok "libvterm 160x45: after $((${#many} + 5)) scrolls the screen is the full redraw's"
else
	bad "libvterm 160x45: after many scrolls the screen is the full redraw's" \
		"$(diff "$TMP/vt-scrolled" "$TMP/vt-redrawn" | head -8)"
fi
head -10 "$TMP/vt.bytes" >"$TMP/vt.j"
redraw=$(tail -1 "$TMP/vt.bytes")
lj=$(per_key "$TMP/vt.j")
steps=(q)
for i in 1 2 3 4 5 6 7 8 9 10; do steps+=(m k:j q b); done
"$VT" 45 160 "${steps[@]}" -- less "$text" >"$TMP/less.j" 2>/dev/null
pj=$(per_key "$TMP/less.j")
if [ "$pj" -gt 0 ] && [ "$lj" -le $((3 * pj)) ] && [ "$redraw" -gt $((3 * pj)) ]; then
	ok "libvterm 160x45: one line costs $lj B, less $pj B (<= 3x; a redraw $redraw B)"
else
	bad "libvterm 160x45: one line costs at most 3x less's bytes" "lectern $lj B, less $pj B, a redraw $redraw B"
fi

# keys typed before the terminal has answered the question are kept, in order
"$VT" 45 160 k:2j "w:> Text" q s:"$TMP/early" -- "$LECTERN" --no-state --corpus data/corpus.json 2>/dev/null
check "libvterm: keys typed before the answer (2, j) are read after it, in order" \
	grep -qF "> Text: mt - The Moscow Times  [2-44/" "$TMP/early"

# ---- a full-width pane and a terminal without margins: as before ----
"$VT" 24 80 "w:> Sources" k:2 "w:> Text" q m k:"$many" q r:"$TMP/80.raw" s:"$TMP/80-scrolled" k:^l q s:"$TMP/80-redrawn" \
	-- "$LECTERN" --no-state --corpus data/corpus.json 2>/dev/null
check "libvterm 80x24: a pane the width of the screen scrolls as curses does (no margins)" \
	bash -c "! LC_ALL=C grep -qaF \$'\e[?69h' '$TMP/80.raw'"
check "libvterm 80x24: after many scrolls the screen is the full redraw's" cmp -s "$TMP/80-scrolled" "$TMP/80-redrawn"
"$VT" 45 160 "w:> Sources" m k:2 "w:> Text" q k:"$many" q r:"$TMP/nomg.raw" s:"$TMP/nomg-scrolled" k:^l q s:"$TMP/nomg-redrawn" \
	-- env TERM=screen-256color "$LECTERN" --no-state --corpus data/corpus.json 2>/dev/null
check "libvterm, TERM without margins: neither asked nor used" \
	bash -c "! LC_ALL=C grep -qaF '?69' '$TMP/nomg.raw'"
check "libvterm, TERM without margins: the screen is the full redraw's" cmp -s "$TMP/nomg-scrolled" "$TMP/nomg-redrawn"

# ---- tmux: TERM names xterm's margins, tmux has none and does not say so ----
start 160 45 --
see "tmux 160x45: the reader is up" "> Sources"
keys 2
see "tmux 160x45: the Text pane has the focus" "> Text"
pipe_on "$TMP/tmux.raw"
for ((i = 0; i < ${#many}; i++)); do keys "${many:i:1}"; done
keys C-d C-u
settled
pipe_off
T capture-pane -p -t t >"$TMP/tmux-scrolled"
keys C-l
settled
T capture-pane -p -t t >"$TMP/tmux-redrawn"
check "tmux 160x45: no margins used" bash -c "! LC_ALL=C grep -qaF \$'\e[?69h' '$TMP/tmux.raw'"
if cmp -s "$TMP/tmux-scrolled" "$TMP/tmux-redrawn"; then
	ok "tmux 160x45: after many scrolls the screen is the full redraw's"
else
	bad "tmux 160x45: after many scrolls the screen is the full redraw's" \
		"$(diff "$TMP/tmux-scrolled" "$TMP/tmux-redrawn" | head -6)"
fi
keys q
see "tmux: the reader quits" "EXIT=0"

finish
