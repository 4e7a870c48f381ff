/*
 * cli/search: `lectern search [--count] [--repeat N] QUERY`, a corpus-wide
 * search from the command line (smart case; a leading "~" makes QUERY a
 * regular expression).  Prints, per source with a match, "FILE:COUNT"
 * (--count, like rg -c) or one "FILE:OFFSET:snippet" line per match.
 * --repeat N answers the query N times: the first by reading every text
 * (and building the search index from them), the others from the index,
 * with each query's time on stderr; the output is printed once.
 * Returns 0 when something matched, 1 when nothing did, 2 on a usage or
 * read error.
 */
#ifndef LECTERN_CMD_SEARCH_H
#define LECTERN_CMD_SEARCH_H

#include "corpus/corpus.h"
#include "cli/cli.h"

int cmd_search(struct corpus *c, const struct cli_args *a);

#endif
