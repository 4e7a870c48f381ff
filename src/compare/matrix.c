/* matrix: rows, row status and column headings of the Compare matrix. */
#include "compare/matrix.h"

#include <string.h>
#include <strings.h>

#include "base/text.h"

enum verdict matrix_status(const struct cmp_topic *t)
{
	if (!t->automatic && t->curated_status) {
		enum verdict v = verdict_parse(t->curated_status);
		if (v != VERDICT_NONE)
			return v;
	}
	return t->status;
}

bool matrix_is_conflict(const struct cmp_topic *t)
{
	return matrix_status(t) == VERDICT_CONFLICT || t->status == VERDICT_CONFLICT;
}

size_t matrix_rows(const struct cmp_model *m, bool conflicts_only, size_t *out)
{
	size_t n = 0;

	for (size_t t = 0; t < m->ntopics; t++)
		if (!conflicts_only || matrix_is_conflict(&m->topics[t]))
			out[n++] = t;
	return n;
}

static bool filler(const char *w, size_t n)
{
	static const char *const words[] = { "the", "a", "an" };

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == n && !strncasecmp(w, words[i], n))
			return true;
	return false;
}

void matrix_date(const struct source *s, struct strbuf *out)
{
	if (!s->published) {
		sb_addstr(out, "undated");
		return;
	}
	sb_addstr(out, s->published);
	if (source_guessed(s, "published"))
		sb_addch(out, '?');
}

void matrix_abbrev(const struct source *s, struct strbuf *out)
{
	const char *w[8];
	size_t wl[8], nw = 0;
	const char *p = s->outlet ? s->outlet : "";
	size_t before = out->len;

	while (*p && nw < 8) {
		while (*p == ' ')
			p++;
		const char *st = p;
		while (*p && *p != ' ')
			p++;
		if (p > st && !filler(st, (size_t)(p - st))) {
			w[nw] = st;
			wl[nw++] = (size_t)(p - st);
		}
	}
	if (nw >= 2) {
		for (size_t i = 0; i < nw && out->len - before < 5; i++)
			if (ascii_isalnum((unsigned char)w[i][0]))
				sb_addch(out, (char)ascii_toupper((unsigned char)w[i][0]));
	} else if (nw == 1 && ascii_isalnum((unsigned char)w[0][0])) {
		/* camelCase: the first letter and the capitals ("openDemocracy") */
		sb_addch(out, w[0][0]);
		for (size_t i = 1; i < wl[0] && out->len - before < 5; i++)
			if (ascii_isupper((unsigned char)w[0][i]))
				sb_addch(out, w[0][i]);
		if (out->len - before == 1) {
			sb_setlen(out, before);
			for (size_t i = 0; i < wl[0] && i < 4 && ascii_isalnum((unsigned char)w[0][i]); i++)
				sb_addch(out, w[0][i]);
		}
	}
	if (out->len == before)
		sb_addstr(out, s->id);
}
