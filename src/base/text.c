/* text: UTF-8 decoding, display widths and the display-safety rules. */
#include "base/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/util.h"

int utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	uint32_t v, min;
	int len;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2; v = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3; v = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4; v = c & 0x07; min = 0x10000;
	} else {
		*cp = TEXT_INVALID;
		return 1;
	}
	if ((size_t)len > n) {
		*cp = TEXT_INVALID;
		return 1;
	}
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = TEXT_INVALID;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = TEXT_INVALID;
		return 1;
	}
	*cp = v;
	return len;
}

size_t utf8_validate(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		int l = utf8_decode(s + i, n - i, &cp);
		if (cp == TEXT_INVALID)
			return i;
		i += (size_t)l;
	}
	return n;
}

bool utf8_boundary(const char *s, size_t n, size_t off)
{
	if (off == 0 || off >= n)
		return off <= n;
	return ((unsigned char)s[off] & 0xC0) != 0x80;
}

int utf8_encode(uint32_t cp, char *o)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

struct range {
	uint32_t lo, hi;
};

static bool in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Combining marks (general categories Mn, Me): the common blocks. */
static const struct range combining[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
	{0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
	{0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0900, 0x0902}, {0x093C, 0x093C},
	{0x0941, 0x0948}, {0x094D, 0x094D}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A},
	{0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x20D0, 0x20FF},
	{0x302A, 0x302D}, {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
	{0xE0100, 0xE01EF},
};

/* East Asian Wide and Fullwidth, and emoji presentation blocks. */
static const struct range wide[] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
	{0x3041, 0x3247}, {0x3250, 0x4DBF}, {0x4E00, 0xA4CF}, {0xA960, 0xA97F},
	{0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
	{0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x18CFF}, {0x1B000, 0x1B2FF},
	{0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
	{0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F},
	{0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF},
	{0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

/* Invisible or direction-changing format characters shown as <U+XXXX>. */
static const struct range format[] = {
	{0x00AD, 0x00AD}, {0x061C, 0x061C}, {0x115F, 0x1160}, {0x180E, 0x180E},
	{0x200B, 0x200F}, {0x2028, 0x202E}, {0x2060, 0x206F}, {0xFEFF, 0xFEFF},
	{0xFFF9, 0xFFFB}, {0xE0000, 0xE007F},
};

static int table_width(uint32_t cp)
{
	if (in_ranges(cp, combining, ARRAY_SIZE(combining)))
		return 0;
	if (in_ranges(cp, wide, ARRAY_SIZE(wide)))
		return 2;
	return 1;
}

int cp_width(uint32_t cp)
{
	/* ncursesw places characters by wcwidth(): agree with it */
	if (MB_CUR_MAX > 1 && cp <= 0x10FFFF) {
		int w = wcwidth((wchar_t)cp);
		if (w >= 0)
			return w > 2 ? 2 : w;
	}
	return table_width(cp);
}

/* True for a character a joiner may stand between in a word: a letter or
 * mark of a script beyond ASCII (not a space, control or format one). */
static bool joinable(uint32_t cp)
{
	return cp >= 0xA0 && cp != TEXT_INVALID && !(cp >= 0x2000 && cp <= 0x206F) &&
	       !in_ranges(cp, format, ARRAY_SIZE(format)) && cp != 0xFEFF && cp != 0x3000;
}

void text_iter_init(struct text_iter *it, const char *s, size_t n, bool ascii)
{
	it->s = s;
	it->n = n;
	it->off = 0;
	it->ascii = ascii;
	it->marks = 0;
	it->prev = 0;
}

/* The glyph shows its own bytes, as they are. */
static bool glyph_self(struct glyph *g, const char *s, enum glyph_kind kind, int width)
{
	g->kind = kind;
	memcpy(g->show, s + g->off, g->len);
	g->show[g->len] = '\0';
	g->show_len = g->len;
	g->width = width;
	return true;
}

static void glyph_set(struct glyph *g, enum glyph_kind kind, const char *show,
		      int width)
{
	g->kind = kind;
	g->show_len = strlen(show);
	memcpy(g->show, show, g->show_len + 1);
	g->width = width;
}

bool text_iter_next(struct text_iter *it, struct glyph *g)
{
	uint32_t cp;

	if (it->off >= it->n)
		return false;
	g->off = it->off;
	unsigned char c = (unsigned char)it->s[it->off];
	int l = utf8_decode(it->s + it->off, it->n - it->off, &cp);
	g->len = (size_t)l;
	it->off += (size_t)l;
	uint32_t prev = it->prev;
	it->prev = cp;

	if (cp == TEXT_INVALID) {
		glyph_set(g, GLYPH_INVALID, it->ascii ? "?" : "\xEF\xBF\xBD", 1);
		it->marks = 0;
		return true;
	}
	if (cp == '\n' || cp == '\t' || cp == ' ') {
		char s[2] = { (char)cp, 0 };
		glyph_set(g, cp == '\n' ? GLYPH_NEWLINE :
			     cp == '\t' ? GLYPH_TAB : GLYPH_SPACE, s,
			  cp == '\n' ? 0 : 1);
		it->marks = 0;
		return true;
	}
	if (cp < 0x20 || cp == 0x7F) {
		char s[3] = { '^', (char)(cp == 0x7F ? '?' : cp + 0x40), 0 };
		glyph_set(g, GLYPH_CONTROL, s, 2);
		it->marks = 0;
		return true;
	}
	if (cp < 0x80) {
		char s[2] = { (char)c, 0 };
		glyph_set(g, GLYPH_TEXT, s, 1);
		it->marks = 0;
		return true;
	}
	if ((cp == 0x200C || cp == 0x200D) && !it->ascii && joinable(prev) &&
	    it->marks < TEXT_MAX_MARKS) {
		/* ZWNJ and ZWJ inside a word (Persian, Indic, emoji sequences)
		 * shape it: passed on with no width, as the script needs.  Only
		 * after a character that is shown (a letter, or a mark within the
		 * mark limit), so that what passes depends only on what is shown
		 * before it (sanitising twice gives what once does), never on
		 * what follows: a wrapped line drawn alone takes the columns it
		 * took in its text */
		return glyph_self(g, it->s, GLYPH_MARK, 0);
	}
	if ((cp >= 0x80 && cp <= 0x9F) ||
	    in_ranges(cp, format, ARRAY_SIZE(format))) {
		char s[16];
		snprintf(s, sizeof s, "<U+%04X>", (unsigned)cp);
		glyph_set(g, GLYPH_CONTROL, s, (int)strlen(s));
		it->marks = 0;
		return true;
	}
	int w = it->ascii ? table_width(cp) : cp_width(cp);
	if (w == 0) {
		if (++it->marks > TEXT_MAX_MARKS || it->ascii) {
			glyph_set(g, GLYPH_HIDDEN, "", 0);
			return true;
		}
		return glyph_self(g, it->s, GLYPH_MARK, 0);
	}
	it->marks = 0;
	if (it->ascii) {
		glyph_set(g, GLYPH_TEXT, w == 2 ? "??" : "?", w);
		return true;
	}
	return glyph_self(g, it->s, GLYPH_TEXT, w);
}

void text_sanitize(struct strbuf *out, const char *s, size_t n, unsigned flags)
{
	struct text_iter it;
	struct glyph g;

	text_iter_init(&it, s, n, flags & SANITIZE_ASCII);
	for (;;) {
		/* printable ASCII, most of any text, is copied as it is: the
		 * glyph-by-glyph path made `show` of a 50 MB text take seconds */
		size_t run = it.off;
		while (run < n && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7F)
			run++;
		if (run > it.off) {
			sb_add(out, s + it.off, run - it.off);
			it.off = run;
			it.marks = 0;
			it.prev = (unsigned char)s[run - 1];
		}
		if (!text_iter_next(&it, &g))
			break;
		if ((g.kind == GLYPH_NEWLINE || g.kind == GLYPH_TAB) &&
		    !(flags & SANITIZE_NEWLINES))
			sb_addch(out, ' ');
		else
			sb_add(out, g.show, g.show_len);
	}
}

size_t text_width(const char *s, size_t n, bool ascii)
{
	struct text_iter it;
	struct glyph g;
	size_t w = 0;

	text_iter_init(&it, s, n, ascii);
	while (text_iter_next(&it, &g))
		w += g.kind == GLYPH_TAB ? 1 : (size_t)g.width;
	return w;
}
