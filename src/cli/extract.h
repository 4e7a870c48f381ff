/*
 * cli/extract: the extractor's commands, and the steps import shares.
 *
 * cmd_extract() (`lectern extract`) rewrites the index through
 * save_file(): curated claims, topics and unknown fields stay; extracted
 * claims of an earlier run that no topic uses are replaced by the new ones;
 * an extracted claim with the same span as a curated one is dropped.  Claim
 * ids are "SOURCE-xNNN".
 *
 * cmd_eval() (`lectern eval`, cli/eval_extract.c) runs the extractor afresh
 * over the texts of --corpus and compares with the curated claims of
 * --against (see bench/EXTRACT.md); it exits 1 when a target is missed.
 *
 * Both return the exit status: 0 ok, 1 invalid input or a missed target,
 * 2 usage or I/O error.
 */
#ifndef LECTERN_CLI_EXTRACT_H
#define LECTERN_CLI_EXTRACT_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "corpus/corpus.h"
#include "corpus/json.h"
#include "cli/cli.h"

int cmd_extract(const struct cli_args *a);
int cmd_eval(const struct cli_args *a);

/* A set of ids (open addressing; the set owns copies of its strings).
 * Zero-initialised is empty; idset_release() frees it. */
struct idset {
	char **slot;
	size_t cap, n;
};
bool idset_has(const struct idset *set, const char *id);
void idset_add(struct idset *set, const char *id);
void idset_release(struct idset *set);

/* Adds the spans that the index's "rejected" array (or NULL) lists to
 * set, as extract_into() looks them up: one look-up a claim, whatever
 * their number. */
void rejected_spans(struct idset *set, const cJSON *rejected);

/* Appends the extracted claims of one text to the claims of w (json.h)
 * with ids "SID-xNNN" unused by c and taken (each added to taken), skipping
 * spans that a curated claim of source src of c already has (c may be
 * NULL, src -1) and the spans of source sid in rejected (rejected_spans(),
 * or NULL).  Returns how many it added. */
size_t extract_into(struct jindex *w, const char *text, size_t len, const char *sid,
		    const char *published, const struct span *boiler, size_t nboiler,
		    const struct corpus *c, long src, struct idset *taken,
		    const struct idset *rejected);

/* Writes w (begun) as it is made to the index at path, through ss:
 * save_open(), or save_open_staged() inside a stage (staged); the caller
 * ends it with jindex_close() or drops it with jindex_release().  -1 with
 * err set (nothing opened). */
int index_open(struct jindex *w, struct save_stream *ss, const char *path, bool staged,
	       struct strbuf *err);

/* Whether text, read from file for extraction, is still the text whose
 * SHA-256 the index holds (sha256, hex); if not, false with err set to a
 * message naming file.  The claims written are made from the texts read
 * for them, so this check, and the load that checked the index and its
 * texts before, stand for a reload of the index written. */
bool text_unchanged(const char *text, size_t len, const char *file, const char *sha256,
		    struct strbuf *err);

#endif
