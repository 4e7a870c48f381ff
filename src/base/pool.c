/* pool: a bump allocator for objects that live and die together. */
#include "base/pool.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

#define CHUNK (64 * 1024)

struct pool_chunk {
	struct pool_chunk *next;
	size_t size, fill;
	_Alignas(16) unsigned char data[];
};

void pool_init(struct pool *p)
{
	p->head = NULL;
	p->used = 0;
}

void pool_release(struct pool *p)
{
	while (p->head) {
		struct pool_chunk *n = p->head->next;
		free(p->head);
		p->head = n;
	}
	p->used = 0;
}

void *pool_alloc(struct pool *p, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (!n)
		n = 16;
	if (!p->head || p->head->size - p->head->fill < n) {
		size_t size = n > CHUNK / 4 ? n : CHUNK;
		struct pool_chunk *c = xmalloc(sizeof *c + size);
		c->size = size;
		c->fill = 0;
		if (p->head && size != CHUNK) {
			/* a big one-off: keep filling the current chunk */
			c->next = p->head->next;
			p->head->next = c;
			c->fill = size;
			p->used += n;
			memset(c->data, 0, size);
			return c->data;
		}
		c->next = p->head;
		p->head = c;
	}
	void *r = p->head->data + p->head->fill;
	p->head->fill += n;
	p->used += n;
	memset(r, 0, n);
	return r;
}

/* Like pool_alloc() without the zeroing (the caller fills all n bytes). */
static void *pool_alloc_raw(struct pool *p, size_t n)
{
	size_t r = (n + 15) & ~(size_t)15;
	if (r && p->head && p->head->size - p->head->fill >= r) {
		void *q = p->head->data + p->head->fill;
		p->head->fill += r;
		p->used += r;
		return q;
	}
	return pool_alloc(p, n);
}

char *pool_strndup(struct pool *p, const char *s, size_t n)
{
	char *r = pool_alloc_raw(p, n + 1);
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

char *pool_strdup(struct pool *p, const char *s)
{
	return pool_strndup(p, s, strlen(s));
}
