/*
 * cli/eval: eval-compare (automatic topics scored against the curated
 * ones) and bench-align (alignment of a large synthetic corpus).
 *
 * eval-compare, with curated topics set aside:
 *   gold pairs       pairs of claims from different sources that share a
 *                    curated topic;
 *   found pairs      pairs of claims from different sources that share an
 *                    automatic topic, counted only when both claims are in
 *                    some curated topic (claims no analyst grouped cannot be
 *                    judged; how many of them end up in cross-source auto
 *                    topics is reported apart);
 *   recall           gold pairs found / gold pairs;
 *   precision        found pairs that are gold / found pairs;
 *   verdicts         for each gold pair, the verdict of the two claims
 *                    against the status of the smallest curated topic
 *                    holding both; pairs whose topic is "mixed" or
 *                    "timeline" (or has no status) are skipped.
 * With --against INDEX the yardstick is INDEX's curated topics and the
 * corpus is another one over the same texts (an imported one): each
 * curated claim stands for the claim of the corpus, in the source with the
 * same text, whose span overlaps it most (at least half of the shorter);
 * a gold pair whose claims have no such match counts as missed.
 */
#include "cli/cli.h"
#include "cli/common.h"
#include "cli/compare.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "base/text.h"
#include "base/util.h"
#include "compare/align.h"
#include "compare/compare.h"
#include "compare/terms.h"

struct pair {
	size_t a, b;        /* a < b */
	const struct topic *topic; /* gold: the smallest curated topic holding both */
};

static int cmp_pair(const void *x, const void *y)
{
	const struct pair *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

struct pairs {
	struct pair *p;
	size_t n, alloc;
};

static void pairs_add(struct pairs *ps, size_t a, size_t b, const struct topic *topic)
{
	if (ps->n == ps->alloc) {
		ps->alloc = ps->alloc ? 2 * ps->alloc : 256;
		ps->p = xrealloc(ps->p, ps->alloc * sizeof *ps->p);
	}
	ps->p[ps->n].a = a < b ? a : b;
	ps->p[ps->n].b = a < b ? b : a;
	ps->p[ps->n].topic = topic;
	ps->n++;
}

/* Sorts and keeps one of each pair (for gold, the smallest topic). */
static void pairs_unique(struct pairs *ps)
{
	if (ps->n)
		qsort(ps->p, ps->n, sizeof *ps->p, cmp_pair);
	size_t k = 0;
	for (size_t i = 0; i < ps->n; i++) {
		if (k && ps->p[k - 1].a == ps->p[i].a && ps->p[k - 1].b == ps->p[i].b) {
			if (ps->p[i].topic && ps->p[i].topic->nclaims < ps->p[k - 1].topic->nclaims)
				ps->p[k - 1].topic = ps->p[i].topic;
			continue;
		}
		ps->p[k++] = ps->p[i];
	}
	ps->n = k;
}

static bool pairs_has(const struct pairs *ps, size_t a, size_t b)
{
	struct pair key = { a < b ? a : b, a < b ? b : a, 0 };
	return bsearch(&key, ps->p, ps->n, sizeof *ps->p, cmp_pair) != NULL;
}

static void put_id(const struct corpus *c, size_t i)
{
	struct strbuf sb = STRBUF_INIT;
	text_sanitize(&sb, c->claims[i].id, strlen(c->claims[i].id), 0);
	fputs(sb.buf, stdout);
	sb_release(&sb);
}

/* The claim of source s of c whose span overlaps cl's most, at least half
 * of the shorter of the two; -1 when none does. */
static long match_claim(const struct corpus *c, size_t s, const struct claim *cl)
{
	long best = -1;
	size_t best_ov = 0;
	for (size_t k = 0; k < c->sources[s].nclaims; k++) {
		size_t x = c->sources[s].claims[k];
		const struct span *a = &c->claims[x].span, *b = &cl->span;
		size_t lo = a->start > b->start ? a->start : b->start;
		size_t hi = a->end < b->end ? a->end : b->end;
		size_t ov = hi > lo ? hi - lo : 0;
		size_t la = a->end - a->start, lb = b->end - b->start;
		if (ov > best_ov && 2 * ov >= (la < lb ? la : lb))
			best = (long)x, best_ov = ov;
	}
	return best;
}

/* The yardstick: pairs of claims of different sources that share a
 * curated topic of cur, in cur's numbering, each with the smallest such
 * topic; marks every claim of a curated topic in curated[]. */
static void gold_pairs(const struct corpus *cur, struct pairs *gold, bool *curated)
{
	for (size_t t = 0; t < cur->ntopics; t++) {
		const struct topic *tp = &cur->topics[t];
		for (size_t i = 0; i < tp->nclaims; i++) {
			curated[tp->claims[i]] = true;
			for (size_t j = i + 1; j < tp->nclaims; j++)
				if (cur->claims[tp->claims[i]].source != cur->claims[tp->claims[j]].source)
					pairs_add(gold, tp->claims[i], tp->claims[j], tp);
		}
	}
	pairs_unique(gold);
}

static void put_pair(const char *what, const struct corpus *c, size_t a, size_t b)
{
	printf("  %s ", what);
	put_id(c, a);
	fputs(" / ", stdout);
	put_id(c, b);
}

int cmd_eval_compare(struct corpus *c, const struct cli_args *a)
{
	int code = 0;
	struct corpus *cur = c;
	if (a->against && !(cur = cli_load(a->against, CORPUS_USE_CACHE, &code)))
		return code ? code : 1;
	struct cmp_model m;
	struct pairs gold = { 0 }, found = { 0 }, mapped = { 0 };
	bool *curated = xcalloc(cur->nclaims ? cur->nclaims : 1, sizeof *curated);
	long *map = xmalloc((cur->nclaims ? cur->nclaims : 1) * sizeof *map);
	bool *judged_here = xcalloc(c->nclaims ? c->nclaims : 1, sizeof *judged_here);
	size_t nmapped = 0, ncurated = 0;

	gold_pairs(cur, &gold, curated);
	if (!gold.n) {
		fprintf(stderr, "lectern: no curated topic groups claims of two sources: nothing to score\n");
		code = 1;
		goto out;
	}
	/* curated claims onto claims of c: themselves, or by span in the
	 * source holding the same text */
	long *src_of = xmalloc((cur->nsources ? cur->nsources : 1) * sizeof *src_of);
	for (size_t j = 0; j < cur->nsources; j++)
		src_of[j] = cur == c ? (long)j : -1;
	for (size_t i = 0; cur != c && i < c->nsources; i++) {
		long j = cli_match_source(c, i, cur);
		if (j >= 0 && src_of[j] < 0)
			src_of[j] = (long)i;
	}
	for (size_t k = 0; k < cur->nclaims; k++) {
		long s = src_of[cur->claims[k].source];
		map[k] = cur == c ? (long)k : s < 0 ? -1 : match_claim(c, (size_t)s, &cur->claims[k]);
		if (curated[k]) {
			ncurated++;
			nmapped += map[k] >= 0;
			if (map[k] >= 0)
				judged_here[map[k]] = true;
		}
	}
	free(src_of);
	for (size_t i = 0; i < gold.n; i++)
		if (map[gold.p[i].a] >= 0 && map[gold.p[i].b] >= 0 && map[gold.p[i].a] != map[gold.p[i].b])
			pairs_add(&mapped, (size_t)map[gold.p[i].a], (size_t)map[gold.p[i].b], NULL);
	pairs_unique(&mapped);

	compare_build(&m, c, CMP_AUTO_ONLY, NULL);
	size_t stray = 0, uncurated = 0;
	bool *stray_seen = xcalloc(c->nclaims ? c->nclaims : 1, sizeof *stray_seen);
	for (size_t t = 0; t < m.ntopics; t++) {
		const struct cmp_topic *tp = &m.topics[t];
		for (size_t i = 0; i < tp->nclaims; i++) {
			size_t x = tp->claims[i];
			if (!judged_here[x] && tp->nsources > 1 && !stray_seen[x]) {
				stray_seen[x] = true;
				stray++;
			}
			for (size_t j = i + 1; j < tp->nclaims; j++) {
				size_t y = tp->claims[j];
				if (judged_here[x] && judged_here[y] && c->claims[x].source != c->claims[y].source)
					pairs_add(&found, x, y, NULL);
			}
		}
	}
	for (size_t i = 0; i < c->nclaims; i++)
		uncurated += !judged_here[i];
	pairs_unique(&found);

	size_t hit = 0, right_pairs = 0, judged = 0, right = 0, unjudged = 0;
	for (size_t i = 0; i < gold.n; i++) {
		long x = map[gold.p[i].a], y = map[gold.p[i].b];
		hit += x >= 0 && y >= 0 && pairs_has(&found, (size_t)x, (size_t)y);
	}
	for (size_t i = 0; i < found.n; i++)
		right_pairs += pairs_has(&mapped, found.p[i].a, found.p[i].b);
	double recall = (double)hit / (double)gold.n;
	double precision = found.n ? (double)right_pairs / (double)found.n : 0;

	printf("automatic topics (curated set aside): %zu\n", m.ntopics);
	if (cur != c)
		printf("curated claims found in the corpus (by span): %zu of %zu\n", nmapped, ncurated);
	printf("gold pairs (different sources, one curated topic): %zu\n", gold.n);
	printf("found pairs (different sources, one automatic topic, both curated): %zu\n", found.n);
	printf("pairwise recall:    %.3f  (target %.2f)\n", recall, EVAL_MIN_RECALL);
	printf("pairwise precision: %.3f  (target %.2f)\n", precision, EVAL_MIN_PRECISION);
	for (size_t i = 0; i < gold.n; i++) {
		const struct pair *p = &gold.p[i];
		enum verdict want = verdict_parse(p->topic->status);
		long x = map[p->a], y = map[p->b];
		if (want == VERDICT_NONE || want == VERDICT_MIXED || want == VERDICT_TIMELINE ||
		    x < 0 || y < 0)
			continue;
		struct verdict_pair v;
		verdict_claims(m.vals[x].v, m.vals[x].n, m.vals[y].v, m.vals[y].n, &v);
		if (v.v == VERDICT_RELATED) {   /* nothing to compare: no verdict to score */
			unjudged++;
			continue;
		}
		judged++;
		if (v.v == want) {
			right++;
		} else {
			put_pair("verdict", cur, p->a, p->b);
			printf(": %s, curated %s\n", verdict_name(v.v), verdict_name(want));
		}
	}
	double vr = judged ? (double)right / (double)judged : 0;
	printf("verdicts right:     %.3f  (%zu of %zu; target %.2f)\n", vr, right, judged,
	       EVAL_MIN_VERDICTS);
	printf("pairs with no comparable value (related, no verdict): %zu\n", unjudged);
	printf("uncurated claims in cross-source automatic topics: %zu of %zu\n", stray, uncurated);
	size_t disjoint = 0, disjoint_found = 0;
	for (size_t i = 0; i < gold.n; i++)
		if (terms_overlap(cur->claims[gold.p[i].a].text, cur->claims[gold.p[i].b].text) == 0) {
			long x = map[gold.p[i].a], y = map[gold.p[i].b];
			disjoint++;
			disjoint_found += x >= 0 && y >= 0 && pairs_has(&found, (size_t)x, (size_t)y);
		}
	printf("gold pairs whose texts share no content word: %zu (%zu of them found)\n",
	       disjoint, disjoint_found);
	for (size_t i = 0; i < gold.n; i++) {
		long x = map[gold.p[i].a], y = map[gold.p[i].b];
		if (x < 0 || y < 0 || !pairs_has(&found, (size_t)x, (size_t)y)) {
			put_pair("missed", cur, gold.p[i].a, gold.p[i].b);
			putchar('\n');
		}
	}
	for (size_t i = 0; i < found.n; i++)
		if (!pairs_has(&mapped, found.p[i].a, found.p[i].b)) {
			put_pair("extra ", c, found.p[i].a, found.p[i].b);
			putchar('\n');
		}
	bool pass = recall >= EVAL_MIN_RECALL && precision >= EVAL_MIN_PRECISION &&
		    vr >= EVAL_MIN_VERDICTS;
	puts(pass ? "targets met" : "below target");
	code = pass ? 0 : 1;
	compare_release(&m);
	free(stray_seen);
out:
	free(gold.p);
	free(found.p);
	free(mapped.p);
	free(curated);
	free(map);
	free(judged_here);
	if (cur != c)
		corpus_free(cur);
	return code;
}

/* ---- bench-align ---- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 2685821657736338717ull;
}

static size_t rnd_below(size_t n)
{
	return n ? (size_t)(rnd() % n) : 0;
}

struct event {
	size_t words[5];
	size_t counted[2];
	long day;
	double base;
};

/* CPU seconds of the process so far, user and system. */
static double cpu_now(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cmd_bench_align(const struct cli_args *a)
{
	static const char *const syl[] = {
		"ka", "lo", "mi", "ne", "ru", "ta", "vo", "de", "si", "ba", "go", "pe",
		"zu", "ri", "ma", "no", "te", "la", "fi", "ho", "ju", "ke", "sa", "wo",
		"bri", "dan", "tor", "vel", "mar", "kin", "sol", "ter",
	};
	size_t n = 100000;
	if (a->nrest > 1 || (a->nrest == 1 && (sscanf(a->rest[0], "%zu", &n) != 1 || n < 2 ||
					       n > 5000000))) {
		fprintf(stderr, "lectern: usage: lectern bench-align [N]  (2..5000000 claims)\n");
		return 2;
	}
	rng_state = 0x9E3779B97F4A7C15ull;
	double t0 = now();
	size_t nvocab = 4000 + n / 5, nev = n / 5 + 1, nsrc = n / 25 + 2;
	char **vocab = xmalloc(nvocab * sizeof *vocab);
	for (size_t i = 0; i < nvocab; i++) {
		char w[32] = "";
		size_t k = 2 + rnd_below(3);
		for (size_t j = 0; j < k; j++)
			strcat(w, syl[rnd_below(ARRAY_SIZE(syl))]);
		vocab[i] = xstrdup(w);
	}
	struct event *ev = xmalloc(nev * sizeof *ev);
	for (size_t e = 0; e < nev; e++) {
		for (int k = 0; k < 5; k++)
			ev[e].words[k] = 200 + rnd_below(nvocab - 200);
		ev[e].counted[0] = 200 + rnd_below(nvocab - 200);
		ev[e].counted[1] = rnd_below(200);
		ev[e].day = 18000 + (long)rnd_below(1500);
		ev[e].base = (double)(100 + rnd_below(100000));
	}
	struct align_item *items = xcalloc(n, sizeof *items);
	struct norm_value *vals = xcalloc(2 * n, sizeof *vals);
	size_t *event_of = xmalloc(n * sizeof *event_of);
	char **texts = xmalloc(n * sizeof *texts);
	char **counted = xmalloc(n * sizeof *counted);
	for (size_t i = 0; i < n; i++) {
		size_t e = rnd_below(nev);
		struct strbuf sb = STRBUF_INIT;
		event_of[i] = e;
		for (int k = 0; k < 5; k++)
			if (rnd_below(5))
				sb_addf(&sb, "%s ", vocab[ev[e].words[k]]);
		for (int k = 0; k < 8; k++) {
			double u = (double)rnd_below(1000000) / 1e6;
			sb_addf(&sb, "%s ", vocab[(size_t)(u * u * u * (double)nvocab)]);
		}
		texts[i] = sb_detach(&sb, NULL);
		char id[32];
		snprintf(id, sizeof id, "c%07zu", (i * 7919) % n);
		items[i].id = xstrdup(id);
		items[i].text = texts[i];
		items[i].source = rnd_below(nsrc);
		items[i].published_lo = items[i].published_hi = ev[e].day + (long)rnd_below(20);
		items[i].vals = &vals[2 * i];
		counted[i] = NULL;
		if (rnd_below(2)) {
			struct strbuf q = STRBUF_INIT;
			sb_addf(&q, "%s %s", vocab[ev[e].counted[0]], vocab[ev[e].counted[1]]);
			counted[i] = sb_detach(&q, NULL);
			struct norm_value *v = &vals[2 * i + items[i].nvals++];
			v->kind = NORM_COUNT;
			v->point = v->lo = v->hi = ev[e].base * (0.9 + 0.2 * (double)rnd_below(100) / 100);
			v->counted = counted[i];
			v->unit = "people";
		}
		if (rnd_below(3) == 0) {
			struct norm_value *v = &vals[2 * i + items[i].nvals++];
			v->kind = NORM_DATE;
			v->lo = v->hi = v->point = (double)ev[e].day;
		}
	}
	double t1 = now(), c1 = cpu_now();
	struct align_result r;
	align_run(items, n, NULL, &r);
	double t2 = now(), c2 = cpu_now();

	/* pairwise precision and recall against the generating events */
	uint64_t gold = 0, found = 0, hit = 0;
	size_t *cnt = xcalloc(nev, sizeof *cnt);
	for (size_t i = 0; i < n; i++)
		cnt[event_of[i]]++;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n && 0; j++)
			;
	/* items of one event and one source are rare; count all pairs of an event */
	for (size_t e = 0; e < nev; e++)
		gold += (uint64_t)cnt[e] * (cnt[e] ? cnt[e] - 1 : 0) / 2;
	for (size_t t = 0; t < r.ntopics; t++) {
		const struct align_topic *tp = &r.topics[t];
		found += (uint64_t)tp->nitems * (tp->nitems - 1) / 2;
		for (size_t i = 0; i < tp->nitems; i++)
			for (size_t j = i + 1; j < tp->nitems; j++)
				hit += event_of[tp->items[i]] == event_of[tp->items[j]];
	}
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("claims:            %zu (%zu sources, %zu events)\n", n, nsrc, nev);
	printf("generate:          %.2f s\n", t1 - t0);
	printf("align:             %.2f s\n", t2 - t1);
	printf("align, cpu:        %.2f s\n", c2 - c1);
	printf("candidate pairs:   %zu\n", r.ncandidates);
	printf("postings read:     %zu\n", r.npostings);
	printf("topics:            %zu\n", r.ntopics);
	printf("pairwise precision %.3f, recall %.3f (against the generating events)\n",
	       found ? (double)hit / (double)found : 0, gold ? (double)hit / (double)gold : 0);
	printf("peak memory:       %ld KiB\n", ru.ru_maxrss);
	align_release(&r);
	for (size_t i = 0; i < n; i++) {
		free(texts[i]);
		free(counted[i]);
		free((char *)items[i].id);
	}
	for (size_t i = 0; i < nvocab; i++)
		free(vocab[i]);
	free(vocab);
	free(ev);
	free(items);
	free(vals);
	free(event_of);
	free(texts);
	free(counted);
	free(cnt);
	return 0;
}
