/*
 * base64: the standard base64 alphabet of RFC 4648 (section 4), with "="
 * padding and no line breaks, as the OSC 52 clipboard sequence carries it.
 *
 * base64_encode() appends the encoding of data[0..n) to out (n == 0 adds
 * nothing); base64_len(n) is its length, 4 * ceil(n / 3).  Encoding cannot
 * fail (strbuf aborts on allocation failure); decoding is not needed.
 */
#ifndef LECTERN_BASE64_H
#define LECTERN_BASE64_H

#include <stddef.h>

#include "base/strbuf.h"

static inline size_t base64_len(size_t n) { return (n + 2) / 3 * 4; }

void base64_encode(struct strbuf *out, const void *data, size_t n);

#endif
