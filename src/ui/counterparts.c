/*
 * counterparts: the overlay that lists, for one claim, the claims of other
 * sources that may speak of the same fact, best first, as `lectern
 * related` ranks them (compare/related.h): the verdict's mark and word
 * (no verdict, '?', when nothing was compared or the two are not on the
 * same ground; never an agreement), the source and its outlet, the
 * counterpart's text on one line, and why it was found.  R (or
 * :counterparts) opens it on the selected claim; j/k and the arrows move;
 * Enter jumps to the counterpart in its text, a jump that Ctrl-o undoes;
 * q, Esc or R close it.
 *
 * Cost: the related index (a comparison model of the curated topics and
 * an index of every claim's words and figures, as the command builds
 * them) grows with the corpus.  It is built once, on first use, by a
 * worker thread (worker.h) while the loop goes on answering keys, the
 * status line saying how far it got; compare_build() and related_build()
 * are single calls of the core, so a thread runs them whole where slices
 * cannot.
 * Once built, a list costs RELATED_UI_K + 1 lookups in the index, which
 * its blocking bounds.
 *
 * Threads: the worker reads the corpus (never its texts, which the loop
 * may load meanwhile) and writes only its own model and index; the loop
 * reads them after joining it.  One build at a time: the Compare view's
 * build waits for this one in its own thread (worker.h).  A build still running when
 * the reader quits cannot be stopped; counterparts_free() says so and the
 * reader exits without waiting for it.
 */
#include "ui/tui.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "compare/compare.h"
#include "compare/related.h"
#include "ui/worker.h"

#define RELATED_UI_K 10        /* counterparts listed (tests/counterparts knows it) */
#define FIRST_WAIT_MS 40       /* a small corpus is indexed before the first frame */

enum cpt_state { CPT_IDLE, CPT_BUILDING, CPT_READY };

struct counterparts {
	enum cpt_state state;      /* the loop's view */
	struct worker w;
	atomic_int stage;          /* set by the worker: 1 model, 2 words, 3 done */
	struct corpus *c;
	struct cmp_model m;        /* as `lectern related` builds it (CMP_NO_AUTO) */
	struct rel_index r;
	long long t0, ms;          /* when the build started, how long it took */

	bool open;
	long claim;                /* whose counterparts the overlay lists */
	struct rel_hit hits[RELATED_UI_K];
	size_t n, cur, top;
	WINDOW *win;               /* freed by delscreen() at the end */
	int wh, ww;
};

static void build(void *arg)
{
	struct counterparts *k = arg;

	compare_build(&k->m, k->c, CMP_NO_AUTO, NULL);
	atomic_store(&k->stage, 2);
	related_build(&k->r, &k->m);
	atomic_store(&k->stage, 3);
}

static void fill(struct counterparts *k)
{
	k->n = related_of(&k->r, (size_t)k->claim, RELATED_UI_K, k->hits);
	related_gate(&k->r, (size_t)k->claim, k->hits, k->n);
	k->cur = k->top = 0;
}

static void built(struct ui *ui, struct counterparts *k)
{
	k->state = CPT_READY;
	k->ms = util_now_ms() - k->t0;
	ui_message(ui, false, "counterparts: %zu claims indexed in %.1f s", ui->c->nclaims,
		   (double)k->ms / 1000);
	if (k->open)
		fill(k);
}

/* Starts the worker; a small corpus is indexed before the first frame. */
static void start(struct ui *ui, struct counterparts *k)
{
	k->c = ui->c;
	k->t0 = util_now_ms();
	atomic_store(&k->stage, 1);
	k->state = CPT_BUILDING;
	if (worker_start(&k->w, build, k, FIRST_WAIT_MS))
		built(ui, k);
}

bool counterparts_busy(const struct ui *ui)
{
	return ui->cpt && ui->cpt->state == CPT_BUILDING;
}

bool counterparts_shown(const struct ui *ui)
{
	return ui->cpt && ui->cpt->open;
}

static const char *const stage_names[] = { "", "values and topics", "words and figures" };

void counterparts_step(struct ui *ui)
{
	struct counterparts *k = ui->cpt;

	if (!counterparts_busy(ui))
		return;
	int stage = atomic_load(&k->stage);
	if (worker_done(&k->w)) {
		built(ui, k);
	} else if (!ui->msg.len || !strncmp(ui->msg.buf, "finding counterparts", 20)) {
		ui_message(ui, false, "finding counterparts: building the index of %zu claims, "
			   "step %d of 2 (%s), %.1f s", ui->c->nclaims, stage, stage_names[stage],
			   (double)(util_now_ms() - k->t0) / 1000);
	}
}

void counterparts_show(struct ui *ui)
{
	long claim = ui->focus == PANE_COMPARE ? compare_cursor_claim(ui) : ui->sel_claim;

	if (claim < 0 || (size_t)claim >= ui->c->nclaims) {
		ui_message(ui, true, "no claim selected: ] selects the next claim in the text");
		return;
	}
	if (!ui->cpt)
		ui->cpt = xcalloc(1, sizeof *ui->cpt);
	struct counterparts *k = ui->cpt;
	k->open = true;
	k->claim = claim;
	k->n = k->cur = k->top = 0;
	if (k->state == CPT_IDLE)
		start(ui, k);
	else if (k->state == CPT_READY)
		fill(k);
}

static void close_overlay(struct ui *ui)
{
	ui->cpt->open = false;
	layout_apply(ui);   /* redraws what the overlay covered */
}

static void jump(struct ui *ui, struct counterparts *k)
{
	size_t to = k->hits[k->cur].claim, at = k->cur + 1;
	const char *from = ui->c->claims[k->claim].id;

	close_overlay(ui);
	ui_jump_push(ui);
	ui_goto_claim(ui, to);
	ui_focus(ui, PANE_TEXT);
	ui_message(ui, false, "claim %s, counterpart %zu of %zu of %s (Ctrl-o returns)",
		   ui->c->claims[to].id, at, k->n, from);
}

/* Entries on screen: two lines each (one when the body is short). */
static int entry_h(const struct counterparts *k)
{
	return k->wh - 3 >= 4 ? 2 : 1;
}

static size_t entries_shown(const struct counterparts *k)
{
	int body = k->wh - 3;
	return body >= entry_h(k) ? (size_t)(body / entry_h(k)) : 1;
}

bool counterparts_key(struct ui *ui, enum action act, int key)
{
	struct counterparts *k = ui->cpt;
	size_t page = entries_shown(k);

	switch (act) {
	case ACT_DOWN: case ACT_LINE_DOWN: if (k->cur + 1 < k->n) k->cur++; break;
	case ACT_UP: case ACT_LINE_UP: if (k->cur) k->cur--; break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN:
		k->cur = k->cur + page < k->n ? k->cur + page : k->n ? k->n - 1 : 0;
		break;
	case ACT_PAGE_UP: case ACT_HALF_UP: k->cur = k->cur > page ? k->cur - page : 0; break;
	case ACT_TOP: k->cur = 0; break;
	case ACT_BOTTOM: k->cur = k->n ? k->n - 1 : 0; break;
	case ACT_ENTER:
		if (k->state == CPT_READY && k->n)
			jump(ui, k);
		else
			close_overlay(ui);
		break;
	case ACT_LINK_TOPIC:   /* the counterpart, selected, into a topic */
		if (k->state == CPT_READY && k->n) {
			jump(ui, k);
			edit_link_form(ui);
		}
		break;
	case ACT_CLOSE: case ACT_COUNTERPARTS: close_overlay(ui); break;
	case ACT_QUIT: ui->quit = true; break;
	case ACT_REDRAW: return false;
	default:
		if (key == KEY_L_ESC)
			close_overlay(ui);
		break;   /* the overlay is modal */
	}
	return true;
}

/* The mark, word and role of a hit's verdict. */
static const char *verdict_word(const struct rel_hit *h, char *mark, enum theme_role *role)
{
	const char *v = related_verdict(h);

	if (!v) {
		*mark = '?';
		*role = ROLE_NO_VERDICT;
		return "no verdict";
	}
	*mark = verdict_mark(h->v.v);
	topic_status_word(v, role);
	return v;
}

/* "odr (openDemocracy)" */
static void source_name(const struct corpus *c, size_t claim, struct strbuf *sb)
{
	const struct source *s = &c->sources[c->claims[claim].source];

	sb_addstr(sb, s->id);
	if (s->outlet)
		sb_addf(sb, " (%s)", s->outlet);
}

/* Draws s on one line from x, at most maxw columns, ending with an
 * ellipsis when it is cut. */
static void draw_cut(struct ui *ui, WINDOW *w, int y, int x, int maxw, const char *s, attr_t a)
{
	size_t n = strlen(s);

	if (maxw <= 0)
		return;
	if ((int)text_width(s, n, ui->ascii) <= maxw) {
		draw_text(ui, w, y, x, maxw, s, n, a);
		return;
	}
	int used = draw_text(ui, w, y, x, maxw - 1, s, n, a);
	draw_str(ui, w, y, x + used, 1, ui->ascii ? ">" : "\xe2\x80\xa6", a);
}

static void draw_entry(struct ui *ui, struct counterparts *k, size_t i, int y, int wordw,
		       int srcw, struct strbuf *sb)
{
	const struct rel_hit *h = &k->hits[i];
	bool cur = i == k->cur;
	int eh = entry_h(k), w = k->ww;
	char mark[2] = { 0, 0 };
	enum theme_role role;
	const char *word = verdict_word(h, &mark[0], &role);
	attr_t a = ui->attrs[cur ? ROLE_CURSOR : ROLE_NORMAL];
	attr_t va = cur ? a : ui->attrs[role];

	for (int l = 0; l < eh && cur; l++)
		draw_fill(k->win, y + l, 0, w, a);
	draw_str(ui, k->win, y, 1, 1, mark, va);
	draw_str(ui, k->win, y, 3, wordw, word, va);
	int x = 3 + wordw + 2;
	sb_reset(sb);
	source_name(ui->c, h->claim, sb);
	draw_cut(ui, k->win, y, x, srcw < w - x ? srcw : w - x, sb->buf, cur ? a : ui->attrs[ROLE_HEADER]);
	x += srcw + 2;
	draw_cut(ui, k->win, y, x, w - x - 1, ui->c->claims[h->claim].text, a);
	if (eh < 2)
		return;
	sb_reset(sb);
	sb_addstr(sb, "why: ");
	related_why(&k->r, (size_t)k->claim, h, sb);
	draw_cut(ui, k->win, y + 1, 3 + wordw + 2, w - (3 + wordw + 2) - 1, sb->buf,
		 cur ? a : ui->attrs[ROLE_BOILER]);
}

static void draw_list(struct ui *ui, struct counterparts *k, struct strbuf *sb)
{
	int wordw = 0, srcw = 0, eh = entry_h(k);
	size_t rows = entries_shown(k);

	for (size_t i = 0; i < k->n; i++) {
		char mark;
		enum theme_role role;
		const char *word = verdict_word(&k->hits[i], &mark, &role);
		int ww = (int)strlen(word);
		sb_reset(sb);
		source_name(ui->c, k->hits[i].claim, sb);
		int sw = (int)text_width(sb->buf, sb->len, ui->ascii);
		wordw = ww > wordw ? ww : wordw;
		srcw = sw > srcw ? sw : srcw;
	}
	if (srcw > k->ww / 4)
		srcw = k->ww / 4;
	if (k->cur < k->top)
		k->top = k->cur;
	if (k->cur >= k->top + rows)
		k->top = k->cur - rows + 1;
	for (size_t r = 0; r < rows && k->top + r < k->n; r++)
		draw_entry(ui, k, k->top + r, 2 + (int)r * eh, wordw, srcw, sb);
}

void counterparts_draw(struct ui *ui)
{
	struct counterparts *k = ui->cpt;
	struct strbuf sb = STRBUF_INIT;
	int h = ui->rows - 1, w = ui->cols;
	attr_t n = ui->attrs[ROLE_NORMAL];

	if (ui->layout == LAYOUT_TINY || h < 3)
		return;
	if (!k->win || k->wh != h || k->ww != w) {
		if (k->win)
			delwin(k->win);
		k->win = newwin(h, w, 0, 0);
		k->wh = h;
		k->ww = w;
	}
	const struct claim *cl = &ui->c->claims[k->claim];
	werase(k->win);
	sb_addf(&sb, "> Counterparts of %s in ", cl->id);
	source_name(ui->c, (size_t)k->claim, &sb);
	if (k->state == CPT_READY)
		sb_addf(&sb, ": %zu, best first", k->n);
	draw_fill(k->win, 0, 0, w, ui->attrs[ROLE_TITLE_FOCUS]);
	draw_cut(ui, k->win, 0, 0, w, sb.buf, ui->attrs[ROLE_TITLE_FOCUS]);
	draw_cut(ui, k->win, 1, 1, w - 2, cl->text, ui->attrs[ROLE_HEADER]);
	sb_reset(&sb);
	if (k->state != CPT_READY) {
		int stage = atomic_load(&k->stage);
		sb_addf(&sb, "building the index of %zu claims, step %d of 2 (%s): "
			"the reader answers keys meanwhile", ui->c->nclaims, stage < 3 ? stage : 2,
			stage_names[stage < 3 ? stage : 2]);
		draw_para(ui, k->win, 2, h - 3, w - 2, 0, &(size_t){ 0 }, sb.buf, sb.len, n);
		sb_reset(&sb);
		sb_addstr(&sb, "q: close (the index goes on building)");
	} else if (!k->n) {
		sb_addf(&sb, "no counterparts: no claim of another source shares a word or a "
			"figure with %s", cl->id);
		draw_para(ui, k->win, 2, h - 3, w - 2, 0, &(size_t){ 0 }, sb.buf, sb.len, n);
		sb_reset(&sb);
		sb_addstr(&sb, "q: close");
	} else {
		draw_list(ui, k, &sb);
		sb_reset(&sb);
		sb_addf(&sb, "%zu of %zu  j/k: move  Enter: jump to the claim (Ctrl-o returns)  q: close",
			k->cur + 1, k->n);
	}
	draw_fill(k->win, h - 1, 0, w, ui->attrs[ROLE_TITLE]);
	draw_cut(ui, k->win, h - 1, 1, w - 1, sb.buf, ui->attrs[ROLE_TITLE]);
	touchwin(k->win);
	wnoutrefresh(k->win);
	sb_release(&sb);
}

void counterparts_settle(struct ui *ui)
{
	if (ui->cpt && ui->cpt->state == CPT_BUILDING)
		worker_join(&ui->cpt->w);
}

bool counterparts_free(struct ui *ui)
{
	struct counterparts *k = ui->cpt;

	if (!k)
		return true;
	ui->cpt = NULL;
	if (k->state == CPT_BUILDING) {
		if (!worker_done(&k->w))
			return false;   /* the worker still holds k and the corpus */
		k->state = CPT_READY;
	}
	if (k->state == CPT_READY) {
		related_release(&k->r);
		compare_release(&k->m);
	}
	free(k);
	return true;
}
