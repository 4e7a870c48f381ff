/* terms: tokenising, stop words and term-set overlap for comparisons. */
#include "compare/terms.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "compare/stem.h"

#define WORD_MAX 64

static const char *const stop_words[] = {
	"a", "about", "above", "after", "again", "against", "all", "also", "am",
	"an", "and", "any", "are", "as", "at", "be", "because", "been", "before",
	"being", "below", "between", "both", "but", "by", "can", "could", "did",
	"do", "does", "doing", "down", "during", "each", "even", "ever", "every",
	"few", "for", "from", "further", "had", "has", "have", "having", "he",
	"her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
	"if", "in", "into", "is", "it", "its", "itself", "just", "last", "less",
	"like", "many", "may", "me", "might", "more", "most", "much", "must",
	"my", "myself", "new", "no", "nor", "not", "now", "of", "off", "on",
	"once", "one", "only", "or", "other", "our", "ours", "ourselves", "out",
	"over", "own", "same", "she", "should", "since", "so", "some", "still",
	"such", "than", "that", "the", "their", "theirs", "them", "themselves",
	"then", "there", "these", "they", "this", "those", "through", "thus",
	"to", "too", "two", "under", "until", "up", "upon", "us", "very", "was",
	"we", "were", "what", "when", "where", "which", "while", "who", "whom",
	"why", "will", "with", "within", "without", "would", "yet", "you",
	"your", "yours", "yourself", "yourselves", "mr", "ms", "mrs", "said",
	"says", "say", "according", "already", "another", "around", "away",
	"back", "became", "become", "get", "got", "however", "least", "made",
	"make", "seems", "seem", "well", "whether", "whose", "year", "years",
	"ago", "time", "way",
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool terms_is_stop(const char *w, size_t n)
{
	static const char **sorted;
	static size_t nsorted;
	char key[WORD_MAX + 1];
	if (!sorted) {
		nsorted = ARRAY_SIZE(stop_words);
		sorted = xmalloc(sizeof stop_words);
		memcpy(sorted, stop_words, sizeof stop_words);
		qsort(sorted, nsorted, sizeof *sorted, cmp_str);
	}
	if (n > WORD_MAX)
		return false;
	memcpy(key, w, n);
	key[n] = '\0';
	const char *k = key;
	return bsearch(&k, sorted, nsorted, sizeof *sorted, cmp_str) != NULL;
}

/* Bytes of a separator at s (0 when s starts a word character). */
static size_t sep_len(const unsigned char *s, size_t n)
{
	if (s[0] < 0x80)
		return ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z') ||
		       (s[0] >= '0' && s[0] <= '9') ? 0 : 1;
	/* U+2000..U+206F general punctuation (dashes, quotes), U+00A0..U+00BF */
	if (n >= 3 && s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81))
		return 3;
	if (n >= 2 && s[0] == 0xC2)
		return 2;
	return 0;
}

static bool is_apostrophe(const unsigned char *s, size_t n)
{
	return s[0] == '\'' || (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99);
}

void terms_scan(const char *text, size_t n, terms_cb cb, void *ctx)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;
	bool sentence_start = true;
	char w[WORD_MAX + 8];
	/* a word is held back one step so that TERM_RUN_END can be set */
	char held[WORD_MAX + 8];
	size_t held_len = 0, held_wlen = 0;
	const char *held_word = text;
	unsigned held_flags = 0;
	bool have_held = false;

	while (i < n) {
		size_t k = sep_len(s + i, n - i);
		if (k) {
			if (s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] == ':' || s[i] == ';')
				sentence_start = true;
			if (have_held && !(s[i] == ' ' || s[i] == '-'))
				held_flags |= TERM_RUN_END;
			/* possessive 's */
			if (is_apostrophe(s + i, n - i) && i + k < n && (s[i + k] | 0x20) == 's' &&
			    (i + k + 1 == n || sep_len(s + i + k + 1, n - i - k - 1)))
				k++;
			i += k;
			continue;
		}
		size_t st = i, len = 0;
		bool cap = s[i] >= 'A' && s[i] <= 'Z', digit_only = true;
		while (i < n && !sep_len(s + i, n - i)) {
			if (len < WORD_MAX)
				w[len++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]);
			if (s[i] < '0' || s[i] > '9')
				digit_only = false;
			i++;
		}
		bool first = sentence_start;
		sentence_start = false;
		bool keep = !digit_only && len > 1 && !terms_is_stop(w, len);
		if (have_held) {
			if (!keep || !cap || first)
				held_flags |= TERM_RUN_END;
			cb(ctx, held, held_len, held_word, held_wlen, held_flags);
			have_held = false;
		}
		if (!keep)
			continue;
		if (cap && len > 6 && !memcmp(w + len - 4, "ians", 4))
			len -= 4;          /* Russians -> russ */
		else if (cap && len > 5 && !memcmp(w + len - 3, "ian", 3))
			len -= 3;          /* Russian -> russ, Belarusian -> belarus */
		else if (cap && len > 4 && w[len - 1] == 'a' && w[len - 2] == 'i')
			len -= 2;          /* Russia -> russ */
		else if (cap && len >= 7 && (w[len - 1] == 'a' || w[len - 1] == 'o' || w[len - 1] == 'e'))
			len--;             /* Lukashenka, Lukashenko -> lukashenk */
		else
			len = stem_word(w, len);
		memcpy(held, w, len);
		held_len = len;
		held_word = text + st;
		held_wlen = i - st;
		held_flags = cap && !first ? TERM_CAP : 0;
		have_held = true;
	}
	if (have_held)
		cb(ctx, held, held_len, held_word, held_wlen, held_flags | TERM_RUN_END);
}

struct termset {
	char **t;
	size_t n, alloc;
};

static void add_term(void *ctx, const char *term, size_t len, const char *word,
		     size_t wlen, unsigned flags)
{
	struct termset *ts = ctx;
	(void)word;
	(void)wlen;
	(void)flags;
	for (size_t i = 0; i < ts->n; i++)
		if (strlen(ts->t[i]) == len && !memcmp(ts->t[i], term, len))
			return;
	if (ts->n == ts->alloc) {
		ts->alloc = ts->alloc ? 2 * ts->alloc : 16;
		ts->t = xrealloc(ts->t, ts->alloc * sizeof *ts->t);
	}
	ts->t[ts->n++] = xstrndup(term, len);
}

static void termset_free(struct termset *ts)
{
	for (size_t i = 0; i < ts->n; i++)
		free(ts->t[i]);
	free(ts->t);
}

double terms_overlap(const char *a, const char *b)
{
	struct termset x = { 0 }, y = { 0 };
	if (!a || !b)
		return 0;
	terms_scan(a, strlen(a), add_term, &x);
	terms_scan(b, strlen(b), add_term, &y);
	size_t both = 0;
	for (size_t i = 0; i < x.n; i++)
		for (size_t j = 0; j < y.n; j++)
			if (!strcmp(x.t[i], y.t[j])) {
				both++;
				break;
			}
	double r = x.n + y.n ? 2.0 * (double)both / (double)(x.n + y.n) : 0;
	termset_free(&x);
	termset_free(&y);
	return r;
}
