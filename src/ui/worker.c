/* worker: a long build of the core in a thread, one at a time (worker.h). */
#include "ui/worker.h"

#include <signal.h>
#include <time.h>

static pthread_mutex_t core_lock = PTHREAD_MUTEX_INITIALIZER;

static void *run(void *arg)
{
	struct worker *w = arg;

	pthread_mutex_lock(&core_lock);
	w->job(w->arg);
	pthread_mutex_unlock(&core_lock);
	atomic_store(&w->finished, true);
	return NULL;
}

bool worker_start(struct worker *w, void (*job)(void *), void *arg, int wait_ms)
{
	sigset_t all, old;
	struct timespec until;

	w->job = job;
	w->arg = arg;
	atomic_store(&w->finished, false);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int rc = pthread_create(&w->tid, NULL, run, w);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc) {
		run(w);
		return true;
	}
	w->running = true;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_nsec += (long)wait_ms * 1000000L;
	until.tv_sec += until.tv_nsec / 1000000000L;
	until.tv_nsec %= 1000000000L;
	if (pthread_timedjoin_np(w->tid, NULL, &until) == 0)
		w->running = false;
	return !w->running;
}

bool worker_done(struct worker *w)
{
	if (w->running && atomic_load(&w->finished)) {
		pthread_join(w->tid, NULL);
		w->running = false;
	}
	return !w->running;
}

void worker_join(struct worker *w)
{
	if (w->running) {
		pthread_join(w->tid, NULL);
		w->running = false;
	}
}
