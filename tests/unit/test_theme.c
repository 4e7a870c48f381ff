/* test_theme: the .theme parser, its errors, and the shipped themes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <unistd.h>

#include "ui/theme.h"

static const char *good =
	"# a comment\n"
	"\n"
	"color claim  cyan default underline bold\n"
	"color search-hit 0 bright-magenta reverse\n"
	"color status 255 default   # trailing comment\n";

static void test_parse(void **state)
{
	struct theme t;
	struct diags d;
	(void)state;
	diags_init(&d);
	theme_defaults(&t, true);
	assert_int_equal(theme_parse(&t, "x.theme", good, strlen(good), &d), 0);
	assert_int_equal(diags_count(&d), 0);
	assert_int_equal(t.roles[ROLE_CLAIM].fg, 6);
	assert_int_equal(t.roles[ROLE_CLAIM].bg, THEME_DEFAULT_COLOR);
	assert_int_equal(t.roles[ROLE_CLAIM].attrs, THEME_UNDERLINE | THEME_BOLD);
	assert_int_equal(t.roles[ROLE_HIT].fg, 0);
	assert_int_equal(t.roles[ROLE_HIT].bg, 13);
	assert_int_equal(t.roles[ROLE_HIT].attrs, THEME_REVERSE);
	assert_int_equal(t.roles[ROLE_STATUS].fg, 255);
	diags_release(&d);
}

static void test_errors_line_by_line(void **state)
{
	struct theme t;
	struct diags d;
	const char *bad =
		"colour normal red blue\n"          /* 1: unknown command */
		"color nosuch red blue\n"           /* 2: unknown element */
		"color claim 256 blue\n"            /* 3: bad colour */
		"color claim red\n"                 /* 4: too short */
		"color claim red blue blink\n"      /* 5: unknown attribute */
		"color border red blue\n";          /* 6: fine */
	(void)state;
	diags_init(&d);
	theme_defaults(&t, false);
	assert_int_equal(theme_parse(&t, "bad.theme", bad, strlen(bad), &d), 5);
	assert_int_equal(diags_count(&d), 5);
	assert_string_equal(d.lines[0], "bad.theme:1: unknown command \"colour\" (expected \"color\")");
	assert_string_equal(d.lines[1], "bad.theme:2: unknown element \"nosuch\"");
	assert_non_null(strstr(d.lines[2], "bad.theme:3: bad colour \"256\""));
	assert_non_null(strstr(d.lines[3], "bad.theme:4: expected"));
	assert_string_equal(d.lines[4], "bad.theme:5: unknown attribute \"blink\"");
	/* the good line still applied; the bad ones changed nothing */
	assert_int_equal(t.roles[ROLE_BORDER].fg, 1);
	assert_int_equal(t.roles[ROLE_CLAIM].fg, THEME_DEFAULT_COLOR);
	diags_release(&d);
}

static void test_shipped_themes(void **state)
{
	static const char *const names[] = { "default", "light", "high-contrast", "mono" };
	struct strbuf path = STRBUF_INIT;
	(void)state;
	assert_int_equal(chdir("../.."), 0);
	for (size_t i = 0; i < 4; i++) {
		struct theme t;
		struct diags d;
		diags_init(&d);
		theme_defaults(&t, true);
		assert_int_equal(theme_find(names[i], NULL, "/nonexistent", &path), 0);
		assert_int_equal(theme_load(&t, path.buf, &d), 0);
		assert_int_equal(diags_count(&d), 0);
		diags_release(&d);
	}
	/* mono has no colours at all */
	{
		struct theme t;
		struct diags d;
		diags_init(&d);
		theme_defaults(&t, false);
		assert_int_equal(theme_load(&t, "themes/mono.theme", &d), 0);
		for (int r = 0; r < ROLE_COUNT; r++) {
			assert_int_equal(t.roles[r].fg, THEME_DEFAULT_COLOR);
			assert_int_equal(t.roles[r].bg, THEME_DEFAULT_COLOR);
		}
		diags_release(&d);
	}
	assert_int_equal(theme_find("nosuch", NULL, "/nonexistent", &path), -1);
	assert_non_null(strstr(path.buf, "no theme \"nosuch\""));
	assert_int_equal(theme_find("../etc", NULL, "/nonexistent", &path), -1);
	assert_int_equal(theme_find("themes/light.theme", NULL, "/nonexistent", &path), 0);
	assert_int_equal(chdir("tests/unit"), 0);
	sb_release(&path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_errors_line_by_line),
		cmocka_unit_test(test_shipped_themes),
	};
	return cmocka_run_group_tests_name("theme", tests, NULL, NULL);
}
