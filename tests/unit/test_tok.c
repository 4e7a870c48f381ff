/* test_tok: words, numbers and punctuation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/tok.h"

static void test_tok(void **state)
{
	struct tok *t;
	const char *s = "Mr. O'Neil don\xe2\x80\x99t pay 30,000\xe2\x80\x94or Kyiv\xe2\x80\x99s.";
	(void)state;
	size_t n = tok_split(s, strlen(s), &t);
	const char *want[] = { "Mr", ".", "O'Neil", "don\xe2\x80\x99t", "pay", "30", ",", "000",
			       "\xe2\x80\x94", "or", "Kyiv", "\xe2\x80\x99", "s", "." };
	assert_int_equal(n, sizeof want / sizeof *want);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(t[i].end - t[i].start, strlen(want[i]));
		assert_memory_equal(s + t[i].start, want[i], strlen(want[i]));
	}
	assert_true(t[0].upper && t[0].space && !t[1].space);
	assert_int_equal(t[5].kind, TOK_NUM);
	assert_int_equal(t[6].kind, TOK_PUNCT);
	assert_true(tok_is(s, &t[4], "PAY"));
	assert_true(tok_punct(s, &t[8], "\xe2\x80\x94"));
	free(t);
	n = tok_split("", 0, &t);
	assert_int_equal(n, 0);
	free(t);
	n = tok_split("\xff\xfe", 2, &t);
	assert_int_equal(n, 2);
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tok),
	};
	return cmocka_run_group_tests_name("tok", tests, NULL, NULL);
}
