/*
 * srcid: the id an imported source gets.
 *
 * An id is made of [A-Za-z0-9._-] (a subset of what lectern-corpus(5)
 * allows, safe as a file name).  Import takes it from the file name; a name
 * that a program made up ("003_ddb47d87c5abcf64", "0417") says nothing to
 * a reader, so import names such a source after its outlet, else its title,
 * when the text gives one.  Uniqueness is the caller's: it appends "-2",
 * "-3", ... to an id already in use.
 *
 * All three write into out (reset first); none keeps a pointer.
 */
#ifndef LECTERN_SRCID_H
#define LECTERN_SRCID_H

#include <stdbool.h>

#include "base/strbuf.h"

/* The longest id these functions make, in bytes. */
#define SRCID_MAX 56

/*
 * The stem of the file name at path (directories and the last extension
 * dropped), other bytes replaced with '_', at most SRCID_MAX bytes;
 * "source" when nothing is left.
 */
void srcid_from_name(struct strbuf *out, const char *path);

/*
 * True when id looks made by a program rather than a person: it has no
 * letter at all, or a run of 8 or more hexadecimal digits holding both
 * letters and digits (a hash, a UUID).
 */
bool srcid_machine(const char *id);

/*
 * A lower-case slug of the first max_words words of s (UTF-8) that are not
 * articles or short function words ("the", "of", "from", ...), joined by
 * '-': "The Moscow Times" gives "moscow-times".  Only ASCII letters and
 * digits are kept; out is left empty when no word has any.
 */
void srcid_from_words(struct strbuf *out, const char *s, int max_words);

#endif
