/* test_dating: publication months for undated sources, from likeness votes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/calendar.h"
#include "compare/dating.h"

/* A corpus of three sources: 0 undated, 1 dated 2022-02-09, 2 dated
 * 2022-10-20.  Claims 0..5 are source 0's; claims 6.. are the others'. */
#define NCLAIMS 10
static struct source src[3];
static struct claim cl[NCLAIMS];
static size_t own[3][NCLAIMS];
static struct corpus corp;
static struct cmp_claim_values vals[NCLAIMS];
static long closest[NCLAIMS];
static double closest_w[NCLAIMS];
static struct cmp_model model;
static struct norm_value date_of[NCLAIMS];

static void setup_corpus(void)
{
	memset(src, 0, sizeof src);
	memset(cl, 0, sizeof cl);
	memset(vals, 0, sizeof vals);
	src[1].published = "2022-02-09";
	src[2].published = "2022-10-20";
	for (size_t s = 0; s < 3; s++)
		src[s].claims = own[s];
	for (size_t i = 0; i < NCLAIMS; i++) {
		size_t s = i < 6 ? 0 : i < 8 ? 1 : 2;
		cl[i].source = s;
		own[s][src[s].nclaims++] = i;
		closest[i] = -1;
		closest_w[i] = 0;
	}
	memset(&corp, 0, sizeof corp);
	corp.sources = src;
	corp.nsources = 3;
	corp.claims = cl;
	corp.nclaims = NCLAIMS;
	memset(&model, 0, sizeof model);
	model.c = &corp;
	model.vals = vals;
	model.closest = closest;
	model.closest_w = closest_w;
}

static void link(size_t i, size_t j, double w)
{
	closest[i] = (long)j;
	closest_w[i] = w;
}

/* Runs the estimate; source 0 must get year-month (0: none). */
static void expect_month(struct dating_guess *g, int year, int month)
{
	dating_guess(&model, g);
	assert_int_equal(g[0].ok, year != 0);
	if (year) {
		assert_int_equal(g[0].year, year);
		assert_int_equal(g[0].month, month);
	}
}

static void test_votes(void **state)
{
	(void)state;
	struct dating_guess g[3];
	setup_corpus();
	/* no votes: no estimate; dated sources never get one */
	dating_guess(&model, g);
	assert_false(g[0].ok);
	assert_false(g[1].ok);
	assert_false(g[2].ok);
	/* one vote is too few */
	link(0, 6, 0.5);
	dating_guess(&model, g);
	assert_false(g[0].ok);
	assert_int_equal(g[0].votes, 1);
	/* mostly February matches, one weak October one: February */
	link(1, 7, 0.4);
	link(2, 6, 0.3);
	link(3, 8, 0.12);
	expect_month(g, 2022, 2);
	assert_int_equal(g[0].votes, 4);
	/* too faint a likeness does not vote */
	link(4, 9, 0.05);
	dating_guess(&model, g);
	assert_int_equal(g[0].votes, 4);
	/* strong October matches: the article comes after most of what it
	 * reports, so the late votes win */
	link(4, 9, 0.6);
	link(5, 8, 0.6);
	expect_month(g, 2022, 10);
}

static void test_claim_dates(void **state)
{
	(void)state;
	struct dating_guess g[3];
	setup_corpus();
	/* a partner's own date value counts before its source's date */
	date_of[6].kind = NORM_DATE;
	date_of[6].lo = (double)cal_days(2021, 12, 1);
	date_of[6].hi = (double)cal_days(2021, 12, 10);
	vals[6].v = &date_of[6];
	vals[6].n = 1;
	link(0, 6, 0.5);
	link(1, 6, 0.5);
	expect_month(g, 2021, 12);
	/* an undated partner gives nothing */
	src[1].published = NULL;
	vals[6].n = 0;
	expect_month(g, 0, 0);
	assert_false(g[1].ok);   /* no votes for it either */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_votes),
		cmocka_unit_test(test_claim_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
