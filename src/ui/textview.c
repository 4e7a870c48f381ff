/*
 * textview: the Text pane.  The source's text wrapped at the pane width
 * (wrap.h, rebuilt only when the width or the source changes; a text over
 * 1 MB is wrapped in slices between keys, and meanwhile the pane draws the
 * lines around its top byte offset, wrap_top, wrapped on their own), claims
 * highlighted in place and the selected one standing out, boilerplate
 * dimmed, search hits highlighted.  Scrolling uses wscrl() and draws only
 * the lines it exposes; the terminal scrolls the pane (draw.c) by deleting
 * and inserting lines when it spans the width, inside left and right
 * margins when it is narrower and the terminal has them.  The title says
 * how far the text is read, in tenths (or, with the position option, the
 * lines shown).  p->top is the first display line shown.  With
 * the wrap option off, a line of the text is one display line, cut at the
 * pane's edge with a ">" in the last column.
 */
#include "ui/tui.h"

#include <stdlib.h>

#include "base/util.h"

/* With wrap off, lines are wrapped at a width no line of a text reaches. */
#define TV_NOWRAP (1 << 20)

static int wrap_width(struct ui *ui)
{
	return config_on(&ui->cfg, CFG_wrap) ? ui->wrap_w : TV_NOWRAP;
}

static bool in_spans(const struct span *s, size_t n, size_t off)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (off < s[mid].start)
			hi = mid;
		else if (off >= s[mid].end)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

size_t textview_claim_pos(struct ui *ui, size_t start, size_t claim)
{
	const struct source *s = &ui->c->sources[ui->src];
	size_t lo = 0, hi = s->nclaims;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2, k = s->claims[mid];
		size_t st = ui->c->claims[k].span.start;
		if (st < start || (st == start && k < claim))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The claim off is inside, as its position in the source's claims (the
 * last one that starts at or before off and still covers it), or -1: the
 * last claim that starts at or before off, and how far the claims up to it
 * reach. */
static long claim_at(struct ui *ui, const struct source *s, size_t off)
{
	if (ui->claim_reach_src != ui->src) {
		size_t reach = 0;
		free(ui->claim_reach);
		ui->claim_reach = xcalloc(s->nclaims + 1, sizeof *ui->claim_reach);
		for (size_t k = 0; k < s->nclaims; k++) {
			size_t e = ui->c->claims[s->claims[k]].span.end;
			reach = e > reach ? e : reach;
			ui->claim_reach[k] = reach;
		}
		ui->claim_reach_src = ui->src;
	}
	size_t k = textview_claim_pos(ui, off + 1, 0);   /* claims starting <= off: [0, k) */
	if (!k || ui->claim_reach[k - 1] <= off)
		return -1;
	/* the innermost: reach only grows, so the walk ends where it no longer
	 * covers off (a few steps, as claims rarely nest deep) */
	for (size_t j = k; j-- > 0 && ui->claim_reach[j] > off;)
		if (ui->c->claims[s->claims[j]].span.end > off)
			return (long)j;
	return (long)k - 1;
}

static attr_t attr_at(struct ui *ui, size_t off)
{
	const struct source *s = &ui->c->sources[ui->src];

	if (ui->visual && off >= ui->vis_start && off < ui->vis_end)
		return ui->attrs[ROLE_SELECTION];
	if (ui->hit >= 0 && off >= ui->matches[ui->hit].start && off < ui->matches[ui->hit].end)
		return ui->attrs[ROLE_HIT] | A_UNDERLINE;   /* the current hit */
	if (in_spans(ui->matches, ui->nmatches, off))
		return ui->attrs[ROLE_HIT];
	if (ui->sel_claim >= 0) {
		const struct claim *cl = &ui->c->claims[ui->sel_claim];
		if (cl->source == (size_t)ui->src && off >= cl->span.start && off < cl->span.end)
			return ui->attrs[ROLE_CLAIM_SEL];
	}
	long k = claim_at(ui, s, off);
	if (k >= 0)   /* claims alternate two styles, so that two that touch stand apart */
		return ui->attrs[k % 2 ? ROLE_CLAIM_ALT : ROLE_CLAIM];
	if (in_spans(s->boiler, s->nboiler, off))
		return ui->attrs[ROLE_BOILER];
	return ui->attrs[ROLE_NORMAL];
}

/* Draws line `line` of table wr on row `row` of the body (already blank). */
static void draw_line(struct ui *ui, struct pane *p, int row, const struct wrap *wr, size_t line)
{
	struct text_iter it;
	struct glyph g;
	size_t s, e;
	int col = 0;

	if (line >= wr->n || !ui->text)
		return;
	wrap_line(wr, line, &s, &e);
	text_iter_init(&it, ui->text, e, ui->ascii);
	it.off = s;
	wmove(p->win, row, 0);
	while (text_iter_next(&it, &g)) {
		if (g.kind == GLYPH_NEWLINE || g.kind == GLYPH_HIDDEN)
			continue;
		if (g.kind == GLYPH_MARK && col == 0)
			continue;
		attr_t a = attr_at(ui, g.off);
		if (g.kind == GLYPH_TAB) {
			int n = WRAP_TAB - col % WRAP_TAB;
			if (col + n > p->w)
				n = p->w - col;
			wattrset(p->win, a);
			for (int k = 0; k < n; k++)
				waddch(p->win, ' ');
			col += n;
			continue;
		}
		if (col + g.width > p->w) {
			if (p->w > 0 && !config_on(&ui->cfg, CFG_wrap)) {   /* cut: said so */
				wattrset(p->win, ui->attrs[ROLE_CONTROL]);
				mvwaddch(p->win, row, p->w - 1, '>');
			}
			break;
		}
		if ((g.kind == GLYPH_CONTROL || g.kind == GLYPH_INVALID) &&
		    a == ui->attrs[ROLE_NORMAL])
			a = ui->attrs[ROLE_CONTROL];
		wattrset(p->win, a);
		waddnstr(p->win, g.show, (int)g.show_len);
		col += g.width;
	}
	wattrset(p->win, A_NORMAL);
}

static bool building(struct ui *ui)
{
	return ui->text && !wrap_complete(&ui->wrap);
}

bool textview_busy(struct ui *ui)
{
	return building(ui);
}

static int body_h(struct ui *ui)
{
	return ui->panes[PANE_TEXT].h > 0 ? ui->panes[PANE_TEXT].h : 1;
}

/* While the table builds: a line start at or before off, exact where the
 * table has got to. */
static size_t line_base(struct ui *ui, size_t off)
{
	if (off < ui->wrap.done && ui->wrap.n)
		return ui->wrap.starts[wrap_line_of(&ui->wrap, off)];
	return wrap_para_start(ui->text, off);
}

/* While the table builds: wrap_view holds the line of off and count lines
 * after it; returns the line of off in it. */
static size_t view_at(struct ui *ui, size_t off, size_t count)
{
	wrap_window(&ui->wrap_view, ui->text, ui->text_len, line_base(ui, off), off, count,
		    wrap_width(ui), ui->ascii);
	return wrap_line_of(&ui->wrap_view, off);
}

/* While the table builds: moves wrap_top by delta lines. */
static void move_lines(struct ui *ui, long delta)
{
	size_t off = ui->wrap_top > ui->text_len ? ui->text_len : ui->wrap_top;

	if (delta > 0) {
		size_t l = view_at(ui, off, (size_t)delta) + (size_t)delta;
		off = ui->wrap_view.starts[l < ui->wrap_view.n ? l : ui->wrap_view.n - 1];
	}
	while (delta < 0) {
		size_t l = view_at(ui, off, 0);
		if ((long)l >= -delta) {
			off = ui->wrap_view.starts[(long)l + delta];
			break;
		}
		delta += (long)l;
		off = ui->wrap_view.starts[0];
		if (!off)
			break;
		off--;     /* the line before */
		delta++;
	}
	ui->wrap_top = off;
	ui->panes[PANE_TEXT].dirty = true;
}

static void tv_draw(struct ui *ui, struct pane *p)
{
	const struct wrap *wr = &ui->wrap;
	size_t top = p->top;

	if (ui->src < 0) {
		draw_str(ui, p->win, 0, 0, p->w, "no source open: pick one in Sources (1)",
			 ui->attrs[ROLE_NORMAL]);
		return;
	}
	if (building(ui)) {
		top = view_at(ui, ui->wrap_top, (size_t)p->h);
		wr = &ui->wrap_view;
		ui->wrap_top = wr->starts[top];
	}
	for (int r = 0; r < p->h; r++)
		draw_line(ui, p, r, wr, top + (size_t)r);
}

size_t textview_top_line(struct ui *ui)
{
	return ui->panes[PANE_TEXT].top;
}

size_t textview_top_off(struct ui *ui)
{
	size_t top = ui->panes[PANE_TEXT].top;

	if (building(ui))
		return ui->wrap_top;
	return top < ui->wrap.n ? ui->wrap.starts[top] : 0;
}

/* Texts up to this size are wrapped at once (a few milliseconds) */
#define TV_WRAP_NOW (1 << 20)
#define TV_WRAP_SLICE (256 * 1024)
#define TV_WRAP_MS 8

void textview_wrap(struct ui *ui)
{
	struct pane *p = &ui->panes[PANE_TEXT];

	if (!ui->text || ui->wrap_w < 1)
		return;
	if (ui->wrap.width == wrap_width(ui) && ui->wrap.len == ui->text_len && ui->wrap.n)
		return;
	size_t off = textview_top_off(ui);
	p->dirty = true;
	if (ui->text_len <= TV_WRAP_NOW) {
		wrap_build(&ui->wrap, ui->text, ui->text_len, wrap_width(ui), ui->ascii);
		p->top = wrap_line_of(&ui->wrap, off);
		return;
	}
	/* the top line keeps its offset; the table follows in slices */
	wrap_begin(&ui->wrap, ui->text, ui->text_len, wrap_width(ui), ui->ascii);
	ui->wrap_top = off;
	p->top = 0;
}

void textview_wrap_step(struct ui *ui)
{
	struct pane *p = &ui->panes[PANE_TEXT];
	long long end = util_now_ms() + TV_WRAP_MS;

	while (building(ui) && util_now_ms() < end)
		if (wrap_step(&ui->wrap, TV_WRAP_SLICE)) {
			p->top = wrap_line_of(&ui->wrap, ui->wrap_top);
			p->dirty = true;
		}
}

static size_t max_top(struct ui *ui)
{
	size_t h = (size_t)body_h(ui);
	return ui->wrap.n > h ? ui->wrap.n - h : 0;
}

void textview_scroll_to(struct ui *ui, long top)
{
	struct pane *p = &ui->panes[PANE_TEXT];
	long mt = (long)max_top(ui);

	if (building(ui)) {
		/* the lines counted so far are final */
		if (top < 0)
			top = 0;
		ui->wrap_top = ui->wrap.n ? ui->wrap.starts[(size_t)top < ui->wrap.n ? (size_t)top : ui->wrap.n - 1] : 0;
		p->dirty = true;
		return;
	}
	if (top > mt)
		top = mt;
	if (top < 0)
		top = 0;
	long delta = top - (long)p->top;
	if (!delta)
		return;
	if (p->win && !p->dirty && labs(delta) < p->h) {
		draw_scroll_region(ui, p->win, (int)delta);   /* else curses scrolls it */
		scrollok(p->win, TRUE);
		wscrl(p->win, (int)delta);
		scrollok(p->win, FALSE);
		p->top = (size_t)top;
		if (delta > 0)
			for (int r = p->h - (int)delta; r < p->h; r++)
				draw_line(ui, p, r, &ui->wrap, p->top + (size_t)r);
		else
			for (int r = 0; r < -delta; r++)
				draw_line(ui, p, r, &ui->wrap, p->top + (size_t)r);
		return;
	}
	p->top = (size_t)top;
	p->dirty = true;
}

void textview_goto(struct ui *ui, size_t off)
{
	if (building(ui)) {
		ui->wrap_top = off;
		ui->panes[PANE_TEXT].dirty = true;
		return;
	}
	textview_scroll_to(ui, (long)wrap_line_of(&ui->wrap, off));
}

void textview_show(struct ui *ui, size_t off, bool center)
{
	struct pane *p = &ui->panes[PANE_TEXT];
	size_t h = (size_t)body_h(ui);

	if (building(ui)) {
		size_t top = view_at(ui, ui->wrap_top, h);
		size_t end = top + h < ui->wrap_view.n ? ui->wrap_view.starts[top + h] : ui->wrap_view.len;
		if (!center && off >= ui->wrap_view.starts[top] && off < end)
			return;
		ui->wrap_top = off;
		move_lines(ui, -(long)(h / 3));
		return;
	}
	size_t line = wrap_line_of(&ui->wrap, off);
	if (!center && line >= p->top && line < p->top + h)
		return;
	textview_scroll_to(ui, (long)line - (long)(h / 3));
}

/* ---- the selection (v) ---- */

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static bool sentence_end(const char *t, size_t len, size_t i)
{
	return (t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == '\n') &&
		(i + 1 >= len || is_space(t[i + 1]) || t[i + 1] == '"');
}

/* The selection's end moved by one word or sentence (dir +1 or -1); it
 * never gets below its start's first byte. */
static size_t step_end(struct ui *ui, size_t end, int dir, bool sentence)
{
	const char *t = ui->text;
	size_t len = ui->text_len, min = ui->vis_start + 1;
	if (dir > 0) {
		size_t i = end;
		while (i < len && is_space(t[i]))
			i++;
		if (sentence) {
			while (i < len && !sentence_end(t, len, i))
				i++;
			if (i < len && t[i] != '\n')
				i++;
		} else {
			while (i < len && !is_space(t[i]))
				i++;
		}
		return i > len ? len : i;
	}
	size_t i = end;
	while (i > min && is_space(t[i - 1]))
		i--;
	if (sentence) {
		if (i > min)
			i--;   /* past this sentence's own end */
		while (i > min && !sentence_end(t, len, i - 1))
			i--;
	} else {
		while (i > min && !is_space(t[i - 1]))
			i--;
	}
	while (i > min && is_space(t[i - 1]))   /* it ends where a word or sentence does */
		i--;
	return i < min ? min : i;
}

/* The end of display line l (the next one's start). */
static size_t line_end(struct ui *ui, size_t l)
{
	return l + 1 < ui->wrap.n ? ui->wrap.starts[l + 1] : ui->text_len;
}

static void visual_moved(struct ui *ui)
{
	if (ui->vis_end > ui->text_len)
		ui->vis_end = ui->text_len;
	if (ui->vis_end <= ui->vis_start)
		ui->vis_end = ui->vis_start + 1 <= ui->text_len ? ui->vis_start + 1 : ui->text_len;
	textview_show(ui, ui->vis_end ? ui->vis_end - 1 : 0, false);
	ui->panes[PANE_TEXT].dirty = true;
	ui_message(ui, false, "selection: bytes %zu-%zu (A makes a claim of it, Esc leaves)",
		   ui->vis_start, ui->vis_end);
}

/* v: a selection of the current search hit when there is one, else of
 * the top line. */
static void visual_start(struct ui *ui)
{
	if (ui->src < 0 || building(ui) || !ui->text_len) {
		ui_message(ui, true, "nothing to select: open a source (1) and wait for its text");
		return;
	}
	size_t top = ui->panes[PANE_TEXT].top;
	ui->visual = true;
	if (ui->hit >= 0 && (size_t)ui->hit < ui->nmatches) {
		ui->vis_start = ui->matches[ui->hit].start;
		ui->vis_end = ui->matches[ui->hit].end;
	} else {
		ui->vis_start = ui->wrap.starts[top < ui->wrap.n ? top : 0];
		ui->vis_end = line_end(ui, wrap_line_of(&ui->wrap, ui->vis_start));
	}
	visual_moved(ui);
}

bool visual_key(struct ui *ui, enum action act, int key)
{
	long lines = 0, h = ui->panes[PANE_TEXT].h > 1 ? ui->panes[PANE_TEXT].h : 1;
	switch (act) {
	case ACT_DOWN: lines = 1; break;
	case ACT_UP: lines = -1; break;
	case ACT_HALF_DOWN: lines = h / 2 ? h / 2 : 1; break;
	case ACT_HALF_UP: lines = -(h / 2 ? h / 2 : 1); break;
	case ACT_PAGE_DOWN: lines = h > 2 ? h - 1 : 1; break;
	case ACT_PAGE_UP: lines = -(h > 2 ? h - 1 : 1); break;
	case ACT_SEL_MORE: case ACT_SEL_LESS: case ACT_WORD_MORE: case ACT_WORD_LESS:
		ui->vis_end = step_end(ui, ui->vis_end, act == ACT_SEL_MORE || act == ACT_WORD_MORE ? 1 : -1,
				       act == ACT_SEL_MORE || act == ACT_SEL_LESS);
		visual_moved(ui);
		return true;
	case ACT_NEXT_HIT: case ACT_PREV_HIT:
		/* a hit extends the selection to take it in */
		ui_hit_step(ui, (act == ACT_NEXT_HIT) != ui->search_back ? 1 : -1);
		if (ui->hit >= 0) {
			const struct span *m = &ui->matches[ui->hit];
			if (m->end > ui->vis_end)
				ui->vis_end = m->end;
			if (m->start < ui->vis_start)
				ui->vis_start = m->start;
			visual_moved(ui);
		}
		return true;
	case ACT_NEW_CLAIM: edit_new_claim(ui); return true;
	case ACT_CITE: ui_cite_selection(ui); return true;
	case ACT_TOPIC_CLAIMS: case ACT_CLOSE:
		ui->visual = false;
		ui->panes[PANE_TEXT].dirty = true;
		ui_message(ui, false, "selection left");
		return true;
	default:
		if (key == KEY_L_ESC) {
			ui->visual = false;
			ui->panes[PANE_TEXT].dirty = true;
			ui_message(ui, false, "selection left");
			return true;
		}
		return false;
	}
	size_t l = wrap_line_of(&ui->wrap, ui->vis_end - 1), first = wrap_line_of(&ui->wrap, ui->vis_start);
	long nl = (long)l + lines;
	if (nl < (long)first)
		nl = (long)first;
	if (nl >= (long)ui->wrap.n)
		nl = (long)ui->wrap.n - 1;
	ui->vis_end = line_end(ui, (size_t)nl);
	visual_moved(ui);
	return true;
}

static bool tv_key(struct ui *ui, struct pane *p, enum action act, int key)
{
	long top = (long)p->top, h = p->h > 1 ? p->h : 1;

	if (ui->visual && visual_key(ui, act, key))
		return true;
	if (act == ACT_TOPIC_CLAIMS) {
		visual_start(ui);
		return true;
	}
	if (building(ui)) {
		switch (act) {
		case ACT_DOWN: move_lines(ui, 1); break;
		case ACT_UP: move_lines(ui, -1); break;
		case ACT_HALF_DOWN: move_lines(ui, h / 2 ? h / 2 : 1); break;
		case ACT_HALF_UP: move_lines(ui, -(h / 2 ? h / 2 : 1)); break;
		case ACT_PAGE_DOWN: move_lines(ui, h > 2 ? h - 1 : 1); break;
		case ACT_PAGE_UP: move_lines(ui, -(h > 2 ? h - 1 : 1)); break;
		case ACT_TOP: ui_jump_push(ui); textview_goto(ui, 0); break;
		case ACT_BOTTOM:
			ui_jump_push(ui);
			ui->wrap_top = ui->text_len;
			move_lines(ui, -(h > 1 ? h - 1 : 0));
			break;
		default: return false;
		}
		return true;
	}
	switch (act) {
	case ACT_DOWN: case ACT_LINE_DOWN: top++; break;
	case ACT_UP: case ACT_LINE_UP: top--; break;
	case ACT_HALF_DOWN: top += h / 2 ? h / 2 : 1; break;
	case ACT_HALF_UP: top -= h / 2 ? h / 2 : 1; break;
	case ACT_PAGE_DOWN: top += h > 2 ? h - 1 : 1; break;
	case ACT_PAGE_UP: top -= h > 2 ? h - 1 : 1; break;
	case ACT_TOP: ui_jump_push(ui); top = 0; break;
	case ACT_BOTTOM: ui_jump_push(ui); top = (long)max_top(ui); break;
	default: return false;
	}
	textview_scroll_to(ui, top);
	return true;
}

static void tv_title(struct ui *ui, struct pane *p, struct strbuf *sb)
{
	if (ui->src < 0)
		return;
	const struct source *s = &ui->c->sources[ui->src];
	sb_addf(sb, ": %s", s->id);
	if (s->outlet)
		sb_addf(sb, " - %s", s->outlet);
	if (building(ui)) {
		sb_addf(sb, "  [wrapping %zu%%]", ui->wrap.done / (ui->text_len / 100 + 1));
		return;
	}
	size_t last = p->top + (size_t)(p->h > 0 ? p->h : 0), n = ui->wrap.n ? ui->wrap.n : 1;
	if (last > ui->wrap.n)
		last = ui->wrap.n;
	/* by default how much of the text is read to the pane's last line, in
	 * tenths: a one-line scroll rewrites the title (some 40 bytes) once a
	 * tenth of the text, not at every line */
	if (config_choice(&ui->cfg, CFG_position) == POSITION_LINES)
		sb_addf(sb, "  [%zu-%zu/%zu]", p->top + 1, last, ui->wrap.n);
	else
		sb_addf(sb, "  [%zu%% of %zu lines]", last * 10 / n * 10, ui->wrap.n);
	if (s->title)
		sb_addf(sb, "  %s", s->title);
}

const struct pane_ops textview_ops = {
	.name = "Text",
	.count = NULL,
	.draw = tv_draw,
	.key = tv_key,
	.title = tv_title,
};
