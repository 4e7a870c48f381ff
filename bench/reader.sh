# reader: the reader on the 100,000-source corpus in tmux (80x24): time to
# the first screen (through the cache; median of RUNS), the wall time of a
# key script (50 j in the Text pane, until the title shows the last
# position) per key, and instructions per key from callgrind
# (callgrind_control dumps between key batches; the count includes the
# idle polls in between, so it is an upper bound); then the worst key
# latency while a 200 MB text is re-wrapped after resizes (less as the
# peer) and with 100,000 claims on one source.
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
# the Text title as lines ([A-B/N]), which the key script waits for
mkdir -p "$WORK/reader-config/lectern"
printf 'set position = lines\n' >"$WORK/reader-config/lectern/config"
rstart() {
	TR kill-session -t r 2>/dev/null
	TR new-session -d -s r -x 80 -y 24 "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CONFIG_HOME=$WORK/reader-config $*; sleep 60"
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
# ---- worst key latency: during a resize with a 200 MB text, and with
# 100,000 claims on one source (each key waits for the one before) ----
# keylat SECONDS-START STRING: seconds from START until STRING is on screen
keylat() {
	until TR capture-pane -p -t r | grep -qF -- "$2"; do :; done
	awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }'
}
worst() { sort -g | tail -1; }
big=$WORK/big200
if [ ! -s "$big/corpus.json" ]; then
	mkdir -p "$big/sources"
	awk 'BEGIN { for (i = 1; i <= 1400000; i++) { printf "Paragraph %07d:", i
		for (k = 0; k < i % 9; k++) printf " some words of a text that wraps"; printf "\n" } }' >"$big/sources/b.txt"
	printf '{"schema": "lectern-corpus", "version": 1, "title": "Big", "sources": [{"id": "b", "title": "Big", "outlet": "O", "author": null, "published": "2022-01-01", "url": null, "language": "en", "file": "sources/b.txt", "sha256": "%s"}], "claims": [], "topics": []}\n' \
		"$(sha256sum <"$big/sources/b.txt" | cut -d' ' -f1)" >"$big/corpus.json"
fi
mb=$(( $(stat -c %s "$big/sources/b.txt") / 1000000 ))
# resize_run CMD READY: 10 resizes of a 160x40 session running CMD (READY
# on screen once it is usable), each followed by a key whose echo is
# timed; prints the worst
resize_run() {
	rstart "$1"
	TR set -t r window-size manual
	upto "$2" 120 || echo "bench: reader: $1 not ready" >&2
	for ((i = 10; i < 20; i++)); do
		TR resize-window -t r -x $((100 + (i * 37) % 100)) -y $((30 + i % 12))
		t0=$EPOCHREALTIME
		TR send-keys -t r "$3" z "$i"
		keylat "$t0" "${3}z$i"
		TR send-keys -t r $4
	done | worst
	TR kill-session -t r
}
cmdlog "tmux 160x40: lectern --corpus C (one ${mb} MB text), 2, then 10 x (resize-window, ':zN' until it shows, Esc); less on the text, the same with '/zN' and Backspaces"
lr=$(for ((r = 0; r < RUNS; r++)); do resize_run "$LECTERN --corpus $big" " line 1/" : "Escape"; done | median)
pr=$(for ((r = 0; r < RUNS; r++)); do resize_run "less $big/sources/b.txt" "Paragraph 0000001" / "BSpace BSpace BSpace BSpace"; done | median)
row reader "${mb} MB text" "worst key latency, 10 resizes (wall, with tmux)" "$(fmt_s "$lr")" less "$(fmt_s "$pr")" \
	"$(ratio "$lr" "$pr")" "<= 100 ms" "$(awk -v v="$lr" 'BEGIN { print (v <= 0.1 ? "yes" : "NO") }')"
many=$WORK/many100k
if [ ! -s "$many/corpus.json" ]; then
	mkdir -p "$many/sources"
	awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "S%06d is here.%s", i, (i % 4 ? " " : "\n") }' >"$many/sources/m.txt"
	{ printf '{"schema": "lectern-corpus", "version": 1, "title": "Many claims", "sources": [{"id": "m", "title": "Many", "outlet": "O", "author": null, "published": "2022-01-01", "url": null, "language": "en", "file": "sources/m.txt", "sha256": "%s"}], "claims": [\n' "$(sha256sum <"$many/sources/m.txt" | cut -d' ' -f1)"
	  awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "%s{\"id\": \"c%06d\", \"source\": \"m\", \"span\": [%d, %d], \"text\": \"S%06d is here\", \"kind\": \"event\", \"origin\": \"curated\"}\n", (i > 1 ? "," : ""), i, (i - 1) * 17, (i - 1) * 17 + 15, i }'
	  printf '], "topics": []}\n'; } >"$many/corpus.json"
fi
cmdlog "tmux 250x80: lectern --corpus C (100,000 claims on one source), :claim c090000, then 10 x (], until 'claim c0900NN' shows), then 10 x (':N' until it shows, Esc) as the floor; CPU from /proc/PID/stat"
for ((r = 0; r < RUNS; r++)); do
	rstart "$LECTERN --corpus $many"
	TR set -t r window-size manual
	TR resize-window -t r -x 250 -y 80
	upto "Sources (" 60
	TR send-keys -t r 2 :claim Space c090000 Enter
	upto "S090000 is here" 30
	pid=$(pgrep -P "$(TR list-panes -t r -F '#{pane_pid}')" | head -1)
	c0=$(cpu_ms "$pid")
	k=$(for ((i = 1; i <= 10; i++)); do
		t0=$EPOCHREALTIME
		TR send-keys -t r ']'
		keylat "$t0" "$(printf 'claim c09%04d' $i)"
	done | worst)
	c1=$(cpu_ms "$pid")
	f=$(for ((i = 1; i <= 10; i++)); do
		t0=$EPOCHREALTIME
		TR send-keys -t r : "$i"
		keylat "$t0" ":$i"
		TR send-keys -t r Escape
	done | worst)
	echo "$k $f $(awk -v a="$c0" -v b="$c1" 'BEGIN { print (b - a) / 10000 }')"
	TR kill-session -t r
done >"$WORK/claims-keys.txt"
lc=$(awk '{ print $1 }' "$WORK/claims-keys.txt" | median)
fl=$(awk '{ print $2 }' "$WORK/claims-keys.txt" | median)
cpu=$(awk '{ print $3 }' "$WORK/claims-keys.txt" | median)
row reader "100,000 claims, one source" "worst key latency, 10 x ] deep in the text at 250x80 (wall, with tmux)" "$(fmt_s "$lc")" \
	"floor: ':N' echo, same reader" "$(fmt_s "$fl")" "$(ratio "$lc" "$fl")" "<= 100 ms" \
	"$(awk -v v="$lc" 'BEGIN { print (v <= 0.1 ? "yes" : "NO") }')"
row reader "100,000 claims, one source" "CPU per ] deep in the text at 250x80" "$(fmt_s "$cpu")" - - - "<= 100 ms" \
	"$(awk -v v="$cpu" 'BEGIN { print (v <= 0.1 ? "yes" : "NO") }')"
TR kill-server 2>/dev/null
