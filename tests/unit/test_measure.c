/* test_measure: the fast reading agrees with verdict_same_measure(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "compare/measure.h"
#include "compare/verdict.h"

static struct norm_value q(enum norm_kind k, const char *unit, const char *counted)
{
	struct norm_value n;
	memset(&n, 0, sizeof n);
	n.kind = k;
	n.unit = unit;
	n.counted = counted;
	return n;
}

static void test_agrees_with_verdict(void **state)
{
	(void)state;
	struct norm_value v[] = {
		q(NORM_COUNT, "soldiers", "Belarusian army, total strength, October 2022"),
		q(NORM_COUNT, "troops", "combat-ready Belarusian troops, autumn 2022"),
		q(NORM_PERCENT, "percent", "Belarusians opposing Belarusian participation in the war"),
		q(NORM_PERCENT, "percent", "Belarusians against direct Belarusian participation in the war"),
		q(NORM_PERCENT, "percent", "Belarusians supporting Belarusian participation in the war"),
		q(NORM_COUNT, "people", NULL),
		q(NORM_COUNT, "tanks", NULL),
		q(NORM_COUNT, "people", NULL),
		q(NORM_DISTANCE, "km", NULL),
	};
	size_t n = sizeof v / sizeof v[0];
	struct termdict d;
	struct measures ms[9];
	termdict_init(&d);
	for (size_t i = 0; i < n; i++) {
		measures_read(&v[i], 1, &d, &d.pool, &ms[i]);
		assert_int_equal(ms[i].n, 1);
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			if (measure_same(&ms[i].m[0], &ms[j].m[0]) != verdict_same_measure(&v[i], &v[j]))
				fail_msg("values %zu and %zu: readings differ", i, j);
	/* polarity words are left out: for and against are one measure */
	assert_true(measure_same(&ms[2].m[0], &ms[4].m[0]));
	termdict_release(&d);
}

static void test_moments(void **state)
{
	(void)state;
	struct norm_value a[] = { q(NORM_COUNT, "troops", "Russian troops in Belarus"),
				  { .kind = NORM_DATE } };
	struct norm_value b[] = { q(NORM_COUNT, "troops", "Russian troops in Belarus") };
	struct norm_value c[] = { q(NORM_COUNT, "troops", NULL) };
	struct termdict d;
	struct measures ma, mb, mc;
	termdict_init(&d);
	measures_read(a, 2, &d, &d.pool, &ma);
	measures_read(b, 1, &d, &d.pool, &mb);
	measures_read(c, 1, &d, &d.pool, &mc);
	assert_int_equal(ma.n, 1);          /* the date is not a measure */
	assert_true(measures_other_moment(&ma, &mb, 200, 31));
	assert_false(measures_other_moment(&ma, &mb, 20, 31));
	assert_true(measures_other_moment(&ma, &mc, 200, 31));
	/* neither says what it counts: not judged */
	assert_false(measures_other_moment(&mc, &mc, 200, 31));
	termdict_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agrees_with_verdict),
		cmocka_unit_test(test_moments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
