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
	assert_string_equal(d.lines[0], "config:4: expected: set NAME = VALUE");
	assert_string_equal(d.lines[1], "config:5: unknown option \"colour\"");
	assert_string_equal(d.lines[2], "config:6: expected \"=\" after the option name");
	assert_string_equal(d.lines[3], "config:7: option \"theme\" needs a value");
	diags_release(&d);
	config_release(&cfg);
	assert_null(cfg.theme);
}

static void test_cite_format(void **state)
{
	struct config cfg;
	struct diags d;
	const char *s =
		"set cite-format = bibtex\n"
		"set cite-format = rtf\n"         /* 2: not a format: the last good one stays */
		"set cite-format = csl-json\n"
		"set cite-format = Markdown\n";   /* 4: names are lower case */
	(void)state;
	config_init(&cfg);
	diags_init(&d);
	assert_int_equal(config_parse(&cfg, "config", s, strlen(s), &d), 2);
	assert_string_equal(cfg.cite_format, "csl-json");
	assert_string_equal(d.lines[0],
			    "config:2: option \"cite-format\" is plain, markdown, bibtex or csl-json");
	assert_string_equal(d.lines[1],
			    "config:4: option \"cite-format\" is plain, markdown, bibtex or csl-json");
	diags_release(&d);
	config_release(&cfg);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_cite_format),
		cmocka_unit_test(test_path_and_load),
	};
	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
