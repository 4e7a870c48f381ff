/* test_meta: metadata guessed from the text; the sidecar wins. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "import/meta.h"

static void guess(struct meta *m, const char *s)
{
	struct boiler_span *b;
	size_t nb = boiler_detect(s, strlen(s), &b);
	memset(m, 0, sizeof *m);
	meta_guess(m, s, strlen(s), b, nb);
	free(b);
}

static void test_headline_byline_dateline(void **state)
{
	struct meta m;
	(void)state;
	guess(&m, "News: Harbour\n\nWhy did the ferries stop?\n\nA strike and a storm met in the same week\n\n"
		  "Marta Lind\n14 March 2021, 9.30am\n(c) Harbour Press. All rights reserved\n\nThe ferries stopped.\n");
	assert_string_equal(m.f[META_TITLE], "Why did the ferries stop?");
	assert_string_equal(m.f[META_AUTHOR], "Marta Lind");
	assert_string_equal(m.f[META_PUBLISHED], "2021-03-14");
	assert_true(m.guessed[META_TITLE] && m.guessed[META_AUTHOR] && m.guessed[META_PUBLISHED]);
	assert_null(m.f[META_OUTLET]);
	meta_release(&m);

	guess(&m, "\xe6\xb5\xb7\xe8\xa7\x92\n\nFerries return. But for how long?\n\nA ferry in the fog.\n\nJuly 4, 2020\n\nBy Anna Holm\n\nThe ferries returned.\n");
	assert_string_equal(m.f[META_TITLE], "Ferries return. But for how long?");
	assert_string_equal(m.f[META_PUBLISHED], "2020-07-04");
	assert_string_equal(m.f[META_AUTHOR], "Anna Holm");
	meta_release(&m);
}

static void test_datelines(void **state)
{
	struct meta m;
	(void)state;
	static const struct { const char *text, *iso; } cases[] = {
		{ "Ferries stop again\n\nOSLO, Feb. 3, 2019 \xe2\x80\x93 The ferries stopped on Sunday.\n", "2019-02-03" },
		{ "Ferries stop again\n\nBERGEN, Feb. 4, 2019 The ferries stopped on Sunday.\n", "2019-02-04" },
		{ "Ferries stop again\n\nBERGEN (HPN, March 5, 2019) - The ferries stopped.\n", "2019-03-05" },
		{ "Ferries stop again\n\nA ferry waits in the fog at the quay of Nordnes, 6 Apr 2019\n\nText.\n", "2019-04-06" },
		{ "Ferries stop again\n\nTuesday, May 7, 2019\n\nText.\n", "2019-05-07" },
		{ "Ferries stop again\n\nJune 8, 2019 - The harbour board met in the town hall today.\n", "2019-06-08" },
		{ "Ferries stop again Published July 9, 2019 By Harbour Desk\n\nText.\n", "2019-07-09" },
		{ "Ferries stop again\n\nStory 12Release Date: 8/19/2019 2:18:00 PM\n\nText.\n", "2019-08-19" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		guess(&m, cases[i].text);
		assert_non_null(m.f[META_PUBLISHED]);
		assert_string_equal(m.f[META_PUBLISHED], cases[i].iso);
		meta_release(&m);
	}
	/* an event's date in a sentence or a title is not a dateline */
	guess(&m, "Summary of the Harbour Storm\nof 26 December 2004\n\nThe storm of January 3, 2005 was the worst in years.\n"
		  "The board said on Monday, 3/4/2005 was the day.\n");
	assert_null(m.f[META_PUBLISHED]);
	meta_release(&m);
}

static void test_statements(void **state)
{
	struct meta m;
	(void)state;
	guess(&m, "Ferries and the harbour economy\n\nOriginally published the 03.02.2020\n\nText.\n");
	assert_string_equal(m.f[META_PUBLISHED], "2020-02-03");   /* day first */
	meta_release(&m);

	guess(&m, "The harbour reopened today after a long strike by the crews.\n"
		  "A Message from The Harbour Gazette:\nDear readers,\n"
		  "Karl Berg does not work for, consult, own shares in or receive funding from any company.");
	assert_null(m.f[META_TITLE]);       /* a sentence, not a headline */
	assert_string_equal(m.f[META_OUTLET], "The Harbour Gazette");
	assert_string_equal(m.f[META_AUTHOR], "Karl Berg");
	assert_null(m.f[META_PUBLISHED]);
	meta_release(&m);

	guess(&m, "");
	for (int f = 0; f < META_NFIELDS; f++)
		assert_null(m.f[f]);
	meta_release(&m);
}

static void test_sidecar(void **state)
{
	struct meta m;
	struct strbuf err = STRBUF_INIT;
	char dir[] = "/tmp/lectern-meta-XXXXXX";
	char path[128], side[128];
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/story.txt", dir);
	snprintf(side, sizeof side, "%s/story.meta.json", dir);

	guess(&m, "Why did the ferries stop?\n\nText.\n");
	assert_int_equal(meta_sidecar(&m, path, &err), 0);   /* none: fine */
	assert_string_equal(m.f[META_TITLE], "Why did the ferries stop?");

	FILE *fp = fopen(side, "w");
	fputs("{\"title\": \"Stated\", \"author\": null, \"url\": \"https://example.org/a\"}", fp);
	fclose(fp);
	assert_int_equal(meta_sidecar(&m, path, &err), 0);
	assert_string_equal(m.f[META_TITLE], "Stated");
	assert_false(m.guessed[META_TITLE]);
	assert_null(m.f[META_AUTHOR]);
	assert_string_equal(m.f[META_URL], "https://example.org/a");
	meta_release(&m);

	fp = fopen(side, "w");
	fputs("{\"title\": 5}", fp);
	fclose(fp);
	memset(&m, 0, sizeof m);
	assert_int_equal(meta_sidecar(&m, path, &err), -1);
	assert_non_null(strstr(err.buf, "story.meta.json"));
	meta_release(&m);
	unlink(side);
	rmdir(dir);
	sb_release(&err);
}

/* A date in the file's name, when the text gives none. */
static void test_file_name_date(void **state)
{
	(void)state;
	static const struct { const char *path, *want; } cases[] = {
		{ "in/harbour-20210314.txt", "2021-03-14" },
		{ "2020-07-04 ferries.html", "2020-07-04" },
		{ "/x/ap_1999_12_31_storm.txt", "1999-12-31" },
		{ "in/report-20210230.txt", NULL },     /* no 30 February */
		{ "in/id-120210314.txt", NULL },        /* part of a longer number */
		{ "in/ferries-2021.txt", NULL },
		{ "in/20210314/story.txt", NULL },      /* the folder is not the file */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct meta m;
		memset(&m, 0, sizeof m);
		meta_file_date(&m, cases[i].path);
		if (cases[i].want) {
			assert_non_null(m.f[META_PUBLISHED]);
			assert_string_equal(m.f[META_PUBLISHED], cases[i].want);
			assert_true(m.guessed[META_PUBLISHED]);
		} else if (m.f[META_PUBLISHED]) {
			fail_msg("%s: %s", cases[i].path, m.f[META_PUBLISHED]);
		}
		meta_release(&m);
	}
	/* the text's own date wins */
	struct meta m;
	guess(&m, "Ferries return\n\nJuly 4, 2020\n\nThe ferries returned.\n");
	meta_file_date(&m, "ferries-20210314.txt");
	assert_string_equal(m.f[META_PUBLISHED], "2020-07-04");
	meta_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headline_byline_dateline),
		cmocka_unit_test(test_datelines),
		cmocka_unit_test(test_statements),
		cmocka_unit_test(test_sidecar),
		cmocka_unit_test(test_file_name_date),
	};
	return cmocka_run_group_tests_name("meta", tests, NULL, NULL);
}
