/*
 * stem: Porter's suffix-stripping steps 1a..5b on lower-case ASCII words,
 * with one change: a final "s" after "u" is kept (status, census, Belarus).
 */
#include "compare/stem.h"

#include <stdbool.h>
#include <string.h>

struct word {
	char *b;
	size_t k;     /* last index of the word */
	size_t j;     /* end of the stem before the suffix being tried */
};

static bool is_cons(const struct word *w, size_t i)
{
	switch (w->b[i]) {
	case 'a': case 'e': case 'i': case 'o': case 'u':
		return false;
	case 'y':
		return i == 0 ? true : !is_cons(w, i - 1);
	default:
		return true;
	}
}

/* m(): the number of VC sequences in b[0..j]. */
static int porter_m(const struct word *w)
{
	size_t i = 0;
	int n = 0;
	for (;;) {
		if (i > w->j)
			return n;
		if (!is_cons(w, i))
			break;
		i++;
	}
	i++;
	for (;;) {
		for (;;) {
			if (i > w->j)
				return n;
			if (is_cons(w, i))
				break;
			i++;
		}
		i++;
		n++;
		for (;;) {
			if (i > w->j)
				return n;
			if (!is_cons(w, i))
				break;
			i++;
		}
		i++;
	}
}

static bool has_vowel(const struct word *w)
{
	for (size_t i = 0; i <= w->j; i++)
		if (!is_cons(w, i))
			return true;
	return false;
}

static bool double_cons(const struct word *w, size_t i)
{
	return i >= 1 && w->b[i] == w->b[i - 1] && is_cons(w, i);
}

/* cvc(i): consonant-vowel-consonant ending at i, the last not w, x or y. */
static bool cvc(const struct word *w, size_t i)
{
	if (i < 2 || !is_cons(w, i) || is_cons(w, i - 1) || !is_cons(w, i - 2))
		return false;
	char c = w->b[i];
	return c != 'w' && c != 'x' && c != 'y';
}

/* Does the word end with s?  Sets j to the end of the stem if so. */
static bool ends(struct word *w, const char *s)
{
	size_t n = strlen(s);
	if (n > w->k + 1 || memcmp(w->b + w->k + 1 - n, s, n))
		return false;
	w->j = w->k - n;   /* may wrap when n == k + 1: only read through porter_m */
	if (n == w->k + 1)
		w->j = (size_t)-1;
	return true;
}

static void set_to(struct word *w, const char *s)
{
	size_t n = strlen(s);
	memcpy(w->b + w->j + 1, s, n);
	w->k = w->j + n;
}

static int m_stem(struct word *w)
{
	return w->j == (size_t)-1 ? 0 : porter_m(w);
}

static void replace_if_m(struct word *w, const char *s)
{
	if (m_stem(w) > 0)
		set_to(w, s);
}

static void step1ab(struct word *w)
{
	if (w->b[w->k] == 's') {
		if (ends(w, "sses"))
			w->k -= 2;
		else if (ends(w, "ies"))
			set_to(w, "i");
		else if (w->k >= 1 && w->b[w->k - 1] != 's' && w->b[w->k - 1] != 'u')
			w->k--;
	}
	if (ends(w, "eed")) {
		if (m_stem(w) > 0)
			w->k--;
	} else if ((ends(w, "ed") || ends(w, "ing")) && w->j != (size_t)-1 && has_vowel(w)) {
		w->k = w->j;
		if (ends(w, "at"))
			set_to(w, "ate");
		else if (ends(w, "bl"))
			set_to(w, "ble");
		else if (ends(w, "iz"))
			set_to(w, "ize");
		else if (double_cons(w, w->k)) {
			char c = w->b[w->k];
			if (c != 'l' && c != 's' && c != 'z')
				w->k--;
		} else {
			w->j = w->k;
			if (porter_m(w) == 1 && cvc(w, w->k)) {
				w->j = w->k;
				w->b[++w->k] = 'e';
			}
		}
	}
}

static void step1c(struct word *w)
{
	if (ends(w, "y") && w->j != (size_t)-1 && has_vowel(w))
		w->b[w->k] = 'i';
}

static const char *const step2_tab[][2] = {
	{ "ational", "ate" }, { "tional", "tion" }, { "enci", "ence" },
	{ "anci", "ance" }, { "izer", "ize" }, { "bli", "ble" },
	{ "alli", "al" }, { "entli", "ent" }, { "eli", "e" }, { "ousli", "ous" },
	{ "ization", "ize" }, { "ation", "ate" }, { "ator", "ate" },
	{ "alism", "al" }, { "iveness", "ive" }, { "fulness", "ful" },
	{ "ousness", "ous" }, { "aliti", "al" }, { "iviti", "ive" },
	{ "biliti", "ble" }, { "logi", "log" },
};

static const char *const step3_tab[][2] = {
	{ "icate", "ic" }, { "ative", "" }, { "alize", "al" }, { "iciti", "ic" },
	{ "ical", "ic" }, { "ful", "" }, { "ness", "" },
};

static const char *const step4_tab[] = {
	"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement",
	"ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
};

static void step23(struct word *w, const char *const tab[][2], size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ends(w, tab[i][0])) {
			replace_if_m(w, tab[i][1]);
			return;
		}
}

static void step4(struct word *w)
{
	for (size_t i = 0; i < sizeof step4_tab / sizeof step4_tab[0]; i++) {
		if (!ends(w, step4_tab[i]))
			continue;
		if (!strcmp(step4_tab[i], "ion") &&
		    (w->j == (size_t)-1 || (w->b[w->j] != 's' && w->b[w->j] != 't')))
			return;
		if (m_stem(w) > 1)
			w->k = w->j;
		return;
	}
}

static void step5(struct word *w)
{
	w->j = w->k;
	if (w->b[w->k] == 'e') {
		w->j = w->k - 1;
		int a = porter_m(w);
		if (a > 1 || (a == 1 && !cvc(w, w->k - 1)))
			w->k--;
	}
	w->j = w->k;
	if (w->b[w->k] == 'l' && double_cons(w, w->k) && porter_m(w) > 1)
		w->k--;
}

size_t stem_word(char *s, size_t n)
{
	if (n <= 2)
		return n;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return n;
	struct word w = { s, n - 1, 0 };
	step1ab(&w);
	if (w.k > 0) {
		step1c(&w);
		step23(&w, step2_tab, sizeof step2_tab / sizeof step2_tab[0]);
		step23(&w, step3_tab, sizeof step3_tab / sizeof step3_tab[0]);
		step4(&w);
		step5(&w);
	}
	return w.k + 1;
}
