/* search: fixed-string and POSIX ERE search, in one text or a corpus. */
#include "search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

static int fold(int c);
static int commonness(unsigned char c);

void search_init(struct search *s)
{
	memset(s, 0, sizeof *s);
}

void search_release(struct search *s)
{
	if (s->ready && s->regex)
		regfree(&s->re);
	free(s->pat);
	search_init(s);
}

static bool has_capital(const char *q, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (q[i] >= 'A' && q[i] <= 'Z')
			return true;
	return false;
}

int search_compile(struct search *s, const char *q, size_t n, unsigned flags,
		   struct strbuf *err)
{
	search_release(s);
	if ((flags & SEARCH_PREFIX) && n && q[0] == '~') {
		flags |= SEARCH_REGEX;
		q++;
		n--;
	}
	if (n > SEARCH_MAX) {
		sb_addf(err, "query too long: %zu bytes (at most %d)", n, SEARCH_MAX);
		return -1;
	}
	if (!n) {
		sb_addstr(err, "empty query: type something to search for");
		return -1;
	}
	if (memchr(q, '\0', n)) {
		sb_addstr(err, "query holds a NUL byte");
		return -1;
	}
	s->pat = xstrndup(q, n);
	s->len = n;
	s->icase = !has_capital(q, n);
	s->regex = flags & SEARCH_REGEX;
	for (size_t i = 1; i < n && i < 64; i++)
		if (commonness((unsigned char)q[i]) < commonness((unsigned char)q[s->anchor]))
			s->anchor = i;
	if (n > 1)
		s->anchor2 = s->anchor ? 0 : 1;
	for (size_t i = 0; i < n && i < 64; i++)
		if (i != s->anchor &&
		    commonness((unsigned char)q[i]) < commonness((unsigned char)q[s->anchor2]))
			s->anchor2 = i;
	if (s->regex) {
		int rc = regcomp(&s->re, s->pat, REG_EXTENDED | REG_NEWLINE |
				 (s->icase ? REG_ICASE : 0));
		if (rc) {
			char m[256];
			regerror(rc, &s->re, m, sizeof m);
			sb_addf(err, "bad regular expression: %s", m);
			free(s->pat);
			s->pat = NULL;
			return -1;
		}
	}
	s->ready = true;
	return 0;
}

static int fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool fixed_at(const struct search *s, const char *t)
{
	if (!s->icase)
		return !memcmp(t, s->pat, s->len);
	for (size_t i = 0; i < s->len; i++)
		if (fold((unsigned char)t[i]) != fold((unsigned char)s->pat[i]))
			return false;
	return true;
}

/* How common a byte is in English text: the anchor of a fixed-string
 * search is its rarest byte, so that the scan stops seldom. */
static int commonness(unsigned char c)
{
	static const char order[] = " etaoinshrdlcumwfgypbvkjxqz";
	const char *p = c ? strchr(order, fold(c)) : NULL;
	if (p)
		return 40 - (int)(p - order);
	return c >= 0x80 ? 5 : (c >= '0' && c <= '9') ? 8 : 10;
}

/* The first i in [0, room) where p[i + k1] and p[i + k2] match their
 * anchors (byte | mask == val), eight starts at a time; p[0..room + kmax)
 * is readable. */
static size_t find_anchors(const char *p, size_t room, size_t k1, unsigned char m1,
			   unsigned char v1, size_t k2, unsigned char m2, unsigned char v2)
{
	const uint64_t ones = 0x0101010101010101ull;
	size_t i = 0;

	for (; i + 8 <= room; i += 8) {
		uint64_t a, b;
		memcpy(&a, p + i + k1, 8);
		memcpy(&b, p + i + k2, 8);
		a = (a | ones * m1) ^ ones * v1;
		b = (b | ones * m2) ^ ones * v2;
		uint64_t z = (a - ones) & ~a & (b - ones) & ~b & (ones * 0x80);
		if (z)
			return i + (size_t)__builtin_ctzll(z) / 8;
	}
	for (; i < room; i++)
		if (((unsigned char)p[i + k1] | m1) == v1 && ((unsigned char)p[i + k2] | m2) == v2)
			return i;
	return room;
}

/* The first place at or after from where the fixed string starts: a scan
 * for its two rarest bytes (either case when folding a letter), then a
 * compare. */
static bool fixed_find(const struct search *s, const char *t, size_t n,
		       size_t from, size_t *ms)
{
	size_t k1 = s->anchor, k2 = s->anchor2;
	unsigned char c1 = (unsigned char)s->pat[k1], c2 = (unsigned char)s->pat[k2];
	unsigned char m1 = s->icase && fold(c1) >= 'a' && fold(c1) <= 'z' ? 0x20 : 0;
	unsigned char m2 = s->icase && fold(c2) >= 'a' && fold(c2) <= 'z' ? 0x20 : 0;

	while (from + s->len <= n) {
		size_t room = n - from - s->len + 1;
		size_t i = from + find_anchors(t + from, room, k1, m1, c1 | m1, k2, m2, c2 | m2);
		if (i >= n - s->len + 1)
			return false;
		if (fixed_at(s, t + i) && utf8_boundary(t, n, i)) {
			*ms = i;
			return true;
		}
		from = i + 1;
	}
	return false;
}




bool search_find(const struct search *s, const char *t, size_t n, size_t from,
		 size_t *ms, size_t *me)
{
	if (!s->ready || from > n)
		return false;
	if (!s->regex) {
		if (!fixed_find(s, t, n, from, ms))
			return false;
		*me = *ms + s->len;
		return true;
	}
	while (from < n) {
		regmatch_t m[1];
		m[0].rm_so = (regoff_t)from;
		m[0].rm_eo = (regoff_t)n;
		int fl = REG_STARTEND | (from > 0 && t[from - 1] != '\n' ? REG_NOTBOL : 0);
		if (regexec(&s->re, t, 1, m, fl))
			return false;
		if (m[0].rm_eo > m[0].rm_so) {
			*ms = (size_t)m[0].rm_so;
			*me = (size_t)m[0].rm_eo;
			return true;
		}
		from = (size_t)m[0].rm_so + 1;   /* skip an empty match */
	}
	return false;
}

bool search_find_back(const struct search *s, const char *t, size_t n,
		      size_t from, size_t *ms, size_t *me)
{
	size_t a, b, at = 0;
	bool found = false;

	while (search_find(s, t, n, at, &a, &b) && a < from) {
		*ms = a;
		*me = b;
		found = true;
		at = a + 1;
	}
	return found;
}

size_t search_all(const struct search *s, const char *t, size_t n,
		  struct span **out)
{
	size_t cnt = 0, alloc = 0, at = 0, a, b;

	*out = NULL;
	while (search_find(s, t, n, at, &a, &b)) {
		if (cnt == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			*out = xrealloc(*out, alloc * sizeof **out);
		}
		(*out)[cnt].start = a;
		(*out)[cnt].end = b;
		cnt++;
		at = b > a ? b : a + 1;
	}
	return cnt;
}

size_t search_corpus(struct corpus *c, const struct search *s, size_t max,
		     struct search_hit **out, struct strbuf *err)
{
	size_t cnt = 0, alloc = 0;

	*out = NULL;
	for (size_t i = 0; i < c->nsources && cnt < max; i++) {
		struct strbuf e = STRBUF_INIT;
		size_t n, at = 0, a, b;
		const char *t = corpus_text(c, i, &n, &e);
		if (!t) {
			sb_addf(err, "%s%s: %s", err->len ? "; " : "",
				c->sources[i].file, e.buf);
			sb_release(&e);
			continue;
		}
		sb_release(&e);
		while (cnt < max && search_find(s, t, n, at, &a, &b)) {
			if (cnt == alloc) {
				alloc = alloc ? alloc * 2 : 32;
				*out = xrealloc(*out, alloc * sizeof **out);
			}
			struct search_hit *h = &(*out)[cnt++];
			h->source = i;
			h->start = a;
			h->end = b;
			h->snip_start = a > SEARCH_SNIPPET ? a - SEARCH_SNIPPET : 0;
			h->snip_end = b + SEARCH_SNIPPET < n ? b + SEARCH_SNIPPET : n;
			while (!utf8_boundary(t, n, h->snip_start))
				h->snip_start++;
			while (!utf8_boundary(t, n, h->snip_end))
				h->snip_end--;
			at = b;
		}
	}
	return cnt;
}
