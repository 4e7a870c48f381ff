/*
 * html: HTML reduced to plain text for import.  html_to_text() drops tags,
 * comments, <script> and <style> contents, turns block elements (p, div,
 * br, h1-h6, li, tr, blockquote, article, section, header, footer) into
 * line ends, decodes character references (&amp; &lt; &gt; &quot; &#39;
 * &nbsp; &rsquo; &lsquo; &rdquo; &ldquo; &mdash; &ndash; &hellip; and
 * numeric &#N; &#xN;), collapses runs of spaces and of blank lines, and
 * appends the text to out.  Returns the number of tags removed.  Any bytes
 * are safe.
 */
#ifndef LECTERN_HTML_H
#define LECTERN_HTML_H

#include <stddef.h>

#include "base/strbuf.h"

size_t html_to_text(const char *s, size_t n, struct strbuf *out);

#endif
