/*
 * fuzz_save: the atomic writer, save_file() and save_dir_begin()/commit(),
 * in one directory per process (mkdtemp in $TMPDIR, removed at exit).
 * Byte 0 picks the case: bit 0 an old file is there first, bit 1 the
 * target is a directory (saving must fail and leave it), bit 2 the target
 * lies in a missing directory (must fail), bit 3 save a corpus directory
 * through the staging calls (with force over an old one when bit 0); the
 * rest is the content.  Checked: success leaves exactly the new bytes
 * (mode 0644), failure leaves the old ones and a display-safe message
 * naming the path; no temporary file or staging directory is ever left.
 */
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "base/save.h"
#include "base/util.h"

static char dir[64];

static void cleanup(void)
{
	save_rmtree(dir);
}

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/lectern-fuzz.XXXXXX", tmp && strlen(tmp) < 32 ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	atexit(cleanup);
}

static void put(const char *path, const char *s)
{
	FILE *fp = fopen(path, "w");
	FUZZ_ASSERT(fp && fputs(s, fp) >= 0 && !fclose(fp));
}

static void expect_file(const char *path, const void *buf, size_t len)
{
	size_t n;
	char *got = read_file(path, (size_t)1 << 24, &n);
	FUZZ_ASSERT(got && n == len && !memcmp(got, buf, len));
	free(got);
}

/* The entries of dir, which must be exactly those named (NULL-ended). */
static void expect_entries(const char *d, const char *const *names)
{
	DIR *dp = opendir(d);
	struct dirent *e;
	size_t seen = 0, want = 0;
	FUZZ_ASSERT(dp);
	while (names[want])
		want++;
	while ((e = readdir(dp))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		bool known = false;
		for (size_t i = 0; names[i]; i++)
			known |= !strcmp(names[i], e->d_name);
		if (!known)
			fprintf(stderr, "fuzz_save: left behind: %s\n", e->d_name);
		FUZZ_ASSERT(known);
		seen++;
	}
	closedir(dp);
	FUZZ_ASSERT(seen == want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (!dir[0])
		setup();
	unsigned op = data[0];
	const char *buf = (const char *)data + 1;
	size_t len = size - 1;
	char path[128], sub[160];
	struct strbuf err = STRBUF_INIT;
	struct stat st;

	snprintf(path, sizeof path, "%s/t", dir);
	if (op & 8) {
		/* a corpus directory through the staging calls */
		struct strbuf stage = STRBUF_INIT;
		bool force = op & 1;
		if (force) {
			FUZZ_ASSERT(mkdir(path, 0755) == 0);
			snprintf(sub, sizeof sub, "%s/corpus.json", path);
			put(sub, "old");
		}
		FUZZ_ASSERT(save_dir_begin(path, force, &stage, &err) == 0);
		snprintf(sub, sizeof sub, "%s/corpus.json", stage.buf);
		FUZZ_ASSERT(save_file(sub, buf, len, &err) == 0);
		if (op & 2) {
			save_dir_abort(stage.buf);
			FUZZ_ASSERT(lstat(stage.buf, &st) < 0);
		} else {
			FUZZ_ASSERT(save_dir_commit(stage.buf, path, force, &err) == 0);
			snprintf(sub, sizeof sub, "%s/corpus.json", path);
			expect_file(sub, buf, len);
		}
		sb_release(&stage);
		FUZZ_ASSERT(err.len == 0);
		const char *const some[] = { "t", NULL }, *const none[] = { NULL };
		expect_entries(dir, force || !(op & 2) ? some : none);
		save_rmtree(path);
		sb_release(&err);
		return 0;
	}
	if (op & 4)
		snprintf(path, sizeof path, "%s/missing/t", dir);
	else if (op & 2)
		FUZZ_ASSERT(mkdir(path, 0755) == 0);
	else if (op & 1)
		put(path, "old contents");
	int rc = save_file(path, buf, len, &err);
	if (op & 6) {
		FUZZ_ASSERT(rc == -1 && err.len > 0);
		fuzz_check_message(err.buf);
		FUZZ_ASSERT(!strncmp(err.buf, path, strlen(path)));
		if (op & 4) {
			const char *const none[] = { NULL };
			expect_entries(dir, none);
		} else {
			FUZZ_ASSERT(lstat(path, &st) == 0 && S_ISDIR(st.st_mode));
		}
	} else {
		FUZZ_ASSERT(rc == 0 && err.len == 0);
		expect_file(path, buf, len);
		FUZZ_ASSERT(stat(path, &st) == 0 && (st.st_mode & 07777) == 0644);
	}
	if (!(op & 4)) {
		const char *const one[] = { "t", NULL };
		expect_entries(dir, one);
	}
	save_rmtree(path);
	sb_release(&err);
	return 0;
}
