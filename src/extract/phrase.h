/*
 * extract/phrase: the phrases around a quantity that say what it counts;
 * private to the extractor (extract/quant.c calls them).  They read a
 * clause through extract/qscan.h; token indexes and "none" as there.
 * Strings written to dst are NUL-terminated, cut at whole tokens to fit
 * sz, and left untouched when nothing is found.
 */
#ifndef LECTERN_EXTRACT_PHRASE_H
#define LECTERN_EXTRACT_PHRASE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/tok.h"
#include "extract/extract.h"
#include "extract/qscan.h"

/* Tokens [a, b) into dst, dropping whole tokens from the end to fit. */
void phrase_copy_fit(char *dst, size_t sz, const struct qscan *q, size_t a, size_t b);
/* What a share does, from token j up to the end of its clause ("opposing
 * a direct military involvement of Belarus in the war", "said they would
 * react positively"), at most 10 words: its end, j when token j does not
 * start a predicate (a participle, a verb of opinion or saying, "who",
 * "that", "against", "in favour", "are against"); phrases attached to the
 * noun before it go too ("in Bergen support ..."). */
size_t phrase_share_predicate(const struct qscan *q, size_t j);
/* A lone stance [a, b) of the share at token i ("41.3% approving") with
 * the object of a stance noun before it in the clause ("support for
 * Russian actions in Ukraine"): "approving Russian actions in Ukraine". */
void phrase_stance_object(const struct qscan *q, size_t i, size_t a, size_t b,
			  char *dst, size_t sz);
/* The bare number at token i in an estimate ("estimates the number of X
 * at N", "puts X at N", "X is estimated at N", "the number of X stands at
 * N", "the number of X rose to N"): sets x's unit (the head noun of X,
 * "people" for nationalities) and counted (X); false, x untouched, when
 * there is none. */
bool phrase_estimate(const struct qscan *q, size_t i, struct xquant *x);
/* The counted thing of the number at token i whose unit says too little
 * ("the number of Russian troops in Belarus amounted to only about 2,500
 * people"): "Russian troops in Belarus" into dst, else dst untouched. */
void phrase_number_of(const struct qscan *q, size_t i, char *dst, size_t sz);
/* A duration whose unit word ends at token ne ("20 days"), followed by
 * before/after/since/until/from/of: the phrase up to the end of the clause
 * ("before Russia invaded Ukraine"), at most 8 words. */
void phrase_duration(const struct qscan *q, size_t ne, char *dst, size_t sz);
/* The place [a, ne) of a distance ("from the border") with the phrases
 * attached to it ("with Ukraine’s Chernihiv region"): its end. */
size_t phrase_place_end(const struct qscan *q, size_t a, size_t ne);

/* What befell the people a count counts, said after them: "people were
 * killed", "people are missing", "people injured", "were reported dead"
 * (up to three auxiliaries: were, are, was, is, have, has, had, been,
 * reported, confirmed, now, still, and words of knowledge or belief:
 * known, believed, feared, presumed, thought): writes "UNIT PARTICIPLE" to out (cap
 * sz) and returns true when token k starts such a predicate. */
bool phrase_fate(const struct qscan *q, size_t k, const char *unit, char *out, size_t sz);
/* The same said before the number that starts at token i: "killed at
 * least 30,000 people", "evacuated some 3,000 people" (over qualifiers:
 * at least, more than, some, about, nearly, almost, over, an estimated). */
bool phrase_fate_before(const struct qscan *q, size_t i, const char *unit, char *out, size_t sz);

#endif
