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
