/* normalize: values as comparable intervals (units, tolerances, dates). */
#include "base/calendar.h"
#include "compare/normalize.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"

#define KM_PER_MI 1.609344
#define KM_PER_NMI 1.852
#define KM2_PER_MI2 2.589988
#define KG_PER_LB 0.45359237

static const struct {
	const char *unit;
	enum norm_kind kind;
	double factor;       /* to the kind's scale */
} unit_tab[] = {
	{ "percent", NORM_PERCENT, 1 }, { "%", NORM_PERCENT, 1 },
	{ "percentage points", NORM_PERCENT, 1 },
	{ "km", NORM_DISTANCE, 1 }, { "kilometres", NORM_DISTANCE, 1 },
	{ "kilometers", NORM_DISTANCE, 1 }, { "m", NORM_DISTANCE, 0.001 },
	{ "mi", NORM_DISTANCE, KM_PER_MI }, { "miles", NORM_DISTANCE, KM_PER_MI },
	{ "mile", NORM_DISTANCE, KM_PER_MI },
	{ "seconds", NORM_DURATION, 1.0 / 86400 }, { "second", NORM_DURATION, 1.0 / 86400 },
	{ "minutes", NORM_DURATION, 1.0 / 1440 }, { "minute", NORM_DURATION, 1.0 / 1440 },
	{ "mins", NORM_DURATION, 1.0 / 1440 }, { "min", NORM_DURATION, 1.0 / 1440 },
	{ "hours", NORM_DURATION, 1.0 / 24 }, { "hour", NORM_DURATION, 1.0 / 24 },
	{ "hrs", NORM_DURATION, 1.0 / 24 }, { "hr", NORM_DURATION, 1.0 / 24 },
	{ "days", NORM_DURATION, 1 }, { "day", NORM_DURATION, 1 },
	{ "weeks", NORM_DURATION, 7 }, { "week", NORM_DURATION, 7 },
	{ "months", NORM_DURATION, 30.436875 }, { "month", NORM_DURATION, 30.436875 },
	{ "years", NORM_DURATION, 365.2425 }, { "year", NORM_DURATION, 365.2425 },
	{ "times", NORM_RATIO, 1 }, { "magnitude", NORM_MAGNITUDE, 1 },
	{ "years of age", NORM_AGE, 1 },
	{ "thousand", NORM_COUNT, 1e3 }, { "thousands", NORM_COUNT, 1e3 },
	{ "million", NORM_COUNT, 1e6 }, { "millions", NORM_COUNT, 1e6 },
	{ "billion", NORM_COUNT, 1e9 },
	{ "nautical miles", NORM_DISTANCE, KM_PER_NMI }, { "nautical mile", NORM_DISTANCE, KM_PER_NMI },
	{ "nmi", NORM_DISTANCE, KM_PER_NMI },
	{ "square miles", NORM_AREA, KM2_PER_MI2 }, { "square mile", NORM_AREA, KM2_PER_MI2 },
	{ "sq mi", NORM_AREA, KM2_PER_MI2 }, { "km2", NORM_AREA, 1 }, { "km\u00b2", NORM_AREA, 1 },
	{ "km\u00b2", NORM_AREA, 1 }, { "square kilometres", NORM_AREA, 1 },
	{ "square kilometers", NORM_AREA, 1 }, { "hectares", NORM_AREA, 0.01 },
	{ "lb", NORM_MASS, KG_PER_LB }, { "lbs", NORM_MASS, KG_PER_LB },
	{ "pound", NORM_MASS, KG_PER_LB }, { "pounds", NORM_MASS, KG_PER_LB },
	{ "ton", NORM_MASS, 907.18474 }, { "tons", NORM_MASS, 907.18474 },
	{ "short tons", NORM_MASS, 907.18474 }, { "tonne", NORM_MASS, 1000 },
	{ "tonnes", NORM_MASS, 1000 }, { "metric tons", NORM_MASS, 1000 },
	{ "kg", NORM_MASS, 1 }, { "kilograms", NORM_MASS, 1 },
	{ "USD", NORM_MONEY, 1 }, { "dollars", NORM_MONEY, 1 }, { "dollar", NORM_MONEY, 1 },
	{ "EUR", NORM_MONEY, 1 }, { "euros", NORM_MONEY, 1 }, { "GBP", NORM_MONEY, 1 },
	{ "sterling", NORM_MONEY, 1 }, { "JPY", NORM_MONEY, 1 }, { "yen", NORM_MONEY, 1 },
};

/* Currencies by their ISO code. */
static const struct {
	const char *word, *code;
} currency_tab[] = {
	{ "dollars", "USD" }, { "dollar", "USD" }, { "euros", "EUR" },
	{ "sterling", "GBP" }, { "yen", "JPY" },
};

static long unit_find(const char *unit)
{
	if (!unit)
		return -1;
	for (size_t i = 0; i < sizeof unit_tab / sizeof unit_tab[0]; i++)
		if (!strcasecmp(unit, unit_tab[i].unit))
			return (long)i;
	return -1;
}

static double unit_factor(const char *unit, enum norm_kind *kind)
{
	long i = unit_find(unit);
	*kind = i < 0 ? NORM_COUNT : unit_tab[i].kind;
	return i < 0 ? 1 : unit_tab[i].factor;   /* else a count noun: troops, people */
}

const char *norm_unit_canon(const char *unit)
{
	static const char *const scale[NORM_KIND_COUNT] = {
		[NORM_PERCENT] = "%", [NORM_DISTANCE] = "km", [NORM_DURATION] = "days",
		[NORM_RATIO] = "times", [NORM_MASS] = "kg", [NORM_AREA] = "km2",
	};
	long i = unit_find(unit);
	if (i < 0)
		return unit;
	if (unit_tab[i].kind == NORM_MONEY) {
		for (size_t k = 0; k < sizeof currency_tab / sizeof currency_tab[0]; k++)
			if (!strcasecmp(unit, currency_tab[k].word))
				return currency_tab[k].code;
		return unit;
	}
	return scale[unit_tab[i].kind] ? scale[unit_tab[i].kind] : unit;
}

bool norm_is_day(const struct norm_value *v)
{
	return v->kind == NORM_DATE || v->kind == NORM_PDATE;
}

enum norm_kind norm_unit_kind(const char *unit)
{
	enum norm_kind k;
	unit_factor(unit, &k);
	return k;
}

const char *norm_kind_name(enum norm_kind k)
{
	static const char *const names[] = {
		"count", "percent", "distance", "duration", "ratio", "date",
		"mass", "area", "money", "partial date", "magnitude", "age",
	};
	return (unsigned)k < NORM_KIND_COUNT ? names[k] : "?";
}

/* Half a unit of the last significant digit of x; one digit more when x
 * is a single digit 1 followed by zeros ("about 10,000" is 9,500..10,500). */
static double tolerance(double x)
{
	x = fabs(x);
	if (x < 1e-9)
		return 0.5;
	double top = pow(10, floor(log10(x)));
	double step = top;
	while (step > 1e-3 && fabs(x / step - round(x / step)) > 1e-6)
		step /= 10;
	if (step == top && x / top < 2)
		step /= 10;
	return step / 2;
}

static bool is_q(const char *q, const char *const *list)
{
	if (!q)
		return false;
	for (; *list; list++)
		if (!strcasecmp(q, *list))
			return true;
	return false;
}

static int norm_quantity(const struct value *v, struct norm_value *n)
{
	static const char *const about[] = { "about", "roughly", "around",
		"approximately", "nearly", "almost", "some", NULL };
	static const char *const atleast[] = { "at least", "more than", "over",
		"above", NULL };
	static const char *const atmost[] = { "at most", "up to", "less than",
		"under", "below", "fewer than", NULL };
	double f = unit_factor(v->unit, &n->kind);

	if (!isfinite(v->num))
		return -1;
	n->point = v->num * f;
	n->lo = n->hi = v->num;
	n->prec = PREC_EXACT;
	if (is_q(v->qualifier, about)) {
		double t = tolerance(v->num);
		n->lo = v->num - t;
		n->hi = v->num + t;
		n->prec = PREC_ABOUT;
	} else if (is_q(v->qualifier, atleast)) {
		n->hi = INFINITY;
		n->prec = PREC_OPEN;
	} else if (is_q(v->qualifier, atmost)) {
		n->lo = -INFINITY;
		n->prec = PREC_OPEN;
	} else if (v->qualifier && !strcasecmp(v->qualifier, "range")) {
		n->prec = PREC_RANGE;
	}
	/* stated bounds win; a null bound keeps what the qualifier says */
	if (v->has_low)
		n->lo = v->low;
	if (v->has_high)
		n->hi = v->high;
	/* "about 2,000" is not 1,500..2,500: a round figure is taken within a
	 * tenth of itself at most */
	if (n->prec == PREC_ABOUT && v->num > 0) {
		n->lo = fmax(n->lo, v->num * (1 - NORM_ABOUT_MAX));
		n->hi = fmin(n->hi, v->num * (1 + NORM_ABOUT_MAX));
	}
	if (isfinite(n->lo))
		n->lo *= f;
	if (isfinite(n->hi))
		n->hi *= f;
	if (n->lo > n->hi) {
		double t = n->lo;
		n->lo = n->hi;
		n->hi = t;
	}
	if (n->prec == PREC_EXACT && n->lo < n->hi)
		n->prec = PREC_RANGE;
	return 0;
}

/* ---- dates ---- */



/* Reads n digits exactly; -1 if not digits. */
static int digits(const char **s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++, (*s)++) {
		if (!ascii_isdigit((unsigned char)**s))
			return -1;
		v = v * 10 + (**s - '0');
	}
	return v;
}

/* One ISO calendar date, as precise as written; *s moves past it. */
static int parse_one(const char **s, long *first, long *last, enum norm_prec *prec)
{
	int y = digits(s, 4), m, d;
	if (y < 0)
		return -1;
	if (**s != '-') {
		*first = cal_days(y, 1, 1);
		*last = cal_days(y, 12, 31);
		*prec = PREC_YEAR;
		return 0;
	}
	(*s)++;
	if ((m = digits(s, 2)) < 1 || m > 12)
		return -1;
	if (**s != '-') {
		*first = cal_days(y, m, 1);
		*last = cal_days(y, m, cal_month_days(y, m));
		*prec = PREC_MONTH;
		return 0;
	}
	(*s)++;
	if ((d = digits(s, 2)) < 1 || d > cal_month_days(y, m))
		return -1;
	*first = *last = cal_days(y, m, d);
	*prec = PREC_EXACT;
	return 0;
}

/* "P10D", "P2W", "P1M", "P1Y": adds to from and sets *last. */
static int parse_period(const char *s, long from, long *last)
{
	if (*s++ != 'P' || !ascii_isdigit((unsigned char)*s))
		return -1;
	char *end;
	long n = strtol(s, &end, 10);
	if (n < 0 || n > 100000 || end[0] == '\0' || end[1] != '\0')
		return -1;
	switch (*end) {
	case 'D': *last = from + n - 1; break;
	case 'W': *last = from + 7 * n - 1; break;
	case 'M': *last = from + (long)(30.436875 * n) - 1; break;
	case 'Y': *last = from + (long)(365.2425 * n) - 1; break;
	default: return -1;
	}
	if (*last < from)
		*last = from;
	return 0;
}

int norm_date_parse(const char *s, long *first, long *last, enum norm_prec *prec)
{
	long f2, l2;
	enum norm_prec p2;
	if (!s || parse_one(&s, first, last, prec) < 0)
		return -1;
	if (!*s)
		return 0;
	if (*s++ != '/')
		return -1;
	*prec = PREC_RANGE;
	if (*s == 'P')
		return parse_period(s, *first, last);
	if (parse_one(&s, &f2, &l2, &p2) < 0 || *s || l2 < *first)
		return -1;
	*last = l2;
	return 0;
}

/* "--MM-DD": a day of a month with no year, on the leap year 2000. */
static int norm_partial(const char *s, struct norm_value *n)
{
	s += 2;
	int m = digits(&s, 2), d;
	if (m < 1 || m > 12 || *s++ != '-' || (d = digits(&s, 2)) < 1 ||
	    d > cal_month_days(2000, m) || *s)
		return -1;
	n->kind = NORM_PDATE;
	n->prec = PREC_EXACT;
	n->lo = n->hi = n->point = (double)cal_days(2000, m, d);
	return 0;
}

static int norm_date(const struct value *v, struct norm_value *n)
{
	long f, l, f2, l2;
	enum norm_prec p, p2;
	if (v->date && !strncmp(v->date, "--", 2))
		return norm_partial(v->date, n);
	n->kind = NORM_DATE;
	if (norm_date_parse(v->date, &f, &l, &p) < 0) {
		/* no usable value: start/end alone will do */
		if (!v->start || norm_date_parse(v->start, &f, &l, &p) < 0)
			return -1;
	}
	if (v->precision) {
		if (!strcmp(v->precision, "part-of-month"))
			p = PREC_PART;
		else if (!strcmp(v->precision, "range"))
			p = PREC_RANGE;
	}
	if (v->start && norm_date_parse(v->start, &f2, &l2, &p2) == 0)
		f = f2;
	if (v->end && norm_date_parse(v->end, &f2, &l2, &p2) == 0)
		l = l2;
	if (l < f)
		return -1;
	n->prec = p;
	n->lo = (double)f;
	n->hi = (double)l;
	n->point = (double)f;
	n->about = v->about;
	return 0;
}

/* The unit v states: its own, or the last two words of what it counts
 * when they are a unit of the table that ends in that word ("nautical
 * miles" counted, "miles" the unit). */
static const char *stated_unit(const struct value *v)
{
	if (!v->unit || !v->counted)
		return v->unit;
	size_t n = strlen(v->counted), u = strlen(v->unit);
	if (n <= u + 1 || strcasecmp(v->counted + n - u, v->unit) || v->counted[n - u - 1] != ' ')
		return v->unit;
	const char *w = v->counted + n - u - 1;   /* the space before the unit */
	while (w > v->counted && w[-1] != ' ')
		w--;
	return unit_find(w) >= 0 ? w : v->unit;
}

int norm_value(const struct value *v, struct norm_value *out)
{
	memset(out, 0, sizeof *out);
	if (v->type != VALUE_DATE && stated_unit(v) != v->unit) {
		struct value c = *v;
		c.unit = stated_unit(v);
		return norm_value(&c, out);
	}
	out->unit = v->unit;
	out->canon = norm_unit_canon(v->unit);
	out->counted = v->counted;
	out->qualifier = v->qualifier;
	out->about = v->about;
	return v->type == VALUE_DATE ? norm_date(v, out) : norm_quantity(v, out);
}

static void add_num(struct strbuf *out, double x)
{
	if (fabs(x - round(x)) < 1e-9 && fabs(x) < 1e15)
		sb_addf(out, "%.0f", x);
	else
		sb_addf(out, "%.4g", x);
}

static void add_day(struct strbuf *out, long z)
{
	int y, m, d;
	cal_civil(z, &y, &m, &d);
	sb_addf(out, "%04d-%02d-%02d", y, m, d);
}

void norm_format(struct strbuf *out, const struct norm_value *n)
{
	static const char *const unit[NORM_KIND_COUNT] = {
		[NORM_PERCENT] = "%", [NORM_DISTANCE] = "km", [NORM_DURATION] = "days",
		[NORM_RATIO] = "times", [NORM_MASS] = "kg", [NORM_AREA] = "km2",
		[NORM_MAGNITUDE] = "magnitude", [NORM_AGE] = "years of age",
	};
	if (n->kind == NORM_PDATE) {
		int y, m, d;
		cal_civil((long)n->lo, &y, &m, &d);
		sb_addf(out, "--%02d-%02d", m, d);
		return;
	}
	if (n->kind == NORM_DATE) {
		add_day(out, (long)n->lo);
		if (n->hi > n->lo) {
			sb_addstr(out, "..");
			add_day(out, (long)n->hi);
		}
		return;
	}
	const char *u = unit[n->kind];
	double scale = 1;            /* a duration under a day is shown in hours */
	if (n->kind == NORM_DURATION && fmax(fabs(n->lo), fabs(n->hi)) < 1) {
		scale = 24;
		u = "hours";
	}
	if (!isfinite(n->lo) && !isfinite(n->hi))
		sb_addstr(out, "any");
	else if (!isfinite(n->lo)) {
		sb_addstr(out, n->qualifier && !strcasecmp(n->qualifier, "less than") ? "<" : "<=");
		add_num(out, n->hi * scale);
	} else if (!isfinite(n->hi)) {
		sb_addstr(out, n->qualifier && !strcasecmp(n->qualifier, "more than") ? ">" : ">=");
		add_num(out, n->lo * scale);
	} else {
		add_num(out, n->lo * scale);
		if (n->hi > n->lo) {
			sb_addstr(out, "..");
			add_num(out, n->hi * scale);
		}
	}
	if (n->kind == NORM_MONEY)
		u = norm_unit_canon(n->unit);
	if (!u && n->kind == NORM_COUNT && n->unit && norm_unit_kind(n->unit) == NORM_COUNT) {
		enum norm_kind k;
		if (unit_factor(n->unit, &k) == 1)
			u = n->unit;
	}
	if (u)
		sb_addf(out, " %s", u);
}
