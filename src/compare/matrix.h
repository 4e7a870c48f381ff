/*
 * matrix: what the reader's Compare view shows of a comparison model
 * (compare.h), as plain data: which topics are rows (all, or only those in
 * conflict), the columns' order, what a cell holds and the mark it shows,
 * the status a row shows (from the same verdicts as its cells), and a
 * short heading for a source's column.  No curses here; no judging either:
 * every verdict is the engine's (compare.h), this file only gathers them.
 */
#ifndef LECTERN_MATRIX_H
#define LECTERN_MATRIX_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "corpus/corpus.h"
#include "compare/compare.h"
#include "compare/verdict.h"

/* The mark of a cell whose claims were compared with other sources' but
 * had no value in common to compare ("related, no comparable value"). */
#define MATRIX_MARK_UNMATCHED '-'
/* The mark of a cell whose source says nothing on the topic. */
#define MATRIX_MARK_EMPTY '.'

/* One cell: the claims of source s in topic t. */
struct matrix_cell {
	long first;          /* the first of them, -1 when none */
	size_t nclaims;      /* how many */
	enum verdict v;      /* the worst verdict against claims of other
			      * sources that compared values; VERDICT_NONE
			      * when none did */
	bool unmatched;      /* compared with other sources, no value in common */
};

/* Fills *out for source s in topic t.  Pairs within one source never
 * count: a claim never agrees with a claim of its own source. */
void matrix_cell(const struct cmp_model *m, size_t t, size_t s, struct matrix_cell *out);
/* The one character a cell shows: its verdict's mark, MATRIX_MARK_EMPTY
 * or MATRIX_MARK_UNMATCHED, or ' ' for a claim with nothing to compare. */
char matrix_cell_mark(const struct matrix_cell *cell);

/* The mark of one claim of topic t in the drill-down, by the same rule as
 * a cell's: the worst verdict against claims of other sources. */
char matrix_claim_mark(const struct cmp_model *m, size_t t, size_t claim);

/* The status a row shows: the worst of its cells' verdicts (the same pairs
 * as matrix_cell, over every source).  *unmatched (nullable) is set when
 * no pair had a value in common though some were compared. */
enum verdict matrix_status(const struct cmp_model *m, size_t t, bool *unmatched);
/* The index's status of a curated topic (VERDICT_NONE when it records
 * none or the topic is automatic). */
enum verdict matrix_curated(const struct cmp_topic *t);

/* Whether a topic is in conflict: its shown or its curated status. */
bool matrix_is_conflict(const struct cmp_model *m, size_t t);

/* Writes the indexes of the topics to show into out (room for
 * m->ntopics), in model order, and returns how many: every topic, or
 * only those in conflict. */
size_t matrix_rows(const struct cmp_model *m, bool conflicts_only, size_t *out);

/* The orders of the columns (s cycles them). */
enum matrix_order { MATRIX_BY_DATE, MATRIX_BY_OUTLET, MATRIX_BY_CLAIMS, MATRIX_ORDER_COUNT };
/* "date", "outlet", "claims" */
const char *matrix_order_name(enum matrix_order o);
/* Writes every source index into out (room for c->nsources) in order o:
 * by publication date (undated last), by heading, or by claims (most
 * first); ties by id. */
void matrix_columns(const struct corpus *c, enum matrix_order o, size_t *out);

/* Appends claim i's values as the index gives them, "; "-separated
 * ("145 miles", "about 9000 troops", "2022-01"): the source's wording, not
 * the engine's normal form.  Nothing when it has none. */
void matrix_written(const struct corpus *c, size_t i, struct strbuf *out);

/*
 * Appends a short heading for a source's column, by one rule: the words of
 * the outlet (else of the source's id), split at spaces, hyphens and
 * camelCase ("openDemocracy" is "open" "Democracy"), leaving out "the",
 * "a", "an"; with two words or more their initials, else the word's first
 * four letters, in capitals, at most 5 ("The Moscow Times" -> "MT",
 * "openDemocracy" -> "OD", "The Conversation" -> "CONV", id "blog" ->
 * "BLOG").  ASCII letters and digits only; the id itself when that gives
 * nothing.  Not sanitised: draw it through text.h.
 */
void matrix_abbrev(const struct source *s, struct strbuf *out);
/* Appends s's publication date, with "?" when it is a guess (listed in
 * provenance.guessed), or "undated". */
void matrix_date(const struct source *s, struct strbuf *out);

#endif
