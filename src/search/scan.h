/*
 * search/scan: reading every text of a corpus quickly, in slices, for
 * corpus-wide search and for building the search index.
 *
 * A text_reader reads one text at a time into one buffer that it reuses
 * (only regular files: a FIFO or device is refused, as check does)
 * (sized from fstat, so a text is one read and no reallocation), opening
 * each file beneath the corpus directory (openat2 RESOLVE_BENEATH, or
 * corpus_open_confined where the kernel lacks it).  A text already held
 * by the corpus (source.text) is used as it is.  The text returned is
 * valid until the next treader_get or treader_release.
 *
 * A search_job walks the sources in order, a slice at a time
 * (search_job_step), calling a visitor with each text, so that a caller
 * with a terminal can poll for keys between slices.  Texts that cannot be
 * read are named in job.err (at most a few) and counted in job.nerr.
 */
#ifndef LECTERN_SEARCH_SCAN_H
#define LECTERN_SEARCH_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "corpus/corpus.h"
#include "search/search.h"

struct text_reader {
	struct corpus *c;
	int dirfd;             /* the corpus directory, or -1 */
	char *buf;
	size_t cap;
};

void treader_init(struct text_reader *r, struct corpus *c);
void treader_release(struct text_reader *r);
/* Text of source i, or NULL with a message in err. */
const char *treader_get(struct text_reader *r, size_t i, size_t *len,
			struct strbuf *err);

/* Visitor: returns false to stop the job. */
typedef bool search_visit_fn(void *ctx, size_t source, const char *t, size_t n);

struct search_job {
	struct text_reader rd;
	const unsigned char *only;  /* NULL: every source; else sources with only[i] */
	size_t next;                /* the next source to visit */
	size_t end;                 /* where to stop (search_job_init: every source) */
	bool stopped;               /* the visitor asked to stop */
	struct strbuf err;
	size_t nerr;
};

/* A job over every source; set next and end for a range. */
void search_job_init(struct search_job *j, struct corpus *c, const unsigned char *only);
void search_job_release(struct search_job *j);
/* Visits up to budget sources (those skipped by only are not counted);
 * returns true when the job is finished (every source visited, or
 * stopped). */
bool search_job_step(struct search_job *j, size_t budget, search_visit_fn *fn, void *ctx);
bool search_job_done(const struct search_job *j);

/* Non-overlapping matches of s in t[0..n), as search_all finds them. */
size_t search_count(const struct search *s, const char *t, size_t n);
/* The same, with *late set when a regex ran out of time on t (the count is
 * then partial). */
size_t search_count_late(const struct search *s, const char *t, size_t n, bool *late);

#endif
