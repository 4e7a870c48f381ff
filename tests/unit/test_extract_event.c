/* test_extract_event: what a clause's dates are of. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "extract/impl.h"

static const char *event(const char *s)
{
	static char buf[128];
	struct tok *t;
	size_t nt = tok_split(s, strlen(s), &t);
	extract_event(s, t, nt, buf, sizeof buf);
	free(t);
	return buf;
}

static void test_events(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "It was he who announced the exercises back at the beginning of December.",
		  "announced the exercises" },
		{ "Lukashenka announced his intention to hold unscheduled Belarusian-Russian "
		  "exercises (Title: Allied Resolve) on 17 January.",
		  "announced his intention to hold unscheduled Belarusian-Russian exercises" },
		/* irregular past forms; the phrase stops at a preposition */
		{ "The council held a vote on 3 May.", "held a vote" },
		/* an -ed word after a determiner is an adjective, not the event */
		{ "After the contested election in 2020 protesters marched for weeks.", "marched" },
		{ "The build-up of massed forces began in January.", "began" },
		/* no past verb: nothing */
		{ "Talks are due in March 2024.", "" },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(event(cases[i][0]), cases[i][1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_events),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
