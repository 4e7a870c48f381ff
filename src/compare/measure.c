/* measure: quantities' descriptions as term sets, compared fast. */
#include "compare/measure.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare/desc.h"
#include "compare/terms.h"

struct desc_collect {
	struct termdict *d;
	uint32_t t[64];
	size_t n;
};

static void on_desc(void *ctx, const char *term, size_t len, const char *word,
		    size_t wlen, unsigned flags)
{
	struct desc_collect *dc = ctx;
	char w[32];
	(void)flags;
	if (len >= sizeof w || dc->n == 64)
		return;
	memcpy(w, term, len);
	w[len] = '\0';
	if (desc_polarity(w))
		return;
	dc->t[dc->n++] = termdict_id(dc->d, term, len, word, wlen);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* m's description: the sorted, unique term ids of s. */
static void read_desc(struct measure *m, const char *s, struct termdict *d, struct pool *pool)
{
	struct desc_collect dc = { .d = d };
	terms_scan(s, strlen(s), on_desc, &dc);
	qsort(dc.t, dc.n, sizeof *dc.t, cmp_u32);
	size_t u = 0;
	for (size_t i = 0; i < dc.n && u < 32; i++)
		if (!u || dc.t[u - 1] != dc.t[i])
			dc.t[u++] = dc.t[i];
	m->desc = true;
	m->nt = (uint32_t)u;
	m->t = pool_alloc(pool, (u ? u : 1) * sizeof *m->t);
	memcpy(m->t, dc.t, u * sizeof *m->t);
}

void measures_read(const struct norm_value *vals, size_t nvals, struct termdict *d,
		   struct pool *pool, struct measures *ms)
{
	size_t n = 0;
	for (size_t k = 0; k < nvals; k++)
		n += !norm_is_day(&vals[k]);
	ms->n = 0;
	ms->m = n ? pool_alloc(pool, n * sizeof *ms->m) : NULL;
	for (size_t k = 0; k < nvals; k++) {
		const struct norm_value *v = &vals[k];
		if (norm_is_day(v))
			continue;
		struct measure *m = &ms->m[ms->n++];
		m->kind = v->kind;
		m->unit = v->unit;
		if (v->counted)
			read_desc(m, v->counted, d, pool);
	}
}

bool measure_event(const struct norm_value *vals, size_t nvals, struct termdict *d,
		   struct pool *pool, struct measure *m)
{
	memset(m, 0, sizeof *m);
	m->kind = NORM_DATE;
	for (size_t k = 0; k < nvals; k++)
		if (norm_is_day(&vals[k]) && vals[k].about) {
			read_desc(m, vals[k].about, d, pool);
			return true;
		}
	return false;
}

/* Terms of a missing from b (both sorted). */
static size_t extra_terms(const struct measure *a, const struct measure *b)
{
	size_t i = 0, j = 0, n = 0;
	while (i < a->nt) {
		if (j == b->nt || a->t[i] < b->t[j])
			n++, i++;
		else if (a->t[i] > b->t[j])
			j++;
		else
			i++, j++;
	}
	return n;
}

bool measure_same(const struct measure *a, const struct measure *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->desc && b->desc)
		return !desc_differ(a->nt, extra_terms(a, b), b->nt, extra_terms(b, a));
	if (a->kind == NORM_DURATION)
		return false;
	if (a->kind == NORM_COUNT && a->unit && b->unit)
		return !strcasecmp(a->unit, b->unit);
	return true;
}

/* Looser than measure_same(), to keep moments apart: descriptions are
 * akin unless each has at least two terms the other lacks. */
static bool measure_akin(const struct measure *a, const struct measure *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->desc && b->desc)
		return extra_terms(a, b) < 2 || extra_terms(b, a) < 2;
	return measure_same(a, b);
}

bool measure_within(const struct measure *a, const struct measure *b)
{
	if (!a->desc || !b->desc || a->kind != b->kind)
		return false;
	const struct measure *small = a->nt <= b->nt ? a : b, *big = small == a ? b : a;
	return small->nt >= 2 && extra_terms(small, big) == 0;
}

bool measures_other_moment(const struct measures *a, const struct measures *b, long gap,
			   long max_gap)
{
	if (gap <= max_gap)
		return false;
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; j < b->n; j++)
			if ((a->m[i].desc || b->m[j].desc) && measure_akin(&a->m[i], &b->m[j]))
				return true;
	return false;
}
