/* test_cluster: average linkage, cannot-link edges, determinism. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "compare/cluster.h"

static void test_average(void **state)
{
	(void)state;
	/* 0-1-2 a tight triangle, 3-4 a pair, 2-3 a weak bridge */
	struct cluster_edge e[] = {
		{ 0, 1, 0.9 }, { 1, 2, 0.8 }, { 0, 2, 0.7 }, { 3, 4, 0.6 }, { 2, 3, 0.3 },
		{ 0, 1, 0.1 },   /* a duplicate: the first is kept */
	};
	uint32_t root[6];
	size_t ne = cluster_edges_unique(e, 6);
	assert_int_equal(ne, 5);
	cluster_average(e, ne, 6, 0.25, root);
	assert_int_equal(root[0], 0);
	assert_int_equal(root[1], 0);
	assert_int_equal(root[2], 0);
	assert_int_equal(root[3], 3);
	assert_int_equal(root[4], 3);
	assert_int_equal(root[5], 5);   /* no edge: alone */
	/* a lower threshold lets the bridge through: 0.3 / (3 * 2) = 0.05 */
	cluster_average(e, ne, 6, 0.045, root);
	assert_int_equal(root[4], 0);
}

static void test_cannot_link(void **state)
{
	(void)state;
	struct cluster_edge e[] = {
		{ 0, 1, 0.9 }, { 1, 2, 0.9 }, { 0, 2, -1000 },
	};
	uint32_t root[3];
	cluster_average(e, 3, 3, 0.1, root);
	assert_int_equal(root[0], 0);
	assert_int_equal(root[1], 0);
	assert_int_equal(root[2], 2);   /* 2 may never join 0 */
}

static void test_empty(void **state)
{
	(void)state;
	uint32_t root[2];
	assert_int_equal(cluster_edges_unique(NULL, 0), 0);
	cluster_average(NULL, 0, 2, 0.5, root);
	assert_int_equal(root[0], 0);
	assert_int_equal(root[1], 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_average),
		cmocka_unit_test(test_cannot_link),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
