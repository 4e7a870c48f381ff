/* test_pool: the bump allocator: alignment, zeroing, big one-offs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/pool.h"

/* Checks one allocation as pool.h promises it: 16-byte aligned, zeroed,
 * and counted in used. */
static void check_alloc(struct pool *p, void *r, size_t n, size_t used_before)
{
	assert_non_null(r);
	assert_int_equal((uintptr_t)r % 16, 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(((unsigned char *)r)[i], 0);
	assert_true(p->used >= used_before + n);
	assert_non_null(p->head);
}

static int setup(void **state)
{
	struct pool *p = malloc(sizeof *p);
	if (!p)
		return -1;
	pool_init(p);
	*state = p;
	return 0;
}

static int teardown(void **state)
{
	struct pool *p = *state;
	pool_release(p);
	assert_null(p->head);
	assert_int_equal(p->used, 0);
	free(p);
	return 0;
}

static void test_init(void **state)
{
	struct pool *p = *state;
	assert_null(p->head);
	assert_int_equal(p->used, 0);
}

static void test_small(void **state)
{
	struct pool *p = *state;
	unsigned char *prev = NULL;
	for (size_t n = 0; n < 100; n++) {
		size_t used = p->used;
		unsigned char *r = pool_alloc(p, n);
		check_alloc(p, r, n, used);
		memset(r, 0xAB, n);     /* must not spill into the next one */
		if (prev)
			assert_ptr_not_equal(r, prev);
		prev = r;
	}
	unsigned char *z = pool_alloc(p, 8);
	assert_int_equal(z[0], 0);
}

static void test_zero_size(void **state)
{
	struct pool *p = *state;
	void *a = pool_alloc(p, 0), *b = pool_alloc(p, 0);
	check_alloc(p, a, 0, 0);
	assert_ptr_not_equal(a, b);   /* distinct even when empty */
}

static void test_many_chunks(void **state)
{
	struct pool *p = *state;
	char **v = malloc(20000 * sizeof *v);
	assert_non_null(v);
	for (int i = 0; i < 20000; i++) {
		size_t used = p->used;
		v[i] = pool_alloc(p, 24);
		check_alloc(p, v[i], 24, used);
		memcpy(v[i], &i, sizeof i);
	}
	for (int i = 0; i < 20000; i++) {
		int k;
		memcpy(&k, v[i], sizeof k);
		assert_int_equal(k, i);
	}
	free(v);
}

static void test_big_one_off(void **state)
{
	struct pool *p = *state;
	char *small = pool_alloc(p, 32);
	memcpy(small, "before", 7);
	size_t used = p->used;
	char *big = pool_alloc(p, 1 << 20);
	check_alloc(p, big, 1 << 20, used);
	memset(big, 1, 1 << 20);
	/* the current chunk keeps serving small requests */
	used = p->used;
	char *after = pool_alloc(p, 32);
	check_alloc(p, after, 32, used);
	assert_true(after > small && after < small + 64 * 1024);
	assert_string_equal(small, "before");
}

static void test_strdup(void **state)
{
	struct pool *p = *state;
	char *s = pool_strdup(p, "Moscow Times");
	assert_string_equal(s, "Moscow Times");
	assert_int_equal((uintptr_t)s % 16, 0);
	char *t = pool_strndup(p, "openDemocracy", 4);
	assert_string_equal(t, "open");
	char *e = pool_strdup(p, "");
	assert_string_equal(e, "");
}

static void test_release_reuse(void **state)
{
	struct pool *p = *state;
	pool_alloc(p, 100);
	pool_release(p);
	assert_null(p->head);
	assert_int_equal(p->used, 0);
	check_alloc(p, pool_alloc(p, 10), 10, 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_init),
		T(test_small),
		T(test_zero_size),
		T(test_many_chunks),
		T(test_big_one_off),
		T(test_strdup),
		T(test_release_reuse),
	};
	return cmocka_run_group_tests_name("pool", tests, NULL, NULL);
}
