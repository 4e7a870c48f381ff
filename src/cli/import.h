/*
 * cmd_import: the commands that make and enrich corpora: import, extract
 * and eval (cmd_eval_extract.c).
 *
 * import writes DIR/corpus.json and DIR/sources/ID.txt through a staging
 * directory (save.h), extracts claims, then loads the result with
 * CORPUS_CHECK_FILES.  The source id is the file name (made safe and
 * unique) unless a sidecar NAME.meta.json gives "id" (see meta.h).
 *
 * extract rewrites the index through save_file(): curated claims, topics
 * and unknown fields stay; extracted claims of an earlier run that no topic
 * uses are replaced by the new ones; an extracted claim with the same span
 * as a curated one is dropped.  Claim ids are "SOURCE-xNNN".
 *
 * eval runs the extractor afresh over the texts of --corpus and compares
 * with the curated claims of --against (see bench/EXTRACT.md); it exits 1
 * when a target is missed.
 *
 * cmd_import_dispatch() runs a->command when it is one of them, setting
 * *code to the exit status (0 ok, 1 invalid input or a missed target, 2
 * usage or I/O error) and returning true; false for any other command.
 */
#ifndef LECTERN_CMD_IMPORT_H
#define LECTERN_CMD_IMPORT_H

#include <stdbool.h>

#include "cli.h"
#include "corpus.h"
#include "strbuf.h"

bool cmd_import_dispatch(const struct cli_args *a, int *code);

int cmd_eval(const struct cli_args *a);

/* Loads the corpus named by arg (see corpus_locate()), printing problems;
 * NULL with *code set on failure. */
struct corpus *cmd_load(const char *arg, unsigned flags, int *code);

#endif
