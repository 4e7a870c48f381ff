/*
 * boiler: finds the lines of an article that are web furniture rather than
 * text: donation appeals, newsletter and sign-up prompts, comment prompts,
 * share/icon labels, photo credits, "Read more" and related-story teasers
 * ("See also", "For more information on X, see HEADLINE."), page furniture
 * ("Return to this article at:", "Click to print this document"), author
 * disclosure statements, a foreign-script site header.
 *
 * boiler_detect() scans text s[0..n) (any bytes) and returns the number of
 * spans found; *spans (caller frees, NULL when none) gets them sorted and
 * disjoint.  A span covers whole lines without their final newline; a
 * heading ("Why We Wrote This", "Get the free ... newsletter", "Read
 * more:", "A Message from ...:") takes the blurb under it into its span.
 * Each span has a short static label saying what it is.
 */
#ifndef LECTERN_BOILER_H
#define LECTERN_BOILER_H

#include <stddef.h>

struct boiler_span {
	size_t start, end;
	const char *what;     /* "photo credit", "newsletter prompt", ... */
};

size_t boiler_detect(const char *s, size_t n, struct boiler_span **spans);

/* What a single line is, or NULL for text (exposed for tests). */
const char *boiler_line(const char *line, size_t len);

#endif
