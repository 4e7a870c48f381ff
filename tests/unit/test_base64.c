/* test_base64: RFC 4648 test vectors, every byte value, appending to a
 * buffer that holds text, and a decode of every length back to its input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/base64.h"

/* The invariants of an encoding of n bytes: its length, its alphabet, and
 * padding only at the end. */
static void check_encoding(const char *s, size_t len, size_t n)
{
	assert_int_equal(len, base64_len(n));
	assert_int_equal(strlen(s), len);
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		int ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			 (c >= '0' && c <= '9') || c == '+' || c == '/' ||
			 (c == '=' && i + 2 >= len && (i + 1 == len || s[i + 1] == '='));
		assert_true(ok);
	}
}

static int value(char c)
{
	const char *a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = strchr(a, c);
	return p && c ? (int)(p - a) : -1;
}

/* A decoder written apart from the encoder, for the round trip. */
static size_t decode(const char *s, size_t len, unsigned char *out)
{
	size_t n = 0;
	for (size_t i = 0; i + 4 <= len; i += 4) {
		int v[4];
		for (int k = 0; k < 4; k++)
			v[k] = s[i + k] == '=' ? 0 : value(s[i + k]);
		unsigned long w = (unsigned long)v[0] << 18 | (unsigned long)v[1] << 12 |
				  (unsigned long)v[2] << 6 | (unsigned long)v[3];
		out[n++] = (unsigned char)(w >> 16);
		if (s[i + 2] != '=')
			out[n++] = (unsigned char)(w >> 8);
		if (s[i + 3] != '=')
			out[n++] = (unsigned char)w;
	}
	return n;
}

static void rfc4648_vectors(void **state)
{
	static const char *const in[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
	static const char *const want[] = { "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=",
					    "Zm9vYmFy" };
	(void)state;
	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		struct strbuf sb = STRBUF_INIT;
		base64_encode(&sb, in[i], strlen(in[i]));
		assert_string_equal(sb.buf, want[i]);
		check_encoding(sb.buf, sb.len, strlen(in[i]));
		sb_release(&sb);
	}
}

static void high_bytes_and_controls(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	/* ESC ] 5 2 BEL, and bytes that use '+' and '/' */
	base64_encode(&sb, "\x1b]52\a", 5);
	assert_string_equal(sb.buf, "G101Mgc=");
	sb_reset(&sb);
	base64_encode(&sb, "\xfb\xff\xbf", 3);
	assert_string_equal(sb.buf, "+/+/");
	sb_reset(&sb);
	base64_encode(&sb, "\0\0", 2);   /* NUL bytes are data like any other */
	assert_string_equal(sb.buf, "AAA=");
	sb_release(&sb);
}

static void appends_after_text(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	sb_addstr(&sb, "\x1b]52;c;");
	base64_encode(&sb, "hi", 2);
	sb_addch(&sb, '\a');
	assert_string_equal(sb.buf, "\x1b]52;c;aGk=\a");
	assert_int_equal(sb.len, 7 + 4 + 1);
	sb_release(&sb);
}

static void every_length_round_trips(void **state)
{
	unsigned char in[600], back[600];
	(void)state;
	for (size_t i = 0; i < sizeof in; i++)
		in[i] = (unsigned char)(i * 7 + 3);   /* every byte value, shuffled */
	for (size_t n = 0; n <= sizeof in; n++) {
		struct strbuf sb = STRBUF_INIT;
		base64_encode(&sb, in, n);
		check_encoding(sb.buf, sb.len, n);
		assert_int_equal(decode(sb.buf, sb.len, back), n);
		assert_memory_equal(back, in, n);
		sb_release(&sb);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc4648_vectors),
		cmocka_unit_test(high_bytes_and_controls),
		cmocka_unit_test(appends_after_text),
		cmocka_unit_test(every_length_round_trips),
	};
	return cmocka_run_group_tests_name("base64", tests, NULL, NULL);
}
