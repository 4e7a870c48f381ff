/* tok: words, numbers and punctuation. */
#include "base/tok.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "base/util.h"

static inline unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

static unsigned hash_of(const char *p, size_t l)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < l; i++)
		h = (h ^ lower((unsigned char)p[i])) * 16777619u;
	return h ? h : 1;
}

size_t tok_split(const char *s, size_t n, struct tok **out)
{
	size_t cap = n / 4 + 8, k = 0;
	struct tok *t = xmalloc(cap * sizeof *t);
	bool space = true;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = true;
			i++;
			continue;
		}
		if (k == cap) {
			cap *= 2;
			t = xrealloc(t, cap * sizeof *t);
		}
		struct tok *x = &t[k++];
		x->start = i;
		x->space = space;
		x->upper = false;
		x->hash = 0;
		space = false;
		if (ascii_isalpha(c)) {
			x->kind = TOK_WORD;
			x->upper = ascii_isupper(c) != 0;
			i++;
			while (i < n) {
				if (ascii_isalpha((unsigned char)s[i])) {
					i++;
				} else if (i + 1 < n && s[i] == '\'' && ascii_isalpha((unsigned char)s[i + 1])) {
					i += 2;
				} else if (i + 3 < n && !memcmp(s + i, "\xe2\x80\x99", 3) &&
					   ascii_isalpha((unsigned char)s[i + 3]) &&
					   !(s[i + 3] == 's' && (i + 4 >= n || !ascii_isalpha((unsigned char)s[i + 4])))) {
					i += 3;   /* don’t, but not the possessive ’s */
				} else {
					break;
				}
			}
			x->end = i;
			x->hash = hash_of(s + x->start, i - x->start);
			continue;
		} else if (ascii_isdigit(c)) {
			x->kind = TOK_NUM;
			while (i < n && ascii_isdigit((unsigned char)s[i]))
				i++;
		} else {
			uint32_t cp;
			x->kind = TOK_PUNCT;
			i += (size_t)utf8_decode(s + i, n - i, &cp);
		}
		x->end = i;
	}
	*out = t;
	return k;
}

bool tok_eq(const char *p, size_t l, const char *w)
{
	for (size_t i = 0; i < l; i++)
		if (!w[i] || lower((unsigned char)p[i]) != lower((unsigned char)w[i]))
			return false;
	return w[l] == '\0';
}

bool tok_is(const char *s, const struct tok *t, const char *w)
{
	return tok_eq(s + t->start, t->end - t->start, w);
}

struct wset {
	const char *const *list;
	const char **slot;     /* open addressing by hash */
	unsigned *hash;
	size_t mask;
};

static struct wset sets[TOK_MAX_LISTS];
static size_t nsets;

/* list pointer -> set, open addressing on the pointer's bits */
static struct wset *by_ptr[2 * TOK_MAX_LISTS];

static const struct wset *set_for(const char *const *list)
{
	size_t k = ((uintptr_t)list >> 3) % (2 * TOK_MAX_LISTS);
	while (by_ptr[k]) {
		if (by_ptr[k]->list == list)
			return by_ptr[k];
		k = (k + 1) % (2 * TOK_MAX_LISTS);
	}
	if (nsets == TOK_MAX_LISTS)
		return NULL;
	struct wset *w = &sets[nsets++];
	by_ptr[k] = w;
	size_t n = 0, cap = 8;
	while (list[n])
		n++;
	while (cap < 2 * n + 2)
		cap *= 2;
	w->list = list;
	w->mask = cap - 1;
	w->slot = xcalloc(cap, sizeof *w->slot);
	w->hash = xcalloc(cap, sizeof *w->hash);
	for (size_t i = 0; i < n; i++) {
		unsigned h = hash_of(list[i], strlen(list[i]));
		size_t j = h & w->mask;
		while (w->slot[j])
			j = (j + 1) & w->mask;
		w->slot[j] = list[i];
		w->hash[j] = h;
	}
	return w;
}

bool tok_in(const char *s, const struct tok *t, const char *const *list)
{
	if (t->kind != TOK_WORD)
		return false;
	const struct wset *w = set_for(list);
	if (!w) {
		for (; *list; list++)
			if (tok_is(s, t, *list))
				return true;
		return false;
	}
	for (size_t k = t->hash & w->mask; w->slot[k]; k = (k + 1) & w->mask)
		if (w->hash[k] == t->hash && tok_is(s, t, w->slot[k]))
			return true;
	return false;
}

bool tok_punct(const char *s, const struct tok *t, const char *p)
{
	size_t l = strlen(p);
	return t->kind == TOK_PUNCT && t->end - t->start == l && !memcmp(s + t->start, p, l);
}
