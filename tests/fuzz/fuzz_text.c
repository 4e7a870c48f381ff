/*
 * fuzz_text: the display-safety rules of text.h.  The first byte picks the
 * sanitiser flags, the rest is the text.  Checked: the output of
 * text_sanitize() is valid UTF-8 with no C0 control but the LF and TAB it
 * was told to keep, no DEL, no C1, none of the bidi or zero-width
 * characters text.h names, at most TEXT_MAX_MARKS combining marks in a row,
 * only ASCII in ASCII mode; it is what the glyphs of text_iter_next() show;
 * sanitising is idempotent and keeps the width;
 * text_iter_next() covers every byte once; utf8_validate() agrees with
 * utf8_decode().
 */
#include <string.h>

#include "fuzz.h"
#include "base/text.h"

static bool hidden_format(uint32_t cp)
{
	return cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x2060 || cp == 0xFEFF;
}

/* A character a joiner may stand beside (as base/text.c decides). */
static bool joinable(uint32_t cp)
{
	return cp >= 0xA0 && cp != TEXT_INVALID && !(cp >= 0x2000 && cp <= 0x206F) &&
	       !hidden_format(cp) && cp != 0xFEFF && cp != 0x3000;
}

static void check_safe(const char *s, size_t n, unsigned flags)
{
	int marks = 0;
	uint32_t prev = 0;
	FUZZ_ASSERT(utf8_validate(s, n) == n);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int l = utf8_decode(s + i, n - i, &cp);
		/* ZWNJ and ZWJ pass only after a character beyond ASCII that is
		 * not a format one (text.c decides by what precedes them alone) */
		if ((cp == 0x200C || cp == 0x200D) && !(flags & SANITIZE_ASCII) &&
		    joinable(prev)) {
			prev = cp;
			i += (size_t)l;
			continue;
		}
		prev = cp;
		FUZZ_ASSERT(cp != TEXT_INVALID);
		if (cp < 0x20)
			FUZZ_ASSERT((flags & SANITIZE_NEWLINES) && (cp == '\n' || cp == '\t'));
		FUZZ_ASSERT(cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F));
		FUZZ_ASSERT(!hidden_format(cp));
		if (flags & SANITIZE_ASCII)
			FUZZ_ASSERT(cp < 0x80);
		if (cp >= 0x300 && cp_width(cp) == 0)
			FUZZ_ASSERT(++marks <= TEXT_MAX_MARKS);
		else
			marks = 0;
		i += (size_t)l;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned flags = data[0] & (SANITIZE_NEWLINES | SANITIZE_ASCII);
	bool ascii = flags & SANITIZE_ASCII;
	const char *s = (const char *)data + 1;
	size_t n = size - 1;

	/* validate agrees with decode */
	size_t bad = n;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int l = utf8_decode(s + i, n - i, &cp);
		FUZZ_ASSERT(l >= 1 && l <= 4 && (size_t)l <= n - i);
		if (cp == TEXT_INVALID) {
			FUZZ_ASSERT(l == 1);
			bad = i;
			break;
		}
		char enc[4];
		FUZZ_ASSERT(utf8_encode(cp, enc) == l && !memcmp(enc, s + i, (size_t)l));
		FUZZ_ASSERT(utf8_boundary(s, n, i));
		i += (size_t)l;
	}
	FUZZ_ASSERT(utf8_validate(s, n) == bad);

	/* the iterator covers every byte once, in order */
	struct text_iter it;
	struct glyph g;
	size_t next = 0, width = 0;
	struct strbuf ref = STRBUF_INIT;   /* text_sanitize(), glyph by glyph */
	text_iter_init(&it, s, n, ascii);
	while (text_iter_next(&it, &g)) {
		if ((g.kind == GLYPH_NEWLINE || g.kind == GLYPH_TAB) &&
		    !(flags & SANITIZE_NEWLINES))
			sb_addch(&ref, ' ');
		else
			sb_add(&ref, g.show, g.show_len);
		FUZZ_ASSERT(g.off == next && g.len >= 1 && g.len <= 4);
		FUZZ_ASSERT(g.show_len == strlen(g.show) && g.show_len < sizeof g.show);
		FUZZ_ASSERT(g.width >= 0);
		next += g.len;
		width += g.kind == GLYPH_TAB ? 1 : (size_t)g.width;
	}
	FUZZ_ASSERT(next == n);
	FUZZ_ASSERT(text_width(s, n, ascii) == width);

	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	text_sanitize(&a, s, n, flags);
	FUZZ_ASSERT(a.len == ref.len && !memcmp(a.buf, ref.buf, a.len));
	sb_release(&ref);
	check_safe(a.buf, a.len, flags);
	text_sanitize(&b, a.buf, a.len, flags);
	FUZZ_ASSERT(a.len == b.len && !memcmp(a.buf, b.buf, a.len));
	if (flags & SANITIZE_NEWLINES)
		FUZZ_ASSERT(text_width(a.buf, a.len, ascii) == width);
	sb_release(&a);
	sb_release(&b);
	return 0;
}
