/* wrap: the table of display-line starts for a text at one width. */
#include "search/wrap.h"

#include <stdlib.h>

#include "base/text.h"
#include "base/util.h"

void wrap_init(struct wrap *w)
{
	w->starts = NULL;
	w->n = w->alloc = w->len = 0;
	w->width = 0;
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

void wrap_build(struct wrap *w, const char *s, size_t n, int width, bool ascii)
{
	struct text_iter it;
	struct glyph g;
	int col = 0, col_after = 0;
	size_t brk = 0;          /* where a line may start after a space; 0: none */
	bool have_brk = false;

	if (width < 1)
		width = 1;
	w->n = 0;
	w->len = n;
	w->width = width;
	push(w, 0);
	text_iter_init(&it, s, n, ascii);
	while (text_iter_next(&it, &g)) {
		size_t next = g.off + g.len;
		if (g.kind == GLYPH_NEWLINE) {
			push(w, next);
			col = 0;
			have_brk = false;
			continue;
		}
		int gw = g.kind == GLYPH_TAB ? WRAP_TAB - col % WRAP_TAB : g.width;
		if (g.kind == GLYPH_SPACE || g.kind == GLYPH_TAB) {
			if (col + gw > width) {
				/* a space at the end of a line is swallowed */
				push(w, next);
				col = 0;
				have_brk = false;
				continue;
			}
			col += gw;
			brk = next;
			col_after = col;
			have_brk = true;
			continue;
		}
		if (col + gw > width && col > 0 && gw > 0) {
			if (have_brk && brk < g.off + 1 && brk > w->starts[w->n - 1]) {
				push(w, brk);
				col -= col_after;
			}
			/* what follows the space may still not fit with g */
			if (col + gw > width && col > 0) {
				push(w, g.off);
				col = 0;
			}
			have_brk = false;
		}
		col += gw;
	}
	/* a text ending with LF has no empty line after it */
	if (w->n > 1 && w->starts[w->n - 1] == n)
		w->n--;
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
