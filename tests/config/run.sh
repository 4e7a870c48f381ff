#!/usr/bin/env bash
# Config file tests: `bind` and every `set` option of man/lectern.conf.5,
# each read from a temporary XDG_CONFIG_HOME by the real reader in tmux (and
# by `lectern --help --keys`), with its effect checked on screen; bad lines
# reported as FILE:LINE while the reader still opens.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 2
. "$TOP/tests/tmux.sh"
tmux_required
tmux_socket config

# conf NAME LINE...: a config home $TMP/NAME holding those lines
conf() {
	local d=$TMP/$1
	shift
	mkdir -p "$d/lectern"
	printf '%s\n' "$@" >"$d/lectern/config"
}
# title N: the title line of the Text pane's total, "[A-B/N]" -> N
text_lines() { screen | grep -o '\[[0-9]*-[0-9]*/[0-9]*\]' | head -1 | sed 's/.*\///; s/\]//'; }

# ---- bind: a key takes an action, in the reader and in the help ----
conf bind 'bind <C-t> help' 'bind x quit' 'bind j none' 'bind n top' 'bind <F5> text' \
	'bind ^w next-pane' 'set layout = wide' 'set position = lines'
start 160 60 XDG_CONFIG_HOME="$TMP/bind" --
see "bind: the reader opens" "> Sources"
keys 1
see "the status line's hint: the default keys" "h:help q:quit"
keys C-t
see "bind <C-t> help: Ctrl-t opens the help overlay" "Help: keys"
see "the overlay shows the bound key with the defaults" "h, F1, Ctrl-t"
see "the overlay shows the rebound key under its new action" "g, Home, n"
see "an action left without a key shows its command" ":next-hit"
check "j bound to none: gone from move down" bash -c '! tmux -L "$1" -f "$2" capture-pane -p -t t | grep -q "j, Down"' _ "$SOCK" "$TMP/tmux.conf"
keys q
keys F5
see "bind <F5> text: F5 focuses the Text pane" "> Text: mt"
keys j
sleep 0.3
see "j unbound: the text does not move" "[1-58/"
keys Down
see "Down still moves it" "[2-59/"
keys n
see "bind n top: n goes to the top" "[1-58/"
keys C-w
see "bind ^w next-pane: Ctrl-w moves the focus" "> Claims"
keys : b i n d i n g s Enter
see ":bindings shows the bindings in effect" "Bindings in effect"
see ":bindings lists a bound key with its action" ":quit"
keys G
sleep 0.3
screen >"$TMP/bindings"
check ":bindings: x runs :quit" grep -qE '^ *x +:quit' "$TMP/bindings"
keys q
keys x
see "bind x quit: x quits" "EXIT=0"

# --help --keys: the same bindings, from the same file
run env XDG_CONFIG_HOME="$TMP/bind" "$LECTERN" --help --keys
check "--help --keys: exit 0 for a good config" test "$rc" = 0
check "--help --keys shows the bound keys" grep -qE '^    h, F1, Ctrl-t +show or hide this help' <<<"$out"
check "--help --keys: an action without a key shows its command" grep -qE '^    :next-hit +next search hit' <<<"$out"
check "--help --keys: only the keys" bash -c '! grep -q "^commands:" <<<"$1"' _ "$out"
run env XDG_CONFIG_HOME="$TMP/none" "$LECTERN" --help --keys
"$LECTERN" --help | sed -n '/^keys (in the reader):$/,/^$/p' >"$TMP/help-keys"
check "--help --keys without a config: the defaults of --help" \
	bash -c 'diff <(printf "%s\n" "$1" | sed "/^\$/d") <(sed "/^\$/d" "$2")' _ "$out" "$TMP/help-keys"
run env XDG_CONFIG_HOME="$TMP/bind" "$LECTERN" --help
check "--help alone lists the default keys, whatever the config" grep -qE '^    j, Down +move down one line' <<<"$out"

# ---- bad lines: FILE:LINE, the reader still opens ----
conf badbind '# keys' 'bind <C-ff> quit' 'bind K nosuch' 'bind q' 'set wrap = sideways' \
	'set date-format = %H:%M' 'set layout = tall' 'set cite-format = apa' 'bind <C-t> help' \
	'bind h none'
start 100 30 XDG_CONFIG_HOME="$TMP/badbind" --
see "a bad bind line is reported as FILE:LINE, the reader opens" "config:2: unknown key \"<C-ff>\""
see "the reader still opens with a bad config" "> Sources"
keys 2
see "the status line's hint names the help key bound now" "F1:help q:quit"
keys C-t
see "the good lines still apply" "Help: keys"
keys q Q
run env XDG_CONFIG_HOME="$TMP/badbind" "$LECTERN" --help --keys
check "--help --keys: exit 2 for a bad config" test "$rc" = 2
f=$TMP/badbind/lectern/config
for want in "$f:2: unknown key \"<C-ff>\"" "$f:3: unknown action \"nosuch\"" \
	"$f:4: expected: bind KEY ACTION" "$f:5: option \"wrap\" is on or off" \
	"$f:6: option \"date-format\": %H is not a conversion of a date" \
	"$f:7: option \"layout\" is auto, wide, stacked or single" \
	"$f:8: option \"cite-format\" is plain, markdown, bibtex or csl-json"; do
	check "reported on stderr: ${want#"$TMP"/}" grep -qF -- "$want" <<<"$err"
done
check "--help --keys: the good bind lines apply" grep -qE '^    F1, Ctrl-t +show or hide' <<<"$out"
printf 'bind \033[31m quit\n' >"$TMP/badbind/lectern/config"
run env XDG_CONFIG_HOME="$TMP/badbind" "$LECTERN" --help --keys
check "a key of control bytes is reported escaped, not raw" bash -c '! grep -qF $'"'"'\e'"'"' <<<"$1" && grep -q "config:1: unknown key" <<<"$1"' _ "$err"

# ---- set wrap = off: a line of the text is one screen line, cut with > ----
start 100 30 --
keys 2
see "wrap on (default): the Text pane" "> Text: mt"
on=$(text_lines)
keys Q
conf nowrap 'set wrap = off' 'set position = lines'
start 100 30 XDG_CONFIG_HOME="$TMP/nowrap" --
keys 2
see "wrap off: the Text pane" "> Text: mt"
off=$(text_lines)
check "wrap off: fewer screen lines than wrapped ($off < $on)" test -n "$off" -a -n "$on" -a "${off:-0}" -lt "${on:-0}"
check "wrap off: a cut line ends with > at the pane's edge" bash -c 'tmux -L "$1" -f "$2" capture-pane -p -t t | grep -q ">$"' _ "$SOCK" "$TMP/tmux.conf"
keys : s e t Space w r a p Space = Space o n Enter
see ":set wrap = on wraps again" "/$on]"
keys Q

# ---- set date-format: the dates of the panes ----
conf dates 'set date-format = %d %b %Y (%a)'
start 160 45 XDG_CONFIG_HOME="$TMP/dates" --
see "date-format: a full date in the Sources pane" "04 Nov 2022 (Fri)"
see "date-format: a partial date as written" "2022-02?"
keys j Enter 3 i
see "date-format: the Claims record" "09 Feb 2022 (Wed)"
keys : s e t Space d a t e - f o r m a t Space = Space % Y / % m / % d Enter
see ":set date-format applies at once" "2022/11/04"
keys Q

# ---- set layout: the panes, whatever the width ----
conf single 'set layout = single'
start 160 45 XDG_CONFIG_HOME="$TMP/single" --
see "layout single at 160x45: one pane under the tab bar" "[1 Sources]"
keys Q
conf stacked 'set layout = stacked'
start 160 45 XDG_CONFIG_HOME="$TMP/stacked" --
see "layout stacked: started" "> Sources"
check "layout stacked at 160x45: the lists on the first line, the Text pane under them" bash -c '! tmux -L "$1" -f "$2" capture-pane -p -t t | head -1 | grep -q "Text"' _ "$SOCK" "$TMP/tmux.conf"
see "layout stacked: the Text pane below" "  Text: mt"
keys : s e t Space l a y o u t Space = Space w i d e Enter
check "set layout = wide: side by side at once" bash -c 'sleep 0.3; tmux -L "$1" -f "$2" capture-pane -p -t t | head -1 | grep -q "Sources.*Text.*Claims"' _ "$SOCK" "$TMP/tmux.conf"
keys : s e t Space l a y o u t Space = Space a u t o Enter
check "set layout = auto in tmux (no margins): Sources and Claims side by side over the Text pane" \
	bash -c 'sleep 0.3; l=$(tmux -L "$1" -f "$2" capture-pane -p -t t | head -1); [[ $l == *Sources*Claims* && $l != *Text* ]]' _ "$SOCK" "$TMP/tmux.conf"
keys Q
conf wide 'set layout = wide'
start 100 30 XDG_CONFIG_HOME="$TMP/wide" --
see "layout wide at 100x30: started" "> Sources"
check "layout wide at 100x30: three panes side by side" bash -c 'tmux -L "$1" -f "$2" capture-pane -p -t t | head -1 | grep -q "Sources.*Text.*Claims"' _ "$SOCK" "$TMP/tmux.conf"
keys Q

# ---- set cite-format and mouse: in the settings, and mouse reporting ----
conf cite 'set cite-format = bibtex' 'set mouse = on'
start 160 45 XDG_CONFIG_HOME="$TMP/cite" --
see "cite-format: started" "> Sources"
keys : s e t Enter
see ":set shows cite-format from the config" "cite-format=bibtex"
see ":set shows every option" "layout=auto"
keys Q
start 100 30 XDG_CONFIG_HOME="$TMP/cite" --
see "mouse on: started" "> Sources"
pipe_on "$TMP/mouse.out"
keys : s e t Space m o u s e Space = Space o f f Enter
see ":set mouse = off: said" "mouse off"
pipe_off
check ":set mouse = off: mouse reporting stopped" bash -c 'LC_ALL=C grep -qaE $'"'"'\e\\[\\?[0-9;]*1000l'"'"' "$1"' _ "$TMP/mouse.out"
pipe_on "$TMP/mouse2.out"
keys : s e t Space m o u s e Space = Space o n Enter
see ":set mouse = on: said" "mouse on"
pipe_off
check ":set mouse = on: mouse reporting asked of the terminal" bash -c 'LC_ALL=C grep -qaE $'"'"'\e\\[\\?[0-9;]*1000h'"'"' "$1"' _ "$TMP/mouse2.out"
keys Q

# ---- the user's themes folder, before the installed ones ----
conf themes 'set theme = light'
mkdir -p "$TMP/themes/lectern/themes"
printf 'color normal default default\ncolor nosuch red blue\n' >"$TMP/themes/lectern/themes/light.theme"
printf 'color status red blue\n' >"$TMP/themes/lectern/themes/mine.theme"
start 160 30 XDG_CONFIG_HOME="$TMP/themes" --
see "a theme in \$XDG_CONFIG_HOME/lectern/themes comes before the installed one" \
	"lectern/themes/light.theme:2: unknown element"
keys : t h e m e Space m i n e Enter
see "a user theme found by name" "theme mine"
keys : t h e m e Space n o - s u c h Enter
see "a missing theme names the user's folder" "lectern/themes, ./themes"
keys Q

T kill-server 2>/dev/null
finish
