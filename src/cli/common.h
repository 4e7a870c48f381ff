/*
 * cli/common: what every command shares.
 *
 * Output goes to stdout through out_*(), which sanitise corpus text (no
 * terminal escapes ever reach a pipe or a terminal) and report write
 * errors: a closed pipe exits quietly with 141, as SIGPIPE would; any
 * other write error dies.  JSON output is cJSON's, which escapes control
 * characters, with C1 controls escaped too.
 */
#ifndef LECTERN_CLI_COMMON_H
#define LECTERN_CLI_COMMON_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "corpus/corpus.h"

void out_flush(void);
void out_raw(const char *s, size_t n);
/* Corpus text, made safe with text_sanitize(flags); NULL prints as "-". */
void out_text(const char *s, unsigned flags);
void out_str(const char *s);
/* Pads a sanitised cell to width columns (no padding on the last one). */
void out_cell(const char *s, size_t width, bool last);
/* Prints o and a newline, then frees o. */
void out_json(cJSON *o);
/* Appends cJSON's text s with the C1 controls it leaves raw escaped. */
struct strbuf;
void json_escape_c1(struct strbuf *out, const char *s);
/* The display width of s once made safe (NULL counts as "-"). */
size_t col_width(const char *s);

/* Prints "lectern: MSG" on stderr, MSG made safe (text_sanitize()). */
void cli_error(const char *msg);

/* Prints the problems of loading index on stderr, and, when the load
 * failed, "lectern: INDEX: N problems". */
struct diags;
void cli_problems(const char *index, const struct diags *d, bool failed);

/* Loads the corpus named by arg (see corpus_locate(); NULL: the default),
 * printing its problems; NULL with *code set to the exit status on
 * failure.  The caller frees the corpus. */
struct corpus *cli_load(const char *arg, unsigned flags, int *code);

/* The source of cur that holds the same text as source i of c (by hash,
 * then original file name, then id), or -1. */
long cli_match_source(const struct corpus *c, size_t i, const struct corpus *cur);

#endif
