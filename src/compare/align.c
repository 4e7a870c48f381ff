/* align: TF-IDF vectors, blocking, average-linkage grouping, labels. */
#include "compare/align.h"
#include "compare/alignvec.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pool.h"
#include "base/strbuf.h"
#include "base/util.h"
#include "compare/cluster.h"
#include "compare/measure.h"
#include "compare/reltime.h"
#include "compare/termdict.h"
#include "compare/terms.h"
#include "compare/verdict.h"

const struct align_params align_defaults = {
	.threshold = 0.12,
	.time_scale = 90,
	.published_scale = 1000,
};

#define MEASURE_GAP 31     /* days: the same measure further apart is another moment */
#define PUBLISHED_SLACK 31 /* days: a report may be of the weeks before it appeared */
#define EDGE_MIN 0.06      /* weaker candidate edges are dropped */
#define MAX_CANDIDATES 32 /* pairs scored per claim, best partial scores first */
#define CANNOT_LINK -1000.0
/* ---- times ---- */

struct when {
	long lo[ALIGN_MAX_TIMES], hi[ALIGN_MAX_TIMES];
	int n;
	bool dated;               /* from date values or the text, not the publication */
	bool from_text;           /* from the text's own words (reltime.h) */
};

static void when_of(const struct align_item *it, struct when *w)
{
	w->n = 0;
	w->dated = false;
	w->from_text = false;
	for (size_t k = 0; k < it->nvals && w->n < ALIGN_MAX_TIMES; k++)
		if (it->vals[k].kind == NORM_DATE) {
			w->lo[w->n] = (long)it->vals[k].lo;
			w->hi[w->n] = (long)it->vals[k].hi;
			w->n++;
			w->dated = true;
		}
	if (!w->n && it->text &&
	    reltime_find(it->text, strlen(it->text), it->published_lo, it->published_hi,
			 &w->lo[0], &w->hi[0])) {
		w->n = 1;
		w->dated = w->from_text = true;
	}
	if (!w->n && it->published_lo <= it->published_hi) {
		w->lo[0] = it->published_lo - PUBLISHED_SLACK;
		w->hi[0] = it->published_hi;
		w->n = 1;
	}
}

/* Smallest gap in days between any two of their times; -1 when unknown. */
static long when_gap(const struct when *a, const struct when *b)
{
	long best = -1;
	for (int i = 0; i < a->n; i++)
		for (int j = 0; j < b->n; j++) {
			long g = a->hi[i] < b->lo[j] ? b->lo[j] - a->hi[i]
			       : b->hi[j] < a->lo[i] ? a->lo[i] - b->hi[j] : 0;
			if (best < 0 || g < best)
				best = g;
		}
	return best;
}

/* Days between the first times of a and b (the moment each is mainly
 * about: "on October 10th ... what a larger force could not in March" is
 * of October); -1 when unknown. */
static long when_gap_first(const struct when *a, const struct when *b)
{
	if (!a->n || !b->n)
		return -1;
	return a->hi[0] < b->lo[0] ? b->lo[0] - a->hi[0] : b->hi[0] < a->lo[0] ? a->lo[0] - b->hi[0] : 0;
}

/* The k-th largest of acc[idx[0..n)] (k <= n), by quickselect on a copy. */
static float kth_largest(const float *acc, const uint32_t *idx, size_t n, size_t k, float *tmp)
{
	for (size_t i = 0; i < n; i++)
		tmp[i] = acc[idx[i]];
	size_t lo = 0, hi = n - 1, want = k - 1;
	while (lo < hi) {
		float pivot = tmp[lo + (hi - lo) / 2];
		size_t i = lo, j = hi;
		while (i <= j) {
			while (tmp[i] > pivot)
				i++;
			while (tmp[j] < pivot)
				j--;
			if (i <= j) {
				float t = tmp[i];
				tmp[i] = tmp[j];
				tmp[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (want <= j)
			hi = j;
		else if (want >= i)
			lo = i;
		else
			break;
	}
	return tmp[want];
}

/* ---- the run ---- */

/* Keeps b as a's closest item when it scores w higher (ties: smaller id). */
static void note_closest(struct align_result *out, const struct align_item *items,
			 size_t a, size_t b, double w)
{
	long c = out->closest[a];
	if (w > out->closest_w[a] ||
	    (w == out->closest_w[a] && c >= 0 && strcmp(items[b].id, items[c].id) < 0)) {
		out->closest[a] = (long)b;
		out->closest_w[a] = w;
	}
}

static const struct align_item *sort_items;

static int cmp_pos(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return strcmp(sort_items[a].id, sort_items[b].id);
}

/* One member's counted thing, for finding the one most members share. */
struct label_count {
	const char *s;
	size_t member;
};

static int cmp_count(const void *x, const void *y)
{
	const struct label_count *a = x, *b = y;
	int c = strcmp(a->s, b->s);
	return c ? c : a->member < b->member ? -1 : a->member > b->member;
}

/* Per term, while labelling one topic: the summed weight of the members
 * that use it, how many do, and the last member counted (+1, 0 none). */
struct label_scratch {
	double *w;
	size_t *in, *seen;
};

/* The label of the topic of members mem[0..n): the counted thing most
 * members share (two at least; ties: the first in byte order), else the
 * three plain terms with the highest summed weight that two members use.
 * Linear in the members' values and terms, but for sorting. */
static char *make_label(const struct align_item *items, const size_t *mem, size_t n,
			const struct vec *vecs, const size_t *pos_of, const struct termdict *d,
			struct label_scratch *sc)
{
	struct strbuf sb = STRBUF_INIT;
	/* the counted thing most members share */
	size_t nq = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < items[mem[i]].nvals; k++)
			nq += items[mem[i]].vals[k].counted != NULL;
	struct label_count *q = xmalloc((nq ? nq : 1) * sizeof *q);
	nq = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < items[mem[i]].nvals; k++)
			if (items[mem[i]].vals[k].counted)
				q[nq++] = (struct label_count){ items[mem[i]].vals[k].counted, i };
	if (nq)
		qsort(q, nq, sizeof *q, cmp_count);
	const char *best = NULL;
	size_t best_n = 1;
	for (size_t a = 0, b; a < nq; a = b) {
		size_t cnt = 1;
		for (b = a + 1; b < nq && !strcmp(q[b].s, q[a].s); b++)
			cnt += q[b].member != q[b - 1].member;
		if (cnt > best_n)      /* the first of equal counts is the least string */
			best = q[a].s, best_n = cnt;
	}
	free(q);
	if (best) {
		sb_addstr(&sb, best);
		return sb_detach(&sb, NULL);
	}
	/* else the three plain terms with the highest summed weight, summed
	 * over the members in their order */
	for (size_t j = 0; j < n; j++) {
		const struct vec *u = &vecs[pos_of[mem[j]]];
		for (size_t l = 0; l < u->n; l++) {
			uint32_t t = u->f[l].t;
			if (sc->seen[t] == j + 1)
				continue;      /* a member counts once */
			if (!sc->seen[t])
				sc->w[t] = 0, sc->in[t] = 0;
			sc->seen[t] = j + 1;
			sc->w[t] += u->f[l].w;
			sc->in[t]++;
		}
	}
	uint32_t top[3] = { 0 };
	double topw[3] = { 0 };
	for (size_t i = 0; i < n; i++) {
		const struct vec *v = &vecs[pos_of[mem[i]]];
		for (size_t k = 0; k < v->n; k++) {
			uint32_t t = v->f[k].t;
			if (d->terms[t][0] == 'e' && d->terms[t][1] == ':')
				continue;
			if (d->terms[t][1] == ':')
				continue;     /* k:, q:, t: features */
			double w = sc->w[t];
			if (sc->in[t] < 2 && n > 1)
				continue;
			bool dup = false;
			for (int s = 0; s < 3; s++)
				dup |= topw[s] > 0 && top[s] == t;
			if (dup)
				continue;
			for (int s = 0; s < 3; s++)
				if (w > topw[s] || (w == topw[s] && w > 0 && strcmp(d->terms[t], d->terms[top[s]]) < 0)) {
					for (int r = 2; r > s; r--)
						top[r] = top[r - 1], topw[r] = topw[r - 1];
					top[s] = t;
					topw[s] = w;
					break;
				}
		}
	}
	for (size_t j = 0; j < n; j++) {
		const struct vec *u = &vecs[pos_of[mem[j]]];
		for (size_t l = 0; l < u->n; l++)
			sc->seen[u->f[l].t] = 0;
	}
	for (int s = 0; s < 3; s++)
		if (topw[s] > 0)
			sb_addf(&sb, "%s%s", sb.len ? ", " : "", d->surface[top[s]]);
	if (!sb.len)
		sb_addstr(&sb, "(related claims)");
	return sb_detach(&sb, NULL);
}

static int cmp_topic(const void *x, const void *y)
{
	const struct align_topic *a = x, *b = y;
	return strcmp(sort_items[a->items[0]].id, sort_items[b->items[0]].id);
}

void align_run(const struct align_item *items, size_t n,
	       const struct align_params *p, struct align_result *out)
{
	struct termdict d;
	struct alignvec col;
	size_t *order = xmalloc((n ? n : 1) * sizeof *order);
	size_t *pos_of = xmalloc((n ? n : 1) * sizeof *pos_of);
	struct vec *vecs = xcalloc(n ? n : 1, sizeof *vecs);
	struct when *when = xcalloc(n ? n : 1, sizeof *when);
	struct measures *meas = xcalloc(n ? n : 1, sizeof *meas);
	struct measure *event = xcalloc(n ? n : 1, sizeof *event);

	if (!p)
		p = &align_defaults;


	memset(out, 0, sizeof *out);
	out->closest = xmalloc((n ? n : 1) * sizeof *out->closest);
	out->closest_w = xcalloc(n ? n : 1, sizeof *out->closest_w);
	for (size_t i = 0; i < n; i++)
		out->closest[i] = -1;
	termdict_init(&d);
	alignvec_init(&col, &d);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	sort_items = items;
	if (n)
		qsort(order, n, sizeof *order, cmp_pos);
	for (size_t i = 0; i < n; i++)
		pos_of[order[i]] = i;
	/* each position's source, at hand for the candidate loop */
	size_t *src = xmalloc((n ? n : 1) * sizeof *src);
	for (size_t i = 0; i < n; i++)
		src[i] = items[order[i]].source;

	/* vectors of raw weights, in id order so that term ids are stable */
	for (size_t i = 0; i < n; i++) {
		const struct align_item *it = &items[order[i]];
		when_of(it, &when[i]);
		struct norm_value tv = { .kind = NORM_DATE };
		if (when[i].from_text) {
			/* the time the words name, as a date value would give it */
			tv.lo = (double)when[i].lo[0];
			tv.hi = (double)when[i].hi[0];
			tv.prec = when[i].hi[0] - when[i].lo[0] > 31 ? PREC_YEAR : PREC_MONTH;
		}
		alignvec_claim(&col, it->text, it->vals, it->nvals,
			       when[i].from_text ? &tv : NULL, &vecs[i]);
		for (size_t k = 0; k < vecs[i].n; k++)
			d.df[vecs[i].f[k].t]++;
		measures_read(it->vals, it->nvals, &d, &d.pool, &meas[i]);
		measure_event(it->vals, it->nvals, &d, &d.pool, &event[i]);
	}
	/* TF-IDF, unit length */
	for (size_t i = 0; i < n; i++) {
		double norm = 0;
		for (size_t k = 0; k < vecs[i].n; k++) {
			struct feat *f = &vecs[i].f[k];
			double idf = log(1.0 + (double)n / d.df[f->t]);
			f->w = (float)((f->w > 1 ? 1.0 + log(f->w) : f->w) * idf);
			norm += (double)f->w * f->w;
		}
		norm = sqrt(norm);
		for (size_t k = 0; k < vecs[i].n && norm > 0; k++)
			vecs[i].f[k].w = (float)(vecs[i].f[k].w / norm);
	}

	/* inverted index on every term, positions ascending */
	size_t *start = xcalloc(d.n + 1, sizeof *start);
	for (size_t t = 0; t < d.n; t++)
		start[t + 1] = start[t] + d.df[t];
	uint32_t *post = xmalloc((start[d.n] ? start[d.n] : 1) * sizeof *post);
	float *post_w = xmalloc((start[d.n] ? start[d.n] : 1) * sizeof *post_w);
	size_t *fill = xcalloc(d.n ? d.n : 1, sizeof *fill);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < vecs[i].n; k++) {
			uint32_t t = vecs[i].f[k].t;
			post_w[start[t] + fill[t]] = vecs[i].f[k].w;
			post[start[t] + fill[t]++] = (uint32_t)i;
		}
	free(fill);

	/* blocking: candidates share one of the item's key terms */
	size_t maxdf = termdict_block_df(n, 1, 40);
	float *acc = xcalloc(n ? n : 1, sizeof *acc);
	float *scratch = xmalloc((n ? n : 1) * sizeof *scratch);
	uint32_t *touched = xmalloc((n ? n : 1) * sizeof *touched);
	struct cluster_edge *edges = NULL;
	size_t ne = 0, ealloc = 0;
	for (size_t i = 0; i < n; i++) {
		struct feat key[ALIGN_KEYS];
		size_t nkey = 0, ntouched = 0;
		for (size_t k = 0; k < vecs[i].n; k++) {
			struct feat f = vecs[i].f[k];
			if (d.df[f.t] < 2 || d.df[f.t] > maxdf)
				continue;
			size_t s = nkey < ALIGN_KEYS ? nkey++ : ALIGN_KEYS;
			while (s > 0 && (key[s - 1].w < f.w || (key[s - 1].w == f.w && key[s - 1].t > f.t))) {
				if (s < ALIGN_KEYS)
					key[s] = key[s - 1];
				s--;
			}
			if (s < ALIGN_KEYS)
				key[s] = f;
		}
		/* partial scores over the key terms pick the pairs worth scoring */
		for (size_t k = 0; k < nkey; k++) {
			uint32_t t = key[k].t;
			out->npostings += start[t + 1] - start[t];
			for (size_t q = start[t]; q < start[t + 1]; q++) {
				uint32_t j = post[q];
				float add = key[k].w * post_w[q];
				if (j == i || !(add > 0))
					continue;     /* acc[j] == 0 must mean "not touched" */
				if (acc[j] == 0)
					touched[ntouched++] = j;
				acc[j] += add;
			}
		}
		float cut = ntouched > MAX_CANDIDATES ?
			kth_largest(acc, touched, ntouched, MAX_CANDIDATES, scratch) : 0;
		size_t taken = 0;
		for (size_t k = 0; k < ntouched; k++) {
			uint32_t j = touched[k];
			float partial = acc[j];
			acc[j] = 0;
			/* the best-scored candidates only (ties by position) */
			if (partial < cut || (partial == cut && taken >= MAX_CANDIDATES))
				continue;
			taken++;
			out->ncandidates++;
			long gap = when_gap(&when[i], &when[j]);
			double w;
			if (measures_other_moment(&meas[i], &meas[j], when_gap_first(&when[i], &when[j]),
						  MEASURE_GAP)) {
				w = CANNOT_LINK;
			} else if (src[i] == src[j]) {
				continue;     /* one source's likeness groups nothing */
			} else {
				w = alignvec_dot(&vecs[i], &vecs[j]);
				/* dates of one event are the thing compared, not a
				 * sign of two moments */
				bool one_event = measure_within(&event[i], &event[j]);
				if (gap > 0 && !one_event) {
					double sc = when[i].dated && when[j].dated ?
						p->time_scale : p->published_scale;
					w /= 1.0 + (double)gap / sc;
				}
				note_closest(out, items, order[i], order[j], w);
				note_closest(out, items, order[j], order[i], w);
				if (w < EDGE_MIN)
					continue;
			}
			if (ne == ealloc) {
				ealloc = ealloc ? 2 * ealloc : 1024;
				edges = xrealloc(edges, ealloc * sizeof *edges);
			}
			edges[ne].a = (uint32_t)(i < j ? i : j);
			edges[ne].b = (uint32_t)(i < j ? j : i);
			edges[ne].w = w;
			ne++;
		}
	}
	free(acc);
	free(scratch);
	free(touched);
	/* each pair once; the array no larger than that */
	ne = cluster_edges_unique(edges, ne);
	edges = xrealloc(edges, (ne ? ne : 1) * sizeof *edges);

	uint32_t *root = xmalloc((n ? n : 1) * sizeof *root);
	cluster_average(edges, ne, n, p->threshold, root);
	free(edges);

	/* groups of two sources or more become topics */
	size_t *members = xmalloc((n ? n : 1) * sizeof *members);
	size_t *head = xmalloc((n ? n : 1) * sizeof *head);
	for (size_t i = 0; i < n; i++)
		head[i] = (size_t)-1;
	size_t *next = xmalloc((n ? n : 1) * sizeof *next);
	for (size_t i = n; i-- > 0;) {
		next[i] = head[root[i]];
		head[root[i]] = i;
	}
	size_t talloc = 0;
	struct label_scratch sc = {
		xmalloc((d.n ? d.n : 1) * sizeof *sc.w),
		xmalloc((d.n ? d.n : 1) * sizeof *sc.in),
		xcalloc(d.n ? d.n : 1, sizeof *sc.seen),
	};
	for (size_t r = 0; r < n; r++) {
		if (root[r] != r)
			continue;
		size_t m = 0;
		bool two = false;
		for (size_t i = head[r]; i != (size_t)-1; i = next[i]) {
			members[m++] = order[i];
			if (items[order[i]].source != items[order[head[r]]].source)
				two = true;
		}
		if (!two)
			continue;
		if (out->ntopics == talloc) {
			talloc = talloc ? 2 * talloc : 16;
			out->topics = xrealloc(out->topics, talloc * sizeof *out->topics);
		}
		struct align_topic *t = &out->topics[out->ntopics++];
		t->items = xmalloc(m * sizeof *t->items);
		memcpy(t->items, members, m * sizeof *t->items);
		t->nitems = m;
		t->label = make_label(items, t->items, m, vecs, pos_of, &d, &sc);
	}
	free(sc.w);
	free(sc.in);
	free(sc.seen);
	if (out->ntopics)
		qsort(out->topics, out->ntopics, sizeof *out->topics, cmp_topic);

	free(members);
	free(head);
	free(next);
	free(root);
	free(post);
	free(post_w);
	free(start);
	for (size_t i = 0; i < n; i++)
		free(vecs[i].f);
	free(vecs);
	free(when);
	free(meas);
	free(event);
	free(order);
	free(pos_of);
	free(src);
	alignvec_release(&col);
	termdict_release(&d);
}

void align_release(struct align_result *r)
{
	for (size_t i = 0; i < r->ntopics; i++) {
		free(r->topics[i].items);
		free(r->topics[i].label);
	}
	free(r->topics);
	free(r->closest);
	free(r->closest_w);
	memset(r, 0, sizeof *r);
}

bool align_other_moment(const struct align_item *a, const struct align_item *b)
{
	struct when wa, wb;
	struct termdict d;
	struct pool pool;
	struct measures ma, mb;
	when_of(a, &wa);
	when_of(b, &wb);
	termdict_init(&d);
	pool_init(&pool);
	measures_read(a->vals, a->nvals, &d, &pool, &ma);
	measures_read(b->vals, b->nvals, &d, &pool, &mb);
	bool apart = measures_other_moment(&ma, &mb, when_gap_first(&wa, &wb), MEASURE_GAP);
	pool_release(&pool);
	termdict_release(&d);
	return apart;
}
