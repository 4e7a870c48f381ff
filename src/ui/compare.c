/*
 * compare: the Compare view.  On the left (or on top when narrow) the list
 * of topics, each with its status in words; beside it what each source
 * says about the selected topic: source, date, speaker, value and the
 * claim's text, under a line giving the topic's status in words and
 * colour.  Enter on a topic moves the cursor into its claims; Enter on a
 * claim jumps to it in its source; Left, Esc or Backspace go back to the
 * topics.  The view draws through section functions (topics, detail) so
 * that more sections can be added beside them.
 */
#include "tui.h"

#include <string.h>

#include "corpus_json.h"

struct box {
	int y, x, h, w;
};

static size_t cmp_count(struct ui *ui, struct pane *p)
{
	(void)p;
	return ui->c->ntopics;
}

static void split(const struct pane *p, struct box *list, struct box *detail)
{
	if (p->w >= 100) {
		*list = (struct box){ 0, 0, p->h, p->w / 3 };
		*detail = (struct box){ 0, p->w / 3 + 1, p->h, p->w - p->w / 3 - 1 };
	} else {
		int lh = p->h / 3 > 3 ? p->h / 3 : (p->h > 3 ? 3 : p->h);
		*list = (struct box){ 0, 0, lh, p->w };
		*detail = (struct box){ lh, 0, p->h - lh, p->w };
	}
}

static void draw_topics(struct ui *ui, struct pane *p, const struct box *b)
{
	if (p->cur < p->top)
		p->top = p->cur;
	if (b->h > 0 && p->cur >= p->top + (size_t)b->h)
		p->top = p->cur - (size_t)b->h + 1;
	for (int r = 0; r < b->h && p->top + (size_t)r < ui->c->ntopics; r++) {
		size_t row = p->top + (size_t)r;
		const struct topic *t = &ui->c->topics[row];
		bool cur = row == p->cur;
		attr_t a = ui->attrs[cur && !ui->cmp_in_claims ? ROLE_CURSOR :
				     cur ? ROLE_CURRENT : ROLE_NORMAL];
		enum theme_role role;
		const char *word = topic_status_word(t->status, &role);
		char w[24];
		int x = b->x;

		if (cur)
			draw_fill(p->win, b->y + r, b->x, b->w, a);
		snprintf(w, sizeof w, "%-12s ", word);
		x += draw_str(ui, p->win, b->y + r, x, b->w, w, cur ? a : ui->attrs[role]);
		draw_str(ui, p->win, b->y + r, x, b->w - (x - b->x), t->label, a);
	}
}

static const char *status_says(const char *status)
{
	if (!status)
		return "no judgement recorded";
	if (!strcmp(status, "agree"))
		return "the sources agree";
	if (!strcmp(status, "differ"))
		return "the sources give different figures";
	if (!strcmp(status, "conflict"))
		return "the sources conflict";
	if (!strcmp(status, "different-measure"))
		return "the sources measure different things";
	if (!strcmp(status, "timeline"))
		return "the values change over time";
	if (!strcmp(status, "mixed"))
		return "some agree, some differ";
	return status;
}

static void draw_detail(struct ui *ui, struct pane *p, const struct box *b)
{
	struct strbuf v = STRBUF_INIT;
	const struct topic *t;
	enum theme_role role;
	int y = b->y, x;

	if (p->cur >= ui->c->ntopics || b->h < 2)
		return;
	t = &ui->c->topics[p->cur];
	x = b->x + draw_str(ui, p->win, y, b->x, b->w, t->label, ui->attrs[ROLE_HEADER]);
	const char *word = topic_status_word(t->status, &role);
	y++;
	x = b->x + draw_str(ui, p->win, y, b->x, b->w, "status: ", ui->attrs[ROLE_NORMAL]);
	x += draw_str(ui, p->win, y, x, b->w - (x - b->x), word, ui->attrs[role] | A_BOLD);
	x += draw_str(ui, p->win, y, x, b->w - (x - b->x), " - ", ui->attrs[ROLE_NORMAL]);
	draw_str(ui, p->win, y, x, b->w - (x - b->x), status_says(t->status), ui->attrs[ROLE_NORMAL]);
	y++;
	if (t->note && y < b->y + b->h)
		draw_str(ui, p->win, y++, b->x, b->w, t->note, ui->attrs[ROLE_BOILER]);
	if (y < b->y + b->h) {
		char head[128];
		snprintf(head, sizeof head, "%-6s %-10s %-18s %-22s %s",
			 "SOURCE", "DATE", "SPEAKER", "VALUE", "TEXT");
		draw_str(ui, p->win, y++, b->x, b->w, head, ui->attrs[ROLE_HEADER]);
	}
	/* narrow: the claim's text goes on a second line under its cells */
	bool two = b->w < 90;
	for (size_t k = 0; k < t->nclaims && y < b->y + b->h; k++, y++) {
		const struct claim *cl = &ui->c->claims[t->claims[k]];
		const struct source *s = &ui->c->sources[cl->source];
		bool cur = ui->cmp_in_claims && k == ui->cmp_cur;
		attr_t a = ui->attrs[cur ? ROLE_CURSOR : ROLE_NORMAL];
		int cx = b->x, right = b->x + b->w;

		if (cur)
			draw_fill(p->win, y, b->x, b->w, a);
		sb_reset(&v);
		for (size_t i = 0; i < cl->nvalues; i++) {
			if (i)
				sb_addstr(&v, "; ");
			value_format(&v, &cl->values[i]);
		}
		const char *cells[4] = { s->id, s->published, cl->speaker, v.len ? v.buf : "-" };
		const int widths[4] = { 7, 11, 19, 23 };
		for (int c = 0; c < 4 && cx < right; c++) {
			int w = widths[c] < right - cx ? widths[c] : right - cx;
			draw_str(ui, p->win, y, cx, w - 1, cells[c], a);
			cx += w;
		}
		if (two && y + 1 < b->y + b->h) {
			y++;
			if (cur)
				draw_fill(p->win, y, b->x, b->w, a);
			draw_str(ui, p->win, y, b->x + 2, b->w - 2, cl->text, a);
		} else if (!two && cx < right) {
			draw_str(ui, p->win, y, cx, right - cx, cl->text, a);
		}
	}
	sb_release(&v);
}

static void cmp_draw(struct ui *ui, struct pane *p)
{
	struct box list, detail;

	split(p, &list, &detail);
	draw_topics(ui, p, &list);
	if (detail.x > 0)
		draw_vline(ui, p->win, 0, detail.x - 1, p->h, ui->attrs[ROLE_BORDER]);
	draw_detail(ui, p, &detail);
}

static void cmp_select(struct ui *ui, struct pane *p)
{
	(void)p;
	ui->cmp_in_claims = false;
	ui->cmp_cur = 0;
}

static void cmp_enter(struct ui *ui, struct pane *p)
{
	if (p->cur >= ui->c->ntopics)
		return;
	const struct topic *t = &ui->c->topics[p->cur];
	if (!ui->cmp_in_claims) {
		if (t->nclaims) {
			ui->cmp_in_claims = true;
			ui->cmp_cur = 0;
			p->dirty = true;
		}
		return;
	}
	if (ui->cmp_cur >= t->nclaims)
		return;
	ui_jump_push(ui);
	ui_goto_claim(ui, t->claims[ui->cmp_cur]);
	ui_focus(ui, PANE_TEXT);
}

static bool cmp_key(struct ui *ui, struct pane *p, enum action act, int key)
{
	if (!ui->cmp_in_claims)
		return false;
	const struct topic *t = &ui->c->topics[p->cur];
	size_t n = t->nclaims;
	switch (act) {
	case ACT_DOWN: if (ui->cmp_cur + 1 < n) ui->cmp_cur++; break;
	case ACT_UP: if (ui->cmp_cur > 0) ui->cmp_cur--; break;
	case ACT_TOP: case ACT_PAGE_UP: case ACT_HALF_UP: ui->cmp_cur = 0; break;
	case ACT_BOTTOM: case ACT_PAGE_DOWN: case ACT_HALF_DOWN: ui->cmp_cur = n ? n - 1 : 0; break;
	default:
		if (key == KEY_L_LEFT || key == KEY_L_ESC || key == 127 || key == 8) {
			ui->cmp_in_claims = false;
			break;
		}
		return false;
	}
	p->dirty = true;
	return true;
}

static void cmp_title(struct ui *ui, struct pane *p, struct strbuf *sb)
{
	sb_addf(sb, ": %zu topics", ui->c->ntopics);
	if (p->cur < ui->c->ntopics)
		sb_addf(sb, ", topic %zu: %s", p->cur + 1, ui->c->topics[p->cur].id);
	sb_addstr(sb, ui->cmp_in_claims ? "  (Enter: jump to the claim, Left: topics)"
		  : "  (Enter: the topic's claims)");
}

void compare_open_topic(struct ui *ui, size_t topic, long claim)
{
	struct pane *p = &ui->panes[PANE_COMPARE];
	const struct topic *t = &ui->c->topics[topic];

	p->cur = topic;
	p->top = topic > 2 ? topic - 2 : 0;
	ui->cmp_in_claims = claim >= 0;
	ui->cmp_cur = 0;
	for (size_t k = 0; k < t->nclaims; k++)
		if ((long)t->claims[k] == claim)
			ui->cmp_cur = k;
	p->dirty = true;
	ui_focus(ui, PANE_COMPARE);
}

const struct pane_ops compare_ops = {
	.name = "Compare",
	.count = cmp_count,
	.draw = cmp_draw,
	.key = cmp_key,
	.select = cmp_select,
	.enter = cmp_enter,
	.title = cmp_title,
};
