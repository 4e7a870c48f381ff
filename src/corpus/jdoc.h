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
 *
 * jdoc_open() reads a document without a tree of the whole: it makes the
 * same checks of the text as jdoc_parse() (every syntax problem is found
 * before any value is built), then builds the top object with the members
 * named in deferred standing as empty arrays when they are arrays;
 * jdoc_elements() and jdoc_next() then give their elements one at a time,
 * each parsed alone and checked for duplicate keys (reported, without
 * stopping the walk), and freed by the next call.  A problem in an element
 * is located with jdoc_error() while it is the one read last;
 * jdoc_element_at() reads one again by the offset jdoc_next() gave, to
 * locate a problem found later.  buf is malloc'd, or map_file()'s when
 * mapped (then its pages are given back as the elements are read).  Not
 * an object at the top: the document is parsed whole (nothing deferred).
 * Returns 0, or -1 with every problem in diags (root may then be set:
 * jdoc_release() in either case).
 */
#ifndef LECTERN_JDOC_H
#define LECTERN_JDOC_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/json_arena.h"

#define JDOC_MAX_VALUES (4u << 20)
#define JDOC_BYTES_PER_VALUE 8

size_t jdoc_max_values(size_t len);

struct jdoc_node {
	const cJSON *node;
	size_t off;
};

/* A member of the top object, offsets from the start of the JSON (after a
 * BOM); node is the stand-in of a deferred array. */
struct jdoc_member {
	size_t key, val;
	size_t count;           /* elements, when val is an array */
	const cJSON *node;
};

/* A walk over the elements of an array (jdoc_elements()). */
struct jdoc_iter {
	size_t pos, left;       /* next element to read, and how many are left */
	size_t dropped;         /* pages before this are given back */
	size_t at;              /* offset of the element given last, for
				 * jdoc_element_at(); -1 for a node of a tree */
	const cJSON *child;     /* walking an array of a tree instead */
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
	size_t nmap;
	size_t key_budget;    /* duplicate-key messages left */
	int mapped;           /* buf is map_file()'s */
	struct jdoc_member *members;   /* jdoc_open(): the top object's */
	size_t nmembers, members_cap;
	cJSON *elem;          /* the element read last */
	size_t elem_off;
	struct jdoc_node *emap; /* its nodes' offsets, built on demand */
	size_t nemap;
	struct json_arena_mark mark;   /* where the elements' memory starts */
	int broken;           /* cJSON refused an element the scan passed */
};

#define JDOC_MARK_EVERY 4096

int jdoc_parse(struct jdoc *d, const char *name, char *buf, size_t len,
	       struct diags *diags);
int jdoc_open(struct jdoc *d, const char *name, char *buf, size_t len, int mapped,
	      const char *const *deferred, struct diags *diags);
/* Starts a walk over the elements of node, a deferred stand-in or an
 * array of the tree, and returns their number. */
size_t jdoc_elements(struct jdoc *d, const cJSON *node, struct jdoc_iter *it);
/* The next element, or NULL after the last; NULL too, with broken set
 * and the problem in diags, if cJSON refuses one (the scan is meant to
 * refuse all it does, so this is a safety net). */
const cJSON *jdoc_next(struct jdoc *d, struct jdoc_iter *it, struct diags *diags);
/* The element at at (a jdoc_iter's at), read again; NULL for -1. */
const cJSON *jdoc_element_at(struct jdoc *d, size_t at);
void jdoc_release(struct jdoc *d);
void jdoc_drop_text(struct jdoc *d);
void jdoc_where(struct jdoc *d, const cJSON *node, size_t *line, size_t *col);
/* Adds a located problem at node (NULL: the top of the document). */
void jdoc_error(struct jdoc *d, struct diags *diags, const cJSON *node,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
