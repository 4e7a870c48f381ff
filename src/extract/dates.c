/* dates: finding and normalising date expressions. */
#include "extract/dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/calendar.h"
#include "base/text.h"
#include "base/tok.h"
#include "extract/numparse.h"

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december",
};
static const char *const weekdays[] = {   /* 0 = Monday */
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

int dates_month(const char *s, size_t len)
{
	if (len < 3 || len > 9)
		return 0;
	for (int i = 0; i < 12; i++) {
		if (tok_eq(s, len, months[i]))
			return i + 1;
		/* Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec */
		if ((len == 3 && i != 4 && !strncasecmp(s, months[i], 3)) ||
		    (len == 4 && i == 8 && !strncasecmp(s, "sept", 4)))
			return i + 1;
	}
	return 0;
}

void dates_ctx_from_iso(struct date_ctx *ctx, const char *iso)
{
	memset(ctx, 0, sizeof *ctx);
	if (!iso || strlen(iso) < 4)
		return;
	int y = 0, m = 0, d = 0;
	int k = sscanf(iso, "%4d-%2d-%2d", &y, &m, &d);
	if (k >= 1 && y > 0 && y < 10000)
		ctx->year = y;
	if (k >= 2 && m >= 1 && m <= 12)
		ctx->month = m;
	if (k >= 3 && d >= 1 && d <= 31)
		ctx->day = d;
}

/* ---- calendar ---- */

static void fmt_day(char *out, size_t sz, long z)
{
	int y, m, d;
	cal_civil(z, &y, &m, &d);
	snprintf(out, sz, "%04d-%02d-%02d", y, m, d);
}

static void set_day(struct date_val *v, int y, int m, int d)
{
	snprintf(v->value, sizeof v->value, "%04d-%02d-%02d", y, m, d);
	strcpy(v->precision, "day");
	snprintf(v->start, sizeof v->start, "%04d-%02d-%02d", y, m, d);
	strcpy(v->end, v->start);
}

static void set_month(struct date_val *v, int y, int m, int d1, int d2, const char *prec)
{
	if (d2 > cal_month_days(y, m))
		d2 = cal_month_days(y, m);
	snprintf(v->value, sizeof v->value, "%04d-%02d", y, m);
	strcpy(v->precision, prec);
	snprintf(v->start, sizeof v->start, "%04d-%02d-%02d", y, m, d1);
	snprintf(v->end, sizeof v->end, "%04d-%02d-%02d", y, m, d2);
}

static void set_range(struct date_val *v, long a, long b)
{
	fmt_day(v->start, sizeof v->start, a);
	fmt_day(v->end, sizeof v->end, b);
	snprintf(v->value, sizeof v->value, "%s/%s", v->start, v->end);
	strcpy(v->precision, "range");
}

static void set_year(struct date_val *v, int y)
{
	snprintf(v->value, sizeof v->value, "%04d", y);
	strcpy(v->precision, "year");
	snprintf(v->start, sizeof v->start, "%04d-01-01", y);
	snprintf(v->end, sizeof v->end, "%04d-12-31", y);
}

/* The year of a yearless month: the publication year, or the one before
 * when the month is after the publication month.  0 when unknown. */
static int resolve_year(const struct date_ctx *c, int m)
{
	if (!c->year)
		return 0;
	if (c->month && m > c->month)
		return c->year - 1;
	return c->year;
}

/* ---- matching over tokens ---- */

struct scan {
	const char *s;
	const struct tok *t;
	size_t nt;
	const struct date_ctx *ctx;
};

/* A month name at token i; *next after it (and after an abbreviation's
 * dot).  Lower case ("feb. 10") counts only right before a number. */
static int month_at(const struct scan *sc, size_t i, size_t *next)
{
	if (i >= sc->nt || sc->t[i].kind != TOK_WORD)
		return 0;
	int m = dates_month(sc->s + sc->t[i].start, sc->t[i].end - sc->t[i].start);
	if (!m)
		return 0;
	size_t len = sc->t[i].end - sc->t[i].start;
	*next = i + 1;
	bool dot = false;
	if (len <= 4 && m != 5 && *next < sc->nt && tok_punct(sc->s, &sc->t[*next], ".") &&
	    !sc->t[*next].space) {
		(*next)++;
		dot = true;
	}
	if (!sc->t[i].upper && !(*next < sc->nt && sc->t[*next].kind == TOK_NUM &&
				 (dot || (m != 3 && m != 5))))
		return 0;
	return m;
}

static int num_at(const struct scan *sc, size_t i, int lo, int hi)
{
	if (i >= sc->nt || sc->t[i].kind != TOK_NUM)
		return -1;
	size_t l = sc->t[i].end - sc->t[i].start;
	if (l > 4)
		return -1;
	int v = 0;
	for (size_t k = sc->t[i].start; k < sc->t[i].end; k++)
		v = v * 10 + (sc->s[k] - '0');   /* a digit token: within bounds */
	return v >= lo && v <= hi ? v : -1;
}

/* A day number with an optional ordinal suffix; *next after it. */
static int day_at(const struct scan *sc, size_t i, size_t *next)
{
	int d = num_at(sc, i, 1, 31);
	if (d < 0 || sc->t[i].end - sc->t[i].start > 2)
		return -1;
	*next = i + 1;
	if (*next < sc->nt && !sc->t[*next].space &&
	    (tok_is(sc->s, &sc->t[*next], "th") || tok_is(sc->s, &sc->t[*next], "st") ||
	     tok_is(sc->s, &sc->t[*next], "nd") || tok_is(sc->s, &sc->t[*next], "rd")))
		(*next)++;
	return d;
}

static int year_at(const struct scan *sc, size_t i)
{
	if (i >= sc->nt || sc->t[i].end - sc->t[i].start != 4)
		return -1;
	return num_at(sc, i, 1000, 2199);
}

/* ", 2022" or " 2022" after a month/day; returns the year or 0. */
static int opt_year(const struct scan *sc, size_t *i)
{
	size_t j = *i;
	if (j < sc->nt && tok_punct(sc->s, &sc->t[j], ","))
		j++;
	int y = year_at(sc, j);
	if (y > 0) {
		*i = j + 1;
		return y;
	}
	return 0;
}

static bool dash(const struct scan *sc, size_t i)
{
	return i < sc->nt && (tok_punct(sc->s, &sc->t[i], "-") ||
			      tok_punct(sc->s, &sc->t[i], "\xe2\x80\x93") ||
			      tok_is(sc->s, &sc->t[i], "to") || tok_is(sc->s, &sc->t[i], "and") ||
			      tok_is(sc->s, &sc->t[i], "until") || tok_is(sc->s, &sc->t[i], "till"));
}

/* An absolute day at i: "17 January [2022]" or "Feb. 10[th][, 2022]". */
static bool abs_day(const struct scan *sc, size_t i, size_t *end, int *y, int *m, int *d)
{
	size_t j;
	*d = day_at(sc, i, &j);
	if (*d > 0 && (*m = month_at(sc, j, &j))) {
		*y = opt_year(sc, &j);
		*end = j;
		return true;
	}
	if ((*m = month_at(sc, i, &j)) && (*d = day_at(sc, j, &j)) > 0) {
		*y = opt_year(sc, &j);
		*end = j;
		return true;
	}
	return false;
}

static const char *const ago_units[] = { "day", "days", "week", "weeks", "month", "months",
					 "year", "years", NULL };

/* Tries every pattern at token i; returns the end token or 0. */
static size_t match(const struct scan *sc, size_t i, struct date_hit *h)
{
	const char *s = sc->s;
	const struct date_ctx *c = sc->ctx;
	size_t j, e;
	int y, m, d, d2, m2;

	memset(&h->v, 0, sizeof h->v);
	h->relative = false;
	/* for N days from DATE */
	if (tok_is(s, &sc->t[i], "for") && i + 1 < sc->nt) {
		struct num nm;
		size_t at = sc->t[i + 1].start;
		size_t used = num_parse(s + at, sc->t[sc->nt - 1].end - at, &nm);
		if (used && nm.value >= 1 && nm.value <= 366) {
			j = i + 1;
			while (j < sc->nt && sc->t[j].end <= at + used)
				j++;
			if (j + 1 < sc->nt && tok_is(s, &sc->t[j], "days") &&
			    tok_is(s, &sc->t[j + 1], "from") && abs_day(sc, j + 2, &e, &y, &m, &d)) {
				if (!y)
					y = resolve_year(c, m);
				if (y && d <= cal_month_days(y, m)) {
					long a = cal_days(y, m, d);
					set_range(&h->v, a, a + (long)nm.value - 1);
					snprintf(h->v.value, sizeof h->v.value, "%04d-%02d-%02d/P%dD",
						 y, m, d, (int)nm.value);
					return e;
				}
			}
		}
	}
	/* from 10 to 20 February [2022] / between 10 and 20 February */
	j = i;
	if (tok_is(s, &sc->t[j], "from") || tok_is(s, &sc->t[j], "between"))
		j++;
	if ((d = day_at(sc, j, &e)) > 0 && dash(sc, e) && (d2 = day_at(sc, e + 1, &e)) > 0 &&
	    (m = month_at(sc, e, &e))) {
		y = opt_year(sc, &e);
		if (!y)
			y = resolve_year(c, m);
		if (y && d < d2 && d2 <= cal_month_days(y, m)) {
			set_range(&h->v, cal_days(y, m, d), cal_days(y, m, d2));
			return e;
		}
	}
	/* from February 10 to 20 / from 28 January to 3 February */
	if (j > i && abs_day(sc, j, &e, &y, &m, &d) && dash(sc, e)) {
		size_t e2;
		int y2 = 0;
		m2 = m;
		if (!abs_day(sc, e + 1, &e2, &y2, &m2, &d2) && (d2 = day_at(sc, e + 1, &e2)) < 0)
			d2 = 0;
		if (d2 > 0) {
			if (!y2)
				y2 = opt_year(sc, &e2);
			if (!y)
				y = y2;
			if (!y)
				y = resolve_year(c, m);
			if (!y2)
				y2 = y;
			if (y && d <= cal_month_days(y, m) && d2 <= cal_month_days(y2, m2)) {
				long a = cal_days(y, m, d), b = cal_days(y2, m2, d2);
				if (a < b) {
					set_range(&h->v, a, b);
					return e2;
				}
			}
		}
	}
	/* between May 2020 and May 2021, from June to August 2019 */
	if (j > i && (m = month_at(sc, j, &e))) {
		size_t e1 = e;
		y = opt_year(sc, &e1);
		if (dash(sc, e1) && (m2 = month_at(sc, e1 + 1, &e))) {
			int y2 = opt_year(sc, &e);
			if (!y2)
				y2 = resolve_year(c, m2);
			if (!y)
				y = m <= m2 ? y2 : y2 - 1;
			if (y && y2 && (y < y2 || (y == y2 && m < m2))) {
				snprintf(h->v.value, sizeof h->v.value, "%04d-%02d/%04d-%02d", y, m, y2, m2);
				strcpy(h->v.precision, "range");
				snprintf(h->v.start, sizeof h->v.start, "%04d-%02d-01", y, m);
				snprintf(h->v.end, sizeof h->v.end, "%04d-%02d-%02d", y2, m2, cal_month_days(y2, m2));
				return e;
			}
		}
	}
	/* the week of October 17 */
	if (tok_is(s, &sc->t[i], "week") && i + 1 < sc->nt && tok_is(s, &sc->t[i + 1], "of") &&
	    abs_day(sc, i + 2, &e, &y, &m, &d)) {
		if (!y)
			y = resolve_year(c, m);
		if (y && d <= cal_month_days(y, m)) {
			long a = cal_days(y, m, d);
			set_range(&h->v, a, a + 6);
			return e;
		}
	}
	/* absolute day */
	if (abs_day(sc, i, &e, &y, &m, &d)) {
		if (!y)
			y = resolve_year(c, m);
		if (y && d <= cal_month_days(y, m)) {
			set_day(&h->v, y, m, d);
			return e;
		}
		/* no year to be had: a partial date, "--11-26" (2000: a leap year) */
		if (!y && !c->year && d <= cal_month_days(2000, m)) {
			snprintf(h->v.value, sizeof h->v.value, "--%02d-%02d", m, d);
			strcpy(h->v.precision, "day");
			return e;
		}
		return 0;
	}
	/* parts of a month */
	int part = 0;   /* 1 early, 2 middle, 3 late */
	j = i;
	if (j > 0 && tok_is(s, &sc->t[j - 1], "the") && j + 1 < sc->nt &&
	    tok_is(s, &sc->t[j + 1], "of")) {
		if (tok_is(s, &sc->t[j], "beginning") || tok_is(s, &sc->t[j], "start"))
			part = 1;
		else if (tok_is(s, &sc->t[j], "middle"))
			part = 2;
		else if (tok_is(s, &sc->t[j], "end"))
			part = 3;
		j += 2;
	} else if (tok_is(s, &sc->t[j], "early") || tok_is(s, &sc->t[j], "mid") ||
		   tok_is(s, &sc->t[j], "late")) {
		part = tok_is(s, &sc->t[j], "early") ? 1 : tok_is(s, &sc->t[j], "mid") ? 2 : 3;
		j++;
		if (j < sc->nt && tok_punct(s, &sc->t[j], "-"))
			j++;
	}
	if (part && (m = month_at(sc, j, &e))) {
		y = opt_year(sc, &e);
		if (!y)
			y = resolve_year(c, m);
		if (!y)
			return 0;
		set_month(&h->v, y, m, part == 1 ? 1 : part == 2 ? 11 : 21,
			  part == 1 ? 10 : part == 2 ? 20 : 31, "part-of-month");
		return e;
	}
	/* relative */
	bool last = tok_is(s, &sc->t[i], "last") || tok_is(s, &sc->t[i], "past");
	bool this = tok_is(s, &sc->t[i], "this");
	if ((last || this) && i + 1 < sc->nt && c->year) {
		const struct tok *w = &sc->t[i + 1];
		h->relative = true;
		if (tok_is(s, w, "month") && c->month) {
			int yy = c->year, mm = c->month;
			if (last && --mm == 0) {
				mm = 12;
				yy--;
			}
			set_month(&h->v, yy, mm, 1, 31, "month");
			return i + 2;
		}
		if (tok_is(s, w, "year")) {
			set_year(&h->v, c->year - (last ? 1 : 0));
			return i + 2;
		}
		if (tok_is(s, w, "week") && c->month && c->day) {
			long z = cal_days(c->year, c->month, c->day);
			long wd = ((z % 7) + 7 + 3) % 7;   /* 1970-01-01 was a Thursday */
			long mon = z - wd - (last ? 7 : 0);
			set_range(&h->v, mon, mon + 6);
			return i + 2;
		}
		if (last && (m = month_at(sc, i + 1, &e))) {
			int yy = c->month && m < c->month ? c->year : c->year - 1;
			set_month(&h->v, yy, m, 1, 31, "month");
			return e;
		}
		for (int k = 0; last && k < 7 && c->month && c->day; k++)
			if (tok_is(s, w, weekdays[k])) {
				long z = cal_days(c->year, c->month, c->day);
				long wd = ((z % 7) + 7 + 3) % 7;
				long back = (wd - k + 7) % 7;
				if (!back)
					back = 7;
				fmt_day(h->v.value, sizeof h->v.value, z - back);
				strcpy(h->v.precision, "day");
				strcpy(h->v.start, h->v.value);
				strcpy(h->v.end, h->v.value);
				return i + 2;
			}
		h->relative = false;
	}
	if ((tok_is(s, &sc->t[i], "yesterday") || tok_is(s, &sc->t[i], "today")) && c->day) {
		long z = cal_days(c->year, c->month, c->day);
		if (tok_is(s, &sc->t[i], "yesterday"))
			z--;
		fmt_day(h->v.value, sizeof h->v.value, z);
		strcpy(h->v.precision, "day");
		strcpy(h->v.start, h->v.value);
		strcpy(h->v.end, h->v.value);
		h->relative = true;
		return i + 1;
	}
	/* N units ago */
	if (c->year) {
		struct num nm;
		size_t at = sc->t[i].start;
		size_t used = (sc->t[i].kind == TOK_NUM || sc->t[i].kind == TOK_WORD)
			? num_parse(s + at, sc->t[sc->nt - 1].end - at, &nm) : 0;
		if (used && nm.value >= 1 && nm.value < 200 && nm.value == (int)nm.value) {
			j = i;
			while (j < sc->nt && sc->t[j].end <= at + used)
				j++;
			if (j + 1 < sc->nt && tok_in(s, &sc->t[j], ago_units) &&
			    tok_is(s, &sc->t[j + 1], "ago")) {
				int k = (int)nm.value;
				h->relative = true;
				char u = (char)ascii_tolower((unsigned char)s[sc->t[j].start]);
				if (u == 'y') {
					set_year(&h->v, c->year - k);
				} else if (u == 'm' && c->month) {
					int mm = c->month - k, yy = c->year;
					while (mm <= 0) {
						mm += 12;
						yy--;
					}
					set_month(&h->v, yy, mm, 1, 31, "month");
				} else if (c->month && c->day) {
					long z = cal_days(c->year, c->month, c->day);
					z -= u == 'w' ? 7L * k : k;
					fmt_day(h->v.value, sizeof h->v.value, z);
					strcpy(h->v.precision, u == 'w' ? "day" : "day");
					strcpy(h->v.start, h->v.value);
					strcpy(h->v.end, h->v.value);
				} else {
					return 0;
				}
				return j + 2;
			}
		}
	}
	/* Month YYYY, or a month after in/since/during/until/by/of/last */
	if ((m = month_at(sc, i, &e))) {
		y = opt_year(sc, &e);
		if (y) {
			set_month(&h->v, y, m, 1, 31, "month");
			return e;
		}
		bool cue = i > 0 && (tok_is(s, &sc->t[i - 1], "in") || tok_is(s, &sc->t[i - 1], "since") ||
				     tok_is(s, &sc->t[i - 1], "during") || tok_is(s, &sc->t[i - 1], "until") ||
				     tok_is(s, &sc->t[i - 1], "by") || tok_is(s, &sc->t[i - 1], "of"));
		if ((cue || (m != 3 && m != 5)) && (y = resolve_year(c, m))) {
			set_month(&h->v, y, m, 1, 31, "month");
			return e;
		}
		return 0;
	}
	/* a year */
	if ((y = year_at(sc, i)) > 0 && y >= 1800 && y <= 2100 &&
	    !(i + 1 < sc->nt && tok_punct(s, &sc->t[i + 1], "%")) &&
	    !(i > 0 && !sc->t[i].space && (tok_punct(s, &sc->t[i - 1], ",") ||
					   tok_punct(s, &sc->t[i - 1], ".")))) {
		if (i + 1 < sc->nt && !sc->t[i + 1].space && tok_is(s, &sc->t[i + 1], "s"))
			return 0;   /* the 1990s */
		size_t pe;
		if (i >= 2 && (tok_punct(s, &sc->t[i - 1], "-") ||
			       tok_punct(s, &sc->t[i - 1], "\xe2\x80\x93") ||
			       tok_punct(s, &sc->t[i - 1], "\xe2\x80\x94")) &&
		    sc->t[i - 2].kind == TOK_WORD && sc->t[i - 2].upper && !month_at(sc, i - 2, &pe))
			return 0;   /* part of a name: "Allied Resolve - 2022", "Zapad-2021" */
		set_year(&h->v, y);
		return i + 1;
	}
	return 0;
}

/* Words a date expression can start with (besides numbers and months). */
static const char *const starts[] = {
	"for", "from", "between", "week", "beginning", "start", "middle", "end", "early",
	"mid", "late", "last", "past",
	"this", "yesterday", "today", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty",
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", "january", "february", "march", "april", "june", "july", "august",
	"september", "october", "november", "december", NULL,
};

size_t dates_find(const char *s, size_t n, const struct date_ctx *ctx,
		  struct date_hit *out, size_t max)
{
	struct tok *t;
	if (!s || !n || !max)
		return 0;
	size_t nt = tok_split(s, n, &t);
	size_t k = dates_find_tok(s, t, nt, ctx, out, max);
	free(t);
	return k;
}

size_t dates_find_tok(const char *s, const struct tok *t, size_t nt,
		      const struct date_ctx *ctx, struct date_hit *out, size_t max)
{
	struct scan sc;
	struct date_ctx none = { 0, 0, 0 };
	size_t k = 0;

	sc.s = s;
	sc.ctx = ctx ? ctx : &none;
	sc.t = t;
	sc.nt = nt;
	for (size_t i = 0; i < sc.nt && k < max;) {
		struct date_hit h;
		if (sc.t[i].kind != TOK_NUM && !tok_in(s, &sc.t[i], starts)) {
			i++;
			continue;
		}
		size_t e = match(&sc, i, &h);
		if (e > i) {
			h.start = sc.t[i].start;
			h.end = sc.t[e - 1].end;
			out[k++] = h;
			i = e;
		} else {
			i++;
		}
	}
	return k;
}
