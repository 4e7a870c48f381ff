/* verdict: pairwise value comparison and topic status. */
#include "verdict.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "terms.h"
#include "util.h"

#define MAX_TERMS 32

const char *verdict_name(enum verdict v)
{
	static const char *const names[] = {
		"none", "agree", "differ", "conflict", "different-measure",
		"timeline", "mixed",
	};
	return (unsigned)v < VERDICT_COUNT ? names[v] : "none";
}

char verdict_mark(enum verdict v)
{
	static const char marks[] = " =~!#>*";
	return (unsigned)v < VERDICT_COUNT ? marks[v] : ' ';
}

enum verdict verdict_parse(const char *s)
{
	if (!s)
		return VERDICT_NONE;
	for (int v = VERDICT_AGREE; v < VERDICT_COUNT; v++)
		if (!strcmp(s, verdict_name((enum verdict)v)))
			return (enum verdict)v;
	return VERDICT_NONE;
}

/* ---- descriptions ---- */

struct desc {
	char t[MAX_TERMS][24];
	size_t n;
	int polarity;        /* +1 for, -1 against, 0 neither */
};

/* prefixes of stems: "supporting" -> "support", "positive" -> "posit" */
static const char *const pos_words[] = { "support", "approv", "favo", "posit", "back" };
static const char *const neg_words[] = { "oppos", "against", "neg", "reject", "disapprov" };

int verdict_word_polarity(const char *w)
{
	for (size_t i = 0; i < ARRAY_SIZE(neg_words); i++)
		if (!strncmp(w, neg_words[i], strlen(neg_words[i])))
			return -1;
	for (size_t i = 0; i < ARRAY_SIZE(pos_words); i++)
		if (!strncmp(w, pos_words[i], strlen(pos_words[i])))
			return 1;
	return 0;
}

static void desc_add(void *ctx, const char *term, size_t len, const char *word,
		     size_t wlen, unsigned flags)
{
	struct desc *d = ctx;
	char w[24];
	(void)word;
	(void)wlen;
	(void)flags;
	if (len >= sizeof w)
		len = sizeof w - 1;
	memcpy(w, term, len);
	w[len] = '\0';
	int p = verdict_word_polarity(w);
	if (p) {
		d->polarity = p;
		return;
	}
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->t[i], w))
			return;
	if (d->n < MAX_TERMS)
		memcpy(d->t[d->n++], w, len + 1);
}

static void desc_read(struct desc *d, const char *s)
{
	memset(d, 0, sizeof *d);
	terms_scan(s, strlen(s), desc_add, d);
	/* "against" is a stop word, so look for it in the raw text too */
	if (!d->polarity) {
		char low[256];
		size_t n = strlen(s) < sizeof low - 1 ? strlen(s) : sizeof low - 1;
		for (size_t i = 0; i < n; i++)
			low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] | 0x20 : s[i]);
		low[n] = '\0';
		if (strstr(low, "against") || strstr(low, "negative"))
			d->polarity = -1;
	}
}

/* Terms of a missing from b. */
static size_t desc_extra(const struct desc *a, const struct desc *b)
{
	size_t n = 0;
	for (size_t i = 0; i < a->n; i++) {
		size_t j;
		for (j = 0; j < b->n; j++)
			if (!strcmp(a->t[i], b->t[j]))
				break;
		n += j == b->n;
	}
	return n;
}

static bool same_desc(const char *x, const char *y, int *polarity_x, int *polarity_y)
{
	struct desc a, b;
	desc_read(&a, x);
	desc_read(&b, y);
	*polarity_x = a.polarity;
	*polarity_y = b.polarity;
	return !verdict_desc_differ(a.n, desc_extra(&a, &b), b.n, desc_extra(&b, &a));
}

bool verdict_desc_differ(size_t na, size_t xa, size_t nb, size_t xb)
{
	size_t need_a = na <= 2 ? 1 : 2, need_b = nb <= 2 ? 1 : 2;
	return na && nb && xa >= need_a && xb >= need_b;
}

bool verdict_same_measure(const struct norm_value *a, const struct norm_value *b)
{
	int pa, pb;
	if (a->kind != b->kind)
		return false;
	if (a->kind == NORM_DATE) {
		if (!a->about || !b->about)
			return true;
		return same_desc(a->about, b->about, &pa, &pb);
	}
	if (a->counted && b->counted)
		return same_desc(a->counted, b->counted, &pa, &pb);
	if (a->kind == NORM_DURATION)
		return false;
	if (a->kind == NORM_COUNT && a->unit && b->unit)
		return !strcasecmp(a->unit, b->unit);
	return true;
}

/* Is the upper end of x below the lower end of y (no shared point)? */
static bool below(double xhi, bool xhi_excl, double ylo, bool ylo_excl)
{
	return xhi < ylo || (xhi == ylo && (xhi_excl || ylo_excl));
}

static bool excl_low(const struct norm_value *v)
{
	return v->qualifier && !strcasecmp(v->qualifier, "more than");
}

static bool excl_high(const struct norm_value *v)
{
	return v->qualifier && !strcasecmp(v->qualifier, "less than");
}

enum verdict verdict_values(const struct norm_value *a, const struct norm_value *b,
			    bool *complement)
{
	double blo = b->lo, bhi = b->hi;
	bool blo_x = excl_low(b), bhi_x = excl_high(b);
	*complement = false;
	if (a->kind == NORM_PERCENT && a->counted && b->counted) {
		int pa, pb;
		if (same_desc(a->counted, b->counted, &pa, &pb) && pa && pb && pa != pb) {
			blo = 100 - b->hi;
			bhi = 100 - b->lo;
			bool t = blo_x;
			blo_x = bhi_x;
			bhi_x = t;
			*complement = true;
		}
	}
	bool a_below = below(a->hi, excl_high(a), blo, blo_x);
	bool b_below = below(bhi, bhi_x, a->lo, excl_low(a));
	if (!a_below && !b_below)
		return VERDICT_AGREE;
	double gap = a_below ? blo - a->hi : a->lo - bhi;
	if (a->kind == NORM_DATE) {
		double wa = a->hi - a->lo + 1, wb = b->hi - b->lo + 1;
		double w = wa > wb ? wa : wb;
		return gap <= (w > 7 ? w : 7) ? VERDICT_DIFFER : VERDICT_CONFLICT;
	}
	if (a->kind == NORM_PERCENT)
		return gap <= 10 ? VERDICT_DIFFER : VERDICT_CONFLICT;
	double ref = fmax(fabs(a->point), fabs(b->point));
	if (isfinite(a->lo) && isfinite(a->hi))
		ref = fmax(ref, fmax(fabs(a->lo), fabs(a->hi)));
	if (isfinite(blo) && isfinite(bhi))
		ref = fmax(ref, fmax(fabs(blo), fabs(bhi)));
	return ref > 0 && gap / ref <= 0.25 ? VERDICT_DIFFER : VERDICT_CONFLICT;
}

static int severity(enum verdict v)
{
	switch (v) {
	case VERDICT_CONFLICT: return 3;
	case VERDICT_DIFFER: return 2;
	case VERDICT_AGREE: return 1;
	default: return 0;
	}
}

static bool overlaps(const struct norm_value *a, const struct norm_value *b)
{
	return !(a->hi < b->lo || b->hi < a->lo);
}

/* Values of x against the best same-measure value of y, into out: the
 * worst of them; with loose, only pairs of dates of which one does not say
 * what it is of, and the best of them (with several such dates, one may be
 * of another event); without, all other pairs. */
static void compare_side(const struct norm_value *x, size_t nx,
			 const struct norm_value *y, size_t ny, bool swap, bool loose,
			 struct verdict_pair *out, bool *measure, bool *timeline)
{
	for (size_t i = 0; i < nx; i++) {
		int best = -1, best_sev = -1;
		enum verdict bv = VERDICT_NONE;
		bool bc = false, any_kind = false;
		for (size_t j = 0; j < ny; j++) {
			if (x[i].kind != y[j].kind)
				continue;
			if (loose != (x[i].kind == NORM_DATE && (!x[i].about || !y[j].about)))
				continue;
			any_kind = true;
			if (!verdict_same_measure(&x[i], &y[j])) {
				if (x[i].kind != NORM_DATE)
					*measure = true;
				else if (!overlaps(&x[i], &y[j]))
					*timeline = true;
				continue;
			}
			bool c;
			enum verdict v = verdict_values(&x[i], &y[j], &c);
			/* the closest same-measure value is the one it speaks of */
			int sev = 4 - severity(v);
			if (sev > best_sev) {
				best_sev = sev;
				best = (int)j;
				bv = v;
				bc = c;
			}
		}
		(void)any_kind;
		if (best < 0)
			continue;
		if (!out->by_values || (loose ? severity(bv) < severity(out->v) :
					 severity(bv) > severity(out->v))) {
			out->v = bv;
			out->ia = swap ? best : (int)i;
			out->ib = swap ? (int)i : best;
			out->complement = bc;
		}
		out->by_values = true;
	}
}

void verdict_claims(const struct norm_value *a, size_t na,
		    const struct norm_value *b, size_t nb, struct verdict_pair *out)
{
	bool measure = false, timeline = false;
	memset(out, 0, sizeof *out);
	out->v = VERDICT_AGREE;
	out->ia = out->ib = -1;
	struct verdict_pair loose = *out;
	compare_side(a, na, b, nb, false, false, out, &measure, &timeline);
	compare_side(b, nb, a, na, true, false, out, &measure, &timeline);
	compare_side(a, na, b, nb, false, true, &loose, &measure, &timeline);
	compare_side(b, nb, a, na, true, true, &loose, &measure, &timeline);
	/* far apart with no word of what they are of: two moments, not a
	 * conflict over one */
	if (loose.by_values && loose.v == VERDICT_CONFLICT) {
		loose.by_values = false;
		timeline = true;
	}
	if (loose.by_values && (!out->by_values || severity(loose.v) > severity(out->v)))
		*out = loose;
	if (out->by_values)
		return;
	if (measure)
		out->v = VERDICT_MEASURE;
	else if (timeline)
		out->v = VERDICT_TIMELINE;
}

enum verdict verdict_status(const struct verdict_pair *p, size_t n)
{
	bool seen[VERDICT_COUNT] = { false };
	bool value_agree = false;
	if (!n)
		return VERDICT_NONE;
	for (size_t i = 0; i < n; i++) {
		seen[p[i].v] = true;
		if (p[i].v == VERDICT_AGREE && p[i].by_values)
			value_agree = true;
	}
	if (seen[VERDICT_CONFLICT])
		return VERDICT_CONFLICT;
	if (seen[VERDICT_DIFFER])
		return VERDICT_DIFFER;
	if (value_agree)
		return VERDICT_AGREE;
	if (seen[VERDICT_MEASURE])
		return VERDICT_MEASURE;
	if (seen[VERDICT_TIMELINE])
		return VERDICT_TIMELINE;
	return VERDICT_AGREE;
}
