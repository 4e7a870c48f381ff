/*
 * compare: the Compare view's topic-by-source matrix.  One row per topic
 * (curated `*` or automatic `A`, its status in words and colour, its
 * label), one column per source (outlet abbreviation over its date), each
 * cell the source's value or the start of its claim after a verdict mark
 * (= agree, ~ differ, ! conflict, # different measure, > timeline; a
 * legend line says so).  The cursor is a cell: j/k across topics, Left and
 * Right (H, L) across sources, scrolling sideways when the columns do not
 * fit.  C keeps only the topics in conflict; Enter jumps to the cell's
 * claim in its source; v opens the drill-down (drill.c) with the topic's
 * claims side by side.  Under the matrix, the current cell's claim; a
 * click selects the cell under it.
 *
 * Cost: the comparison model (compare.h) is built once, on the first use
 * of the view (or of `c`, `:topic`, a claim's details), and kept until the
 * reader ends; a keypress only looks cells up in it.  The build grows with
 * the corpus, so a worker thread runs it (worker.h) while the loop goes on
 * answering keys: the view draws its progress instead of the matrix, the
 * status line says how far it got, Q quits at once, and leaving the view
 * stops it (between topics; the alignment of the claims is one step).  A
 * `c`, `:topic` or a kept place asked for meanwhile is shown when it is
 * built.  A small corpus is compared before the first frame.
 */
#include "ui/tui.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/util.h"
#include "compare/compare.h"
#include "compare/matrix.h"
#include "ui/worker.h"

#define MARK_W 2     /* "* " or "A " */
#define STATUS_W 9   /* "CONFLICT " */
#define CELL_MIN 15  /* "145 miles +1" keeps its figure */
#define CELL_MAX 22
#define FIRST_WAIT_MS 150   /* a small corpus is compared before the first frame */

/* The build of the model, and what to show once it is built. */
struct cmp_job {
	struct worker w;
	struct cmp_progress pr;
	struct cmp_model *m;        /* the worker's, until it is handed to ui->cmp */
	struct corpus *c;
	long long t0;
	bool again;                 /* asked for again after a stop: a stopped build starts anew */
	enum { PEND_NONE, PEND_CLAIM, PEND_TOPIC, PEND_PLACE } pend;
	long claim;
	char *topic;
	struct place place;
};

struct geo {
	int legend, head, rows, foot;   /* lines of each part, top to bottom */
	int sw;                         /* status width (wider for "differ/agree") */
	int lw;                         /* label width */
	int cx, cw;                     /* first cell column, cell width */
	size_t ncols;                   /* columns that fit */
};

static const char *status_short(enum verdict v, bool unmatched);

/* Whether topic t passes the filter: its id, label, shown status, or the
 * id or heading of a source it has claims from. */
static bool topic_passes(struct ui *ui, size_t t)
{
	const struct cmp_topic *tp = &ui->cmp->topics[t];
	const char *f = ui->topic_filter.buf;
	bool unmatched;
	bool ok = false;

	if (!ui->topic_filter.len || ui_holds(tp->id, f) || ui_holds(tp->label, f))
		return true;
	if (ui_holds(status_short(matrix_status(ui->cmp, t, &unmatched), unmatched), f))
		return true;
	for (size_t k = 0; k < tp->nclaims && !ok; k++) {
		const struct source *s = &ui->c->sources[ui->c->claims[tp->claims[k]].source];
		struct strbuf ab = STRBUF_INIT;
		matrix_abbrev(s, &ab);
		ok = !strcasecmp(s->id, f) || !strcasecmp(ab.buf, f);
		sb_release(&ab);
	}
	return ok;
}

static void rows_rebuild(struct ui *ui)
{
	size_t n = matrix_rows(ui->cmp, ui->cmp_conflicts, ui->cmp_rows), k = 0;

	for (size_t r = 0; r < n; r++)
		if (topic_passes(ui, ui->cmp_rows[r]))
			ui->cmp_rows[k++] = ui->cmp_rows[r];
	ui->ncmp_rows = k;
}

void compare_filter(struct ui *ui)
{
	struct pane *p = &ui->panes[PANE_COMPARE];

	if (!compare_ready(ui))
		return;   /* the rows are made with the filter when it is built */
	rows_rebuild(ui);
	ui->cmp_in_claims = false;
	p->cur = p->top = 0;
	p->dirty = true;
}

static void columns_rebuild(struct ui *ui)
{
	matrix_columns(ui->c, (enum matrix_order)ui->cmp_sort, ui->cmp_order);
}

static void job_run(void *arg)
{
	struct cmp_job *j = arg;

	compare_build_ctl(j->m, j->c, 0, NULL, &j->pr);
}

static void job_start(struct ui *ui);

static void apply_pending(struct ui *ui, struct cmp_job *j)
{
	int pend = j->pend;

	j->pend = PEND_NONE;
	if (pend == PEND_CLAIM)
		compare_open_claim(ui, j->claim);
	else if (pend == PEND_TOPIC && !compare_open_id(ui, j->topic))
		ui_message(ui, true, "no topic has id \"%s\"", j->topic);
	else if (pend == PEND_PLACE)
		compare_restore(ui, &j->place);
	free(j->topic);
	j->topic = NULL;
}

/* Whether the status line shows the build's progress (progress_text()). */
static bool is_progress(const struct ui *ui)
{
	return !strncmp(ui->msg.buf, "comparing ", 10);
}

/* The worker has finished: the model becomes the view's, or, stopped, is
 * dropped (and built anew when asked for again meanwhile). */
static void job_finish(struct ui *ui)
{
	struct cmp_job *j = ui->cmp_job;
	bool stop = atomic_load(&j->pr.stop);

	if (j->m->stopped) {
		compare_release(j->m);
		free(j->m);
		j->m = NULL;
		if (j->again)
			job_start(ui);
		return;
	}
	ui->cmp = j->m;
	j->m = NULL;
	ui->cmp_rows = xcalloc(ui->cmp->ntopics + 1, sizeof *ui->cmp_rows);
	ui->cmp_order = xcalloc(ui->c->nsources + 1, sizeof *ui->cmp_order);
	ui->cmp_fkey = -1;
	rows_rebuild(ui);
	columns_rebuild(ui);
	if (ui->c->nsources)
		ui->cmp_col = ui->cmp_order[0];
	ui->panes[PANE_COMPARE].dirty = true;
	if (!stop && (!ui->msg.len || is_progress(ui)))   /* another message stands */
		ui_message(ui, false, "compared %zu claims: %zu topics in %.0f ms",
			   ui->c->nclaims, ui->cmp->ntopics, (double)(util_now_ms() - j->t0));
	apply_pending(ui, j);
}

static void job_start(struct ui *ui)
{
	struct cmp_job *j = ui->cmp_job;

	j->c = ui->c;
	j->m = xcalloc(1, sizeof *j->m);
	j->again = false;
	atomic_store(&j->pr.stage, 0);
	atomic_store(&j->pr.done, 0);
	atomic_store(&j->pr.total, 0);
	atomic_store(&j->pr.stop, false);
	j->t0 = util_now_ms();
	if (worker_start(&j->w, job_run, j, FIRST_WAIT_MS))
		job_finish(ui);
}

bool compare_ready(struct ui *ui)
{
	struct cmp_job *j = ui->cmp_job;

	if (ui->cmp)
		return true;
	if (!j)
		j = ui->cmp_job = xcalloc(1, sizeof *j);
	if (!j->m)
		job_start(ui);
	else if (atomic_exchange(&j->pr.stop, false))
		j->again = true;   /* stopped in time or not, it is wanted */
	return ui->cmp != NULL;
}

bool compare_busy(const struct ui *ui)
{
	return ui->cmp_job && ui->cmp_job->m;
}

static const char *const stage_names[] = {
	"starting", "reading the values", "aligning the claims", "judging the topics",
	"grounding the conflicts", "done",
};

/* "comparing 100000 claims: step 3 of 4, judging the topics (120 of 3009), 2.5 s" */
static void progress_text(struct ui *ui, struct strbuf *sb)
{
	struct cmp_job *j = ui->cmp_job;
	int st = atomic_load(&j->pr.stage);

	if (st < 0 || st > CMP_STAGE_DONE)
		st = 0;
	sb_addf(sb, "comparing %zu claims: step %d of 4, %s", ui->c->nclaims,
		st ? (st < 4 ? st : 4) : 1, stage_names[st]);
	if (st == CMP_STAGE_JUDGE)
		sb_addf(sb, " (%zu of %zu)", atomic_load(&j->pr.done), atomic_load(&j->pr.total));
	sb_addf(sb, ", %.1f s", (double)(util_now_ms() - j->t0) / 1000);
}

void compare_step(struct ui *ui)
{
	struct cmp_job *j = ui->cmp_job;

	if (!compare_busy(ui))
		return;
	if (worker_done(&j->w)) {
		job_finish(ui);
		return;
	}
	if (ui->focus != PANE_COMPARE || atomic_load(&j->pr.stop))
		return;
	ui->panes[PANE_COMPARE].dirty = true;   /* the view draws the progress */
	/* so does the status line, out of the message log, unless another
	 * message stands there */
	if (!ui->msg.len || is_progress(ui)) {
		sb_reset(&ui->msg);
		progress_text(ui, &ui->msg);
		ui->msg_error = false;
	}
}

void compare_leave(struct ui *ui)
{
	struct cmp_job *j = ui->cmp_job;

	if (!compare_busy(ui) || atomic_load(&j->pr.stop))
		return;
	atomic_store(&j->pr.stop, true);
	j->again = false;
	j->pend = PEND_NONE;
	ui_message(ui, false, "comparison stopped (4 starts it again)");
}

void compare_restore(struct ui *ui, const struct place *pl)
{
	struct pane *cp = &ui->panes[PANE_COMPARE];

	if (!compare_ready(ui)) {
		ui->cmp_job->pend = PEND_PLACE;
		ui->cmp_job->place = *pl;
		return;
	}
	for (size_t r = 0; r < ui->ncmp_rows; r++)
		if (ui->cmp_rows[r] == (size_t)pl->topic)
			cp->cur = r;
	cp->top = pl->top <= cp->cur ? pl->top : cp->cur;
	ui->cmp_col = pl->col;
	ui->cmp_in_claims = pl->drill;
	ui->cmp_cur = pl->dcur;
	cp->dirty = true;
}

void compare_settle(struct ui *ui)
{
	struct cmp_job *j = ui->cmp_job;

	if (j && j->m) {
		atomic_store(&j->pr.stop, true);
		worker_join(&j->w);
	}
}

bool compare_free(struct ui *ui)
{
	struct cmp_job *j = ui->cmp_job;

	if (j && j->m) {
		atomic_store(&j->pr.stop, true);
		if (!worker_done(&j->w))
			return false;   /* the worker still holds j and the corpus */
		compare_release(j->m);
		free(j->m);
	}
	if (j) {
		free(j->topic);
		free(j);
		ui->cmp_job = NULL;
	}
	if (ui->cmp) {
		compare_release(ui->cmp);
		free(ui->cmp);
		ui->cmp = NULL;
	}
	free(ui->cmp_rows);
	ui->cmp_rows = NULL;
	free(ui->cmp_order);
	ui->cmp_order = NULL;
	return true;
}

/* The place of source s among the columns. */
static size_t col_place(const struct ui *ui, size_t s)
{
	for (size_t i = 0; i < ui->c->nsources; i++)
		if (ui->cmp_order[i] == s)
			return i;
	return 0;
}

static const char *status_short(enum verdict v, bool unmatched)
{
	switch (v) {
	case VERDICT_AGREE: return "agree";
	case VERDICT_DIFFER: return "differ";
	case VERDICT_CONFLICT: return "CONFLICT";
	case VERDICT_MEASURE: return "measure";
	case VERDICT_TIMELINE: return "timeline";
	case VERDICT_MIXED: return "mixed";
	default: return unmatched ? "related" : "-";
	}
}

static attr_t verdict_attr(struct ui *ui, enum verdict v)
{
	enum theme_role role;

	if (v == VERDICT_NONE)
		return ui->attrs[ROLE_NORMAL];
	topic_status_word(verdict_name(v), &role);
	return ui->attrs[role];
}

/* Whether a curated topic's recorded status differs from its cells'. */
static bool disagrees(struct ui *ui, size_t t)
{
	enum verdict cur = matrix_curated(&ui->cmp->topics[t]);
	return cur != VERDICT_NONE && cur != matrix_status(ui->cmp, t, NULL);
}

static void geometry(struct ui *ui, const struct pane *p, struct geo *g)
{
	size_t ns = ui->c->nsources ? ui->c->nsources : 1;
	int w = p->w, area, longest = 8, fixed;

	g->legend = p->h >= 8 ? (w < 100 ? 2 : 1) : 0;
	g->head = p->h >= 10 ? 2 : 1;
	g->foot = p->h >= 14 ? (p->h / 4 > 3 ? p->h / 4 : 3) : p->h >= 8 ? 1 : 0;
	g->rows = p->h - g->legend - g->head - g->foot;
	if (g->rows < 0)
		g->rows = 0;
	g->sw = w >= 100 ? STATUS_W + 8 : STATUS_W;   /* "related≠measure " */
	for (size_t t = 0; t < ui->cmp->ntopics; t++) {
		const struct cmp_topic *tp = &ui->cmp->topics[t];
		const char *l = tp->label ? tp->label : tp->id;
		int lw = (int)text_width(l, strlen(l), ui->ascii);
		if (lw > longest)
			longest = lw;
	}
	/* as many columns as fit beside a label of 16, then the label takes
	 * what is left, up to the longest */
	fixed = MARK_W + g->sw + 1;
	int lmin = w < 70 ? 8 : 16;
	area = w - fixed - (longest < lmin ? longest : lmin);
	g->ncols = area >= CELL_MIN ? (size_t)(area / CELL_MIN) : 1;
	if (g->ncols > ns)
		g->ncols = ns;
	/* the label two fifths of the rest (more when the columns are few) */
	int lt = (w - fixed) * 2 / 5;
	if (lt < lmin)
		lt = lmin;
	if (lt > longest)
		lt = longest;
	g->cw = (w - fixed - lt) / (int)g->ncols;
	if (g->cw < CELL_MIN)
		g->cw = CELL_MIN;
	if (g->cw > CELL_MAX)
		g->cw = CELL_MAX;
	g->lw = w - fixed - (int)g->ncols * g->cw;
	if (g->lw > longest)
		g->lw = longest;
	if (g->lw < 4) {
		g->lw = 4;
		g->cw = (w - fixed - 4) / (int)g->ncols;
		if (g->cw < 3)
			g->cw = 3;
	}
	g->cx = fixed + g->lw + 1;
}

/* Keeps the cursor row and column on screen. */
static void scroll_into_view(struct ui *ui, struct pane *p, const struct geo *g)
{
	size_t at;

	if (ui->ncmp_rows && p->cur >= ui->ncmp_rows)
		p->cur = ui->ncmp_rows - 1;
	if (p->cur < p->top)
		p->top = p->cur;
	if (g->rows > 0 && p->cur >= p->top + (size_t)g->rows)
		p->top = p->cur - (size_t)g->rows + 1;
	if (ui->cmp_col >= ui->c->nsources)
		ui->cmp_col = ui->c->nsources ? ui->cmp_order[0] : 0;
	at = col_place(ui, ui->cmp_col);
	if (at < ui->cmp_left)
		ui->cmp_left = at;
	if (at >= ui->cmp_left + g->ncols)
		ui->cmp_left = at - g->ncols + 1;
	if (ui->cmp_left + g->ncols > ui->c->nsources)
		ui->cmp_left = ui->c->nsources > g->ncols ? ui->c->nsources - g->ncols : 0;
}

static void draw_legend(struct ui *ui, struct pane *p, const struct geo *g)
{
	static const enum verdict vs[] = {
		VERDICT_AGREE, VERDICT_DIFFER, VERDICT_CONFLICT, VERDICT_MEASURE, VERDICT_TIMELINE,
	};
	static const char *const words[] = {
		"agree", "differ", "conflict", "different measure", "timeline",
	};
	char m[4] = { 0 };
	int y = 0, x = 0;

	x += draw_str(ui, p->win, y, x, p->w - x, "* curated  A auto", ui->attrs[ROLE_HEADER]);
	x += draw_str(ui, p->win, y, x, p->w - x,
		      ui->cmp_conflicts ? "  [C: conflicts only]" : "  [C: all topics]",
		      ui->attrs[ROLE_NORMAL]);
	if (g->legend == 2)
		y++, x = 0;
	else
		x += 2;
	for (size_t i = 0; i < sizeof vs / sizeof vs[0] && x < p->w; i++) {
		m[0] = verdict_mark(vs[i]);
		m[1] = ' ';
		x += draw_str(ui, p->win, y, x, p->w - x, m, verdict_attr(ui, vs[i]) | A_BOLD);
		x += draw_str(ui, p->win, y, x, p->w - x,
			      g->legend == 2 && i == 3 ? "measure" : words[i], ui->attrs[ROLE_NORMAL]);
		x += draw_str(ui, p->win, y, x, p->w - x, " ", ui->attrs[ROLE_NORMAL]);
	}
	m[0] = MATRIX_MARK_UNMATCHED;
	x += draw_str(ui, p->win, y, x, p->w - x, m, ui->attrs[ROLE_NORMAL] | A_BOLD);
	draw_str(ui, p->win, y, x, p->w - x, g->legend == 2 ? "no value" : "no comparable value",
		 ui->attrs[ROLE_NORMAL]);
}

static void draw_head(struct ui *ui, struct pane *p, const struct geo *g, int y)
{
	struct strbuf sb = STRBUF_INIT;
	attr_t h = ui->attrs[ROLE_HEADER];
	size_t ns = ui->c->nsources;

	draw_fill(p->win, y, 0, p->w, h);
	draw_str(ui, p->win, y, 0, g->cx, "  STATUS   TOPIC", h);
	if (g->head == 2) {
		draw_fill(p->win, y + 1, 0, p->w, h);
		sb_addf(&sb, "%ssrc %zu-%zu/%zu%s, by %s", ui->cmp_left ? "< " : "",
			ns ? ui->cmp_left + 1 : 0, ui->cmp_left + g->ncols, ns,
			ui->cmp_left + g->ncols < ns ? " >" : "",
			matrix_order_name((enum matrix_order)ui->cmp_sort));
		draw_str(ui, p->win, y + 1, MARK_W, g->cx - MARK_W, sb.buf, h);
	}
	for (size_t j = 0; j < g->ncols && ui->cmp_left + j < ns; j++) {
		const struct source *s = &ui->c->sources[ui->cmp_order[ui->cmp_left + j]];
		int x = g->cx + (int)j * g->cw;
		sb_reset(&sb);
		matrix_abbrev(s, &sb);
		draw_str(ui, p->win, y, x + 2, g->cw - 3, sb.buf, h | A_BOLD);
		if (g->head == 2) {
			sb_reset(&sb);
			ui_date(ui, s, &sb);
			draw_str(ui, p->win, y + 1, x + 2, g->cw - 2, sb.buf, h);
		}
	}
	sb_release(&sb);
}

/* The status column: the cells' status, and where the index records
 * another, that one after "/" (or only the mark `!=` when narrow). */
static void draw_status(struct ui *ui, struct pane *p, const struct geo *g, int y, size_t t)
{
	bool unmatched;
	enum verdict st = matrix_status(ui->cmp, t, &unmatched);
	int x = draw_str(ui, p->win, y, MARK_W, STATUS_W - 1, status_short(st, unmatched),
			 verdict_attr(ui, st));

	if (!disagrees(ui, t))
		return;
	enum verdict cv = matrix_curated(&ui->cmp->topics[t]);
	x += draw_str(ui, p->win, y, MARK_W + x, g->sw - x - 1, ui->ascii ? "/" : "\xe2\x89\xa0",
		      ui->attrs[ROLE_CONFLICT] | A_BOLD);
	draw_str(ui, p->win, y, MARK_W + x, g->sw - x - 1, status_short(cv, false),
		 verdict_attr(ui, cv) | A_UNDERLINE);
}

/* A cell: its mark, the value as the source wrote it (else the start of
 * its claim), and "+N" when it holds N more claims. */
static void draw_cell(struct ui *ui, struct pane *p, const struct geo *g, int y, int x,
		      size_t t, size_t s, bool here)
{
	struct matrix_cell cell;
	struct strbuf sb = STRBUF_INIT;
	attr_t ca = here ? ui->attrs[ROLE_CURSOR] : ui->attrs[ROLE_NORMAL];
	char m[2] = { 0, 0 };
	int more = 0;

	matrix_cell(ui->cmp, t, s, &cell);
	if (here)
		draw_fill(p->win, y, x, g->cw - 1, ca);
	m[0] = matrix_cell_mark(&cell);
	draw_str(ui, p->win, y, x, 1, m, here ? ca : verdict_attr(ui, cell.v) | A_BOLD);
	if (cell.first < 0)
		return;
	if (cell.nclaims > 1) {
		char plus[24];
		snprintf(plus, sizeof plus, "+%zu", cell.nclaims - 1);
		more = (int)strlen(plus);
		draw_str(ui, p->win, y, x + g->cw - 1 - more, more, plus, ca | A_BOLD);
		more++;
	}
	matrix_written(ui->c, (size_t)cell.first, &sb);
	if (!sb.len)
		sb_addstr(&sb, ui->c->claims[cell.first].text);
	draw_str(ui, p->win, y, x + 2, g->cw - 3 - more, sb.buf, ca);
	sb_release(&sb);
}

static void draw_row(struct ui *ui, struct pane *p, const struct geo *g, int y, size_t row)
{
	size_t t = ui->cmp_rows[row];
	const struct cmp_topic *tp = &ui->cmp->topics[t];
	bool cur = row == p->cur;
	attr_t a = ui->attrs[cur ? ROLE_CURRENT : ROLE_NORMAL];

	if (cur)
		draw_fill(p->win, y, 0, g->cx - 1, a);
	draw_str(ui, p->win, y, 0, MARK_W, tp->automatic ? "A" : "*",
		 ui->attrs[tp->automatic ? ROLE_OTHER : ROLE_HEADER] | A_BOLD);
	draw_status(ui, p, g, y, t);
	draw_str(ui, p->win, y, MARK_W + g->sw, g->lw, tp->label ? tp->label : tp->id, a);
	for (size_t j = 0; j < g->ncols && ui->cmp_left + j < ui->c->nsources; j++) {
		size_t s = ui->cmp_order[ui->cmp_left + j];
		draw_cell(ui, p, g, y, g->cx + (int)j * g->cw, t, s,
			  cur && s == ui->cmp_col && !ui->cmp_in_claims);
	}
}

static int note_para(struct ui *ui, struct pane *p, int y0, int h, int line,
		     const char *s, attr_t a)
{
	size_t l = (size_t)line;
	draw_para(ui, p->win, y0, h, p->w, ui->cmp_ftop, &l, s, strlen(s), a);
	return (int)l;
}

/* Under the matrix, wrapped in full: the current cell's claim, the
 * topic's label, its status against the index's, and the index's note.
 * Ctrl-e and Ctrl-y scroll it when it is longer than its lines. */
static void draw_foot(struct ui *ui, struct pane *p, const struct geo *g, int y)
{
	struct strbuf sb = STRBUF_INIT;
	long claim = compare_cursor_claim(ui);
	int line = 0;

	if (!ui->ncmp_rows || ui->cmp_col >= ui->c->nsources) {
		draw_str(ui, p->win, y, 0, p->w, ui->cmp_conflicts ?
			 "no topic in conflict: C shows every topic" : "no topics", ui->attrs[ROLE_NORMAL]);
		return;
	}
	size_t t = ui->cmp_rows[p->cur];
	long key = (long)(t * (ui->c->nsources + 1) + ui->cmp_col);
	if (key != ui->cmp_fkey) {
		ui->cmp_fkey = key;
		ui->cmp_ftop = 0;
	}
	const struct source *s = &ui->c->sources[ui->cmp_col];
	sb_addf(&sb, "%s (%s, ", s->id, s->outlet ? s->outlet : "no outlet");
	ui_date(ui, s, &sb);
	sb_addstr(&sb, "): ");
	if (claim < 0) {
		sb_addstr(&sb, "nothing on this topic");
		line = note_para(ui, p, y, g->foot, line, sb.buf, ui->attrs[ROLE_BOILER]);
	} else {
		const struct claim *cl = &ui->c->claims[claim];
		struct matrix_cell cell;
		sb_addstr(&sb, cl->id);
		if (cl->speaker)
			sb_addf(&sb, ", %s", cl->speaker);
		sb_addstr(&sb, ": ");
		size_t at = sb.len;
		matrix_written(ui->c, (size_t)claim, &sb);
		if (sb.len == at)
			sb_addstr(&sb, "-");
		matrix_cell(ui->cmp, t, ui->cmp_col, &cell);
		if (cell.nclaims > 1)
			sb_addf(&sb, " (+%zu more: v lists them)", cell.nclaims - 1);
		if (g->foot < 2) {
			sb_addstr(&sb, " - ");
			sb_addstr(&sb, cl->text);
		}
		line = note_para(ui, p, y, g->foot, line, sb.buf, ui->attrs[ROLE_HEADER]);
		if (g->foot >= 2)
			line = note_para(ui, p, y, g->foot, line, cl->text, ui->attrs[ROLE_NORMAL]);
	}
	if (g->foot < 3)
		goto out;
	const struct cmp_topic *tp = &ui->cmp->topics[t];
	bool unmatched;
	enum verdict st = matrix_status(ui->cmp, t, &unmatched);
	sb_reset(&sb);
	sb_addf(&sb, "%s %s: %s", tp->automatic ? "A" : "*", tp->id,
		tp->label ? tp->label : tp->id);
	sb_addf(&sb, " - cells: %s", status_short(st, unmatched));
	if (disagrees(ui, t))
		sb_addf(&sb, "; the index says %s", tp->curated_status);
	line = note_para(ui, p, y, g->foot, line, sb.buf, ui->attrs[ROLE_HEADER]);
	long ct = tp->automatic ? -1 : corpus_find_topic(ui->c, tp->id);
	if (ct >= 0 && ui->c->topics[ct].note)
		line = note_para(ui, p, y, g->foot, line, ui->c->topics[ct].note,
				 ui->attrs[ROLE_BOILER]);
	if (ui->cmp_ftop && (size_t)line <= ui->cmp_ftop)
		ui->cmp_ftop = (size_t)line - 1;
out:
	sb_release(&sb);
}

static void cmp_draw(struct ui *ui, struct pane *p)
{
	struct geo g;

	if (!compare_ready(ui)) {
		struct strbuf sb = STRBUF_INIT;
		progress_text(ui, &sb);
		sb_addstr(&sb, ". The reader answers keys meanwhile; leaving the view stops it.");
		draw_para(ui, p->win, 0, p->h, p->w, 0, &(size_t){ 0 }, sb.buf, sb.len,
			  ui->attrs[ROLE_NORMAL]);
		sb_release(&sb);
		return;
	}
	if (ui->cmp_in_claims) {
		drill_draw(ui, p);
		return;
	}
	geometry(ui, p, &g);
	scroll_into_view(ui, p, &g);
	if (g.legend)
		draw_legend(ui, p, &g);
	draw_head(ui, p, &g, g.legend);
	for (int r = 0; r < g.rows && p->top + (size_t)r < ui->ncmp_rows; r++)
		draw_row(ui, p, &g, g.legend + g.head + r, p->top + (size_t)r);
	if (g.foot)
		draw_foot(ui, p, &g, p->h - g.foot);
}

static size_t cmp_count(struct ui *ui, struct pane *p)
{
	(void)p;
	if (!compare_ready(ui))
		return 0;
	return ui->cmp_in_claims ? 0 : ui->ncmp_rows;
}

long compare_cursor_claim(struct ui *ui)
{
	struct pane *p = &ui->panes[PANE_COMPARE];
	long first = -1;

	if (!ui->cmp || p->cur >= ui->ncmp_rows)
		return -1;
	size_t t = ui->cmp_rows[p->cur];
	if (ui->cmp_in_claims) {
		const struct cmp_topic *tp = &ui->cmp->topics[t];
		return ui->cmp_cur < tp->nclaims ? (long)tp->claims[ui->cmp_cur] : -1;
	}
	if (ui->cmp_col < ui->c->nsources) {
		struct matrix_cell cell;
		matrix_cell(ui->cmp, t, ui->cmp_col, &cell);
		first = cell.first;
	}
	return first;
}

/* A click at (y, x) of the body: the cell under it becomes the cursor. */
void compare_click(struct ui *ui, int y, int x)
{
	struct pane *p = &ui->panes[PANE_COMPARE];
	struct geo g;

	if (!compare_ready(ui) || ui->cmp_in_claims || !p->win)
		return;
	geometry(ui, p, &g);
	scroll_into_view(ui, p, &g);
	y -= g.legend + g.head;
	if (y < 0 || y >= g.rows || p->top + (size_t)y >= ui->ncmp_rows)
		return;
	p->cur = p->top + (size_t)y;
	if (x >= g.cx && (size_t)((x - g.cx) / g.cw) < g.ncols)
		ui->cmp_col = ui->cmp_order[ui->cmp_left + (size_t)((x - g.cx) / g.cw)];
	p->dirty = true;
}

static void cmp_enter(struct ui *ui, struct pane *p)
{
	(void)p;
	long claim = compare_cursor_claim(ui);

	if (claim < 0) {
		if (ui->cmp_col < ui->c->nsources && ui->ncmp_rows)
			ui_message(ui, true, "%s says nothing on this topic",
				   ui->c->sources[ui->cmp_col].id);
		return;
	}
	ui_jump_push(ui);
	ui_goto_claim(ui, (size_t)claim);
	ui_focus(ui, PANE_TEXT);
	ui_message(ui, false, "claim %s (Ctrl-o goes back)", ui->c->claims[claim].id);
}

static bool cmp_key(struct ui *ui, struct pane *p, enum action act, int key)
{
	if (!compare_ready(ui))
		return false;   /* nothing to move in yet */
	if (act == ACT_CONFLICTS) {
		size_t topic = p->cur < ui->ncmp_rows ? ui->cmp_rows[p->cur] : 0;
		ui->cmp_conflicts = !ui->cmp_conflicts;
		ui->cmp_in_claims = false;
		rows_rebuild(ui);
		p->cur = p->top = 0;
		for (size_t r = 0; r < ui->ncmp_rows; r++)
			if (ui->cmp_rows[r] == topic)
				p->cur = r;
		ui_message(ui, false, ui->cmp_conflicts ? "%zu topics in conflict" : "all %zu topics",
			   ui->ncmp_rows);
	} else if (act == ACT_TOPIC_CLAIMS) {
		if (!ui->ncmp_rows)
			return true;
		ui->cmp_in_claims = !ui->cmp_in_claims;
		ui->cmp_cur = 0;
		ui->cmp_dtop = 0;
		if (ui->cmp_in_claims) {
			const struct cmp_topic *t = &ui->cmp->topics[ui->cmp_rows[p->cur]];
			for (size_t k = t->nclaims; k-- > 0;)
				if (ui->c->claims[t->claims[k]].source == ui->cmp_col)
					ui->cmp_cur = k;
		}
	} else if (ui->cmp_in_claims) {
		return drill_key(ui, p, act, key);
	} else if (act == ACT_COL_LEFT || act == ACT_COL_RIGHT) {
		size_t at = col_place(ui, ui->cmp_col);
		if (act == ACT_COL_LEFT && at > 0)
			ui->cmp_col = ui->cmp_order[at - 1];
		else if (act == ACT_COL_RIGHT && at + 1 < ui->c->nsources)
			ui->cmp_col = ui->cmp_order[at + 1];
	} else if (act == ACT_SORT) {
		ui->cmp_sort = (ui->cmp_sort + 1) % MATRIX_ORDER_COUNT;
		columns_rebuild(ui);
		ui_message(ui, false, "columns by %s", matrix_order_name((enum matrix_order)ui->cmp_sort));
	} else if (act == ACT_FILTER || act == ACT_SEARCH) {
		prompt_start(ui, PROMPT_FILTER);
		return true;
	} else if (act == ACT_LINE_DOWN) {
		ui->cmp_ftop++;
	} else if (act == ACT_LINE_UP) {
		if (ui->cmp_ftop)
			ui->cmp_ftop--;
	} else {
		return false;
	}
	p->dirty = true;
	return true;
}

static void cmp_title(struct ui *ui, struct pane *p, struct strbuf *sb)
{
	if (!compare_ready(ui)) {
		sb_addf(sb, ": comparing %zu claims", ui->c->nclaims);
		return;
	}
	size_t nauto = 0;
	for (size_t t = 0; t < ui->cmp->ntopics; t++)
		nauto += ui->cmp->topics[t].automatic;
	if (ui->cmp_conflicts)
		sb_addf(sb, ": %zu in conflict of %zu topics", ui->ncmp_rows, ui->cmp->ntopics);
	else
		sb_addf(sb, ": %zu topics (%zu curated, %zu auto)", ui->cmp->ntopics,
			ui->cmp->ntopics - nauto, nauto);
	if (ui->topic_filter.len)
		sb_addf(sb, " filter: %s", ui->topic_filter.buf);
	if (p->cur < ui->ncmp_rows)
		sb_addf(sb, ", %s", ui->cmp->topics[ui->cmp_rows[p->cur]].id);
	sb_addstr(sb, ui->cmp_in_claims ? "  (Enter: jump to the claim, v: matrix)"
		  : "  (Enter: jump, v: side by side, C: conflicts)");
}

void compare_open_topic(struct ui *ui, size_t topic, long claim)
{
	struct pane *p = &ui->panes[PANE_COMPARE];
	size_t r;

	for (r = 0; r < ui->ncmp_rows && ui->cmp_rows[r] != topic; r++)
		;
	if (r == ui->ncmp_rows && ui->cmp_conflicts) {
		ui->cmp_conflicts = false;
		rows_rebuild(ui);
		for (r = 0; r < ui->ncmp_rows && ui->cmp_rows[r] != topic; r++)
			;
	}
	p->cur = r < ui->ncmp_rows ? r : 0;
	p->top = p->cur > 2 ? p->cur - 2 : 0;
	ui->cmp_in_claims = false;
	ui->cmp_cur = 0;
	ui->cmp_dtop = 0;
	if (claim >= 0)
		ui->cmp_col = ui->c->claims[claim].source;
	p->dirty = true;
	ui_focus(ui, PANE_COMPARE);
}

bool compare_open_id(struct ui *ui, const char *id)
{
	if (!compare_ready(ui)) {
		free(ui->cmp_job->topic);
		ui->cmp_job->topic = xstrdup(id);
		ui->cmp_job->pend = PEND_TOPIC;
		ui_focus(ui, PANE_COMPARE);
		return true;   /* shown, or said missing, when built */
	}
	long t = compare_find_topic(ui->cmp, id);
	if (t < 0)
		return false;
	compare_open_topic(ui, (size_t)t, -1);
	return true;
}

void compare_open_claim(struct ui *ui, long claim)
{
	static long last_claim = -1;
	static size_t next;

	if (claim < 0) {
		ui_message(ui, true, "no claim selected: pick one in Claims (3)");
		return;
	}
	if (!compare_ready(ui)) {
		ui->cmp_job->claim = claim;
		ui->cmp_job->pend = PEND_CLAIM;
		ui_focus(ui, PANE_COMPARE);
		return;
	}
	long t = compare_topic_of(ui->cmp, (size_t)claim);
	if (t < 0) {
		ui_message(ui, true, "claim %s is in no topic", ui->c->claims[claim].id);
		return;
	}
	/* a claim in several of the index's topics: c again shows the next */
	const struct claim *cl = &ui->c->claims[claim];
	size_t n = cl->ntopics;
	if (n > 1) {
		next = claim == last_claim ? (next + 1) % n : 0;
		long k = compare_find_topic(ui->cmp, ui->c->topics[cl->topics[next]].id);
		if (k >= 0)
			t = k;
	}
	last_claim = claim;
	compare_open_topic(ui, (size_t)t, claim);
	if (n > 1)
		ui_message(ui, false, "claim %s in topic %zu of %zu, %s (c again: the next)",
			   cl->id, next + 1, n, ui->cmp->topics[t].id);
	else
		ui_message(ui, false, "claim %s in topic %s", cl->id, ui->cmp->topics[t].id);
}

const struct pane_ops compare_ops = {
	.name = "Compare",
	.count = cmp_count,
	.draw = cmp_draw,
	.key = cmp_key,
	.enter = cmp_enter,
	.title = cmp_title,
};
