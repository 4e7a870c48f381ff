/*
 * cmd_eval: eval-compare (automatic topics scored against the curated
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
 */
#include "cmd_compare.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "align.h"
#include "compare.h"
#include "terms.h"
#include "text.h"
#include "util.h"

struct pair {
	size_t a, b;        /* a < b */
	size_t topic;       /* gold: the smallest curated topic holding both */
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

static void pairs_add(struct pairs *ps, size_t a, size_t b, size_t topic)
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
static void pairs_unique(struct pairs *ps, const struct corpus *c)
{
	if (ps->n)
		qsort(ps->p, ps->n, sizeof *ps->p, cmp_pair);
	size_t k = 0;
	for (size_t i = 0; i < ps->n; i++) {
		if (k && ps->p[k - 1].a == ps->p[i].a && ps->p[k - 1].b == ps->p[i].b) {
			if (c && c->topics[ps->p[i].topic].nclaims < c->topics[ps->p[k - 1].topic].nclaims)
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

int cmd_eval_compare(struct corpus *c, const struct cli_args *a)
{
	struct cmp_model m;
	struct pairs gold = { 0 }, found = { 0 };
	bool *curated = xcalloc(c->nclaims ? c->nclaims : 1, sizeof *curated);
	(void)a;

	for (size_t t = 0; t < c->ntopics; t++) {
		const struct topic *tp = &c->topics[t];
		for (size_t i = 0; i < tp->nclaims; i++) {
			curated[tp->claims[i]] = true;
			for (size_t j = i + 1; j < tp->nclaims; j++)
				if (c->claims[tp->claims[i]].source != c->claims[tp->claims[j]].source)
					pairs_add(&gold, tp->claims[i], tp->claims[j], t);
		}
	}
	pairs_unique(&gold, c);
	if (!gold.n) {
		fprintf(stderr, "lectern: no curated topic groups claims of two sources: nothing to score\n");
		free(curated);
		return 1;
	}
	compare_build(&m, c, CMP_AUTO_ONLY, NULL);
	size_t stray = 0, uncurated = 0;
	bool *stray_seen = xcalloc(c->nclaims ? c->nclaims : 1, sizeof *stray_seen);
	for (size_t t = 0; t < m.ntopics; t++) {
		const struct cmp_topic *tp = &m.topics[t];
		for (size_t i = 0; i < tp->nclaims; i++) {
			size_t x = tp->claims[i];
			if (!curated[x] && tp->nsources > 1 && !stray_seen[x]) {
				stray_seen[x] = true;
				stray++;
			}
			for (size_t j = i + 1; j < tp->nclaims; j++) {
				size_t y = tp->claims[j];
				if (curated[x] && curated[y] && c->claims[x].source != c->claims[y].source)
					pairs_add(&found, x, y, t);
			}
		}
	}
	for (size_t i = 0; i < c->nclaims; i++)
		uncurated += !curated[i];
	pairs_unique(&found, NULL);

	size_t hit = 0, judged = 0, right = 0;
	for (size_t i = 0; i < found.n; i++)
		hit += pairs_has(&gold, found.p[i].a, found.p[i].b);
	double recall = (double)hit / (double)gold.n;
	double precision = found.n ? (double)hit / (double)found.n : 0;

	printf("automatic topics (curated set aside): %zu\n", m.ntopics);
	printf("gold pairs (different sources, one curated topic): %zu\n", gold.n);
	printf("found pairs (different sources, one automatic topic, both curated): %zu\n", found.n);
	printf("pairwise recall:    %.3f  (target %.2f)\n", recall, EVAL_MIN_RECALL);
	printf("pairwise precision: %.3f  (target %.2f)\n", precision, EVAL_MIN_PRECISION);
	for (size_t i = 0; i < gold.n; i++) {
		const struct pair *p = &gold.p[i];
		enum verdict want = verdict_parse(c->topics[p->topic].status);
		if (want == VERDICT_NONE || want == VERDICT_MIXED || want == VERDICT_TIMELINE)
			continue;
		struct verdict_pair v;
		verdict_claims(m.vals[p->a].v, m.vals[p->a].n, m.vals[p->b].v, m.vals[p->b].n, &v);
		judged++;
		if (v.v == want)
			right++;
		else {
			fputs("  verdict ", stdout);
			put_id(c, p->a);
			fputs(" / ", stdout);
			put_id(c, p->b);
			printf(": %s, curated %s\n", verdict_name(v.v), verdict_name(want));
		}
	}
	double vr = judged ? (double)right / (double)judged : 0;
	printf("verdicts right:     %.3f  (%zu of %zu; target %.2f)\n", vr, right, judged,
	       EVAL_MIN_VERDICTS);
	printf("uncurated claims in cross-source automatic topics: %zu of %zu\n", stray, uncurated);
	size_t disjoint = 0, disjoint_found = 0;
	for (size_t i = 0; i < gold.n; i++)
		if (terms_overlap(c->claims[gold.p[i].a].text, c->claims[gold.p[i].b].text) == 0) {
			disjoint++;
			disjoint_found += pairs_has(&found, gold.p[i].a, gold.p[i].b);
		}
	printf("gold pairs whose texts share no content word: %zu (%zu of them found)\n",
	       disjoint, disjoint_found);
	for (size_t i = 0; i < gold.n; i++)
		if (!pairs_has(&found, gold.p[i].a, gold.p[i].b)) {
			fputs("  missed ", stdout);
			put_id(c, gold.p[i].a);
			fputs(" / ", stdout);
			put_id(c, gold.p[i].b);
			putchar('\n');
		}
	for (size_t i = 0; i < found.n; i++)
		if (!pairs_has(&gold, found.p[i].a, found.p[i].b)) {
			fputs("  extra  ", stdout);
			put_id(c, found.p[i].a);
			fputs(" / ", stdout);
			put_id(c, found.p[i].b);
			putchar('\n');
		}
	bool pass = recall >= EVAL_MIN_RECALL && precision >= EVAL_MIN_PRECISION &&
		    vr >= EVAL_MIN_VERDICTS;
	puts(pass ? "targets met" : "below target");
	compare_release(&m);
	free(gold.p);
	free(found.p);
	free(curated);
	free(stray_seen);
	return pass ? 0 : 1;
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
	double t1 = now();
	struct align_result r;
	align_run(items, n, NULL, &r);
	double t2 = now();

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
	printf("candidate pairs:   %zu\n", r.ncandidates);
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
