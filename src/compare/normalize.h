/*
 * normalize: a claim's parsed values (struct value, corpus.h) as intervals
 * on one scale per kind of measure, so that values from different sources
 * can be compared.
 *
 *   quantities  miles become km (a nautical mile is 1.852 km); square miles,
 *               km2 and hectares are areas in km2, never lengths; pounds
 *               (lb, lbs), tons, tonnes and kg are masses in kg (a ton is
 *               the US short ton, 907.18 kg; a tonne 1,000 kg); a currency
 *               (USD, dollars, EUR, GBP ...) is money, kept in its currency
 *               at the scale the value carries; a unit of two words
 *               that extraction left in what is counted ("nautical
 *               miles" counted, "miles" the unit) is the unit;
 *               "thousand"/"million" multiply and leave a
 *               plain count; "percent" and "%" are percentage points;
 *               "magnitude" is a reading on a logarithmic scale
 *               (NORM_MAGNITUDE) and "years of age" an age (NORM_AGE),
 *               never counts;
 *               seconds, minutes, hours, days, weeks, months and years
 *               become days (norm_format() shows less than a day in
 *               hours: "7 hours", not a count of hours).  The interval is
 *               [lo, hi] from the value's low/high when present; otherwise
 *               from the qualifier: "about"/"roughly"/"around"/
 *               "approximately" give half a unit of the last significant
 *               digit (one digit more when the leading digit is 1: about
 *               10,000 is 9,500..10,500), "at least"/"more than" leave hi
 *               open, "at most"/"up to"/"less than" leave lo open, anything
 *               else is the exact value.  Open ends are -INFINITY/INFINITY.
 *               An "about" interval (stated or not) is kept within a tenth
 *               of the value (NORM_ABOUT_MAX): "about 2,000" is
 *               1,800..2,200, not 1,500..2,500.
 *   dates       ISO "YYYY", "YYYY-MM", "YYYY-MM-DD", intervals "A/B" and
 *               "A/PnD" (also PnW, PnM, PnY) become [first day, last day]
 *               as days since 1970-01-01; the value's start/end win when
 *               present.
 *   partial     "--MM-DD", a day and month with no year to be had ("from
 *   dates       26 November" in an article of no known date), is its own
 *               kind (NORM_PDATE), days since 1970-01-01 of that day in
 *               the leap year 2000: it meets only other partial dates and
 *               is never taken for a day of 2000.
 *
 * Pointers in a struct norm_value (unit, counted, about) borrow from the
 * corpus and live as long as it does.  norm_value() leaves a value
 * undescribed; whoever keeps many values for many pairs (compare.h) reads
 * their descriptions once into a table (desc.h) and marks them described,
 * so that the verdicts (verdict.h) need not read the texts again.
 */
#ifndef LECTERN_NORMALIZE_H
#define LECTERN_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "corpus/corpus.h"

struct desc_terms;            /* desc.h */

#define NORM_ABOUT_MAX 0.1

enum norm_kind {
	NORM_COUNT,      /* people, troops, rounds ... */
	NORM_PERCENT,    /* percentage points */
	NORM_DISTANCE,   /* km */
	NORM_DURATION,   /* days */
	NORM_RATIO,      /* "times" */
	NORM_DATE,       /* days since 1970-01-01 */
	NORM_MASS,       /* kg */
	NORM_AREA,       /* km2 */
	NORM_MONEY,      /* in its currency (unit), never converted */
	NORM_PDATE,      /* a day and month with no year: days on the year 2000 */
	NORM_MAGNITUDE,  /* a reading on a logarithmic scale: an earthquake's */
	NORM_AGE,        /* a person's age, in years */
	NORM_KIND_COUNT
};

enum norm_prec {
	PREC_EXACT,      /* a quantity as stated, or a day */
	PREC_ABOUT,      /* a quantity with a tolerance */
	PREC_OPEN,       /* at least / at most */
	PREC_RANGE,
	PREC_PART,       /* part of a month */
	PREC_MONTH,
	PREC_YEAR,
};

struct norm_value {
	enum norm_kind kind;
	enum norm_prec prec;
	double point;             /* the stated value on the kind's scale */
	double lo, hi;            /* inclusive; -INFINITY / INFINITY when open */
	const char *unit;         /* the unit as stated, nullable */
	const char *canon;        /* norm_unit_canon(unit), nullable */
	const char *counted;      /* what is counted, nullable */
	const char *about;        /* what event a date is of, nullable */
	const char *qualifier;    /* nullable */
	/* read once when described (else unset, read from the texts above at
	 * each use): the descriptions of counted and about (NULL when the
	 * text is) and the casualty fate (desc_fate()) of counted, else unit */
	const struct desc_terms *dcounted, *dabout;
	int fate;
	bool described;
};

/* Normalises v into out.  Returns 0, or -1 when the value cannot be read
 * (a date that is not ISO, a missing number); out is then undefined. */
int norm_value(const struct value *v, struct norm_value *out);

/* Name of a kind: "count", "percent", "distance", "duration", "ratio",
 * "date", "mass", "area", "money", "partial date". */
const char *norm_kind_name(enum norm_kind k);

/* Whether v is a day: a date or a partial date (moments, not measures). */
bool norm_is_day(const struct norm_value *v);

/* The kind a quantity unit belongs to ("mi" -> NORM_DISTANCE). */
enum norm_kind norm_unit_kind(const char *unit);
/* The unit's canonical spelling for comparing two units of one kind:
 * "lbs" and "pounds" are both "kg", "dollars" and "USD" both "USD"; a
 * count noun is returned as given (NULL stays NULL). */
const char *norm_unit_canon(const char *unit);

/*
 * Parses an ISO date or interval: "2022", "2022-10", "2022-10-20",
 * "2022-02-10/2022-02-20", "2022-02-10/P10D".  Sets *first and *last (days
 * since 1970-01-01, inclusive) and *prec; returns 0, or -1 when s is not one
 * of those forms or names an impossible day.
 */
int norm_date_parse(const char *s, long *first, long *last, enum norm_prec *prec);

/* Appends a readable form: "8500..9500 troops", "233 km", "<10 %",
 * "2021-12-01..2021-12-10", "--11-26". */
void norm_format(struct strbuf *out, const struct norm_value *n);

#endif
