/* test_save: atomic file writes and corpus directory swaps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/save.h"
#include "base/util.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/lectern-save-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return save_rmtree(dir);
}

static char *slurp(const char *path)
{
	size_t n;
	return read_file(path, 1 << 20, &n);
}

static size_t entries(const char *d)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", d);
	FILE *p = popen(cmd, "r");
	size_t n = 0;
	if (fscanf(p, "%zu", &n) != 1)
		n = 999;
	pclose(p);
	return n;
}

static void test_file(void **state)
{
	struct strbuf err = STRBUF_INIT;
	char path[128];
	(void)state;
	snprintf(path, sizeof path, "%s/index.json", dir);
	assert_int_equal(save_file(path, "old\n", 4, &err), 0);
	assert_int_equal(save_file(path, "new text\n", 9, &err), 0);
	char *s = slurp(path);
	assert_string_equal(s, "new text\n");
	free(s);
	assert_int_equal(entries(dir), 1);   /* no temporary file left */

	/* a failure leaves the old file and says why */
	char bad[160];
	snprintf(bad, sizeof bad, "%s/missing/index.json", dir);
	assert_int_equal(save_file(bad, "x", 1, &err), -1);
	assert_non_null(strstr(err.buf, "missing/index.json"));
	sb_reset(&err);
	char sub[128];
	snprintf(sub, sizeof sub, "%s/sub", dir);
	mkdir(sub, 0755);
	snprintf(bad, sizeof bad, "%s/f", sub);
	assert_int_equal(save_file(bad, "keep", 4, &err), 0);
	chmod(sub, 0555);
	if (geteuid() != 0) {   /* root ignores permissions */
		assert_int_equal(save_file(bad, "lost", 4, &err), -1);
		s = slurp(bad);
		assert_string_equal(s, "keep");
		free(s);
	}
	chmod(sub, 0755);
	sb_release(&err);
}

/* save_append: the old bytes kept, the new ones after them; a directory,
 * a FIFO or a device refused by name, nothing written. */
static void test_append(void **state)
{
	struct strbuf err = STRBUF_INIT;
	char path[128], fifo[128];
	(void)state;
	snprintf(path, sizeof path, "%s/cites.txt", dir);
	assert_int_equal(save_append(path, "one\n", 4, 1 << 20, &err), 0);
	assert_int_equal(save_append(path, "two\n", 4, 1 << 20, &err), 0);
	char *s = slurp(path);
	assert_string_equal(s, "one\ntwo\n");
	free(s);
	assert_int_equal(entries(dir), 1);
	/* over max: refused, the file as it was */
	assert_int_equal(save_append(path, "three\n", 6, 4, &err), -1);
	assert_non_null(strstr(err.buf, "cites.txt: "));
	s = slurp(path);
	assert_string_equal(s, "one\ntwo\n");
	free(s);
	sb_reset(&err);
	assert_int_equal(save_append(dir, "x", 1, 1 << 20, &err), -1);
	assert_non_null(strstr(err.buf, ": a directory, not a regular file"));
	sb_reset(&err);
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(save_append(fifo, "x", 1, 1 << 20, &err), -1);
	assert_non_null(strstr(err.buf, "/fifo: a FIFO, not a regular file"));
	struct stat st;
	assert_int_equal(lstat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));   /* still the FIFO */
	sb_reset(&err);
	assert_int_equal(save_append("/dev/null", "x", 1, 1 << 20, &err), -1);
	assert_non_null(strstr(err.buf, "/dev/null: a device, not a regular file"));
	sb_release(&err);
}

/* save_mkdirs(): the folders made (0700), an existing one fine, a file in
 * the way refused; save_file_mode(): a new file's mode, an old one's kept. */
static void test_mkdirs_and_mode(void **state)
{
	struct strbuf p = STRBUF_INIT, err = STRBUF_INIT;
	struct stat st;
	(void)state;
	sb_addf(&p, "%s/a/b/c", dir);
	assert_int_equal(save_mkdirs(p.buf), 0);
	assert_int_equal(stat(p.buf, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(save_mkdirs(p.buf), 0);
	sb_addstr(&p, "/f");
	assert_int_equal(save_file_mode(p.buf, "x", 1, 0600, &err), 0);
	assert_int_equal(stat(p.buf, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	chmod(p.buf, 0640);
	assert_int_equal(save_file_mode(p.buf, "y", 1, 0600, &err), 0);
	assert_int_equal(stat(p.buf, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	sb_addstr(&p, "/g");   /* below a file */
	assert_int_equal(save_mkdirs(p.buf), -1);
	sb_release(&p);
	sb_release(&err);
}

static void test_dir(void **state)
{
	struct strbuf err = STRBUF_INIT, stage = STRBUF_INIT;
	char out[128], f[200];
	(void)state;
	snprintf(out, sizeof out, "%s/corpus", dir);

	assert_int_equal(save_dir_begin(out, false, &stage, &err), 0);
	snprintf(f, sizeof f, "%s/corpus.json", stage.buf);
	assert_int_equal(save_file(f, "one", 3, &err), 0);
	assert_int_equal(save_dir_commit(stage.buf, out, false, &err), 0);
	snprintf(f, sizeof f, "%s/corpus.json", out);
	char *s = slurp(f);
	assert_string_equal(s, "one");
	free(s);

	/* an existing corpus is kept without force */
	assert_int_equal(save_dir_begin(out, false, &stage, &err), -1);
	assert_non_null(strstr(err.buf, "already exists"));
	sb_reset(&err);

	/* with force it is replaced, and nothing else is left behind */
	assert_int_equal(save_dir_begin(out, true, &stage, &err), 0);
	snprintf(f, sizeof f, "%s/corpus.json", stage.buf);
	assert_int_equal(save_file(f, "two", 3, &err), 0);
	assert_int_equal(save_dir_commit(stage.buf, out, true, &err), 0);
	snprintf(f, sizeof f, "%s/corpus.json", out);
	s = slurp(f);
	assert_string_equal(s, "two");
	free(s);
	assert_int_equal(entries(dir), 1);

	/* an aborted stage disappears and the corpus stays */
	assert_int_equal(save_dir_begin(out, true, &stage, &err), 0);
	save_dir_abort(stage.buf);
	assert_int_equal(entries(dir), 1);
	sb_release(&stage);
	sb_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_append, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mkdirs_and_mode, setup, teardown),
	};
	return cmocka_run_group_tests_name("save", tests, NULL, NULL);
}
