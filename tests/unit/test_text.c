/* test_text: UTF-8 decoding, widths and the display-safety rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <locale.h>
#include <wchar.h>

#include "base/text.h"

#define S(lit) lit, sizeof(lit) - 1

struct fixture {
	struct strbuf out;     /* the display forms, joined */
	struct glyph g[64];    /* the glyphs of the last walk */
	size_t ng;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	sb_init(&f->out);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	sb_release(&f->out);
	free(f);
	return 0;
}

/* True when the bytes could do something to a terminal: C0 other than TAB
 * and LF, DEL, or a C1 control encoded in UTF-8 (C2 80..C2 9F). */
static int unsafe(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
			return 1;
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F)
			return 1;
	}
	return 0;
}

/*
 * Walks s with the iterator, checking after every glyph what text.h
 * promises: glyphs tile the input in order, each shows a safe, valid UTF-8,
 * NUL-terminated form, and its width is what its kind implies.  Keeps the
 * glyphs and the joined display form in the fixture.
 */
static void walk(struct fixture *f, const char *s, size_t n, bool ascii)
{
	struct text_iter it;
	struct glyph g;
	size_t next = 0, width = 0;

	sb_reset(&f->out);
	f->ng = 0;
	text_iter_init(&it, s, n, ascii);
	while (text_iter_next(&it, &g)) {
		assert_int_equal(g.off, next);
		assert_true(g.len >= 1 && g.len <= 4);
		next = g.off + g.len;
		assert_true(next <= n);
		assert_int_equal(g.show_len, strlen(g.show));
		assert_true(g.show_len < sizeof g.show);
		assert_int_equal(utf8_validate(g.show, g.show_len), g.show_len);
		if (g.kind != GLYPH_NEWLINE && g.kind != GLYPH_TAB)
			assert_false(unsafe(g.show, g.show_len));
		if (ascii)
			for (size_t k = 0; k < g.show_len; k++)
				assert_true((unsigned char)g.show[k] < 0x80);
		switch (g.kind) {
		case GLYPH_MARK:
		case GLYPH_HIDDEN:
		case GLYPH_NEWLINE:
			assert_int_equal(g.width, 0);
			break;
		case GLYPH_CONTROL:
			assert_int_equal(g.width, (int)g.show_len);
			break;
		default:
			assert_true(g.width >= 1 && g.width <= 2);
		}
		if (g.kind == GLYPH_HIDDEN)
			assert_int_equal(g.show_len, 0);
		width += g.kind == GLYPH_TAB ? 1 : (size_t)g.width;
		sb_add(&f->out, g.show, g.show_len);
		if (f->ng < 64)
			f->g[f->ng++] = g;
	}
	assert_int_equal(next, n);
	assert_false(text_iter_next(&it, &g));   /* stays at the end */
	assert_int_equal(text_width(s, n, ascii), width);
}

/* ---- decoding ---- */

static void test_decode_valid(void **state)
{
	uint32_t cp;
	(void)state;
	assert_int_equal(utf8_decode(S("A"), &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(utf8_decode(S("\xC3\xA9"), &cp), 2);        /* é */
	assert_int_equal(cp, 0xE9);
	assert_int_equal(utf8_decode(S("\xE2\x80\x99"), &cp), 3);    /* ’ */
	assert_int_equal(cp, 0x2019);
	assert_int_equal(utf8_decode(S("\xF0\x9F\x98\x80"), &cp), 4); /* 😀 */
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(utf8_decode(S("\xF4\x8F\xBF\xBF"), &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
}

static void test_decode_invalid(void **state)
{
	static const struct { const char *s; size_t n; } bad[] = {
		{ S("\x80") },               /* lone continuation */
		{ S("\xC0\xAF") },           /* overlong '/' */
		{ S("\xC1\xBF") },           /* overlong */
		{ S("\xE0\x80\xAF") },       /* overlong, 3 bytes */
		{ S("\xF0\x80\x80\xAF") },   /* overlong, 4 bytes */
		{ S("\xED\xA0\x80") },       /* surrogate U+D800 */
		{ S("\xED\xBF\xBF") },       /* surrogate U+DFFF */
		{ S("\xF4\x90\x80\x80") },   /* U+110000 */
		{ S("\xF5\x80\x80\x80") },
		{ S("\xFF") },
		{ S("\xE2\x80") },           /* truncated */
		{ S("\xF0\x9F\x98") },       /* truncated */
		{ S("\xE2\x41\x42") },       /* bad continuation */
	};
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		uint32_t cp = 0;
		assert_int_equal(utf8_decode(bad[i].s, bad[i].n, &cp), 1);
		assert_int_equal(cp, TEXT_INVALID);
	}
}

static void test_validate(void **state)
{
	(void)state;
	assert_int_equal(utf8_validate(S("")), 0);
	assert_int_equal(utf8_validate(S("plain")), 5);
	assert_int_equal(utf8_validate(S("caf\xC3\xA9 \xE6\xB5\xB7")), 9);
	assert_int_equal(utf8_validate(S("ab\xC3")), 2);
	assert_int_equal(utf8_validate(S("ab\xED\xA0\x80z")), 2);
	assert_int_equal(utf8_validate(S("\xE2\x80\x99\xC0\xAF")), 3);
}

static void test_boundary(void **state)
{
	const char s[] = "a\xE2\x80\x99" "b";   /* a ’ b: 5 bytes */
	(void)state;
	assert_true(utf8_boundary(s, 5, 0));
	assert_true(utf8_boundary(s, 5, 1));
	assert_false(utf8_boundary(s, 5, 2));
	assert_false(utf8_boundary(s, 5, 3));
	assert_true(utf8_boundary(s, 5, 4));
	assert_true(utf8_boundary(s, 5, 5));    /* the end is a boundary */
	assert_false(utf8_boundary(s, 5, 6));   /* past the end is not */
}

static void test_encode_round_trip(void **state)
{
	static const uint32_t cps[] = { 0, 'A', 0x7F, 0x80, 0x7FF, 0x800, 0x2019,
		0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF };
	(void)state;
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		char b[4];
		uint32_t back;
		int n = utf8_encode(cps[i], b);
		assert_int_equal(n, cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2 :
				    cps[i] < 0x10000 ? 3 : 4);
		assert_int_equal(utf8_decode(b, (size_t)n, &back), n);
		assert_int_equal(back, cps[i]);
	}
}

/* ---- widths ---- */

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(cp_width('a'), 1);
	assert_int_equal(cp_width(0xE9), 1);        /* é */
	assert_int_equal(cp_width(0x6D77), 2);      /* 海 */
	assert_int_equal(cp_width(0xAC00), 2);      /* 가 */
	assert_int_equal(cp_width(0xFF21), 2);      /* fullwidth A */
	assert_int_equal(cp_width(0x1F600), 2);     /* 😀 */
	assert_int_equal(cp_width(0x0301), 0);      /* combining acute */
	assert_int_equal(cp_width(0x20DD), 0);      /* combining circle */
	assert_int_equal(text_width(S("\xE6\xB5\xB7\xE8\xA7\x92"), false), 4); /* 海角 */
	assert_int_equal(text_width(S("e\xCC\x81"), false), 1);  /* e + acute */
	assert_int_equal(text_width(S("\xF0\x9F\x98\x80!"), false), 3);
	assert_int_equal(text_width(S("a\tb"), false), 3);
	assert_int_equal(text_width(S(""), false), 0);
}

/* ---- the iterator ---- */

static void test_iter_plain(void **state)
{
	struct fixture *f = *state;
	walk(f, S("Hi there\n\tok"), false);
	assert_string_equal(f->out.buf, "Hi there\n\tok");
	assert_int_equal(f->g[0].kind, GLYPH_TEXT);
	assert_int_equal(f->g[2].kind, GLYPH_SPACE);
	assert_int_equal(f->g[8].kind, GLYPH_NEWLINE);
	assert_int_equal(f->g[9].kind, GLYPH_TAB);
}

static void test_iter_cjk_emoji(void **state)
{
	struct fixture *f = *state;
	walk(f, S("\xE6\xB5\xB7\xF0\x9F\x98\x80"), false);
	assert_int_equal(f->ng, 2);
	assert_int_equal(f->g[0].width, 2);
	assert_int_equal(f->g[0].len, 3);
	assert_int_equal(f->g[1].width, 2);
	assert_int_equal(f->g[1].len, 4);
	assert_string_equal(f->out.buf, "\xE6\xB5\xB7\xF0\x9F\x98\x80");
}

static void test_iter_controls(void **state)
{
	struct fixture *f = *state;
	walk(f, S("a\x1b[31mb\rc\x7f\x07"), false);
	assert_string_equal(f->out.buf, "a^[[31mb^Mc^?^G");
	assert_int_equal(f->g[1].kind, GLYPH_CONTROL);
	assert_int_equal(f->g[1].width, 2);
	assert_int_equal(f->g[1].len, 1);
}

static void test_iter_c1(void **state)
{
	struct fixture *f = *state;
	walk(f, S("x\xC2\x9B" "1m\xC2\x85"), false);   /* CSI, NEL */
	assert_string_equal(f->out.buf, "x<U+009B>1m<U+0085>");
	assert_int_equal(f->g[1].kind, GLYPH_CONTROL);
	assert_int_equal(f->g[1].len, 2);
	assert_int_equal(f->g[1].width, 8);
}

static void test_iter_bidi_zero_width(void **state)
{
	struct fixture *f = *state;
	/* U+202E RLO, U+2066 LRI, U+200B ZWSP, U+FEFF, U+200F RLM */
	walk(f, S("a\xE2\x80\xAE" "b\xE2\x81\xA6" "c\xE2\x80\x8B" "d\xEF\xBB\xBF\xE2\x80\x8F"), false);
	assert_string_equal(f->out.buf, "a<U+202E>b<U+2066>c<U+200B>d<U+FEFF><U+200F>");
	for (size_t i = 1; i < f->ng; i += 2)
		assert_int_equal(f->g[i].kind, GLYPH_CONTROL);
}

static void test_iter_invalid(void **state)
{
	struct fixture *f = *state;
	/* a lone continuation, an overlong, a surrogate, a truncated tail */
	walk(f, S("a\x80" "b\xC0\xAF" "c\xED\xA0\x80" "d\xE2\x80"), false);
	assert_string_equal(f->out.buf,
		"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
		"d\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_int_equal(f->g[1].kind, GLYPH_INVALID);
	assert_int_equal(f->g[1].width, 1);
	/* each invalid byte is its own glyph */
	assert_int_equal(f->ng, 12);
}

static void test_iter_invalid_ascii(void **state)
{
	struct fixture *f = *state;
	walk(f, S("a\xFF\xC0\xAF" "b"), true);
	assert_string_equal(f->out.buf, "a???b");
}

static void test_iter_combining(void **state)
{
	struct fixture *f = *state;
	walk(f, S("e\xCC\x81"), false);
	assert_int_equal(f->ng, 2);
	assert_int_equal(f->g[1].kind, GLYPH_MARK);
	assert_string_equal(f->out.buf, "e\xCC\x81");
}

static void test_iter_too_many_marks(void **state)
{
	struct fixture *f = *state;
	struct strbuf in = STRBUF_INIT;
	sb_addch(&in, 'a');
	for (int i = 0; i < 7; i++)
		sb_addstr(&in, "\xCC\x81");
	sb_addch(&in, 'b');
	sb_addstr(&in, "\xCC\x81");   /* a new base: counting restarts */
	walk(f, in.buf, in.len, false);
	size_t marks = 0, hidden = 0;
	for (size_t i = 0; i < f->ng; i++) {
		marks += f->g[i].kind == GLYPH_MARK;
		hidden += f->g[i].kind == GLYPH_HIDDEN;
	}
	assert_int_equal(marks, TEXT_MAX_MARKS + 1);
	assert_int_equal(hidden, 7 - TEXT_MAX_MARKS);
	assert_int_equal(text_width(in.buf, in.len, false), 2);
	sb_release(&in);
}

static void test_iter_ascii_mode(void **state)
{
	struct fixture *f = *state;
	/* é ’ 海 😀 e+acute U+202E */
	walk(f, S("\xC3\xA9\xE2\x80\x99\xE6\xB5\xB7\xF0\x9F\x98\x80" "e\xCC\x81\xE2\x80\xAE"), true);
	assert_string_equal(f->out.buf, "??????e<U+202E>");
	assert_int_equal(text_width(S("\xE6\xB5\xB7"), true), 2);
}

/* ---- sanitize ---- */

static void test_sanitize(void **state)
{
	struct fixture *f = *state;
	sb_reset(&f->out);
	text_sanitize(&f->out, S("a\nb\tc\x1b]0;x\x07"), 0);
	assert_string_equal(f->out.buf, "a b c^[]0;x^G");
	sb_reset(&f->out);
	text_sanitize(&f->out, S("a\nb\tc"), SANITIZE_NEWLINES);
	assert_string_equal(f->out.buf, "a\nb\tc");
	sb_reset(&f->out);
	text_sanitize(&f->out, S("caf\xC3\xA9\xE2\x80\xAE"), SANITIZE_ASCII);
	assert_string_equal(f->out.buf, "caf?<U+202E>");
	assert_false(unsafe(f->out.buf, f->out.len));
}

static void test_sanitize_every_byte(void **state)
{
	struct fixture *f = *state;
	char all[256];
	for (int i = 0; i < 256; i++)
		all[i] = (char)i;
	for (unsigned fl = 0; fl < 4; fl++) {
		sb_reset(&f->out);
		text_sanitize(&f->out, all, sizeof all, fl);
		assert_false(unsafe(f->out.buf, f->out.len));
		assert_int_equal(utf8_validate(f->out.buf, f->out.len), f->out.len);
		assert_null(memchr(f->out.buf, 0x1b, f->out.len));
	}
	walk(f, all, sizeof all, false);
	walk(f, all, sizeof all, true);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

/* In a UTF-8 locale, widths are wcwidth()'s, which ncursesw uses: the
 * table disagreed on 1,896 code points (marks counted 1, wide ones 1,
 * narrow ones 2). */
static void test_widths_follow_wcwidth(void **state)
{
	(void)state;
	if (!setlocale(LC_CTYPE, "C.UTF-8")) {
		skip();
		return;
	}
	size_t differ = 0;
	for (uint32_t cp = 0xA0; cp <= 0x10FFFF; cp++) {
		int w = wcwidth((wchar_t)cp);
		if (w >= 0 && cp_width(cp) != w)
			differ++;
	}
	assert_int_equal(differ, 0);
	assert_int_equal(cp_width(0x4DC0), 2);   /* hexagram: wide */
	assert_int_equal(cp_width(0x09C1), 0);   /* Bengali vowel sign u: a mark */
	assert_int_equal(cp_width(0x0F71), 0);   /* Tibetan */
	assert_int_equal(text_width(S("\xe4\xb7\x80\xe4\xb7\x80"), false), 4);   /* 2 x U+4DC0 */
	assert_int_equal(text_width(S("\xe4\xb7\x80"), true), 1);   /* ASCII mode: the table */
	setlocale(LC_CTYPE, "C");
}

/* ZWNJ and ZWJ inside a word are passed on; alone, or next to ASCII, or
 * in ASCII mode, they are shown as placeholders. */
static void test_joiners(void **state)
{
	struct strbuf out = STRBUF_INIT;
	(void)state;
	/* Persian "mikhaham": mi + ZWNJ + khaham */
	text_sanitize(&out, S("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85"), 0);
	assert_string_equal(out.buf, "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85");
	assert_int_equal(text_width(S("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae"), false), 3);
	sb_reset(&out);
	/* Devanagari ksha with ZWJ after the virama */
	text_sanitize(&out, S("\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7"), 0);
	assert_string_equal(out.buf, "\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7");
	sb_reset(&out);
	text_sanitize(&out, S("a\xe2\x80\x8d" "b"), 0);
	assert_string_equal(out.buf, "a<U+200D>b");
	sb_reset(&out);
	text_sanitize(&out, S("\xe2\x80\x8c"), 0);
	assert_string_equal(out.buf, "<U+200C>");
	sb_reset(&out);
	/* at the end of the text (or of a wrapped line): decided by what is
	 * before it alone */
	text_sanitize(&out, S("\xd9\x85\xe2\x80\x8c"), 0);
	assert_string_equal(out.buf, "\xd9\x85\xe2\x80\x8c");
	sb_reset(&out);
	text_sanitize(&out, S("\xd9\x85\xe2\x80\x8c\xd8\xae"), SANITIZE_ASCII);
	assert_string_equal(out.buf, "?<U+200C>?");
	sb_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_decode_invalid),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_boundary),
		cmocka_unit_test(test_encode_round_trip),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_widths_follow_wcwidth),
		cmocka_unit_test(test_joiners),
		T(test_iter_plain),
		T(test_iter_cjk_emoji),
		T(test_iter_controls),
		T(test_iter_c1),
		T(test_iter_bidi_zero_width),
		T(test_iter_invalid),
		T(test_iter_invalid_ascii),
		T(test_iter_combining),
		T(test_iter_too_many_marks),
		T(test_iter_ascii_mode),
		T(test_sanitize),
		T(test_sanitize_every_byte),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
