/*
 * extract/qscan: the token view of one clause (struct qscan) and the word
 * tests that the quantity reader (extract/quant.c) and the phrase reader
 * (extract/phrase.c) share; private to the extractor.
 *
 * Token indexes are into q->t; an end index is one past the last token,
 * and "none" is returned as the start index.
 */
#ifndef LECTERN_EXTRACT_QSCAN_H
#define LECTERN_EXTRACT_QSCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/tok.h"

struct qscan {
	const char *s;
	const struct tok *t;
	size_t nt;
};

/* token i is the word w / the punctuation p */
bool qscan_word(const struct qscan *q, size_t i, const char *w);
bool qscan_punct(const struct qscan *q, size_t i, const char *p);
/* Tokens [a, b) as text (lower-cased when asked), cut at sz - 1 bytes. */
void qscan_copy(char *dst, size_t sz, const struct qscan *q, size_t a, size_t b, bool lower);
/* The noun phrase after a number, from token i: its end. */
size_t qscan_noun_phrase(const struct qscan *q, size_t i);
/* "people", "residents", "citizens"... */
bool qscan_people_word(const struct qscan *q, const struct tok *t);

#endif
