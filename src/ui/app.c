/*
 * app: the reader's main loop and the actions that tie the panes together
 * (open a source, select a claim, jumps, marks, searches).  One doupdate()
 * per input; the screen is cleared only by Ctrl-L.  Terminal setup and
 * restore live here too: newterm() (never initscr(), so that an unknown
 * TERM leaves the terminal alone), the die() hook, SIGHUP/SIGTERM/SIGINT.
 */
#include "ui/tui.h"
#include "ui/ui.h"

#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/util.h"
#include "compare/matrix.h"

#ifndef LECTERN_DATADIR
#define LECTERN_DATADIR "/usr/local/share/lectern"
#endif

volatile sig_atomic_t app_signal, app_suspend;

void ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;

	sb_reset(&ui->msg);
	va_start(ap, fmt);
	sb_vaddf(&ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
	/* the log keeps the last MSG_LOG messages for :messages */
	free(ui->msg_log[ui->nmsg_log % MSG_LOG]);
	ui->msg_log[ui->nmsg_log++ % MSG_LOG] = xstrdup(ui->msg.buf);
}

bool ui_holds(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (!hay)
		return false;
	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return true;
	return false;
}

struct strbuf *ui_filter_of(struct ui *ui, enum pane_id id)
{
	return id == PANE_CLAIMS ? &ui->claim_filter : id == PANE_COMPARE ? &ui->topic_filter
		: &ui->filter;
}

void ui_filter_apply(struct ui *ui, enum pane_id id)
{
	if (id == PANE_CLAIMS)
		claims_rebuild(ui);
	else if (id == PANE_COMPARE)
		compare_filter(ui);
	else
		sources_rebuild(ui);
}

void ui_dirty_all(struct ui *ui)
{
	for (int i = 0; i < PANE_COUNT; i++)
		ui->panes[i].dirty = true;
}

void ui_focus(struct ui *ui, enum pane_id id)
{
	enum view v = id == PANE_COMPARE ? VIEW_COMPARE :
		id == PANE_RESULTS ? VIEW_RESULTS : VIEW_MAIN;

	if (id == PANE_RESULTS && !ui->nhits) {
		if (ui->hits_query.len)
			ui_message(ui, true, "0 hits for \"%s\": F searches the whole corpus",
				   ui->hits_query.buf);
		else
			ui_message(ui, true, "no search results yet: F searches the whole corpus");
		return;
	}
	bool relayout = v != ui->view || (ui->layout == LAYOUT_SINGLE && id != ui->focus);
	if (ui->focus == PANE_COMPARE && id != PANE_COMPARE)
		compare_leave(ui);   /* a build no longer looked at stops */
	if (v == VIEW_MAIN)
		ui->main_focus = id;
	ui->view = v;
	ui->focus = id;
	if (relayout)
		layout_apply(ui);
}

void ui_run_search(struct ui *ui, bool keep_hit)
{
	free(ui->matches);
	ui->matches = NULL;
	ui->nmatches = 0;
	if (ui->search.ready && ui->text)
		ui->nmatches = search_all(&ui->search, ui->text, ui->text_len, &ui->matches);
	if (!keep_hit || ui->hit >= (long)ui->nmatches)
		ui->hit = -1;
	ui->panes[PANE_TEXT].dirty = true;
}

void ui_open_source(struct ui *ui, size_t src)
{
	struct strbuf err = STRBUF_INIT;
	struct pane *t = &ui->panes[PANE_TEXT];

	if ((long)src == ui->src)
		return;
	ui->src = (long)src;
	ui->visual = false;   /* a selection is of one text */
	ui->text = corpus_text(ui->c, src, &ui->text_len, &err);
	if (!ui->text) {
		ui_message(ui, true, "%s: %s", ui->c->sources[src].file, err.buf);
		ui->text = "";
		ui->text_len = 0;
	}
	sb_release(&err);
	if (ui->read)
		ui->read[src] = true;
	ui->wrap.width = 0;
	ui->wrap_top = 0;
	t->top = 0;
	textview_wrap(ui);
	t->top = 0;
	t->dirty = true;
	ui_run_search(ui, false);
	claims_rebuild(ui);
	ui->panes[PANE_SOURCES].dirty = true;
}

void ui_select_claim(struct ui *ui, long claim, bool scroll)
{
	if (claim < 0)
		return;
	const struct claim *cl = &ui->c->claims[claim];
	ui->sel_claim = claim;   /* first: opening the source keeps it selected */
	if ((long)cl->source != ui->src)
		ui_open_source(ui, cl->source);
	ui->sel_claim = claim;
	ui->panes[PANE_TEXT].dirty = true;
	ui->panes[PANE_CLAIMS].dirty = true;
	if (scroll)
		textview_show(ui, cl->span.start, false);
}

void ui_goto_claim(struct ui *ui, size_t claim)
{
	struct pane *p = &ui->panes[PANE_CLAIMS];

	ui_select_claim(ui, (long)claim, false);
	if (!ui->all_claims || ui->sel_claim != (long)claim)
		claims_rebuild(ui);
	for (size_t r = 0; r < ui->nclaim_rows; r++)
		if (ui->claim_rows[r] == claim)
			p->cur = r;
	if (p->cur < p->top || (p->h > 0 && p->cur >= p->top + pane_rows(p)))
		p->top = p->cur;
	ui->sel_claim = (long)claim;
	textview_show(ui, ui->c->claims[claim].span.start, true);
}

struct place ui_here(struct ui *ui)
{
	struct place pl = { .source = ui->src, .focus = ui->focus, .claim = ui->sel_claim,
			    .topic = -1 };
	struct pane *cp = &ui->panes[PANE_COMPARE];

	pl.off = textview_top_off(ui);
	if (ui->cmp && cp->cur < ui->ncmp_rows) {
		pl.topic = (long)ui->cmp_rows[cp->cur];
		pl.top = cp->top;
		pl.col = ui->cmp_col;
		pl.drill = ui->cmp_in_claims;
		pl.dcur = ui->cmp_cur;
	}
	return pl;
}

static bool place_same(const struct place *a, const struct place *b)
{
	return a->source == b->source && a->off == b->off && a->focus == b->focus &&
		a->claim == b->claim && a->topic == b->topic && a->col == b->col &&
		a->drill == b->drill && a->dcur == b->dcur;
}

void ui_goto_place(struct ui *ui, struct place pl)
{
	if (pl.source < 0 || (size_t)pl.source >= ui->c->nsources)
		return;
	if (pl.claim >= 0 && (size_t)pl.claim < ui->c->nclaims &&
	    ui->c->claims[pl.claim].source == (size_t)pl.source && pl.claim != ui->sel_claim) {
		/* before the source opens: its Claims list keeps the claim */
		ui->sel_claim = pl.claim;
		if (pl.source == ui->src)
			claims_rebuild(ui);
	}
	ui_open_source(ui, (size_t)pl.source);
	textview_wrap(ui);
	textview_goto(ui, pl.off <= ui->text_len ? pl.off : ui->text_len);
	if (pl.topic >= 0 && pl.focus == PANE_COMPARE)
		compare_restore(ui, &pl);   /* a place kept from an earlier run */
	if (pl.focus != ui->focus && pl.focus < PANE_COUNT &&
	    (pl.focus != PANE_RESULTS || ui->nhits))
		ui_focus(ui, pl.focus);
}

void ui_jump_push(struct ui *ui)
{
	struct place here = ui_here(ui);

	if (here.source < 0)
		return;
	ui->njumps = ui->jpos;
	if (ui->njumps && place_same(&ui->jumps[ui->njumps - 1], &here))
		return;
	if (ui->njumps == ui->jalloc) {
		ui->jalloc = ui->jalloc ? ui->jalloc * 2 : 32;
		ui->jumps = xrealloc(ui->jumps, ui->jalloc * sizeof *ui->jumps);
	}
	ui->jumps[ui->njumps++] = here;
	ui->jpos = ui->njumps;
}

static void jump(struct ui *ui, int dir)
{
	if (dir < 0) {
		if (!ui->jpos) {
			ui_message(ui, true, "at the start of the jump history");
			return;
		}
		if (ui->jpos == ui->njumps) {
			ui_jump_push(ui);
			ui->jpos = ui->njumps - 1;
		}
		if (!ui->jpos) {
			ui_message(ui, true, "at the start of the jump history");
			return;
		}
		ui->jpos--;
	} else {
		if (ui->jpos + 1 >= ui->njumps) {
			ui_message(ui, true, "at the end of the jump history");
			return;
		}
		ui->jpos++;
	}
	ui_goto_place(ui, ui->jumps[ui->jpos]);
	ui_message(ui, false, "jump %zu of %zu", ui->jpos + 1, ui->njumps);
}

static void mark_key(struct ui *ui, enum action act, int key)
{
	if (!((key >= 'a' && key <= 'z') || (key >= 'A' && key <= 'Z'))) {
		ui_message(ui, true, "marks are letters a-z");
		return;
	}
	struct place *m = &ui->marks[(key | 0x20) - 'a'];
	if (act == ACT_MARK) {
		*m = ui_here(ui);
		ui_message(ui, false, "mark %c set", key | 0x20);
		return;
	}
	if (m->source < 0) {
		ui_message(ui, true, "mark %c is not set", key | 0x20);
		return;
	}
	ui_jump_push(ui);
	ui_goto_place(ui, *m);
	ui_message(ui, false, "mark %c", key | 0x20);
	if (ui->focus != PANE_TEXT)
		ui_focus(ui, PANE_TEXT);
}

void ui_hit_step(struct ui *ui, int dir)
{
	if (!ui->search.ready) {
		ui_message(ui, true, "no search yet: / searches the text");
		return;
	}
	if (!ui->nmatches) {
		ui_message(ui, true, "0 hits: %s", ui->query.buf);
		return;
	}
	size_t n = ui->nmatches, ref = ui_here(ui).off;
	long h = -1;
	bool wrapped = false;
	if (dir > 0) {
		for (size_t i = 0; i < n && h < 0; i++)
			if (ui->hit >= 0 ? i > (size_t)ui->hit : ui->matches[i].start >= ref)
				h = (long)i;
		if (h < 0)
			h = 0, wrapped = true;
	} else {
		for (size_t i = n; i-- > 0 && h < 0;)
			if (ui->hit >= 0 ? i < (size_t)ui->hit : ui->matches[i].start < ref)
				h = (long)i;
		if (h < 0)
			h = (long)n - 1, wrapped = true;
	}
	ui_jump_push(ui);
	ui->hit = h;
	textview_show(ui, ui->matches[h].start, false);
	ui->panes[PANE_TEXT].dirty = true;   /* the current hit moved */
	ui_message(ui, false, "hit %ld of %zu%s", h + 1, n,
		   wrapped ? (dir > 0 ? " (from the top)" : " (from the bottom)") : "");
}

void ui_claim_step(struct ui *ui, int dir)
{
	if (ui->src < 0)
		return;
	const struct source *s = &ui->c->sources[ui->src];
	long found = -1;
	size_t k;
	/* the order is by span start, then claim index: claims on one span
	 * are each a step */
	if (ui->sel_claim >= 0 && ui->c->claims[ui->sel_claim].source == (size_t)ui->src) {
		k = textview_claim_pos(ui, ui->c->claims[ui->sel_claim].span.start, (size_t)ui->sel_claim);
		k = dir > 0 ? k + 1 : k;
	} else {
		k = textview_claim_pos(ui, ui_here(ui).off, 0);
	}
	if (dir > 0 && k < s->nclaims)
		found = (long)s->claims[k];
	if (dir < 0 && k > 0)
		found = (long)s->claims[k - 1];
	if (found < 0) {
		ui_message(ui, true, dir > 0 ? "no claim after this one" : "no claim before this one");
		return;
	}
	struct pane *p = &ui->panes[PANE_CLAIMS];
	ui_select_claim(ui, found, true);
	for (size_t r = 0; r < ui->nclaim_rows; r++)
		if ((long)ui->claim_rows[r] == found)
			p->cur = r;
	if (p->cur < p->top || (p->h > 0 && p->cur >= p->top + pane_rows(p)))
		p->top = p->cur;
	p->dirty = true;
	ui_message(ui, false, "claim %s", ui->c->claims[found].id);
}

static void compare_claim(struct ui *ui)
{
	long claim = ui->sel_claim;

	if (ui->focus == PANE_COMPARE)
		claim = compare_cursor_claim(ui);
	compare_open_claim(ui, claim);
}

/* Generic movement over a list pane. */
static bool list_move(struct ui *ui, struct pane *p, enum action act)
{
	if (!p->ops->count)
		return false;
	size_t n = p->ops->count(ui, p), h = pane_rows(p);
	long cur = (long)p->cur;
	switch (act) {
	case ACT_DOWN: case ACT_LINE_DOWN: cur++; break;
	case ACT_UP: case ACT_LINE_UP: cur--; break;
	case ACT_HALF_DOWN: cur += (long)(h / 2 ? h / 2 : 1); break;
	case ACT_HALF_UP: cur -= (long)(h / 2 ? h / 2 : 1); break;
	case ACT_PAGE_DOWN: cur += (long)h; break;
	case ACT_PAGE_UP: cur -= (long)h; break;
	case ACT_TOP: cur = 0; break;
	case ACT_BOTTOM: cur = (long)n - 1; break;
	default: return false;
	}
	if (!n)
		return true;
	if (cur >= (long)n)
		cur = (long)n - 1;
	if (cur < 0)
		cur = 0;
	if ((size_t)cur == p->cur)
		return true;
	p->cur = (size_t)cur;
	if (p->cur < p->top)
		p->top = p->cur;
	if (p->cur >= p->top + h)
		p->top = p->cur - h + 1;
	p->dirty = true;
	if (p->ops->select)
		p->ops->select(ui, p);
	return true;
}

static void cycle_pane(struct ui *ui, int dir)
{
	int n = ui->nhits ? PANE_COUNT : PANE_COUNT - 1;
	int i = ((int)ui->focus + dir + n) % n;
	ui_focus(ui, (enum pane_id)i);
}

void ui_action(struct ui *ui, enum action act, int key)
{
	struct pane *p = &ui->panes[ui->focus];

	if (act != ACT_QUIT && act != ACT_CLOSE)
		ui->quit_asked = false;   /* q asks again after anything else */
	if (p->ops->key && p->ops->key(ui, p, act, key))
		return;
	if (list_move(ui, p, act))
		return;
	switch (act) {
	case ACT_NEXT_PANE: cycle_pane(ui, 1); break;
	case ACT_PREV_PANE: cycle_pane(ui, -1); break;
	case ACT_SOURCES: ui_focus(ui, PANE_SOURCES); break;
	case ACT_TEXT: ui_focus(ui, PANE_TEXT); break;
	case ACT_CLAIMS: ui_focus(ui, PANE_CLAIMS); break;
	case ACT_COMPARE: ui_focus(ui, PANE_COMPARE); break;
	case ACT_RESULTS: ui_focus(ui, PANE_RESULTS); break;
	case ACT_ENTER:
		if (p->ops->enter)
			p->ops->enter(ui, p);
		break;
	case ACT_SORT: case ACT_FILTER:
		ui_message(ui, true, "%s: the %s pane has no list (1 Sources, 3 Claims, 4 Compare)",
			   keys_get(act)->name, p->ops->name);
		break;
	case ACT_INFO:
		ui_focus(ui, PANE_CLAIMS);
		claims_ops.key(ui, &ui->panes[PANE_CLAIMS], act, key);
		break;
	case ACT_ALL_CLAIMS:
		claims_ops.key(ui, &ui->panes[PANE_CLAIMS], act, key);
		break;
	case ACT_CONFLICTS: case ACT_TOPIC_CLAIMS:
		ui_focus(ui, PANE_COMPARE);
		compare_ops.key(ui, &ui->panes[PANE_COMPARE], act, key);
		break;
	case ACT_CLOSE:
		if (ui->view != VIEW_MAIN)
			ui_focus(ui, ui->main_focus);
		else
			ui_quit(ui);
		break;
	case ACT_QUIT: ui_quit(ui); break;
	case ACT_SEL_MORE: case ACT_SEL_LESS: case ACT_WORD_MORE: case ACT_WORD_LESS:
	case ACT_NEW_CLAIM:
		ui_message(ui, true, "%s: no selection: v in the Text pane (2) selects a passage",
			   keys_get(act)->name);
		break;
	case ACT_EDIT_CLAIM: edit_claim_form(ui); break;
	case ACT_LINK_TOPIC: edit_link_form(ui); break;
	case ACT_UNDO: edit_undo(ui, -1); break;
	case ACT_REDO: edit_undo(ui, 1); break;
	case ACT_SEARCH: case ACT_SEARCH_BACK:
		ui->search_back = act == ACT_SEARCH_BACK;
		prompt_start(ui, PROMPT_SEARCH);
		break;
	case ACT_CORPUS_SEARCH: prompt_start(ui, PROMPT_CORPUS); break;
	case ACT_COMMAND: prompt_start(ui, PROMPT_COMMAND); break;
	case ACT_NEXT_HIT: ui_hit_step(ui, ui->search_back ? -1 : 1); break;
	case ACT_PREV_HIT: ui_hit_step(ui, ui->search_back ? 1 : -1); break;
	case ACT_NEXT_CLAIM: ui_claim_step(ui, 1); break;
	case ACT_PREV_CLAIM: ui_claim_step(ui, -1); break;
	case ACT_CMP_CLAIM: compare_claim(ui); break;
	case ACT_CITE: ui_cite(ui, NULL); break;
	case ACT_COUNTERPARTS: counterparts_show(ui); break;
	case ACT_JUMP_BACK: jump(ui, -1); break;
	case ACT_JUMP_FWD: jump(ui, 1); break;
	case ACT_MARK: case ACT_GOTO_MARK:
		if (key > 0)   /* :mark a; a key press waits for the letter */
			mark_key(ui, act, key);
		else
			ui->pending = act;
		break;
	case ACT_HELP:
		ui->help_open = true;
		ui->help_top = 0;
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		ui_dirty_all(ui);
		break;
	default:
		break;
	}
}

void ui_quit(struct ui *ui)
{
	if (edit_unsaved(ui) && !ui->quit_asked) {
		const char *rec = edit_recovery(ui);
		ui->quit_asked = true;
		ui_message(ui, true, "unsaved edits%s%s%s: q or Q again quits, :w PATH saves a copy",
			   rec ? " (kept in " : "", rec ? rec : "", rec ? ")" : "");
		return;
	}
	ui->quit = true;
}

void ui_mouse(struct ui *ui)
{
	bool on = config_on(&ui->cfg, CFG_mouse);

	mousemask(on ? BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED : 0, NULL);
	mouseinterval(0);
}

void ui_date(struct ui *ui, const struct source *s, struct strbuf *out)
{
	if (!s->published || !config_date(&ui->cfg, s->published, out)) {
		matrix_date(s, out);
		return;
	}
	if (source_guessed(s, "published"))
		sb_addch(out, '?');
}

int ui_set_theme(struct ui *ui, const char *name)
{
	struct strbuf path = STRBUF_INIT;
	struct diags d;
	int rc = 0;

	diags_init(&d);
	if (!ui->color)
		name = "mono";
	theme_defaults(&ui->theme, ui->color);
	struct strbuf user = STRBUF_INIT;
	int have_user = config_themes_dir(&user) == 0;
	int found = theme_find(name, have_user ? user.buf : NULL, LECTERN_DATADIR, &path);
	sb_release(&user);
	if (found < 0) {
		ui_message(ui, true, "%s", path.buf);
		rc = -1;
	} else if (theme_load(&ui->theme, path.buf, &d) != 0 && diags_count(&d)) {
		ui_message(ui, true, "%s%s", d.lines[0],
			   diags_count(&d) > 1 ? " (and more)" : "");
		rc = -1;
	}
	draw_apply_theme(ui);
	if (ui->layout != LAYOUT_TINY)
		layout_apply(ui);
	ui_dirty_all(ui);
	diags_release(&d);
	sb_release(&path);
	return rc;
}

static void on_mouse(struct ui *ui)
{
	MEVENT ev;

	if (getmouse(&ev) != OK || !config_on(&ui->cfg, CFG_mouse) || counterparts_shown(ui))
		return;
	for (int i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &ui->panes[i];
		if (!p->win || ev.x < p->x || ev.x >= p->x + p->w ||
		    ev.y < p->y - 1 || ev.y >= p->y + p->h)
			continue;
		if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
			enum pane_id was = ui->focus;
			ui->focus = (enum pane_id)i;
			for (int k = 0; k < 3; k++)
				ui_action(ui, ev.bstate & BUTTON4_PRESSED ? ACT_UP : ACT_DOWN, 0);
			ui->focus = was;
			return;
		}
		if (ui->focus != (enum pane_id)i)
			ui_focus(ui, (enum pane_id)i);
		if (i == PANE_COMPARE) {
			compare_click(ui, ev.y - p->y, ev.x - p->x);
			return;
		}
		if (p->ops->count && ev.y >= p->y) {
			size_t row = p->top + (size_t)((ev.y - p->y) / (p->rowh > 1 ? p->rowh : 1));
			if (row < p->ops->count(ui, p) && row != p->cur) {
				p->cur = row;
				p->dirty = true;
				if (p->ops->select)
					p->ops->select(ui, p);
			}
		}
		return;
	}
}

static void draw_frame(struct ui *ui)
{
	if (ui->layout != LAYOUT_TINY) {
		for (int i = 0; i < PANE_COUNT; i++) {
			struct pane *p = &ui->panes[i];
			if (!p->win)
				continue;
			if (p->dirty) {
				werase(p->win);
				p->ops->draw(ui, p);
				p->dirty = false;
			}
			wnoutrefresh(p->win);
		}
		layout_titles(ui);
		if (ui->help_open && ui->prompt == PROMPT_NONE) {
			status_draw(ui);
			help_draw(ui);
		} else {
			status_draw(ui);
		}
		if (counterparts_shown(ui))
			counterparts_draw(ui);
	}
	doupdate();
	clip_flush(ui);
}

/* Maps a curses function key to lectern's codes; 0 for unknown keys. */
static int map_fkey(int k)
{
	switch (k) {
	case KEY_UP: return KEY_L_UP;
	case KEY_DOWN: return KEY_L_DOWN;
	case KEY_LEFT: return KEY_L_LEFT;
	case KEY_RIGHT: return KEY_L_RIGHT;
	case KEY_PPAGE: return KEY_L_PGUP;
	case KEY_NPAGE: return KEY_L_PGDN;
	case KEY_HOME: return KEY_L_HOME;
	case KEY_END: return KEY_L_END;
	case KEY_BTAB: return KEY_L_BTAB;
	case KEY_F(1): return KEY_L_F1;
	case KEY_ENTER: return '\n';
	case KEY_BACKSPACE: return 127;
	default:
		if (k > KEY_F(1) && k <= KEY_F(12))
			return KEY_L_F1 + (k - KEY_F(1));
		return 0;
	}
}

static void handle_key(struct ui *ui, int key)
{
	if (ui->prompt != PROMPT_NONE) {
		prompt_key(ui, key, key >= KEY_L_BASE);
		return;
	}
	if (ui->pending) {
		enum action a = ui->pending;
		ui->pending = ACT_NONE;
		if (key != KEY_L_ESC)
			mark_key(ui, a, key);
		return;
	}
	enum action act = keymap_lookup(&ui->cfg.keys, key);
	sb_reset(&ui->msg);
	if (ui->help_open && help_key(ui, act, key))
		return;
	if (counterparts_shown(ui) && counterparts_key(ui, act, key))
		return;
	if (act == ACT_NONE && ui->panes[ui->focus].ops->key) {
		ui->panes[ui->focus].ops->key(ui, &ui->panes[ui->focus], ACT_NONE, key);
		return;
	}
	/* a bound key for a mark waits for the letter (ui_action's key 0) */
	ui_action(ui, act, act == ACT_MARK || act == ACT_GOTO_MARK ? 0 : key);
}

/* One key as wget_wch() gave it (rc, wc); between the paste markers a key
 * only inserts text into an open prompt. */
static void dispatch(struct ui *ui, int rc, wint_t wc)
{
	if (rc == KEY_CODE_YES && wc == KEY_PASTE_BEGIN) {
		ui->pasting = true;
		return;
	}
	if (rc == KEY_CODE_YES && wc == KEY_PASTE_END) {
		ui->pasting = false;
		prompt_paste_end(ui);
		return;
	}
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_RESIZE) {
			layout_apply(ui);
			return;
		}
		if (wc == KEY_MOUSE) {
			on_mouse(ui);
			return;
		}
		int k = map_fkey((int)wc);
		if (ui->pasting)
			prompt_paste(ui, k ? k : KEY_L_BASE);
		else if (k)
			handle_key(ui, k);
		return;
	}
	if (ui->pasting)
		prompt_paste(ui, (int)wc);
	else
		handle_key(ui, wc == '\r' ? '\n' : (int)wc);
}

/* Keys already waiting (typed ahead or pasted) are all handled before one
 * redraw, up to this many, so that a paste costs one frame, not one per byte. */
#define APP_DRAIN_MAX 65536

void app_loop(struct ui *ui)
{
	long long last_key = 0;

	while (!ui->quit && !app_signal) {
		wint_t wc;
		prompt_sync(ui);
		draw_frame(ui);
		int rc;
		untouchwin(ui->input);
		do {
			/* a search, the index build and the wrapping of a long
			 * text run in slices between polls; the counterparts
			 * index and the comparison build in threads, looked at
			 * every 50 ms */
			bool finding = finder_busy(ui), wrapping = textview_busy(ui);
			bool pairing = counterparts_busy(ui) || compare_busy(ui);
			bool busy = finding || wrapping || pairing;
			wtimeout(ui->input, finding || wrapping ? 0 : pairing ? 50 : 500);
			rc = wget_wch(ui->input, &wc);
			if (rc == ERR && ui->pasting && util_now_ms() - last_key > 500) {
				/* a paste whose end marker was lost ends after a pause */
				ui->pasting = false;
				prompt_paste_end(ui);
				draw_frame(ui);
			}
			if (rc == ERR && busy) {
				if (finding)
					finder_step(ui);
				if (wrapping)
					textview_wrap_step(ui);
				if (pairing) {
					counterparts_step(ui);
					compare_step(ui);
				}
				prompt_sync(ui);
				draw_frame(ui);
			}
		} while (rc == ERR && !app_signal && !app_suspend);
		if (app_signal)
			break;
		if (app_suspend) {
			term_suspend(ui);
			continue;
		}
		finder_key(ui);   /* a key stops a running search */
		last_key = util_now_ms();
		dispatch(ui, rc, wc);
		wtimeout(ui->input, 0);
		for (int i = 0; i < APP_DRAIN_MAX && !ui->quit && !app_signal && !app_suspend; i++) {
			rc = wget_wch(ui->input, &wc);
			if (rc == ERR)
				break;
			dispatch(ui, rc, wc);
		}
	}
}
