/*
 * cmd_compare: the comparison commands.
 *   compare [TOPIC]       topics, their claims, pairwise verdicts, status
 *   export                claims and the topic-by-source matrix as
 *                         --format csv, json or md
 *   eval-compare          how well automatic topics recover the curated
 *                         ones (exit 1 below the targets)
 *   bench-align [N]       aligns N synthetic claims, reports time and memory
 * Each returns an exit code (0, 1 invalid or below target, 2 usage).
 */
#ifndef LECTERN_CMD_COMPARE_H
#define LECTERN_CMD_COMPARE_H

#include "cli.h"
#include "corpus.h"

int cmd_compare(struct corpus *c, const struct cli_args *a);
int cmd_export(struct corpus *c, const struct cli_args *a);
int cmd_eval_compare(struct corpus *c, const struct cli_args *a);
/* The source of cur holding the text of source i of c (same SHA-256, else
 * the same original file name, else the same id), or -1. */
long eval_match_source(const struct corpus *c, size_t i, const struct corpus *cur);
/* Needs no corpus. */
int cmd_bench_align(const struct cli_args *a);

/* Targets that eval-compare checks. */
#define EVAL_MIN_RECALL 0.8
#define EVAL_MIN_PRECISION 0.7
#define EVAL_MIN_VERDICTS 0.8

#endif
