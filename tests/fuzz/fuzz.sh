#!/usr/bin/env bash
# Builds the libFuzzer harness against the core objects and runs it for
# SECONDS (default 60) with the seed articles as the starting corpus.
#   tests/fuzz/fuzz.sh [SECONDS]
# Crash inputs are written into build/fuzz/.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
secs=${1:-60}
flags="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer"
make -s BUILD=build/fuzz CC=clang CFLAGS="$flags" LDFLAGS="-fsanitize=address,undefined" build/fuzz/lectern >/dev/null
objs=$(ls build/fuzz/src/*.o | grep -v '/main\.o$')
clang -std=c11 -D_GNU_SOURCE -Isrc $(pkg-config --cflags libcjson) -O1 -g \
	-fsanitize=fuzzer,address,undefined -o build/fuzz/fuzz_parsers tests/fuzz/fuzz_parsers.c \
	$objs $(pkg-config --libs ncursesw libcjson) -lm
mkdir -p build/fuzz/corpus
cp tests/fuzz/../fixtures/seeds/*.txt build/fuzz/corpus/
cd build/fuzz && ./fuzz_parsers -max_total_time="$secs" -max_len=4096 -rss_limit_mb=4096 corpus
