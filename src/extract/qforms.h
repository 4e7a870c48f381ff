/*
 * extract/qforms: the less common forms of a quantity that news writing
 * uses, read for the quantity reader (extract/quant.c); private to the
 * extractor.  Token indexes are into q->t as in extract/qscan.h; i is the
 * number's first token and e the token after it.  Strings go into the
 * struct xquant's own buffers, NUL-terminated, cut to fit.
 */
#ifndef LECTERN_EXTRACT_QFORMS_H
#define LECTERN_EXTRACT_QFORMS_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/extract.h"
#include "extract/qscan.h"

/* The unit of an age, a measure of its own (not a duration). */
#define QFORM_AGE_UNIT "years of age"

/* An age: "at the age of 56", "aged 56", "when she was 49", "a 33-year-old
 * nurse".  Sets x's unit to QFORM_AGE_UNIT and counted to "age at death"
 * (a death told before it in the clause), "age of nurse" or "age"; *ue
 * gets the end of the expression.  False, x untouched, when none. */
bool qform_age(const struct qscan *q, size_t i, size_t e, struct xquant *x, size_t *ue);
/* A unit of time or distance joined by a hyphen ("a 7-hour mission"):
 * unit "hours" (km, mi for distances), counted the noun after ("mission");
 * *ue the end.  False when token e is no such hyphen. */
bool qform_hyphen_unit(const struct qscan *q, size_t e, struct xquant *x, size_t *ue);
/* Capitalised words and abbreviations between a number and its plural
 * noun ("24 Army and Navy helicopters", "875 U.S. servicemembers", "seven
 * US Navy and Japan Maritime Self-Defense Force ships"): the end of the
 * noun phrase, or e when the words after e are no such run. */
size_t qform_modified_noun(const struct qscan *q, size_t e);
/* A noun in the plural: "ships", "servicemen", "aircraft", "people". */
bool qform_plural(const struct qscan *q, const struct tok *t);
/* A toll or total brought to a bare number: "raised the death toll from
 * the storm to 4,310", "Death Toll to 1,204", "the total missing ... now
 * stands at 1,310": unit "dead" for a death toll (else "toll", "total"),
 * counted the phrase from "toll"/"total" up to its verb.  The toll may
 * stand up to 24 tokens back when the number is bare (own_noun false), 14
 * when a noun of its own follows it ("has risen to nearly 60,000 people
 * reported dead" keeps its people far from the toll).  False when there
 * is none. */
bool qform_toll(const struct qscan *q, size_t i, bool own_noun, struct xquant *x);
/* An earthquake's magnitude: "a 7.9 magnitude earthquake", "7.6-magnitude",
 * "8.5 on the Richter scale", "magnitude nine earthquake", "the 7.9 quake":
 * unit "magnitude", counted the quake's noun; *ue the end.  value is the
 * number at token i. */
bool qform_magnitude(const struct qscan *q, size_t i, size_t e, double value,
		     struct xquant *x, size_t *ue);
/* The factor of a scale word at token e ("million": 1e6), 0 when none. */
double qform_scale(const struct qscan *q, size_t e);
/* The currency a word at token e names ("dollars": "USD"), NULL if none. */
const char *qform_currency_word(const struct qscan *q, size_t e);

#endif
