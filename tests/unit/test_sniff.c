/* test_sniff: what a raw file's first bytes say: text, UTF-16, binary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "import/sniff.h"

/* sniff_bytes on n bytes of s: its status, the reason in why */
static int sniff(const char *s, size_t n, struct strbuf *why)
{
	sb_reset(why);
	return sniff_bytes((const unsigned char *)s, n, why);
}

static void test_bytes(void **state)
{
	struct strbuf why = STRBUF_INIT;
	(void)state;
	assert_int_equal(sniff("plain text\n", 11, &why), 0);
	assert_int_equal(sniff("", 0, &why), 0);
	/* UTF-16 with a BOM is decode.h's business */
	assert_int_equal(sniff("\xff\xfeT\0h\0e\0 \0a\0r\0m\0y\0", 18, &why), 0);
	assert_int_equal(sniff("\xfe\xff\0T\0h\0e\0 \0a\0r\0m\0y", 18, &why), 0);
	/* without one, by its shape: decoded too (import/charset.h) */
	assert_int_equal(sniff("T\0h\0e\0 \0a\0r\0m\0y\0 \0w\0e\0n\0t\0 \0n\0o\0r\0t\0h\0", 38, &why), 0);
	assert_int_equal(sniff("\0T\0h\0e\0 \0a\0r\0m\0y\0 \0w\0e\0n\0t\0 \0n\0o\0r\0t\0h", 38, &why), 0);
	/* too short to tell: binary */
	assert_int_equal(sniff("T\0h\0e\0 \0a\0r\0m\0y\0", 16, &why), 1);
	/* a NUL anywhere else: binary, with its offset */
	assert_int_equal(sniff("text\0more", 9, &why), 1);
	assert_non_null(strstr(why.buf, "binary file (NUL byte at offset 4)"));
	/* all NULs is not UTF-16 */
	char zeros[64] = { 0 };
	assert_int_equal(sniff(zeros, sizeof zeros, &why), 1);
	assert_non_null(strstr(why.buf, "binary file (NUL byte at offset 0)"));
	sb_release(&why);
}

static void test_file(void **state)
{
	struct strbuf why = STRBUF_INIT;
	char path[] = "/tmp/test_sniff.XXXXXX";
	(void)state;
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	/* text in the first 64 KB, a NUL after it: sniff_file reads only the head */
	char *buf = malloc(SNIFF_HEAD + 10);
	memset(buf, 'a', SNIFF_HEAD + 10);
	buf[SNIFF_HEAD + 5] = '\0';
	assert_int_equal(write(fd, buf, SNIFF_HEAD + 10), SNIFF_HEAD + 10);
	assert_int_equal(sniff_file(path, &why), 0);
	/* 2 GiB, sparse: refused by size, unread */
	assert_int_equal(ftruncate(fd, 2LL << 30), 0);
	sb_reset(&why);
	assert_int_equal(sniff_file(path, &why), 1);
	assert_non_null(strstr(why.buf, "larger than the 1 GiB text cap"));
	close(fd);
	unlink(path);
	sb_reset(&why);
	assert_int_equal(sniff_file(path, &why), 2);   /* gone: cannot be read */
	sb_reset(&why);
	assert_int_equal(sniff_file("/dev/null", &why), 1);
	assert_non_null(strstr(why.buf, "not a regular file"));
	free(buf);
	sb_release(&why);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_file),
	};
	return cmocka_run_group_tests_name("sniff", tests, NULL, NULL);
}
