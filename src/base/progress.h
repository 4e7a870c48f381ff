/*
 * progress: one line on stderr for long work ("check: 41200/100000
 * sources, 20600/s, 3 s left"), redrawn in place at most 10 times a second
 * and erased at the end.  Shown only when stderr is a terminal and
 * progress_quiet() was not called (--quiet); otherwise every call is a
 * cheap no-op, so callers need no test of their own.
 *
 * Use: p = progress_start(stage, unit, total); progress_step(p, done) as
 * often as convenient (from one thread); progress_end(p) once.  The stage
 * and unit are the program's own words (never corpus text).  A NULL p is
 * accepted everywhere.
 */
#ifndef LECTERN_PROGRESS_H
#define LECTERN_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

struct progress;

/* Turns every progress line off (for --quiet); call before starting. */
void progress_quiet(bool quiet);

/* Starts a line for total units of work; NULL when nothing is to be shown. */
struct progress *progress_start(const char *stage, const char *unit, size_t total);

/* Done units so far; redraws when a tenth of a second has passed. */
void progress_step(struct progress *p, size_t done);

/* Erases the line and frees p. */
void progress_end(struct progress *p);

#endif
