/* cli/extract: lectern extract, and the extraction steps import shares. */
#include "cli/common.h"
#include "cli/extract.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/progress.h"
#include "base/save.h"
#include "base/util.h"
#include "corpus/json.h"
#include "extract/extract.h"

static size_t id_hash(const char *s)
{
	size_t h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

bool idset_has(const struct idset *set, const char *id)
{
	if (!set->cap)
		return false;
	for (size_t k = id_hash(id) & (set->cap - 1); set->slot[k]; k = (k + 1) & (set->cap - 1))
		if (!strcmp(set->slot[k], id))
			return true;
	return false;
}

void idset_add(struct idset *set, const char *id)
{
	if (2 * (set->n + 1) > set->cap) {
		struct idset big = { NULL, set->cap ? 2 * set->cap : 64, 0 };
		big.slot = xcalloc(big.cap, sizeof *big.slot);
		for (size_t i = 0; i < set->cap; i++)
			if (set->slot[i]) {
				size_t k = id_hash(set->slot[i]) & (big.cap - 1);
				while (big.slot[k])
					k = (k + 1) & (big.cap - 1);
				big.slot[k] = set->slot[i];
			}
		big.n = set->n;
		free(set->slot);
		*set = big;
	}
	size_t k = id_hash(id) & (set->cap - 1);
	while (set->slot[k])
		k = (k + 1) & (set->cap - 1);
	set->slot[k] = xstrdup(id);
	set->n++;
}

void idset_release(struct idset *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	memset(set, 0, sizeof *set);
}

/* A claim id "SOURCE-xNNN" not yet in use by c or in taken. */
static void claim_id(struct strbuf *out, const char *source, size_t *counter,
		     const struct corpus *c, const struct idset *taken)
{
	for (;;) {
		sb_reset(out);
		sb_addf(out, "%.50s-x%03zu", source, ++*counter);
		if ((!c || corpus_find_claim(c, out->buf) < 0) && !idset_has(taken, out->buf))
			return;
	}
}

/* Appends the extracted claims of one text to claims (a cJSON array),
 * skipping spans a curated claim already has.  Returns how many. */
size_t extract_into(cJSON *claims, const char *text, size_t len, const char *sid,
			    const char *published, const struct span *boiler, size_t nboiler,
			    const struct corpus *c, long src, struct idset *taken,
			    const cJSON *rejected)
{
	struct extract_opts o = { published, boiler, nboiler };
	struct xclaim *x;
	size_t nx = extract_claims(text, len, &o, &x), added = 0, counter = 0;
	struct strbuf id = STRBUF_INIT;
	for (size_t i = 0; i < nx; i++) {
		bool dup = false;
		for (size_t k = 0; c && src >= 0 && k < c->sources[src].nclaims; k++) {
			const struct claim *cl = &c->claims[c->sources[src].claims[k]];
			if (cl->span.start == x[i].start && cl->span.end == x[i].end &&
			    strcmp(cl->origin, "extracted"))
				dup = true;
		}
		for (const cJSON *r = rejected ? rejected->child : NULL; r && !dup; r = r->next) {
			const cJSON *rs = cJSON_GetObjectItemCaseSensitive(r, "source");
			const cJSON *sp = cJSON_GetObjectItemCaseSensitive(r, "span");
			const cJSON *a = cJSON_GetArrayItem(sp, 0), *b = cJSON_GetArrayItem(sp, 1);
			dup = cJSON_IsString(rs) && !strcmp(rs->valuestring, sid) &&
			      cJSON_IsNumber(a) && cJSON_IsNumber(b) &&
			      (size_t)a->valuedouble == x[i].start && (size_t)b->valuedouble == x[i].end;
		}
		if (dup)
			continue;
		claim_id(&id, sid, &counter, c, taken);
		idset_add(taken, id.buf);
		cJSON_AddItemToArray(claims, extract_claim_json(&x[i], text, id.buf, sid));
		added++;
	}
	sb_release(&id);
	free(x);
	return added;
}

int index_write(const char *path, cJSON *root, struct strbuf *err)
{
	struct strbuf text = STRBUF_INIT;
	index_print(root, &text);
	int r = save_file(path, text.buf, text.len, err);
	sb_release(&text);
	return r;
}

/* Loads and checks a written corpus, as `lectern check` does. */
int index_verify(const char *index, size_t *nclaims)
{
	int code;
	struct corpus *c = cli_load(index, CORPUS_CHECK_FILES, &code);
	if (!c)
		return code ? code : 1;
	if (nclaims)
		*nclaims = c->nclaims;
	corpus_free(c);
	return 0;
}

/* ---- extract ---- */

int cmd_extract(const struct cli_args *a)
{
	int code;
	if (a->nrest) {
		fprintf(stderr, "lectern: extract takes no arguments\n");
		return 2;
	}
	struct corpus *c = cli_load(a->corpus, CORPUS_CHECK_FILES, &code);
	if (!c)
		return code;
	cJSON *root = corpus_json(c);
	cJSON *claims = cJSON_GetObjectItemCaseSensitive(root, "claims");
	/* earlier extracted claims are replaced; curated ones stay */
	cJSON *it = claims->child;
	size_t old = 0, added = 0;
	while (it) {
		cJSON *next = it->next;
		cJSON *o = cJSON_GetObjectItemCaseSensitive(it, "origin");
		cJSON *tp = cJSON_GetObjectItemCaseSensitive(it, "topics");
		if (cJSON_IsString(o) && !strcmp(o->valuestring, "extracted") &&
		    cJSON_GetArraySize(tp) == 0) {
			cJSON_Delete(cJSON_DetachItemViaPointer(claims, it));
			old++;
		}
		it = next;
	}
	/* claims the analyst rejected (lectern claim reject) stay out */
	const cJSON *rejected = cJSON_GetObjectItemCaseSensitive(root, "rejected");
	struct strbuf err = STRBUF_INIT;
	struct idset taken = { NULL, 0, 0 };
	struct progress *pg = progress_start("extract", "sources", c->nsources);
	for (size_t i = 0; i < c->nsources; progress_step(pg, ++i)) {
		size_t len;
		const char *t = corpus_text(c, i, &len, &err);
		if (!t)
			continue;   /* cannot happen: loaded with CORPUS_CHECK_FILES */
		const struct source *s = &c->sources[i];
		added += extract_into(claims, t, len, s->id, s->published, s->boiler, s->nboiler,
				       c, (long)i, &taken, rejected);
		corpus_text_drop(c, i);
	}
	progress_end(pg);
	struct strbuf index = STRBUF_INIT;
	sb_addstr(&index, c->index_path);
	corpus_free(c);
	code = 0;
	int w = index_write(index.buf, root, &err);
	cJSON_Delete(root);   /* before the check loads the index again */
	if (w < 0) {
		cli_error(err.buf);
		code = 2;
	} else if ((code = index_verify(index.buf, NULL)) == 0) {
		printf("extracted %zu claims (%zu earlier extracted claims replaced)\n", added, old);
	}
	sb_release(&index);
	idset_release(&taken);
	sb_release(&err);
	return code;
}
