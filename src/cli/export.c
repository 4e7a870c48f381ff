/* cli/export: claims, topics and the matrix as JSON, RFC 4180 CSV or a
 * Markdown report, in time linear in the output. */
#include "cli/export.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/text.h"
#include "base/util.h"
#include "compare/matrix.h"
#include "cli/common.h"
#include "cli/compare.h"

/* One filled cell of a topic's row: claims order[from .. from+n) of source. */
struct cell {
	size_t source, from, n;
	enum verdict mark;
};

struct exp {
	const struct cmp_model *m;
	const struct corpus *c;
	struct strbuf o;             /* pending output, flushed past 64 KiB */
	size_t *mem_start;           /* per claim: its topics are */
	size_t *mem_topic;           /* mem_topic[mem_start[i] .. mem_start[i+1]) */
	enum verdict *mark;          /* per source, VERDICT_NONE between topics */
	size_t *order;               /* a topic's claims, by source */
	struct cell *cells;          /* a topic's filled cells, by source */
	size_t ncells, cap;
	size_t visits;
};

static void flush(struct exp *e, bool all)
{
	if (e->o.len >= (1u << 16) || (all && e->o.len)) {
		out_raw(e->o.buf, e->o.len);
		sb_reset(&e->o);
	}
}

/* Corpus text, made safe. */
static void add_text(struct strbuf *o, const char *s)
{
	if (s)
		text_sanitize(o, s, strlen(s), 0);
}

/* ---- the model, read once ---- */

/* Every topic each claim belongs to, in topic order. */
static void memberships(struct exp *e)
{
	const struct cmp_model *m = e->m;
	size_t n = e->c->nclaims;
	e->mem_start = xcalloc(n + 1, sizeof *e->mem_start);
	size_t total = 0;
	for (size_t t = 0; t < m->ntopics; t++)
		for (size_t k = 0; k < m->topics[t].nclaims; k++) {
			e->mem_start[m->topics[t].claims[k] + 1]++;
			total++;
		}
	for (size_t i = 0; i < n; i++)
		e->mem_start[i + 1] += e->mem_start[i];
	e->mem_topic = xmalloc((total ? total : 1) * sizeof *e->mem_topic);
	size_t *fill = xmalloc((n ? n : 1) * sizeof *fill);
	memcpy(fill, e->mem_start, n * sizeof *fill);
	for (size_t t = 0; t < m->ntopics; t++)
		for (size_t k = 0; k < m->topics[t].nclaims; k++)
			e->mem_topic[fill[m->topics[t].claims[k]]++] = t;
	free(fill);
	e->visits += total;
}

static const struct corpus *sort_corpus;

/* Pairs (claim index, place in the topic): by source, then by place. */
static int by_source(const void *a, const void *b)
{
	const size_t *x = a, *y = b;
	size_t sx = sort_corpus->claims[x[0]].source, sy = sort_corpus->claims[y[0]].source;
	if (sx != sy)
		return sx < sy ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* The filled cells of topic t, by source: the claims of each source in
 * topic order, and the worst verdict of the pairs the source takes part
 * in (as compare_cell() marks them). */
static void topic_cells(struct exp *e, size_t t)
{
	const struct cmp_topic *tp = &e->m->topics[t];
	const struct corpus *c = e->c;
	size_t n = tp->nclaims;
	size_t *tmp = xmalloc((n ? n : 1) * 2 * sizeof *tmp);
	for (size_t k = 0; k < n; k++) {
		tmp[2 * k] = tp->claims[k];
		tmp[2 * k + 1] = k;
	}
	sort_corpus = c;
	qsort(tmp, n, 2 * sizeof *tmp, by_source);
	for (size_t k = 0; k < n; k++)
		e->order[k] = tmp[2 * k];
	free(tmp);
	e->visits += n;
	for (size_t p = 0; p < tp->npairs; p++) {
		const struct cmp_pair *pr = &tp->pairs[p];
		size_t sa = c->claims[pr->a].source, sb = c->claims[pr->b].source;
		enum verdict v = pr->v.v;
		if (compare_worse(v, e->mark[sa]))
			e->mark[sa] = v;
		if (compare_worse(v, e->mark[sb]))
			e->mark[sb] = v;
	}
	e->visits += tp->npairs;
	e->ncells = 0;
	for (size_t k = 0; k < n; k++) {
		size_t s = c->claims[e->order[k]].source;
		if (e->ncells && e->cells[e->ncells - 1].source == s) {
			e->cells[e->ncells - 1].n++;
			continue;
		}
		struct cell *cl = &e->cells[e->ncells++];
		cl->source = s;
		cl->from = k;
		cl->n = 1;
		cl->mark = e->mark[s];
		e->mark[s] = VERDICT_NONE;
		e->visits++;
	}
	/* a pair's source always holds a claim of the topic: all reset now */
}

/* A cell's text, uncut: its claims' normalised values, "; " between; a
 * claim without values adds its text when it comes first (compare_cell()
 * does the same, cut to a width). */
static void cell_text(struct exp *e, const struct cell *cl, struct strbuf *out)
{
	size_t start = out->len;
	for (size_t k = cl->from; k < cl->from + cl->n; k++) {
		size_t ci = e->order[k], before = out->len;
		if (out->len > start)
			sb_addstr(out, "; ");
		size_t at = out->len;
		compare_values_text(e->m, ci, out);
		if (out->len == at) {
			if (before > start)
				sb_setlen(out, before);
			else
				sb_addstr(out, e->c->claims[ci].text);
		}
	}
}

/* ---- values: as written, and normalised ---- */

/* The unit of a normalised value: the scale of its kind (normalize.h);
 * for a count, the counted noun as stated unless a multiplier scaled it. */
static const char *norm_unit_of(const struct norm_value *n, const struct value *v)
{
	static const char *const scale[NORM_KIND_COUNT] = {
		[NORM_PERCENT] = "%", [NORM_DISTANCE] = "km", [NORM_DURATION] = "days",
		[NORM_RATIO] = "times", [NORM_DATE] = "day", [NORM_PDATE] = "day",
	};
	if (n->kind == NORM_COUNT)
		return n->point == v->num ? v->unit : NULL;
	return scale[n->kind] ? scale[n->kind] : v->unit;
}

static void json_str(cJSON *o, const char *k, const char *s)
{
	if (s)
		cJSON_AddStringToObject(o, k, s);
	else
		cJSON_AddNullToObject(o, k);
}

static void json_num(cJSON *o, const char *k, bool has, double x)
{
	if (has && isfinite(x))
		cJSON_AddNumberToObject(o, k, x);
	else
		cJSON_AddNullToObject(o, k);
}

static cJSON *written_json(const struct value *v)
{
	cJSON *o = cJSON_CreateObject();
	if (v->type == VALUE_DATE) {
		json_str(o, "date", v->date);
		json_str(o, "precision", v->precision);
		json_str(o, "start", v->start);
		json_str(o, "end", v->end);
		return o;
	}
	json_num(o, "value", true, v->num);
	json_num(o, "low", v->has_low, v->low);
	json_num(o, "high", v->has_high, v->high);
	json_str(o, "unit", v->unit);
	json_str(o, "qualifier", v->qualifier);
	return o;
}

/* compare --json's interval, with the unit of its scale instead of the
 * unit as stated (which is in "written"). */
static cJSON *normalised_json(const struct norm_value *n, const struct value *v)
{
	cJSON *o = norm_json(n);
	cJSON_DeleteItemFromObjectCaseSensitive(o, "unit");
	cJSON_DeleteItemFromObjectCaseSensitive(o, "counted");
	cJSON_DeleteItemFromObjectCaseSensitive(o, "about");
	json_str(o, "unit", norm_unit_of(n, v));
	return o;
}

/* Every value of claim i: as written, and normalised (null when it cannot
 * be read). */
static cJSON *values_json(struct exp *e, size_t i)
{
	const struct claim *x = &e->c->claims[i];
	const struct cmp_claim_values *cv = &e->m->vals[i];
	cJSON *arr = cJSON_CreateArray();
	for (size_t j = 0, k = 0; j < x->nvalues; j++) {
		const struct value *v = &x->values[j];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "type", v->type == VALUE_DATE ? "date" : "quantity");
		json_str(o, v->type == VALUE_DATE ? "about" : "counted",
			 v->type == VALUE_DATE ? v->about : v->counted);
		cJSON_AddItemToObject(o, "written", written_json(v));
		if (k < cv->n && cv->index[k] == (int)j)
			cJSON_AddItemToObject(o, "normalised", normalised_json(&cv->v[k++], v));
		else
			cJSON_AddNullToObject(o, "normalised");
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

/* Claim i's values as written: "about 30000 troops; 2022-01". */
static void written_text(const struct claim *x, struct strbuf *out)
{
	for (size_t j = 0; j < x->nvalues; j++) {
		const struct value *v = &x->values[j];
		if (j)
			sb_addstr(out, "; ");
		if (v->type == VALUE_DATE) {
			sb_addstr(out, v->date ? v->date : v->start ? v->start : "?");
			continue;
		}
		if (v->qualifier && strcmp(v->qualifier, "range") && strcmp(v->qualifier, "exact"))
			sb_addf(out, "%s ", v->qualifier);
		if (v->has_low && v->has_high && v->low != v->high)
			sb_addf(out, "%.15g to %.15g", v->low, v->high);
		else
			sb_addf(out, "%.15g", v->num);
		if (v->unit)
			sb_addf(out, " %s", v->unit);
	}
}

/* ---- JSON: one record a line ---- */

/* Appends o unformatted (C1 controls escaped, as out_json()) and frees it. */
static void json_line(struct exp *e, cJSON *o, bool last)
{
	char *s = cJSON_PrintUnformatted(o);
	if (!s)
		die("out of memory");
	json_escape_c1(&e->o, s);
	sb_addstr(&e->o, last ? "\n" : ",\n");
	cJSON_free(s);
	cJSON_Delete(o);
	flush(e, false);
}

/* A topic's status as exports give it: the curated one where the index
 * records one, else the engine's (the worst of its cells' verdicts, the
 * reader's STATUS). */
static enum verdict shown_status(const struct cmp_model *m, size_t t)
{
	enum verdict v = matrix_curated(&m->topics[t]);
	return v != VERDICT_NONE ? v : matrix_status(m, t, NULL);
}

/* The index's note of a curated topic, or NULL. */
static const char *topic_note(const struct exp *e, const struct cmp_topic *tp)
{
	long k = tp->automatic ? -1 : corpus_find_topic(e->c, tp->id);
	return k < 0 ? NULL : e->c->topics[k].note;
}

static const char *origin(const struct cmp_topic *tp)
{
	return tp->automatic ? "auto" : "curated";
}

static void export_json(struct exp *e)
{
	const struct cmp_model *m = e->m;
	const struct corpus *c = e->c;

	sb_addstr(&e->o, "{\"sources\": [\n");
	for (size_t s = 0; s < c->nsources; s++) {
		const struct source *src = &c->sources[s];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", src->id);
		json_str(o, "outlet", src->outlet);
		json_str(o, "title", src->title);
		json_str(o, "author", src->author);
		json_str(o, "published", src->published);
		cJSON_AddBoolToObject(o, "date_guessed", src->published && source_guessed(src, "published"));
		json_str(o, "url", src->url);
		json_str(o, "note", src->note);
		json_line(e, o, s + 1 == c->nsources);
	}
	sb_addstr(&e->o, "],\n\"topics\": [\n");
	for (size_t t = 0; t < m->ntopics; t++) {
		const struct cmp_topic *tp = &m->topics[t];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", tp->id);
		cJSON_AddStringToObject(o, "label", tp->label);
		cJSON_AddStringToObject(o, "origin", origin(tp));
		cJSON_AddStringToObject(o, "status", verdict_name(shown_status(m, t)));
		json_str(o, "note", topic_note(e, tp));
		cJSON *cl = cJSON_AddArrayToObject(o, "claims");
		for (size_t k = 0; k < tp->nclaims; k++)
			cJSON_AddItemToArray(cl, cJSON_CreateString(c->claims[tp->claims[k]].id));
		e->visits += tp->nclaims;
		json_line(e, o, t + 1 == m->ntopics);
	}
	sb_addstr(&e->o, "],\n\"claims\": [\n");
	for (size_t i = 0; i < c->nclaims; i++) {
		const struct claim *x = &c->claims[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", x->id);
		cJSON_AddStringToObject(o, "source", c->sources[x->source].id);
		json_str(o, "speaker", x->speaker);
		cJSON_AddStringToObject(o, "kind", x->kind);
		cJSON *tl = cJSON_AddArrayToObject(o, "topics");
		for (size_t k = e->mem_start[i]; k < e->mem_start[i + 1]; k++)
			cJSON_AddItemToArray(tl, cJSON_CreateString(m->topics[e->mem_topic[k]].id));
		cJSON_AddItemToObject(o, "values", values_json(e, i));
		cJSON_AddStringToObject(o, "text", x->text);
		json_str(o, "note", x->note);
		e->visits++;
		json_line(e, o, i + 1 == c->nclaims);
	}
	sb_addstr(&e->o, "],\n\"matrix\": [\n");
	struct strbuf tx = STRBUF_INIT;
	for (size_t t = 0; t < m->ntopics; t++) {
		const struct cmp_topic *tp = &m->topics[t];
		topic_cells(e, t);
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "topic", tp->id);
		cJSON_AddStringToObject(o, "status", verdict_name(shown_status(m, t)));
		cJSON *cells = cJSON_AddObjectToObject(o, "cells");
		for (size_t k = 0; k < e->ncells; k++) {
			const struct cell *cl = &e->cells[k];
			sb_reset(&tx);
			cell_text(e, cl, &tx);
			cJSON *j = cJSON_CreateObject();
			cJSON_AddStringToObject(j, "text", tx.buf);
			cJSON_AddStringToObject(j, "verdict", verdict_name(cl->mark));
			cJSON *ids = cJSON_AddArrayToObject(j, "claims");
			for (size_t q = cl->from; q < cl->from + cl->n; q++)
				cJSON_AddItemToArray(ids, cJSON_CreateString(c->claims[e->order[q]].id));
			cJSON_AddItemToObject(cells, c->sources[cl->source].id, j);
		}
		json_line(e, o, t + 1 == m->ntopics);
	}
	sb_release(&tx);
	sb_addstr(&e->o, "]}\n");
}

/* ---- CSV (RFC 4180) ---- */

/* One field: sanitised and full; quoted when it holds a comma, a quote, CR
 * or LF, quotes doubled; a leading = + - or @ gets a ' first. */
static void csv_field(struct strbuf *o, const char *s, bool last)
{
	struct strbuf sb = STRBUF_INIT;
	if (!s)
		s = "";
	if (strchr("=+-@", s[0]) && s[0])
		sb_addch(&sb, '\'');
	add_text(&sb, s);
	if (strpbrk(sb.buf, ",\"\r\n")) {
		sb_addch(o, '"');
		for (size_t i = 0; i < sb.len; i++) {
			if (sb.buf[i] == '"')
				sb_addch(o, '"');
			sb_addch(o, sb.buf[i]);
		}
		sb_addch(o, '"');
	} else {
		sb_add(o, sb.buf, sb.len);
	}
	sb_addstr(o, last ? "\r\n" : ",");
	sb_release(&sb);
}

static void csv_row(struct exp *e, const char *const *f, size_t n)
{
	for (size_t k = 0; k < n; k++)
		csv_field(&e->o, f[k], k + 1 == n);
	flush(e, false);
}

static void csv_claims(struct exp *e)
{
	static const char *const head[] = { "id", "source", "outlet", "speaker", "kind",
		"topics", "values", "normalised", "text", "note" };
	const struct corpus *c = e->c;
	struct strbuf tl = STRBUF_INIT, wv = STRBUF_INIT, nv = STRBUF_INIT;
	csv_row(e, head, ARRAY_SIZE(head));
	for (size_t i = 0; i < c->nclaims; i++) {
		const struct claim *x = &c->claims[i];
		sb_reset(&tl);
		sb_reset(&wv);
		sb_reset(&nv);
		for (size_t k = e->mem_start[i]; k < e->mem_start[i + 1]; k++) {
			if (tl.len)
				sb_addch(&tl, ' ');
			sb_addstr(&tl, e->m->topics[e->mem_topic[k]].id);
		}
		written_text(x, &wv);
		compare_values_text(e->m, i, &nv);
		const char *row[] = { x->id, c->sources[x->source].id, c->sources[x->source].outlet,
			x->speaker, x->kind, tl.buf, wv.buf, nv.buf, x->text, x->note };
		csv_row(e, row, ARRAY_SIZE(row));
		e->visits++;
	}
	sb_release(&tl);
	sb_release(&wv);
	sb_release(&nv);
}

static void csv_topics(struct exp *e)
{
	static const char *const head[] = { "topic", "label", "origin", "status", "claim",
		"source", "verdict", "speaker", "values", "text", "note", "claim_note" };
	const struct corpus *c = e->c;
	struct strbuf nv = STRBUF_INIT;
	csv_row(e, head, ARRAY_SIZE(head));
	for (size_t t = 0; t < e->m->ntopics; t++) {
		const struct cmp_topic *tp = &e->m->topics[t];
		topic_cells(e, t);
		for (size_t k = 0; k < e->ncells; k++)
			for (size_t q = e->cells[k].from; q < e->cells[k].from + e->cells[k].n; q++) {
				const struct claim *x = &c->claims[e->order[q]];
				sb_reset(&nv);
				compare_values_text(e->m, e->order[q], &nv);
				const char *row[] = { tp->id, tp->label, origin(tp),
					verdict_name(shown_status(e->m, t)), x->id, c->sources[x->source].id,
					verdict_name(e->cells[k].mark), x->speaker, nv.buf, x->text,
					topic_note(e, tp), x->note };
				csv_row(e, row, ARRAY_SIZE(row));
			}
	}
	sb_release(&nv);
}

static void csv_matrix(struct exp *e)
{
	const struct corpus *c = e->c;
	struct strbuf tx = STRBUF_INIT;
	static const char *const head[] = { "topic", "label", "origin", "status" };
	for (size_t k = 0; k < ARRAY_SIZE(head); k++)
		csv_field(&e->o, head[k], false);
	for (size_t s = 0; s < c->nsources; s++)
		csv_field(&e->o, c->sources[s].id, s + 1 == c->nsources);
	if (!c->nsources)
		sb_addstr(&e->o, "\r\n");
	for (size_t t = 0; t < e->m->ntopics; t++) {
		const struct cmp_topic *tp = &e->m->topics[t];
		const char *row[] = { tp->id, tp->label, origin(tp), verdict_name(shown_status(e->m, t)) };
		for (size_t k = 0; k < ARRAY_SIZE(row); k++)
			csv_field(&e->o, row[k], false);
		topic_cells(e, t);
		size_t s = 0;
		for (size_t k = 0; k < e->ncells; k++) {
			const struct cell *cl = &e->cells[k];
			/* the empty fields before it: output, not work */
			for (; s < cl->source; s++)
				sb_addch(&e->o, ',');
			sb_reset(&tx);
			cell_text(e, cl, &tx);
			if (cl->mark != VERDICT_NONE)
				sb_addf(&tx, " (%s)", verdict_name(cl->mark));
			csv_field(&e->o, tx.buf, ++s == c->nsources);
		}
		for (; s < c->nsources; s++)
			sb_addstr(&e->o, s + 1 == c->nsources ? "\r\n" : ",");
		if (!c->nsources)
			sb_addstr(&e->o, "\r\n");
		flush(e, false);
	}
	sb_release(&tx);
}

/* ---- Markdown: a report ---- */

/* Inline text: sanitised, on one line, Markdown's marks escaped. */
static void md_text(struct strbuf *o, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	add_text(&sb, s ? s : "");
	for (size_t i = 0; i < sb.len; i++) {
		char ch = sb.buf[i];
		if (ch == '\n' || ch == '\t') {
			sb_addch(o, ' ');
			continue;
		}
		if (strchr("\\`*_[]<>|#!", ch) || (i == 0 && strchr("-+", ch)))
			sb_addch(o, '\\');
		sb_addch(o, ch);
	}
	sb_release(&sb);
}

/* An address as a link when it is a plain http(s) URL, else as text. */
static void md_url(struct strbuf *o, const char *u)
{
	bool plain = (!strncmp(u, "https://", 8) || !strncmp(u, "http://", 7));
	for (const char *p = u; plain && *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == 0x7f ||
		    (unsigned char)*p >= 0x80)
			plain = false;
	if (plain)
		sb_addf(o, "<%s>", u);
	else
		md_text(o, u);
}

/* "The Moscow Times, 2022-01-20" for a citation. */
static void md_cite_source(struct strbuf *o, const struct source *s)
{
	md_text(o, s->outlet ? s->outlet : s->id);
	sb_addstr(o, ", ");
	struct strbuf d = STRBUF_INIT;
	matrix_date(s, &d);
	md_text(o, d.buf);
	sb_release(&d);
}

static void md_report(struct exp *e)
{
	const struct cmp_model *m = e->m;
	const struct corpus *c = e->c;
	struct strbuf *o = &e->o;
	struct strbuf v = STRBUF_INIT;

	sb_addstr(o, "# ");
	md_text(o, c->title ? c->title : "Claims across sources");
	sb_addstr(o, "\n\n");
	if (c->description) {
		md_text(o, c->description);
		sb_addstr(o, "\n\n");
	}
	sb_addf(o, "%zu sources, %zu claims, %zu topics.  Marks: = agree, ~ differ, "
		"! conflict, # different measure, > timeline.\n\n## Sources\n\n",
		c->nsources, c->nclaims, m->ntopics);
	for (size_t s = 0; s < c->nsources; s++) {
		const struct source *src = &c->sources[s];
		sb_addstr(o, "- **");
		md_text(o, src->id);
		sb_addstr(o, "**: ");
		if (src->outlet) {
			sb_addch(o, '*');
			md_text(o, src->outlet);
			sb_addstr(o, "*, ");
		}
		sb_addstr(o, "\u201c");
		md_text(o, src->title ? src->title : "untitled");
		sb_addstr(o, "\u201d");
		if (src->author) {
			sb_addstr(o, ", by ");
			md_text(o, src->author);
		}
		sb_addstr(o, ", ");
		sb_reset(&v);
		matrix_date(src, &v);
		md_text(o, v.buf);
		if (src->url) {
			sb_addstr(o, ". ");
			md_url(o, src->url);
		}
		if (src->note) {
			sb_addstr(o, ".  Note: ");
			md_text(o, src->note);
		}
		sb_addstr(o, "\n");
		flush(e, false);
	}
	sb_addstr(o, "\n## Topics\n");
	for (size_t t = 0; t < m->ntopics; t++) {
		const struct cmp_topic *tp = &m->topics[t];
		topic_cells(e, t);
		sb_addf(o, "\n### %zu. ", t + 1);
		md_text(o, tp->label);
		sb_addstr(o, "\n\n`");
		md_text(o, tp->id);
		sb_addf(o, "` (%s): **%s**, %zu source%s.\n", origin(tp),
			verdict_name(shown_status(m, t)), e->ncells, e->ncells == 1 ? "" : "s");
		if (topic_note(e, tp)) {
			sb_addstr(o, "\nNote: ");
			md_text(o, topic_note(e, tp));
			sb_addstr(o, "\n");
		}
		for (size_t k = 0; k < e->ncells; k++) {
			const struct cell *cl = &e->cells[k];
			const struct source *src = &c->sources[cl->source];
			for (size_t q = cl->from; q < cl->from + cl->n; q++) {
				const struct claim *x = &c->claims[e->order[q]];
				sb_addstr(o, "\n> \u201c");
				md_text(o, x->text);
				sb_addstr(o, "\u201d\n>\n> \u2014 ");
				if (x->speaker) {
					md_text(o, x->speaker);
					sb_addstr(o, ", in ");
				}
				md_cite_source(o, src);
				sb_addstr(o, " [");
				md_text(o, src->id);
				sb_addstr(o, ", claim ");
				md_text(o, x->id);
				sb_addstr(o, "]");
				sb_reset(&v);
				compare_values_text(m, e->order[q], &v);
				if (v.len) {
					sb_addstr(o, "; ");
					md_text(o, v.buf);
				}
				if (cl->mark != VERDICT_NONE)
					sb_addf(o, " (%c %s)", verdict_mark(cl->mark), verdict_name(cl->mark));
				sb_addstr(o, "\n");
				if (x->note) {
					sb_addstr(o, ">\n> Note: ");
					md_text(o, x->note);
					sb_addstr(o, "\n");
				}
			}
		}
		flush(e, false);
	}
	sb_release(&v);
}

/* ---- the command ---- */

void export_write(const struct cmp_model *m, enum export_format f, enum export_what what,
		  struct export_stats *st)
{
	struct exp e = { .m = m, .c = m->c, .o = STRBUF_INIT };
	size_t maxn = 1;
	for (size_t t = 0; t < m->ntopics; t++)
		if (m->topics[t].nclaims > maxn)
			maxn = m->topics[t].nclaims;
	e.order = xmalloc(maxn * sizeof *e.order);
	e.cells = xmalloc(maxn * sizeof *e.cells);
	e.mark = xmalloc((e.c->nsources ? e.c->nsources : 1) * sizeof *e.mark);
	for (size_t s = 0; s < e.c->nsources; s++)
		e.mark[s] = VERDICT_NONE;
	memberships(&e);
	if (f == EXPORT_JSON)
		export_json(&e);
	else if (f == EXPORT_MD)
		md_report(&e);
	else if (what == EXPORT_TOPICS)
		csv_topics(&e);
	else if (what == EXPORT_MATRIX)
		csv_matrix(&e);
	else
		csv_claims(&e);
	flush(&e, true);
	if (st)
		st->visits += e.visits;
	free(e.mem_start);
	free(e.mem_topic);
	free(e.mark);
	free(e.order);
	free(e.cells);
	sb_release(&e.o);
}

/* The index of s in names (NULL-terminated), or -1 after a message. */
static int pick(const char *s, const char *const *names, const char *what)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(s, names[i]))
			return i;
	struct strbuf m = STRBUF_INIT;
	sb_addf(&m, "unknown export %s \"%s\" (", what, s);
	for (int i = 0; names[i]; i++)
		sb_addf(&m, "%s%s", i ? ", " : "", names[i]);
	sb_addstr(&m, ")");
	cli_error(m.buf);
	sb_release(&m);
	return -1;
}

const char *const export_formats[] = { "csv", "json", "md", NULL };
const char *const export_tables[] = { "claims", "topics", "matrix", NULL };

int cmd_export(struct corpus *c, const struct cli_args *a)
{
	const char *fs = a->format ? a->format : (a->json ? "json" : NULL);
	if (!fs) {
		fprintf(stderr, "lectern: usage: lectern export --format csv|json|md "
			"[--what claims|topics|matrix]\n");
		return 2;
	}
	int f = pick(fs, export_formats, "format"), w = 0;
	if (f < 0)
		return 2;
	if (a->what && (w = pick(a->what, export_tables, "table")) < 0)
		return 2;
	if (a->what && f != EXPORT_CSV) {
		cli_error("--what chooses a CSV table: it goes with --format csv");
		return 2;
	}
	struct cmp_model m;
	compare_build(&m, c, a->auto_only ? CMP_AUTO_ONLY : 0, NULL);
	export_write(&m, (enum export_format)f, (enum export_what)w, NULL);
	compare_release(&m);
	return 0;
}
