# open: time from start to a loaded corpus (lectern stats loads the index,
# checks its structure, builds the model and exits), first open (no cache:
# it is removed before each run) and repeated open (through the cache),
# against jq empty on the same index (run in turn with lectern, so that both
# see the same load), and cat of the index and of all texts (hyperfine).
for n in 10000 100000; do
	c=$CORPORA/$n
	cache=$c/.corpus.json.lcache
	alt open-$n --prepare "rm -f $cache" "$LECTERN --corpus $c stats" \
		"jq empty $c/corpus.json"
	first=${MED[0]} jq=${MED[1]}
	"$LECTERN" --corpus "$c" stats >/dev/null     # leaves a fresh cache
	alt reopen-$n "$LECTERN --corpus $c stats" "jq empty $c/corpus.json"
	again=${MED[0]} jq2=${MED[1]}
	hf catix-$n "cat $c/corpus.json"
	catix=${MED[0]}
	hf cat-$n "sh -c 'find $c/sources -type f -exec cat {} + >/dev/null'"
	catall=${MED[0]}
	row open "$n" "first open" "$(fmt_s "$first")" "jq empty" "$(fmt_s "$jq")" \
		"$(ratio "$first" "$jq")" "<= 0.6x" "$(met "$first" "$jq" 0.6)"
	row open "$n" "repeated open (cache)" "$(fmt_s "$again")" "jq empty" "$(fmt_s "$jq2")" \
		"$(ratio "$again" "$jq2")" "<= 0.1x" "$(met "$again" "$jq2" 0.1)"
	row open "$n" "first open" "$(fmt_s "$first")" "cat index" "$(fmt_s "$catix")" \
		"$(ratio "$first" "$catix")" "(floor)" "-"
	row open "$n" "first open" "$(fmt_s "$first")" "cat all texts" "$(fmt_s "$catall")" \
		"$(ratio "$first" "$catall")" "(floor)" "-"
done
