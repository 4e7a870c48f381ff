# reader: the reader on the 100,000-source corpus in tmux (80x24): time to
# the first screen (through the cache; median of RUNS), the wall time of a
# key script (50 j in the Text pane, until the title shows the last
# position) per key, and instructions per key from callgrind
# (callgrind_control dumps between key batches; the count includes the
# idle polls in between, so it is an upper bound).
c=$CORPORA/100000
sock=lectern-reader-$$
printf 'set -g status off\nset -g escape-time 0\nset -g exit-empty off\n' >"$WORK/tmux.conf"
TR() { tmux -L "$sock" -f "$WORK/tmux.conf" "$@"; }
# upto STRING SECONDS: polls every 10 ms; true once STRING is on screen
upto() {
	local end=$(( ${EPOCHREALTIME/./} + ${2}000000 ))
	while (( ${EPOCHREALTIME/./} < end )); do
		TR capture-pane -p -t r | grep -qF -- "$1" && return 0
		sleep 0.01
	done
	return 1
}
rstart() {
	TR kill-session -t r 2>/dev/null
	TR new-session -d -s r -x 80 -y 24 "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $*; sleep 60"
}
"$LECTERN" --corpus "$c" stats >/dev/null; "$LECTERN" --corpus "$CORPORA/10000" stats >/dev/null
cmdlog "tmux 80x24: $LECTERN --corpus $c   (until 'Sources (' is on screen)"
first=$(for ((r = 0; r < RUNS; r++)); do
	t0=$EPOCHREALTIME
	rstart "$LECTERN --corpus $c"
	upto "Sources (" 30 || echo "bench: reader: no first screen" >&2
	t1=$EPOCHREALTIME
	awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
done | median)
row reader 100000 "time to the first screen (tmux)" "$(fmt_s "$first")" "-" "-" "-" "(report)" "-"
cmdlog "tmux: key 2, then 50 x j, until the Text title shows [51-"
per=$(for ((r = 0; r < RUNS; r++)); do
	rstart "$LECTERN --corpus $c"
	upto "Sources (" 30
	TR send-keys -t r 2; upto "> Text" 5
	t0=$EPOCHREALTIME
	for ((i = 0; i < 50; i++)); do TR send-keys -t r j; done
	upto "[51-" 30 || echo "bench: reader: key script did not finish" >&2
	t1=$EPOCHREALTIME
	awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 50 }'
done | median)
row reader 100000 "per key, 50 j in the Text pane (wall, with tmux)" "$(fmt_s "$per")" "-" "-" "-" "no visible delay" \
	"$(awk -v v="$per" 'BEGIN { print (v < 0.05 ? "yes" : "NO") }')"
# cgrun CORPUS: instructions for start-up and per key of each batch, one
# "label<TAB>count" line each, for the reader on CORPUS under callgrind
cgrun() {
	local cg=$WORK/callgrind.out spec vpid f n
	rm -f "$cg"*
	rstart "valgrind --tool=callgrind --callgrind-out-file=$cg $LECTERN --corpus $1"
	upto "Sources (" 120
	sleep 1
	vpid=$(pgrep -P "$(TR list-panes -t r -F "#{pane_pid}")" | head -1)
	for spec in "start-up_(cached_open,_first_screen) - 1" "j_(Sources) j 20" "k_(Sources) k 20" \
		"G_(Sources) G 5" "g_(Sources) g 5" "Tab_(next_pane) Tab 6" "2_(focus_Text) 2 1" \
		"j_(Text) j 20" "4_(Compare_view) 4 1" "j_(Compare) j 10"; do
		set -- $spec
		if [ "$2" != - ]; then
			for ((i = 0; i < $3; i++)); do TR send-keys -t r "$2"; done
			sleep 2
		fi
		callgrind_control -d "$vpid" >/dev/null 2>&1
		sleep 0.5
		f=$(ls -t "$cg".* 2>/dev/null | head -1)
		n=$(sed -n 's/^summary: //p' "$f")
		printf '%s\t%s\n' "${1//_/ }" "$(awk -v n="$n" -v k="$3" 'BEGIN { printf "%.0f", n / k }')"
	done
	TR send-keys -t r q
}
if command -v valgrind >/dev/null && command -v callgrind_control >/dev/null; then
	cmdlog "tmux: valgrind --tool=callgrind lectern --corpus C (C = the 10,000 and 100,000 corpora); callgrind_control -d after start-up and after each key batch"
	cgrun "$CORPORA/10000" >"$WORK/cg-10000.tsv"
	cgrun "$c" >"$WORK/cg-100000.tsv"
	paste "$WORK/cg-100000.tsv" "$WORK/cg-10000.tsv" | while IFS=$'\t' read -r what big _ small; do
		case $what in
		start-up*) tgt="(report)" m=- ;;
		*) tgt="<= 1.5x (no O(N))" m=$(met "$big" "$small" 1.5) ;;
		esac
		row reader 100000 "instructions per key: $what" "$big" "same at 10,000 sources" "$small" \
			"$(ratio "$big" "$small")" "$tgt" "$m"
	done
fi
TR kill-server 2>/dev/null
