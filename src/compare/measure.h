/*
 * measure: what a claim's quantities measure, read once so that many pairs
 * can be checked fast: the kind, the unit and the sorted term ids of the
 * counted thing without words of polarity.  measure_same() gives the same
 * answer as verdict_same_measure() (see verdict.h) on the same values.
 *
 * measures_read() allocates from pool (which must outlive the result) and
 * adds the counted things' terms to d.  Dates are not measures.
 */
#ifndef LECTERN_MEASURE_H
#define LECTERN_MEASURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/pool.h"
#include "compare/normalize.h"
#include "compare/termdict.h"

struct measure {
	enum norm_kind kind;
	const char *unit;         /* nullable, borrowed from the value */
	uint32_t *t;              /* term ids of what is counted, sorted, unique */
	uint32_t nt;
	bool desc;                /* the value says what it counts */
};

struct measures {             /* one claim's quantities */
	struct measure *m;
	size_t n;
};

void measures_read(const struct norm_value *vals, size_t nvals, struct termdict *d,
		   struct pool *pool, struct measures *ms);
bool measure_same(const struct measure *a, const struct measure *b);
/* Whether the shorter description of a and b, of two terms or more, is
 * wholly in the other: stricter than measure_same(), for one event. */
bool measure_within(const struct measure *a, const struct measure *b);
/* The event the first described date of vals is of, as a measure of kind
 * NORM_DATE; false (and m empty) when no date says what it is of. */
bool measure_event(const struct norm_value *vals, size_t nvals, struct termdict *d,
		   struct pool *pool, struct measure *m);
/* Whether a and b hold the same measure (one of them saying what it
 * counts) at times more than max_gap days apart.  "The same" is read
 * loosely here: descriptions count as one unless each has two terms the
 * other lacks, so that "Russian troops" in February and "combat ready
 * troops" in October, different measures for a verdict, are still kept
 * out of one topic. */
bool measures_other_moment(const struct measures *a, const struct measures *b, long gap,
			   long max_gap);

#endif
