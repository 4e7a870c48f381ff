/* test_related: counterpart ranking (compare/related.h) and topics from
 * counterparts on small invented corpora. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "bundled.h"
#include "base/strbuf.h"
#include "compare/compare.h"
#include "compare/related.h"

/* A claim of an invented corpus: id, source (a, b, c or d), text, and its
 * values as JSON ("" for none). */
struct spec {
	const char *id, *src, *text, *values;
};

/* Sources a..d, each published on 2024-05-01 (to the day). */
static struct corpus *load(const struct spec *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	invented_begin(&sb, 4);
	for (size_t i = 0; i < n; i++)
		sb_addf(&sb, "%s{\"id\": \"%s\", \"source\": \"%s\", \"span\": [%zu, %zu], \"text\": \"%s\", "
			"\"kind\": \"quantity\", \"origin\": \"extracted\", \"values\": [%s]}",
			i ? ", " : "", s[i].id, s[i].src, 10 * i, 10 * i + 5, s[i].text, s[i].values);
	sb_addstr(&sb, "], \"topics\": []}");
	return load_invented(&sb);
}

static size_t claim(const struct corpus *c, const char *id)
{
	long k = corpus_find_claim(c, id);
	assert_true(k >= 0);
	return (size_t)k;
}

/* An invented corpus with its model and counterpart index, built by
 * index_open() and freed by index_close(). */
struct fixture {
	struct corpus *c;
	struct cmp_model m;
	struct rel_index r;
};

static void index_open(struct fixture *f, const struct spec *s, size_t n)
{
	f->c = load(s, n);
	compare_build(&f->m, f->c, CMP_NO_AUTO, NULL);
	related_build(&f->r, &f->m);
}

static void index_close(struct fixture *f)
{
	related_release(&f->r);
	compare_release(&f->m);
	corpus_free(f->c);
}

#define COUNT(v, u) "{\"type\": \"quantity\", \"value\": " #v ", \"unit\": \"" u "\", " \
		    "\"counted\": \"" u "\", \"qualifier\": \"exact\"}"
#define DAY(d) "{\"type\": \"date\", \"value\": \"" d "\", \"precision\": \"day\", " \
	       "\"start\": \"" d "\", \"end\": \"" d "\", \"about\": \"x\"}"

/* One figure: the same number of one kind and unit (not a small one), or
 * the same day other than a publication day. */
static void test_same_value(void **state)
{
	(void)state;
	static const struct spec s[] = {
		{ "a1", "a", "The camps held 12,500 tents.", COUNT(12500, "tents") },
		{ "b1", "b", "Volunteers counted 12,500 tents.", COUNT(12500, "tents") },
		{ "b2", "b", "The road ran 12,500 km.", COUNT(12500, "km") },
		{ "a2", "a", "Crews raised 8 tents.", COUNT(8, "tents") },
		{ "b3", "b", "Crews raised 8 tents too.", COUNT(8, "tents") },
		{ "a3", "a", "The dam broke on 3 March 2024.", DAY("2024-03-03") },
		{ "b4", "b", "Water rose after 3 March 2024.", DAY("2024-03-03") },
		{ "a4", "a", "The appeal opened on 1 May 2024.", DAY("2024-05-01") },
		{ "b5", "b", "Donations came from 1 May 2024.", DAY("2024-05-01") },
	};
	struct fixture f;
	index_open(&f, s, 9);
	const struct corpus *c = f.c;
	assert_true(related_same_value(&f.r, claim(c, "a1"), claim(c, "b1")));
	assert_false(related_same_value(&f.r, claim(c, "a1"), claim(c, "b2")));   /* other unit */
	assert_false(related_same_value(&f.r, claim(c, "a2"), claim(c, "b3")));   /* a few */
	assert_true(related_same_value(&f.r, claim(c, "a3"), claim(c, "b4")));
	assert_false(related_same_value(&f.r, claim(c, "a4"), claim(c, "b5")));   /* publication day */
	index_close(&f);
}

/* One figure held by both is strong evidence: 12,500 tents meets 12,500
 * tents before a claim of 12,400 tents (the same size on the ranking's
 * grid) that shares more words. */
static void test_rank_same_figure(void **state)
{
	(void)state;
	static const struct spec s[] = {
		{ "a1", "a", "Crews put up 12,500 tents in the valley camps.", COUNT(12500, "tents") },
		{ "b1", "b", "Crews put up 12,400 tents by the ridge.", COUNT(12400, "tents") },
		{ "c1", "c", "The ministry listed 12,500 tents.", COUNT(12500, "tents") },
		{ "a2", "a", "Schools reopened.", "" }, { "a3", "a", "Markets stayed shut.", "" },
		{ "b3", "b", "Ferries sailed again.", "" }, { "b4", "b", "Bakers baked bread.", "" },
		{ "c2", "c", "Pilots flew low.", "" }, { "c3", "c", "Doctors rested.", "" },
		{ "d2", "d", "Buses ran late.", "" }, { "d3", "d", "Choirs sang.", "" },
	};
	struct fixture f;
	struct rel_hit h[4];
	index_open(&f, s, 11);
	assert_true(related_of(&f.r, claim(f.c, "a1"), 4, h) >= 2);
	assert_int_equal(h[0].claim, claim(f.c, "c1"));
	index_close(&f);
}

static bool together(const struct cmp_model *m, size_t x, size_t y)
{
	for (size_t t = 0; t < m->ntopics; t++) {
		bool hx = false, hy = false;
		for (size_t k = 0; k < m->topics[t].nclaims; k++) {
			hx |= m->topics[t].claims[k] == x;
			hy |= m->topics[t].claims[k] == y;
		}
		if (hx && hy)
			return true;
	}
	return false;
}

/* Topics from counterparts (wording alone makes none here): a claim that
 * holds the query's very figure is linked to it though three claims with
 * more words in common (and no figure) rank above it, whichever of the two
 * lists comes first; those three, with nothing to compare, stay out. */
static void test_topic_same_figure(void **state)
{
	(void)state;
	static const struct spec s[] = {
		/* first, so that it is the link's lower end either way */
		{ "b2", "b", "Clerks at the ministry of supply later listed 12,500 tents among "
		  "goods counted in depots across three northern provinces.", COUNT(12500, "tents") },
		{ "a1", "a", "Army crews put up 12,500 tents in the flooded valley camps "
		  "beside the northern river before winter storms arrived.", COUNT(12500, "tents") },
		{ "b1", "b", "Army crews put up shelters in the flooded valley camps "
		  "beside the northern river before winter storms arrived.", "" },
		{ "c1", "c", "Army crews put up kitchens in the flooded valley camps "
		  "beside the northern river before winter storms arrived.", "" },
		{ "d1", "d", "Army crews put up clinics in the flooded valley camps "
		  "beside the northern river before winter storms arrived.", "" },
		{ "a2", "a", "Schools reopened.", "" }, { "a3", "a", "Markets stayed shut.", "" },
		{ "b3", "b", "Ferries sailed again.", "" }, { "b4", "b", "Bakers baked bread.", "" },
		{ "c2", "c", "Pilots flew low.", "" }, { "c3", "c", "Doctors rested.", "" },
		{ "d2", "d", "Buses ran late.", "" }, { "d3", "d", "Choirs sang.", "" },
	};
	struct corpus *c = load(s, 13);
	struct cmp_model m;
	struct align_params p = align_defaults;
	p.threshold = 1e9;       /* no topic by wording (align.h): only counterparts */
	compare_build(&m, c, CMP_AUTO_ONLY, &p);
	assert_true(together(&m, claim(c, "a1"), claim(c, "b2")));
	for (size_t t = 0; t < m.ntopics; t++)
		for (size_t k = 0; k < m.topics[t].nclaims; k++)
			assert_true(m.topics[t].claims[k] == claim(c, "a1") ||
				    m.topics[t].claims[k] == claim(c, "b2"));
	compare_release(&m);
	corpus_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_value),
		cmocka_unit_test(test_rank_same_figure),
		cmocka_unit_test(test_topic_same_figure),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
