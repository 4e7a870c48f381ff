/*
 * help: the help overlay, every key binding grouped, generated from the
 * key table (keys.h) like `lectern --help` and the man page.  It scrolls
 * with the movement keys; q, Esc, ? and h close it.
 */
#include "base/util.h"
#include "ui/tui.h"

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
	if (!ui->help_open)
		layout_apply(ui);   /* drops the overlay, redraws what it covered */
	return true;
}
