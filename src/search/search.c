/* search: fixed-string and POSIX ERE search, in one text or a corpus. */
#include "search/search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/util.h"

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

/*
 * Limits on an expression before regcomp(): glibc's regexec() is
 * exponential in how deeply repetitions nest ("a++++++++++++++++++", or
 * groups each with a "+"), and regcomp() expands counted repetitions, so
 * "(a{100}){100}" costs memory by the product.  Refused: repetitions nested
 * more than SEARCH_NEST deep, counts multiplying to more than
 * SEARCH_COUNTS.  A light walk of the ERE syntax: escapes, bracket
 * expressions and groups; what it does not understand regcomp() judges.
 */
#define SEARCH_NEST 3
#define SEARCH_COUNTS 1000

struct rx_frame {
	int depth;            /* deepest nesting of repetitions inside */
	unsigned long cnt;    /* largest product of counts inside */
};

static size_t skip_bracket(const char *p, size_t n, size_t i)
{
	i++;                               /* past '[' */
	if (i < n && p[i] == '^')
		i++;
	if (i < n && p[i] == ']')
		i++;
	while (i < n && p[i] != ']') {
		if (p[i] == '[' && i + 1 < n && (p[i + 1] == ':' || p[i + 1] == '.' || p[i + 1] == '=')) {
			char c = p[i + 1];
			i += 2;
			while (i + 1 < n && !(p[i] == c && p[i + 1] == ']'))
				i++;
			i += 2;
			continue;
		}
		i++;
	}
	return i;                          /* at ']' or n */
}

static int regex_limits(const char *p, size_t n, struct strbuf *err)
{
	struct rx_frame st[64];
	int top = 0, depth = 0, deep = 0;
	unsigned long cnt = 1, most = 1;
	bool atom = false;

	st[0].depth = 0;
	st[0].cnt = 1;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c == '*' || c == '+' || c == '?' || c == '{') {
			unsigned long k = 1;
			if (c == '{') {
				char *e;
				unsigned long lo = strtoul(p + i + 1, &e, 10), hi = lo;
				if (e == p + i + 1)
					goto literal;
				if (*e == ',') {
					char *f;
					hi = strtoul(e + 1, &f, 10);
					if (f == e + 1)
						hi = lo;
					e = f;
				}
				if (*e != '}')
					goto literal;
				k = hi > lo ? hi : lo;
				if (k > SEARCH_COUNTS)
					k = SEARCH_COUNTS + 1;
				i = (size_t)(e - p);
			}
			if (!atom)
				continue;
			depth++;
			cnt *= k ? k : 1;
			if (cnt > SEARCH_COUNTS)
				cnt = SEARCH_COUNTS + 1;
		} else if (c == '(') {
			if (top + 1 >= (int)(sizeof st / sizeof *st)) {
				sb_addstr(err, "bad regular expression: groups nested too deep");
				return -1;
			}
			st[++top].depth = 0;
			st[top].cnt = 1;
			atom = false;
			continue;
		} else if (c == ')' && top > 0) {
			depth = st[top].depth;
			cnt = st[top].cnt;
			top--;
			atom = true;
		} else if (c == '|') {
			atom = false;
			continue;
		} else if (c == '^' || c == '$') {
			atom = false;
			continue;
		} else {
literal:
			if (c == '\\' && i + 1 < n)
				i++;
			else if (c == '[')
				i = skip_bracket(p, n, i);
			depth = 0;
			cnt = 1;
			atom = true;
		}
		if (depth > st[top].depth)
			st[top].depth = depth;
		if (cnt > st[top].cnt)
			st[top].cnt = cnt;
		if (depth > deep)
			deep = depth;
		if (cnt > most)
			most = cnt;
	}
	if (deep > SEARCH_NEST) {
		sb_addf(err, "bad regular expression: repetitions nested %d deep "
			"(at most %d: deeper ones make the search exponential)", deep, SEARCH_NEST);
		return -1;
	}
	if (most > SEARCH_COUNTS) {
		sb_addf(err, "bad regular expression: counted repetitions multiply "
			"to more than %d", SEARCH_COUNTS);
		return -1;
	}
	return 0;
}

/* Thousands separators: ',', ' ', NO-BREAK SPACE, THIN SPACE, NARROW
 * NO-BREAK SPACE; the length of the one at t[i..n), else 0. */
static size_t separator(const char *t, size_t n, size_t i)
{
	if (i < n && (t[i] == ',' || t[i] == ' '))
		return 1;
	if (i + 1 < n && !memcmp(t + i, "\xc2\xa0", 2))
		return 2;
	if (i + 2 < n && (!memcmp(t + i, "\xe2\x80\x89", 3) || !memcmp(t + i, "\xe2\x80\xaf", 3)))
		return 3;
	return 0;
}

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The number written at t[i..n): its digits into out (at most max, else
 * false), *end past it.  Separators count only between a digit and a group
 * of exactly three digits. */
static bool read_figures(const char *t, size_t n, size_t i, char *out, size_t max,
			 size_t *len, size_t *end)
{
	size_t k = 0;

	while (i < n) {
		if (digit(t[i])) {
			if (k == max)
				return false;
			out[k++] = t[i++];
			continue;
		}
		size_t sl = separator(t, n, i);
		if (!sl || !k || i + sl + 3 > n || !digit(t[i + sl]) || !digit(t[i + sl + 1]) ||
		    !digit(t[i + sl + 2]) || (i + sl + 3 < n && digit(t[i + sl + 3])))
			break;
		i += sl;
	}
	*len = k;
	*end = i;
	return k > 0;
}

/* A query of figures becomes a number search: pat keeps its digits. */
static bool number_query(struct search *s)
{
	char d[64];
	size_t nd, end;

	if (!digit(s->pat[0]) || !read_figures(s->pat, s->len, 0, d, sizeof d, &nd, &end) ||
	    end != s->len)
		return false;
	memcpy(s->pat, d, nd);
	s->pat[nd] = '\0';
	s->len = nd;
	s->number = true;
	s->ready = true;
	return true;
}

/* The next number at or after from whose digits are the query's. */
static bool number_find(const struct search *s, const char *t, size_t n, size_t from,
			size_t *ms, size_t *me)
{
	char d[64];

	for (size_t i = from; i < n; i++) {
		size_t nd, end;
		if (!digit(t[i]) || (i && digit(t[i - 1])))
			continue;
		if (i >= 2 && t[i - 1] == '.' && digit(t[i - 2]))
			continue;   /* the decimals of another number */
		bool ok = read_figures(t, n, i, d, sizeof d, &nd, &end);
		if (ok && nd == s->len && !memcmp(d, s->pat, nd) &&
		    !(end + 1 < n && (t[end] == '.' || t[end] == ',') && digit(t[end + 1]))) {
			*ms = i;
			*me = end;
			return true;
		}
		if (ok && end > i)
			i = end - 1;
	}
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
	if (!(flags & SEARCH_REGEX) && number_query(s))
		return 0;
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
	if (s->regex && regex_limits(s->pat, n, err) < 0) {
		free(s->pat);
		s->pat = NULL;
		return -1;
	}
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

/* search_find() with the time limit: false when past deadline (ms), with
 * *late set. */
static bool find(const struct search *s, const char *t, size_t n, size_t from,
		 size_t *ms, size_t *me, long long deadline, bool *late)
{
	if (!s->ready || from > n)
		return false;
	if (s->number)
		return number_find(s, t, n, from, ms, me);
	if (!s->regex) {
		if (!fixed_find(s, t, n, from, ms))
			return false;
		*me = *ms + s->len;
		return true;
	}
	while (from < n) {
		if (util_now_ms() > deadline) {
			*late = true;
			return false;
		}
		/* the window: whole lines when they fit, else a cut line */
		size_t end = n, next;
		bool cut = false;
		if (n - from > SEARCH_WINDOW) {
			end = from + SEARCH_WINDOW;
			const char *nl = memrchr(t + from, '\n', SEARCH_WINDOW);
			if (nl)
				end = (size_t)(nl - t) + 1;
			else
				cut = true;
		}
		next = cut ? from + SEARCH_WINDOW / 2 : end;
		regmatch_t m[1];
		m[0].rm_so = (regoff_t)from;
		m[0].rm_eo = (regoff_t)end;
		int fl = REG_STARTEND | (from > 0 && t[from - 1] != '\n' ? REG_NOTBOL : 0) |
			 (cut ? REG_NOTEOL : 0);
		if (regexec(&s->re, t, 1, m, fl)) {
			from = next;
			continue;
		}
		if (m[0].rm_eo > m[0].rm_so) {
			*ms = (size_t)m[0].rm_so;
			*me = (size_t)m[0].rm_eo;
			return true;
		}
		from = (size_t)m[0].rm_so + 1;   /* skip an empty match */
	}
	return false;
}

bool search_find(const struct search *s, const char *t, size_t n, size_t from,
		 size_t *ms, size_t *me)
{
	bool late = false;
	return find(s, t, n, from, ms, me, util_now_ms() + SEARCH_BUDGET_MS, &late);
}

bool search_find_late(const struct search *s, const char *t, size_t n, size_t from,
		      size_t *ms, size_t *me, bool *late)
{
	*late = false;
	return find(s, t, n, from, ms, me, util_now_ms() + SEARCH_BUDGET_MS, late);
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

size_t search_all(struct search *s, const char *t, size_t n,
		  struct span **out)
{
	size_t cnt = 0, alloc = 0, at = 0, a, b;
	long long deadline = util_now_ms() + SEARCH_BUDGET_MS;

	*out = NULL;
	s->stopped = false;
	while (find(s, t, n, at, &a, &b, deadline, &s->stopped)) {
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

struct search_hit search_hit_at(size_t source, const char *t, size_t n, size_t a, size_t b)
{
	struct search_hit h = { source, a, b, a > SEARCH_SNIPPET ? a - SEARCH_SNIPPET : 0,
				b + SEARCH_SNIPPET < n ? b + SEARCH_SNIPPET : n };
	while (!utf8_boundary(t, n, h.snip_start))
		h.snip_start++;
	while (!utf8_boundary(t, n, h.snip_end))
		h.snip_end--;
	return h;
}

size_t search_corpus(struct corpus *c, struct search *s, size_t max,
		     struct search_hit **out, struct strbuf *err)
{
	size_t cnt = 0, alloc = 0;
	long long deadline = util_now_ms() + SEARCH_BUDGET_MS;

	*out = NULL;
	s->stopped = false;
	for (size_t i = 0; i < c->nsources && cnt < max && !s->stopped; i++) {
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
		while (cnt < max && find(s, t, n, at, &a, &b, deadline, &s->stopped)) {
			if (cnt == alloc) {
				alloc = alloc ? alloc * 2 : 32;
				*out = xrealloc(*out, alloc * sizeof **out);
			}
			(*out)[cnt++] = search_hit_at(i, t, n, a, b);
			at = b;
		}
	}
	if (s->stopped)
		sb_addf(err, "%ssearch stopped after %d s: the expression is too slow "
			"on these texts (try a simpler one)", err->len ? "; " : "",
			SEARCH_BUDGET_MS / 1000);
	return cnt;
}
