#!/usr/bin/env bash
# bench/extract.sh: claim extraction speed on one core.
#   bench/extract.sh [MB]     (default 50)
# Builds a corpus of the bundled texts replicated to about MB megabytes,
# then measures (1) extract_claims() alone over every article, and
# (2) `lectern extract` end to end (load the index, read and check each
# text once, extract, write the index as it is made), both pinned to one
# core with taskset when available.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
mb=${1:-50}
make -s lectern >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lectern-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# the core objects: all but main.o and the files that draw (Makefile's CORE)
objs=$(for o in build/src/*/*.o; do s=${o#build/}; grep -q '"ui/tui.h"' "${s%.o}.c" || echo "$o"; done)
cc -std=c11 -O2 -D_GNU_SOURCE -Isrc $(pkg-config --cflags libcjson) -o "$tmp/extract_bench" \
	bench/extract_bench.c $objs $(pkg-config --libs ncursesw libcjson libxml-2.0 libpcre2-8 uchardet) -lm

mkdir -p "$tmp/c/sources"
one=$(cat data/sources/*.txt | wc -c)
copies=$(( (mb * 1000000 + one - 1) / one ))
{
	printf '{"schema": "lectern-corpus", "version": 1, "title": "bench", "sources": [\n'
	sep=""
	for k in $(seq 1 "$copies"); do
		for f in data/sources/*.txt; do
			id=$(basename "$f" .txt)-$k
			cp "$f" "$tmp/c/sources/$id.txt"
			printf '%s{"id": "%s", "title": null, "outlet": null, "author": null, "published": "2022-06-15", "url": null, "language": "en", "file": "sources/%s.txt", "sha256": "%s"}' \
				"$sep" "$id" "$id" "$(sha256sum "$f" | cut -d' ' -f1)"
			sep=$',\n'
		done
	done
	printf '\n], "claims": [], "topics": []}\n'
} >"$tmp/c/corpus.json"
total=$(cat "$tmp"/c/sources/*.txt | wc -c)
echo "corpus: $copies copies of data/sources, $total bytes"

pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
$pin "$tmp/extract_bench" "$tmp"/c/sources/*.txt

TIMEFORMAT='%R %U %S'
t=$( { time $pin ./lectern extract --corpus "$tmp/c" >/dev/null; } 2>&1 )
read -r real user sys <<<"$t"
awk -v b="$total" -v r="$real" -v u="$user" -v s="$sys" 'BEGIN {
	printf "lectern extract end to end (load, read and check each text, extract, write):\n"
	printf "  cpu time  %.2f s  %.1f MB/s\n", u + s, b / 1e6 / (u + s)
	printf "  wall time %.2f s  %.1f MB/s\n", r, b / 1e6 / r }'
