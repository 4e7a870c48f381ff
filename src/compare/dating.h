/*
 * dating: a publication month for an article that states none, read from
 * the dated articles it resembles.
 *
 * An article is written after the events it reports.  For each claim of an
 * undated source, the claim of a dated source that alignment found likest
 * (compare.h, closest; at least DATING_MIN_LIKENESS alike) votes with its
 * time -- its first date value, else its source's publication date -- and
 * with its likeness as the weight.  The estimate is the month holding the
 * weighted 75th percentile of the votes: late enough to come after most of
 * what the article reports, without following one stray late match.  At
 * least DATING_MIN_VOTES votes are needed; otherwise there is no estimate.
 *
 * The model must have been built with automatic topics over the claims of
 * every source (CMP_AUTO_ONLY on an imported corpus, which has no curated
 * topics).  Sources that state a date get no estimate.
 */
#ifndef LECTERN_DATING_H
#define LECTERN_DATING_H

#include <stdbool.h>
#include <stddef.h>

#include "compare/compare.h"

#define DATING_MIN_LIKENESS 0.1
#define DATING_MIN_VOTES 2

struct dating_guess {
	bool ok;                  /* false: stated already, or too few votes */
	int year, month;          /* the estimated month */
	size_t votes;             /* claims that voted */
};

/* Fills out[0..nsources) for m's corpus. */
void dating_guess(const struct cmp_model *m, struct dating_guess *out);

#endif
