/* search: fixed-string and PCRE2 search, in one text or a corpus. */
#include "search/search.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/util.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#define SEARCH_JIT_STACK (8 << 20)   /* bytes of JIT stack for a match that needs more */

/* A compiled expression; search_find() takes the search as const, so what
 * a match changes lives here, behind a pointer. */
struct search_rx {
	pcre2_code *code;
	pcre2_match_context *mctx;   /* the limits; read-only while matching */
	atomic_bool limited;         /* a match ran into a limit since the last reset */
};

static int fold(int c);
static int commonness(unsigned char c);

void search_init(struct search *s)
{
	memset(s, 0, sizeof *s);
}

void search_release(struct search *s)
{
	if (s->rx) {
		pcre2_match_context_free(s->rx->mctx);
		pcre2_code_free(s->rx->code);
		free(s->rx);
	}
	free(s->pat);
	search_init(s);
}

/* Capital letters, for smart case: ASCII, Latin-1, Latin Extended-A and
 * Additional, Greek, Cyrillic and Armenian (ranges, not the locale: the
 * answer must not depend on LC_CTYPE). */
static bool is_capital(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	if (c >= 0x100 && c <= 0x17F) {
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return c % 2 == 1;
		return c == 0x178 || (c % 2 == 0 && c != 0x138);
	}
	if (c >= 0x1E00 && c <= 0x1EFF)
		return c % 2 == 0;
	if (c >= 0x386 && c <= 0x3AB)
		return c != 0x387 && c != 0x38B && c != 0x38D && c != 0x3A2;
	if (c >= 0x400 && c <= 0x42F)
		return true;
	if (c >= 0x460 && c <= 0x52F)
		return c % 2 == 0 && !(c >= 0x482 && c <= 0x489) && c != 0x4C0;
	return c >= 0x531 && c <= 0x556;
}

static bool has_capital(const char *q, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += (size_t)utf8_decode(q + i, n - i, &cp);
		if (cp != TEXT_INVALID && is_capital(cp))
			return true;
	}
	return false;
}

static bool has_nonascii(const char *q, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)q[i] >= 0x80)
			return true;
	return false;
}

/*
 * The expression compiled with PCRE2: UTF and UCP (so \w, [[:alpha:]] and
 * caseless matching know every script), MULTILINE (^ and $ at line ends,
 * as REG_NEWLINE did), MATCH_INVALID_UTF (a text with a bad byte is
 * searched, not refused), JIT when it is available.  literal: the query
 * is a fixed string (PCRE2_LITERAL), used for a caseless one that is not
 * ASCII.  Returns 0, or -1 with the reason in err.
 */
static int rx_compile(struct search *s, bool literal, struct strbuf *err)
{
	uint32_t opt = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | (s->icase ? PCRE2_CASELESS : 0);
	int code;
	PCRE2_SIZE at;
	if (literal)
		opt |= PCRE2_LITERAL;
	else
		opt |= PCRE2_UCP | PCRE2_MULTILINE | PCRE2_NEVER_BACKSLASH_C;
	struct search_rx *rx = xcalloc(1, sizeof *rx);
	rx->code = pcre2_compile((PCRE2_SPTR)s->pat, s->len, opt, &code, &at, NULL);
	if (!rx->code) {
		PCRE2_UCHAR m[256];
		pcre2_get_error_message(code, m, sizeof m);
		sb_addf(err, "bad regular expression: %s (at byte %zu)", (const char *)m, (size_t)at);
		free(rx);
		return -1;
	}
	pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE);   /* the interpreter if it fails */
	rx->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(rx->mctx, SEARCH_MATCH_LIMIT);
	pcre2_set_depth_limit(rx->mctx, SEARCH_MATCH_LIMIT);
	pcre2_set_heap_limit(rx->mctx, SEARCH_HEAP_KIB);
	s->rx = rx;
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
	if ((s->regex || (s->icase && has_nonascii(q, n) && utf8_validate(q, n) == n)) &&
	    rx_compile(s, !s->regex, err) < 0) {
		free(s->pat);
		s->pat = NULL;
		return -1;
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

/* One pcre2_match() on subject t[0..n) from off.  The JIT's default stack
 * (32 KiB on the machine stack) is small for a long line of repetitions:
 * when it runs out, the match is run again on a JIT stack of up to
 * SEARCH_JIT_STACK bytes, made for that match only (a rare path; a stack
 * may not be shared between threads). */
static int rx_match(struct search_rx *rx, const char *t, size_t n, size_t off,
		    pcre2_match_data *md)
{
	int rc = pcre2_match(rx->code, (PCRE2_SPTR)t, n, off, 0, md, rx->mctx);
	if (rc != PCRE2_ERROR_JIT_STACKLIMIT)
		return rc;
	pcre2_jit_stack *js = pcre2_jit_stack_create(64 * 1024, SEARCH_JIT_STACK, NULL);
	pcre2_match_context *mc = pcre2_match_context_copy(rx->mctx);
	if (js && mc) {
		pcre2_jit_stack_assign(mc, NULL, js);
		rc = pcre2_match(rx->code, (PCRE2_SPTR)t, n, off, 0, md, mc);
	}
	pcre2_match_context_free(mc);
	pcre2_jit_stack_free(js);
	return rc;
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
	if (!s->rx) {
		if (!fixed_find(s, t, n, from, ms))
			return false;
		*me = *ms + s->len;
		return true;
	}
	/* one match data per call: the command searches from several threads */
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	bool found = false;
	/* line by line, as grep does: a match never spans lines (as with
	 * REG_NEWLINE before), and PCRE2 rules a line out at once when it
	 * lacks a character every match needs */
	size_t ls = from;
	while (ls > 0 && t[ls - 1] != '\n')
		ls--;
	while (from < n) {
		if (util_now_ms() > deadline) {
			*late = true;
			break;
		}
		const char *nl = memchr(t + ls, '\n', n - ls);
		size_t le = nl ? (size_t)(nl - t) : n;
		int rc = rx_match(s->rx, t + ls, le - ls, from - ls, md);
		if (rc == PCRE2_ERROR_NOMATCH) {
			if (!nl)
				break;
			ls = from = le + 1;
			continue;
		}
		if (rc < 0) {   /* a match, depth, heap or JIT stack limit */
			atomic_store(&s->rx->limited, true);
			*late = true;
			break;
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		if (ov[1] > ov[0]) {
			*ms = ls + ov[0];
			*me = ls + ov[1];
			found = true;
			break;
		}
		from = ls + ov[0] + 1;   /* skip an empty match */
		while (from < n && !utf8_boundary(t, n, from))
			from++;
		if (from > le) {
			if (!nl)
				break;
			ls = from = le + 1;
		}
	}
	pcre2_match_data_free(md);
	return found;
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
	if (s->rx)
		atomic_store(&s->rx->limited, false);
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
	if (s->rx)
		atomic_store(&s->rx->limited, false);
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
		sb_addf(err, "%s%s", err->len ? "; " : "", search_stop_message(s));
	return cnt;
}

bool search_limited(const struct search *s)
{
	return s->rx && atomic_load(&s->rx->limited);
}

const char *search_stop_message(const struct search *s)
{
	if (search_limited(s))
		return "search stopped: the expression hit the regex engine's backtracking "
		       "limit (try a simpler one)";
	_Static_assert(SEARCH_BUDGET_MS == 2000, "the message says 2 s");
	return "search stopped after 2 s: the expression is too slow (try a simpler one)";
}
