/*
 * corpus/json: the model written back as JSON, field for field as
 * lectern-corpus(5) describes it, with unknown fields restored from the
 * "extra" text kept at load time.  Used by --json output and by anything
 * that writes an index.  Each function returns a new cJSON tree the caller
 * frees with cJSON_Delete().
 */
#ifndef LECTERN_CORPUS_JSON_H
#define LECTERN_CORPUS_JSON_H

#include <cjson/cJSON.h>

#include "base/strbuf.h"
#include "corpus/corpus.h"

cJSON *source_json(const struct corpus *c, size_t i);
cJSON *claim_json(const struct corpus *c, size_t i);
cJSON *topic_json(const struct corpus *c, size_t i);
cJSON *value_json(const struct value *v);
/* The whole index. */
cJSON *corpus_json(const struct corpus *c);

/*
 * The index's one layout, used by every write of an index: two spaces of
 * indent a level, one member or element a line, "key": value, strings
 * with only the escapes JSON needs (UTF-8 kept as it is), whole numbers
 * without a point, others in the fewest digits that read back exactly,
 * and a final newline (the layout of Python's json.dumps(indent=2,
 * ensure_ascii=False)).  Members and elements keep their order, so an
 * edit of one object changes only its own lines.  Appends to out.
 */
void index_print(const cJSON *root, struct strbuf *out);

/* A value as a reader would say it: "about 9000 troops", "2022-02-10..2022-02-20". */
void value_format(struct strbuf *out, const struct value *v);

#endif
