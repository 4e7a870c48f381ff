/* test_decode: encodings, line ends, invalid bytes, mojibake repair. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "import/charset.h"
#include "import/decode.h"

static struct decode_stats st;

/* Decodes n bytes and returns the result (static buffer). */
static const char *dec(const char *s, size_t n)
{
	static char buf[4096];
	struct strbuf out = STRBUF_INIT;
	decode_text(s, n, &out, &st);
	snprintf(buf, sizeof buf, "%s", out.buf);
	sb_release(&out);
	return buf;
}
#define DEC(lit) dec(lit, sizeof(lit) - 1)

static void test_plain(void **state)
{
	(void)state;
	assert_string_equal(DEC("Plain text.\n"), "Plain text.\n");
	assert_string_equal(st.encoding, "utf-8");
	assert_int_equal(decode_repairs(&st), 0);
	assert_string_equal(DEC("\xef\xbb\xbfWith a BOM\r\nand CRLF\rand CR"), "With a BOM\nand CRLF\nand CR");
	assert_true(st.bom);
	assert_int_equal(st.crlf, 1);
	assert_int_equal(st.cr, 1);
	/* a doubled BOM, in UTF-8 and in UTF-16: none left at the start */
	assert_string_equal(DEC("\xef\xbb\xbf\xef\xbb\xbf\xef\xbb\xbfTwice"), "Twice");
	assert_string_equal(DEC("\xfe\xff\xfe\xff\x00O\x00K"), "OK");
	/* one inside the text is not a BOM, and stays */
	assert_string_equal(DEC("a\xef\xbb\xbf"), "a\xef\xbb\xbf");
}

static void test_other_encodings(void **state)
{
	(void)state;
	assert_string_equal(DEC("\xff\xfeO\x00k\x00 \x00\xe9\x00"), "Ok \xc3\xa9");
	assert_string_equal(st.encoding, "utf-16le");
	assert_string_equal(DEC("\xfe\xff\x00O\x00k\x20\x14"), "Ok\xe2\x80\x94");
	assert_string_equal(st.encoding, "utf-16be");
	assert_string_equal(DEC("na\xefve \x93quotes\x94 \x80 5"),
			    "na\xc3\xafve \xe2\x80\x9cquotes\xe2\x80\x9d \xe2\x82\xac 5");
	assert_string_equal(st.encoding, "windows-1252");
	/* UTF-8 with a stray byte stays UTF-8: the byte is replaced and counted */
	assert_string_equal(DEC("caf\xc3\xa9 \xff!"), "caf\xc3\xa9 \xef\xbf\xbd!");
	assert_string_equal(st.encoding, "utf-8");
	assert_int_equal(st.invalid, 1);
	/* odd UTF-16 tail */
	DEC("\xff\xfeO\x00k");
	assert_int_equal(st.invalid, 1);
}

static void test_gbk_mojibake(void **state)
{
	(void)state;
	/* ’s, “…”, ’t as GBK-read UTF-8 */
	assert_string_equal(DEC("The port\xe9\x88\xa5\xe6\xaa\x9a cranes\n"),
			    "The port\xe2\x80\x99s cranes\n");
	assert_int_equal(st.gbk_direct, 1);
	assert_int_equal(st.restored[0], 1);
	/* lost last bytes: an opening quote after a space, a closing quote
	 * after a quotation, a possessive after s, a dash between spaces */
	assert_string_equal(DEC("She said \xe9\x88\xa5\xe6\xb7\x9at works.\xe9\x88\xa5 Docks\xe9\x88\xa5 gates \xe9\x88\xa5 old \xe9\x88\xa5 held.\n"),
			    "She said \xe2\x80\x9cIt works.\xe2\x80\x9d Docks\xe2\x80\x99 gates \xe2\x80\x94 old \xe2\x80\x94 held.\n");
	assert_int_equal(st.gbk_direct, 1);
	assert_int_equal(st.gbk_inferred, 4);
	assert_int_equal(st.restored[1], 1);
	assert_int_equal(st.restored[2], 1);
	assert_int_equal(st.restored[4], 2);
	/* an opening quote before a digit */
	assert_string_equal(DEC("It\xe9\x88\xa5\xe6\xaa\x9a so: \xe9\x88\xa5" "40% agree.\xe9\x88\xa5"),
			    "It\xe2\x80\x99s so: \xe2\x80\x9c" "40% agree.\xe2\x80\x9d");
}

static void test_genuine_text_kept(void **state)
{
	(void)state;
	/* genuine Chinese and Cyrillic, even next to repaired mojibake */
	const char zh[] = "\xe6\xb5\xb7\xe8\xa7\x92\xe5\xa4\xa7\xe7\xa5\x9e\n"
			  "\xe4\xb8\xad\xe6\x96\x87\xe6\x96\xb0\xe9\x97\xbb\n";
	assert_string_equal(DEC(zh), zh);
	assert_int_equal(decode_repairs(&st), 0);
	const char ru[] = "\xd0\x9c\xd0\xb8\xd0\xbd\xd1\x81\xd0\xba and \xd0\x9a\xd0\xb8\xd0\xb5\xd0\xb2\n";
	assert_string_equal(DEC(ru), ru);
	assert_string_equal(DEC("\xe6\xb5\xb7\xe8\xa7\x92\n\nThe port\xe9\x88\xa5\xe6\xaa\x9a cranes"),
			    "\xe6\xb5\xb7\xe8\xa7\x92\n\nThe port\xe2\x80\x99s cranes");
	/* accented Latin stays */
	assert_string_equal(DEC("Z\xc3\xbcrich, S\xc3\xa3o Paulo, \xc3\x85rhus"),
			    "Z\xc3\xbcrich, S\xc3\xa3o Paulo, \xc3\x85rhus");
}

static void test_w1252_mojibake(void **state)
{
	(void)state;
	/* â€™ â€œ â€ (lost 0x9D) */
	assert_string_equal(DEC("Oslo\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s \xc3\xa2\xe2\x82\xac\xc5\x93new\xc3\xa2\xe2\x82\xac port"),
			    "Oslo\xe2\x80\x99s \xe2\x80\x9cnew\xe2\x80\x9d port");
	assert_int_equal(st.w1252_direct, 2);
	assert_int_equal(st.w1252_inferred, 1);
	/* Ã© for é */
	assert_string_equal(DEC("caf\xc3\x83\xc2\xa9 \xe2\x80\x94 ok"), "caf\xc3\xa9 \xe2\x80\x94 ok");
	struct strbuf d = STRBUF_INIT;
	decode_describe(&st, 0, &d);
	assert_non_null(strstr(d.buf, "Windows-1252"));
	sb_release(&d);
}

/* Describes the first kind (encoding) into a static buffer. */
static const char *describe(void)
{
	static char buf[512];
	struct strbuf d = STRBUF_INIT;
	decode_describe(&st, 0, &d);
	snprintf(buf, sizeof buf, "%s", d.len ? d.buf : "");
	sb_release(&d);
	return buf;
}

static void test_charsets(void **state)
{
	(void)state;
	/* "Минск заявил, что войска останутся." in Windows-1251: was read as
	 * Windows-1252 ("Ìèíñê") before detection */
	assert_string_equal(DEC("\xcc\xe8\xed\xf1\xea \xe7\xe0\xff\xe2\xe8\xeb, \xf7\xf2\xee "
				"\xe2\xee\xe9\xf1\xea\xe0 \xee\xf1\xf2\xe0\xed\xf3\xf2\xf1\xff."),
			    "Минск заявил, что войска останутся.");
	assert_string_equal(st.encoding, "windows-1251");
	assert_string_equal(st.how, "detected");
	assert_true(st.confidence >= CHARSET_SURE);
	assert_non_null(strstr(describe(), "windows-1251 with iconv (detected, confidence 1.00)"));

	/* declared in the document, in a meta tag or an XML declaration */
	assert_string_equal(DEC("<meta http-equiv=Content-Type content='text/html; charset=KOI8-R'><p>\xed\xc9\xce\xd3\xcb"),
			    "<meta http-equiv=Content-Type content='text/html; charset=KOI8-R'><p>Минск");
	assert_string_equal(st.encoding, "koi8-r");
	assert_string_equal(st.how, "declared");
	DEC("<?xml version='1.0' encoding='ISO-8859-1'?><a>caf\xe9</a>");
	assert_string_equal(st.encoding, "windows-1252");   /* as browsers read Latin-1 */
	/* an unknown declared name: the bytes decide */
	assert_string_equal(DEC("<meta charset=\"x-nonsense\">caf\xc3\xa9"), "<meta charset=\"x-nonsense\">caf\xc3\xa9");
	assert_string_equal(st.encoding, "utf-8");

	/* stated by the caller (a sidecar) */
	struct strbuf out = STRBUF_INIT;
	decode_text_as("Caf\xe9", 4, "iso-8859-5", &out, &st);
	assert_string_equal(out.buf, "Caf\xd1\x89");
	assert_string_equal(st.how, "sidecar");
	sb_release(&out);

	/* UTF-16 without a BOM, both byte orders */
	assert_string_equal(DEC("M\0i\0n\0s\0k\0 \0\x1c\x04"), "Minsk \xd0\x9c");
	assert_string_equal(st.encoding, "utf-16le");
	assert_string_equal(DEC("\0M\0i\0n\0s\0k\0 \x04\x1c"), "Minsk \xd0\x9c");
	assert_string_equal(st.encoding, "utf-16be");

	/* ISO-8859-1 detected is read as Windows-1252, as browsers do */
	assert_string_equal(DEC("Pr\xe9sident Loukachenko a d\xe9" "clar\xe9"), "Pr\xc3\xa9sident Loukachenko a d\xc3\xa9" "clar\xc3\xa9");
	assert_string_equal(st.encoding, "windows-1252");
	assert_string_equal(st.how, "detected");
	/* unsure: the Windows-1252 table */
	assert_string_equal(DEC("\x80\x81\x82"), "\xe2\x82\xac\xc2\x81\xe2\x80\x9a");
	assert_string_equal(st.encoding, "windows-1252");
	assert_string_equal(st.how, "fallback");
	assert_non_null(strstr(describe(), "converted from windows-1252 with the built-in table ("));
}

static void test_confidence(void **state)
{
	(void)state;
	assert_true(charset_confidence("plain", 5) == 1.0);
	assert_true(charset_confidence("Минск", strlen("Минск")) == 1.0);
	assert_true(charset_confidence("Caf\xc3\xa9", 5) == 1.0);
	/* "Café" read as Windows-1251: a Cyrillic letter inside a Latin word */
	assert_true(charset_confidence("Caf\xd0\xb9", 5) < CHARSET_SURE);
	/* C1 controls and box drawing are not text */
	assert_true(charset_confidence("\xc2\x85\xe2\x95\x90", 5) == 0.0);

	char name[CHARSET_NAME_MAX];
	assert_true(charset_declared("<META CHARSET=utf-8>", 20, name, sizeof name));
	assert_string_equal(name, "utf-8");
	assert_false(charset_declared("<p>charset=koi8-r</p>", 21, name, sizeof name));
	assert_false(charset_declared("<meta charset=>", 15, name, sizeof name));
	assert_true(charset_declared("<meta charset=\"windows-1251-and-a-very-long-name-beyond\">", 58, name, 8));
	assert_string_equal(name, "windows");
}

static void test_any_input(void **state)
{
	(void)state;
	char all[512];
	for (int i = 0; i < 512; i++)
		all[i] = (char)(i * 37);
	struct strbuf out = STRBUF_INIT;
	decode_text(all, sizeof all, &out, NULL);
	decode_text("", 0, &out, NULL);
	decode_text("\xe9\x88", 2, &out, NULL);
	decode_text("\xff\xfe", 2, &out, NULL);
	sb_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_other_encodings),
		cmocka_unit_test(test_charsets),
		cmocka_unit_test(test_confidence),
		cmocka_unit_test(test_gbk_mojibake),
		cmocka_unit_test(test_genuine_text_kept),
		cmocka_unit_test(test_w1252_mojibake),
		cmocka_unit_test(test_any_input),
	};
	return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
