/*
 * cli/compare: the comparison commands.
 *   compare [TOPIC]       topics, their claims, pairwise verdicts, status
 *   (export is cli/export.h)
 *   eval-compare          how well automatic topics recover the curated
 *                         ones (exit 1 below the targets)
 *   bench-align [N]       aligns N synthetic claims, reports time and memory
 *   related [CLAIM]       each claim's counterparts across sources (related.c)
 * Each returns an exit code (0, 1 invalid or below target, 2 usage).
 */
#ifndef LECTERN_CMD_COMPARE_H
#define LECTERN_CMD_COMPARE_H

#include <cjson/cJSON.h>

#include "corpus/corpus.h"
#include "compare/normalize.h"
#include "cli/cli.h"

int cmd_compare(struct corpus *c, const struct cli_args *a);
/* A normalised value as compare --json gives it: kind, text, the interval
 * (low/high, or start/end for a date), precision, and the unit, counted
 * thing and event as stated.  The caller owns the object. */
cJSON *norm_json(const struct norm_value *n);
int cmd_eval_compare(struct corpus *c, const struct cli_args *a);
int cmd_related(struct corpus *c, const struct cli_args *a);
/* Needs no corpus. */
int cmd_bench_align(const struct cli_args *a);

/* Targets that eval-compare checks. */
#define EVAL_MIN_RECALL 0.8
#define EVAL_MIN_PRECISION 0.7
#define EVAL_MIN_VERDICTS 0.8

#endif
