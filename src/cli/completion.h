/*
 * cli/completion: shell completion, generated from the tables of
 * cli/commands.h so that it never drifts from --help.
 *
 *   completion bash|zsh           prints the script for that shell (make
 *                                 install writes them where the shells
 *                                 look)
 *   completion sources|claims|topics
 *                                 prints the ids of the current corpus, one
 *                                 a line (the scripts call this, passing on
 *                                 the --corpus of the line being completed)
 *
 * Returns the exit status: 0, 2 on a usage error, or the corpus's load
 * status.
 */
#ifndef LECTERN_CLI_COMPLETION_H
#define LECTERN_CLI_COMPLETION_H

#include "cli/cli.h"

int cmd_completion(const struct cli_args *a);

#endif
