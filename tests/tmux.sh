# tests/tmux.sh: the screen helpers of the suites that drive the reader in
# tmux (ui, matrix, stress).  The suite defines T (tmux on its private
# socket) and runs the reader in a session named t; WAIT_TRIES sets how
# many times wait_for polls, 0.05 s apart (default 160, about 8 s).

screen() { T capture-pane -p -t t 2>/dev/null; }
keys() { T send-keys -t t "$@"; }
# wait_for FIXED-STRING [TRIES]: polls the screen until the string shows
wait_for() {
	local i
	for ((i = 0; i < ${2:-${WAIT_TRIES:-160}}; i++)); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}
# see NAME FIXED-STRING [TRIES]: a check that the string shows
see() {
	if wait_for "$2" "${3:-}"; then ok "$1"; else
		bad "$1" "no '$2' on screen:" "$(screen | head -12)" "$(screen | grep -v "^ *$" | tail -2)"
	fi
}
# pipe_on FILE / pipe_off: record the raw bytes the reader writes
pipe_on() { : >"$1"; T pipe-pane -t t -o "cat >>'$1'"; }
pipe_off() { sleep 0.2; T pipe-pane -t t; sleep 0.05; }
