/*
 * corpus/loader: what the loader's files share (load.c builds the model,
 * fields.c reads typed members, check.c reads the texts); nothing outside
 * src/corpus/ includes it.
 *
 * Every problem goes to L->dg through err(), located at the JSON node it
 * concerns; a reader that finds a problem returns a harmless value (NULL,
 * "" or false) so that loading goes on and reports every problem at once.
 */
#ifndef LECTERN_CORPUS_LOADER_H
#define LECTERN_CORPUS_LOADER_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "corpus/corpus.h"
#include "corpus/jdoc.h"
#include "base/strbuf.h"

/* The topics each claim names, kept from its element until the topics
 * are read (link_topics in load.c). */
struct claim_topics {
	size_t *start;               /* per claim, into name and index; nclaims + 1 */
	size_t *name;                /* offsets into names */
	size_t *index;               /* the reference's place in the claim's array */
	size_t n, cap;
	struct strbuf names;
	unsigned char *form;         /* per claim: TOPICS_NONE, _ARRAY or _OTHER */
};

enum { TOPICS_NONE, TOPICS_ARRAY, TOPICS_OTHER };

struct ld {
	struct jdoc doc;
	struct diags *dg;
	struct corpus *c;
	size_t before;               /* problems already in dg */
	size_t *claim_at;            /* per claim, its element's offset, to read */
	size_t *source_at;           /* it again for a located message */
	struct claim_topics named;
};

enum need { REQUIRED, NULLABLE, OPTIONAL };

#define err(L, node, ...) jdoc_error(&(L)->doc, (L)->dg, (node), __VA_ARGS__)

/* "a string", "a number", ... "null": n's JSON type, for messages. */
const char *ld_type_name(const cJSON *n);

/* The member key of obj, or NULL (obj not an object, or no such member).
 * Looks after the member found last in the same object first; the state
 * is reset by ld_fields_reset(). */
const cJSON *ld_field(const cJSON *obj, const char *key);

/* A string member; "" for a missing REQUIRED one, NULL for null or absent.
 * A wrong type is reported (what names the object in the message). */
const char *ld_str(struct ld *L, const cJSON *obj, const char *what,
      const char *key, enum need need);

/* An array member, or NULL (absent, null, or reported as wrong). */
const cJSON *ld_array(struct ld *L, const cJSON *obj, const char *what,
         const char *key, enum need need);

/* A byte offset: a whole number in [0, 2^53); false, reported, otherwise. */
bool ld_offset(struct ld *L, const cJSON *n, const char *what, size_t *out);

/* A span [start, end] with start <= end; false, reported, otherwise. */
bool ld_span(struct ld *L, const cJSON *n, const char *what, struct span *sp);

/* Whether s is a valid id of lectern-corpus(5). */
bool ld_valid_id(const char *s);

/* The "id" member of obj, reported when missing or invalid. */
const char *ld_id(struct ld *L, const cJSON *obj, const char *what);

/* An ISO 8601 date member (intervals too when asked), reported when invalid. */
const char *ld_date(struct ld *L, const cJSON *obj, const char *what,
       const char *key, enum need need, bool intervals);

/* Whether s is one of the NULL-terminated set. */
bool ld_one_of(const char *s, const char *const *set);

/* A string member that must be one of set, reported otherwise. */
const char *ld_enum(struct ld *L, const cJSON *obj, const char *what,
       const char *key, enum need need, const char *const *set);

/* The members of obj not in known, as a JSON object text kept for
 * rewriting (in the corpus pool), or NULL when there are none. */
const char *ld_extras(struct ld *L, const cJSON *obj, const char *const *known);

/* Whether n is an object; reported, naming what, when not. */
bool ld_expect_object(struct ld *L, const cJSON *n, const char *what);

/* Forgets ld_field()'s last lookup: call before and after a load. */
void ld_fields_reset(void);

/* The element of source or claim i, read again to locate a message
 * (NULL when there is none: a model from the cache).  Valid until the
 * next element is read. */
const cJSON *ld_source_node(struct ld *L, size_t i);
const cJSON *ld_claim_node(struct ld *L, size_t i);

/* Reads every text of L->c: confinement, SHA-256, UTF-8, NUL bytes, and
 * every span against its bytes (corpus/check.c). */
void check_files(struct ld *L);

#endif
