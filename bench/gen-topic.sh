#!/bin/sh
# gen-topic.sh N DIR [curated|auto]: writes a deterministic corpus of N
# quantity claims in two sources ("north" and "south", every other claim)
# to DIR (corpus.json and sources/).  Each claim is one sentence with a
# count ("Officer12 said 4321 tents were moved near valley7 on day 3 of
# the operation."); curated (the default) puts every claim in one curated
# topic "all", auto leaves them to the automatic alignment.  Used by
# bench/compare.sh and tests/stress; needs only awk and sha256sum.
set -eu
[ $# -ge 2 ] || { echo "usage: gen-topic.sh N DIR [curated|auto]" >&2; exit 2; }
n=$1 dir=$2 mode=${3:-curated}
case $n in ''|*[!0-9]*) echo "gen-topic.sh: N must be a number, not \"$n\"" >&2; exit 2 ;; esac
case $mode in curated|auto) ;; *) echo "gen-topic.sh: the mode is curated or auto, not \"$mode\"" >&2; exit 2 ;; esac
mkdir -p "$dir/sources"
# the texts and the claims (with their byte spans) in one pass
awk -v n="$n" -v dir="$dir" -v mode="$mode" 'BEGIN {
	srand(17)
	split("people troops ships tents passengers sorties homes schools trucks doctors", noun, " ")
	split("reported counted moved sent flown built found lost seen listed", verb, " ")
	off["north"] = 0; off["south"] = 0
	claims = dir "/claims.part"
	for (i = 0; i < n; i++) {
		src = i % 2 ? "south" : "north"
		x = 10 + int(rand() * 89991)
		unit = noun[1 + int(rand() * 10)]
		t = sprintf("Officer%d said %d %s were %s near valley%d on day %d of the operation.",
			int(rand() * 300), x, unit, verb[1 + int(rand() * 10)], int(rand() * 400),
			1 + int(rand() * 60))
		print t > (dir "/sources/" src ".txt")
		s = off[src]; off[src] += length(t) + 1
		printf "%s{\"id\": \"c%06d\", \"source\": \"%s\", \"span\": [%d, %d], \"text\": \"%s\", " \
			"\"kind\": \"quantity\", \"speaker\": null, %s\"origin\": \"curated\", " \
			"\"values\": [{\"type\": \"quantity\", \"value\": %d, \"unit\": \"%s\", \"qualifier\": \"exact\"}]}\n",
			i ? "," : "", i, src, s, s + length(t), t, mode == "curated" ? "\"topics\": [\"all\"], " : "",
			x, unit > claims
	}
}'
sum() { sha256sum <"$dir/sources/$1.txt" | cut -d' ' -f1; }
{
	printf '{"schema": "lectern-corpus", "version": 1, "title": "One topic of %s claims",\n"sources": [\n' "$n"
	printf '{"id": "north", "title": "Operation report north", "outlet": "north", "author": null, "published": "2024-05-01", "url": null, "language": "en", "file": "sources/north.txt", "sha256": "%s"},\n' "$(sum north)"
	printf '{"id": "south", "title": "Operation report south", "outlet": "south", "author": null, "published": "2024-05-02", "url": null, "language": "en", "file": "sources/south.txt", "sha256": "%s"}],\n' "$(sum south)"
	printf '"claims": [\n'
	cat "$dir/claims.part"
	printf '],\n"topics": ['
	if [ "$mode" = curated ]; then
		printf '{"id": "all", "label": "every claim", "claims": ['
		awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "%s\"c%06d\"", i ? ", " : "", i }'
		printf ']}'
	fi
	printf ']}\n'
} >"$dir/corpus.json"
rm -f "$dir/claims.part"
