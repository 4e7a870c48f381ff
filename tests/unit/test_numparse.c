/* test_numparse: digits, separators, decimal commas, written numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "extract/numparse.h"

static double parse(const char *s, size_t *used)
{
	struct num n;
	*used = num_parse(s, strlen(s), &n);
	return n.value;
}

static void test_digits(void **state)
{
	size_t u;
	(void)state;
	assert_true(parse("42 boats", &u) == 42);
	assert_int_equal(u, 2);
	assert_true(parse("12,000 cyclists", &u) == 12000);
	assert_int_equal(u, 6);
	assert_true(parse("1,250,000 votes", &u) == 1250000);
	assert_true(parse("48 000 people", &u) == 48000);
	assert_int_equal(u, 6);
	assert_true(parse("48\xc2\xa0" "000 people", &u) == 48000);
	assert_true(parse("63.7% turnout", &u) == 63.7);
	assert_int_equal(u, 4);
	assert_true(parse("3,5 million residents", &u) == 3.5);
	assert_int_equal(u, 3);
	/* a year and a count side by side are not one number */
	assert_true(parse("2019 300 ships", &u) == 2019);
	assert_int_equal(u, 4);
	assert_true(parse("7, 8 and 9", &u) == 7);
}

static void test_written(void **state)
{
	size_t u;
	(void)state;
	assert_true(parse("eleven ships", &u) == 11);
	assert_int_equal(u, 6);
	assert_true(parse("thirty-two years", &u) == 32);
	assert_int_equal(u, 10);
	assert_true(parse("ninety", &u) == 90);
	assert_true(parse("a hundred days", &u) == 100);
	assert_true(parse("three hundred and five", &u) == 305);
	assert_true(parse("two thousand", &u) == 2000);
	assert_true(parse("Twelve", &u) == 12);
	parse("tenth", &u);
	assert_int_equal(u, 0);
	parse("tent", &u);
	assert_int_equal(u, 0);
}

static void test_about(void **state)
{
	struct num n;
	double lo, hi;
	(void)state;
	num_parse("4,000", 5, &n);
	num_about(&n, &lo, &hi);
	assert_true(lo == 3500 && hi == 4500);
	num_parse("10,000", 6, &n);
	num_about(&n, &lo, &hi);
	assert_true(lo == 9500 && hi == 10500);
	num_parse("3,700", 5, &n);
	num_about(&n, &lo, &hi);
	assert_true(lo == 3650 && hi == 3750);
	num_parse("300", 3, &n);
	num_about(&n, &lo, &hi);
	assert_true(lo == 250 && hi == 350);
}

static void test_any_input(void **state)
{
	struct num n;
	(void)state;
	assert_int_equal(num_parse(NULL, 0, &n), 0);
	assert_int_equal(num_parse("", 0, &n), 0);
	assert_int_equal(num_parse("1,", 2, &n), 1);
	assert_int_equal(num_parse("9,99", 4, &n), 4);   /* a decimal comma */
	assert_int_equal(num_parse("99999999999999999999999", 23, &n), 23);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_written),
		cmocka_unit_test(test_about),
		cmocka_unit_test(test_any_input),
	};
	return cmocka_run_group_tests_name("numparse", tests, NULL, NULL);
}
