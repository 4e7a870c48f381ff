#!/usr/bin/env bash
# Install tests: a copy of the tree built with a plain `make`, installed with
# `make install PREFIX=<an empty folder>`, run from another directory (the
# corpus, the themes and the man pages found under PREFIX, the cache kept
# out of it), the completion scripts loaded in bash and zsh, and `make
# uninstall` leaving nothing.  It builds its own binary, so it runs with the
# normal build only (not again under ASan).
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tmux.sh"
tmux_required
cd "$TOP" || exit 2

if [ "$(realpath "$LECTERN")" != "$(realpath "$TOP/lectern")" ]; then
	echo "skip: builds and installs its own binary; runs with ./lectern only"
	finish
	exit
fi

# the tree as a release would ship it: what git tracks, without .git (so
# the build is a packager's: no -Werror)
tree=$TMP/tree
mkdir -p "$tree"
git ls-files -z | grep -zv '^bench/\|^tests/' | xargs -0 cp --parents -t "$tree"
check "the copy has the Makefile and sources" test -f "$tree/Makefile" -a -d "$tree/src/cli"
make -C "$tree" -j2 >"$TMP/make.log" 2>&1
check "plain make builds" test -x "$tree/lectern"
check "a tarball build has no -Werror" bash -c '! make -C "$1" -n -B build/src/main.o | grep -q -- -Werror' _ "$tree"
check "CPPFLAGS and LDFLAGS from the environment are used" bash -c \
	'make -C "$1" -n -B CPPFLAGS=-DPROBE_CPP LDFLAGS=-Wl,-zprobe build/lectern build/src/main.o | grep -q -- "-DPROBE_CPP" &&
	 make -C "$1" -n -B CPPFLAGS=-DPROBE_CPP LDFLAGS=-Wl,-zprobe build/lectern | grep -q -- "-Wl,-zprobe"' _ "$tree"

P=$TMP/prefix
mkdir -p "$P"
if make -C "$tree" install PREFIX="$P" >"$TMP/install.log" 2>&1; then ok "make install PREFIX=$P"; else
	bad "make install PREFIX=$P" "$(tail -5 "$TMP/install.log")"; fi
check "the binary is installed" test -x "$P/bin/lectern"
check "the data follows PREFIX (the binary was rebuilt for it)" grep -qF "$P/share/lectern" "$P/bin/lectern"

# run from another directory, with no corpus around and a private cache
away=$TMP/away
mkdir -p "$away" "$TMP/xdg"
(cd "$away" && XDG_CACHE_HOME=$TMP/xdg "$P/bin/lectern" check) >"$TMP/out" 2>&1
check "from another directory, the installed corpus is found" grep -qF "5 sources, 126 claims" "$TMP/out"
(cd "$away" && XDG_CACHE_HOME=$TMP/xdg "$P/bin/lectern" list) >"$TMP/out" 2>&1
check "list reads it (through the cache)" grep -q "^csm" "$TMP/out"
check "no cache written into the installed data" test -z "$(find "$P" -name '*.lcache')"
check "the cache went to XDG_CACHE_HOME" test -n "$(find "$TMP/xdg" -name '*.lcache')"

# the themes: the reader with --theme light, from elsewhere, in tmux
tmux_socket install
LECTERN=$P/bin/lectern
(cd "$away" && start 100 30 XDG_CACHE_HOME="$TMP/xdg" -- --theme light)
see "the reader opens the installed corpus" "Sources"
sleep 0.3
check "the installed theme is found (no theme error)" bash -c '! grep -qi "theme" <<<"$1"' _ "$(screen | tail -2)"
keys q
(cd "$away" && start 100 30 XDG_CACHE_HOME="$TMP/xdg" -- --theme no-such-theme)
see "a missing theme is reported, naming the installed folder" "no-such-theme"
keys q

# the man pages, with the data directory substituted
check "man finds lectern(1) under PREFIX" test "$(man -M "$P/share/man" -w lectern 2>/dev/null)" = "$P/share/man/man1/lectern.1"
check "man finds lectern-corpus(5)" test -n "$(man -M "$P/share/man" -w 5 lectern-corpus 2>/dev/null)"
check "man finds lectern.conf(5)" test -n "$(man -M "$P/share/man" -w 5 lectern.conf 2>/dev/null)"
check "lectern.conf(5) names the installed themes" grep -qF "$P/share/lectern/themes" "$P/share/man/man5/lectern.conf.5"
check "the man page names the installed data directory" grep -qF "$P/share/lectern/data/corpus.json" "$P/share/man/man1/lectern.1"
check "and not the default one" bash -c '! grep -qF /usr/local/share/lectern "$1"' _ "$P/share/man/man1/lectern.1"
check "the licence and the note on the articles are installed" test -f "$P/share/lectern/LICENSE" -a -f "$P/share/lectern/data/README"

# completion: bash
bc=$P/share/bash-completion/completions/lectern
check "bash completion installed" test -f "$bc"
got=$(cd "$away" && PATH=$P/bin:$PATH XDG_CACHE_HOME=$TMP/xdg bash -c '
	. "$1" || exit 1
	COMP_WORDS=(lectern sh); COMP_CWORD=1; _lectern; echo "cmd: ${COMPREPLY[*]}"
	COMP_WORDS=(lectern show c); COMP_CWORD=2; _lectern; echo "src: ${COMPREPLY[*]}"
	COMP_WORDS=(lectern claims --source o); COMP_CWORD=3; _lectern; echo "opt: ${COMPREPLY[*]}"
	COMP_WORDS=(lectern export --wh); COMP_CWORD=2; _lectern; echo "long: ${COMPREPLY[*]}"
	COMP_WORDS=(lectern --corpus "$2" compare feb); COMP_CWORD=4; _lectern; echo "topic: ${COMPREPLY[*]}"' _ "$bc" "$TOP/data" 2>&1)
check "bash: completes a command (sh -> show)" grep -qx "cmd: show" <<<"$got"
check "bash: completes a source id (show c -> conv csm)" grep -qx "src: conv csm" <<<"$got"
check "bash: completes --source's id" grep -qx "opt: odr" <<<"$got"
check "bash: completes an option" grep -qx "long: --what" <<<"$got"
check "bash: completes a topic id of --corpus's corpus" grep -qx "topic: feb22-stoltenberg-30000 feb22-experts-10000 feb22-record-deployment" <<<"$got"

# completion: zsh (compadd and _files stubbed to print what they are given)
zc=$P/share/zsh/site-functions/_lectern
check "zsh completion installed" test -f "$zc"
if command -v zsh >/dev/null; then
	got=$(cd "$away" && PATH=$P/bin:$PATH XDG_CACHE_HOME=$TMP/xdg zsh -f -c '
		fpath=("$1" $fpath); autoload -Uz _lectern
		compadd() { [[ $1 == -- ]] && shift; print -r -- "${(M)@:#${PREFIX_WANT}*}" }
		_files() { print _files }
		PREFIX_WANT=sh; words=(lectern sh); CURRENT=2; _lectern
		PREFIX_WANT=c; words=(lectern show c); CURRENT=3; _lectern
		PREFIX_WANT=; words=(lectern import ""); CURRENT=3; _lectern' _ "${zc%/*}" 2>&1)
	check "zsh: the script loads and completes a command (sh -> show)" grep -qx "show" <<<"$got"
	check "zsh: completes a source id (show c -> conv csm)" grep -qx "conv csm" <<<"$got"
	check "zsh: completes files where a command takes them" grep -qx "_files" <<<"$got"
else
	echo "skip: zsh is not installed (make deps installs it): zsh completion untested"
fi

# uninstall
if make -C "$tree" uninstall PREFIX="$P" >"$TMP/uninstall.log" 2>&1; then ok "make uninstall"; else
	bad "make uninstall" "$(tail -5 "$TMP/uninstall.log")"; fi
left=$(find "$P" -type f; find "$P" -name '*lectern*')
check "make uninstall leaves nothing behind" test -z "$left"
[ -z "$left" ] || printf '     left: %s\n' $left

finish
