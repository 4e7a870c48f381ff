/*
 * verdict: how two claims' values compare, and what a topic's pairs add up
 * to.  Values are normalised first (normalize.h).
 *
 * Two values are compared only when they are of one kind (count, percent,
 * distance, duration, ratio, date).  They measure the same thing unless
 * both say what they are of (a quantity's "counted", a date's "about") and
 * each description has at least two content words the other lacks ("total
 * strength of the army" / "combat-ready troops"; "distance from the border
 * to Kyiv" / "distance of the troops from the Chernihiv border").  Without
 * descriptions the unit decides: "troops" and "people" are different
 * counts.
 *
 * Same measure:  agree     the intervals overlap (precision may differ);
 *                differ    they do not overlap but are close: within 10
 *                          percentage points, within 25% of the larger
 *                          value, or (dates) a gap no longer than a week or
 *                          the wider interval;
 *                conflict  further apart ("beginning of December" against
 *                          "17 January" for one announcement).
 * Two exact counts whose last digits are their own (no rounding zero: 7
 * and 8, not 2,400 and 2,300) are a conflict however close: no rounding
 * explains seven ships against eight.
 * A description of one or two words differs from another that lacks one
 * of its words, if that one also has a word of its own ("men" / "combat
 * ready troops"; "from Kyiv" / "from the border"; "Russian troops" /
 * "combat ready troops", but not "Russian troops" / "Russian troops in
 * Belarus").  A duration
 * that does not say what it lasts or separates ("10 days", "20 days") is
 * not taken as the same measure as another.
 * A closed compound counts as its head ("magnitude 7.9 earthquake" /
 * "7.9 quake", desc_same_heads()), but only as a match by kind: such a
 * pair may agree or differ, never conflict, and fates must still be one.
 * Two dates of one day are taken as one measure (at the lesser quality)
 * even when they say they are of different things: they agree.
 * Dates of which one does not say what it is of are compared leniently:
 * the best-matching pair decides, and when even that is a conflict they
 * are taken as two moments (timeline), since nothing says they are of one
 * event.
 * Partial dates (a day and month with no year) are compared by the same
 * rules, but only with other partial dates: against a full date nothing
 * is compared.
 * Not the same:  different-measure for quantities; timeline for dates of
 *                different events that do not overlap (different moments).
 * "Less than" and "more than" bounds are exclusive: "less than 10%"
 * does not reach 10.
 *
 * Complements: a share is compared with 100 minus the other only when the
 * descriptions say so: one counted thing is worded against ("opposing",
 * "against", "negative", "reject") and the other for ("supporting",
 * "approving", "positive", "in favour"), and the rest of their wording is
 * the same measure.  "Less than 10% support" against "90% oppose" is then
 * 10 against less than 10: differ.
 *
 * A pair of claims takes the verdict of its best-matching pair of values,
 * not the worst over all pairs: the pair that says the same unit or
 * counted thing on both sides first, the closest of those next.  A
 * conflict needs both deciding values to say what they measure (a counted
 * thing, or for counts one count noun: "passengers"; a noun that says not
 * who, such as "people", is not enough, nor is a unit of scale such as
 * km, kg or USD); otherwise it is at most differ.  With no same-measure
 * pair: different-measure, then timeline; with no comparable values at all,
 * related (VERDICT_RELATED, by_values false): never agreement.  Above 4,096
 * value pairs each value of one claim meets only the values of the other
 * nearest to it, so two claims of 20,000 values cost O(n log n).
 *
 * Magnitudes (NORM_MAGNITUDE) are readings on a logarithmic scale: within
 * one step of it they differ (8.5 against 9), further apart they conflict,
 * and as for any class but counts a conflict needs both to say what they
 * measure.  Ages (NORM_AGE) likewise: a year apart differ (a birthday
 * between), further apart conflict; an age at death never changes, so
 * "died at 56" against "died at 49" conflicts on any days.
 *
 * Same moment (verdict_moment()): two counts, masses or sums of money (the
 * quantities that run up over time: tolls, cargo, aid), or two magnitudes
 * (readings revised as data come in), from sources published on different
 * days are a timeline (an update), never a differ or a conflict, when
 * their points differ; "at least 235" against 305 is such an
 * update when the days differ, and agree on one day.  A conflict between two
 * such running totals also needs both sources to give the day they were
 * published (compare_pair()): a source with no day, or only a month, makes
 * it a differ at most.  A running total cannot fall: when the later
 * source's interval lies wholly below the earlier's, by more than a
 * twentieth of it, and both values say what they count (the same counted thing,
 * count noun or casualty fate), the pair is a conflict ("about 2,400
 * passengers since Jan. 13" on the 19th, "about 2,000" on the 21st).
 */
#ifndef LECTERN_VERDICT_H
#define LECTERN_VERDICT_H

#include <stdbool.h>
#include <stddef.h>

#include "compare/desc.h"
#include "compare/normalize.h"

enum verdict {
	VERDICT_NONE,        /* nothing to compare (a topic of one voice) */
	VERDICT_AGREE,
	VERDICT_DIFFER,
	VERDICT_CONFLICT,
	VERDICT_MEASURE,     /* different measure */
	VERDICT_TIMELINE,    /* different moments */
	VERDICT_MIXED,       /* a curated status only */
	VERDICT_RELATED,     /* related, no comparable value: no verdict */
	VERDICT_COUNT
};

struct verdict_pair {
	enum verdict v;
	int ia, ib;          /* the deciding values of a and b, -1 when none */
	bool by_values;      /* false: no comparable values */
	bool complement;     /* a share set against the other's complement */
	bool fell;           /* a running total that fell over time (conflict) */
};

/* "agree", "differ", "conflict", "different-measure", "timeline", "mixed",
 * "related", "none". */
const char *verdict_name(enum verdict v);
/* One ASCII character: = agree, ~ differ, ! conflict, # different
 * measure, > timeline, * mixed, ? related (no comparable value), space
 * none. */
char verdict_mark(enum verdict v);
/* The verdict named s, or VERDICT_NONE when s is NULL or unknown. */
enum verdict verdict_parse(const char *s);

/* Reads v's descriptions once into t (normalize.h: described), so that
 * the functions below need not read its texts at every pair; t must
 * outlive v's use.  The verdicts are the same either way. */
void verdict_describe(struct norm_value *v, struct desc_table *t);

/* Whether a and b measure the same thing (see above). */
bool verdict_same_measure(const struct norm_value *a, const struct norm_value *b);

/* Compares two values of the same measure; sets *complement when b was
 * turned into its complement. */
enum verdict verdict_values(const struct norm_value *a, const struct norm_value *b,
			    bool *complement);

/* Compares two claims by their best-matching pair of values (above). */
void verdict_claims(const struct norm_value *a, size_t na,
		    const struct norm_value *b, size_t nb, struct verdict_pair *out);

/* Applies the same-moment rule to p, a verdict_claims() result on a and b
 * whose sources were published on days day_a and day_b (days since
 * 1970-01-01; negative when unknown: no change). */
/* Whether v is a quantity that runs up over time: a count, mass or money. */
bool verdict_running(const struct norm_value *v);

/* Whether a later report may give v anew: a running total, a reading
 * that is revised either way (an earthquake's magnitude: 8.5 on the day,
 * 9 three days later) or a living person's age (not an age at death).
 * Such figures on different days are a timeline. */
bool verdict_revised(const struct norm_value *v);

void verdict_moment(struct verdict_pair *p, const struct norm_value *a,
		    const struct norm_value *b, long day_a, long day_b);

/*
 * One named measure in conflict: the values of a and b that each say what
 * they count alike (a counted thing, a count noun or a casualty fate) and
 * are each other's nearest such value are compared, with the same-moment
 * rule at days day_a and day_b; sets *ia, *ib to the first pair in
 * conflict and returns true.  Claims that give several figures ("1,600
 * tons and 2,400 passengers" / "2,250 tons and 2,000 passengers") are then
 * compared measure by measure: the pair that agrees best no longer hides
 * the one that conflicts.  False beyond VERDICT_ALL_PAIRS value pairs.
 */
bool verdict_named_conflict(const struct norm_value *a, size_t na,
			    const struct norm_value *b, size_t nb, long day_a, long day_b,
			    int *ia, int *ib);

/*
 * A topic's status from its pairs: conflict if any pair conflicts, else
 * differ if any differs, else agree if any pair agrees on values, else
 * different-measure, else timeline, else related (claims that only concur
 * in words); VERDICT_NONE without pairs.
 */
enum verdict verdict_status(const struct verdict_pair *pairs, size_t n);

#endif
