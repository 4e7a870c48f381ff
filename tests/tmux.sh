# tests/tmux.sh: the helpers of the suites that drive the reader in tmux
# (ui, matrix, stress, scale).  tmux_socket NAME gives the suite a private
# tmux server, used through T; the reader runs in a session named t.
# WAIT_TRIES sets how many times wait_for polls, 0.05 s apart (default 160,
# about 8 s); MANUAL_SIZE=1 makes start fix the window size, so that
# resize-window sizes stick.

# the reader's leaks that are curses's own (tests/ui/lsan.supp)
export LSAN_OPTIONS="suppressions=$TOP/tests/ui/lsan.supp:${LSAN_OPTIONS:-}"

# tmux_required: the suite fails at once when tmux is missing
tmux_required() {
	command -v tmux >/dev/null && return 0
	bad "tmux is installed" "the terminal tests need tmux (make deps)"
	finish
	exit 1
}

# tmux_socket NAME: a private server, its settings, and its end on exit
tmux_socket() {
	SOCK=lectern-$1-$$
	printf 'set -g status off\nset -g escape-time 0\nset -g exit-empty off\n' >"$TMP/tmux.conf"
	trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
}
T() { tmux -L "$SOCK" -f "$TMP/tmux.conf" "$@"; }

# start W H [VAR=VALUE...] -- [ARGS...]: the reader in a fresh session; its
# pid goes to $TMP/pid, and the shell around it prints EXIT=status when it
# ends.  Each start has an empty reading state (a fresh XDG_STATE_HOME)
# unless the suite passes XDG_STATE_HOME=... itself.  The suites read
# where the text is from the Text pane's title, "[A-B/N]": each start has a
# configuration of `set position = lines`; and tmux has no left and right
# margins, so from 120 columns the layout option's auto stacks the panes,
# where the suites were written for them side by side: from 120 columns
# the configuration also says `set layout = wide`.  A suite that passes
# XDG_CONFIG_HOME=... itself has its own (tests/margins checks what the
# defaults do).
start() {
	local w=$1 h=$2 envs=(XDG_STATE_HOME="$TMP/state.$((++STARTS))") q c=lines
	[ "$w" -ge 120 ] && c=wide
	mkdir -p "$TMP/config.$c/lectern"
	printf 'set position = lines\n' >"$TMP/config.$c/lectern/config"
	[ $c = wide ] && printf 'set layout = wide\n' >>"$TMP/config.$c/lectern/config"
	envs=(XDG_CONFIG_HOME="$TMP/config.$c" "${envs[@]}")
	shift 2
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
	shift
	T kill-session -t t 2>/dev/null
	q=$(printf "%q " bash -c "echo \$\$ >$TMP/pid; exec \"\$@\"" _ env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 "${envs[@]}" "$LECTERN" "$@")
	T new-session -d -s t -x "$w" -y "$h" "$q; echo EXIT=\$?; sleep 60"
	if [ "${MANUAL_SIZE:-0}" = 1 ]; then
		T set -t t window-size manual   # (tmux 3.3 dies on -g)
	fi
}

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
