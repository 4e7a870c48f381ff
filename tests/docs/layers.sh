#!/usr/bin/env bash
# tests/docs/layers.sh: the include direction of src/.
#   tests/docs/layers.sh [SRCDIR]    (default: the project's src/)
# src/ holds main.c and one folder per stage.  A file includes only headers
# of its own folder and of the folders before it in this order:
#     base < corpus < search, extract < import < compare < ui < cli
# (search and extract are peers: neither includes the other).  Only src/ui/
# includes curses.  Prints each offending line as FILE:LINE: message and
# exits 1 if there is one; main.c may include any folder.
src=${1:-$(cd "$(dirname "$0")/../../src" && pwd)}
status=0

rank() {
	case $1 in
	base) echo 0 ;; corpus) echo 1 ;; search | extract) echo 2 ;;
	import) echo 3 ;; compare) echo 4 ;; ui) echo 5 ;; cli) echo 6 ;;
	*) echo -1 ;;
	esac
}
complain() { echo "$1"; status=1; }

for f in "$src"/*; do
	name=${f#"$src"/}
	if [ -d "$f" ]; then
		[ "$(rank "$name")" -ge 0 ] || complain "src/$name: a folder that is not a stage"
	elif [ "$name" != main.c ]; then
		complain "src/$name: a file outside the stage folders (only main.c stands there)"
	fi
done

for f in "$src"/*/*.[ch]; do
	dir=${f#"$src"/}; dir=${dir%%/*}
	me=$(rank "$dir")
	[ "$me" -ge 0 ] || continue
	while IFS=: read -r line text; do
		case $text in
		*'<curses.h>'* | *'<ncurses'* | *'<ncursesw/'*)
			[ "$dir" = ui ] || complain "src/${f#"$src"/}:$line: curses outside src/ui/"
			continue ;;
		esac
		inc=$(printf '%s\n' "$text" | sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p')
		[ -n "$inc" ] || continue
		case $inc in
		*/*) to=${inc%%/*} ;;
		*) complain "src/${f#"$src"/}:$line: \"$inc\" names no folder (write \"stage/file.h\")"; continue ;;
		esac
		them=$(rank "$to")
		if [ "$them" -lt 0 ]; then
			complain "src/${f#"$src"/}:$line: \"$inc\" is in no stage folder"
		elif [ "$to" != "$dir" ] && [ "$them" -ge "$me" ]; then
			complain "src/${f#"$src"/}:$line: $dir includes $to, which does not lie below it"
		fi
	done < <(grep -n '#[[:space:]]*include' "$f")
done
exit $status
