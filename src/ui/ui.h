/*
 * ui: the entry point of the terminal reader.  No curses in this header,
 * so that the command line can call it.
 *
 * ui_run() takes the loaded corpus (still owned by the caller) and the
 * reader's options, runs the reader until the user quits, and returns the
 * exit code: 0, or 2 when stdin/stdout is not a terminal or TERM is unset
 * or unknown (the terminal is then left untouched).  When the user quits
 * while the counterparts index is still building (a thread that reads the
 * corpus and cannot be stopped), it restores the terminal and exits 0
 * itself rather than wait.
 */
#ifndef LECTERN_UI_H
#define LECTERN_UI_H

#include <stdbool.h>

struct corpus;

/* What the command line tells the reader; the command line fills it (the
 * reader never sees the command line's own types). */
struct ui_options {
	const char *theme;     /* --theme, or NULL: the config file's, else "default" */
	bool no_state;         /* --no-state: neither read nor write the reading state */
};

int ui_run(struct corpus *c, const struct ui_options *o);

#endif
