/*
 * wrap: where each display line of a text starts when it is wrapped to a
 * width, as byte offsets into the original text (like less's line table).
 *
 * Computed once per width with wrap_build(); lines break at spaces when
 * they can, at any character when a word is wider than the line; LF ends
 * a paragraph (an empty line stays an empty line).  Widths are those of
 * text.h glyphs, so placeholders such as "<U+202E>" count as they are
 * drawn; TAB goes to the next multiple of WRAP_TAB columns.
 *
 * Lifecycle: wrap_init(), wrap_build() any number of times, wrap_release().
 */
#ifndef LECTERN_WRAP_H
#define LECTERN_WRAP_H

#include <stdbool.h>
#include <stddef.h>

#define WRAP_TAB 8

struct wrap {
	size_t *starts;   /* starts[i]: offset of line i; starts[0] == 0 */
	size_t n;         /* lines (at least 1, even for an empty text) */
	size_t alloc;
	size_t len;       /* the text's length: line n-1 ends there */
	int width;
};

void wrap_init(struct wrap *w);
void wrap_release(struct wrap *w);
/* Builds the table for s[0..n) at width columns (width < 1 counts as 1). */
void wrap_build(struct wrap *w, const char *s, size_t n, int width, bool ascii);
/* The line holding byte off (off past the end: the last line). */
size_t wrap_line_of(const struct wrap *w, size_t off);
/* Byte range [*start, *end) of line i (i < w->n), ending with the LF or
 * space it broke at, if any: drawing skips those. */
void wrap_line(const struct wrap *w, size_t i, size_t *start, size_t *end);

#endif
