/* Tests for sindex: answers from the index match a scan of the texts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "base/strbuf.h"
#include "search/scan.h"
#include "search/sindex.h"

static const char *texts[] = {
	"The city council met. Inflation rates rose in the city.",
	"Nothing here but separate matters; the cityscape.",
	"THE CITY and the\ncity, Zürich and zürich.",
	"",
	"rate rate rate",
};
#define NT (sizeof texts / sizeof texts[0])

static struct sindex *build(void)
{
	struct sindex *x = sindex_new(NT);
	for (size_t i = 0; i < NT; i++)
		sindex_add(x, i, texts[i], strlen(texts[i]));
	return x;
}

static void compile(struct search *s, const char *q)
{
	struct strbuf err = STRBUF_INIT;
	search_init(s);
	assert_int_equal(search_compile(s, q, strlen(q), SEARCH_PREFIX, &err), 0);
	sb_release(&err);
}

/* every query: the index's counts, or its candidates verified, equal the scan */
static void check_query(struct sindex *x, const char *q, enum sindex_answer want)
{
	struct search s;
	uint32_t counts[NT];

	compile(&s, q);
	enum sindex_answer an = sindex_query(x, &s, counts);
	assert_int_equal(an, want);
	for (size_t i = 0; i < NT; i++) {
		uint32_t scan = (uint32_t)search_count(&s, texts[i], strlen(texts[i]));
		if (an == SINDEX_COUNTS)
			assert_int_equal(counts[i], scan);
		else if (an == SINDEX_CANDIDATES && scan)
			assert_true(counts[i]);   /* no match is ever missed */
	}
	search_release(&s);
}

static void test_words(void **state)
{
	(void)state;
	struct sindex *x = build();
	check_query(x, "rate", SINDEX_COUNTS);
	check_query(x, "city", SINDEX_COUNTS);
	check_query(x, "City", SINDEX_COUNTS);     /* capital: case matters */
	check_query(x, "ty", SINDEX_COUNTS);       /* inside words */
	check_query(x, "zürich", SINDEX_COUNTS);   /* non-ASCII bytes are word bytes */
	check_query(x, "absent", SINDEX_COUNTS);
	assert_int_equal(sindex_sources(x), NT);
	assert_true(sindex_words(x) > 10);
	sindex_free(x);
}

static void test_phrases(void **state)
{
	(void)state;
	struct sindex *x = build();
	check_query(x, "the city", SINDEX_CANDIDATES);
	check_query(x, "e city", SINDEX_CANDIDATES);
	check_query(x, "council met.", SINDEX_CANDIDATES);
	check_query(x, "; ", SINDEX_SCAN);         /* no word to look up */
	check_query(x, "~cit(y|ies)", SINDEX_SCAN); /* a regex */
	sindex_free(x);
}

static void test_order(void **state)
{
	(void)state;
	struct sindex *x = sindex_new(3);
	sindex_add(x, 1, "b", 1);
	sindex_add(x, 0, "a", 1);      /* out of order: ignored */
	sindex_add(x, 7, "c", 1);      /* out of range: ignored */
	assert_int_equal(sindex_sources(x), 2);
	assert_int_equal(sindex_words(x), 1);
	sindex_free(x);
	sindex_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_phrases),
		cmocka_unit_test(test_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
