# bench/lib.sh: helpers every bench/*.sh benchmark uses (sourced by run.sh).
#   LECTERN  the binary (absolute);  CORPORA  where the corpora are:
#            $CORPORA/N/corpus.json for N in 1000 10000 100000
#   RUNS     timed runs per command (median taken), WARMUP runs before
#   row BENCH CORPUS WHAT LECTERN_FIG PEER PEER_FIG RATIO TARGET MET
#            adds a line to the table (run.sh prints it and writes RESULTS.md)
#   hf NAME [--prepare CMD] CMD...   times CMDs with hyperfine in one run;
#            sets MED[0..] to each command's median in seconds
#   alt NAME [--prepare CMD] CMD...  the same, the commands run in turn
#            (round robin), for ratios that hold on a loaded machine
#   maxrss CMD...   median peak resident kB of CMD over RUNS runs (time -v)
#   cmdlog CMD      records a command for the "commands" list

row() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$ROWS"
}

cmdlog() {
	printf '%s\n' "$*" >>"$CMDS"
}

hf() {
	local name=$1; shift
	local prep=()
	if [ "$1" = --prepare ]; then prep=(--prepare "$2"); shift 2; fi
	local json=$WORK/$name.json
	local cmd
	for cmd in "$@"; do cmdlog "$cmd${prep[1]:+   (after: ${prep[1]})}"; done
	hyperfine -N --style none --warmup "$WARMUP" --runs "$RUNS" "${prep[@]}" \
		--export-json "$json" -- "$@" >/dev/null 2>"$WORK/$name.err" ||
		{ cat "$WORK/$name.err" >&2; return 1; }
	mapfile -t MED < <(jq -r '.results[].median' "$json")
}

# alt NAME [--prepare CMD] CMD...: like hf, but runs the commands round
# robin (WARMUP untimed rounds, then RUNS timed ones, each command timed from
# bash's EPOCHREALTIME around it, PREPARE run untimed before each), so that a
# change in a shared machine's load falls on every command alike.
alt() {
	local name=$1; shift
	local prep=
	if [ "$1" = --prepare ]; then prep=$2; shift 2; fi
	local -a cmds=("$@")
	local times=$WORK/$name.times r i t0 t1 cmd
	for cmd in "$@"; do cmdlog "$cmd${prep:+   (after: $prep)}"; done
	: >"$times"
	for ((r = 0; r < WARMUP + RUNS; r++)); do
		for ((i = 0; i < ${#cmds[@]}; i++)); do
			[ -z "$prep" ] || eval "$prep" >/dev/null 2>&1
			t0=$EPOCHREALTIME
			eval "${cmds[i]}" >/dev/null 2>&1 ||
				{ echo "bench: failed: ${cmds[i]}" >&2; return 1; }
			t1=$EPOCHREALTIME
			((r < WARMUP)) || echo "$i $t0 $t1" >>"$times"
		done
	done
	MED=()
	for ((i = 0; i < ${#cmds[@]}; i++)); do
		MED[i]=$(awk -v k="$i" '$1 == k { print $3 - $2 }' "$times" | median)
	done
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

maxrss() {
	cmdlog "/usr/bin/time -f %M $*"
	local i
	for i in $(seq "$RUNS"); do
		/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
	done | median
}

# fmt_s SECONDS: "1.234 s" or "56.7 ms"
fmt_s() {
	awk -v s="$1" 'BEGIN { if (s >= 1) printf "%.3f s", s; else printf "%.1f ms", s * 1000 }'
}

# ratio A B: A/B with 3 significant digits
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; printf (r < 0.1 ? "%.3fx" : "%.2fx"), r }'
}

# met A B LIMIT: "yes" when A/B <= LIMIT
met() {
	awk -v a="$1" -v b="$2" -v l="$3" 'BEGIN { print (a / b <= l) ? "yes" : "NO" }'
}

mib() {
	awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'
}

# ---- the reader in tmux (a private server per benchmark script) ----
#   tm_start W H CMD   a session "b" of W x H running CMD (then sleep, so its
#                      screen stays); tm ARGS... talks to that server
#   tm_shows STRING SECONDS   polls every 10 ms; true once STRING is on screen
#   tm_echo_lat TAG    10 x (':zTAGN' typed until it echoes, Esc): the worst
#                      wall time of the ten, in seconds
#   cpu_ms PID         user + system CPU time of PID so far, in ms
#   tm_pid             the pid of the program in the session
tm_sock=lectern-bench-$$
tm() { tmux -L "$tm_sock" -f "$WORK/tm.conf" "$@"; }
tm_start() {
	local w=$1 h=$2; shift 2
	printf 'set -g status off\nset -g escape-time 0\nset -g exit-empty off\n' >"$WORK/tm.conf"
	tm kill-session -t b 2>/dev/null
	tm new-session -d -s b -x "$w" -y "$h" "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $*; sleep 600"
}
tm_shows() {
	local end=$(( ${EPOCHREALTIME/./} + ${2}000000 ))
	until tm capture-pane -p -t b | grep -qF -- "$1"; do
		(( ${EPOCHREALTIME/./} < end )) || return 1
		sleep 0.01
	done
}
tm_echo_lat() {
	local i t0
	for ((i = 10; i < 20; i++)); do
		t0=$EPOCHREALTIME
		tm send-keys -t b : z "$1$i"
		tm_shows ":z$1$i" 60
		awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }'
		tm send-keys -t b Escape
	done | sort -g | tail -1
}
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }
tm_pid() { pgrep -P "$(tm list-panes -t b -F '#{pane_pid}')" | head -1; }
