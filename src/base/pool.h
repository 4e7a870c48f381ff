/*
 * pool: a bump allocator for many small objects that live and die together
 * (a corpus's strings and arrays).  Nothing is freed singly; pool_release()
 * frees all.  Allocation cannot fail (it dies on exhaustion).
 */
#ifndef LECTERN_POOL_H
#define LECTERN_POOL_H

#include <stddef.h>

struct pool_chunk;

struct pool {
	struct pool_chunk *head;
	size_t used;      /* bytes handed out, for memory reports */
};

void pool_init(struct pool *p);
void pool_release(struct pool *p);
void *pool_alloc(struct pool *p, size_t n);            /* 16-byte aligned, zeroed */
char *pool_strdup(struct pool *p, const char *s);
char *pool_strndup(struct pool *p, const char *s, size_t n);

#endif
