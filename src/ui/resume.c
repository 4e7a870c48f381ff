/*
 * resume: the reader's side of the reading state (corpus/state.h).  At
 * start it reads this corpus's state file and applies it (the place the
 * reader was left at, marks, jumps, read flags, the prompt histories),
 * saying so in the status line; when the reader ends it gathers the same
 * and writes the file; :forget deletes it.  --no-state turns both off.
 */
#include "ui/tui.h"
#include "ui/ui.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

static struct state_place to_state(const struct place *p)
{
	return (struct state_place){ .source = p->source, .off = p->off, .pane = (int)p->focus,
				     .claim = p->claim, .topic = p->topic, .top = p->top,
				     .col = p->col, .drill = p->drill, .dcur = p->dcur };
}

static struct place from_state(const struct state_place *p)
{
	return (struct place){ .source = p->source, .off = p->off,
			       .focus = (enum pane_id)(p->pane >= 0 && p->pane < PANE_COUNT
						       ? p->pane : PANE_TEXT),
			       .claim = p->claim, .topic = p->topic, .top = p->top,
			       .col = p->col, .drill = p->drill, .dcur = p->dcur };
}

/* Moves the lines of from into to (to was empty). */
static void history_take(struct history *to, struct history *from)
{
	*to = *from;
	from->n = 0;
}

/* What was restored, for the status line. */
static void say_restored(struct ui *ui, const struct reading_state *s)
{
	struct strbuf m = STRBUF_INIT;
	size_t nmarks = 0;

	for (int i = 0; i < STATE_MARKS; i++)
		nmarks += s->marks[i].source >= 0;
	sb_addstr(&m, "reading state restored:");
	if (s->here.source >= 0)
		sb_addf(&m, " %s,", ui->c->sources[s->here.source].id);
	sb_addf(&m, " %zu read, %zu mark%s, %zu jump%s, %zu search%s, %zu command%s",
		s->nread, nmarks, nmarks == 1 ? "" : "s", s->njumps, s->njumps == 1 ? "" : "s",
		s->searches.n, s->searches.n == 1 ? "" : "es", s->commands.n,
		s->commands.n == 1 ? "" : "s");
	if (s->changed)
		sb_addf(&m, "; the corpus changed: %zu place%s dropped", s->dropped,
			s->dropped == 1 ? "" : "s");
	ui_message(ui, false, "%s", m.buf);
	sb_release(&m);
}

bool resume_open(struct ui *ui)
{
	struct reading_state s;
	struct strbuf msg = STRBUF_INIT;
	bool opened = false;

	ui->read = xcalloc(ui->c->nsources + 1, sizeof *ui->read);
	char *real = realpath(ui->c->index_path, NULL);
	if (!real || state_path(real, &ui->state_path) < 0) {
		sb_reset(&ui->state_path);   /* no home known: no state */
		free(real);
		return false;
	}
	free(real);
	if (ui->opts->no_state)
		return false;
	state_init(&s, ui->c);
	if (state_identify(&s, ui->c, &msg) < 0) {
		ui_message(ui, true, "reading state not used: %s", msg.buf);
		goto out;
	}
	ui->state_hash = s.hash;
	switch (state_load(&s, ui->c, ui->state_path.buf, &msg)) {
	case STATE_NONE:
		ui->state_save = true;
		goto out;
	case STATE_IGNORED:
		ui_message(ui, true, "reading state ignored: %s (left as it is; :forget deletes it)",
			   msg.buf);
		goto out;
	case STATE_OK:
		break;
	}
	ui->state_save = true;
	memcpy(ui->read, s.read, ui->c->nsources * sizeof *ui->read);
	for (int i = 0; i < STATE_MARKS; i++)
		ui->marks[i] = from_state(&s.marks[i]);
	if (s.njumps) {
		ui->jalloc = STATE_JUMPS_MAX;
		ui->jumps = xrealloc(ui->jumps, ui->jalloc * sizeof *ui->jumps);
		for (size_t i = 0; i < s.njumps; i++)
			ui->jumps[i] = from_state(&s.jumps[i]);
		ui->njumps = s.njumps;
		ui->jpos = s.jpos;
	}
	if (s.here.source >= 0) {
		struct pane *sp = &ui->panes[PANE_SOURCES];
		ui_goto_place(ui, from_state(&s.here));
		for (size_t r = 0; r < ui->nsrc_rows; r++)
			if ((long)ui->src_rows[r] == ui->src)
				sp->cur = r;
		if (sp->h > 0 && sp->cur >= sp->top + pane_rows(sp))
			sp->top = sp->cur - pane_rows(sp) + 1;
		opened = ui->src >= 0;
	}
	say_restored(ui, &s);
	history_release(&ui->search_hist);
	history_release(&ui->cmd_hist);
	history_take(&ui->search_hist, &s.searches);
	history_take(&ui->cmd_hist, &s.commands);
out:
	state_release(&s);
	sb_release(&msg);
	return opened;
}

int resume_save(struct ui *ui, struct strbuf *err)
{
	struct reading_state s;
	int rc;

	if (!ui->state_save || !ui->state_path.len)
		return 0;
	state_init(&s, ui->c);
	s.hash = ui->state_hash;
	char *real = realpath(ui->c->index_path, NULL);
	if (!real) {
		sb_addf(err, "%s: cannot be resolved", ui->c->index_path);
		state_release(&s);
		return -1;
	}
	s.realpath = real;
	struct place here = ui_here(ui);
	s.here = to_state(&here);
	for (int i = 0; i < STATE_MARKS; i++)
		s.marks[i] = to_state(&ui->marks[i]);
	/* the newest STATE_JUMPS_MAX jumps */
	size_t from = ui->njumps > STATE_JUMPS_MAX ? ui->njumps - STATE_JUMPS_MAX : 0;
	for (size_t i = from; i < ui->njumps; i++)
		s.jumps[s.njumps++] = to_state(&ui->jumps[i]);
	s.jpos = ui->jpos > from ? ui->jpos - from : 0;
	memcpy(s.read, ui->read, ui->c->nsources * sizeof *s.read);
	s.searches = ui->search_hist;
	s.commands = ui->cmd_hist;
	rc = state_save(&s, ui->c, ui->state_path.buf, err);
	s.searches.n = s.commands.n = 0;   /* the reader's, not freed here */
	state_release(&s);
	return rc;
}

void resume_forget(struct ui *ui)
{
	struct strbuf err = STRBUF_INIT;

	if (!ui->state_path.len) {
		ui_message(ui, true, "no reading state for this corpus: XDG_STATE_HOME and HOME are "
			   "unset or relative, or its path holds a control character");
		return;
	}
	ui->state_save = false;
	switch (state_forget(ui->state_path.buf, &err)) {
	case 1:
		ui_message(ui, false, "reading state forgotten: %s deleted; this run will not save it",
			   ui->state_path.buf);
		break;
	case 0:
		ui_message(ui, false, "no reading state to forget (%s); this run will not save it",
			   ui->state_path.buf);
		break;
	default:
		ui_message(ui, true, "reading state not deleted: %s", err.buf);
		break;
	}
	sb_release(&err);
}
