/*
 * align: automatic topics, claims from different sources about the same
 * thing, for claims that no curated topic covers.
 *
 * Each claim becomes a TF-IDF vector (unit length) of the features
 * alignvec.h describes: its content words, named entities, the concepts
 * its words express (concepts.h: "crackdown" and "detained", "absorption"
 * and "client state" meet), what its values count and what its dates are
 * of, the kinds of its values and the year and month its dates fall in.
 * Similarity is the cosine of two vectors divided by 1 + gap / scale,
 * where gap is the days between the times the claims are about and scale
 * is params.time_scale when both times are dated, params.published_scale
 * otherwise.  A claim's time is its date values; else the time its words
 * name (reltime.h: "in 2020", "two years ago", "last February", resolved
 * against its source's publication date); else the publication date,
 * reaching back a month before it (a report may be of the weeks before it
 * appeared).  Two claims that hold the same measure (the reading of
 * verdict_same_measure()) at times more than a month apart are about
 * different moments: they can never be in one topic.
 *
 * Blocking: candidates for a claim come from an inverted index on its
 * ALIGN_KEYS highest-weighted terms, skipping terms found in more than
 * sqrt(N) claims (at least 40; beyond about 120,000 claims the bound grows
 * as log N, termdict_block_df(), so the postings read are O(N log N)); of those, only the 32 with the best
 * partial scores on the key terms are scored.  No all-pairs comparison.
 * Only claims of different sources are linked (claims of one source that
 * look alike, in one author's words, would otherwise pull whole articles
 * together; they still join a topic through the other sources).
 * Grouping is average-linkage clustering (cluster.h) over the scored
 * pairs, stopped at params.threshold; a group becomes a topic when its
 * claims come from at least two sources.  Labels are the counted thing
 * most members share, else the three words with the highest summed weight
 * that at least two members use.
 *
 * Determinism: items are processed in the order of their ids (strcmp), so
 * the same items in any order give the same topics; topics come out sorted
 * by their smallest id.
 *
 * Each item's closest claim of another source (its best-scored candidate,
 * whether or not they end in one topic) is kept for callers that reason
 * from likeness, such as dating an undated article (dating.h).
 *
 * Ownership: align_run() copies nothing from the items but reads them
 * during the call only; the result owns its arrays and labels until
 * align_release().
 */
#ifndef LECTERN_ALIGN_H
#define LECTERN_ALIGN_H

#include <stdbool.h>
#include <stddef.h>

#include "compare/normalize.h"

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
	size_t npostings;               /* postings read while blocking */
	/* per input item (input order): the item of another source it scored
	 * highest with among its candidates, or -1, and that score */
	long *closest;
	double *closest_w;
};

/* Groups items; p NULL means align_defaults.  Never fails. */
void align_run(const struct align_item *items, size_t n,
	       const struct align_params *p, struct align_result *out);
void align_release(struct align_result *r);

/* Whether a and b hold the same measure at times more than a month apart,
 * the rule that keeps two claims out of one topic (above); for callers
 * that group claims by other means. */
bool align_other_moment(const struct align_item *a, const struct align_item *b);

#endif
