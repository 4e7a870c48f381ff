/*
 * extract/impl: what the claim extractor's files share; private to
 * extract.c (sentences, values, scoring), attr.c (speakers), event.c
 * (what dates are of) and table.c (rows of figures).
 *
 * A struct ctx lives for one text: attr_collect_names() fills its table of
 * person names ("First Last") from the whole text's tokens first; then, for
 * each clause in text order, the caller marks the tokens inside quotation
 * marks (attr_mark_quotes(), pointed to by ctx.inq), asks attr_find() for
 * the speaker and role (false when there is none; "he"/"she" resolved to a
 * person named before), then calls attr_note_people() so later pronouns
 * can refer to the people of this clause.
 */
#ifndef LECTERN_EXTRACT_IMPL_H
#define LECTERN_EXTRACT_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "base/tok.h"
#include "extract/extract.h"
#include "extract/sentence.h"

struct names {
	char full[64][64];
	size_t n;
};

struct ctx {
	const char *s;
	size_t n;
	struct names names;
	char last_person[96];
	const bool *inq;          /* per token of the clause: inside quotes */
};

void attr_collect_names(struct ctx *c, const struct tok *t, size_t nt);
bool attr_find(struct ctx *c, const struct tok *t, size_t nt,
	       char *spk, size_t ssz, char *role, size_t rsz);
void attr_mark_quotes(const char *s, const struct tok *t, size_t nt, bool open, bool *inq);
void attr_note_people(struct ctx *c, const struct tok *t, size_t nt);

/* What a clause's dates are of: its first finite verb in the past with
 * the words after it, up to a preposition or punctuation ("announced his
 * intention to hold unscheduled Belarusian-Russian exercises"), into out
 * (sz bytes); returns the length, 0 when there is none. */
size_t extract_event(const char *s, const struct tok *t, size_t nt, char *out, size_t sz);

/* The length of the longest list of names ("Norway, Sweden, Denmark and
 * the Faroes"; a name is a run of capitalised words, "U.S.", "C-17") in a
 * clause that tells what was done ("have formed", "were sent") and has
 * no conditional ("would", "if"); 0
 * when there is none.  Sentence openers, pronouns, days, months and
 * adjectives of peoples ("Danish boats") are no names. */
size_t extract_actors(const char *s, const struct tok *t, size_t nt);

/* Tables: a header line of words ("Country dead missing total") over two
 * or more lines of a label and as many figures ("Sri Lanka 30,957 5,637
 * 36,594"; "-" an empty cell).  table_find() sets hdr[i] (ns entries) to
 * the header's sentence index for each row sentence i, SIZE_MAX for the
 * others; sentences are lines here (one line, one paragraph).
 * table_values() reads a row's figures into q (at most max): unit the
 * column's name, counted the row's label and the column ("Total dead"). */
void table_find(const char *s, const struct sent *sv, size_t ns, size_t *hdr);
size_t table_values(const char *s, const struct sent *head, const struct sent *row,
		    struct xquant *q, size_t max);

#endif
