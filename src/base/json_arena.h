/*
 * json_arena: makes cJSON allocate from a few large blocks while a document
 * is loaded, so that parsing millions of values costs no malloc per value
 * and freeing the tree is one munmap per block, memory given straight back
 * to the system.
 *
 * json_arena_enter() installs the arena as cJSON's allocator (cJSON_InitHooks)
 * and json_arena_leave() restores malloc/free; calls nest (a counter), and
 * the blocks are released when the outermost leave runs.  Between the two,
 * every cJSON allocation (parse, create, print) lands in the arena and
 * cJSON_free/cJSON_Delete free nothing: no cJSON value or printed string
 * may be kept past the outermost leave (copy what must stay).  Not for use
 * from several threads at once (cJSON's hooks are global).  Built with
 * AddressSanitizer, the arena stays off so that the sanitizer sees cJSON's
 * every allocation.
 */
#ifndef LECTERN_JSON_ARENA_H
#define LECTERN_JSON_ARENA_H

#include <stdbool.h>
#include <stddef.h>

void json_arena_enter(void);
void json_arena_leave(void);
/* Whether cJSON allocates in the arena now (false under AddressSanitizer,
 * where cJSON keeps malloc and trees must be freed with cJSON_Delete). */
bool json_arena_active(void);

/*
 * A point to return to: json_arena_rewind(m) gives back everything cJSON
 * allocated since json_arena_mark(m), so that a document read one element
 * at a time needs the memory of one element, not of all.  No value made
 * after the mark may be used after the rewind; what was made before stays.
 * Both do nothing when the arena is not active.  The mark starts a fresh
 * block when the current one is more than half full, so that a rewind
 * keeps its block and the next element does not map a new one.
 */
struct json_arena_mark {
	void *block;
	size_t fill;
	unsigned long seq;
};
void json_arena_mark(struct json_arena_mark *m);
void json_arena_rewind(const struct json_arena_mark *m);

#endif
