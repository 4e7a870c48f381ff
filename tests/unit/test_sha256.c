/* test_sha256: FIPS 180-4 example vectors, whole and streamed, through the
 * portable block function and (when the CPU has them) the SHA extensions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/sha256.h"

static const char *const ABC_448 =
	"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

/* Checks the context after every step: the byte count and the block fill
 * agree, and the fill never reaches a whole block. */
static void check_ctx(const struct sha256 *c)
{
	assert_true(c->fill < 64);
	assert_int_equal(c->fill, c->bytes % 64);
}

static void hex_of(const unsigned char d[32], char hex[65])
{
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

static int setup(void **state)
{
	struct sha256 *c = malloc(sizeof *c);
	if (!c)
		return -1;
	sha256_init(c);
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

static void streamed(struct sha256 *c, const char *s, size_t n, size_t chunk,
		     char hex[65])
{
	unsigned char d[32];
	check_ctx(c);
	for (size_t i = 0; i < n; i += chunk) {
		sha256_update(c, s + i, n - i < chunk ? n - i : chunk);
		check_ctx(c);
	}
	assert_int_equal(c->bytes, n);
	sha256_final(c, d);
	hex_of(d, hex);
}

static void test_empty(void **state)
{
	char hex[65];
	(void)state;
	sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_abc(void **state)
{
	char hex[65];
	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	streamed(*state, "abc", 3, 1, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void test_448_bits(void **state)
{
	char hex[65];
	assert_int_equal(strlen(ABC_448), 56);
	sha256_hex(ABC_448, 56, hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	streamed(*state, ABC_448, 56, 7, hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_896_bits(void **state)
{
	static const char m[] = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		"hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	char hex[65];
	streamed(*state, m, sizeof m - 1, 13, hex);
	assert_string_equal(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

/* one million 'a', fed in odd-sized chunks so that blocks are split
 * everywhere */
static void test_million_a(void **state)
{
	static const size_t chunks[] = { 1, 3, 63, 64, 65, 127, 1000, 4099 };
	const char *want = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
	size_t n = 1000000;
	char *a = malloc(n), hex[65];
	assert_non_null(a);
	memset(a, 'a', n);
	sha256_hex(a, n, hex);
	assert_string_equal(hex, want);
	for (size_t k = 0; k < sizeof chunks / sizeof chunks[0]; k++) {
		struct sha256 *c = *state;
		sha256_init(c);
		streamed(c, a, n, chunks[k], hex);
		assert_string_equal(hex, want);
	}
	free(a);
}

/* padding edges: 55, 56, 63, 64 bytes need one or two final blocks */
static void test_padding_edges(void **state)
{
	static const struct { size_t n; const char *hex; } v[] = {
		{ 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
		{ 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
		{ 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
		{ 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
	};
	char a[64], hex[65], one[65];
	memset(a, 'a', sizeof a);
	for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
		sha256_hex(a, v[k].n, hex);
		assert_string_equal(hex, v[k].hex);
		struct sha256 *c = *state;
		sha256_init(c);
		streamed(c, a, v[k].n, 1, one);
		assert_string_equal(one, hex);
	}
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		T(test_abc),
		T(test_448_bits),
		T(test_896_bits),
		T(test_million_a),
		T(test_padding_edges),
	};
	int fail = 0;
	sha256_accelerate(false);
	fail |= cmocka_run_group_tests_name("sha256 (portable)", tests, NULL, NULL);
	if (sha256_accelerate(true))
		fail |= cmocka_run_group_tests_name("sha256 (SHA extensions)", tests, NULL, NULL);
	else
		printf("sha256: no SHA extensions on this CPU; the portable code only\n");
	return fail;
}
