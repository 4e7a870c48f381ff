# check: lectern check reads every text (sha256, UTF-8, spans) after the
# index; peers: sha256sum of every text and cat of every text (I/O floor).
c=$CORPORA/100000
RUNS=3 WARMUP=1 hf check-100000 "$LECTERN --corpus $c check" \
	"sh -c 'cd $c && find sources -type f -exec sha256sum {} + >/dev/null'"
row check 100000 "check (all texts)" "$(fmt_s "${MED[0]}")" "sha256sum all texts" \
	"$(fmt_s "${MED[1]}")" "$(ratio "${MED[0]}" "${MED[1]}")" "(report)" "-"
