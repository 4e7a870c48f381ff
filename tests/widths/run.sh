#!/usr/bin/env bash
# Display widths in the reader, in tmux: lines of each class on which the
# old built-in width table and wcwidth() (which ncursesw places characters
# by) disagreed, wrapped and drawn, with a marker after each run; every
# marker must show where wcwidth() puts it, and no character is lost.
# Then the reader under C, C.UTF-8, de_DE.UTF-8 and ISO-8859-1.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tmux.sh"
tmux_required
cd "$TOP" || exit 2
tmux_socket widths

hex=$(printf '\u4dc0%.0s' $(seq 30))          # wide: the table said 1
therm=$(printf '\U0001f321%.0s' $(seq 35))    # narrow: the table said 2
beng=$(printf 'ক\u09c1%.0s' $(seq 35))        # Bengali marks: the table said 1
tib=$(printf 'ཀ\u0f71%.0s' $(seq 35))         # Tibetan marks
pers=$(printf 'می\u200cخواهم')                # ZWNJ inside a Persian word
mkdir -p "$TMP/in"
printf 'Widths\n\n%s END1\n\n%s END2\n\n%s END3\n\n%s END4\n\n%s END5\n' \
	"$hex" "$therm" "$beng" "$tib" "$pers" >"$TMP/in/widths.txt"
expect "import the width lines" 0 "imported 1 sources" "$LECTERN" import "$TMP/in" --output "$TMP/c"

start 120 30 -- --corpus "$TMP/c"
see "reader started" "Sources"
keys Enter
see "the text is open" "END1"
# 30 hexagrams are 60 columns: " END1" follows them on their row, or
# starts the next one when the pane is narrower, and is never clipped (the
# table made them 30 columns wide: ncursesw clipped END1)
check "END1 after 30 wide hexagrams: shown whole" grep -qE $'(\u4dc0 |│)END1 *│' <<<"$(screen)"
check "all 30 hexagrams drawn" test "$(screen | grep -o $'\u4dc0' | wc -l)" -eq 30
# 35 columns and " ENDn" fit on one row (the table made them 70: wrapped early)
for pair in "END2:$therm" "END3:$beng" "END4:$tib" "END5:$pers"; do
	m=${pair%%:*} run=${pair#*:}
	check "$m: shown right after its run, on its row" grep -qF -- "$run $m" <<<"$(screen)"
done
check "ZWNJ inside a word is not a placeholder" bash -c '! grep -qF "<U+200C>" <<<"$0"' "$(screen)"
keys Q
see "quits" "EXIT=0"

# a narrow window: the 60 columns of hexagrams wrap, none is lost
start 40 30 -- --corpus "$TMP/c"
see "narrow: started" "Sources"
keys Enter
see "narrow: the text is open" "END2"
check "narrow: all 30 hexagrams drawn" test "$(screen | grep -o $'\u4dc0' | wc -l)" -eq 30
keys Q
see "narrow: quits" "EXIT=0"

# the reader under four locales: the same screen in both UTF-8 locales,
# and the same ASCII fallback in C and ISO-8859-1
LATIN1=$(locale -a 2>/dev/null | grep -ix 'de_DE\(\.iso88591\)\?' | head -1)
if [ -z "$LATIN1" ] || ! locale -a | grep -qix 'de_DE.utf8'; then
	echo "skip reader locales: de_DE.UTF-8 or an ISO-8859-1 locale missing (install locales-all)"
else
	for loc in C C.UTF-8 de_DE.UTF-8 "$LATIN1"; do
		start 120 30 LC_ALL="$loc" -- --corpus "$TMP/c"
		wait_for "Sources"
		keys Enter
		wait_for "END1"
		sleep 0.3
		screen >"$TMP/screen-${loc//[^A-Za-z0-9]/_}"
		keys Q
		wait_for "EXIT=0"
	done
	check "reader: de_DE.UTF-8 draws what C.UTF-8 draws" cmp -s "$TMP/screen-C_UTF_8" "$TMP/screen-de_DE_UTF_8"
	check "reader: ISO-8859-1 falls back to ASCII as C does" cmp -s "$TMP/screen-C" "$TMP/screen-${LATIN1//[^A-Za-z0-9]/_}"
	check "reader: the ASCII fallback shows no byte beyond ASCII but the frame" \
		bash -c '! sed "s/[│─┼┤├┬┴]//g" "$0" | LC_ALL=C grep -q "[^ -~]"' "$TMP/screen-C"
fi
finish
