/* test_corpus_json: the model written back as JSON: a full round trip of
 * the bundled corpus, unknown fields kept, values put into words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "corpus/corpus.h"
#include "corpus/json.h"

#define BUNDLED "../../data/corpus.json"

struct fixture {
	struct corpus *a, *b;
	struct diags dg;
	char tmp[64];
};

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st; (void)flag; (void)ftw;
	return remove(p);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	diags_init(&f->dg);
	strcpy(f->tmp, "/tmp/lectern-unit.XXXXXX");
	if (!mkdtemp(f->tmp))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	corpus_free(f->a);
	corpus_free(f->b);
	diags_release(&f->dg);
	nftw(f->tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

static struct corpus *load_ok(struct fixture *f, const char *path)
{
	enum load_status st;
	diags_release(&f->dg);
	struct corpus *c = corpus_load(path, CORPUS_CHECK_FILES, &f->dg, &st);
	if (!c)
		fail_msg("%s: %s", path, f->dg.n ? f->dg.lines[0] : "?");
	return c;
}

static void write_file(const char *path, const char *s, size_t n)
{
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	assert_int_equal(fwrite(s, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

/* Writes the index as JSON into dir/corpus.json. */
static void write_index(const struct corpus *c, const char *dir)
{
	char path[128];
	cJSON *o = corpus_json(c);
	char *s = cJSON_Print(o);
	assert_non_null(s);
	snprintf(path, sizeof path, "%s/corpus.json", dir);
	write_file(path, s, strlen(s));
	cJSON_free(s);
	cJSON_Delete(o);
}

static void same_str(const char *x, const char *y)
{
	if (!x || !y)
		assert_ptr_equal(x, y);    /* both NULL */
	else
		assert_string_equal(x, y);
}

static void same_num(double x, double y)
{
	assert_true(x == y || (isnan(x) && isnan(y)));
}

/* Compares two models field by field (the invariant of a rewrite). */
static void same_model(const struct corpus *a, const struct corpus *b)
{
	same_str(a->title, b->title);
	same_str(a->description, b->description);
	same_str(a->extra, b->extra);
	assert_int_equal(a->nsources, b->nsources);
	assert_int_equal(a->nclaims, b->nclaims);
	assert_int_equal(a->ntopics, b->ntopics);
	for (size_t i = 0; i < a->nsources; i++) {
		const struct source *x = &a->sources[i], *y = &b->sources[i];
		same_str(x->id, y->id); same_str(x->title, y->title);
		same_str(x->outlet, y->outlet); same_str(x->author, y->author);
		same_str(x->published, y->published); same_str(x->url, y->url);
		same_str(x->language, y->language); same_str(x->file, y->file);
		same_str(x->sha256, y->sha256); same_str(x->extra, y->extra);
		assert_int_equal(x->nboiler, y->nboiler);
		for (size_t k = 0; k < x->nboiler; k++) {
			assert_int_equal(x->boiler[k].start, y->boiler[k].start);
			assert_int_equal(x->boiler[k].end, y->boiler[k].end);
		}
		assert_int_equal(x->has_provenance, y->has_provenance);
		same_str(x->original, y->original);
		same_str(x->prov_note, y->prov_note);
		same_str(x->prov_extra, y->prov_extra);
		assert_int_equal(x->nguessed, y->nguessed);
		for (size_t k = 0; k < x->nguessed; k++)
			same_str(x->guessed[k], y->guessed[k]);
		assert_int_equal(x->nrepairs, y->nrepairs);
		for (size_t k = 0; k < x->nrepairs; k++) {
			same_str(x->repairs[k].kind, y->repairs[k].kind);
			same_str(x->repairs[k].action, y->repairs[k].action);
			same_str(x->repairs[k].detail, y->repairs[k].detail);
			same_str(x->repairs[k].extra, y->repairs[k].extra);
			assert_int_equal(x->repairs[k].count, y->repairs[k].count);
		}
		assert_int_equal(x->nclaims, y->nclaims);
		for (size_t k = 0; k < x->nclaims; k++)
			assert_int_equal(x->claims[k], y->claims[k]);
	}
	for (size_t i = 0; i < a->nclaims; i++) {
		const struct claim *x = &a->claims[i], *y = &b->claims[i];
		same_str(x->id, y->id); same_str(x->text, y->text);
		same_str(x->kind, y->kind); same_str(x->origin, y->origin);
		same_str(x->speaker, y->speaker); same_str(x->speaker_role, y->speaker_role);
		same_str(x->extra, y->extra);
		assert_int_equal(x->source, y->source);
		assert_int_equal(x->span.start, y->span.start);
		assert_int_equal(x->span.end, y->span.end);
		assert_int_equal(x->ntopics, y->ntopics);
		for (size_t k = 0; k < x->ntopics; k++)
			assert_int_equal(x->topics[k], y->topics[k]);
		assert_int_equal(x->nvalues, y->nvalues);
		for (size_t k = 0; k < x->nvalues; k++) {
			const struct value *v = &x->values[k], *w = &y->values[k];
			assert_int_equal(v->type, w->type);
			same_num(v->num, w->num);
			assert_int_equal(v->has_low, w->has_low);
			assert_int_equal(v->has_high, w->has_high);
			if (v->has_low)
				same_num(v->low, w->low);
			if (v->has_high)
				same_num(v->high, w->high);
			same_str(v->unit, w->unit); same_str(v->counted, w->counted);
			same_str(v->qualifier, w->qualifier); same_str(v->date, w->date);
			same_str(v->precision, w->precision); same_str(v->start, w->start);
			same_str(v->end, w->end); same_str(v->about, w->about);
			same_str(v->extra, w->extra);
		}
	}
	for (size_t i = 0; i < a->ntopics; i++) {
		const struct topic *x = &a->topics[i], *y = &b->topics[i];
		same_str(x->id, y->id); same_str(x->label, y->label);
		same_str(x->note, y->note); same_str(x->status, y->status);
		same_str(x->origin, y->origin); same_str(x->extra, y->extra);
		assert_int_equal(x->nclaims, y->nclaims);
		for (size_t k = 0; k < x->nclaims; k++)
			assert_int_equal(x->claims[k], y->claims[k]);
	}
}

static void copy_texts(const struct corpus *c, const char *dir)
{
	char path[256];
	snprintf(path, sizeof path, "%s/sources", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	for (size_t i = 0; i < c->nsources; i++) {
		char src[256];
		size_t len;
		snprintf(src, sizeof src, "%s/%s", c->dir, c->sources[i].file);
		FILE *fp = fopen(src, "rb");
		assert_non_null(fp);
		static char buf[1 << 20];
		len = fread(buf, 1, sizeof buf, fp);
		fclose(fp);
		snprintf(path, sizeof path, "%s/%s", dir, c->sources[i].file);
		write_file(path, buf, len);
	}
}

static void test_round_trip(void **state)
{
	struct fixture *f = *state;
	f->a = load_ok(f, BUNDLED);
	write_index(f->a, f->tmp);
	copy_texts(f->a, f->tmp);
	char idx[128];
	snprintf(idx, sizeof idx, "%s/corpus.json", f->tmp);
	f->b = load_ok(f, idx);
	same_model(f->a, f->b);
	/* and the JSON of both is the same tree */
	cJSON *x = corpus_json(f->a), *y = corpus_json(f->b);
	assert_true(cJSON_Compare(x, y, 1));
	/* the index as written keeps no derived field */
	const cJSON *s0 = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(x, "sources"), 0);
	assert_null(cJSON_GetObjectItemCaseSensitive(s0, "claim_count"));
	cJSON_Delete(x);
	cJSON_Delete(y);
}

/* True when everything orig states is in back, unchanged; an empty array
 * or a null may be left out (the format treats them as absent). */
static bool covers(const cJSON *orig, const cJSON *back, struct strbuf *where)
{
	if (cJSON_IsObject(orig)) {
		if (!cJSON_IsObject(back))
			return false;
		for (const cJSON *m = orig->child; m; m = m->next) {
			const cJSON *w = cJSON_GetObjectItemCaseSensitive(back, m->string);
			size_t len = where->len;
			sb_addf(where, ".%s", m->string);
			if (!w && (cJSON_IsNull(m) || (cJSON_IsArray(m) && !m->child))) {
				sb_setlen(where, len);
				continue;
			}
			if (!w || !covers(m, w, where))
				return false;
			sb_setlen(where, len);
		}
		return true;
	}
	if (cJSON_IsArray(orig)) {
		if (!cJSON_IsArray(back) || cJSON_GetArraySize(orig) != cJSON_GetArraySize(back))
			return false;
		int i = 0;
		for (const cJSON *o = orig->child, *b = back->child; o; o = o->next, b = b->next, i++) {
			size_t len = where->len;
			sb_addf(where, ".%d", i);
			if (!covers(o, b, where))
				return false;
			sb_setlen(where, len);
		}
		return true;
	}
	return cJSON_Compare(orig, back, 1);
}

static void test_round_trip_matches_file(void **state)
{
	struct fixture *f = *state;
	/* every field the bundled index states is in the rewrite, unchanged */
	size_t len;
	FILE *fp = fopen(BUNDLED, "rb");
	assert_non_null(fp);
	static char buf[1 << 20];
	len = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[len] = '\0';
	cJSON *orig = cJSON_Parse(buf);
	assert_non_null(orig);
	f->a = load_ok(f, BUNDLED);
	cJSON *back = corpus_json(f->a);
	struct strbuf where = STRBUF_INIT;
	if (!covers(orig, back, &where))
		fail_msg("%s changed on rewrite", where.buf);
	/* and nothing is added but nulls and empty arrays */
	sb_reset(&where);
	if (!covers(back, orig, &where))
		fail_msg("%s added on rewrite", where.buf);
	sb_release(&where);
	cJSON_Delete(orig);
	cJSON_Delete(back);
}

static const char unknown_index[] =
	"{\"schema\": \"lectern-corpus\", \"version\": 1, \"title\": \"t\",\n"
	" \"x-top\": {\"nested\": [1, 2, {\"deep\": null}]},\n"
	" \"sources\": [{\"id\": \"a\", \"title\": null, \"outlet\": null, \"author\": null,\n"
	"   \"published\": \"2022\", \"url\": null, \"language\": \"en\", \"file\": \"a.txt\",\n"
	"   \"sha256\": \"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\",\n"
	"   \"x-source\": \"kept\",\n"
	"   \"provenance\": {\"original\": \"a.raw\", \"x-prov\": true,\n"
	"     \"repairs\": [{\"kind\": \"other\", \"action\": \"replaced\", \"count\": 2, \"x-repair\": 7}]}}],\n"
	" \"claims\": [{\"id\": \"a-1\", \"source\": \"a\", \"span\": [0, 5], \"text\": \"hello\",\n"
	"   \"kind\": \"quantity\", \"origin\": \"extracted\", \"x-claim\": [\"k\"],\n"
	"   \"values\": [{\"type\": \"quantity\", \"value\": 5, \"unit\": \"letters\",\n"
	"     \"qualifier\": \"exact\", \"low\": 5, \"high\": 5, \"x-value\": {\"v\": 1}}],\n"
	"   \"topics\": [\"t1\"]}],\n"
	" \"topics\": [{\"id\": \"t1\", \"label\": \"L\", \"claims\": [\"a-1\"], \"x-topic\": 1.5}]}\n";

static const cJSON *at(const cJSON *o, const char *path)
{
	/* "sources.0.provenance.repairs.0.x-repair" */
	char buf[128];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *tok = strtok(buf, "."); tok && o; tok = strtok(NULL, "."))
		o = (*tok >= '0' && *tok <= '9') ? cJSON_GetArrayItem(o, atoi(tok)) :
			cJSON_GetObjectItemCaseSensitive(o, tok);
	return o;
}

static void test_unknown_fields(void **state)
{
	static const char *const paths[] = { "x-top", "sources.0.x-source",
		"sources.0.provenance.x-prov", "sources.0.provenance.repairs.0.x-repair",
		"claims.0.x-claim", "claims.0.values.0.x-value", "topics.0.x-topic" };
	struct fixture *f = *state;
	char path[128];
	snprintf(path, sizeof path, "%s/a.txt", f->tmp);
	write_file(path, "hello", 5);
	snprintf(path, sizeof path, "%s/corpus.json", f->tmp);
	write_file(path, unknown_index, sizeof unknown_index - 1);
	f->a = load_ok(f, path);
	cJSON *orig = cJSON_Parse(unknown_index);
	cJSON *back = corpus_json(f->a);
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		const cJSON *w = at(back, paths[i]);
		if (!w || !cJSON_Compare(at(orig, paths[i]), w, 1))
			fail_msg("%s lost or changed", paths[i]);
	}
	/* the same after a second rewrite */
	char *s = cJSON_Print(back);
	write_file(path, s, strlen(s));
	cJSON_free(s);
	f->b = load_ok(f, path);
	same_model(f->a, f->b);
	cJSON *again = corpus_json(f->b);
	assert_true(cJSON_Compare(back, again, 1));
	cJSON_Delete(again);
	cJSON_Delete(orig);
	cJSON_Delete(back);
}

static void test_value_format(void **state)
{
	static const struct { struct value v; const char *want; } cases[] = {
		{ { .type = VALUE_QUANTITY, .num = 9000, .unit = "troops", .qualifier = "about",
		    .has_low = true, .low = 8500, .has_high = true, .high = 9500 }, "about 9000 troops" },
		{ { .type = VALUE_QUANTITY, .num = 30000, .unit = "troops", .qualifier = "exact" },
		  "30000 troops" },
		{ { .type = VALUE_QUANTITY, .num = 10, .unit = "percent", .qualifier = "less than",
		    .has_high = true, .high = 10 }, "less than 10%" },
		{ { .type = VALUE_QUANTITY, .num = 45, .unit = "km", .qualifier = "range",
		    .has_low = true, .low = 40, .has_high = true, .high = 50 }, "40-50 km" },
		{ { .type = VALUE_QUANTITY, .num = 2.5, .unit = "million" }, "2.5 million" },
		{ { .type = VALUE_QUANTITY, .num = 37000, .unit = "", .qualifier = "at least",
		    .has_low = true, .low = 37000 }, "at least 37000" },
		{ { .type = VALUE_DATE, .date = "2022-02", .precision = "range",
		    .start = "2022-02-10", .end = "2022-02-20" }, "2022-02-10..2022-02-20" },
		{ { .type = VALUE_DATE, .date = "2022-01-17", .precision = "day",
		    .start = "2022-01-17", .end = "2022-01-17" }, "2022-01-17" },
		{ { .type = VALUE_DATE, .date = "2022" }, "2022" },
		{ { .type = VALUE_DATE }, "?" },
	};
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sb_reset(&sb);
		value_format(&sb, &cases[i].v);
		assert_string_equal(sb.buf, cases[i].want);
	}
	sb_release(&sb);
}

static void test_value_json(void **state)
{
	struct value v = { .type = VALUE_QUANTITY, .num = 10, .unit = "percent",
			   .qualifier = "less than", .has_high = true, .high = 10 };
	(void)state;
	cJSON *o = value_json(&v);
	char *s = cJSON_PrintUnformatted(o);
	assert_string_equal(s, "{\"type\":\"quantity\",\"value\":10,\"unit\":\"percent\","
			       "\"qualifier\":\"less than\",\"low\":null,\"high\":10}");
	cJSON_free(s);
	cJSON_Delete(o);
}

/* The index written element by element (jindex) is byte for byte the
 * tree's index_print: with every section, with an empty one, and with
 * unknown top members after the sections. */
static void jindex_same(const struct corpus *c, size_t ntopics, const char *extra)
{
	struct corpus v = *c;
	v.ntopics = ntopics;
	v.extra = extra;
	cJSON *o = corpus_json(&v);
	struct strbuf want = STRBUF_INIT;
	index_print(o, &want);
	cJSON_Delete(o);
	struct jindex w;
	struct strbuf got;
	jindex_begin(&w, v.title, v.description, v.extra);
	for (size_t i = 0; i < v.nsources; i++) {
		cJSON *so = source_json(&v, i);
		cJSON_DeleteItemFromObjectCaseSensitive(so, "claim_count");
		jindex_take(&w, JINDEX_SOURCES, so);
	}
	for (size_t i = 0; i < v.nclaims; i++) {
		cJSON *cl = claim_json(&v, i);
		jindex_add(&w, JINDEX_CLAIMS, cl);
		cJSON_Delete(cl);
	}
	for (size_t i = 0; i < v.ntopics; i++)
		jindex_take(&w, JINDEX_TOPICS, topic_json(&v, i));
	jindex_end(&w, &got);
	assert_int_equal(got.len, want.len);
	assert_memory_equal(got.buf, want.buf, want.len);
	assert_int_equal(got.buf[got.len - 1], '\n');
	sb_release(&got);
	sb_release(&want);
}

static void test_jindex_as_print(void **state)
{
	struct fixture *f = *state;
	f->a = load_ok(f, BUNDLED);
	assert_true(f->a->ntopics > 0);
	jindex_same(f->a, f->a->ntopics, f->a->extra);
	jindex_same(f->a, 0, "{\"x-note\": \"kept\", \"x-list\": [1, {\"a\": \"\\n\\t\"}]}");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_round_trip),
		T(test_round_trip_matches_file),
		T(test_unknown_fields),
		T(test_value_format),
		T(test_value_json),
		T(test_jindex_as_print),
	};
	return cmocka_run_group_tests_name("corpus_json", tests, NULL, NULL);
}
