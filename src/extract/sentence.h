/*
 * sentence: splits news English into sentences.
 *
 * sentence_split() cuts s[0..n) (any bytes) into sentences and returns how
 * many; *out (caller frees, NULL when none) gets their spans, trimmed of
 * white space, in order.  A line end always ends a sentence, so headlines,
 * section heads and captions without a full stop stand alone.  Inside a
 * line a sentence ends after . ! ? or an ellipsis, with any closing quotes
 * or brackets, when white space and then a capital, a digit or an opening
 * quote or bracket follow — except after titles and abbreviations (Mr.
 * Mrs. Dr. Gen. St. Feb. Sept. etc.), initials (J. K.), dotted acronyms
 * (U.S. U.N.) followed by a capital word that is not a sentence start, and
 * inside numbers (41.3, 9,5).
 */
#ifndef LECTERN_SENTENCE_H
#define LECTERN_SENTENCE_H

#include <stddef.h>

struct sent {
	size_t start, end;
	size_t para;          /* paragraph (line) number: each line end starts one */
};

size_t sentence_split(const char *s, size_t n, struct sent **out);

#endif
