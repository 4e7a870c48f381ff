/*
 * extract/impl: what the claim extractor's two files share; private to
 * extract.c (sentences, values, scoring) and attr.c (speakers).
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

#endif
