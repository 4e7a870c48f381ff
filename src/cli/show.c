/* cli/show: the commands that print a corpus: check, list, show, claims,
 * topics, and the summary printed when there is no reader. */
#include "cli/show.h"

#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/text.h"
#include "base/util.h"
#include "corpus/cite.h"
#include "corpus/json.h"
#include "cli/common.h"

int cmd_check(struct corpus *c, const struct cli_args *a)
{
	(void)a;
	out_str("ok: ");
	out_text(c->title, 0);
	printf(": %zu sources, %zu claims, %zu topics\n", c->nsources, c->nclaims, c->ntopics);
	return 0;
}

int cmd_list(struct corpus *c, const struct cli_args *a)
{
	if (a->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON *arr = cJSON_AddArrayToObject(o, "sources");
		for (size_t i = 0; i < c->nsources; i++)
			cJSON_AddItemToArray(arr, source_json(c, i));
		out_json(o);
		return 0;
	}
	size_t wid = 2, wdate = 9, wout = 6;
	for (size_t i = 0; i < c->nsources; i++) {
		struct source *s = &c->sources[i];
		size_t w;
		if ((w = col_width(s->id)) > wid) wid = w;
		if ((w = col_width(s->published) + source_guessed(s, "published")) > wdate)
			wdate = w;
		if ((w = col_width(s->outlet)) > wout) wout = w;
	}
	out_cell("ID", wid, false);
	out_cell("PUBLISHED", wdate, false);
	out_cell("OUTLET", wout, false);
	out_cell("CLAIMS", 6, false);
	out_cell("TITLE", 0, true);
	out_str("\n");
	for (size_t i = 0; i < c->nsources; i++) {
		struct source *s = &c->sources[i];
		char n[32];
		snprintf(n, sizeof n, "%zu", s->nclaims);
		out_cell(s->id, wid, false);
		struct strbuf d = STRBUF_INIT;
		if (s->published)   /* "2022-02?": a date guessed at import */
			sb_addf(&d, "%s%s", s->published, source_guessed(s, "published") ? "?" : "");
		out_cell(s->published ? d.buf : NULL, wdate, false);
		sb_release(&d);
		out_cell(s->outlet, wout, false);
		out_cell(n, 6, false);
		out_cell(s->title, 0, true);
		out_str("\n");
	}
	return 0;
}

static long want_source(struct corpus *c, const char *id)
{
	long k = corpus_find_source(c, id);
	if (k < 0) {
		struct strbuf m = STRBUF_INIT;
		text_sanitize(&m, id, strlen(id), 0);
		fprintf(stderr, "lectern: no source has id \"%s\" (see lectern list)\n", m.buf);
		sb_release(&m);
	}
	return k;
}

static void out_field(const char *label, const char *value)
{
	printf("%-11s ", label);
	out_text(value, 0);
	out_str("\n");
}

int cmd_show(struct corpus *c, const struct cli_args *a)
{
	if (a->nrest != 1) {
		fprintf(stderr, "lectern: usage: lectern show SOURCE\n");
		return 2;
	}
	long k = want_source(c, a->rest[0]);
	if (k < 0)
		return 2;
	struct source *s = &c->sources[k];
	struct strbuf err = STRBUF_INIT;
	size_t len;
	const char *t = corpus_text(c, (size_t)k, &len, &err);
	if (!t) {
		struct strbuf m = STRBUF_INIT;
		text_sanitize(&m, s->file, strlen(s->file), 0);
		fprintf(stderr, "lectern: %s: %s\n", m.buf, err.buf);
		sb_release(&m);
		sb_release(&err);
		return 2;
	}
	sb_release(&err);
	if (a->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "source", source_json(c, (size_t)k));
		/* cJSON needs a C string of valid UTF-8: NUL bytes become spaces,
		 * invalid bytes U+FFFD */
		struct strbuf sb = STRBUF_INIT;
		for (size_t i = 0; i < len;) {
			uint32_t cp;
			int l = utf8_decode(t + i, len - i, &cp);
			if (cp == TEXT_INVALID)
				sb_addstr(&sb, "\xEF\xBF\xBD");
			else if (!cp)
				sb_addch(&sb, ' ');
			else
				sb_add(&sb, t + i, (size_t)l);
			i += (size_t)l;
		}
		cJSON_AddStringToObject(o, "text", sb.buf);
		sb_release(&sb);
		cJSON *cl = cJSON_AddArrayToObject(o, "claims");
		for (size_t i = 0; i < s->nclaims; i++)
			cJSON_AddItemToArray(cl, claim_json(c, s->claims[i]));
		out_json(o);
		return 0;
	}
	out_field("id:", s->id);
	out_field("title:", s->title);
	out_field("outlet:", s->outlet);
	out_field("author:", s->author);
	out_field("published:", s->published);
	out_field("url:", s->url);
	out_field("language:", s->language);
	out_field("file:", s->file);
	out_field("sha256:", s->sha256);
	if (s->original)
		out_field("original:", s->original);
	if (s->nguessed) {
		struct strbuf g = STRBUF_INIT;
		for (size_t i = 0; i < s->nguessed; i++)
			sb_addf(&g, "%s%s", i ? ", " : "", s->guessed[i]);
		out_field("guessed:", g.buf);
		sb_release(&g);
	}
	for (size_t i = 0; i < s->nrepairs; i++) {
		struct strbuf r = STRBUF_INIT;
		const struct repair *rp = &s->repairs[i];
		sb_addf(&r, "%s %s", rp->kind ? rp->kind : "?", rp->action ? rp->action : "?");
		if (rp->count >= 0)
			sb_addf(&r, " (%lld)", rp->count);
		if (rp->detail)
			sb_addf(&r, ": %s", rp->detail);
		out_field("repair:", r.buf);
		sb_release(&r);
	}
	if (s->note)
		out_field("note:", s->note);
	printf("claims:     %zu\n\n", s->nclaims);
	struct strbuf sb = STRBUF_INIT;
	text_sanitize(&sb, t, len, SANITIZE_NEWLINES);
	out_raw(sb.buf, sb.len);
	if (!sb.len || sb.buf[sb.len - 1] != '\n')
		out_str("\n");
	sb_release(&sb);
	return 0;
}

static void out_claim_line(struct corpus *c, size_t i, const char *indent)
{
	struct claim *cl = &c->claims[i];
	struct strbuf v = STRBUF_INIT;
	for (size_t k = 0; k < cl->nvalues; k++) {
		if (k)
			sb_addstr(&v, "; ");
		value_format(&v, &cl->values[k]);
	}
	out_str(indent);
	out_text(cl->id, 0);
	out_str("  ");
	out_text(c->sources[cl->source].id, 0);
	out_str("  ");
	out_text(cl->kind, 0);
	if (cl->speaker) {
		out_str("  ");
		out_text(cl->speaker, 0);
	}
	if (v.len) {
		out_str("  [");
		out_text(v.buf, 0);
		out_str("]");
	}
	out_str("\n");
	out_str(indent);
	out_str("    ");
	out_text(cl->text, 0);
	out_str("\n");
	if (cl->note) {
		out_str(indent);
		out_str("    note: ");
		out_text(cl->note, 0);
		out_str("\n");
	}
	sb_release(&v);
}

int cmd_claims(struct corpus *c, const struct cli_args *a)
{
	long only = -1;
	if (a->source && (only = want_source(c, a->source)) < 0)
		return 2;
	if (a->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON *arr = cJSON_AddArrayToObject(o, "claims");
		for (size_t i = 0; i < c->nclaims; i++)
			if (only < 0 || c->claims[i].source == (size_t)only)
				cJSON_AddItemToArray(arr, claim_json(c, i));
		out_json(o);
		return 0;
	}
	for (size_t i = 0; i < c->nclaims; i++)
		if (only < 0 || c->claims[i].source == (size_t)only)
			out_claim_line(c, i, "");
	return 0;
}

int cmd_topics(struct corpus *c, const struct cli_args *a)
{
	if (a->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON *arr = cJSON_AddArrayToObject(o, "topics");
		for (size_t i = 0; i < c->ntopics; i++)
			cJSON_AddItemToArray(arr, topic_json(c, i));
		out_json(o);
		return 0;
	}
	for (size_t i = 0; i < c->ntopics; i++) {
		struct topic *t = &c->topics[i];
		out_text(t->id, 0);
		out_str("  ");
		out_text(t->label, 0);
		if (t->status) {
			out_str("  [");
			out_text(t->status, 0);
			out_str("]");
		}
		out_str("\n");
		if (t->note) {
			out_str("  note: ");
			out_text(t->note, 0);
			out_str("\n");
		}
		for (size_t k = 0; k < t->nclaims; k++)
			out_claim_line(c, t->claims[k], "  ");
	}
	return 0;
}

int cmd_summary(struct corpus *c, const struct cli_args *a)
{
	out_text(c->title, 0);
	printf("\n%zu sources, %zu claims, %zu topics\n\n", c->nsources, c->nclaims, c->ntopics);
	return cmd_list(c, a);
}


int cmd_cite(struct corpus *c, const struct cli_args *a)
{
	enum cite_format f = CITE_PLAIN;
	struct strbuf m = STRBUF_INIT;
	int rc = 0;

	if (a->nrest != 1) {
		fprintf(stderr, "lectern: usage: lectern cite CLAIM [--format FMT]\n");
		return 2;
	}
	long k = corpus_find_claim(c, a->rest[0]);
	if (a->format && cite_format_parse(a->format, &f) < 0) {
		sb_addf(&m, "--format \"%s\": no such citation format (" CITE_FORMAT_LIST ")",
			a->format);
		rc = 1;
	} else if (k < 0) {
		sb_addf(&m, "%s: no claim \"%s\" (see lectern claims)", c->index_path, a->rest[0]);
		rc = 1;
	} else {
		/* the citation is made safe field by field (cite_clean) */
		cite_write(&m, c, (size_t)k, f);
		sb_addch(&m, '\n');
		out_raw(m.buf, m.len);
	}
	if (rc)
		cli_error(m.buf);
	sb_release(&m);
	return rc;
}
