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

static void test_parse(void **state)
{
	static const struct { const char *s; int key; } cases[] = {
		{ "j", 'j' }, { "#", '#' }, { "<", '<' }, { "é", 0xe9 },
		{ "<C-f>", KEY_CTRL('f') }, { "<c-F>", KEY_CTRL('f') }, { "<Ctrl-x>", KEY_CTRL('x') },
		{ "^w", KEY_CTRL('w') }, { "^", '^' }, { "<Esc>", KEY_L_ESC }, { "<Escape>", KEY_L_ESC },
		{ "<Enter>", KEY_L_ENTER }, { "<Tab>", KEY_L_TAB }, { "<BackTab>", KEY_L_BTAB },
		{ "<Space>", ' ' }, { "<Up>", KEY_L_UP }, { "<Down>", KEY_L_DOWN },
		{ "<Left>", KEY_L_LEFT }, { "<Right>", KEY_L_RIGHT }, { "<PgUp>", KEY_L_PGUP },
		{ "<PageDown>", KEY_L_PGDN }, { "<Home>", KEY_L_HOME }, { "<End>", KEY_L_END },
		{ "<Hash>", '#' }, { "<LessThan>", '<' }, { "<Backspace>", 127 },
		{ "<F1>", KEY_L_F1 }, { "<f12>", KEY_L_F12 }, { "<F5>", KEY_L_F1 + 4 },
		/* not keys */
		{ "", -1 }, { "jk", -1 }, { "<F13>", -1 }, { "<F0>", -1 }, { "<C-ff>", -1 },
		{ "<C-1>", -1 }, { "^@", -1 }, { "<C-\\>", 0x1c }, { "<>", -1 }, { "<Nope>", -1 }, { " ", -1 }, { "\x01", -1 },
		{ "\xc3", -1 }, { "<VeryLongNameIndeed>", -1 }, { "^ab", -1 },
	};
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		assert_int_equal(keys_parse(cases[i].s), cases[i].key);
	/* the names shown read back as the same keys */
	keys_name(&sb, KEY_L_F1 + 11);
	assert_string_equal(sb.buf, "F12");
	sb_reset(&sb);
	keys_name(&sb, 0xe9);
	assert_string_equal(sb.buf, "é");
	sb_release(&sb);
}

static void test_keymap(void **state)
{
	struct keymap m;
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	keymap_init(&m);
	/* the defaults are the table's */
	for (size_t i = 0; i < ARRAY_SIZE(key_actions); i++) {
		for (int k = 0; k < 3 && key_actions[i].keys[k]; k++)
			assert_int_equal(keymap_lookup(&m, key_actions[i].keys[k]), key_actions[i].id);
		sb_reset(&sb);
		keymap_keys(&m, key_actions[i].id, &sb);
		struct strbuf want = STRBUF_INIT;
		keys_list(&want, &key_actions[i]);
		assert_string_equal(sb.buf, want.buf);
		sb_release(&want);
	}
	keymap_bind(&m, 'j', ACT_QUIT);         /* the key leaves down */
	keymap_bind(&m, KEY_CTRL('x'), ACT_QUIT);
	keymap_bind(&m, 'k', ACT_NONE);
	assert_int_equal(keymap_lookup(&m, 'j'), ACT_QUIT);
	assert_int_equal(keymap_lookup(&m, 'k'), ACT_NONE);
	sb_reset(&sb);
	assert_int_equal(keymap_keys(&m, ACT_QUIT, &sb), 3);
	assert_string_equal(sb.buf, "Q, j, Ctrl-x");
	sb_reset(&sb);
	assert_int_equal(keymap_keys(&m, ACT_DOWN, &sb), 1);
	assert_string_equal(sb.buf, "Down");
	assert_int_equal(keymap_first(&m, ACT_UP), KEY_L_UP);
	keymap_bind(&m, KEY_L_UP, ACT_NONE);
	assert_int_equal(keymap_keys(&m, ACT_UP, NULL), 0);
	assert_int_equal(keymap_first(&m, ACT_UP), 0);
	/* --help --keys: an action without a key shows its command */
	char *buf = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&buf, &n);
	keymap_usage(fp, &m);
	fclose(fp);
	assert_non_null(strstr(buf, "    :up                  move up one line\n"));
	assert_non_null(strstr(buf, "    Q, j, Ctrl-x         quit\n"));
	free(buf);
	keymap_release(&m);
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_keymap),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_unique_keys_and_names),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_usage),
	};
	return cmocka_run_group_tests_name("keys", tests, NULL, NULL);
}
