/*
 * cli/show: the commands that print a corpus, each given the loaded
 * corpus and the parsed arguments, each returning the exit status (0, 1
 * invalid input such as an unknown id, 2 usage or I/O error).
 *
 * check (loaded with CORPUS_CHECK_FILES: reaching it means valid), list,
 * show SOURCE, claims [--source ID], topics, cite CLAIM [--format FMT]
 * (corpus/cite.h: unknown claim or format, exit 1); summary is what runs with no
 * command when there is no reader.
 */
#ifndef LECTERN_CLI_SHOW_H
#define LECTERN_CLI_SHOW_H

#include "corpus/corpus.h"
#include "cli/cli.h"

int cmd_check(struct corpus *c, const struct cli_args *a);
int cmd_list(struct corpus *c, const struct cli_args *a);
int cmd_show(struct corpus *c, const struct cli_args *a);
int cmd_claims(struct corpus *c, const struct cli_args *a);
int cmd_topics(struct corpus *c, const struct cli_args *a);
int cmd_cite(struct corpus *c, const struct cli_args *a);
int cmd_summary(struct corpus *c, const struct cli_args *a);

#endif
