/* test_align: grouping, moments, sources, determinism and blocking. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "compare/align.h"

static struct norm_value qty(double x, const char *counted)
{
	struct norm_value n;
	memset(&n, 0, sizeof n);
	n.kind = NORM_COUNT;
	n.point = n.lo = n.hi = x;
	n.counted = counted;
	n.unit = "dogs";
	return n;
}

static struct norm_value day(long z)
{
	struct norm_value n;
	memset(&n, 0, sizeof n);
	n.kind = NORM_DATE;
	n.point = n.lo = n.hi = (double)z;
	return n;
}

/* Topics as text, "id id|id id|", for comparing runs. */
static void topics_text(const struct align_item *it, const struct align_result *r,
			struct strbuf *sb)
{
	for (size_t t = 0; t < r->ntopics; t++) {
		for (size_t k = 0; k < r->topics[t].nitems; k++)
			sb_addf(sb, "%s%s", k ? " " : "", it[r->topics[t].items[k]].id);
		sb_addch(sb, '|');
	}
}

static struct norm_value v_jan[2], v_sep[2], v_jan2[2], v_sep2[2];

static void fill(struct align_item *it, size_t *n)
{
	long jan = 19372, sep = 19600;   /* 2023-01-15, 2023-08-30 */
	v_jan[0] = qty(120, "dogs housed at the Millbrook animal shelter");
	v_jan[1] = day(jan);
	v_jan2[0] = qty(125, "dogs housed at the Millbrook animal shelter");
	v_jan2[1] = day(jan + 3);
	v_sep[0] = qty(310, "dogs housed at the Millbrook animal shelter");
	v_sep[1] = day(sep);
	v_sep2[0] = qty(300, "dogs housed at the Millbrook animal shelter");
	v_sep2[1] = day(sep + 2);
	struct align_item items[] = {
		{ "a1", "The Millbrook animal shelter housed 120 dogs in January.", 0, v_jan, 2, jan, jan },
		{ "b1", "Volunteers at Millbrook animal shelter counted 125 dogs in mid-January.", 1, v_jan2, 2, jan, jan },
		{ "a2", "By September the Millbrook animal shelter housed 310 dogs.", 0, v_sep, 2, sep, sep },
		{ "b2", "In September the Millbrook shelter said it housed about 300 dogs.", 1, v_sep2, 2, sep, sep },
		{ "a3", "The harbour bridge over the Kell estuary will close for repairs in spring.", 0, NULL, 0, jan, jan },
		{ "c1", "Repairs will close the Kell estuary harbour bridge this spring, engineers said.", 2, NULL, 0, jan, jan },
		{ "a4", "The town council elected a new mayor after a tight vote.", 0, NULL, 0, jan, jan },
		{ "a5", "The new mayor of the town council won a tight vote.", 0, NULL, 0, jan, jan },
		{ "c2", "Orchard growers expect a record apple harvest.", 2, NULL, 0, jan, jan },
	};
	memcpy(it, items, sizeof items);
	*n = sizeof items / sizeof items[0];
}

static long find(const struct align_item *it, const struct align_result *r, const char *id)
{
	for (size_t t = 0; t < r->ntopics; t++)
		for (size_t k = 0; k < r->topics[t].nitems; k++)
			if (!strcmp(it[r->topics[t].items[k]].id, id))
				return (long)t;
	return -1;
}

static void test_grouping(void **state)
{
	(void)state;
	struct align_item it[16];
	size_t n;
	struct align_result r;
	fill(it, &n);
	align_run(it, n, NULL, &r);
	/* the same measure at two moments: two topics, never one */
	assert_true(find(it, &r, "a1") >= 0);
	assert_int_equal(find(it, &r, "a1"), find(it, &r, "b1"));
	assert_true(find(it, &r, "a2") >= 0);
	assert_int_equal(find(it, &r, "a2"), find(it, &r, "b2"));
	assert_true(find(it, &r, "a1") != find(it, &r, "a2"));
	/* words alone group across sources */
	assert_true(find(it, &r, "a3") >= 0);
	assert_int_equal(find(it, &r, "a3"), find(it, &r, "c1"));
	/* one source only: no topic; an unrelated claim: no topic */
	assert_int_equal(find(it, &r, "a4"), -1);
	assert_int_equal(find(it, &r, "c2"), -1);
	/* the label is the shared counted thing */
	long t = find(it, &r, "a1");
	assert_string_equal(r.topics[t].label, "dogs housed at the Millbrook animal shelter");
	t = find(it, &r, "a3");
	assert_non_null(strstr(r.topics[t].label, "Kell"));
	align_release(&r);
}

static void test_order_independent(void **state)
{
	(void)state;
	struct align_item it[16], rev[16];
	size_t n;
	struct align_result r1, r2;
	struct strbuf s1 = STRBUF_INIT, s2 = STRBUF_INIT;
	fill(it, &n);
	for (size_t i = 0; i < n; i++)
		rev[i] = it[(i * 5 + 3) % n];
	align_run(it, n, NULL, &r1);
	align_run(rev, n, NULL, &r2);
	topics_text(it, &r1, &s1);
	topics_text(rev, &r2, &s2);
	assert_true(s1.len > 0);
	assert_string_equal(s1.buf, s2.buf);
	align_release(&r1);
	align_release(&r2);
	sb_release(&s1);
	sb_release(&s2);
}

static void test_blocking(void **state)
{
	(void)state;
	size_t n = 3000;
	struct align_item *it = calloc(n, sizeof *it);
	char **text = calloc(n, sizeof *text);
	static const char *const w[] = { "river", "bridge", "school", "harvest", "mayor",
		"storm", "railway", "museum", "festival", "factory", "hospital", "library" };
	for (size_t i = 0; i < n; i++) {
		char buf[200], id[16];
		snprintf(buf, sizeof buf, "%s %s %s topic%zux report", w[i % 12], w[(i / 12) % 12],
			 w[(i / 144) % 12], i / 3);
		text[i] = strdup(buf);
		snprintf(id, sizeof id, "x%05zu", i);
		it[i].id = strdup(id);
		it[i].text = text[i];
		it[i].source = i % 3;
		it[i].published_lo = 1;
		it[i].published_hi = 0;
	}
	struct align_result r;
	align_run(it, n, NULL, &r);
	/* far fewer pairs scored than all pairs */
	assert_true(r.ncandidates < n * (n - 1) / 20);
	assert_true(r.ntopics > 0);
	align_release(&r);
	for (size_t i = 0; i < n; i++) {
		free(text[i]);
		free((char *)it[i].id);
	}
	free(text);
	free(it);
}

static void test_empty(void **state)
{
	(void)state;
	struct align_result r;
	align_run(NULL, 0, NULL, &r);
	assert_int_equal(r.ntopics, 0);
	align_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grouping),
		cmocka_unit_test(test_order_independent),
		cmocka_unit_test(test_blocking),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
