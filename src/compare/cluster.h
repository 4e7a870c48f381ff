/*
 * cluster: average-linkage agglomerative clustering over a sparse graph.
 *
 * Nodes are 0..n-1; edges carry a similarity (negative for "never
 * together").  Two groups merge while the best average similarity between
 * them -- the sum of their edges divided by the product of their sizes, a
 * missing edge counting 0 -- is at least the threshold; ties go to the
 * smaller node numbers, so the result depends only on the edges.
 * Each group is named by its smallest node: root[i] is the group of i.
 */
#ifndef LECTERN_CLUSTER_H
#define LECTERN_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

struct cluster_edge {
	uint32_t a, b;            /* a < b */
	double w;
};

/* Sorts edges by (a, b) and keeps the first of each pair; returns the new
 * count. */
size_t cluster_edges_unique(struct cluster_edge *e, size_t ne);

void cluster_average(const struct cluster_edge *e, size_t ne, size_t n, double threshold,
		     uint32_t *root);

#endif
