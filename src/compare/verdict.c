/* verdict: pairwise value comparison and topic status. */
#include "compare/verdict.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"
#include "compare/desc.h"

const char *verdict_name(enum verdict v)
{
	static const char *const names[] = {
		"none", "agree", "differ", "conflict", "different-measure",
		"timeline", "mixed", "related",
	};
	return (unsigned)v < VERDICT_COUNT ? names[v] : "none";
}

char verdict_mark(enum verdict v)
{
	static const char marks[] = " =~!#>*?";
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

/* The value's canonical unit (values made by hand may lack it). */
static const char *canon(const struct norm_value *v)
{
	return v->canon ? v->canon : norm_unit_canon(v->unit);
}

/* The casualty fate (desc.h) a count's unit or counted thing names. */
static int read_fate(const struct norm_value *v)
{
	int f = v->counted ? desc_fate(v->counted) : 0;
	return f ? f : v->unit ? desc_fate(v->unit) : 0;
}

static int fate(const struct norm_value *v)
{
	return v->described ? v->fate : read_fate(v);
}

void verdict_describe(struct norm_value *v, struct desc_table *t)
{
	v->dcounted = desc_table_read(t, v->counted);
	v->dabout = desc_table_read(t, v->about);
	v->fate = read_fate(v);
	v->described = true;
}

bool verdict_same_measure(const struct norm_value *a, const struct norm_value *b)
{
	int pa, pb;
	if (a->kind != b->kind)
		return false;
	if (norm_is_day(a)) {
		if (!a->about || !b->about)
			return true;
		return a->described && b->described ? desc_same_terms(a->dabout, b->dabout)
		       : desc_same(a->about, b->about, &pa, &pb);
	}
	if (a->kind == NORM_COUNT) {
		int fa = fate(a), fb = fate(b);
		if (fa && fb)
			return fa == fb;   /* "dead" / "people killed"; never dead / missing */
		if (fa || fb)
			return false;
	}
	if (a->counted && b->counted)
		return a->described && b->described ? desc_same_terms(a->dcounted, b->dcounted)
		       : desc_same(a->counted, b->counted, &pa, &pb);
	if (a->kind == NORM_DURATION)
		return false;
	if ((a->kind == NORM_COUNT || a->kind == NORM_MONEY) && a->unit && b->unit)
		return !strcasecmp(canon(a), canon(b));
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

/* An exact whole figure whose last digit is not a rounding zero: 7, 49,
 * 1,312; not 2,400, "about 7" or 7.5. */
static bool unrounded(const struct norm_value *v)
{
	return v->prec == PREC_EXACT && v->lo == v->hi && fabs(v->point) < 1e9 &&
	       v->point == floor(v->point) && fmod(v->point, 10) != 0;
}

enum verdict verdict_values(const struct norm_value *a, const struct norm_value *b,
			    bool *complement)
{
	double blo = b->lo, bhi = b->hi;
	bool blo_x = excl_low(b), bhi_x = excl_high(b);
	*complement = false;
	if (a->kind == NORM_PERCENT && a->counted && b->counted) {
		int pa, pb;
		bool same;
		if (a->described && b->described) {
			same = desc_same_terms(a->dcounted, b->dcounted);
			pa = a->dcounted->polarity;
			pb = b->dcounted->polarity;
		} else {
			same = desc_same(a->counted, b->counted, &pa, &pb);
		}
		if (same && pa && pb && pa != pb) {
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
	if (norm_is_day(a)) {
		double wa = a->hi - a->lo + 1, wb = b->hi - b->lo + 1;
		double w = wa > wb ? wa : wb;
		return gap <= (w > 7 ? w : 7) ? VERDICT_DIFFER : VERDICT_CONFLICT;
	}
	if (a->kind == NORM_PERCENT)
		return gap <= 10 ? VERDICT_DIFFER : VERDICT_CONFLICT;
	if (a->kind == NORM_MAGNITUDE || a->kind == NORM_AGE)   /* a step, a birthday */
		return gap <= 1 ? VERDICT_DIFFER : VERDICT_CONFLICT;
	/* two exact counts with units digits of their own, which no rounding
	 * explains (seven ships against eight), are incompatible however close */
	if (a->kind == NORM_COUNT && unrounded(a) && unrounded(b))
		return VERDICT_CONFLICT;
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

/* 1 when a and b, not the same measure, are one once a compound counts as
 * its head ("earthquake" / "quake"): a match by kind only, which may agree
 * or differ but never conflict; else 0.  Fates must still be one. */
static int heads_only(const struct norm_value *a, const struct norm_value *b)
{
	return a->kind == b->kind && !norm_is_day(a) && a->counted && b->counted &&
	       fate(a) == fate(b) &&
	       (a->described && b->described ? desc_same_heads_terms(a->dcounted, b->dcounted)
					     : desc_same_heads(a->counted, b->counted));
}

/* How well two values of one kind match as one measure: 0 not the same
 * measure, 1 the same by kind only, 2 both say what they count (a counted
 * thing, or for counts the same count noun). */
static int match_quality(const struct norm_value *a, const struct norm_value *b)
{
	/* one day named on both sides, whatever each says it is of ("the
	 * quake struck October 8" / "the earthquake occurred on October 8") */
	if (norm_is_day(a) && a->kind == b->kind && a->lo == a->hi && b->lo == b->hi &&
	    a->lo == b->lo && !verdict_same_measure(a, b))
		return 1;
	if (!verdict_same_measure(a, b))
		return heads_only(a, b);
	if (norm_is_day(a))
		return a->about && b->about ? 2 : 1;
	if (a->counted && b->counted)
		return 2;
	if (a->kind == NORM_COUNT && fate(a))
		return 2;     /* both name one fate: "dead" and "people killed" */
	if (a->kind != NORM_COUNT)
		return 1;     /* a unit of scale (km, USD, kg) says not what is measured */
	const char *ua = canon(a), *ub = canon(b);
	/* "people" says not who: killed, injured and evacuated are all people */
	static const char *const generic[] = { "people", "persons", "person", "individuals",
		"others", "more", NULL };
	for (const char *const *g = generic; ua && *g; g++)
		if (!strcasecmp(ua, *g))
			return 1;
	return ua && ub && !strcasecmp(ua, ub) ? 2 : 1;
}

struct best {
	int q, sev;              /* quality, 4 - severity: higher is better */
	int i, j;
	enum verdict v;
	bool complement, loose;
};

/* Weighs the value pair (i, j): keeps it in *b when it matches better. */
static void weigh(const struct norm_value *a, const struct norm_value *b, int i, int j,
		  struct best *bp, bool *measure, bool *timeline)
{
	if (a->kind != b->kind)
		return;
	int q = match_quality(a, b);
	if (!q) {
		if (!norm_is_day(a))
			*measure = true;
		else if (!overlaps(a, b))
			*timeline = true;
		return;
	}
	bool c;
	enum verdict v = verdict_values(a, b, &c);
	int sev = 4 - severity(v);
	if (q > bp->q || (q == bp->q && sev > bp->sev)) {
		bp->q = q;
		bp->sev = sev;
		bp->i = i;
		bp->j = j;
		bp->v = v;
		bp->complement = c;
		bp->loose = norm_is_day(a) && (!a->about || !b->about);
	}
}

struct keyed {
	int kind;
	double point;
	int j;
};

static int by_point(const void *x, const void *y)
{
	const struct keyed *a = x, *b = y;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->point != b->point)
		return a->point < b->point ? -1 : 1;
	return a->j - b->j;
}

/* Above this many value pairs, each value of a meets only the values of b
 * of its kind nearest to it (VERDICT_NEAR each side): two claims of 20,000
 * values cost 20,000 binary searches, not 4x10^8 comparisons. */
#define VERDICT_ALL_PAIRS 4096
#define VERDICT_NEAR 2

void verdict_claims(const struct norm_value *a, size_t na,
		    const struct norm_value *b, size_t nb, struct verdict_pair *out)
{
	bool measure = false, timeline = false;
	struct best bp = { .q = 0, .sev = -1, .i = -1, .j = -1, .v = VERDICT_NONE };
	memset(out, 0, sizeof *out);
	out->ia = out->ib = -1;
	bool all = nb == 0 || na <= VERDICT_ALL_PAIRS / nb;
	if (all) {
		for (size_t i = 0; i < na; i++)
			for (size_t j = 0; j < nb; j++)
				weigh(&a[i], &b[j], (int)i, (int)j, &bp, &measure, &timeline);
	} else {
		struct keyed *ord = xmalloc((nb ? nb : 1) * sizeof *ord);
		for (size_t j = 0; j < nb; j++)
			ord[j] = (struct keyed){ (int)b[j].kind, b[j].point, (int)j };
		qsort(ord, nb, sizeof *ord, by_point);
		for (size_t i = 0; i < na; i++) {
			size_t lo = 0, hi = nb;   /* first of ord not before a[i] */
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				const struct keyed *m = &ord[mid];
				if (m->kind < (int)a[i].kind ||
				    (m->kind == (int)a[i].kind && m->point < a[i].point))
					lo = mid + 1;
				else
					hi = mid;
			}
			size_t from = lo > VERDICT_NEAR ? lo - VERDICT_NEAR : 0;
			for (size_t k = from; k < nb && k < lo + VERDICT_NEAR; k++)
				weigh(&a[i], &b[ord[k].j], (int)i, ord[k].j, &bp, &measure,
				      &timeline);
		}
		free(ord);
	}
	if (bp.i >= 0) {
		enum verdict v = bp.v;
		/* far apart with no word of what they are of: two moments */
		if (bp.loose && v == VERDICT_CONFLICT) {
			timeline = true;
		} else {
			/* a conflict needs both values to say what they measure */
			if (v == VERDICT_CONFLICT && bp.q < 2)
				v = VERDICT_DIFFER;
			out->v = v;
			out->ia = bp.i;
			out->ib = bp.j;
			out->complement = bp.complement;
			out->by_values = true;
			return;
		}
	}
	if (measure)
		out->v = VERDICT_MEASURE;
	else if (timeline)
		out->v = VERDICT_TIMELINE;
	else
		out->v = VERDICT_RELATED;
}

bool verdict_running(const struct norm_value *v)
{
	/* running totals: counts, masses, money; not shares, lengths or dates */
	return v->kind == NORM_COUNT || v->kind == NORM_MASS || v->kind == NORM_MONEY;
}

bool verdict_revised(const struct norm_value *v)
{
	/* an age grows, but an age at death stays */
	return verdict_running(v) || v->kind == NORM_MAGNITUDE ||
	       (v->kind == NORM_AGE && !(v->counted && desc_fate(v->counted) == DESC_DEAD));
}

void verdict_moment(struct verdict_pair *p, const struct norm_value *a,
		    const struct norm_value *b, long day_a, long day_b)
{
	if (!p->by_values || p->ia < 0 || p->ib < 0 || day_a < 0 || day_b < 0)
		return;
	const struct norm_value *x = &a[p->ia], *y = &b[p->ib];
	if (!verdict_revised(x) || day_a == day_b || x->point == y->point)
		return;
	/* a running total cannot fall: the later source's whole interval
	 * below the earlier's, by more than a twentieth, for one named measure
	 * (a reading such as a magnitude is revised either way) */
	const struct norm_value *early = day_a < day_b ? x : y, *late = day_a < day_b ? y : x;
	if (verdict_running(x) && match_quality(x, y) == 2 && isfinite(early->lo) && early->lo > 0 &&
	    late->hi < early->lo && (early->lo - late->hi) / early->lo > 0.05) {
		p->v = VERDICT_CONFLICT;
		p->fell = true;
		return;
	}
	if (p->v == VERDICT_DIFFER || p->v == VERDICT_CONFLICT ||
	    (p->v == VERDICT_AGREE && (x->prec == PREC_OPEN || y->prec == PREC_OPEN)))
		p->v = VERDICT_TIMELINE;
}

/* The value of b of one named measure with x (match quality 2) nearest
 * to it, or -1. */
static int nearest_named(const struct norm_value *x, const struct norm_value *b, size_t nb)
{
	int best = -1;
	double bd = 0;
	for (size_t j = 0; j < nb; j++) {
		if (b[j].kind != x->kind || match_quality(x, &b[j]) < 2)
			continue;
		double ref = fmax(1, fmax(fabs(x->point), fabs(b[j].point)));
		double d = fabs(x->point - b[j].point) / ref;
		if (best < 0 || d < bd)
			best = (int)j, bd = d;
	}
	return best;
}

bool verdict_named_conflict(const struct norm_value *a, size_t na,
			    const struct norm_value *b, size_t nb, long day_a, long day_b,
			    int *ia, int *ib)
{
	if (!na || !nb || na > VERDICT_ALL_PAIRS / nb)
		return false;
	for (size_t i = 0; i < na; i++) {
		int j = nearest_named(&a[i], b, nb);
		if (j < 0 || nearest_named(&b[j], a, na) != (int)i)
			continue;
		struct verdict_pair p = { .ia = 0, .ib = 0, .by_values = true };
		p.v = verdict_values(&a[i], &b[j], &p.complement);
		verdict_moment(&p, &a[i], &b[j], day_a, day_b);
		if (p.v == VERDICT_CONFLICT) {
			*ia = (int)i;
			*ib = j;
			return true;
		}
	}
	return false;
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
	return VERDICT_RELATED;
}
