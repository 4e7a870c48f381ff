/* corpus/cache: writing and checking the binary image of a loaded corpus. */
#include "corpus/cache.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "corpus/cache_impl.h"

/* ---- the hash ---- */

#define K1 0x9e3779b97f4a7c15ull
#define K2 0xff51afd7ed558ccdull

static uint64_t load64(const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return w;
}

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= K2;
	h ^= h >> 29;
	return h;
}

void hash_init(struct hash_state *h, uint64_t seed)
{
	h->a = seed;
	h->b = seed ^ K1;
	h->c = seed + K2;
	h->d = ~seed;
	h->tn = 0;
	h->total = 0;
}

static void hash_block(struct hash_state *h, const unsigned char *s)
{
	h->a = (h->a ^ load64(s)) * K1;      h->a ^= h->a >> 31;
	h->b = (h->b ^ load64(s + 8)) * K1;  h->b ^= h->b >> 31;
	h->c = (h->c ^ load64(s + 16)) * K1; h->c ^= h->c >> 31;
	h->d = (h->d ^ load64(s + 24)) * K1; h->d ^= h->d >> 31;
}

void hash_update(struct hash_state *h, const void *p, size_t n)
{
	const unsigned char *s = p;
	h->total += n;
	if (h->tn) {
		size_t k = 32 - h->tn < n ? 32 - h->tn : n;
		memcpy(h->tail + h->tn, s, k);
		h->tn += k;
		s += k;
		n -= k;
		if (h->tn < 32)
			return;
		hash_block(h, h->tail);
		h->tn = 0;
	}
	for (; n >= 32; s += 32, n -= 32)
		hash_block(h, s);
	memcpy(h->tail, s, n);
	h->tn = n;
}

uint64_t hash_final(struct hash_state *h)
{
	memset(h->tail + h->tn, 0, 32 - h->tn);
	uint64_t a = (h->a ^ load64(h->tail)) * K1;
	uint64_t b = (h->b ^ load64(h->tail + 8)) * K1;
	uint64_t c = (h->c ^ load64(h->tail + 16)) * K1;
	uint64_t d = (h->d ^ load64(h->tail + 24)) * K1;
	return mix(mix(a) ^ mix(b + K1) ^ mix(c + K2) ^ mix(d ^ h->total));
}

uint64_t cache_hash(const void *p, size_t n, uint64_t seed)
{
	struct hash_state h;
	hash_init(&h, seed);
	hash_update(&h, p, n);
	return hash_final(&h);
}

bool corpus_cache_enabled(void)
{
	const char *e = getenv("LECTERN_CACHE");
	return !e || (strcmp(e, "0") && strcmp(e, "off") && strcmp(e, "no"));
}

/* ---- the file ---- */

const size_t cache_elsize[NREG] = {
	sizeof(struct source), sizeof(struct claim), sizeof(struct topic),
	sizeof(struct value), sizeof(struct repair), sizeof(struct span),
	sizeof(size_t), sizeof(const char *), sizeof(size_t), 1,
};

/* Format, word size, byte order and the model's struct sizes in one word:
 * a cache from another build or machine never matches. */
uint64_t cache_layout_word(void)
{
	uint64_t h = CACHE_FORMAT * K1 ^ 0x0102030405060708ull;
	for (int i = 0; i < NREG; i++)
		h = mix(h ^ cache_elsize[i]);
	return mix(h ^ sizeof(struct header) ^ (sizeof(bool) << 8) ^
		   (sizeof(enum value_type) << 16));
}

/* ---- where ---- */

void cache_beside_path(const char *index, struct strbuf *out)
{
	const char *slash = strrchr(index, '/');
	sb_reset(out);
	if (slash)
		sb_add(out, index, (size_t)(slash - index + 1));
	sb_addf(out, ".%s.lcache", slash ? slash + 1 : index);
}

int cache_fallback_path(const char *index, struct strbuf *out, bool dir_only)
{
	char real[PATH_MAX];

	if (xdg_lectern_dir("XDG_CACHE_HOME", ".cache", out) < 0)
		return -1;
	if (dir_only)
		return 0;
	if (!realpath(index, real))
		return -1;
	sb_addf(out, "/%016llx.lcache",
		(unsigned long long)cache_hash(real, strlen(real), SEED_INDEX));
	return 0;
}

/* ---- reading ---- */

static bool read_all(int fd, void *p, size_t n, off_t at)
{
	while (n) {
		ssize_t r = pread(fd, p, n, at);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		p = (char *)p + r;
		n -= (size_t)r;
		at += r;
	}
	return true;
}

bool cache_file_hash(const char *path, uint64_t *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	size_t cap = 1 << 20;
	unsigned char *buf = xmalloc(cap);
	struct hash_state h;
	bool ok = true;
	hash_init(&h, SEED_INDEX);
	for (;;) {
		ssize_t r = read(fd, buf, cap);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			ok = r == 0;
			break;
		}
		hash_update(&h, buf, (size_t)r);
	}
	close(fd);
	free(buf);
	*out = hash_final(&h);
	return ok;
}

uint64_t cache_index_hash(const char *p, size_t n)
{
	return cache_hash(p, n, SEED_INDEX);
}

uint64_t cache_mapped_hash(char *p, size_t n)
{
	struct hash_state h;
	hash_init(&h, SEED_INDEX);
	for (size_t at = 0, k; at < n; at += k) {
		k = n - at < (1u << 20) ? n - at : 1u << 20;
		hash_update(&h, p + at, k);
		map_file_drop(p, at, at + k);
	}
	return hash_final(&h);
}

struct img {
	char *base;
	char *reg[NREG];
	uint64_t n[NREG];
	const char *strings;
};

static bool get_str(const struct img *m, const char **f, bool nullable)
{
	uintptr_t r = (uintptr_t)*f;
	if (!r) {
		*f = NULL;
		return nullable;
	}
	if (r - 1 >= m->n[R_STRINGS])
		return false;
	*f = m->strings + (r - 1);
	return true;
}

/* An array field: element index and count within region reg. */
static bool get_arr(const struct img *m, void *field, size_t count, int reg)
{
	uintptr_t r;
	memcpy(&r, field, sizeof r);
	void *p = NULL;
	if (count) {
		if (r > m->n[reg] || count > m->n[reg] - r)
			return false;
		p = m->reg[reg] + r * cache_elsize[reg];
	}
	memcpy(field, &p, sizeof p);
	return true;
}

static bool get_bool(const void *field)
{
	unsigned char b;
	memcpy(&b, field, 1);
	return b <= 1;
}

static bool fix_idx(const struct img *m, size_t **f, size_t count, size_t limit)
{
	if (!get_arr(m, f, count, R_IDX))
		return false;
	for (size_t k = 0; k < count; k++)
		if ((*f)[k] >= limit)
			return false;
	return true;
}

static bool fix_value(const struct img *m, struct value *v)
{
	int t;
	memcpy(&t, &v->type, sizeof t);
	if ((t != VALUE_QUANTITY && t != VALUE_DATE) || !get_bool(&v->has_low) ||
	    !get_bool(&v->has_high) || !isfinite(v->num) || !isfinite(v->low) ||
	    !isfinite(v->high))
		return false;
	return get_str(m, &v->unit, t == VALUE_DATE) && get_str(m, &v->counted, true) &&
	       get_str(m, &v->qualifier, true) && get_str(m, &v->date, t == VALUE_QUANTITY) &&
	       get_str(m, &v->precision, true) && get_str(m, &v->start, true) &&
	       get_str(m, &v->end, true) && get_str(m, &v->about, true) &&
	       get_str(m, &v->extra, true);
}

static bool fix_source(const struct img *m, struct source *s)
{
	if (!get_str(m, &s->id, false) || !get_str(m, &s->title, true) ||
	    !get_str(m, &s->outlet, true) || !get_str(m, &s->author, true) ||
	    !get_str(m, &s->published, true) || !get_str(m, &s->url, true) ||
	    !get_str(m, &s->language, true) || !get_str(m, &s->file, false) ||
	    !get_str(m, &s->sha256, false) || !get_bool(&s->has_provenance) ||
	    !get_str(m, &s->original, true) || !get_str(m, &s->prov_note, true) ||
	    !get_str(m, &s->prov_extra, true) || !get_str(m, &s->extra, true) ||
	    !get_str(m, &s->note, true) ||
	    !get_arr(m, &s->boiler, s->nboiler, R_SPANS) ||
	    !get_arr(m, &s->guessed, s->nguessed, R_STRP) ||
	    !get_arr(m, &s->repairs, s->nrepairs, R_REPAIRS) ||
	    !fix_idx(m, &s->claims, s->nclaims, m->n[R_CLAIMS]))
		return false;
	s->text = NULL;
	s->text_len = 0;
	return true;
}

static bool fix_claim(const struct img *m, struct claim *c)
{
	return c->source < m->n[R_SOURCES] && get_str(m, &c->id, false) &&
	       get_str(m, &c->text, false) && get_str(m, &c->kind, false) &&
	       get_str(m, &c->origin, false) && get_str(m, &c->speaker, true) &&
	       get_str(m, &c->speaker_role, true) && get_str(m, &c->extra, true) &&
	       get_str(m, &c->note, true) &&
	       get_arr(m, &c->values, c->nvalues, R_VALUES) &&
	       fix_idx(m, &c->topics, c->ntopics, m->n[R_TOPICS]);
}

static bool fix_topic(const struct img *m, struct topic *t)
{
	return get_str(m, &t->id, false) && get_str(m, &t->label, false) &&
	       get_str(m, &t->note, true) && get_str(m, &t->status, true) &&
	       get_str(m, &t->origin, true) && get_str(m, &t->extra, true) &&
	       fix_idx(m, &t->claims, t->nclaims, m->n[R_CLAIMS]);
}

/* An id map: a power of two above its entries, slots within range, at
 * least one empty slot (so that a probe ends). */
static bool fix_map(struct idmap *map, size_t **slots, uint64_t cap, uint64_t seed,
		    uint64_t *left, size_t entries)
{
	if (cap < 16 || (cap & (cap - 1)) || cap > *left || cap <= entries)
		return false;
	size_t used = 0;
	for (size_t k = 0; k < cap; k++) {
		if ((*slots)[k] > entries)
			return false;
		used += (*slots)[k] != 0;
	}
	if (used > entries)
		return false;
	map->slots = *slots;
	map->cap = (size_t)cap;
	map->seed = (size_t)seed;
	*slots += cap;
	*left -= cap;
	return true;
}

static struct corpus *image_build(char *block, size_t size, const struct header *h)
{
	struct img m = { .base = block };
	size_t at = cache_align16(sizeof *h);

	for (int i = 0; i < NREG; i++) {
		if (h->n[i] > (size - at) / cache_elsize[i])
			return NULL;
		m.reg[i] = block + at;
		m.n[i] = h->n[i];
		at += (size_t)h->n[i] * cache_elsize[i];
		at = i == NREG - 1 ? at : cache_align16(at);
		if (at > size)
			return NULL;
	}
	if (at != size || !m.n[R_STRINGS] || m.reg[R_STRINGS][m.n[R_STRINGS] - 1])
		return NULL;
	m.strings = m.reg[R_STRINGS];

	const char **strp = (const char **)(void *)m.reg[R_STRP];
	for (size_t i = 0; i < m.n[R_STRP]; i++)
		if (!get_str(&m, &strp[i], false))
			return NULL;
	struct repair *rp = (struct repair *)(void *)m.reg[R_REPAIRS];
	for (size_t i = 0; i < m.n[R_REPAIRS]; i++)
		if (!get_str(&m, &rp[i].kind, false) || !get_str(&m, &rp[i].action, false) ||
		    !get_str(&m, &rp[i].detail, true) || !get_str(&m, &rp[i].extra, true))
			return NULL;
	struct value *v = (struct value *)(void *)m.reg[R_VALUES];
	for (size_t i = 0; i < m.n[R_VALUES]; i++)
		if (!fix_value(&m, &v[i]))
			return NULL;
	struct source *s = (struct source *)(void *)m.reg[R_SOURCES];
	for (size_t i = 0; i < m.n[R_SOURCES]; i++)
		if (!fix_source(&m, &s[i]))
			return NULL;
	struct claim *c = (struct claim *)(void *)m.reg[R_CLAIMS];
	for (size_t i = 0; i < m.n[R_CLAIMS]; i++)
		if (!fix_claim(&m, &c[i]))
			return NULL;
	struct topic *t = (struct topic *)(void *)m.reg[R_TOPICS];
	for (size_t i = 0; i < m.n[R_TOPICS]; i++)
		if (!fix_topic(&m, &t[i]))
			return NULL;

	struct corpus *cp = xcalloc(1, sizeof *cp);
	pool_init(&cp->pool);
	cp->image = block;
	cp->sources = s;
	cp->nsources = m.n[R_SOURCES];
	cp->claims = c;
	cp->nclaims = m.n[R_CLAIMS];
	cp->topics = t;
	cp->ntopics = m.n[R_TOPICS];
	cp->version = CORPUS_VERSION;
	cp->title = (const char *)(uintptr_t)h->title;
	cp->description = (const char *)(uintptr_t)h->description;
	cp->extra = (const char *)(uintptr_t)h->extra;
	size_t *slots = (size_t *)(void *)m.reg[R_SLOTS];
	uint64_t left = m.n[R_SLOTS];
	if (h->version != CORPUS_VERSION || !get_str(&m, &cp->title, false) ||
	    !get_str(&m, &cp->description, true) || !get_str(&m, &cp->extra, true) ||
	    !fix_map(&cp->source_ids, &slots, h->caps[0], h->seeds[0], &left, cp->nsources) ||
	    !fix_map(&cp->claim_ids, &slots, h->caps[1], h->seeds[1], &left, cp->nclaims) ||
	    !fix_map(&cp->topic_ids, &slots, h->caps[2], h->seeds[2], &left, cp->ntopics) || left) {
		cp->image = NULL;   /* the caller frees the block */
		free(cp);
		return NULL;
	}
	return cp;
}

struct corpus *cache_image_open(char *block, size_t size)
{
	struct header h;
	if (size < cache_align16(sizeof h))
		return NULL;
	memcpy(&h, block, sizeof h);
	if (memcmp(h.magic, CACHE_MAGIC, 8) || h.layout != cache_layout_word() ||
	    h.payload != size - cache_align16(sizeof h) ||
	    cache_hash(block + cache_align16(sizeof h), (size_t)h.payload, SEED_IMAGE) !=
	    h.payload_hash)
		return NULL;
	return image_build(block, size, &h);
}

void cache_image_seal(char *block, size_t size)
{
	struct header h;
	if (size < cache_align16(sizeof h))
		return;
	memcpy(&h, block, sizeof h);
	h.payload_hash = cache_hash(block + cache_align16(sizeof h), size - cache_align16(sizeof h),
				    SEED_IMAGE);
	memcpy(block, &h, sizeof h);
}

static bool stat_matches(const struct header *h, const struct stat *st)
{
	return h->size == (uint64_t)st->st_size &&
	       h->mtime_s == (uint64_t)st->st_mtim.tv_sec &&
	       h->mtime_ns == (uint64_t)st->st_mtim.tv_nsec &&
	       h->ctime_s == (uint64_t)st->st_ctim.tv_sec &&
	       h->ctime_ns == (uint64_t)st->st_ctim.tv_nsec &&
	       h->ino == (uint64_t)st->st_ino && h->dev == (uint64_t)st->st_dev;
}

/* One candidate file: the corpus, or NULL with *why updated. */
static struct corpus *try_read(const char *cpath, const char *index, const struct stat *ist,
			       bool *have_hash, uint64_t *ihash, const char **why)
{
	int fd = open(cpath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	struct stat st;
	struct header h;
	char *block = NULL;
	struct corpus *c = NULL;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		goto out;     /* not a cache at all: as if absent */
	/* another user could have planted it: trust only this user's or the
	 * index owner's, and only when no one else may write it */
	if ((st.st_uid != geteuid() && st.st_uid != ist->st_uid) || (st.st_mode & 022)) {
		*why = "untrusted";
		goto out;
	}
	if ((uint64_t)st.st_size < cache_align16(sizeof h) || !read_all(fd, &h, sizeof h, 0) ||
	    memcmp(h.magic, CACHE_MAGIC, 8) || h.layout != cache_layout_word() ||
	    h.payload != (uint64_t)st.st_size - cache_align16(sizeof h)) {
		*why = "corrupt";
		goto out;
	}
	if (!stat_matches(&h, ist)) {
		*why = "stale";
		goto out;
	}
	if (!*have_hash) {
		if (!cache_file_hash(index, ihash))
			goto out;
		*have_hash = true;
	}
	if (h.hash != *ihash) {
		*why = "stale";
		goto out;
	}
	block = malloc((size_t)st.st_size);
	if (!block || !read_all(fd, block, (size_t)st.st_size, 0) ||
	    memcmp(block, &h, sizeof h) || !(c = cache_image_open(block, (size_t)st.st_size))) {
		*why = "corrupt";
		goto out;
	}
	block = NULL;
out:
	free(block);
	close(fd);
	return c;
}

struct corpus *corpus_cache_read(const char *index_path, const char **why)
{
	struct strbuf p = STRBUF_INIT;
	struct stat ist;
	bool have_hash = false;
	uint64_t ihash = 0;
	struct corpus *c = NULL;

	*why = "none";
	if (stat(index_path, &ist) < 0 || !S_ISREG(ist.st_mode))
		return NULL;
	cache_beside_path(index_path, &p);
	c = try_read(p.buf, index_path, &ist, &have_hash, &ihash, why);
	if (!c && cache_fallback_path(index_path, &p, false) == 0)
		c = try_read(p.buf, index_path, &ist, &have_hash, &ihash, why);
	if (c) {
		c->index_path = xstrdup(index_path);
		c->dir = path_dir(index_path);
		c->cache_path = sb_detach(&p, NULL);
		snprintf(c->cache_state, sizeof c->cache_state, "hit");
	}
	sb_release(&p);
	return c;
}

