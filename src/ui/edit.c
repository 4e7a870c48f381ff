/*
 * edit: curation from the reader.  The `:claim`, `:topic` and `:note`
 * edits run the code of `lectern claim|topic|note` (compare/curate.h) on
 * the index's tree (corpus/edit.h), opened at the first edit; each edit is
 * saved at once under the index's lock, merged with other writers' edits,
 * and the reader then shows the model of what was written (reload below:
 * every index into the old model is found again by id).  Undo and redo
 * put the objects an edit touched back as they were before or after it,
 * and save again.  A refused save (the same object changed by another
 * writer, a read-only index) keeps the edits: they are shown, written to
 * the recovery file INDEX.unsaved, and the status line marks them.
 */
#include "ui/tui.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/save.h"
#include "base/util.h"
#include "compare/compare.h"
#include "corpus/cache.h"
#include "compare/curate.h"
#include "corpus/edit.h"
#include "corpus/json.h"

/* One object an edit touched: as it was before and after (NULL: absent),
 * and the id of the object it stood after (NULL: first). */
struct change {
	char *coll, *id;
	cJSON *before, *after;
	char *before_prev, *after_prev;
};

/* One edit: the objects it touched. */
struct step {
	struct change *t;
	size_t n;
};

struct uiedit {
	struct edit e;
	bool open;
	struct step *steps;    /* [0, pos) done, [pos, n) undone (redo) */
	size_t n, pos, alloc;
	bool unsaved;          /* the last save was refused */
	bool wrote_recovery;
	struct strbuf recovery;
	struct corpus *shown;  /* the model of work while unsaved, or NULL */
};

/* What the reader was showing, by id, across a change of model. */
struct keep {
	char *src, *claim, *topic, *col;
	size_t off, nsources;
	bool compare;
};

bool edit_unsaved(const struct ui *ui)
{
	return ui->ed && ui->ed->unsaved;
}

const char *edit_recovery(const struct ui *ui)
{
	return ui->ed && ui->ed->wrote_recovery ? ui->ed->recovery.buf : NULL;
}

long edit_target_claim(struct ui *ui)
{
	long k = ui->focus == PANE_COMPARE ? compare_cursor_claim(ui) : ui->sel_claim;
	return k >= 0 && (size_t)k < ui->c->nclaims ? k : -1;
}

static void step_free(struct step *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->t[i].coll);
		free(s->t[i].id);
		cJSON_Delete(s->t[i].before);
		cJSON_Delete(s->t[i].after);
		free(s->t[i].before_prev);
		free(s->t[i].after_prev);
	}
	free(s->t);
}

/* A copy of object id of coll in root (NULL when absent), and the id
 * before it. */
static cJSON *copy_of(const cJSON *root, const char *coll, const char *id, char **prev)
{
	const cJSON *o = edit_find(root, coll, id);
	const char *p = o ? edit_prev_id(root, coll, id) : NULL;
	*prev = p ? xstrdup(p) : NULL;
	return o ? cJSON_Duplicate(o, true) : NULL;
}

void edit_free(struct ui *ui)
{
	struct uiedit *ed = ui->ed;
	if (!ed)
		return;
	for (size_t i = 0; i < ed->n; i++)
		step_free(&ed->steps[i]);
	free(ed->steps);
	edit_close(&ed->e);
	if (ed->shown)
		corpus_free(ed->shown);
	sb_release(&ed->recovery);
	free(ed);
	ui->ed = NULL;
}

/* ---- changing the model under the panes ---- */

static void keep_take(struct ui *ui, struct keep *k)
{
	memset(k, 0, sizeof *k);
	if (ui->src >= 0)
		k->src = xstrdup(ui->c->sources[ui->src].id);
	if (ui->sel_claim >= 0)
		k->claim = xstrdup(ui->c->claims[ui->sel_claim].id);
	k->off = textview_top_off(ui);
	k->nsources = ui->c->nsources;
	k->compare = ui->view == VIEW_COMPARE;
	struct pane *cp = &ui->panes[PANE_COMPARE];
	if (ui->cmp && cp->cur < ui->ncmp_rows) {
		k->topic = xstrdup(ui->cmp->topics[ui->cmp_rows[cp->cur]].id);
		if (ui->cmp_col < ui->c->nsources)
			k->col = xstrdup(ui->c->sources[ui->cmp_col].id);
	}
	/* nothing may hold the old model past here */
	counterparts_settle(ui);
	counterparts_free(ui);
	compare_settle(ui);
	compare_free(ui);
	finder_free(ui);
}

static void reload(struct ui *ui, struct corpus *c, struct keep *k)
{
	bool same_sources = c->nsources == k->nsources;   /* ui->c may be freed already */
	ui->c = c;
	ui->claim_reach_src = -1;
	ui->src = -1;
	ui->text = NULL;
	ui->text_len = 0;
	ui->sel_claim = -1;
	if (!same_sources) {
		free(ui->hits);
		ui->hits = NULL;
		ui->nhits = 0;
		free(ui->read);
		ui->read = xcalloc(c->nsources + 1, sizeof *ui->read);
	}
	for (int i = 0; i < 26; i++)
		ui->marks[i].claim = -1;
	for (size_t i = 0; i < ui->njumps; i++)
		ui->jumps[i].claim = -1;
	sources_rebuild(ui);
	long s = k->src ? corpus_find_source(c, k->src) : -1;
	long cl = k->claim ? corpus_find_claim(c, k->claim) : -1;
	bool vis = ui->visual;
	size_t vs = ui->vis_start, ve = ui->vis_end;
	if (s >= 0) {
		ui->sel_claim = cl;
		ui_open_source(ui, (size_t)s);
		textview_goto(ui, k->off);
		ui->visual = vis;   /* the text is the same: so is the selection */
		ui->vis_start = vs;
		ui->vis_end = ve;
	}
	if (cl >= 0)
		ui_select_claim(ui, cl, false);
	claims_rebuild(ui);
	struct pane *p = &ui->panes[PANE_CLAIMS];
	for (size_t r = 0; r < ui->nclaim_rows; r++)
		if ((long)ui->claim_rows[r] == cl)
			p->cur = r;
	if (p->cur >= ui->nclaim_rows)
		p->cur = ui->nclaim_rows ? ui->nclaim_rows - 1 : 0;
	if (k->compare && k->topic && compare_open_id(ui, k->topic)) {
		long col = k->col ? corpus_find_source(c, k->col) : -1;
		if (col >= 0)
			ui->cmp_col = (size_t)col;
	}
	ui_dirty_all(ui);
	free(k->src);
	free(k->claim);
	free(k->topic);
	free(k->col);
}

/* ---- opening and saving ---- */

static bool ed_open(struct ui *ui)
{
	if (ui->ed)
		return true;
	struct uiedit *ed = xcalloc(1, sizeof *ed);
	struct diags dg;
	struct strbuf err = STRBUF_INIT;
	diags_init(&dg);
	int r = edit_open(&ed->e, ui->c->index_path, 0, &dg, &err);
	if (r != EDIT_OK) {
		ui_message(ui, true, "cannot edit %s: %s", ui->c->index_path,
			   err.len ? err.buf : diags_count(&dg) ? dg.lines[0] : "not an index");
		edit_close(&ed->e);
		free(ed);
		diags_release(&dg);
		sb_release(&err);
		return false;
	}
	diags_release(&dg);
	sb_release(&err);
	sb_init(&ed->recovery);
	sb_addf(&ed->recovery, "%s.unsaved", ui->c->index_path);
	ui->ed = ed;
	uint64_t now;
	if (!ui->index_hashed || !cache_file_hash(ui->c->index_path, &now) || now != ui->index_hash) {
		/* another writer saved since the reader loaded the index: what
		 * the user sees is not what the edit would be made on */
		struct keep k;
		keep_take(ui, &k);
		reload(ui, ed->e.c, &k);
		ui_message(ui, true, "the index was changed by another writer since the reader loaded "
			   "it: reloaded; nothing edited, make the edit again");
		return false;
	}
	return true;
}

/* Saves the edits; says what was done (done) and how long the edit took
 * since t0 (ms), or why nothing was saved. */
static void commit(struct ui *ui, const char *done, long long t0)
{
	struct uiedit *ed = ui->ed;
	struct strbuf msg = STRBUF_INIT;
	struct keep k;

	keep_take(ui, &k);
	int r = edit_dirty(&ed->e) ? edit_save(&ed->e, &msg) : EDIT_OK;
	if (r == EDIT_OK) {
		ed->unsaved = false;
		if (ed->wrote_recovery)   /* the file this reader wrote: its edits are saved now */
			unlink(ed->recovery.buf);
		ed->wrote_recovery = false;
		reload(ui, ed->e.c, &k);
		if (ed->shown)
			corpus_free(ed->shown);
		ed->shown = NULL;
		ui_message(ui, false, "%s: saved (%lld ms)", done, util_now_ms() - t0);
		sb_release(&msg);
		return;
	}
	/* refused: the edits stay, shown, and go to the recovery file */
	ed->unsaved = true;
	struct strbuf text = STRBUF_INIT, werr = STRBUF_INIT;
	index_print(ed->e.work, &text);
	if (save_file(ed->recovery.buf, text.buf, text.len, &werr) == 0)
		ed->wrote_recovery = true;
	struct diags dg;
	enum load_status st;
	diags_init(&dg);
	char *copy = xmalloc(text.len + 1);
	memcpy(copy, text.buf, text.len + 1);
	struct corpus *m = corpus_load_buffer(ui->c->index_path, copy, text.len, 0, &dg, &st);
	if (m) {
		reload(ui, m, &k);
		if (ed->shown)
			corpus_free(ed->shown);
		ed->shown = m;
	} else {
		reload(ui, ui->c, &k);
	}
	char *nl = strchr(msg.buf, '\n');
	if (nl)
		*nl = '\0';
	ui_message(ui, true, "not saved: %s; %s%s (:w PATH saves a copy)", msg.buf,
		   ed->wrote_recovery ? "the edits are kept in " : "the edits are kept here: ",
		   ed->wrote_recovery ? ed->recovery.buf : werr.buf);
	diags_release(&dg);
	sb_release(&text);
	sb_release(&werr);
	sb_release(&msg);
}

/* ---- edits ---- */

/* Splits s into words: spaces apart, "..." with \" and \\ inside. */
static size_t split(const char *s, char ***out)
{
	size_t n = 0, alloc = 8;
	char **v = xmalloc(alloc * sizeof *v);
	while (*s) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		struct strbuf w = STRBUF_INIT;
		bool quoted = false;
		for (; *s && (quoted || (*s != ' ' && *s != '\t')); s++) {
			if (*s == '"')
				quoted = !quoted;
			else if (quoted && *s == '\\' && (s[1] == '"' || s[1] == '\\'))
				sb_addch(&w, *++s);
			else
				sb_addch(&w, *s);
		}
		if (n + 2 > alloc)
			v = xrealloc(v, (alloc *= 2) * sizeof *v);
		v[n++] = sb_detach(&w, NULL);
	}
	v[n] = NULL;
	*out = v;
	return n;
}

/* The options of curate_args from words; -1 with a message on a bad one. */
static int parse(struct ui *ui, char **w, size_t n, struct curate_args *a, char **rest)
{
	static const char *const opts[] = { "--kind", "--speaker", "--note", "--value", "--unit",
		"--counted", "--date", "--label", "--relation" };
	const char **slot[] = { &a->kind, &a->speaker, &a->note, &a->value, &a->unit,
		&a->counted, &a->date, &a->label, &a->relation };
	memset(a, 0, sizeof *a);
	a->rest = rest;
	for (size_t i = 0; i < n; i++) {
		size_t o = 0;
		while (o < 9 && strcmp(w[i], opts[o]))
			o++;
		if (o == 9) {
			rest[a->nrest++] = w[i];
			continue;
		}
		if (i + 1 >= n) {
			ui_message(ui, true, "%s needs a value", w[i]);
			return -1;
		}
		*slot[o] = w[++i];
	}
	return 0;
}

static void run(struct ui *ui, const char *cmd, const struct curate_args *a, const char *line)
{
	long long t0 = util_now_ms();
	if (!ed_open(ui))
		return;
	struct uiedit *ed = ui->ed;
	struct strbuf err = STRBUF_INIT;
	size_t before_n = ed->e.ntouched;
	/* with every edit saved, base is work as it was before this edit: a
	 * copy of the whole tree is needed only while edits are unsaved */
	cJSON *snap = before_n ? cJSON_Duplicate(ed->e.work, true) : NULL;
	const cJSON *before = snap ? snap : ed->e.base;
	int r = curate_run(cmd, a, &ed->e, &err);
	if (r != CURATE_OK) {
		cJSON_Delete(ed->e.work);
		ed->e.work = snap ? snap : cJSON_Duplicate(ed->e.base, true);
		while (ed->e.ntouched > before_n) {
			ed->e.ntouched--;
			free(ed->e.touched[ed->e.ntouched].coll);
			free(ed->e.touched[ed->e.ntouched].id);
		}
		ui_message(ui, true, r == CURATE_USAGE ? "usage: :%s" : "%s", err.buf);
		sb_release(&err);
		return;
	}
	sb_release(&err);
	/* one step: a new edit drops what was undone */
	while (ed->n > ed->pos)
		step_free(&ed->steps[--ed->n]);
	if (ed->n == ed->alloc)
		ed->steps = xrealloc(ed->steps, (ed->alloc = ed->alloc ? 2 * ed->alloc : 8) * sizeof *ed->steps);
	struct step *s = &ed->steps[ed->n++];
	s->n = ed->e.ntouched - before_n;
	s->t = xcalloc(s->n + 1, sizeof *s->t);
	char *added = NULL;
	for (size_t i = 0; i < s->n; i++) {
		const struct edit_touch *t = &ed->e.touched[before_n + i];
		struct change *ch = &s->t[i];
		ch->coll = xstrdup(t->coll);
		ch->id = xstrdup(t->id);
		ch->before = copy_of(before, t->coll, t->id, &ch->before_prev);
		ch->after = copy_of(ed->e.work, t->coll, t->id, &ch->after_prev);
		if (!added && !strcmp(t->coll, "claims") && !ch->before)
			added = ch->id;
	}
	cJSON_Delete(snap);
	ed->pos = ed->n;
	commit(ui, line, t0);
	if (added) {   /* a new claim: selected, the selection done */
		long k = corpus_find_claim(ui->c, added);
		if (k >= 0) {
			ui->visual = false;
			ui_goto_claim(ui, (size_t)k);
		}
	}
}

/* The automatic topic under the Compare cursor, or NULL. */
static const struct cmp_topic *cursor_auto_topic(struct ui *ui)
{
	struct pane *p = &ui->panes[PANE_COMPARE];
	if (ui->focus != PANE_COMPARE || !ui->cmp || p->cur >= ui->ncmp_rows)
		return NULL;
	const struct cmp_topic *t = &ui->cmp->topics[ui->cmp_rows[p->cur]];
	return t->automatic ? t : NULL;
}

bool edit_command(struct ui *ui, const char *cmd, const char *args)
{
	static const char *const subs[] = { "add", "edit", "rm", "reject", "link", "unlink", "set" };
	bool note = !strcmp(cmd, "note"), claim = !strcmp(cmd, "claim");
	char **w;
	size_t n = split(args, &w);
	bool is_edit = note;
	for (size_t i = 0; !note && n && i < ARRAY_SIZE(subs); i++)
		is_edit |= !strcmp(w[0], subs[i]) && (claim ? i < 4 : (i == 0 || i >= 4));
	if (is_edit) {
		const struct cmp_topic *auto_t = cursor_auto_topic(ui);
		char **rest = xcalloc(n + 2 + (auto_t ? auto_t->nclaims : 0), sizeof *rest);
		struct curate_args a;
		if (parse(ui, w, n, &a, rest) == 0) {
			/* the claims an edit takes when it names none: an automatic
			 * topic's (topic add: accepting it), else the selected one */
			long k = edit_target_claim(ui);
			bool implied = !note &&
				((claim && a.nrest == 1 && strcmp(w[0], "add")) ||
				 (!claim && a.nrest == 2 && strcmp(w[0], "set")));
			if (implied && !claim && !strcmp(w[0], "add") && auto_t) {
				for (size_t i = 0; i < auto_t->nclaims; i++)
					rest[a.nrest++] = (char *)ui->c->claims[auto_t->claims[i]].id;
			} else if (implied && k >= 0) {
				rest[a.nrest++] = (char *)ui->c->claims[k].id;
			}
			struct strbuf line = STRBUF_INIT;
			sb_addf(&line, "%s %s", cmd, args);
			run(ui, cmd, &a, line.buf);
			sb_release(&line);
		}
		free(rest);
	}
	for (size_t i = 0; i < n; i++)
		free(w[i]);
	free(w);
	return is_edit;
}

void edit_undo(struct ui *ui, int dir)
{
	struct uiedit *ed = ui->ed;
	if (!ed || (dir < 0 ? ed->pos == 0 : ed->pos == ed->n)) {
		ui_message(ui, true, dir < 0 ? "nothing to undo" : "nothing to redo");
		return;
	}
	long long t0 = util_now_ms();
	struct step *s = &ed->steps[dir < 0 ? ed->pos - 1 : ed->pos];
	for (size_t i = 0; i < s->n; i++) {
		const struct change *ch = &s->t[i];
		edit_put(&ed->e, ch->coll, ch->id, dir < 0 ? ch->before : ch->after,
			 dir < 0 ? ch->before_prev : ch->after_prev);
	}
	ed->pos = dir < 0 ? ed->pos - 1 : ed->pos + 1;
	commit(ui, dir < 0 ? "undone" : "redone", t0);
}

void edit_write_copy(struct ui *ui, const char *path)
{
	struct strbuf text = STRBUF_INIT, err = STRBUF_INIT;
	if (!*path) {
		ui_message(ui, true, "usage: :w PATH (a copy of the index with the edits)");
		return;
	}
	if (ui->ed)
		index_print(ui->ed->e.work, &text);
	if (!ui->ed) {
		ui_message(ui, true, "no edits to write: the index is as it was read");
	} else if (save_file(path, text.buf, text.len, &err) < 0) {
		ui_message(ui, true, "not written: %s", err.buf);
	} else {
		ui_message(ui, false, "the index with the edits written to %s", path);
	}
	sb_release(&text);
	sb_release(&err);
}

/* ---- the forms: a `:` line filled in, to accept or edit ---- */

/* Appends " OPT \"S\"" (S made safe for the line) when s is set. */
static void opt(struct strbuf *f, const char *name, const char *s)
{
	if (!s)
		return;
	sb_addf(f, " %s \"", name);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			sb_addch(f, '\\');
		sb_addch(f, (unsigned char)*s < 0x20 ? ' ' : *s);
	}
	sb_addch(f, '"');
}

static void form(struct ui *ui, const char *line, const char *what)
{
	prompt_start(ui, PROMPT_COMMAND);
	sb_addstr(&ui->input_buf, line);
	ui_message(ui, false, "%s: Enter saves it, Esc leaves it", what);
}

static const char *jstr(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

void edit_new_claim(struct ui *ui)
{
	size_t s = ui->vis_start, e = ui->vis_end, len = ui->text_len;
	const char *t = ui->text;
	if (!ui->visual || ui->src < 0) {
		ui_message(ui, true, "no selection: v in the Text pane selects a passage");
		return;
	}
	/* whole characters, no outer spaces */
	while (s < e && (!utf8_boundary(t, len, s) || t[s] == ' ' || t[s] == '\n' || t[s] == '\t'))
		s++;
	while (e > s && (!utf8_boundary(t, len, e) || t[e - 1] == ' ' || t[e - 1] == '\n' ||
			 t[e - 1] == '\t'))
		e--;
	if (s == e) {
		ui_message(ui, true, "the selection holds no character");
		return;
	}
	const struct source *src = &ui->c->sources[ui->src];
	cJSON *p = curate_propose(ui->c, (size_t)ui->src, t, s, e, "proposed");
	struct strbuf f = STRBUF_INIT;
	sb_addf(&f, "claim add %s %zu %zu --kind %s", src->id, s, e, jstr(p, "kind"));
	opt(&f, "--speaker", jstr(p, "speaker"));
	const cJSON *v;
	bool q = false, d = false;
	cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(p, "values")) {
		const char *type = jstr(v, "type");
		const cJSON *num = cJSON_GetObjectItemCaseSensitive(v, "value");
		if (!q && type && !strcmp(type, "quantity") && cJSON_IsNumber(num) && jstr(v, "unit")) {
			sb_addf(&f, " --value %.15g", num->valuedouble);
			opt(&f, "--unit", jstr(v, "unit"));
			opt(&f, "--counted", jstr(v, "counted"));
			q = true;
		} else if (!d && type && !strcmp(type, "date") && jstr(v, "value") &&
			   strlen(jstr(v, "value")) <= 10) {
			sb_addf(&f, " --date %s", jstr(v, "value"));
			d = true;
		}
	}
	sb_addstr(&f, " --note \"\"");
	cJSON_Delete(p);
	form(ui, f.buf, "a new claim of the selection");
	sb_release(&f);
}

/* The claim a form is for, or -1 said in the status line. */
static long form_claim(struct ui *ui)
{
	long k = edit_target_claim(ui);
	if (k < 0)
		ui_message(ui, true, "no claim selected: pick one in Claims (3), with ], or in Compare");
	return k;
}

void edit_claim_form(struct ui *ui)
{
	long k = form_claim(ui);
	if (k < 0)
		return;
	const struct claim *cl = &ui->c->claims[k];
	struct strbuf f = STRBUF_INIT;
	sb_addf(&f, "claim edit %s --kind %s", cl->id, cl->kind);
	opt(&f, "--speaker", cl->speaker ? cl->speaker : "");
	opt(&f, "--note", cl->note ? cl->note : "");
	form(ui, f.buf, "the claim's fields");
	sb_release(&f);
}

void edit_link_form(struct ui *ui)
{
	long k = form_claim(ui);
	if (k < 0)
		return;
	prompt_start(ui, PROMPT_COMMAND);
	sb_addstr(&ui->input_buf, "topic link ");
	ui_message(ui, false, "the topic to add claim %s to (Enter; topic add ID --label L makes one)",
		   ui->c->claims[k].id);
}
