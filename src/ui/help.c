/*
 * help: the help overlay, every action grouped with the keys bound to it
 * in the reader's keymap (the table's defaults and the config file's
 * `bind` lines), in the order of the key table (keys.h) like `lectern
 * --help` and the man page.  It scrolls with the movement keys; q, Esc
 * and h close it.  :messages shows the message log in it instead, each
 * message whole and wrapped; :bindings one line per key bound, then the
 * actions left without a key.
 */
#include "base/util.h"
#include "ui/tui.h"

#include <stdlib.h>
#include <string.h>

/* Lines of the overlay: group titles (a == NULL) and actions; in the
 * bindings view, one key of an action (key 0: the action has none). */
struct help_line {
	const char *group;
	const struct key_action *a;
	int key;
};

/* Fills out (room for ARRAY_SIZE(key_actions) + KG_COUNT lines). */
static size_t help_lines(struct help_line *out)
{
	size_t n = 0;

	for (int g = 0; g < KG_COUNT; g++) {
		out[n++] = (struct help_line){ key_group_titles[g], NULL, 0 };
		for (size_t i = 0; i < ARRAY_SIZE(key_actions); i++)
			if (key_actions[i].group == (enum key_group)g)
				out[n++] = (struct help_line){ NULL, &key_actions[i], 0 };
	}
	return n;
}

/* Fills out (room for m->n + ARRAY_SIZE(key_actions) + 2 lines). */
static size_t binding_lines(const struct keymap *m, struct help_line *out)
{
	size_t n = 0, first_free;

	out[n++] = (struct help_line){ "Keys bound", NULL, 0 };
	for (size_t i = 0; i < m->n; i++)
		out[n++] = (struct help_line){ NULL, keys_get(m->b[i].act), m->b[i].key };
	first_free = n;
	out[n++] = (struct help_line){ "Actions without a key (run them with :NAME)", NULL, 0 };
	for (size_t i = 0; i < ARRAY_SIZE(key_actions); i++)
		if (!keymap_keys(m, key_actions[i].id, NULL))
			out[n++] = (struct help_line){ NULL, &key_actions[i], 0 };
	return n == first_free + 1 ? first_free : n;
}

/* The last messages, oldest first, wrapped. */
static void log_draw(struct ui *ui, int h, int w)
{
	size_t line = 0, first = ui->nmsg_log > MSG_LOG ? ui->nmsg_log - MSG_LOG : 0;
	char foot[64];

	werase(ui->help);
	draw_fill(ui->help, 0, 0, w, ui->attrs[ROLE_TITLE_FOCUS]);
	draw_str(ui, ui->help, 0, 0, w, "> Messages (q closes)", ui->attrs[ROLE_TITLE_FOCUS]);
	for (size_t i = first; i < ui->nmsg_log; i++) {
		const char *m = ui->msg_log[i % MSG_LOG];
		draw_para(ui, ui->help, 1, h - 2, w, ui->help_top, &line, m, strlen(m),
			  ui->attrs[ROLE_NORMAL]);
	}
	if (!ui->nmsg_log)
		draw_str(ui, ui->help, 1, 0, w, "no messages yet", ui->attrs[ROLE_NORMAL]);
	if (ui->help_top && ui->help_top >= line)
		ui->help_top = line - 1;
	snprintf(foot, sizeof foot, "%zu messages, %zu lines  j/k scroll", ui->nmsg_log - first, line);
	draw_fill(ui->help, h - 1, 0, w, ui->attrs[ROLE_TITLE]);
	draw_str(ui, ui->help, h - 1, 1, w - 1, foot, ui->attrs[ROLE_TITLE]);
	touchwin(ui->help);
	wnoutrefresh(ui->help);
}

void help_draw(struct ui *ui)
{
	struct help_line *lines = xcalloc(ui->cfg.keys.n + ARRAY_SIZE(key_actions) + KG_COUNT + 2,
					  sizeof *lines);
	struct strbuf sb = STRBUF_INIT;
	size_t n = ui->bindings_open ? binding_lines(&ui->cfg.keys, lines) : help_lines(lines);
	int h = ui->rows - 1, w = ui->cols < 84 ? ui->cols : 84;

	if (ui->layout == LAYOUT_TINY || h < 3 || ui->log_open) {
		if (ui->log_open && ui->layout != LAYOUT_TINY && h >= 3) {
			if (!ui->help)
				ui->help = newwin(h, w, 0, (ui->cols - w) / 2);
			log_draw(ui, h, w);
		}
		free(lines);
		return;
	}
	if (!ui->help)
		ui->help = newwin(h, w, 0, (ui->cols - w) / 2);
	int body = h - 2;
	if (ui->help_top + (size_t)body > n)
		ui->help_top = n > (size_t)body ? n - (size_t)body : 0;
	werase(ui->help);
	draw_fill(ui->help, 0, 0, w, ui->attrs[ROLE_TITLE_FOCUS]);
	draw_str(ui, ui->help, 0, 0, w, ui->bindings_open ? "> Bindings in effect (q closes)" :
		 "> Help: keys (q closes)", ui->attrs[ROLE_TITLE_FOCUS]);
	for (int r = 0; r < body && ui->help_top + (size_t)r < n; r++) {
		const struct help_line *l = &lines[ui->help_top + (size_t)r];
		if (l->group) {
			draw_str(ui, ui->help, r + 1, 1, w - 1, l->group, ui->attrs[ROLE_HEADER]);
			continue;
		}
		sb_reset(&sb);
		if (ui->bindings_open) {   /* KEY  :name  help */
			if (l->key)
				keys_name(&sb, l->key);
			draw_str(ui, ui->help, r + 1, 3, w - 3, sb.buf, ui->attrs[ROLE_KEY]);
			sb_reset(&sb);
			sb_addf(&sb, ":%s", l->a->name);
			draw_str(ui, ui->help, r + 1, 16, w - 16, sb.buf, ui->attrs[ROLE_KEY]);
			draw_str(ui, ui->help, r + 1, 33, w - 33, l->a->help, ui->attrs[ROLE_NORMAL]);
			continue;
		}
		if (!keymap_keys(&ui->cfg.keys, l->a->id, &sb))
			sb_addf(&sb, ":%s", l->a->name);
		draw_str(ui, ui->help, r + 1, 3, w - 3, sb.buf, ui->attrs[ROLE_KEY]);
		draw_str(ui, ui->help, r + 1, 24, w - 24, l->a->help, ui->attrs[ROLE_NORMAL]);
	}
	sb_reset(&sb);
	sb_addf(&sb, "%zu-%zu of %zu  j/k/Space scroll", ui->help_top + 1,
		ui->help_top + (size_t)body < n ? ui->help_top + (size_t)body : n, n);
	draw_fill(ui->help, h - 1, 0, w, ui->attrs[ROLE_TITLE]);
	draw_str(ui, ui->help, h - 1, 1, w - 1, sb.buf, ui->attrs[ROLE_TITLE]);
	touchwin(ui->help);
	wnoutrefresh(ui->help);
	sb_release(&sb);
	free(lines);
}

bool help_key(struct ui *ui, enum action act, int key)
{
	size_t page = ui->rows > 4 ? (size_t)ui->rows - 4 : 1;

	switch (act) {
	case ACT_DOWN: ui->help_top++; break;
	case ACT_UP: if (ui->help_top) ui->help_top--; break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: ui->help_top += page; break;
	case ACT_PAGE_UP: case ACT_HALF_UP:
		ui->help_top = ui->help_top > page ? ui->help_top - page : 0; break;
	case ACT_TOP: ui->help_top = 0; break;
	case ACT_BOTTOM: ui->help_top = 1000; break;
	case ACT_CLOSE: case ACT_HELP: ui->help_open = false; break;
	case ACT_QUIT: ui->quit = true; break;
	case ACT_REDRAW: return false;
	default:
		if (key == KEY_L_ESC) {
			ui->help_open = false;
			break;
		}
		return true;   /* the overlay is modal */
	}
	if (!ui->help_open) {
		ui->log_open = false;
		ui->bindings_open = false;
		layout_apply(ui);   /* drops the overlay, redraws what it covered */
	}
	return true;
}
