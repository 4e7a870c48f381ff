/* test_compare: the comparison model on the bundled corpus. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "bundled.h"
#include <string.h>

#include "compare/compare.h"


static size_t claim(const struct corpus *c, const char *id)
{
	long k = corpus_find_claim(c, id);
	assert_true(k >= 0);
	return (size_t)k;
}

static void test_curated(void **state)
{
	(void)state;
	struct corpus *c = load_bundled();
	struct cmp_model m;
	compare_build(&m, c, CMP_NO_AUTO, NULL);
	assert_int_equal(m.ntopics, c->ntopics);
	long t = compare_find_topic(&m, "allied-resolve-announcement");
	assert_true(t >= 0);
	assert_false(m.topics[t].automatic);
	assert_int_equal(m.topics[t].status, VERDICT_CONFLICT);
	assert_string_equal(m.topics[t].curated_status, "conflict");
	assert_int_equal(m.topics[t].npairs, 1);
	assert_int_equal(compare_topic_of(&m, claim(c, "mt-07")), t);
	assert_int_equal(compare_find_topic(&m, "nope"), -1);
	/* the matrix cell: the value and its mark */
	struct strbuf sb = STRBUF_INIT;
	long first;
	enum verdict v = compare_cell(&m, (size_t)t, (size_t)corpus_find_source(c, "mt"), 40, &sb, &first);
	assert_int_equal(v, VERDICT_CONFLICT);
	assert_string_equal(sb.buf, "2021-12-01..2021-12-10");
	assert_int_equal(first, (long)claim(c, "mt-07"));
	sb_reset(&sb);
	/* a source with nothing in the topic */
	v = compare_cell(&m, (size_t)t, (size_t)corpus_find_source(c, "csm"), 40, &sb, &first);
	assert_int_equal(v, VERDICT_NONE);
	assert_int_equal(first, -1);
	assert_string_equal(sb.buf, "");
	/* a cell without values shows the claim, cut to the width */
	t = compare_find_topic(&m, "staging-ground");
	sb_reset(&sb);
	compare_cell(&m, (size_t)t, (size_t)corpus_find_source(c, "mt"), 20, &sb, &first);
	assert_string_equal(sb.buf, "Belarusian territ...");   /* 20 columns */
	sb_release(&sb);
	/* the claims of one source in a topic, and one claim's mark */
	t = compare_find_topic(&m, "public-opposition-to-war");
	size_t got[4];
	assert_int_equal(compare_claims_in(&m, (size_t)t, (size_t)corpus_find_source(c, "blog"), got, 1), 2);
	assert_int_equal(got[0], claim(c, "blog-22"));
	assert_int_equal(compare_claims_in(&m, (size_t)t, (size_t)corpus_find_source(c, "mt"), got, 4), 0);
	assert_int_equal(compare_claim_mark(&m, (size_t)t, claim(c, "csm-23")), VERDICT_DIFFER);
	assert_int_equal(compare_claim_mark(&m, (size_t)t, claim(c, "mt-01")), VERDICT_NONE);
	compare_release(&m);
	corpus_free(c);
}

static void test_voices(void **state)
{
	(void)state;
	struct corpus *c = load_bundled();
	struct cmp_model m;
	compare_build(&m, c, CMP_AUTO_ONLY, NULL);
	for (size_t t = 0; t < m.ntopics; t++)
		assert_true(m.topics[t].automatic && m.topics[t].nsources >= 2);
	/* two speakers of one outlet are two voices; one speaker is one */
	assert_true(compare_voices_differ(&m, claim(c, "mt-04"), claim(c, "mt-05")));
	assert_false(compare_voices_differ(&m, claim(c, "blog-22"), claim(c, "blog-28")));
	long a = compare_topic_of(&m, claim(c, "mt-04"));
	assert_true(a >= 0);
	assert_int_equal(a, compare_topic_of(&m, claim(c, "odr-11")));
	assert_true(a != compare_topic_of(&m, claim(c, "blog-26")));
	compare_release(&m);
	corpus_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_curated),
		cmocka_unit_test(test_voices),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
