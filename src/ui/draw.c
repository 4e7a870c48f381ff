/* draw: corpus text onto windows through text.h, lines, and theme colours. */
#include "ui/tui.h"

#include <stdlib.h>
#include <string.h>

int draw_text(struct ui *ui, WINDOW *w, int y, int x, int maxw,
	      const char *s, size_t n, attr_t a)
{
	struct text_iter it;
	struct glyph g;
	int col = 0;

	if (!w || maxw <= 0)
		return 0;
	if (!s)
		s = "-", n = 1;
	wmove(w, y, x);
	text_iter_init(&it, s, n, ui->ascii);
	while (text_iter_next(&it, &g)) {
		if (g.kind == GLYPH_HIDDEN)
			continue;
		if (g.kind == GLYPH_NEWLINE || g.kind == GLYPH_TAB) {
			g.show[0] = ' ';
			g.show[1] = '\0';
			g.show_len = 1;
			g.width = 1;
		}
		if (col + g.width > maxw)
			break;
		if (g.kind == GLYPH_MARK && col == 0)
			continue;
		attr_t ga = g.kind == GLYPH_CONTROL || g.kind == GLYPH_INVALID ?
			ui->attrs[ROLE_CONTROL] : a;
		wattrset(w, ga);
		waddnstr(w, g.show, (int)g.show_len);
		col += g.width;
	}
	wattrset(w, A_NORMAL);
	return col;
}

int draw_str(struct ui *ui, WINDOW *w, int y, int x, int maxw, const char *s, attr_t a)
{
	return draw_text(ui, w, y, x, maxw, s, s ? strlen(s) : 1, a);
}

void draw_para(struct ui *ui, WINDOW *w, int y0, int h, int width, size_t skip,
	       size_t *line, const char *s, size_t n, attr_t a)
{
	struct wrap wr;

	wrap_init(&wr);
	wrap_build(&wr, s, n, width, ui->ascii);
	for (size_t i = 0; i < wr.n; i++, (*line)++) {
		size_t st, en;
		if (*line < skip || *line - skip >= (size_t)h)
			continue;
		wrap_line(&wr, i, &st, &en);
		draw_text(ui, w, y0 + (int)(*line - skip), 0, width, s + st, en - st, a);
	}
	wrap_release(&wr);
}

void draw_fill(WINDOW *w, int y, int x, int n, attr_t a)
{
	if (!w || n <= 0)
		return;
	wattrset(w, a);
	mvwhline(w, y, x, ' ', n);
	wattrset(w, A_NORMAL);
}

void draw_vline(struct ui *ui, WINDOW *w, int y, int x, int n, attr_t a)
{
	wattrset(w, a);
	for (int i = 0; i < n; i++)
		mvwaddstr(w, y + i, x, ui->ascii ? "|" : "\xe2\x94\x82");
	wattrset(w, A_NORMAL);
}

/* The terminal's margin sequences (terminfo), kept once term.c has heard
 * that the terminal has left and right margins; NULL: it has not. */
static struct {
	const char *csr, *smglr, *mgc, *cup, *ind, *ri;
} mg;

static bool cap_ok(const char *s)
{
	return s && s != (const char *)-1 && *s;
}

bool draw_margins_caps(void)
{
	return cap_ok(tigetstr("smglr")) && cap_ok(tigetstr("mgc")) && cap_ok(tigetstr("csr")) &&
	       cap_ok(tigetstr("cup")) && cap_ok(tigetstr("ind")) && cap_ok(tigetstr("ri"));
}

void draw_margins_use(bool on)
{
	mg.csr = mg.smglr = mg.mgc = mg.cup = mg.ind = mg.ri = NULL;
	if (!on || !draw_margins_caps())
		return;
	mg.csr = tigetstr("csr");
	mg.smglr = tigetstr("smglr");
	mg.mgc = tigetstr("mgc");
	mg.cup = tigetstr("cup");
	mg.ind = tigetstr("ind");
	mg.ri = tigetstr("ri");
}

/* Moves rows [y, y + h) of screen image s's columns [x, x + w) by n rows
 * (n > 0: up) and blanks the rows left behind, as the terminal has just
 * done. */
static void shift_rows(WINDOW *s, int y, int x, int h, int w, int n)
{
	cchar_t *row = calloc((size_t)w + 1, sizeof *row), *blank = calloc((size_t)w + 1, sizeof *blank);
	int k = n > 0 ? n : -n;

	for (int i = 0; i < w; i++)
		setcchar(&blank[i], L" ", A_NORMAL, 0, NULL);
	for (int i = 0; i < h - k; i++) {
		int to = n > 0 ? y + i : y + h - 1 - i;   /* in the order that reads each row before it is overwritten */
		mvwin_wchnstr(s, to + n, x, row, w);
		mvwadd_wchnstr(s, to, x, row, w);
	}
	for (int i = 0; i < k; i++)
		mvwadd_wchnstr(s, n > 0 ? y + h - 1 - i : y + i, x, blank, w);
	free(row);
	free(blank);
}

/* Scrolls rows [y, y + h), the whole width, by n rows (n > 0: up) with
 * delete-line at one edge and insert-line at the other: every row outside
 * goes back where it was (the bottom row of the screen too: what the
 * deletion pushes up the insertion pushes back down).  curses would set a
 * scroll region, move, scroll, set the region back and move again (31
 * bytes for a line at 80x24; this takes 16).  Leaves the cursor at the
 * first row exposed, column 0, as curses is told (mvcur).
 * curses keeps, besides curscr, the frame it is building (newscr) and a
 * hash of each row of curscr: it would take rows found shifted against
 * the hashes of their old places for a scroll still to be made.  So
 * newscr is shifted too and those rows marked as unchanged in it: the
 * next doupdate() writes only what differs from them, the rows exposed.
 * False, having done nothing, when terminfo lacks a sequence. */
static bool lines_scroll(int y, int h, int n)
{
	int k = n > 0 ? n : -n;
	const char *cup = tigetstr("cup"), *cr = tigetstr("cr"), *vpa = tigetstr("vpa");
	const char *dl = tigetstr(k == 1 ? "dl1" : "dl"), *il = tigetstr(k == 1 ? "il1" : "il");
	int del = n > 0 ? y : y + h - k, ins = n > 0 ? y + h - k : y;

	if (!cap_ok(cup) || !cap_ok(dl) || !cap_ok(il))
		return false;
	vidattr(A_NORMAL);   /* the rows come in blank with no colour (bce) */
	if (cap_ok(cr) && cap_ok(vpa)) {   /* "\r\e[8d" is a byte shorter than "\e[8;1H" */
		putp(cr);
		putp(tiparm(vpa, del));
	} else {
		putp(tiparm(cup, del, 0));
	}
	putp(k == 1 ? dl : tiparm(dl, k));
	fflush(stdout);
	mvcur(del, 0, ins, 0);   /* after the deletion the cursor is at (del, 0) */
	putp(k == 1 ? il : tiparm(il, k));
	fflush(stdout);
	shift_rows(curscr, y, 0, h, COLS, n);
	shift_rows(newscr, y, 0, h, COLS, n);
	wtouchln(newscr, y, h, 0);
	return true;
}

bool draw_margins_on(void)
{
	return mg.smglr != NULL;
}

bool draw_scroll_region(struct ui *ui, WINDOW *win, int n)
{
	int y, x, h, w;

	getbegyx(win, y, x);
	getmaxyx(win, h, w);
	if (!n || (n > 0 ? n : -n) >= h || ui->help_open || counterparts_shown(ui) || y + h >= LINES)
		return false;
	if (x == 0 && w == COLS)
		return lines_scroll(y, h, n);
	if (!mg.smglr)
		return false;
	/* the terminal holds curscr: blank lines come in with no colour
	 * (bce), then the margins and the region go back to the whole screen
	 * and the cursor to a place curses is told of (mvcur) */
	vidattr(A_NORMAL);
	putp(tiparm(mg.csr, y, y + h - 1));
	putp(tiparm(mg.smglr, x, x + w - 1));
	putp(tiparm(mg.cup, n > 0 ? y + h - 1 : y, x));
	for (int i = 0; i < (n > 0 ? n : -n); i++)
		putp(n > 0 ? mg.ind : mg.ri);
	putp(mg.mgc);
	putp(tiparm(mg.csr, 0, LINES - 1));
	putp(tiparm(mg.cup, 0, 0));
	fflush(stdout);   /* putp() writes to stdout, curses' frames go past it */
	mvcur(0, 0, y, x);
	fflush(stdout);
	shift_rows(curscr, y, x, h, w, n);
	return true;
}

/* Maps a theme colour to what the terminal has. */
static short fit_color(short c)
{
	if (c < 0 || c < COLORS)
		return c;
	if (c < 16)
		return (short)(c - 8);
	if (c < 232) {
		int v = c - 16, r = v / 36, g = v / 6 % 6, b = v % 6;
		return (short)((r >= 3) | (g >= 3) << 1 | (b >= 3) << 2);
	}
	return c >= 244 ? COLOR_WHITE : COLOR_BLACK;
}

void draw_apply_theme(struct ui *ui)
{
	static const struct { unsigned bit; attr_t a; } amap[] = {
		{ THEME_BOLD, A_BOLD }, { THEME_DIM, A_DIM },
		{ THEME_UNDERLINE, A_UNDERLINE }, { THEME_REVERSE, A_REVERSE },
		{ THEME_STANDOUT, A_STANDOUT }, { THEME_ITALIC, A_ITALIC },
	};

	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct theme_style *st = &ui->theme.roles[r];
		attr_t a = 0;
		for (size_t k = 0; k < sizeof amap / sizeof amap[0]; k++)
			if (st->attrs & amap[k].bit)
				a |= amap[k].a;
		if (ui->color && r + 1 < COLOR_PAIRS &&
		    (st->fg != THEME_DEFAULT_COLOR || st->bg != THEME_DEFAULT_COLOR)) {
			init_pair((short)(r + 1), fit_color(st->fg), fit_color(st->bg));
			a |= COLOR_PAIR(r + 1);
		}
		ui->attrs[r] = a;
	}
}

const char *topic_status_word(const char *status, enum theme_role *role)
{
	static const struct { const char *s, *word; enum theme_role role; } w[] = {
		{ "agree", "AGREE", ROLE_AGREE },
		{ "differ", "DIFFER", ROLE_DIFFER },
		{ "conflict", "CONFLICT", ROLE_CONFLICT },
		{ "different-measure", "DIFF-MEASURE", ROLE_OTHER },
		{ "timeline", "TIMELINE", ROLE_OTHER },
		{ "mixed", "MIXED", ROLE_OTHER },
	};

	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (status && !strcmp(status, w[i].s)) {
			*role = w[i].role;
			return w[i].word;
		}
	*role = ROLE_OTHER;
	return status ? "OTHER" : "UNRATED";
}
