/*
 * bundled.h: the bundled corpus for unit tests that read it.  Tests run
 * from tests/unit, so it is ../../data/corpus.json.  Include after
 * <cmocka.h>; the caller frees the corpus with corpus_free().
 */
#ifndef LECTERN_TEST_BUNDLED_H
#define LECTERN_TEST_BUNDLED_H

#include "corpus/corpus.h"
#include "base/diag.h"

static inline struct corpus *load_bundled(void)
{
	struct diags d;
	diags_init(&d);
	struct corpus *c = corpus_load("../../data/corpus.json", 0, &d, NULL);
	diags_release(&d);
	assert_non_null(c);
	return c;
}

#endif
