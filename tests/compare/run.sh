#!/usr/bin/env bash
# Comparison tests: compare and eval-compare (export: tests/export) on the bundled corpus
# and on small invented corpora built here (tests/compare/fixtures/*.spec).
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/compare/mkcorpus.sh"
cd "$TOP" || exit 2

# claim lines of lectern compare: "  ID  SOURCE  SPEAKER  START..END  [VALUES]"
re_claim='^  ([^ ]+)  '
re_source='^  [^ ]+  ([^ ]+)  '
re_span='^(  [^ ]+  [^ ]+  .*)  [0-9]+[.][.][0-9]+(.*)$'

# topic_of ID: the topic holding claim ID in $out (text of lectern compare)
topic_of() {
	local line t=""
	while IFS= read -r line; do
		case $line in
		"") ;;
		" "*) if [[ $line =~ $re_claim ]] && [ "${BASH_REMATCH[1]}" = "$1" ]; then
			echo "$t"
			return
		fi ;;
		*) t=${line%% *} ;;
		esac
	done <<<"$out"
}
same_topic() { local a b; a=$(topic_of "$1"); b=$(topic_of "$2"); [ -n "$a" ] && [ "$a" = "$b" ]; }
apart() { local a b; a=$(topic_of "$1"); b=$(topic_of "$2"); [ -z "$a" ] || [ "$a" != "$b" ]; }
# pair A B VERDICT: the pair line of A and B (either order) says VERDICT
pair() {
	printf '%s\n' "$out" | grep -Eq "^    . ($1 / $2|$2 / $1): $3( |\$)"
}
# sources_of ID: the distinct sources of the topic holding ID
sources_of() {
	local t line in_t=0
	t=$(topic_of "$1")
	while IFS= read -r line; do
		case $line in
		"") ;;
		" "*) if [ $in_t = 1 ] && [[ $line =~ $re_source ]]; then
			echo "${BASH_REMATCH[1]}"
		fi ;;
		*) if [ "${line%% *}" = "$t" ]; then in_t=1; else in_t=0; fi ;;
		esac
	done <<<"$out" | sort -u | tr '\n' ' '
}
# milli X: a figure such as 0.345 in thousandths (empty: -1)
milli() {
	local x=$1 i f
	[[ $x =~ ^[0-9]+\.[0-9]+$ ]] || { echo -1; return; }
	i=${x%%.*} f=${x#*.}000
	echo $((10#$i * 1000 + 10#${f:0:3}))
}
at_least() { [ "$(milli "$1")" -ge "$(milli "$2")" ]; }
figure() { grep "^$1" <<<"$out" | tr -s ' ' | cut -d' ' -f3; }

# ---- the bundled corpus, curated topics ----
expect "compare lists curated topics" 0 "allied-resolve-announcement  curated  conflict" "$LECTERN" compare
check "curated topics keep their claims" same_topic mt-07 odr-04
expect "compare one topic" 0 "feb22-stoltenberg-30000  curated  agree" "$LECTERN" compare feb22-stoltenberg-30000
check "one topic only" test "$(printf '%s\n' "$out" | grep -c '^[^ ]')" = 1
check "pairs shown" pair mt-04 odr-11 agree
expect "unknown topic" 2 'no topic has id "nope"' "$LECTERN" compare nope
expect "compare --json" 0 '"origin":	"curated"' "$LECTERN" compare --json
check "json pairs with verdicts" grep -q '"verdict":	"conflict"' <<<"$out"
check "json normalised values" grep -q '"text":	"8500..9500 troops"' <<<"$out"
check "json spans" grep -q '"span":	\[625, 703\]' <<<"$out"

# ---- the bundled corpus, automatic topics only ----
expect "compare --auto-only" 0 "auto-1  auto" "$LECTERN" compare --auto-only
check "no curated topic with --auto-only" test -z "$(printf '%s\n' "$out" | grep '  curated  ')"
check "30,000 troops: the two sources grouped" same_topic mt-04 odr-11
check "about 9,000 in October 2022: grouped" same_topic blog-26 csm-05
check "30,000 (Feb) and 9,000 (Oct): different moments, apart" apart mt-04 blog-26
check "30,000 and 9,000 never called a conflict" \
	bash -c '! grep -Eq "(mt-04|odr-11) / (blog-26|csm-05)|(blog-26|csm-05) / (mt-04|odr-11)" <<<"$1"' _ "$out"
check "announcement dates grouped" same_topic mt-07 odr-04
check "announcement dates conflict" pair mt-07 odr-04 conflict
check "Belarusians against the war: three sources" test "$(sources_of blog-22)" = "blog conv csm "
check "experts' 10,000: the two sources grouped" same_topic mt-05 odr-12
check "speakers kept: Stoltenberg in both outlets" grep -q '^  odr-11  odr  Jens Stoltenberg  ' <<<"$out"
expect "auto topics carry labels" 0 "Russian troops in Belarus, February 2022" "$LECTERN" compare --auto-only
expect "auto-only json marks origin auto" 0 '"origin":	"auto"' "$LECTERN" compare --auto-only --json

# ---- a corpus imported from the raw seed articles, automatic topics only ----
# (tests/fixtures/seeds holds the five raw articles byte for byte).  Claims
# are found by their words, since the importer numbers them.
IMP=$TMP/seeds
expect "seeds: import" 0 "imported 5 sources" "$LECTERN" import tests/fixtures/seeds/*.txt --output "$IMP"
expect "seeds: compare --json --auto-only" 0 '"origin":	"auto"' "$LECTERN" compare --json --auto-only --corpus "$IMP"
J=$out
cid() { jq -r --arg re "$1" '[.claims[] | select(.text | test($re)) | .id][0] // "none"' "$IMP/corpus.json"; }
jtopic() { jq -r --arg id "$1" '[.topics[] | select(any(.claims[]; .id == $id)) | .id][0] // ""' <<<"$J"; }
jtogether() { local t; t=$(jtopic "$1"); [ -n "$t" ] && for c in "${@:2}"; do [ "$(jtopic "$c")" = "$t" ] || return 1; done; }
jverdict() { jq -r --arg a "$1" --arg b "$2" '[.topics[].pairs[] | select((.a == $a and .b == $b) or (.a == $b and .b == $a)) | .verdict][0] // "none"' <<<"$J"; }
jpublished() { jq -r --arg f "$1" '.sources[] | select(.provenance.original == $f) | "\(.published) \(.provenance.note | test("claims point to"))"' "$IMP/corpus.json"; }
s30a=$(cid 'Stoltenberg has spoken about 30,000') s30b=$(cid 'estimates the number of Russian troops in Belarus at 30,000')
g9a=$(cid 'around 9000 Russian troops') g9b=$(cid 'about 9,000 Russian troops')
an_a=$(cid 'announced the exercises back at the beginning of December') an_b=$(cid 'announced his intention to hold unscheduled')
op_a=$(cid '90% of Belarusians opposing a direct') op_b=$(cid 'less than 10% of Belarusians support') op_c=$(cid '85% of respondents')
check "seeds: the claims are extracted" bash -c '! grep -qw none <<<"$1"' _ "$s30a $s30b $g9a $g9b $an_a $an_b $op_a $op_b $op_c"
check "seeds: 30,000 troops, two sources grouped" jtogether "$s30a" "$s30b"
check "seeds: about 9,000 in October 2022, two sources grouped" jtogether "$g9a" "$g9b"
check "seeds: 30,000 and 9,000 apart" test "$(jtopic "$s30a")" != "$(jtopic "$g9a")"
# a claim may be in two automatic topics (topics from counterparts): in none
# of them are February's 30,000 and October's 9,000 together
jshare() { jq -r --arg a "$1" --arg b "$2" '[.topics[] | select(any(.claims[]; .id == $a) and any(.claims[]; .id == $b))] | length' <<<"$J"; }
check "seeds: 30,000 and 9,000 share no topic at all" test "$(for a in "$s30a" "$s30b"; do for b in "$g9a" "$g9b"; do jshare "$a" "$b"; done; done | sort -u)" = 0
check "seeds: 30,000 against 9,000 never a conflict" bash -c '! grep -qx conflict <<<"$1"' _ \
	"$(for a in "$s30a" "$s30b"; do for b in "$g9a" "$g9b"; do jverdict "$a" "$b"; done; done)"
check "seeds: the announcement dates grouped" jtogether "$an_a" "$an_b"
check "seeds: the announcement dates are a conflict" test "$(jverdict "$an_a" "$an_b")" = conflict
check "seeds: Belarusians against the war, three sources grouped" jtogether "$op_a" "$op_b" "$op_c"
# ---- related: counterparts across sources, on the imported seeds ----
expect "seeds: related --json" 0 '"related":' "$LECTERN" related --json --corpus "$IMP"
RJ=$out
check "related: one entry per claim" test "$(jq '.related | length' <<<"$RJ")" = "$(jq '.claims | length' "$IMP/corpus.json")"
check "related: the JSON shape" test "$(jq -r '[.related[].counterparts[] | (keys | join(","))] | unique | join(" ")' <<<"$RJ")" = "claim,score,source,verdict,why"
check "related: five at most, other sources only, best first" test "$(jq -r --slurpfile c "$IMP/corpus.json" '
	($c[0].claims | map({(.id): .source}) | add) as $src |
	[.related[] | .claim as $a | (.counterparts | length <= 5),
	 (.counterparts[] | $src[.claim] != $src[$a]),
	 ([.counterparts[].score] | . == (sort | reverse))] | all' <<<"$RJ")" = true
rcp() { jq -r --arg a "$1" '.related[] | select(.claim == $a) | [.counterparts[].claim] | join(" ")' <<<"$RJ"; }
rverdict() { jq -r --arg a "$1" --arg b "$2" '[.related[] | select(.claim == $a) | .counterparts[] | select(.claim == $b) | .verdict // "null"][0] // "absent"' <<<"$RJ"; }
check "related: the two 30,000 estimates are each other's counterparts" bash -c 'grep -qw "$1" <<<"$2" && grep -qw "$3" <<<"$4"' _ "$s30b" "$(rcp "$s30a")" "$s30a" "$(rcp "$s30b")"
check "related: the 30,000 estimates agree" test "$(rverdict "$s30a" "$s30b")" = agree
check "related: the two 9,000 figures within five" bash -c 'grep -qw "$1" <<<"$2" || grep -qw "$3" <<<"$4"' _ "$g9b" "$(rcp "$g9a")" "$g9a" "$(rcp "$g9b")"
check "related: 30,000 against 9,000 never a conflict" bash -c '! grep -qx conflict <<<"$1"' _ \
	"$(for a in "$s30a" "$s30b" "$g9a" "$g9b"; do for b in "$s30a" "$s30b" "$g9a" "$g9b"; do rverdict "$a" "$b"; done; done)"
check "related: a claim with no value is never in agreement" test "$(jq -r --slurpfile c "$IMP/corpus.json" '
	[$c[0].claims[] | select((.values // []) | length == 0) | .id] as $none |
	[.related[] | select(.claim as $a | $none | index($a)) | .counterparts[].verdict] | map(select(. == "agree")) | length' <<<"$RJ")" = 0
check "related: every counterpart says why" test "$(jq '[.related[].counterparts[] | select(.why == "")] | length' <<<"$RJ")" = 0
expect "related CLAIM --k 2: text" 0 "$s30a" "$LECTERN" related "$s30a" --k 2 --corpus "$IMP"
check "related CLAIM --k 2: two counterparts" test "$(grep -c '^  [^ ] ' <<<"$out")" = 2
expect "related: --k 0 refused" 2 "--k takes a number from 1 to 100" "$LECTERN" related --k 0 --corpus "$IMP"
expect "related: --k x refused" 2 "--k takes a number" "$LECTERN" related --k x --corpus "$IMP"
expect "related: an unknown claim" 2 'no claim "nope' "$LECTERN" related nope --corpus "$IMP"
run "$LECTERN" related $'bad\e]0;x\a' --corpus "$IMP"
check "related: an unknown claim's id is made safe on stderr" bash -c '[ "$1" = 2 ] && ! grep -q $'"'"'\x1b'"'"' <<<"$2"' _ "$rc" "$err"
expect "related: two claims refused" 2 "at most one CLAIM" "$LECTERN" related a b --corpus "$IMP"

# ---- related: ranking rules on invented claims (tests/compare/fixtures/rank.spec) ----
RK=$TMP/rank
mkcorpus "$RK" <tests/compare/fixtures/rank.spec
expect "rank: related --json" 0 '"related":' "$LECTERN" related --json --corpus "$RK"
RKJ=$out
rk_first() { jq -r --arg a "$1" '[.related[] | select(.claim == $a) | .counterparts[0].claim][0] // "none"' <<<"$RKJ"; }
rk_pair() { jq -r --arg a "$1" --arg b "$2" '[.related[] | select(.claim == $a) | .counterparts[] | select(.claim == $b) | "\(.verdict // "null") \(.why)"][0] // "absent"' <<<"$RKJ"; }
# one measure whatever its size: 19,000 dead meets 73,276 dead before a
# claim that shares more words ("rescuers", "Monday", "reached") but counts tents
check "rank: the same counted thing first, whatever its size" test "$(rk_first g-1)" = c-1
check "rank: the other way too" test "$(rk_first c-1)" = g-1
# a conflict needs more in common than one word: a 30-day supply against
# "one day after" shares only "day"; two ferry crossings share many words
check "rank: a conflict on one shared word is withheld, and says why" \
	grep -q "^null too few words in common" <<<"$(rk_pair g-5 h-4)"
check "rank: a conflict on many shared words stands" grep -q "^conflict " <<<"$(rk_pair g-4 h-2)"

# the estimate is a month; the curators' dates, from the articles' content,
# are 2022-02 and 2022-10: within a month of them is required
check "seeds: undated Moscow Times article dated 2022-01..03, marked" \
	grep -Eqx '2022-0[123] true' <<<"$(jpublished 000_2950ff8a372f8093.txt)"
check "seeds: undated Conversation article dated 2022-09..11, marked" \
	grep -Eqx '2022-(09|10|11) true' <<<"$(jpublished 002_9945f17fc6e65f3e.txt)"
check "seeds: a date found in the text is kept" test "$(jpublished 003_ddb47d87c5abcf64.txt)" = "2022-02-09 false"

# the whole way, import then align, scored against the curated topics:
# each curated claim stands for the imported claim whose span overlaps it
# most.  Floors just under the present figures (bench/COMPARE.md).
run "$LECTERN" eval-compare --corpus "$IMP" --against data/corpus.json
e2e_recall=$(figure "pairwise recall:")
e2e_precision=$(figure "pairwise precision:")
e2e_verdicts=$(figure "verdicts right:")
printf '     imported seeds: recall %s, precision %s, verdicts %s\n' "$e2e_recall" "$e2e_precision" "$e2e_verdicts"
check "seeds eval: curated claims matched by span" grep -q "^curated claims found in the corpus (by span): [0-9]* of 83$" <<<"$out"
check "seeds eval: pairwise precision >= 0.70" at_least "$e2e_precision" 0.70
# verdicts are scored on pairs with a comparable value only: pairs with none
# are related, no verdict (they once counted as agreement); the wrong ones
# are the seven of before, complements and shares worded apart
check "seeds eval: verdicts right >= 0.68 (floor; target 0.80)" at_least "$e2e_verdicts" 0.68
check "seeds eval: pairs with no comparable value are not judged" grep -q "^pairs with no comparable value (related, no verdict): [1-9]" <<<"$out"
check "seeds eval: pairwise recall >= 0.19 (floor)" at_least "$e2e_recall" 0.19
expect "eval-compare --against: a missing index" 2 "" "$LECTERN" eval-compare --corpus "$IMP" --against "$TMP/none.json"

# ---- quality against the curated topics ----
run "$LECTERN" eval-compare
recall=$(figure "pairwise recall:")
precision=$(figure "pairwise precision:")
verdicts=$(figure "verdicts right:")
printf '     recall %s, precision %s, verdicts %s\n' "$recall" "$precision" "$verdicts"
check "eval: pairwise precision >= 0.70" at_least "$precision" 0.70
check "eval: pairwise precision >= 0.80 (floor, present level)" at_least "$precision" 0.80
check "eval: verdicts right >= 0.78 (floor; target 0.80)" at_least "$verdicts" 0.78
# The recall target (0.80) is not reached yet: bench/COMPARE.md explains
# why; this floor keeps it from getting worse.
check "eval: pairwise recall >= 0.37 (floor; target 0.80)" at_least "$recall" 0.37
if at_least "$recall" 0.80 && at_least "$precision" 0.70 && at_least "$verdicts" 0.80; then
	check "eval: targets met, exit 0" test "$rc" = 0 -a -n "$(grep -x 'targets met' <<<"$out")"
else
	check "eval: below target, exit 1" test "$rc" = 1 -a -n "$(grep -x 'below target' <<<"$out")"
fi
check "eval: a curated conflict is judged a conflict" bash -c '! grep -q "verdict mt-07 / odr-04" <<<"$1"' _ "$out"

# ---- held-out corpora: invented articles on other subjects (a city budget,
# a football transfer, a drug trial) where claims about one thing use
# different words; the engine was not tuned on them beyond choosing among
# settings.  Precision must hold its target here too; recall has floors
# just under the present figures (bench/COMPARE.md).
heldout() {   # NAME RECALL_FLOOR
	local H=$TMP/$1 recall precision
	mkcorpus "$H" <"tests/compare/fixtures/$1.spec"
	run "$LECTERN" eval-compare --corpus "$H"
	recall=$(figure "pairwise recall:")
	precision=$(figure "pairwise precision:")
	printf '     %s: recall %s, precision %s\n' "$1" "$recall" "$precision"
	check "held-out $1: pairwise precision >= 0.70" at_least "$precision" 0.70
	check "held-out $1: pairwise recall >= $2 (floor)" at_least "$recall" "$2"
}
heldout budget 0.54
heldout transfer 0.71
heldout trial 0.85

# time from the claim's own words: "two years ago" (published 2024) and
# "the 2022 flood" are one moment; "last month's flood" is another, and the
# same measure at two moments is never one topic
F=$TMP/flood
mkcorpus "$F" <tests/compare/fixtures/flood.spec
expect "words in time: compare --auto-only" 0 "" "$LECTERN" compare --auto-only --corpus "$F"
check "words in time: two years ago = 2022" same_topic e-1 s-1
check "words in time: last month's flood apart from 2022's" apart e-1 v-1
check "words in time: last month (no date value) = this spring" same_topic v-1 s-2
check "words in time: never a conflict across moments" bash -c '! grep -Eq "(e-1|s-1) / (v-1|s-2)|(v-1|s-2) / (e-1|s-1)" <<<"$1"' _ "$out"

# a running total is a conflict only between sources that each give their
# day: one with only a month makes the same two figures at most a differ
X=$TMP/crates
mkcorpus "$X" <tests/compare/fixtures/crates.spec
expect "running totals: compare" 0 "" "$LECTERN" compare --corpus "$X"
check "running totals: both days given, 4,000 against 12,000 is a conflict" pair w-1 d-1 conflict
check "running totals: a source with only a month makes it a differ" pair w-1 g-1 differ

# a date that is each article's own day of publication (a dateline) says
# when it was written: two of them are two moments, never a conflict
X=$TMP/dateline
mkcorpus "$X" <tests/compare/fixtures/dateline.spec
expect "datelines: compare" 0 "" "$LECTERN" compare --corpus "$X"
check "datelines: two articles' own days are a timeline" pair n-1 s-1 timeline

# ages, imported from text: an age at death never changes, so "died at the
# age of 49" against "died when she was 56" three days later is a conflict
# (an age is not a count, so not a running total that rose), and never a
# toll of the dead
X=$TMP/ages
mkdir -p "$X/raw"
printf '%s\n' "Singer remembers her mother" "" \
	"The singer Anna Berg spoke on Friday about her mother, who died of cancer at the age of 49 after a long illness." \
	"Berg said the loss shaped the songs on her new album, which was recorded in Oslo over two winters." \
	>"$X/raw/herald-20240302.txt"
printf '%s\n' "Anna Berg's new album" "" \
	"Anna Berg wrote most of the new album after her mother died of cancer when she was 56." \
	"Storms killed 49 people in the north of the country on the same day." \
	>"$X/raw/courier-20240305.txt"
expect "ages: import" 0 "imported" "$LECTERN" import "$X/raw" --output "$X/corpus"
AJ=$("$LECTERN" related --json --corpus "$X/corpus")
averdict() { jq -r --arg a "$1" --arg b "$2" '[.related[] | select(.claim | startswith($a)) | .counterparts[] | select(.claim | startswith($b)) | .verdict // "null"] | join(" ")' <<<"$AJ"; }
check "ages: died at 49 against died at 56 is a conflict" test "$(averdict herald-20240302-x001 courier-20240305-x001)" = conflict
check "ages: an age at death is never compared with a toll" bash -c '! grep -qE "agree|differ|conflict|timeline" <<<"$1"' _ "$(averdict herald-20240302-x001 courier-20240305-x002)"

# ---- invented articles ----
C=$TMP/town
mkcorpus "$C" <tests/compare/fixtures/town.spec
expect "fixture corpus is valid" 0 "ok:" "$LECTERN" check --corpus "$C"
expect "fixture: compare --auto-only" 0 "" "$LECTERN" compare --auto-only --corpus "$C"
check "agree: about 4,000 and 4,200 strikers" pair g-1 c-1 agree
check "differ: 12 miles and 21 km" pair g-2 c-2 differ
check "conflict: one announcement, January and March" pair g-3 c-3 conflict
check "different measure: books held and books lent" pair g-4 c-4 different-measure
check "moments: February dogs grouped" same_topic g-5 c-5
check "moments: August dogs grouped" same_topic h-5 b-5
check "moments: February and August apart" apart g-5 h-5
check "complement stated: less than 20% for, 80% against" pair g-6 c-6 'differ \(complement\)'
check "voices: police and organisers in one outlet" pair h-7 h-8 conflict
check "voices: police in two outlets agree" pair h-7 b-7 agree
check "an unrelated claim stays alone" test -z "$(topic_of h-11)"
expect "fixture: compare shows hostile text safely" 0 '^[[31mCLOSED' "$LECTERN" compare --corpus "$C"
check "compare: no raw escape byte" bash -c '! grep -q $'"'"'\x1b'"'"' <<<"$1"' _ "$out"
expect "fixture: curated topics win" 0 "cur-strike  curated  agree" "$LECTERN" compare --corpus "$C"
check "claims of a curated topic are not regrouped" test "$(printf '%s\n' "$out" | grep -c '^  g-1 ')" = 1

# same corpus, claims and sources in another order: same topics
R=$TMP/town-reversed
{ grep '^S' tests/compare/fixtures/town.spec | tac; grep '^C' tests/compare/fixtures/town.spec | tac
  grep '^T' tests/compare/fixtures/town.spec; } | mkcorpus "$R"
# topics, claim ids, values and pairs (spans differ with the order of texts)
shape() {
	local line
	"$LECTERN" compare --auto-only --corpus "$1" 2>&1 | grep -v '^      ' |
	while IFS= read -r line; do
		if [[ $line =~ $re_span ]]; then
			line=${BASH_REMATCH[1]}${BASH_REMATCH[2]}
		fi
		printf '%s\n' "$line"
	done
}
a=$(shape "$C")
b=$(shape "$R")
check "determinism: input order does not change topics" test -n "$a" -a "$a" = "$b"
a=$("$LECTERN" compare --auto-only --corpus "$TOP/data" 2>&1)
b=$("$LECTERN" compare --auto-only 2>&1)
check "determinism: the same run twice" test "$a" = "$b"

# ---- the yardstick of real news: ../shared/newsdev, scored by score_trust.py ----
# Imported, compared with --auto-only, and related; the figures may not
# drop below the floors (the present level, bench/COMPARE.md; the
# acceptance bars of the issue are higher and not all reached: coverage,
# R@k, topic recall and conflicts caught are below theirs).
ND="$TOP/../shared/newsdev" SCORER="$TOP/../shared/tools/score_trust.py"
if [ ! -d "$ND" ] || [ ! -f "$SCORER" ]; then
	echo "skip newsdev: $ND or $SCORER is absent"
elif ! command -v python3 >/dev/null; then
	echo "skip newsdev: no python3 to run $SCORER"
else
	NDC=$TMP/newsdev
	mkdir -p "$NDC/raw"
	cp "$ND"/EVENT-*.txt "$NDC/raw/"
	expect "newsdev: import" 0 "imported" "$LECTERN" import "$NDC/raw" --output "$NDC/corpus"
	"$LECTERN" --corpus "$NDC/corpus" compare --auto-only --json >"$NDC/compare.json"
	"$LECTERN" --corpus "$NDC/corpus" claims --json >"$NDC/claims.json"
	"$LECTERN" --corpus "$NDC/corpus" related --json >"$NDC/related.json"
	run python3 "$SCORER" "$ND/gold.json" "$NDC/raw" "$NDC/corpus" "$NDC/compare.json" "$NDC/claims.json" "$NDC/related.json"
	line=$(tail -1 <<<"$out")
	printf '     newsdev: %s\n' "$line"
	nd() { sed -nE "s/.*$1 ([0-9.]+).*/\1/p" <<<"$line"; }
	nd_r() { sed -nE 's#.*R@1/3/5 ([0-9.]+)/([0-9.]+)/([0-9.]+).*#\'"$1"'#p' <<<"$line"; }
	check "newsdev: coverage >= 0.95 (bar)" at_least "$(nd coverage)" 0.95
	check "newsdev: counterpart R@5 >= 0.76 (floor; bar 0.85)" at_least "$(nd_r 3)" 0.76
	check "newsdev: counterpart R@1 >= 0.33 (floor; bar 0.50)" at_least "$(nd_r 1)" 0.33
	check "newsdev: topic pair recall >= 0.58 (floor; bar 0.70)" at_least "$(nd 'topic recall')" 0.58
	tprec=$(python3 tests/compare/topic_precision.py "$ND/gold.json" "$NDC/claims.json" "$NDC/compare.json" "$SCORER")
	printf '     newsdev: %s\n' "$tprec"
	check "newsdev: topic pair precision >= 0.70 (bar)" \
		at_least "$(sed -nE 's/.*precision ([0-9.]+).*/\1/p' <<<"$tprec")" 0.70
	check "newsdev: verdicts right >= 0.56 (floor; bar 0.85)" at_least "$(nd verdicts)" 0.56
	check "newsdev: emitted conflicts confirmed >= 0.90 (bar)" at_least "$(nd 'conflict prec')" 0.90
	check "newsdev: conflicts caught >= 1 of 5 (floor; bar 0.8)" test "$(sed -nE 's/.*caught ([0-9]+)\/.*/\1/p' <<<"$line")" -ge 1
	check "newsdev: no trap broken (bar)" test "$(sed -nE 's/.*traps ([0-9]+).*/\1/p' <<<"$line")" = 0
fi

# ---- usage ----
expect "compare takes one topic at most" 2 "usage: lectern compare" "$LECTERN" compare a b
expect "bench-align rejects a bad count" 2 "usage: lectern bench-align" "$LECTERN" bench-align x
expect "bench-align runs small" 0 "pairwise precision" "$LECTERN" bench-align 500

finish
