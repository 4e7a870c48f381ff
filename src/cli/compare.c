/* cli/compare: the compare command (export is cli/export.c). */
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

cJSON *norm_json(const struct norm_value *n)
{
	static const char *const prec[] = { "exact", "about", "open", "range",
		"part-of-month", "month", "year" };
	cJSON *o = cJSON_CreateObject();
	struct strbuf sb = STRBUF_INIT;
	norm_format(&sb, n);
	cJSON_AddStringToObject(o, "kind", norm_kind_name(n->kind));
	cJSON_AddStringToObject(o, "text", sb.buf);
	if (n->kind == NORM_DATE || n->kind == NORM_PDATE) {
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

