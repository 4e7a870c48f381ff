/*
 * fuzz_wrap: the line wrapper on raw text and on the sanitiser's output.
 * The first byte picks the width (0..255, 0 counting as 1), the second the
 * ASCII mode; the rest is the text.  Checked: the table starts at 0, its
 * starts increase strictly, each lies on
 * a glyph boundary within the text; a line without TAB is at most the
 * width in columns (not counting the space or LF it broke at) unless it
 * holds a single glyph wider than the width; wrap_line_of() finds the
 * line of every start; wrapping is the same at the same width twice.
 */
#include "fuzz.h"
#include "base/text.h"
#include "search/wrap.h"

static void check_wrap(const char *s, size_t n, int width, bool ascii)
{
	struct wrap w, w2;
	struct text_iter it;
	struct glyph g;
	int eff = width < 1 ? 1 : width;

	wrap_init(&w);
	wrap_build(&w, s, n, width, ascii);
	FUZZ_ASSERT(w.n >= 1 && w.starts[0] == 0 && w.len == n);
	for (size_t i = 1; i < w.n; i++) {
		FUZZ_ASSERT(w.starts[i] <= n);
		FUZZ_ASSERT(w.starts[i] > w.starts[i - 1]);
	}
	/* glyph boundaries: every start is where some glyph begins or n */
	size_t li = 1;
	text_iter_init(&it, s, n, ascii);
	while (text_iter_next(&it, &g)) {
		while (li < w.n && w.starts[li] < g.off + g.len) {
			FUZZ_ASSERT(w.starts[li] == g.off);
			li++;
		}
	}
	for (; li < w.n; li++)
		FUZZ_ASSERT(w.starts[li] == n);

	for (size_t i = 0; i < w.n; i++) {
		size_t a, b;
		wrap_line(&w, i, &a, &b);
		FUZZ_ASSERT(a <= b && b <= n);
		FUZZ_ASSERT(wrap_line_of(&w, a) == i);
		int cols = 0, wide = 0, last_space = 0;
		bool tab = false;
		text_iter_init(&it, s + a, b - a, ascii);
		while (text_iter_next(&it, &g)) {
			last_space = 0;
			if (g.kind == GLYPH_TAB)
				tab = true;
			if (g.kind == GLYPH_NEWLINE)
				continue;
			if (g.kind == GLYPH_SPACE)
				last_space = g.width;
			cols += g.width;
			if (g.width > 0 && g.kind != GLYPH_SPACE)
				wide++;
		}
		cols -= last_space;
		if (!tab && cols > eff && wide != 1)
			fprintf(stderr, "fuzz_wrap: line %zu [%zu, %zu) is %d columns, width %d\n",
				i, a, b, cols, eff);
		if (!tab)
			FUZZ_ASSERT(cols <= eff || wide == 1);
	}
	wrap_init(&w2);
	wrap_build(&w2, s, n, width, ascii);
	FUZZ_ASSERT(w2.n == w.n && !memcmp(w.starts, w2.starts, w.n * sizeof *w.starts));
	wrap_release(&w2);
	wrap_release(&w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int width = data[0];
	bool ascii = data[1] & 1;
	const char *s = (const char *)data + 2;
	size_t n = size - 2;

	check_wrap(s, n, width, ascii);
	struct strbuf sb = STRBUF_INIT;
	text_sanitize(&sb, s, n, SANITIZE_NEWLINES | (ascii ? SANITIZE_ASCII : 0));
	check_wrap(sb.buf ? sb.buf : "", sb.len, width, ascii);
	sb_release(&sb);
	return 0;
}
