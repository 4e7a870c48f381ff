/* concept: stemmed lookup of the concept lexicon in concepts.h. */
#include "compare/concept.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "compare/terms.h"

struct concept_def {
	const char *name;
	const char *words;
};

static const struct concept_def defs[] = {
#define CONCEPT(name, words) { #name, words },
#include "compare/concepts.h"
#undef CONCEPT
};

struct entry {
	char *stem;
	size_t concept;
};

static struct entry *entries;
static size_t nentries;

static int cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->stem, y->stem);
	return c ? c : (x->concept > y->concept) - (x->concept < y->concept);
}

struct one_term {
	char t[64];
	size_t n;
};

static void on_term(void *ctx, const char *term, size_t len, const char *word,
		    size_t wlen, unsigned flags)
{
	struct one_term *o = ctx;
	(void)word;
	(void)wlen;
	(void)flags;
	if (!o->n && len < sizeof o->t) {
		memcpy(o->t, term, len);
		o->t[len] = '\0';
		o->n = len;
	}
}

/* Every word of the table, stemmed the way claim text is. */
static void concept_load(void)
{
	size_t alloc = 0;
	for (size_t i = 0; i < ARRAY_SIZE(defs); i++) {
		const char *s = defs[i].words;
		while (*s) {
			while (*s == ' ')
				s++;
			size_t n = strcspn(s, " ");
			if (!n)
				break;
			struct one_term o = { "", 0 };
			terms_scan(s, n, on_term, &o);
			s += n;
			if (!o.n)
				continue;     /* a stop word */
			if (nentries == alloc) {
				alloc = alloc ? 2 * alloc : 512;
				entries = xrealloc(entries, alloc * sizeof *entries);
			}
			entries[nentries].stem = xstrndup(o.t, o.n);
			entries[nentries].concept = i;
			nentries++;
		}
	}
	qsort(entries, nentries, sizeof *entries, cmp_entry);
	/* one entry per (stem, concept) */
	size_t k = 0;
	for (size_t i = 0; i < nentries; i++) {
		if (k && !cmp_entry(&entries[k - 1], &entries[i])) {
			free(entries[i].stem);
			continue;
		}
		entries[k++] = entries[i];
	}
	nentries = k;
}

size_t concept_of(const char *term, size_t len, size_t *ids, size_t max)
{
	char key[64];
	if (!entries)
		concept_load();
	if (len >= sizeof key)
		return 0;
	memcpy(key, term, len);
	key[len] = '\0';
	/* lower bound */
	size_t lo = 0, hi = nentries;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(entries[mid].stem, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t got = 0;
	for (size_t i = lo; i < nentries && got < max && !strcmp(entries[i].stem, key); i++)
		ids[got++] = entries[i].concept;
	return got;
}

const char *concept_name(size_t id)
{
	return id < ARRAY_SIZE(defs) ? defs[id].name : NULL;
}

size_t concept_count(void)
{
	return ARRAY_SIZE(defs);
}
