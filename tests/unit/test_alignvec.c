/* test_alignvec: the features of one claim. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/calendar.h"
#include "compare/alignvec.h"
#include "compare/normalize.h"
#include "compare/termdict.h"

struct fixture {
	struct termdict d;
	struct alignvec c;
	struct vec v;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	termdict_init(&f->d);
	alignvec_init(&f->c, &f->d);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	free(f->v.f);
	alignvec_release(&f->c);
	termdict_release(&f->d);
	free(f);
	return 0;
}

/* The raw weight of feature name in the last vector; 0 when absent. */
static float weight_of(struct fixture *f, const char *name)
{
	for (size_t i = 0; i < f->v.n; i++)
		if (!strcmp(f->d.terms[f->v.f[i].t], name))
			return f->v.f[i].w;
	return 0;
}

static void claim(struct fixture *f, const char *text, const struct norm_value *vals,
		  size_t nvals, const struct norm_value *time)
{
	free(f->v.f);
	alignvec_claim(&f->c, text, vals, nvals, time, &f->v);
	/* sorted by term id, each once */
	for (size_t i = 1; i < f->v.n; i++)
		assert_true(f->v.f[i - 1].t < f->v.f[i].t);
}

static void test_words_and_concepts(void **state)
{
	struct fixture *f = *state;
	claim(f, "The violent crackdown on protests; protesters were detained.", NULL, 0, NULL);
	assert_true(weight_of(f, "crackdown") > 0);
	assert_true(weight_of(f, "c:repression") > 0);
	assert_true(weight_of(f, "c:detention") > 0);
	/* "protests" and "protesters": two words, one concept counted twice */
	assert_true(weight_of(f, "c:protest") >= 2);
	assert_true(weight_of(f, "the") == 0);
	/* a run of capitalised words inside a sentence is one entity too */
	claim(f, "Yesterday Jens Stoltenberg spoke in Brussels.", NULL, 0, NULL);
	bool entity = false;
	for (size_t i = 0; i < f->v.n; i++) {
		const char *t = f->d.terms[f->v.f[i].t];
		entity |= !strncmp(t, "e:", 2) && strstr(t, "_stoltenberg");
	}
	assert_true(entity);
	claim(f, NULL, NULL, 0, NULL);
	assert_int_equal(f->v.n, 0);
}

static void test_values_and_time(void **state)
{
	struct fixture *f = *state;
	struct norm_value q = { .kind = NORM_COUNT, .prec = PREC_EXACT, .point = 300, .lo = 300,
				.hi = 300, .counted = "families forced from their homes" };
	struct norm_value t = { .kind = NORM_DATE, .prec = PREC_MONTH };
	t.lo = (double)cal_days(2022, 2, 1);
	t.hi = (double)cal_days(2022, 2, 28);
	claim(f, "300 families left.", &q, 1, &t);
	assert_true(weight_of(f, "k:count") > 0);
	assert_true(weight_of(f, "q:count:famili") > 0);
	assert_true(weight_of(f, "t:2022") > 0);
	assert_true(weight_of(f, "t:2022-02") > 0);
	/* a year-long time gives the year only */
	t.prec = PREC_YEAR;
	t.hi = (double)cal_days(2022, 12, 31);
	t.lo = (double)cal_days(2022, 1, 1);
	claim(f, "It happened.", NULL, 0, &t);
	assert_true(weight_of(f, "t:2022") > 0);
	assert_true(weight_of(f, "t:2022-01") == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_words_and_concepts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_values_and_time, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
