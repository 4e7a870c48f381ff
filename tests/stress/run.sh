#!/usr/bin/env bash
# Terminal stress: the real reader inside tmux (private socket) under 200
# random resizes while searching and scrolling, and a lone Esc at the top
# level and in the search prompt, bad and slow regular expressions, and
# TERMINFO pointing at garbage (tests/ui covers TERM, LANG=C, Ctrl-z,
# SIGTERM/SIGHUP and escapes in the corpus).  Waits poll the screen
# (one fixed 0.3 s pause checks that a lone Esc does not quit).
. "$(dirname "$0")/../lib.sh"
# the known block curses keeps when newterm() fails (see tests/ui/lsan.supp)
export LSAN_OPTIONS="suppressions=$TOP/tests/ui/lsan.supp:${LSAN_OPTIONS:-}"
if ! command -v tmux >/dev/null; then
	bad "tmux is installed" "the terminal tests need tmux (make deps)"
	finish
	exit
fi
CORPUS=$TOP/data

WAIT_TRIES=200 MANUAL_SIZE=1
. "$TOP/tests/tmux.sh"
tmux_socket stress
reader_pid() { cat "$TMP/pid"; }

# ---- 200 random resizes while searching and scrolling ----
start 100 30 -- --corpus "$CORPUS"
see "resize: started" "> Sources"
RANDOM=7
sizes=(1x1 1x2 2x1 3x3 0x0)
for ((i = 0; i < 200; i++)); do
	if [ $i -lt 5 ]; then s=${sizes[$i]}; w=${s%x*} h=${s#*x}
	else w=$((RANDOM % 200 + 1)) h=$((RANDOM % 60 + 1)); fi
	# tmux refuses 0 rows or columns: 1 is its smallest, 0 falls back to it
	[ "$w" -lt 1 ] && w=1
	[ "$h" -lt 1 ] && h=1
	T resize-window -t t -x "$w" -y "$h" 2>/dev/null
	case $((i % 10)) in
	0) keys / t r o ;;
	1) keys Enter ;;
	2) keys n n ;;
	3) keys Tab j j ;;
	4) keys C-d ;;
	5) keys Escape ;;
	6) keys / ~ '[0-9]+' Enter ;;
	7) keys Tab k ;;
	*) keys j ;;
	esac
done
T resize-window -t t -x 100 -y 30
keys Escape Escape 1
see "resize: after 200 resizes (1x1 the smallest) the reader redraws at 100x30" "> Sources"
if screen | grep -q "EXIT="; then bad "resize: still running"; else ok "resize: still running"; fi
keys / z q
see "resize: still responsive (the search prompt echoes keys)" "/zq"
keys Escape
if [ "$(screen | wc -l)" -eq 30 ] && ! screen | grep -qE $'\e'; then ok "resize: the screen is 30 sane lines"; else bad "resize: the screen is 30 sane lines" "$(screen | head -3)"; fi
keys Q
see "resize: quits" "EXIT=0"

# ---- a lone Esc, in the search prompt and at the top level ----
start 100 30 -- --corpus "$CORPUS"
see "esc: started" "> Sources"
keys Escape
sleep 0.3
if screen | grep -q "EXIT="; then bad "esc: a lone Esc at the top level does not quit"; else ok "esc: a lone Esc at the top level does not quit"; fi
keys / t r o o
see "esc: the prompt shows the query" "/troo"
keys Escape
for ((i = 0; i < 100; i++)); do screen | grep -qF "/troo" || break; sleep 0.05; done
if screen | grep -qF "/troo"; then bad "esc: a lone Esc closes the search prompt"; else ok "esc: a lone Esc closes the search prompt"; fi
keys / z q
see "esc: then keys work (the prompt opens again)" "/zq"
keys Escape
keys Q
see "esc: quits" "EXIT=0"

# ---- bad and slow regular expressions in the search prompt ----
mkdir -p "$TMP/aaa/sources"
{ printf 'Start. '; head -c 300000 /dev/zero | tr '\0' a; printf '\n'; } >"$TMP/aaa/sources/a.txt"
sha=$(sha256sum <"$TMP/aaa/sources/a.txt" | cut -d' ' -f1)
cat >"$TMP/aaa/corpus.json" <<JSON
{"schema": "lectern-corpus", "version": 1, "title": "A run of a",
 "sources": [{"id": "a", "title": "Many a", "outlet": "O", "author": null, "published": "2022-01-01",
   "url": null, "language": "en", "file": "sources/a.txt", "sha256": "$sha"}],
 "claims": [], "topics": []}
JSON
start 100 30 -- --corpus "$TMP/aaa"
see "regex: started" "> Sources"
keys Enter / '~a[' Enter
see "regex: an invalid expression is refused with its reason" "bad regular expression:"
keys Escape / '~a++++' Enter
see "regex: a quantifier on a quantifier is refused with PCRE2's reason" "quantifier does not follow a repeatable item"
keys Escape
t0=$SECONDS
keys / '~(a|aa)*b' Enter
see "regex: (a|aa)*b on 300,000 a's is answered: not found" "not found" 30
keys Escape / '~(a|aa)*$' Enter
see "regex: a match past PCRE2's limits says so, not \"not found\"" "search stopped: the expression hit" 30
keys Escape / z q
see "regex: the reader answers after it" "/zq"
echo "     ((a|aa)*b answered in $((SECONDS - t0)) s)"
keys Escape Q
see "regex: quits" "EXIT=0"
# ---- TERMINFO pointing at garbage ----
mkdir -p "$TMP/ti/x" "$TMP/ti/78"
{ printf '\032\001\377\177\001\000'; yes garbage | head -c 3000; } >"$TMP/ti/x/xterm-256color"
cp "$TMP/ti/x/xterm-256color" "$TMP/ti/78/xterm-256color"
printf 'garbage' >"$TMP/tifile"
for ti in "$TMP/ti" "$TMP/tifile"; do
	name=${ti##*/}
	start 80 24 TERMINFO="$ti" -- --corpus "$CORPUS"
	see "TERMINFO=$name (garbage): ncurses falls back to the system entry; usable" "> Sources"
	keys Q
	see "TERMINFO=$name: quits" "EXIT=0"
	start 80 24 TERMINFO="$ti" TERM=no-such-term -- --corpus "$CORPUS"
	see "TERMINFO=$name and an unknown TERM: a clear message" "unknown terminal type"
	see "TERMINFO=$name and an unknown TERM: exit 2" "EXIT=2"
done
finish
