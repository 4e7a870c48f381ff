/*
 * dates: date expressions in news English, normalised to ISO dates or
 * intervals (lectern-corpus(5) date values).
 *
 * dates_find() scans s[0..n) (any bytes) and stores up to max matches in
 * out, left to right, not overlapping; it returns how many it stored.  It
 * knows absolute dates ("17 January", "Feb. 10", "October 10th, 2022",
 * "9 February 2022", "September 2022", "1994"), ranges ("from 10 to 20
 * February", "for ten days from Feb. 10", "the week of October 17"), parts
 * of months ("the beginning of December", "the middle of January", "early
 * February", "late June 2022": days 1-10, 11-20, 21-end) and dates relative
 * to the publication date ("this month", "last week", "last February",
 * "last Sunday", "eight months ago", "two years ago", "yesterday").  A
 * missing year comes from ctx: the publication year, or the year before
 * when the month is later than the publication month.  Without a
 * publication year, a day and month ("from 26 November", "on Jan. 12")
 * is a partial date, value "--11-26" with precision "day" and empty
 * start and end (ISO 8601's form for a day of no stated year); other
 * expressions that need a year are not reported.
 */
#ifndef LECTERN_DATES_H
#define LECTERN_DATES_H

#include <stdbool.h>
#include <stddef.h>

#include "base/tok.h"

struct date_ctx {
	int year, month, day;     /* publication date; 0 = unknown */
};

struct date_val {
	char value[64];           /* "2022-02-10", "2021-12", "2022-02-10/2022-02-20" */
	char precision[16];       /* day, month, year, part-of-month, range */
	char start[32], end[32];  /* inclusive days; "" for a partial date */
};

struct date_hit {
	size_t start, end;        /* bytes of the expression in s */
	struct date_val v;
	bool relative;            /* resolved against the publication date */
};

/* Reads "2022", "2022-10" or "2022-10-20" (NULL or other: all zero). */
void dates_ctx_from_iso(struct date_ctx *ctx, const char *iso);

size_t dates_find(const char *s, size_t n, const struct date_ctx *ctx,
		  struct date_hit *out, size_t max);

/* The same over tokens t[0..nt) that tok_split() made of s (offsets in
 * the hits are those of the tokens). */
size_t dates_find_tok(const char *s, const struct tok *t, size_t nt,
		      const struct date_ctx *ctx, struct date_hit *out, size_t max);

/* Month number for a month name or abbreviation at s[0..len), or 0. */
int dates_month(const char *s, size_t len);

#endif
