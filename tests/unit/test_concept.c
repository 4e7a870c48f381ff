/* test_concept: the concept lexicon looked up through claim terms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <string.h>

#include "compare/concept.h"
#include "compare/terms.h"

/* Whether some word of text expresses the concept named want. */
struct probe {
	const char *want;
	bool found;
};

static void on_term(void *ctx, const char *term, size_t len, const char *word,
		    size_t wlen, unsigned flags)
{
	struct probe *p = ctx;
	size_t ids[8];
	(void)word;
	(void)wlen;
	(void)flags;
	size_t k = concept_of(term, len, ids, 8);
	for (size_t i = 0; i < k; i++)
		if (!strcmp(concept_name(ids[i]), p->want))
			p->found = true;
}

static bool expresses(const char *text, const char *concept)
{
	struct probe p = { concept, false };
	terms_scan(text, strlen(text), on_term, &p);
	return p.found;
}

static void test_inflections_meet(void **state)
{
	(void)state;
	/* different words and forms, one concept */
	assert_true(expresses("the police cracked down: a crackdown", "repression"));
	assert_true(expresses("thousands were detained", "detention"));
	assert_true(expresses("mass arrests followed", "detention"));
	assert_true(expresses("Demonstrators filled the square", "protest"));
	assert_true(expresses("the annexation of the region", "absorption"));
	assert_true(expresses("its absorption by its neighbour", "absorption"));
	assert_true(expresses("a subordinate client state", "dependence"));
	assert_true(expresses("the army would take part", "troops"));
	assert_true(expresses("soldiers", "troops"));
	assert_true(expresses("the country joined the war", "participation"));
	assert_true(expresses("direct involvement", "participation"));
}

static void test_unrelated_words_stay_out(void **state)
{
	(void)state;
	assert_false(expresses("the harvest was good", "protest"));
	assert_false(expresses("soldiers", "detention"));
	assert_false(expresses("", "troops"));
	/* stop words never reach the lexicon */
	assert_false(expresses("the of and", "war"));
}

static void test_table(void **state)
{
	(void)state;
	size_t n = concept_count();
	assert_true(n >= 40);
	for (size_t i = 0; i < n; i++) {
		assert_non_null(concept_name(i));
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(concept_name(i), concept_name(j));
	}
	assert_null(concept_name(n));
	size_t ids[2];
	assert_int_equal(concept_of("zzzz", 4, ids, 2), 0);
	/* several concepts for one word, capped by max */
	assert_true(concept_of("strike", 6, ids, 2) >= 1);
	assert_int_equal(concept_of("strike", 6, ids, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inflections_meet),
		cmocka_unit_test(test_unrelated_words_stay_out),
		cmocka_unit_test(test_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
