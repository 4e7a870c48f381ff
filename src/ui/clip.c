/*
 * clip: citations from the reader.  `y` (ui_cite with no file) copies the
 * selected claim's citation to the clipboard of the user's terminal with
 * OSC 52 (osc52.h), over SSH, in tmux (`set-clipboard on`) and in screen;
 * `:cite FILE` appends it to FILE through save_append().  The claim is the
 * one under the Claims cursor, the one selected in the Text pane (else the
 * first claim from the top line on), or the Compare cursor's; with a
 * passage selected (v), y copies the passage instead (ui_cite_selection).  The
 * sequence is kept in ui->clip and written by clip_flush() straight to the
 * terminal after the frame's doupdate(): curses never sees the bytes.
 */
#include "ui/tui.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/save.h"
#include "corpus/cite.h"
#include "ui/osc52.h"

/* An existing file larger than this is not appended to: reading it back
 * whole would hold the reader up. */
#define CITE_FILE_MAX (64u << 20)

/* The claim y and :cite take, or -1. */
static long cite_claim(struct ui *ui)
{
	switch (ui->focus) {
	case PANE_COMPARE:
		return compare_cursor_claim(ui);
	case PANE_CLAIMS:
		return ui->nclaim_rows ? ui->sel_claim : -1;
	case PANE_TEXT: {
		if (ui->src < 0)
			return -1;
		if (ui->sel_claim >= 0 && ui->c->claims[ui->sel_claim].source == (size_t)ui->src)
			return ui->sel_claim;
		const struct source *s = &ui->c->sources[ui->src];
		size_t k = textview_claim_pos(ui, textview_top_off(ui), 0);
		return k < s->nclaims ? (long)s->claims[k] : -1;
	}
	default:
		return -1;
	}
}

void ui_cite(struct ui *ui, const char *file)
{
	enum cite_format f = config_cite_format(&ui->cfg);
	struct strbuf cite = STRBUF_INIT, err = STRBUF_INIT;
	long k = cite_claim(ui);

	if (k < 0) {
		ui_message(ui, true, "no claim to cite here: select one in the Claims pane (3), "
			   "with ] in the text, or in the Compare view");
		return;
	}
	const char *id = ui->c->claims[k].id, *fname = cite_format_names[f];
	cite_write(&cite, ui->c, (size_t)k, f);
	if (file) {
		sb_addch(&cite, '\n');
		if (save_append(file, cite.buf, cite.len, CITE_FILE_MAX, &err) < 0)
			ui_message(ui, true, "%s", err.buf);
		else
			ui_message(ui, false, "claim %s appended to %s (%s, %zu bytes)", id, file,
				   fname, cite.len);
	} else if (osc52_build(&ui->clip, cite.buf, cite.len,
			       osc52_wrap_for(getenv("STY"), getenv("TMUX"))) < 0) {
		ui_message(ui, true, "claim %s: the %s citation is %zu bytes, over the clipboard's "
			   "cap of %d: not copied (:cite FILE appends it)", id, fname, cite.len,
			   OSC52_MAX_TEXT);
	} else {
		ui_message(ui, false, "claim %s copied as a %s citation (%zu bytes, OSC 52)", id,
			   fname, cite.len);
	}
	sb_release(&cite);
	sb_release(&err);
}

void ui_cite_selection(struct ui *ui)
{
	const struct source *s = &ui->c->sources[ui->src];
	struct strbuf cite = STRBUF_INIT, text = STRBUF_INIT, date = STRBUF_INIT;
	size_t a = ui->vis_start, b = ui->vis_end < ui->text_len ? ui->vis_end : ui->text_len;

	/* “passage” - outlet, “title”, date (source, bytes a-b), each field made safe */
	sb_add(&text, ui->text + a, b - a);
	sb_addstr(&cite, "\u201c");
	cite_clean(&cite, text.buf);
	sb_addstr(&cite, "\u201d - ");
	cite_clean(&cite, s->outlet ? s->outlet : "no outlet");
	if (s->title) {
		sb_addstr(&cite, ", \u201c");
		cite_clean(&cite, s->title);
		sb_addstr(&cite, "\u201d");
	}
	ui_date(ui, s, &date);
	sb_addstr(&cite, ", ");
	cite_clean(&cite, date.buf);
	sb_addf(&cite, " (%s, bytes %zu-%zu)", s->id, a, b);
	if (osc52_build(&ui->clip, cite.buf, cite.len,
			osc52_wrap_for(getenv("STY"), getenv("TMUX"))) < 0)
		ui_message(ui, true, "the selection's citation is %zu bytes, over the clipboard's "
			   "cap of %d: not copied", cite.len, OSC52_MAX_TEXT);
	else
		ui_message(ui, false, "the selection copied as a citation (%zu bytes, OSC 52)",
			   cite.len);
	sb_release(&cite);
	sb_release(&text);
	sb_release(&date);
}

void clip_flush(struct ui *ui)
{
	size_t off = 0;

	if (!ui->clip.len)
		return;
	fflush(stdout);
	while (off < ui->clip.len) {
		ssize_t w = write(STDOUT_FILENO, ui->clip.buf + off, ui->clip.len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;   /* the terminal is gone: nothing to tell it */
		off += (size_t)w;
	}
	sb_reset(&ui->clip);
}
