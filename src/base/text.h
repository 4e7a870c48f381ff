/*
 * text: UTF-8 decoding and validation, display widths, and the one place
 * that decides how corpus text is made safe to show.
 *
 * Nothing from a corpus reaches a terminal without passing through
 * text_iter_next() (the interface) or text_sanitize() (the command line),
 * which share one rule set:
 *   - C0 controls (except TAB and LF) and DEL become caret notation: ESC is
 *     "^[", CR is "^M", BEL is "^G", DEL is "^?";
 *   - C1 controls (U+0080..U+009F), bidi embeddings, overrides, isolates and
 *     marks (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069),
 *     zero-width characters (U+200B..U+200D, U+2060, U+FEFF) and other
 *     invisible format characters become "<U+XXXX>"; but ZWNJ and ZWJ
 *     (U+200C, U+200D) between two characters beyond ASCII (inside a
 *     Persian or Indic word, an emoji sequence) are passed on with no
 *     width, as the script needs, unless in ASCII mode;
 *   - each byte of an invalid UTF-8 sequence (overlong, surrogate, beyond
 *     U+10FFFF, truncated) becomes U+FFFD, or "?" in ASCII mode;
 *   - more than TEXT_MAX_MARKS combining marks on one base are dropped;
 *   - in ASCII mode (a non-UTF-8 locale) any other non-ASCII character is
 *     shown as "?" (wide ones as "??" so columns stay right).
 * Widths come from wcwidth() in a multibyte (UTF-8) locale, so that
 * lectern and ncursesw place every character alike; from a built-in table
 * in ASCII mode, in a single-byte locale, or where wcwidth() has no answer.
 */
#ifndef LECTERN_TEXT_H
#define LECTERN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

#define TEXT_INVALID 0xFFFFFFFFu
#define TEXT_MAX_MARKS 4

/* ASCII-only character classes for the core: bytes >= 0x80 are never
 * letters, digits or spaces and are never case-mapped, whatever LC_CTYPE
 * says (under ISO-8859-1, the C library's isalpha(0xC3) is true and
 * tolower() would break UTF-8). */
static inline bool ascii_isupper(int c) { return c >= 'A' && c <= 'Z'; }
static inline bool ascii_islower(int c) { return c >= 'a' && c <= 'z'; }
static inline bool ascii_isalpha(int c) { return ascii_isupper(c) || ascii_islower(c); }
static inline bool ascii_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline bool ascii_isalnum(int c) { return ascii_isalpha(c) || ascii_isdigit(c); }
static inline bool ascii_isxdigit(int c)
{
	return ascii_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static inline int ascii_tolower(int c) { return ascii_isupper(c) ? c + 32 : c; }
static inline int ascii_toupper(int c) { return ascii_islower(c) ? c - 32 : c; }

/* Decodes one character at s (n > 0 bytes available).  Returns the bytes it
 * uses (1..4); an invalid sequence uses 1 byte and sets *cp = TEXT_INVALID. */
int utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Offset of the first invalid byte, or n when s is valid UTF-8. */
size_t utf8_validate(const char *s, size_t n);

/* True when off (0 <= off <= n) is not inside a multi-byte character. */
bool utf8_boundary(const char *s, size_t n, size_t off);

/* Encodes cp as UTF-8 into out (4 bytes room); returns its length. */
int utf8_encode(uint32_t cp, char *out);

/* Terminal columns of a printable code point: 0 (combining), 1 or 2
 * (wcwidth() in a multibyte locale, else the built-in table). */
int cp_width(uint32_t cp);

enum glyph_kind {
	GLYPH_TEXT,      /* printable, shown as is */
	GLYPH_NEWLINE,   /* LF */
	GLYPH_TAB,       /* TAB: the caller expands it */
	GLYPH_SPACE,     /* an ASCII space */
	GLYPH_MARK,      /* a combining mark kept on the previous glyph */
	GLYPH_HIDDEN,    /* a surplus combining mark: draw nothing */
	GLYPH_CONTROL,   /* a control or format character, as a placeholder */
	GLYPH_INVALID,   /* an invalid byte, as U+FFFD or "?" */
};

struct glyph {
	size_t off, len;      /* the source bytes it stands for */
	enum glyph_kind kind;
	int width;            /* columns of the display form */
	char show[16];        /* NUL-terminated display form */
	size_t show_len;
};

struct text_iter {
	const char *s;
	size_t n, off;
	bool ascii;
	int marks;            /* combining marks on the current base */
	uint32_t prev;        /* the character before, for joiners */
};

void text_iter_init(struct text_iter *it, const char *s, size_t n, bool ascii);
/* Fills g with the next glyph; false at the end. */
bool text_iter_next(struct text_iter *it, struct glyph *g);

enum {
	SANITIZE_NEWLINES = 1, /* keep LF and TAB (else each becomes a space) */
	SANITIZE_ASCII = 2,    /* ASCII-only output */
};

/* Appends the display-safe form of s[0..n) to out. */
void text_sanitize(struct strbuf *out, const char *s, size_t n, unsigned flags);

/* Columns the display-safe form of s[0..n) takes (TAB counts as 1). */
size_t text_width(const char *s, size_t n, bool ascii);

#endif
