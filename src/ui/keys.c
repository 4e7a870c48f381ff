/* keys: lookups over the action table and the names of keys. */
#include "ui/keys.h"

#include <string.h>

#include "base/util.h"

const struct key_action key_actions[ACT_COUNT - 1] = {
#define X(id, group, name, help, k1, k2, k3) \
	{ ACT_##id, KG_##group, name, help, { k1, k2, k3 } },
	KEY_INFO(X)
#undef X
};

const char *const key_group_titles[KG_COUNT] = {
#define X(id, title) title,
	KEY_GROUPS(X)
#undef X
};

enum action keys_lookup(int key)
{
	if (key <= 0)
		return ACT_NONE;
	for (size_t i = 0; i < ARRAY_SIZE(key_actions); i++)
		for (int k = 0; k < 3; k++)
			if (key_actions[i].keys[k] == key)
				return key_actions[i].id;
	return ACT_NONE;
}

enum action keys_by_name(const char *name, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(key_actions); i++)
		if (strlen(key_actions[i].name) == n &&
		    !memcmp(key_actions[i].name, name, n))
			return key_actions[i].id;
	return ACT_NONE;
}

const struct key_action *keys_get(enum action act)
{
	if (act <= ACT_NONE || act >= ACT_COUNT)
		return NULL;
	return &key_actions[act - 1];
}

void keys_name(struct strbuf *out, int key)
{
	static const char *const special[] = {
		"Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home", "End",
		"Shift-Tab", "F1",
	};

	if (key >= KEY_L_BASE && key < KEY_L_BASE + (int)ARRAY_SIZE(special))
		sb_addstr(out, special[key - KEY_L_BASE]);
	else if (key == KEY_L_TAB)
		sb_addstr(out, "Tab");
	else if (key == KEY_L_ENTER)
		sb_addstr(out, "Enter");
	else if (key == KEY_L_ESC)
		sb_addstr(out, "Esc");
	else if (key == ' ')
		sb_addstr(out, "Space");
	else if (key > 0 && key < 32)
		sb_addf(out, "Ctrl-%c", key + 'a' - 1);
	else if (key > 32 && key < 127)
		sb_addch(out, key);
	else
		sb_addf(out, "<%d>", key);
}

void keys_list(struct strbuf *out, const struct key_action *a)
{
	for (int k = 0; k < 3 && a->keys[k]; k++) {
		if (k)
			sb_addstr(out, ", ");
		keys_name(out, a->keys[k]);
	}
}

void keys_usage(FILE *fp)
{
	struct strbuf sb = STRBUF_INIT;

	fputs("\nkeys (in the reader):\n", fp);
	for (int g = 0; g < KG_COUNT; g++) {
		fprintf(fp, "  %s\n", key_group_titles[g]);
		for (size_t i = 0; i < ARRAY_SIZE(key_actions); i++) {
			if (key_actions[i].group != (enum key_group)g)
				continue;
			sb_reset(&sb);
			keys_list(&sb, &key_actions[i]);
			fprintf(fp, "    %-20s %s\n", sb.buf, key_actions[i].help);
		}
	}
	sb_release(&sb);
}
