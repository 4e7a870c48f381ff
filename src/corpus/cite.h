/*
 * cite: a claim as a citation, in one of the formats of CITE_FORMATS.  The
 * reader's `y` (copy through OSC 52) and `:cite FILE`, and the command
 * `lectern cite CLAIM`, all print what cite_write() gives.  No curses.
 *
 * A citation holds the claim's text (the quote), then its source's outlet,
 * title, author, publication date and address (url), and the claim's id;
 * fields the index leaves null are left out.  Every field passes through
 * cite_clean() first, the one sanitiser (text_sanitize() of base/text.h):
 * no control character of the corpus (C0, C1, ESC, DEL), no bidi control
 * and no invalid UTF-8 reaches a citation raw; line ends and tabs become
 * spaces.  Then each format escapes what is special to it (Markdown's
 * punctuation, LaTeX's in BibTeX, JSON's strings).
 *
 * A guessed publication date (provenance.guessed) is marked "?" in plain
 * and markdown, and "circa" in CSL-JSON.
 */
#ifndef LECTERN_CITE_H
#define LECTERN_CITE_H

#include <stddef.h>

#include "base/strbuf.h"
#include "corpus/corpus.h"

/* X(ID, "name", "what it is") */
#define CITE_FORMATS(X) \
	X(PLAIN,    "plain",    "the quote, then outlet, title, author, date, url, claim id on one line") \
	X(MARKDOWN, "markdown", "the quote as a block quote, then the same line, Markdown-escaped") \
	X(BIBTEX,   "bibtex",   "an @article entry keyed by the claim id, the quote in its note") \
	X(CSL_JSON, "csl-json", "a CSL-JSON array of one article-newspaper item, the quote in its note")

enum cite_format {
#define X(id, name, help) CITE_##id,
	CITE_FORMATS(X)
#undef X
	CITE_FORMAT_COUNT
};

/* The formats' names, in table order, NULL-terminated. */
extern const char *const cite_format_names[];
/* "plain, markdown, bibtex or csl-json", for messages. */
#define CITE_FORMAT_LIST "plain, markdown, bibtex or csl-json"

/* The format called name; -1 (and *f untouched) when none is.  f may be
 * NULL to only ask whether name is one. */
int cite_format_parse(const char *name, enum cite_format *f);

/* Appends the display-safe form of s (NULL: nothing): text_sanitize()
 * with line ends and tabs as spaces. */
void cite_clean(struct strbuf *out, const char *s);

/* Appends the citation of claim i of c in format f, without a final line
 * end (the caller adds one where a file or a terminal wants it). */
void cite_write(struct strbuf *out, const struct corpus *c, size_t i, enum cite_format f);

#endif
