/*
 * search: finding a query in one text and across every text of a corpus.
 *
 * A query is a fixed string, or a Perl-compatible regular expression
 * (PCRE2, with UTF and UCP, matched line by line as grep does) when compiled with
 * SEARCH_REGEX (the reader also takes a leading "~" as a regex prefix; see
 * search_compile).  Smart case: the search ignores case unless the query
 * holds a capital letter (ASCII, Latin, Greek, Cyrillic or Armenian); a
 * caseless fixed string that is not ASCII is matched by PCRE2 as a
 * literal, so that "минск" finds "Минск".  Queries longer than SEARCH_MAX
 * bytes, empty queries and bad expressions are refused with a message.
 *
 * A fixed query of figures with thousands separators or none ("9,000",
 * "9 000", "9000") finds the number written any of those ways, and only
 * whole: "9000" is not found in "19000" or "9000.5".
 *
 * PCRE2 runs each match under SEARCH_MATCH_LIMIT backtracking steps and
 * SEARCH_HEAP_KIB of heap; a match that hits a limit stops the search,
 * which says so (search_limited(), search_stop_message()): it is never
 * reported as "no match".
 *
 * Lifecycle: search_init(), search_compile() (again to replace the query),
 * search_release().  Matches are byte ranges into the text searched; an
 * expression that can match the empty string only finds non-empty matches.
 */
#ifndef LECTERN_SEARCH_H
#define LECTERN_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "corpus/corpus.h"

#define SEARCH_MAX 4096
#define SEARCH_SNIPPET 40      /* bytes of context kept each side of a hit */
/* One search_find(), search_all() or search_corpus() call stops after
 * SEARCH_BUDGET_MS (checked between matches); one match stops at PCRE2's
 * limits. */
#define SEARCH_BUDGET_MS 2000
#define SEARCH_MATCH_LIMIT 10000000
#define SEARCH_HEAP_KIB 65536

enum {
	SEARCH_REGEX = 1,      /* PCRE2 rather than a fixed string */
	SEARCH_PREFIX = 2,     /* a leading "~" makes the query a regex */
};

struct search {
	bool ready;            /* a query is compiled */
	bool regex, icase;
	char *pat;             /* the fixed string or the expression */
	size_t len;
	size_t anchor, anchor2; /* its two rarest bytes (the same one when it has one byte), where scans look first */
	bool number;           /* a fixed query of figures ("9,000", "9 000",
				* "9000"): matches the number in any of
				* those written forms; pat holds its digits */
	struct search_rx *rx;  /* the PCRE2 form (search.c), or NULL */
	bool stopped;          /* the last search_all() or search_corpus() ran out
				 * of time (SEARCH_BUDGET_MS) or into a PCRE2 limit;
				 * its results are partial */
};

struct search_hit {
	size_t source;         /* index into corpus sources */
	size_t start, end;     /* the match */
	size_t snip_start, snip_end; /* context around it, on character boundaries */
};

/* The hit [a, b) in source's text t[0..n), with SEARCH_SNIPPET bytes of
 * context each side, moved inwards to character boundaries. */
struct search_hit search_hit_at(size_t source, const char *t, size_t n, size_t a, size_t b);

void search_init(struct search *s);
void search_release(struct search *s);
/* Compiles q[0..n).  Returns 0, or -1 with a message in err (s is then
 * not ready). */
int search_compile(struct search *s, const char *q, size_t n, unsigned flags,
		   struct strbuf *err);
/* First match at or after from in t[0..n): true with [*ms, *me).  Safe
 * to call from several threads on one search. */
bool search_find(const struct search *s, const char *t, size_t n, size_t from,
		 size_t *ms, size_t *me);
/* search_find(), and *late set when it stopped because the time
 * (SEARCH_BUDGET_MS from this call) ran out rather than for want of a
 * match. */
bool search_find_late(const struct search *s, const char *t, size_t n, size_t from,
		      size_t *ms, size_t *me, bool *late);
/* Last match starting before from: true with [*ms, *me). */
bool search_find_back(const struct search *s, const char *t, size_t n,
		      size_t from, size_t *ms, size_t *me);
/* Every match of t, as spans in *out (caller frees); returns how many
 * (sets s->stopped when the time ran out). */
size_t search_all(struct search *s, const char *t, size_t n,
		  struct span **out);
/* Every match in every text, at most max; texts that cannot be read are
 * named in err (the search goes on).  *out is freed by the caller. */
size_t search_corpus(struct corpus *c, struct search *s, size_t max,
		     struct search_hit **out, struct strbuf *err);
/* (search_corpus() says in err when it ran out of time or into a limit,
 * and sets s->stopped.) */

/* True when a match ran into a PCRE2 limit since the search was compiled
 * (or since the last search_all() or search_corpus()). */
bool search_limited(const struct search *s);
/* Why a search stopped early, for a message (a static string). */
const char *search_stop_message(const struct search *s);

#endif
