/*
 * theme: colour themes, themes/NAME.theme files of lines
 *     color ELEMENT FG BG [ATTR...]
 * with "#" comments and blank lines.  ELEMENT is a role of THEME_ROLES;
 * FG and BG are "default", 0-255, or black red green yellow blue magenta
 * cyan white (bright-NAME for 8-15); ATTR is bold dim underline reverse
 * standout italic.  A bad line is reported as "FILE:LINE: message" and
 * skipped; the others still apply.  No curses here: the interface maps
 * roles to colour pairs.
 *
 * Lifecycle: theme_defaults() fills a theme, theme_load() overlays a file.
 */
#ifndef LECTERN_THEME_H
#define LECTERN_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/strbuf.h"

/* X(ID, "element name", "what it colours") */
#define THEME_ROLES(X) \
	X(NORMAL,     "normal",     "ordinary text and lists") \
	X(TITLE,      "title",      "the title line of a pane") \
	X(TITLE_FOCUS, "title-focus", "the title line of the focused pane") \
	X(BORDER,     "border",     "lines between panes") \
	X(CURSOR,     "cursor",     "the selected row of a list") \
	X(CURRENT,    "current",    "the source open in the Text pane") \
	X(STATUS,     "status",     "the status line") \
	X(MESSAGE,    "message",    "a message in the status line") \
	X(ERROR,      "error",      "an error in the status line") \
	X(CLAIM,      "claim",      "a claim in the text") \
	X(CLAIM_SEL,  "claim-selected", "the claim selected in the Claims pane") \
	X(SELECTION,  "selection",  "a passage selected in the Text pane (v), to make a claim of") \
	X(CLAIM_ALT,  "claim-alt",  "every other claim in the text, so that neighbours stand apart") \
	X(BOILER,     "boilerplate", "web furniture in a text") \
	X(HIT,        "search-hit", "a search hit") \
	X(CONTROL,    "placeholder", "placeholders for controls and invalid bytes") \
	X(AGREE,      "agree",      "a topic whose sources agree") \
	X(DIFFER,     "differ",     "a topic whose sources differ") \
	X(CONFLICT,   "conflict",   "a topic whose sources conflict") \
	X(OTHER,      "other-status", "other topic statuses (timeline, mixed...)") \
	X(NO_VERDICT, "no-verdict", "a counterpart with no verdict (nothing compared, or not on the same ground)") \
	X(HEADER,     "header",     "column headings and help groups") \
	X(KEY,        "key",        "keys in the help")

enum theme_role {
#define X(id, name, help) ROLE_##id,
	THEME_ROLES(X)
#undef X
	ROLE_COUNT
};

enum {
	THEME_BOLD = 1, THEME_DIM = 2, THEME_UNDERLINE = 4, THEME_REVERSE = 8,
	THEME_STANDOUT = 16, THEME_ITALIC = 32,
};

#define THEME_DEFAULT_COLOR (-1)

struct theme_style {
	short fg, bg;          /* 0-255, or THEME_DEFAULT_COLOR */
	unsigned attrs;        /* THEME_* */
};

struct theme {
	struct theme_style roles[ROLE_COUNT];
};

extern const char *const theme_role_names[ROLE_COUNT];

/* Built-in styles: with colour, or attributes only (mono). */
void theme_defaults(struct theme *t, bool color);
/* Parses buf[0..n) (named file in messages) over t; returns the number of
 * bad lines, each added to d. */
size_t theme_parse(struct theme *t, const char *file, const char *buf,
		   size_t n, struct diags *d);
/* Reads and parses path over t.  Returns -1 (with a diag) when the file
 * cannot be read, else the number of bad lines. */
long theme_load(struct theme *t, const char *path, struct diags *d);
/* Finds a theme: a path (holding '/' or ending in ".theme") as is, else
 * NAME.theme in userdir (the user's themes; NULL: none), then in ./themes,
 * then in datadir/themes.  Returns 0 with the path in out, or -1 with a
 * message in out. */
int theme_find(const char *name, const char *userdir, const char *datadir,
	       struct strbuf *out);

#endif
