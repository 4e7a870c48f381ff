#!/usr/bin/env bash
# Curation commands (lectern claim, topic, note) on a copy of the bundled
# corpus: each edit and its bad inputs (exit 1, a message naming the
# argument, the index byte for byte as it was), rejections that extract
# honours, notes in show, claims and every export, the index's layout (a
# one-claim edit is a few lines of git diff; unknown fields and order
# kept), symlinked, read-only and mode-kept indexes, two writers (100 runs:
# different objects merged, the same object refused, 0 edits lost) and
# kill -9 at random points of 100 saves (0 torn indexes).
. "$(dirname "$0")/../lib.sh"
export LECTERN_CACHE=0

C=$TMP/c
cp -r "$TOP/data" "$C"
rm -f "$C"/.*.lcache
cp "$C/corpus.json" "$TMP/orig.json"
lx() { "$LECTERN" --corpus "$C" "$@"; }
# jqc FILTER: jq over the index
jqc() { jq -r "$@" "$C/corpus.json"; }
passes_check() {
	if lx check >/dev/null 2>"$TMP/check.err"; then ok "  ... lectern check passes"
	else bad "  ... lectern check passes" "$(head -3 "$TMP/check.err")"; fi
}
# refused NAME PATTERN ARGS...: exit 1, PATTERN in the message, index unchanged
refused() {
	local name=$1 pat=$2; shift 2
	cp "$C/corpus.json" "$TMP/before.json"
	expect "$name: refused" 1 "$pat" lx "$@"
	check "  ... the index byte for byte as it was" cmp -s "$TMP/before.json" "$C/corpus.json"
}

# ---- the layout: an edit undone gives back the bundled index byte for byte ----
expect "note on a claim" 0 "claim odr-01: changed" lx note odr-01 "checked against the text"
check "  ... the note is in the index" test "$(jqc '.claims[] | select(.id=="odr-01") | .note')" = "checked against the text"
expect "an empty note removes it" 0 "claim odr-01: changed" lx note odr-01 ""
check "  ... the index is the bundled one again, byte for byte" cmp -s "$TMP/orig.json" "$C/corpus.json"

# ---- claim add ----
expect "claim add: a span with a figure" 0 "claim mt-18: added" lx claim add mt 669 703
check "  ... the extractor proposes kind quantity, 30000 troops" test \
	"$(jqc '.claims[] | select(.id=="mt-18") | "\(.kind) \(.values[0].value) \(.values[0].unit) \(.origin)"')" = "quantity 30000 troops curated"
check "  ... its text is exactly the bytes of the span" test \
	"$(jqc '.claims[] | select(.id=="mt-18") | .text')" = "$(dd if="$C/sources/mt.txt" bs=1 skip=669 count=34 2>/dev/null)"
check "  ... it stands among mt's claims, in text order" test \
	"$(jqc '[.claims[] | select(.source=="mt") | .id] | index("mt-18")')" = \
	"$(jqc '[.claims[] | select(.source=="mt") | select(.span[0] < 669)] | length')"
expect "  ... lectern claims lists it" 0 "spoken about 30,000 Russian troops" lx claims --source mt
passes_check
# a span that starts and ends inside a character is trimmed to whole ones
lx claim add odr 1164 1180 --kind quote --speaker "Someone" --note "mine" >/dev/null
check "claim add: a span inside a character is trimmed (1164 -> 1166)" test \
	"$(jqc '.claims[] | select(.id=="odr-27") | "\(.span) \(.kind) \(.speaker) \(.note)"')" = "[1166,1180] quote Someone mine"
passes_check
run lx claim add conv 10 40 --json
check "claim add --json: the added claim" test "$(printf '%s' "$out" | jq -r '.claims[0].id')" = conv-25

refused "claim add: unknown source" 'no source has id "nope"' claim add nope 1 10
refused "claim add: START not a number" 'START "x1" is not a byte offset' claim add odr x1 10
refused "claim add: END past the end" "ends past the end of sources/odr.txt" claim add odr 10 99999999
refused "claim add: START not below END" "is empty" claim add odr 40 40
refused "claim add: no whole character" "holds no whole character" claim add odr 1164 1165
refused "claim add: a span a claim has" 'claim "odr-19" already has span [9286, 9510]' claim add odr 9286 9510
refused "claim add: bad --kind" '--kind "rumour" is not one of' claim add odr 10 40 --kind rumour
expect "claim add: too few arguments is a usage error" 2 "usage: lectern claim add" lx claim add odr 10
expect "claim: an unknown sub-command is a usage error" 2 "usage: lectern claim" lx claim frob x

# ---- claim edit ----
expect "claim edit: kind, speaker, note" 0 "claim odr-05: changed" \
	lx claim edit odr-05 --kind statement --speaker "Igor Ilyash" --note "attributed by hand"
check "  ... all three set" test "$(jqc '.claims[] | select(.id=="odr-05") | "\(.kind)|\(.speaker)|\(.note)"')" = \
	"statement|Igor Ilyash|attributed by hand"
expect "claim edit: a figure and a date" 0 "changed" \
	lx claim edit odr-05 --value 12000 --unit troops --counted "Russian troops in Belarus" --date 2022-02
check "  ... the quantity and the date are its values" test \
	"$(jqc '.claims[] | select(.id=="odr-05") | [.values[] | select(.type=="quantity") | "\(.value) \(.unit)"], [.values[] | select(.type=="date") | "\(.value) \(.start) \(.end)"] | .[0]' | tr '\n' ' ')" = \
	"12000 troops 2022-02 2022-02-01 2022-02-28 "
passes_check
refused "claim edit: unknown claim" 'no claim has id "zz-1"' claim edit zz-1 --kind event
refused "claim edit: --value not a number" '--value "lots" is not a finite number' claim edit odr-05 --value lots --unit troops
refused "claim edit: --value without --unit" "--value needs --unit" claim edit odr-05 --value 3
refused "claim edit: a date that does not exist" '--date "2022-02-30" is not a date' claim edit odr-05 --date 2022-02-30
refused "claim edit: bad --kind" 'is not one of' claim edit odr-05 --kind gossip

# ---- topics ----
expect "topic add: a topic of two claims" 0 "topic t-30000: added" \
	lx topic add t-30000 --label "Stoltenberg's 30,000, by hand" --relation agree mt-18 odr-11
check "  ... claims and topic name each other" test \
	"$(jqc '[.claims[] | select(.id=="mt-18" or .id=="odr-11") | .topics | index("t-30000")] | map(. != null) | all')" = true
check "  ... label, status, origin" test \
	"$(jqc '.topics[] | select(.id=="t-30000") | "\(.label)|\(.status)|\(.origin)|\(.claims|join(","))"')" = \
	"Stoltenberg's 30,000, by hand|agree|curated|mt-18,odr-11"
expect "  ... lectern compare lines it up" 0 "t-30000" lx compare t-30000
passes_check
expect "topic link" 0 "topic t-30000: changed" lx topic link t-30000 odr-27
check "  ... linked both ways" test "$(jqc '.topics[] | select(.id=="t-30000") | .claims | length')-$(jqc '.claims[] | select(.id=="odr-27") | .topics[0]')" = "3-t-30000"
expect "topic unlink" 0 "claim odr-27: changed" lx topic unlink t-30000 odr-27
check "  ... unlinked both ways" test "$(jqc '.topics[] | select(.id=="t-30000") | .claims | length')-$(jqc '.claims[] | select(.id=="odr-27") | .topics | length')" = "2-0"
expect "topic set: relation, note and label" 0 "topic t-30000: changed" \
	lx topic set t-30000 --relation timeline --note "one is older" --label "30,000"
check "  ... set" test "$(jqc '.topics[] | select(.id=="t-30000") | "\(.status)|\(.note)|\(.label)"')" = "timeline|one is older|30,000"
expect "topic set on a topic made by a program makes it curated" 0 "changed" lx topic set t-30000 --relation agree
passes_check
refused "topic add: an id in use" 'topic "t-30000" already exists' topic add t-30000 --label x odr-01
refused "topic add: a bad id" 'is not a valid id' topic add "bad id" --label x odr-01
refused "topic add: no claim" "at least one claim" topic add t-new --label x
refused "topic add: unknown claim" 'no claim has id "nope-1"' topic add t-new --label x odr-01 nope-1
refused "topic add: empty label" "--label is empty" topic add t-new --label "" odr-01
refused "topic add: bad relation" '--relation "same" is not one of' topic add t-new --label x --relation same odr-01
expect "topic add: --label is required (usage)" 2 "usage: lectern topic add" lx topic add t-new odr-01
refused "topic link: unknown topic" 'no topic has id "t-none"' topic link t-none odr-01
refused "topic link: unknown claim" 'no claim has id "zz"' topic link t-30000 zz
refused "topic unlink: a claim not in the topic" 'claim "odr-01" is not in topic "t-30000"' topic unlink t-30000 odr-01
refused "topic unlink: every claim" 'would have no claim left' topic unlink t-30000 mt-18 odr-11
refused "topic set: bad relation" 'is not one of' topic set t-30000 --relation maybe
refused "topic set: unknown topic" 'no topic has id "t-none"' topic set t-none --note x

# ---- claim rm and claim reject ----
lx topic add t-one --label "one claim" odr-02 >/dev/null
refused "claim rm: the only claim of a topic" 'the only claim of topic "t-one"' claim rm odr-02
expect "claim rm" 0 "claim odr-27: removed" lx claim rm odr-27
lx topic link t-30000 odr-03 odr-04 >/dev/null
expect "claim rm: a claim in a topic" 0 "topic t-30000: changed" lx claim rm odr-03
check "  ... the topic no longer lists it" test "$(jqc '.topics[] | select(.id=="t-30000") | .claims | index("odr-03")')" = null
run lx claim rm odr-04 --json
check "claim rm --json: the removed id and the changed topic" test \
	"$(printf '%s' "$out" | jq -c '[.removed.claims, [.topics[].id]]')" = '[["odr-04"],["allied-resolve-announcement","t-30000"]]'

passes_check
refused "claim rm: unknown claim" 'no claim has id "odr-99"' claim rm odr-99
refused "claim reject: unknown claim" 'no claim has id "odr-99"' claim reject odr-99

# rejections survive extract; a removed (not rejected) extracted claim comes back
expect "extract on the curated copy" 0 "extracted" lx extract
read -r xid xsrc xstart xend < <(jqc '[.claims[] | select(.origin=="extracted")][0] | "\(.id) \(.source) \(.span[0]) \(.span[1])"')
read -r yid ysrc ystart yend < <(jqc '[.claims[] | select(.origin=="extracted")][1] | "\(.id) \(.source) \(.span[0]) \(.span[1])"')
expect "claim reject: an extracted claim" 0 "rejected claim $xid: added" lx claim reject "$xid"
check "  ... recorded with its source and span" test \
	"$(jqc ".rejected[] | select(.id==\"$xid\") | \"\(.source) \(.span[0]) \(.span[1])\"")" = "$xsrc $xstart $xend"
lx claim rm "$yid" >/dev/null
passes_check
lx extract >/dev/null
check "  ... extract does not bring the rejected claim back" test \
	"$(jqc "[.claims[] | select(.source==\"$xsrc\" and .span[0]==$xstart and .span[1]==$xend)] | length")" = 0
check "  ... but brings back one only removed" test \
	"$(jqc "[.claims[] | select(.source==\"$ysrc\" and .span[0]==$ystart and .span[1]==$yend)] | length")" = 1
zid=$(jqc '[.claims[] | select(.origin=="extracted")][0].id')
expect "claim edit with no change accepts an extracted claim" 0 "claim $zid: changed" lx claim edit "$zid"
check "  ... it is curated" test "$(jqc ".claims[] | select(.id==\"$zid\") | .origin")" = curated
passes_check

# ---- notes ----
lx topic add odr --label "a topic named like a source" odr-01 >/dev/null
refused "note: an id of two kinds" "names more than one object" note odr "x"
refused "note: an unknown target" 'no claim, topic or source has id "nobody"' note nobody "x"
refused "note: a bad kind" "KIND is claim, topic or source" note person/odr "x"
expect "note: KIND/ID on a source" 0 "source odr: changed" lx note source/odr "Read in full by hand."
expect "note: a topic" 0 "topic t-30000: changed" lx note t-30000 "Two months apart."
expect "note: a claim" 0 "claim mt-18: changed" lx note mt-18 "Checked against NATO's statement."
expect "  ... show prints the source's note" 0 "note:       Read in full by hand." lx show odr
expect "  ... claims prints the claim's note" 0 "note: Checked against NATO's statement." lx claims --source mt
expect "  ... topics prints the topic's note" 0 "note: Two months apart." lx topics
lx export --format json >"$TMP/e.json"
check "  ... export json: source, topic and claim notes" test \
	"$(jq -r '[(.sources[] | select(.id=="odr") | .note), (.topics[] | select(.id=="t-30000") | .note), (.claims[] | select(.id=="mt-18") | .note)] | join("|")' "$TMP/e.json")" = \
	"Read in full by hand.|Two months apart.|Checked against NATO's statement."
expect "  ... export csv claims" 0 "Checked against NATO's statement." lx export --format csv
expect "  ... export csv topics" 0 "Two months apart." lx export --format csv --what topics
expect "  ... export md" 0 "Note: Read in full by hand." lx export --format md
passes_check

# the lock file a save leaves is lectern's: import --force may replace the corpus
I=$TMP/imported
"$LECTERN" import "$TOP/tests/fixtures/seeds" --output "$I" >/dev/null 2>&1
"$LECTERN" --corpus "$I" note "source/$("$LECTERN" --corpus "$I" list --json | jq -r '.sources[0].id')" "a note" >/dev/null
check "the lock file is beside the index" test -f "$I/.corpus.json.lock"
expect "import --force replaces a corpus that holds its lock file" 0 "imported" \
	"$LECTERN" import "$TOP/tests/fixtures/seeds" --output "$I" --force

# ---- a one-claim edit is a small diff; unknown fields and order kept ----
G=$TMP/g
cp -r "$TOP/data" "$G"
python3 - "$G/corpus.json" <<'EOF'
import json, sys
p = sys.argv[1]
d = json.load(open(p, encoding="utf-8"))
d["x-curator"] = {"team": "desk 4"}
d["claims"][3]["x-checked"] = True
d["topics"][0]["x-pin"] = 1
open(p, "w", encoding="utf-8").write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
EOF
(cd "$G" && git init -q . && git add corpus.json && git -c user.name=t -c user.email=t@t commit -qm base)
"$LECTERN" --corpus "$G" claim edit odr-11 --note "seen" >/dev/null
lines=$(cd "$G" && git diff --numstat corpus.json | awk '{ print $1 + $2 }')
echo "     (a one-claim edit: $lines lines of git diff)"
check "a one-claim edit is a small git diff (at most 4 lines)" test "${lines:-999}" -le 4
check "  ... unknown fields kept where they were" test \
	"$(jq -c '[."x-curator", .claims[3]."x-checked", .topics[0]."x-pin"]' "$G/corpus.json")" = '[{"team":"desk 4"},true,1]'
check "  ... the order of the claims kept" test \
	"$(jq -c '[.claims[].id]' "$G/corpus.json")" = "$(cd "$G" && git show HEAD:corpus.json | jq -c '[.claims[].id]')"

# ---- symlinked, read-only, mode ----
S=$TMP/s
cp -r "$TOP/data" "$S"
mkdir -p "$TMP/elsewhere"
mv "$S/corpus.json" "$TMP/elsewhere/real.json"
cp -r "$S/sources" "$TMP/elsewhere/"
ln -s "$TMP/elsewhere/real.json" "$S/corpus.json"
chmod 640 "$TMP/elsewhere/real.json"
expect "a symlinked index: edited through the link" 0 "changed" "$LECTERN" --corpus "$S" note odr "via the link"
check "  ... the link is kept" test -L "$S/corpus.json"
check "  ... its target has the edit" test "$(jq -r '.sources[] | select(.id=="odr") | .note' "$TMP/elsewhere/real.json")" = "via the link"
check "  ... and keeps its mode (640)" test "$(stat -c %a "$TMP/elsewhere/real.json")" = 640
R=$TMP/ro
cp -r "$TOP/data" "$R"
chmod 444 "$R/corpus.json"
cp "$R/corpus.json" "$TMP/ro.json"
if [ "$(id -u)" != 0 ] || true; then
	expect "a read-only index: refused" 2 "read-only" "$LECTERN" --corpus "$R" note odr "x"
	check "  ... not replaced" cmp -s "$TMP/ro.json" "$R/corpus.json"
fi

# ---- two writers, 100 runs ----
# A lock holder keeps the index's lock while two commands load the index
# and queue for it; when it lets go, one saves, the other finds the index
# changed: edits of different objects are merged, edits of the same one
# refused.
W=$TMP/w
cp -r "$TOP/data" "$W"
cp "$W/corpus.json" "$TMP/w.json"
touch "$W/.corpus.json.lock"
ino=$(stat -c %i "$W/.corpus.json.lock")
waiting() { grep -c -- "-> FLOCK.*:$ino " /proc/locks; }
lost=0 merged=0 refusals=0 wrong=0
for ((i = 0; i < 100; i++)); do
	cp "$TMP/w.json" "$W/corpus.json"
	flock "$W/.corpus.json.lock" sh -c 'touch "$1"; while [ -e "$1" ]; do sleep 0.005; done' _ "$TMP/held" &
	holder=$!
	while [ ! -e "$TMP/held" ]; do sleep 0.005; done
	if ((i % 2 == 0)); then b=odr-12; else b=odr-11; fi   # even: other objects; odd: the same
	"$LECTERN" --corpus "$W" note odr-11 "first $i" >"$TMP/o1" 2>"$TMP/e1" & p1=$!
	"$LECTERN" --corpus "$W" note "$b" "second $i" >"$TMP/o2" 2>"$TMP/e2" & p2=$!
	for ((t = 0; t < 400 && $(waiting) < 2; t++)); do sleep 0.005; done
	rm -f "$TMP/held"
	wait "$holder"; wait "$p1"; r1=$?; wait "$p2"; r2=$?
	n11=$(jq -r '.claims[] | select(.id=="odr-11") | .note' "$W/corpus.json")
	n12=$(jq -r '.claims[] | select(.id=="odr-12") | .note' "$W/corpus.json")
	if ((i % 2 == 0)); then
		if [ $r1 = 0 ] && [ $r2 = 0 ] && [ "$n11" = "first $i" ] && [ "$n12" = "second $i" ]; then merged=$((merged + 1))
		else lost=$((lost + 1)); fi
	else
		# one saved, the other was refused naming the claim, and the saved one is there
		if [ $((r1 + r2)) = 1 ] && grep -q 'claim "odr-11" was changed by another writer' "$TMP/e1" "$TMP/e2"; then
			refusals=$((refusals + 1))
			if { [ $r1 = 0 ] && [ "$n11" != "first $i" ]; } || { [ $r2 = 0 ] && [ "$n11" != "second $i" ]; }; then lost=$((lost + 1)); fi
		else wrong=$((wrong + 1)); cp "$TMP/e1" "$TMP/e2" "$TMP/" 2>/dev/null; fi
	fi
	"$LECTERN" --corpus "$W" check >/dev/null 2>&1 || wrong=$((wrong + 1))
done
echo "     (100 runs of two writers: $merged merged, $refusals refused, $lost edits lost, $wrong wrong)"
check "two writers, other objects: both edits kept (50 of 50)" test "$merged" = 50
check "two writers, the same object: one saved, one refused by name (50 of 50)" test "$refusals" = 50
check "two writers: 0 edits lost, the index valid after every run" test "$lost-$wrong" = 0-0

# ---- kill -9 at random points of 100 saves ----
K=$TMP/k
cp -r "$TOP/data" "$K"
cp "$K/corpus.json" "$TMP/k-old.json"
"$LECTERN" --corpus "$K" note odr-11 "killed" >/dev/null
cp "$K/corpus.json" "$TMP/k-new.json"
RANDOM=14
kill_saves "$K" "$TMP/k-old.json" "$TMP/k-new.json" 250 "$LECTERN" --corpus "$K" note odr-11 "killed"
echo "     (100 saves killed: $olds left the old index, $news the new one, $torn torn)"
check "kill -9 during a save: never a torn index" test "$torn" = 0
check "kill -9 during a save: check passes after every kill" test "$invalid" = 0

finish
