/*
 * sha256: the SHA-256 digest (FIPS 180-4), used to check that a corpus text
 * is the one its index describes.  Streaming: init, update any number of
 * times, then final; sha256_hex() does all three for one buffer.
 */
#ifndef LECTERN_SHA256_H
#define LECTERN_SHA256_H

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

#endif
