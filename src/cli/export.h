/*
 * cli/export: the export command, what a comparison holds written out for
 * other tools and for people.
 *
 *   --format json  one document, one record a line: "sources", "topics"
 *                  (each with all its claims), "claims" (each with every
 *                  topic it belongs to, and each value as written, with its
 *                  unit, beside the normalised value with its own unit) and
 *                  "matrix" (per topic, only the cells a source fills)
 *   --format csv   one RFC 4180 table (CRLF, quoted where needed, full
 *                  cells), chosen with --what: claims (default), topics
 *                  (one row per membership of a claim in a topic) or
 *                  matrix (one row per topic, one column per source).  A
 *                  cell that starts with = + - or @ gets a leading ' so
 *                  that a spreadsheet does not run it as a formula.
 *   --format md    a report: the sources (outlet, title, author, date,
 *                  address), then each topic with its claims quoted and
 *                  cited
 *
 * The work is linear in the input and the output: every topic's claims and
 * pairs are read once, its cells found by sorting its own claims by
 * source; nothing walks topics x sources (the CSV matrix writes one empty
 * field per source it lacks, which is its output).  All corpus text goes
 * through text_sanitize().
 */
#ifndef LECTERN_CLI_EXPORT_H
#define LECTERN_CLI_EXPORT_H

#include <stddef.h>

#include "corpus/corpus.h"
#include "compare/compare.h"
#include "cli/cli.h"

enum export_format { EXPORT_CSV, EXPORT_JSON, EXPORT_MD };
enum export_what { EXPORT_CLAIMS, EXPORT_TOPICS, EXPORT_MATRIX };
/* Their names, in enum order, NULL-terminated (--format, --what). */
extern const char *const export_formats[];
extern const char *const export_tables[];

struct export_stats {
	size_t visits;   /* claims, pairs, memberships and cells read */
};

/* The export command: exit code 0, or 2 on a usage error. */
int cmd_export(struct corpus *c, const struct cli_args *a);

/* Writes model m to stdout in format f (what: only for CSV); st, when not
 * NULL, gets the count of the work done (the tests bound it). */
void export_write(const struct cmp_model *m, enum export_format f, enum export_what what,
		  struct export_stats *st);

#endif
