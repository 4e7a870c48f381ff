/*
 * decode: raw bytes of a collected article to the corpus text form
 * (UTF-8, LF line ends, no BOM), recording every change.
 *
 * decode_text_as() takes any bytes (buf, len; NUL bytes allowed) and a
 * charset stated for them (a sidecar's "encoding", or NULL), and appends
 * the result to out.  Steps, in order:
 *   1. to UTF-8, the first rule that applies:
 *      - a UTF-16 BOM selects UTF-16LE/BE; a UTF-8 BOM is dropped;
 *      - the stated charset, else one the bytes declare (<meta charset>,
 *        http-equiv, XML declaration: charset.h), converted with iconv
 *        (ISO-8859-1 and ASCII mean Windows-1252, as in browsers; UTF-8
 *        or a name iconv does not know goes on to the next rules);
 *      - valid UTF-8 without NUL bytes, or mostly valid UTF-8, is UTF-8;
 *      - else the charset is detected (uchardet, UTF-16 by shape:
 *        charset_detect()) and, when the guess is sure, converted;
 *      - else bytes that hold no valid multi-byte sequence at all are
 *        read with the Windows-1252 table (bytes it leaves undefined as
 *        Latin-1); the unsure guess is kept in stats;
 *   2. CRLF and lone CR become LF;
 *   3. remaining invalid UTF-8 bytes become U+FFFD, each counted;
 *   4. mojibake repair: UTF-8 text that was misread as GBK/GB18030
 *      ("鈥檚" for "’s") or as Windows-1252/Latin-1 ("â€™" for "’") is
 *      turned back, including sequences whose last byte the misreading
 *      lost, which is inferred from the context (opening or closing quote,
 *      apostrophe, dash).  It runs only when the document holds at least
 *      one unmistakable sequence (one that decodes to typographic
 *      punctuation, or a Windows-1252 one starting with Ã, Â or â), and
 *      only sequences that decode to Latin, Cyrillic or punctuation
 *      characters are replaced, so genuine CJK or Cyrillic text is left
 *      alone.
 * Never fails and never aborts on any input; stats may be NULL.
 * decode_text() is decode_text_as() with no stated charset.
 */
#ifndef LECTERN_DECODE_H
#define LECTERN_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"

enum { DECODE_NKINDS = 8 };   /* restored: ’ “ ” ‘ — – … other */

struct decode_stats {
	char encoding[32];        /* lower case: "utf-8", "utf-16le", "windows-1251", ... */
	const char *how;          /* NULL (UTF-8 or a BOM), "sidecar", "declared",
				   * "detected" or "fallback" (the Windows-1252 table) */
	double confidence;        /* of the detection (charset.h), -1 when none ran */
	char unsure[32];          /* with "fallback": the guess not trusted, or "" */
	bool bom;                 /* a BOM was dropped */
	size_t crlf, cr;          /* line ends changed */
	size_t invalid;           /* bytes replaced by U+FFFD */
	size_t gbk_direct, gbk_inferred;     /* GBK mojibake sequences */
	size_t w1252_direct, w1252_inferred; /* Windows-1252 mojibake sequences */
	size_t restored[DECODE_NKINDS];      /* characters restored, by kind */
};

void decode_text_as(const char *buf, size_t len, const char *charset, struct strbuf *out,
		    struct decode_stats *stats);
void decode_text(const char *buf, size_t len, struct strbuf *out, struct decode_stats *stats);

/* The mojibake step alone, on valid UTF-8 (used by decode_text). */
void decode_mojibake(const char *s, size_t n, struct strbuf *out, struct decode_stats *stats);

/* Describes what was done, e.g. for a provenance repair "detail"; appends
 * nothing when nothing was changed.  kind: 0 encoding (conversion and
 * mojibake), 1 whitespace (line ends, BOM), 2 invalid bytes. */
void decode_describe(const struct decode_stats *st, int kind, struct strbuf *out);

/* Characters restored by the repair in total. */
size_t decode_repairs(const struct decode_stats *st);

#endif
