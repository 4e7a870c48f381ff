/*
 * corpus/load: turns an index file into a struct corpus, checking every
 * rule of lectern-corpus(5) on the way and reporting each problem where it
 * stands (typed reads in fields.c, the texts in check.c).
 *
 * No tree of the whole index is ever held: the index is mapped, checked
 * whole by jdoc's scan, and then each element of "sources", "claims" and
 * "topics" is parsed alone, built into the model and freed (jdoc_open),
 * in that order wherever the three stand in the file; the pages of the
 * text are given back as they are read.  So a first open needs about the
 * model plus one element, not the text plus a tree of it (several times
 * the index).  What a later check needs of an element is kept small (its
 * offset, the topic ids a claim names); a message about an element read
 * earlier reads it again to locate itself.
 */
#include <errno.h>
#include <malloc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/calendar.h"
#include "base/sha256.h"
#include "base/text.h"
#include "base/util.h"
#include "corpus/cache.h"
#include "corpus/corpus.h"
#include "corpus/impl.h"
#include "corpus/jdoc.h"
#include "corpus/loader.h"

static const char *const top_known[] = { "schema", "version", "title", "description",
	"sources", "claims", "topics", NULL };
static const char *const source_known[] = { "id", "title", "outlet", "author",
	"published", "url", "language", "file", "sha256", "boilerplate",
	"provenance", "note", NULL };
static const char *const prov_known[] = { "original", "guessed", "repairs", "note", NULL };
static const char *const repair_known[] = { "kind", "action", "count", "detail", NULL };
static const char *const claim_known[] = { "id", "source", "span", "text", "kind",
	"speaker", "speaker_role", "values", "topics", "origin", "note", NULL };
static const char *const value_known[] = { "type", "value", "unit", "counted",
	"qualifier", "low", "high", "precision", "start", "end", "about", NULL };
static const char *const topic_known[] = { "id", "label", "note", "claims",
	"status", "origin", NULL };

static const char *const claim_kinds[] = { "quantity", "date", "statement", "quote",
	"assessment", "event", NULL };
static const char *const origins[] = { "curated", "extracted", NULL };
static const char *const topic_origins[] = { "curated", "auto", NULL };
static const char *const statuses[] = { "agree", "differ", "conflict",
	"different-measure", "timeline", "mixed", NULL };
static const char *const qualifiers[] = { "exact", "about", "at least", "more than",
	"less than", "at most", "up to", "range", NULL };
static const char *const precisions[] = { "day", "month", "year", "part-of-month",
	"range", NULL };
static const char *const repair_kinds[] = { "encoding", "boilerplate", "whitespace",
	"other", NULL };
static const char *const repair_actions[] = { "repaired", "removed", "marked",
	"replaced", NULL };

static void load_provenance(struct ld *L, struct source *s, const cJSON *p, const char *what)
{
	if (!p || cJSON_IsNull(p) || !ld_expect_object(L, p, "provenance"))
		return;
	struct pool *pool = &L->c->pool;
	s->has_provenance = true;
	s->original = ld_str(L, p, what, "original", OPTIONAL);
	s->prov_note = ld_str(L, p, what, "note", OPTIONAL);
	const cJSON *g = ld_array(L, p, what, "guessed", OPTIONAL);
	if (g) {
		s->guessed = pool_alloc(pool, (size_t)cJSON_GetArraySize(g) * sizeof *s->guessed);
		for (const cJSON *e = g->child; e; e = e->next) {
			if (!cJSON_IsString(e) || !ld_one_of(e->valuestring, source_known)) {
				if (!cJSON_IsString(e))
					err(L, e, "%s: \"guessed\" must list field names, not %s",
					    what, ld_type_name(e));
				else
					err(L, e, "%s: \"guessed\" names \"%s\", which is not a field of the source",
					    what, e->valuestring);
				continue;
			}
			s->guessed[s->nguessed++] = pool_strdup(pool, e->valuestring);
		}
	}
	const cJSON *r = ld_array(L, p, what, "repairs", OPTIONAL);
	if (r) {
		s->repairs = pool_alloc(pool, (size_t)cJSON_GetArraySize(r) * sizeof *s->repairs);
		for (const cJSON *e = r->child; e; e = e->next) {
			if (!ld_expect_object(L, e, "a repair"))
				continue;
			struct repair *rp = &s->repairs[s->nrepairs++];
			rp->kind = ld_enum(L, e, "repair", "kind", REQUIRED, repair_kinds);
			rp->action = ld_enum(L, e, "repair", "action", REQUIRED, repair_actions);
			rp->detail = ld_str(L, e, "repair", "detail", OPTIONAL);
			rp->count = -1;
			const cJSON *cn = ld_field(e, "count");
			size_t cnt;
			if (cn && !cJSON_IsNull(cn) && ld_offset(L, cn, "repair count", &cnt))
				rp->count = (long long)cnt;
			rp->extra = ld_extras(L, e, repair_known);
		}
	}
	s->prov_extra = ld_extras(L, p, prov_known);
}

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

static void load_source(struct ld *L, size_t i, const cJSON *o, size_t at)
{
	struct source *s = &L->c->sources[i];
	struct pool *pool = &L->c->pool;
	char what[96];

	L->source_at[i] = at;
	s->id = "";
	s->file = "";
	s->sha256 = "";
	if (!ld_expect_object(L, o, "a source"))
		return;
	s->id = ld_id(L, o, "source");
	snprintf(what, sizeof what, "source \"%.60s\"", *s->id ? s->id : "?");
	if (*s->id && ld_valid_id(s->id) &&
	    !idmap_add(&L->c->source_ids, s->id, i, corpus_source_name, L->c->sources))
		err(L, ld_field(o, "id"), "duplicate source id \"%s\"", s->id);
	s->title = ld_str(L, o, what, "title", NULLABLE);
	s->outlet = ld_str(L, o, what, "outlet", NULLABLE);
	s->author = ld_str(L, o, what, "author", NULLABLE);
	s->published = ld_date(L, o, what, "published", NULLABLE, false);
	s->url = ld_str(L, o, what, "url", NULLABLE);
	s->language = ld_str(L, o, what, "language", NULLABLE);
	s->file = ld_str(L, o, what, "file", REQUIRED);
	const char *why = *s->file ? corpus_path_problem(s->file) : NULL;
	if (why)
		err(L, ld_field(o, "file"), "%s: file \"%s\": %s", what, s->file, why);
	s->sha256 = ld_str(L, o, what, "sha256", REQUIRED);
	if (*s->sha256) {
		bool ok = strlen(s->sha256) == 64;
		for (const char *p = s->sha256; ok && *p; p++)
			ok = (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f');
		if (!ok)
			err(L, ld_field(o, "sha256"), "%s: sha256 must be 64 lower-case hex digits", what);
	}
	const cJSON *b = ld_array(L, o, what, "boilerplate", OPTIONAL);
	if (b) {
		s->boiler = pool_alloc(pool, (size_t)cJSON_GetArraySize(b) * sizeof *s->boiler);
		for (const cJSON *e = b->child; e; e = e->next)
			if (ld_span(L, e, "boilerplate span", &s->boiler[s->nboiler]))
				s->nboiler++;
		qsort(s->boiler, s->nboiler, sizeof *s->boiler, cmp_span);
	}
	load_provenance(L, s, ld_field(o, "provenance"), what);
	s->note = ld_str(L, o, what, "note", OPTIONAL);
	s->extra = ld_extras(L, o, source_known);
}

static void load_value(struct ld *L, struct value *v, const cJSON *o, const char *what)
{
	static const char *const types[] = { "quantity", "date", NULL };
	const char *t = ld_enum(L, o, what, "type", REQUIRED, types);
	v->extra = ld_extras(L, o, value_known);
	if (!strcmp(t, "date")) {
		v->type = VALUE_DATE;
		v->date = ld_date(L, o, what, "value", REQUIRED, true);
		v->precision = ld_enum(L, o, what, "precision", OPTIONAL, precisions);
		v->start = ld_date(L, o, what, "start", OPTIONAL, false);
		v->end = ld_date(L, o, what, "end", OPTIONAL, false);
		v->about = ld_str(L, o, what, "about", OPTIONAL);
		if (v->start && v->end && strcmp(v->start, v->end) > 0)
			err(L, ld_field(o, "end"), "%s: date interval ends (%s) before it starts (%s)",
			    what, v->end, v->start);
		return;
	}
	v->type = VALUE_QUANTITY;
	const cJSON *n = ld_field(o, "value");
	if (!n)
		err(L, o, "%s: missing field \"value\"", what);
	else if (!cJSON_IsNumber(n) || !isfinite(n->valuedouble))
		err(L, n, "%s: \"value\" must be a finite number, not %s", what,
		    cJSON_IsNumber(n) ? "infinite" : ld_type_name(n));
	else
		v->num = n->valuedouble;
	v->unit = ld_str(L, o, what, "unit", REQUIRED);
	v->counted = ld_str(L, o, what, "counted", OPTIONAL);
	v->qualifier = ld_enum(L, o, what, "qualifier", OPTIONAL, qualifiers);
	static const char *const bounds[] = { "low", "high" };
	for (int k = 0; k < 2; k++) {
		const cJSON *bn = ld_field(o, bounds[k]);
		if (!bn || cJSON_IsNull(bn))
			continue;
		if (!cJSON_IsNumber(bn) || !isfinite(bn->valuedouble)) {
			err(L, bn, "%s: \"%s\" must be a finite number or null, not %s",
			    what, bounds[k], ld_type_name(bn));
			continue;
		}
		if (k == 0) {
			v->has_low = true;
			v->low = bn->valuedouble;
		} else {
			v->has_high = true;
			v->high = bn->valuedouble;
		}
	}
	if (v->has_low && v->has_high && v->low > v->high)
		err(L, ld_field(o, "high"), "%s: \"low\" %g is above \"high\" %g", what,
		    v->low, v->high);
}

/* Keeps the topic ids claim i names, to be checked once the topics are
 * read (link_topics); a reference that is not a string is reported now. */
static void keep_topics(struct ld *L, size_t i, const cJSON *o)
{
	struct claim_topics *t = &L->named;
	const cJSON *tl = ld_field(o, "topics");
	const cJSON *ts = ld_array(L, o, "claim", "topics", OPTIONAL);
	size_t k = 0;

	t->start[i] = t->n;
	t->form[i] = !tl ? TOPICS_NONE : cJSON_IsArray(tl) ? TOPICS_ARRAY : TOPICS_OTHER;
	for (const cJSON *e = ts ? ts->child : NULL; e; e = e->next, k++) {
		if (!cJSON_IsString(e)) {
			err(L, e, "claim \"%s\": topic references must be strings, not %s",
			    L->c->claims[i].id, ld_type_name(e));
			continue;
		}
		if (t->n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 1024;
			t->name = xrealloc(t->name, t->cap * sizeof *t->name);
			t->index = xrealloc(t->index, t->cap * sizeof *t->index);
		}
		t->name[t->n] = t->names.len;
		t->index[t->n++] = k;
		sb_add(&t->names, e->valuestring, strlen(e->valuestring) + 1);
	}
	t->start[i + 1] = t->n;
}

static void load_claim(struct ld *L, size_t i, const cJSON *o, size_t at)
{
	struct claim *c = &L->c->claims[i];
	struct pool *pool = &L->c->pool;
	char what[96];

	L->claim_at[i] = at;
	L->named.start[i + 1] = L->named.start[i] = L->named.n;
	c->id = c->text = c->kind = c->origin = "";
	c->source = (size_t)-1;
	if (!ld_expect_object(L, o, "a claim"))
		return;
	c->id = ld_id(L, o, "claim");
	snprintf(what, sizeof what, "claim \"%.60s\"", *c->id ? c->id : "?");
	if (*c->id && ld_valid_id(c->id) &&
	    !idmap_add(&L->c->claim_ids, c->id, i, corpus_claim_name, L->c->claims))
		err(L, ld_field(o, "id"), "duplicate claim id \"%s\"", c->id);
	const char *src = ld_str(L, o, what, "source", REQUIRED);
	if (*src) {
		long k = corpus_find_source(L->c, src);
		if (k < 0)
			err(L, ld_field(o, "source"), "%s: no source has id \"%s\"", what, src);
		else
			c->source = (size_t)k;
	}
	const cJSON *sp = ld_field(o, "span");
	if (!sp)
		err(L, o, "%s: missing field \"span\"", what);
	else if (!ld_span(L, sp, "span", &c->span))
		c->source = (size_t)-1;   /* nothing to check against the text */
	c->text = ld_str(L, o, what, "text", REQUIRED);
	c->kind = ld_enum(L, o, what, "kind", REQUIRED, claim_kinds);
	c->speaker = ld_str(L, o, what, "speaker", OPTIONAL);
	c->speaker_role = ld_str(L, o, what, "speaker_role", OPTIONAL);
	c->origin = ld_enum(L, o, what, "origin", REQUIRED, origins);
	c->note = ld_str(L, o, what, "note", OPTIONAL);
	const cJSON *vs = ld_array(L, o, what, "values", OPTIONAL);
	if (vs) {
		c->values = pool_alloc(pool, (size_t)cJSON_GetArraySize(vs) * sizeof *c->values);
		for (const cJSON *e = vs->child; e; e = e->next)
			if (ld_expect_object(L, e, "a value"))
				load_value(L, &c->values[c->nvalues++], e, what);
	}
	c->extra = ld_extras(L, o, claim_known);
	keep_topics(L, i, o);
}

/* seen: per claim, 1 + the last topic that listed it (a duplicate
 * reference would multiply the topic's pairs). */
static void load_topic(struct ld *L, size_t i, const cJSON *o, size_t *seen)
{
	struct topic *t = &L->c->topics[i];
	char what[96];

	t->id = t->label = "";
	if (!ld_expect_object(L, o, "a topic"))
		return;
	t->id = ld_id(L, o, "topic");
	snprintf(what, sizeof what, "topic \"%.60s\"", *t->id ? t->id : "?");
	if (*t->id && ld_valid_id(t->id) &&
	    !idmap_add(&L->c->topic_ids, t->id, i, corpus_topic_name, L->c->topics))
		err(L, ld_field(o, "id"), "duplicate topic id \"%s\"", t->id);
	t->label = ld_str(L, o, what, "label", REQUIRED);
	t->note = ld_str(L, o, what, "note", OPTIONAL);
	t->status = ld_enum(L, o, what, "status", OPTIONAL, statuses);
	t->origin = ld_enum(L, o, what, "origin", OPTIONAL, topic_origins);
	const cJSON *cl = ld_array(L, o, what, "claims", REQUIRED);
	if (cl) {
		if (!cl->child)
			err(L, cl, "%s: \"claims\" is empty", what);
		t->claims = pool_alloc(&L->c->pool, (size_t)cJSON_GetArraySize(cl) * sizeof *t->claims);
		for (const cJSON *e = cl->child; e; e = e->next) {
			long k = cJSON_IsString(e) ? corpus_find_claim(L->c, e->valuestring) : -1;
			if (!cJSON_IsString(e))
				err(L, e, "%s: claim references must be strings, not %s", what, ld_type_name(e));
			else if (k < 0)
				err(L, e, "%s: no claim has id \"%s\"", what, e->valuestring);
			else if (seen[k] == i + 1)
				err(L, e, "%s: claim \"%s\" is listed twice", what, e->valuestring);
			else
				t->claims[t->nclaims++] = (size_t)k, seen[k] = i + 1;
		}
	}
	t->extra = ld_extras(L, o, topic_known);
}

/*
 * Rows of a relation between claims and topics, built by counting: row r
 * lists the members given for r, in the order they were added.  Adding
 * rows in increasing member order leaves every row sorted, so membership
 * is a binary search however large a topic is.
 */
struct rows {
	size_t *start;   /* nrows + 1 */
	size_t *item;
};

static void rows_release(struct rows *r)
{
	free(r->start);
	free(r->item);
}

static bool rows_has(const struct rows *r, size_t row, size_t member)
{
	size_t lo = r->start[row], hi = r->start[row + 1];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->item[mid] == member)
			return true;
		if (r->item[mid] < member)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* by_claim: row = claim, members = the topics listing it (from topics);
 * else row = topic, members = the claims naming it (from claims). */
static void rows_build(struct rows *r, const struct corpus *c, bool by_claim)
{
	size_t nrows = by_claim ? c->nclaims : c->ntopics;
	size_t nout = by_claim ? c->ntopics : c->nclaims;
	r->start = xcalloc(nrows + 2, sizeof *r->start);
	for (size_t o = 0; o < nout; o++) {
		size_t n = by_claim ? c->topics[o].nclaims : c->claims[o].ntopics;
		const size_t *v = by_claim ? c->topics[o].claims : c->claims[o].topics;
		for (size_t k = 0; k < n; k++)
			r->start[v[k] + 2]++;
	}
	for (size_t i = 2; i < nrows + 2; i++)
		r->start[i] += r->start[i - 1];
	r->item = xmalloc((r->start[nrows + 1] ? r->start[nrows + 1] : 1) * sizeof *r->item);
	for (size_t o = 0; o < nout; o++) {
		size_t n = by_claim ? c->topics[o].nclaims : c->claims[o].ntopics;
		const size_t *v = by_claim ? c->topics[o].claims : c->claims[o].topics;
		for (size_t k = 0; k < n; k++)
			r->item[r->start[v[k] + 1]++] = o;
	}
}

/* Reference k of claim i's "topics", read again for a message. */
static const cJSON *topic_ref_node(struct ld *L, size_t i, size_t k)
{
	const cJSON *e = ld_field(ld_claim_node(L, i), "topics");
	for (e = e ? e->child : NULL; e && k; k--)
		e = e->next;
	return e;
}

/* claim.topics must name existing topics that list the claim back. */
static void link_topics(struct ld *L)
{
	struct corpus *c = L->c;
	struct claim_topics *t = &L->named;
	struct rows listed, named;
	rows_build(&listed, c, true);
	for (size_t i = 0; i < c->nclaims; i++) {
		struct claim *cl = &c->claims[i];
		size_t n = t->start[i + 1] - t->start[i];
		if (t->form[i] != TOPICS_ARRAY)
			continue;
		cl->topics = pool_alloc(&c->pool, n * sizeof *cl->topics);
		for (size_t r = t->start[i]; r < t->start[i + 1]; r++) {
			const char *name = t->names.buf + t->name[r];
			long k = corpus_find_topic(c, name);
			if (k < 0)
				err(L, topic_ref_node(L, i, t->index[r]),
				    "claim \"%s\": no topic has id \"%s\"", cl->id, name);
			else if (!rows_has(&listed, i, (size_t)k))
				err(L, topic_ref_node(L, i, t->index[r]),
				    "claim \"%s\" names topic \"%s\", which does not list it",
				    cl->id, name);
			else
				cl->topics[cl->ntopics++] = (size_t)k;
		}
	}
	/* and the other way round */
	rows_build(&named, c, false);
	for (size_t tp = 0; tp < c->ntopics; tp++)
		for (size_t k = 0; k < c->topics[tp].nclaims; k++) {
			size_t ci = c->topics[tp].claims[k];
			bool back = rows_has(&named, tp, ci);
			if (!back && t->form[ci] != TOPICS_OTHER)
				err(L, ld_claim_node(L, ci), "topic \"%s\" lists claim \"%s\", "
				    "whose \"topics\" does not name it", c->topics[tp].id,
				    c->claims[ci].id);
		}
	rows_release(&named);
	rows_release(&listed);
}

static int cmp_claim_start(const void *a, const void *b, void *arg)
{
	const struct claim *cl = arg;
	const struct claim *x = &cl[*(const size_t *)a], *y = &cl[*(const size_t *)b];
	if (x->span.start != y->span.start)
		return (x->span.start > y->span.start) - (x->span.start < y->span.start);
	return (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

static void group_claims(struct corpus *c)
{
	for (size_t i = 0; i < c->nclaims; i++)
		if (c->claims[i].source != (size_t)-1)
			c->sources[c->claims[i].source].nclaims++;
	for (size_t i = 0; i < c->nsources; i++) {
		c->sources[i].claims = pool_alloc(&c->pool, c->sources[i].nclaims * sizeof(size_t));
		c->sources[i].nclaims = 0;
	}
	for (size_t i = 0; i < c->nclaims; i++)
		if (c->claims[i].source != (size_t)-1) {
			struct source *s = &c->sources[c->claims[i].source];
			s->claims[s->nclaims++] = i;
		}
	for (size_t i = 0; i < c->nsources; i++)
		qsort_r(c->sources[i].claims, c->sources[i].nclaims, sizeof(size_t),
			cmp_claim_start, c->claims);
}

const cJSON *ld_source_node(struct ld *L, size_t i)
{
	ld_fields_reset();   /* the element it asked last may be gone */
	return L->source_at ? jdoc_element_at(&L->doc, L->source_at[i]) : NULL;
}

const cJSON *ld_claim_node(struct ld *L, size_t i)
{
	ld_fields_reset();
	return L->claim_at ? jdoc_element_at(&L->doc, L->claim_at[i]) : NULL;
}

/* The next element of a walk (jdoc_next). */
static const cJSON *ld_next(struct ld *L, struct jdoc_iter *it)
{
	ld_fields_reset();
	return jdoc_next(&L->doc, it, L->dg);
}

static void load_all(struct ld *L, const cJSON *root)
{
	struct corpus *c = L->c;
	struct jdoc_iter it[3];
	size_t count[3];
	static const char *const names[3] = { "sources", "claims", "topics" };

	for (int k = 0; k < 3; k++)
		count[k] = jdoc_elements(&L->doc, ld_array(L, root, "corpus", names[k], REQUIRED),
					 &it[k]);
	c->nsources = count[0];
	c->nclaims = count[1];
	c->ntopics = count[2];
	c->sources = pool_alloc(&c->pool, c->nsources * sizeof *c->sources);
	c->claims = pool_alloc(&c->pool, c->nclaims * sizeof *c->claims);
	c->topics = pool_alloc(&c->pool, c->ntopics * sizeof *c->topics);
	idmap_init(&c->source_ids, c->nsources);
	idmap_init(&c->claim_ids, c->nclaims);
	idmap_init(&c->topic_ids, c->ntopics);
	L->source_at = xmalloc((c->nsources + 1) * sizeof *L->source_at);
	L->claim_at = xmalloc((c->nclaims + 1) * sizeof *L->claim_at);
	L->named.start = xcalloc(c->nclaims + 1, sizeof *L->named.start);
	L->named.form = xcalloc(c->nclaims + 1, 1);

	const cJSON *e;
	for (size_t i = 0; i < c->nsources && (e = ld_next(L, &it[0])); i++)
		load_source(L, i, e, it[0].at);
	for (size_t i = 0; i < c->nclaims && (e = ld_next(L, &it[1])); i++)
		load_claim(L, i, e, it[1].at);
	size_t *seen = xcalloc(c->nclaims + 1, sizeof *seen);
	for (size_t i = 0; i < c->ntopics && (e = ld_next(L, &it[2])); i++)
		load_topic(L, i, e, seen);
	free(seen);
	ld_fields_reset();
	if (L->doc.broken)
		return;   /* reported; what was read is not linked */
	link_topics(L);
	group_claims(c);
}

static void named_release(struct claim_topics *t)
{
	free(t->start);
	free(t->name);
	free(t->index);
	free(t->form);
	sb_release(&t->names);
}

/* "rejected" (optional): the claims an analyst rejected, each with the id,
 * source and span it had, so that extraction does not bring them back.
 * Checked here; kept, like an unknown field, for rewriting. */
static void check_rejected(struct ld *L, const cJSON *root)
{
	const cJSON *a = ld_array(L, root, "corpus", "rejected", OPTIONAL);
	for (const cJSON *o = a ? a->child : NULL; o; o = o->next) {
		if (!ld_expect_object(L, o, "a rejected claim"))
			continue;
		const char *id = ld_id(L, o, "rejected claim");
		char what[96];
		snprintf(what, sizeof what, "rejected claim \"%.60s\"", *id ? id : "?");
		const char *src = ld_str(L, o, what, "source", REQUIRED);
		if (*src && corpus_find_source(L->c, src) < 0)
			err(L, ld_field(o, "source"), "%s: no source has id \"%s\"", what, src);
		struct span sp;
		const cJSON *n = ld_field(o, "span");
		if (!n)
			err(L, o, "%s: missing field \"span\"", what);
		else
			ld_span(L, n, "span", &sp);
	}
}

static struct corpus *load_text(const char *path, char *buf, size_t len, bool mapped,
				unsigned flags, struct diags *dg, enum load_status *status);

/* Writes the cache of a corpus just loaded from JSON and says how. */
static void cache_store(struct corpus *c, const struct stat *st, uint64_t ihash,
			const char *why)
{
	struct strbuf err = STRBUF_INIT;
	const char *was = !strcmp(why, "stale") ? "stale, " :
			  !strcmp(why, "corrupt") ? "corrupt, " :
			  !strcmp(why, "untrusted") ? "untrusted, " : "";
	if (corpus_cache_write(c, st, ihash, &err) == 0) {
		snprintf(c->cache_state, sizeof c->cache_state, "%s%swritten", was,
			 *was ? "re" : "");
	} else {
		const char *e = strrchr(err.buf, ':');
		snprintf(c->cache_state, sizeof c->cache_state, "not written (%s)",
			 e ? e + 2 : err.buf);
	}
	sb_release(&err);
}

/*
 * check's fast path: the cache holds the model of a load of exactly these
 * index bytes (it records their hash) that found no problem, so only the
 * texts remain to be checked.  Any problem there and NULL is returned: the
 * caller then loads the JSON again, to locate every message in it.
 */
static struct corpus *cache_checked(const char *path, const char **why)
{
	struct corpus *c = corpus_cache_read(path, why);
	if (!c)
		return NULL;
	struct diags scratch;
	diags_init(&scratch);
	struct ld L = { .dg = &scratch, .c = c };
	L.doc.name = path;
	check_files(&L);
	jdoc_release(&L.doc);
	bool ok = diags_count(&scratch) == 0;
	diags_release(&scratch);
	if (!ok) {
		corpus_free(c);
		return NULL;
	}
	return c;
}

/* A load from a mapped index, run under map_guard(). */
struct mapped_load {
	const char *path;
	char *buf;
	size_t len;
	bool store;
	unsigned flags;
	struct diags *dg;
	enum load_status *status;
	uint64_t ihash;
	struct corpus *c;
};

static void load_mapped(void *arg)
{
	struct mapped_load *ml = arg;
	if (ml->store)
		ml->ihash = cache_mapped_hash(ml->buf, ml->len);
	ml->c = load_text(ml->path, ml->buf, ml->len, true, ml->flags, ml->dg, ml->status);
}

struct corpus *corpus_load(const char *path, unsigned flags, struct diags *dg,
			   enum load_status *status)
{
	bool use_cache = (flags & (CORPUS_USE_CACHE | CORPUS_READ_CACHE)) &&
			 corpus_cache_enabled();
	bool store = use_cache && (flags & CORPUS_USE_CACHE);
	const char *why = "off";
	struct stat ist;
	size_t len;

	if (use_cache && !(flags & CORPUS_CHECK_FILES)) {
		struct corpus *c = corpus_cache_read(path, &why);
		if (c) {
			if (status)
				*status = LOAD_OK;
			return c;
		}
	}
	if (use_cache && (flags & CORPUS_CHECK_FILES)) {
		struct corpus *c = cache_checked(path, &why);
		if (c) {
			if (status)
				*status = LOAD_OK;
			return c;
		}
	}
	if (store && stat(path, &ist) < 0)
		store = false;
	char *buf = map_file(path, CORPUS_MAX_INDEX, &len);

	if (!buf) {
		diag_add(dg, path, 0, 0, "cannot read: %s", errno == EFBIG ?
			 "larger than 2 GiB" : errno == EINVAL ?
			 "not a regular file (a FIFO or device?)" : strerror(errno));
		if (status)
			*status = LOAD_IO;
		return NULL;
	}
	struct mapped_load ml = { path, buf, len, store, flags, dg, status, 0, NULL };
	if (map_guard(load_mapped, &ml) < 0) {
		/* cut short: what it built is lost, the mapping is released */
		unmap_file(buf, len);
		diag_add(dg, path, 0, 0, "cannot read: the file was cut short while it was read "
			 "(another program truncated it)");
		if (status)
			*status = LOAD_IO;
		return NULL;
	}
	if (ml.c && store)
		cache_store(ml.c, &ist, ml.ihash, why);
	return ml.c;
}

struct corpus *corpus_load_buffer(const char *path, char *buf, size_t len,
				  unsigned flags, struct diags *dg,
				  enum load_status *status)
{
	return load_text(path, buf, len, false, flags, dg, status);
}

/* buf: malloc'd, or map_file()'s when mapped; freed or unmapped here. */
static struct corpus *load_text(const char *path, char *buf, size_t len, bool mapped,
				unsigned flags, struct diags *dg, enum load_status *status)
{
	static const char *const arrays[] = { "sources", "claims", "topics", NULL };
	struct ld L = { .dg = dg, .before = diags_count(dg),
			.named.names = STRBUF_INIT };
	enum load_status st = LOAD_INVALID;

	ld_fields_reset();
	const char *base = strrchr(path, '/');
	if (jdoc_open(&L.doc, base ? base + 1 : path, buf, len, mapped, arrays, dg) < 0) {
		jdoc_release(&L.doc);
		if (status)
			*status = LOAD_INVALID;
		return NULL;
	}
	L.c = xcalloc(1, sizeof *L.c);
	pool_init(&L.c->pool);
	L.c->index_path = xstrdup(path);
	L.c->dir = path_dir(path);

	const cJSON *root = L.doc.root;
	if (!ld_expect_object(&L, root, "the index"))
		goto out;
	const char *schema = ld_str(&L, root, "corpus", "schema", REQUIRED);
	if (*schema && strcmp(schema, CORPUS_SCHEMA)) {
		err(&L, ld_field(root, "schema"), "schema is \"%s\", not \"" CORPUS_SCHEMA "\"", schema);
		goto out;
	}
	const cJSON *v = ld_field(root, "version");
	if (!v) {
		err(&L, root, "corpus: missing field \"version\"");
		goto out;
	}
	if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble)) {
		err(&L, v, "\"version\" must be a whole number, not %s", ld_type_name(v));
		goto out;
	}
	if (v->valuedouble != CORPUS_VERSION) {
		err(&L, v, "schema version %g is not supported (this lectern reads version %d)",
		    v->valuedouble, CORPUS_VERSION);
		goto out;
	}
	L.c->version = CORPUS_VERSION;
	L.c->title = ld_str(&L, root, "corpus", "title", REQUIRED);
	L.c->description = ld_str(&L, root, "corpus", "description", OPTIONAL);
	L.c->extra = ld_extras(&L, root, top_known);
	load_all(&L, root);
	if (L.doc.broken)
		goto out;
	check_rejected(&L, root);
	if (flags & CORPUS_CHECK_FILES)
		check_files(&L);
	if (diags_count(dg) == L.before)
		st = LOAD_OK;
out:
	free(L.claim_at);
	free(L.source_at);
	named_release(&L.named);
	jdoc_release(&L.doc);
	ld_fields_reset();
	if (status)
		*status = st;
	if (st != LOAD_OK) {
		corpus_free(L.c);
		return NULL;
	}
	malloc_trim(0);   /* give the freed text and tree pages back */
	snprintf(L.c->cache_state, sizeof L.c->cache_state, "off");
	return L.c;
}
