/*
 * align: automatic topics, claims from different sources about the same
 * thing, for claims that no curated topic covers.
 *
 * Each claim becomes a TF-IDF vector over its content words (terms.h:
 * lower-cased, stemmed, stop words out), the words of what its values
 * count and what its dates are of, named entities (runs of capitalised
 * words, as one feature each) and the kinds of its values ("count",
 * "percent", "distance", "duration", "ratio", "date").  Similarity is the
 * cosine of two vectors times a time factor: the time a claim is about is
 * its date values, else its source's publication date; the further apart,
 * the lower (gently when one of the times is only a publication date).
 * Two claims that hold the same measure (verdict_same_measure()) at times
 * more than a month apart are about different moments: they can never be
 * in one topic.
 *
 * Blocking: candidates for a claim come from an inverted index on its
 * ALIGN_KEYS highest-weighted terms, skipping terms so common that they
 * would bring in most of the corpus; no all-pairs comparison.  Grouping is
 * average-linkage clustering over the candidate edges (a missing edge
 * counts as 0), stopped at params.threshold; a group becomes a topic when
 * its claims come from at least two sources.
 *
 * Determinism: items are processed in the order of their ids (strcmp), so
 * the same items in any order give the same topics; topics come out sorted
 * by their smallest id.
 *
 * Ownership: align_run() copies nothing from the items but reads them
 * during the call only; the result owns its arrays and labels until
 * align_release().
 */
#ifndef LECTERN_ALIGN_H
#define LECTERN_ALIGN_H

#include <stdbool.h>
#include <stddef.h>

#include "normalize.h"

#define ALIGN_KEYS 6
#define ALIGN_MAX_TIMES 4

struct align_item {
	const char *id;                 /* unique, the sort key */
	const char *text;
	size_t source;                  /* index of its source */
	const struct norm_value *vals;  /* normalised values, may be NULL */
	size_t nvals;
	long published_lo, published_hi; /* source date as days; lo > hi: none */
};

struct align_params {
	double threshold;               /* average similarity to merge */
	double time_scale;              /* days for the factor to halve (dates) */
	double published_scale;         /* the same when a time is a publication date */
};

extern const struct align_params align_defaults;

struct align_topic {
	size_t *items;                  /* indexes into the input, by id */
	size_t nitems;
	char *label;                    /* readable: counted thing or key words */
};

struct align_result {
	struct align_topic *topics;
	size_t ntopics;
	size_t ncandidates;             /* pairs scored, for reports */
};

/* Groups items; p NULL means align_defaults.  Never fails. */
void align_run(const struct align_item *items, size_t n,
	       const struct align_params *p, struct align_result *out);
void align_release(struct align_result *r);

#endif
