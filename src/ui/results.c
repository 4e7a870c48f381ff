/*
 * results: the Search results view, the hits of the last corpus-wide
 * search (F), one per row: source, outlet and a snippet with the hit
 * highlighted.  Enter opens the hit in the Text pane.
 */
#include "ui/tui.h"

static size_t res_count(struct ui *ui, struct pane *p)
{
	(void)p;
	return ui->nhits;
}

static void res_draw(struct ui *ui, struct pane *p)
{
	if (!ui->nhits)
		draw_str(ui, p->win, 0, 0, p->w,
			 "no results: F searches every text of the corpus", ui->attrs[ROLE_NORMAL]);
	for (int r = 0; r < p->h && p->top + (size_t)r < ui->nhits; r++) {
		size_t row = p->top + (size_t)r;
		const struct search_hit *h = &ui->hits[row];
		const struct source *s = &ui->c->sources[h->source];
		bool cur = row == p->cur;
		attr_t a = ui->attrs[cur ? ROLE_CURSOR : ROLE_NORMAL];
		const char *t = s->text;
		int x = 0;

		if (cur)
			draw_fill(p->win, r, 0, p->w, a);
		x += draw_str(ui, p->win, r, x, p->w - x, s->id, a | A_BOLD);
		x += draw_str(ui, p->win, r, x, p->w - x, "  ", a);
		x += draw_str(ui, p->win, r, x, 20 < p->w - x ? 20 : p->w - x,
			      s->outlet ? s->outlet : "-", a);
		x = x < 28 && p->w > 40 ? 28 : x + 2;
		if (!t)
			continue;
		x += draw_text(ui, p->win, r, x, p->w - x, t + h->snip_start,
			       h->start - h->snip_start, a);
		x += draw_text(ui, p->win, r, x, p->w - x, t + h->start,
			       h->end - h->start, ui->attrs[ROLE_HIT]);
		draw_text(ui, p->win, r, x, p->w - x, t + h->end, h->snip_end - h->end, a);
	}
}

static void res_enter(struct ui *ui, struct pane *p)
{
	struct strbuf err = STRBUF_INIT;

	if (p->cur >= ui->nhits)
		return;
	const struct search_hit *h = &ui->hits[p->cur];
	ui_jump_push(ui);
	if (search_compile(&ui->search, ui->hits_query.buf, ui->hits_query.len,
			   SEARCH_PREFIX | (ui->regex_default ? SEARCH_REGEX : 0), &err) == 0) {
		sb_reset(&ui->query);
		sb_addstr(&ui->query, ui->hits_query.buf);
	}
	sb_release(&err);
	ui_open_source(ui, h->source);
	ui_focus(ui, PANE_TEXT);
	ui_run_search(ui, false);
	for (size_t i = 0; i < ui->nmatches; i++)
		if (ui->matches[i].start == h->start)
			ui->hit = (long)i;
	textview_show(ui, h->start, true);
	ui_message(ui, false, "hit %zu of %zu", p->cur + 1, ui->nhits);
}

static void res_title(struct ui *ui, struct pane *p, struct strbuf *sb)
{
	(void)p;
	if (ui->hits_query.len)
		sb_addf(sb, ": %zu hit%s for \"%s\"", ui->nhits, ui->nhits == 1 ? "" : "s",
			ui->hits_query.buf);
}

const struct pane_ops results_ops = {
	.name = "Search results",
	.count = res_count,
	.draw = res_draw,
	.enter = res_enter,
	.title = res_title,
};
