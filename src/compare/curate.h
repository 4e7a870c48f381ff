/*
 * compare/curate: the analyst's edits of an index (lectern-corpus(5)):
 * claims made from a span, edited, removed or rejected; topics made,
 * linked, unlinked and set; notes.  One code path for `lectern claim`,
 * `lectern topic`, `lectern note` (cli/curate.c) and the reader's
 * `:claim`, `:topic` and `:note` commands (ui/edit.c).
 *
 * curate_run() makes one edit on e->work (corpus/edit.h) and names every
 * object it changed with edit_touch(); it never saves.  It checks every
 * argument against the index first: on an error it returns non-zero with
 * the message in err and work unchanged.
 */
#ifndef LECTERN_COMPARE_CURATE_H
#define LECTERN_COMPARE_CURATE_H

#include <cjson/cJSON.h>

#include "base/strbuf.h"
#include "corpus/edit.h"

/* The arguments of one edit; NULL: the option was not given. */
struct curate_args {
	const char *kind, *speaker, *note, *value, *unit, *counted, *date;
	const char *label, *relation;
	char **rest;           /* the sub-command (claim, topic) or TARGET (note), then its operands */
	int nrest;
};

/* Results of curate_run(). */
enum {
	CURATE_OK = 0,
	CURATE_INVALID = 1,    /* err: "claim add: MSG", naming the argument */
	CURATE_USAGE = 2,      /* err: the synopsis, "claim add SOURCE START END ..." */
	CURATE_IO = 3,         /* err: "FILE: reason" (a text that cannot be read) */
};

/* Runs edit cmd ("claim", "topic" or "note") with a on e. */
int curate_run(const char *cmd, const struct curate_args *a, struct edit *e, struct strbuf *err);

/*
 * The claim the extractor proposes for text[start, end) of source i of c
 * (whole characters): kind, speaker and values of its best claim, "event"
 * with none when it finds none; id and span set, no origin.  The caller
 * owns it.
 */
cJSON *curate_propose(struct corpus *c, size_t i, const char *text, size_t start, size_t end,
		      const char *id);

#endif
