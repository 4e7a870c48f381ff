/*
 * fuzz_cache: the binary corpus cache reader, cache_image_open(), on an
 * arbitrary byte block.  The block is sealed first (its payload hash made
 * to match, as cache_image_seal() does) so that the fuzzer reaches the
 * structure checks behind the hash: a cache file is untrusted input that
 * anyone able to write the corpus directory or ~/.cache can replace.
 * Checked: the reader refuses the block or builds a corpus that is safe to
 * walk: every string, array and id map is read (corpus_json() touches
 * them all, corpus_find_*() probe the maps and must answer an index in range or -1), under ASan.  Seeds are images
 * written by lectern for the bundled corpus and small ones.
 */
#include <cjson/cJSON.h>

#include "corpus/cache.h"
#include "corpus/corpus.h"
#include "corpus/json.h"
#include "fuzz.h"
#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *block = xmalloc(size ? size : 1);
	memcpy(block, data, size);
	cache_image_seal(block, size);
	struct corpus *c = cache_image_open(block, size);
	if (!c) {
		free(block);
		return 0;
	}
	cJSON *o = corpus_json(c);
	char *j = cJSON_PrintUnformatted(o);
	FUZZ_ASSERT(j != NULL);
	cJSON_free(j);
	cJSON_Delete(o);
	for (size_t i = 0; i < c->nsources; i++)
		{ long k = corpus_find_source(c, c->sources[i].id); FUZZ_ASSERT(k >= -1 && k < (long)c->nsources); }
	for (size_t i = 0; i < c->nclaims; i++) {
		long k = corpus_find_claim(c, c->claims[i].id);
		FUZZ_ASSERT(k >= -1 && k < (long)c->nclaims);
		FUZZ_ASSERT(c->claims[i].source < c->nsources);
	}
	for (size_t i = 0; i < c->ntopics; i++)
		{ long k = corpus_find_topic(c, c->topics[i].id); FUZZ_ASSERT(k >= -1 && k < (long)c->ntopics); }
	FUZZ_ASSERT(corpus_find_source(c, "no such id \x01") == -1);
	corpus_free(c);
	return 0;
}
