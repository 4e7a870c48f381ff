/* Tests for corpus_cache: round trip, staleness, and tampered images. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"
#include "corpus/cache.h"
#include "corpus/corpus.h"
#include "corpus/json.h"

static char dir[64];
static char index_path[128];
static char cache_path[128];

static void copy(const char *from, const char *to)
{
	size_t len;
	char *buf = read_file(from, 1 << 26, &len);
	assert_non_null(buf);
	FILE *fp = fopen(to, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(buf, 1, len, fp), len);
	fclose(fp);
	free(buf);
}

/* A copy of the bundled corpus in a fresh directory. */
static int setup(void **state)
{
	(void)state;
	char p[600], q[600];
	snprintf(dir, sizeof dir, "/tmp/lectern-cache-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(p, sizeof p, "%s/sources", dir);
	mkdir(p, 0755);
	snprintf(index_path, sizeof index_path, "%s/corpus.json", dir);
	snprintf(cache_path, sizeof cache_path, "%s/.corpus.json.lcache", dir);
	copy("../../data/corpus.json", index_path);
	DIR *d = opendir("../../data/sources");
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.') {
			snprintf(p, sizeof p, "../../data/sources/%s", e->d_name);
			snprintf(q, sizeof q, "%s/sources/%s", dir, e->d_name);
			copy(p, q);
		}
	if (d)
		closedir(d);
	snprintf(p, sizeof p, "%s/xdg", dir);
	setenv("XDG_CACHE_HOME", p, 1);
	unsetenv("LECTERN_CACHE");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static struct corpus *load(const char *want_state)
{
	struct diags d;
	enum load_status st;
	diags_init(&d);
	struct corpus *c = corpus_load(index_path, CORPUS_USE_CACHE, &d, &st);
	diags_print(&d, stderr);
	assert_non_null(c);
	assert_int_equal(st, LOAD_OK);
	assert_string_equal(c->cache_state, want_state);
	diags_release(&d);
	return c;
}

static char *as_json(const struct corpus *c)
{
	cJSON *o = corpus_json(c);
	char *s = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	return s;
}

static void test_round_trip(void **state)
{
	(void)state;
	unlink(cache_path);
	struct corpus *a = load("written");
	struct corpus *b = load("hit");
	assert_non_null(b->image);
	assert_string_equal(b->cache_path, cache_path);
	char *ja = as_json(a), *jb = as_json(b);
	assert_string_equal(ja, jb);
	cJSON_free(ja);
	cJSON_free(jb);
	assert_int_equal(corpus_find_claim(b, "mt-02"), corpus_find_claim(a, "mt-02"));
	assert_int_equal(corpus_find_topic(b, "nope"), -1);
	size_t len;
	struct strbuf err = STRBUF_INIT;
	assert_non_null(corpus_text(b, 0, &len, &err));
	assert_int_equal(len, 6791);
	sb_release(&err);
	corpus_free(a);
	corpus_free(b);
}

static void test_stale_and_off(void **state)
{
	(void)state;
	unlink(cache_path);
	corpus_free(load("written"));
	corpus_free(load("hit"));
	struct timespec ts[2] = { { 1, 0 }, { 1, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, index_path, ts, 0), 0);
	corpus_free(load("stale, rewritten"));
	corpus_free(load("hit"));
	setenv("LECTERN_CACHE", "0", 1);
	corpus_free(load("off"));
	unsetenv("LECTERN_CACHE");
	/* check takes the index from a valid cache and checks the texts; a
	 * stale one it replaces after reading the JSON */
	struct diags d;
	diags_init(&d);
	struct corpus *c = corpus_load(index_path, CORPUS_USE_CACHE | CORPUS_CHECK_FILES, &d, NULL);
	assert_non_null(c);
	assert_string_equal(c->cache_state, "hit");
	corpus_free(c);
	assert_int_equal(utimensat(AT_FDCWD, index_path, ts, 0), 0);
	c = corpus_load(index_path, CORPUS_USE_CACHE | CORPUS_CHECK_FILES, &d, NULL);
	assert_non_null(c);
	assert_string_equal(c->cache_state, "stale, rewritten");
	corpus_free(c);
	assert_int_equal(diags_count(&d), 0);
	diags_release(&d);
}

static char *read_cache(size_t *len)
{
	char *buf = read_file(cache_path, 1 << 26, len);
	assert_non_null(buf);
	return buf;
}

/* Every word of an image changed, resealed so that the hash matches: the
 * reader must refuse it or build a corpus that is safe to walk. */
static void test_tampered_images(void **state)
{
	(void)state;
	unlink(cache_path);
	corpus_free(load("written"));
	size_t len, accepted = 0, refused = 0;
	char *orig = read_cache(&len);
	static const uint64_t deltas[] = { 1ull << 40, 1, (uint64_t)-1 };

	for (size_t d = 0; d < 3; d++)
		for (size_t at = 0; at + 8 <= len; at += d ? 40 : 8) {
			char *img = xmalloc(len);
			memcpy(img, orig, len);
			uint64_t w;
			memcpy(&w, img + at, 8);
			w += deltas[d];
			memcpy(img + at, &w, 8);
			cache_image_seal(img, len);
			struct corpus *c = cache_image_open(img, len);
			if (!c) {
				free(img);
				refused++;
				continue;
			}
			if (accepted++ % 8 == 0) {
				char *j = as_json(c);   /* touches every string and array */
				assert_non_null(j);
				cJSON_free(j);
			}
			for (size_t i = 0; i < c->nclaims; i++)
				assert_true(corpus_find_claim(c, c->claims[i].id) >= -1);
			corpus_free(c);
		}
	assert_true(refused > 0);

	/* unsealed damage never passes */
	for (size_t at = 0; at < len; at += 97) {
		char *img = xmalloc(len);
		memcpy(img, orig, len);
		img[at] ^= 0x10;
		struct corpus *c = cache_image_open(img, len);
		assert_null(c);
		free(img);
	}
	/* short images */
	for (size_t n = 0; n < len; n += len / 50 + 1) {
		char *img = xmalloc(n + 1);
		memcpy(img, orig, n);
		cache_image_seal(img, n);
		assert_null(cache_image_open(img, n));
		free(img);
	}
	free(orig);
}

static void test_hash(void **state)
{
	(void)state;
	const char *s = "the quick brown fox jumps over the lazy dog, twice over";
	uint64_t h = cache_hash(s, strlen(s), 1);
	assert_true(h == cache_hash(s, strlen(s), 1));
	assert_true(h != cache_hash(s, strlen(s), 2));
	assert_true(h != cache_hash(s, strlen(s) - 1, 1));
	char buf[64];
	memcpy(buf, s, strlen(s));
	buf[40] ^= 1;
	assert_true(h != cache_hash(buf, strlen(s), 1));
	assert_true(cache_hash("", 0, 1) != cache_hash("\0", 1, 1));
	assert_true(cache_index_hash(s, strlen(s)) == cache_index_hash(s, strlen(s)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_stale_and_off),
		cmocka_unit_test(test_tampered_images),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
