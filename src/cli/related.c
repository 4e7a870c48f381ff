/* cli/related: the related command, each claim's counterparts across sources. */
#include "cli/compare.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/util.h"
#include "cli/common.h"
#include "compare/related.h"

#define RELATED_DEFAULT_K 5
#define RELATED_MAX_K 100

/* One claim's entry, printed at once (the list is streamed: a whole
 * corpus's worth of cJSON would cost gigabytes). */
static void put_json(struct rel_index *r, size_t c, const struct rel_hit *h, size_t n,
		     bool first)
{
	const struct corpus *cp = r->m->c;
	struct strbuf why = STRBUF_INIT;
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "claim", cp->claims[c].id);
	cJSON *arr = cJSON_AddArrayToObject(o, "counterparts");
	for (size_t i = 0; i < n; i++) {
		const struct claim *x = &cp->claims[h[i].claim];
		const char *v = related_verdict(&h[i]);
		cJSON *j = cJSON_CreateObject();
		cJSON_AddStringToObject(j, "claim", x->id);
		cJSON_AddStringToObject(j, "source", cp->sources[x->source].id);
		cJSON_AddNumberToObject(j, "score", (double)(long)(h[i].score * 1000 + 0.5) / 1000);
		if (v)
			cJSON_AddStringToObject(j, "verdict", v);
		else
			cJSON_AddNullToObject(j, "verdict");
		sb_reset(&why);
		related_why(r, c, &h[i], &why);
		cJSON_AddStringToObject(j, "why", why.buf);
		cJSON_AddItemToArray(arr, j);
	}
	sb_release(&why);
	out_str(first ? "\n" : ",\n");
	out_json(o);
}

static void put_text_rows(struct rel_index *r, size_t c, const struct rel_hit *h, size_t n)
{
	const struct corpus *cp = r->m->c;
	struct strbuf why = STRBUF_INIT;
	out_text(cp->claims[c].id, 0);
	out_str("  ");
	out_text(cp->claims[c].text, 0);
	out_str("\n");
	if (!n)
		out_str("    (no counterpart)\n");
	for (size_t i = 0; i < n; i++) {
		const struct claim *x = &cp->claims[h[i].claim];
		char num[32];
		snprintf(num, sizeof num, "  %6.2f  ", h[i].score);
		out_str("  ");
		out_str((char[]){ h[i].gated ? '?' : verdict_mark(h[i].v.v), '\0' });
		out_str(num);
		out_text(x->id, 0);
		out_str("  ");
		out_str(h[i].gated ? "no verdict" : verdict_name(h[i].v.v));
		out_str(h[i].v.v == VERDICT_RELATED && !h[i].gated ? " (no comparable value)" : "");
		sb_reset(&why);
		related_why(r, c, &h[i], &why);
		out_str(": ");
		out_text(why.buf, 0);
		out_str("\n      ");
		out_text(x->text, 0);
		out_str("\n");
	}
	sb_release(&why);
}

int cmd_related(struct corpus *c, const struct cli_args *a)
{
	long k = RELATED_DEFAULT_K, only = -1;
	if (a->nrest > 1) {
		cli_error("related takes at most one CLAIM");
		return 2;
	}
	if (a->k) {
		char *end;
		k = strtol(a->k, &end, 10);
		if (*end || end == a->k || k < 1 || k > RELATED_MAX_K) {
			cli_error("--k takes a number from 1 to 100");
			return 2;
		}
	}
	if (a->nrest == 1) {
		only = corpus_find_claim(c, a->rest[0]);
		if (only < 0) {
			struct strbuf m = STRBUF_INIT;
			sb_addf(&m, "no claim \"%s\" (see lectern claims)", a->rest[0]);
			cli_error(m.buf);
			sb_release(&m);
			return 2;
		}
	}
	struct cmp_model m;
	struct rel_index r;
	compare_build(&m, c, CMP_NO_AUTO, NULL);
	related_build(&r, &m);
	struct rel_hit *h = xmalloc((size_t)k * sizeof *h);
	if (a->json)
		out_str("{\"related\": [");
	size_t from = only < 0 ? 0 : (size_t)only, to = only < 0 ? c->nclaims : (size_t)only + 1;
	for (size_t i = from; i < to; i++) {
		size_t n = related_of(&r, i, (size_t)k, h);
		related_gate(&r, i, h, n);
		if (a->json)
			put_json(&r, i, h, n, i == from);
		else
			put_text_rows(&r, i, h, n);
	}
	if (a->json)
		out_str("]}\n");
	free(h);
	related_release(&r);
	compare_release(&m);
	return 0;
}
