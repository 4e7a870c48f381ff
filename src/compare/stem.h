/*
 * stem: a small English stemmer after Porter's algorithm (1980), used to
 * fold "troops"/"troop", "allies"/"ally", "announced"/"announcement"
 * together when claims are compared.
 *
 * stem_word() rewrites the lower-case ASCII word w[0..n) in place and
 * returns its new length (<= n).  Words of one or two letters and words
 * holding anything but a-z are returned unchanged.
 */
#ifndef LECTERN_STEM_H
#define LECTERN_STEM_H

#include <stddef.h>

size_t stem_word(char *w, size_t n);

#endif
