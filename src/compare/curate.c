/* compare/curate: the edits of claims, topics and notes, made on an index's JSON tree. */
#include "compare/curate.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/calendar.h"
#include "base/text.h"
#include "base/util.h"
#include "extract/extract.h"

static const char *const claim_kinds[] = { "quantity", "date", "statement", "quote",
	"assessment", "event", NULL };
static const char *const relations[] = { "agree", "differ", "conflict",
	"different-measure", "timeline", NULL };

/* "lectern: WHAT: MSG" on stderr; returns 1 (invalid input). */
static int invalid(struct strbuf *err, const char *what, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int invalid(struct strbuf *err, const char *what, const char *fmt, ...)
{
	va_list ap;
	sb_reset(err);
	sb_addf(err, "%s: ", what);
	va_start(ap, fmt);
	sb_vaddf(err, fmt, ap);
	va_end(ap);
	return CURATE_INVALID;
}

static int usage(struct strbuf *err, const char *synopsis)
{
	sb_reset(err);
	sb_addstr(err, synopsis);
	return CURATE_USAGE;
}

static bool one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (!strcmp(s, *set))
			return true;
	return false;
}

static void list_of(struct strbuf *out, const char *const *set)
{
	for (const char *const *p = set; *p; p++)
		sb_addf(out, "%s%s", p == set ? "" : ", ", *p);
}

/* Checks s against set; 1 with a message naming opt when it is not in it. */
static int check_enum(struct strbuf *err, const char *what, const char *opt, const char *s,
		      const char *const *set)
{
	if (one_of(s, set))
		return 0;
	struct strbuf l = STRBUF_INIT;
	list_of(&l, set);
	invalid(err, what, "%s \"%s\" is not one of: %s", opt, s, l.buf);
	sb_release(&l);
	return 1;
}

/* ---- helpers on the tree ---- */

static void set_str(cJSON *o, const char *key, const char *s)
{
	cJSON *v = s ? cJSON_CreateString(s) : cJSON_CreateNull();
	if (cJSON_GetObjectItemCaseSensitive(o, key))
		cJSON_ReplaceItemInObjectCaseSensitive(o, key, v);
	else
		cJSON_AddItemToObject(o, key, v);
}

/* A note: set, or removed when empty. */
static void set_note(cJSON *o, const char *note)
{
	if (*note)
		set_str(o, "note", note);
	else
		cJSON_DeleteItemFromObjectCaseSensitive(o, "note");
}

static bool list_has(const cJSON *arr, const char *id)
{
	for (const cJSON *x = arr ? arr->child : NULL; x; x = x->next)
		if (cJSON_IsString(x) && !strcmp(x->valuestring, id))
			return true;
	return false;
}

static void list_add(cJSON *o, const char *key, const char *id)
{
	cJSON *arr = cJSON_GetObjectItemCaseSensitive(o, key);
	if (!cJSON_IsArray(arr)) {
		cJSON_DeleteItemFromObjectCaseSensitive(o, key);
		arr = cJSON_AddArrayToObject(o, key);
	}
	if (!list_has(arr, id))
		cJSON_AddItemToArray(arr, cJSON_CreateString(id));
}

static void list_remove(cJSON *o, const char *key, const char *id)
{
	cJSON *arr = cJSON_GetObjectItemCaseSensitive(o, key);
	for (cJSON *x = arr ? arr->child : NULL; x; x = x->next)
		if (cJSON_IsString(x) && !strcmp(x->valuestring, id)) {
			cJSON_Delete(cJSON_DetachItemViaPointer(arr, x));
			return;
		}
}

static const char *str_of(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Any edit of a claim or topic makes it the analyst's. */
static void curate(cJSON *o)
{
	set_str(o, "origin", "curated");
}

/* The fields of claim o that --kind, --speaker and --note give. */
static void claim_fields(const struct curate_args *a, cJSON *o)
{
	if (a->kind)
		set_str(o, "kind", a->kind);
	if (a->speaker)
		set_str(o, "speaker", *a->speaker ? a->speaker : NULL);
	if (a->note)
		set_note(o, a->note);
}

/* Removes the values of one type ("quantity" or "date") from claim o and
 * returns its values array. */
static cJSON *drop_values(cJSON *o, const char *type)
{
	cJSON *vs = cJSON_GetObjectItemCaseSensitive(o, "values");
	if (!cJSON_IsArray(vs)) {
		cJSON_DeleteItemFromObjectCaseSensitive(o, "values");
		vs = cJSON_AddArrayToObject(o, "values");
	}
	for (cJSON *v = vs->child, *next; v; v = next) {
		next = v->next;
		const char *t = str_of(v, "type");
		if (t && !strcmp(t, type))
			cJSON_Delete(cJSON_DetachItemViaPointer(vs, v));
	}
	return vs;
}

/* A date value of YYYY, YYYY-MM or YYYY-MM-DD; NULL when s is none. */
static cJSON *date_value(const char *s)
{
	int y, m = 0, d = 0, n = 0;
	size_t len = strlen(s);
	bool ok = (len == 4 && sscanf(s, "%4d%n", &y, &n) == 1) ||
		  (len == 7 && sscanf(s, "%4d-%2d%n", &y, &m, &n) == 2) ||
		  (len == 10 && sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3);
	if (!ok || (size_t)n != len || strspn(s, "0123456789-") != len || y < 1 ||
	    (len > 4 && (m < 1 || m > 12)) || (len > 7 && (d < 1 || d > cal_month_days(y, m))))
		return NULL;
	char from[16], to[16];
	snprintf(from, sizeof from, "%04d-%02d-%02d", y, m ? m : 1, d ? d : 1);
	snprintf(to, sizeof to, "%04d-%02d-%02d", y, m ? m : 12,
		 d ? d : cal_month_days(y, m ? m : 12));
	cJSON *v = cJSON_CreateObject();
	cJSON_AddStringToObject(v, "type", "date");
	cJSON_AddStringToObject(v, "value", s);
	cJSON_AddStringToObject(v, "precision", len == 4 ? "year" : len == 7 ? "month" : "day");
	cJSON_AddStringToObject(v, "start", from);
	cJSON_AddStringToObject(v, "end", to);
	return v;
}

/* Checks --value, --unit, --counted and --date: 1 with a message, else
 * 0 with the number and the date value (NULL: none; the caller's). */
static int claim_values(struct strbuf *err, const char *what, const struct curate_args *a,
			double *num, cJSON **date)
{
	*num = 0;
	*date = NULL;
	if (a->value) {
		char *endp;
		errno = 0;
		*num = strtod(a->value, &endp);
		if (!*a->value || *endp || errno || !isfinite(*num))
			return invalid(err, what, "--value \"%s\" is not a finite number", a->value);
		if (!a->unit || !*a->unit)
			return invalid(err, what, "--value needs --unit (what the figure counts in)");
	} else if (a->unit || a->counted) {
		return invalid(err, what, "--unit and --counted go with --value");
	}
	if (a->date && !(*date = date_value(a->date)))
		return invalid(err, what, "--date \"%s\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
			       a->date);
	return 0;
}

/* Puts the checked --value and --date into claim o (date is taken over). */
static void apply_values(const struct curate_args *a, cJSON *o, double num, cJSON *date)
{
	if (a->value) {
		cJSON *vs = drop_values(o, "quantity");
		cJSON *v = cJSON_CreateObject();
		cJSON_AddStringToObject(v, "type", "quantity");
		cJSON_AddNumberToObject(v, "value", num);
		cJSON_AddStringToObject(v, "unit", a->unit);
		if (a->counted && *a->counted)
			cJSON_AddStringToObject(v, "counted", a->counted);
		cJSON_AddStringToObject(v, "qualifier", "exact");
		cJSON_AddNumberToObject(v, "low", num);
		cJSON_AddNumberToObject(v, "high", num);
		cJSON_InsertItemInArray(vs, 0, v);
	}
	if (date)
		cJSON_AddItemToArray(drop_values(o, "date"), date);
}

/* ---- claim add ---- */

/* A byte offset argument; false when it is not one. */
static bool parse_offset(const char *s, size_t *out)
{
	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 15)
		return false;
	*out = (size_t)strtoull(s, NULL, 10);
	return true;
}

/* An unused claim id "SOURCE-NN". */
static void new_claim_id(struct strbuf *out, const cJSON *root, const char *sid)
{
	for (size_t n = 1;; n++) {
		sb_reset(out);
		sb_addf(out, "%.55s-%02zu", sid, n);
		if (!edit_find(root, "claims", out->buf) && !edit_find(root, "rejected", out->buf))
			return;
	}
}

static size_t span_at(const cJSON *o, int k)
{
	const cJSON *sp = cJSON_GetObjectItemCaseSensitive(o, "span");
	const cJSON *n = cJSON_GetArrayItem(sp, k);
	return cJSON_IsNumber(n) ? (size_t)n->valuedouble : 0;
}

/* Puts claim o among the claims of its source, in text order; after the
 * last claim of all when its source has none. */
static void insert_claim(cJSON *root, cJSON *o, const char *sid, size_t start)
{
	cJSON *claims = edit_array(root, "claims");
	cJSON *at = NULL, *before_first = NULL, *prev = NULL;
	bool any = false;
	for (cJSON *x = claims->child; x; prev = x, x = x->next) {
		const char *s = str_of(x, "source");
		if (!s || strcmp(s, sid))
			continue;
		if (!any)
			before_first = prev;   /* NULL: the source's first claim is the first */
		any = true;
		if (span_at(x, 0) <= start)
			at = x;
	}
	if (at)
		edit_insert_after(claims, at, o);
	else if (any)
		edit_insert_after(claims, before_first, o);
	else
		cJSON_AddItemToArray(claims, o);
}

/* The claim object the extractor proposes for text[start, end) of source
 * i: its kind, speaker and values, "event" with none when it finds none. */
cJSON *curate_propose(struct corpus *c, size_t i, const char *text, size_t start,
		      size_t end, const char *id)
{
	const struct source *s = &c->sources[i];
	struct extract_opts o = { s->published, NULL, 0 };
	struct xclaim *x = NULL, none;
	size_t nx = extract_claims(text + start, end - start, &o, &x);
	const struct xclaim *best = NULL;
	for (size_t k = 0; k < nx; k++)
		if (!best || x[k].score > best->score)
			best = &x[k];
	if (!best) {
		memset(&none, 0, sizeof none);
		none.kind = "event";
		best = &none;
	}
	struct xclaim one = *best;
	one.start = 0;
	one.end = end - start;
	cJSON *cl = extract_claim_json(&one, text + start, id, s->id);
	free(x);
	cJSON *sp = cJSON_CreateArray();
	cJSON_AddItemToArray(sp, cJSON_CreateNumber((double)start));
	cJSON_AddItemToArray(sp, cJSON_CreateNumber((double)end));
	cJSON_ReplaceItemInObjectCaseSensitive(cl, "span", sp);
	/* the field order of the bundled index: speaker_role after speaker */
	cJSON *role = cJSON_DetachItemFromObjectCaseSensitive(cl, "speaker_role");
	cJSON *values = cJSON_DetachItemFromObjectCaseSensitive(cl, "values");
	cJSON *topics = cJSON_DetachItemFromObjectCaseSensitive(cl, "topics");
	cJSON_AddItemToObject(cl, "speaker_role", role ? role : cJSON_CreateNull());
	cJSON_AddItemToObject(cl, "values", values);
	cJSON_AddItemToObject(cl, "topics", topics);
	cJSON_DeleteItemFromObjectCaseSensitive(cl, "origin");
	return cl;
}

static int claim_add(const struct curate_args *a, struct edit *e, struct strbuf *err)
{
	const char *what = "claim add";
	if (a->nrest != 4)
		return usage(err, "claim add SOURCE START END [--kind K] [--speaker S] [--note N] "
			     "[--value N --unit U [--counted C]] [--date D]");
	const char *sid = a->rest[1];
	size_t start, end, len;
	long i = corpus_find_source(e->c, sid);
	if (i < 0)
		return invalid(err, what, "SOURCE: no source has id \"%s\"", sid);
	if (!parse_offset(a->rest[2], &start))
		return invalid(err, what, "START \"%s\" is not a byte offset", a->rest[2]);
	if (!parse_offset(a->rest[3], &end))
		return invalid(err, what, "END \"%s\" is not a byte offset", a->rest[3]);
	if (a->kind && check_enum(err, what, "--kind", a->kind, claim_kinds))
		return 1;
	sb_reset(err);
	const char *text = corpus_text(e->c, (size_t)i, &len, err);
	if (!text)
		return CURATE_IO;
	const char *file = e->c->sources[i].file;
	if (start >= end)
		return invalid(err, what, "span [%zu, %zu] is empty: START must be below END", start, end);
	if (end > len)
		return invalid(err, what, "span [%zu, %zu] ends past the end of %s (%zu bytes)",
			       start, end, file, len);
	/* whole characters only */
	while (start < end && !utf8_boundary(text, len, start))
		start++;
	while (end > start && !utf8_boundary(text, len, end))
		end--;
	if (start == end)
		return invalid(err, what, "span [%s, %s] of %s holds no whole character",
			       a->rest[2], a->rest[3], file);
	const cJSON *cl = cJSON_GetObjectItemCaseSensitive(e->work, "claims");
	for (const cJSON *x = cl ? cl->child : NULL; x; x = x->next) {
		const char *s = str_of(x, "source");
		if (s && !strcmp(s, sid) && span_at(x, 0) == start && span_at(x, 1) == end)
			return invalid(err, what, "claim \"%s\" already has span [%zu, %zu] of %s",
				       str_of(x, "id"), start, end, file);
	}
	double num = 0;
	cJSON *date = NULL;
	if (claim_values(err, what, a, &num, &date))
		return CURATE_INVALID;
	struct strbuf id = STRBUF_INIT;
	new_claim_id(&id, e->work, sid);
	cJSON *o = curate_propose(e->c, (size_t)i, text, start, end, id.buf);
	curate(o);
	claim_fields(a, o);
	apply_values(a, o, num, date);
	insert_claim(e->work, o, sid, start);
	edit_touch(e, "claims", id.buf);
	sb_release(&id);
	return 0;
}

/* ---- claim edit ---- */

static int claim_edit(const struct curate_args *a, struct edit *e, struct strbuf *err)
{
	const char *what = "claim edit";
	if (a->nrest != 2)
		return usage(err, "claim edit ID [--kind K] [--speaker S] [--note N] [--value N --unit U "
			     "[--counted C]] [--date D]");
	cJSON *o = edit_find(e->work, "claims", a->rest[1]);
	if (!o)
		return invalid(err, what, "ID: no claim has id \"%s\"", a->rest[1]);
	if (a->kind && check_enum(err, what, "--kind", a->kind, claim_kinds))
		return 1;
	double num = 0;
	cJSON *date = NULL;
	if (claim_values(err, what, a, &num, &date))
		return CURATE_INVALID;
	claim_fields(a, o);
	apply_values(a, o, num, date);
	curate(o);
	edit_touch(e, "claims", a->rest[1]);
	return 0;
}

/* ---- claim rm, claim reject ---- */

/* Takes claim id out of every topic of work; 1 when that would leave a
 * topic with no claim. */
static int unlink_everywhere(struct strbuf *err, const char *what, struct edit *e, const char *id)
{
	cJSON *topics = cJSON_GetObjectItemCaseSensitive(e->work, "topics");
	for (cJSON *t = topics ? topics->child : NULL; t; t = t->next) {
		cJSON *cl = cJSON_GetObjectItemCaseSensitive(t, "claims");
		if (!list_has(cl, id))
			continue;
		if (cJSON_GetArraySize(cl) == 1)
			return invalid(err, what, "claim \"%s\" is the only claim of topic \"%s\": "
				       "link another claim to the topic first", id, str_of(t, "id"));
	}
	for (cJSON *t = topics ? topics->child : NULL; t; t = t->next)
		if (list_has(cJSON_GetObjectItemCaseSensitive(t, "claims"), id)) {
			list_remove(t, "claims", id);
			edit_touch(e, "topics", str_of(t, "id"));
		}
	return 0;
}

static int claim_remove(const struct curate_args *a, struct edit *e, bool reject,
			struct strbuf *err)
{
	const char *what = reject ? "claim reject" : "claim rm";
	if (a->nrest != 2)
		return usage(err, reject ? "claim reject ID" : "claim rm ID");
	const char *id = a->rest[1];
	cJSON *o = edit_find(e->work, "claims", id);
	if (!o)
		return invalid(err, what, "ID: no claim has id \"%s\"", id);
	if (unlink_everywhere(err, what, e, id))
		return 1;
	if (reject) {
		/* what extraction must not bring back: the source and the span */
		struct strbuf rid = STRBUF_INIT;
		sb_addstr(&rid, id);
		for (int n = 2; edit_find(e->work, "rejected", rid.buf); n++) {
			sb_reset(&rid);
			sb_addf(&rid, "%.55s.%d", id, n);
		}
		cJSON *r = cJSON_CreateObject();
		cJSON_AddStringToObject(r, "id", rid.buf);
		cJSON_AddItemToObject(r, "source",
				      cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(o, "source"), true));
		cJSON_AddItemToObject(r, "span",
				      cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(o, "span"), true));
		cJSON_AddItemToObject(r, "text",
				      cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(o, "text"), true));
		cJSON_AddItemToArray(edit_array(e->work, "rejected"), r);
		edit_touch(e, "rejected", rid.buf);
		sb_release(&rid);
	}
	cJSON_Delete(cJSON_DetachItemViaPointer(cJSON_GetObjectItemCaseSensitive(e->work, "claims"), o));
	edit_touch(e, "claims", id);
	return 0;
}

static int claim_rm(const struct curate_args *a, struct edit *e, struct strbuf *err)
{
	return claim_remove(a, e, false, err);
}

static int claim_reject(const struct curate_args *a, struct edit *e, struct strbuf *err)
{
	return claim_remove(a, e, true, err);
}

/* ---- topics ---- */

/* Checks that every claim named in ids exists in work; 1 with a message. */
static int check_claims(struct strbuf *err, const char *what, const struct edit *e, char **ids, int n)
{
	for (int k = 0; k < n; k++)
		if (!edit_find(e->work, "claims", ids[k]))
			return invalid(err, what, "CLAIM: no claim has id \"%s\"", ids[k]);
	return 0;
}

/* Links claim cid and topic t both ways. */
static void link_claim(struct edit *e, cJSON *t, const char *cid)
{
	const char *tid = str_of(t, "id");
	cJSON *c = edit_find(e->work, "claims", cid);
	if (list_has(cJSON_GetObjectItemCaseSensitive(t, "claims"), cid) &&
	    list_has(cJSON_GetObjectItemCaseSensitive(c, "topics"), tid))
		return;
	list_add(t, "claims", cid);
	list_add(c, "topics", tid);
	edit_touch(e, "claims", cid);
	edit_touch(e, "topics", tid);
}

static int topic_fields(struct strbuf *err, const char *what, const struct curate_args *a, cJSON *t)
{
	if (a->relation && *a->relation && check_enum(err, what, "--relation", a->relation, relations))
		return 1;
	if (a->label && !*a->label)
		return invalid(err, what, "--label is empty: a topic needs a label");
	if (a->label)
		set_str(t, "label", a->label);
	if (a->note)
		set_note(t, a->note);
	if (a->relation && *a->relation)
		set_str(t, "status", a->relation);
	else if (a->relation)
		cJSON_DeleteItemFromObjectCaseSensitive(t, "status");
	curate(t);
	return 0;
}

static int topic_add(const struct curate_args *a, struct edit *e, struct strbuf *err)
{
	const char *what = "topic add";
	if (a->nrest < 2 || !a->label)
		return usage(err, "topic add ID --label L [--note N] [--relation R] CLAIM...");
	const char *id = a->rest[1];
	if (!corpus_id_valid(id))
		return invalid(err, what, "ID \"%s\" is not a valid id (1 to 64 of A-Z a-z 0-9 . _ : -)", id);
	if (edit_find(e->work, "topics", id))
		return invalid(err, what, "ID: topic \"%s\" already exists", id);
	if (a->nrest < 3)
		return invalid(err, what, "a topic needs at least one claim");
	if (check_claims(err, what, e, a->rest + 2, a->nrest - 2))
		return 1;
	cJSON *t = cJSON_CreateObject();
	cJSON_AddStringToObject(t, "id", id);
	cJSON_AddStringToObject(t, "label", "");
	cJSON_AddArrayToObject(t, "claims");
	if (topic_fields(err, what, a, t)) {
		cJSON_Delete(t);
		return 1;
	}
	/* the field order of the bundled index */
	cJSON *claims = cJSON_DetachItemFromObjectCaseSensitive(t, "claims");
	cJSON *status = cJSON_DetachItemFromObjectCaseSensitive(t, "status");
	cJSON *origin = cJSON_DetachItemFromObjectCaseSensitive(t, "origin");
	cJSON_AddItemToObject(t, "claims", claims);
	if (status)
		cJSON_AddItemToObject(t, "status", status);
	cJSON_AddItemToObject(t, "origin", origin);
	cJSON_AddItemToArray(edit_array(e->work, "topics"), t);
	edit_touch(e, "topics", id);
	for (int k = 2; k < a->nrest; k++)
		link_claim(e, t, a->rest[k]);
	return 0;
}

static int topic_links(const struct curate_args *a, struct edit *e, bool add,
		       struct strbuf *err)
{
	const char *what = add ? "topic link" : "topic unlink";
	if (a->nrest < 3)
		return usage(err, add ? "topic link TOPIC CLAIM..." : "topic unlink TOPIC CLAIM...");
	const char *tid = a->rest[1];
	cJSON *t = edit_find(e->work, "topics", tid);
	if (!t)
		return invalid(err, what, "TOPIC: no topic has id \"%s\"", tid);
	if (check_claims(err, what, e, a->rest + 2, a->nrest - 2))
		return 1;
	if (add) {
		for (int k = 2; k < a->nrest; k++)
			link_claim(e, t, a->rest[k]);
	} else {
		cJSON *cl = cJSON_GetObjectItemCaseSensitive(t, "claims");
		int left = cJSON_GetArraySize(cl);
		for (int k = 2; k < a->nrest; k++) {
			if (!list_has(cl, a->rest[k]))
				return invalid(err, what, "claim \"%s\" is not in topic \"%s\"", a->rest[k], tid);
			bool again = false;
			for (int j = 2; j < k; j++)
				again |= !strcmp(a->rest[j], a->rest[k]);
			left -= !again;
		}
		if (left < 1)
			return invalid(err, what, "topic \"%s\" would have no claim left", tid);
		for (int k = 2; k < a->nrest; k++) {
			list_remove(t, "claims", a->rest[k]);
			list_remove(edit_find(e->work, "claims", a->rest[k]), "topics", tid);
			edit_touch(e, "claims", a->rest[k]);
		}
		edit_touch(e, "topics", tid);
	}
	curate(t);
	edit_touch(e, "topics", tid);
	return 0;
}

static int topic_set(const struct curate_args *a, struct edit *e, struct strbuf *err)
{
	const char *what = "topic set";
	if (a->nrest != 2 || (!a->relation && !a->note && !a->label))
		return usage(err, "topic set TOPIC [--relation R] [--note N] [--label L]");
	cJSON *t = edit_find(e->work, "topics", a->rest[1]);
	if (!t)
		return invalid(err, what, "TOPIC: no topic has id \"%s\"", a->rest[1]);
	if (topic_fields(err, what, a, t))
		return 1;
	edit_touch(e, "topics", a->rest[1]);
	return 0;
}

static int topic_link(const struct curate_args *a, struct edit *e, struct strbuf *err)
{
	return topic_links(a, e, true, err);
}

static int topic_unlink(const struct curate_args *a, struct edit *e, struct strbuf *err)
{
	return topic_links(a, e, false, err);
}

/* ---- note ---- */

static int note_edit(const struct curate_args *a, struct edit *e, struct strbuf *err)
{
	static const char *const colls[] = { "claims", "topics", "sources" };
	const char *target = a->rest[0], *slash = strchr(target, '/');
	const char *id = target, *coll = NULL;
	int found = 0;
	if (slash) {
		/* KIND/ID: "claim/odr-11", "topic/...", "source/odr" */
		id = slash + 1;
		for (size_t k = 0; k < 3; k++)
			if (!strncmp(target, colls[k], (size_t)(slash - target)) &&
			    strlen(colls[k]) == (size_t)(slash - target) + 1)
				coll = colls[k];
		if (!coll)
			return invalid(err, "note", "TARGET \"%s\": KIND is claim, topic or source", target);
		found = edit_find(e->work, coll, id) ? 1 : 0;
	} else {
		for (size_t k = 0; k < 3; k++)
			if (edit_find(e->work, colls[k], id)) {
				coll = colls[k];
				found++;
			}
	}
	if (found != 1) {
		if (!found)
			return invalid(err, "note", "TARGET: no claim, topic or source has id \"%s\"", id);
		return invalid(err, "note", "TARGET \"%s\" names more than one object: write "
			       "claim/%s, topic/%s or source/%s", id, id, id, id);
	}
	cJSON *o = edit_find(e->work, coll, id);
	set_note(o, a->rest[1]);
	edit_touch(e, coll, id);
	return 0;
}

/* One sub-command: its edit, made on e->work. */
struct sub {
	const char *name;
	int (*edit)(const struct curate_args *a, struct edit *e, struct strbuf *err);
};

int curate_run(const char *cmd, const struct curate_args *a, struct edit *e, struct strbuf *err)
{
	static const struct sub claims[] = {
		{ "add", claim_add }, { "edit", claim_edit }, { "rm", claim_rm },
		{ "reject", claim_reject },
	};
	static const struct sub topics[] = {
		{ "add", topic_add }, { "link", topic_link }, { "unlink", topic_unlink },
		{ "set", topic_set },
	};
	if (!strcmp(cmd, "note"))
		return a->nrest == 2 ? note_edit(a, e, err) : usage(err, "note TARGET TEXT");
	bool claim = !strcmp(cmd, "claim");
	const struct sub *subs = claim ? claims : topics;
	for (size_t i = 0; a->nrest && i < 4; i++)
		if (!strcmp(a->rest[0], subs[i].name))
			return subs[i].edit(a, e, err);
	return usage(err, claim ? "claim add|edit|rm|reject ..." : "topic add|link|unlink|set ...");
}
