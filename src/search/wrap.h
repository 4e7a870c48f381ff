/*
 * wrap: where each display line of a text starts when it is wrapped to a
 * width, as byte offsets into the original text (like less's line table).
 *
 * Lines break at spaces when they can, at any character when a word is
 * wider than the line; LF ends a paragraph (an empty line stays an empty
 * line), so the lines of a paragraph depend on nothing before it.  Widths
 * are those of text.h glyphs, so placeholders such as "<U+202E>" count as
 * they are drawn; TAB goes to the next multiple of WRAP_TAB columns.
 *
 * Three ways to build a table:
 *  - wrap_build(): the whole text at once;
 *  - wrap_begin(), then wrap_step() until it returns true: the whole text
 *    in slices, so that a reader can answer keys in between; while it
 *    runs, lines [0, n) are final for the bytes [0, done);
 *  - wrap_window(): only the lines around one place, starting from a line
 *    start the caller gives (wrap_para_start() finds one).
 * s must stay valid and unchanged until the build is complete.
 *
 * Lifecycle: wrap_init(), builds any number of times, wrap_release().
 */
#ifndef LECTERN_WRAP_H
#define LECTERN_WRAP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/text.h"

#define WRAP_TAB 8
/* wrap_para_start() looks back at most this far for the paragraph start:
 * in a longer paragraph, lines are counted from a space near that point */
#define WRAP_BACK (64 * 1024)

struct wrap {
	size_t *starts;   /* starts[i]: offset of line i; starts[0] == 0 (window: from) */
	size_t n;         /* lines (at least 1, even for an empty text) */
	size_t alloc;
	size_t len;       /* where line n-1 ends: the text's length for a whole table */
	int width;
	/* the build in progress (wrap_begin/wrap_step) */
	size_t done;      /* bytes wrapped; == len when complete */
	struct text_iter it;
	int col, col_after;
	size_t brk;
	bool have_brk;
};

void wrap_init(struct wrap *w);
void wrap_release(struct wrap *w);
/* Builds the table for s[0..n) at width columns (width < 1 counts as 1). */
void wrap_build(struct wrap *w, const char *s, size_t n, int width, bool ascii);
/* Starts building the table for s[0..n) in slices. */
void wrap_begin(struct wrap *w, const char *s, size_t n, int width, bool ascii);
/* Wraps about `bytes` more bytes; true once the table is complete. */
bool wrap_step(struct wrap *w, size_t bytes);
bool wrap_complete(const struct wrap *w);
/* The lines of s[0..n) from `from` (a line start) until `count` lines
 * after the one holding byte `at` (or the end of the text). */
void wrap_window(struct wrap *w, const char *s, size_t n, size_t from, size_t at,
		 size_t count, int width, bool ascii);
/* A line start at or before off: the start of its paragraph, or, past
 * WRAP_BACK bytes back, a point after a space near there. */
size_t wrap_para_start(const char *s, size_t off);
/* The line holding byte off (off past the end: the last line). */
size_t wrap_line_of(const struct wrap *w, size_t off);
/* Byte range [*start, *end) of line i (i < w->n), ending with the LF or
 * space it broke at, if any: drawing skips those. */
void wrap_line(const struct wrap *w, size_t i, size_t *start, size_t *end);

#endif
