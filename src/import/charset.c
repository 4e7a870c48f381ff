/* charset: declared charsets found, undeclared ones detected with uchardet,
 * and conversion to UTF-8 with iconv. */
#include "import/charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <uchardet.h>

#include "base/text.h"

#define SNIFF 4096   /* bytes searched for a declaration */

/* ---- declarations ---- */

static const char *find_ci(const char *s, const char *end, const char *what)
{
	size_t l = strlen(what);
	for (; s + l <= end; s++)
		if (!strncasecmp(s, what, l))
			return s;
	return NULL;
}

/* Reads the name after "KEY" at p: spaces, '=', spaces, a quote maybe. */
static bool read_name(const char *p, const char *end, char *name, size_t cap)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	if (p >= end || *p != '=')
		return false;
	p++;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\''))
		p++;
	size_t k = 0;
	while (p < end && k + 1 < cap && *p &&
	       (ascii_isalnum((unsigned char)*p) || strchr("-_.:", *p)))
		name[k++] = *p++;
	name[k] = 0;
	return k > 0;
}

bool charset_declared(const char *s, size_t n, char *name, size_t cap)
{
	if (!s || cap < 2)
		return false;
	const char *end = s + (n < SNIFF ? n : SNIFF);
	const char *p = s;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	if (end - p >= 5 && !memcmp(p, "<?xml", 5)) {
		const char *q = memchr(p, '>', (size_t)(end - p));
		const char *e = find_ci(p, q ? q : end, "encoding");
		if (e && read_name(e + 8, q ? q : end, name, cap))
			return true;
	}
	for (p = s; (p = find_ci(p, end, "<meta")); p += 5) {
		const char *q = memchr(p, '>', (size_t)(end - p));
		const char *tag_end = q ? q : end;
		for (const char *c = p; (c = find_ci(c, tag_end, "charset")); c += 7)
			if (read_name(c + 7, tag_end, name, cap))
				return true;
	}
	return false;
}

/* ---- conversion ---- */

int charset_convert(const char *s, size_t n, const char *name, struct strbuf *out, size_t *invalid)
{
	iconv_t cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t)-1)
		return -1;
	size_t unit = strncasecmp(name, "UTF-16", 6) ? 1 : 2;
	char tmp[4096];
	char *in = (char *)s;
	size_t inleft = s ? n : 0;
	while (inleft) {
		char *o = tmp;
		size_t oleft = sizeof tmp;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		sb_add(out, tmp, (size_t)(o - tmp));
		if (r == (size_t)-1 && errno != E2BIG) {
			size_t skip = inleft >= unit ? unit : inleft;
			sb_addstr(out, "\xef\xbf\xbd");
			(*invalid)++;
			in += skip;
			inleft -= skip;
			iconv(cd, NULL, NULL, NULL, NULL);
		}
	}
	char *o = tmp;
	size_t oleft = sizeof tmp;
	iconv(cd, NULL, NULL, &o, &oleft);   /* a stateful charset's closing shift */
	sb_add(out, tmp, (size_t)(o - tmp));
	iconv_close(cd);
	return 0;
}

/* ---- confidence ---- */

enum script { SC_NONE, SC_LATIN, SC_CYRILLIC, SC_GREEK };

static enum script script_of(uint32_t cp)
{
	if (cp < 0x80)
		return ascii_isalpha((int)cp) ? SC_LATIN : SC_NONE;
	if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7))
		return SC_LATIN;
	if (cp >= 0x400 && cp <= 0x4FF)
		return SC_CYRILLIC;
	if (cp >= 0x370 && cp <= 0x3FF)
		return SC_GREEK;
	return SC_NONE;
}

static bool plausible(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 0x20 || cp == '\n' || cp == '\r' || cp == '\t';
	if (cp < 0xA0 || cp == 0xFFFD)   /* C1 controls */
		return false;
	if ((cp >= 0x2500 && cp <= 0x25FF) || (cp >= 0xE000 && cp <= 0xF8FF) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp >= 0xF0000)
		return false;
	return cp <= 0x52F ||                          /* Latin, Greek, Cyrillic */
	       (cp >= 0x590 && cp <= 0x6FF) ||         /* Hebrew, Arabic */
	       (cp >= 0x900 && cp <= 0xDFF) ||         /* Indic */
	       (cp >= 0xE00 && cp <= 0xEFF) ||         /* Thai, Lao */
	       (cp >= 0x1E00 && cp <= 0x1FFF) ||       /* Latin and Greek extended */
	       (cp >= 0x2010 && cp <= 0x206F) ||       /* punctuation */
	       (cp >= 0x20A0 && cp <= 0x214F) ||       /* currency, letterlike */
	       (cp >= 0x2190 && cp <= 0x21FF) ||       /* arrows */
	       (cp >= 0x3000 && cp <= 0x30FF) ||       /* CJK punctuation, kana */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||       /* CJK extension A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||       /* CJK */
	       (cp >= 0xAC00 && cp <= 0xD7A3) ||       /* Hangul */
	       (cp >= 0xFF00 && cp <= 0xFFEF);         /* full and half width */
}

double charset_confidence(const char *s, size_t n)
{
	size_t nonascii = 0, good = 0;
	enum script prev = SC_NONE;
	uint32_t cp = 0;
	int k = 0;
	if (n)
		k = utf8_decode(s, n, &cp);
	for (size_t i = 0; i < n;) {
		uint32_t next = 0;
		int nk = 0;
		if (i + (size_t)k < n)
			nk = utf8_decode(s + i + (size_t)k, n - i - (size_t)k, &next);
		enum script sc = cp == TEXT_INVALID ? SC_NONE : script_of(cp);
		if (cp >= 0x80) {
			enum script ns = next == TEXT_INVALID ? SC_NONE : script_of(next);
			bool mixed = sc && ((prev && prev != sc) || (ns && ns != sc));
			nonascii++;
			good += cp != TEXT_INVALID && plausible(cp) && cp != 0xFFFD && !mixed;
		}
		prev = sc;
		i += (size_t)k;
		cp = next;
		k = nk;
	}
	return nonascii ? (double)good / (double)nonascii : 1.0;
}

/* ---- detection ---- */

/* Share of plausible characters when s is read as UTF-16 (le or be). */
static double utf16_score(const unsigned char *u, size_t n, bool le, size_t *zeros)
{
	size_t units = n / 2, good = 0;
	*zeros = 0;
	for (size_t i = 0; i + 1 < n; i += 2) {
		uint32_t cp = le ? (uint32_t)(u[i] | u[i + 1] << 8) : (uint32_t)(u[i] << 8 | u[i + 1]);
		if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < n) {   /* a surrogate pair */
			uint32_t lo = le ? (uint32_t)(u[i + 2] | u[i + 3] << 8) : (uint32_t)(u[i + 2] << 8 | u[i + 3]);
			if (lo >= 0xDC00 && lo < 0xE000) {
				good += 2;
				i += 2;
			}
			continue;
		}
		if (cp < 0x80)
			(*zeros)++;
		if (plausible(cp) && cp != 0xFFFD)
			good++;
	}
	return units ? (double)good / (double)units : 0;
}

const char *charset_utf16_shape(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n < 4 || n % 2)
		return NULL;
	size_t zle, zbe;
	double le = utf16_score(u, n, true, &zle), be = utf16_score(u, n, false, &zbe);
	/* zero bytes: an ASCII character leaves one in its high half */
	size_t hi0 = 0, lo0 = 0;
	for (size_t i = 0; i + 1 < n; i += 2) {
		hi0 += u[i + 1] == 0;
		lo0 += u[i] == 0;
	}
	if (hi0 * 10 >= n / 2 && lo0 * 50 < hi0 && le >= 0.95)
		return "UTF-16LE";
	if (lo0 * 10 >= n / 2 && hi0 * 50 < lo0 && be >= 0.95)
		return "UTF-16BE";
	if (le >= 0.98 && le > be)
		return "UTF-16LE";
	if (be >= 0.98 && be > le)
		return "UTF-16BE";
	return NULL;
}

/* Converts with name and scores the result into g. */
static void try_charset(const char *s, size_t n, const char *name, struct charset_guess *g)
{
	struct strbuf out = STRBUF_INIT;
	size_t bad = 0;
	snprintf(g->name, sizeof g->name, "%s", name);
	for (char *c = g->name; *c; c++)
		*c = (char)ascii_toupper((unsigned char)*c);
	if (charset_convert(s, n, name, &out, &bad) < 0) {
		g->confidence = 0;
		g->sure = false;
		return;
	}
	g->confidence = charset_confidence(out.buf, out.len);
	g->sure = bad == 0 && g->confidence >= CHARSET_SURE;
	sb_release(&out);
}

void charset_detect(const char *s, size_t n, struct charset_guess *g)
{
	memset(g, 0, sizeof *g);
	if (!s || !n)
		return;
	bool zeros = memchr(s, 0, n) != NULL;
	const char *shape = charset_utf16_shape(s, n);
	if (zeros && shape) {   /* uchardet does not know UTF-16 without a BOM */
		try_charset(s, n, shape, g);
		if (g->sure)
			return;
	}
	uchardet_t ud = uchardet_new();
	if (ud) {
		uchardet_handle_data(ud, s, n);
		uchardet_data_end(ud);
		const char *name = uchardet_get_charset(ud);
		if (name && *name && strcasecmp(name, "ASCII") && strcasecmp(name, "UTF-8"))
			try_charset(s, n, name, g);
		uchardet_delete(ud);
		if (g->sure)
			return;
	}
	if (shape && !zeros) {
		struct charset_guess h;
		try_charset(s, n, shape, &h);
		if (h.sure)
			*g = h;
	}
}
