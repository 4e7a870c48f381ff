# bench/export.sh: export against compare on the same 100,000-source corpus
# (sourced by bench/run.sh; helpers from bench/lib.sh).  Both build the same
# comparison model (--auto-only); export then writes everything it holds.
# Target (issue 19): export within 1.5x compare's time and peak memory.
c=$CORPORA/100000
"$LECTERN" --corpus "$c" stats >/dev/null 2>&1   # the cache, for both
cmp_cmd="$LECTERN --corpus $c compare --auto-only --json"
for f in json csv md; do
	alt export-$f "$cmp_cmd" "$LECTERN --corpus $c export --auto-only --format $f"
	row export 100000 "export --format $f (time)" "$(fmt_s "${MED[1]}")" "compare --auto-only --json" \
		"$(fmt_s "${MED[0]}")" "$(ratio "${MED[1]}" "${MED[0]}")" "<= 1.5x" "$(met "${MED[1]}" "${MED[0]}" 1.5)"
done
pc=$(maxrss $cmp_cmd)
for f in json csv md; do
	pe=$(maxrss "$LECTERN" --corpus "$c" export --auto-only --format $f)
	row export 100000 "export --format $f (peak memory)" "$(mib "$pe")" "compare --auto-only --json" \
		"$(mib "$pc")" "$(ratio "$pe" "$pc")" "<= 1.5x" "$(met "$pe" "$pc" 1.5)"
done
