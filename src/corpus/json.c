/* corpus/json: the model written back as JSON, and values as words. */
#include "corpus/json.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/save.h"
#include "base/util.h"

static void add_str(cJSON *o, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(o, key, s);
	else
		cJSON_AddNullToObject(o, key);
}

static void add_opt(cJSON *o, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(o, key, s);
}

/* Restores the unknown members kept at load time. */
static void add_extra(cJSON *o, const char *extra)
{
	if (!extra)
		return;
	cJSON *x = cJSON_Parse(extra);
	if (!x)
		return;
	while (x->child) {
		cJSON *m = cJSON_DetachItemViaPointer(x, x->child);
		cJSON_AddItemToObject(o, m->string, m);
	}
	cJSON_Delete(x);
}

static cJSON *span_json(struct span sp)
{
	cJSON *a = cJSON_CreateArray();
	cJSON_AddItemToArray(a, cJSON_CreateNumber((double)sp.start));
	cJSON_AddItemToArray(a, cJSON_CreateNumber((double)sp.end));
	return a;
}

cJSON *value_json(const struct value *v)
{
	cJSON *o = cJSON_CreateObject();
	if (v->type == VALUE_DATE) {
		cJSON_AddStringToObject(o, "type", "date");
		add_str(o, "value", v->date);
		add_opt(o, "precision", v->precision);
		add_opt(o, "start", v->start);
		add_opt(o, "end", v->end);
		add_opt(o, "about", v->about);
	} else {
		cJSON_AddStringToObject(o, "type", "quantity");
		cJSON_AddNumberToObject(o, "value", v->num);
		add_str(o, "unit", v->unit);
		add_opt(o, "counted", v->counted);
		add_opt(o, "qualifier", v->qualifier);
		if (v->has_low)
			cJSON_AddNumberToObject(o, "low", v->low);
		else
			cJSON_AddNullToObject(o, "low");
		if (v->has_high)
			cJSON_AddNumberToObject(o, "high", v->high);
		else
			cJSON_AddNullToObject(o, "high");
	}
	add_extra(o, v->extra);
	return o;
}

cJSON *source_json(const struct corpus *c, size_t i)
{
	const struct source *s = &c->sources[i];
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", s->id);
	add_str(o, "title", s->title);
	add_str(o, "outlet", s->outlet);
	add_str(o, "author", s->author);
	add_str(o, "published", s->published);
	add_str(o, "url", s->url);
	add_str(o, "language", s->language);
	cJSON_AddStringToObject(o, "file", s->file);
	cJSON_AddStringToObject(o, "sha256", s->sha256);
	if (s->nboiler) {
		cJSON *b = cJSON_AddArrayToObject(o, "boilerplate");
		for (size_t k = 0; k < s->nboiler; k++)
			cJSON_AddItemToArray(b, span_json(s->boiler[k]));
	}
	if (s->has_provenance) {
		cJSON *p = cJSON_AddObjectToObject(o, "provenance");
		add_opt(p, "original", s->original);
		if (s->nguessed) {
			cJSON *g = cJSON_AddArrayToObject(p, "guessed");
			for (size_t k = 0; k < s->nguessed; k++)
				cJSON_AddItemToArray(g, cJSON_CreateString(s->guessed[k]));
		}
		if (s->nrepairs) {
			cJSON *r = cJSON_AddArrayToObject(p, "repairs");
			for (size_t k = 0; k < s->nrepairs; k++) {
				const struct repair *rp = &s->repairs[k];
				cJSON *e = cJSON_CreateObject();
				add_opt(e, "kind", rp->kind);
				add_opt(e, "action", rp->action);
				if (rp->count >= 0)
					cJSON_AddNumberToObject(e, "count", (double)rp->count);
				add_opt(e, "detail", rp->detail);
				add_extra(e, rp->extra);
				cJSON_AddItemToArray(r, e);
			}
		}
		add_opt(p, "note", s->prov_note);
		add_extra(p, s->prov_extra);
	}
	cJSON_AddNumberToObject(o, "claim_count", (double)s->nclaims);
	add_opt(o, "note", s->note);
	add_extra(o, s->extra);
	return o;
}

cJSON *claim_json(const struct corpus *c, size_t i)
{
	const struct claim *cl = &c->claims[i];
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", cl->id);
	cJSON_AddStringToObject(o, "source", c->sources[cl->source].id);
	cJSON_AddItemToObject(o, "span", span_json(cl->span));
	cJSON_AddStringToObject(o, "text", cl->text);
	cJSON_AddStringToObject(o, "kind", cl->kind);
	add_str(o, "speaker", cl->speaker);
	add_opt(o, "speaker_role", cl->speaker_role);
	cJSON *vs = cJSON_AddArrayToObject(o, "values");
	for (size_t k = 0; k < cl->nvalues; k++)
		cJSON_AddItemToArray(vs, value_json(&cl->values[k]));
	cJSON *ts = cJSON_AddArrayToObject(o, "topics");
	for (size_t k = 0; k < cl->ntopics; k++)
		cJSON_AddItemToArray(ts, cJSON_CreateString(c->topics[cl->topics[k]].id));
	cJSON_AddStringToObject(o, "origin", cl->origin);
	add_opt(o, "note", cl->note);
	add_extra(o, cl->extra);
	return o;
}

cJSON *topic_json(const struct corpus *c, size_t i)
{
	const struct topic *t = &c->topics[i];
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", t->id);
	cJSON_AddStringToObject(o, "label", t->label);
	add_str(o, "note", t->note);
	cJSON *cl = cJSON_AddArrayToObject(o, "claims");
	for (size_t k = 0; k < t->nclaims; k++)
		cJSON_AddItemToArray(cl, cJSON_CreateString(c->claims[t->claims[k]].id));
	add_opt(o, "status", t->status);
	add_opt(o, "origin", t->origin);
	add_extra(o, t->extra);
	return o;
}

cJSON *corpus_json(const struct corpus *c)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "schema", CORPUS_SCHEMA);
	cJSON_AddNumberToObject(o, "version", CORPUS_VERSION);
	cJSON_AddStringToObject(o, "title", c->title);
	add_str(o, "description", c->description);
	cJSON *a = cJSON_AddArrayToObject(o, "sources");
	for (size_t i = 0; i < c->nsources; i++) {
		cJSON *s = source_json(c, i);
		cJSON_DeleteItemFromObjectCaseSensitive(s, "claim_count");
		cJSON_AddItemToArray(a, s);
	}
	a = cJSON_AddArrayToObject(o, "claims");
	for (size_t i = 0; i < c->nclaims; i++)
		cJSON_AddItemToArray(a, claim_json(c, i));
	a = cJSON_AddArrayToObject(o, "topics");
	for (size_t i = 0; i < c->ntopics; i++)
		cJSON_AddItemToArray(a, topic_json(c, i));
	add_extra(o, c->extra);
	return o;
}

static void print_value(struct strbuf *out, const cJSON *n, int depth);

/* The sections as index_print() shows them empty, at depth 1. */
static const char *const section_key[] = { "\n  \"sources\": []",
	"\n  \"claims\": []", "\n  \"topics\": []" };

void jindex_begin(struct jindex *w, const char *title, const char *description,
		  const char *extra)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "schema", CORPUS_SCHEMA);
	cJSON_AddNumberToObject(o, "version", CORPUS_VERSION);
	cJSON_AddStringToObject(o, "title", title);
	add_str(o, "description", description);
	cJSON_AddArrayToObject(o, "sources");
	cJSON_AddArrayToObject(o, "claims");
	cJSON_AddArrayToObject(o, "topics");
	add_extra(o, extra);
	struct strbuf head = STRBUF_INIT;
	index_print(o, &head);
	cJSON_Delete(o);
	w->head = sb_detach(&head, NULL);
	sb_init(&w->out);
	w->section = -1;
	w->n = 0;
	w->at = 0;
	w->sink = NULL;
	w->err = NULL;
	w->failed = false;
}

void jindex_sink(struct jindex *w, struct save_stream *ss, struct strbuf *err)
{
	w->sink = ss;
	w->err = err;
}

bool jindex_failed(const struct jindex *w)
{
	return w->failed;
}

/* Writes what is printed to the sink (all of it, or once it is a chunk). */
static void jindex_flush(struct jindex *w, bool all)
{
	if (!w->sink || (!all && w->out.len < JINDEX_CHUNK))
		return;
	if (!w->failed && save_write(w->sink, w->out.buf, w->out.len, w->err) < 0)
		w->failed = true;   /* the stream is cancelled */
	sb_reset(&w->out);
}

/* Closes the section being written, then writes head up to the inside of
 * section s's "[]" (or to its end). */
static void jindex_open(struct jindex *w, int s)
{
	while (w->section < s) {
		if (w->section >= 0)
			sb_addstr(&w->out, w->n ? "\n  ]" : "]");
		w->section++;
		w->n = 0;
		const char *from = w->head + w->at;
		const char *key = w->section < JINDEX_END ?
			strstr(from, section_key[w->section]) : NULL;
		/* the keys stand at depth 1, once each, and no string holds a
		 * raw newline: the first match is the member */
		size_t len = key ? (size_t)(key - from) + strlen(section_key[w->section]) - 1 :
			     strlen(from);
		sb_add(&w->out, from, len);
		w->at += len + (key ? 1 : 0);
	}
}

void jindex_take(struct jindex *w, enum jindex_section s, cJSON *item)
{
	jindex_add(w, s, item);
	cJSON_Delete(item);
}

void jindex_add(struct jindex *w, enum jindex_section s, const cJSON *item)
{
	jindex_open(w, (int)s);
	sb_addstr(&w->out, w->n++ ? ",\n    " : "\n    ");
	print_value(&w->out, item, 2);   /* the element stands at depth 2 */
	jindex_flush(w, false);
}

void jindex_end(struct jindex *w, struct strbuf *out)
{
	jindex_open(w, JINDEX_END);
	free(w->head);
	w->head = NULL;
	*out = w->out;
	sb_init(&w->out);
}

int jindex_close(struct jindex *w)
{
	jindex_open(w, JINDEX_END);
	free(w->head);
	w->head = NULL;
	jindex_flush(w, true);
	sb_release(&w->out);
	bool failed = w->failed || save_close(w->sink, w->err) < 0;
	w->sink = NULL;
	return failed ? -1 : 0;
}

void jindex_release(struct jindex *w)
{
	free(w->head);
	w->head = NULL;
	sb_release(&w->out);
	if (w->sink && !w->failed)
		save_cancel(w->sink);
	w->sink = NULL;
}

static void num(struct strbuf *out, double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		sb_addf(out, "%.0f", v);
	else
		sb_addf(out, "%g", v);
}

void value_format(struct strbuf *out, const struct value *v)
{
	if (v->type == VALUE_DATE) {
		if (v->start && v->end && strcmp(v->start, v->end))
			sb_addf(out, "%s..%s", v->start, v->end);
		else
			sb_addstr(out, v->date ? v->date : "?");
		return;
	}
	if (v->qualifier && strcmp(v->qualifier, "exact") && strcmp(v->qualifier, "range"))
		sb_addf(out, "%s ", v->qualifier);
	if (v->qualifier && !strcmp(v->qualifier, "range") && v->has_low && v->has_high) {
		num(out, v->low);
		sb_addch(out, '-');
		num(out, v->high);
	} else {
		num(out, v->num);
	}
	if (v->unit && !strcmp(v->unit, "percent"))
		sb_addch(out, '%');
	else if (v->unit && *v->unit)
		sb_addf(out, " %s", v->unit);
}

/* ---- the index's layout ---- */

static void print_string(struct strbuf *out, const char *s)
{
	sb_addch(out, '"');
	for (;;) {
		/* a run of bytes written as they are, then one escape */
		const char *run = s;
		while ((unsigned char)*s >= 0x20 && *s != '"' && *s != '\\')
			s++;
		sb_add(out, run, (size_t)(s - run));
		unsigned char ch = (unsigned char)*s++;
		switch (ch) {
		case '\0': sb_addch(out, '"'); return;
		case '"': sb_addstr(out, "\\\""); break;
		case '\\': sb_addstr(out, "\\\\"); break;
		case '\n': sb_addstr(out, "\\n"); break;
		case '\r': sb_addstr(out, "\\r"); break;
		case '\t': sb_addstr(out, "\\t"); break;
		case '\b': sb_addstr(out, "\\b"); break;
		case '\f': sb_addstr(out, "\\f"); break;
		default: sb_addf(out, "\\u%04x", ch);
		}
	}
}

/* The shortest text that reads back as v; whole numbers without a point
 * (as "%.0f" writes them, "-0" too). */
static void print_number(struct strbuf *out, double v)
{
	if (v == floor(v) && fabs(v) < 9007199254740992.0) {
		char digits[24], *p = digits + sizeof digits;
		unsigned long long n = (unsigned long long)fabs(v);
		do
			*--p = (char)('0' + n % 10);
		while ((n /= 10));
		if (signbit(v))
			*--p = '-';
		sb_add(out, p, (size_t)(digits + sizeof digits - p));
		return;
	}
	char buf[40];
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, sizeof buf, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	sb_addstr(out, buf);
}

/* A new line and n spaces. */
static void print_indent(struct strbuf *out, int n)
{
	static const char spaces[] = "\n                                ";
	sb_add(out, spaces, 1);
	for (; n > 0; n -= (int)sizeof spaces - 2)
		sb_add(out, spaces + 1, n < (int)sizeof spaces - 2 ? (size_t)n : sizeof spaces - 2);
}

static void print_value(struct strbuf *out, const cJSON *n, int depth)
{
	if (cJSON_IsString(n)) {
		print_string(out, n->valuestring);
	} else if (cJSON_IsNumber(n)) {
		print_number(out, n->valuedouble);
	} else if (cJSON_IsTrue(n)) {
		sb_addstr(out, "true");
	} else if (cJSON_IsFalse(n)) {
		sb_addstr(out, "false");
	} else if (cJSON_IsArray(n) || cJSON_IsObject(n)) {
		bool obj = cJSON_IsObject(n);
		sb_addch(out, obj ? '{' : '[');
		if (!n->child) {
			sb_addch(out, obj ? '}' : ']');
			return;
		}
		for (const cJSON *m = n->child; m; m = m->next) {
			print_indent(out, 2 * (depth + 1));
			if (obj) {
				print_string(out, m->string);
				sb_addstr(out, ": ");
			}
			print_value(out, m, depth + 1);
			if (m->next)
				sb_addch(out, ',');
		}
		print_indent(out, 2 * depth);
		sb_addch(out, obj ? '}' : ']');
	} else {
		sb_addstr(out, "null");
	}
}

void index_print(const cJSON *root, struct strbuf *out)
{
	print_value(out, root, 0);
	sb_addch(out, '\n');
}
