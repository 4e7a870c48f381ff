/* tok: words, numbers and punctuation. */
#include "tok.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "util.h"

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
		space = false;
		if (isalpha(c)) {
			x->kind = TOK_WORD;
			x->upper = isupper(c) != 0;
			i++;
			while (i < n) {
				if (isalpha((unsigned char)s[i])) {
					i++;
				} else if (i + 1 < n && s[i] == '\'' && isalpha((unsigned char)s[i + 1])) {
					i += 2;
				} else if (i + 3 < n && !memcmp(s + i, "\xe2\x80\x99", 3) &&
					   isalpha((unsigned char)s[i + 3]) &&
					   !(s[i + 3] == 's' && (i + 4 >= n || !isalpha((unsigned char)s[i + 4])))) {
					i += 3;   /* don’t, but not the possessive ’s */
				} else {
					break;
				}
			}
		} else if (isdigit(c)) {
			x->kind = TOK_NUM;
			while (i < n && isdigit((unsigned char)s[i]))
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

bool tok_is(const char *s, const struct tok *t, const char *w)
{
	size_t l = strlen(w);
	return t->end - t->start == l && !strncasecmp(s + t->start, w, l);
}

bool tok_in(const char *s, const struct tok *t, const char *const *list)
{
	for (; *list; list++)
		if (tok_is(s, t, *list))
			return true;
	return false;
}

bool tok_punct(const char *s, const struct tok *t, const char *p)
{
	size_t l = strlen(p);
	return t->kind == TOK_PUNCT && t->end - t->start == l && !memcmp(s + t->start, p, l);
}
