/*
 * compare: the cross-source comparison of a corpus, as a model a command
 * or an interface pane reads.  No curses here.
 *
 * compare_build() normalises every claim's values, keeps the curated
 * topics (unless CMP_AUTO_ONLY), groups the claims no curated topic covers
 * into automatic topics (align.h; all claims with CMP_AUTO_ONLY; none with
 * CMP_NO_AUTO), adds topics from counterparts (claims each among the
 * other's best, related.h, whose values are one measure; a claim may then
 * be in two automatic topics) and judges every pair of voices in every
 * topic (verdict.h), up to CMP_MAX_PAIRS pairs a topic.  Past that the
 * topic is marked sampled: each claim meets a window of its neighbours,
 * and the topic's status also weighs its sources' value ranges: for each
 * measure (kind and unit), the claims holding each source's lowest and
 * highest value meet those of the other sources, at most
 * CMP_MAX_RANGE_PAIRS pairs, so two sources whose ranges part are never
 * called in agreement.  In automatic topics a conflict
 * between two sources stands only between claims that are each other's
 * best counterparts (related.h, same ground); otherwise the pair is
 * related, no verdict.  A cell or claim whose pairs are all related is
 * marked VERDICT_RELATED ('?'), never agreement.
 * A voice is a source and a speaker: "Stoltenberg: 30,000" and
 * "experts: 10,000" in one article are two voices, so they are compared.
 *
 * Order: curated topics in index order, then automatic topics by their
 * smallest claim id, then topics from counterparts by their smallest id; claims within a topic in the topic's order (curated)
 * or by id (auto); pairs by claim position (a before b).
 *
 * Ownership: the model borrows the corpus (which must outlive it) and owns
 * everything else until compare_release().  Strings in it are the corpus's
 * or the model's; none is sanitised: show them through text.h.
 */
#ifndef LECTERN_COMPARE_H
#define LECTERN_COMPARE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "corpus/corpus.h"
#include "compare/align.h"
#include "compare/desc.h"
#include "compare/normalize.h"
#include "compare/verdict.h"

enum {
	CMP_AUTO_ONLY = 1,   /* ignore curated topics */
	CMP_NO_AUTO = 2,     /* curated topics only */
};

struct cmp_pair {
	size_t a, b;                 /* claim indexes */
	struct verdict_pair v;
};

struct cmp_topic {
	const char *id;              /* curated id, or "auto-1", "auto-2" ... */
	const char *label;
	bool automatic;
	const char *curated_status;  /* the index's status, nullable */
	enum verdict status;         /* from the pairs */
	size_t *claims;              /* claim indexes */
	size_t nclaims;
	struct cmp_pair *pairs;      /* every pair of different voices */
	size_t npairs;
	size_t nsources;             /* distinct sources among its claims */
	bool sampled;                /* too many claims: not every pair judged */
};

struct cmp_claim_values {
	struct norm_value *v;        /* the readable ones, in claim order */
	int *index;                  /* v[k] is claim value index[k] */
	size_t n;
};

struct cmp_published {         /* a source's publication date */
	long lo, hi;                 /* its first and last day */
	bool ok;                     /* false: none, or not a date */
};

struct cmp_model {
	struct corpus *c;
	struct cmp_claim_values *vals;   /* per claim */
	struct cmp_topic *topics;
	size_t ntopics;
	long *topic_of;              /* per claim: its first topic, or -1 */
	long *closest;               /* per claim: the claim of another source
				      * alignment found likest, or -1 (align.h) */
	double *closest_w;           /* and how alike, 0 when none */
	size_t ncandidates;          /* pairs scored while aligning */
	size_t npostings;            /* postings read to find them */
	size_t nrelated_postings;    /* postings read by related.h's blocking */
	size_t njudged;              /* pairs of claims judged (compare_pair()) */
	struct cmp_published *published;  /* per source, read once */
	struct desc_table descs;     /* the values' descriptions, each text read
				      * once (verdict_describe()) */
	bool stopped;                /* the build was stopped: an incomplete model */
	struct pool pool;
};

/*
 * How far a build has got, and a request to stop it, shared with another
 * thread: the builder writes stage, done and total; anyone may set stop.
 * A stopped build returns at its next check (between topics; aligning is
 * one step) with m->stopped set: the model is then incomplete, fit only
 * for compare_release().
 */
enum cmp_stage { CMP_STAGE_VALUES = 1, CMP_STAGE_ALIGN, CMP_STAGE_JUDGE, CMP_STAGE_GROUND,
		 CMP_STAGE_DONE };

struct cmp_progress {
	atomic_int stage;            /* enum cmp_stage, 0 before the start */
	atomic_size_t done, total;   /* topics judged, of total (CMP_STAGE_JUDGE) */
	atomic_bool stop;
};

/* Builds the model; p NULL means align_defaults.  Cannot fail. */
void compare_build(struct cmp_model *m, struct corpus *c, unsigned flags,
		   const struct align_params *p);
/* The same, telling pr (nullable) how far it got and stopping when asked. */
void compare_build_ctl(struct cmp_model *m, struct corpus *c, unsigned flags,
		       const struct align_params *p, struct cmp_progress *pr);
void compare_release(struct cmp_model *m);

/* The topic holding claim i first, or -1; the topic with that id, or -1. */
long compare_topic_of(const struct cmp_model *m, size_t claim);
long compare_find_topic(const struct cmp_model *m, const char *id);

/* Pairs judged in one topic at most (compare.c judge()): the window of
 * neighbours, then the pairs of the sources' value ranges. */
#define CMP_MAX_PAIRS 200000
#define CMP_MAX_RANGE_PAIRS 20000

/* The verdict on claims a and b (verdict_claims() and verdict_moment()
 * on their sources' publication dates, a day or a month: months that do
 * not overlap are different moments; the deciding values as indexes into
 * each claim's own values). */
void compare_pair(const struct cmp_model *m, size_t a, size_t b, struct verdict_pair *out);
/* The day claim i's source was published, or -1 when not a single day. */
long compare_claim_day(const struct cmp_model *m, size_t i);
/* The days claim i's source was published in, [*lo, *hi]: a day, or a
 * month; false when it gives neither. */
bool compare_claim_span(const struct cmp_model *m, size_t i, long *lo, long *hi);

/* Whether claims a and b are different voices (source or speaker). */
bool compare_voices_differ(const struct cmp_model *m, size_t a, size_t b);

/*
 * One cell of the topic-by-source matrix: the claims of source s in topic
 * t.  Appends a short text (the normalised values, else the start of the
 * claim's text, at most width columns; "" when the source says nothing)
 * and returns the cell's mark: the worst verdict of the pairs its claims
 * take part in (VERDICT_NONE when empty or alone).  *first gets the first
 * claim index of the cell, or -1.
 */
enum verdict compare_cell(const struct cmp_model *m, size_t t, size_t s,
			  size_t width, struct strbuf *text, long *first);

/* The claims of topic t from source s, in topic order: writes at most max
 * claim indexes to out and returns how many there are (may exceed max). */
size_t compare_claims_in(const struct cmp_model *m, size_t t, size_t s, size_t *out,
			 size_t max);

/* The worst verdict of the pairs claim i takes part in within topic t
 * (for marking one claim in a side-by-side view); VERDICT_NONE when none. */
enum verdict compare_claim_mark(const struct cmp_model *m, size_t t, size_t claim);

/* Whether verdict a marks a cell worse than b (the order compare_cell()
 * uses: conflict, then differ and mixed, different measure, timeline,
 * agree, none). */
bool compare_worse(enum verdict a, enum verdict b);

/* Appends claim i's normalised values, "; "-separated ("" when none). */
void compare_values_text(const struct cmp_model *m, size_t i, struct strbuf *out);
/* The same from the corpus alone, normalising them now (no model). */
void compare_claim_text(const struct corpus *c, size_t i, struct strbuf *out);

#endif
