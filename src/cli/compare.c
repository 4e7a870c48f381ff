/* cli/compare: the compare, export, eval-compare and bench-align commands. */
#include "cli/compare.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/util.h"
#include "compare/compare.h"

/* ---- output ---- */

static void put(const char *s)
{
	fputs(s, stdout);
}

/* Corpus text, made safe; NULL prints as "-". */
static void put_text(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	if (!s)
		s = "-";
	text_sanitize(&sb, s, strlen(s), 0);
	fwrite(sb.buf, 1, sb.len, stdout);
	sb_release(&sb);
}

static void put_json(cJSON *o)
{
	char *s = cJSON_Print(o);
	if (!s)
		die("out of memory");
	put(s);
	put("\n");
	cJSON_free(s);
	cJSON_Delete(o);
}

static const char *speaker_or_dash(const struct claim *cl)
{
	return cl->speaker ? cl->speaker : "-";
}

static void build(struct cmp_model *m, struct corpus *c, const struct cli_args *a)
{
	compare_build(m, c, a->auto_only ? CMP_AUTO_ONLY : 0, NULL);
}

/* ---- compare ---- */

static void json_num_or_null(cJSON *o, const char *k, double x)
{
	if (isfinite(x))
		cJSON_AddNumberToObject(o, k, x);
	else
		cJSON_AddNullToObject(o, k);
}

static cJSON *norm_json(const struct norm_value *n)
{
	static const char *const prec[] = { "exact", "about", "open", "range",
		"part-of-month", "month", "year" };
	cJSON *o = cJSON_CreateObject();
	struct strbuf sb = STRBUF_INIT;
	norm_format(&sb, n);
	cJSON_AddStringToObject(o, "kind", norm_kind_name(n->kind));
	cJSON_AddStringToObject(o, "text", sb.buf);
	if (n->kind == NORM_DATE) {
		sb_reset(&sb);
		struct norm_value d = *n;
		d.hi = d.lo;
		norm_format(&sb, &d);
		cJSON_AddStringToObject(o, "start", sb.buf);
		sb_reset(&sb);
		d.lo = d.hi = n->hi;
		norm_format(&sb, &d);
		cJSON_AddStringToObject(o, "end", sb.buf);
	} else {
		json_num_or_null(o, "low", n->lo);
		json_num_or_null(o, "high", n->hi);
	}
	cJSON_AddStringToObject(o, "precision", prec[n->prec]);
	if (n->unit)
		cJSON_AddStringToObject(o, "unit", n->unit);
	if (n->counted)
		cJSON_AddStringToObject(o, "counted", n->counted);
	if (n->about)
		cJSON_AddStringToObject(o, "about", n->about);
	sb_release(&sb);
	return o;
}

static cJSON *topic_cjson(const struct cmp_model *m, size_t t)
{
	const struct cmp_topic *tp = &m->topics[t];
	const struct corpus *c = m->c;
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", tp->id);
	cJSON_AddStringToObject(o, "label", tp->label);
	cJSON_AddStringToObject(o, "origin", tp->automatic ? "auto" : "curated");
	cJSON_AddStringToObject(o, "status", verdict_name(tp->status));
	if (tp->curated_status)
		cJSON_AddStringToObject(o, "curated_status", tp->curated_status);
	cJSON_AddNumberToObject(o, "sources", (double)tp->nsources);
	if (tp->sampled)
		cJSON_AddBoolToObject(o, "sampled", true);
	cJSON *cl = cJSON_AddArrayToObject(o, "claims");
	for (size_t k = 0; k < tp->nclaims; k++) {
		const struct claim *x = &c->claims[tp->claims[k]];
		cJSON *j = cJSON_CreateObject();
		cJSON_AddStringToObject(j, "id", x->id);
		cJSON_AddStringToObject(j, "source", c->sources[x->source].id);
		if (x->speaker)
			cJSON_AddStringToObject(j, "speaker", x->speaker);
		else
			cJSON_AddNullToObject(j, "speaker");
		cJSON_AddStringToObject(j, "text", x->text);
		cJSON *sp = cJSON_AddArrayToObject(j, "span");
		cJSON_AddItemToArray(sp, cJSON_CreateNumber((double)x->span.start));
		cJSON_AddItemToArray(sp, cJSON_CreateNumber((double)x->span.end));
		cJSON *vals = cJSON_AddArrayToObject(j, "values");
		const struct cmp_claim_values *cv = &m->vals[tp->claims[k]];
		for (size_t v = 0; v < cv->n; v++)
			cJSON_AddItemToArray(vals, norm_json(&cv->v[v]));
		cJSON_AddItemToArray(cl, j);
	}
	cJSON *pairs = cJSON_AddArrayToObject(o, "pairs");
	for (size_t p = 0; p < tp->npairs; p++) {
		const struct cmp_pair *pr = &tp->pairs[p];
		cJSON *j = cJSON_CreateObject();
		cJSON_AddStringToObject(j, "a", c->claims[pr->a].id);
		cJSON_AddStringToObject(j, "b", c->claims[pr->b].id);
		cJSON_AddStringToObject(j, "verdict", verdict_name(pr->v.v));
		cJSON_AddBoolToObject(j, "by_values", pr->v.by_values);
		if (pr->v.complement)
			cJSON_AddBoolToObject(j, "complement", true);
		cJSON_AddItemToArray(pairs, j);
	}
	return o;
}

static void put_values(const struct cmp_model *m, size_t ci)
{
	struct strbuf sb = STRBUF_INIT;
	compare_values_text(m, ci, &sb);
	if (sb.len) {
		put("  [");
		put_text(sb.buf);
		put("]");
	}
	sb_release(&sb);
}

static void put_topic(const struct cmp_model *m, size_t t)
{
	const struct cmp_topic *tp = &m->topics[t];
	const struct corpus *c = m->c;
	put_text(tp->id);
	printf("  %s  %s", tp->automatic ? "auto" : "curated", verdict_name(tp->status));
	if (tp->curated_status && strcmp(tp->curated_status, verdict_name(tp->status))) {
		put(" (curated: ");
		put_text(tp->curated_status);
		put(")");
	}
	put("  ");
	put_text(tp->label);
	put("\n");
	long ct = tp->automatic ? -1 : corpus_find_topic(c, tp->id);
	if (ct >= 0 && c->topics[ct].note) {
		put("  note: ");
		put_text(c->topics[ct].note);
		put("\n");
	}
	for (size_t k = 0; k < tp->nclaims; k++) {
		size_t ci = tp->claims[k];
		const struct claim *x = &c->claims[ci];
		put("  ");
		put_text(x->id);
		put("  ");
		put_text(c->sources[x->source].id);
		put("  ");
		put_text(speaker_or_dash(x));
		printf("  %zu..%zu", x->span.start, x->span.end);
		put_values(m, ci);
		put("\n      ");
		put_text(x->text);
		put("\n");
	}
	for (size_t p = 0; p < tp->npairs; p++) {
		const struct cmp_pair *pr = &tp->pairs[p];
		printf("    %c ", verdict_mark(pr->v.v));
		put_text(c->claims[pr->a].id);
		put(" / ");
		put_text(c->claims[pr->b].id);
		printf(": %s%s%s\n", verdict_name(pr->v.v),
		       pr->v.v == VERDICT_RELATED ? " (no comparable value)" : "",
		       pr->v.complement ? " (complement)" : "");
	}
}

int cmd_compare(struct corpus *c, const struct cli_args *a)
{
	struct cmp_model m;
	if (a->nrest > 1) {
		fprintf(stderr, "lectern: usage: lectern compare [TOPIC]\n");
		return 2;
	}
	build(&m, c, a);
	long only = -1;
	if (a->nrest == 1 && (only = compare_find_topic(&m, a->rest[0])) < 0) {
		struct strbuf s = STRBUF_INIT;
		text_sanitize(&s, a->rest[0], strlen(a->rest[0]), 0);
		fprintf(stderr, "lectern: no topic has id \"%s\" (see lectern compare)\n", s.buf);
		sb_release(&s);
		compare_release(&m);
		return 2;
	}
	if (a->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON *arr = cJSON_AddArrayToObject(o, "topics");
		for (size_t t = 0; t < m.ntopics; t++)
			if (only < 0 || (size_t)only == t)
				cJSON_AddItemToArray(arr, topic_cjson(&m, t));
		put_json(o);
	} else {
		for (size_t t = 0; t < m.ntopics; t++)
			if (only < 0 || (size_t)only == t) {
				if (only < 0 && t)
					put("\n");
				put_topic(&m, t);
			}
	}
	compare_release(&m);
	return 0;
}

/* ---- export ---- */

enum fmt { FMT_CSV, FMT_JSON, FMT_MD };

/* A CSV field without separator: sanitised, quoted when needed; a leading
 * = + @ TAB or - (not a number) gets a ' so that spreadsheets do not run it
 * as a formula. */
static void csv_add(struct strbuf *out, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	if (!s)
		s = "";
	if (s[0] == '=' || s[0] == '+' || s[0] == '@' || s[0] == '\t' ||
	    (s[0] == '-' && s[1] && !(s[1] >= '0' && s[1] <= '9')))
		sb_addch(&sb, '\'');
	text_sanitize(&sb, s, strlen(s), 0);
	bool quote = strpbrk(sb.buf, ",\"\r\n") ||
		     (sb.len && (sb.buf[0] == ' ' || sb.buf[sb.len - 1] == ' '));
	if (quote) {
		sb_addch(out, '"');
		for (size_t i = 0; i < sb.len; i++) {
			if (sb.buf[i] == '"')
				sb_addch(out, '"');
			sb_addch(out, sb.buf[i]);
		}
		sb_addch(out, '"');
	} else {
		sb_add(out, sb.buf, sb.len);
	}
	sb_release(&sb);
}

static void csv_field(struct strbuf *out, const char *s, bool last)
{
	csv_add(out, s);
	sb_addstr(out, last ? "\r\n" : ",");
}

/* A Markdown table cell: sanitised, | and \ escaped. */
static void md_field(struct strbuf *out, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	text_sanitize(&sb, s ? s : "", strlen(s ? s : ""), 0);
	sb_addstr(out, "| ");
	for (size_t i = 0; i < sb.len; i++) {
		char ch = sb.buf[i];
		if (ch == '|' || ch == '\\' || ch == '`' || ch == '<' || ch == '>' ||
		    ch == '*' || ch == '_' || ch == '[' || ch == ']')
			sb_addch(out, '\\');
		sb_addch(out, ch);
	}
	sb_addch(out, ' ');
	sb_release(&sb);
}

static void cell_text(const struct cmp_model *m, size_t t, size_t s, struct strbuf *out,
		      enum verdict *mark, long *first)
{
	struct strbuf tx = STRBUF_INIT;
	*mark = compare_cell(m, t, s, 60, &tx, first);
	if (*first >= 0 && *mark != VERDICT_NONE)
		sb_addf(out, "%c ", verdict_mark(*mark));
	sb_add(out, tx.buf, tx.len);
	sb_release(&tx);
}

static void export_rows(const struct cmp_model *m, enum fmt f, struct strbuf *o)
{
	const struct corpus *c = m->c;
	/* claims */
	if (f == FMT_MD)
		sb_addstr(o, "## Claims\n\n| id | source | speaker | kind | topic | values | text |\n"
			  "|---|---|---|---|---|---|---|\n");
	else
		sb_addstr(o, "id,source,speaker,kind,topic,values,text\r\n");
	for (size_t i = 0; i < c->nclaims; i++) {
		const struct claim *x = &c->claims[i];
		long t = compare_topic_of(m, i);
		struct strbuf v = STRBUF_INIT;
		compare_values_text(m, i, &v);
		const char *row[] = { x->id, c->sources[x->source].id, x->speaker, x->kind,
				      t >= 0 ? m->topics[t].id : "", v.buf, x->text };
		for (size_t k = 0; k < ARRAY_SIZE(row); k++) {
			if (f == FMT_MD)
				md_field(o, row[k]);
			else
				csv_field(o, row[k], k + 1 == ARRAY_SIZE(row));
		}
		if (f == FMT_MD)
			sb_addstr(o, "|\n");
		sb_release(&v);
	}
	/* the matrix */
	if (f == FMT_MD) {
		sb_addstr(o, "\n## Topics by source\n\nMarks: = agree, ~ differ, ! conflict, "
			  "# different measure, > timeline.\n\n");
		md_field(o, "topic");
		md_field(o, "status");
		for (size_t s = 0; s < c->nsources; s++)
			md_field(o, c->sources[s].id);
		sb_addstr(o, "|\n|---|---|");
		for (size_t s = 0; s < c->nsources; s++)
			sb_addstr(o, "---|");
		sb_addstr(o, "\n");
	} else {
		sb_addstr(o, "\r\ntopic,label,origin,status");
		for (size_t s = 0; s < c->nsources; s++) {
			sb_addch(o, ',');
			csv_add(o, c->sources[s].id);
		}
		sb_addstr(o, "\r\n");
	}
	for (size_t t = 0; t < m->ntopics; t++) {
		const struct cmp_topic *tp = &m->topics[t];
		if (f == FMT_MD) {
			struct strbuf h = STRBUF_INIT;
			sb_addf(&h, "%s (%s): %s", tp->id, tp->automatic ? "auto" : "curated", tp->label);
			md_field(o, h.buf);
			md_field(o, verdict_name(tp->status));
			sb_release(&h);
		} else {
			csv_field(o, tp->id, false);
			csv_field(o, tp->label, false);
			csv_field(o, tp->automatic ? "auto" : "curated", false);
			csv_field(o, verdict_name(tp->status), c->nsources == 0);
		}
		for (size_t s = 0; s < c->nsources; s++) {
			struct strbuf cell = STRBUF_INIT;
			enum verdict mark;
			long first;
			cell_text(m, t, s, &cell, &mark, &first);
			if (f == FMT_MD)
				md_field(o, cell.buf);
			else
				csv_field(o, cell.buf, s + 1 == c->nsources);
			sb_release(&cell);
		}
		if (f == FMT_MD)
			sb_addstr(o, "|\n");
	}
}

static cJSON *export_json(const struct cmp_model *m)
{
	const struct corpus *c = m->c;
	cJSON *o = cJSON_CreateObject();
	cJSON *cl = cJSON_AddArrayToObject(o, "claims");
	for (size_t i = 0; i < c->nclaims; i++) {
		const struct claim *x = &c->claims[i];
		cJSON *j = cJSON_CreateObject();
		long t = compare_topic_of(m, i);
		cJSON_AddStringToObject(j, "id", x->id);
		cJSON_AddStringToObject(j, "source", c->sources[x->source].id);
		if (x->speaker)
			cJSON_AddStringToObject(j, "speaker", x->speaker);
		else
			cJSON_AddNullToObject(j, "speaker");
		cJSON_AddStringToObject(j, "kind", x->kind);
		if (t >= 0)
			cJSON_AddStringToObject(j, "topic", m->topics[t].id);
		else
			cJSON_AddNullToObject(j, "topic");
		cJSON *vals = cJSON_AddArrayToObject(j, "values");
		for (size_t v = 0; v < m->vals[i].n; v++)
			cJSON_AddItemToArray(vals, norm_json(&m->vals[i].v[v]));
		cJSON_AddStringToObject(j, "text", x->text);
		cJSON_AddItemToArray(cl, j);
	}
	cJSON *src = cJSON_AddArrayToObject(o, "sources");
	for (size_t s = 0; s < c->nsources; s++)
		cJSON_AddItemToArray(src, cJSON_CreateString(c->sources[s].id));
	cJSON *mx = cJSON_AddArrayToObject(o, "matrix");
	for (size_t t = 0; t < m->ntopics; t++) {
		const struct cmp_topic *tp = &m->topics[t];
		cJSON *row = cJSON_CreateObject();
		cJSON_AddStringToObject(row, "topic", tp->id);
		cJSON_AddStringToObject(row, "label", tp->label);
		cJSON_AddStringToObject(row, "origin", tp->automatic ? "auto" : "curated");
		cJSON_AddStringToObject(row, "status", verdict_name(tp->status));
		cJSON *cells = cJSON_AddObjectToObject(row, "cells");
		for (size_t s = 0; s < c->nsources; s++) {
			struct strbuf tx = STRBUF_INIT;
			long first;
			enum verdict mark = compare_cell(m, t, s, 60, &tx, &first);
			if (first < 0) {
				sb_release(&tx);
				continue;
			}
			cJSON *cell = cJSON_CreateObject();
			cJSON_AddStringToObject(cell, "text", tx.buf);
			cJSON_AddStringToObject(cell, "verdict", verdict_name(mark));
			cJSON_AddStringToObject(cell, "claim", c->claims[first].id);
			cJSON_AddItemToObject(cells, c->sources[s].id, cell);
			sb_release(&tx);
		}
		cJSON_AddItemToArray(mx, row);
	}
	return o;
}

int cmd_export(struct corpus *c, const struct cli_args *a)
{
	enum fmt f;
	const char *fs = a->format ? a->format : (a->json ? "json" : NULL);
	if (!fs) {
		fprintf(stderr, "lectern: usage: lectern export --format csv|json|md\n");
		return 2;
	}
	if (!strcmp(fs, "csv"))
		f = FMT_CSV;
	else if (!strcmp(fs, "json"))
		f = FMT_JSON;
	else if (!strcmp(fs, "md"))
		f = FMT_MD;
	else {
		struct strbuf s = STRBUF_INIT;
		text_sanitize(&s, fs, strlen(fs), 0);
		fprintf(stderr, "lectern: unknown export format \"%s\" (csv, json or md)\n", s.buf);
		sb_release(&s);
		return 2;
	}
	struct cmp_model m;
	build(&m, c, a);
	if (f == FMT_JSON) {
		put_json(export_json(&m));
	} else {
		struct strbuf o = STRBUF_INIT;
		export_rows(&m, f, &o);
		fwrite(o.buf, 1, o.len, stdout);
		sb_release(&o);
	}
	compare_release(&m);
	return 0;
}
