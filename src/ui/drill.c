/*
 * drill: the Compare view's drill-down, the claims of one topic side by
 * side.  Over them the topic's label, whether it is curated or automatic,
 * its status in words and colour, and the index's note.  Each claim is a
 * line with its verdict mark, source, outlet, date, speaker and
 * normalised values, a line with its verdict against each other voice
 * ("! conflict with odr-04"), then its whole text, wrapped.  j/k move
 * from claim to claim; Enter jumps to the claim in its source; v, Left or
 * Esc go back to the matrix.
 */
#include "ui/tui.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "compare/compare.h"
#include "compare/matrix.h"

enum line_kind { L_HEAD, L_VERDICT, L_TEXT, L_GAP };

struct dline {
	enum line_kind kind;
	size_t k;              /* the claim's place in the topic */
	size_t start, end;     /* L_TEXT: bytes of the claim's text */
};

struct dlines {
	struct dline *v;
	size_t n, alloc;
};

static void add(struct dlines *d, enum line_kind kind, size_t k, size_t start, size_t end)
{
	if (d->n == d->alloc) {
		d->alloc = d->alloc ? d->alloc * 2 : 32;
		d->v = xrealloc(d->v, d->alloc * sizeof *d->v);
	}
	d->v[d->n++] = (struct dline){ kind, k, start, end };
}

/* Lays the topic's claims out at width w. */
static void layout(struct ui *ui, const struct cmp_topic *t, int w, struct dlines *d)
{
	struct wrap wr;

	wrap_init(&wr);
	for (size_t k = 0; k < t->nclaims; k++) {
		const struct claim *cl = &ui->c->claims[t->claims[k]];
		add(d, L_HEAD, k, 0, 0);
		add(d, L_VERDICT, k, 0, 0);
		wrap_build(&wr, cl->text, strlen(cl->text), w - 4, ui->ascii);
		for (size_t i = 0; i < wr.n; i++) {
			size_t s, e;
			wrap_line(&wr, i, &s, &e);
			add(d, L_TEXT, k, s, e);
		}
		add(d, L_GAP, k, 0, 0);
	}
	wrap_release(&wr);
}

static const char *status_says(enum verdict v)
{
	switch (v) {
	case VERDICT_AGREE: return "the sources agree";
	case VERDICT_DIFFER: return "the sources give different figures";
	case VERDICT_CONFLICT: return "the sources conflict";
	case VERDICT_MEASURE: return "the sources measure different things";
	case VERDICT_TIMELINE: return "the values are of different moments";
	case VERDICT_MIXED: return "some agree, some differ";
	default: return "one voice, nothing to compare";
	}
}

static int draw_top(struct ui *ui, struct pane *p, const struct cmp_topic *t)
{
	enum theme_role role;
	size_t ti = (size_t)(t - ui->cmp->topics);
	bool unmatched;
	enum verdict st = matrix_status(ui->cmp, ti, &unmatched);
	enum verdict cv = matrix_curated(t);
	const char *word = topic_status_word(verdict_name(st), &role);
	int y = 0, x;

	if (st == VERDICT_NONE)
		word = unmatched ? "RELATED" : "NONE";
	x = draw_str(ui, p->win, y, 0, p->w, t->automatic ? "A auto: " : "* curated: ",
		     ui->attrs[ROLE_HEADER]);
	draw_str(ui, p->win, y++, x, p->w - x, t->label ? t->label : t->id,
		 ui->attrs[ROLE_HEADER] | A_BOLD);
	if (y >= p->h)
		return y;
	x = draw_str(ui, p->win, y, 0, p->w, "status: ", ui->attrs[ROLE_NORMAL]);
	x += draw_str(ui, p->win, y, x, p->w - x, word, ui->attrs[role] | A_BOLD);
	x += draw_str(ui, p->win, y, x, p->w - x, " - ", ui->attrs[ROLE_NORMAL]);
	x += draw_str(ui, p->win, y, x, p->w - x, unmatched ? "related, no comparable value"
		      : status_says(st), ui->attrs[ROLE_NORMAL]);
	if (cv != VERDICT_NONE && cv != st)
		draw_str(ui, p->win, y, x, p->w - x, "; the index says ", ui->attrs[ROLE_CONFLICT]),
		draw_str(ui, p->win, y, x + 17, p->w - x - 17, t->curated_status,
			 ui->attrs[ROLE_CONFLICT] | A_BOLD);
	y++;
	long ct = t->automatic ? -1 : corpus_find_topic(ui->c, t->id);
	if (ct >= 0 && ui->c->topics[ct].note && y < p->h && p->h >= 10) {
		/* the note in full, wrapped, up to a third of the view */
		const char *note = ui->c->topics[ct].note;
		struct wrap wr;
		wrap_init(&wr);
		wrap_build(&wr, note, strlen(note), p->w, ui->ascii);
		for (size_t i = 0; i < wr.n && y < p->h && i < (size_t)(p->h / 3 > 1 ? p->h / 3 : 1); i++) {
			size_t s, e;
			wrap_line(&wr, i, &s, &e);
			draw_text(ui, p->win, y++, 0, p->w, note + s, e - s, ui->attrs[ROLE_BOILER]);
		}
		wrap_release(&wr);
	}
	return y;
}

/* "! conflict with odr-04 (odr), = agree with csm-02 (csm)" */
static enum verdict verdicts_of(struct ui *ui, const struct cmp_topic *t, size_t claim,
				struct strbuf *sb)
{
	enum verdict worst = VERDICT_NONE;

	for (size_t i = 0; i < t->npairs; i++) {
		const struct cmp_pair *pr = &t->pairs[i];
		size_t other;
		if (pr->a == claim)
			other = pr->b;
		else if (pr->b == claim)
			other = pr->a;
		else
			continue;
		if (ui->c->claims[other].source == ui->c->claims[claim].source)
			continue;   /* a claim never agrees with its own source */
		if (sb->len)
			sb_addstr(sb, ", ");
		const struct claim *o = &ui->c->claims[other];
		if (pr->v.by_values && pr->v.v > worst && worst != VERDICT_CONFLICT)
			worst = pr->v.v;
		if (!pr->v.by_values) {
			sb_addf(sb, "%c related to %s (%s), no comparable value",
				MATRIX_MARK_UNMATCHED, o->id, ui->c->sources[o->source].id);
			continue;
		}
		sb_addf(sb, "%c %s with %s (%s)", verdict_mark(pr->v.v), verdict_name(pr->v.v),
			o->id, ui->c->sources[o->source].id);
	}
	if (!sb->len)
		sb_addstr(sb, "no other source to compare with");
	return worst;
}

static void draw_line(struct ui *ui, struct pane *p, const struct cmp_topic *t,
		      const struct dline *l, int y, struct strbuf *sb)
{
	size_t ci = t->claims[l->k];
	const struct claim *cl = &ui->c->claims[ci];
	const struct source *s = &ui->c->sources[cl->source];
	bool cur = l->k == ui->cmp_cur;
	attr_t a = ui->attrs[cur ? ROLE_CURSOR : ROLE_NORMAL];

	sb_reset(sb);
	switch (l->kind) {
	case L_HEAD: {
		struct strbuf ab = STRBUF_INIT;
		char m[2] = { matrix_claim_mark(ui->cmp, (size_t)(t - ui->cmp->topics), ci), 0 };
		matrix_abbrev(s, &ab);
		if (cur)
			draw_fill(p->win, y, 0, p->w, a);
		draw_str(ui, p->win, y, 0, 1, m, cur ? a : ui->attrs[ROLE_NORMAL] | A_BOLD);
		sb_addf(sb, "%s  %s (%s)  ", cl->id, s->id, ab.buf);
		ui_date(ui, s, sb);
		sb_addf(sb, "  %s: ", cl->speaker ? cl->speaker : "no speaker");
		size_t at = sb->len;
		matrix_written(ui->c, ci, sb);
		if (sb->len == at) {
			sb_addstr(sb, "no value");
		} else {
			/* as written, then the engine's normal form */
			sb_addstr(sb, " (normalised: ");
			at = sb->len;
			compare_values_text(ui->cmp, ci, sb);
			if (sb->len == at)
				sb_addstr(sb, "none");
			sb_addch(sb, ')');
		}
		draw_str(ui, p->win, y, 2, p->w - 2, sb->buf, a | A_BOLD);
		sb_release(&ab);
		break;
	}
	case L_VERDICT: {
		enum verdict v = verdicts_of(ui, t, ci, sb);
		draw_str(ui, p->win, y, 4, p->w - 4, sb->buf,
			 v == VERDICT_NONE ? ui->attrs[ROLE_NORMAL] :
			 ui->attrs[v == VERDICT_CONFLICT ? ROLE_CONFLICT :
				   v == VERDICT_DIFFER ? ROLE_DIFFER :
				   v == VERDICT_AGREE ? ROLE_AGREE : ROLE_OTHER]);
		break;
	}
	case L_TEXT:
		draw_text(ui, p->win, y, 4, p->w - 4, cl->text + l->start, l->end - l->start,
			  ui->attrs[ROLE_NORMAL]);
		break;
	case L_GAP:
		break;
	}
}

void drill_draw(struct ui *ui, struct pane *p)
{
	struct pane *cp = &ui->panes[PANE_COMPARE];
	struct dlines d = { 0 };
	struct strbuf sb = STRBUF_INIT;

	if (cp->cur >= ui->ncmp_rows)
		return;
	const struct cmp_topic *t = &ui->cmp->topics[ui->cmp_rows[cp->cur]];
	int y0 = draw_top(ui, p, t), h = p->h - y0;
	if (h <= 0)
		return;
	layout(ui, t, p->w, &d);
	/* the cursor claim on screen: all of it if it fits, else its start */
	size_t first = 0, last;
	while (first < d.n && d.v[first].k != ui->cmp_cur)
		first++;
	for (last = first; last + 1 < d.n && d.v[last + 1].k == ui->cmp_cur; last++)
		;
	if (last > first && d.v[last].kind == L_GAP)
		last--;
	if (last + 1 > ui->cmp_dtop + (size_t)h)
		ui->cmp_dtop = last + 1 - (size_t)h;
	if (first < ui->cmp_dtop)
		ui->cmp_dtop = first;
	for (int r = 0; r < h && ui->cmp_dtop + (size_t)r < d.n; r++)
		draw_line(ui, p, t, &d.v[ui->cmp_dtop + (size_t)r], y0 + r, &sb);
	free(d.v);
	sb_release(&sb);
}

bool drill_key(struct ui *ui, struct pane *p, enum action act, int key)
{
	const struct cmp_topic *t = &ui->cmp->topics[ui->cmp_rows[p->cur]];
	size_t n = t->nclaims;

	switch (act) {
	case ACT_DOWN: if (ui->cmp_cur + 1 < n) ui->cmp_cur++; break;
	case ACT_UP: if (ui->cmp_cur > 0) ui->cmp_cur--; break;
	case ACT_TOP: case ACT_PAGE_UP: case ACT_HALF_UP: ui->cmp_cur = 0; break;
	case ACT_BOTTOM: case ACT_PAGE_DOWN: case ACT_HALF_DOWN: ui->cmp_cur = n ? n - 1 : 0; break;
	case ACT_COL_LEFT: case ACT_CLOSE:   /* q: back to the matrix */
		ui->cmp_in_claims = false;
		break;
	default:
		if (key == KEY_L_ESC || key == 127 || key == 8) {
			ui->cmp_in_claims = false;
			break;
		}
		return false;
	}
	if (!ui->cmp_in_claims && ui->cmp_cur < n)
		ui->cmp_col = ui->c->claims[t->claims[ui->cmp_cur]].source;
	p->dirty = true;
	return true;
}
