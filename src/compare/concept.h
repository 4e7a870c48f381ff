/*
 * concept: the concepts (concepts.h) a claim's term expresses, so that
 * claims about one thing in different words ("crackdown", "detained";
 * "absorption", "client state") share features.
 *
 * concept_of() takes a term as terms_scan() gives it (lower-case, stemmed)
 * and writes up to max concept ids to ids, returning how many it wrote
 * (0: none).  Ids count from 0 in the order of the table; concept_name()
 * gives a concept's name (a static string; NULL for an id out of range).
 * The lexicon is stemmed and sorted on the first call (not thread-safe
 * before that) and kept until the process exits.
 */
#ifndef LECTERN_CONCEPT_H
#define LECTERN_CONCEPT_H

#include <stddef.h>

size_t concept_of(const char *term, size_t len, size_t *ids, size_t max);
const char *concept_name(size_t id);
size_t concept_count(void);

#endif
