/* keys: lookups over the action table and the names of keys. */
#include "ui/keys.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
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
		"Shift-Tab", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
		"F10", "F11", "F12",
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
	else if (key == 127)
		sb_addstr(out, "Backspace");
	else if (key > 0 && key < 32)
		sb_addf(out, "Ctrl-%c", key + 'a' - 1);
	else if (key > 32 && key < 127)
		sb_addch(out, key);
	else if (key >= 0xa0 && key < KEY_L_BASE && (key < 0xd800 || key > 0xdfff)) {
		char u[4];
		sb_add(out, u, (size_t)utf8_encode((uint32_t)key, u));
	} else
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
	struct keymap m;

	keymap_init(&m);
	keymap_usage(fp, &m);
	keymap_release(&m);
}

void keymap_usage(FILE *fp, const struct keymap *m)
{
	struct strbuf sb = STRBUF_INIT;

	fputs("\nkeys (in the reader):\n", fp);
	for (int g = 0; g < KG_COUNT; g++) {
		fprintf(fp, "  %s\n", key_group_titles[g]);
		for (size_t i = 0; i < ARRAY_SIZE(key_actions); i++) {
			if (key_actions[i].group != (enum key_group)g)
				continue;
			sb_reset(&sb);
			if (!keymap_keys(m, key_actions[i].id, &sb))
				sb_addf(&sb, ":%s", key_actions[i].name);
			/* padded to 20 columns, not bytes (a key may be "é") */
			for (size_t w = text_width(sb.buf, sb.len, false); w < 20; w++)
				sb_addch(&sb, ' ');
			fprintf(fp, "    %s %s\n", sb.buf, key_actions[i].help);
		}
	}
	sb_release(&sb);
}

/* Key names inside <...>, as tig writes them (case is ignored). */
static const struct { const char *name; int key; } key_names[] = {
	{ "enter", KEY_L_ENTER }, { "return", KEY_L_ENTER }, { "space", ' ' },
	{ "tab", KEY_L_TAB }, { "backtab", KEY_L_BTAB }, { "s-tab", KEY_L_BTAB },
	{ "shift-tab", KEY_L_BTAB }, { "esc", KEY_L_ESC }, { "escape", KEY_L_ESC },
	{ "backspace", 127 }, { "up", KEY_L_UP }, { "down", KEY_L_DOWN },
	{ "left", KEY_L_LEFT }, { "right", KEY_L_RIGHT }, { "pgup", KEY_L_PGUP },
	{ "pageup", KEY_L_PGUP }, { "pgdown", KEY_L_PGDN }, { "pgdn", KEY_L_PGDN },
	{ "pagedown", KEY_L_PGDN }, { "home", KEY_L_HOME }, { "end", KEY_L_END },
	{ "hash", '#' }, { "lessthan", '<' }, { "lt", '<' },
};

/* The control key of c (a letter, or one of [\]^_), or -1; not @: Ctrl-@ is
 * the NUL byte, and key 0 means no key. */
static int ctrl_of(const char *c)
{
	int ch = ascii_tolower((unsigned char)c[0]);

	if (!c[0] || c[1])
		return -1;
	if (ch >= 'a' && ch <= 'z')
		return KEY_CTRL(ch);
	if (strchr("[\\]^_", ch))
		return ch & 0x1f;
	return -1;
}

int keys_parse(const char *s)
{
	size_t n = strlen(s);
	uint32_t cp;

	if (!n)
		return -1;
	if (s[0] == '^' && n == 2)
		return ctrl_of(s + 1);
	if (s[0] == '<' && n > 2 && s[n - 1] == '>') {
		char name[16];
		if (n - 2 >= sizeof name)
			return -1;
		for (size_t i = 0; i < n - 2; i++)
			name[i] = (char)ascii_tolower((unsigned char)s[i + 1]);
		name[n - 2] = '\0';
		for (size_t i = 0; i < ARRAY_SIZE(key_names); i++)
			if (!strcmp(name, key_names[i].name))
				return key_names[i].key;
		if (!strncmp(name, "c-", 2))
			return ctrl_of(name + 2);
		if (!strncmp(name, "ctrl-", 5))
			return ctrl_of(name + 5);
		if (name[0] == 'f' && name[1] >= '1' && name[1] <= '9') {
			char *end;
			long f = strtol(name + 1, &end, 10);
			if (!*end && f >= 1 && f <= 12)
				return KEY_L_F1 + (int)f - 1;
		}
		return -1;
	}
	/* one character: printable ASCII, or one UTF-8 character past it */
	if (n == 1)
		return (unsigned char)s[0] > 32 && (unsigned char)s[0] < 127 ? s[0] : -1;
	if ((size_t)utf8_decode(s, n, &cp) != n || cp == TEXT_INVALID || cp < 0xa0)
		return -1;
	return (int)cp;
}

void keymap_init(struct keymap *m)
{
	memset(m, 0, sizeof *m);
	for (size_t i = 0; i < ARRAY_SIZE(key_actions); i++)
		for (int k = 0; k < 3 && key_actions[i].keys[k]; k++)
			keymap_bind(m, key_actions[i].keys[k], key_actions[i].id);
}

void keymap_release(struct keymap *m)
{
	free(m->b);
	memset(m, 0, sizeof *m);
}

enum action keymap_lookup(const struct keymap *m, int key)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->b[i].key == key)
			return m->b[i].act;
	return ACT_NONE;
}

void keymap_bind(struct keymap *m, int key, enum action act)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->b[i].key == key) {
			memmove(m->b + i, m->b + i + 1, (m->n - i - 1) * sizeof *m->b);
			m->n--;
			break;
		}
	if (act == ACT_NONE)
		return;
	if (m->n == m->alloc) {
		m->alloc = m->alloc ? m->alloc * 2 : 64;
		m->b = xrealloc(m->b, m->alloc * sizeof *m->b);
	}
	m->b[m->n++] = (struct key_binding){ key, act };
}

int keymap_first(const struct keymap *m, enum action act)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->b[i].act == act)
			return m->b[i].key;
	return 0;
}

size_t keymap_keys(const struct keymap *m, enum action act, struct strbuf *out)
{
	size_t count = 0;

	for (size_t i = 0; i < m->n; i++) {
		if (m->b[i].act != act)
			continue;
		if (!out) {
			count++;
			continue;
		}
		if (count++)
			sb_addstr(out, ", ");
		keys_name(out, m->b[i].key);
	}
	return count;
}
