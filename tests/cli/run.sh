#!/usr/bin/env bash
# Command tests: the real binary on the bundled corpus and on broken copies.
. "$(dirname "$0")/../lib.sh"
shopt -s extglob
cd "$TOP" || exit 2

expect "check passes on data/" 0 "ok:" "$LECTERN" check
expect "--version" 0 "lectern " "$LECTERN" --version
expect "--help lists commands" 0 "claims [--source ID]" "$LECTERN" --help
expect "unknown command" 2 "unknown command" "$LECTERN" frobnicate
expect "unknown option" 2 "unknown option" "$LECTERN" --frob list

# ---- the bundled corpus ----------------------------------------------------

expect "check counts" 0 "5 sources, 126 claims, 29 topics" "$LECTERN" check
run "$LECTERN" list --json
check "list --json: 5 sources" test "$(jq '.sources | length' <<<"$out")" = 5
check "list --json: every source dated" \
	test "$(jq '[.sources[] | select(.published == null)] | length' <<<"$out")" = 0
# the blog names no outlet; the four others state or clearly imply theirs
check "list --json: outlets where the text gives one" test \
	"$(jq -c '[.sources[] | select(.outlet != null) | .id] | sort' <<<"$out")" = '["conv","csm","mt","odr"]'
check "list --json: fields of the index" test \
	"$(jq -c '.sources[0] | [has("id","title","outlet","author","published","url","language","file","sha256","provenance")] | all' <<<"$out")" = true
sources_json=$out

run "$LECTERN" claims --json
claims_json=$out
n=$(jq '.claims | length' <<<"$claims_json")
check "claims --json: at least 60 claims ($n)" test "$n" -ge 60
check "claims --json: at least 12 per source" test \
	"$(jq '[.claims | group_by(.source)[] | length] | min' <<<"$claims_json")" -ge 12

# every claim's text is the bytes of its span, checked without lectern:
# the span cut from the file with tail/head, the text decoded from base64
files=$(jq -r '.sources[] | "\(.id) \(.file)"' <<<"$sources_json")
checked=0 mismatch=""
while IFS=$'\t' read -r id src start end text64; do
	file=$(awk -v s="$src" '$1 == s { print $2 }' <<<"$files")
	tail -c +$((start + 1)) "data/$file" | head -c $((end - start)) >"$TMP/span"
	base64 -d <<<"$text64" >"$TMP/text"
	cmp -s "$TMP/span" "$TMP/text" || mismatch="$mismatch $id"
	checked=$((checked + 1))
done < <(jq -r '.claims[] | [.id, .source, .span[0], .span[1], (.text | @base64)] | @tsv' <<<"$claims_json")
check "every claim's text equals its span's bytes ($checked checked)" \
	test -z "$mismatch" -a "$checked" -ge 60
[ -z "$mismatch" ] || echo "     mismatched:$mismatch"

run "$LECTERN" topics --json
n=$(jq '.topics | length' <<<"$out")
check "topics --json: at least 10 topics ($n)" test "$n" -ge 10
single=$(jq -r --argjson c "$claims_json" '
	($c.claims | map({(.id): .source}) | add) as $src
	| .topics[] | select([.claims[] | $src[.]] | unique | length < 2) | .id' <<<"$out")
check "every topic spans two or more sources" test -z "$single"
check "claims --source csm: only csm" test \
	"$("$LECTERN" claims --source csm --json | jq -c '[.claims[].source] | unique')" = '["csm"]'
expect "claims --source unknown" 2 "no source has id" "$LECTERN" claims --source nope

csm=data/sources/csm.txt
check "csm repaired: Russia’s only major ally" grep -qF "Russia’s only major ally" "$csm"
check "csm repaired: “85% of respondents" grep -qF "“85% of respondents" "$csm"
check "csm repaired: no 鈥 left" test "$(grep -c '鈥' "$csm")" = 0
check "csm keeps its site header 海角大神" grep -qF "海角大神" "$csm"
expect "show csm prints the repaired text" 0 "Russia’s only major ally" "$LECTERN" show csm
"$LECTERN" show csm --json | jq -j .text >"$TMP/csm.txt"
check "show --json: the text is the file's bytes" cmp -s "$TMP/csm.txt" "$csm"
ncsm=$("$LECTERN" claims --source csm --json | jq '.claims | length')
check "show --json: all $ncsm of the source's claims, by span" test \
	"$("$LECTERN" show csm --json | jq -c --argjson n "$ncsm" '[.claims[].span[0]] | (. == sort) and length == $n')" = true
expect "show: unknown source" 2 "no source has id" "$LECTERN" show nope
expect "show: needs a source" 2 "usage: lectern show SOURCE" "$LECTERN" show

# ---- output to pipes -------------------------------------------------------

"$LECTERN" list 2>"$TMP/err" | head -1 >"$TMP/out"
st=${PIPESTATUS[0]}
check "list | head -1: one line" test "$(wc -l <"$TMP/out")" = 1
check "list | head -1: exit 0 or SIGPIPE ($st)" test "$st" = 0 -o "$st" = 141
check "list | head -1: nothing on stderr" test ! -s "$TMP/err"
# a reader that is gone before lectern writes
{ sleep 0.3; "$LECTERN" claims 2>"$TMP/err"; } | true
st=${PIPESTATUS[0]}
check "claims into a closed pipe: quiet SIGPIPE exit ($st)" test "$st" = 141
check "claims into a closed pipe: nothing on stderr" test ! -s "$TMP/err"

if [ -w /dev/full ]; then
	"$LECTERN" list >/dev/full 2>"$TMP/err"; st=$?
	check "list > /dev/full: non-zero exit ($st)" test "$st" -ne 0
	check "list > /dev/full: says write error" grep -q "write error" "$TMP/err"
	"$LECTERN" claims --json >/dev/full 2>"$TMP/err"; st=$?
	check "claims --json > /dev/full: exit 2 ($st)" test "$st" = 2
fi

esc=$(printf '\033')
for args in "list" "list --json" "claims" "claims --json" "topics" "topics --json" \
	    "show csm" "show odr --json" "check"; do
	# shellcheck disable=SC2086
	"$LECTERN" $args >"$TMP/out" 2>&1
	check "no ESC byte in: lectern $args" test "$(grep -c "$esc" "$TMP/out")" = 0
done

# ---- finding the corpus ----------------------------------------------------

mkdir -p "$TMP/elsewhere"
cp -r data "$TMP/copy"
cd "$TMP/elsewhere" || exit 2
expect "--corpus DIR" 0 "5 sources" "$LECTERN" check --corpus "$TMP/copy"
expect "--corpus FILE" 0 "5 sources" "$LECTERN" check --corpus "$TMP/copy/corpus.json"
expect "LECTERN_CORPUS" 0 "5 sources" env LECTERN_CORPUS="$TMP/copy" "$LECTERN" check
expect "--corpus beats LECTERN_CORPUS" 2 "no such corpus (from --corpus)" \
	env LECTERN_CORPUS="$TMP/copy" "$LECTERN" check --corpus "$TMP/none"
expect "missing --corpus: exit 2" 2 "no such corpus" "$LECTERN" check --corpus "$TMP/none"
expect "missing LECTERN_CORPUS: exit 2" 2 "(from LECTERN_CORPUS)" \
	env LECTERN_CORPUS="$TMP/none.json" "$LECTERN" list
expect "--corpus a directory without an index: exit 2" 2 "no such corpus" \
	"$LECTERN" list --corpus "$TMP/elsewhere"
expect "./data/corpus.json from the working directory" 0 "5 sources" \
	bash -c "cd '$TMP/copy/..' && mkdir -p wd && cp -r copy wd/data && cd wd && '$LECTERN' check"
expect "--corpus needs an argument" 2 "needs an argument" "$LECTERN" check --corpus
cd "$TOP" || exit 2

# ---- broken copies: one per validation rule --------------------------------

# broken NAME: a fresh copy of data/ in $TMP/NAME; prints its path
broken() {
	rm -rf "${TMP:?}/$1"
	cp -r "$TOP/data" "$TMP/$1"
	echo "$TMP/$1"
}
# edit DIR FILTER: rewrites DIR/corpus.json through jq (same layout as the file)
edit() {
	jq "$2" "$1/corpus.json" >"$1/corpus.tmp" && mv "$1/corpus.tmp" "$1/corpus.json"
}
# pos FILE STRING [NTH [SKIP]]: LINE:COL of the NTH line holding STRING,
# the column moved SKIP characters on (the lines compared are ASCII)
pos() {
	awk -v s="$2" -v n="${3:-1}" -v k="${4:-0}" \
		'{ i = index($0, s); if (i && ++c == n) { print NR ":" i + k; exit } }' "$1"
}
# invalid NAME DIR PATTERN: check fails with exit 1, naming the problem
invalid() {
	expect "$1" 1 "$3" "$LECTERN" check --corpus "$2"
}

d=$(broken truncated)
head -c 5000 "$TOP/data/corpus.json" >"$d/corpus.json"
invalid "truncated JSON" "$d" "corpus.json:$(($(wc -l <"$d/corpus.json") + 1)):"
invalid "truncated JSON: says so" "$d" "unexpected end of input (truncated?)"

d=$(broken garbage)
printf 'x\n' >>"$d/corpus.json"
invalid "trailing garbage" "$d" \
	"corpus.json:$(($(wc -l <"$d/corpus.json"))):1: trailing characters after the JSON value"

d=$(broken dup-source)
sed -i '0,/"id": "blog"/s//"id": "mt"/' "$d/corpus.json"
invalid "duplicate source id" "$d" "corpus.json:$(pos "$d/corpus.json" '"id": "mt"' 2 6): duplicate source id \"mt\""

d=$(broken dup-claim)
sed -i 's/"id": "mt-02"/"id": "mt-01"/' "$d/corpus.json"
invalid "duplicate claim id" "$d" "corpus.json:$(pos "$d/corpus.json" '"id": "mt-01"' 2 6): duplicate claim id \"mt-01\""

d=$(broken dup-topic)
t1=$(jq -r '.topics[0].id' "$d/corpus.json"); t2=$(jq -r '.topics[1].id' "$d/corpus.json")
sed -i "s/\"id\": \"$t2\"/\"id\": \"$t1\"/" "$d/corpus.json"
invalid "duplicate topic id" "$d" \
	"corpus.json:$(pos "$d/corpus.json" "\"id\": \"$t1\"" 2 6): duplicate topic id \"$t1\""

d=$(broken missing-file)
rm "$d/sources/odr.txt"
invalid "missing file" "$d" "sources/odr.txt: cannot open: No such file or directory"

d=$(broken wrong-sha)
edit "$d" '.sources[0].sha256 = ("0" * 64)'
invalid "wrong sha256 in the index" "$d" "sources/mt.txt: sha256 is e96cb3b2"
d=$(broken changed-text)
printf 'appended\n' >>"$d/sources/conv.txt"
invalid "text changed after indexing" "$d" "sources/conv.txt: sha256 is"

d=$(broken span-end)
edit "$d" '.claims[0].span[1] = 999999'
invalid "span past the end" "$d" \
	"corpus.json:$(pos "$d/corpus.json" '"span": [' 1 8): claim \"mt-01\": span [240, 999999] ends past the end of sources/mt.txt"

d=$(broken span-split)
id=$(jq -r '[.claims[] | select(.source == "csm" and (.text | contains("’")))][0].id' "$d/corpus.json")
start=$(jq -r --arg id "$id" '.claims[] | select(.id == $id) | .span[0]' "$d/corpus.json")
text=$(jq -j --arg id "$id" '.claims[] | select(.id == $id) | .text' "$d/corpus.json")
prefix=${text%%’*}
split=$(LC_ALL=C; echo $((start + ${#prefix} + 1)))   # inside the 3 bytes of ’
edit "$d" "(.claims[] | select(.id == \"$id\") | .span[0]) = $split"
invalid "span splitting a UTF-8 character" "$d" "claim \"$id\": span [$split, "
invalid "span splitting a UTF-8 character: says so" "$d" "splits a UTF-8 character"

d=$(broken text-differs)
edit "$d" '.claims[0].text |= sub("January"; "Janvier")'
invalid "text not equal to the span's bytes" "$d" \
	"corpus.json:$(pos "$d/corpus.json" 'Since the middle of Janvier' 1 -1): claim \"mt-01\": text differs from the bytes of its span [240, 362]"

d=$(broken dotdot)
edit "$d" '.sources[1].file = "../data/sources/blog.txt"'
invalid "../ path" "$d" "path leaves the corpus directory ('..')"
check "../ path: located" grep -qF "corpus.json:$(pos "$d/corpus.json" '"file": "../' 1 8):" \
	<("$LECTERN" check --corpus "$d" 2>&1)

d=$(broken absolute)
edit "$d" ".sources[1].file = \"$TOP/data/sources/blog.txt\""
invalid "absolute path" "$d" "absolute path (paths are relative to the index)"

d=$(broken symlink)
cp "$d/sources/mt.txt" "$TMP/outside-mt.txt"
ln -sf "$TMP/outside-mt.txt" "$d/sources/mt.txt"
invalid "symlink escaping the directory (same bytes)" "$d" \
	"sources/mt.txt: path resolves outside the corpus directory"
d=$(broken symlink-rel)
ln -sf "../../outside-mt.txt" "$d/sources/mt.txt"
invalid "relative symlink escaping the directory" "$d" "outside the corpus directory"
d=$(broken symlink-inside)
mv "$d/sources/mt.txt" "$d/mt-real.txt"
ln -s ../mt-real.txt "$d/sources/mt.txt"
expect "symlink staying inside is fine" 0 "ok:" "$LECTERN" check --corpus "$d"

d=$(broken unknown-source)
edit "$d" '.claims[2].source = "nope"'
invalid "unknown source reference" "$d" \
	"corpus.json:$(pos "$d/corpus.json" '"source": "nope"' 1 10): claim \"mt-03\": no source has id \"nope\""

d=$(broken unknown-topic)
edit "$d" '.claims[0].topics += ["no-such-topic"]'
invalid "unknown topic reference (claim)" "$d" "claim \"mt-01\": no topic has id \"no-such-topic\""
d=$(broken unknown-claim)
edit "$d" '.topics[0].claims += ["no-such-claim"]'
invalid "unknown claim reference (topic)" "$d" "no claim has id \"no-such-claim\""

d=$(broken mismatch-claim)
edit "$d" '(.claims[] | select(.id == "mt-04") | .topics) = []'
invalid "topic lists a claim that does not name it" "$d" \
	"topic \"feb22-stoltenberg-30000\" lists claim \"mt-04\", whose \"topics\" does not name it"
d=$(broken mismatch-topic)
edit "$d" '(.claims[] | select(.id == "mt-01") | .topics) += ["feb22-stoltenberg-30000"]'
invalid "claim names a topic that does not list it" "$d" \
	"claim \"mt-01\" names topic \"feb22-stoltenberg-30000\", which does not list it"

for date in 2022-13 2022-02-30 22-02-09 2022/02/09 "9 February 2022" 2022-02-09T25:00; do
	d=$(broken bad-date)
	edit "$d" ".sources[3].published = \"$date\""
	invalid "bad date \"$date\"" "$d" \
		"corpus.json:$(pos "$d/corpus.json" '"published": "' 4 13): source \"odr\": \"published\" is \"$date\", not an ISO 8601 date"
done
d=$(broken bad-interval)
edit "$d" '.claims[1].values[0].value = "2022-02-20/2022-02-10"'
invalid "date interval ending before it starts" "$d" "not an ISO 8601 date"
d=$(broken good-dates)
edit "$d" '.sources[3].published = "2022-02-09T10:10+03:00" | .claims[1].values[0].value = "2022-02-10/P10D"'
expect "ISO dates with time and START/PnD accepted" 0 "ok:" "$LECTERN" check --corpus "$d"
d=$(broken partial-day)
edit "$d" '.claims[1].values[0] |= (.value = "--02-29" | del(.start, .end))'
expect "a day of no stated year (--MM-DD) accepted as a date value" 0 "ok:" "$LECTERN" check --corpus "$d"
for date in --02-30 --13-01 --2-01 ---02-01; do
	d=$(broken bad-partial)
	edit "$d" ".claims[1].values[0] |= (.value = \"$date\" | del(.start, .end))"
	invalid "bad partial day \"$date\"" "$d" "not an ISO 8601 date"
done
d=$(broken partial-start)
edit "$d" '.claims[1].values[0].start = "--02-10"'
invalid "a partial day is no start" "$d" "not an ISO 8601 date"

d=$(broken schema)
edit "$d" '.schema = "lectern-korpus"'
invalid "wrong schema" "$d" "corpus.json:2:13: schema is \"lectern-korpus\", not \"lectern-corpus\""

d=$(broken version)
edit "$d" '.version = 2'
invalid "unsupported version" "$d" "corpus.json:3:14: schema version 2 is not supported"
d=$(broken version-type)
edit "$d" '.version = "1"'
invalid "version of the wrong type" "$d" "\"version\" must be a whole number, not a string"

d=$(broken missing-field)
edit "$d" 'del(.sources[2].sha256)'
invalid "missing required field (source)" "$d" "source \"conv\": missing field \"sha256\""
d=$(broken missing-kind)
edit "$d" 'del(.claims[5].kind)'
invalid "missing required field (claim)" "$d" "missing field \"kind\""
d=$(broken missing-nullable)
edit "$d" 'del(.sources[0].author)'
invalid "missing nullable field (must be present, may be null)" "$d" "missing field \"author\""
d=$(broken missing-top)
edit "$d" 'del(.topics)'
invalid "missing top-level array" "$d" "corpus: missing field \"topics\""

d=$(broken wrong-type)
edit "$d" '.sources[0].title = 5'
invalid "wrong type" "$d" \
	"corpus.json:$(pos "$d/corpus.json" '"title": 5' 1 9): source \"mt\": \"title\" must be a string or null, not a number"
d=$(broken wrong-type-span)
edit "$d" '.claims[0].span = "240-362"'
invalid "wrong type (span)" "$d" "span must be [start, end], not a string"
d=$(broken fraction)
edit "$d" '.claims[0].span[0] = 240.5'
invalid "fractional offset" "$d" "span start must be a whole number, not a fraction"
d=$(broken bad-enum)
edit "$d" '.claims[0].kind = "rumour"'
invalid "kind outside its set" "$d" "\"kind\" is \"rumour\", expected one of: quantity, date, statement, quote, assessment, event"
d=$(broken bad-id)
edit "$d" '.claims[0].id = "mt 01"'
invalid "id with a space" "$d" "id \"mt 01\" must be 1 to 64 of A-Z a-z 0-9 . _ : -"

d=$(broken dup-key)
sed -i '0,/"outlet": "The Moscow Times",/s//"outlet": "The Moscow Times", "outlet": "x",/' "$d/corpus.json"
invalid "duplicate key" "$d" "corpus.json:$(pos "$d/corpus.json" '"outlet": "x"' 1 10): duplicate key \"outlet\""
d=$(broken case-key)
sed -i '0,/"outlet": "The Moscow Times",/s//"outlet": "The Moscow Times", "Outlet": "x",/' "$d/corpus.json"
invalid "keys differing only in case" "$d" "key \"Outlet\" differs from \"outlet\" only in case"
d=$(broken nul)
sed -i '0,/"outlet": "The Moscow Times"/s//"outlet": "The Moscow\\u0000 Times"/' "$d/corpus.json"
invalid "\\u0000 in a string" "$d" "\\u0000 (NUL) in string"
d=$(broken bom)
{ printf '\357\273\277'; cat "$TOP/data/corpus.json"; } >"$d/corpus.json"
expect "a UTF-8 BOM is accepted" 0 "ok:" "$LECTERN" check --corpus "$d"

d=$(broken escape)
edit "$d" '.sources[0].title = "\u001b[31mred\u001b[0m" | .topics[0].label = "\u001b]0;owned\u0007"'
for args in list "list --json" "show mt" "topics" "topics --json" "check"; do
	# shellcheck disable=SC2086
	"$LECTERN" $args --corpus "$d" >"$TMP/out" 2>&1
	check "ESC in the corpus never reaches output: $args" test "$(grep -c "$esc" "$TMP/out")" = 0
done
expect "ESC shown as ^[" 0 "^[[31mred^[[0m" "$LECTERN" list --corpus "$d"

d=$(broken several)
edit "$d" '.sources[0].sha256 = ("0" * 64) | .claims[0].kind = "rumour" | .claims[3].source = "nope" | .topics[0].id = "bad id"'
printf ' ' >>"$d/sources/blog.txt"
run "$LECTERN" check --corpus "$d"
check "several problems: exit 1" test "$rc" = 1
for want in "sources/mt.txt: sha256" "\"kind\" is \"rumour\"" "no source has id \"nope\"" \
	    "id \"bad id\" must be" "sources/blog.txt: sha256"; do
	check "several problems: reports $want" grep -qF -- "$want" <<<"$err"
done
check "several problems: one line each, counted" grep -qE "^lectern: .*corpus.json: [0-9]+ problems$" <<<"$err"
check "several problems: nothing on stdout" test -z "$out"

d=$(broken not-json)
printf '\377\376{\0}\0' >"$d/corpus.json"
invalid "UTF-16 index" "$d" "corpus.json:1:1: file is UTF-16"
d=$(broken fifo-index)
rm "$d/corpus.json"; mkfifo "$d/corpus.json"
expect "index that is a FIFO: exit 2" 2 "corpus.json: cannot read" "$LECTERN" check --corpus "$d"


# ---- the README's examples are real output ---------------------------------

# Each "    $ lectern COMMAND ..." block of README.md whose command is a
# scripting command on the bundled corpus is run, and its output compared
# with the lines shown under it.  Blocks that elide output ("...") or use
# another corpus are skipped.
readme_run() {
	[ -n "$cmd" ] || return 0
	case $cmd in *--corpus*) cmd=""; return 0 ;; esac
	case $want in *...*) cmd=""; return 0 ;; esac
	got=$(cd "$TOP" && LECTERN=$LECTERN bash -c "\"\$LECTERN\"${cmd#lectern}" 2>&1)
	if [ "$got" = "${want%$'\n'}" ]; then
		ok "README example: $cmd"
	else
		bad "README example: $cmd" "$(diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | head -5)"
	fi
	readme_examples=$((readme_examples + 1))
	cmd=""
}
readme_examples=0 cmd="" want=""
while IFS= read -r line; do
	case $line in
	'    $ lectern '@(check|list|show|claims|topics|compare|export|stats|eval)*)
		readme_run; cmd=${line#    \$ }; want="" ;;
	'    $ '*)
		readme_run ;;
	'    '*)
		[ -n "$cmd" ] && want+="${line#    }"$'\n' ;;
	*)
		readme_run ;;
	esac
done <"$TOP/README.md"
readme_run
check "README: at least 5 examples checked ($readme_examples)" test "$readme_examples" -ge 5

# ---- the example in lectern-corpus(5) is a valid corpus --------------------

# example N: the Nth .EX block of the man page, as plain text
example() {
	awk -v n="$1" '/^\.EX/ { k++; next } /^\.EE/ { if (k == n) exit; next } k == n' \
		"$TOP/man/lectern-corpus.5" | sed 's/\\-/-/g'
}
mkdir -p "$TMP/man-example/sources"
example 1 >"$TMP/man-example/sources/example.txt"
example 2 >"$TMP/man-example/corpus.json"
check "man page example text: 82 bytes as stated" \
	test "$(wc -c <"$TMP/man-example/sources/example.txt")" = 82
expect "man page example passes check" 0 "ok: Example: 1 sources, 2 claims, 1 topics" \
	"$LECTERN" check --corpus "$TMP/man-example"

finish
