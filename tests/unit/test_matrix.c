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
		assert_true(matrix_is_conflict(&m, rows[i]));
		assert_true(rows[i] != (size_t)agree);
		if (rows[i] == (size_t)ann)
			seen = true;
		if (i)
			assert_true(rows[i] > rows[i - 1]);
	}
	assert_true(seen);
	assert_int_equal(matrix_status(&m, (size_t)ann, NULL), VERDICT_CONFLICT);
	assert_int_equal(matrix_status(&m, (size_t)agree, NULL), VERDICT_AGREE);
	/* the row's status is the worst of its cells' verdicts */
	for (size_t t = 0; t < m.ntopics; t++) {
		enum verdict worst = VERDICT_NONE;
		for (size_t s = 0; s < c->nsources; s++) {
			struct matrix_cell cell;
			matrix_cell(&m, t, s, &cell);
			if (cell.v == VERDICT_CONFLICT || (cell.v != VERDICT_NONE && worst == VERDICT_NONE))
				worst = cell.v;
			assert_true(cell.nclaims || matrix_cell_mark(&cell) == MATRIX_MARK_EMPTY);
		}
		enum verdict st = matrix_status(&m, t, NULL);
		if (worst == VERDICT_CONFLICT)
			assert_int_equal(st, VERDICT_CONFLICT);
		assert_true((worst == VERDICT_NONE) == (st == VERDICT_NONE));
	}
	free(rows);
	compare_release(&m);
	corpus_free(c);
}

static void test_status(void **state)
{
	(void)state;
	struct cmp_topic t = { .automatic = false, .curated_status = "mixed" };
	assert_int_equal(matrix_curated(&t), VERDICT_MIXED);
	t.curated_status = "no-such-status";
	assert_int_equal(matrix_curated(&t), VERDICT_NONE);
	t.curated_status = "agree";
	t.automatic = true;
	assert_int_equal(matrix_curated(&t), VERDICT_NONE);
}

/* Two claims of one source (two voices) never make a verdict; a cell of
 * one claim with an unmatched pair shows its own mark. */
static void test_own_source(void **state)
{
	(void)state;
	struct corpus *c = load_bundled();
	struct cmp_model m;
	compare_build(&m, c, 0, NULL);
	for (size_t t = 0; t < m.ntopics; t++) {
		const struct cmp_topic *tp = &m.topics[t];
		bool cross = false;
		for (size_t p = 0; p < tp->npairs; p++)
			if (c->claims[tp->pairs[p].a].source != c->claims[tp->pairs[p].b].source)
				cross = true;
		bool unmatched;
		enum verdict st = matrix_status(&m, t, &unmatched);
		if (!cross)
			assert_true(st == VERDICT_NONE && !unmatched);
		if (unmatched)
			assert_int_equal(st, VERDICT_NONE);
	}
	size_t cols[16];
	matrix_columns(c, MATRIX_BY_DATE, cols);
	for (size_t i = 1; i < c->nsources; i++)
		assert_true(strcmp(c->sources[cols[i - 1]].published, c->sources[cols[i]].published) <= 0);
	matrix_columns(c, MATRIX_BY_CLAIMS, cols);
	for (size_t i = 1; i < c->nsources; i++)
		assert_true(c->sources[cols[i - 1]].nclaims >= c->sources[cols[i]].nclaims);
	long k = -1;
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < c->nclaims && k < 0; i++)
		if (strstr(c->claims[i].text, "145 miles"))
			k = (long)i;
	assert_true(k >= 0);
	matrix_written(c, (size_t)k, &sb);
	assert_non_null(strstr(sb.buf, "145 miles"));
	sb_release(&sb);
	compare_release(&m);
	corpus_free(c);
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
	abbrev("The Conversation", "conv", "CONV");
	abbrev("openDemocracy", "odr", "OD");
	abbrev("BBC", "bbc", "BBC");
	abbrev(NULL, "blog", "BLOG");
	abbrev(NULL, "successful-breakout", "SB");
	abbrev("", "x", "X");
	abbrev("  The  ", "y", "Y");
	abbrev("A Bb Cc Dd Ee Ff Gg", "z", "BCDEF");   /* "A" is a filler */
	abbrev("\xc3\x89" "cho \xc3\xa9" "tat", "e1", "e1");   /* no ASCII initials */
	abbrev("\x1b[31m Evil", "e2", "3E");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_own_source),
		cmocka_unit_test(test_abbrev),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
