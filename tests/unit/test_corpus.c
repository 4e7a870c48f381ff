/* test_corpus: loading the bundled corpus, lookups, texts, path rules,
 * confinement and the search order for the index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "corpus/corpus.h"

#define BUNDLED "../../data/corpus.json"
#define RUSSIA "Russia\xE2\x80\x99s only major ally"
#define PCT85 "\xE2\x80\x9C" "85% of respondents"

struct fixture {
	struct corpus *c;
	struct diags dg;
	char tmp[64];          /* a scratch directory, removed afterwards */
	char cwd[PATH_MAX];
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
	if (!mkdtemp(f->tmp) || !getcwd(f->cwd, sizeof f->cwd))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	corpus_free(f->c);
	diags_release(&f->dg);
	if (chdir(f->cwd) < 0)
		return -1;
	nftw(f->tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	unsetenv("LECTERN_CORPUS");
	free(f);
	return 0;
}

/* Checks the model's invariants: every reference in range, claims grouped
 * per source by span start, topics and claims naming each other, every id
 * found again by corpus_find_*(). */
static void check_corpus(const struct corpus *c)
{
	size_t grouped = 0;
	for (size_t i = 0; i < c->nsources; i++) {
		const struct source *s = &c->sources[i];
		assert_int_equal(corpus_find_source(c, s->id), (long)i);
		assert_null(corpus_path_problem(s->file));
		assert_int_equal(strlen(s->sha256), 64);
		for (size_t k = 0; k < s->nclaims; k++) {
			const struct claim *cl = &c->claims[s->claims[k]];
			assert_int_equal(cl->source, i);
			if (k)
				assert_true(c->claims[s->claims[k - 1]].span.start <= cl->span.start);
		}
		for (size_t k = 1; k < s->nboiler; k++)
			assert_true(s->boiler[k - 1].start <= s->boiler[k].start);
		grouped += s->nclaims;
	}
	assert_int_equal(grouped, c->nclaims);
	for (size_t i = 0; i < c->nclaims; i++) {
		const struct claim *cl = &c->claims[i];
		assert_int_equal(corpus_find_claim(c, cl->id), (long)i);
		assert_true(cl->source < c->nsources);
		assert_true(cl->span.start < cl->span.end);
		assert_int_equal(strlen(cl->text), cl->span.end - cl->span.start);
		for (size_t k = 0; k < cl->ntopics; k++) {
			const struct topic *t = &c->topics[cl->topics[k]];
			bool back = false;
			for (size_t j = 0; j < t->nclaims; j++)
				back |= t->claims[j] == i;
			assert_true(back);
		}
	}
	for (size_t i = 0; i < c->ntopics; i++) {
		assert_int_equal(corpus_find_topic(c, c->topics[i].id), (long)i);
		assert_true(c->topics[i].nclaims >= 1);
		for (size_t k = 0; k < c->topics[i].nclaims; k++)
			assert_true(c->topics[i].claims[k] < c->nclaims);
	}
}

static struct corpus *load(struct fixture *f, const char *path, unsigned flags,
			   enum load_status *st)
{
	corpus_free(f->c);
	diags_release(&f->dg);
	f->c = corpus_load(path, flags, &f->dg, st);
	if (f->c) {
		assert_int_equal(*st, LOAD_OK);
		assert_int_equal(diags_count(&f->dg), 0);
		check_corpus(f->c);
	} else {
		assert_int_not_equal(*st, LOAD_OK);
		assert_true(diags_count(&f->dg) > 0);
	}
	return f->c;
}

static void write_file(const char *path, const char *s)
{
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(s, fp);
	assert_int_equal(fclose(fp), 0);
}

static void test_load_bundled(void **state)
{
	struct fixture *f = *state;
	enum load_status st;
	struct corpus *c = load(f, BUNDLED, CORPUS_CHECK_FILES, &st);
	if (!c)
		fail_msg("%s", f->dg.lines[0]);
	assert_int_equal(c->nsources, 5);
	assert_int_equal(c->nclaims, 126);
	assert_int_equal(c->ntopics, 29);
	assert_int_equal(c->version, 1);
	assert_string_equal(c->dir, "../../data");
	assert_non_null(strstr(c->title, "Belarus"));
}

static void test_find(void **state)
{
	struct fixture *f = *state;
	enum load_status st;
	struct corpus *c = load(f, BUNDLED, 0, &st);
	assert_non_null(c);
	long s = corpus_find_source(c, "csm");
	assert_true(s >= 0);
	assert_string_equal(c->sources[s].outlet, "The Christian Science Monitor");
	assert_string_equal(c->sources[s].published, "2022-10-20");
	assert_null(c->sources[s].author);        /* no byline: null, not invented */
	assert_int_equal(corpus_find_source(c, "CSM"), -1);   /* ids are case-sensitive */
	assert_int_equal(corpus_find_source(c, ""), -1);
	assert_int_equal(corpus_find_source(c, "nope"), -1);
	long k = corpus_find_claim(c, "mt-01");
	assert_true(k >= 0);
	assert_string_equal(c->sources[c->claims[k].source].id, "mt");
	assert_string_equal(c->claims[k].kind, "event");
	assert_int_equal(c->claims[k].span.start, 240);
	assert_int_equal(c->claims[k].span.end, 362);
	assert_int_equal(c->claims[k].nvalues, 1);
	assert_int_equal(c->claims[k].values[0].type, VALUE_DATE);
	assert_string_equal(c->claims[k].values[0].start, "2022-01-11");
	long t = corpus_find_topic(c, "feb22-stoltenberg-30000");
	assert_true(t >= 0);
	assert_int_equal(c->topics[t].nclaims, 2);
	assert_string_equal(c->topics[t].status, "agree");
	assert_int_equal(corpus_find_claim(c, "feb22-stoltenberg-30000"), -1);
}

static void test_grouping(void **state)
{
	struct fixture *f = *state;
	enum load_status st;
	struct corpus *c = load(f, BUNDLED, 0, &st);
	assert_non_null(c);
	/* check_corpus() has checked the order; every source has its claims */
	for (size_t i = 0; i < c->nsources; i++)
		assert_true(c->sources[i].nclaims >= 12);
	const struct source *mt = &c->sources[corpus_find_source(c, "mt")];
	assert_string_equal(c->claims[mt->claims[0]].id, "mt-01");
}

static void test_text(void **state)
{
	struct fixture *f = *state;
	enum load_status st;
	struct strbuf err = STRBUF_INIT;
	size_t len = 0;
	struct corpus *c = load(f, BUNDLED, 0, &st);
	assert_non_null(c);
	size_t i = (size_t)corpus_find_source(c, "csm");
	assert_null(c->sources[i].text);          /* read on demand */
	const char *t = corpus_text(c, i, &len, &err);
	assert_non_null(t);
	assert_int_equal(err.len, 0);
	assert_true(len > 1000);
	assert_ptr_equal(corpus_text(c, i, &len, &err), t);   /* kept */
	assert_non_null(memmem(t, len, RUSSIA, strlen(RUSSIA)));
	assert_non_null(memmem(t, len, PCT85, strlen(PCT85)));
	assert_null(memmem(t, len, "\xE9\x88\xA5", 3));        /* no 鈥 left */
	for (size_t k = 0; k < c->sources[i].nclaims; k++) {
		const struct claim *cl = &c->claims[c->sources[i].claims[k]];
		assert_memory_equal(t + cl->span.start, cl->text, cl->span.end - cl->span.start);
	}
	corpus_text_drop(c, i);
	assert_null(c->sources[i].text);
	sb_release(&err);
}

static void test_text_gone(void **state)
{
	struct fixture *f = *state;
	enum load_status st;
	char path[128], idx[128];
	struct strbuf err = STRBUF_INIT;
	size_t len;
	snprintf(path, sizeof path, "%s/a.txt", f->tmp);
	snprintf(idx, sizeof idx, "%s/corpus.json", f->tmp);
	write_file(path, "hello");
	write_file(idx, "{\"schema\": \"lectern-corpus\", \"version\": 1, \"title\": \"t\",\n"
		   "\"sources\": [{\"id\": \"a\", \"title\": null, \"outlet\": null, \"author\": null,\n"
		   "\"published\": null, \"url\": null, \"language\": null, \"file\": \"a.txt\",\n"
		   "\"sha256\": \"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"}],\n"
		   "\"claims\": [], \"topics\": []}\n");
	struct corpus *c = load(f, idx, CORPUS_CHECK_FILES, &st);
	if (!c)
		fail_msg("%s", f->dg.lines[0]);
	unlink(path);
	assert_null(corpus_text(c, 0, &len, &err));
	assert_non_null(strstr(err.buf, "cannot open"));
	sb_release(&err);
}

static void test_load_errors(void **state)
{
	struct fixture *f = *state;
	enum load_status st;
	char idx[128];
	assert_null(load(f, "/nonexistent/corpus.json", 0, &st));
	assert_int_equal(st, LOAD_IO);
	assert_non_null(strstr(f->dg.lines[0], "cannot read"));
	assert_null(load(f, f->tmp, 0, &st));     /* a directory */
	assert_int_equal(st, LOAD_IO);
	snprintf(idx, sizeof idx, "%s/corpus.json", f->tmp);
	write_file(idx, "{\"schema\": \"lectern-corpus\",");
	assert_null(load(f, idx, 0, &st));
	assert_int_equal(st, LOAD_INVALID);
	assert_int_equal(strncmp(f->dg.lines[0], "corpus.json:1:", 14), 0);
	write_file(idx, "{\"schema\": \"lectern-corpus\", \"version\": 2, \"title\": \"t\","
		   " \"sources\": [], \"claims\": [], \"topics\": []}");
	assert_null(load(f, idx, 0, &st));
	assert_int_equal(st, LOAD_INVALID);
	assert_non_null(strstr(f->dg.lines[0], "corpus.json:1:41: schema version 2 is not supported"));
	write_file(idx, "{\"schema\": \"lectern-corpus\", \"version\": 1, \"title\": \"t\","
		   " \"sources\": [], \"claims\": [], \"topics\": []}");
	assert_non_null(load(f, idx, CORPUS_CHECK_FILES, &st));   /* empty is valid */
}

static void test_path_problem(void **state)
{
	static const struct { const char *path, *want; } cases[] = {
		{ "sources/a.txt", NULL },
		{ "a.txt", NULL },
		{ "sources/..a.txt", NULL },
		{ "sources/a..txt", NULL },
		{ "./a.txt", NULL },
		{ "", "empty" },
		{ "/etc/passwd", "absolute" },
		{ "../a.txt", ".." },
		{ "sources/../../a.txt", ".." },
		{ "sources/..", ".." },
		{ "-a.txt", "'-'" },
		{ "a\nb.txt", "control" },
		{ "a\x1b.txt", "control" },
		{ "a\x7f.txt", "control" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *why = corpus_path_problem(cases[i].path);
		if (!cases[i].want) {
			if (why)
				fail_msg("\"%s\" refused: %s", cases[i].path, why);
		} else if (!why || !strstr(why, cases[i].want)) {
			fail_msg("\"%s\": wanted \"%s\", got \"%s\"", cases[i].path,
				 cases[i].want, why ? why : "(accepted)");
		}
	}
}

static void test_open_confined(void **state)
{
	struct fixture *f = *state;
	char dir[128], p[192], out[128];
	struct strbuf err = STRBUF_INIT;

	snprintf(dir, sizeof dir, "%s/corpus", f->tmp);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(p, sizeof p, "%s/sources", dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof p, "%s/sources/in.txt", dir);
	write_file(p, "inside");
	snprintf(out, sizeof out, "%s/secret.txt", f->tmp);
	write_file(out, "outside");
	snprintf(p, sizeof p, "%s/sources/escape.txt", dir);
	assert_int_equal(symlink(out, p), 0);           /* absolute target outside */
	snprintf(p, sizeof p, "%s/sources/rel.txt", dir);
	assert_int_equal(symlink("../../secret.txt", p), 0);
	snprintf(p, sizeof p, "%s/sources/ok.txt", dir);
	assert_int_equal(symlink("in.txt", p), 0);      /* stays inside: fine */
	snprintf(p, sizeof p, "%s/sources/sub", dir);
	assert_int_equal(mkdir(p, 0700), 0);

	int fd = corpus_open_confined(dir, "sources/in.txt", &err);
	assert_true(fd >= 0);
	char buf[16] = "";
	assert_int_equal(read(fd, buf, sizeof buf), 6);
	assert_memory_equal(buf, "inside", 6);
	close(fd);
	fd = corpus_open_confined(dir, "sources/ok.txt", &err);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(err.len, 0);

	static const struct { const char *rel, *want; } bad[] = {
		{ "sources/escape.txt", "outside the corpus directory" },
		{ "sources/rel.txt", "outside the corpus directory" },
		{ "../secret.txt", ".." },
		{ "sources/missing.txt", "cannot open" },
		{ "sources/sub", "directory" },
		{ "/etc/hostname", "absolute" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		sb_reset(&err);
		assert_int_equal(corpus_open_confined(dir, bad[i].rel, &err), -1);
		if (!strstr(err.buf, bad[i].want))
			fail_msg("%s: wanted \"%s\", got \"%s\"", bad[i].rel, bad[i].want, err.buf);
	}
	sb_release(&err);
}

static void test_locate(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	char idx[128], other[128], sub[128];

	snprintf(idx, sizeof idx, "%s/corpus.json", f->tmp);
	write_file(idx, "{}");
	snprintf(sub, sizeof sub, "%s/alt", f->tmp);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(other, sizeof other, "%s/alt/index.json", f->tmp);
	write_file(other, "{}");
	unsetenv("LECTERN_CORPUS");

	/* --corpus: a directory, a directory with a slash, a file */
	assert_int_equal(corpus_locate(f->tmp, &out), 0);
	assert_string_equal(out.buf, idx);
	char slash[130];
	snprintf(slash, sizeof slash, "%s/", f->tmp);
	assert_int_equal(corpus_locate(slash, &out), 0);
	assert_string_equal(out.buf, idx);
	assert_int_equal(corpus_locate(other, &out), 0);
	assert_string_equal(out.buf, other);
	assert_int_equal(corpus_locate(sub, &out), -1);   /* no corpus.json there */
	assert_non_null(strstr(out.buf, "no such corpus (from --corpus)"));

	/* $LECTERN_CORPUS when there is no --corpus; --corpus wins over it */
	setenv("LECTERN_CORPUS", other, 1);
	assert_int_equal(corpus_locate(NULL, &out), 0);
	assert_string_equal(out.buf, other);
	assert_int_equal(corpus_locate(idx, &out), 0);
	assert_string_equal(out.buf, idx);
	setenv("LECTERN_CORPUS", "/nonexistent/x.json", 1);
	assert_int_equal(corpus_locate(NULL, &out), -1);
	assert_non_null(strstr(out.buf, "(from LECTERN_CORPUS)"));

	/* then ./data/corpus.json; an empty variable counts as unset */
	setenv("LECTERN_CORPUS", "", 1);
	snprintf(sub, sizeof sub, "%s/data", f->tmp);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(other, sizeof other, "%s/data/corpus.json", f->tmp);
	write_file(other, "{}");
	assert_int_equal(chdir(f->tmp), 0);
	assert_int_equal(corpus_locate(NULL, &out), 0);
	assert_string_equal(out.buf, "data/corpus.json");
	unlink(other);
	int r = corpus_locate(NULL, &out);
	if (r == 0)   /* only when lectern is installed */
		assert_non_null(strstr(out.buf, "/data/corpus.json"));
	else
		assert_non_null(strstr(out.buf, "no corpus found"));
	sb_release(&out);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_load_bundled),
		T(test_find),
		T(test_grouping),
		T(test_text),
		T(test_text_gone),
		T(test_load_errors),
		T(test_path_problem),
		T(test_open_confined),
		T(test_locate),
	};
	return cmocka_run_group_tests_name("corpus", tests, NULL, NULL);
}
