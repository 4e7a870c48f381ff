/*
 * extract: rule-based claim extraction from one source text.
 *
 * extract_claims() reads text s[0..n) (any bytes; the corpus text form is
 * expected) and returns the number of claims found, in text order; *out
 * (caller frees with free(), NULL when none) gets them.  Boilerplate spans
 * (sorted, from the corpus) are skipped.  Each claim is a sentence, or a
 * clause of one (", while", ";"), whose span is exact (trimmed of white
 * space, on UTF-8 boundaries) and whose score reaches EXTRACT_THRESHOLD:
 * quantities, dates, attribution, comparatives and words of judgement
 * ("seems", "unlikely", "doubt") raise the score, questions and very short
 * fragments lower it.
 *
 * Values follow lectern-corpus(5).  Quantities carry the value, unit, what
 * is counted, the qualifier and the bounds it implies; years used as dates,
 * days of the month and clock times are not quantities.  What is counted
 * is the noun phrase ("Russian troops in Belarus" of "estimates the number
 * of Russian troops in Belarus at 30,000"), for a share with what its
 * people do ("Belarusians opposing ..."), for a duration what it runs
 * to or from ("before Russia invaded Ukraine"); it is left empty when it
 * would only repeat the unit ("days").  Dates are resolved against
 * opts->published.  The speaker is the person or body a claim is
 * attributed to ("X said", "says X", "according to X", "as X reported",
 * a quotation continuing from an attributed one, "he" resolved to the last
 * named speaker), a surname expanded to the full name used earlier in the
 * text; speaker_role is the title or apposition stated with the name.
 */
#ifndef LECTERN_EXTRACT_H
#define LECTERN_EXTRACT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/tok.h"
#include "corpus/corpus.h"
#include "extract/dates.h"

#define EXTRACT_THRESHOLD 2
#define XMAX_QUANT 8
#define XMAX_DATE 6

struct xquant {
	double value, low, high;
	bool has_low, has_high;
	const char *qualifier;     /* static */
	char unit[32];
	char counted[96];
	bool figure;               /* bare, said to be a figure: "10,000 is a more
				    * realistic figure" (takes the sentence's unit) */
};

struct xclaim {
	size_t start, end;
	const char *kind;          /* static */
	int score;
	char speaker[96];          /* "" = none */
	char role[160];            /* "" = none */
	struct xquant q[XMAX_QUANT];
	size_t nq;
	struct date_val d[XMAX_DATE];
	size_t nd;
	char event[128];           /* what its dates are of, "" = unknown */
};

struct extract_opts {
	const char *published;     /* ISO date of the article, nullable */
	const struct span *boiler; /* sorted boilerplate spans */
	size_t nboiler;
};

size_t extract_claims(const char *s, size_t n, const struct extract_opts *opts,
		      struct xclaim **out);

/* Quantities of one phrase, at most max stored.  A bare number with no
 * unit after it ("2,000 is closer") comes with unit "" and no counted:
 * extract_claims() drops it, unless it is said to be a figure ("10,000
 * is a more realistic figure"), which takes the unit of an earlier
 * quantity of the same sentence.  Numbers joined to a quantity ("19,000
 * and 400 dead") take its unit here. */
size_t extract_quantities(const char *s, size_t n, struct xquant *q, size_t max);
/* The same over tokens t[0..nt) that tok_split() made of s[0..n). */
size_t extract_quantities_tok(const char *s, size_t n, const struct tok *t, size_t nt,
			      struct xquant *q, size_t max);

/* The claim as a lectern-corpus(5) claim object (origin "extracted"). */
cJSON *extract_claim_json(const struct xclaim *c, const char *text, const char *id,
			  const char *source_id);

#endif
