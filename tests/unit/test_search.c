/* test_search: fixed and regex search, smart case, limits, the corpus. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "corpus/corpus.h"
#include "search/search.h"

static void test_fixed_smart_case(void **state)
{
	struct search s;
	struct strbuf err = STRBUF_INIT;
	const char *t = "Minsk and MINSK and minsk";
	size_t a, b;
	(void)state;
	search_init(&s);
	assert_int_equal(search_compile(&s, "minsk", 5, 0, &err), 0);
	assert_true(s.icase);
	assert_true(search_find(&s, t, strlen(t), 0, &a, &b));
	assert_int_equal(a, 0);
	assert_int_equal(b, 5);
	assert_true(search_find(&s, t, strlen(t), 1, &a, &b));
	assert_int_equal(a, 10);
	struct span *m;
	assert_int_equal(search_all(&s, t, strlen(t), &m), 3);
	free(m);
	/* a capital: case-sensitive */
	assert_int_equal(search_compile(&s, "MINSK", 5, 0, &err), 0);
	assert_false(s.icase);
	assert_int_equal(search_all(&s, t, strlen(t), &m), 1);
	assert_int_equal(m[0].start, 10);
	free(m);
	assert_true(search_find_back(&s, t, strlen(t), 20, &a, &b));
	assert_int_equal(a, 10);
	assert_false(search_find_back(&s, t, strlen(t), 10, &a, &b));
	search_release(&s);
	sb_release(&err);
}

/* A query of figures finds the number in every written form, whole. */
static void test_number_forms(void **state)
{
	struct search s;
	struct strbuf err = STRBUF_INIT;
	const char *t = "about 9,000 troops, 9000 more, 9 000 again, 19000 no, 9000.5 no, "
		"9\xe2\x80\xaf" "000 thin, 90,000 no, 9,0001 no";
	struct span *m;
	(void)state;
	search_init(&s);
	for (int q = 0; q < 3; q++) {
		const char *qs[] = { "9,000", "9000", "9 000" };
		assert_int_equal(search_compile(&s, qs[q], strlen(qs[q]), 0, &err), 0);
		assert_int_equal(search_all(&s, t, strlen(t), &m), 4);
		assert_int_equal(m[0].start, 6);
		assert_int_equal(m[0].end, 11);
		assert_memory_equal(t + m[1].start, "9000", 4);
		assert_memory_equal(t + m[2].start, "9 000", 5);
		assert_memory_equal(t + m[3].start, "9\xe2\x80\xaf" "000", 7);
		free(m);
	}
	/* a number with a decimal point stays a fixed string */
	assert_int_equal(search_compile(&s, "9.5", 3, 0, &err), 0);
	assert_false(s.number);
	search_release(&s);
	sb_release(&err);
}

static void test_regex(void **state)
{
	struct search s;
	struct strbuf err = STRBUF_INIT;
	const char *t = "30,000 troops, 10,000 troops\nand 9000";
	size_t a, b;
	struct span *m;
	(void)state;
	search_init(&s);
	assert_int_equal(search_compile(&s, "~[0-9]+,000", 11, SEARCH_PREFIX, &err), 0);
	assert_true(s.regex);
	assert_int_equal(search_all(&s, t, strlen(t), &m), 2);
	assert_int_equal(m[1].start, 15);
	free(m);
	/* only empty matches: nothing found, no endless loop */
	assert_int_equal(search_compile(&s, "x*", 2, SEARCH_REGEX, &err), 0);
	assert_false(search_find(&s, t, strlen(t), 0, &a, &b));
	/* ^ matches after a newline but not in the middle of a line */
	assert_int_equal(search_compile(&s, "^and", 4, SEARCH_REGEX, &err), 0);
	assert_true(search_find(&s, t, strlen(t), 3, &a, &b));
	assert_int_equal(a, 29);
	/* without the prefix flag, "~" is an ordinary character */
	assert_int_equal(search_compile(&s, "~x", 2, 0, &err), 0);
	assert_false(s.regex);
	search_release(&s);
	sb_release(&err);
}

static void test_errors(void **state)
{
	struct search s;
	struct strbuf err = STRBUF_INIT;
	char *big = malloc(SEARCH_MAX + 2);
	(void)state;
	search_init(&s);
	assert_int_equal(search_compile(&s, "", 0, 0, &err), -1);
	assert_non_null(strstr(err.buf, "empty query"));
	sb_reset(&err);
	assert_int_equal(search_compile(&s, "~(", 2, SEARCH_PREFIX, &err), -1);
	assert_non_null(strstr(err.buf, "bad regular expression"));
	assert_false(s.ready);
	sb_reset(&err);
	memset(big, 'a', SEARCH_MAX + 1);
	big[SEARCH_MAX + 1] = '\0';
	assert_int_equal(search_compile(&s, big, SEARCH_MAX + 1, 0, &err), -1);
	assert_non_null(strstr(err.buf, "query too long"));
	assert_int_equal(search_compile(&s, big, SEARCH_MAX, 0, &err), 0);
	free(big);
	search_release(&s);
	sb_release(&err);
}

static void test_corpus(void **state)
{
	struct diags d;
	struct search s;
	struct strbuf err = STRBUF_INIT;
	struct search_hit *h;
	(void)state;
	diags_init(&d);
	struct corpus *c = corpus_load("../../data/corpus.json", 0, &d, NULL);
	assert_non_null(c);
	search_init(&s);
	assert_int_equal(search_compile(&s, "Stoltenberg", 11, 0, &err), 0);
	size_t n = search_corpus(c, &s, 1000, &h, &err);
	assert_true(n >= 2);
	assert_int_equal(err.len, 0);
	bool seen_mt = false, seen_odr = false;
	for (size_t i = 0; i < n; i++) {
		const struct source *src = &c->sources[h[i].source];
		assert_memory_equal(src->text + h[i].start, "Stoltenberg", 11);
		assert_true(h[i].snip_start <= h[i].start && h[i].end <= h[i].snip_end);
		seen_mt |= !strcmp(src->id, "mt");
		seen_odr |= !strcmp(src->id, "odr");
	}
	assert_true(seen_mt && seen_odr);
	free(h);
	assert_int_equal(search_corpus(c, &s, 1, &h, &err), 1);
	free(h);
	search_release(&s);
	sb_release(&err);
	corpus_free(c);
	diags_release(&d);
}

/* Smart case beyond ASCII: "минск" finds "Минск", "Минск" only itself. */
static void test_smart_case_unicode(void **state)
{
	struct search s;
	struct strbuf err = STRBUF_INIT;
	const char *t = "Минск, МИНСК и минск; Łódź i ŁÓDŹ";
	struct span *m;
	(void)state;
	search_init(&s);
	assert_int_equal(search_compile(&s, "минск", strlen("минск"), 0, &err), 0);
	assert_true(s.icase);
	assert_int_equal(search_all(&s, t, strlen(t), &m), 3);
	assert_int_equal(m[0].start, 0);
	free(m);
	assert_int_equal(search_compile(&s, "~мин\\w+", strlen("~мин\\w+"), SEARCH_PREFIX, &err), 0);
	assert_int_equal(search_all(&s, t, strlen(t), &m), 3);
	assert_int_equal(m[0].end, strlen("Минск"));   /* \w knows Cyrillic */
	free(m);
	assert_int_equal(search_compile(&s, "Минск", strlen("Минск"), 0, &err), 0);
	assert_false(s.icase);
	assert_int_equal(search_all(&s, t, strlen(t), &m), 1);
	free(m);
	assert_int_equal(search_compile(&s, "łódź", strlen("łódź"), 0, &err), 0);
	assert_int_equal(search_all(&s, t, strlen(t), &m), 2);
	free(m);
	assert_int_equal(search_compile(&s, "ŁÓDŹ", strlen("ŁÓDŹ"), 0, &err), 0);
	assert_false(s.icase);
	/* a literal, not an expression: "." is a dot */
	assert_int_equal(search_compile(&s, "м.нск", strlen("м.нск"), 0, &err), 0);
	assert_false(search_find(&s, t, strlen(t), 0, &(size_t){0}, &(size_t){0}));
	search_release(&s);
	sb_release(&err);
}

/* A regex over long texts: every match found, and an expression that
 * backtracks without end stops at PCRE2's limit, saying so. */
static void test_regex_bounds(void **state)
{
	struct search s;
	struct strbuf err = STRBUF_INIT;
	struct span *m;
	size_t n = 200000;
	char *t = malloc(n + 1);
	(void)state;
	memset(t, 'x', n);
	memcpy(t + 150000, "needle", 6);
	memcpy(t + 4095, "needle", 6);
	t[n] = 0;
	search_init(&s);
	assert_int_equal(search_compile(&s, "ne+dle", 6, SEARCH_REGEX, &err), 0);
	assert_int_equal(search_all(&s, t, n, &m), 2);
	assert_int_equal(m[0].start, 4095);
	assert_int_equal(m[1].start, 150000);
	assert_false(s.stopped);
	free(m);
	/* many short lines: every one is searched */
	size_t lines = 20000;
	for (size_t i = 0; i < lines; i += 10)
		memcpy(t + i, "line 1234\n", 10);
	char keep = t[lines];
	t[lines] = 0;
	assert_int_equal(search_compile(&s, "^line [0-9]+$", 13, SEARCH_REGEX, &err), 0);
	assert_int_equal(search_all(&s, t, lines, &m), lines / 10);
	assert_false(s.stopped);
	t[lines] = keep;
	free(m);
	/* (a|aa)*b on 200,000 a's: glibc took seconds; PCRE2 knows at once
	 * that there is no b */
	memset(t, 'a', n);
	assert_int_equal(search_compile(&s, "(a|aa)*b", 8, SEARCH_REGEX, &err), 0);
	time_t t0 = time(NULL);
	assert_int_equal(search_all(&s, t, n, &m), 0);
	assert_false(s.stopped);
	assert_true(time(NULL) - t0 <= 1);
	free(m);
	/* lines of 2,000 a's, every other one ending in b: each b line
	 * matches (the JIT's default stack is too small for it: a larger
	 * one is made), each c line is ruled out at once, as grep -P does */
	for (size_t i = 0; i + 2002 <= 20020; i += 2002) {
		memset(t + i, 'a', 2000);
		memcpy(t + i + 2000, i / 2002 % 2 ? "b\n" : "c\n", 2);
	}
	assert_int_equal(search_compile(&s, "(a|aa)*b", 8, SEARCH_REGEX, &err), 0);
	assert_int_equal(search_all(&s, t, 20020, &m), 5);
	assert_false(s.stopped);
	assert_int_equal(m[0].start, 2002);
	assert_int_equal(m[0].end, 4003);
	free(m);
	/* lines of a's ending in c: ^(a|aa)*$ backtracks exponentially; the
	 * match limit stops it, and the search says so instead of "no match" */
	for (size_t i = 0; i + 100 <= n; i += 100) {
		memset(t + i, 'a', 98);
		memcpy(t + i + 98, "c\n", 2);
	}
	assert_int_equal(search_compile(&s, "^(a|aa)*$", 9, SEARCH_REGEX, &err), 0);
	t0 = time(NULL);
	assert_int_equal(search_all(&s, t, n, &m), 0);
	assert_true(s.stopped);
	assert_true(search_limited(&s));
	assert_non_null(strstr(search_stop_message(&s), "limit"));
	assert_true(time(NULL) - t0 <= SEARCH_BUDGET_MS / 1000 + 3);
	free(m);
	size_t a, b;
	assert_false(search_find(&s, t, n, 0, &a, &b));
	assert_true(search_limited(&s));
	search_release(&s);
	sb_release(&err);
	free(t);
}

/* What glibc needed hand-written guards for: PCRE2 compiles each or refuses
 * it with its reason, and a search with any of them ends, under the limits. */
static void test_regex_limits(void **state)
{
	static const char *const exprs[] = {
		"a++++", "a+++++++++++++++++++", "((((a)+)+)+)+", "(((a+)+)+)*",
		"(a{100}){100}", "a{1001}", "(x{10}y{20}){60}", "(a*){2}{3}{4}",
		"a+", "a++", "((a+)+)+b", "(a|aa)*b", "[+*?]+", "\\++", "a|b+|c*",
		"(a{10}){100}", "x{,5}", "[]+]+", "[[:alpha:]+]+", "^(ab)+$", "a{2}{3}",
		"(?:a|a)*$", "(\\w+\\s?)*$", "(a|b|ab)*c",
	};
	struct search s;
	struct strbuf err = STRBUF_INIT;
	char t[4001];
	(void)state;
	for (int i = 0; i < 4000; i++)
		t[i] = i % 80 == 79 ? '\n' : "ab"[i % 7 == 3];
	t[4000] = 0;
	search_init(&s);
	for (size_t i = 0; i < sizeof exprs / sizeof *exprs; i++) {
		sb_reset(&err);
		if (search_compile(&s, exprs[i], strlen(exprs[i]), SEARCH_REGEX, &err) < 0) {
			assert_non_null(strstr(err.buf, "bad regular expression: "));
			continue;
		}
		struct span *m;
		time_t t0 = time(NULL);
		search_all(&s, t, sizeof t - 1, &m);
		free(m);
		assert_true(time(NULL) - t0 <= SEARCH_BUDGET_MS / 1000 + 3);
	}
	assert_int_equal(search_compile(&s, "a+++", 4, SEARCH_REGEX, &err), -1);
	search_release(&s);
	sb_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_smart_case),
		cmocka_unit_test(test_number_forms),
		cmocka_unit_test(test_regex),
		cmocka_unit_test(test_smart_case_unicode),
		cmocka_unit_test(test_regex_bounds),
		cmocka_unit_test(test_regex_limits),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_corpus),
	};
	return cmocka_run_group_tests_name("search", tests, NULL, NULL);
}
