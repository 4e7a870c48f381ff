/*
 * claims: the Claims pane, the claims of the open source (or, after a, of
 * every source), one per row: kind, speaker, value, the start of the text.
 * Moving the cursor selects the claim, which stands out in the Text pane
 * and is scrolled into view; Enter focuses the Text pane at the claim.
 */
#include "base/util.h"
#include "ui/tui.h"

#include <stdlib.h>

#include "corpus/json.h"

void claims_rebuild(struct ui *ui)
{
	struct pane *p = &ui->panes[PANE_CLAIMS];
	size_t n = 0;

	free(ui->claim_rows);
	ui->claim_rows = xcalloc(ui->c->nclaims + 1, sizeof *ui->claim_rows);
	if (ui->all_claims) {
		for (size_t s = 0; s < ui->c->nsources; s++)
			for (size_t k = 0; k < ui->c->sources[s].nclaims; k++)
				ui->claim_rows[n++] = ui->c->sources[s].claims[k];
	} else if (ui->src >= 0) {
		const struct source *s = &ui->c->sources[ui->src];
		for (size_t k = 0; k < s->nclaims; k++)
			ui->claim_rows[n++] = s->claims[k];
	}
	ui->nclaim_rows = n;
	p->cur = 0;
	p->top = 0;
	for (size_t r = 0; r < n; r++)
		if ((long)ui->claim_rows[r] == ui->sel_claim)
			p->cur = r;
	if (p->h > 0 && p->cur >= (size_t)p->h)
		p->top = p->cur - (size_t)p->h / 2;
	ui->sel_claim = n ? (long)ui->claim_rows[p->cur] : -1;
	p->dirty = true;
}

static size_t cl_count(struct ui *ui, struct pane *p)
{
	(void)p;
	return ui->nclaim_rows;
}

static void cl_draw(struct ui *ui, struct pane *p)
{
	struct strbuf v = STRBUF_INIT;

	if (!ui->nclaim_rows)
		draw_str(ui, p->win, 0, 0, p->w, "no claims", ui->attrs[ROLE_NORMAL]);
	for (int r = 0; r < p->h && p->top + (size_t)r < ui->nclaim_rows; r++) {
		size_t row = p->top + (size_t)r;
		const struct claim *cl = &ui->c->claims[ui->claim_rows[row]];
		attr_t a = ui->attrs[row == p->cur ? ROLE_CURSOR : ROLE_NORMAL];
		int x = 0;

		if (row == p->cur)
			draw_fill(p->win, r, 0, p->w, a);
		if (ui->all_claims) {
			x += draw_str(ui, p->win, r, x, p->w - x, ui->c->sources[cl->source].id, a);
			x += draw_str(ui, p->win, r, x, p->w - x, " ", a);
		}
		x += draw_str(ui, p->win, r, x, p->w - x, cl->kind, a);
		if (cl->speaker) {
			x += draw_str(ui, p->win, r, x, p->w - x, " ", a);
			x += draw_str(ui, p->win, r, x, p->w - x, cl->speaker, a);
		}
		sb_reset(&v);
		for (size_t k = 0; k < cl->nvalues; k++) {
			sb_addstr(&v, k ? "; " : " [");
			value_format(&v, &cl->values[k]);
		}
		if (v.len) {
			sb_addch(&v, ']');
			x += draw_text(ui, p->win, r, x, p->w - x, v.buf, v.len, a);
		}
		x += draw_str(ui, p->win, r, x, p->w - x, ": ", a);
		draw_str(ui, p->win, r, x, p->w - x, cl->text, a);
	}
	sb_release(&v);
}

static void cl_select(struct ui *ui, struct pane *p)
{
	if (p->cur < ui->nclaim_rows)
		ui_select_claim(ui, (long)ui->claim_rows[p->cur], true);
}

static void cl_enter(struct ui *ui, struct pane *p)
{
	if (p->cur >= ui->nclaim_rows)
		return;
	ui_jump_push(ui);
	ui_goto_claim(ui, ui->claim_rows[p->cur]);
	ui_focus(ui, PANE_TEXT);
}

static bool cl_key(struct ui *ui, struct pane *p, enum action act, int key)
{
	(void)p;
	(void)key;
	if (act != ACT_ALL_CLAIMS)
		return false;
	ui->all_claims = !ui->all_claims;
	claims_rebuild(ui);
	ui_message(ui, false, ui->all_claims ? "claims of all sources" : "claims of this source");
	return true;
}

static void cl_title(struct ui *ui, struct pane *p, struct strbuf *sb)
{
	if (ui->nclaim_rows)
		sb_addf(sb, " %zu/%zu", p->cur + 1, ui->nclaim_rows);
	sb_addstr(sb, ui->all_claims ? " (all sources)" : " (this source)");
}

const struct pane_ops claims_ops = {
	.name = "Claims",
	.count = cl_count,
	.draw = cl_draw,
	.key = cl_key,
	.select = cl_select,
	.enter = cl_enter,
	.title = cl_title,
};
