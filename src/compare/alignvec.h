/*
 * alignvec: the feature vector of one claim, for alignment (align.h).
 *
 * Features are interned in a termdict: the claim's content words
 * (terms.h; a capitalised word inside a sentence weighs 1.5), runs of
 * capitalised words ("e:jens_stoltenberg"), the concepts its words express
 * ("c:repression", concepts.h), and for each value its kind ("k:date"),
 * the words of what it counts and the kind with the first of them
 * ("q:percent:belarus"), the words of what a date is of, and the year and
 * month a date falls in ("t:2022", "t:2022-10").
 *
 * Lifecycle: alignvec_init() with the dictionary, alignvec_claim() once
 * per claim, alignvec_release().  alignvec_claim() gives raw weights
 * (summed counts), sorted by term id and merged; the caller weighs them
 * (TF-IDF) and owns out->f (free()).  Term ids depend only on the order of
 * the calls.
 */
#ifndef LECTERN_ALIGNVEC_H
#define LECTERN_ALIGNVEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "compare/normalize.h"
#include "compare/termdict.h"

struct feat {
	uint32_t t;               /* term id */
	float w;
};

struct vec {
	struct feat *f;           /* sorted by t, each t once */
	size_t n;
};

struct alignvec {
	struct termdict *d;
	struct feat *f;
	size_t n, alloc;
	float weight;
	struct strbuf run;        /* the current run of capitalised terms */
	size_t run_len;
	struct strbuf run_surf;
	struct concepts_of *cc;   /* by term id: its concept features, cached */
	size_t ncc;
};

void alignvec_init(struct alignvec *c, struct termdict *d);
void alignvec_release(struct alignvec *c);
/* The features of a claim: its text (may be NULL), its values, and time,
 * when not NULL, a date its words name (reltime.h) used like a date value
 * for the t: features. */
void alignvec_claim(struct alignvec *c, const char *text, const struct norm_value *vals,
		    size_t nvals, const struct norm_value *time, struct vec *out);
/* The dot product of two vectors. */
double alignvec_dot(const struct vec *a, const struct vec *b);

#endif
