/* verdict: pairwise value comparison and topic status. */
#include "compare/verdict.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"
#include "compare/desc.h"

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

bool verdict_same_measure(const struct norm_value *a, const struct norm_value *b)
{
	int pa, pb;
	if (a->kind != b->kind)
		return false;
	if (a->kind == NORM_DATE) {
		if (!a->about || !b->about)
			return true;
		return desc_same(a->about, b->about, &pa, &pb);
	}
	if (a->counted && b->counted)
		return desc_same(a->counted, b->counted, &pa, &pb);
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
		if (desc_same(a->counted, b->counted, &pa, &pb) && pa && pb && pa != pb) {
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
