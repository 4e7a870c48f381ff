/* test_util: whole-file reading and mapping, and the allocation helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/util.h"

struct fixture {
	char tmp[64];
	char path[128];
	char *buf;
	size_t len;
};

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st; (void)flag; (void)ftw;
	return remove(p);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	strcpy(f->tmp, "/tmp/lectern-unit.XXXXXX");
	if (!mkdtemp(f->tmp))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/f", f->tmp);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	free(f->buf);
	nftw(f->tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

static void put(const char *path, const char *s, size_t n)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(s, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

/* Reads path with read_file() and checks its contract: on success a
 * NUL-terminated buffer of *len bytes; on failure NULL and errno set. */
static char *get(struct fixture *f, const char *path, size_t max)
{
	free(f->buf);
	f->len = 12345;
	errno = 0;
	f->buf = read_file(path, max, &f->len);
	if (f->buf)
		assert_int_equal(f->buf[f->len], '\0');
	else
		assert_int_not_equal(errno, 0);
	return f->buf;
}

static void test_read(void **state)
{
	struct fixture *f = *state;
	put(f->path, "a\0b\n", 4);
	assert_non_null(get(f, f->path, 100));
	assert_int_equal(f->len, 4);
	assert_memory_equal(f->buf, "a\0b\n", 4);
}

static void test_read_empty(void **state)
{
	struct fixture *f = *state;
	put(f->path, "", 0);
	assert_non_null(get(f, f->path, 100));
	assert_int_equal(f->len, 0);
	assert_string_equal(f->buf, "");
}

static void test_read_limit(void **state)
{
	struct fixture *f = *state;
	put(f->path, "0123456789", 10);
	assert_non_null(get(f, f->path, 10));      /* exactly the limit */
	assert_null(get(f, f->path, 9));
	assert_int_equal(errno, EFBIG);
}

static void test_read_errors(void **state)
{
	struct fixture *f = *state;
	char fifo[160];
	assert_null(get(f, f->tmp, 100));
	assert_int_equal(errno, EISDIR);
	snprintf(fifo, sizeof fifo, "%s/fifo", f->tmp);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_null(get(f, fifo, 100));             /* does not block */
	assert_int_equal(errno, EINVAL);
	assert_null(get(f, "/dev/null", 100));
	assert_int_equal(errno, EINVAL);
	assert_null(get(f, "/nonexistent/file", 100));
	assert_int_equal(errno, ENOENT);
}

static void test_alloc(void **state)
{
	(void)state;
	char *s = xstrdup("lectern");
	assert_string_equal(s, "lectern");
	free(s);
	s = xstrndup("lectern", 3);
	assert_string_equal(s, "lec");
	free(s);
	int *z = xcalloc(4, sizeof *z);
	for (int i = 0; i < 4; i++)
		assert_int_equal(z[i], 0);
	z = xrealloc(z, 1000 * sizeof *z);
	z[999] = 7;
	free(z);
	void *p = xmalloc(0);        /* never NULL, even for 0 bytes */
	assert_non_null(p);
	free(p);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

/* the mapped file, read under map_guard() */
struct touch {
	const char *buf;
	size_t len;
	unsigned long sum;
};

static void touch_all(void *arg)
{
	struct touch *t = arg;
	for (size_t i = 0; i < t->len; i += 512)
		t->sum += (unsigned char)t->buf[i];
}

/* A mapped file truncated under the reader: the read under the guard ends
 * with -1 and EIO, not with a SIGBUS that kills the process; the same read
 * of a whole file returns 0, and a guard nests inside another. */
static void test_map_guard(void **state)
{
	struct fixture *f = *state;
	size_t n = 1 << 20;
	char *text = malloc(n);
	assert_non_null(text);
	memset(text, 'a', n);
	put(f->path, text, n);
	free(text);
	size_t len;
	char *buf = map_file(f->path, n, &len);
	assert_non_null(buf);
	assert_int_equal(len, n);
	struct touch t = { buf, len, 0 };
	assert_int_equal(map_guard(touch_all, &t), 0);
	assert_int_equal(t.sum, (unsigned long)'a' * (n / 512));
	map_file_drop(buf, 0, len);
	assert_int_equal(truncate(f->path, 4096), 0);
	t.sum = 0;
	errno = 0;
	assert_int_equal(map_guard(touch_all, &t), -1);
	assert_int_equal(errno, EIO);
	assert_int_equal(t.sum, (unsigned long)'a' * (4096 / 512));
	unmap_file(buf, len);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_read),
		T(test_read_empty),
		T(test_read_limit),
		T(test_read_errors),
		T(test_alloc),
		T(test_map_guard),
	};
	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
