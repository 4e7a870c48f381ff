/*
 * related: for one claim, the claims of other sources that may speak of the
 * same fact, best first, each with a score, the verdict on the pair (where
 * one is earned) and a few words of why.
 *
 * Ranking: BM25 (k1 1.2, b 0.75) over each claim's words (terms.h: stop
 * words dropped, stemmed) plus a little context, its source's title at a
 * third of a word's weight, and its figures as terms of their own (a value
 * on a log grid of a tenth of a decade, with its kind and canonical unit:
 * "350 USD", "14,000 quarts"), a shared figure weighing as two words, and
 * the measure of each figure with a unit, whatever its size ("count of
 * dead": 19,000 dead meets 73,276 dead) as one word, so that a rare counted
 * thing weighs more than a common one.
 * The final BM25 counts every shared word (blocking skips the commonest
 * when finding candidates, below); it is then multiplied by
 * agreement on what the claims measure: the same measure (kind, unit
 * dimension and counted thing, verdict.h) x1.5, only the same kind x1.15;
 * by one figure both hold (related_same_value(): a day other than the
 * articles' own, or the same number of ten or more in one unit)
 * x RELATED_SAME_FIGURE; by shared named entities (capitalised words inside a sentence): x(1 +
 * 0.1 each, at most 3); by time: sources published g days apart
 * (both dated to the day) get 1 / (1 + g / 365); and by the likeness of
 * the two articles, the cosine s of their sources' TF-IDF word vectors
 * over all their claims: x(0.2 + s), so that a claim from an article on
 * another story ranks below one from an article on the same story (up to
 * RELATED_MAX_SOURCES sources; with more, no such factor).  No word lists.
 *
 * Blocking: candidates come from an inverted index; a term found in more
 * than max(64, 4 sqrt(N)) claims is skipped (beyond about 120,000 claims
 * the bound grows as log N, termdict_block_df()), so a query touches a bounded
 * number of postings, and only the best by BM25 are scored further: 256
 * in a small corpus, fewer as it grows (RELATED_RERANK_BUDGET / N claims,
 * never fewer than 64), so that the whole costs at most a fixed budget or
 * 64 per claim.  100,000 claims take seconds (bench/related.sh).
 *
 * Verdicts (compare_pair()) are given only on the same ground: when each
 * claim is among the other's best counterparts (related_gate()); a
 * conflict further needs the two to share at least two words besides
 * their figures (two durations that share only "days" are not shown to be
 * of one fact).
 *
 * Lifecycle: related_build() on a built model (compare.h, which must
 * outlive the index), related_of() as often as needed, related_release().
 */
#ifndef LECTERN_RELATED_H
#define LECTERN_RELATED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "compare/compare.h"
#include "compare/termdict.h"

#define RELATED_RERANK_MIN 64
#define RELATED_RERANK_MAX 256
#define RELATED_RERANK_BUDGET 2000000.0
#define RELATED_MUTUAL 3
#define RELATED_MAX_SOURCES 1024
#define RELATED_SRC_BASE 0.2
#define RELATED_SAME_FIGURE 3.0
#define RELATED_DAYS 90

struct rel_hit {
	size_t claim;
	double score;
	struct verdict_pair v;       /* compare_pair() on the two claims */
	uint32_t shared_term;        /* the rarest word both use, or UINT32_MAX */
	unsigned shared_entities;
	unsigned shared_words;       /* words (not figures) of both texts */
	int measure;                 /* 2 same measure, 1 same kind, 0 neither */
	bool gated;                  /* verdict withheld by related_gate(): none */
	bool thin;                   /* ... for a conflict on too few shared words */
};

struct rel_post {
	uint32_t claim;
	float tf;
};

struct rel_index {
	const struct cmp_model *m;
	struct termdict d;
	uint32_t *doc_off;           /* per claim: its terms in doc_terms */
	uint32_t *doc_terms;         /* term ids (entities flagged, see .c) */
	float *doc_tf;
	float *len;                  /* per claim: weighted length */
	double avg_len;
	uint32_t *post_off;          /* per term: its postings in post */
	struct rel_post *post;
	size_t max_df;               /* terms above are skipped (blocking) */
	size_t rerank;               /* candidates scored in full per query */
	double *acc;                 /* scratch, per claim */
	uint32_t *touched;
	size_t postings_read;        /* for reports */
	float *src_sim;              /* sources x sources cosine, or NULL */
	uint32_t *mutual;            /* per claim: its RELATED_MUTUAL best ... */
	uint8_t *mutual_n;           /* ... and how many; UINT8_MAX: not yet */
};

void related_build(struct rel_index *r, const struct cmp_model *m);
void related_release(struct rel_index *r);

/* The best k counterparts of claim c (claims of other sources), best
 * first, into out (room for k); returns how many. */
size_t related_of(struct rel_index *r, size_t c, size_t k, struct rel_hit *out);

/*
 * Same ground: withholds the verdicts of hits h[0..n) of claim c (sets
 * gated; v keeps what the values say, for why) unless c is among the RELATED_MUTUAL
 * best counterparts of the hit; a conflict further needs the two to be each
 * other's first and to share CONFLICT_WORDS words (related.c; else thin is
 * set).  Each claim's best are computed once and kept.
 */
void related_gate(struct rel_index *r, size_t c, struct rel_hit *h, size_t n);

/* Whether a and b are each among the other's RELATED_MUTUAL best (with
 * first, each the other's very best). */
bool related_same_ground(struct rel_index *r, size_t a, size_t b, bool first);

/* Whether claims a and b hold one figure: the same day (not the day
 * either article was published), or the same number of one kind and unit
 * (not a small one). */
bool related_same_value(const struct rel_index *r, size_t a, size_t b);

/* Same ground for a conflict within a topic: each among the other's
 * RELATED_MUTUAL best, and sharing CONFLICT_WORDS words. */
bool related_conflict_ground(struct rel_index *r, size_t a, size_t b);

/* A few words on what matched: "same count of passengers; both 'search'". */
void related_why(const struct rel_index *r, size_t c, const struct rel_hit *h,
		 struct strbuf *out);

/* A label for claim a and its hit h, in the corpus's own words: the
 * counted thing (or what a date is of) of the values they were compared
 * on, else the two rarest words both texts use, in a's order. */
void related_label(const struct rel_index *r, size_t a, const struct rel_hit *h,
		   struct strbuf *out);

/* The verdict on a hit as every list of counterparts names it
 * (verdict_name()), or NULL when none was earned: withheld by
 * related_gate(), or no value compared. */
const char *related_verdict(const struct rel_hit *h);

#endif
