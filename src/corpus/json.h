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

#include "base/save.h"
#include "base/strbuf.h"
#include "corpus/corpus.h"

cJSON *source_json(const struct corpus *c, size_t i);
cJSON *claim_json(const struct corpus *c, size_t i);
cJSON *topic_json(const struct corpus *c, size_t i);
cJSON *value_json(const struct value *v);
/* The whole index as one tree (jindex below writes it without one). */
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

/*
 * An index written as it is made, one element at a time, so that no tree
 * of the whole index is ever held: the text is byte for byte what
 * index_print() gives for the same tree.
 *
 * jindex_begin() starts it with the top members (title, description and
 * the unknown members kept in extra, which may be NULL); jindex_add()
 * appends one element to a section (printed; the caller keeps item), and
 * jindex_take() does the same and frees item; sections come in order
 * (sources, claims, topics), and adding to a later one closes the earlier
 * ones, empty or not.  jindex_end() closes the
 * text (ending in a newline) and hands it over in out: the caller frees it
 * with sb_release().  No cJSON arena may be active meanwhile.
 *
 * Written to a file: after jindex_sink() the text goes to the stream ss
 * (base/save.h, opened by the caller) whenever JINDEX_CHUNK bytes are
 * printed, so that at most about that much is held; jindex_failed() says
 * whether a write failed (err is set and the stream cancelled: what is
 * added after is dropped, so the caller may stop early).  jindex_close()
 * then ends the text and closes the stream (0, or -1 with err set), in
 * place of jindex_end().  jindex_release() drops an index not ended,
 * cancelling its stream: nothing is written.
 */
enum jindex_section { JINDEX_SOURCES, JINDEX_CLAIMS, JINDEX_TOPICS, JINDEX_END };
enum { JINDEX_CHUNK = 1 << 20 };

struct jindex {
	struct strbuf out;
	int section;            /* the section being written */
	size_t n;               /* elements in it so far */
	char *head;             /* index_print of the top with empty sections */
	size_t at;              /* how much of head is written */
	struct save_stream *sink;   /* not owned; NULL: all is kept in out */
	struct strbuf *err;     /* the sink's messages; not owned */
	bool failed;            /* a write to the sink failed */
};

void jindex_begin(struct jindex *w, const char *title, const char *description,
		  const char *extra);
void jindex_add(struct jindex *w, enum jindex_section s, const cJSON *item);
void jindex_take(struct jindex *w, enum jindex_section s, cJSON *item);
void jindex_end(struct jindex *w, struct strbuf *out);
void jindex_sink(struct jindex *w, struct save_stream *ss, struct strbuf *err);
bool jindex_failed(const struct jindex *w);
int jindex_close(struct jindex *w);
void jindex_release(struct jindex *w);

/* A value as a reader would say it: "about 9000 troops", "2022-02-10..2022-02-20". */
void value_format(struct strbuf *out, const struct value *v);

#endif
