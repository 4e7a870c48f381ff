/* test_reltime: years and publication-relative expressions in claim text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/calendar.h"
#include "compare/normalize.h"
#include "compare/reltime.h"

/* Finds the time in text published on y-m-d (y 0: unknown) and checks it
 * is want_lo..want_hi ("YYYY-MM-DD"), or none when want_lo is NULL. */
static void check(const char *text, int y, int m, int d, const char *want_lo, const char *want_hi)
{
	long pub = y ? cal_days(y, m, d) : 1, pub_hi = y ? pub : 0;
	long lo = -7, hi = -7;
	bool got = reltime_find(text, strlen(text), pub, pub_hi, &lo, &hi);
	if (!want_lo) {
		if (got)
			fail_msg("\"%s\": found a time, wanted none", text);
		assert_int_equal(lo, -7);
		return;
	}
	if (!got)
		fail_msg("\"%s\": no time found", text);
	int a, b, c, e, f, g;
	char glo[16], ghi[16];
	cal_civil(lo, &a, &b, &c);
	cal_civil(hi, &e, &f, &g);
	snprintf(glo, sizeof glo, "%04d-%02d-%02d", a, b, c);
	snprintf(ghi, sizeof ghi, "%04d-%02d-%02d", e, f, g);
	if (strcmp(glo, want_lo) || strcmp(ghi, want_hi))
		fail_msg("\"%s\": %s..%s, wanted %s..%s", text, glo, ghi, want_lo, want_hi);
}

static void test_explicit_years(void **state)
{
	(void)state;
	check("the contested 2020 election", 2022, 11, 4, "2020-01-01", "2020-12-31");
	check("In 1994, he proposed a union", 0, 0, 0, "1994-01-01", "1994-12-31");
	/* bounds and reference points are not the claim's time */
	check("the first increase since 2019", 2024, 3, 13, NULL, NULL);
	check("he may rule until 2035", 2024, 3, 13, NULL, NULL);
	check("more than 2000 people", 2024, 3, 13, NULL, NULL);
	check("the mid-2010s", 2024, 3, 13, NULL, NULL);
}

static void test_relative(void **state)
{
	(void)state;
	check("mass protests two years ago", 2022, 11, 4, "2020-01-01", "2020-12-31");
	check("Eight months ago, the invasion began", 2022, 10, 20, "2022-02-01", "2022-02-28");
	check("a year ago", 2023, 1, 15, "2022-01-01", "2022-12-31");
	check("troops invaded last February", 2022, 11, 4, "2022-02-01", "2022-02-28");
	check("last November", 2022, 11, 4, "2021-11-01", "2021-11-30");
	check("last December", 2023, 1, 15, "2022-12-01", "2022-12-31");
	check("prices rose last year", 2024, 3, 13, "2023-01-01", "2023-12-31");
	check("at a meeting this month", 2022, 10, 20, "2022-10-01", "2022-10-31");
	check("last month", 2023, 1, 15, "2022-12-01", "2022-12-31");
	check("three weeks ago", 2023, 1, 22, "2023-01-01", "2023-01-01");
	check("14 months ago", 2023, 1, 15, "2021-11-01", "2021-11-30");
	/* plans for next year say what, not when */
	check("a budget for next year", 2024, 3, 13, NULL, NULL);
	/* no publication date: relative expressions cannot be resolved */
	check("two years ago", 0, 0, 0, NULL, NULL);
	/* the first expression wins */
	check("last year, as in 2015", 2024, 3, 13, "2023-01-01", "2023-12-31");
	check("the last soldiers left", 2024, 3, 13, NULL, NULL);
	check("", 2024, 3, 13, NULL, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_explicit_years),
		cmocka_unit_test(test_relative),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
