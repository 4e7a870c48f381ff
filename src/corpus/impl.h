/*
 * corpus/impl: what corpus.c shares with load.c and nothing else
 * should use: the id maps behind corpus_find_*().
 */
#ifndef LECTERN_CORPUS_IMPL_H
#define LECTERN_CORPUS_IMPL_H

#include "corpus/corpus.h"

/* Adds id -> index; name(arr, i) gives the id of entry i.  The map's cap
 * is a power of two larger than the number of entries.  Returns false,
 * adding nothing, when the id is already there. */
bool idmap_add(struct idmap *m, const char *id, size_t index,
	       const char *(*name)(const void *, size_t), const void *arr);
void idmap_init(struct idmap *m, size_t entries);

const char *corpus_source_name(const void *arr, size_t i);
const char *corpus_claim_name(const void *arr, size_t i);
const char *corpus_topic_name(const void *arr, size_t i);

#endif
