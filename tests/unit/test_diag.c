/* test_diag: located problem lines, their order, the cap, sanitising. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/diag.h"

/* Checks the list after any operation: counts agree, every stored line is
 * a string without a newline or ESC byte. */
static void check_diags(const struct diags *d)
{
	assert_true(d->n <= d->alloc || (d->n == 0 && d->alloc == 0));
	assert_true(d->n <= DIAG_MAX);
	assert_int_equal(diags_count(d), d->n + d->dropped);
	if (d->dropped)
		assert_int_equal(d->n, DIAG_MAX);
	for (size_t i = 0; i < d->n; i++) {
		assert_non_null(d->lines[i]);
		assert_null(strchr(d->lines[i], '\n'));
		assert_null(strchr(d->lines[i], 0x1b));
	}
}

static int setup(void **state)
{
	struct diags *d = malloc(sizeof *d);
	if (!d)
		return -1;
	diags_init(d);
	*state = d;
	return 0;
}

static int teardown(void **state)
{
	struct diags *d = *state;
	check_diags(d);
	diags_release(d);
	check_diags(d);
	assert_int_equal(diags_count(d), 0);
	free(d);
	return 0;
}

/* What diags_print() writes, as a malloc'd string. */
static char *printed(const struct diags *d)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);
	assert_non_null(fp);
	diags_print(d, fp);
	fclose(fp);
	return s;
}

static void test_empty(void **state)
{
	struct diags *d = *state;
	check_diags(d);
	char *s = printed(d);
	assert_string_equal(s, "");
	free(s);
}

static void test_located(void **state)
{
	struct diags *d = *state;
	diag_add(d, "corpus.json", 12, 7, "duplicate claim id \"%s\"", "csm-1");
	check_diags(d);
	diag_add(d, "sources/mt.txt", 0, 0, "sha256 is %s", "abc");
	check_diags(d);
	assert_int_equal(diags_count(d), 2);
	assert_string_equal(d->lines[0], "corpus.json:12:7: duplicate claim id \"csm-1\"");
	assert_string_equal(d->lines[1], "sources/mt.txt: sha256 is abc");
	char *s = printed(d);
	assert_string_equal(s, "corpus.json:12:7: duplicate claim id \"csm-1\"\n"
			       "sources/mt.txt: sha256 is abc\n");
	free(s);
}

static void test_sanitised(void **state)
{
	struct diags *d = *state;
	diag_add(d, "corpus.json", 1, 1, "id \"%s\"", "a\x1b[2Jb\nc");
	check_diags(d);
	assert_string_equal(d->lines[0], "corpus.json:1:1: id \"a^[[2Jb c\"");
}

static void test_cap(void **state)
{
	struct diags *d = *state;
	for (size_t i = 0; i < DIAG_MAX + 5; i++) {
		diag_add(d, "corpus.json", i + 1, 1, "problem %zu", i);
		check_diags(d);
	}
	assert_int_equal(d->n, DIAG_MAX);
	assert_int_equal(d->dropped, 5);
	assert_int_equal(diags_count(d), DIAG_MAX + 5);
	assert_string_equal(d->lines[0], "corpus.json:1:1: problem 0");
	char *s = printed(d);
	assert_non_null(strstr(s, "... and 5 more problems\n"));
	assert_non_null(strstr(s, "problem 999\n"));
	assert_null(strstr(s, "problem 1000\n"));
	free(s);
}

static void test_release_reuse(void **state)
{
	struct diags *d = *state;
	diag_add(d, "f", 1, 2, "x");
	diags_release(d);
	check_diags(d);
	assert_int_equal(diags_count(d), 0);
	diag_add(d, "f", 3, 4, "y");
	check_diags(d);
	assert_string_equal(d->lines[0], "f:3:4: y");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_empty),
		T(test_located),
		T(test_sanitised),
		T(test_cap),
		T(test_release_reuse),
	};
	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
