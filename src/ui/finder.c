/*
 * finder: the corpus-wide search (F) run in slices between key polls, and
 * the search index built the same way once the first search is over.
 *
 * finder_start() replaces the hits with those of ui->hits_search and
 * starts reading texts: all of them, or, once the index is complete, only
 * the sources it names.  app_loop calls finder_step() whenever no key is
 * waiting and finder_busy() is true; each step reads FINDER_SLICE texts,
 * adds hits (up to FINDER_MAX_HITS; a hit's text is kept by its source so
 * that the results can show it) and says how far it got in the status
 * line.  A key stops a running search (finder_key); the index build goes
 * on between keys.
 */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "search/scan.h"
#include "search/sindex.h"
#include "ui/tui.h"

#define FINDER_SLICE 64        /* texts read between two key polls */
#define FINDER_MAX_HITS 10000

struct finder {
	bool searching, indexing;
	struct search_job job;     /* the search, while searching */
	struct search_job build;   /* the index build, while indexing */
	bool build_started;
	struct sindex *index;      /* complete once !indexing and non-NULL */
	bool index_ready;
	uint32_t *counts;
	unsigned char *only;
	size_t alloc;
	size_t hits_alloc;
};

static struct finder *get(struct ui *ui)
{
	if (!ui->finder)
		ui->finder = xcalloc(1, sizeof *ui->finder);
	return ui->finder;
}

void finder_free(struct ui *ui)
{
	struct finder *f = ui->finder;
	if (!f)
		return;
	if (f->searching)
		search_job_release(&f->job);
	if (f->build_started)
		search_job_release(&f->build);
	sindex_free(f->index);
	free(f->counts);
	free(f->only);
	free(f);
	ui->finder = NULL;
}

bool finder_busy(struct ui *ui)
{
	return ui->finder && (ui->finder->searching || ui->finder->indexing);
}

static bool add_hits(void *ctx, size_t i, const char *t, size_t n)
{
	struct ui *ui = ctx;
	struct source *s = &ui->c->sources[i];
	size_t at = 0, a, b;
	bool kept = s->text != NULL;

	while (ui->nhits < FINDER_MAX_HITS && search_find(&ui->hits_search, t, n, at, &a, &b)) {
		if (!kept) {   /* the results show the hit's text */
			char *copy = xmalloc(n + 1);
			memcpy(copy, t, n);
			copy[n] = '\0';
			s->text = copy;
			s->text_len = n;
			t = copy;
			kept = true;
		}
		if (ui->nhits == ui->finder->hits_alloc) {
			ui->finder->hits_alloc = ui->nhits ? 2 * ui->nhits : 64;
			ui->hits = xrealloc(ui->hits, ui->finder->hits_alloc * sizeof *ui->hits);
		}
		ui->hits[ui->nhits++] = search_hit_at(i, t, n, a, b);
		at = b > a ? b : a + 1;
	}
	return ui->nhits < FINDER_MAX_HITS;
}

static void search_done(struct ui *ui, bool stopped)
{
	struct finder *f = ui->finder;
	struct search_job *j = &f->job;

	if (j->nerr)
		ui_message(ui, true, "%zu text%s could not be read: %s", j->nerr,
			   j->nerr == 1 ? "" : "s", j->err.buf);
	else if (stopped)
		ui_message(ui, false, "search stopped after %zu of %zu sources: %zu hit%s",
			   j->next, ui->c->nsources, ui->nhits, ui->nhits == 1 ? "" : "s");
	else if (!ui->nhits)
		ui_message(ui, true, "0 hits: no text holds \"%s\"", ui->hits_query.buf);
	else
		ui_message(ui, false, "%zu hit%s in the corpus%s", ui->nhits,
			   ui->nhits == 1 ? "" : "s",
			   ui->nhits >= FINDER_MAX_HITS ? " (the first ones)" : "");
	search_job_release(j);
	f->searching = false;
	ui->panes[PANE_RESULTS].dirty = true;
	if (!f->index && !f->indexing && ui->c->nsources) {   /* index for next time */
		f->index = sindex_new(ui->c->nsources);
		search_job_init(&f->build, ui->c, NULL);
		f->build_started = f->indexing = true;
	}
}

void finder_start(struct ui *ui)
{
	struct finder *f = get(ui);
	size_t n = ui->c->nsources ? ui->c->nsources : 1;
	const unsigned char *only = NULL;

	if (f->searching)
		search_job_release(&f->job);
	free(ui->hits);
	ui->hits = NULL;
	ui->nhits = 0;
	f->hits_alloc = 0;
	ui->panes[PANE_RESULTS].cur = ui->panes[PANE_RESULTS].top = 0;
	ui->panes[PANE_RESULTS].dirty = true;
	if (f->index_ready) {
		if (f->alloc < n) {
			f->counts = xrealloc(f->counts, n * sizeof *f->counts);
			f->only = xrealloc(f->only, n);
			f->alloc = n;
		}
		if (sindex_query(f->index, &ui->hits_search, f->counts) != SINDEX_SCAN) {
			for (size_t i = 0; i < ui->c->nsources; i++)
				f->only[i] = f->counts[i] != 0;
			only = f->only;
		}
	}
	search_job_init(&f->job, ui->c, only);
	f->searching = true;
	finder_step(ui);
}

static bool feed_index(void *ctx, size_t i, const char *t, size_t n)
{
	sindex_add(ctx, i, t, n);
	return true;
}

void finder_step(struct ui *ui)
{
	struct finder *f = ui->finder;
	size_t total = ui->c->nsources;

	if (!f)
		return;
	if (f->searching) {
		size_t before = ui->nhits;
		if (search_job_step(&f->job, FINDER_SLICE, add_hits, ui)) {
			search_done(ui, false);
		} else {
			ui_message(ui, false, "searching: %zu of %zu sources, %zu hit%s (a key stops)",
				   f->job.next, total, ui->nhits, ui->nhits == 1 ? "" : "s");
		}
		if (ui->nhits != before)
			ui->panes[PANE_RESULTS].dirty = true;
		if (!before && ui->nhits && ui->focus != PANE_RESULTS)
			ui_focus(ui, PANE_RESULTS);
		return;
	}
	if (f->indexing) {
		if (search_job_step(&f->build, FINDER_SLICE, feed_index, f->index)) {
			search_job_release(&f->build);
			f->build_started = f->indexing = false;
			f->index_ready = true;
			ui_message(ui, false, "search index ready: %zu words in %zu sources",
				   sindex_words(f->index), sindex_sources(f->index));
		} else if (!ui->msg.len ||
			   !strncmp(ui->msg.buf, "indexing", 8)) {
			ui_message(ui, false, "indexing for search: %zu%% (%zu of %zu sources)",
				   f->build.next * 100 / (total ? total : 1), f->build.next, total);
		}
	}
}

void finder_key(struct ui *ui)
{
	if (ui->finder && ui->finder->searching)
		search_done(ui, true);
}
