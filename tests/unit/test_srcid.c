/* test_srcid: source ids from file names and from words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "import/srcid.h"

static const char *from_name(const char *path)
{
	static struct strbuf sb = STRBUF_INIT;
	srcid_from_name(&sb, path);
	return sb.buf;
}

static const char *from_words(const char *s, int max)
{
	static struct strbuf sb = STRBUF_INIT;
	srcid_from_words(&sb, s, max);
	return sb.buf;
}

static void test_from_name(void **state)
{
	(void)state;
	assert_string_equal(from_name("in/dir/harbour-strike.txt"), "harbour-strike");
	assert_string_equal(from_name("a b+c.html"), "a_b_c");
	assert_string_equal(from_name("notes.v2.txt"), "notes.v2");
	assert_string_equal(from_name(".txt"), ".txt");        /* a dot file keeps its name */
	assert_string_equal(from_name("dir/"), "source");
	assert_string_equal(from_name("Gazeta Wyborcza – \xc5\xbc.txt"), "Gazeta_Wyborcza_______");
	char longname[200];
	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = 0;
	assert_int_equal(strlen(from_name(longname)), SRCID_MAX);
}

static void test_machine(void **state)
{
	(void)state;
	assert_true(srcid_machine("003_ddb47d87c5abcf64"));
	assert_true(srcid_machine("0417"));
	assert_true(srcid_machine("2022-10-20"));
	assert_true(srcid_machine("6f1c2b8e-91aa-4c1e-8d2b-0c6a9e1f7b2d"));
	assert_false(srcid_machine("harbour-strike"));
	assert_false(srcid_machine("report-2022-10-20"));
	assert_false(srcid_machine("deadbeefcafe"));    /* hex letters, no digit: a word */
	assert_false(srcid_machine("a1b2c3d"));        /* too short for a hash */
	assert_false(srcid_machine("budget2024draft"));
}

static void test_from_words(void **state)
{
	(void)state;
	assert_string_equal(from_words("The Moscow Times", 4), "moscow-times");
	assert_string_equal(from_words("openDemocracy", 4), "opendemocracy");
	assert_string_equal(from_words("From successful broker to a client state? Russia", 3),
			    "successful-broker-client");
	assert_string_equal(from_words("Why Belarus’s army won’t fight", 3), "why-belaruss-army");
	assert_string_equal(from_words("Le Monde / AFP", 4), "le-monde-afp");
	assert_string_equal(from_words("\xd0\x9d\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x8f \xd0\x93\xd0\xb0\xd0\xb7\xd0\xb5\xd1\x82\xd0\xb0", 4), "");
	assert_string_equal(from_words("the of a", 4), "");
	assert_string_equal(from_words("", 4), "");
	char big[512] = "";
	for (int i = 0; i < 20; i++)
		strcat(big, "supercalifragilistic ");
	assert_true(strlen(from_words(big, 20)) <= SRCID_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_from_name),
		cmocka_unit_test(test_machine),
		cmocka_unit_test(test_from_words),
	};
	return cmocka_run_group_tests_name("srcid", tests, NULL, NULL);
}
