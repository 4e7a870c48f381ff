#!/usr/bin/env bash
# fuzz.sh SECONDS TARGET...: runs each libFuzzer binary build/fuzz/fuzz/fuzz_TARGET
# (built by `make fuzz`) for SECONDS, one after the other.  New inputs go to
# build/fuzz/corpus/TARGET (the seeds in tests/fuzz/corpus/TARGET are read,
# never written); a crash, leak or timeout is written to
# tests/fuzz/crashes/TARGET/ so that it becomes a regression test, and makes
# this script fail.  The log of each run is build/fuzz/TARGET.log; the last
# status line (executions, cov:, ft:) is printed.
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
secs=$1; shift
status=0
# a target's scratch files (fuzz_corpus makes a directory) stay under
# build/ even when a crash skips their cleanup
mkdir -p build/fuzz/tmp
export TMPDIR=build/fuzz/tmp
for t in "$@"; do
	bin=build/fuzz/fuzz/fuzz_$t
	work=build/fuzz/corpus/$t
	mkdir -p "$work" "tests/fuzz/crashes/$t"
	dict=$(sed -n 's/^ \* FUZZ_DICT \([^ ]*\)$/\1/p' "tests/fuzz/fuzz_$t.c")
	opts=(-max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
	      -artifact_prefix="tests/fuzz/crashes/$t/")
	[ -n "$dict" ] && opts+=(-dict="tests/fuzz/$dict")
	echo "fuzz $t: ${secs}s${dict:+, dictionary $dict}"
	seeds=()
	[ -d "tests/fuzz/corpus/$t" ] && seeds=("tests/fuzz/corpus/$t")
	if "$bin" "${opts[@]}" "$work" "${seeds[@]}" >"build/fuzz/$t.log" 2>&1; then
		line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "build/fuzz/$t.log" | tail -1)
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "build/fuzz/$t.log")
		echo "fuzz $t: ok, $runs executions; $(echo "$line" | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*')"
	else
		status=1
		echo "fuzz $t: FAILED (see build/fuzz/$t.log; the input is in tests/fuzz/crashes/$t/)"
		grep -E 'ERROR|SUMMARY|invariant broken|Test unit written' "build/fuzz/$t.log" | head -8
	fi
done
exit $status
