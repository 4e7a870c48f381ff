/* json_arena: a bump allocator for cJSON while a document is loaded. */
#include "base/json_arena.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <sys/mman.h>


#define BLOCK (8u << 20)   /* 8 MiB: few mmaps, little slack */

struct block {
	struct block *next;
	size_t size, fill;
	unsigned long seq;       /* order of creation, for json_arena_rewind() */
	_Alignas(16) unsigned char data[];
};

static struct block *head;
static unsigned depth;
static unsigned long blocks_made;

static struct block *block_new(size_t size)
{
	void *p = mmap(NULL, sizeof(struct block) + size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	struct block *b = p;
	b->size = size;
	b->fill = 0;
	b->seq = ++blocks_made;
	return b;
}

static void *arena_malloc(size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (!n)
		n = 16;
	if (!head || head->size - head->fill < n) {
		size_t size = n > BLOCK / 4 ? n : BLOCK - sizeof(struct block);
		struct block *b = block_new(size);
		if (!b)
			return NULL;   /* cJSON reports the failure */
		if (head && size != BLOCK - sizeof(struct block)) {
			/* a one-off large value: keep filling the current block */
			b->next = head->next;
			head->next = b;
			b->fill = size;
			return b->data;
		}
		b->next = head;
		head = b;
	}
	void *r = head->data + head->fill;
	head->fill += n;
	return r;
}

static void arena_free(void *p)
{
	(void)p;   /* everything goes at once in json_arena_leave() */
}

/* Under AddressSanitizer cJSON keeps malloc, so that its checks still see
 * every node. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ON 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ON 0
#endif
#endif
#ifndef ARENA_ON
#define ARENA_ON 1
#endif

bool json_arena_active(void)
{
	return ARENA_ON && depth > 0;
}

void json_arena_enter(void)
{
	if (depth++ == 0 && ARENA_ON) {
		cJSON_Hooks h = { arena_malloc, arena_free };
		cJSON_InitHooks(&h);
	}
}

void json_arena_mark(struct json_arena_mark *m)
{
	m->block = NULL;
	m->fill = 0;
	m->seq = blocks_made;
	if (!json_arena_active())
		return;
	if (!head || head->size - head->fill < BLOCK / 2) {
		/* a fresh block, made now and kept by every rewind */
		struct block *b = block_new(BLOCK - sizeof(struct block));
		if (b) {
			b->next = head;
			head = b;
		}
	}
	m->block = head;
	m->fill = head ? head->fill : 0;
	m->seq = blocks_made;
}

void json_arena_rewind(const struct json_arena_mark *m)
{
	if (!json_arena_active())
		return;
	for (struct block **p = &head; *p;) {
		struct block *b = *p;
		if (b->seq > m->seq) {
			*p = b->next;
			munmap(b, sizeof(struct block) + b->size);
		} else {
			p = &b->next;
		}
	}
	if (head && head == m->block)
		head->fill = m->fill;
}

void json_arena_leave(void)
{
	if (!depth || --depth || !ARENA_ON)
		return;
	cJSON_InitHooks(NULL);
	while (head) {
		struct block *n = head->next;
		munmap(head, sizeof(struct block) + head->size);
		head = n;
	}
}
