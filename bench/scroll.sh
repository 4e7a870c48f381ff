# scroll: bytes written to the terminal (tmux pipe-pane, 80x24,
# TERM=xterm-256color) to scroll the text one line (j) and one page
# (Space), averaged over 10 lines and 3 pages: lectern's Text pane (default layout, the first source) against
# less on the same text file; medians of RUNS runs of each, in turn.
# Then one line at 160x45: in tmux, which has no left and right margins,
# where the layout option's auto puts the lists in a band over a Text pane
# across the width, and with `set layout = wide` (the Text pane between
# the lists, redrawn whole); and on libvterm (tests/margins/vt.c), which
# has margins and says so, where auto is the wide layout.  The reader runs
# with a configuration of its own (only layout, when set), as less runs
# with none.
sock=lectern-bench-$$
printf 'set -g status off\nset -g escape-time 0\nset -g exit-empty off\n' >"$WORK/tmux.conf"
TM() { tmux -L "$sock" -f "$WORK/tmux.conf" "$@"; }
text=data/$(sed -n 's/.*"file": "\([^"]*\)".*/\1/p' data/corpus.json | head -1)
# waitfor STRING: polls the screen for STRING (up to about 5 s)
waitfor() {
	local i
	for ((i = 0; i < 100; i++)); do
		TM capture-pane -p -t b | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}
# settle SHOT OUT: polls until the screen differs from SHOT and OUT has
# stopped growing
settle() {
	local i last=-1 size
	for ((i = 0; i < 100; i++)); do
		sleep 0.05
		size=$(wc -c <"$2")
		[ "$(TM capture-pane -p -t b)" != "$1" ] && [ "$size" = "$last" ] && return 0
		last=$size
	done
	return 1
}
# one_scroll CMD READY PREKEY READY2 KEY N: starts CMD, waits for READY,
# sends PREKEY (unless -) and waits for READY2, then sends KEY N times
# (waiting for each screen) and gives the bytes CMD wrote per KEY
one_scroll() {
	local out=$WORK/scroll.out shot
	TM kill-session -t b 2>/dev/null
	TM new-session -d -s b -x "${SW:-80}" -y "${SH:-24}" "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $1; sleep 30"
	waitfor "$2" || echo "bench: scroll: no '$2'" >&2
	if [ "$3" != - ]; then TM send-keys -t b "$3"; waitfor "$4"; fi
	sleep 0.3
	shot=$(TM capture-pane -p -t b)
	: >"$out"
	TM pipe-pane -t b -o "cat >>'$out'"
	for ((j = 0; j < $6; j++)); do
		TM send-keys -t b "$5"
		settle "$shot" "$out" || echo "bench: scroll: no change for $5" >&2
		shot=$(TM capture-pane -p -t b)
	done
	TM pipe-pane -t b
	echo $(( $(wc -c <"$out") / $6 ))
	TM kill-session -t b 2>/dev/null
}
mkdir -p "$WORK/scroll-none"
cmdlog "tmux 80x24: env XDG_CONFIG_HOME=(empty) $LECTERN --no-state --corpus data/corpus.json, key 2 (Text pane), then j or Space: bytes by pipe-pane"
cmdlog "tmux 80x24: less $text, then j or Space: bytes by pipe-pane"
for k in j Space; do
	nk=10; [ $k = Space ] && nk=3
	lb=$(for ((r = 0; r < RUNS; r++)); do
		one_scroll "env XDG_CONFIG_HOME=$WORK/scroll-none $LECTERN --no-state --corpus data/corpus.json" "> Sources" 2 "> Text" "$k" $nk
	done | median)
	pb=$(for ((r = 0; r < RUNS; r++)); do
		one_scroll "less $text" "$(head -c 20 "$text")" - - "$k" $nk
	done | median)
	what="one line (j)" limit=1.2
	[ "$k" = Space ] && what="one page (Space)" limit=1.5
	row scroll 5 "$what, bytes at 80x24" "$lb B" "less" "$pb B" "$(ratio "$lb" "$pb")" \
		"<= ${limit}x" "$(met "$lb" "$pb" "$limit")"
done
mkdir -p "$WORK/scroll-wide/lectern"
echo 'set layout = wide' >"$WORK/scroll-wide/lectern/config"
cmdlog "tmux 160x45: the same, one line (j); then with XDG_CONFIG_HOME holding 'set layout = wide'"
pb=$(for ((r = 0; r < RUNS; r++)); do
	SW=160 SH=45 one_scroll "less $text" "$(head -c 20 "$text")" - - j 10
done | median)
for cfg in scroll-none scroll-wide; do
	lb=$(for ((r = 0; r < RUNS; r++)); do
		SW=160 SH=45 one_scroll "env XDG_CONFIG_HOME=$WORK/$cfg $LECTERN --no-state --corpus data/corpus.json" \
			"> Sources" 2 "> Text" j 10
	done | median)
	what="one line (j), bytes at 160x45, tmux (no margins: auto, the lists in a band)"
	[ $cfg = scroll-wide ] && what="one line (j), bytes at 160x45, tmux, layout = wide (the pane redrawn)"
	row scroll 5 "$what" "$lb B" "less" "$pb B" \
		"$(ratio "$lb" "$pb")" "<= 3.0x" "$(met "$lb" "$pb" 3.0)"
done
TM kill-server 2>/dev/null

# on libvterm: the median of 10 single scrolls, lectern and less in turn
vt=$WORK/vt
if cc -std=c11 -D_GNU_SOURCE -O1 -o "$vt" tests/margins/vt.c \
	$(pkg-config --cflags --libs vterm 2>/dev/null) -lutil 2>/dev/null; then
	cmdlog "tests/margins/vt.c 45 160: $LECTERN --corpus data/corpus.json, key 2, then 10 x j (bytes of each); less $text, 10 x j"
	steps=()
	for ((j = 0; j < 10; j++)); do steps+=(m k:j q b); done
	for ((r = 0; r < RUNS; r++)); do
		XDG_STATE_HOME=$WORK/vt-state XDG_CONFIG_HOME=$WORK/scroll-none "$vt" 45 160 "w:> Sources" k:2 "w:> Text" q "${steps[@]}" \
			-- "$LECTERN" --no-state --corpus data/corpus.json | median >>"$WORK/vt-lectern"
		"$vt" 45 160 q "${steps[@]}" -- less "$text" | median >>"$WORK/vt-less"
	done
	lb=$(median <"$WORK/vt-lectern") pb=$(median <"$WORK/vt-less")
	rm -f "$WORK/vt-lectern" "$WORK/vt-less"
	row scroll 5 "one line (j), bytes at 160x45, libvterm (margins)" "$lb B" "less" "$pb B" \
		"$(ratio "$lb" "$pb")" "<= 3.0x" "$(met "$lb" "$pb" 3.0)"
else
	echo "bench: scroll: libvterm (libvterm-dev) is missing: no margins figure" >&2
fi
