/* cluster: average linkage with a heap of candidate merges. */
#include "compare/cluster.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

static int cmp_edge(const void *x, const void *y)
{
	const struct cluster_edge *p = x, *q = y;
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

static void link_push(struct cluster *c, uint32_t to, double sum)
{
	if (c->n == c->alloc) {
		c->alloc = c->alloc ? 2 * c->alloc : 4;
		c->l = xrealloc(c->l, c->alloc * sizeof *c->l);
	}
	c->l[c->n].to = to;
	c->l[c->n].sum = sum;
	c->n++;
}

static uint32_t find_root(struct cluster *cl, uint32_t x)
{
	uint32_t r = x;
	while (cl[r].parent != r)
		r = cl[r].parent;
	while (cl[x].parent != r) {
		uint32_t next = cl[x].parent;
		cl[x].parent = r;
		x = next;
	}
	return r;
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
void cluster_average(const struct cluster_edge *e, size_t ne, size_t n, double threshold,
		     uint32_t *root)
{
	struct cluster *cl = xcalloc(n ? n : 1, sizeof *cl);
	struct heap h = { 0 };
	uint32_t *slot = xcalloc(n ? n : 1, sizeof *slot);
	for (size_t i = 0; i < n; i++) {
		cl[i].size = 1;
		cl[i].parent = (uint32_t)i;
	}
	/* each node's links in an array of its degree, none spare */
	for (size_t i = 0; i < ne; i++) {
		cl[e[i].a].alloc++;
		cl[e[i].b].alloc++;
	}
	for (size_t i = 0; i < n; i++)
		if (cl[i].alloc)
			cl[i].l = xmalloc(cl[i].alloc * sizeof *cl[i].l);
	for (size_t i = 0; i < ne; i++) {   /* pairs are unique: no search */
		link_push(&cl[e[i].a], e[i].b, e[i].w);
		link_push(&cl[e[i].b], e[i].a, e[i].w);
	}
	for (uint32_t i = 0; i < n; i++)
		push_links(&h, cl, i, threshold);
	while (h.n) {
		struct cand c = heap_pop(&h);
		if (cl[c.a].parent != c.a || cl[c.b].parent != c.b ||
		    cl[c.a].version != c.va || cl[c.b].version != c.vb)
			continue;
		/* merge b into a (a is the smaller position); the neighbours' own
		 * lists are left as they are and resolved when they merge */
		struct cluster *A = &cl[c.a], *B = &cl[c.b];
		/* room for both lists at once: one allocation, not a doubling */
		struct cluster merged = { .alloc = A->n + B->n };
		merged.l = xmalloc((merged.alloc ? merged.alloc : 1) * sizeof *merged.l);
		for (int side = 0; side < 2; side++) {
			const struct cluster *X = side ? B : A;
			for (size_t i = 0; i < X->n; i++) {
				uint32_t o = find_root(cl, X->l[i].to);
				if (o == c.a || o == c.b)
					continue;
				if (slot[o]) {
					merged.l[slot[o] - 1].sum += X->l[i].sum;
				} else {
					link_push(&merged, o, X->l[i].sum);
					slot[o] = (uint32_t)merged.n;
				}
			}
		}
		for (size_t i = 0; i < merged.n; i++)
			slot[merged.l[i].to] = 0;
		free(A->l);
		A->l = merged.l;
		A->n = merged.n;
		A->alloc = merged.alloc;
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
	free(slot);
}

size_t cluster_edges_unique(struct cluster_edge *e, size_t ne)
{
	if (ne)
		qsort(e, ne, sizeof *e, cmp_edge);
	size_t k = 0;
	for (size_t i = 0; i < ne; i++)
		if (!k || e[k - 1].a != e[i].a || e[k - 1].b != e[i].b)
			e[k++] = e[i];
	return k;
}
