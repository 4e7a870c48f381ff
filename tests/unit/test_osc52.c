/* test_osc52: the clipboard sequence, plain and in screen's DCS pieces,
 * its cap (75,000 bytes in, refused whole above), and when screen's
 * wrapping is chosen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ui/osc52.h"

static void plain_sequence(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	assert_int_equal(osc52_build(&sb, "hi", 2, OSC52_PLAIN), 0);
	assert_string_equal(sb.buf, "\033]52;c;aGk=\a");
	sb_reset(&sb);
	assert_int_equal(osc52_build(&sb, "", 0, OSC52_PLAIN), 0);
	assert_string_equal(sb.buf, "\033]52;c;\a");
	sb_release(&sb);
}

static void the_cap(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char *t = malloc(OSC52_MAX_TEXT + 1);
	(void)state;
	assert_non_null(t);
	memset(t, 'x', OSC52_MAX_TEXT + 1);
	assert_int_equal(osc52_build(&sb, t, OSC52_MAX_TEXT, OSC52_PLAIN), 0);
	assert_int_equal(sb.len, 7 + 100000 + 1);
	sb_reset(&sb);
	sb_addstr(&sb, "kept");
	assert_int_equal(osc52_build(&sb, t, OSC52_MAX_TEXT + 1, OSC52_PLAIN), -1);
	assert_string_equal(sb.buf, "kept");   /* refused whole: nothing added */
	assert_int_equal(osc52_build(&sb, t, OSC52_MAX_TEXT + 1, OSC52_SCREEN), -1);
	assert_int_equal(sb.len, 4);
	free(t);
	sb_release(&sb);
}

/* Screen's pieces: each ESC P ... ESC \ of at most 256 bytes, no ESC \
 * inside one, and joined they are the plain sequence. */
static void screen_pieces(void **state)
{
	(void)state;
	for (size_t n = 0; n < 1200; n += 37) {
		struct strbuf plain = STRBUF_INIT, scr = STRBUF_INIT, joined = STRBUF_INIT;
		char *t = malloc(n + 1);
		assert_non_null(t);
		for (size_t i = 0; i < n; i++)
			t[i] = (char)(i * 13);
		assert_int_equal(osc52_build(&plain, t, n, OSC52_PLAIN), 0);
		assert_int_equal(osc52_build(&scr, t, n, OSC52_SCREEN), 0);
		size_t i = 0, pieces = 0;
		while (i < scr.len) {
			assert_memory_equal(scr.buf + i, "\033P", 2);
			char *end = strstr(scr.buf + i + 2, "\033\\");
			assert_non_null(end);
			size_t k = (size_t)(end - (scr.buf + i + 2));
			assert_true(k >= 1 && k <= OSC52_SCREEN_PIECE);
			sb_add(&joined, scr.buf + i + 2, k);
			i += 2 + k + 2;
			pieces++;
		}
		assert_int_equal(pieces, (plain.len + OSC52_SCREEN_PIECE - 1) / OSC52_SCREEN_PIECE);
		assert_int_equal(joined.len, plain.len);
		assert_memory_equal(joined.buf, plain.buf, plain.len);
		free(t);
		sb_release(&plain);
		sb_release(&scr);
		sb_release(&joined);
	}
}

static void wrap_choice(void **state)
{
	(void)state;
	assert_int_equal(osc52_wrap_for(NULL, NULL), OSC52_PLAIN);
	assert_int_equal(osc52_wrap_for("", NULL), OSC52_PLAIN);
	assert_int_equal(osc52_wrap_for("1234.pts-0.host", NULL), OSC52_SCREEN);
	assert_int_equal(osc52_wrap_for("1234.pts-0.host", ""), OSC52_SCREEN);
	/* tmux inside screen: tmux takes the plain sequence */
	assert_int_equal(osc52_wrap_for("1234.pts-0.host", "/tmp/tmux-0/default,1,0"), OSC52_PLAIN);
	assert_int_equal(osc52_wrap_for(NULL, "/tmp/tmux-0/default,1,0"), OSC52_PLAIN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_sequence),
		cmocka_unit_test(the_cap),
		cmocka_unit_test(screen_pieces),
		cmocka_unit_test(wrap_choice),
	};
	return cmocka_run_group_tests_name("osc52", tests, NULL, NULL);
}
