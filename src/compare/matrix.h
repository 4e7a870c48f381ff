/*
 * matrix: what the reader's Compare view shows of a comparison model
 * (compare.h), as plain data: which topics are rows (all, or only those in
 * conflict), the status a row shows, and a short heading for a source's
 * column.  No curses here.
 */
#ifndef LECTERN_MATRIX_H
#define LECTERN_MATRIX_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "corpus/corpus.h"
#include "compare/compare.h"
#include "compare/verdict.h"

/* The status a topic row shows: the index's judgement for a curated topic
 * that records one (it may be VERDICT_MIXED), else the status computed
 * from the topic's pairs. */
enum verdict matrix_status(const struct cmp_topic *t);

/* Whether a topic is in conflict: its shown or its computed status. */
bool matrix_is_conflict(const struct cmp_topic *t);

/* Writes the indexes of the topics to show into out (room for
 * m->ntopics), in model order, and returns how many: every topic, or
 * only those in conflict. */
size_t matrix_rows(const struct cmp_model *m, bool conflicts_only, size_t *out);

/*
 * Appends a short heading for a source's column: the initials of the
 * outlet's words ("The Moscow Times" -> "MT", at most 5) when it has two
 * words or more besides "the", "a", "an"; the first 4 characters of a
 * one-word outlet ("The Conversation" -> "Conv"); the source's id when
 * there is no outlet or it gives nothing (initials are ASCII letters and
 * digits only).  The result is not sanitised: draw it through text.h.
 */
void matrix_abbrev(const struct source *s, struct strbuf *out);
/* Appends s's publication date, with "?" when it is a guess (listed in
 * provenance.guessed), or "undated". */
void matrix_date(const struct source *s, struct strbuf *out);

#endif
