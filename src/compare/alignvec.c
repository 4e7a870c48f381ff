/* alignvec: a claim's words, concepts, values and times as features. */
#include "compare/alignvec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/calendar.h"
#include "base/util.h"
#include "compare/concept.h"
#include "compare/terms.h"

/* weights of the features besides the claim's own words (weight 1) */
#define ABOUT_W 1.0f       /* words of what a date is of */
#define TIME_W 1.0f        /* t:YEAR and t:YEAR-MONTH of its dates */
#define HEAD_W 1.0f        /* q:KIND:HEAD of its quantities */
#define SIZE_W 1.0f        /* m:KIND:HEAD:STEP, the size of a quantity */
#define CAP_W 1.5f         /* a capitalised word inside a sentence */
#define CONCEPT_W 1.0f    /* c:NAME, a concept a word expresses (concepts.h) */

#define TERM_CONCEPTS 3

struct concepts_of {
	uint32_t feat[TERM_CONCEPTS]; /* term ids of its c:NAME features */
	uint8_t n;
	bool done;
};

static void add_feat(struct alignvec *c, uint32_t t, float w)
{
	if (c->n == c->alloc) {
		c->alloc = c->alloc ? 2 * c->alloc : 64;
		c->f = xrealloc(c->f, c->alloc * sizeof *c->f);
	}
	c->f[c->n].t = t;
	c->f[c->n].w = w;
	c->n++;
}

/* c:NAME for each concept (concepts.h) term t expresses, looked up once
 * per term */
static void add_concepts(struct alignvec *c, uint32_t t, const char *term, size_t len)
{
	if (t >= c->ncc) {
		size_t m = c->ncc ? 2 * c->ncc : 1024;
		while (m <= t)
			m *= 2;
		c->cc = xrealloc(c->cc, m * sizeof *c->cc);
		memset(c->cc + c->ncc, 0, (m - c->ncc) * sizeof *c->cc);
		c->ncc = m;
	}
	struct concepts_of *co = &c->cc[t];
	if (!co->done) {
		size_t ids[TERM_CONCEPTS];
		size_t k = concept_of(term, len, ids, TERM_CONCEPTS);
		for (size_t i = 0; i < k; i++) {
			char key[64];
			int m = snprintf(key, sizeof key, "c:%s", concept_name(ids[i]));
			co->feat[i] = termdict_id(c->d, key, (size_t)m, NULL, 0);
		}
		co->n = (uint8_t)k;
		co->done = true;
	}
	for (size_t i = 0; i < co->n; i++)
		add_feat(c, co->feat[i], c->weight * CONCEPT_W);
}

static void on_term(void *ctx, const char *term, size_t len, const char *word,
		    size_t wlen, unsigned flags)
{
	struct alignvec *c = ctx;
	uint32_t t = termdict_id(c->d, term, len, word, wlen);
	add_feat(c, t, c->weight * (flags & TERM_CAP ? CAP_W : 1.0f));
	add_concepts(c, t, term, len);
	if (!(flags & TERM_CAP)) {
		sb_reset(&c->run);
		sb_reset(&c->run_surf);
		c->run_len = 0;
		return;
	}
	if (!c->run_len)
		sb_addstr(&c->run, "e:");
	else {
		sb_addch(&c->run, '_');
		sb_addch(&c->run_surf, ' ');
	}
	sb_add(&c->run, term, len);
	sb_add(&c->run_surf, word, wlen);
	c->run_len++;
	if (flags & TERM_RUN_END) {
		if (c->run_len >= 2)
			add_feat(c, termdict_id(c->d, c->run.buf, c->run.len, c->run_surf.buf,
					    c->run_surf.len), c->weight);
		sb_reset(&c->run);
		sb_reset(&c->run_surf);
		c->run_len = 0;
	}
}

static void scan(struct alignvec *c, const char *s, float w)
{
	if (!s)
		return;
	c->weight = w;
	sb_reset(&c->run);
	sb_reset(&c->run_surf);
	c->run_len = 0;
	terms_scan(s, strlen(s), on_term, c);
}

/* "q:KIND:HEAD": the kind of value with the first word of what it counts
 * ("q:percent:belarus" for a share of Belarusians). */
struct first_term {
	char t[40];
	bool set;
};

static void on_first(void *ctx, const char *term, size_t len, const char *word,
		     size_t wlen, unsigned flags)
{
	struct first_term *f = ctx;
	(void)word;
	(void)wlen;
	(void)flags;
	if (f->set || len >= sizeof f->t)
		return;
	memcpy(f->t, term, len);
	f->t[len] = '\0';
	f->set = true;
}

static void add_head(struct alignvec *c, struct termdict *d, const struct norm_value *v)
{
	struct first_term f = { "", false };
	char key[64];
	if (!v->counted)
		return;
	terms_scan(v->counted, strlen(v->counted), on_first, &f);
	if (!f.set)
		return;
	snprintf(key, sizeof key, "q:%s:%s", norm_kind_name(v->kind), f.t);
	add_feat(c, termdict_id(d, key, strlen(key), NULL, 0), HEAD_W);
	/* its size, on two staggered log grids of a fifth of a decade, so
	 * that values within about a quarter of each other share a step */
	double x = isfinite(v->lo) && isfinite(v->hi) ? (v->lo + v->hi) / 2 :
		   isfinite(v->lo) ? v->lo : v->hi;
	if (v->kind == NORM_DATE || !isfinite(x) || x <= 0)
		return;
	double l = log10(x) * 5;
	snprintf(key, sizeof key, "m:%s:%s:%ld", norm_kind_name(v->kind), f.t, (long)floor(l));
	add_feat(c, termdict_id(d, key, strlen(key), NULL, 0), SIZE_W);
	snprintf(key, sizeof key, "n:%s:%s:%ld", norm_kind_name(v->kind), f.t, (long)floor(l + 0.5));
	add_feat(c, termdict_id(d, key, strlen(key), NULL, 0), SIZE_W);
}

/* The year (and month, when the date says one) a date is about. */
static void add_time(struct alignvec *c, struct termdict *d, const struct norm_value *v)
{
	int y1, m1, d1, y2, m2, d2;
	char key[32];
	cal_civil((long)v->lo, &y1, &m1, &d1);
	cal_civil((long)v->hi, &y2, &m2, &d2);
	if (y1 == y2) {
		snprintf(key, sizeof key, "t:%04d", y1);
		add_feat(c, termdict_id(d, key, strlen(key), NULL, 0), TIME_W);
	}
	if (y1 == y2 && m1 == m2 && v->prec != PREC_YEAR) {
		snprintf(key, sizeof key, "t:%04d-%02d", y1, m1);
		add_feat(c, termdict_id(d, key, strlen(key), NULL, 0), TIME_W);
	}
}

static int cmp_feat(const void *a, const void *b)
{
	const struct feat *x = a, *y = b;
	return x->t < y->t ? -1 : x->t > y->t;
}

/* Sorts and merges duplicate terms: w becomes the summed raw frequency. */
static void vec_from(struct alignvec *c, struct vec *v)
{
	if (c->n)
		qsort(c->f, c->n, sizeof *c->f, cmp_feat);
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (k && c->f[k - 1].t == c->f[i].t)
			c->f[k - 1].w += c->f[i].w;
		else
			c->f[k++] = c->f[i];
	}
	v->n = k;
	v->f = xmalloc((k ? k : 1) * sizeof *v->f);
	if (k)
		memcpy(v->f, c->f, k * sizeof *v->f);
	c->n = 0;
}

double alignvec_dot(const struct vec *a, const struct vec *b)
{
	double s = 0;
	size_t i = 0, j = 0;
	while (i < a->n && j < b->n) {
		if (a->f[i].t < b->f[j].t)
			i++;
		else if (a->f[i].t > b->f[j].t)
			j++;
		else
			s += (double)a->f[i++].w * b->f[j++].w;
	}
	return s;
}

void alignvec_init(struct alignvec *c, struct termdict *d)
{
	memset(c, 0, sizeof *c);
	c->d = d;
	sb_init(&c->run);
	sb_init(&c->run_surf);
}

void alignvec_release(struct alignvec *c)
{
	free(c->f);
	free(c->cc);
	sb_release(&c->run);
	sb_release(&c->run_surf);
	memset(c, 0, sizeof *c);
}

void alignvec_claim(struct alignvec *c, const char *text, const struct norm_value *vals,
		    size_t nvals, const struct norm_value *time, struct vec *out)
{
	struct termdict *d = c->d;
	scan(c, text, 1.0f);
	for (size_t k = 0; k < nvals; k++) {
		const struct norm_value *v = &vals[k];
		char kind[32];
		snprintf(kind, sizeof kind, "k:%s", norm_kind_name(v->kind));
		add_feat(c, termdict_id(d, kind, strlen(kind), NULL, 0), 1.0f);
		scan(c, v->counted, 1.0f);
		add_head(c, d, v);
		scan(c, v->about, ABOUT_W);
		if (v->kind == NORM_DATE)
			add_time(c, d, v);
	}
	if (time)
		add_time(c, d, time);
	vec_from(c, out);
}
