/* cli/extract: lectern extract, and the extraction steps import shares. */
#include "cli/common.h"
#include "cli/extract.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/progress.h"
#include "base/save.h"
#include "base/sha256.h"
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

/* The key of a span of a source in a set of rejected spans. */
static void span_key(struct strbuf *out, const char *source, size_t start, size_t end)
{
	sb_reset(out);
	sb_addf(out, "%s\n%zu\n%zu", source, start, end);
}

void rejected_spans(struct idset *set, const cJSON *rejected)
{
	struct strbuf k = STRBUF_INIT;
	for (const cJSON *r = rejected ? rejected->child : NULL; r; r = r->next) {
		const cJSON *rs = cJSON_GetObjectItemCaseSensitive(r, "source");
		const cJSON *sp = cJSON_GetObjectItemCaseSensitive(r, "span");
		const cJSON *a = cJSON_GetArrayItem(sp, 0), *b = cJSON_GetArrayItem(sp, 1);
		if (!cJSON_IsString(rs) || !cJSON_IsNumber(a) || !cJSON_IsNumber(b))
			continue;
		span_key(&k, rs->valuestring, (size_t)a->valuedouble, (size_t)b->valuedouble);
		if (!idset_has(set, k.buf))
			idset_add(set, k.buf);
	}
	sb_release(&k);
}

/* Appends the extracted claims of one text to the claims of w, skipping
 * spans a curated claim already has and rejected ones.  Returns how many. */
size_t extract_into(struct jindex *w, const char *text, size_t len, const char *sid,
		    const char *published, const struct span *boiler, size_t nboiler,
		    const struct corpus *c, long src, struct idset *taken,
		    const struct idset *rejected)
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
		if (!dup && rejected && rejected->n) {
			span_key(&id, sid, x[i].start, x[i].end);
			dup = idset_has(rejected, id.buf);
		}
		if (dup)
			continue;
		claim_id(&id, sid, &counter, c, taken);
		idset_add(taken, id.buf);
		jindex_take(w, JINDEX_CLAIMS, extract_claim_json(&x[i], text, id.buf, sid));
		added++;
	}
	sb_release(&id);
	free(x);
	return added;
}

int index_open(struct jindex *w, struct save_stream *ss, const char *path, bool staged,
	       struct strbuf *err)
{
	if ((staged ? save_open_staged(ss, path, err) : save_open(ss, path, 0666, err)) < 0)
		return -1;
	jindex_sink(w, ss, err);
	return 0;
}

/* Whether text (of file, indexed with sha256) is still the text the index
 * was checked against; else says so in err. */
bool text_unchanged(const char *text, size_t len, const char *file, const char *sha256,
		    struct strbuf *err)
{
	char hex[65];
	sha256_hex(text, len, hex);
	if (!strcmp(hex, sha256))
		return true;
	sb_addf(err, "%s: sha256 is %s, the index says %s (the text changed while it was "
		"read): nothing written", file, hex, sha256);
	return false;
}

/* ---- extract ---- */

int cmd_extract(const struct cli_args *a)
{
	int code;
	if (a->nrest) {
		fprintf(stderr, "lectern: extract takes no arguments\n");
		return 2;
	}
	/* each text is checked as it is read for extraction (once for both);
	 * a valid cache spares the tree of the old index */
	struct corpus *c = cli_load(a->corpus, CORPUS_READ_CACHE, &code);
	if (!c)
		return code;
	/* the index is written as it is made: the sources, the claims kept
	 * (curated ones, and extracted ones a topic uses: earlier extracted
	 * claims are replaced), the new claims, the topics */
	struct jindex w;
	struct save_stream ss;
	struct strbuf err = STRBUF_INIT;
	jindex_begin(&w, c->title, c->description, c->extra);
	if (index_open(&w, &ss, c->index_path, false, &err) < 0) {
		cli_error(err.buf);
		jindex_release(&w);
		corpus_free(c);
		sb_release(&err);
		return 2;
	}
	for (size_t i = 0; i < c->nsources; i++) {
		cJSON *so = source_json(c, i);
		cJSON_DeleteItemFromObjectCaseSensitive(so, "claim_count");
		jindex_take(&w, JINDEX_SOURCES, so);
	}
	size_t old = 0, added = 0;
	for (size_t i = 0; i < c->nclaims; i++) {
		if (!strcmp(c->claims[i].origin, "extracted") && c->claims[i].ntopics == 0)
			old++;
		else
			jindex_take(&w, JINDEX_CLAIMS, claim_json(c, i));
	}
	/* claims the analyst rejected (lectern claim reject) stay out; the
	 * loader keeps the checked "rejected" list among the top's extras */
	cJSON *extra = c->extra ? cJSON_Parse(c->extra) : NULL;
	struct idset rejected = { NULL, 0, 0 };
	rejected_spans(&rejected, cJSON_GetObjectItemCaseSensitive(extra, "rejected"));
	cJSON_Delete(extra);
	struct idset taken = { NULL, 0, 0 };
	struct progress *pg = progress_start("extract", "sources", c->nsources);
	code = 0;
	for (size_t i = 0; i < c->nsources; progress_step(pg, ++i)) {
		size_t len;
		const struct source *s = &c->sources[i];
		const char *t = corpus_text_sound(c, i) ? corpus_text(c, i, &len, &err) : NULL;
		if (!t) {
			code = 1;
			break;
		}
		added += extract_into(&w, t, len, s->id, s->published, s->boiler, s->nboiler,
				       c, (long)i, &taken, &rejected);
		corpus_text_drop(c, i);
		if (jindex_failed(&w)) {
			code = 2;
			break;
		}
	}
	progress_end(pg);
	idset_release(&rejected);
	for (size_t i = 0; i < c->ntopics; i++)
		jindex_take(&w, JINDEX_TOPICS, topic_json(c, i));
	corpus_free(c);
	if (code == 1) {
		/* a text failed its check: the load that checks them all says
		 * where (or, if it passes now, the text changed meanwhile) */
		jindex_release(&w);
		if ((c = cli_load(a->corpus, CORPUS_CHECK_FILES, &code)) != NULL) {
			cli_error("a text changed while it was read: nothing written");
			corpus_free(c);
			code = 1;
		}
	} else if (code) {
		cli_error(err.buf);
		jindex_release(&w);
	} else if (jindex_close(&w) < 0) {
		cli_error(err.buf);
		code = 2;
	} else {
		printf("extracted %zu claims (%zu earlier extracted claims replaced)\n", added, old);
	}
	idset_release(&taken);
	sb_release(&err);
	return code;
}
