/*
 * results: the Search results view, the hits of the last corpus-wide
 * search (F), one per row in aligned columns: source id, outlet heading
 * and a snippet as wide as the pane with the hit highlighted about a
 * third of the way in.  Enter opens the hit in the Text pane.
 */
#include "ui/tui.h"

#include <string.h>

#include "compare/matrix.h"

static size_t res_count(struct ui *ui, struct pane *p)
{
	(void)p;
	return ui->nhits;
}

/* Where a snippet of w columns starts so that the hit [a, ...) sits
 * about a third of the way in: back from a over whole characters, never
 * past the start of its line. */
static size_t snip_from(struct ui *ui, const char *t, size_t len, size_t a, int w)
{
	size_t st = a;

	while (st > 0 && t[st - 1] != '\n') {
		size_t p = st - 1;
		while (p > 0 && !utf8_boundary(t, len, p))
			p--;
		if ((int)text_width(t + p, a - p, ui->ascii) > w / 3)
			break;
		st = p;
	}
	/* start at a word */
	if (st > 0 && t[st - 1] != '\n' && t[st - 1] != ' ') {
		size_t sp = st;
		while (sp < a && t[sp] != ' ')
			sp++;
		if (sp < a)
			st = sp + 1;
	}
	return st;
}

static void res_draw(struct ui *ui, struct pane *p)
{
	struct strbuf ab = STRBUF_INIT;
	int idw = 4;

	if (!ui->nhits)
		draw_str(ui, p->win, 0, 0, p->w, ui->hits_query.len ?
			 "0 hits: F searches every text of the corpus" :
			 "no results: F searches every text of the corpus", ui->attrs[ROLE_NORMAL]);
	for (size_t i = 0; i < ui->c->nsources; i++) {
		int l = (int)text_width(ui->c->sources[i].id, strlen(ui->c->sources[i].id), ui->ascii);
		if (l > idw)
			idw = l < 16 ? l : 16;
	}
	/* aligned columns: id, outlet heading, then the snippet */
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
		draw_str(ui, p->win, r, 0, idw, s->id, a | A_BOLD);
		x = idw + 2;
		sb_reset(&ab);
		matrix_abbrev(s, &ab);
		draw_str(ui, p->win, r, x, p->w - x, ab.buf, a);
		x += 7;
		if (!t || x >= p->w)
			continue;
		size_t len = s->text_len, st = snip_from(ui, t, len, h->start, p->w - x);
		size_t en = h->end;
		while (en < len && t[en] != '\n')
			en++;
		x += draw_text(ui, p->win, r, x, p->w - x, t + st, h->start - st, a);
		x += draw_text(ui, p->win, r, x, p->w - x, t + h->start,
			       h->end - h->start, ui->attrs[ROLE_HIT]);
		draw_text(ui, p->win, r, x, p->w - x, t + h->end, en - h->end, a);
	}
	sb_release(&ab);
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
