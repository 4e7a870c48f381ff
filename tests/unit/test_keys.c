/* test_keys: the action table, key lookups and key names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "ui/keys.h"

static void test_lookup(void **state)
{
	(void)state;
	assert_int_equal(keys_lookup('j'), ACT_DOWN);
	assert_int_equal(keys_lookup(KEY_L_DOWN), ACT_DOWN);
	assert_int_equal(keys_lookup(KEY_CTRL('d')), ACT_HALF_DOWN);
	assert_int_equal(keys_lookup('?'), ACT_SEARCH_BACK);
	assert_int_equal(keys_lookup('h'), ACT_HELP);
	assert_int_equal(keys_lookup(KEY_CTRL('f')), ACT_PAGE_DOWN);
	assert_int_equal(keys_lookup(KEY_CTRL('b')), ACT_PAGE_UP);
	assert_int_equal(keys_lookup(KEY_CTRL('e')), ACT_LINE_DOWN);
	assert_int_equal(keys_lookup(KEY_CTRL('y')), ACT_LINE_UP);
	assert_int_equal(keys_lookup('i'), ACT_INFO);
	assert_int_equal(keys_lookup(KEY_L_F1), ACT_HELP);
	assert_int_equal(keys_lookup('\t'), ACT_NEXT_PANE);
	assert_int_equal(keys_lookup('x'), ACT_NONE);
	assert_int_equal(keys_lookup(0), ACT_NONE);
}

static void test_unique_keys_and_names(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(key_actions); i++) {
		assert_int_equal(key_actions[i].id, (int)i + 1);
		assert_non_null(keys_get(key_actions[i].id));
		assert_int_equal(keys_by_name(key_actions[i].name, strlen(key_actions[i].name)),
				 key_actions[i].id);
		assert_true(key_actions[i].keys[0] != 0);
		for (int k = 0; k < 3 && key_actions[i].keys[k]; k++)
			/* no key is bound twice */
			assert_int_equal(keys_lookup(key_actions[i].keys[k]), key_actions[i].id);
	}
	assert_int_equal(keys_by_name("nope", 4), ACT_NONE);
	assert_int_equal(keys_by_name("down", 3), ACT_NONE);
	assert_null(keys_get(ACT_NONE));
}

static void test_names(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	keys_name(&sb, ' ');
	sb_addch(&sb, '|');
	keys_name(&sb, KEY_CTRL('o'));
	sb_addch(&sb, '|');
	keys_name(&sb, KEY_L_BTAB);
	sb_addch(&sb, '|');
	keys_name(&sb, '\n');
	sb_addch(&sb, '|');
	keys_name(&sb, 'G');
	assert_string_equal(sb.buf, "Space|Ctrl-o|Shift-Tab|Enter|G");
	sb_reset(&sb);
	keys_list(&sb, keys_get(ACT_HELP));
	assert_string_equal(sb.buf, "h, F1");
	sb_release(&sb);
}

static void test_usage(void **state)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&buf, &n);
	(void)state;
	keys_usage(fp);
	fclose(fp);
	for (int g = 0; g < KG_COUNT; g++)
		assert_non_null(strstr(buf, key_group_titles[g]));
	assert_non_null(strstr(buf, "    j, Down              move down one line\n"));
	assert_non_null(strstr(buf, "Ctrl-o"));
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_unique_keys_and_names),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_usage),
	};
	return cmocka_run_group_tests_name("keys", tests, NULL, NULL);
}
