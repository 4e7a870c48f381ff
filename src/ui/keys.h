/*
 * keys: the one table of the reader's actions, their default keys, their
 * group and their help text.  The help overlay, `lectern --help` (KEYS)
 * and the checks against man/lectern.1 are all generated from KEY_INFO.
 * The bindings in effect are a struct keymap: the defaults of the table,
 * then the config file's `bind` lines over them (keymap_*).
 * No curses here: special keys have lectern's own codes (KEY_L_*), which
 * the interface maps from curses codes.
 *
 * KEY_INFO(X): X(ID, GROUP, "command name", "help", key1, key2, key3)
 *   ID       the action, as ACT_ID
 *   GROUP    KG_* below: where the help lists it
 *   name     the `:` command that runs it (every action has one)
 *   keys     up to three default keys (0: none), in the order shown
 */
#ifndef LECTERN_KEYS_H
#define LECTERN_KEYS_H

#include <stddef.h>
#include <stdio.h>

#include "base/strbuf.h"

#define KEY_CTRL(c) ((c) & 0x1f)
#define KEY_L_BASE 0x110000   /* above every Unicode code point */
enum {
	KEY_L_UP = KEY_L_BASE, KEY_L_DOWN, KEY_L_LEFT, KEY_L_RIGHT,
	KEY_L_PGUP, KEY_L_PGDN, KEY_L_HOME, KEY_L_END, KEY_L_BTAB, KEY_L_F1,
	KEY_L_F2, KEY_L_F3, KEY_L_F4, KEY_L_F5, KEY_L_F6, KEY_L_F7, KEY_L_F8,
	KEY_L_F9, KEY_L_F10, KEY_L_F11, KEY_L_F12,
	KEY_L_ENTER = '\n', KEY_L_TAB = '\t', KEY_L_ESC = 27,
};

#define KEY_GROUPS(X) \
	X(MOVE,   "Moving") \
	X(PANE,   "Panes and views") \
	X(SEARCH, "Searching") \
	X(CLAIM,  "Claims and topics") \
	X(JUMP,   "Marks and jumps") \
	X(OTHER,  "Other") \
	X(EDIT,   "Curating")

#define KEY_INFO(X) \
	X(DOWN,      MOVE,   "down",         "move down one line", 'j', KEY_L_DOWN, 0) \
	X(UP,        MOVE,   "up",           "move up one line", 'k', KEY_L_UP, 0) \
	X(HALF_DOWN, MOVE,   "half-down",    "move down half a page", KEY_CTRL('d'), 0, 0) \
	X(HALF_UP,   MOVE,   "half-up",      "move up half a page", KEY_CTRL('u'), 0, 0) \
	X(PAGE_DOWN, MOVE,   "page-down",    "move down a page", ' ', KEY_L_PGDN, KEY_CTRL('f')) \
	X(PAGE_UP,   MOVE,   "page-up",      "move up a page", 'b', KEY_L_PGUP, KEY_CTRL('b')) \
	X(LINE_DOWN, MOVE,   "line-down",    "scroll one line down (Compare: the notes)", KEY_CTRL('e'), 0, 0) \
	X(LINE_UP,   MOVE,   "line-up",      "scroll one line up (Compare: the notes)", KEY_CTRL('y'), 0, 0) \
	X(TOP,       MOVE,   "top",          "go to the first line", 'g', KEY_L_HOME, 0) \
	X(BOTTOM,    MOVE,   "bottom",       "go to the last line", 'G', KEY_L_END, 0) \
	X(COL_LEFT,  MOVE,   "left",         "Compare: move one column left", KEY_L_LEFT, 'H', 0) \
	X(COL_RIGHT, MOVE,   "right",        "Compare: move one column right", KEY_L_RIGHT, 'L', 0) \
	X(NEXT_PANE, PANE,   "next-pane",    "focus the next pane", KEY_L_TAB, 0, 0) \
	X(PREV_PANE, PANE,   "prev-pane",    "focus the previous pane", KEY_L_BTAB, 0, 0) \
	X(SOURCES,   PANE,   "sources",      "focus the Sources pane", '1', 0, 0) \
	X(TEXT,      PANE,   "text",         "focus the Text pane", '2', 0, 0) \
	X(CLAIMS,    PANE,   "claims",       "focus the Claims pane", '3', 0, 0) \
	X(COMPARE,   PANE,   "compare",      "show the Compare view", '4', 0, 0) \
	X(RESULTS,   PANE,   "results",      "show the search results", '5', 0, 0) \
	X(ENTER,     PANE,   "enter",        "open the selected item or jump to it", KEY_L_ENTER, 0, 0) \
	X(SORT,      PANE,   "sort",         "sort the focused list (Sources, Claims; Compare: columns)", 's', 0, 0) \
	X(FILTER,    PANE,   "filter",       "narrow the focused list (Sources, Claims, Compare)", 'f', 0, 0) \
	X(CLOSE,     PANE,   "close",        "close the current view; quit from the main view", 'q', 0, 0) \
	X(QUIT,      PANE,   "quit",         "quit", 'Q', 0, 0) \
	X(SEARCH,    SEARCH, "search",       "search the text (~ starts a regex); in a list, narrow it", '/', 0, 0) \
	X(NEXT_HIT,  SEARCH, "next-hit",     "next search hit", 'n', 0, 0) \
	X(PREV_HIT,  SEARCH, "prev-hit",     "previous search hit", 'N', 0, 0) \
	X(SEARCH_BACK, SEARCH, "search-back", "search the text backward", '?', 0, 0) \
	X(CORPUS_SEARCH, SEARCH, "find",     "search every text of the corpus", 'F', 0, 0) \
	X(NEXT_CLAIM, CLAIM, "next-claim",   "next claim in the text", ']', 0, 0) \
	X(PREV_CLAIM, CLAIM, "prev-claim",   "previous claim in the text", '[', 0, 0) \
	X(INFO,      CLAIM,  "info",         "Claims: the whole record of the claim, or the list", 'i', 0, 0) \
	X(CMP_CLAIM, CLAIM,  "compare-claim", "compare the selected claim across sources", 'c', 0, 0) \
	X(COUNTERPARTS, CLAIM, "counterparts", "the claim's counterparts in other sources, with verdicts", 'R', 0, 0) \
	X(ALL_CLAIMS, CLAIM, "all-claims",   "Claims: toggle this source / all sources", 'a', 0, 0) \
	X(CONFLICTS, CLAIM,  "conflicts-only", "Compare: show only the topics in conflict, or all", 'C', 0, 0) \
	X(TOPIC_CLAIMS, CLAIM, "topic-claims", "select (Text); Compare: the topic's claims side by side", 'v', 0, 0) \
	X(CITE,      CLAIM,  "cite",         "copy the selected claim's citation (OSC 52, cite-format)", 'y', 0, 0) \
	X(JUMP_BACK, JUMP,   "jump-back",    "go back in the jump history", KEY_CTRL('o'), 0, 0) \
	X(JUMP_FWD,  JUMP,   "jump-forward", "go forward in the jump history (Ctrl-i is Tab)", KEY_CTRL('n'), 0, 0) \
	X(MARK,      JUMP,   "mark",         "set mark LETTER at this place", 'm', 0, 0) \
	X(GOTO_MARK, JUMP,   "goto-mark",    "return to mark LETTER", '\'', 0, 0) \
	X(HELP,      OTHER,  "help",         "show or hide this help", 'h', KEY_L_F1, 0) \
	X(COMMAND,   OTHER,  "command",      "enter a command (:source ID, :cite FILE, :set ...)", ':', 0, 0) \
	X(REDRAW,    OTHER,  "redraw",       "redraw the screen", KEY_CTRL('l'), 0, 0) \
	X(SEL_MORE,  EDIT,   "select-more",  "Text selection: extend it by a sentence", ')', 0, 0) \
	X(SEL_LESS,  EDIT,   "select-less",  "Text selection: trim it by a sentence", '(', 0, 0) \
	X(WORD_MORE, EDIT,   "word-more",    "Text selection: extend it by a word", '>', 0, 0) \
	X(WORD_LESS, EDIT,   "word-less",    "Text selection: trim it by a word", '<', 0, 0) \
	X(NEW_CLAIM, EDIT,   "new-claim",    "Text selection: a claim of it, in a form the extractor fills", 'A', 0, 0) \
	X(EDIT_CLAIM, EDIT,   "edit-claim",   "edit the selected claim in a form; it becomes curated", 'e', 0, 0) \
	X(LINK_TOPIC, EDIT,   "link-topic",   "add the selected claim (in R: the counterpart) to a topic", 't', 0, 0) \
	X(UNDO,      EDIT,   "undo",         "undo the last edit of claims, topics or notes", 'u', 0, 0) \
	X(REDO,      EDIT,   "redo",         "redo the edit undone last", KEY_CTRL('r'), 0, 0)

enum key_group {
#define X(id, title) KG_##id,
	KEY_GROUPS(X)
#undef X
	KG_COUNT
};

enum action {
	ACT_NONE = 0,
#define X(id, group, name, help, k1, k2, k3) ACT_##id,
	KEY_INFO(X)
#undef X
	ACT_COUNT
};

struct key_action {
	enum action id;
	enum key_group group;
	const char *name, *help;
	int keys[3];
};

extern const struct key_action key_actions[ACT_COUNT - 1];
extern const char *const key_group_titles[KG_COUNT];

/* The action bound to key, or ACT_NONE. */
enum action keys_lookup(int key);
/* The action whose command name is name (n bytes), or ACT_NONE. */
enum action keys_by_name(const char *name, size_t n);
/* The entry of an action (act > ACT_NONE). */
const struct key_action *keys_get(enum action act);
/* Appends the display name of key: "j", "Space", "Ctrl-d", "PgDn". */
void keys_name(struct strbuf *out, int key);
/* Appends an action's keys as shown in every list: "j, Down". */
void keys_list(struct strbuf *out, const struct key_action *a);
/* Prints the KEYS section of --help, grouped: the default keys. */
void keys_usage(FILE *fp);
/* Parses a key as a config file writes it, as tig does: one character
 * ("j", "?", "é"), ^x, or a name in angle brackets, ignoring case:
 * <C-x> <Ctrl-x> <Enter> <Space> <Tab> <BackTab> <Esc> <Backspace> <Up>
 * <Down> <Left> <Right> <PgUp> <PgDown> <Home> <End> <Hash> <LessThan>
 * <F1>..<F12>.  Returns the key's code, or -1 when s names no key. */
int keys_parse(const char *s);

/* The bindings in effect.  Each key has at most one action; an action has
 * any number of keys, listed in the order they were bound (the table's
 * defaults first).  Lookups are linear in the bindings (a few dozen), never
 * in the corpus. */
struct key_binding {
	int key;
	enum action act;
};
struct keymap {
	struct key_binding *b;   /* owned */
	size_t n, alloc;
};

/* Fills m with the table's default keys (m's old contents are not freed). */
void keymap_init(struct keymap *m);
void keymap_release(struct keymap *m);
/* The action bound to key in m, or ACT_NONE. */
enum action keymap_lookup(const struct keymap *m, int key);
/* Binds key to act, taking it from the action it had; act ACT_NONE
 * unbinds it. */
void keymap_bind(struct keymap *m, int key, enum action act);
/* Appends act's keys in m as every list shows them ("j, Down"); returns
 * how many (0: the action has no key, and nothing is appended).  out NULL:
 * only counts. */
size_t keymap_keys(const struct keymap *m, enum action act, struct strbuf *out);
/* The first key bound to act in m, or 0. */
int keymap_first(const struct keymap *m, enum action act);
/* Prints the KEYS section of --help as m binds them, grouped; an action
 * without a key shows its command (":name"). */
void keymap_usage(FILE *fp, const struct keymap *m);

#endif
