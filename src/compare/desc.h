/*
 * desc: what a value is of ("Belarusians opposing the war", "troops in
 * Belarus"), read as a set of stemmed terms (compare/terms.h) with a
 * polarity, and the one rule that says when two descriptions speak of
 * different things.  Both the pairwise verdicts (verdict.c, on strings)
 * and the fast measures (measure.c, on term ids) apply that rule.
 */
#ifndef LECTERN_DESC_H
#define LECTERN_DESC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compare/termdict.h"

/* The rule: a of na terms, xa of them missing from b, and b of nb terms,
 * xb missing from a, describe different things when each has terms the
 * other lacks: at least two, or one when it has no more than two terms. */
bool desc_differ(size_t na, size_t xa, size_t nb, size_t xb);

/* +1 when the stemmed word is worded for ("support", "posit"), -1 when
 * against ("oppos", "neg"), else 0. */
int desc_polarity(const char *stem);

/* Whether descriptions x and y speak of the same thing (desc_differ() on
 * their terms, polarity words set apart); *polarity_x and *polarity_y get
 * their polarities. */
bool desc_same(const char *x, const char *y, int *polarity_x, int *polarity_y);

/* How many texts the process has read as descriptions so far (by
 * desc_same() and desc_table_read()): the work, for the tests that bound
 * it.  Safe from any thread. */
size_t desc_reads(void);

/*
 * A description read once, for the many pairs that meet it: its terms
 * (polarity words set apart, at most 32, each cut to 23 bytes, as
 * desc_same() reads them) as sorted, unique ids of the table that read it,
 * and its polarity.  desc_same_terms() on two of one table gives what
 * desc_same() gives on their texts.
 */
struct desc_terms {
	const uint32_t *t;
	const char *const *s;    /* the terms themselves, in the order of t */
	uint32_t n;
	int polarity;
};

/*
 * The descriptions of a set of values, each distinct text read once.
 * Lifecycle: desc_table_init(), desc_table_read() as often as needed,
 * desc_table_release().  What desc_table_read() returns is the table's
 * and lives until desc_table_release(); NULL for a NULL text.  made counts
 * the texts read (each distinct text once): the work, for the tests.
 */
struct desc_table {
	struct termdict words;       /* the terms of every description */
	struct termdict texts;       /* the texts read, by id */
	struct desc_terms **read;    /* by text id, in texts' pool */
	size_t alloc;
	size_t made;
};

void desc_table_init(struct desc_table *t);
void desc_table_release(struct desc_table *t);
const struct desc_terms *desc_table_read(struct desc_table *t, const char *s);
bool desc_same_terms(const struct desc_terms *a, const struct desc_terms *b);
/* desc_same_heads() on two descriptions of one table, read once. */
bool desc_same_heads_terms(const struct desc_terms *a, const struct desc_terms *b);
/* Whether the term compound is a closed compound whose head (its end) is
 * the term head: "earthquak" / "quak", "airstrik" / "strik".  The head has
 * four letters or more and something of three or more comes before it. */
bool desc_head_of(const char *compound, const char *head);

/* Whether x and y speak of the same thing when a compound counts as its
 * head ("magnitude 7.9 earthquake" / "7.9 quake"): desc_same() with that
 * one leniency, for a match by kind only (verdict.h), and of one polarity. */
bool desc_same_heads(const char *x, const char *y);

/*
 * What befell the people a count counts, read from its unit and counted
 * thing ("dead", "people killed", "death toll", "injured", "missing",
 * "displaced", "evacuated"): the casualty figures news reports keep apart.
 * 0 when none, or when the words name two fates ("killed or injured").
 */
enum { DESC_DEAD = 1, DESC_INJURED, DESC_MISSING, DESC_DISPLACED };
int desc_fate(const char *s);

#endif
