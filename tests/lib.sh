# tests/lib.sh: the shell test helpers every tests/*/run.sh sources.
# Each check prints "ok" or "FAIL" with its name; finish prints the closing
# line "N passed, N failed" and exits non-zero if anything failed.
# LECTERN is the binary under test (absolute path); TOP the project root.

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LECTERN=${LECTERN:-$TOP/lectern}
case $LECTERN in /*) ;; *) LECTERN=$PWD/$LECTERN ;; esac
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LECTERN_CORPUS NO_COLOR
pass=0 fail=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/lectern-test.XXXXXX")
# the reader's state goes here, never to the user's own
export XDG_STATE_HOME="$TMP/state"
trap 'rm -rf "$TMP"' EXIT

ok()   { pass=$((pass + 1)); echo "ok   $1"; }
bad()  { fail=$((fail + 1)); echo "FAIL $1"; shift; for l in "$@"; do printf '     %s\n' "$l"; done; }

# run CMD...: runs it, keeping stdout in $out, stderr in $err, status in $rc
run() {
	out=$("$@" 2>"$TMP/stderr"); rc=$?
	err=$(cat "$TMP/stderr")
}

# expect NAME STATUS PATTERN CMD...: status must match, and stdout+stderr
# must contain the fixed string PATTERN (empty: anything)
expect() {
	local name=$1 want=$2 pat=$3; shift 3
	run "$@"
	if [ "$rc" != "$want" ]; then
		bad "$name" "exit $rc, wanted $want" "stderr: $(printf '%s' "$err" | head -5)"
	elif [ -n "$pat" ] && ! printf '%s\n%s\n' "$out" "$err" | grep -qF -- "$pat"; then
		bad "$name" "no '$pat' in output" "stdout: $(printf '%s' "$out" | head -3)" "stderr: $(printf '%s' "$err" | head -5)"
	else
		ok "$name"
	fi
}

# check NAME CONDITION...: passes when the command succeeds
check() {
	local name=$1; shift
	if "$@"; then ok "$name"; else bad "$name" "failed: $*"; fi
}

# kill_saves DIR OLD NEW MAXMS CMD...: 100 times, puts OLD back as
# DIR/corpus.json, starts CMD (a save of DIR) and kills it with SIGKILL after
# a random 0 to MAXMS ms (RANDOM seeds the points), then counts in $olds and
# $news the runs that left OLD or NEW byte for byte, in $torn the others
# (the last kept in $TMP/torn.json) and in $invalid those `check` refused
kill_saves() {
	local dir=$1 old=$2 new=$3 max=$4 i pid; shift 4
	olds=0 news=0 torn=0 invalid=0
	for ((i = 0; i < 100; i++)); do
		cp "$old" "$dir/corpus.json"
		rm -f "$dir"/.*.lcache
		"$@" >/dev/null 2>&1 &
		pid=$!
		sleep "0.$(printf '%03d' $((RANDOM % max)))"
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		if cmp -s "$dir/corpus.json" "$old"; then olds=$((olds + 1))
		elif cmp -s "$dir/corpus.json" "$new"; then news=$((news + 1))
		else torn=$((torn + 1)); cp "$dir/corpus.json" "$TMP/torn.json"; fi
		LECTERN_CACHE=0 "$LECTERN" --corpus "$dir" check >/dev/null 2>&1 || invalid=$((invalid + 1))
		rm -f "$dir"/corpus.json.tmp-*   # what a killed save leaves: never the corpus
	done
}

finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
