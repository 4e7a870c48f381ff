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
