/* test_wrap: the table of wrapped line starts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
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

/* A text of paragraphs and words of many lengths, with tabs and CJK. */
static char *sample(size_t *n)
{
	static const char *const words[] = { "a", "claim", "troops,", "\t", "\xe6\xb5\xb7\xe8\xa7\x92",
		"thirty-thousand", "x", "Belarus", "\n", "abcdefghijklmnopqrstuvwxyz" };
	char *s = malloc(200000);
	size_t len = 0;
	unsigned r = 7;
	while (len < 199000) {
		r = r * 1103515245 + 12345;
		const char *w = words[(r >> 16) % 10];
		memcpy(s + len, w, strlen(w));
		len += strlen(w);
		s[len++] = ' ';
	}
	*n = len;
	return s;
}

static void test_slices_equal_whole(void **state)
{
	struct wrap whole, part;
	size_t n;
	char *s = sample(&n);
	(void)state;
	wrap_init(&whole);
	wrap_init(&part);
	for (int width = 1; width < 90; width += 13) {
		wrap_build(&whole, s, n, width, false);
		wrap_begin(&part, s, n, width, false);
		size_t steps = 0;
		while (!wrap_step(&part, 1000)) {
			steps++;
			/* the lines counted so far are final */
			assert_true(part.n <= whole.n);
			assert_int_equal(part.starts[part.n - 1], whole.starts[part.n - 1]);
		}
		assert_true(steps > 10);
		assert_true(wrap_complete(&part));
		assert_int_equal(part.n, whole.n);
		assert_memory_equal(part.starts, whole.starts, whole.n * sizeof *whole.starts);
	}
	wrap_release(&whole);
	wrap_release(&part);
	free(s);
}

static void test_window_matches_whole(void **state)
{
	struct wrap whole, win;
	size_t n;
	char *s = sample(&n);
	(void)state;
	wrap_init(&whole);
	wrap_init(&win);
	for (int width = 3; width < 90; width += 11) {
		wrap_build(&whole, s, n, width, false);
		for (size_t at = 0; at < n; at += 9973) {
			size_t from = wrap_para_start(s, at), l = wrap_line_of(&whole, at);
			wrap_window(&win, s, n, from, at, 20, width, false);
			size_t wl = wrap_line_of(&win, at);
			/* a paragraph start is a line start of the whole table */
			assert_int_equal(win.starts[0], whole.starts[wrap_line_of(&whole, from)]);
			for (size_t k = 0; k <= 20 && wl + k < win.n; k++)
				assert_int_equal(win.starts[wl + k], whole.starts[l + k]);
			assert_true(win.n - wl == 21 || win.len == n);
		}
	}
	/* at the end of the text: the window ends with it */
	wrap_window(&win, s, n, wrap_para_start(s, n), n, 5, 40, false);
	assert_int_equal(win.len, n);
	wrap_release(&whole);
	wrap_release(&win);
	free(s);
}

static void test_para_start_is_bounded(void **state)
{
	size_t n = 3 * WRAP_BACK;
	char *s = malloc(n);
	(void)state;
	for (size_t i = 0; i < n; i++)
		s[i] = i % 7 == 6 ? ' ' : 'w';
	size_t p = wrap_para_start(s, n - 1);
	assert_true(p >= n - 1 - WRAP_BACK && p <= n - 1);
	assert_true(s[p - 1] == ' ');
	memset(s, 'w', n);
	assert_int_equal(wrap_para_start(s, n - 1), n - 1 - WRAP_BACK);
	s[100] = '\n';
	assert_int_equal(wrap_para_start(s, 2000), 101);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_paragraphs_and_long_words),
		cmocka_unit_test(test_glyph_widths),
		cmocka_unit_test(test_offsets_are_boundaries),
		cmocka_unit_test(test_slices_equal_whole),
		cmocka_unit_test(test_window_matches_whole),
		cmocka_unit_test(test_para_start_is_bounded),
	};
	return cmocka_run_group_tests_name("wrap", tests, NULL, NULL);
}
