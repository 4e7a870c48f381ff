/* test_matrix: rows, row status and column headings of the Compare matrix. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "bundled.h"
#include <stdlib.h>
#include <string.h>

#include "compare/matrix.h"


static void test_rows(void **state)
{
	(void)state;
	struct corpus *c = load_bundled();
	struct cmp_model m;
	compare_build(&m, c, 0, NULL);
	size_t *rows = malloc(m.ntopics * sizeof *rows);
	size_t all = matrix_rows(&m, false, rows);
	assert_int_equal(all, m.ntopics);
	assert_int_equal(rows[0], 0);
	size_t nc = matrix_rows(&m, true, rows);
	assert_true(nc > 0 && nc < all);
	long ann = compare_find_topic(&m, "allied-resolve-announcement");
	long agree = compare_find_topic(&m, "feb22-stoltenberg-30000");
	assert_true(ann >= 0 && agree >= 0);
	bool seen = false;
	for (size_t i = 0; i < nc; i++) {
		assert_true(matrix_is_conflict(&m.topics[rows[i]]));
		assert_true(rows[i] != (size_t)agree);
		if (rows[i] == (size_t)ann)
			seen = true;
		if (i)
			assert_true(rows[i] > rows[i - 1]);
	}
	assert_true(seen);
	assert_int_equal(matrix_status(&m.topics[ann]), VERDICT_CONFLICT);
	assert_int_equal(matrix_status(&m.topics[agree]), VERDICT_AGREE);
	free(rows);
	compare_release(&m);
	corpus_free(c);
}

static void test_status(void **state)
{
	(void)state;
	struct cmp_topic t = { .automatic = false, .curated_status = "mixed",
			       .status = VERDICT_CONFLICT };
	assert_int_equal(matrix_status(&t), VERDICT_MIXED);
	assert_true(matrix_is_conflict(&t));   /* the pairs conflict */
	t.status = VERDICT_AGREE;
	assert_false(matrix_is_conflict(&t));
	t.curated_status = "no-such-status";
	assert_int_equal(matrix_status(&t), VERDICT_AGREE);
	t.curated_status = NULL;
	t.automatic = true;
	t.status = VERDICT_TIMELINE;
	assert_int_equal(matrix_status(&t), VERDICT_TIMELINE);
}

static void abbrev(const char *outlet, const char *id, const char *want)
{
	struct source s = { .id = id, .outlet = outlet };
	struct strbuf sb = STRBUF_INIT;
	matrix_abbrev(&s, &sb);
	assert_string_equal(sb.buf, want);
	sb_release(&sb);
}

static void test_abbrev(void **state)
{
	(void)state;
	abbrev("The Moscow Times", "mt", "MT");
	abbrev("The Christian Science Monitor", "csm", "CSM");
	abbrev("The Conversation", "conv", "Conv");
	abbrev("openDemocracy", "odr", "oD");
	abbrev("BBC", "bbc", "BBC");
	abbrev(NULL, "blog", "blog");
	abbrev("", "x", "x");
	abbrev("  The  ", "y", "y");
	abbrev("A Bb Cc Dd Ee Ff Gg", "z", "BCDEF");   /* "A" is a filler */
	abbrev("\xc3\x89" "cho \xc3\xa9" "tat", "e1", "e1");   /* no ASCII initials */
	abbrev("\x1b[31m Evil", "e2", "E");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_abbrev),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
