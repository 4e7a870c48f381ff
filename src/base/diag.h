/*
 * diag: a list of located problems, printed one per line as
 *   FILE:LINE:COL: message      (a place inside a file)
 *   FILE: message               (line 0: the file as a whole)
 * Messages are lower-case and say what is wrong.  The list owns its strings.
 * Problems are kept in the order they were found; after DIAG_MAX of them
 * the rest are counted, not stored.  File names and messages are made
 * display-safe (text_sanitize) and cut after DIAG_TEXT_MAX bytes.
 */
#ifndef LECTERN_DIAG_H
#define LECTERN_DIAG_H

#include <stddef.h>
#include <stdio.h>

#define DIAG_MAX 1000
#define DIAG_TEXT_MAX 500   /* bytes of a message or file name kept */

struct diags {
	char **lines;
	size_t n, alloc;
	size_t dropped;
};

void diags_init(struct diags *d);
void diags_release(struct diags *d);
void diag_add(struct diags *d, const char *file, size_t line, size_t col,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
size_t diags_count(const struct diags *d); /* stored + dropped */
/* Prints every line, then "... and N more" if some were dropped. */
void diags_print(const struct diags *d, FILE *fp);

#endif
