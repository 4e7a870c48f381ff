/* test_normalize: units, tolerances, open intervals and ISO dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "base/calendar.h"
#include "compare/normalize.h"

static struct value qty(double num, const char *unit, const char *qual)
{
	struct value v;
	memset(&v, 0, sizeof v);
	v.type = VALUE_QUANTITY;
	v.num = num;
	v.unit = unit;
	v.qualifier = qual;
	return v;
}

static struct value date(const char *iso)
{
	struct value v;
	memset(&v, 0, sizeof v);
	v.type = VALUE_DATE;
	v.date = iso;
	return v;
}

static void test_units(void **state)
{
	(void)state;
	struct norm_value n;
	struct value v = qty(145, "mi", "exact");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_DISTANCE);
	assert_true(fabs(n.lo - 233.35) < 0.01 && n.lo == n.hi);
	v = qty(9.5, "million", "exact");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_COUNT);
	assert_true(fabs(n.point - 9500000) < 1e-6);
	v = qty(90, "percent", NULL);
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_PERCENT);
	v = qty(2, "weeks", NULL);
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_DURATION);
	assert_true(n.lo == 14);
	v = qty(30000, "troops", "exact");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_COUNT);
	assert_string_equal(norm_kind_name(n.kind), "count");
	v = qty(NAN, "troops", NULL);
	assert_int_equal(norm_value(&v, &n), -1);
}

/* Units met in real news: a nautical mile is 1.852 km, not a statute
 * mile; square miles and km2 are areas, never lengths; pounds and tons are
 * masses; a currency is money and keeps its code. */
static void test_units_of_news(void **state)
{
	(void)state;
	struct norm_value n, m;
	struct value v = qty(100, "nautical miles", "exact");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_DISTANCE);
	assert_true(fabs(n.point - 185.2) < 1e-9);
	v = qty(10, "square miles", "exact");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_AREA);
	assert_true(fabs(n.point - 25.89988) < 1e-4);
	v = qty(26, "km\u00b2", "exact");
	assert_int_equal(norm_value(&v, &m), 0);
	assert_int_equal(m.kind, NORM_AREA);
	v = qty(26, "km", "exact");
	assert_int_equal(norm_value(&v, &m), 0);
	assert_int_equal(m.kind, NORM_DISTANCE);            /* a length, not an area */
	v = qty(175000, "lbs", "more than");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_MASS);
	assert_true(fabs(n.lo - 79378.66) < 0.01 && isinf(n.hi));
	v = qty(200000, "pounds", "nearly");
	assert_int_equal(norm_value(&v, &m), 0);
	assert_int_equal(m.kind, NORM_MASS);
	assert_string_equal(norm_unit_canon("lbs"), norm_unit_canon("pounds"));
	v = qty(2, "tonnes", "exact");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_true(n.kind == NORM_MASS && n.point == 2000);
	v = qty(1, "ton", "exact");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_true(n.kind == NORM_MASS && fabs(n.point - 907.18474) < 1e-9);
	v = qty(350000000, "USD", "exact");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_MONEY);
	assert_true(n.point == 350000000);                  /* scale kept */
	assert_string_equal(norm_unit_canon("dollars"), "USD");
	assert_string_equal(norm_unit_canon("GBP"), "GBP");
	assert_string_equal(norm_unit_canon("troops"), "troops");
	assert_null(norm_unit_canon(NULL));
	assert_string_equal(norm_kind_name(NORM_MONEY), "money");
	struct strbuf sb = STRBUF_INIT;
	norm_format(&sb, &n);
	assert_string_equal(sb.buf, "350000000 USD");
	sb_release(&sb);
}

/* Hours and minutes are durations, like days: "a 7-hour mission" and "a
 * 420-minute mission" are one length of time, and neither is a count. */
static void test_hours_and_minutes(void **state)
{
	(void)state;
	struct norm_value n, m;
	struct value v = qty(7, "hours", "exact");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_DURATION);
	v = qty(420, "minutes", "exact");
	assert_int_equal(norm_value(&v, &m), 0);
	assert_int_equal(m.kind, NORM_DURATION);
	assert_true(fabs(n.point - m.point) < 1e-9);
	v = qty(2, "days", "exact");
	assert_int_equal(norm_value(&v, &m), 0);
	assert_true(fabs(m.point - 48 * n.point / 7) < 1e-9);
	v = qty(1, "hour", "exact");
	assert_int_equal(norm_value(&v, &m), 0);
	assert_int_equal(m.kind, NORM_DURATION);
	assert_int_equal(norm_unit_kind("mins"), NORM_DURATION);
	assert_int_equal(norm_unit_kind("hrs"), NORM_DURATION);
	/* shown in hours below a day, in days from one day up */
	struct strbuf sb = STRBUF_INIT;
	norm_format(&sb, &n);
	assert_string_equal(sb.buf, "7 hours");
	sb_reset(&sb);
	v = qty(90, "minutes", "exact");
	assert_int_equal(norm_value(&v, &m), 0);
	norm_format(&sb, &m);
	assert_string_equal(sb.buf, "1.5 hours");
	sb_reset(&sb);
	v = qty(36, "hours", "exact");
	assert_int_equal(norm_value(&v, &m), 0);
	norm_format(&sb, &m);
	assert_string_equal(sb.buf, "1.5 days");
	sb_release(&sb);
}

/* Extraction keeps the last word as the unit and the phrase as what is
 * counted ("40 nautical miles": unit "miles", counted "nautical miles"):
 * a counted phrase that ends in a unit of two words names the unit. */
static void test_units_in_counted(void **state)
{
	(void)state;
	struct norm_value n;
	struct value v = qty(40, "miles", "exact");
	v.counted = "nautical miles";
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_DISTANCE);
	assert_true(fabs(n.point - 74.08) < 1e-9);
	assert_string_equal(n.unit, "nautical miles");
	v = qty(300, "miles", "exact");
	v.counted = "flooded square miles";
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_AREA);
	v = qty(3589, "tons", "exact");
	v.counted = "short tons";
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_MASS);
	/* a counted phrase that only ends in the unit's word changes nothing */
	v = qty(12, "miles", "exact");
	v.counted = "long miles";
	assert_int_equal(norm_value(&v, &n), 0);
	assert_true(n.kind == NORM_DISTANCE && fabs(n.point - 12 * 1.609344) < 1e-9);
	v = qty(12, "troops", "exact");
	v.counted = "square miles";     /* not the unit's word: kept as a count */
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_COUNT);
}

static void check_about(double x, double lo, double hi)
{
	struct norm_value n;
	struct value v = qty(x, "people", "about");
	assert_int_equal(norm_value(&v, &n), 0);
	if (fabs(n.lo - lo) > 1e-9 || fabs(n.hi - hi) > 1e-9)
		fail_msg("about %g: %g..%g, wanted %g..%g", x, n.lo, n.hi, lo, hi);
	assert_int_equal(n.prec, PREC_ABOUT);
}

static void test_tolerance(void **state)
{
	(void)state;
	check_about(9000, 8500, 9500);
	check_about(10000, 9500, 10500);    /* a leading 1: one digit more */
	check_about(2500, 2450, 2550);
	check_about(15000, 14500, 15500);
	check_about(70000, 65000, 75000);
	check_about(9.5, 9.45, 9.55);
	/* never wider than a tenth: "about 2,000" is not 1,500..2,500 */
	check_about(2000, 1800, 2200);
	/* stated bounds win over the rule, within that tenth */
	struct norm_value n;
	struct value v = qty(200, "km", "about");
	v.has_low = v.has_high = true;
	v.low = 195;
	v.high = 250;
	assert_int_equal(norm_value(&v, &n), 0);
	assert_true(n.lo == 195 && fabs(n.hi - 220) < 1e-9);
	v = qty(12, "mi", "roughly");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_true(fabs(n.lo - 11.5 * 1.609344) < 1e-9);
}

static void test_open(void **state)
{
	(void)state;
	struct norm_value n;
	struct value v = qty(37000, "people", "at least");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_true(n.lo == 37000 && isinf(n.hi) && n.hi > 0);
	v = qty(10, "percent", "less than");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_true(isinf(n.lo) && n.lo < 0 && n.hi == 10);
	v = qty(20, "years", "more than");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_true(fabs(n.lo - 20 * 365.2425) < 1e-6 && isinf(n.hi));
	v = qty(45, "km", "range");
	v.has_low = v.has_high = true;
	v.low = 40;
	v.high = 50;
	assert_int_equal(norm_value(&v, &n), 0);
	assert_true(n.lo == 40 && n.hi == 50 && n.prec == PREC_RANGE);
}

static void check_date(const char *s, const char *first, const char *last, enum norm_prec p)
{
	long f, l;
	enum norm_prec got;
	int y, m, d;
	char a[16], b[16];
	if (norm_date_parse(s, &f, &l, &got) < 0)
		fail_msg("%s: not parsed", s);
	cal_civil(f, &y, &m, &d);
	snprintf(a, sizeof a, "%04d-%02d-%02d", y, m, d);
	cal_civil(l, &y, &m, &d);
	snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
	if (strcmp(a, first) || strcmp(b, last))
		fail_msg("%s: %s..%s, wanted %s..%s", s, a, b, first, last);
	assert_int_equal(got, p);
}

/* A day and month with no year ("from 26 November" in an article of no
 * known date) stays a partial date: its own kind, on one leap year, so that
 * it meets only other partial dates and is never read as a day of 2000. */
static void test_partial_dates(void **state)
{
	(void)state;
	struct norm_value n, m;
	struct value v = date("--11-26");
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_PDATE);
	assert_true(n.lo == n.hi && n.prec == PREC_EXACT);
	v = date("--11-28");
	assert_int_equal(norm_value(&v, &m), 0);
	assert_true(m.lo - n.lo == 2);
	v = date("--02-29");
	assert_int_equal(norm_value(&v, &m), 0);
	v = date("--02-30");
	assert_int_equal(norm_value(&v, &m), -1);
	v = date("--13-01");
	assert_int_equal(norm_value(&v, &m), -1);
	v = date("--1-01");
	assert_int_equal(norm_value(&v, &m), -1);
	assert_string_equal(norm_kind_name(NORM_PDATE), "partial date");
	struct strbuf sb = STRBUF_INIT;
	norm_format(&sb, &n);
	assert_string_equal(sb.buf, "--11-26");
	sb_release(&sb);
}

static void test_dates(void **state)
{
	(void)state;
	long f, l;
	enum norm_prec p;
	check_date("2022", "2022-01-01", "2022-12-31", PREC_YEAR);
	check_date("2024-02", "2024-02-01", "2024-02-29", PREC_MONTH);
	check_date("2023-02", "2023-02-01", "2023-02-28", PREC_MONTH);
	check_date("2022-01-17", "2022-01-17", "2022-01-17", PREC_EXACT);
	check_date("2022-02-10/2022-02-20", "2022-02-10", "2022-02-20", PREC_RANGE);
	check_date("2022-02-10/P10D", "2022-02-10", "2022-02-19", PREC_RANGE);
	check_date("2021-12/2022-01", "2021-12-01", "2022-01-31", PREC_RANGE);
	check_date("1969-12-31", "1969-12-31", "1969-12-31", PREC_EXACT);
	assert_int_equal(cal_days(1970, 1, 1), 0);
	assert_int_equal(norm_date_parse("2022-13", &f, &l, &p), -1);
	assert_int_equal(norm_date_parse("2022-02-30", &f, &l, &p), -1);
	assert_int_equal(norm_date_parse("22-02-01", &f, &l, &p), -1);
	assert_int_equal(norm_date_parse("2022-02-10/2022-02-01", &f, &l, &p), -1);
	assert_int_equal(norm_date_parse("2022/P", &f, &l, &p), -1);
	assert_int_equal(norm_date_parse("2022x", &f, &l, &p), -1);
	assert_int_equal(norm_date_parse(NULL, &f, &l, &p), -1);

	/* a value's start/end and precision win */
	struct value v = date("2021-12");
	struct norm_value n;
	v.precision = "part-of-month";
	v.start = "2021-12-01";
	v.end = "2021-12-10";
	assert_int_equal(norm_value(&v, &n), 0);
	assert_int_equal(n.kind, NORM_DATE);
	assert_int_equal(n.prec, PREC_PART);
	assert_true(n.hi - n.lo == 9);
	v = date("beginning of December");
	assert_int_equal(norm_value(&v, &n), -1);
}

static void test_format(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct norm_value n;
	struct value v = qty(9000, "troops", "about");
	norm_value(&v, &n);
	norm_format(&sb, &n);
	assert_string_equal(sb.buf, "8500..9500 troops");
	sb_reset(&sb);
	v = qty(10, "percent", "less than");
	norm_value(&v, &n);
	norm_format(&sb, &n);
	assert_string_equal(sb.buf, "<10 %");
	sb_reset(&sb);
	v = date("2022-02-10/P3D");
	norm_value(&v, &n);
	norm_format(&sb, &n);
	assert_string_equal(sb.buf, "2022-02-10..2022-02-12");
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_units_of_news),
		cmocka_unit_test(test_hours_and_minutes),
		cmocka_unit_test(test_tolerance),
		cmocka_unit_test(test_open),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_partial_dates),
		cmocka_unit_test(test_units_in_counted),
		cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
