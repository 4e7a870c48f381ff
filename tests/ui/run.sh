#!/usr/bin/env bash
# Terminal tests: the real reader inside tmux (fixed sizes, TERM and LANG),
# driven with send-keys and checked with capture-pane (what a user sees) and
# pipe-pane (the raw bytes the program wrote).
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 2
. "$TOP/tests/tmux.sh"
tmux_required
tmux_socket test
line() { screen | sed -n "$1p"; }

# ---- start-up refusals ----
expect "not a terminal: exit 2 with a pointer to the commands" 2 "lectern list" "$LECTERN" </dev/null
T kill-server 2>/dev/null
T new-session -d -s t -x 80 -y 24 "env -u TERM LANG=C.UTF-8 $(printf %q "$LECTERN"); echo EXIT=\$?; sleep 60"
see "TERM unset: a clear message" "TERM is not set"
see "TERM unset: exit 2" "EXIT=2"
T kill-session -t t 2>/dev/null
T new-session -d -s t -x 80 -y 24 "sleep 0.5; env TERM=no-such-terminal LANG=C.UTF-8 $(printf %q "$LECTERN"); echo EXIT=\$?; sleep 60"
pipe_on "$TMP/noterm.out"
see "unknown TERM: a clear message" "unknown terminal type"
see "unknown TERM: exit 2" "EXIT=2"
pipe_off
if ! LC_ALL=C grep -qa "unknown terminal type" "$TMP/noterm.out"; then
	bad "unknown TERM: output captured"
elif LC_ALL=C grep -qaF $'\e' "$TMP/noterm.out"; then
	bad "unknown TERM: the terminal is left alone (no escape written)"
else
	ok "unknown TERM: the terminal is left alone (no escape written)"
fi

# ---- the wide layout, movement, panes ----
start 160 45 --
see "160x45: Sources pane, focused" "> Sources (5/5, by date)"
see "160x45: Text pane beside it" "Text: mt - The Moscow Times"
see "160x45: Claims pane" "Claims 1/17 (this source)"
see "status line: pane, source, position" "[Sources] mt line 1/"
check "160x45: three panes side by side on one row" bash -c "tmux -L $SOCK -f $TMP/tmux.conf capture-pane -p -t t | head -1 | grep -q 'Sources.*Text.*Claims'"
keys j Enter
see "Sources: j and Enter open the next source" "> Text: odr - openDemocracy"
keys 1 s
see "Sources: s sorts by outlet" "by outlet"
keys f c o n v Enter
see "Sources: the filter narrows the list" "(1/5, by outlet)"
keys f C-u Escape
see "Sources: Esc clears the filter" "(5/5, by outlet)"
keys s s 2
see "2 focuses the Text pane" "> Text: odr"
keys j
see "Text: j scrolls one line" "[2-44/"
keys k
see "Text: k scrolls back" "[1-43/"
keys C-d
see "Text: Ctrl-d half a page" "[22-64/"
keys C-u
see "Text: Ctrl-u half a page back" "[1-43/"
keys Space
see "Text: Space pages down" "[43-85/"
keys b
see "Text: b pages up" "[1-43/"
keys NPage
see "Text: PgDn" "[43-85/"
keys PPage
see "Text: PgUp" "[1-43/"
keys G
see "Text: G goes to the end" "-277/277]"
keys g
see "Text: g goes to the top" "[1-43/"
keys End
see "Text: End" "-277/277]"
keys Home
see "Text: Home" "[1-43/"
keys Down Down Up
see "Text: arrows" "[2-44/"
keys Tab
see "Tab focuses the next pane" "> Claims 1/26"
keys BTab
see "Shift-Tab focuses the previous pane" "> Text: odr"
keys 3 j j
see "Claims: j moves the cursor" "> Claims 3/26"
see "Claims: a row shows the claim's text" "Lukashenka announced his intention"
keys Enter
see "Claims: Enter shows the claim's whole record" "> Claims: odr-03 (i: back to the list)"
see "Claims: the record gives the values as written and normalised" "values as written: "
keys i
see "Claims: i returns to the list" "> Claims 3/26"
keys f L u k a Enter
see "Claims: f narrows the Claims list, not Sources" "filter: Luka"
check "Claims: the Sources list keeps every source" bash -c "tmux -L $SOCK -f $TMP/tmux.conf capture-pane -p -t t | grep -q 'Sources (5/5'"
keys f C-u Enter g j j
keys i Enter
see "Claims: Enter in the record focuses the text at the claim" "> Text: odr"
keys ]
see "] selects the next claim" "claim odr-04"
keys [
see "[ selects the previous claim" "claim odr-03"
keys a
see "a shows the claims of all sources" "(all sources)"
keys 3 g
see "all claims: g selects the first claim of the first source" "Text: mt - The Moscow Times"
keys j j j j j j j j j j j j j j j j j
see "all claims: moving on opens the next claim's source" "Text: blog"
see "all claims: the cursor follows" "> Claims 18/126 (all sources)"
keys a

# ---- compare ----
keys : s o u r c e Space o d r Enter
see "back to odr" "Text: odr"
keys 3 g j j j c
see "c opens the comparison for the selected claim" "(29 curated, "
see "Compare: status in words" "STATUS   TOPIC"
keys q
see "q closes the Compare view" "> Claims"
keys 4
see "4 shows the Compare view" "> Compare"
see "Compare: topic statuses as words" "CONFLICT"
keys v
see "Compare: v opens the topic's claims side by side" "Enter: jump to the claim"
see "Compare: the drill-down gives the status in words" "status: "
keys Enter
see "Compare: Enter jumps to the claim in its source" "> Text: "

# ---- search in the text ----
keys : s o u r c e Space m t Enter
see ":source opens a source" "> Text: mt - The Moscow Times"
keys / l u k a s h
see "/ searches incrementally" "/lukash"
keys Enter
see "search: smart case finds Lukashenko" "hit 1 of "
keys n
see "n: next hit" "hit 2 of "
keys N
see "N: previous hit" "hit 1 of "
keys / Enter
see "empty query says why" "empty query"
keys / '~' '(' Enter
see "bad regular expression says why" "bad regular expression"
keys / '~' 'Lukash[a-z]+' Enter
see "regex search" "/~Lukash[a-z]+ 1/"
keys / L U K A S H Enter
see "smart case: a capital makes it case-sensitive" "not found"
keys Escape

# ---- corpus-wide search ----
keys F S t o l t e n b e r g Enter
see "F searches the whole corpus" "Search results:"
see "results: source and snippet" "Stoltenberg"
keys j Enter
see "results: Enter opens the hit in the Text pane" "> Text:"
see "results: the hit is the text search" "/Stoltenberg"
keys 5
see "5 shows the results again" "> Search results"
keys q

# ---- marks and jump history ----
keys 2 g m a G
see "m sets a mark (then G)" "-277/277]"
keys "'" a
see "' returns to the mark" "mark a"
see "' returns to the place" "[1-43/"
keys G C-o
see "Ctrl-o goes back in the jump history" "jump "
keys C-n
see "Ctrl-n goes forward" "jump "
keys "'" z
see "an unset mark says so" "mark z is not set"

# ---- help, command line, redraw ----
keys h
see "h opens the help overlay" "Help: keys"
see "help: grouped" "Panes and views"
see "help: grouped (a second heading)" "Searching"
keys q
keys '?' m i n s k Enter
see "? searches backward" "hit "
keys h
see "h opens the help again" "Help: keys"
keys Escape
keys F1
see "F1 opens the help too" "Help: keys"
keys j
see "help: j scrolls it" "2-"
keys q
keys : s e t Space r e g e x Enter
see ":set regex makes searches regular expressions" "searches are regular expressions"
keys / "Lukash[a-z]+" Enter
see ":set regex: a regex search" "/Lukash[a-z]+ "
keys : s e t Space n o r e g e x Enter
see ":set noregex" "fixed strings"
keys : s e t Enter
see ":set shows the settings" "theme=default mouse=off cite-format=plain wrap=on date-format=%Y-%m-%d layout=wide position=lines noregex"
keys g C-f
see "Ctrl-f pages down" "[43-"
keys C-b C-e
see "Ctrl-b pages up, Ctrl-e scrolls one line" "[2-"
keys C-y F
see "F asks for a corpus search" "find in corpus:"
keys Escape
keys : n o n s e n s e Enter
see ": unknown command says so" "unknown command"
keys : t o p i c Space a l l i e d - r e s o l v e - a n n o u n c e m e n t Enter
see ":topic opens the topic in Compare" "auto), allied-resolve-announcement"
keys q
keys : 5 0 Enter
see ":N goes to line N" "[50-"
keys C-l
see "Ctrl-l redraws" "> Text"
keys : t h e m e Space l i g h t Enter
see ":theme switches the theme" "theme light"
# the : line: history (Up/Down) and Tab completion
keys :
keys Up
see ": Up recalls the last command" ":theme light"
keys Up
see ": Up again, the one before" ":50"
keys Down Down
if wait_for ":50" 20 || wait_for ":theme light" 20; then
	bad ": Down past the newest gives an empty line" "$(screen | tail -1)"
else
	ok ": Down past the newest gives an empty line"
fi
keys Escape
keys : m e s Tab
see ": Tab completes a command name" ":messages"
keys C-u s o u Tab
see ": Tab with several candidates lists them" "2 candidates: source sources"
see ": Tab with several candidates completes their common prefix" ":source "
keys s Tab
see ": Tab completes a unique command" ":sources"
keys C-u t o p i c Space a l l i e d - r e s o l v e - a Tab
see ": Tab completes a topic id" ":topic allied-resolve-announcement"
keys C-u c l a i m Space m t - 0 Tab
see ": Tab on a claim id lists the candidates" "9 candidates: mt-01 mt-02"
keys C-u s o u r c e Space o Tab
see ": Tab completes a source id" ":source odr"
keys C-u x y z Tab
see ": Tab with no candidate says so" 'no command starts with "xyz"'
keys Escape
keys Q
see "Q quits with status 0" "EXIT=0"

# ---- q from the main view quits ----
start 100 30 --
see "q: started" "> Sources"
keys q
see "q quits from the main view" "EXIT=0"

# ---- layouts and resize ----
start 80 24 --
see "80x24: Sources on top" "> Sources"
check "80x24: Text pane under Sources" bash -c "tmux -L $SOCK -f $TMP/tmux.conf capture-pane -p -t t | sed -n '6,8p' | grep -q '  Text: mt'"
see "80x24: Claims under the text" "Claims 1/17"
keys j Enter
see "80x24: open odr" "> Text: odr"
keys / m i n s k Enter
see "resize: a search first" "/minsk"
T resize-window -t t -x 1 -y 1
sleep 0.3
T resize-window -t t -x 30 -y 5
sleep 0.2
T resize-window -t t -x 80 -y 24
see "resize to 1x1 and back: layout restored, same source" "> Text: odr"
see "resize: still running" "[Text] odr"
see "resize: the search is kept" "/minsk "
start 50 20 --
see "50x20: a tab bar" "[1 Sources]"
keys 2
see "50x20: one pane at a time" "[2 Text]"
keys Tab Tab
see "50x20: Compare as a tab" "[4 Compare]"
T resize-window -t t -x 160 -y 45
see "50x20 -> 160x45: Compare as a full view" "(29 curated, "
keys q
see "50x20 -> 160x45: q back to the wide layout" "Claims 1/17"
keys Q

# ---- themes, config, NO_COLOR, terminals, locale ----
for th in default light high-contrast mono; do
	start 100 30 -- --theme "$th"
	see "theme $th loads" "> Sources"
	if screen | grep -qE 'cannot read|unknown|bad colour'; then bad "theme $th: no errors" "$(screen | tail -1)"; else ok "theme $th: no errors"; fi
	keys Q
done
printf 'color normal default default\ncolor nosuch red blue\ncolor claim 300 blue\n' >"$TMP/bad.theme"
start 100 30 -- --theme "$TMP/bad.theme"
see "a bad theme line: file:line message, not fatal" "bad.theme:2: unknown element \"nosuch\""
keys Q
mkdir -p "$TMP/cfg/lectern"
printf '# comment\nset theme = light\nfrobnicate\nset colour = 3\n' >"$TMP/cfg/lectern/config"
start 160 30 XDG_CONFIG_HOME="$TMP/cfg" --
see "config: errors as file:line, the reader still starts" "config:3: expected: set NAME = VALUE"
keys Q
start 100 30 NO_COLOR=1 --
see "NO_COLOR: starts" "> Sources"
pipe_on "$TMP/nocolor.out"
keys 2 Space 3 j
see "NO_COLOR: draws" "> Claims 2/17"
pipe_off
if LC_ALL=C grep -qaE $'\e\\[(3|4)[0-7]m|38;5;' "$TMP/nocolor.out"; then
	bad "NO_COLOR: no colour sequences written"
else
	ok "NO_COLOR: no colour sequences written"
fi
keys Q
for term in vt100 xterm xterm-256color; do
	start 80 24 TERM=$term --
	see "TERM=$term: usable" "> Sources"
	keys 2 j
	see "TERM=$term: scrolls" "[2-"
	keys Q
	see "TERM=$term: quits" "EXIT=0"
done
start 80 24 LANG=C LC_ALL=C --
see "LANG=C: starts" "> Sources"
see "LANG=C: ASCII fallback for non-ASCII text" "Belarus has ? by virtue"
keys Q

# ---- wide characters: the CJK header of the fifth article ----
start 160 45 --
see "CJK: started" "> Sources"
keys : s o u r c e Space c s m Enter
see "CJK: wide characters drawn" "海角大神"
check "CJK: columns stay right (the border after a wide line is in place)" \
	bash -c "tmux -L $SOCK -f $TMP/tmux.conf capture-pane -p -t t | grep -q '│海角大神  *│'"
keys Q

# ---- mouse: off by default; set mouse = on: click focuses and selects, the wheel scrolls ----
start 100 30 --
see "mouse off: started" "> Sources"
pipe_on "$TMP/nomouse.out"
keys j
see "mouse off: drawn" "Sources (5/5"
pipe_off
if LC_ALL=C grep -qaF $'\e[?1000h' "$TMP/nomouse.out" || LC_ALL=C grep -qaF $'\e[?1006h' "$TMP/nomouse.out"; then
	bad "mouse off by default: no mouse reporting asked of the terminal"
else
	ok "mouse off by default: no mouse reporting asked of the terminal"
fi
keys -l $'\e[<0;10;26M'
keys -l $'\e[<0;10;26m'
sleep 0.3
if screen | grep -q "> Claims"; then bad "mouse off: a click does nothing"; else ok "mouse off: a click does nothing"; fi
keys Q
mkdir -p "$TMP/mcfg/lectern"
printf 'set mouse = on\nset position = lines\n' >"$TMP/mcfg/lectern/config"
start 100 30 XDG_CONFIG_HOME="$TMP/mcfg" --
see "mouse on: started" "> Sources"
keys -l $'\e[<0;10;26M'
keys -l $'\e[<0;10;26m'
see "mouse: a click focuses the Claims pane and selects a row" "> Claims 2/17"
keys -l $'\e[<65;30;12M'
see "mouse: the wheel scrolls the Text pane" "[4-"

# ---- Ctrl-z and fg ----
T kill-session -t t 2>/dev/null
T new-session -d -s t -x 80 -y 24 "env PS1='shell\$ ' bash --norc --noprofile -i"
see "suspend: a shell" "shell\$"
keys "TERM=xterm-256color LANG=C.UTF-8 $(printf %q "$LECTERN")" Enter
see "suspend: the reader runs" "> Sources"
pipe_on "$TMP/tstp.raw"
keys C-z
see "suspend: Ctrl-z returns to the shell" "Stopped"
pipe_off
if sed 's/Stopped.*//' "$TMP/tstp.raw" | grep -qF $'\e[?2004l'; then ok "suspend: bracketed paste is off in the shell"; else bad "suspend: bracketed paste is off in the shell" "$(od -c "$TMP/tstp.raw" | tail -3)"; fi
if screen | grep -q "> Sources"; then bad "suspend: the screen is restored"; else ok "suspend: the screen is restored"; fi
pipe_on "$TMP/cont.raw"
keys "fg" Enter
see "suspend: fg brings the reader back" "> Sources"
pipe_off
if grep -qF $'\e[?2004h' "$TMP/cont.raw"; then ok "suspend: bracketed paste is on again after fg"; else bad "suspend: bracketed paste is on again after fg"; fi
keys Q
see "suspend: then quits" "shell\$ "

# ---- signals restore the terminal ----
for sig in TERM HUP; do
	start 80 24 --
	see "SIG$sig: started" "> Sources"
	kill -$sig "$(cat "$TMP/pid")"
	see "SIG$sig: ends the reader" "EXIT="
	if screen | grep -q "Sources"; then bad "SIG$sig: the screen is restored"; else ok "SIG$sig: the screen is restored"; fi
done

# ---- claims that touch stand apart in the Text pane, in colour and in mono ----
mkdir -p "$TMP/touch/sources"
printf 'One claim.Two claim.Three claim.Four claim. Tail.\n' >"$TMP/touch/sources/t.txt"
ts=$(sha256sum "$TMP/touch/sources/t.txt" | cut -d' ' -f1)
cat >"$TMP/touch/corpus.json" <<JSON
{"schema": "lectern-corpus", "version": 1, "title": "touch",
 "sources": [{"id": "t", "title": "Touching", "outlet": "Touch Times", "author": null, "published": "2020-01-01",
   "url": null, "language": "en", "file": "sources/t.txt", "sha256": "$ts"}],
 "claims": [{"id": "c1", "source": "t", "span": [0, 10], "text": "One claim.", "kind": "event", "origin": "curated"},
  {"id": "c2", "source": "t", "span": [10, 20], "text": "Two claim.", "kind": "event", "origin": "curated"},
  {"id": "c3", "source": "t", "span": [20, 32], "text": "Three claim.", "kind": "event", "origin": "curated"},
  {"id": "c4", "source": "t", "span": [32, 43], "text": "Four claim.", "kind": "event", "origin": "curated"}],
 "topics": []}
JSON
# capture-pane -e writes an SGR sequence where the attributes change: two
# claims drawn alike run together ("claim.Three"), apart they have one between
for mode in colour mono; do
	if [ $mode = mono ]; then start 120 30 NO_COLOR=1 -- --corpus "$TMP/touch"; else start 120 30 -- --corpus "$TMP/touch"; fi
	wait_for "> Sources" >/dev/null
	keys Enter
	wait_for "One claim.Two claim." >/dev/null
	row=$(T capture-pane -e -p -t t | grep -a "Three claim" | head -1)
	if printf '%s' "$row" | grep -qaE $'Two claim\.(\e\[[0-9;]*m)+Three claim\.(\e\[[0-9;]*m)+Four'; then
		ok "$mode: claims that touch are drawn in alternating styles"
	else
		bad "$mode: claims that touch are drawn in alternating styles" "$(printf '%s' "$row" | cat -v | cut -c1-300)"
	fi
	keys Q
done

# ---- hostile text: nothing from the corpus reaches the terminal raw ----
mkdir -p "$TMP/evil/sources"
printf 'A calm first text.\n' >"$TMP/evil/sources/calm.txt"
printf 'Evil text: \033]52;c;SGVsbG8=\007 osc and \033[2J clear and \033[31mred.\nBidi \342\200\256reversed\342\200\254 and \342\201\246isolate\342\201\251 zero\342\200\213width.\nBad bytes \377\376 here, CR\r and BS\b.\nThe claim is here.\n' >"$TMP/evil/sources/evil.txt"
cs=$(sha256sum "$TMP/evil/sources/calm.txt" | cut -d' ' -f1)
es=$(sha256sum "$TMP/evil/sources/evil.txt" | cut -d' ' -f1)
cst=$(LC_ALL=C grep -abo 'The claim is here' "$TMP/evil/sources/evil.txt" | cut -d: -f1)
cat >"$TMP/evil/corpus.json" <<JSON
{"schema": "lectern-corpus", "version": 1, "title": "evil \u001b]52;c;eA==\u0007 corpus",
 "sources": [
  {"id": "calm", "title": "Calm", "outlet": "Calm Times", "author": null, "published": "2020-01-01",
   "url": null, "language": "en", "file": "sources/calm.txt", "sha256": "$cs"},
  {"id": "evil", "title": "Evil \u001b[2J title \u202e", "outlet": "Bad \u001b]52;c;eA==\u0007 Outlet", "author": null,
   "published": "2021-01-01", "url": null, "language": "en", "file": "sources/evil.txt", "sha256": "$es"}],
 "claims": [{"id": "e1", "source": "evil", "span": [$cst, $((cst + 17))], "text": "The claim is here",
   "kind": "event", "speaker": "Mr \u001b[2J \u202e", "origin": "curated", "topics": ["t1"]}],
 "topics": [{"id": "t1", "label": "Evil \u001b]52;c;eA==\u0007 topic", "status": "agree", "claims": ["e1"]}]}
JSON
expect "hostile corpus: check reports the invalid UTF-8" 1 "invalid UTF-8" "$LECTERN" --corpus "$TMP/evil" check
start 160 30 -- --corpus "$TMP/evil"
see "hostile: starts" "> Sources"
pipe_on "$TMP/evil.out"
keys j Enter
see "hostile: ESC shown as a placeholder" "Evil text: ^[]52;c;SGVsbG8=^G osc and ^[[2J clear"
see "hostile: bidi controls shown as placeholders" "Bidi <U+202E>reversed<U+202C> and <U+2066>isolate<U+2069>"
see "hostile: CR and BS shown" "CR^M and BS^H"
keys 3 j 4 Enter 2 / c l a i m Enter F h e r e Enter
see "hostile: search results drawn" "Search results"
keys q 4
see "hostile: compare drawn" "Compare"
keys L
see "hostile: the matrix footer names the evil claim" "e1, Mr "
keys v
see "hostile: the drill-down drawn" "status: "
keys v
keys q
pipe_off
if LC_ALL=C grep -qaF $'\e]52' "$TMP/evil.out"; then bad "hostile: no OSC 52 reached the terminal"; else ok "hostile: no OSC 52 reached the terminal"; fi
if LC_ALL=C grep -qaF $'\e[2J' "$TMP/evil.out"; then bad "hostile: no ESC [2J reached the terminal"; else ok "hostile: no ESC [2J reached the terminal"; fi
if LC_ALL=C grep -qaF $'\e[31mred' "$TMP/evil.out"; then bad "hostile: no SGR from the text"; else ok "hostile: no SGR from the text"; fi
if LC_ALL=C grep -qaE $'\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xff|\r and' "$TMP/evil.out"; then
	bad "hostile: no bidi control, invalid byte or CR written"
else
	ok "hostile: no bidi control, invalid byte or CR written"
fi
keys Q
start 160 30 LANG=C LC_ALL=C -- --corpus "$TMP/evil"
see "hostile, LANG=C: starts" "> Sources"
pipe_on "$TMP/evil-c.out"
keys j Enter
see "hostile, LANG=C: placeholders" "Bidi <U+202E>reversed<U+202C>"
keys 4 Enter q F h e r e Enter
see "hostile, LANG=C: results" "Search results"
pipe_off
if LC_ALL=C grep -qa $'[\x80-\xff]' "$TMP/evil-c.out"; then
	bad "hostile, LANG=C: only ASCII written"
else
	ok "hostile, LANG=C: only ASCII written"
fi
if LC_ALL=C grep -qaF -e $'\e]52' -e $'\e[2J' "$TMP/evil-c.out"; then
	bad "hostile, LANG=C: no escape from the content"
else
	ok "hostile, LANG=C: no escape from the content"
fi
keys Q

# ---- the sizes people use: 80x24, 120x35, 200x50 ----
for size in 80x24 120x35 200x50; do
	start "${size%x*}" "${size#*x}" --
	see "$size: started" "> Sources"
	see "$size: a claim's text in the Claims pane" "Since the middle of January, Russia"
	if [ "$size" != 80x24 ]; then
		see "$size: a source title in the Sources pane" "Why is Belarus"
	fi
	keys F 9 , 0 0 0 Enter
	see "$size: F 9,000 says how many hits" "2 hits for \"9,000\""
	see "$size: F 9,000 finds \"9000\"" "around 9000 Russian"
	keys q F z z q x Enter
	see "$size: a search without a hit says 0 hits" "0 hits"
	keys 5
	see "$size: 5 then says the last search found 0 hits" "0 hits for \"zzqx\""
	keys 4 j j L
	see "$size: the matrix cell" "odr (openDemocracy, 2022-02-09): odr-04, Alexander Lukashenka: 2022-01-17"
	keys Enter
	see "$size: Enter jumps to the claim" "> Text: odr"
	keys C-o
	see "$size: Ctrl-o back to the exact matrix cell" "odr (openDemocracy, 2022-02-09): odr-04, Alexander Lukashenka: 2022-01-17"
	keys v
	see "$size: the drill-down" "status: CONFLICT"
	keys q
	see "$size: q from the drill-down returns to the matrix" "* curated  A auto"
	keys / C O N F L Enter
	see "$size: / in Compare narrows the topics" "filter: CONFL"
	if screen | grep -qE '^[*A] (agree|differ|measure|timeline|related) '; then
		bad "$size: / in Compare: only the topics that match"
	else
		ok "$size: / in Compare: only the topics that match"
	fi
	keys Q
done

# ---- drawing cost over a slow link ----
start 80 24 --
see "bytes: started" "> Sources"
keys 2
see "bytes: Text focused" "> Text"
pipe_on "$TMP/line.out"
keys j
see "bytes: scrolled" "[2-"
pipe_off
pipe_on "$TMP/page.out"
keys Space
see "bytes: paged" "[13-"
pipe_off
lb=$(wc -c <"$TMP/line.out"); pb=$(wc -c <"$TMP/page.out")
echo "     bytes written at 80x24: one-line scroll $lb, one page $pb"
if [ "$lb" -gt 0 ] && [ "$lb" -lt 400 ]; then ok "one-line scroll costs $lb bytes (< 400)"; else bad "one-line scroll costs $lb bytes (< 400)"; fi
keys Q

# ---- help overlay, --help and man page list the same bindings ----
# --help prints "    KEYS (20 columns) HELP"; the overlay draws the same two
# columns; the man page has ".TP / .B "KEYS" / HELP" under KEYS.
"$LECTERN" --help | sed -n '/^keys (in the reader):/,/^$/p' | grep '^    ' |
	sed 's/^    //' >"$TMP/keys.lines"
cut -c1-20 "$TMP/keys.lines" | sed 's/ *$//' | paste -d'|' - <(cut -c22- "$TMP/keys.lines") |
	sort >"$TMP/keys.help"
ngroups=$("$LECTERN" --help | sed -n '/^keys (in the reader):/,/^$/p' | grep -c '^  [A-Z]')
sed -n '/^\.SH KEYS/,/^\.SH FILES/p' man/lectern.1 |
	awk '/^\.TP/ { getline k; getline h; print k "|" h }' |
	sed 's/^\.B "\(.*\)"|/\1|/; s/\\(aq/'"'"'/g; s/\\-/-/g' | sort >"$TMP/keys.man"
if [ -s "$TMP/keys.help" ] && cmp -s "$TMP/keys.help" "$TMP/keys.man"; then
	ok "--help and man/lectern.1 list the same keys ($(wc -l <"$TMP/keys.help") bindings)"
else
	bad "--help and man/lectern.1 list the same keys" "$(diff "$TMP/keys.help" "$TMP/keys.man" | head -10)"
fi
start 160 70 --
see "help overlay: started" "> Sources"
keys h
see "help overlay: shown whole" "1-$(( $(wc -l <"$TMP/keys.lines") + ngroups )) of $(( $(wc -l <"$TMP/keys.lines") + ngroups ))"
screen >"$TMP/overlay"
missing=0
while IFS= read -r l; do
	grep -qF -- "$l" "$TMP/overlay" || { missing=$((missing + 1)); echo "     not in the overlay: $l"; }
done <"$TMP/keys.lines"
if [ "$missing" = 0 ]; then
	ok "the help overlay lists every binding of --help, and no more"
else
	bad "the help overlay lists every binding of --help" "$missing missing"
fi
keys Q

T kill-server 2>/dev/null
finish
