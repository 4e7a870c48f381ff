/* cli/stats: what loading a corpus cost. */
#include "cli/stats.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "base/text.h"

/* Resident kB now, or 0 when /proc is not there. */
static unsigned long long rss_now_kb(void)
{
	unsigned long long size = 0, res = 0;
	FILE *fp = fopen("/proc/self/statm", "r");
	if (!fp)
		return 0;
	if (fscanf(fp, "%llu %llu", &size, &res) != 2)
		res = 0;
	fclose(fp);
	return res * (unsigned long long)sysconf(_SC_PAGESIZE) / 1024;
}

/* The peak resident kB so far (VmHWM), or 0. */
static unsigned long long rss_peak_kb(void)
{
	char line[256];
	unsigned long long kb = 0;
	FILE *fp = fopen("/proc/self/status", "r");
	if (!fp)
		return 0;
	while (fgets(line, sizeof line, fp))
		if (sscanf(line, "VmHWM: %llu kB", &kb) == 1)
			break;
	fclose(fp);
	return kb;
}

static void put_path(const char *key, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	if (path)
		text_sanitize(&sb, path, strlen(path), 0);
	printf("%s: %s\n", key, path ? sb.buf : "-");
	sb_release(&sb);
}

int stats_run(struct corpus *c, const struct cli_args *a)
{
	struct stat st;
	struct rusage ru;
	unsigned long long now = rss_now_kb(), peak = rss_peak_kb();
	long long size = stat(c->index_path, &st) == 0 ? (long long)st.st_size : -1;

	(void)a;
	getrusage(RUSAGE_SELF, &ru);
	put_path("index", c->index_path);
	printf("index-bytes: %lld\n", size);
	printf("sources: %zu\nclaims: %zu\ntopics: %zu\n", c->nsources, c->nclaims, c->ntopics);
	printf("cache: %s\n", c->cache_state);
	put_path("cache-file", c->cache_path);
	printf("rss-now-kb: %llu\nrss-peak-kb: %llu\n", now, peak);
	if (size > 0)
		printf("rss-now-per-index: %.2f\nrss-peak-per-index: %.2f\n",
		       (double)now * 1024 / (double)size, (double)peak * 1024 / (double)size);
	printf("cpu-ms: %.0f\n", (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3);
	return 0;
}
