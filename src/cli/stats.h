/*
 * cli/stats: the `lectern stats` command: loads the corpus (through the cache,
 * as the reader does) and reports what it cost, one "key: value" a line:
 * counts, the index size, how the cache served the load and where it is,
 * the model's bytes, resident memory now (/proc/self/statm) and at its peak
 * (VmHWM in /proc/self/status), and CPU time.  The benchmarks time it as
 * "open"; the scale tests read its cache line.
 */
#ifndef LECTERN_STATS_H
#define LECTERN_STATS_H

#include "corpus/corpus.h"
#include "cli/cli.h"

int stats_run(struct corpus *c, const struct cli_args *a);

#endif
