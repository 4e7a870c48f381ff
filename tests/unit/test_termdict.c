/* test_termdict: ids, surface forms, growth. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "compare/termdict.h"

static void test_ids(void **state)
{
	(void)state;
	struct termdict d;
	termdict_init(&d);
	assert_int_equal(termdict_id(&d, "troop", 5, "troops", 6), 0);
	assert_int_equal(termdict_id(&d, "russ", 4, NULL, 0), 1);
	/* the same term: the same id, the first surface form kept */
	assert_int_equal(termdict_id(&d, "troopX", 5, "Troops", 6), 0);
	assert_string_equal(d.surface[0], "troops");
	assert_string_equal(d.surface[1], "russ");
	assert_int_equal(d.df[1], 0);
	/* growth past the first table keeps every id */
	char w[16];
	for (int i = 0; i < 5000; i++) {
		snprintf(w, sizeof w, "w%d", i);
		assert_int_equal(termdict_id(&d, w, strlen(w), NULL, 0), (uint32_t)i + 2);
	}
	assert_int_equal(termdict_id(&d, "w4321", 5, NULL, 0), 4323);
	assert_int_equal(d.n, 5002);
	termdict_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
