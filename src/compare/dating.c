/* dating: publication months for undated articles, from their likest claims. */
#include "compare/dating.h"

#include <stdlib.h>

#include "base/calendar.h"
#include "base/util.h"

struct vote {
	long day;
	double w;
};

static int cmp_vote(const void *x, const void *y)
{
	const struct vote *a = x, *b = y;
	return (a->day > b->day) - (a->day < b->day);
}

static bool source_dated(const struct corpus *c, size_t s)
{
	return c->sources[s].published && c->sources[s].published[0];
}

/* The time claim j speaks of, as a day; false when it has none. */
static bool claim_day(const struct cmp_model *m, size_t j, long *day)
{
	const struct cmp_claim_values *v = &m->vals[j];
	for (size_t k = 0; k < v->n; k++)
		if (v->v[k].kind == NORM_DATE && v->v[k].lo > -1e9 && v->v[k].hi < 1e9) {
			*day = (long)((v->v[k].lo + v->v[k].hi) / 2);
			return true;
		}
	long f, l;
	enum norm_prec p;
	const char *pub = m->c->sources[m->c->claims[j].source].published;
	if (!pub || norm_date_parse(pub, &f, &l, &p) < 0)
		return false;
	*day = (f + l) / 2;
	return true;
}

void dating_guess(const struct cmp_model *m, struct dating_guess *out)
{
	const struct corpus *c = m->c;
	struct vote *votes = xmalloc((c->nclaims ? c->nclaims : 1) * sizeof *votes);
	for (size_t s = 0; s < c->nsources; s++) {
		struct dating_guess *g = &out[s];
		g->ok = false;
		g->year = g->month = 0;
		g->votes = 0;
		if (source_dated(c, s))
			continue;
		size_t nv = 0;
		double total = 0;
		for (size_t k = 0; k < c->sources[s].nclaims; k++) {
			size_t i = c->sources[s].claims[k];
			long j = m->closest[i], day;
			if (j < 0 || m->closest_w[i] < DATING_MIN_LIKENESS ||
			    !source_dated(c, c->claims[j].source) || !claim_day(m, (size_t)j, &day))
				continue;
			votes[nv].day = day;
			votes[nv].w = m->closest_w[i];
			total += votes[nv].w;
			nv++;
		}
		g->votes = nv;
		if (nv < DATING_MIN_VOTES)
			continue;
		qsort(votes, nv, sizeof *votes, cmp_vote);
		double acc = 0;
		size_t at = nv - 1;
		for (size_t k = 0; k < nv; k++) {
			acc += votes[k].w;
			if (acc >= 0.75 * total) {
				at = k;
				break;
			}
		}
		int d;
		cal_civil(votes[at].day, &g->year, &g->month, &d);
		g->ok = true;
	}
	free(votes);
}
