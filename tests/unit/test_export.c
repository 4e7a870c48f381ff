/* test_export: the export's work grows with topics plus claims, never with
 * topics x sources (it counts every claim, pair, membership and cell it
 * reads; the output itself is checked end to end in tests/export). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/diag.h"
#include "compare/compare.h"
#include "cli/export.h"

/*
 * Writes a corpus of n sources (n even) into dir: one claim a source, and
 * n/2 topics, topic t holding the claims of sources 2t and 2t+1 and of
 * source 2t+2: every claim but the first two is in two topics.
 */
static void write_corpus(const char *dir, size_t n)
{
	char path[512];
	snprintf(path, sizeof path, "mkdir -p %s/sources", dir);
	assert_int_equal(system(path), 0);
	snprintf(path, sizeof path, "%s/corpus.json", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("{\"schema\": \"lectern-corpus\", \"version\": 1, \"title\": \"t\",\n\"sources\": [\n", f);
	for (size_t s = 0; s < n; s++) {
		char text[128];
		int len = snprintf(text, sizeof text, "Source %zu counts %zu troops.\n", s, 1000 + s % 7);
		snprintf(path, sizeof path, "%s/sources/s%zu.txt", dir, s);
		FILE *t = fopen(path, "w");
		assert_non_null(t);
		fwrite(text, 1, (size_t)len, t);
		fclose(t);
		fprintf(f, "%s{\"id\": \"s%zu\", \"title\": \"T%zu\", \"outlet\": \"O%zu\", "
			"\"author\": null, \"published\": \"2022-01-%02zu\", \"url\": null, "
			"\"language\": \"en\", \"file\": \"sources/s%zu.txt\", \"sha256\": \"%064d\"}\n",
			s ? "," : "", s, s, s % 13, 1 + s % 28, s, 0);
	}
	fputs("],\n\"claims\": [\n", f);
	for (size_t s = 0; s < n; s++) {
		char text[128];
		int len = snprintf(text, sizeof text, "Source %zu counts %zu troops.", s, 1000 + s % 7);
		size_t t1 = s / 2, t2 = (s - 1) / 2;
		fprintf(f, "%s{\"id\": \"c%zu\", \"source\": \"s%zu\", \"span\": [0, %d], \"text\": \"%s\", "
			"\"kind\": \"quantity\", \"speaker\": null, \"origin\": \"curated\", "
			"\"values\": [{\"type\": \"quantity\", \"value\": %zu, \"unit\": \"troops\"}], "
			"\"topics\": [\"t%zu\"", s ? "," : "", s, s, len, text, 1000 + s % 7, t1);
		if (s >= 2 && s % 2 == 0)
			fprintf(f, ", \"t%zu\"", t2);
		fputs("]}\n", f);
	}
	fputs("],\n\"topics\": [\n", f);
	for (size_t t = 0; t < n / 2; t++) {
		fprintf(f, "%s{\"id\": \"t%zu\", \"label\": \"topic %zu\", \"claims\": [\"c%zu\", \"c%zu\"",
			t ? "," : "", t, t, 2 * t, 2 * t + 1);
		if (2 * t + 2 < n)
			fprintf(f, ", \"c%zu\"", 2 * t + 2);
		fputs("]}\n", f);
	}
	fputs("]}\n", f);
	fclose(f);
}

/* The work of exporting a corpus of n sources in every format and table;
 * *size gets topics + claims + memberships + pairs + sources. */
static size_t work(size_t n, size_t *size)
{
	char dir[] = "/tmp/lectern-export-XXXXXX";
	assert_non_null(mkdtemp(dir));
	write_corpus(dir, n);
	char path[600];
	snprintf(path, sizeof path, "%s/corpus.json", dir);
	struct diags d;
	diags_init(&d);
	struct corpus *c = corpus_load(path, 0, &d, NULL);
	if (!c)
		diags_print(&d, stderr);
	diags_release(&d);
	assert_non_null(c);
	struct cmp_model m;
	compare_build(&m, c, CMP_NO_AUTO, NULL);
	assert_int_equal(m.ntopics, n / 2);
	*size = c->nsources + c->nclaims + m.ntopics;
	for (size_t t = 0; t < m.ntopics; t++)
		*size += m.topics[t].nclaims + m.topics[t].npairs;

	/* the output goes to /dev/null */
	fflush(stdout);
	int saved = dup(1), null = open("/dev/null", O_WRONLY);
	assert_true(saved >= 0 && null >= 0 && dup2(null, 1) == 1);
	close(null);
	struct export_stats st = { 0 };
	export_write(&m, EXPORT_JSON, EXPORT_CLAIMS, &st);
	export_write(&m, EXPORT_MD, EXPORT_CLAIMS, &st);
	export_write(&m, EXPORT_CSV, EXPORT_CLAIMS, &st);
	export_write(&m, EXPORT_CSV, EXPORT_TOPICS, &st);
	export_write(&m, EXPORT_CSV, EXPORT_MATRIX, &st);
	fflush(stdout);
	assert_true(dup2(saved, 1) == 1);
	close(saved);

	compare_release(&m);
	corpus_free(c);
	snprintf(path, sizeof path, "rm -rf %s", dir);
	assert_int_equal(system(path), 0);
	return st.visits;
}

static void test_linear(void **state)
{
	(void)state;
	size_t size1, size4;
	size_t w1 = work(500, &size1), w4 = work(2000, &size4);
	/* five exports, each reading every item a few times at most */
	print_message("export work: %zu for size %zu, %zu for size %zu\n", w1, size1, w4, size4);
	assert_true(w1 > 0);
	assert_true(w1 <= 5 * 4 * size1);
	assert_true(w4 <= 5 * 4 * size4);
	/* four times the corpus, about four times the work (x^2 would be 16) */
	assert_true(w4 * 10 <= w1 * 45);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linear),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
