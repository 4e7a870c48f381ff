/*
 * charset: which encoding a raw article is in, and its conversion to
 * UTF-8.  decode.c calls these; they never fail on any bytes.
 *
 * charset_declared() finds the charset a document declares in its first
 * 4096 bytes: <meta charset=X>, <meta http-equiv=Content-Type
 * content="...; charset=X">, or an XML declaration <?xml ...
 * encoding="X"?>.  It copies the name (letters, digits, "-_.:", at most
 * cap - 1 bytes) to name and returns true, or returns false.
 *
 * charset_detect() guesses the charset of text that declares none and is
 * not valid UTF-8.  It asks uchardet first; when uchardet has no answer,
 * it tries UTF-16 without a BOM by the shape of the bytes (text whose
 * ASCII characters put a zero byte in every other place, or whose every
 * unit is a plausible character).  The guess is checked by converting it
 * and scoring the result with charset_confidence(); it is sure when the
 * conversion had no invalid sequence and the confidence is at least
 * CHARSET_SURE.  When uchardet answers ASCII or UTF-8 (the bytes are not),
 * or nothing, the guess is empty and not sure.
 *
 * charset_confidence() scores UTF-8 text made by a conversion: the share
 * of its non-ASCII characters that are plausible (letters and common
 * punctuation, not C1 controls, box drawing or private use) and do not
 * stand inside a word of another script (a Cyrillic letter between Latin
 * ones is how "Café" looks read as Windows-1251).  1 for ASCII text.
 *
 * charset_convert() converts s[0..n) from charset name to UTF-8 with
 * iconv, appending to out; every invalid or truncated sequence becomes
 * U+FFFD (one per 2 bytes for UTF-16, else per byte) and is counted in
 * *invalid.  Returns -1 (out untouched) when iconv does not know name.
 */
#ifndef LECTERN_CHARSET_H
#define LECTERN_CHARSET_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"

#define CHARSET_SURE 0.9
#define CHARSET_NAME_MAX 32

struct charset_guess {
	char name[CHARSET_NAME_MAX];   /* upper case, as iconv knows it; "" for none */
	double confidence;              /* 0..1, from charset_confidence() */
	bool sure;
};

bool charset_declared(const char *s, size_t n, char *name, size_t cap);
void charset_detect(const char *s, size_t n, struct charset_guess *g);
double charset_confidence(const char *s, size_t n);
/* UTF-16 without a BOM by the shape of s[0..n) (n even, at least 4):
 * "UTF-16LE" or "UTF-16BE", the likelier byte order, or NULL. */
const char *charset_utf16_shape(const char *s, size_t n);
int charset_convert(const char *s, size_t n, const char *name, struct strbuf *out, size_t *invalid);

#endif
