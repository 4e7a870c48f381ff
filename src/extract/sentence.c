/* sentence: sentence boundaries in news English. */
#include "extract/sentence.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "base/util.h"

static const char *const abbrevs[] = {
	"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
	"st", "jr", "sr", "prof", "rev", "gov", "sen", "rep", "pres", "hon", "messrs",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"vs", "etc", "no", "nos", "co", "corp", "inc", "ltd", "approx", "est", "fig", "vol",
	"al", "cf", "mt", "ft", "pp", NULL,
};

/* Words that start sentences after an acronym ("... in the U.S. The ..."). */
static const char *const starters[] = {
	"the", "a", "an", "it", "he", "she", "they", "we", "i", "but", "and", "this",
	"that", "there", "in", "on", "at", "as", "if", "when", "while", "however", NULL,
};

static bool word_in(const char *w, size_t l, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == l && !strncasecmp(w, *list, l))
			return true;
	return false;
}

/* Closing quote or bracket at s[i]; returns its length or 0. */
static size_t closer(const char *s, size_t n, size_t i)
{
	if (s[i] == '"' || s[i] == ')' || s[i] == ']' || s[i] == '\'')
		return 1;
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x9D || (unsigned char)s[i + 2] == 0x99))
		return 3;
	return 0;
}

/* Can a sentence start at s[i]? */
static bool starter(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if (ascii_isupper(c) || ascii_isdigit(c) || c == '"' || c == '(' || c == '[' || c == '\'')
		return true;
	if (i + 2 < n && c == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x98))
		return true;
	return c >= 0xC3 && c < 0xE0;   /* an accented or Cyrillic capital, roughly */
}

/* Is the full stop at s[dot] the end of a sentence, given what follows
 * at s[next]?  Looks at the word before it. */
static bool stop_ends(const char *s, size_t n, size_t start, size_t dot, size_t next)
{
	size_t w = dot;
	while (w > start && (ascii_isalpha((unsigned char)s[w - 1]) || s[w - 1] == '.'))
		w--;
	size_t l = dot - w;
	if (!l)
		return true;
	const char *word = s + w;
	/* dotted acronym: U.S. U.N. e.g. */
	if (memchr(word, '.', l)) {
		size_t nl = next;
		while (nl < n && ascii_isalpha((unsigned char)s[nl]))
			nl++;
		return word_in(s + next, nl - next, starters);
	}
	if (l == 1 && ascii_isupper((unsigned char)word[0]))
		return false;   /* an initial */
	if (word_in(word, l, abbrevs)) {
		/* "Feb. 10" or "Mr. Smith": no end; "in Feb. The" may be */
		return false;
	}
	return true;
}

size_t sentence_split(const char *s, size_t n, struct sent **out)
{
	struct sent *v = NULL;
	size_t k = 0, cap = 0, para = 0;
	size_t i = 0;

	*out = NULL;
	if (!s)
		return 0;
	while (i < n) {
		/* skip white space, counting blank lines */
		int nls = 0;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) {
			if (s[i] == '\n')
				nls++;
			i++;
		}
		if (nls >= 1 && k)
			para++;
		if (i >= n)
			break;
		size_t start = i, end = n;
		while (i < n) {
			char c = s[i];
			if (c == '\n') {
				end = i;
				break;
			}
			bool ell = i + 2 < n && !memcmp(s + i, "\xe2\x80\xa6", 3);
			if (c == '.' || c == '!' || c == '?' || ell) {
				size_t j = ell ? i + 3 : i + 1;
				while (j < n && s[j] == '.')
					j++;
				size_t cl;
				while (j < n && (cl = closer(s, n, j)))
					j += cl;
				if (j >= n || s[j] == '\n') {
					end = j;
					i = j;
					break;
				}
				if (s[j] == ' ' || s[j] == '\t') {
					size_t nx = j;
					while (nx < n && (s[nx] == ' ' || s[nx] == '\t'))
						nx++;
					if (nx < n && s[nx] != '\n' && starter(s, n, nx) &&
					    (c != '.' || ell || j > i + 1 + (s[i + 1] == '.' ? 1 : 0) ||
					     stop_ends(s, n, start, i, nx))) {
						end = j;
						i = j;
						break;
					}
				}
				i = j;
				continue;
			}
			i++;
		}
		if (end > n)
			end = n;
		size_t e = end;
		while (e > start && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r'))
			e--;
		if (e > start) {
			if (k == cap) {
				cap = cap ? cap * 2 : 64;
				v = xrealloc(v, cap * sizeof *v);
			}
			v[k].start = start;
			v[k].end = e;
			v[k].para = para;
			k++;
		}
		i = end;
	}
	*out = v;
	return k;
}
