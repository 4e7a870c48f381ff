/* desc: what a value is of, as a set of stemmed terms, and when two such
 * descriptions speak of different things. */
#include "compare/desc.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/util.h"
#include "compare/terms.h"

#define MAX_TERMS 32

struct desc {
	char t[MAX_TERMS][24];
	size_t n;
	int polarity;        /* +1 for, -1 against, 0 neither */
};

/* prefixes of stems: "supporting" -> "support", "positive" -> "posit" */
static const char *const pos_words[] = { "support", "approv", "favo", "posit", "back" };
static const char *const neg_words[] = { "oppos", "against", "neg", "reject", "disapprov" };

int desc_polarity(const char *w)
{
	for (size_t i = 0; i < ARRAY_SIZE(neg_words); i++)
		if (!strncmp(w, neg_words[i], strlen(neg_words[i])))
			return -1;
	for (size_t i = 0; i < ARRAY_SIZE(pos_words); i++)
		if (!strncmp(w, pos_words[i], strlen(pos_words[i])))
			return 1;
	return 0;
}

static void desc_add(void *ctx, const char *term, size_t len, const char *word,
		     size_t wlen, unsigned flags)
{
	struct desc *d = ctx;
	char w[24];
	(void)word;
	(void)wlen;
	(void)flags;
	if (len >= sizeof w)
		len = sizeof w - 1;
	memcpy(w, term, len);
	w[len] = '\0';
	int p = desc_polarity(w);
	if (p) {
		d->polarity = p;
		return;
	}
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->t[i], w))
			return;
	if (d->n < MAX_TERMS)
		memcpy(d->t[d->n++], w, len + 1);
}

static atomic_size_t nread;

size_t desc_reads(void)
{
	return atomic_load_explicit(&nread, memory_order_relaxed);
}

static void desc_read(struct desc *d, const char *s)
{
	atomic_fetch_add_explicit(&nread, 1, memory_order_relaxed);
	memset(d, 0, sizeof *d);
	terms_scan(s, strlen(s), desc_add, d);
	/* "against" is a stop word, so look for it in the raw text too */
	if (!d->polarity) {
		char low[256];
		size_t n = strlen(s) < sizeof low - 1 ? strlen(s) : sizeof low - 1;
		for (size_t i = 0; i < n; i++)
			low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] | 0x20 : s[i]);
		low[n] = '\0';
		if (strstr(low, "against") || strstr(low, "negative"))
			d->polarity = -1;
	}
}

/* Terms of a missing from b; with heads, a compound and its head are one. */
static size_t desc_extra(const struct desc *a, const struct desc *b, bool heads)
{
	size_t n = 0;
	for (size_t i = 0; i < a->n; i++) {
		size_t j;
		for (j = 0; j < b->n; j++)
			if (!strcmp(a->t[i], b->t[j]) ||
			    (heads && (desc_head_of(a->t[i], b->t[j]) || desc_head_of(b->t[j], a->t[i]))))
				break;
		n += j == b->n;
	}
	return n;
}

bool desc_same(const char *x, const char *y, int *polarity_x, int *polarity_y)
{
	struct desc a, b;
	desc_read(&a, x);
	desc_read(&b, y);
	*polarity_x = a.polarity;
	*polarity_y = b.polarity;
	return !desc_differ(a.n, desc_extra(&a, &b, false), b.n, desc_extra(&b, &a, false));
}

bool desc_head_of(const char *compound, const char *head)
{
	size_t nc = strlen(compound), nh = strlen(head);
	return nh >= 4 && nc >= nh + 3 && !strcmp(compound + nc - nh, head);
}

bool desc_same_heads(const char *x, const char *y)
{
	struct desc a, b;
	desc_read(&a, x);
	desc_read(&b, y);
	return a.polarity == b.polarity &&
	       !desc_differ(a.n, desc_extra(&a, &b, true), b.n, desc_extra(&b, &a, true));
}

void desc_table_init(struct desc_table *t)
{
	memset(t, 0, sizeof *t);
	termdict_init(&t->words);
	termdict_init(&t->texts);
}

void desc_table_release(struct desc_table *t)
{
	termdict_release(&t->words);
	termdict_release(&t->texts);
	free(t->read);
	memset(t, 0, sizeof *t);
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

const struct desc_terms *desc_table_read(struct desc_table *t, const char *s)
{
	if (!s)
		return NULL;
	size_t len = strlen(s);
	uint32_t id = termdict_id(&t->texts, s, len, NULL, 0);
	if (id < t->made)
		return t->read[id];
	if (t->made == t->alloc) {
		t->alloc = t->alloc ? 2 * t->alloc : 256;
		t->read = xrealloc(t->read, t->alloc * sizeof *t->read);
	}
	struct desc d;
	desc_read(&d, s);
	struct desc_terms *dt = pool_alloc(&t->texts.pool, sizeof *dt);
	uint32_t *ids = pool_alloc(&t->texts.pool, (d.n ? d.n : 1) * sizeof *ids);
	const char **words = pool_alloc(&t->texts.pool, (d.n ? d.n : 1) * sizeof *words);
	struct { uint32_t id; const char *s; } by[MAX_TERMS];
	for (size_t i = 0; i < d.n; i++) {
		size_t n = strlen(d.t[i]);
		char *w = pool_alloc(&t->texts.pool, n + 1);
		memcpy(w, d.t[i], n + 1);
		by[i].id = termdict_id(&t->words, w, n, NULL, 0);
		by[i].s = w;
	}
	qsort(by, d.n, sizeof *by, cmp_u32);   /* by id, the first member */
	for (size_t i = 0; i < d.n; i++) {
		ids[i] = by[i].id;
		words[i] = by[i].s;
	}
	dt->t = ids;
	dt->s = words;
	dt->n = (uint32_t)d.n;
	dt->polarity = d.polarity;
	t->read[t->made++] = dt;
	return dt;
}

/* Terms of a missing from b, both sorted. */
static size_t terms_extra(const struct desc_terms *a, const struct desc_terms *b)
{
	size_t n = 0, j = 0;
	for (size_t i = 0; i < a->n; i++) {
		while (j < b->n && b->t[j] < a->t[i])
			j++;
		n += j == b->n || b->t[j] != a->t[i];
	}
	return n;
}

bool desc_same_terms(const struct desc_terms *a, const struct desc_terms *b)
{
	return !desc_differ(a->n, terms_extra(a, b), b->n, terms_extra(b, a));
}

/* Terms of a missing from b when a compound and its head are one. */
static size_t terms_extra_heads(const struct desc_terms *a, const struct desc_terms *b)
{
	size_t n = 0;
	for (size_t i = 0; i < a->n; i++) {
		size_t j;
		for (j = 0; j < b->n; j++)
			if (a->t[i] == b->t[j] || desc_head_of(a->s[i], b->s[j]) ||
			    desc_head_of(b->s[j], a->s[i]))
				break;
		n += j == b->n;
	}
	return n;
}

bool desc_same_heads_terms(const struct desc_terms *a, const struct desc_terms *b)
{
	return a->polarity == b->polarity &&
	       !desc_differ(a->n, terms_extra_heads(a, b), b->n, terms_extra_heads(b, a));
}

bool desc_differ(size_t na, size_t xa, size_t nb, size_t xb)
{
	size_t need_a = na <= 2 ? 1 : 2, need_b = nb <= 2 ? 1 : 2;
	return na && nb && xa >= need_a && xb >= need_b;
}


int desc_fate(const char *s)
{
	static const struct { const char *prefix; int fate; } fates[] = {
		{ "dead", DESC_DEAD }, { "death", DESC_DEAD }, { "died", DESC_DEAD },
		{ "kill", DESC_DEAD }, { "fatalit", DESC_DEAD },
		{ "injur", DESC_INJURED }, { "wound", DESC_INJURED }, { "hurt", DESC_INJURED },
		{ "missing", DESC_MISSING },
		{ "displac", DESC_DISPLACED }, { "homeless", DESC_DISPLACED },
		{ "evacuat", DESC_DISPLACED },
	};
	int found = 0;
	for (const char *p = s; p && *p;) {
		while (*p && !ascii_isalpha((unsigned char)*p))
			p++;
		const char *w = p;
		while (ascii_isalpha((unsigned char)*p))
			p++;
		for (size_t i = 0; i < ARRAY_SIZE(fates) && p > w; i++) {
			size_t n = strlen(fates[i].prefix);
			size_t k = 0;
			while (k < n && w + k < p && ascii_tolower((unsigned char)w[k]) == fates[i].prefix[k])
				k++;
			if (k == n) {
				if (found && found != fates[i].fate)
					return 0;      /* "killed or injured": no one fate */
				found = fates[i].fate;
			}
		}
	}
	return found;
}
