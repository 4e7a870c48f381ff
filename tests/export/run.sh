#!/usr/bin/env bash
# Export tests: lectern export on a small invented corpus (fixtures/dam.spec:
# a claim in three topics, units that normalisation converts, hostile text)
# and on the bundled corpus.  CSV is read back with Python's csv module.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/compare/mkcorpus.sh"
cd "$TOP" || exit 2

if ! command -v python3 >/dev/null; then
	echo "skip: python3 is not installed (make deps installs it)"
	finish
	exit
fi

D=$TMP/dam
mkcorpus "$D" <tests/export/fixtures/dam.spec
# titles, authors and addresses for the report (one address is hostile)
jq '.sources |= map(. + {title: ("The dam, by " + .outlet), author: "A. Writer",
	url: (if .id == "post" then "https://example.com/a b<script>" else "https://example.com/" + .id end)})' \
	"$D/corpus.json" >"$TMP/c.json" && mv "$TMP/c.json" "$D/corpus.json"
expect "the fixture is a valid corpus" 0 "ok:" "$LECTERN" check --corpus "$D"

# ---- usage ----
expect "export needs a format" 2 "usage: lectern export" "$LECTERN" export
expect "an unknown format is refused" 2 'unknown export format "xls" (csv, json, md)' "$LECTERN" export --format xls
expect "an unknown table is refused" 2 'unknown export table "rows" (claims, topics, matrix)' \
	"$LECTERN" export --format csv --what rows
expect "--what goes with csv only" 2 "--what chooses a CSV table" "$LECTERN" export --format json --what claims
expect "a hostile format is quoted safely" 2 'unknown export format "^[[31m"' "$LECTERN" export --format $'\e[31m'

# ---- JSON ----
run "$LECTERN" export --format json --corpus "$D"
json=$out
check "json: exit 0 and valid" test "$rc" = 0 -a -n "$(jq -c .topics <<<"$json")"
check "json: a claim in three topics lists all three" test \
	"$(jq -c '.claims[] | select(.id == "d-1") | .topics' <<<"$json")" = '["dam-time","dam-length","dam-opening"]'
check "json: each of those topics lists the claim" test \
	"$(jq '[.topics[] | select(.claims | index("d-1"))] | length' <<<"$json")" = 3
check "json: the claim fills a cell in each topic's row" test \
	"$(jq '[.matrix[] | select(.cells.daily.claims | index("d-1"))] | length' <<<"$json")" = 3
check "json: a value as written keeps its unit (2 years)" test \
	"$(jq -c '.claims[] | select(.id == "w-1") | .values[0].written | [.value, .unit]' <<<"$json")" = '[2,"years"]'
check "json: the normalised value has its own unit (730.485 days)" test \
	"$(jq -c '.claims[] | select(.id == "w-1") | .values[0].normalised | [.low, .unit, .kind]' <<<"$json")" = '[730.485,"days","duration"]'
check "json: miles as written, km normalised" test \
	"$(jq -c '.claims[] | select(.id == "d-1") | .values[0] | [.written.value, .written.unit, .normalised.unit, (.normalised.low * 1000 | round)]' <<<"$json")" = '[3,"mi","km",4828]'
check "json: months become days" test \
	"$(jq -c '.claims[] | select(.id == "d-1") | .values[1] | [.written.unit, .normalised.unit]' <<<"$json")" = '["months","days"]'
check "json: a date as written and as an interval" test \
	"$(jq -c '.claims[] | select(.id == "d-1") | .values[2] | [.written.date, .normalised.start, .normalised.end, .about]' <<<"$json")" = '["2024-01-05","2024-01-05","2024-01-05","opening of the dam"]'
check "json: sources carry outlet, title, date, address" test \
	"$(jq -c '.sources[] | select(.id == "wire") | [.outlet, .title, .published, .url]' <<<"$json")" = '["North Wire","The dam, by North Wire","2024-01-10","https://example.com/wire"]'
check "json: no raw escape byte" bash -c '! grep -q $'"'"'\x1b'"'"' <<<"$1"' _ "$json"

# ---- CSV, read back with Python's csv module ----
for w in claims topics matrix; do
	"$LECTERN" export --format csv --what $w --corpus "$D" >"$TMP/$w.csv"
	check "csv $w: exit 0" test $? = 0
done
"$LECTERN" export --format csv --corpus "$D" >"$TMP/default.csv"
check "csv: the claims table is the default" cmp -s "$TMP/default.csv" "$TMP/claims.csv"
# csvcheck FILE: one table, every row as wide as the header, CRLF line ends
csvcheck() {
	python3 - "$1" <<'PY'
import csv, sys
raw = open(sys.argv[1], 'rb').read()
assert raw.endswith(b'\r\n'), 'no CRLF at the end'
assert b'\n' not in raw.replace(b'\r\n', b''), 'a bare LF'
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))
assert len(rows) >= 2, 'no data rows'
assert all(len(r) == len(rows[0]) for r in rows), 'rows of different widths'
assert all(''.join(r) for r in rows), 'an empty row: two tables in one file?'
PY
}
for w in claims topics matrix; do
	check "csv $w: one RFC 4180 table" csvcheck "$TMP/$w.csv"
done
# field FILE KEYCOL KEY COL: the field COL of the row whose KEYCOL is KEY
field() {
	python3 - "$@" <<'PY'
import csv, sys
f, kc, key, col = sys.argv[1:]
rows = list(csv.DictReader(open(f, newline='', encoding='utf-8')))
print('\n'.join(r[col] for r in rows if r[kc] == key))
PY
}
check "csv claims: header" test "$(head -1 "$TMP/claims.csv")" = $'id,source,outlet,speaker,kind,topics,values,normalised,text,note\r'
check "csv claims: every topic of the claim" test "$(field "$TMP/claims.csv" id d-1 topics)" = "dam-time dam-length dam-opening"
check "csv claims: values as written and normalised" test \
	"$(field "$TMP/claims.csv" id w-1 values)|$(field "$TMP/claims.csv" id w-1 normalised)" = "2 years|730.5 days"
check "csv claims: quotes kept, the text whole" test \
	"$(field "$TMP/claims.csv" id p-1 text)" = 'Engineers say the dam took 730 days, "start to finish", to build.'
check "csv claims: = gets a leading '" test \
	"$(field "$TMP/claims.csv" id w-2 text)" = "'=HYPERLINK(\"http://example.com\") and the dam opened on 5 January."
check "csv claims: - gets a leading ', the escape is shown as ^[" test \
	"$(field "$TMP/claims.csv" id p-2 text)" = "'-1 pumps worked at the opening; @admin said +5 more would come, and the screen read ^[[2Jdone, which a reader of this rather long claim should see in full."
check "csv claims: no other field gets a '" test \
	"$(python3 -c "import csv,sys; print(sum(f.startswith(\"'\") for r in csv.reader(open(sys.argv[1], newline='')) for f in r))" "$TMP/claims.csv")" = 2
check "csv: no raw escape byte" bash -c '! grep -q $'"'"'\x1b'"'"' "$1"' _ "$TMP/claims.csv"
check "csv topics: one row per membership (d-1 in three)" test "$(field "$TMP/topics.csv" claim d-1 topic | tr '\n' ' ')" = "dam-time dam-length dam-opening "
check "csv topics: every membership of the index" test "$(($(wc -l <"$TMP/topics.csv") - 1))" = 8
check "csv matrix: header, one column per source" test "$(head -1 "$TMP/matrix.csv")" = $'topic,label,origin,status,wire,post,daily\r'
check "csv matrix: a cell is never cut" test \
	"$(field "$TMP/matrix.csv" topic dam-opening post)" = "'-1 pumps worked at the opening; @admin said +5 more would come, and the screen read ^[[2Jdone, which a reader of this rather long claim should see in full. (related)"
check "csv matrix: the claim's cell in each of its topics" test \
	"$(field "$TMP/matrix.csv" topic dam-length daily)" = "4.828 km; 730.5 days; 2024-01-05 (differ)"

# ---- Markdown: a report ----
run "$LECTERN" export --format md --corpus "$D"
md=$out
check "md: exit 0" test "$rc" = 0
check "md: a title" grep -qx '# test corpus' <<<"$md"
check "md: the sources, with outlet, title, author, date and address" grep -qxF -e \
	'- **wire**: *North Wire*, “The dam, by North Wire”, by A. Writer, 2024-01-10. <https://example.com/wire>' <<<"$md"
check "md: a guessed or partial date as given" grep -qF '*The Daily*, “The dam, by The Daily”, by A. Writer, 2024-02.' <<<"$md"
check "md: an address that is not a plain URL is not a link" grep -qF '2024-01-12. https://example.com/a b\<script\>' <<<"$md"
check "md: every topic has its heading" test "$(grep -c '^### ' <<<"$md")" = 3
check "md: a topic states its status" grep -qxF '`dam-time` (curated): **agree**, 3 sources.' <<<"$md"
check "md: claims quoted" grep -qxF '> “The dam took 2 years to build.”' <<<"$md"
check "md: and cited (speaker, outlet, date, source, claim, values, verdict)" grep -qxF \
	'> — engineers, in Valley Post, 2024-01-12 [post, claim p-1]; 730 days (~ differ)' <<<"$md"
check "md: a claim in three topics is quoted in each" test \
	"$(grep -c '^> — The Daily, 2024-02 \[daily, claim d-1\]' <<<"$md")" = 3
check "md: markup in claims is escaped" grep -qF '> “=HYPERLINK("http://example.com") and' <<<"$md"
check "md: no raw escape byte" bash -c '! grep -q $'"'"'\x1b'"'"' <<<"$1"' _ "$md"
check "md: a leading - in a quote cannot start a list" grep -qF '> “\-1 pumps' <<<"$md"

# ---- the bundled corpus ----
run "$LECTERN" topics --json
members=$(jq -r '.topics[] | .id as $t | .claims[] | "\($t) \(.)"' <<<"$out" | sort)
"$LECTERN" export --format csv --what topics >"$TMP/b-topics.csv"
got=$(python3 -c "import csv,sys; [print(r['topic'], r['claim']) for r in csv.DictReader(open(sys.argv[1], newline=''))]" "$TMP/b-topics.csv" | sort)
missing=$(comm -23 <(printf '%s\n' "$members") <(printf '%s\n' "$got"))
check "bundled: every curated membership in the topics table ($(wc -l <<<"$members"))" test -z "$missing"
run "$LECTERN" export --format json
multi=$(jq '[.claims[] | select((.topics | length) > 1)] | length' <<<"$out")
want=$(jq -r '.topics[].claims[]' < <("$LECTERN" topics --json) | sort | uniq -d | wc -l)
check "bundled json: the $want claims in several curated topics list them all" test "$multi" -ge "$want" -a "$want" -ge 5
"$LECTERN" export --format csv --what matrix >"$TMP/b-matrix.csv"
check "bundled matrix: a curated row" grep -qF "allied-resolve-announcement,When were the Allied Resolve exercises announced?,curated,conflict," "$TMP/b-matrix.csv"
check "bundled matrix: one table" csvcheck "$TMP/b-matrix.csv"

finish
