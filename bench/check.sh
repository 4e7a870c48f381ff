# check: lectern check reads every text (sha256, UTF-8, spans) against the
# index (from the cache, made here first, when it is valid); peer:
# sha256sum of every text.  Wall time, round robin (alt), both cores free
# to either.
for n in 10000 100000; do
	c=$CORPORA/$n
	"$LECTERN" --corpus "$c" stats >/dev/null
	alt check-$n "$LECTERN --corpus $c check" \
		"sh -c 'cd $c && find sources -type f -exec sha256sum {} + >/dev/null'"
	row check "$n" "check (all texts, cache valid)" "$(fmt_s "${MED[0]}")" "sha256sum all texts" \
		"$(fmt_s "${MED[1]}")" "$(ratio "${MED[0]}" "${MED[1]}")" "<= 1.2x" \
		"$(met "${MED[0]}" "${MED[1]}" 1.2)"
done
# the same without the cache: the index parsed as well
c=$CORPORA/100000
alt check-nocache-100000 "LECTERN_CACHE=0 $LECTERN --corpus $c check" \
	"sh -c 'cd $c && find sources -type f -exec sha256sum {} + >/dev/null'"
row check 100000 "check (all texts, index parsed, LECTERN_CACHE=0)" "$(fmt_s "${MED[0]}")" \
	"sha256sum all texts" "$(fmt_s "${MED[1]}")" "$(ratio "${MED[0]}" "${MED[1]}")" "(report)" "-"
