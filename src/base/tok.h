/*
 * tok: a small word tokenizer shared by the number, date and claim
 * parsers.  tok_split() cuts s[0..n) into tokens: runs of ASCII letters
 * (with inner apostrophes), runs of digits, and single other characters
 * (a whole UTF-8 character; whitespace is skipped).  Each token records
 * whether whitespace precedes it.  The caller frees *out.  Never fails.
 */
#ifndef LECTERN_TOK_H
#define LECTERN_TOK_H

#include <stdbool.h>
#include <stddef.h>

enum tok_kind { TOK_WORD, TOK_NUM, TOK_PUNCT };

struct tok {
	size_t start, end;
	enum tok_kind kind;
	bool space;         /* whitespace before it */
	bool upper;         /* a word starting with a capital */
	unsigned hash;      /* of a word, lower-cased; 0 for others */
};

size_t tok_split(const char *s, size_t n, struct tok **out);

/* Case-insensitive (ASCII) comparison of p[0..l) with the word w. */
bool tok_eq(const char *p, size_t l, const char *w);
/* Case-insensitive comparison of token t with word w. */
bool tok_is(const char *s, const struct tok *t, const char *w);
/* True when the token is one of the NULL-terminated list (case-insensitive).
 * Each list is turned into a hash set on first use and kept (lists must be
 * static); at most TOK_MAX_LISTS lists, others are searched linearly. */
#define TOK_MAX_LISTS 128
bool tok_in(const char *s, const struct tok *t, const char *const *list);
/* Token is the punctuation p (a UTF-8 string). */
bool tok_punct(const char *s, const struct tok *t, const char *p);

#endif
