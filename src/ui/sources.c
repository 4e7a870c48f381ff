/*
 * sources: the Sources pane, one row per source: outlet, date, title and
 * claim count, the open one marked.  Sorted by date, outlet or title (s);
 * a filter (f) narrows the rows to those whose id, outlet or title holds
 * the typed string, ignoring ASCII case.  Enter opens the row's source.
 */
#include "base/util.h"
#include "compare/matrix.h"
#include "ui/tui.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct corpus *sort_corpus;
static enum sort_kind sort_by;

static int cmp_str(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int cmp_rows(const void *pa, const void *pb)
{
	const struct source *a = &sort_corpus->sources[*(const size_t *)pa];
	const struct source *b = &sort_corpus->sources[*(const size_t *)pb];
	int r = sort_by == SORT_OUTLET ? cmp_str(a->outlet, b->outlet) :
		sort_by == SORT_TITLE ? cmp_str(a->title, b->title) :
		cmp_str(a->published, b->published);
	return r ? r : cmp_str(a->id, b->id);
}

void sources_rebuild(struct ui *ui)
{
	struct pane *p = &ui->panes[PANE_SOURCES];
	long keep = p->cur < ui->nsrc_rows ? (long)ui->src_rows[p->cur] : ui->src;

	free(ui->src_rows);
	ui->src_rows = xcalloc(ui->c->nsources, sizeof *ui->src_rows);
	ui->nsrc_rows = 0;
	for (size_t i = 0; i < ui->c->nsources; i++) {
		const struct source *s = &ui->c->sources[i];
		if (ui->filter.len && !ui_holds(s->id, ui->filter.buf) &&
		    !ui_holds(s->outlet, ui->filter.buf) && !ui_holds(s->title, ui->filter.buf))
			continue;
		ui->src_rows[ui->nsrc_rows++] = i;
	}
	sort_corpus = ui->c;
	sort_by = ui->sort;
	qsort(ui->src_rows, ui->nsrc_rows, sizeof *ui->src_rows, cmp_rows);
	p->cur = 0;
	for (size_t r = 0; r < ui->nsrc_rows; r++)
		if ((long)ui->src_rows[r] == keep)
			p->cur = r;
	p->top = 0;
	if (p->h > 0 && p->cur >= (size_t)p->h)
		p->top = p->cur - (size_t)p->h + 1;
	p->dirty = true;
}

static size_t src_count(struct ui *ui, struct pane *p)
{
	(void)p;
	return ui->nsrc_rows;
}

static void src_draw(struct ui *ui, struct pane *p)
{
	if (!ui->nsrc_rows) {
		draw_str(ui, p->win, 0, 0, p->w, "no source matches the filter",
			 ui->attrs[ROLE_NORMAL]);
		return;
	}
	struct strbuf d = STRBUF_INIT;
	bool full = p->w >= 36;   /* else the short form: no day, no claims */
	/* the date-format option's dates take their widest, "?" and a space */
	bool custom = ui->cfg.date_w > 0;
	int dw = custom ? ui->cfg.date_w + 2 : full ? 11 : 9;
	for (int r = 0; r < p->h && p->top + (size_t)r < ui->nsrc_rows; r++) {
		size_t row = p->top + (size_t)r, i = ui->src_rows[row];
		const struct source *s = &ui->c->sources[i];
		bool cur = row == p->cur, open = (long)i == ui->src;
		attr_t a = cur ? ui->attrs[ROLE_CURSOR] :
			open ? ui->attrs[ROLE_CURRENT] : ui->attrs[ROLE_NORMAL];
		char n[32];
		int x = 0;

		/* aligned columns: date, outlet heading, claims, title */
		if (cur)
			draw_fill(p->win, r, 0, p->w, a);
		x += draw_str(ui, p->win, r, x, p->w - x, open ? "* " : "  ", a);
		sb_reset(&d);
		ui_date(ui, s, &d);
		if (!full && !custom && d.len >= 10 && s->published)
			sb_setlen(&d, 7), sb_addstr(&d, source_guessed(s, "published") ? "?" : "");
		draw_str(ui, p->win, r, x, p->w - x, d.buf, a);
		x += dw;
		sb_reset(&d);
		matrix_abbrev(s, &d);
		draw_str(ui, p->win, r, x, p->w - x, d.buf, a | A_BOLD);
		x += 6;
		if (full) {
			snprintf(n, sizeof n, "%3zu", s->nclaims);
			draw_str(ui, p->win, r, x, p->w - x, n, a);
			x += 4;
		}
		if (x < p->w)
			draw_str(ui, p->win, r, x, p->w - x, s->title ? s->title :
				 s->outlet ? s->outlet : "(untitled)", a);
	}
	sb_release(&d);
}

static void src_enter(struct ui *ui, struct pane *p)
{
	if (p->cur >= ui->nsrc_rows)
		return;
	ui_jump_push(ui);
	ui_open_source(ui, ui->src_rows[p->cur]);
	ui_focus(ui, PANE_TEXT);
}

static bool src_key(struct ui *ui, struct pane *p, enum action act, int key)
{
	static const char *const names[SORT_COUNT] = { "date", "outlet", "title" };

	(void)key;
	(void)p;
	switch (act) {
	case ACT_SORT:
		ui->sort = (ui->sort + 1) % SORT_COUNT;
		sources_rebuild(ui);
		ui_message(ui, false, "sources sorted by %s", names[ui->sort]);
		return true;
	case ACT_FILTER:
		prompt_start(ui, PROMPT_FILTER);
		return true;
	default:
		return false;
	}
}

static void src_title(struct ui *ui, struct pane *p, struct strbuf *sb)
{
	static const char *const names[SORT_COUNT] = { "date", "outlet", "title" };

	(void)p;
	sb_addf(sb, " (%zu/%zu, by %s)", ui->nsrc_rows, ui->c->nsources, names[ui->sort]);
	if (ui->filter.len)
		sb_addf(sb, " filter: %s", ui->filter.buf);
}

const struct pane_ops sources_ops = {
	.name = "Sources",
	.count = src_count,
	.draw = src_draw,
	.key = src_key,
	.enter = src_enter,
	.title = src_title,
};
