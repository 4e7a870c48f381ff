/* test_strbuf: the growable byte string, its invariants after every step. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/strbuf.h"

/* Checks what strbuf.h promises after any operation. */
static void check_sb(const struct strbuf *sb)
{
	assert_non_null(sb->buf);
	assert_int_equal(sb->buf[sb->len], '\0');
	if (sb->alloc)
		assert_true(sb->len < sb->alloc);
	else
		assert_int_equal(sb->len, 0);
}

static int setup(void **state)
{
	struct strbuf *sb = malloc(sizeof *sb);
	if (!sb)
		return -1;
	sb_init(sb);
	*state = sb;
	return 0;
}

static int teardown(void **state)
{
	struct strbuf *sb = *state;
	check_sb(sb);
	sb_release(sb);
	check_sb(sb);
	free(sb);
	return 0;
}

static void test_static_init(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	check_sb(&sb);
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.alloc, 0);
	sb_release(&sb);   /* releasing an untouched strbuf frees nothing */
	check_sb(&sb);
}

static void test_empty(void **state)
{
	struct strbuf *sb = *state;
	check_sb(sb);
	assert_int_equal(sb->len, 0);
	assert_int_equal(sb->alloc, 0);
	sb_add(sb, "", 0);
	check_sb(sb);
	assert_int_equal(sb->len, 0);
}

static void test_addch(void **state)
{
	struct strbuf *sb = *state;
	sb_addch(sb, 'a');
	check_sb(sb);
	assert_string_equal(sb->buf, "a");
	sb_addch(sb, 'b');
	check_sb(sb);
	assert_string_equal(sb->buf, "ab");
	assert_int_equal(sb->len, 2);
}

static void test_addstr_grows(void **state)
{
	struct strbuf *sb = *state;
	char want[5001];
	for (int i = 0; i < 5000; i++) {
		sb_addch(sb, 'a' + i % 26);
		want[i] = (char)('a' + i % 26);
		check_sb(sb);
	}
	want[5000] = '\0';
	assert_int_equal(sb->len, 5000);
	assert_string_equal(sb->buf, want);
	sb_addstr(sb, "tail");
	check_sb(sb);
	assert_int_equal(sb->len, 5004);
	assert_memory_equal(sb->buf + 5000, "tail", 4);
}

static void test_embedded_nul(void **state)
{
	struct strbuf *sb = *state;
	sb_add(sb, "a\0b", 3);
	check_sb(sb);
	assert_int_equal(sb->len, 3);
	assert_memory_equal(sb->buf, "a\0b", 3);
}

static void test_addf(void **state)
{
	struct strbuf *sb = *state;
	sb_addf(sb, "%s:%d:%zu", "corpus.json", 12, (size_t)7);
	check_sb(sb);
	assert_string_equal(sb->buf, "corpus.json:12:7");
	/* longer than the first allocation: vsnprintf must be re-run */
	char big[300];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	sb_addf(sb, "[%s]", big);
	check_sb(sb);
	assert_int_equal(sb->len, 16 + 2 + 299);
	assert_int_equal(sb->buf[sb->len - 1], ']');
}

static void test_reset_keeps_memory(void **state)
{
	struct strbuf *sb = *state;
	sb_addstr(sb, "hello");
	size_t alloc = sb->alloc;
	char *buf = sb->buf;
	sb_reset(sb);
	check_sb(sb);
	assert_int_equal(sb->len, 0);
	assert_int_equal(sb->alloc, alloc);
	assert_ptr_equal(sb->buf, buf);
	assert_string_equal(sb->buf, "");
	sb_reset(sb);
	check_sb(sb);
}

static void test_reset_unallocated(void **state)
{
	struct strbuf *sb = *state;
	sb_reset(sb);
	check_sb(sb);
	assert_int_equal(sb->alloc, 0);
}

static void test_grow(void **state)
{
	struct strbuf *sb = *state;
	sb_grow(sb, 1000);
	check_sb(sb);
	assert_true(sb->alloc >= 1001);
	assert_int_equal(sb->len, 0);
	char *buf = sb->buf;
	sb_add(sb, "x", 1);
	sb_grow(sb, 10);   /* room already there: no move */
	check_sb(sb);
	assert_ptr_equal(sb->buf, buf);
}

static void test_setlen(void **state)
{
	struct strbuf *sb = *state;
	sb_addstr(sb, "corpus.json");
	sb_setlen(sb, 6);
	check_sb(sb);
	assert_string_equal(sb->buf, "corpus");
	sb_setlen(sb, 0);
	check_sb(sb);
	assert_string_equal(sb->buf, "");
}

static void test_detach(void **state)
{
	struct strbuf *sb = *state;
	size_t len = 99;
	sb_addstr(sb, "owned");
	char *s = sb_detach(sb, &len);
	check_sb(sb);
	assert_int_equal(len, 5);
	assert_string_equal(s, "owned");
	assert_int_equal(sb->len, 0);
	assert_int_equal(sb->alloc, 0);
	free(s);
	/* reusable after detaching */
	sb_addstr(sb, "again");
	check_sb(sb);
	assert_string_equal(sb->buf, "again");
}

static void test_detach_empty(void **state)
{
	struct strbuf *sb = *state;
	size_t len = 99;
	char *s = sb_detach(sb, &len);
	check_sb(sb);
	assert_int_equal(len, 0);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);   /* always the caller's to free, even when empty */
	s = sb_detach(sb, NULL);
	free(s);
}

static void test_release_reuse(void **state)
{
	struct strbuf *sb = *state;
	sb_addstr(sb, "one");
	sb_release(sb);
	check_sb(sb);
	assert_int_equal(sb->alloc, 0);
	sb_addstr(sb, "two");
	check_sb(sb);
	assert_string_equal(sb->buf, "two");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_static_init),
		T(test_empty),
		T(test_addch),
		T(test_addstr_grows),
		T(test_embedded_nul),
		T(test_addf),
		T(test_reset_keeps_memory),
		T(test_reset_unallocated),
		T(test_grow),
		T(test_setlen),
		T(test_detach),
		T(test_detach_empty),
		T(test_release_reuse),
	};
	return cmocka_run_group_tests_name("strbuf", tests, NULL, NULL);
}
