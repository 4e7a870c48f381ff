/*
 * sha256: the SHA-256 digest (FIPS 180-4), used to check that a corpus text
 * is the one its index describes.  Streaming: init, update any number of
 * times, then final; sha256_hex() does all three for one buffer.
 * On x86 CPUs with the SHA extensions the blocks go through them (chosen
 * once, at the first use); elsewhere through portable C.  Thread-safe:
 * contexts are the caller's, and the choice is made the same way by any
 * thread.
 */
#ifndef LECTERN_SHA256_H
#define LECTERN_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t bytes;
	unsigned char block[64];
	size_t fill;
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *p, size_t n);
void sha256_final(struct sha256 *c, unsigned char out[32]);
/* Writes 64 lower-case hex digits and a NUL into hex. */
void sha256_hex(const void *p, size_t n, char hex[65]);
/* Uses the CPU's SHA extensions when on and present, the portable code
 * otherwise (for tests and comparisons); returns whether they are used. */
bool sha256_accelerate(bool on);

#endif
