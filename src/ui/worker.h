/*
 * worker: one long build of the core (a comparison model, the related
 * index) run by a thread while the loop goes on answering keys.  No curses
 * here.
 *
 * One build at a time: every worker's job runs under one lock, because the
 * core keeps tables it builds on first use (stop words); a second worker
 * started meanwhile waits in its thread, never in the loop.
 *
 * Contract: worker_start() starts job(arg) with every signal blocked in
 * the thread, waits up to wait_ms for it and returns true when it has
 * finished (joined) by then; without a thread it runs the job at once and
 * returns true.  The loop then polls worker_done(), which joins a job that
 * has finished.  The job may read what the loop reads (the corpus) but
 * writes only what arg points to; the loop reads that after worker_done()
 * or worker_join().  A job still running when the reader quits cannot be
 * stopped: the process must then exit without freeing what the job reads.
 */
#ifndef LECTERN_UI_WORKER_H
#define LECTERN_UI_WORKER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

struct worker {
	pthread_t tid;
	bool running;          /* started and not yet joined (the loop's view) */
	atomic_bool finished;  /* set by the thread when job returns */
	void (*job)(void *);
	void *arg;
};

bool worker_start(struct worker *w, void (*job)(void *), void *arg, int wait_ms);
/* Whether no job runs (joining one that has finished). */
bool worker_done(struct worker *w);
/* Waits for the job to finish. */
void worker_join(struct worker *w);

#endif
