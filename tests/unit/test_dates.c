/* test_dates: absolute, ranges, parts of months and relative dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <stdio.h>

#include "extract/dates.h"

/* The first date in s, published on pub; returns "value precision start end". */
static const char *first(const char *s, const char *pub)
{
	static char buf[256];
	struct date_ctx c;
	struct date_hit h[4];
	dates_ctx_from_iso(&c, pub);
	size_t n = dates_find(s, strlen(s), &c, h, 4);
	if (!n)
		return "none";
	snprintf(buf, sizeof buf, "%s %s %s %s", h[0].v.value, h[0].v.precision, h[0].v.start,
		 h[0].v.end);
	return buf;
}

static void test_absolute(void **state)
{
	(void)state;
	assert_string_equal(first("The ferry sailed on 3 March.", "2019-05-02"),
			    "2019-03-03 day 2019-03-03 2019-03-03");
	assert_string_equal(first("Talks began Apr. 7 in the capital.", "2019-05-02"),
			    "2019-04-07 day 2019-04-07 2019-04-07");
	assert_string_equal(first("Voting ends feb. 10, officials said.", "2019-05-02"),
			    "2019-02-10 day 2019-02-10 2019-02-10");
	assert_string_equal(first("The dam opened on October 10th, 2021.", NULL),
			    "2021-10-10 day 2021-10-10 2021-10-10");
	assert_string_equal(first("We march 3 abreast.", "2019-05-02"), "none");
	assert_string_equal(first("It closed on September 2nd, 2019, at noon.", NULL),
			    "2019-09-02 day 2019-09-02 2019-09-02");
	assert_string_equal(first("The vote is set for 30 June 2018.", NULL),
			    "2018-06-30 day 2018-06-30 2018-06-30");
	assert_string_equal(first("A later month than the article: 12 November.", "2019-05-02"),
			    "2018-11-12 day 2018-11-12 2018-11-12");
	assert_string_equal(first("The council met in July 2017.", NULL),
			    "2017-07 month 2017-07-01 2017-07-31");
	assert_string_equal(first("The mill opened in 1887.", NULL),
			    "1887 year 1887-01-01 1887-12-31");
	/* no year anywhere: a partial date, day and month kept */
	assert_string_equal(first("Without a year, 3 March stays a day of March.", NULL), "--03-03 day  ");
	assert_string_equal(first("The curfew holds from 26 November.", NULL), "--11-26 day  ");
	assert_string_equal(first("The port reopened on Jan. 12 at dawn.", NULL), "--01-12 day  ");
	assert_string_equal(first("A leap day, Feb. 29, may be meant.", NULL), "--02-29 day  ");
	assert_string_equal(first("There is no 30 February in any year.", NULL), "none");
	assert_string_equal(first("The port reopened on Jan. 12 at dawn.", "2019-05-02"),
			    "2019-01-12 day 2019-01-12 2019-01-12");
	assert_string_equal(first("She may go.", "2019-05-02"), "none");
}

static void test_ranges(void **state)
{
	(void)state;
	assert_string_equal(first("Drills run from 4 to 9 May.", "2019-05-02"),
			    "2019-05-04/2019-05-09 range 2019-05-04 2019-05-09");
	assert_string_equal(first("They lasted for five days from Mar. 3 onwards.", "2019-05-02"),
			    "2019-03-03/P5D range 2019-03-03 2019-03-07");
	assert_string_equal(first("Repairs took place during the week of August 12.", "2019-09-01"),
			    "2019-08-12/2019-08-18 range 2019-08-12 2019-08-18");
	assert_string_equal(first("Between March 2017 and June 2018 the port grew.", NULL),
			    "2017-03/2018-06 range 2017-03-01 2018-06-30");
	assert_string_equal(first("Work lasts from November to February.", "2019-05-02"),
			    "2018-11/2019-02 range 2018-11-01 2019-02-28");
	assert_string_equal(first("The fair is open between 2 and 6 June 2021.", NULL),
			    "2021-06-02/2021-06-06 range 2021-06-02 2021-06-06");
}

static void test_parts(void **state)
{
	(void)state;
	assert_string_equal(first("He said so at the beginning of August.", "2019-09-01"),
			    "2019-08 part-of-month 2019-08-01 2019-08-10");
	assert_string_equal(first("Since the middle of March, prices rose.", "2019-09-01"),
			    "2019-03 part-of-month 2019-03-11 2019-03-20");
	assert_string_equal(first("By early October the harvest was in.", "2019-09-01"),
			    "2018-10 part-of-month 2018-10-01 2018-10-10");
	assert_string_equal(first("The report came out in late July 2021.", NULL),
			    "2021-07 part-of-month 2021-07-21 2021-07-31");
	assert_string_equal(first("At the end of February the ice broke.", "2020-03-05"),
			    "2020-02 part-of-month 2020-02-21 2020-02-29");
}

static void test_relative(void **state)
{
	(void)state;
	assert_string_equal(first("A meeting this month settled it.", "2019-05-14"),
			    "2019-05 month 2019-05-01 2019-05-31");
	assert_string_equal(first("Floods hit the town last March.", "2019-05-14"),
			    "2019-03 month 2019-03-01 2019-03-31");
	assert_string_equal(first("Floods hit the town last June.", "2019-05-14"),
			    "2018-06 month 2018-06-01 2018-06-30");
	/* 2019-05-14 was a Tuesday */
	assert_string_equal(first("Voters went to the polls last Sunday.", "2019-05-14"),
			    "2019-05-12 day 2019-05-12 2019-05-12");
	assert_string_equal(first("The bridge fell three months ago.", "2019-05-14"),
			    "2019-02 month 2019-02-01 2019-02-28");
	assert_string_equal(first("The party split two years ago.", "2019-05-14"),
			    "2017 year 2017-01-01 2017-12-31");
	assert_string_equal(first("The minister spoke last week.", "2019-05-14"),
			    "2019-05-06/2019-05-12 range 2019-05-06 2019-05-12");
	assert_string_equal(first("It rained yesterday.", "2019-05-14"),
			    "2019-05-13 day 2019-05-13 2019-05-13");
	assert_string_equal(first("A meeting this month settled it.", NULL), "none");
}

static void test_not_dates(void **state)
{
	(void)state;
	assert_string_equal(first("Some 2019 people came.", NULL), "2019 year 2019-01-01 2019-12-31");
	assert_string_equal(first("Turnout was 2019%.", NULL), "none");
	assert_string_equal(first("In the 1990s it was calm.", NULL), "none");
	/* a year that is part of a name */
	assert_string_equal(first("the drills (Title: \u201cAllied Resolve \u2013 2022\u201d)", NULL), "none");
	assert_string_equal(first("the Zapad-2021 exercises", NULL), "none");
	assert_string_equal(first("until mid-2035", NULL), "2035 year 2035-01-01 2035-12-31");
	assert_string_equal(first("from January - 2022 was", NULL), "2022 year 2022-01-01 2022-12-31");
	assert_string_equal(first("", NULL), "none");
	struct date_hit h;
	assert_int_equal(dates_find(NULL, 5, NULL, &h, 1), 0);
	assert_int_equal(dates_find("from 31 to 40 May", 17, NULL, &h, 1), 0);
	/* no 31 February: only the month is left */
	assert_string_equal(first("31 February 2019", NULL), "2019-02 month 2019-02-01 2019-02-28");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_absolute),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_parts),
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_not_dates),
	};
	return cmocka_run_group_tests_name("dates", tests, NULL, NULL);
}
