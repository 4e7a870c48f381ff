/*
 * layout: where the panes go for the terminal's size and the view.
 *   wide (>= 120 columns, >= 12 rows, and a terminal with left and right
 *     margins): Sources | Text | Claims; Compare and Results take the whole
 *     screen as views;
 *   medium (>= 60 columns): the lists over the Text pane, which spans the
 *     width: Sources over Text over Claims, and from 120 columns Sources |
 *     Claims in a band over the Text pane;
 *   single (smaller): one pane at a time under a one-line tab bar;
 *   tiny (under 3 rows or 10 columns): nothing but a blank screen.
 * A terminal without margins can scroll only whole lines of the screen:
 * there a Text pane beside the lists is redrawn whole for each line it
 * scrolls (about 37 times the bytes less writes at 160x45), one spanning
 * the width costs one line (draw.c), so that is what auto gives it.
 * The layout option (config.h) overrides the choice: wide from 60 columns,
 * whatever the terminal; stacked (medium) at any width; single always; a
 * terminal too small for it still gets single or tiny.
 * Every pane has a one-line title above its body; the focused pane's title
 * is marked with an arrow and its own colour.
 */
#include "ui/tui.h"

#include <string.h>

static void drop(WINDOW **w)
{
	if (*w) {
		delwin(*w);
		*w = NULL;
	}
}

bool pane_visible(const struct ui *ui, enum pane_id id)
{
	return ui->panes[id].win != NULL;
}

static void place(struct ui *ui, enum pane_id id, int y, int x, int h, int w)
{
	struct pane *p = &ui->panes[id];

	if (h < 2 || w < 1)
		return;
	p->title = newwin(1, w, y, x);
	p->win = newwin(h - 1, w, y + 1, x);
	leaveok(p->title, TRUE);   /* no cursor moves after drawing them */
	leaveok(p->win, TRUE);
	p->y = y + 1;
	p->x = x;
	p->h = h - 1;
	p->w = w;
	p->dirty = true;
	if (p->ops->resize)
		p->ops->resize(ui, p);
}

void layout_apply(struct ui *ui)
{
	int rows = LINES, cols = COLS;

	for (int i = 0; i < PANE_COUNT; i++) {
		drop(&ui->panes[i].title);
		drop(&ui->panes[i].win);
	}
	drop(&ui->status);
	drop(&ui->tabs);
	drop(&ui->help);
	ui->rows = rows;
	ui->cols = cols;
	werase(stdscr);
	wnoutrefresh(stdscr);
	int pref = config_choice(&ui->cfg, CFG_layout);
	if (rows < 3 || cols < 10)
		ui->layout = LAYOUT_TINY;
	else if (cols < 60 || rows < 12 || pref == LAYOUT_PREF_SINGLE)
		ui->layout = LAYOUT_SINGLE;
	else if (pref == LAYOUT_PREF_WIDE ||
		 (pref == LAYOUT_PREF_AUTO && cols >= 120 && draw_margins_on()))
		ui->layout = LAYOUT_WIDE;
	else
		ui->layout = LAYOUT_MEDIUM;
	if (ui->layout == LAYOUT_TINY)
		return;

	ui->status = newwin(1, cols, rows - 1, 0);
	int h = rows - 1, top = 0;
	if (ui->layout == LAYOUT_SINGLE) {
		ui->tabs = newwin(1, cols, 0, 0);
		top = 1;
		h--;
		ui->wrap_w = cols;
		place(ui, ui->focus, top, 0, h, cols);
	} else if (ui->view != VIEW_MAIN) {
		ui->wrap_w = ui->layout == LAYOUT_WIDE ? cols - cols * 27 / 100 - cols / 4 - 2 : cols;
		place(ui, ui->view == VIEW_COMPARE ? PANE_COMPARE : PANE_RESULTS, 0, 0, h, cols);
	} else if (ui->layout == LAYOUT_WIDE) {
		/* Sources wide enough for a title column, Claims a fair share */
		int ws = cols * 27 / 100, wc = cols / 4, wt = cols - ws - wc - 2;
		ui->wrap_w = wt;
		place(ui, PANE_SOURCES, 0, 0, h, ws);
		place(ui, PANE_TEXT, 0, ws + 1, h, wt);
		place(ui, PANE_CLAIMS, 0, ws + wt + 2, h, wc);
		draw_vline(ui, stdscr, 0, ws, h, ui->attrs[ROLE_BORDER]);
		draw_vline(ui, stdscr, 0, ws + wt + 1, h, ui->attrs[ROLE_BORDER]);
		wnoutrefresh(stdscr);
	} else {
		/* every source when it fits in a third, Claims a quarter (at 24 rows,
		 * 4 lines: the Text pane keeps 12, and a scroll its bytes) */
		int hs = (int)ui->c->nsources + 1, hc = h / 4 >= 6 ? h / 4 : 4;
		if (hs > h / 3)
			hs = h / 3;
		if (hs < 3)
			hs = 3;
		ui->wrap_w = cols;
		if (cols >= 120) {
			/* the band: the two lists side by side, as tall as the taller */
			int hb = hs > hc ? hs : hc, ws = cols / 2;
			place(ui, PANE_SOURCES, 0, 0, hb, ws);
			place(ui, PANE_CLAIMS, 0, ws + 1, hb, cols - ws - 1);
			place(ui, PANE_TEXT, hb, 0, h - hb, cols);
			draw_vline(ui, stdscr, 0, ws, hb, ui->attrs[ROLE_BORDER]);
			wnoutrefresh(stdscr);
		} else {
			place(ui, PANE_SOURCES, 0, 0, hs, cols);
			place(ui, PANE_TEXT, hs, 0, h - hs - hc, cols);
			place(ui, PANE_CLAIMS, h - hc, 0, hc, cols);
		}
	}
	textview_wrap(ui);
	if (!pane_visible(ui, ui->focus))
		for (int i = 0; i < PANE_COUNT; i++)
			if (pane_visible(ui, (enum pane_id)i)) {
				ui->focus = (enum pane_id)i;
				break;
			}
}

static void tabs_draw(struct ui *ui)
{
	static const char *const names[PANE_COUNT] = {
		"1 Sources", "2 Text", "3 Claims", "4 Compare", "5 Results",
	};
	int x = 0;

	werase(ui->tabs);
	draw_fill(ui->tabs, 0, 0, ui->cols, ui->attrs[ROLE_TITLE]);
	for (int i = 0; i < PANE_COUNT && x < ui->cols; i++) {
		bool on = ui->focus == (enum pane_id)i;
		char buf[32];
		snprintf(buf, sizeof buf, on ? "[%s]" : " %s ", names[i]);
		x += draw_str(ui, ui->tabs, 0, x, ui->cols - x, buf,
			      ui->attrs[on ? ROLE_TITLE_FOCUS : ROLE_TITLE]);
	}
	wnoutrefresh(ui->tabs);
}

void layout_titles(struct ui *ui)
{
	struct strbuf sb = STRBUF_INIT;

	if (ui->tabs)
		tabs_draw(ui);
	for (int i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &ui->panes[i];
		if (!p->title)
			continue;
		bool on = ui->focus == (enum pane_id)i;
		attr_t a = ui->attrs[on ? ROLE_TITLE_FOCUS : ROLE_TITLE];
		sb_reset(&sb);
		sb_addstr(&sb, on ? "> " : "  ");
		sb_addstr(&sb, p->ops->name);
		if (p->ops->title)
			p->ops->title(ui, p, &sb);
		werase(p->title);
		draw_fill(p->title, 0, 0, p->w, a);
		/* the title is built from corpus text: it goes through text.h */
		draw_text(ui, p->title, 0, 0, p->w, sb.buf, sb.len, a);
		wnoutrefresh(p->title);
	}
	sb_release(&sb);
}
