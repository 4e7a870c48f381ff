/*
 * replay: runs one fuzz target over saved inputs without libFuzzer, so
 * that `make test` replays every seed and every past crash as a regression
 * test (under ASan+UBSan in the sanitizer pass).
 *   usage: replay_<target> FILE|DIR...
 * Each FILE, and each regular file directly inside each DIR, is fed once to
 * LLVMFuzzerTestOneInput().  A crash aborts the run; otherwise it prints
 * "fuzz <target>: N inputs replayed" and exits 0.  A missing DIR is fine (a
 * target with no crashes yet has no crashes directory).
 */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "base/util.h"

static size_t replay_file(const char *path)
{
	size_t len;
	char *buf = read_file(path, (size_t)1 << 30, &len);
	if (!buf) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	/* a copy of exactly len bytes, so ASan sees reads past the end */
	uint8_t *copy = xmalloc(len ? len : 1);
	memcpy(copy, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput(copy, len);
	free(copy);
	return 1;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, done = 0;

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = xrealloc(names, (n + 1) * sizeof *names);
		size_t l = strlen(dir) + strlen(e->d_name) + 2;
		names[n] = xmalloc(l);
		snprintf(names[n], l, "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_name);   /* a stable order */
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
			done += replay_file(names[i]);
		free(names[i]);
	}
	free(names);
	return done;
}

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/');
	size_t n = 0;

	name = name ? name + 1 : argv[0];
	if (!strncmp(name, "replay_", 7))
		name += 7;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			n += replay_dir(argv[i]);
		else if (stat(argv[i], &st) == 0)
			n += replay_file(argv[i]);
	}
	printf("fuzz %s: %zu inputs replayed\n", name, n);
	return 0;
}
