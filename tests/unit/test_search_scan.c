/* Tests for search_scan: the reader gives each text as corpus_text does,
 * jobs visit every source once in slices, and counts match search_all. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bundled.h"

#include "base/diag.h"
#include "search/scan.h"


static void test_reader(void **state)
{
	(void)state;
	struct corpus *c = load_bundled(), *c2 = load_bundled();
	struct text_reader r;
	treader_init(&r, c);
	for (size_t i = 0; i < c->nsources; i++) {
		struct strbuf e = STRBUF_INIT, e2 = STRBUF_INIT;
		size_t n, n2;
		const char *t = treader_get(&r, i, &n, &e);
		const char *t2 = corpus_text(c2, i, &n2, &e2);
		assert_non_null(t);
		assert_non_null(t2);
		assert_int_equal(n, n2);
		assert_memory_equal(t, t2, n);
		assert_null(c->sources[i].text);     /* the reader keeps nothing */
		sb_release(&e);
		sb_release(&e2);
	}
	treader_release(&r);
	corpus_free(c);
	corpus_free(c2);
}

struct seen { size_t visits, last; int order_ok; };

static bool visit(void *ctx, size_t i, const char *t, size_t n)
{
	struct seen *s = ctx;
	(void)t;
	(void)n;
	if (s->visits && i <= s->last)
		s->order_ok = 0;
	s->last = i;
	s->visits++;
	return true;
}

static bool stop_first(void *ctx, size_t i, const char *t, size_t n)
{
	(void)ctx; (void)i; (void)t; (void)n;
	return false;
}

static void test_job(void **state)
{
	(void)state;
	struct corpus *c = load_bundled();
	struct search_job j;
	struct seen s = { 0, 0, 1 };
	unsigned char only[64] = { 0 };

	search_job_init(&j, c, NULL);
	int steps = 0;
	while (!search_job_step(&j, 2, visit, &s))
		steps++;
	assert_int_equal(s.visits, c->nsources);
	assert_true(s.order_ok);
	assert_true(steps >= 1);
	assert_int_equal(j.nerr, 0);
	search_job_release(&j);

	assert_true(c->nsources >= 3 && c->nsources < 64);
	only[1] = only[2] = 1;
	memset(&s, 0, sizeof s);
	search_job_init(&j, c, only);
	assert_true(search_job_step(&j, 100, visit, &s));
	assert_int_equal(s.visits, 2);
	search_job_release(&j);

	search_job_init(&j, c, NULL);
	assert_true(search_job_step(&j, 100, stop_first, NULL));
	assert_true(j.stopped);
	assert_int_equal(j.next, 1);
	search_job_release(&j);
	corpus_free(c);
}

static void test_count(void **state)
{
	(void)state;
	struct search s;
	struct strbuf err = STRBUF_INIT;
	const char *t = "Rate, rate; RATE separate aaaa";
	struct span *sp;

	search_init(&s);
	assert_int_equal(search_compile(&s, "rate", 4, 0, &err), 0);
	assert_int_equal(search_count(&s, t, strlen(t)), 4);
	assert_int_equal(search_all(&s, t, strlen(t), &sp), 4);
	free(sp);
	assert_int_equal(search_compile(&s, "aa", 2, 0, &err), 0);
	assert_int_equal(search_count(&s, t, strlen(t)), 2);   /* aaaa: two, not three */
	assert_int_equal(search_compile(&s, "Rate", 4, 0, &err), 0);
	assert_int_equal(search_count(&s, t, strlen(t)), 1);
	search_release(&s);
	sb_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reader),
		cmocka_unit_test(test_job),
		cmocka_unit_test(test_count),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
