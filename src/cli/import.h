/*
 * cli/import: `lectern import`, raw articles made into a corpus.
 *
 * import writes DIR/corpus.json and DIR/sources/ID.txt through a staging
 * directory (save.h), extracts claims (cli/extract.h), then loads the
 * result with CORPUS_CHECK_FILES.  The source id is the file name (made
 * safe and unique) unless a sidecar NAME.meta.json gives "id" (see
 * import/meta.h).
 *
 * cmd_import() returns the exit status: 0 ok, 1 invalid input, 2 usage or
 * I/O error.
 */
#ifndef LECTERN_CLI_IMPORT_H
#define LECTERN_CLI_IMPORT_H

#include "cli/cli.h"

int cmd_import(const struct cli_args *a);

#endif
