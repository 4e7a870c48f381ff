/* test_config: the config file parser, its errors and its location. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui/config.h"

static void test_parse(void **state)
{
	struct config cfg;
	struct diags d;
	const char *s =
		"# comment\n"
		"   \n"
		"set theme = light\n"
		"theme = dark\n"              /* 4: no set */
		"set colour = 3\n"            /* 5: unknown option */
		"set theme\n"                 /* 6: no = */
		"set theme =   \n"            /* 7: no value */
		"set  theme=high-contrast \r\n";
	(void)state;
	config_init(&cfg);
	diags_init(&d);
	assert_int_equal(config_parse(&cfg, "config", s, strlen(s), &d), 4);
	assert_string_equal(cfg.theme, "high-contrast");
	assert_string_equal(d.lines[0], "config:4: expected: set NAME = VALUE, or bind KEY ACTION");
	assert_string_equal(d.lines[1], "config:5: unknown option \"colour\"");
	assert_string_equal(d.lines[2], "config:6: expected \"=\" after the option name");
	assert_string_equal(d.lines[3], "config:7: option \"theme\" needs a value");
	diags_release(&d);
	config_release(&cfg);
	assert_null(cfg.theme);
}

static void test_path_and_load(void **state)
{
	struct strbuf p = STRBUF_INIT;
	struct config cfg;
	struct diags d;
	char dir[] = "/tmp/lectern-config.XXXXXX";
	(void)state;
	assert_non_null(mkdtemp(dir));
	setenv("XDG_CONFIG_HOME", dir, 1);
	assert_int_equal(config_path(&p), 0);
	sb_reset(&p);
	sb_addf(&p, "%s/lectern/config", dir);
	struct strbuf q = STRBUF_INIT;
	config_path(&q);
	assert_string_equal(q.buf, p.buf);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/x", 1);
	config_path(&q);
	assert_string_equal(q.buf, "/home/x/.config/lectern/config");

	config_init(&cfg);
	diags_init(&d);
	/* a missing file is fine */
	assert_int_equal(config_load(&cfg, p.buf, &d), 0);
	assert_int_equal(diags_count(&d), 0);
	sb_reset(&q);
	sb_addf(&q, "%s/lectern", dir);
	mkdir(q.buf, 0700);
	FILE *fp = fopen(p.buf, "w");
	assert_non_null(fp);
	fputs("set theme = mono\nbogus\n", fp);
	fclose(fp);
	assert_int_equal(config_load(&cfg, p.buf, &d), 1);
	assert_string_equal(cfg.theme, "mono");
	assert_non_null(strstr(d.lines[0], ":2: expected"));
	remove(p.buf);
	rmdir(q.buf);
	rmdir(dir);
	config_release(&cfg);
	diags_release(&d);
	sb_release(&p);
	sb_release(&q);
}

static void test_bind(void **state)
{
	struct config cfg;
	struct diags d;
	const char *s =
		"bind <C-x> quit\n"
		"bind j none\n"
		"bind n top\n"
		"bind\tx   help  \n"
		"bind <Nope> quit\n"          /* 5 */
		"bind k frobnicate\n"        /* 6 */
		"bind k\n"                   /* 7 */
		"bind k down up\n"           /* 8 */
		"bindk down\n";              /* 9 */
	(void)state;
	config_init(&cfg);
	diags_init(&d);
	assert_int_equal(keymap_lookup(&cfg.keys, 'j'), ACT_DOWN);
	assert_int_equal(config_parse(&cfg, "config", s, strlen(s), &d), 5);
	assert_int_equal(keymap_lookup(&cfg.keys, KEY_CTRL('x')), ACT_QUIT);
	assert_int_equal(keymap_lookup(&cfg.keys, 'Q'), ACT_QUIT);   /* kept */
	assert_int_equal(keymap_lookup(&cfg.keys, 'j'), ACT_NONE);
	assert_int_equal(keymap_lookup(&cfg.keys, KEY_L_DOWN), ACT_DOWN);
	assert_int_equal(keymap_lookup(&cfg.keys, 'n'), ACT_TOP);    /* taken from next-hit */
	assert_int_equal(keymap_lookup(&cfg.keys, 'x'), ACT_HELP);
	assert_int_equal(keymap_keys(&cfg.keys, ACT_NEXT_HIT, NULL), 0);
	assert_string_equal(d.lines[0], "config:5: unknown key \"<Nope>\" (a character, ^X, or "
			    "<C-x>, <Enter>, <Esc>, <F1>, <Up>, ...)");
	assert_string_equal(d.lines[1], "config:6: unknown action \"frobnicate\" (an action of "
			    "lectern.conf(5), or none)");
	assert_string_equal(d.lines[2], "config:7: expected: bind KEY ACTION");
	assert_string_equal(d.lines[3], "config:8: expected: bind KEY ACTION");
	assert_string_equal(d.lines[4], "config:9: expected: set NAME = VALUE, or bind KEY ACTION");
	diags_release(&d);
	config_release(&cfg);
}

static void test_options(void **state)
{
	struct config cfg;
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;
	(void)state;
	config_init(&cfg);
	/* the defaults */
	assert_string_equal(config_get(&cfg, CFG_theme), "default");
	assert_false(config_on(&cfg, CFG_mouse));
	assert_true(config_on(&cfg, CFG_wrap));
	assert_int_equal(config_cite_format(&cfg), CITE_PLAIN);
	assert_int_equal(config_choice(&cfg, CFG_layout), LAYOUT_PREF_AUTO);
	assert_false(config_date(&cfg, "2022-11-04", &out));   /* dates as written */
	/* every choice of cite-format, in order */
	const char *cites[] = { "plain", "markdown", "bibtex", "csl-json" };
	for (int i = 0; i < 4; i++) {
		assert_int_equal(config_set(&cfg, "cite-format", cites[i], &err), 0);
		assert_int_equal(config_cite_format(&cfg), i);
	}
	assert_int_equal(config_set(&cfg, "cite-format", "apa", &err), -1);
	assert_string_equal(err.buf, "option \"cite-format\" is plain, markdown, bibtex or csl-json");
	assert_int_equal(config_cite_format(&cfg), CITE_CSL_JSON);   /* unchanged */
	sb_reset(&err);
	assert_int_equal(config_set(&cfg, "wrap", "off", &err), 0);
	assert_false(config_on(&cfg, CFG_wrap));
	assert_int_equal(config_set(&cfg, "layout", "single", &err), 0);
	assert_int_equal(config_choice(&cfg, CFG_layout), LAYOUT_PREF_SINGLE);
	assert_int_equal(config_set(&cfg, "mouse", "yes", &err), -1);
	assert_string_equal(err.buf, "option \"mouse\" is on or off");
	sb_reset(&err);
	/* dates */
	assert_int_equal(config_set(&cfg, "date-format", "%d %B %Y (%a)", &err), 0);
	assert_true(config_date(&cfg, "2022-11-04", &out));
	assert_string_equal(out.buf, "04 November 2022 (Fri)");
	assert_int_equal(cfg.date_w, (int)strlen("30 September 2026 (Wed)"));
	sb_reset(&out);
	assert_false(config_date(&cfg, "2022-11", &out));       /* a month: as written */
	assert_false(config_date(&cfg, "2022-11-04x", &out));
	assert_int_equal(out.len, 0);
	const char *bad[] = { "%H:%M", "%Y%", "plain", "%Y\t%m", "%Ey", "%c",
			      "%B %B %B %B %B %B", "%Y\xc3\xa9" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		sb_reset(&err);
		assert_int_equal(config_set(&cfg, "date-format", bad[i], &err), -1);
		assert_true(err.len > 0);
	}
	assert_string_equal(cfg.date_format, "%d %B %Y (%a)");   /* kept */
	assert_int_equal(config_date_check("%F %%", &err), 0);
	assert_int_equal(config_set(&cfg, "date-format", "%Y-%m-%d", &err), 0);
	assert_int_equal(cfg.date_w, 0);   /* the default again: as written */
	config_release(&cfg);
	sb_release(&err);
	sb_release(&out);
}

static void test_themes_dir(void **state)
{
	struct strbuf p = STRBUF_INIT;
	(void)state;
	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	assert_int_equal(config_themes_dir(&p), 0);
	assert_string_equal(p.buf, "/x/conf/lectern/themes");
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/y", 1);
	assert_int_equal(config_themes_dir(&p), 0);
	assert_string_equal(p.buf, "/home/y/.config/lectern/themes");
	unsetenv("HOME");
	assert_int_equal(config_themes_dir(&p), -1);
	sb_release(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_path_and_load),
		cmocka_unit_test(test_bind),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_themes_dir),
	};
	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
