/* test_compare: the comparison model on the bundled corpus. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "bundled.h"
#include <string.h>

#include "base/diag.h"
#include "base/strbuf.h"
#include "base/util.h"
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

/* The corpus whose index is sb's text (taken). */
static struct corpus *load_json(struct strbuf *sb)
{
	struct diags d;
	diags_init(&d);
	size_t len = sb->len;
	struct corpus *c = corpus_load_buffer("/nonexistent/corpus.json", sb_detach(sb, NULL), len, 0,
					      &d, NULL);
	if (!c)
		fail_msg("%s", diags_count(&d) ? d.lines[0] : "not loaded");
	diags_release(&d);
	return c;
}

/* One curated topic of n claims: the first half from source a, the rest
 * from b, each "1000 people", but b's last "5000 people" (far from a in
 * the topic's order, so no window of neighbours meets the two). */
static struct corpus *one_topic(size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	invented_begin(&sb, 2);
	for (size_t i = 0; i < n; i++)
		sb_addf(&sb, "%s{\"id\": \"c%zu\", \"source\": \"%c\", \"span\": [0, 5], \"text\": \"x\", "
			"\"kind\": \"quantity\", \"origin\": \"curated\", \"topics\": [\"all\"], "
			"\"values\": [{\"type\": \"quantity\", \"value\": %d, \"unit\": \"people\", "
			"\"qualifier\": \"exact\"}]}", i ? ", " : "", i, i < n / 2 ? 'a' : 'b',
			i + 1 == n ? 5000 : 1000);
	sb_addstr(&sb, "], \"topics\": [{\"id\": \"all\", \"label\": \"all\", \"claims\": [");
	for (size_t i = 0; i < n; i++)
		sb_addf(&sb, "%s\"c%zu\"", i ? ", " : "", i);
	sb_addstr(&sb, "]}]}");
	return load_invented(&sb);
}

/* A topic of 40,000 claims: every pair would be 8x10^8 judgments; the
 * model judges a bounded number, and the two sources' ranges, which part,
 * still decide the status (no agreement). */
static void test_large_topic(void **state)
{
	(void)state;
	struct corpus *c = one_topic(40000);
	struct cmp_model m;
	struct verdict_pair whole;
	compare_build(&m, c, CMP_NO_AUTO, NULL);
	assert_int_equal(m.ntopics, 1);
	assert_true(m.topics[0].sampled);
	assert_true(m.njudged <= CMP_MAX_PAIRS + CMP_MAX_RANGE_PAIRS);
	assert_int_equal(m.njudged, m.topics[0].npairs);
	compare_pair(&m, 0, 39999, &whole);
	assert_true(compare_worse(whole.v, VERDICT_AGREE));
	assert_int_equal(m.topics[0].status, whole.v);
	/* the outlier's cell is marked by the pair of ranges */
	struct strbuf sb = STRBUF_INIT;
	long first;
	assert_int_equal(compare_cell(&m, 0, 1, 40, &sb, &first), whole.v);
	sb_release(&sb);
	compare_release(&m);
	corpus_free(c);
}

/* Doubling a sampled topic doubles the work at most: linear, not
 * quadratic. */
static void test_large_topic_linear(void **state)
{
	(void)state;
	size_t judged[2];
	for (int k = 0; k < 2; k++) {
		struct corpus *c = one_topic(k ? 20000 : 10000);
		struct cmp_model m;
		compare_build(&m, c, CMP_NO_AUTO, NULL);
		judged[k] = m.njudged;
		compare_release(&m);
		corpus_free(c);
	}
	assert_true(judged[0] > 0 && judged[1] <= 2 * judged[0] + 4);
}

/* A word of letters for number k, unique per k ("bab", "bac" ...). */
static void word_of(struct strbuf *sb, size_t k, char tag)
{
	sb_addch(sb, tag);
	do {
		sb_addch(sb, (char)('a' + k % 26));
		k /= 26;
	} while (k);
}

/* n claims (a multiple of 8) on n/4 events, each told by four sources of
 * n/8: words of the event's own, a count of one of a few counted things
 * near the event's figure, half with a date.  A news corpus grows so: new
 * events bring new words. */
static struct corpus *many_claims(size_t n)
{
	static const char *const what[] = { "protesters", "refugees", "soldiers", "passengers" };
	struct strbuf sb = STRBUF_INIT;
	size_t nsrc = n / 8;
	sb_addstr(&sb, "{\"schema\": \"lectern-corpus\", \"version\": 1, \"title\": \"t\", \"sources\": [");
	for (size_t s = 0; s < nsrc; s++)
		sb_addf(&sb, "%s{\"id\": \"s%zu\", \"title\": \"T\", \"outlet\": \"O%zu\", \"author\": null, "
			"\"published\": \"2024-%02zu-%02zu\", \"url\": null, \"language\": \"en\", "
			"\"file\": \"sources/s%zu.txt\", \"sha256\": \"%064d\"}", s ? ", " : "", s, s % 50,
			1 + s % 12, 1 + s % 28, s, 0);
	sb_addstr(&sb, "], \"claims\": [");
	for (size_t i = 0; i < n; i++) {
		size_t e = i / 4, src = (e * 4 + i % 4 * 3) % nsrc;
		struct strbuf text = STRBUF_INIT, counted = STRBUF_INIT;
		for (int k = 0; k < 4; k++) {
			word_of(&text, 4 * e + (size_t)k, 'q');
			sb_addstr(&text, k == 1 ? " said that " : " ");
		}
		sb_addf(&text, "%s gathered", what[e % 4]);
		sb_addstr(&counted, what[e % 4]);
		sb_addch(&counted, ' ');
		word_of(&counted, 4 * e, 'q');
		sb_addf(&sb, "%s{\"id\": \"c%zu\", \"source\": \"s%zu\", \"span\": [0, 5], \"text\": \"%s\", "
			"\"kind\": \"quantity\", \"origin\": \"extracted\", \"values\": [{\"type\": \"quantity\", "
			"\"value\": %zu, \"unit\": \"people\", \"counted\": \"%s\", \"qualifier\": \"about\"}",
			i ? ", " : "", i, src, text.buf, 1000 + e % 97 * 10 + i % 4, counted.buf);
		if (i % 2)
			sb_addf(&sb, ", {\"type\": \"date\", \"value\": \"2024-%02zu-%02zu\"}", 1 + e % 12,
				1 + e % 28);
		sb_addstr(&sb, "]}");
		sb_release(&text);
		sb_release(&counted);
	}
	sb_addstr(&sb, "], \"topics\": []}");
	return load_json(&sb);
}

/* Automatic topics on four times the claims take about four times the
 * work, not sixteen: pairs scored while aligning, postings read to find
 * them, pairs judged; and each description is read once, not at every
 * pair that meets it.  (related.h's blocking, which skips only terms in
 * more than 4 sqrt(N) claims, is reported, not bounded.) */
static void test_align_linear(void **state)
{
	(void)state;
	size_t cand[2], post[2], judged[2], reads[2], values[2], rel[2];
	for (int k = 0; k < 2; k++) {
		size_t n = k ? 8000 : 2000;
		struct corpus *c = many_claims(n);
		struct cmp_model m;
		size_t before = desc_reads();
		compare_build(&m, c, CMP_AUTO_ONLY, NULL);
		reads[k] = desc_reads() - before;
		cand[k] = m.ncandidates;
		post[k] = m.npostings;
		rel[k] = m.nrelated_postings;
		judged[k] = m.njudged;
		values[k] = 0;
		for (size_t i = 0; i < c->nclaims; i++)
			values[k] += m.vals[i].n;
		assert_true(m.ntopics >= n / 8);
		compare_release(&m);
		corpus_free(c);
	}
	print_message("candidates %zu %zu, postings %zu %zu, judged %zu %zu, descriptions %zu %zu "
		      "of %zu %zu values; related postings %zu %zu\n", cand[0], cand[1], post[0], post[1],
		      judged[0], judged[1], reads[0], reads[1], values[0], values[1], rel[0], rel[1]);
	assert_true(cand[0] > 0 && cand[1] * 10 <= cand[0] * 44);
	assert_true(post[0] > 0 && post[1] * 10 <= post[0] * 44);
	assert_true(judged[0] > 0 && judged[1] * 10 <= judged[0] * 44);
	/* two texts a value at most (counted, about) */
	assert_true(reads[0] <= 2 * values[0] && reads[1] <= 2 * values[1]);
}

/* A build asked to stop before it starts stops, marked incomplete. */
static void test_stop(void **state)
{
	(void)state;
	struct corpus *c = load_bundled();
	struct cmp_model m;
	struct cmp_progress pr = { 0 };
	atomic_store(&pr.stop, true);
	compare_build_ctl(&m, c, 0, NULL, &pr);
	assert_true(m.stopped);
	assert_int_equal(m.njudged, 0);
	compare_release(&m);
	atomic_store(&pr.stop, false);
	compare_build_ctl(&m, c, 0, NULL, &pr);
	assert_false(m.stopped);
	assert_int_equal(atomic_load(&pr.stage), CMP_STAGE_DONE);
	assert_int_equal(atomic_load(&pr.done), m.ntopics);
	compare_release(&m);
	corpus_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_curated),
		cmocka_unit_test(test_voices),
		cmocka_unit_test(test_large_topic),
		cmocka_unit_test(test_large_topic_linear),
		cmocka_unit_test(test_align_linear),
		cmocka_unit_test(test_stop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
