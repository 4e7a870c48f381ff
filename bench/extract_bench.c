/* extract_bench: claim extraction speed on one core.
 * usage: extract_bench FILE...   (each file one article text)
 * Reads every file, then runs extract_claims() over all of them, timing
 * only the extraction, and prints bytes, claims, seconds and MB/s: CPU
 * time of this process (one core, whatever else the machine is doing)
 * and wall-clock time. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "extract/extract.h"
#include "base/util.h"

int main(int argc, char **argv)
{
	char **text = xcalloc((size_t)argc, sizeof *text);
	size_t *len = xcalloc((size_t)argc, sizeof *len);
	size_t bytes = 0, claims = 0;
	struct timespec a, b, ca, cb;

	for (int i = 1; i < argc; i++) {
		text[i] = read_file(argv[i], 1u << 30, &len[i]);
		if (!text[i]) {
			perror(argv[i]);
			return 2;
		}
		bytes += len[i];
	}
	struct extract_opts o = { "2022-06-15", NULL, 0 };
	clock_gettime(CLOCK_MONOTONIC, &a);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
	for (int i = 1; i < argc; i++) {
		struct xclaim *x;
		claims += extract_claims(text[i], len[i], &o, &x);
		free(x);
	}
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
	clock_gettime(CLOCK_MONOTONIC, &b);
	double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	double c = (double)(cb.tv_sec - ca.tv_sec) + (double)(cb.tv_nsec - ca.tv_nsec) / 1e9;
	printf("extraction: %zu bytes in %d articles, %zu claims\n", bytes, argc - 1, claims);
	printf("  cpu time  %.3f s  %.1f MB/s\n", c, (double)bytes / 1e6 / c);
	printf("  wall time %.3f s  %.1f MB/s\n", s, (double)bytes / 1e6 / s);
	for (int i = 1; i < argc; i++)
		free(text[i]);
	free(text);
	free(len);
	return 0;
}
