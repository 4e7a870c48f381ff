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
# In tmux the layout option's auto puts the lists in a band over a Text
# pane that spans the width: a one-line scroll there costs at most 3x
# less's bytes at 160x45 (1.5x at 80x24), and many scrolls leave the
# screen a full redraw would draw.
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
# redraw_same NAME: the screen of session t, settled, is the text Ctrl-l
# redraws (tmux: the text only, since a blank's foreground differs between
# a redraw, which erases, and an update, which writes spaces)
redraw_same() {
	T capture-pane -p -t t >"$TMP/scrolled"
	keys C-l
	settled
	T capture-pane -p -t t >"$TMP/redrawn"
	if cmp -s "$TMP/scrolled" "$TMP/redrawn"; then
		ok "$1"
	else
		bad "$1" "$(diff "$TMP/scrolled" "$TMP/redrawn" | head -6)"
	fi
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
mkdir -p "$TMP/lines/lectern"
echo 'set position = lines' >"$TMP/lines/lectern/config"
"$VT" 45 160 k:2j "w:> Text" q s:"$TMP/early" -- env XDG_CONFIG_HOME="$TMP/lines" "$LECTERN" --no-state --corpus data/corpus.json 2>/dev/null
check "libvterm: keys typed before the answer (2, j) are read after it, in order" \
	grep -qF "> Text: mt - The Moscow Times  [2-44/" "$TMP/early"

# ---- a full-width pane and a terminal without margins: as before ----
"$VT" 24 80 "w:> Sources" k:2 "w:> Text" q m k:"$many" q r:"$TMP/80.raw" s:"$TMP/80-scrolled" k:^l q s:"$TMP/80-redrawn" \
	-- "$LECTERN" --no-state --corpus data/corpus.json 2>/dev/null
check "libvterm 80x24: a pane the width of the screen scrolls without margins" \
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
check "tmux 160x45: no margins used" bash -c "! LC_ALL=C grep -qaF \$'\e[?69h' '$TMP/tmux.raw'"
redraw_same "tmux 160x45: after many scrolls the screen is the full redraw's"
keys q
see "tmux: the reader quits" "EXIT=0"

# ---- tmux, layout auto: no margins, so the lists stand side by side in a
# band over a Text pane that spans the width, which scrolls by whole lines
# of the screen (delete-line above, insert-line below) ----
# per_j SESSION OUT: the bytes SESSION's program writes for one j, the
# median of 10 (each waited for until the screen changes)
per_j() {
	local shot i k
	: >"$2.all"
	for ((i = 0; i < 10; i++)); do
		shot=$(T capture-pane -p -t "$1")
		: >"$2.$i"
		T pipe-pane -t "$1" -o "cat >>'$2.$i'"
		T send-keys -t "$1" j
		for ((k = 0; k < 100; k++)); do
			sleep 0.05
			[ "$(T capture-pane -p -t "$1")" != "$shot" ] && break
		done
		sleep 0.2
		T pipe-pane -t "$1"
		sleep 0.05
		wc -c <"$2.$i" >>"$2.all"
	done
	per_key "$2.all"
}
mkdir -p "$TMP/noconf"
for size in "160 45" "80 24"; do
	set -- $size
	start "$1" "$2" XDG_CONFIG_HOME="$TMP/noconf" --
	see "tmux $1x$2, auto: the reader is up" "> Sources"
	if [ "$1" -ge 120 ]; then
		check "tmux $1x$2, auto: Sources and Claims side by side on the first line, no Text" \
			bash -c 'l=$(tmux -L "$1" -f "$2" capture-pane -p -t t | head -1); [[ $l == *Sources*Claims* && $l != *Text* ]]' _ "$SOCK" "$TMP/tmux.conf"
	fi
	check "tmux $1x$2, auto: the Text pane's title starts a line (it spans the width)" \
		bash -c 'tmux -L "$1" -f "$2" capture-pane -p -t t | grep -q "^  Text: mt"' _ "$SOCK" "$TMP/tmux.conf"
	keys 2
	see "tmux $1x$2, auto: the Text pane has the focus" "> Text"
	see "tmux $1x$2, position tenths: the Text title tells how far in tenths" "0% of "
	sleep 0.3
	lj=$(per_j t "$TMP/auto-$1")
	T new-session -d -s l -x "$1" -y "$2" "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 less $text; sleep 30"
	for ((i = 0; i < 100; i++)); do
		T capture-pane -p -t l | grep -qF -- "$(head -c 20 "$text")" && break
		sleep 0.05
	done
	sleep 0.3
	pj=$(per_j l "$TMP/less-$1")
	T kill-session -t l
	limit=3; [ "$1" -lt 120 ] && limit=1.5
	if [ "$pj" -gt 0 ] && awk -v a="$lj" -v b="$pj" -v l="$limit" 'BEGIN { exit !(a <= l * b) }'; then
		ok "tmux $1x$2, auto: one line costs $lj B, less $pj B (<= ${limit}x)"
	else
		bad "tmux $1x$2, auto: one line costs at most ${limit}x less's bytes" "lectern $lj B, less $pj B"
	fi
	for ((i = 0; i < ${#many}; i++)); do keys "${many:i:1}"; done
	keys C-d C-u C-e C-y C-y
	settled
	redraw_same "tmux $1x$2, auto: after many scrolls the screen is the full redraw's"
	keys Q
done

finish
