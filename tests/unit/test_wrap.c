/* test_wrap: the table of wrapped line starts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/text.h"
#include "search/wrap.h"

/* Each line's text (without the break) joined with '|'. */
static void lines(const struct wrap *w, const char *s, char *out)
{
	out[0] = '\0';
	for (size_t i = 0; i < w->n; i++) {
		size_t a, b;
		wrap_line(w, i, &a, &b);
		while (b > a && (s[b - 1] == '\n' || s[b - 1] == ' '))
			b--;
		if (i)
			strcat(out, "|");
		strncat(out, s + a, b - a);
	}
}

static void test_words(void **state)
{
	struct wrap w;
	char out[256];
	const char *s = "the quick brown fox jumps over";
	(void)state;
	wrap_init(&w);
	wrap_build(&w, s, strlen(s), 10, false);
	lines(&w, s, out);
	assert_string_equal(out, "the quick|brown fox|jumps over");
	assert_int_equal(w.n, 3);
	/* the same text at another width: built again, not appended */
	wrap_build(&w, s, strlen(s), 100, false);
	assert_int_equal(w.n, 1);
	wrap_release(&w);
}

static void test_paragraphs_and_long_words(void **state)
{
	struct wrap w;
	char out[256];
	const char *s = "one\n\ntwo abcdefghijkl\n";
	(void)state;
	wrap_init(&w);
	wrap_build(&w, s, strlen(s), 5, false);
	lines(&w, s, out);
	assert_string_equal(out, "one||two|abcde|fghij|kl");
	assert_int_equal(wrap_line_of(&w, 0), 0);
	assert_int_equal(wrap_line_of(&w, 5), 2);   /* "two" */
	assert_int_equal(wrap_line_of(&w, strlen(s) + 10), w.n - 1);
	wrap_release(&w);
}

static void test_glyph_widths(void **state)
{
	struct wrap w;
	/* ESC is drawn "^[" (2 columns), U+202E as "<U+202E>" (8) */
	const char *s = "ab\x1b" "cd \xe2\x80\xae" "x";
	const char *cjk = "\xe6\xb5\xb7\xe8\xa7\x92\xe5\xa4\xa7\xe7\xa5\x9e";  /* 4 wide */
	(void)state;
	wrap_init(&w);
	wrap_build(&w, s, strlen(s), 6, false);
	/* "ab^[cd", then the placeholder alone (wider than the line), then "x" */
	assert_int_equal(w.n, 3);
	assert_int_equal(w.starts[1], 6);
	assert_int_equal(w.starts[2], 9);
	wrap_build(&w, cjk, strlen(cjk), 5, false);
	assert_int_equal(w.n, 2);           /* two wide glyphs per line */
	assert_int_equal(w.starts[1], 6);
	wrap_build(&w, "", 0, 10, false);
	assert_int_equal(w.n, 1);
	wrap_release(&w);
}

static void test_offsets_are_boundaries(void **state)
{
	struct wrap w;
	const char *s = "\xd0\x91\xd0\xb5\xd0\xbb\xd0\xb0\xd1\x80\xd1\x83\xd1\x81\xd1\x8c "
		"\xd0\xb8 \xd0\xa0\xd0\xbe\xd1\x81\xd1\x81\xd0\xb8\xd1\x8f \xff\xfe tail";
	(void)state;
	wrap_init(&w);
	for (int width = 1; width < 12; width++) {
		wrap_build(&w, s, strlen(s), width, false);
		for (size_t i = 0; i < w.n; i++)
			assert_true(utf8_boundary(s, strlen(s), w.starts[i]));
	}
	wrap_release(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_paragraphs_and_long_words),
		cmocka_unit_test(test_glyph_widths),
		cmocka_unit_test(test_offsets_are_boundaries),
	};
	return cmocka_run_group_tests_name("wrap", tests, NULL, NULL);
}
