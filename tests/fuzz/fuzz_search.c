/*
 * fuzz_search: the search query parser and matcher.  Byte 0 picks the
 * flags (SEARCH_REGEX, SEARCH_PREFIX); the query runs to the first NUL
 * (cut at SEARCH_MAX + 8 bytes, so the length check is still reached),
 * the text is the rest (cut at 2 KB: what matters is the query, and a
 * bounded text keeps every input well inside the timeout).  Checked: a
 * refused query leaves a display-safe message and the search not ready;
 * an accepted fixed query is refused exactly when empty or too long; every
 * match of search_all() is non-empty, inside the text, after the previous
 * one, and for a fixed query equal to it (ignoring ASCII case only when
 * the query has no capital) and on a character boundary, or for a
 * caseless one beyond ASCII (matched by PCRE2) valid UTF-8 from a
 * character boundary;
 * a regex is compiled and run by PCRE2 (its limits included); search_find()
 * agrees with the first match and search_find_back() with the last.
 */
#include "fuzz.h"
#include "base/text.h"
#include "base/util.h"
#include "search/search.h"

#define TEXT_CAP 2048

static int fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned flags = data[0] & (SEARCH_REGEX | SEARCH_PREFIX);
	const char *q = (const char *)data + 1;
	size_t rest = size - 1;
	const char *nul = memchr(q, '\0', rest);
	size_t qn = nul ? (size_t)(nul - q) : rest;
	const char *t = nul ? nul + 1 : q + rest;
	size_t tn = nul ? rest - qn - 1 : 0;
	if (qn > SEARCH_MAX + 8)
		qn = SEARCH_MAX + 8;
	if (tn > TEXT_CAP)
		tn = TEXT_CAP;

	/* lectern searches texts that end with a NUL (corpus_text), which
	 * regexec() implementations may read up to */
	char *tz = xmalloc(tn + 1);
	memcpy(tz, t, tn);
	tz[tn] = 0;
	t = tz;
	struct search s;
	struct strbuf err = STRBUF_INIT;
	search_init(&s);
	int rc = search_compile(&s, q, qn, flags, &err);
	bool tilde = (flags & SEARCH_PREFIX) && qn && q[0] == '~';
	bool regex = (flags & SEARCH_REGEX) || tilde;
	size_t plen = qn - tilde;     /* the "~" goes even when already a regex */
	if (rc < 0) {
		FUZZ_ASSERT(!s.ready && err.len > 0);
		fuzz_check_message(err.buf);
		if (!regex)
			FUZZ_ASSERT(plen == 0 || plen > SEARCH_MAX);
		sb_release(&err);
		search_release(&s);
		free(tz);
		return 0;
	}
	/* a number query keeps only its digits ("9,000" -> "9000") */
	FUZZ_ASSERT(s.ready && s.regex == regex && (s.number ? s.len <= plen : s.len == plen) &&
		    plen <= SEARCH_MAX);
	FUZZ_ASSERT(err.len == 0);
	sb_release(&err);

	struct span *m;
	size_t cnt = search_all(&s, t, tn, &m), prev = 0;
	for (size_t i = 0; i < cnt; i++) {
		FUZZ_ASSERT(m[i].start < m[i].end && m[i].end <= tn);
		FUZZ_ASSERT(m[i].start >= prev);
		prev = m[i].end;
		if (!regex && s.rx) {
			/* a caseless query beyond ASCII: PCRE2 folds every script,
			 * and case pairs may differ in length */
			FUZZ_ASSERT(utf8_boundary(t, tn, m[i].start));
			size_t ml = m[i].end - m[i].start;   /* (a stray byte may follow) */
			FUZZ_ASSERT(utf8_validate(t + m[i].start, ml) == ml);
		} else if (!regex && s.number) {
			/* a number in any written form ("9,000", "9 000") */
			FUZZ_ASSERT(utf8_boundary(t, tn, m[i].start));
		} else if (!regex) {
			FUZZ_ASSERT(m[i].end - m[i].start == s.len);
			FUZZ_ASSERT(utf8_boundary(t, tn, m[i].start));
			for (size_t k = 0; k < s.len; k++) {
				int a = (unsigned char)t[m[i].start + k], b = (unsigned char)s.pat[k];
				FUZZ_ASSERT(s.icase ? fold(a) == fold(b) : a == b);
			}
		}
	}
	size_t a, b;
	bool found = search_find(&s, t, tn, 0, &a, &b);
	FUZZ_ASSERT(found == (cnt > 0));
	if (found)
		FUZZ_ASSERT(a == m[0].start && b == m[0].end);
	found = search_find_back(&s, t, tn, tn + 1, &a, &b);
	FUZZ_ASSERT(found == (cnt > 0));
	if (found)
		FUZZ_ASSERT(a >= m[cnt - 1].start && b > a && b <= tn);
	free(m);
	free(tz);
	search_release(&s);
	FUZZ_ASSERT(!s.ready && !s.pat);
	return 0;
}
