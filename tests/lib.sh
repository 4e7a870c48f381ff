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

finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
