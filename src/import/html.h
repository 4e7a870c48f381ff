/*
 * html: HTML reduced to plain text for import, with the metadata a saved
 * news page carries.
 *
 * html_to_text() parses s[0..n) (UTF-8: decode_text() has run) with
 * libxml2's HTML parser (htmlReadMemory, recovering from any error) and
 * walks the tree:
 *   - script, style, noscript, template, nav, footer, aside, form and the
 *     whole head are dropped;
 *   - block elements (p, div, h1-h6, li, dd, dt, hr, blockquote, table,
 *     tr, pre, article, section, header, figure, ...) become paragraph
 *     breaks, br a line end;
 *   - table cells in a row are separated by a TAB;
 *   - inside pre, spaces and line ends are kept; elsewhere runs of
 *     white space become one space and runs of blank lines one;
 *   - character references are decoded by the parser (&euro; is "€");
 *     a NUL or surrogate reference becomes U+FFFD.
 * The text is appended to out, ending in one LF when it is not empty.
 * Returns the number of elements removed (html, head and body, which the
 * parser implies when they are missing, not counted).
 * Any bytes are safe.
 *
 * With hm not NULL, it also fills hm (every field malloc'd or NULL;
 * html_meta_release() frees them) from, strongest first: a JSON-LD
 * object whose @type is NewsArticle (or another *Article) (headline,
 * author.name, datePublished, url, publisher.name, inLanguage); og:title,
 * og:url, og:site_name, article:published_time; <title>, <meta
 * name=author>, the first <time datetime>, <link rel=canonical>, <html
 * lang>.  Dates are kept as YYYY-MM-DD, languages as their primary
 * subtag; values are trimmed, white space collapsed, at most 300 bytes.
 */
#ifndef LECTERN_HTML_H
#define LECTERN_HTML_H

#include <stddef.h>

#include "base/strbuf.h"
#include "import/meta.h"

struct html_meta {
	char *f[META_NFIELDS];   /* indexed by enum meta_field; id is never set */
};

size_t html_to_text(const char *s, size_t n, struct strbuf *out, struct html_meta *hm);

/* Moves hm's fields into m, replacing its guesses (they are then stated
 * by the page, not guessed); hm is left empty. */
void html_meta_apply(struct html_meta *hm, struct meta *m);

void html_meta_release(struct html_meta *hm);

#endif
