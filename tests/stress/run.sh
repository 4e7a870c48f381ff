#!/usr/bin/env bash
# Terminal stress: the real reader inside tmux (private socket) under 200
# random resizes while searching and scrolling, and a lone Esc at the top
# level and in the search prompt, bad and slow regular expressions, and
# TERMINFO pointing at garbage (tests/ui covers TERM, LANG=C, Ctrl-z,
# SIGTERM/SIGHUP and escapes in the corpus).  Waits poll the screen
# (one fixed 0.3 s pause checks that a lone Esc does not quit).
. "$(dirname "$0")/../lib.sh"
# the known block curses keeps when newterm() fails (see tests/ui/lsan.supp)
CORPUS=$TOP/data

WAIT_TRIES=200 MANUAL_SIZE=1
. "$TOP/tests/tmux.sh"
tmux_required
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

# ---- a 5 KB bracketed paste into the prompts and at the top level ----
# (tmux paste-buffer -p brackets the paste when the reader asked for it;
# the paste holds q, Q, Esc, Enter and LF, none of which may act)
for ((i = 0; i < 400; i++)); do printf 'w%03d q Q \033 x\r\n' $i; done >"$TMP/paste"
start 100 30 -- --corpus "$CORPUS"
see "paste: started" "> Sources"
T load-buffer -b p "$TMP/paste"
keys /
see "paste: the search prompt opens" "/"
T paste-buffer -p -b p -t t
see "paste: a paste over 4096 bytes is cut, and says so" "paste cut at 4096 bytes"
if screen | grep -q "EXIT=" || ! screen | grep -q "> Sources"; then bad "paste: q and Esc in the paste do not quit" "$(screen | tail -2)"; else ok "paste: q and Esc in the paste do not quit"; fi
see "paste: the prompt stays open, showing the end of the paste" "q Q  x  w3"
keys Escape Q
see "paste: the reader answers Q right after" "EXIT=0"
start 100 30 -- --corpus "$CORPUS"
see "paste: started again" "> Sources"
keys :
T paste-buffer -p -b p -t t
see "paste into ':': cut too" "paste cut at 4096 bytes"
keys C-u s o u r c e Space o d r
see "paste into ':': the prompt still edits" ":source odr"
keys Enter 2
see "paste into ':': Enter after the paste runs the command typed" "Text: odr"
T paste-buffer -p -b p -t t
see "paste at the top level: ignored, and said" "paste ignored"
if screen | grep -q "EXIT=" || ! screen | grep -q "> Text"; then bad "paste at the top level: q in it does not quit" "$(screen | tail -2)"; else ok "paste at the top level: q in it does not quit"; fi
keys Q
see "paste at the top level: the reader answers Q" "EXIT=0"
start 100 30 -- --corpus "$CORPUS"
see "paste without its end marker: started" "> Sources"
keys /
keys -l $'\e[200~abc q'
see "paste without its end marker: the text goes in" "/abc q"
sleep 0.7
keys Escape Q
see "paste without its end marker: ends after a pause, then Esc and Q act" "EXIT=0"

# ---- resizing with a 60 MB text open ----
# 1,500,000 lines of 40 bytes, each one display line at these widths, so
# the top line must show the same line after every resize.  20 resizes,
# each answered (a key echoed) before the next, all within one usual wait:
# re-wrapping the whole text at each took about a second
mkdir -p "$TMP/big/sources"
awk 'BEGIN { for (i = 1; i <= 1500000; i++) printf "line %07d of a long text to wrap ok.\n", i }' >"$TMP/big/sources/b.txt"
cat >"$TMP/big/corpus.json" <<JSON
{"schema": "lectern-corpus", "version": 1, "title": "Big",
 "sources": [{"id": "b", "title": "Big", "outlet": "O", "author": null, "published": "2022-01-01",
   "url": null, "language": "en", "file": "sources/b.txt", "sha256": "$(sha256sum <"$TMP/big/sources/b.txt" | cut -d' ' -f1)"}],
 "claims": [], "topics": []}
JSON
start 160 40 -- --corpus "$TMP/big"
see "big text: started" "> Sources" 1200
keys 2
see "big text: wrapped (in slices)" "/1500000]" 1200
keys : 6 2 5 0 0 0 Enter
see "big text: :625000 puts line 625000 on top" "[625000-"
end=$(( ${EPOCHREALTIME/./} + ${WAIT_TRIES:-160} * 50000 ))
for ((i = 10; i < 30; i++)); do
	T resize-window -t t -x $((130 + (i * 37) % 70)) -y $((30 + i % 12))
	keys : $i
	while (( ${EPOCHREALTIME/./} < end )) && ! screen | grep -qF ":$i"; do sleep 0.02; done
	keys Escape
done
if (( ${EPOCHREALTIME/./} < end )); then ok "big text: 20 resizes, each answered, within one usual wait"; else bad "big text: 20 resizes, each answered, within one usual wait" "stopped at resize $((i - 10))"; fi
T resize-window -t t -x 150 -y 40
see "big text: at 150x40" "[wrapping"
if screen | sed -n 2p | grep -qF "line 0625000 of"; then ok "big text: the top line kept its place"; else bad "big text: the top line kept its place" "$(screen | sed -n 1,3p)"; fi
see "big text: the line count is back, top line 625000" "[625000-" 1200
keys G
see "big text: G goes to the last line" "line 1500000 of"
keys Q
see "big text: quits" "EXIT=0"

# ---- 100,000 claims on one source; two claims on one span ----
# sentence i is "S<i> is here. " (17 bytes), four to a line; claim c<i>
# spans "S<i> is here", and d000002 has the same span as c000002
mkdir -p "$TMP/many/sources"
awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "S%06d is here.%s", i, (i % 4 ? " " : "\n") }' >"$TMP/many/sources/m.txt"
{ printf '{"schema": "lectern-corpus", "version": 1, "title": "Many claims",\n "sources": [{"id": "m", "title": "Many", "outlet": "O", "author": null, "published": "2022-01-01", "url": null, "language": "en", "file": "sources/m.txt", "sha256": "%s"}],\n "claims": [\n' "$(sha256sum <"$TMP/many/sources/m.txt" | cut -d' ' -f1)"
  awk 'BEGIN { for (i = 1; i <= 100000; i++) {
	o = (i - 1) * 17
	printf "{\"id\": \"c%06d\", \"source\": \"m\", \"span\": [%d, %d], \"text\": \"S%06d is here\", \"kind\": \"event\", \"origin\": \"curated\"},\n", i, o, o + 15, i
	if (i == 2) printf "{\"id\": \"d000002\", \"source\": \"m\", \"span\": [%d, %d], \"text\": \"S%06d is here\", \"kind\": \"event\", \"origin\": \"curated\"},\n", o, o + 15, i
  } }' | sed '$ s/,$//'
  printf '],\n "topics": []}\n'; } >"$TMP/many/corpus.json"
expect "many claims: the corpus checks" 0 "100001 claims" "$LECTERN" --corpus "$TMP/many" check
start 100 30 -- --corpus "$TMP/many"
see "many claims: started" "> Sources"
keys 2 ']'
see "many claims: ] from the first claim (selected on open) reaches the second" "claim c000002"
keys ']'
see "many claims: ] reaches the claim on the same span" "claim d000002"
keys ']'
see "many claims: then the next one" "claim c000003"
keys '[' '['
see "many claims: [ comes back to the claim on the same span" "claim c000002"
keys '[' '['
see "many claims: [ stops at the first claim" "no claim before this one"
# 10 redraws deep in the text at 250x80 (each ] waits for the one before,
# so they are not taken together), all within one usual wait: a redraw
# that scans every claim for each character took seconds
T resize-window -t t -x 250 -y 80
keys : c l a i m Space c 0 9 0 0 0 0 Enter
see "many claims: :claim goes deep into the text" "S090000 is here."
end=$(( ${EPOCHREALTIME/./} + ${WAIT_TRIES:-160} * 50000 ))
for ((i = 1; i <= 10; i++)); do
	keys ']'
	want=$(printf 'claim c09%04d' $i)
	while (( ${EPOCHREALTIME/./} < end )) && ! screen | grep -qF "$want"; do sleep 0.02; done
done
if (( ${EPOCHREALTIME/./} < end )); then ok "many claims: 10 x ], one redraw each, within one usual wait"; else bad "many claims: 10 x ], one redraw each, within one usual wait" "stopped at ] number $i"; fi
keys /
keys S 0 9 0 0 1 9
see "many claims: and the text follows" "S090019 is here."
keys Escape Q
see "many claims: quits" "EXIT=0"

# ---- the Compare view of 100,000 claims builds while keys are answered ----
# (every claim left to the automatic alignment: the build takes seconds;
# the view shows its progress, a prompt echoes meanwhile, leaving the
# view stops the build, Q quits at once)
sh "$TOP/bench/gen-topic.sh" 100000 "$TMP/topic" auto
"$LECTERN" --corpus "$TMP/topic" stats >/dev/null   # the cache, so the open is quick
start 120 30 -- --corpus "$TMP/topic"
see "compare build: started" "> Sources" 1200
keys 4
see "compare build: the view shows its progress" "comparing 100000 claims"
see "compare build: the progress moves on while the claims are aligned" "step 2 of 4, aligning the claims"
keys : x y z
see "compare build: a prompt echoes while it builds" ":xyz"
if screen | grep -qF "comparing 100000 claims"; then ok "compare build: still building when the key was answered"; else bad "compare build: still building when the key was answered" "$(screen | tail -3)"; fi
keys Escape 1
see "compare build: leaving the view stops the build, and says so" "comparison stopped"
keys 4
see "compare build: the view starts it again" "comparing 100000 claims"
keys Q
see "compare build: Q quits at once, mid-build" "EXIT=0"

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
# ---- an absurd LINES or COLUMNS: curses cannot start; say why ----
start 80 24 LINES=99999999 -- --corpus "$CORPUS"
see "LINES=99999999: the message names it, not the terminal type" 'LINES="99999999" is not a'
see "LINES=99999999: exit 2" "EXIT=2"
start 80 24 COLUMNS=40000 -- --corpus "$CORPUS"
see "COLUMNS=40000: the message names it" 'COLUMNS="40000" is not a'
finish
