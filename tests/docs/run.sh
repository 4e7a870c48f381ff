#!/usr/bin/env bash
# Documentation tests: every command and option that `lectern --help` lists
# (the tables of src/cli/commands.h) is documented in man/lectern.1 and named in
# README.md, every key binding of --help (src/ui/keys.h) is a row of the
# README's key table, and every config option (src/ui/config.h) and action
# is documented in man/lectern.conf.5, and no more.  A row added to a table
# without docs fails here.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 2

man=man/lectern.1
readme=README.md
"$LECTERN" --help >"$TMP/help" || { bad "lectern --help runs"; finish; exit; }

# section NAME: the lines of --help from "NAME:" to the next blank line
section() {
	sed -n "/^$1:\$/,/^\$/p" "$TMP/help" | sed '1d;/^$/d'
}
# mansection NAME: the item heads (the line after each .TP) of the man
# page's section NAME, with roff's \- as - and \(aq as '
mansection() {
	sed -n "/^\\.SH $1\$/,/^\\.SH [A-Z]/p" "$man" | sed '1d;$d' |
		awk 'tp { print; tp = 0 } /^\.TP/ { tp = 1 }' |
		sed 's/\\-/-/g; s/\\(aq/'"'"'/g'
}

# ---- commands --------------------------------------------------------------

section commands | awk '{ print $1 }' >"$TMP/commands"
mansection COMMANDS >"$TMP/man-commands"
check "--help lists commands ($(wc -l <"$TMP/commands"))" test -s "$TMP/commands"
while read -r cmd; do
	re=$(printf '%s' "$cmd" | sed 's/[.[\*^$]/\\&/g')
	if grep -qE "^\.B[IR]? $re( |\$)" "$TMP/man-commands"; then
		ok "man/lectern.1 documents command $cmd"
	else
		bad "man/lectern.1 documents command $cmd" "no '.TP' item '.B $cmd' under .SH COMMANDS"
	fi
	if grep -qE "\`lectern $re([^-a-z]|\$)" "$readme"; then
		ok "README.md names command $cmd"
	else
		bad "README.md names command $cmd" "no \`lectern $cmd in README.md"
	fi
done <"$TMP/commands"

# ---- options ---------------------------------------------------------------

# the option names of each line's first column: "--corpus", "-h", "--help"
section options | cut -c1-25 | grep -oE -- '(^|[ ,])--?[A-Za-z][-A-Za-z]*' |
	sed 's/^[ ,]*//' >"$TMP/options"
mansection OPTIONS >"$TMP/man-options"
check "--help lists options ($(wc -l <"$TMP/options"))" test -s "$TMP/options"
while read -r opt; do
	if grep -qE -- "(^\.B[IR]? |[ \"])$opt([ \"]|\$)" "$TMP/man-options"; then
		ok "man/lectern.1 documents option $opt"
	else
		bad "man/lectern.1 documents option $opt" "no '.TP' item naming $opt under .SH OPTIONS"
	fi
	if grep -qE -- "\`$opt([ \`]|\$)" "$readme"; then
		ok "README.md names option $opt"
	else
		bad "README.md names option $opt" "no \`$opt in README.md"
	fi
done <"$TMP/options"

# ---- keys ------------------------------------------------------------------

# --help prints "    KEYS (20 columns) HELP" under each group heading; the
# README's key table has one row per binding: "| GROUP | `KEYS` | HELP | ..."
sed -n '/^keys (in the reader):$/,/^$/p' "$TMP/help" | grep '^    ' |
	cut -c5-24 | sed 's/ *$//' >"$TMP/keys"
check "--help lists keys ($(wc -l <"$TMP/keys"))" test -s "$TMP/keys"
sed -n '/^### Keys$/,/^#/p' "$readme" | grep '^|[^|]*| `' >"$TMP/readme-keys"
while IFS= read -r k; do
	if grep -qF -- "| \`$k\` |" "$TMP/readme-keys"; then
		ok "README.md key table has $k"
	else
		bad "README.md key table has $k" "no row '| \`$k\` |' under ### Keys"
	fi
done <"$TMP/keys"
check "README.md key table: one row per binding, no more ($(wc -l <"$TMP/readme-keys"))" \
	test "$(wc -l <"$TMP/readme-keys")" = "$(wc -l <"$TMP/keys")"

# ---- the config file: man/lectern.conf.5 against the tables -----------------

# the option names of CONFIG_OPTIONS (src/ui/config.h) and the action names
# of KEY_INFO (src/ui/keys.h), as the X-macro rows write them
conf=man/lectern.conf.5
sed -n '/^#define CONFIG_OPTIONS/,/^$/p' src/ui/config.h |
	grep -oE '^[[:space:]]*X\([a-z_]+, "[^"]+"' | sed 's/.*"\(.*\)"/\1/' >"$TMP/conf-options"
sed -n '/^#define KEY_INFO/,/^$/p' src/ui/keys.h |
	grep -oE 'X\([A-Z_]+, +[A-Z]+, +"[^"]+"' | sed 's/.*"\(.*\)"/\1/' >"$TMP/actions"
man=$conf
mansection OPTIONS | sed 's/^\.B //' >"$TMP/man-conf-options"
mansection ACTIONS | grep '^\.B ' | sed 's/^\.B //' >"$TMP/man-actions"
check "config.h lists options ($(wc -l <"$TMP/conf-options"))" test -s "$TMP/conf-options"
check "keys.h lists actions ($(wc -l <"$TMP/actions"))" test -s "$TMP/actions"
while read -r o; do
	if grep -qxF -- "$o" "$TMP/man-conf-options"; then ok "$conf documents option $o"; else
		bad "$conf documents option $o" "no '.TP' item '.B $o' under .SH OPTIONS"; fi
done <"$TMP/conf-options"
while read -r o; do
	if grep -qxF -- "$o" "$TMP/conf-options"; then ok "$conf: option $o is in CONFIG_OPTIONS"; else
		bad "$conf: option $o is in CONFIG_OPTIONS" "the man page documents an option the table lacks"; fi
done <"$TMP/man-conf-options"
while read -r a; do
	if grep -qxF -- "$a" "$TMP/man-actions"; then ok "$conf documents action $a"; else
		bad "$conf documents action $a" "no '.TP' item '.B $a' under .SH ACTIONS"; fi
done <"$TMP/actions"
check "$conf: every action it documents is in KEY_INFO ($(wc -l <"$TMP/man-actions"))" \
	test "$(sort "$TMP/man-actions")" = "$(sort "$TMP/actions")"
check "$conf documents bind KEY ACTION" grep -qE '^\.B bind$' "$conf"
check "$conf documents bind's none" grep -qE '^\.BR? none' "$conf"
# and the checks fail on a table row without docs
sed 's/^\(\.B \)wrap$/\1wrapping/' "$conf" >"$TMP/probe.5"
if man=$TMP/probe.5 mansection OPTIONS | sed 's/^\.B //' | grep -qxF wrap; then
	bad "the option check sees a probe page without wrap" "it still found wrap"
else
	ok "the option check sees a probe page without wrap"
fi
man=man/lectern.1

# ---- architecture ------------------------------------------------------------

# the README's architecture tables name every source file
for f in src/*.[ch] src/*/*.[ch]; do
	if grep -qF -- "\`$f\`" "$readme"; then
		ok "README.md architecture names $f"
	else
		bad "README.md architecture names $f" "no \`$f\` in README.md"
	fi
done

# ---- the include direction of src/ -------------------------------------------

if layers=$(bash tests/docs/layers.sh 2>&1); then
	ok "src/: every include runs down the stages"
else
	bad "src/: every include runs down the stages" "$layers"
fi
# the check itself fails on an include that runs back up, and on a stray file
cp -r src "$TMP/probe"
printf '#include "cli/cli.h"\n' >>"$TMP/probe/base/util.c"
: >"$TMP/probe/stray.c"
if probe=$(bash tests/docs/layers.sh "$TMP/probe" 2>&1); then
	bad "layers.sh fails on a probe include that runs back up" "it passed"
else
	check "layers.sh names the probe include" grep -q '^src/base/util.c:[0-9]*: base includes cli' <<<"$probe"
	check "layers.sh names the stray file" grep -q '^src/stray.c: a file outside' <<<"$probe"
fi
for d in src/*/; do
	d=${d%/}
	check "$d/README says what the stage takes and gives" test -s "$d/README"
done

finish
