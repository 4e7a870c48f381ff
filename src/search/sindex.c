/* sindex: word -> (source, count) postings for corpus-wide search. */
#include "search/sindex.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "search/scan.h"

struct word {
	size_t off;            /* in x->chars */
	uint32_t len;
	uint32_t hash;
	uint32_t last;         /* the last source posted, +1 (0: none yet) */
	uint32_t cur;          /* occurrences in the source being added */
	unsigned char *post;   /* varints: source delta, count */
	size_t plen, pcap;
};

struct sindex {
	size_t nsources, added;
	struct word *words;
	size_t nwords, awords;
	uint32_t *slots;       /* word index + 1; 0 empty */
	size_t cap;            /* power of two */
	char *chars;
	size_t nchars, achars;
	uint32_t *touched;     /* words seen in the source being added */
	size_t ntouched, atouched;
	size_t postbytes;
};

static bool is_word(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

static uint32_t hash_bytes(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

struct sindex *sindex_new(size_t nsources)
{
	struct sindex *x = xcalloc(1, sizeof *x);
	x->nsources = nsources;
	x->cap = 1 << 16;
	x->slots = xcalloc(x->cap, sizeof *x->slots);
	return x;
}

void sindex_free(struct sindex *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->nwords; i++)
		free(x->words[i].post);
	free(x->words);
	free(x->slots);
	free(x->chars);
	free(x->touched);
	free(x);
}

size_t sindex_sources(const struct sindex *x) { return x->added; }
size_t sindex_words(const struct sindex *x) { return x->nwords; }

size_t sindex_bytes(const struct sindex *x)
{
	return x->postbytes + x->awords * sizeof *x->words + x->cap * sizeof *x->slots +
	       x->achars + x->atouched * sizeof *x->touched;
}

static void grow_slots(struct sindex *x)
{
	size_t cap = x->cap * 2;
	uint32_t *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < x->nwords; i++) {
		size_t k = x->words[i].hash & (cap - 1);
		while (slots[k])
			k = (k + 1) & (cap - 1);
		slots[k] = (uint32_t)i + 1;
	}
	free(x->slots);
	x->slots = slots;
	x->cap = cap;
}

static struct word *word_get(struct sindex *x, const char *s, size_t n)
{
	uint32_t h = hash_bytes(s, n);
	size_t k = h & (x->cap - 1);

	for (; x->slots[k]; k = (k + 1) & (x->cap - 1)) {
		struct word *w = &x->words[x->slots[k] - 1];
		if (w->hash == h && w->len == n && !memcmp(x->chars + w->off, s, n))
			return w;
	}
	if (x->nwords == x->awords) {
		x->awords = x->awords ? x->awords * 2 : 4096;
		x->words = xrealloc(x->words, x->awords * sizeof *x->words);
	}
	if (x->nchars + n > x->achars) {
		x->achars = x->achars ? x->achars * 2 : 65536;
		while (x->nchars + n > x->achars)
			x->achars *= 2;
		x->chars = xrealloc(x->chars, x->achars);
	}
	memcpy(x->chars + x->nchars, s, n);
	struct word *w = &x->words[x->nwords];
	memset(w, 0, sizeof *w);
	w->off = x->nchars;
	w->len = (uint32_t)n;
	w->hash = h;
	x->nchars += n;
	x->slots[k] = (uint32_t)++x->nwords;
	if (x->nwords * 2 > x->cap)
		grow_slots(x);
	return &x->words[x->nwords - 1];
}

static void put_varint(struct sindex *x, struct word *w, uint32_t v)
{
	if (w->plen + 5 > w->pcap) {
		size_t cap = w->pcap ? w->pcap * 2 : 8;
		x->postbytes += cap - w->pcap;
		w->post = xrealloc(w->post, cap);
		w->pcap = cap;
	}
	while (v >= 0x80) {
		w->post[w->plen++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	w->post[w->plen++] = (unsigned char)v;
}

static uint32_t get_varint(const unsigned char **p)
{
	uint32_t v = 0;
	for (int sh = 0;; sh += 7) {
		unsigned char b = *(*p)++;
		v |= (uint32_t)(b & 0x7f) << sh;
		if (!(b & 0x80))
			return v;
	}
}

void sindex_add(struct sindex *x, size_t source, const char *t, size_t n)
{
	size_t i = 0;

	if (source < x->added || source >= x->nsources)
		return;
	x->ntouched = 0;
	while (i < n) {
		while (i < n && !is_word((unsigned char)t[i]))
			i++;
		size_t a = i;
		while (i < n && is_word((unsigned char)t[i]))
			i++;
		if (i == a)
			break;
		struct word *w = word_get(x, t + a, i - a);
		if (!w->cur++) {
			if (x->ntouched == x->atouched) {
				x->atouched = x->atouched ? x->atouched * 2 : 1024;
				x->touched = xrealloc(x->touched, x->atouched * sizeof *x->touched);
			}
			x->touched[x->ntouched++] = (uint32_t)(w - x->words);
		}
	}
	for (size_t k = 0; k < x->ntouched; k++) {
		struct word *w = &x->words[x->touched[k]];
		put_varint(x, w, (uint32_t)source + 1 - w->last);
		put_varint(x, w, w->cur);
		w->last = (uint32_t)source + 1;
		w->cur = 0;
	}
	x->added = source + 1;
}

/* counts[src] += mult * occurrences, or (mark mode) counts[src] == round
 * becomes round + 1. */
static void post_walk(const struct word *w, uint32_t *counts, size_t mult, uint32_t round,
		      bool mark)
{
	const unsigned char *p = w->post, *end = w->post + w->plen;
	uint32_t src = 0;

	while (p < end) {
		src += get_varint(&p);
		uint32_t c = get_varint(&p);
		if (!mark)
			counts[src - 1] += (uint32_t)(mult * c);
		else if (counts[src - 1] == round)
			counts[src - 1] = round + 1;
	}
}

enum sindex_answer sindex_query(const struct sindex *x, const struct search *s,
				uint32_t *counts)
{
	memset(counts, 0, x->nsources * sizeof *counts);
	if (!s->ready || s->regex || s->number || ((unsigned char)s->pat[0] & 0xC0) == 0x80)
		return SINDEX_SCAN;
	bool phrase = false;
	for (size_t i = 0; i < s->len; i++)
		if (!is_word((unsigned char)s->pat[i]))
			phrase = true;
	if (!phrase) {
		for (size_t i = 0; i < x->nwords; i++) {
			const struct word *w = &x->words[i];
			size_t m = w->len >= s->len ? search_count(s, x->chars + w->off, w->len) : 0;
			if (m)
				post_walk(w, counts, m, 0, false);
		}
		return SINDEX_COUNTS;
	}
	/* a phrase: sources holding a word that contains each of its words */
	uint32_t round = 0;
	size_t i = 0;
	while (i < s->len) {
		while (i < s->len && !is_word((unsigned char)s->pat[i]))
			i++;
		size_t a = i;
		while (i < s->len && is_word((unsigned char)s->pat[i]))
			i++;
		if (i == a)
			break;
		struct search part;
		struct strbuf err = STRBUF_INIT;
		search_init(&part);
		if (search_compile(&part, s->pat + a, i - a, 0, &err) < 0) {
			sb_release(&err);
			return SINDEX_SCAN;
		}
		sb_release(&err);
		part.icase = s->icase;
		for (size_t k = 0; k < x->nwords; k++) {
			const struct word *w = &x->words[k];
			if (w->len >= part.len && search_count(&part, x->chars + w->off, w->len))
				post_walk(w, counts, 0, round, true);
		}
		search_release(&part);
		round++;
	}
	if (!round)
		return SINDEX_SCAN;
	for (size_t k = 0; k < x->nsources; k++)
		counts[k] = counts[k] == round;
	return SINDEX_CANDIDATES;
}
