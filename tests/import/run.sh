#!/usr/bin/env bash
# Import tests: the raw seed articles in, a checked corpus out, the bundled
# corpus reproduced, extraction and its quality measured.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 2

SEEDS=$TOP/tests/fixtures/seeds
OUT=$TMP/x

expect "import the seeds" 0 "imported 5 sources" "$LECTERN" import "$SEEDS" --output "$OUT"
expect "check the imported corpus" 0 "ok:" "$LECTERN" check --corpus "$OUT"
expect "no overwrite without --force" 2 "already exists" "$LECTERN" import "$SEEDS" --output "$OUT"
expect "overwrite with --force" 0 "imported 5 sources" "$LECTERN" import "$SEEDS" --output "$OUT" --force
said=$(sed -n 's/.*: \([0-9]*\) extracted claims$/\1/p' <<<"$out")
check "import prints the claim count of the corpus it wrote" \
	test "$said" = "$(jq '.claims | length' "$OUT/corpus.json")"
check "no staging or old copies left" test -z "$(ls -d "$TMP"/x.* 2>/dev/null)"
expect "import needs --output" 2 "usage" "$LECTERN" import "$SEEDS"
expect "import of a missing path" 2 "No such file" "$LECTERN" import "$TMP/nothing" --output "$TMP/y"
check "failed import leaves nothing" test ! -e "$TMP/y"
mkdir -p "$TMP/dirs/a.txt"
expect "a folder named .txt is an error, not a crash" 2 "a.txt" "$LECTERN" import "$TMP/dirs" --output "$TMP/y"
check "nothing left after the error" test -z "$(ls -d "$TMP"/y* 2>/dev/null)"

# the texts reproduce data/sources byte for byte, matched by original name
id_of() { # original file name -> text file of the bundled corpus
	grep -o "\"file\": *\"sources/[a-z]*.txt\"\|\"original\": *\"$1\"" data/corpus.json |
		grep -B1 "\"original\": *\"$1\"" | head -1 | sed 's/.*"\(sources\/[a-z]*.txt\)"/\1/'
}
imp_id() { # original file name -> id in the imported corpus
	jq -r --arg f "$1" '.sources[] | select(.provenance.original == $f) | .id' "$OUT/corpus.json"
}
for f in "$SEEDS"/*.txt; do
	base=$(basename "$f" .txt)
	want=$(id_of "$base.txt")
	check "text of $base reproduces data/$want" cmp -s "$OUT/sources/$(imp_id "$base.txt").txt" "data/$want"
done

# the seeds' file names are hashes: the sources are named after their
# outlets, or the title when the text names no outlet
check "ids from outlets and titles, not hashes" test "$(jq -r '[.sources[].id] | sort | join(" ")' "$OUT/corpus.json")" = \
	"christian-science-monitor conversation moscow-times opendemocracy successful-broker-client"
check "claim ids follow the source id" test "$(jq -r '.claims[0].id' "$OUT/corpus.json")" = "$(jq -r '.claims[0].source' "$OUT/corpus.json")-x001"
run "$LECTERN" list --corpus "$OUT"
check "list marks a guessed date with ?" grep -Eq '^moscow-times +2022-02\? ' <<<"$out"
mkdir -p "$TMP/named"
cp "$SEEDS/000_2950ff8a372f8093.txt" "$TMP/named/mt feb.txt"
cp "$SEEDS/000_2950ff8a372f8093.txt" "$TMP/named/0417.txt"
cp "$SEEDS/000_2950ff8a372f8093.txt" "$TMP/named/5d41402abc4b2a76b9719d911017c592.txt"
expect "import: names of people and programs" 0 "imported 3" "$LECTERN" import "$TMP/named" --output "$TMP/named-out"
check "a person's file name is kept; made-up ones name the outlet, once each" \
	test "$(jq -r '[.sources[].id] | join(" ")' "$TMP/named-out/corpus.json")" = "moscow-times moscow-times-2 mt_feb"

CSM=$OUT/sources/christian-science-monitor.txt
check "mojibake repaired: no 鈥 left" bash -c "! grep -q '鈥' '$CSM'"
check "Chinese site header intact" bash -c "head -1 '$CSM' | grep -qx '海角大神'"
check "lost bytes restored" grep -q "Belarus’ 70,000-strong army" "$CSM"
run "$LECTERN" show --json christian-science-monitor --corpus "$OUT"
check "provenance lists the encoding repair" grep -q '"count":	63' <<<"$out"
check "provenance lists 25 inferred bytes" grep -q "25 with a lost last byte" <<<"$out"
check "boilerplate marked: site header span" grep -q '\[0, 12\]' <<<"$(tr -d '\n\t' <<<"$out" | sed 's/,\[/, [/g; s/\],/], /g')"
run "$LECTERN" show --json opendemocracy --corpus "$OUT"
check "boilerplate: 9 spans in the openDemocracy article" grep -q '"count":	9' <<<"$out"
check "metadata guessed: author" grep -q '"author":	"Igor Ilyash"' <<<"$out"
check "metadata guessed: date" grep -q '"published":	"2022-02-09"' <<<"$out"
check "guesses are marked" grep -q '"guessed":' <<<"$out"

# boilerplate spans equal the bundled corpus's
for id in mt blog conv odr csm; do
	orig=$("$LECTERN" show --json "$id" | grep -o '"original":[^,]*' | head -1 | sed 's/.*"\(.*\)\.txt"/\1/')
	a=$("$LECTERN" show --json "$(imp_id "$orig.txt")" --corpus "$OUT" | tr -d ' \n\t' | grep -o '"boilerplate":\[[][0-9,]*\]')
	b=$("$LECTERN" show --json "$id" | tr -d ' \n\t' | grep -o '"boilerplate":\[[][0-9,]*\]')
	check "boilerplate spans of $id as in data/" test -n "$a" -a "$a" = "$b"
done

# extracted claims with speakers and values
run "$LECTERN" claims --json --corpus "$OUT"
claims=$(tr -d '\n\t ' <<<"$out")
has_claim() { grep -q "$1" <<<"$claims"; }
check "Stoltenberg: 30000 troops" has_claim '"speaker":"JensStoltenberg","speaker_role":"NATOSecretaryGeneral","values":\[{"type":"quantity","value":30000,"unit":"troops"'
check "Porotnikov: about 10000 troops" has_claim '"speaker":"AndreyPorotnikov",[^]]*"value":10000,"unit":"troops","counted":"Russiantroops","qualifier":"about"'
check "Vardomatsky: 85 percent" has_claim '"speaker":"AndreiVardomatsky",[^]]*"value":85,"unit":"percent"'
check "9000 troops, about" has_claim '"value":9000,"unit":"troops","counted":"Russiantroops","qualifier":"about","low":8500,"high":9500'
check "145 miles" has_claim '"value":145,"unit":"mi"'
check "extracted origin" has_claim '"origin":"extracted"'

# extract keeps curated claims and unknown fields, and drops same-span duplicates
cp -r data "$TMP/d"
sed -i 's/"schema": "lectern-corpus",/"schema": "lectern-corpus", "x_local": {"keep": true},/' "$TMP/d/corpus.json"
expect "extract into a copy of data/" 0 "extracted" "$LECTERN" extract --corpus "$TMP/d"
expect "the copy still checks" 0 "ok:" "$LECTERN" check --corpus "$TMP/d"
check "unknown fields kept" grep -q '"x_local"' "$TMP/d/corpus.json"
check "curated claims kept" test "$("$LECTERN" claims --json --corpus "$TMP/d" | grep -c '"origin":[[:space:]]*"curated"')" = 126
check "no extracted claim repeats a curated span" bash -c '! "$0" claims --json --corpus "$1" | tr -d " \n\t" | grep -o "\"span\":\[[0-9]*,[0-9]*\],[^}]*\"origin\":\"[a-z]*\"" | sed "s/,\"text.*origin\"//" | sort | uniq -d | grep -q .' "$LECTERN" "$TMP/d"
n1=$(grep -c '"origin":[[:space:]]*"extracted"' "$TMP/d/corpus.json")
check "extracted claims added" test "$n1" -gt 50
expect "extract again" 0 "replaced" "$LECTERN" extract --corpus "$TMP/d"
check "extract again gives the same claims" test "$(grep -c '"origin":[[:space:]]*"extracted"' "$TMP/d/corpus.json")" = "$n1"

# extract reads each text once, checking it as it goes: a changed text
# stops it with check's located messages, the index as it was, no
# temporary file left
cp -r data "$TMP/changed"
sed -i '0,/the/s//THE/' "$TMP/changed/sources/csm.txt"
cp "$TMP/changed/corpus.json" "$TMP/changed.before"
LECTERN_CACHE=0 "$LECTERN" check --corpus "$TMP/changed" >/dev/null 2>"$TMP/changed.check"
expect "extract with a changed text fails" 1 'claim "csm-02": text differs' "$LECTERN" extract --corpus "$TMP/changed"
check "  ... with the messages of check, located" diff "$TMP/changed.check" "$TMP/stderr"
check "  ... the index as it was" cmp -s "$TMP/changed.before" "$TMP/changed/corpus.json"
check "  ... no temporary file left" test -z "$(ls "$TMP/changed" | grep tmp)"

# the quality table: fails (exit 1) if a target is missed
expect "eval meets the targets on data/" 0 "speaker accuracy" "$LECTERN" eval --against data/corpus.json
printf '%s\n' "$out" | sed -n '/^measure/,$p'
expect "eval on the imported corpus" 0 "recall, quantity and date claims" "$LECTERN" eval --against data/corpus.json --corpus "$OUT"
expect "eval needs --against" 2 "usage" "$LECTERN" eval

# other encodings and HTML
mkdir -p "$TMP/enc"
printf '\xef\xbb\xbfThe first line\r\nThe second line\r\n' >"$TMP/enc/bom.txt"
printf '\xff\xfeH\x00i\x00 \x00\x19\x20\n\x00' >"$TMP/enc/utf16.txt"
printf 'Caf\xe9 au lait costs \x803 in Paris.\n' >"$TMP/enc/latin.txt"
printf 'It\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s a test, \xc3\xa2\xe2\x82\xac\xc5\x93quoted\xc3\xa2\xe2\x82\xac\n' >"$TMP/enc/w1252.txt"
printf '<html><head><style>p{}</style></head><body><h1>A Title Here</h1><p>Some &amp; more text &#8217;here&#8217;.</p><script>x()</script></body></html>' >"$TMP/enc/page.html"
printf '{"id": "named", "title": "Stated Title", "published": "2021-05-06"}' >"$TMP/enc/bom.meta.json"
expect "import other encodings" 0 "imported 5 sources" "$LECTERN" import "$TMP/enc" --output "$TMP/e"
check "BOM dropped and CRLF made LF" cmp -s "$TMP/e/sources/named.txt" <(printf 'The first line\nThe second line\n')
check "UTF-16 converted" cmp -s "$TMP/e/sources/utf16.txt" <(printf 'Hi \xe2\x80\x99\n')
check "Windows-1252 converted" cmp -s "$TMP/e/sources/latin.txt" <(printf 'Caf\xc3\xa9 au lait costs \xe2\x82\xac3 in Paris.\n')
check "Windows-1252 mojibake repaired" cmp -s "$TMP/e/sources/w1252.txt" <(printf 'It\xe2\x80\x99s a test, \xe2\x80\x9cquoted\xe2\x80\x9d\n')
check "HTML stripped" cmp -s "$TMP/e/sources/page.txt" <(printf 'A Title Here\n\nSome & more text \xe2\x80\x99here\xe2\x80\x99.\n')
run "$LECTERN" show --json named --corpus "$TMP/e"
check "sidecar wins over guesses" grep -q '"title":	"Stated Title"' <<<"$out"
check "sidecar fields are not marked guessed" bash -c '! grep -A3 "\"guessed\"" <<<"$0" | grep -q "\"title\""' "$out"
check "line ends recorded" grep -q "2 CRLF line ends made LF" <<<"$out"
printf 'x\xff\xfey \xc3\xa9 ok\n' >"$TMP/bad.txt"
expect "invalid bytes replaced and counted" 0 "imported 1 sources" "$LECTERN" import "$TMP/bad.txt" --output "$TMP/b"
check "U+FFFD in place of invalid bytes" cmp -s "$TMP/b/sources/bad.txt" <(printf 'x\xef\xbf\xbd\xef\xbf\xbdy \xc3\xa9 ok\n')
check "invalid bytes counted" grep -q "2 invalid bytes replaced" "$TMP/b/corpus.json"

# real news: the gold anchors of ../shared/newsdev lie in extracted claims
# (lectern-corpus extraction coverage, measured by the shared scorer)
ND=$TOP/../shared/newsdev
SCORER=$TOP/../shared/tools/score_trust.py
if [ -f "$ND/gold.json" ] && [ -f "$SCORER" ] && command -v python3 >/dev/null; then
	mkdir -p "$TMP/nd"
	cp "$ND"/*.txt "$TMP/nd/"
	expect "import newsdev" 0 "imported" "$LECTERN" import "$TMP/nd" --output "$TMP/ndc"
	"$LECTERN" --corpus "$TMP/ndc" compare --auto-only --json >"$TMP/nd-compare.json" 2>/dev/null
	"$LECTERN" --corpus "$TMP/ndc" claims --json >"$TMP/nd-claims.json"
	run python3 "$SCORER" "$ND/gold.json" "$TMP/nd" "$TMP/ndc" "$TMP/nd-compare.json" "$TMP/nd-claims.json"
	cov=$(sed -n 's/.*coverage \([0-9.]*\) (\([0-9]*\/[0-9]*\)).*/\1 \2/p' <<<"$out" | tail -1)
	echo "     newsdev anchor coverage: $cov"
	check "newsdev: at least 0.95 of the gold anchors lie in a claim" \
		awk -v c="${cov#* }" 'BEGIN { split(c, f, "/"); exit !(f[2] > 0 && f[1] / f[2] >= 0.95) }'
else
	echo "skip newsdev coverage: no ../shared/newsdev, its scorer or python3"
fi

# scale: files are staged without a flush each; the stage is flushed once
# per directory before it becomes the corpus (strace counts the calls), and
# a corpus where no source states a date is not compared to date it
if command -v strace >/dev/null; then
	mkdir -p "$TMP/many"
	for i in $(seq 1 40); do printf 'Report %d. About %d troops arrived.\n' "$i" "$((i * 100))" >"$TMP/many/r$i.txt"; done
	strace -f -qq -e trace=fsync,fdatasync,syncfs -o "$TMP/many.strace" "$LECTERN" import "$TMP/many" --output "$TMP/manyc" >/dev/null 2>&1
	nsync=$(grep -c 'sync' "$TMP/many.strace")
	check "import of 40 files flushes a fixed number of times, not once per file ($nsync)" test "$nsync" -le 8
	check "the corpus flushed in batches checks" "$LECTERN" check --corpus "$TMP/manyc"
else
	echo "skip flush count: no strace"
fi

# HTML through libxml2: the page's own metadata beats the guesses
mkdir -p "$TMP/page"
cat >"$TMP/page/saved.html" <<'HTML'
<!DOCTYPE html><html lang="en-GB"><head><title>Site | Headline</title>
<meta name="author" content="Jane Roe"><meta property="og:site_name" content="The Daily Example">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Troops gather near the border","datePublished":"2022-02-09T08:00:00Z"}</script>
</head><body><nav>Home | World</nav><article><h1>Troops gather</h1><p>Prices rose &euro;5 &times; 2, and 5 < 7.</p>
<table><tr><td>Kyiv</td><td>30,000</td></tr></table></article><footer>Copyright</footer></body></html>
HTML
expect "import a saved page" 0 "imported 1 sources" "$LECTERN" import "$TMP/page" --output "$TMP/pg"
check "page text: entities, < and table cells; nav and footer dropped" cmp -s "$TMP/pg/sources/saved.txt" \
	<(printf 'Troops gather\n\nPrices rose \xe2\x82\xac5 \xc3\x97 2, and 5 < 7.\n\nKyiv\t30,000\n')
check "page metadata: JSON-LD, og and meta tags, none guessed" test \
	"$(jq -r '.sources[0] | [.title, .author, .outlet, .published, .language, (.provenance.guessed | length)] | join("|")' "$TMP/pg/corpus.json")" = \
	"Troops gather near the border|Jane Roe|The Daily Example|2022-02-09|en|0"

# charsets: texts written for these tests in each charset (and UTF-16
# without a BOM) round-trip to the UTF-8 of their language's .utf8 file;
# declared charsets (meta, http-equiv, XML declaration, sidecar) win
CS=$TOP/tests/import/charsets
expect "import texts in other charsets" 0 "imported 10 sources" "$LECTERN" import "$CS" --output "$TMP/cs"
for f in "$CS"/*-*.txt; do
	b=$(basename "$f" .txt)
	check "$b round-trips to UTF-8" cmp -s "$TMP/cs/sources/$b.txt" "$CS/${b%%-*}.utf8"
	cs=${b#*-}
	check "$b: provenance names $cs and a confidence" grep -q "converted from $cs with iconv (detected, confidence [01]\.[0-9][0-9])" \
		<<<"$(jq -r --arg id "$b" '.sources[] | select(.id == $id) | .provenance.repairs[].detail' "$TMP/cs/corpus.json")"
done
for p in meta:windows-1251:Минск equiv:koi8-r:Минск xml:iso-8859-2:Łódź; do
	IFS=: read -r name cs word <<<"$p"
	check "page declaring $cs ($name) decoded" cmp -s "$TMP/cs/sources/page-$name.txt" <(printf '%s\n' "$word")
	check "page-$name: provenance says declared" grep -q "converted from $cs with iconv (declared in the document)" "$TMP/cs/corpus.json"
done
mkdir -p "$TMP/side"
printf 'Caf\xe9 de Paris\n' >"$TMP/side/cafe.txt"
printf '{"encoding": "iso-8859-5"}' >"$TMP/side/cafe.meta.json"
expect "a sidecar's encoding" 0 "imported 1 sources" "$LECTERN" import "$TMP/side" --output "$TMP/sd"
check "the sidecar's encoding wins over detection" cmp -s "$TMP/sd/sources/cafe.txt" <(printf 'Caf\xd1\x89 de Paris\n')
check "provenance says declared in the sidecar" grep -q "iso-8859-5 with iconv (declared in the sidecar)" "$TMP/sd/corpus.json"

# search on imported texts: smart case beyond ASCII, and a PCRE2 limit is
# an error (exit 2), never "no match"
mkdir -p "$TMP/rx"
{ echo "Минск заявил, что МИНСК и минск одно."; for i in 1 2 3; do printf '%060dc\n' 0 | tr 0 a; done; } >"$TMP/rx/minsk.txt"
expect "import a Russian text" 0 "imported 1 sources" "$LECTERN" import "$TMP/rx" --output "$TMP/rxc"
expect "минск finds Минск, МИНСК and минск" 0 "sources/minsk.txt:3" "$LECTERN" search --count --corpus "$TMP/rxc" минск
expect "Минск finds only itself" 0 "sources/minsk.txt:1" "$LECTERN" search --count --corpus "$TMP/rxc" Минск
expect "\\w knows Cyrillic" 0 "sources/minsk.txt:3" "$LECTERN" search --count --corpus "$TMP/rxc" '~мин\w+'
expect "an expression past PCRE2's limits: exit 2 and why" 2 "search stopped: the expression hit" \
	"$LECTERN" search --corpus "$TMP/rxc" '~^(a|aa)*$'

# locales: machine output is the same under any LC_ALL; only LC_CTYPE is
# taken from the environment, numbers are always written the C way
LATIN1=$(locale -a 2>/dev/null | grep -ix 'de_DE\(\.iso88591\)\?' | head -1)
if [ -z "$LATIN1" ] || ! locale -a | grep -qix 'de_DE.utf8'; then
	echo "skip locales: de_DE.UTF-8 or an ISO-8859-1 locale missing (install locales-all)"
else
	for loc in C C.UTF-8 de_DE.UTF-8 "$LATIN1"; do
		d=$TMP/loc-${loc//[^A-Za-z0-9]/_}
		mkdir -p "$d"
		(cd "$d" && LC_ALL=$loc "$LECTERN" import "$SEEDS" --output corpus >import.out 2>&1)
		echo "rc $?" >>"$d/import.out"
		LC_ALL=$loc "$LECTERN" list >"$d/list" 2>&1
		LC_ALL=$loc "$LECTERN" compare >"$d/compare" 2>&1
		for f in csv json md; do LC_ALL=$loc "$LECTERN" export --format $f >"$d/export.$f" 2>&1; done
		LC_ALL=$loc "$LECTERN" search --count 'Минск' >"$d/search" 2>&1
	done
	ref=$TMP/loc-C
	check "compare writes decimal points under C" grep -q '[0-9]\.[0-9]' "$ref/compare"
	for loc in C.UTF-8 de_DE.UTF-8 "$LATIN1"; do
		d=$TMP/loc-${loc//[^A-Za-z0-9]/_}
		for f in import.out list compare export.csv export.json export.md search corpus/corpus.json; do
			check "$f under $loc is byte for byte that under C" cmp -s "$ref/$f" "$d/$f"
		done
		check "imported texts under $loc are those under C" diff -r -q "$ref/corpus/sources" "$d/corpus/sources"
	done
fi

finish
