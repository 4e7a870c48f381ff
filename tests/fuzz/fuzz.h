/*
 * fuzz: what every tests/fuzz/fuzz_<target>.c shares.  A target defines
 * LLVMFuzzerTestOneInput() and nothing else that libFuzzer calls; it must
 * be deterministic, never exit, free everything it allocates and leave no
 * file behind.  FUZZ_ASSERT() reports a broken invariant as a crash
 * (abort), which both libFuzzer and the replay runner (replay.c) catch.
 */
#ifndef LECTERN_FUZZ_H
#define LECTERN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/* A message for the terminal: valid UTF-8 with no C0 control, DEL or C1. */
static inline void fuzz_check_message(const char *m)
{
	const unsigned char *p = (const unsigned char *)m;
	for (; *p; p++) {
		FUZZ_ASSERT(*p >= 0x20 && *p != 0x7F);
		FUZZ_ASSERT(!(p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F));
	}
	FUZZ_ASSERT(utf8_validate(m, strlen(m)) == strlen(m));
}

#endif
