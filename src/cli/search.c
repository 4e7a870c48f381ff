/* cli/search: corpus-wide search from the command line, timed. */
#include "cli/search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "base/text.h"
#include "base/util.h"
#include "cli/common.h"
#include "search/scan.h"
#include "search/sindex.h"

#define SEARCH_THREADS 4

struct scan_ctx {
	const struct search *s;
	uint32_t *counts;
	struct sindex *feed;   /* NULL, or the index to build while reading */
	size_t late;           /* texts on which a regex ran out of time */
};

static bool visit_count(void *ctx, size_t i, const char *t, size_t n)
{
	struct scan_ctx *x = ctx;
	bool late;
	x->counts[i] = (uint32_t)search_count_late(x->s, t, n, &late);
	x->late += late;
	if (x->feed)
		sindex_add(x->feed, i, t, n);
	return true;
}

struct part {
	struct search_job j;
	struct scan_ctx ctx;
};

static void *part_run(void *arg)
{
	struct part *p = arg;
	search_job_step(&p->j, SIZE_MAX, visit_count, &p->ctx);
	return NULL;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* counts for every source: from the index when it can, else by reading
 * (only the candidates, when the index gives some). */
static int answer(struct corpus *c, const struct search *s, struct sindex *x,
		  struct sindex *feed, uint32_t *counts, unsigned char *only, size_t *late)
{
	enum sindex_answer an = x ? sindex_query(x, s, counts) : SINDEX_SCAN;
	struct scan_ctx ctx = { s, counts, feed, 0 };

	if (an == SINDEX_COUNTS)
		return 0;
	if (an == SINDEX_CANDIDATES)
		for (size_t i = 0; i < c->nsources; i++)
			only[i] = counts[i] != 0;
	memset(counts, 0, c->nsources * sizeof *counts);
	/* the texts are read by up to SEARCH_THREADS threads, each a range of
	 * sources (one when the index is fed, which is not shared) */
	struct part parts[SEARCH_THREADS];
	pthread_t tid[SEARCH_THREADS];
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t np = feed || cpus < 2 || c->nsources < 1000 ? 1 :
		    2 * cpus < SEARCH_THREADS ? 2 * (size_t)cpus : SEARCH_THREADS;
	size_t started = 0;
	for (size_t k = 0; k < np; k++) {
		struct part *p = &parts[k];
		search_job_init(&p->j, c, an == SINDEX_CANDIDATES ? only : NULL);
		p->j.next = c->nsources * k / np;
		p->j.end = c->nsources * (k + 1) / np;
		p->ctx = ctx;
		if (k && pthread_create(&tid[k], NULL, part_run, p) == 0)
			started |= (size_t)1 << k;
		else if (k)
			part_run(p);
	}
	part_run(&parts[0]);
	int rc = 0;
	for (size_t k = 0; k < np; k++) {
		struct search_job *j = &parts[k].j;
		if (started & ((size_t)1 << k))
			pthread_join(tid[k], NULL);
		*late += parts[k].ctx.late;
		if (j->nerr) {
			struct strbuf m = STRBUF_INIT;
			sb_addf(&m, "%zu text%s could not be read: %s", j->nerr,
				j->nerr == 1 ? "" : "s", j->err.buf);
			cli_error(m.buf);
			sb_release(&m);
			rc = 2;
		}
		search_job_release(j);
	}
	return rc;

}

static void print_matches(struct corpus *c, const struct search *s, const uint32_t *counts,
			  bool count)
{
	struct text_reader rd;
	struct strbuf sb = STRBUF_INIT;

	treader_init(&rd, c);
	for (size_t i = 0; i < c->nsources; i++) {
		if (!counts[i])
			continue;
		sb_reset(&sb);
		text_sanitize(&sb, c->sources[i].file, strlen(c->sources[i].file), 0);
		if (count) {
			printf("%s:%u\n", sb.buf, counts[i]);
			continue;
		}
		struct strbuf e = STRBUF_INIT;
		size_t n, at = 0, a, b;
		const char *t = treader_get(&rd, i, &n, &e);
		sb_release(&e);
		while (t && search_find(s, t, n, at, &a, &b)) {
			size_t ss = a > SEARCH_SNIPPET ? a - SEARCH_SNIPPET : 0;
			size_t se = b + SEARCH_SNIPPET < n ? b + SEARCH_SNIPPET : n;
			while (!utf8_boundary(t, n, ss))
				ss++;
			while (!utf8_boundary(t, n, se))
				se--;
			struct strbuf line = STRBUF_INIT;
			text_sanitize(&line, t + ss, se - ss, 0);
			printf("%s:%zu:%s\n", sb.buf, a, line.buf);
			sb_release(&line);
			at = b > a ? b : a + 1;
		}
	}
	sb_release(&sb);
	treader_release(&rd);
}

int cmd_search(struct corpus *c, const struct cli_args *a)
{
	struct search s;
	struct strbuf err = STRBUF_INIT;
	long repeat = 1;

	if (a->nrest != 1) {
		fprintf(stderr, "lectern: search takes one QUERY\n");
		return 2;
	}
	if (a->repeat) {
		char *end;
		repeat = strtol(a->repeat, &end, 10);
		if (*end || repeat < 1 || repeat > 1000) {
			fprintf(stderr, "lectern: --repeat takes a number from 1 to 1000\n");
			return 2;
		}
	}
	search_init(&s);
	if (search_compile(&s, a->rest[0], strlen(a->rest[0]), SEARCH_PREFIX, &err) < 0) {
		cli_error(err.buf);
		sb_release(&err);
		return 2;
	}
	uint32_t *counts = xcalloc(c->nsources ? c->nsources : 1, sizeof *counts);
	unsigned char *only = xcalloc(c->nsources ? c->nsources : 1, 1);
	struct sindex *x = NULL;
	size_t late = 0;
	int rc = 0;
	for (long r = 0; r < repeat && !rc; r++) {
		double t0 = now();
		struct sindex *feed = NULL;
		if (repeat > 1 && r == 0)
			feed = sindex_new(c->nsources);
		rc = answer(c, &s, x, feed, counts, only, &late);
		double t1 = now();
		if (feed)
			x = feed;
		if (repeat > 1) {
			size_t hits = 0;
			for (size_t i = 0; i < c->nsources; i++)
				hits += counts[i] != 0;
			fprintf(stderr, "query %ld: %.3f ms, %zu sources%s\n", r + 1,
				(t1 - t0) * 1000, hits,
				r ? " (index)" : " (read every text, build the index)");
		}
	}
	if (x)
		fprintf(stderr, "index: %zu words, %zu sources, %zu KiB\n", sindex_words(x),
			sindex_sources(x), sindex_bytes(x) / 1024);
	if (!rc && search_limited(&s)) {   /* partial counts: never "no match" */
		fprintf(stderr, "lectern: %s\n", search_stop_message(&s));
		rc = 2;
	}
	bool any = false;
	for (size_t i = 0; i < c->nsources; i++)
		any |= counts[i] != 0;
	if (!rc)
		print_matches(c, &s, counts, a->count);
	if (late && !search_limited(&s)) {
		/* never "no match" when the answer is not known */
		sb_reset(&err);
		sb_addf(&err, "search stopped after %d s on %zu text%s: the expression is too slow "
			"(try a simpler one); the matches shown are partial",
			SEARCH_BUDGET_MS / 1000, late, late == 1 ? "" : "s");
		cli_error(err.buf);
		rc = 2;
	}
	sindex_free(x);
	free(counts);
	free(only);
	search_release(&s);
	return rc ? rc : any ? 0 : 1;
}
