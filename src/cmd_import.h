/*
 * cmd_import: the commands that make and enrich corpora: import, extract
 * and eval (cmd_eval.c).
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
