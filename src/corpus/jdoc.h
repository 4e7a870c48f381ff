/*
 * jdoc: a JSON document parsed with cJSON, plus what cJSON does not keep:
 * where each value stands in the text (line and column for messages) and
 * the checks cJSON leaves out.
 *
 * jdoc_parse() takes ownership of buf (malloc'd, NUL at buf[len]).  It
 * rejects, with a located message in diags: syntax errors, trailing
 * garbage, raw control characters and invalid UTF-8 inside strings, "\u0000"
 * escapes, nesting deeper than cJSON allows, duplicate keys and keys that
 * differ only in case, and documents of more values than
 * jdoc_max_values(len): JDOC_MAX_VALUES, or one per JDOC_BYTES_PER_VALUE
 * bytes of text if that is more (each value costs cJSON about 64 bytes:
 * the cap keeps a hostile index from taking gigabytes while a real index,
 * about 28 bytes a value, always fits; it is checked before cJSON sees the
 * text).  A leading
 * UTF-8 BOM is skipped.  On success it returns 0 and root is set; on
 * failure -1 and root is NULL.
 *
 * jdoc_where() finds a node's line and column (1-based; columns count
 * characters); the table behind it is built on first use, so a document
 * with no problems never pays for it (nor for the offsets of its values,
 * found by a second scan).  The tree is allocated in json_arena: no node
 * may be kept (or detached and kept) past jdoc_release(), which frees the
 * tree, the text and the table.  jdoc_drop_text() frees the text early; jdoc_where() must
 * not be called after it.
 */
#ifndef LECTERN_JDOC_H
#define LECTERN_JDOC_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "base/diag.h"

#define JDOC_MAX_VALUES (4u << 20)
#define JDOC_BYTES_PER_VALUE 8

size_t jdoc_max_values(size_t len);

struct jdoc_node {
	const cJSON *node;
	size_t off;
};

struct jdoc {
	const char *name;     /* as shown in messages; not owned */
	char *buf;
	size_t len;
	size_t start;         /* after a BOM */
	cJSON *root;
	size_t nvalues;       /* values in the document */
	size_t *offs;         /* value offsets in document order */
	size_t noffs;
	struct jdoc_node *map; /* sorted by node, built on demand */
	int arena;            /* the tree lives in json_arena (json_arena.h) */
	size_t (*marks)[2];   /* line and column at every JDOC_MARK_EVERY
			       * bytes, built on demand */
};

#define JDOC_MARK_EVERY 4096

int jdoc_parse(struct jdoc *d, const char *name, char *buf, size_t len,
	       struct diags *diags);
void jdoc_release(struct jdoc *d);
void jdoc_drop_text(struct jdoc *d);
void jdoc_where(struct jdoc *d, const cJSON *node, size_t *line, size_t *col);
/* Adds a located problem at node (NULL: the top of the document). */
void jdoc_error(struct jdoc *d, struct diags *diags, const cJSON *node,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
