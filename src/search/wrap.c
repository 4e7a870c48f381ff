/* wrap: the table of display-line starts for a text at one width, built
 * whole, in slices, or as a window around one place. */
#include "search/wrap.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

void wrap_init(struct wrap *w)
{
	memset(w, 0, sizeof *w);
}

void wrap_release(struct wrap *w)
{
	free(w->starts);
	wrap_init(w);
}

static void push(struct wrap *w, size_t off)
{
	if (w->n == w->alloc) {
		w->alloc = w->alloc ? w->alloc * 2 : 256;
		w->starts = xrealloc(w->starts, w->alloc * sizeof *w->starts);
	}
	w->starts[w->n++] = off;
}

/* Starts a table at `from`, a line start, for s[0..n). */
static void start(struct wrap *w, const char *s, size_t n, size_t from, int width, bool ascii)
{
	w->n = 0;
	w->len = n;
	w->width = width < 1 ? 1 : width;
	w->col = w->col_after = 0;
	w->brk = 0;
	w->have_brk = false;
	push(w, from);
	text_iter_init(&w->it, s, n, ascii);
	w->it.off = from;
	w->done = from;
}

/* Wraps glyphs until the iterator passes stop or the table holds
 * max_lines lines; true at the end of the text. */
static bool run(struct wrap *w, size_t stop, size_t max_lines)
{
	struct glyph g;
	int width = w->width;

	while (w->it.off < stop && w->n < max_lines) {
		if (!text_iter_next(&w->it, &g)) {
			w->done = w->len;
			return true;
		}
		size_t next = g.off + g.len;
		w->done = next;
		if (g.kind == GLYPH_NEWLINE) {
			push(w, next);
			w->col = 0;
			w->have_brk = false;
			continue;
		}
		int gw = g.kind == GLYPH_TAB ? WRAP_TAB - w->col % WRAP_TAB : g.width;
		if (g.kind == GLYPH_SPACE || g.kind == GLYPH_TAB) {
			if (w->col + gw > width) {
				/* a space at the end of a line is swallowed */
				push(w, next);
				w->col = 0;
				w->have_brk = false;
				continue;
			}
			w->col += gw;
			w->brk = next;
			w->col_after = w->col;
			w->have_brk = true;
			continue;
		}
		if (w->col + gw > width && w->col > 0 && gw > 0) {
			if (w->have_brk && w->brk < g.off + 1 && w->brk > w->starts[w->n - 1]) {
				push(w, w->brk);
				w->col -= w->col_after;
			}
			/* what follows the space may still not fit with g */
			if (w->col + gw > width && w->col > 0) {
				push(w, g.off);
				w->col = 0;
			}
			w->have_brk = false;
		}
		w->col += gw;
	}
	if (w->it.off >= w->len)
		w->done = w->len;
	return w->it.off >= w->len;
}

/* The end of a table that reached the end of the text: a text ending
 * with LF has no empty line after it. */
static void finish(struct wrap *w)
{
	if (w->n > 1 && w->starts[w->n - 1] == w->len)
		w->n--;
}

void wrap_begin(struct wrap *w, const char *s, size_t n, int width, bool ascii)
{
	start(w, s, n, 0, width, ascii);
}

bool wrap_step(struct wrap *w, size_t bytes)
{
	if (wrap_complete(w))
		return true;
	size_t stop = w->it.off + (bytes ? bytes : 1);
	if (!run(w, stop < w->it.off ? (size_t)-1 : stop, (size_t)-1))
		return false;
	finish(w);
	return true;
}

bool wrap_complete(const struct wrap *w)
{
	return w->done >= w->len && w->it.off >= w->len;
}

void wrap_build(struct wrap *w, const char *s, size_t n, int width, bool ascii)
{
	wrap_begin(w, s, n, width, ascii);
	while (!wrap_step(w, (size_t)-1))
		;
}

void wrap_window(struct wrap *w, const char *s, size_t n, size_t from, size_t at,
		 size_t count, int width, bool ascii)
{
	start(w, s, n, from, width, ascii);
	/* to the line holding at: until a line starts past it */
	bool end = false;
	while (!end && w->starts[w->n - 1] <= at)
		end = run(w, (size_t)-1, w->n + 1);
	/* the line holding at is now n-2 (or the last, at the end) */
	if (!end)
		end = run(w, (size_t)-1, w->n + count);
	if (end) {
		finish(w);
		return;
	}
	/* the last start pushed begins a line not wrapped: it ends the window */
	w->len = w->starts[--w->n];
}

size_t wrap_para_start(const char *s, size_t off)
{
	size_t floor = off > WRAP_BACK ? off - WRAP_BACK : 0;
	size_t i = off;

	while (i > floor && s[i - 1] != '\n')
		i--;
	if (i > floor || i == 0 || s[i - 1] == '\n')
		return i;
	/* a long paragraph: from after a space near floor */
	while (i < off && s[i] != ' ')
		i++;
	return i < off ? i + 1 : floor;
}

size_t wrap_line_of(const struct wrap *w, size_t off)
{
	size_t lo = 0, hi = w->n;

	if (!w->n)
		return 0;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (w->starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void wrap_line(const struct wrap *w, size_t i, size_t *start, size_t *end)
{
	*start = w->starts[i];
	*end = i + 1 < w->n ? w->starts[i + 1] : w->len;
}
