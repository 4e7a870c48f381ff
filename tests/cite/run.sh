#!/usr/bin/env bash
# Citations: `lectern cite CLAIM --format F` in every format (BibTeX read
# back by tests/cite/bibcheck.py, CSL-JSON by Python's json), a corpus whose
# claims and metadata hold escape sequences (tests/cite/mkfixture.py), and
# in the reader `y` (OSC 52, captured raw with pipe-pane and decoded) and
# `:cite FILE`.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 2

cite() { "$LECTERN" cite "$@"; }
FX=$TMP/fx
python3 tests/cite/mkfixture.py "$FX"
expect "the hostile fixture is a valid corpus" 0 "3 claims" "$LECTERN" check --corpus "$FX"

# ---- lectern cite: each format ---------------------------------------------

want='"Since the middle of January, Russia has been moving troops from the Far East to the vicinity of the Belarus-Ukraine border"
The Moscow Times, 2022-02?, claim mt-01'
run cite mt-01
check "plain (the default): quote, then outlet, guessed date, id" test "$rc:$out" = "0:$want"
run cite mt-01 --format plain
check "plain by name: the same" test "$rc:$out" = "0:$want"
want='> NATO Secretary General Jens Stoltenberg claims that nothing like this has been observed since the Cold War – he estimates the number of Russian troops in Belarus at 30,000.

openDemocracy, *Why is Belarus hosting Russian troops?*, Igor Ilyash, 2022-02-09, claim `odr-11`'
run cite odr-11 --format markdown
check "markdown: a block quote, the title in italics" test "$rc:$out" = "0:$want"
want='@article{blog-22,
  title = {From successful broker to a client state? Russia-Belarus relations amongst the backdrop of the war in Ukraine},
  year = {2022},
  month = nov,
  date = {2022-11-04},
  note = {Claim blog-22: ``As public opinion seems to be decisively negative with 90\% of Belarusians opposing a direct military involvement of Belarus in the war.'"''"'},
}'
run cite blog-22 --format bibtex
check "bibtex: an @article keyed by the claim id, % escaped" test "$rc:$out" = "0:$want"
[ "$rc:$out" = "0:$want" ] || printf '%s\n' "$out" | head -12
run cite odr-11 --format csl-json
printf '%s\n' "$out" >"$TMP/odr.json"
check "csl-json: odr-11 read back by Python" python3 -c '
import json, sys
[it] = json.load(open(sys.argv[1]))
assert it == {"id": "odr-11", "type": "article-newspaper", "container-title": "openDemocracy",
              "title": "Why is Belarus hosting Russian troops?", "author": [{"literal": "Igor Ilyash"}],
              "issued": {"date-parts": [[2022, 2, 9]]},
              "note": "Claim odr-11: \"NATO Secretary General Jens Stoltenberg claims that nothing like this has been observed since the Cold War – he estimates the number of Russian troops in Belarus at 30,000.\""}, it
' "$TMP/odr.json"
run cite mt-01 --format csl-json
printf '%s\n' "$out" >"$TMP/mt.json"
check "csl-json: a guessed month is circa" python3 -c '
import json, sys
[it] = json.load(open(sys.argv[1]))
assert it["issued"] == {"date-parts": [[2022, 2]], "circa": True}, it
assert "title" not in it and "author" not in it, it
' "$TMP/mt.json"

# every claim of the bundled corpus, in every format
: >"$TMP/all.bib"; : >"$TMP/all.jsonl"; fails=0
for id in $("$LECTERN" completion claims); do
	for f in plain markdown; do
		"$LECTERN" cite "$id" --format $f >"$TMP/one" || fails=$((fails + 1))
		grep -qF "$id" "$TMP/one" || fails=$((fails + 1))
	done
	{ "$LECTERN" cite "$id" --format bibtex || fails=$((fails + 1)); echo; } >>"$TMP/all.bib"
	"$LECTERN" cite "$id" --format csl-json | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)))' \
		>>"$TMP/all.jsonl" || fails=$((fails + 1))
done
n=$("$LECTERN" completion claims | wc -l)
check "every claim ($n) in plain and markdown names its id" test "$fails" = 0
check "every claim's bibtex is valid BibTeX" python3 tests/cite/bibcheck.py "$TMP/all.bib"
check "bibtex: $n entries" test "$(grep -c '^@article{' "$TMP/all.bib")" = "$n"
check "every claim's csl-json is valid JSON, its quote the claim's text" python3 -c '
import json, subprocess, sys
claims = {c["id"]: c for c in json.loads(subprocess.check_output([sys.argv[2], "claims", "--json"]))["claims"]}
items = [json.loads(l)[0] for l in open(sys.argv[1])]
assert len(items) == len(claims), len(items)
for it in items:
    assert it["note"] == "Claim %s: \"%s\"" % (it["id"], claims[it["id"]]["text"].replace("\n", " ")), it["id"]
' "$TMP/all.jsonl" "$LECTERN"

# ---- errors ------------------------------------------------------------------

expect "unknown claim: exit 1, located at the index" 1 \
	'lectern: data/corpus.json: no claim "nope" (see lectern claims)' "$LECTERN" cite nope
expect "unknown format: exit 1, named with its option" 1 \
	'lectern: --format "rtf": no such citation format (plain, markdown, bibtex or csl-json)' \
	"$LECTERN" cite mt-01 --format rtf
expect "no claim: usage, exit 2" 2 "usage: lectern cite CLAIM [--format FMT]" "$LECTERN" cite
expect "two claims: usage, exit 2" 2 "usage: lectern cite CLAIM" "$LECTERN" cite mt-01 mt-02
expect "an escape in the claim id is not echoed raw" 1 'no claim "x^[]0;t^G"' \
	"$LECTERN" cite $'x\e]0;t\a'
check "  ... no ESC on stderr" bash -c "! grep -q \$'\\e' '$TMP/stderr'"

# ---- hostile text: one sanitiser for every field and format --------------------

# raw: C0 but LF, DEL, C1 (UTF-8 C2 80..C2 9F), bidi controls (U+202A..E, U+2066..9)
clean() { ! LC_ALL=C grep -qaP '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1"; }
for f in plain markdown bibtex csl-json; do
	for id in evil-1 tex-1; do
		"$LECTERN" cite "$id" --format $f --corpus "$FX" >"$TMP/h.$f.$id" 2>&1
		check "$id as $f: no raw control, C1 or bidi byte" clean "$TMP/h.$f.$id"
	done
done
check "evil-1 plain: ESC, BEL, C1, bidi and DEL shown as placeholders" grep -qF \
	'"Troops ^[]52;c;ZXZpbA==^Gmoved ^[[31mnorth<U+009B>2J <U+0085>then <U+202E>east<U+202C> at dawn said the ^? report"' "$TMP/h.plain.evil-1"
check "evil-1 plain: the metadata too" grep -qF \
	'The <U+202E>Outlet<U+202C> <U+009B>, "Head^[]0;pwned^Gline {x} 100%", A. ^[[7mWriter, 2021-03-04, https://example.org/a_b?x=1&y={2}^[, claim evil-1' "$TMP/h.plain.evil-1"
check "tex-1 markdown: punctuation escaped" grep -qF \
	'> A {brace} of 50% & $3 \#1 a\_b x^2 ~ c:\\d \*bold\* \[link\] \<tag\>' "$TMP/h.markdown.tex-1"
check "tex-1 bibtex: valid, LaTeX specials escaped" python3 tests/cite/bibcheck.py "$TMP/h.bibtex.tex-1"
check "tex-1 bibtex: the quote" grep -qF \
	'``A \{brace\} of 50\% \& \$3 \#1 a\_b x\^{}2 \~{} c:\textbackslash{}d *bold* [link] <tag>'"''" "$TMP/h.bibtex.tex-1"
check "evil-1 bibtex: valid; url braces percent-encoded" bash -c \
	"python3 tests/cite/bibcheck.py '$TMP/h.bibtex.evil-1' && grep -qF 'url = {https://example.org/a_b?x=1&y=%7B2%7D^[},' '$TMP/h.bibtex.evil-1'"
check "evil-1 csl-json: valid JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/h.csl-json.evil-1"

# ---- the reader: y through OSC 52, :cite FILE ------------------------------------

. "$TOP/tests/tmux.sh"
tmux_required
tmux_socket cite
# tmux takes an application's OSC 52 into its own buffer only with
# set-clipboard on; pipe-pane captures the bytes lectern wrote either way
echo 'set -g set-clipboard on' >>"$TMP/tmux.conf"
mkdir -p "$TMP/cfg/lectern"
printf 'set cite-format = plain\n' >"$TMP/cfg/lectern/config"

# copied ID FORMAT [CORPUS]: $TMP/y.out holds one OSC 52 sequence whose text
# is exactly what `lectern cite ID --format FORMAT` prints (less its line end)
copied() {
	local n
	n=$(python3 tests/cite/osc52.py "$TMP/y.out" "$TMP/y.txt") || return 1
	"$LECTERN" cite "$1" --format "$2" ${3:+--corpus "$3"} >"$TMP/want" || return 1
	printf '%s' "$(cat "$TMP/want")" >"$TMP/want"   # no final line end
	[ "${n%% *}" = 1 ] && cmp -s "$TMP/y.txt" "$TMP/want"
}
yank() {   # yank SEEN: y, recorded, until the status line says SEEN
	pipe_on "$TMP/y.out"
	keys y
	wait_for "$1"
	pipe_off
}

start 160 45 XDG_CONFIG_HOME="$TMP/cfg" --
see "reader started" "> Sources"
keys 3
see "Claims focused" "> Claims 1/17"
yank "claim mt-01 copied"
see "y in Claims: the status line names the claim, format and size" \
	"claim mt-01 copied as a plain citation ($(( $(cite mt-01 | wc -c) - 1 )) bytes, OSC 52)"
check "y in Claims: the OSC 52 payload is the plain citation, exactly" copied mt-01 plain
check "y: tmux (set-clipboard on) took the same text into its buffer" \
	bash -c "[ \"\$(tmux -L $SOCK -f $TMP/tmux.conf show-buffer)\" = \"\$(cat $TMP/want)\" ]"
check "y: the screen is intact (no sequence shown as text)" bash -c "! tmux -L $SOCK -f $TMP/tmux.conf capture-pane -p -t t | grep -q '52;c'"
see "  ... the panes still drawn" "> Claims 1/17"
keys j
see "  ... and the reader answers keys" "> Claims 2/17"
keys -l ':claim odr-11'
keys Enter
see ":claim focuses the Text pane" "> Text: odr"
yank "claim odr-11 copied"
check "y in Text: the selected claim's citation" copied odr-11 plain
keys -l ':set cite-format = markdown'
keys Enter
yank "claim odr-11 copied as a markdown"
check ":set cite-format = markdown: y copies markdown" copied odr-11 markdown
keys -l ':set cite-format = rtf'
keys Enter
see ":set cite-format = rtf: refused, with the formats" 'option "cite-format" is plain, markdown, bibtex or csl-json'
keys 1
yank "no claim to cite here"
see "y in Sources: no claim, says where to pick one" "select one in the Claims pane (3)"
check "  ... and sends nothing" bash -c "[ \"\$(python3 tests/cite/osc52.py $TMP/y.out $TMP/y.txt)\" = '0 0 0' ]"
keys 4
see "Compare view" "> Compare"
yank "copied as a markdown"
check "y in Compare: the cursor cell's claim" bash -c "python3 tests/cite/osc52.py $TMP/y.out $TMP/y.txt >/dev/null && grep -q '^> ' $TMP/y.txt"

# :cite FILE appends, never truncates, refuses what is not a regular file
keys q 3 g
see "Claims: the first claim" "> Claims 1/26"
printf 'my notes\n' >"$TMP/notes.txt"
keys -l ":cite $TMP/notes.txt"
keys Enter
see ":cite FILE: says where it went" "appended to $TMP/notes.txt"
keys -l ":cite $TMP/notes.txt"
keys Enter
sleep 0.3
{ printf 'my notes\n'; "$LECTERN" cite odr-01 --format markdown; "$LECTERN" cite odr-01 --format markdown; } >"$TMP/want.notes"
check ":cite FILE twice: the old text kept, both citations after it" cmp "$TMP/notes.txt" "$TMP/want.notes"
pipe_on "$TMP/y.out"
keys -l ':cite'
keys Enter
wait_for "claim odr-01 copied"
pipe_off
check ":cite with no file copies, as y does" copied odr-01 markdown
mkfifo "$TMP/fifo"
keys -l ":cite $TMP/fifo"
keys Enter
see ":cite FIFO: refused at once, located" "$TMP/fifo: a FIFO, not a regular file: nothing written"
keys -l ":cite $TMP"
keys Enter
see ":cite DIR: refused" "$TMP: a directory, not a regular file"
keys -l ":cite /dev/null"
keys Enter
see ":cite DEVICE: refused" "/dev/null: a device, not a regular file"
keys Q
see "quits" "EXIT=0"

# hostile claims: one clean sequence, the claim's own escapes made text
printf 'set cite-format = csl-json\n' >"$TMP/cfg/lectern/config"
start 160 45 XDG_CONFIG_HOME="$TMP/cfg" -- --corpus "$FX"
see "hostile corpus opened" "> Sources"
keys -l ':claim evil-1'
keys Enter
see ":claim evil-1" "> Text: evil"
yank "claim evil-1 copied as a csl-json"
check "evil-1: one OSC 52 sequence (the quote's own is not sent), the csl-json citation" copied evil-1 csl-json "$FX"
check "evil-1: the payload is valid JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/y.txt"
check "evil-1: the payload holds no raw control, C1 or bidi byte" clean "$TMP/y.txt"
check "evil-1: the payload shows ESC ] and C1 as text" grep -qF 'Troops ^[]52;c;ZXZpbA==^Gmoved ^[[31mnorth<U+009B>2J <U+0085>then' "$TMP/y.txt"
keys -l ':claim long-1'
keys Enter
yank "over the clipboard"
see "over the cap: the status line says so, with the cap" \
	"the csl-json citation is $(( $(cite long-1 --format csl-json --corpus "$FX" | wc -c) - 1 )) bytes, over the clipboard's cap of 75000: not copied (:cite FILE appends it)"
check "over the cap: nothing sent, not even a cut citation" bash -c "[ \"\$(python3 tests/cite/osc52.py $TMP/y.out $TMP/y.txt)\" = '0 0 0' ]"
keys Q

# GNU screen ($STY set, not in tmux): DCS passthrough pieces
start 160 45 XDG_CONFIG_HOME="$TMP/cfg" STY=4242.pts-1.host TMUX= --
see "as in screen: started" "> Sources"
keys -l ':claim odr-11'
keys Enter
see "as in screen: :claim odr-11" "> Text: odr"
yank "claim odr-11 copied"
read -r nseq npieces longest < <(python3 tests/cite/osc52.py "$TMP/y.out" "$TMP/y.txt")
check "as in screen: the sequence in DCS pieces ($npieces, the longest $longest bytes <= 252)" \
	test "$npieces" -gt 1 -a "$longest" -le 252
check "as in screen: joined, they are the csl-json citation" copied odr-11 csl-json
keys Q

finish
