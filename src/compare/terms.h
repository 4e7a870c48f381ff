/*
 * terms: claim text as the words that matter for comparing claims.
 *
 * terms_scan() splits UTF-8 text into words (letters and digits; hyphens,
 * apostrophes and punctuation separate, a possessive "'s" is dropped),
 * lower-cases them, drops stop words and numbers, folds a capitalised
 * "-ian"/"-ia" name to its root ("Russian", "Russia" -> "russ") and stems the
 * rest with stem_word().  For each word kept it calls cb with the term (not
 * NUL-terminated; valid only during the call), the word as written (a
 * pointer into text) and flags: TERM_CAP when the
 * word was capitalised and not the first of its sentence, TERM_RUN_END
 * when the next word does not continue a run of capitalised words.
 */
#ifndef LECTERN_TERMS_H
#define LECTERN_TERMS_H

#include <stdbool.h>
#include <stddef.h>

enum {
	TERM_CAP = 1,
	TERM_RUN_END = 2,
};

typedef void (*terms_cb)(void *ctx, const char *term, size_t len,
			 const char *word, size_t wlen, unsigned flags);

void terms_scan(const char *text, size_t n, terms_cb cb, void *ctx);

/* True for an English stop word (lower-case ASCII). */
bool terms_is_stop(const char *w, size_t n);

/* Share of the terms of a and b that both have (Dice coefficient on term
 * sets, 0..1); 0 when either is NULL or has no terms. */
double terms_overlap(const char *a, const char *b);

#endif
