/*
 * strbuf: a growable byte string.
 *
 * Invariants: buf is never NULL once initialised (it points at a static ""
 * until the first append), buf[len] == '\0', len < alloc unless alloc == 0.
 * Embedded NULs are allowed; len is authoritative.  Allocation failure aborts
 * through xmalloc, so appends cannot fail.  sb_detach() hands the buffer to the
 * caller, who frees it; the strbuf is then empty and reusable.
 */
#ifndef LECTERN_STRBUF_H
#define LECTERN_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};

#define STRBUF_INIT { (char *)"", 0, 0 }

void sb_init(struct strbuf *sb);
void sb_release(struct strbuf *sb);          /* frees; sb is then empty */
void sb_reset(struct strbuf *sb);            /* len = 0, keeps memory */
void sb_grow(struct strbuf *sb, size_t extra);
void sb_add(struct strbuf *sb, const void *p, size_t n);
void sb_addstr(struct strbuf *sb, const char *s);
void sb_addch(struct strbuf *sb, int c);
void sb_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void sb_setlen(struct strbuf *sb, size_t len); /* len <= sb->len */
char *sb_detach(struct strbuf *sb, size_t *len); /* caller frees */

#endif
