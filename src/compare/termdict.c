/* termdict: open-addressing hash of terms to dense ids. */
#include "compare/termdict.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

void termdict_init(struct termdict *d)
{
	memset(d, 0, sizeof *d);
	pool_init(&d->pool);
}

void termdict_release(struct termdict *d)
{
	free(d->slots);
	free(d->terms);
	free(d->surface);
	free(d->df);
	pool_release(&d->pool);
	memset(d, 0, sizeof *d);
}

static uint64_t hash_str(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static void grow(struct termdict *d)
{
	size_t cap = d->cap ? 2 * d->cap : 1024;
	uint32_t *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < d->cap; i++) {
		if (!d->slots[i])
			continue;
		const char *t = d->terms[d->slots[i] - 1];
		size_t k = hash_str(t, strlen(t)) & (cap - 1);
		while (slots[k])
			k = (k + 1) & (cap - 1);
		slots[k] = d->slots[i];
	}
	free(d->slots);
	d->slots = slots;
	d->cap = cap;
}

uint32_t termdict_id(struct termdict *d, const char *s, size_t n, const char *surf, size_t sn)
{
	if (2 * (d->n + 1) > d->cap)
		grow(d);
	size_t k = hash_str(s, n) & (d->cap - 1);
	while (d->slots[k]) {
		const char *t = d->terms[d->slots[k] - 1];
		if (!strncmp(t, s, n) && t[n] == '\0')
			return d->slots[k] - 1;
		k = (k + 1) & (d->cap - 1);
	}
	if (d->n == d->alloc) {
		d->alloc = d->alloc ? 2 * d->alloc : 1024;
		d->terms = xrealloc(d->terms, d->alloc * sizeof *d->terms);
		d->surface = xrealloc(d->surface, d->alloc * sizeof *d->surface);
		d->df = xrealloc(d->df, d->alloc * sizeof *d->df);
	}
	d->terms[d->n] = pool_strndup(&d->pool, s, n);
	d->surface[d->n] = surf ? pool_strndup(&d->pool, surf, sn) : d->terms[d->n];
	d->df[d->n] = 0;
	d->slots[k] = (uint32_t)d->n + 1;
	return (uint32_t)d->n++;
}

size_t termdict_block_df(size_t n, double scale, size_t least)
{
	double x = sqrt((double)n);
	if (n > TERMDICT_BLOCK_N) {
		double slow = sqrt((double)TERMDICT_BLOCK_N) * (1 + log((double)n / TERMDICT_BLOCK_N));
		x = slow < x ? slow : x;
	}
	size_t df = (size_t)(scale * x);
	return df < least ? least : df;
}
