/*
 * status: the status line (pane, source, position, search state, a key
 * hint, and messages and errors) and the one-line prompt used by /, F, :
 * and the Sources filter.  The search prompt is incremental: the input as
 * edited is searched again (once per frame, not per key) and the view
 * shows the first hit from where it started.  In the `:` prompt Up and
 * Down walk the command history and Tab completes (command.c); in the /,
 * ? and F prompts they walk the search history.  A bracketed paste only
 * inserts text, cut at SEARCH_MAX bytes.
 */
#include "ui/tui.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"

static const char *const prompt_prefix[] = {
	[PROMPT_NONE] = "", [PROMPT_SEARCH] = "/",   /* "?" when backward */ [PROMPT_CORPUS] = "find in corpus: ",
	[PROMPT_COMMAND] = ":", [PROMPT_FILTER] = "filter: ",
};

/* Where the shown end of the input starts so that it fits in room
 * columns: one pass over the glyphs, counted as draw_text() draws them. */
static size_t prompt_tail(struct ui *ui, int room)
{
	const char *s = ui->input_buf.buf;
	size_t n = ui->input_buf.len, from = 0;
	struct text_iter it;
	struct glyph g;
	long width = 0;

	text_iter_init(&it, s, n, ui->ascii);
	while (text_iter_next(&it, &g))
		width += g.kind == GLYPH_HIDDEN ? 0 : g.kind == GLYPH_NEWLINE || g.kind == GLYPH_TAB ? 1 : g.width;
	text_iter_init(&it, s, n, ui->ascii);
	while (width > room && text_iter_next(&it, &g)) {
		width -= g.kind == GLYPH_HIDDEN ? 0 : g.kind == GLYPH_NEWLINE || g.kind == GLYPH_TAB ? 1 : g.width;
		from = g.off + g.len;
	}
	return from;
}

void status_draw(struct ui *ui)
{
	struct strbuf sb = STRBUF_INIT;
	WINDOW *w = ui->status;
	attr_t a = ui->attrs[ROLE_STATUS];
	int x;

	if (!w)
		return;
	leaveok(w, ui->prompt == PROMPT_NONE);   /* the cursor only matters in a prompt */
	werase(w);
	draw_fill(w, 0, 0, ui->cols, a);
	if (ui->prompt != PROMPT_NONE) {
		x = draw_str(ui, w, 0, 0, ui->cols, ui->prompt == PROMPT_SEARCH && ui->search_back
			     ? "?" : prompt_prefix[ui->prompt], a);
		/* a message keeps up to half the line beside a long input */
		int mw = 0;
		if (ui->msg.len) {
			mw = (int)text_width(ui->msg.buf, ui->msg.len, ui->ascii) + 3;
			if (mw > (ui->cols - x) / 2)
				mw = (ui->cols - x) / 2;
		}
		int room = ui->cols - x - 1 - mw;
		size_t from = prompt_tail(ui, room);
		x += draw_text(ui, w, 0, x, room, ui->input_buf.buf + from,
			       ui->input_buf.len - from, a);
		if (ui->msg.len && x + 3 < ui->cols)
			draw_text(ui, w, 0, x + 3, ui->cols - x - 3, ui->msg.buf, ui->msg.len,
				  ui->attrs[ui->msg_error ? ROLE_ERROR : ROLE_MESSAGE]);
		wmove(w, 0, x < ui->cols ? x : ui->cols - 1);
		wnoutrefresh(w);
		return;
	}
	sb_addf(&sb, "[%s]", ui->panes[ui->focus].ops->name);
	if (edit_unsaved(ui))
		sb_addstr(&sb, " [+ unsaved]");
	if (ui->visual)
		sb_addstr(&sb, " -- SELECT --");
	if (ui->src >= 0 && ui->focus == PANE_TEXT)   /* its title shows the lines: a scroll redraws no status */
		sb_addf(&sb, " %s", ui->c->sources[ui->src].id);
	else if (ui->src >= 0 && textview_busy(ui))
		sb_addf(&sb, " %s wrapping %zu%%", ui->c->sources[ui->src].id,
			ui->wrap.done / (ui->text_len / 100 + 1));
	else if (ui->src >= 0) {
		size_t n = ui->wrap.n ? ui->wrap.n : 1, top = ui->panes[PANE_TEXT].top;
		int h = ui->panes[PANE_TEXT].h > 0 ? ui->panes[PANE_TEXT].h : 1;
		size_t bot = top + (size_t)h >= n ? n : top + (size_t)h;
		sb_addf(&sb, " %s line %zu/%zu %zu%%", ui->c->sources[ui->src].id,
			top + 1, n, bot * 100 / n);
	}
	if (ui->search.ready) {
		sb_addf(&sb, "  /%s ", ui->query.buf);
		if (ui->hit >= 0)
			sb_addf(&sb, "%ld/%zu", ui->hit + 1, ui->nmatches);
		else
			sb_addf(&sb, "(%zu)", ui->nmatches);
	}
	x = draw_text(ui, w, 0, 0, ui->cols, sb.buf, sb.len, a);
	/* the hint names the keys bound now (":help" when none is) */
	struct strbuf hb = STRBUF_INIT;
	const enum action hint_acts[] = { ACT_HELP, ACT_CLOSE };
	for (size_t i = 0; i < sizeof hint_acts / sizeof *hint_acts; i++) {
		int k = keymap_first(&ui->cfg.keys, hint_acts[i]);
		sb_addstr(&hb, i ? " " : "");
		if (k)
			keys_name(&hb, k);
		sb_addf(&hb, ":%s", i ? "quit" : "help");
	}
	const char *hint = hb.buf;
	if (ui->msg.len) {
		draw_text(ui, w, 0, x + 2, ui->cols - x - 2, ui->msg.buf, ui->msg.len,
			  ui->attrs[ui->msg_error ? ROLE_ERROR : ROLE_MESSAGE]);
	} else {
		int hw = (int)strlen(hint);
		if (x + 2 + hw <= ui->cols)
			draw_str(ui, w, 0, ui->cols - hw - 1 > x ? ui->cols - hw - 1 : x + 1,
				 hw, hint, a);
	}
	wnoutrefresh(w);
	sb_release(&hb);
	sb_release(&sb);
}

void prompt_start(struct ui *ui, enum prompt_kind kind)
{
	ui->prompt = kind;
	sb_reset(&ui->input_buf);
	sb_reset(&ui->msg);
	ui->prompt_origin = ui_here(ui);
	struct history *h = command_history_of(ui, kind);
	ui->hist_pos = h ? h->n : 0;
	if (kind == PROMPT_FILTER) {
		ui->filter_pane = ui->focus;
		sb_addstr(&ui->input_buf, ui_filter_of(ui, ui->focus)->buf);
	}
	curs_set(1);
}

static void prompt_end(struct ui *ui)
{
	ui->prompt = PROMPT_NONE;
	ui->prompt_stale = false;
	curs_set(0);
}

/* The search prompt after an edit: search again from where it started. */
static void live_search(struct ui *ui)
{
	struct strbuf err = STRBUF_INIT;

	sb_reset(&ui->msg);
	if (!ui->input_buf.len) {
		search_release(&ui->search);
		ui_run_search(ui, false);
		ui_goto_place(ui, ui->prompt_origin);
		return;
	}
	if (search_compile(&ui->search, ui->input_buf.buf, ui->input_buf.len,
			   SEARCH_PREFIX | (ui->regex_default ? SEARCH_REGEX : 0), &err) < 0) {
		ui_message(ui, true, "%s", err.buf);
		ui_run_search(ui, false);
		sb_release(&err);
		return;
	}
	sb_release(&err);
	sb_reset(&ui->query);
	sb_add(&ui->query, ui->input_buf.buf, ui->input_buf.len);
	ui_run_search(ui, false);
	ui->hit = -1;
	for (size_t i = 0; i < ui->nmatches; i++)
		if (ui->search_back ? ui->matches[i].start < ui->prompt_origin.off
		    : ui->matches[i].start >= ui->prompt_origin.off) {
			ui->hit = (long)i;
			if (!ui->search_back)
				break;
		}
	if (ui->hit < 0 && ui->nmatches)
		ui->hit = ui->search_back ? (long)ui->nmatches - 1 : 0;
	if (ui->hit >= 0)
		textview_show(ui, ui->matches[ui->hit].start, false);
	else
		ui_message(ui, true, "not found");
	if (ui->search.stopped)
		ui_message(ui, true, "%s", search_stop_message(&ui->search));
}

static void corpus_search(struct ui *ui)
{
	struct strbuf err = STRBUF_INIT;

	if (search_compile(&ui->hits_search, ui->input_buf.buf, ui->input_buf.len,
			   SEARCH_PREFIX | (ui->regex_default ? SEARCH_REGEX : 0), &err) < 0) {
		ui_message(ui, true, "%s", err.buf);
		sb_release(&err);
		return;
	}
	sb_release(&err);
	sb_reset(&ui->hits_query);
	sb_add(&ui->hits_query, ui->input_buf.buf, ui->input_buf.len);
	finder_start(ui);   /* reads the texts in slices between keys */
}

static void accept(struct ui *ui)
{
	enum prompt_kind k = ui->prompt;
	struct place origin = ui->prompt_origin;

	prompt_end(ui);
	switch (k) {
	case PROMPT_SEARCH:
		history_add(&ui->search_hist, ui->input_buf.buf);
		if (!ui->input_buf.len) {
			ui_message(ui, true, "empty query: type what to search for after /");
		} else if (!ui->search.ready) {
			/* the message from the last edit says why */
		} else if (ui->hit < 0 && ui->search.stopped) {
			ui_message(ui, true, "%s", search_stop_message(&ui->search));
		} else if (ui->hit < 0) {
			ui_message(ui, true, "0 hits, not found: %s", ui->input_buf.buf);
		} else {
			struct place here = ui_here(ui);
			ui_goto_place(ui, origin);
			ui_jump_push(ui);
			ui_goto_place(ui, here);
			ui_message(ui, false, "hit %ld of %zu", ui->hit + 1, ui->nmatches);
		}
		break;
	case PROMPT_CORPUS:
		history_add(&ui->search_hist, ui->input_buf.buf);
		corpus_search(ui);
		break;
	case PROMPT_COMMAND:
		history_add(&ui->cmd_hist, ui->input_buf.buf);
		ui_command(ui, ui->input_buf.buf);
		break;
	case PROMPT_FILTER:
	case PROMPT_NONE:
		break;
	}
}

static void cancel(struct ui *ui)
{
	enum prompt_kind k = ui->prompt;

	prompt_end(ui);
	sb_reset(&ui->msg);
	if (k == PROMPT_SEARCH) {
		search_release(&ui->search);
		sb_reset(&ui->query);
		ui_run_search(ui, false);
		ui_goto_place(ui, ui->prompt_origin);
	} else if (k == PROMPT_FILTER) {
		sb_reset(ui_filter_of(ui, ui->filter_pane));
		ui_filter_apply(ui, ui->filter_pane);
	}
}

void prompt_key(struct ui *ui, int key, bool fkey)
{
	bool edited = false;

	if (!fkey && (key == '\n' || key == '\r')) {
		prompt_sync(ui);
		accept(ui);
		return;
	}
	if (!fkey && (key == KEY_L_ESC || key == KEY_CTRL('g'))) {
		cancel(ui);
		return;
	}
	if (fkey && (key == KEY_L_UP || key == KEY_L_DOWN) && command_history_of(ui, ui->prompt)) {
		command_history(ui, key == KEY_L_UP ? -1 : 1);
		return;
	}
	if (ui->prompt == PROMPT_COMMAND && !fkey && key == KEY_L_TAB) {
		command_complete(ui);
		return;
	}
	if (!fkey && (key == 127 || key == 8)) {
		if (!ui->input_buf.len) {
			cancel(ui);
			return;
		}
		size_t l = ui->input_buf.len - 1;
		while (l > 0 && !utf8_boundary(ui->input_buf.buf, ui->input_buf.len, l))
			l--;
		sb_setlen(&ui->input_buf, l);
		edited = true;
	} else if (!fkey && key == KEY_CTRL('u')) {
		sb_reset(&ui->input_buf);
		edited = true;
	} else if (!fkey && key >= 32 && key != 127 && key < 0x110000) {
		char u[4];
		if (ui->input_buf.len + (size_t)utf8_encode((uint32_t)key, u) > SEARCH_MAX) {
			ui_message(ui, true, "input too long (at most %d bytes)", SEARCH_MAX);
			return;
		}
		sb_add(&ui->input_buf, u, (size_t)utf8_encode((uint32_t)key, u));
		edited = true;
	}
	if (edited)
		ui->prompt_stale = true;
}

void prompt_sync(struct ui *ui)
{
	if (!ui->prompt_stale || ui->prompt == PROMPT_NONE)
		return;
	ui->prompt_stale = false;
	if (ui->prompt == PROMPT_SEARCH)
		live_search(ui);
	else if (ui->prompt == PROMPT_FILTER) {
		struct strbuf *f = ui_filter_of(ui, ui->filter_pane);
		sb_reset(f);
		sb_add(f, ui->input_buf.buf, ui->input_buf.len);
		ui_filter_apply(ui, ui->filter_pane);
	}
}

void prompt_paste(struct ui *ui, int key)
{
	char u[4];

	if (ui->prompt == PROMPT_NONE) {
		ui->paste_ignored = true;
		return;
	}
	if (key == '\t' || key == '\n' || key == '\r')
		key = ' ';
	if (key < 32 || key == 127 || key >= KEY_L_BASE)
		return;   /* Esc, other controls and function keys do nothing */
	int n = utf8_encode((uint32_t)key, u);
	if (ui->input_buf.len + (size_t)n > SEARCH_MAX) {
		ui->paste_cut = true;
		return;
	}
	sb_add(&ui->input_buf, u, (size_t)n);
	ui->prompt_stale = true;
}

void prompt_paste_end(struct ui *ui)
{
	prompt_sync(ui);
	if (ui->paste_cut)
		ui_message(ui, true, "paste cut at %d bytes: a prompt holds at most %d",
			   SEARCH_MAX, SEARCH_MAX);
	else if (ui->paste_ignored)
		ui_message(ui, true, "paste ignored: paste into a prompt (/, F, :, f)");
	ui->paste_cut = ui->paste_ignored = false;
}
