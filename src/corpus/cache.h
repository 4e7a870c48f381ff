/*
 * corpus/cache: a binary image of a loaded corpus, so that opening an
 * unchanged index again costs a read and a check instead of a JSON parse.
 *
 * Where: beside the index as ".NAME.lcache" (NAME the index's file name);
 * when that cannot be written (a read-only corpus directory), under
 * $XDG_CACHE_HOME/lectern/ (default ~/.cache/lectern/) as HASH.lcache, HASH
 * naming the index's real path.  Reading tries both, in that order.  A
 * cache that cannot be written is not an error: the corpus just loads from
 * JSON next time too.  LECTERN_CACHE=0 (or "off") turns the cache off.
 *
 * Validity: the header records the index's size, mtime and ctime (with
 * nanoseconds), inode and device, and a 64-bit hash of every byte of the
 * index (four multiply-xorshift lanes over 8-byte words, several GB/s; not
 * cryptographic).  A cache is used only when all of these match the index
 * as it is now and the hash of the cache's own payload matches too; any
 * mismatch, a wrong format or layout, a short file or an out-of-range
 * reference makes it ignored and rebuilt.  The risk left: an index edited
 * to a different text with the same size and the same 64-bit hash while
 * keeping its mtime, ctime and inode, which needs deliberate effort and
 * write access to the index (which already decides what is shown).
 * Trust: a cache is read only when it belongs to this user or to the
 * index's owner and neither its group nor others may write it; another
 * one (planted in a shared or sticky directory) is "untrusted": ignored,
 * and the per-user cache used.
 *
 * The reader treats the file as untrusted input: every count, offset and
 * reference is bounds-checked before use, and the model it builds points
 * only inside the block it read.  The block is read into memory (not
 * mapped), so a cache file replaced or truncated while open cannot fault.
 *
 * Only a corpus that loaded without any problem is written.  The image
 * holds what corpus_load() builds, field by field (corpus/cache.c lists
 * them): a field added to the model must be added there too and
 * CACHE_FORMAT raised.
 */
#ifndef LECTERN_CORPUS_CACHE_H
#define LECTERN_CORPUS_CACHE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include "base/strbuf.h"
#include "corpus/corpus.h"

/* The 64-bit hash of n bytes (any alignment); hash_*() give the same value
 * for the same bytes fed in pieces. */
uint64_t cache_hash(const void *p, size_t n, uint64_t seed);

struct hash_state {
	uint64_t a, b, c, d, total;
	unsigned char tail[32];
	size_t tn;
};

void hash_init(struct hash_state *h, uint64_t seed);
void hash_update(struct hash_state *h, const void *p, size_t n);
uint64_t hash_final(struct hash_state *h);

/* False when LECTERN_CACHE turns the cache off. */
bool corpus_cache_enabled(void);

/*
 * Opens index_path from its cache.  Returns the corpus (index_path, dir,
 * cache_state "hit" and cache_path set) or NULL when there is no usable
 * cache; then *why says why ("none", "stale", "corrupt", "untrusted") for
 * the report.
 */
struct corpus *corpus_cache_read(const char *index_path, const char **why);

/* The hash of an index's bytes that the cache records. */
uint64_t cache_index_hash(const char *p, size_t n);
/* The same of a map_file() text, whose pages it gives back as it goes. */
uint64_t cache_mapped_hash(char *p, size_t n);
/* The same hash of the file at path, read in 1 MiB pieces (no copy in
 * memory); false when it cannot be read. */
bool cache_file_hash(const char *path, uint64_t *out);

/*
 * Writes c's image for its index, whose stat was st and whose bytes hashed
 * to index_hash (cache_index_hash) when they were read.  Sets c->cache_path
 * and returns 0, or returns -1 with the reason in err (nothing is left
 * behind).
 */
int corpus_cache_write(struct corpus *c, const struct stat *st, uint64_t index_hash,
		       struct strbuf *err);

/*
 * Builds a corpus from a whole cache image in memory (block from malloc,
 * taken over on success) after checking all of it but the index's stat
 * and hash; NULL when anything is wrong.  cache_image_seal() recomputes an
 * image's payload hash, for tests that tamper with an image.
 */
struct corpus *cache_image_open(char *block, size_t size);
void cache_image_seal(char *block, size_t size);

#endif
