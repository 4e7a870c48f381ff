/*
 * termdict: interned terms with a dense id each, the first surface form
 * seen for each (for labels) and a document frequency the caller keeps.
 *
 * Lifecycle: termdict_init(), termdict_id() as often as needed,
 * termdict_release().  Ids count up from 0 in the order terms are first
 * seen, so the same terms in the same order get the same ids.  Strings live
 * in the dictionary's pool until termdict_release(); callers may allocate
 * from that pool too (its lifetime is the dictionary's).
 */
#ifndef LECTERN_TERMDICT_H
#define LECTERN_TERMDICT_H

#include <stddef.h>
#include <stdint.h>

#include "base/pool.h"

struct termdict {
	uint32_t *slots;          /* open addressing: term id + 1, 0 = empty */
	size_t cap;
	char **terms;             /* by id */
	char **surface;           /* by id: the first surface form seen */
	uint32_t *df;             /* by id: set to 0 on creation, the caller's */
	size_t n, alloc;
	struct pool pool;
};

void termdict_init(struct termdict *d);
void termdict_release(struct termdict *d);
/* The id of term s[0..n), added if new with surface form surf[0..sn)
 * (NULL: the term itself). */
uint32_t termdict_id(struct termdict *d, const char *s, size_t n, const char *surf, size_t sn);

/*
 * Blocking (align.h, related.h) skips the terms of more than this many of
 * n documents: scale sqrt(n), but never more than scale
 * sqrt(B) (1 + ln(n / B)) for B = TERMDICT_BLOCK_N, which grows as log n
 * and is the lesser beyond about 12 B documents; so the postings a
 * document reads are O(log n) and the whole O(n log n).  Never fewer
 * than least.
 */
#define TERMDICT_BLOCK_N 10000
size_t termdict_block_df(size_t n, double scale, size_t least);

#endif
