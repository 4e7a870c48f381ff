/*
 * conffile: the line loop shared by the theme and config parsers.
 *
 * conffile_parse() splits buf[0..n) into lines (LF ends a line; a CR before
 * it is dropped), refuses lines holding a NUL byte, and hands every other
 * line, NUL-terminated and writable, to parse(ctx, line, msg).  Each line
 * for which parse() leaves msg non-empty becomes one "FILE:LINE: message"
 * in d and counts as a problem; parsing always goes on to the next line.
 * Returns the number of problems.
 */
#ifndef LECTERN_CONFFILE_H
#define LECTERN_CONFFILE_H

#include <stddef.h>

#include "base/diag.h"
#include "base/strbuf.h"

typedef void conffile_line_fn(void *ctx, char *line, struct strbuf *msg);

size_t conffile_parse(const char *file, const char *buf, size_t n,
		      struct diags *d, conffile_line_fn *parse, void *ctx);

#endif
