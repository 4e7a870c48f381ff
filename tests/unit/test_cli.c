/* test_cli: command-line parsing and --help, against the table in
 * commands.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <cmocka.h>

#include "cli/cli.h"
#include "cli/commands.h"

static int saved[2] = { -1, -1 };

/* Sends stdout and stderr to /dev/null while cli_parse() prints help,
 * versions and usage errors: they are checked end to end elsewhere. */
static int quiet(void **state)
{
	int null = open("/dev/null", O_WRONLY);
	(void)state;
	fflush(stdout);
	fflush(stderr);
	saved[0] = dup(1);
	saved[1] = dup(2);
	if (null < 0 || saved[0] < 0 || saved[1] < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
		return -1;
	close(null);
	return 0;
}

static int loud(void **state)
{
	(void)state;
	fflush(stdout);
	fflush(stderr);
	if (dup2(saved[0], 1) < 0 || dup2(saved[1], 2) < 0)
		return -1;
	close(saved[0]);
	close(saved[1]);
	return 0;
}

/* Parses the words of argv (NULL-terminated) and checks cli.h's contract:
 * 0 means a command line to run, -1 an exit code of 0 or 2. */
static int parse(struct cli_args *a, int *code, char **argv)
{
	int argc = 0;
	while (argv[argc])
		argc++;
	*code = -7;
	int r = cli_parse(argc, argv, a, code);
	if (r == 0) {
		assert_int_equal(*code, -7);       /* untouched */
		assert_true(a->nrest >= 0);
		if (!a->command)
			assert_int_equal(a->nrest, 0);
	} else {
		assert_int_equal(r, -1);
		assert_true(*code == 0 || *code == 2);
	}
	return r;
}

#define ARGV(...) ((char *[]){ "lectern", __VA_ARGS__, NULL })

static void test_no_command(void **state)
{
	struct cli_args a;
	int code;
	(void)state;
	assert_int_equal(parse(&a, &code, (char *[]){ "lectern", NULL }), 0);
	assert_null(a.command);
	assert_null(a.corpus);
	assert_false(a.json);
}

static void test_options_anywhere(void **state)
{
	struct cli_args a;
	int code;
	(void)state;
	assert_int_equal(parse(&a, &code, ARGV("claims", "--json", "--source", "odr",
					       "--corpus", "x/")), 0);
	assert_string_equal(a.command, "claims");
	assert_true(a.json);
	assert_string_equal(a.source, "odr");
	assert_string_equal(a.corpus, "x/");
	assert_int_equal(a.nrest, 0);
	assert_int_equal(parse(&a, &code, ARGV("--corpus=d", "show", "csm")), 0);
	assert_string_equal(a.corpus, "d");
	assert_string_equal(a.command, "show");
	assert_int_equal(a.nrest, 1);
	assert_string_equal(a.rest[0], "csm");
}

static void test_usage_errors(void **state)
{
	struct cli_args a;
	int code;
	(void)state;
	assert_int_equal(parse(&a, &code, ARGV("list", "--corpus")), -1);
	assert_int_equal(code, 2);
	assert_int_equal(parse(&a, &code, ARGV("--frob", "list")), -1);
	assert_int_equal(code, 2);
	assert_int_equal(parse(&a, &code, ARGV("-x")), -1);
	assert_int_equal(code, 2);
}

static void test_help_version(void **state)
{
	struct cli_args a;
	int code;
	(void)state;
	assert_int_equal(parse(&a, &code, ARGV("--version")), -1);
	assert_int_equal(code, 0);
	assert_int_equal(parse(&a, &code, ARGV("-V")), -1);
	assert_int_equal(code, 0);
	assert_int_equal(parse(&a, &code, ARGV("list", "-h")), -1);
	assert_int_equal(code, 0);
}

static void test_usage_lists_table(void **state)
{
	char *s = NULL;
	size_t n = 0;
	(void)state;
	FILE *fp = open_memstream(&s, &n);
	assert_non_null(fp);
	cli_usage(fp);
	fclose(fp);
#define X(id, syn, help) \
	assert_non_null(strstr(s, syn)); \
	assert_non_null(strstr(s, help));
	COMMAND_INFO(X)
#undef X
#define X(id, name, letter, arg, help) \
	assert_non_null(strstr(s, "--" name)); \
	assert_non_null(strstr(s, help));
	OPTION_INFO(X)
#undef X
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_no_command, quiet, loud),
		cmocka_unit_test_setup_teardown(test_options_anywhere, quiet, loud),
		cmocka_unit_test_setup_teardown(test_usage_errors, quiet, loud),
		cmocka_unit_test_setup_teardown(test_help_version, quiet, loud),
		cmocka_unit_test(test_usage_lists_table),
	};
	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
