/* align: TF-IDF vectors, blocking, average-linkage grouping, labels. */
#include "align.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "strbuf.h"
#include "terms.h"
#include "util.h"
#include "verdict.h"

const struct align_params align_defaults = {
	.threshold = 0.16,
	.time_scale = 90,
	.published_scale = 1000,
};

#define MEASURE_GAP 31     /* days: the same measure further apart is another moment */
#define EDGE_MIN 0.04      /* weaker candidate edges are dropped */
#define CANNOT_LINK -1000.0

struct feat {
	uint32_t t;
	float w;
};

struct vec {
	struct feat *f;
	size_t n;
};

struct dict {
	uint32_t *slots;          /* term id + 1 */
	size_t cap;
	char **terms;             /* by id, in the pool */
	char **surface;           /* first surface form seen */
	uint32_t *df;
	size_t n, alloc;
	struct pool pool;
};

static uint64_t hash_str(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static void dict_grow(struct dict *d)
{
	size_t cap = d->cap ? 2 * d->cap : 1024;
	uint32_t *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < d->cap; i++) {
		if (!d->slots[i])
			continue;
		const char *t = d->terms[d->slots[i] - 1];
		size_t k = hash_str(t, strlen(t)) & (cap - 1);
		while (slots[k])
			k = (k + 1) & (cap - 1);
		slots[k] = d->slots[i];
	}
	free(d->slots);
	d->slots = slots;
	d->cap = cap;
}

static uint32_t dict_id(struct dict *d, const char *s, size_t n, const char *surf, size_t sn)
{
	if (2 * (d->n + 1) > d->cap)
		dict_grow(d);
	size_t k = hash_str(s, n) & (d->cap - 1);
	while (d->slots[k]) {
		const char *t = d->terms[d->slots[k] - 1];
		if (!strncmp(t, s, n) && t[n] == '\0')
			return d->slots[k] - 1;
		k = (k + 1) & (d->cap - 1);
	}
	if (d->n == d->alloc) {
		d->alloc = d->alloc ? 2 * d->alloc : 1024;
		d->terms = xrealloc(d->terms, d->alloc * sizeof *d->terms);
		d->surface = xrealloc(d->surface, d->alloc * sizeof *d->surface);
		d->df = xrealloc(d->df, d->alloc * sizeof *d->df);
	}
	d->terms[d->n] = pool_strndup(&d->pool, s, n);
	d->surface[d->n] = surf ? pool_strndup(&d->pool, surf, sn) : d->terms[d->n];
	d->df[d->n] = 0;
	d->slots[k] = (uint32_t)d->n + 1;
	return (uint32_t)d->n++;
}

/* ---- features of one item ---- */

struct collect {
	struct dict *d;
	struct feat *f;
	size_t n, alloc;
	float weight;
	struct strbuf run;        /* the current run of capitalised terms */
	size_t run_len;
	struct strbuf run_surf;
};

static void add_feat(struct collect *c, uint32_t t, float w)
{
	if (c->n == c->alloc) {
		c->alloc = c->alloc ? 2 * c->alloc : 64;
		c->f = xrealloc(c->f, c->alloc * sizeof *c->f);
	}
	c->f[c->n].t = t;
	c->f[c->n].w = w;
	c->n++;
}

static void on_term(void *ctx, const char *term, size_t len, const char *word,
		    size_t wlen, unsigned flags)
{
	struct collect *c = ctx;
	uint32_t t = dict_id(c->d, term, len, word, wlen);
	add_feat(c, t, c->weight * (flags & TERM_CAP ? 1.5f : 1.0f));
	if (!(flags & TERM_CAP)) {
		sb_reset(&c->run);
		sb_reset(&c->run_surf);
		c->run_len = 0;
		return;
	}
	if (!c->run_len)
		sb_addstr(&c->run, "e:");
	else {
		sb_addch(&c->run, '_');
		sb_addch(&c->run_surf, ' ');
	}
	sb_add(&c->run, term, len);
	sb_add(&c->run_surf, word, wlen);
	c->run_len++;
	if (flags & TERM_RUN_END) {
		if (c->run_len >= 2)
			add_feat(c, dict_id(c->d, c->run.buf, c->run.len, c->run_surf.buf,
					    c->run_surf.len), c->weight);
		sb_reset(&c->run);
		sb_reset(&c->run_surf);
		c->run_len = 0;
	}
}

static void scan(struct collect *c, const char *s, float w)
{
	if (!s)
		return;
	c->weight = w;
	sb_reset(&c->run);
	sb_reset(&c->run_surf);
	c->run_len = 0;
	terms_scan(s, strlen(s), on_term, c);
}

static int cmp_feat(const void *a, const void *b)
{
	const struct feat *x = a, *y = b;
	return x->t < y->t ? -1 : x->t > y->t;
}

/* Sorts and merges duplicate terms: w becomes the summed raw frequency. */
static void vec_from(struct collect *c, struct vec *v)
{
	qsort(c->f, c->n, sizeof *c->f, cmp_feat);
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (k && c->f[k - 1].t == c->f[i].t)
			c->f[k - 1].w += c->f[i].w;
		else
			c->f[k++] = c->f[i];
	}
	v->n = k;
	v->f = xmalloc((k ? k : 1) * sizeof *v->f);
	memcpy(v->f, c->f, k * sizeof *v->f);
	c->n = 0;
}

static double dot(const struct vec *a, const struct vec *b)
{
	double s = 0;
	size_t i = 0, j = 0;
	while (i < a->n && j < b->n) {
		if (a->f[i].t < b->f[j].t)
			i++;
		else if (a->f[i].t > b->f[j].t)
			j++;
		else
			s += (double)a->f[i++].w * b->f[j++].w;
	}
	return s;
}

/* ---- times ---- */

struct when {
	long lo[ALIGN_MAX_TIMES], hi[ALIGN_MAX_TIMES];
	int n;
	bool dated;               /* from date values, not the publication */
};

static void when_of(const struct align_item *it, struct when *w)
{
	w->n = 0;
	w->dated = false;
	for (size_t k = 0; k < it->nvals && w->n < ALIGN_MAX_TIMES; k++)
		if (it->vals[k].kind == NORM_DATE) {
			w->lo[w->n] = (long)it->vals[k].lo;
			w->hi[w->n] = (long)it->vals[k].hi;
			w->n++;
			w->dated = true;
		}
	if (!w->n && it->published_lo <= it->published_hi) {
		w->lo[0] = it->published_lo;
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

/* Do they hold the same measure at different moments? */
static bool other_moment(const struct align_item *a, const struct align_item *b, long gap)
{
	if (gap <= MEASURE_GAP)
		return false;
	for (size_t i = 0; i < a->nvals; i++) {
		if (a->vals[i].kind == NORM_DATE)
			continue;
		for (size_t j = 0; j < b->nvals; j++)
			if (b->vals[j].kind == a->vals[i].kind &&
			    (a->vals[i].counted || b->vals[j].counted) &&
			    verdict_same_measure(&a->vals[i], &b->vals[j]))
				return true;
	}
	return false;
}

/* ---- edges and clustering ---- */

struct edge {
	uint32_t a, b;            /* positions in id order, a < b */
	double w;
};

static int cmp_edge(const void *x, const void *y)
{
	const struct edge *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

struct link {
	uint32_t to;
	double sum;
};

struct cluster {
	struct link *l;
	size_t n, alloc;
	size_t size;
	uint32_t version;
	uint32_t parent;          /* itself while alive */
};

struct cand {
	double avg;
	uint32_t a, b, va, vb;
};

struct heap {
	struct cand *c;
	size_t n, alloc;
};

static bool cand_before(const struct cand *x, const struct cand *y)
{
	if (x->avg != y->avg)
		return x->avg > y->avg;
	if (x->a != y->a)
		return x->a < y->a;
	return x->b < y->b;
}

static void heap_push(struct heap *h, struct cand c)
{
	if (h->n == h->alloc) {
		h->alloc = h->alloc ? 2 * h->alloc : 1024;
		h->c = xrealloc(h->c, h->alloc * sizeof *h->c);
	}
	size_t i = h->n++;
	while (i && cand_before(&c, &h->c[(i - 1) / 2])) {
		h->c[i] = h->c[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h->c[i] = c;
}

static struct cand heap_pop(struct heap *h)
{
	struct cand top = h->c[0], last = h->c[--h->n];
	size_t i = 0;
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		const struct cand *best = &last;
		if (l < h->n && cand_before(&h->c[l], best))
			m = l, best = &h->c[l];
		if (r < h->n && cand_before(&h->c[r], best))
			m = r;
		if (m == i)
			break;
		h->c[i] = h->c[m];
		i = m;
	}
	if (h->n)
		h->c[i] = last;
	return top;
}

static void link_add(struct cluster *c, uint32_t to, double sum)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->l[i].to == to) {
			c->l[i].sum += sum;
			return;
		}
	if (c->n == c->alloc) {
		c->alloc = c->alloc ? 2 * c->alloc : 4;
		c->l = xrealloc(c->l, c->alloc * sizeof *c->l);
	}
	c->l[c->n].to = to;
	c->l[c->n].sum = sum;
	c->n++;
}

static void link_drop(struct cluster *c, uint32_t to, double *sum)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->l[i].to == to) {
			*sum = c->l[i].sum;
			c->l[i] = c->l[--c->n];
			return;
		}
	*sum = 0;
}

static void push_links(struct heap *h, struct cluster *cl, uint32_t a, double threshold)
{
	for (size_t i = 0; i < cl[a].n; i++) {
		uint32_t b = cl[a].l[i].to;
		double avg = cl[a].l[i].sum / ((double)cl[a].size * (double)cl[b].size);
		if (avg < threshold)
			continue;
		struct cand c = { avg, a < b ? a : b, a < b ? b : a, 0, 0 };
		c.va = cl[c.a].version;
		c.vb = cl[c.b].version;
		heap_push(h, c);
	}
}

/* Average-linkage agglomeration; sets root[i] for every position. */
static void cluster_edges(struct edge *e, size_t ne, size_t n, double threshold,
			  uint32_t *root)
{
	struct cluster *cl = xcalloc(n ? n : 1, sizeof *cl);
	struct heap h = { 0 };
	for (size_t i = 0; i < n; i++) {
		cl[i].size = 1;
		cl[i].parent = (uint32_t)i;
	}
	for (size_t i = 0; i < ne; i++) {
		link_add(&cl[e[i].a], e[i].b, e[i].w);
		link_add(&cl[e[i].b], e[i].a, e[i].w);
	}
	for (uint32_t i = 0; i < n; i++)
		push_links(&h, cl, i, threshold);
	while (h.n) {
		struct cand c = heap_pop(&h);
		if (cl[c.a].parent != c.a || cl[c.b].parent != c.b ||
		    cl[c.a].version != c.va || cl[c.b].version != c.vb)
			continue;
		/* merge b into a (a is the smaller position) */
		struct cluster *A = &cl[c.a], *B = &cl[c.b];
		double s;
		link_drop(A, c.b, &s);
		link_drop(B, c.a, &s);
		for (size_t i = 0; i < B->n; i++) {
			uint32_t o = B->l[i].to;
			link_add(A, o, B->l[i].sum);
			link_drop(&cl[o], c.b, &s);
			link_add(&cl[o], c.a, s);
		}
		A->size += B->size;
		A->version++;
		B->parent = c.a;
		free(B->l);
		B->l = NULL;
		B->n = B->alloc = 0;
		push_links(&h, cl, c.a, threshold);
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t r = (uint32_t)i;
		while (cl[r].parent != r)
			r = cl[r].parent;
		root[i] = r;
	}
	for (size_t i = 0; i < n; i++)
		free(cl[i].l);
	free(cl);
	free(h.c);
}

/* ---- the run ---- */

static const struct align_item *sort_items;

static int cmp_pos(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return strcmp(sort_items[a].id, sort_items[b].id);
}

struct label_count {
	const char *s;
	size_t n;
};

static char *make_label(const struct align_item *items, const size_t *mem, size_t n,
			const struct vec *vecs, const size_t *pos_of, const struct dict *d)
{
	struct strbuf sb = STRBUF_INIT;
	/* the counted thing most members share */
	const char *best = NULL;
	size_t best_n = 1;
	for (size_t i = 0; i < n; i++) {
		const struct align_item *it = &items[mem[i]];
		for (size_t k = 0; k < it->nvals; k++) {
			const char *q = it->vals[k].counted;
			if (!q)
				continue;
			size_t cnt = 0;
			for (size_t j = 0; j < n; j++) {
				const struct align_item *o = &items[mem[j]];
				for (size_t l = 0; l < o->nvals; l++)
					if (o->vals[l].counted && !strcmp(o->vals[l].counted, q)) {
						cnt++;
						break;
					}
			}
			if (cnt > best_n || (cnt == best_n && best && cnt > 1 && strcmp(q, best) < 0))
				best = q, best_n = cnt;
		}
	}
	if (best) {
		sb_addstr(&sb, best);
		return sb_detach(&sb, NULL);
	}
	/* else the three plain terms with the highest summed weight */
	uint32_t top[3] = { 0 };
	double topw[3] = { 0 };
	for (size_t i = 0; i < n; i++) {
		const struct vec *v = &vecs[pos_of[mem[i]]];
		for (size_t k = 0; k < v->n; k++) {
			uint32_t t = v->f[k].t;
			if (d->terms[t][0] == 'e' && d->terms[t][1] == ':')
				continue;
			if (d->terms[t][0] == 'k' && d->terms[t][1] == ':')
				continue;
			double w = 0;
			size_t in = 0;
			for (size_t j = 0; j < n; j++) {
				const struct vec *u = &vecs[pos_of[mem[j]]];
				for (size_t l = 0; l < u->n; l++)
					if (u->f[l].t == t) {
						w += u->f[l].w;
						in++;
						break;
					}
			}
			if (in < 2 && n > 1)
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
	struct dict d = { 0 };
	struct collect col = { 0 };
	size_t *order = xmalloc((n ? n : 1) * sizeof *order);
	size_t *pos_of = xmalloc((n ? n : 1) * sizeof *pos_of);
	struct vec *vecs = xcalloc(n ? n : 1, sizeof *vecs);
	struct when *when = xcalloc(n ? n : 1, sizeof *when);

	if (!p)
		p = &align_defaults;
	struct align_params dbg = *p;
	if (getenv("LT")) dbg.threshold = atof(getenv("LT"));
	if (getenv("LS")) dbg.time_scale = atof(getenv("LS"));
	if (getenv("LP")) dbg.published_scale = atof(getenv("LP"));
	p = &dbg;
	memset(out, 0, sizeof *out);
	pool_init(&d.pool);
	sb_init(&col.run);
	sb_init(&col.run_surf);
	col.d = &d;
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	sort_items = items;
	qsort(order, n, sizeof *order, cmp_pos);
	for (size_t i = 0; i < n; i++)
		pos_of[order[i]] = i;

	/* vectors of raw weights, in id order so that term ids are stable */
	for (size_t i = 0; i < n; i++) {
		const struct align_item *it = &items[order[i]];
		scan(&col, it->text, 1.0f);
		for (size_t k = 0; k < it->nvals; k++) {
			const struct norm_value *v = &it->vals[k];
			char kind[32];
			snprintf(kind, sizeof kind, "k:%s", norm_kind_name(v->kind));
			add_feat(&col, dict_id(&d, kind, strlen(kind), NULL, 0), 1.0f);
			scan(&col, v->counted, 1.0f);
			scan(&col, v->about, 0.5f);
		}
		vec_from(&col, &vecs[i]);
		for (size_t k = 0; k < vecs[i].n; k++)
			d.df[vecs[i].f[k].t]++;
		when_of(it, &when[i]);
	}
	/* TF-IDF, unit length */
	for (size_t i = 0; i < n; i++) {
		double norm = 0;
		for (size_t k = 0; k < vecs[i].n; k++) {
			struct feat *f = &vecs[i].f[k];
			double idf = log(1.0 + (double)n / d.df[f->t]);
			f->w = (float)((1.0 + log(f->w < 1 ? 1 : f->w)) * idf);
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
	size_t *fill = xcalloc(d.n ? d.n : 1, sizeof *fill);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < vecs[i].n; k++) {
			uint32_t t = vecs[i].f[k].t;
			post[start[t] + fill[t]++] = (uint32_t)i;
		}
	free(fill);

	/* blocking: candidates share one of the item's key terms */
	size_t maxdf = (size_t)(2 * sqrt((double)n));
	if (maxdf < 40)
		maxdf = 40;
	uint32_t *seen = xcalloc(n ? n : 1, sizeof *seen);
	struct edge *edges = NULL;
	size_t ne = 0, ealloc = 0;
	for (size_t i = 0; i < n; i++) {
		struct feat key[ALIGN_KEYS];
		size_t nkey = 0;
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
		for (size_t k = 0; k < nkey; k++) {
			uint32_t t = key[k].t;
			for (size_t q = start[t]; q < start[t + 1]; q++) {
				uint32_t j = post[q];
				if (j == i || seen[j] == i + 1)
					continue;
				seen[j] = (uint32_t)i + 1;
				out->ncandidates++;
				long gap = when_gap(&when[i], &when[j]);
				double w;
				if (other_moment(&items[order[i]], &items[order[j]], gap)) {
					w = CANNOT_LINK;
				} else {
					w = dot(&vecs[i], &vecs[j]);
					if (gap > 0) {
						double sc = when[i].dated && when[j].dated ?
							p->time_scale : p->published_scale;
						w /= 1.0 + (double)gap / sc;
					}
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
	}
	free(seen);
	/* each pair once */
	qsort(edges, ne, sizeof *edges, cmp_edge);
	size_t ke = 0;
	for (size_t i = 0; i < ne; i++)
		if (!ke || edges[ke - 1].a != edges[i].a || edges[ke - 1].b != edges[i].b)
			edges[ke++] = edges[i];
	ne = ke;
	if (getenv("LDUMP"))
		for (size_t i = 0; i < ne; i++)
			fprintf(stderr, "E %s %s %.4f\n", items[order[edges[i].a]].id, items[order[edges[i].b]].id, edges[i].w);

	uint32_t *root = xmalloc((n ? n : 1) * sizeof *root);
	cluster_edges(edges, ne, n, p->threshold, root);
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
		t->label = make_label(items, t->items, m, vecs, pos_of, &d);
	}
	if (out->ntopics)
		qsort(out->topics, out->ntopics, sizeof *out->topics, cmp_topic);

	free(members);
	free(head);
	free(next);
	free(root);
	free(post);
	free(start);
	for (size_t i = 0; i < n; i++)
		free(vecs[i].f);
	free(vecs);
	free(when);
	free(order);
	free(pos_of);
	free(col.f);
	sb_release(&col.run);
	sb_release(&col.run_surf);
	free(d.slots);
	free(d.terms);
	free(d.surface);
	free(d.df);
	pool_release(&d.pool);
}

void align_release(struct align_result *r)
{
	for (size_t i = 0; i < r->ntopics; i++) {
		free(r->topics[i].items);
		free(r->topics[i].label);
	}
	free(r->topics);
	memset(r, 0, sizeof *r);
}
