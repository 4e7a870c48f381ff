/*
 * sindex: the inverted index behind repeated corpus-wide searches.
 *
 * Every text is cut into words (maximal runs of ASCII letters and digits
 * and of non-ASCII bytes); the index keeps each distinct word once and,
 * per word, the sources it occurs in with how often (delta-coded
 * varints).  A fixed-string query made only of word bytes can only match
 * inside one word, so its matches per source are counted from the words
 * that contain it, without reading any text.  A phrase (a fixed string
 * with other bytes) gives candidates: the sources holding, for each of its
 * words, some word containing it; the caller verifies those in the text.
 * Regular expressions are not answered from the index.
 *
 * Lifecycle: sindex_new(), sindex_add() once per source in increasing
 * source order (the index is complete when every source was added),
 * sindex_query() any number of times, sindex_free().
 */
#ifndef LECTERN_SINDEX_H
#define LECTERN_SINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "search/search.h"

struct sindex;

struct sindex *sindex_new(size_t nsources);
void sindex_free(struct sindex *x);
/* Adds source i's text; sources must come in increasing order. */
void sindex_add(struct sindex *x, size_t source, const char *t, size_t n);
size_t sindex_sources(const struct sindex *x);  /* sources added so far */
size_t sindex_words(const struct sindex *x);    /* distinct words */
size_t sindex_bytes(const struct sindex *x);    /* memory held */

enum sindex_answer {
	SINDEX_SCAN = -1,      /* cannot answer (a regex, or nothing to look up): scan */
	SINDEX_COUNTS = 0,     /* counts[i] holds the matches in source i */
	SINDEX_CANDIDATES = 1, /* counts[i] != 0 marks a source to verify in its text */
};
/* Answers s for the sources added so far into counts[0..nsources)
 * (zeroed first). */
enum sindex_answer sindex_query(const struct sindex *x, const struct search *s,
				uint32_t *counts);

#endif
