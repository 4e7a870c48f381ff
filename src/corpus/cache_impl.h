/*
 * corpus/cache_impl: what the cache's reader (corpus/cache.c) shares with
 * its writer (corpus/cache_write.c): the file layout and where it goes.
 *
 * File: a header, padding to 16 bytes, then the payload: NREG regions in
 * enum order, each an array of cache_elsize[r]-byte elements padded to 16
 * bytes (the last, the strings, not padded).  In records, a string is its
 * offset + 1 in the strings (0 = NULL); an array is the index of its first
 * element in its region (its count is the record's own count field).
 */
#ifndef LECTERN_CORPUS_CACHE_IMPL_H
#define LECTERN_CORPUS_CACHE_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "corpus/corpus.h"

#define CACHE_MAGIC "LCTRNIMG"
#define CACHE_FORMAT 3
#define SEED_INDEX 0x6c65637465726e21ull
#define SEED_IMAGE 0x696d616765212121ull

enum { R_SOURCES, R_CLAIMS, R_TOPICS, R_VALUES, R_REPAIRS, R_SPANS, R_IDX,
       R_STRP, R_SLOTS, R_STRINGS, NREG };

extern const size_t cache_elsize[NREG];

struct header {
	char magic[8];
	uint64_t layout;
	uint64_t size, mtime_s, mtime_ns, ctime_s, ctime_ns, ino, dev, hash;
	uint64_t payload, payload_hash;
	uint64_t n[NREG];
	uint64_t caps[3], seeds[3];
	uint64_t version, title, description, extra;
};

static inline size_t cache_align16(size_t n)
{
	return (n + 15) & ~(size_t)15;
}

/* Format, word size, byte order and the model's struct sizes in one word. */
uint64_t cache_layout_word(void);
/* DIR/.NAME.lcache beside the index. */
void cache_beside_path(const char *index, struct strbuf *out);
/* $XDG_CACHE_HOME/lectern[/HASH.lcache]; -1 when no home is known. */
int cache_fallback_path(const char *index, struct strbuf *out, bool dir_only);

#endif
