/* cli/curate: lectern claim, topic and note: the analyst's edits of an index. */
#include "cli/curate.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "corpus/edit.h"
#include "compare/curate.h"
#include "cli/common.h"

/* ---- opening and saving ---- */

static int open_index(const struct cli_args *a, struct edit *e)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;
	struct diags d;
	if (corpus_locate(a->corpus, &path) < 0) {
		cli_error(path.buf);
		sb_release(&path);
		memset(e, 0, sizeof *e);
		return 2;
	}
	diags_init(&d);
	int r = edit_open(e, path.buf, 0, &d, &err);
	cli_problems(path.buf, &d, r == EDIT_INVALID);
	if (err.len)
		cli_error(err.buf);
	diags_release(&d);
	sb_release(&path);
	sb_release(&err);
	return r;
}

/* The changed objects of e, as the header says: JSON or one line each. */
static void report(const struct edit *e, bool json, cJSON **out, struct strbuf *text)
{
	cJSON *o = cJSON_CreateObject(), *removed = NULL;
	for (size_t i = 0; i < e->ntouched; i++) {
		const struct edit_touch *t = &e->touched[i];
		const cJSON *b = edit_find(e->base, t->coll, t->id);
		const cJSON *w = edit_find(e->work, t->coll, t->id);
		if (b && w && cJSON_Compare(b, w, true))
			continue;
		edit_kind_name(text, t->coll);
		sb_addf(text, " %s: %s\n", t->id, !w ? "removed" : !b ? "added" : "changed");
		if (!json)
			continue;
		if (!w) {
			if (!removed)
				removed = cJSON_AddObjectToObject(o, "removed");
			cJSON *ra = cJSON_GetObjectItemCaseSensitive(removed, t->coll);
			if (!ra)
				ra = cJSON_AddArrayToObject(removed, t->coll);
			cJSON_AddItemToArray(ra, cJSON_CreateString(t->id));
		} else {
			cJSON *arr = cJSON_GetObjectItemCaseSensitive(o, t->coll);
			if (!arr)
				arr = cJSON_AddArrayToObject(o, t->coll);
			cJSON_AddItemToArray(arr, cJSON_Duplicate(w, true));
		}
	}
	*out = o;
}

/* Saves e and prints what changed; the exit status. */
static int finish(const struct cli_args *a, struct edit *e)
{
	cJSON *json;
	struct strbuf text = STRBUF_INIT, msg = STRBUF_INIT;
	report(e, a->json, &json, &text);
	int r = EDIT_OK;
	if (edit_dirty(e))
		r = edit_save(e, &msg);
	if (r != EDIT_OK) {
		cli_error(msg.buf);
		if (r == EDIT_INVALID)
			cli_error("nothing written");
		cJSON_Delete(json);
	} else if (a->json) {
		out_json(json);
	} else {
		/* one line an object, each made safe on its own */
		char *line = text.buf, *nl;
		while (text.len && (nl = strchr(line, '\n'))) {
			*nl = '\0';
			out_text(line, 0);
			out_str("\n");
			line = nl + 1;
		}
		if (!text.len)
			out_str("nothing changed\n");
		cJSON_Delete(json);
	}
	sb_release(&text);
	sb_release(&msg);
	edit_close(e);
	return r;
}

/* Runs edit cmd of lectern-corpus(5) on the index: open, edit, save and
 * report. */
static int run_edit(const struct cli_args *a, const char *cmd)
{
	struct edit e;
	int r = open_index(a, &e);
	if (r)
		return r;
	struct curate_args ca = {
		.kind = a->kind, .speaker = a->speaker, .note = a->note, .value = a->value,
		.unit = a->unit, .counted = a->counted, .date = a->date, .label = a->label,
		.relation = a->relation, .rest = a->rest, .nrest = a->nrest,
	};
	struct strbuf err = STRBUF_INIT;
	r = curate_run(cmd, &ca, &e, &err);
	if (r == CURATE_USAGE)
		fprintf(stderr, "lectern: usage: lectern %s (see lectern --help)\n", err.buf);
	else if (r)
		cli_error(err.buf);
	sb_release(&err);
	if (r) {
		edit_close(&e);
		return r == CURATE_INVALID ? 1 : 2;
	}
	return finish(a, &e);
}

int cmd_claim(const struct cli_args *a)
{
	return run_edit(a, "claim");
}

int cmd_topic(const struct cli_args *a)
{
	return run_edit(a, "topic");
}

int cmd_note(const struct cli_args *a)
{
	return run_edit(a, "note");
}
