/*
 * progress: the one progress line of long commands (see progress.h):
 * stage, done/total, rate and time left, at most 10 redraws a second.
 */
#include "base/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "base/util.h"

struct progress {
	const char *stage, *unit;
	size_t total;
	double start, last;   /* seconds, monotonic */
};

static bool quiet;

void progress_quiet(bool q)
{
	quiet = q;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void draw(struct progress *p, size_t done, double t)
{
	double secs = t - p->start;
	double rate = secs > 0 ? (double)done / secs : 0;
	char left[48] = "";

	if (rate > 0 && done < p->total) {
		size_t rest = (size_t)((double)(p->total - done) / rate + 0.5);
		if (rest < 60)
			snprintf(left, sizeof left, ", %zu s left", rest);
		else
			snprintf(left, sizeof left, ", %zu min %02zu s left", rest / 60, rest % 60);
	}
	fprintf(stderr, "\r\033[K%s: %zu/%zu %s, %.0f/s%s", p->stage, done, p->total,
		p->unit, rate, left);
	fflush(stderr);
	p->last = t;
}

struct progress *progress_start(const char *stage, const char *unit, size_t total)
{
	if (quiet || !isatty(STDERR_FILENO))
		return NULL;
	struct progress *p = xcalloc(1, sizeof *p);
	p->stage = stage;
	p->unit = unit;
	p->total = total;
	p->start = now();
	draw(p, 0, p->start);
	return p;
}

void progress_step(struct progress *p, size_t done)
{
	if (!p)
		return;
	double t = now();
	if (t - p->last >= 0.1)
		draw(p, done, t);
}

void progress_end(struct progress *p)
{
	if (!p)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	free(p);
}
