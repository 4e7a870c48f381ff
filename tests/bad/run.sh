#!/usr/bin/env bash
# Bad-input suite: hostile indexes and texts against the real binary.  Each
# case builds a small corpus under $TMP (big inputs are generated here, never
# committed), runs lectern with at most 5 s of CPU (see limited) and checks
# the exit status and a fixed part of the message that says what is wrong
# and where.  Cases whose
# content carries terminal escapes also check the raw bytes of stdout and
# stderr.  The choices are explained in tests/bad/README.
. "$(dirname "$0")/../lib.sh"
shopt -u patsub_replacement 2>/dev/null
# every case's stderr is also kept in $TMP/all-stderr, checked at the end
# for raw control bytes
run() {
	out=$("$@" 2>"$TMP/stderr"); rc=$?
	err=$(cat "$TMP/stderr")
	cat "$TMP/stderr" >>"$TMP/all-stderr"
}
# limited CMD...: CMD with at most 5 s of CPU time (what a loop or a
# quadratic path burns, whatever else the machine is doing) and 20 s of
# wall-clock time (what a blocking open or read would wait)
# CPU bound of a bad input: 5 s, or 15 s under the sanitizers (ASAN_OPTIONS
# set by make asan), which run the same work about three times slower
CPU_LIMIT=5
[ -n "${ASAN_OPTIONS:-}" ] && CPU_LIMIT=15
limited() { ( ulimit -t "$CPU_LIMIT"; exec timeout 60 "$@" ); }
STD='Troops: about 9,000 near Brest.'

# ---- building corpora ----

TEMPLATE='{
  "schema": "lectern-corpus",
  "version": 1,
  "title": @TITLE@,@TOP@
  "sources": [
    {"id": "a", "title": @STITLE@, "outlet": "Outlet", "author": null,
     "published": "2022-02-10", "url": null, "language": "en",
     "file": @FILE@, "sha256": @SHA@}
  ],
  "claims": [
    {"id": "c1", "source": "a", "span": @SPAN@, "text": @CTEXT@,
     "kind": "quantity", "origin": "curated", "topics": ["t1"]}
  ],
  "topics": [
    {"id": "t1", "label": @LABEL@, "claims": ["c1"]}
  ]
}'

# newcorpus NAME [TEXT-BYTES]: $TMP/NAME (in $D) with sources/a.txt holding
# the standard line, then TEXT-BYTES (printf format) if given.
newcorpus() {
	D=$TMP/$1
	mkdir -p "$D/sources"
	printf '%s\n' "$STD" >"$D/sources/a.txt"
	[ $# -gt 1 ] && printf "$2" >>"$D/sources/a.txt"
	return 0
}

# index KEY=JSON...: writes $D/corpus.json from TEMPLATE; unset keys take
# valid defaults (SHA: that of sources/a.txt as it is now).
index() {
	local t=$TEMPLATE kv k v
	declare -A val=([TITLE]='"Bad input"' [TOP]='' [STITLE]='"A title"'
		[FILE]='"sources/a.txt"' [SPAN]='[8, 19]' [CTEXT]='"about 9,000"'
		[LABEL]='"Troops"')
	if [ -f "$D/sources/a.txt" ]; then
		val[SHA]="\"$(sha256sum <"$D/sources/a.txt" | cut -d' ' -f1)\""
	else
		val[SHA]='"0000000000000000000000000000000000000000000000000000000000000000"'
	fi
	for kv in "$@"; do
		k=${kv%%=*} v=${kv#*=}
		val[$k]=$v
	done
	for k in "${!val[@]}"; do
		t=${t//@$k@/${val[$k]}}
	done
	printf '%s\n' "$t" >"$D/corpus.json"
}

# inject CMD...: a valid index with the output of CMD as its line 5
inject() {
	index
	{ head -n 4 "$D/corpus.json"; "$@"; tail -n +5 "$D/corpus.json"; } >"$D/c" &&
		mv "$D/c" "$D/corpus.json"
}

# lect ARGS...: lectern on the corpus $D, limited
lect() { limited "$LECTERN" --corpus "$D" "$@"; }

# safe NAME CMD...: stdout and stderr of CMD are valid UTF-8 without ESC,
# BEL, CR or C1 controls (raw or UTF-8 encoded)
safe() {
	local name=$1; shift
	"$@" >"$TMP/o" 2>"$TMP/e"
	cat "$TMP/e" >>"$TMP/all-stderr"
	local why=""
	for f in "$TMP/o" "$TMP/e"; do
		if LC_ALL=C grep -q $'[\x1b\x07\r]' "$f"; then why="ESC, BEL or CR in ${f##*/}"
		elif ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then why="invalid UTF-8 in ${f##*/}"
		elif LC_ALL=C grep -qP '\xC2[\x80-\x9F]' "$f"; then why="a C1 control in ${f##*/}"
		fi
	done
	if [ -n "$why" ]; then bad "$name" "$why" "$(head -c 300 "$TMP/o" "$TMP/e" | od -c | head -5)"
	else ok "$name"; fi
}

# ---- the index: JSON ----

newcorpus nest
{ printf '{"schema": "lectern-corpus", "x": '; head -c 100000 /dev/zero | tr '\0' '['; } >"$D/corpus.json"
expect "index nested 100,000 deep" 1 "corpus.json:1:1035: nested too deeply" lect check

newcorpus nest2
{ printf '{"x":'; for i in $(seq 100000); do printf '{"a":'; done; } >"$D/corpus.json"
expect "objects nested 100,000 deep" 1 "corpus.json:1:5006: nested too deeply" lect check

newcorpus big
bigdesc() { printf '  "description": "'; head -c 100000000 /dev/zero | tr '\0' x; printf '",\n'; }
inject bigdesc
expect "a 100 MB index (a long description) loads" 0 "ok: Bad input: 1 sources" lect check

newcorpus bignum
bignums() { printf '  "x": ['; yes 0, | head -c 150000000 | tr -d '\n'; printf '0],\n'; }
inject bignums
expect "a 100 MB index of 50 million numbers" 1 "corpus.json:5:" lect check
expect "  ... says there are too many values" 1 "too many values" lect check

newcorpus oneline
{ printf '{"schema":"lectern-corpus","version":1,"title":"t","x":"'
  head -c 20000000 /dev/zero | tr '\0' x
  printf '","sources":['
  for i in $(seq 300); do printf '{"id":%d},' "$i"; done
  printf '{"id":0}],"claims":[],"topics":[]}'; } >"$D/corpus.json"
expect "a 20 MB one-line index with 2709 problems, in time" 1 \
	'corpus.json:1:20000076: source: "id" must be a string, not a number' lect check
expect "  ... the count" 1 "corpus.json: 2709 problems" lect check

newcorpus manyclaims
{ printf '{"schema":"lectern-corpus","version":1,"title":"t","sources":[{"id":"a","title":null,'
  printf '"outlet":null,"author":null,"published":null,"url":null,"language":null,'
  printf '"file":"sources/a.txt","sha256":"%s"}],"claims":[\n' "$(sha256sum <"$D/sources/a.txt" | cut -d' ' -f1)"
  seq 200000 | sed 's/.*/{"id":"c&","source":"a","span":[8,19],"text":"about 9,000","kind":"quantity","origin":"curated","topics":["t"]},/'
  printf '{"id":"c0","source":"a","span":[8,19],"text":"about 9,000","kind":"quantity","origin":"curated"}],\n'
  printf '"topics":[{"id":"t","label":"l","claims":["c0"'
  seq 200000 | sed 's/.*/,"c&"/' | tr -d '\n'
  printf ']}]}\n'; } >"$D/corpus.json"
expect "200,000 claims in one topic, in time" 1 \
	'corpus.json:200002:1: topic "t" lists claim "c0", whose "topics" does not name it' lect check

newcorpus longid
{ printf '{"schema":"lectern-corpus","version":1,"title":"t","sources":[{"id":"'
  head -c 1000000 /dev/zero | tr '\0' i
  printf '"}],"claims":[],"topics":[]}\n'; } >"$D/corpus.json"
lect check >/dev/null 2>"$TMP/e"
check "a 1 MB id: the message quotes only its start" test "$(wc -c <"$TMP/e")" -lt 3000
expect "  ... and says what is wrong" 1 'corpus.json:1:69: source: id "iiii' lect check

mkdir -p "$TMP/"$'esc\e]0;x\a'
printf '{}' >"$TMP/"$'esc\e]0;x\a/corpus.json'
D=$TMP/$'esc\e]0;x\a'
expect "a corpus directory named with escapes" 1 'corpus.json:1:1: corpus: missing field "schema"' lect check
safe "  ... and its name is shown safely" lect check

newcorpus trunc
index
head -c 200 "$D/corpus.json" >"$D/c" && mv "$D/c" "$D/corpus.json"
expect "truncated JSON" 1 "corpus.json:7:42: unexpected end of input (truncated?)" lect check

newcorpus trunc2
printf '{"schema": "lectern-corpus", "title": "unterminated' >"$D/corpus.json"
expect "truncated inside a string" 1 "corpus.json:1:39: unterminated string (the file ends inside it)" lect check

newcorpus trailing
index
printf '\n}garbage\n' >>"$D/corpus.json"
expect "trailing garbage" 1 "corpus.json:19:1: trailing characters after the JSON value" lect check

newcorpus bom
index
{ printf '\xEF\xBB\xBF'; cat "$D/corpus.json"; } >"$D/c" && mv "$D/c" "$D/corpus.json"
expect "a UTF-8 BOM is accepted" 0 "ok: Bad input" lect check
index TITLE=42
{ printf '\xEF\xBB\xBF'; cat "$D/corpus.json"; } >"$D/c" && mv "$D/c" "$D/corpus.json"
expect "  ... and columns after it do not count it" 1 "corpus.json:4:12: corpus: \"title\" must be a string, not a number" lect check

newcorpus utf16
index
iconv -f UTF-8 -t UTF-16 "$D/corpus.json" >"$D/c" && mv "$D/c" "$D/corpus.json"
expect "UTF-16 with a byte-order mark" 1 "corpus.json:1:1: file is UTF-16 (a byte-order mark); convert it to UTF-8" lect check
index
iconv -f UTF-8 -t UTF-16LE "$D/corpus.json" >"$D/c" && mv "$D/c" "$D/corpus.json"
expect "UTF-16 without a byte-order mark" 1 "corpus.json:1:2: NUL byte in file (UTF-16 or UTF-32? convert it to UTF-8)" lect check

newcorpus nul
index
{ head -c 60 "$D/corpus.json"; printf '\0'; tail -c +61 "$D/corpus.json"; } >"$D/c" && mv "$D/c" "$D/corpus.json"
expect "NUL in the middle" 1 "corpus.json:4:13: NUL byte in file" lect check

newcorpus dup
index TOP='
  "title": "again",'
expect "duplicate keys" 1 "corpus.json:5:12: duplicate key \"title\"" lect check
index TOP='
  "Title": "case",'
expect "keys differing only in case" 1 "corpus.json:5:12: key \"Title\" differs from \"title\" only in case" lect check
index STITLE='"A", "TITLE": "B"'
expect "  ... inside a source too" 1 "corpus.json:6:40: key \"TITLE\" differs from \"title\" only in case" lect check

# ---- the index: wrong types and values ----

newcorpus types
index FILE=42
expect '"file": 42' 1 'corpus.json:8:14: source "a": "file" must be a string, not a number' lect check
D=$TMP/types
printf '{"schema": "lectern-corpus", "version": 1, "title": "t",\n "sources": {}, "claims": [], "topics": []}\n' >"$D/corpus.json"
expect '"sources": {}' 1 'corpus.json:2:13: corpus: "sources" must be an array, not an object' lect check
index SPAN='[5]'
expect '"span": [5]' 1 'corpus.json:11:41: span must be [start, end], not an array of another length' lect check
index SPAN='[9, 3]'
expect '"span": [9, 3]' 1 'corpus.json:11:41: span [9, 3] is empty or reversed' lect check
index SPAN='[-1, 2]'
expect '"span": [-1, 2]' 1 'corpus.json:11:42: span start must not be negative' lect check
index SPAN='[0, 1e400]'
expect '"span": [0, 1e400]' 1 'corpus.json:11:45: span end is out of range' lect check
index SPAN='[8, 9007199254740993]'
expect 'span end 9007199254740993 (above 2^53)' 1 'corpus.json:11:45: span end is out of range' lect check
index SPAN='[8, 19.5]'
expect 'span end 19.5' 1 'corpus.json:11:45: span end must be a whole number, not a fraction' lect check
index SPAN="[8, $(head -c 100000 /dev/zero | tr '\0' '9')]"
expect "a 100,000-digit number" 1 'corpus.json:11:45: span end is out of range' lect check
index SPAN='[8, 200]'
expect "a span past the end of the text" 1 'corpus.json:11:41: claim "c1": span [8, 200] ends past the end of sources/a.txt (32 bytes)' lect check
index CTEXT='"about 9,001"'
expect "claim text differs from its span" 1 'corpus.json:11:58: claim "c1": text differs from the bytes of its span [8, 19]' lect check
index TOP='
  "version": 2,'
expect "duplicate version" 1 'duplicate key "version"' lect check
printf '{"schema": "lectern-corpus", "version": 2, "title": "t",\n "sources": [], "claims": [], "topics": []}\n' >"$D/corpus.json"
expect "schema version 2" 1 "corpus.json:1:41: schema version 2 is not supported" lect check
printf '[]\n' >"$D/corpus.json"
expect "an array, not an object" 1 "corpus.json:1:1: the index must be an object, not an array" lect check
printf '\n' >"$D/corpus.json"
expect "an empty index" 1 "corpus.json:2:1: unexpected end of input" lect check

newcorpus dates
index STITLE='"t", "published": "2022-02-10T-1:-1"'
sed -i 's/"published": "2022-02-10", //' "$D/corpus.json"
expect 'a time of "T-1:-1"' 1 'corpus.json:6:44: source "a": "published" is "2022-02-10T-1:-1", not an ISO 8601 date' lect check
sed -i 's/T-1:-1/T 1: 2/' "$D/corpus.json"
expect 'a time of "T 1: 2"' 1 'not an ISO 8601 date' lect check
sed -i 's/T 1: 2/T10:10+-1:-1/' "$D/corpus.json"
expect 'an offset of "+-1:-1"' 1 'not an ISO 8601 date' lect check
sed -i 's/T10:10+-1:-1/T10:10:59+01:00/' "$D/corpus.json"
expect '  ... while "T10:10:59+01:00" is fine' 0 'ok:' lect check

# ---- the index: strings ----

newcorpus strs
index TITLE='"nul \u0000 here"'
expect '"\u0000" in a string' 1 'corpus.json:4:17: \u0000 (NUL) in string' lect check
index TITLE=$'"raw \x1b]52;c;QUJD\x07 esc"'
expect "raw ESC inside a JSON string" 1 "corpus.json:4:17: raw control character in string (escape it as \\u00XX)" lect check
safe "  ... and the message carries no ESC or BEL" lect check
index TITLE=$'"bell \x07"'
expect "raw BEL inside a JSON string" 1 "corpus.json:4:18: raw control character in string" lect check
index TITLE=$'"bad \xC0\xAF utf-8"'
expect "invalid UTF-8 inside a JSON string" 1 "corpus.json:4:17: invalid UTF-8 in string" lect check
index TITLE='"lone \ud800 surrogate"'
expect "a lone surrogate escape" 1 "corpus.json:4:" lect check
index TITLE='"bad \e escape"'
expect "an escape JSON does not have" 1 "corpus.json:4:17: bad escape in string" lect check
index TITLE='"escaped \u001b]52;c;QUJD\u0007 and \u009b2J"'
expect "escaped ESC, BEL and C1 in the title are valid" 0 "ok: escaped ^[]52;c;QUJD^G and <U+009B>2J" lect check
safe "  ... and check shows them safely" lect check
safe "  ... and list too" lect list
safe "  ... and list --json too" lect --json list

newcorpus zalgo
index STITLE="\"Z$(printf '\\u0301%.0s' {1..300})algo\""
expect "Zalgo title (one letter, 300 marks)" 0 "Z" lect list
check "  ... keeps at most 4 marks" test "$(lect list | grep -o $'\xCC\x81' | wc -l)" -eq 4

newcorpus bidi
index STITLE='"evil \u202e\u2066txt.exe\u2069 \u200b\u200d\ufeff"' LABEL='"rtl \u202egal\u200f"'
expect "bidi and zero-width in a title" 0 "evil <U+202E><U+2066>txt.exe<U+2069> <U+200B><U+200D><U+FEFF>" lect list
expect "  ... and in a topic label" 0 "rtl <U+202E>gal<U+200F>" lect topics
check "  ... with none of them raw" bash -c "! timeout 20 '$LECTERN' --corpus '$D' list | grep -q $'\xE2\x80\xAE'"

newcorpus bidiclaim "\xE2\x80\xAEgal \xE2\x80\x8B\n"
index SPAN='[32, 41]' CTEXT='"\u202egal \u200b"'
expect "bidi and zero-width in a claim" 0 "<U+202E>gal <U+200B>" lect claims
safe "  ... claims output is safe" lect claims

# ---- the index: paths ----

newcorpus paths
index FILE='"/etc/passwd"'
expect "an absolute path" 1 'corpus.json:8:14: source "a": file "/etc/passwd": absolute path (paths are relative to the index)' lect check
index FILE='"sources/../../x.txt"'
expect "a path with .." 1 "path leaves the corpus directory ('..')" lect check
ln -s /etc/hostname "$D/sources/out.txt"
index FILE='"sources/out.txt"'
expect "a symlink out of the corpus" 1 "sources/out.txt: path resolves outside the corpus directory (symlink?)" lect check
index FILE='"sources/a\nb.txt"'
expect "a newline in a path" 1 'corpus.json:8:14: source "a": file "sources/a b.txt": control character in path' lect check
index FILE='"-rf.txt"'
expect "a leading -" 1 "path starts with '-'" lect check
mkfifo "$D/sources/fifo.txt"
index FILE='"sources/fifo.txt"'
expect "a path naming a FIFO" 1 "sources/fifo.txt: not a regular file (a FIFO or device?)" lect check
expect "  ... refused by search as by check" 2 "sources/fifo.txt: not a regular file (a FIFO or device?)" lect search troops
expect "  ... and by search --count" 2 "sources/fifo.txt: not a regular file" lect search --count troops
index FILE='"/dev/zero"'
expect "/dev/zero as an absolute path" 1 'file "/dev/zero": absolute path' lect check
ln -s /dev/zero "$D/sources/zero.txt"
index FILE='"sources/zero.txt"'
expect "a symlink in the corpus to /dev/zero" 1 "sources/zero.txt: path resolves outside the corpus directory" lect check
index FILE='"sources"'
expect "a path naming a directory" 1 "sources: is a directory, not a text file" lect check
index FILE='"sources/gone.txt"'
expect "a missing text" 1 "sources/gone.txt: cannot open: No such file or directory" lect check
index FILE='"sources/\u009b2J.txt"'
expect "a C1 control in a missing file's name" 1 "sources/<U+009B>2J.txt: cannot open" lect check
safe "  ... shown safely" lect check
index FILE='"sources/\u009b2J\u202e.txt"'
expect "a C1 and a bidi control in a missing file's name: search" 2 "sources/<U+009B>2J<U+202E>.txt: cannot open" lect search troops
safe "  ... shown safely by search" lect search troops
index FILE='"sources/\u009b2J.txt"'   # the valgrind sample below reads this one

# ---- the index file itself ----

D=$TMP/paths
expect "the index is a directory with no corpus.json" 2 "no such corpus" limited "$LECTERN" --corpus "$D/sources" check
mkfifo "$TMP/index.fifo"
expect "the index is a FIFO" 2 "index.fifo: cannot read: not a regular file" limited "$LECTERN" --corpus "$TMP/index.fifo" check
expect "the index is /dev/zero" 2 "/dev/zero: cannot read: not a regular file" limited "$LECTERN" --corpus /dev/zero check

# ---- texts ----

newcorpus empty
index
: >"$D/sources/a.txt"
expect "an emptied text (checksum)" 1 "sources/a.txt: sha256 is e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, the index says" lect check
expect "  ... and the span" 1 'span [8, 19] ends past the end of sources/a.txt (0 bytes)' lect check
expect "  ... show still shows it" 0 "claims:     1" lect show a

newcorpus nuls
head -c 4096 /dev/zero >"$D/sources/a.txt"
index SPAN='[0, 1]' CTEXT='"x"'
expect "a text of only NULs" 1 "sources/a.txt:1:1: NUL byte in text (offset 0; a binary or UTF-16 file?)" lect check
expect "  ... show draws them as ^@" 0 "^@^@^@^@" lect show a

newcorpus longline
head -c 50000000 /dev/zero | tr '\0' 'w' >>"$D/sources/a.txt"
index
expect "a 50 MB single line: check" 0 "ok: Bad input" lect check
lect show a >"$TMP/o" 2>"$TMP/e"; rc=$?
check "  ... show prints all of it in time" test "$rc" = 0 -a "$(wc -c <"$TMP/o")" -gt 50000000
rm -f "$TMP/o"

newcorpus overlong 'caf\xC0\xA9 ok\n'
index
expect "invalid UTF-8: an overlong form" 1 "sources/a.txt:2:4: invalid UTF-8 (byte 0xC0 at offset 35)" lect check
expect "  ... show replaces it" 0 "caf"$'\xEF\xBF\xBD\xEF\xBF\xBD'" ok" lect show a

newcorpus surrogate 'x \xED\xA0\x80\n'
index
expect "invalid UTF-8: a surrogate" 1 "sources/a.txt:2:3: invalid UTF-8 (byte 0xED at offset 34)" lect check

newcorpus cut 'cut \xE2\x82'
index
expect "invalid UTF-8: cut at the end of the file" 1 "sources/a.txt:2:5: invalid UTF-8 (byte 0xE2 at offset 36)" lect check

newcorpus crlf
printf 'Troops: about 9,000 near Brest.\r\nNext line.\r\n' >"$D/sources/a.txt"
index
expect "CRLF line ends are valid" 0 "ok: Bad input" lect check
expect "  ... and CR shows as ^M" 0 "Brest.^M" lect show a
safe "  ... with no raw CR" lect show a

# ---- texts carrying terminal escapes ----

ESCAPES='osc52=\x1b]52;c;SGVsbG8=\x07
osc0=\x1b]0;fake title\x07
osc-unterminated=\x1b]8;;http://x/
clear=\x1b[2J\x1b[H
dcs=\x1bP1$r\x1b\\
query-da=\x1b[c
query-dsr=\x1b[6n
c1-utf8=\xC2\x9B31m
c1-raw=\x9B31m
'
while IFS='=' read -r what bytes; do
	[ -n "$what" ] || continue
	newcorpus "esc-$what" "$bytes\n"
	index
	for cmd in "show a" list claims check topics "--json show a"; do
		safe "text with $what: $cmd" lect $cmd
	done
done <<<"$ESCAPES"
D=$TMP/esc-osc52
expect "OSC 52 is shown as caret notation" 0 "^[]52;c;SGVsbG8=^G" lect show a
D=$TMP/esc-c1-utf8
expect "U+009B is shown as <U+009B>" 0 "<U+009B>31m" lect show a
expect "  ... and escaped in JSON" 0 '\u009b31m' lect --json show a
D=$TMP/esc-c1-raw
expect "a raw 0x9B byte is invalid UTF-8 for check" 1 "sources/a.txt:2:1: invalid UTF-8 (byte 0x9B at offset 32)" lect check
expect "  ... and show replaces it" 0 $'\xEF\xBF\xBD31m' lect show a

# a claim whose text is an escape sequence
newcorpus escclaim '\x1b[2J\x1b]0;x\x07\n'
index SPAN='[32, 42]' CTEXT='"\u001b[2J\u001b]0;x\u0007"'
expect "a claim made of escapes is valid" 0 "ok: Bad input" lect check
expect "  ... and claims shows it safely" 0 "^[[2J^[]0;x^G" lect claims
safe "  ... with no ESC in claims" lect claims
safe "  ... nor in topics" lect topics
safe "  ... nor in claims --json" lect --json claims

# ---- texts that go away ----

newcorpus gone
index
rm "$D/sources/a.txt"
expect "the text deleted after indexing: show" 2 "lectern: sources/a.txt: cannot open: No such file or directory" lect show a
expect "  ... and check" 1 "sources/a.txt: cannot open: No such file or directory" lect check
expect "  ... list still works" 0 "A title" lect list

newcorpus unreadable
index
chmod 000 "$D/sources/a.txt"
chmod 755 "$TMP" "$D" "$D/sources"
chmod 644 "$D/corpus.json"
if [ "$(id -u)" = 0 ]; then
	as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
	as_user=()
fi
expect "the text made unreadable: show" 2 "lectern: sources/a.txt: cannot open: Permission denied" limited "${as_user[@]}" "$LECTERN" --corpus "$D" show a
expect "  ... and check" 1 "sources/a.txt: cannot open: Permission denied" limited "${as_user[@]}" "$LECTERN" --corpus "$D" check

# ---- wrong answers ----

# a regular expression stopped by a limit (time or the engine's
# backtracking limit) is not "no match": a line of 300,000 a's then a b
newcorpus slowre
{ printf '\n'; head -c 300000 /dev/zero | tr '\0' a; printf 'b\n'; } >>"$D/sources/a.txt"
index
expect "search: a regex stopped by a limit says so and exits 2" 2 "search stopped" lect search '~^(a|aa)*$'
expect "  ... with --count too" 2 "search stopped" lect search --count '~^(a|aa)*$'
check "  ... in one message" test "$(grep -c 'search stopped' <<<"$err")" = 1

# a topic that lists one claim twice
newcorpus duptopicref
index
sed -i 's/"claims": \["c1"\]/"claims": ["c1", "c1"]/' "$D/corpus.json"
expect "a topic listing a claim twice" 1 'corpus.json:15:54: topic "t1": claim "c1" is listed twice' lect check

# escapes in an option: the message is made safe
expect "an unknown option with an OSC in it" 2 "unknown option --^[]0;PWNED^G" limited "$LECTERN" --$'\e]0;PWNED\a'
safe "  ... and nothing raw on stderr" limited "$LECTERN" --$'\e]0;PWNED\a'
safe "an option missing its argument, with C1 and bidi in its name" limited "$LECTERN" $'--corpus\xc2\x9b\xe2\x80\xae'
safe "a search query with escapes that is a bad expression" limited "$LECTERN" --corpus "$TMP/slowre" search $'~\e[2J('

# a cache planted by another user is not trusted
if [ "$(id -u)" = 0 ]; then
	newcorpus planted
	index
	chmod 1777 "$D"
	limited "$LECTERN" --corpus "$D" list >/dev/null
	expect "a cache of this user is used" 0 "cache: hit" lect stats
	chown 65534:65534 "$D/.corpus.json.lcache"
	XDG_CACHE_HOME=$TMP/xdg expect "a cache of another user in the corpus folder is ignored" 0 "cache: untrusted, rewritten" lect stats
	chown 0:0 "$D/.corpus.json.lcache"; chmod 666 "$D/.corpus.json.lcache"
	XDG_CACHE_HOME=$TMP/xdg expect "a world-writable cache is ignored" 0 "cache: untrusted, rewritten" lect stats
	check "  ... and rewritten without the write bits" test "$(stat -c %a "$D/.corpus.json.lcache")" = 644
	chown 65534:65534 "$D/corpus.json"
	limited "$LECTERN" --corpus "$D" list >/dev/null
	chown 65534:65534 "$D/.corpus.json.lcache"
	expect "a cache of the index's owner is used" 0 "cache: hit" lect stats
else
	echo "skip planted caches: chown needs root"
fi

# ---- hostile articles given to import ----

# ms ARGS...: runs lectern ARGS (limited) as run does, with its wall-clock
# time in $ms and its peak memory in $kb (KiB; 0 without /usr/bin/time)
ms() {
	local t0=$(date +%s%N)
	if [ -x /usr/bin/time ]; then
		run limited /usr/bin/time -f '%M' -o "$TMP/maxrss" "$LECTERN" "$@"
		kb=$(tail -1 "$TMP/maxrss")
	else
		run limited "$LECTERN" "$@"; kb=0
	fi
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}
IMP=$TMP/imp
mkdir -p "$IMP"
truncate -s 1G "$IMP/sparse.txt"
ms import "$IMP/sparse.txt" --output "$IMP/o1"
if [ "$rc" = 1 ] && printf '%s' "$err" | grep -qF "sparse.txt: a binary file (NUL byte at offset 0)"; then
	ok "import: a 1 GiB sparse file refused as binary"
else bad "import: a 1 GiB sparse file refused as binary" "exit $rc" "$err"; fi
if [ "$ms" -lt 1000 ] && [ "$kb" -lt 100000 ]; then ok "  ... in $ms ms, $kb KiB at peak (< 1 s, < 100 MB)"
else bad "  ... in under 1 s and 100 MB" "$ms ms, $kb KiB"; fi
check "  ... and no corpus written" test ! -e "$IMP/o1"
rm "$IMP/sparse.txt"
printf 'Text.\n' >"$IMP/big.txt"
truncate -s 1100M "$IMP/big.txt"
ms import "$IMP/big.txt" --output "$IMP/o2"
if [ "$rc" = 1 ] && printf '%s' "$err" | grep -qF "big.txt: larger than the 1 GiB text cap"; then
	ok "import: a text over 1 GiB refused by its size, in $ms ms"
else bad "import: a text over 1 GiB refused by its size" "exit $rc" "$err"; fi
rm "$IMP/big.txt"
printf 'The army, about 9,000 men, went north.\n' | iconv -f UTF-8 -t UTF-16LE >"$IMP/utf16.txt"
expect "import: UTF-16LE without a BOM is decoded, not written raw" 0 "imported 1 sources" \
	limited "$LECTERN" import "$IMP/utf16.txt" --output "$IMP/o3"
check "  ... into UTF-8" grep -q 'The army, about 9,000 men, went north.' "$IMP/o3/sources/utf16.txt"
printf 'The army went north from the border.\n' | iconv -f UTF-8 -t UTF-16BE >"$IMP/utf16be.txt"
expect "import: UTF-16BE without a BOM is decoded" 0 "imported 1 sources" \
	limited "$LECTERN" import "$IMP/utf16be.txt" --output "$IMP/o4"
check "  ... into UTF-8" grep -q 'The army went north from the border.' "$IMP/o4/sources/utf16be.txt"
{ head -c 70000 /dev/zero | tr '\0' 'a'; printf '\0tail\n'; } >"$IMP/late-nul.txt"
expect "import: a NUL byte past the first 64 KB refused too" 1 "late-nul.txt: a binary file (NUL byte at offset 70000)" \
	limited "$LECTERN" import "$IMP/late-nul.txt" --output "$IMP/o5"
# one bad file among good ones
F=$TMP/folder
mkdir -p "$F"
cp "$TOP"/tests/fixtures/seeds/00[012]_*.txt "$F/"
head -c 5000 /dev/urandom >"$F/image.txt"
printf 'x\0y' >>"$F/image.txt"
cp "$IMP/late-nul.txt" "$F/late-nul.txt"
expect "import: a folder with two bad files imports the good ones" 1 "imported 3 sources" \
	limited "$LECTERN" import "$F" --output "$IMP/o6"
if printf '%s' "$err" | grep -qF "image.txt: a binary file" && printf '%s' "$err" | grep -qF "late-nul.txt: a binary file"; then
	ok "  ... and names the bad ones"
else bad "  ... and names the bad ones" "$err"; fi
if printf '%s' "$err" | grep -qF "2 files not imported"; then ok "  ... and counts them"
else bad "  ... and counts them" "$err"; fi
expect "  ... the corpus it wrote checks" 0 "3 sources" limited "$LECTERN" --corpus "$IMP/o6" check

# ---- no raw control bytes in any message of this suite ----

# C0 but TAB and LF, DEL, C1 (raw or as UTF-8), invalid UTF-8, and the bidi
# controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069)
if LC_ALL=C grep -naP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$TMP/all-stderr" >"$TMP/raw-lines"; then
	bad "no raw control bytes in the stderr of any case ($(wc -l <"$TMP/all-stderr") lines)" "$(head -c 300 "$TMP/raw-lines" | od -c | head -6)"
elif ! iconv -f UTF-8 -t UTF-8 "$TMP/all-stderr" >/dev/null 2>&1; then
	bad "no raw control bytes in the stderr of any case" "invalid UTF-8"
else
	ok "no raw control bytes in the stderr of any case ($(wc -l <"$TMP/all-stderr") lines)"
fi

# ---- a sample under valgrind ----

# (valgrind is in the Makefile's DEB_PKGS; LECTERN_NO_VALGRIND=1 skips it;
# the ASan binary cannot run under valgrind)
if [ -n "${LECTERN_NO_VALGRIND:-}" ] || nm "$LECTERN" 2>/dev/null | grep -q __asan_init; then
	:
elif ! command -v valgrind >/dev/null; then
	bad "valgrind sample" "valgrind is missing: run make deps (or set LECTERN_NO_VALGRIND=1)"
elif valgrind -q "$LECTERN" --version 2>&1 | grep -q "debuginfo reader"; then
	# valgrind 3.19 cannot read clang 14's DWARF 5 (make CC=clang)
	echo "skip valgrind sample: valgrind cannot read the debug info of $LECTERN (build it with gcc)"
else
	vg() { valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		"$LECTERN" --corpus "$D" "$@"; }
	D=$TMP/dup;        expect "valgrind: keys differing in case" 1 "only in case" vg check
	D=$TMP/esc-osc52;  expect "valgrind: OSC 52 text, show" 0 "^[]52" vg show a
	D=$TMP/esc-c1-raw; expect "valgrind: raw 0x9B, check" 1 "invalid UTF-8" vg check
	D=$TMP/paths;      expect "valgrind: a C1 control in a file name" 1 "<U+009B>2J.txt: cannot open" vg check
	D=$TMP/gone;       expect "valgrind: a deleted text, show" 2 "cannot open" vg show a
	D=$TMP/zalgo;      expect "valgrind: Zalgo, list --json" 0 "Z" vg --json list
	D=$TMP/strs;       expect "valgrind: escaped ESC in a title" 0 "ok:" vg check
fi

finish
