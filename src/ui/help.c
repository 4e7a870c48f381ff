/*
 * help: the help overlay, every key binding grouped, generated from the
 * key table (keys.h) like `lectern --help` and the man page.  It scrolls
 * with the movement keys; q, Esc and h close it.  :messages shows the
 * message log in it instead, each message whole and wrapped.
 */
#include "base/util.h"
#include "ui/tui.h"

#include <string.h>

/* Lines of the overlay: group titles (key == NULL) and bindings. */
struct help_line {
	const char *group;
	const struct key_action *a;
};

static size_t help_lines(struct help_line *out)
{
	size_t n = 0;

	for (int g = 0; g < KG_COUNT; g++) {
		out[n++] = (struct help_line){ key_group_titles[g], NULL };
		for (size_t i = 0; i < ARRAY_SIZE(key_actions); i++)
			if (key_actions[i].group == (enum key_group)g)
				out[n++] = (struct help_line){ NULL, &key_actions[i] };
	}
	return n;
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
	struct help_line lines[ARRAY_SIZE(key_actions) + KG_COUNT];
	struct strbuf sb = STRBUF_INIT;
	size_t n = help_lines(lines);
	int h = ui->rows - 1, w = ui->cols < 84 ? ui->cols : 84;

	if (ui->layout == LAYOUT_TINY || h < 3)
		return;
	if (!ui->help)
		ui->help = newwin(h, w, 0, (ui->cols - w) / 2);
	if (ui->log_open) {
		log_draw(ui, h, w);
		sb_release(&sb);
		return;
	}
	int body = h - 2;
	if (ui->help_top + (size_t)body > n)
		ui->help_top = n > (size_t)body ? n - (size_t)body : 0;
	werase(ui->help);
	draw_fill(ui->help, 0, 0, w, ui->attrs[ROLE_TITLE_FOCUS]);
	draw_str(ui, ui->help, 0, 0, w, "> Help: keys (q closes)", ui->attrs[ROLE_TITLE_FOCUS]);
	for (int r = 0; r < body && ui->help_top + (size_t)r < n; r++) {
		const struct help_line *l = &lines[ui->help_top + (size_t)r];
		if (l->group) {
			draw_str(ui, ui->help, r + 1, 1, w - 1, l->group, ui->attrs[ROLE_HEADER]);
			continue;
		}
		sb_reset(&sb);
		keys_list(&sb, l->a);
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
		layout_apply(ui);   /* drops the overlay, redraws what it covered */
	}
	return true;
}
