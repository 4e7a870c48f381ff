/*
 * bundled.h: corpora for unit tests: the bundled one, for tests that read
 * it (tests run from tests/unit, so it is ../../data/corpus.json), and
 * small invented ones written as JSON.  Include after <cmocka.h>; the
 * caller frees each corpus with corpus_free().
 */
#ifndef LECTERN_TEST_BUNDLED_H
#define LECTERN_TEST_BUNDLED_H

#include "corpus/corpus.h"
#include "base/diag.h"
#include "base/strbuf.h"

static inline struct corpus *load_bundled(void)
{
	struct diags d;
	diags_init(&d);
	struct corpus *c = corpus_load("../../data/corpus.json", 0, &d, NULL);
	diags_release(&d);
	assert_non_null(c);
	return c;
}

/* Starts an invented index in sb: n sources "a", "b", ..., each published
 * on 2024-05-01, then the opening of its claims; the caller adds the
 * claims and the end, then calls load_invented(). */
static inline void invented_begin(struct strbuf *sb, int n)
{
	sb_addstr(sb, "{\"schema\": \"lectern-corpus\", \"version\": 1, \"title\": \"t\", \"sources\": [");
	for (int s = 0; s < n; s++)
		sb_addf(sb, "%s{\"id\": \"%c\", \"title\": \"T\", \"outlet\": \"O%c\", \"author\": null, "
			"\"published\": \"2024-05-01\", \"url\": null, \"language\": \"en\", "
			"\"file\": \"sources/%c.txt\", \"sha256\": \"%064d\"}", s ? ", " : "", 'a' + s,
			'a' + s, 'a' + s, 0);
	sb_addstr(sb, "], \"claims\": [");
}

/* Loads the index in sb (taking its buffer); fails the test on any
 * problem. */
static inline struct corpus *load_invented(struct strbuf *sb)
{
	struct diags d;
	diags_init(&d);
	size_t len = sb->len;
	struct corpus *c = corpus_load_buffer("/nonexistent/corpus.json", sb_detach(sb, NULL), len, 0,
					      &d, NULL);
	if (!c)
		fail_msg("%s", diags_count(&d) ? d.lines[0] : "not loaded");
	diags_release(&d);
	return c;
}

#endif
