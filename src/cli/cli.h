/*
 * cli: the command line: its options (struct cli_args, from the tables of
 * cli/commands.h), --help, and which command runs.  The commands live one
 * family a file beside it; what they share is cli/common.h.
 *
 * Exit codes: 0 success, 1 the corpus is invalid, 2 usage or I/O error.
 */
#ifndef LECTERN_CLI_H
#define LECTERN_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "ui/ui.h"

struct cli_args {
	const char *corpus;    /* --corpus, or NULL */
	bool json;
	const char *source;    /* --source */
	bool auto_only;        /* --auto-only */
	const char *format;    /* --format */
	const char *what;      /* --what (export csv) */
	const char *output;    /* --output (import) */
	bool force;            /* --force (import) */
	const char *against;   /* --against (eval) */
	const char *theme;     /* --theme, or NULL */
	bool no_state;         /* --no-state */
	bool count;            /* --count (search) */
	const char *repeat;    /* --repeat N (search) */
	const char *k;         /* --k N (related) */
	/* curation (claim, topic, note): NULL when not given, "" when empty */
	const char *kind, *speaker, *note, *value, *unit, *counted, *date;
	const char *label, *relation;
	const char *command;   /* NULL: open the reader */
	char **rest;           /* positional arguments after the command */
	int nrest;
};

/* Parses argv; returns -1 after printing help/version (exit 0) or a usage
 * error (exit 2): *exit_code tells which. */
int cli_parse(int argc, char **argv, struct cli_args *a, int *exit_code);
struct corpus;
/* What runs when no command is given: the reader (main.c passes ui_run,
 * so that the unit tests link the command line without curses); NULL
 * prints the corpus summary instead. */
typedef int cli_reader_fn(struct corpus *c, const struct ui_options *o);
int cli_run(const struct cli_args *a, cli_reader_fn *reader);
void cli_usage(FILE *fp);


#endif
