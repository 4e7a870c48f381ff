/*
 * claims: the Claims pane, the claims of the open source (or, after a, of
 * every source).  Each row takes two or three lines when the pane has room:
 * the start of the claim's text, wrapped, then its kind, speaker and values
 * as written.  Moving the cursor selects the claim, which stands out in the
 * Text pane and is scrolled into view.  Enter or i opens the claim's whole
 * record (text, kind, speaker, values as written and normalised, what is
 * counted, every topic, the closest claim of another source, the topics'
 * notes), wrapped; there Enter jumps to the claim in the text and i, q or
 * Esc return to the list.  f narrows the list to claims whose text, kind,
 * speaker or id hold a string; s orders it by place, kind or speaker.
 */
#include "base/util.h"
#include "ui/tui.h"

#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "compare/matrix.h"
#include "corpus/json.h"

static const char *const order_names[] = { "place", "kind", "speaker" };

bool claims_match(const struct claim *cl, const char *needle)
{
	return ui_holds(cl->text, needle) || ui_holds(cl->kind, needle) ||
		ui_holds(cl->speaker, needle) || ui_holds(cl->id, needle);
}

static const struct corpus *order_corpus;
static int order_by;

static int by_order(const void *pa, const void *pb)
{
	const struct claim *a = &order_corpus->claims[*(const size_t *)pa];
	const struct claim *b = &order_corpus->claims[*(const size_t *)pb];
	int r = order_by == 1 ? strcmp(a->kind ? a->kind : "", b->kind ? b->kind : "") :
		order_by == 2 ? strcmp(a->speaker ? a->speaker : "~", b->speaker ? b->speaker : "~") : 0;
	size_t x = *(const size_t *)pa, y = *(const size_t *)pb;
	return r ? r : (x > y) - (x < y);
}

void claims_rebuild(struct ui *ui)
{
	struct pane *p = &ui->panes[PANE_CLAIMS];
	size_t n = 0;

	free(ui->claim_rows);
	ui->claim_rows = xcalloc(ui->c->nclaims + 1, sizeof *ui->claim_rows);
	for (size_t s = 0; s < ui->c->nsources; s++) {
		if (!ui->all_claims && (long)s != ui->src)
			continue;
		for (size_t k = 0; k < ui->c->sources[s].nclaims; k++) {
			size_t ci = ui->c->sources[s].claims[k];
			if (!ui->claim_filter.len ||
			    claims_match(&ui->c->claims[ci], ui->claim_filter.buf))
				ui->claim_rows[n++] = ci;
		}
	}
	ui->nclaim_rows = n;
	order_corpus = ui->c;
	order_by = ui->claim_sort;
	if (ui->claim_sort)
		qsort(ui->claim_rows, n, sizeof *ui->claim_rows, by_order);
	p->cur = 0;
	p->top = 0;
	for (size_t r = 0; r < n; r++)
		if ((long)ui->claim_rows[r] == ui->sel_claim)
			p->cur = r;
	if (p->h > 0 && p->cur >= pane_rows(p))
		p->top = p->cur - pane_rows(p) / 2;
	if (n)
		ui->sel_claim = (long)ui->claim_rows[p->cur];
	p->dirty = true;
}

static size_t cl_count(struct ui *ui, struct pane *p)
{
	(void)p;
	return ui->claim_detail ? 0 : ui->nclaim_rows;
}

static void cl_resize(struct ui *ui, struct pane *p)
{
	(void)ui;
	p->rowh = p->h >= 5 ? (p->w < 60 ? 3 : 2) : 1;
}

/* "statement, Jens Stoltenberg [30,000 troops]" */
static void row_meta(struct ui *ui, const struct claim *cl, struct strbuf *sb)
{
	if (ui->all_claims)
		sb_addf(sb, "%s ", ui->c->sources[cl->source].id);
	sb_addstr(sb, cl->kind);
	if (cl->speaker)
		sb_addf(sb, " %s", cl->speaker);
	size_t at = sb->len;
	sb_addstr(sb, " [");
	matrix_written(ui->c, (size_t)(cl - ui->c->claims), sb);
	if (sb->len == at + 2)
		sb_setlen(sb, at);
	else
		sb_addch(sb, ']');
}

static void draw_row(struct ui *ui, struct pane *p, int y, size_t row, struct strbuf *sb)
{
	const struct claim *cl = &ui->c->claims[ui->claim_rows[row]];
	bool cur = row == p->cur;
	attr_t a = ui->attrs[cur ? ROLE_CURSOR : ROLE_NORMAL];
	int rh = p->rowh > 1 ? p->rowh : 1;

	for (int i = 0; i < rh && cur; i++)
		draw_fill(p->win, y + i, 0, p->w, a);
	sb_reset(sb);
	row_meta(ui, cl, sb);
	if (rh == 1) {
		sb_addstr(sb, ": ");
		sb_addstr(sb, cl->text);
		draw_str(ui, p->win, y, 0, p->w, sb->buf, a);
		return;
	}
	/* the text's start on the first lines, then kind, speaker and values */
	struct wrap wr;
	size_t tl = strlen(cl->text);
	wrap_init(&wr);
	wrap_build(&wr, cl->text, tl, p->w - 1, ui->ascii);
	for (int i = 0; i < rh - 1 && (size_t)i < wr.n; i++) {
		size_t st, en;
		wrap_line(&wr, (size_t)i, &st, &en);
		int x = draw_text(ui, p->win, y + i, 0, p->w - 1, cl->text + st, en - st, a);
		if (i == rh - 2 && (size_t)i + 1 < wr.n)
			draw_str(ui, p->win, y + i, x, 1, ui->ascii ? ">" : "\xe2\x80\xa6", a);
	}
	wrap_release(&wr);
	draw_str(ui, p->win, y + rh - 1, 1, p->w - 1, sb->buf,
		 cur ? a : ui->attrs[ROLE_BOILER]);
}

/* The whole record of the selected claim, wrapped, from line detail_top. */
static void draw_detail(struct ui *ui, struct pane *p)
{
	struct strbuf sb = STRBUF_INIT;
	size_t line = 0, skip = ui->detail_top;
	long ci = ui->sel_claim;
	attr_t n = ui->attrs[ROLE_NORMAL], h = ui->attrs[ROLE_HEADER];
#define PARA(s, a) draw_para(ui, p->win, 0, p->h, p->w, skip, &line, (s), strlen(s), (a))

	if (ci < 0) {
		draw_str(ui, p->win, 0, 0, p->w, "no claim selected", n);
		return;
	}
	const struct claim *cl = &ui->c->claims[ci];
	const struct source *s = &ui->c->sources[cl->source];
	bool built = compare_ready(ui);
	sb_addf(&sb, "claim %s, %s (%s, ", cl->id, s->id, s->outlet ? s->outlet : "no outlet");
	ui_date(ui, s, &sb);
	sb_addstr(&sb, ")");
	PARA(sb.buf, h | A_BOLD);
	PARA(cl->text, n);
	sb_reset(&sb);
	sb_addf(&sb, "kind: %s; origin: %s", cl->kind, cl->origin ? cl->origin : "-");
	PARA(sb.buf, h);
	sb_reset(&sb);
	sb_addf(&sb, "speaker: %s", cl->speaker ? cl->speaker : "none");
	if (cl->speaker_role)
		sb_addf(&sb, " (%s)", cl->speaker_role);
	PARA(sb.buf, h);
	sb_reset(&sb);
	if (cl->note) {   /* the analyst's (:note, e) */
		sb_addf(&sb, "note: %s", cl->note);
		PARA(sb.buf, h);
		sb_reset(&sb);
	}
	if (s->note) {   /* the analyst's note on the source (:note source/ID) */
		sb_addf(&sb, "note on %s: %s", s->id, s->note);
		PARA(sb.buf, h);
		sb_reset(&sb);
	}
	sb_addstr(&sb, "values as written: ");
	size_t at = sb.len;
	matrix_written(ui->c, (size_t)ci, &sb);
	if (sb.len == at)
		sb_addstr(&sb, "none");
	sb_addstr(&sb, "; normalised: ");
	at = sb.len;
	compare_claim_text(ui->c, (size_t)ci, &sb);
	if (sb.len == at)
		sb_addstr(&sb, "none");
	PARA(sb.buf, h);
	for (size_t k = 0; k < cl->nvalues; k++) {
		const struct value *v = &cl->values[k];
		const char *what = v->type == VALUE_DATE ? v->about : v->counted;
		if (!what)
			continue;
		sb_reset(&sb);
		sb_addf(&sb, "%s: %s", v->type == VALUE_DATE ? "date of" : "counted", what);
		PARA(sb.buf, n);
	}
	if (!cl->ntopics)
		PARA("topics: none in the index", h);
	for (size_t k = 0; k < cl->ntopics; k++) {
		const struct topic *t = &ui->c->topics[cl->topics[k]];
		sb_reset(&sb);
		sb_addf(&sb, "topic %s: %s (%s)", t->id, t->label ? t->label : "",
			t->status ? t->status : "no status");
		PARA(sb.buf, h);
		if (t->note)
			PARA(t->note, ui->attrs[ROLE_BOILER]);
	}
	if (!built)
		PARA("closest in another source: known once compared (4 shows the progress)", n);
	else if (ui->cmp->closest && ui->cmp->closest[ci] >= 0) {
		const struct claim *o = &ui->c->claims[ui->cmp->closest[ci]];
		sb_reset(&sb);
		sb_addf(&sb, "closest in another source: %s (%s), %.2f alike: %s", o->id,
			ui->c->sources[o->source].id, ui->cmp->closest_w[ci], o->text);
		PARA(sb.buf, n);
	}
#undef PARA
	if (skip && line <= skip)
		ui->detail_top = line ? line - 1 : 0;
	sb_release(&sb);
}

static void cl_draw(struct ui *ui, struct pane *p)
{
	struct strbuf sb = STRBUF_INIT;
	int rh = p->rowh > 1 ? p->rowh : 1;

	if (ui->claim_detail) {
		draw_detail(ui, p);
		return;
	}
	if (!ui->nclaim_rows)
		draw_str(ui, p->win, 0, 0, p->w, ui->claim_filter.len ?
			 "no claim matches the filter" : "no claims", ui->attrs[ROLE_NORMAL]);
	for (int r = 0; (r + 1) * rh <= p->h && p->top + (size_t)r < ui->nclaim_rows; r++)
		draw_row(ui, p, r * rh, p->top + (size_t)r, &sb);
	sb_release(&sb);
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
	if (!ui->claim_detail) {
		ui->claim_detail = true;
		ui->detail_top = 0;
		p->dirty = true;
		return;
	}
	ui->claim_detail = false;
	p->dirty = true;
	ui_jump_push(ui);
	ui_goto_claim(ui, ui->claim_rows[p->cur]);
	ui_focus(ui, PANE_TEXT);
}

static bool cl_key(struct ui *ui, struct pane *p, enum action act, int key)
{
	if (ui->claim_detail) {
		switch (act) {
		case ACT_DOWN: case ACT_LINE_DOWN: ui->detail_top++; break;
		case ACT_UP: case ACT_LINE_UP: if (ui->detail_top) ui->detail_top--; break;
		case ACT_PAGE_DOWN: case ACT_HALF_DOWN: ui->detail_top += (size_t)(p->h / 2 + 1); break;
		case ACT_PAGE_UP: case ACT_HALF_UP: case ACT_TOP: ui->detail_top = 0; break;
		case ACT_INFO: case ACT_CLOSE: ui->claim_detail = false; break;
		default:
			if (key != KEY_L_ESC)
				return false;
			ui->claim_detail = false;
		}
		p->dirty = true;
		return true;
	}
	switch (act) {
	case ACT_INFO:
		cl_enter(ui, p);
		return true;
	case ACT_ALL_CLAIMS:
		ui->all_claims = !ui->all_claims;
		claims_rebuild(ui);
		ui_message(ui, false, ui->all_claims ? "claims of all sources" : "claims of this source");
		return true;
	case ACT_SORT:
		ui->claim_sort = (ui->claim_sort + 1) % 3;
		claims_rebuild(ui);
		ui_message(ui, false, "claims by %s", order_names[ui->claim_sort]);
		return true;
	case ACT_FILTER: case ACT_SEARCH:
		prompt_start(ui, PROMPT_FILTER);
		return true;
	default:
		return false;
	}
}

static void cl_title(struct ui *ui, struct pane *p, struct strbuf *sb)
{
	if (ui->claim_detail && ui->sel_claim >= 0) {
		sb_addf(sb, ": %s (i: back to the list)", ui->c->claims[ui->sel_claim].id);
		return;
	}
	if (ui->nclaim_rows)
		sb_addf(sb, " %zu/%zu", p->cur + 1, ui->nclaim_rows);
	sb_addstr(sb, ui->all_claims ? " (all sources)" : " (this source)");
	if (ui->claim_sort)
		sb_addf(sb, " by %s", order_names[ui->claim_sort]);
	if (ui->claim_filter.len)
		sb_addf(sb, " filter: %s", ui->claim_filter.buf);
}

const struct pane_ops claims_ops = {
	.name = "Claims",
	.count = cl_count,
	.draw = cl_draw,
	.key = cl_key,
	.select = cl_select,
	.enter = cl_enter,
	.resize = cl_resize,
	.title = cl_title,
};
