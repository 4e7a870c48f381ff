# search: a corpus-wide search on the 100,000-source corpus for a word and
# for a phrase, `lectern search --count` against `rg -c -F` over sources/
# (warm page cache; run in turn).  First query: a fresh process (it opens
# the corpus through the cache and reads every text).  Repeated queries:
# `lectern search --count --repeat R` answers the query R times in one
# process, the first reading every text and building the word index, the
# others from the index (as the reader does after its first search); the
# figure is the median time of queries 2..R as it reports them, against
# rg's median.  The index build is reported too.
c=$CORPORA/100000
"$LECTERN" --corpus "$c" stats >/dev/null       # a fresh cache
find "$c/sources" -type f -exec cat {} + >/dev/null     # warm page cache
for q in rate "the city"; do
	what=word; case $q in *" "*) what=phrase ;; esac
	alt search-$what "$LECTERN --corpus $c search --count '$q'" \
		"(cd $c && rg -c -F '$q' sources/)"
	first=${MED[0]} rg=${MED[1]}
	cmdlog "$LECTERN --corpus $c search --count --repeat 8 '$q'   (queries 2..8)"
	"$LECTERN" --corpus "$c" search --count --repeat 8 "$q" 2>"$WORK/search-$what.rep" >/dev/null
	again=$(sed -n 's/^query \([2-9]\): \([0-9.]*\) ms.*/\2/p' "$WORK/search-$what.rep" |
		awk '{ print $1 / 1000 }' | median)
	build=$(sed -n 's/^query 1: \([0-9.]*\) ms.*/\1/p' "$WORK/search-$what.rep" | awk '{ print $1 / 1000 }')
	idx=$(sed -n 's/^index: //p' "$WORK/search-$what.rep")
	row search 100000 "$what \"$q\", first query" "$(fmt_s "$first")" "rg -c -F" "$(fmt_s "$rg")" \
		"$(ratio "$first" "$rg")" "<= 1.0x" "$(met "$first" "$rg" 1.0)"
	row search 100000 "$what \"$q\", repeated (index)" "$(fmt_s "$again")" "rg -c -F" "$(fmt_s "$rg")" \
		"$(ratio "$again" "$rg")" "<= 0.1x" "$(met "$again" "$rg" 0.1)"
	[ "$what" = word ] && row search 100000 "index build (once; $idx)" "$(fmt_s "$build")" \
		"rg -c -F" "$(fmt_s "$rg")" "$(ratio "$build" "$rg")" "(report)" "-"
done
