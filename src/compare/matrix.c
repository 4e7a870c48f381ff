/* matrix: rows, cells, row status, column order and headings of the
 * Compare matrix, gathered from the engine's verdicts. */
#include "compare/matrix.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "corpus/json.h"

/* Which verdict a cell or row shows when its pairs differ. */
static int rank(enum verdict v)
{
	static const int r[VERDICT_COUNT] = {
		[VERDICT_NONE] = 0, [VERDICT_AGREE] = 1, [VERDICT_TIMELINE] = 2,
		[VERDICT_MEASURE] = 3, [VERDICT_DIFFER] = 4, [VERDICT_CONFLICT] = 5,
		[VERDICT_MIXED] = 4,
	};
	return (unsigned)v < VERDICT_COUNT ? r[v] : 0;
}

/* Gathers the pairs of topic t between different sources that touch
 * source s (every source when s is (size_t)-1) and claim (any when -1). */
static enum verdict gather_claim(const struct cmp_model *m, size_t t, size_t s, long claim,
				 bool *unmatched)
{
	const struct cmp_topic *tp = &m->topics[t];
	enum verdict worst = VERDICT_NONE;
	bool related = false;

	for (size_t p = 0; p < tp->npairs; p++) {
		const struct cmp_pair *pr = &tp->pairs[p];
		size_t sa = m->c->claims[pr->a].source, sb = m->c->claims[pr->b].source;
		if (sa == sb || (s != (size_t)-1 && sa != s && sb != s))
			continue;
		if (claim >= 0 && pr->a != (size_t)claim && pr->b != (size_t)claim)
			continue;
		related = true;
		if (pr->v.by_values && rank(pr->v.v) > rank(worst))
			worst = pr->v.v;
	}
	if (unmatched)
		*unmatched = related && worst == VERDICT_NONE;
	return worst;
}

static enum verdict gather(const struct cmp_model *m, size_t t, size_t s, bool *unmatched)
{
	return gather_claim(m, t, s, -1, unmatched);
}

char matrix_claim_mark(const struct cmp_model *m, size_t t, size_t claim)
{
	struct matrix_cell cell = { .first = (long)claim, .nclaims = 1 };

	cell.v = gather_claim(m, t, (size_t)-1, (long)claim, &cell.unmatched);
	return matrix_cell_mark(&cell);
}

void matrix_cell(const struct cmp_model *m, size_t t, size_t s, struct matrix_cell *out)
{
	const struct cmp_topic *tp = &m->topics[t];

	out->first = -1;
	out->nclaims = 0;
	for (size_t k = 0; k < tp->nclaims; k++)
		if (m->c->claims[tp->claims[k]].source == s) {
			if (out->first < 0)
				out->first = (long)tp->claims[k];
			out->nclaims++;
		}
	out->v = out->nclaims ? gather(m, t, s, &out->unmatched) : VERDICT_NONE;
	if (!out->nclaims)
		out->unmatched = false;
}

char matrix_cell_mark(const struct matrix_cell *cell)
{
	if (!cell->nclaims)
		return MATRIX_MARK_EMPTY;
	if (cell->unmatched)
		return MATRIX_MARK_UNMATCHED;
	return verdict_mark(cell->v);
}

enum verdict matrix_status(const struct cmp_model *m, size_t t, bool *unmatched)
{
	return gather(m, t, (size_t)-1, unmatched);
}

enum verdict matrix_curated(const struct cmp_topic *t)
{
	return !t->automatic && t->curated_status ? verdict_parse(t->curated_status)
		: VERDICT_NONE;
}

bool matrix_is_conflict(const struct cmp_model *m, size_t t)
{
	return matrix_status(m, t, NULL) == VERDICT_CONFLICT ||
		matrix_curated(&m->topics[t]) == VERDICT_CONFLICT;
}

size_t matrix_rows(const struct cmp_model *m, bool conflicts_only, size_t *out)
{
	size_t n = 0;

	for (size_t t = 0; t < m->ntopics; t++)
		if (!conflicts_only || matrix_is_conflict(m, t))
			out[n++] = t;
	return n;
}

const char *matrix_order_name(enum matrix_order o)
{
	static const char *const names[MATRIX_ORDER_COUNT] = { "date", "outlet", "claims" };
	return (unsigned)o < MATRIX_ORDER_COUNT ? names[o] : "?";
}

static const struct corpus *order_corpus;
static enum matrix_order order_by;

static int by_order(const void *pa, const void *pb)
{
	const struct source *a = &order_corpus->sources[*(const size_t *)pa];
	const struct source *b = &order_corpus->sources[*(const size_t *)pb];
	int r = 0;

	if (order_by == MATRIX_BY_DATE) {
		r = !a->published - !b->published;
		if (!r && a->published)
			r = strcmp(a->published, b->published);
	} else if (order_by == MATRIX_BY_OUTLET) {
		struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
		matrix_abbrev(a, &x);
		matrix_abbrev(b, &y);
		r = strcmp(x.buf, y.buf);
		sb_release(&x);
		sb_release(&y);
	} else {
		r = (a->nclaims < b->nclaims) - (a->nclaims > b->nclaims);
	}
	return r ? r : strcmp(a->id, b->id);
}

void matrix_columns(const struct corpus *c, enum matrix_order o, size_t *out)
{
	for (size_t i = 0; i < c->nsources; i++)
		out[i] = i;
	order_corpus = c;
	order_by = o;
	qsort(out, c->nsources, sizeof *out, by_order);
}

/* The value of the digits at t[*i..] with thousands separators (',' or
 * one space between groups of three) and a decimal comma or point; *i
 * moves past them. */
static double read_number(const char *t, size_t *i)
{
	double v = 0, frac = 0, scale = 1;
	bool dec = false;
	size_t j = *i;

	while (t[j]) {
		if (ascii_isdigit((unsigned char)t[j])) {
			if (dec)
				frac += (t[j] - '0') / (scale *= 10);
			else
				v = v * 10 + (t[j] - '0');
			j++;
		} else if ((t[j] == ',' || t[j] == ' ' || t[j] == '.') && !dec &&
			   ascii_isdigit((unsigned char)t[j + 1])) {
			size_t k = j + 1;
			while (ascii_isdigit((unsigned char)t[k]))
				k++;
			if (k - j - 1 == 3 && t[j] != '.' && !(t[j] == ',' && ascii_isdigit((unsigned char)t[k])))
				j++;                /* a thousands separator */
			else if (t[j] != ' ')
				dec = true, j++;    /* a decimal point or comma */
			else
				break;
		} else {
			break;
		}
	}
	*i = j;
	return v + frac;
}

static const char *const lead_words[] = {
	"about", "around", "some", "nearly", "almost", "roughly", "approximately",
	"over", "under", "than", "least", "to",
};

/* Appends the number as the claim's text writes it, with a word before it
 * that qualifies it and the unit after it; false when the text does not
 * hold the number in figures. */
static bool as_written(const char *t, const struct value *v, struct strbuf *out)
{
	double want = v->has_low && v->qualifier && !strcmp(v->qualifier, "range") ? v->low : v->num;

	for (size_t i = 0; t[i]; i++) {
		if (!ascii_isdigit((unsigned char)t[i]) || (i && ascii_isalnum((unsigned char)t[i - 1])))
			continue;
		size_t st = i, en = i;
		double got = read_number(t, &en);
		if (got < want - 1e-9 || got > want + 1e-9) {
			i = en ? en - 1 : i;
			continue;
		}
		/* a range "40-50" or "40–50" */
		if (t[en] == '-' && ascii_isdigit((unsigned char)t[en + 1])) {
			en++;
			read_number(t, &en);
		} else if (!strncmp(t + en, "\xe2\x80\x93", 3) && ascii_isdigit((unsigned char)t[en + 3])) {
			en += 3;
			read_number(t, &en);
		}
		/* the word before, when it qualifies the number */
		size_t ws = st;
		bool qualified = v->qualifier && strcmp(v->qualifier, "exact") &&
			strcmp(v->qualifier, "range");
		if (qualified && ws >= 2 && t[ws - 1] == ' ') {
			size_t b = ws - 1;
			while (b > 0 && ascii_isalpha((unsigned char)t[b - 1]))
				b--;
			for (size_t k = 0; k < sizeof lead_words / sizeof lead_words[0]; k++)
				if (strlen(lead_words[k]) == ws - 1 - b &&
				    !strncasecmp(t + b, lead_words[k], ws - 1 - b)) {
					st = b;
					if (k >= 9 && b >= 2) {   /* "more than", "at least", "up to" */
						size_t a = b - 1;
						while (a > 0 && ascii_isalpha((unsigned char)t[a - 1]))
							a--;
						st = a;
					}
				}
		}
		sb_add(out, t + st, en - st);
		/* the unit: the next word when it starts like the index's unit */
		const char *unit = v->unit;
		if (t[en] == '%' || (unit && !strcmp(unit, "percent"))) {
			sb_addch(out, '%');
		} else if (unit && *unit) {
			size_t w = en;
			if (t[w] == ' ' || t[w] == '-')
				w++;
			size_t we = w;
			while (ascii_isalpha((unsigned char)t[we]))
				we++;
			size_t ul = strlen(unit) < 3 ? strlen(unit) : 3;
			if (we > w && we - w >= ul && !strncasecmp(t + w, unit, ul))
				sb_addf(out, " %.*s", (int)(we - w), t + w);
			else
				sb_addf(out, " %s", unit);
		}
		return true;
	}
	return false;
}

void matrix_written(const struct corpus *c, size_t i, struct strbuf *out)
{
	const struct claim *cl = &c->claims[i];

	size_t before = out->len;

	/* figures first, dates after: a cut cell keeps the figure */
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < cl->nvalues; k++) {
			const struct value *v = &cl->values[k];
			if ((v->type == VALUE_DATE) != (pass == 1))
				continue;
			if (out->len > before)
				sb_addstr(out, "; ");
			if (v->type == VALUE_DATE && v->date && !strchr(v->date, '/'))
				sb_addstr(out, v->date);
			else if (v->type == VALUE_DATE || !cl->text || !as_written(cl->text, v, out))
				value_format(out, v);
		}
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

static bool filler(const char *w, size_t n)
{
	static const char *const words[] = { "the", "a", "an" };

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == n && !strncasecmp(w, words[i], n))
			return true;
	return false;
}

/* Letters, digits and every byte of a UTF-8 sequence make words. */
static bool in_word(char ch)
{
	return (unsigned char)ch >= 0x80 || ascii_isalnum((unsigned char)ch);
}

/* Splits p into words of ASCII letters and digits (camelCase splits too);
 * returns how many (at most max), fillers left out. */
static size_t words(const char *p, const char **w, size_t *wl, size_t max)
{
	size_t n = 0;

	while (*p && n < max) {
		while (*p && !in_word(*p))
			p++;
		const char *st = p;
		if (*p)
			p++;
		while (in_word(*p) &&
		       !(ascii_isupper((unsigned char)*p) && ascii_islower((unsigned char)p[-1])))
			p++;
		if (p > st && !filler(st, (size_t)(p - st))) {
			w[n] = st;
			wl[n++] = (size_t)(p - st);
		}
	}
	return n;
}

void matrix_abbrev(const struct source *s, struct strbuf *out)
{
	const char *w[8];
	size_t wl[8], before = out->len;
	size_t nw = words(s->outlet ? s->outlet : "", w, wl, 8);

	if (!nw)
		nw = words(s->id, w, wl, 8);
	if (nw >= 2) {
		for (size_t i = 0; i < nw && out->len - before < 5; i++)
			if (ascii_isalnum((unsigned char)w[i][0]))
				sb_addch(out, (char)ascii_toupper((unsigned char)w[i][0]));
	} else if (nw == 1) {
		for (size_t i = 0; i < wl[0] && i < 4 && ascii_isalnum((unsigned char)w[0][i]); i++)
			sb_addch(out, (char)ascii_toupper((unsigned char)w[0][i]));
	}
	if (out->len == before)
		sb_addstr(out, s->id);
}
