/* corpus_cache: writing and checking the binary image of a loaded corpus. */
#include "corpus_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define CACHE_MAGIC "LCTRNIMG"
#define CACHE_FORMAT 1
#define SEED_INDEX 0x6c65637465726e21ull
#define SEED_IMAGE 0x696d616765212121ull

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

uint64_t cache_hash(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t a = seed, b = seed ^ K1, c = seed + K2, d = ~seed;
	size_t i = 0;

	for (; i + 32 <= n; i += 32) {
		a = (a ^ load64(s + i)) * K1;      a ^= a >> 31;
		b = (b ^ load64(s + i + 8)) * K1;  b ^= b >> 31;
		c = (c ^ load64(s + i + 16)) * K1; c ^= c >> 31;
		d = (d ^ load64(s + i + 24)) * K1; d ^= d >> 31;
	}
	unsigned char tail[32] = { 0 };
	memcpy(tail, s + i, n - i);
	a = (a ^ load64(tail)) * K1;
	b = (b ^ load64(tail + 8)) * K1;
	c = (c ^ load64(tail + 16)) * K1;
	d = (d ^ load64(tail + 24)) * K1;
	return mix(mix(a) ^ mix(b + K1) ^ mix(c + K2) ^ mix(d ^ (uint64_t)n));
}

bool corpus_cache_enabled(void)
{
	const char *e = getenv("LECTERN_CACHE");
	return !e || (strcmp(e, "0") && strcmp(e, "off") && strcmp(e, "no"));
}

/* ---- the file ---- */

enum { R_SOURCES, R_CLAIMS, R_TOPICS, R_VALUES, R_REPAIRS, R_SPANS, R_IDX,
       R_STRP, R_SLOTS, R_STRINGS, NREG };

static const size_t elsize[NREG] = {
	sizeof(struct source), sizeof(struct claim), sizeof(struct topic),
	sizeof(struct value), sizeof(struct repair), sizeof(struct span),
	sizeof(size_t), sizeof(const char *), sizeof(size_t), 1,
};

struct header {
	char magic[8];
	uint64_t layout;
	uint64_t size, mtime_s, mtime_ns, ctime_s, ctime_ns, ino, dev, hash;
	uint64_t payload, payload_hash;
	uint64_t n[NREG];
	uint64_t caps[3];
	uint64_t version, title, description, extra;
};

/* Format, word size, byte order and the model's struct sizes in one word:
 * a cache from another build or machine never matches. */
static uint64_t layout_word(void)
{
	uint64_t h = CACHE_FORMAT * K1 ^ 0x0102030405060708ull;
	for (int i = 0; i < NREG; i++)
		h = mix(h ^ elsize[i]);
	return mix(h ^ sizeof(struct header) ^ (sizeof(bool) << 8) ^
		   (sizeof(enum value_type) << 16));
}

static size_t align16(size_t n)
{
	return (n + 15) & ~(size_t)15;
}

/* ---- where ---- */

static void beside_path(const char *index, struct strbuf *out)
{
	const char *slash = strrchr(index, '/');
	sb_reset(out);
	if (slash)
		sb_add(out, index, (size_t)(slash - index + 1));
	sb_addf(out, ".%s.lcache", slash ? slash + 1 : index);
}

/* $XDG_CACHE_HOME/lectern[/HASH.lcache]; -1 when no home is known. */
static int fallback_path(const char *index, struct strbuf *out, bool dir_only)
{
	const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char real[PATH_MAX];

	sb_reset(out);
	if (x && *x == '/')
		sb_addf(out, "%s/lectern", x);
	else if (home && *home == '/')
		sb_addf(out, "%s/.cache/lectern", home);
	else
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

/* The index's hash, read in 1 MiB pieces so that it costs no memory. */
static bool hash_file(const char *path, uint64_t *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	size_t cap = 1 << 20, have = 0;
	unsigned char *buf = xmalloc(cap);
	struct strbuf all = STRBUF_INIT;
	bool ok = true;
	/* cache_hash() is not streaming: hash fixed pieces, then the list of
	 * piece hashes (a two-level hash, as good and as fast). */
	for (;;) {
		ssize_t r = read(fd, buf + have, cap - have);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			ok = false;
			break;
		}
		have += (size_t)r;
		if (have == cap || (r == 0 && have)) {
			uint64_t h = cache_hash(buf, have, SEED_INDEX);
			sb_add(&all, (const char *)&h, sizeof h);
			have = 0;
		}
		if (r == 0)
			break;
	}
	close(fd);
	free(buf);
	*out = cache_hash(all.buf ? all.buf : "", all.len, SEED_INDEX);
	sb_release(&all);
	return ok;
}

uint64_t cache_index_hash(const char *p, size_t n)
{
	struct strbuf all = STRBUF_INIT;
	for (size_t i = 0; i < n; i += 1 << 20) {
		size_t k = n - i < (1u << 20) ? n - i : 1u << 20;
		uint64_t h = cache_hash(p + i, k, SEED_INDEX);
		sb_add(&all, (const char *)&h, sizeof h);
	}
	uint64_t h = cache_hash(all.buf ? all.buf : "", all.len, SEED_INDEX);
	sb_release(&all);
	return h;
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
		p = m->reg[reg] + r * elsize[reg];
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
static bool fix_map(struct idmap *map, size_t **slots, uint64_t cap, uint64_t *left,
		    size_t entries)
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
	*slots += cap;
	*left -= cap;
	return true;
}

static struct corpus *image_build(char *block, size_t size, const struct header *h)
{
	struct img m = { .base = block };
	size_t at = align16(sizeof *h);

	for (int i = 0; i < NREG; i++) {
		if (h->n[i] > (size - at) / elsize[i])
			return NULL;
		m.reg[i] = block + at;
		m.n[i] = h->n[i];
		at += (size_t)h->n[i] * elsize[i];
		at = i == NREG - 1 ? at : align16(at);
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
	    !fix_map(&cp->source_ids, &slots, h->caps[0], &left, cp->nsources) ||
	    !fix_map(&cp->claim_ids, &slots, h->caps[1], &left, cp->nclaims) ||
	    !fix_map(&cp->topic_ids, &slots, h->caps[2], &left, cp->ntopics) || left) {
		cp->image = NULL;   /* the caller frees the block */
		free(cp);
		return NULL;
	}
	return cp;
}

struct corpus *cache_image_open(char *block, size_t size)
{
	struct header h;
	if (size < align16(sizeof h))
		return NULL;
	memcpy(&h, block, sizeof h);
	if (memcmp(h.magic, CACHE_MAGIC, 8) || h.layout != layout_word() ||
	    h.payload != size - align16(sizeof h) ||
	    cache_hash(block + align16(sizeof h), (size_t)h.payload, SEED_IMAGE) !=
	    h.payload_hash)
		return NULL;
	return image_build(block, size, &h);
}

void cache_image_seal(char *block, size_t size)
{
	struct header h;
	if (size < align16(sizeof h))
		return;
	memcpy(&h, block, sizeof h);
	h.payload_hash = cache_hash(block + align16(sizeof h), size - align16(sizeof h),
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
	if ((uint64_t)st.st_size < align16(sizeof h) || !read_all(fd, &h, sizeof h, 0) ||
	    memcmp(h.magic, CACHE_MAGIC, 8) || h.layout != layout_word() ||
	    h.payload != (uint64_t)st.st_size - align16(sizeof h)) {
		*why = "corrupt";
		goto out;
	}
	if (!stat_matches(&h, ist)) {
		*why = "stale";
		goto out;
	}
	if (!*have_hash) {
		if (!hash_file(index, ihash))
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

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
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
	beside_path(index_path, &p);
	c = try_read(p.buf, index_path, &ist, &have_hash, &ihash, why);
	if (!c && fallback_path(index_path, &p, false) == 0)
		c = try_read(p.buf, index_path, &ist, &have_hash, &ihash, why);
	if (c) {
		c->index_path = xstrdup(index_path);
		c->dir = dir_of(index_path);
		c->cache_path = sb_detach(&p, NULL);
		snprintf(c->cache_state, sizeof c->cache_state, "hit");
	}
	sb_release(&p);
	return c;
}

/* ---- writing ---- */

struct slot {
	uint64_t hash;
	size_t ref;              /* string offset + 1; 0 = empty */
};

struct writer {
	struct strbuf reg[NREG];
	struct slot *intern;     /* short strings already stored, by hash */
	size_t icap, iused;
};

static size_t count(const struct writer *w, int r)
{
	return w->reg[r].len / elsize[r];
}

static void intern_grow(struct writer *w)
{
	size_t ncap = w->icap ? w->icap * 2 : 4096;
	struct slot *n = xcalloc(ncap, sizeof *n);
	for (size_t i = 0; i < w->icap; i++) {
		if (!w->intern[i].ref)
			continue;
		size_t h = w->intern[i].hash & (ncap - 1);
		while (n[h].ref)
			h = (h + 1) & (ncap - 1);
		n[h] = w->intern[i];
	}
	free(w->intern);
	w->intern = n;
	w->icap = ncap;
}

#define INTERN_MAX 40   /* longer strings (texts, titles) are rarely repeated */

/* A string reference: offset + 1 into the strings, 0 for NULL.  Equal
 * short strings (kinds, outlets, units, dates) are stored once. */
static const char *enc_str(struct writer *w, const char *s)
{
	if (!s)
		return NULL;
	size_t len = strlen(s);
	struct strbuf *strs = &w->reg[R_STRINGS];
	if (len > INTERN_MAX) {
		sb_add(strs, s, len + 1);
		return (const char *)(uintptr_t)(strs->len - len);
	}
	if (w->iused * 2 >= w->icap)
		intern_grow(w);
	size_t mask = w->icap - 1;
	uint64_t hv = cache_hash(s, len, 0);
	size_t h = hv & mask;
	for (; w->intern[h].ref; h = (h + 1) & mask)
		if (w->intern[h].hash == hv && !strcmp(strs->buf + w->intern[h].ref - 1, s))
			return (const char *)(uintptr_t)w->intern[h].ref;
	w->intern[h].hash = hv;
	w->intern[h].ref = strs->len + 1;
	w->iused++;
	sb_add(strs, s, len + 1);
	return (const char *)(uintptr_t)w->intern[h].ref;
}

#define ENC_ARR(w, r) ((void *)(uintptr_t)count((w), (r)))

static size_t *enc_idx(struct writer *w, const size_t *v, size_t n)
{
	size_t *r = ENC_ARR(w, R_IDX);
	sb_add(&w->reg[R_IDX], (const char *)v, n * sizeof *v);
	return r;
}

static void enc_value(struct writer *w, const struct value *v)
{
	struct value o;
	memset(&o, 0, sizeof o);
	o.type = v->type;
	o.num = v->num;
	o.has_low = v->has_low;
	o.has_high = v->has_high;
	o.low = v->low;
	o.high = v->high;
	o.unit = enc_str(w, v->unit);
	o.counted = enc_str(w, v->counted);
	o.qualifier = enc_str(w, v->qualifier);
	o.date = enc_str(w, v->date);
	o.precision = enc_str(w, v->precision);
	o.start = enc_str(w, v->start);
	o.end = enc_str(w, v->end);
	o.about = enc_str(w, v->about);
	o.extra = enc_str(w, v->extra);
	sb_add(&w->reg[R_VALUES], (const char *)&o, sizeof o);
}

static void enc_source(struct writer *w, const struct source *s)
{
	struct source o;
	memset(&o, 0, sizeof o);
	o.id = enc_str(w, s->id);
	o.title = enc_str(w, s->title);
	o.outlet = enc_str(w, s->outlet);
	o.author = enc_str(w, s->author);
	o.published = enc_str(w, s->published);
	o.url = enc_str(w, s->url);
	o.language = enc_str(w, s->language);
	o.file = enc_str(w, s->file);
	o.sha256 = enc_str(w, s->sha256);
	o.boiler = ENC_ARR(w, R_SPANS);
	o.nboiler = s->nboiler;
	sb_add(&w->reg[R_SPANS], (const char *)s->boiler, s->nboiler * sizeof *s->boiler);
	o.has_provenance = s->has_provenance;
	o.original = enc_str(w, s->original);
	o.prov_note = enc_str(w, s->prov_note);
	o.guessed = ENC_ARR(w, R_STRP);
	o.nguessed = s->nguessed;
	for (size_t k = 0; k < s->nguessed; k++) {
		const char *r = enc_str(w, s->guessed[k]);
		sb_add(&w->reg[R_STRP], (const char *)&r, sizeof r);
	}
	o.repairs = ENC_ARR(w, R_REPAIRS);
	o.nrepairs = s->nrepairs;
	for (size_t k = 0; k < s->nrepairs; k++) {
		struct repair r;
		memset(&r, 0, sizeof r);
		r.kind = enc_str(w, s->repairs[k].kind);
		r.action = enc_str(w, s->repairs[k].action);
		r.detail = enc_str(w, s->repairs[k].detail);
		r.count = s->repairs[k].count;
		r.extra = enc_str(w, s->repairs[k].extra);
		sb_add(&w->reg[R_REPAIRS], (const char *)&r, sizeof r);
	}
	o.prov_extra = enc_str(w, s->prov_extra);
	o.extra = enc_str(w, s->extra);
	o.nclaims = s->nclaims;
	o.claims = enc_idx(w, s->claims, s->nclaims);
	sb_add(&w->reg[R_SOURCES], (const char *)&o, sizeof o);
}

static void enc_claim(struct writer *w, const struct claim *c)
{
	struct claim o;
	memset(&o, 0, sizeof o);
	o.id = enc_str(w, c->id);
	o.source = c->source;
	o.span = c->span;
	o.text = enc_str(w, c->text);
	o.kind = enc_str(w, c->kind);
	o.origin = enc_str(w, c->origin);
	o.speaker = enc_str(w, c->speaker);
	o.speaker_role = enc_str(w, c->speaker_role);
	o.values = ENC_ARR(w, R_VALUES);
	o.nvalues = c->nvalues;
	for (size_t k = 0; k < c->nvalues; k++)
		enc_value(w, &c->values[k]);
	o.ntopics = c->ntopics;
	o.topics = enc_idx(w, c->topics, c->ntopics);
	o.extra = enc_str(w, c->extra);
	sb_add(&w->reg[R_CLAIMS], (const char *)&o, sizeof o);
}

static void enc_topic(struct writer *w, const struct topic *t)
{
	struct topic o;
	memset(&o, 0, sizeof o);
	o.id = enc_str(w, t->id);
	o.label = enc_str(w, t->label);
	o.note = enc_str(w, t->note);
	o.status = enc_str(w, t->status);
	o.origin = enc_str(w, t->origin);
	o.nclaims = t->nclaims;
	o.claims = enc_idx(w, t->claims, t->nclaims);
	o.extra = enc_str(w, t->extra);
	sb_add(&w->reg[R_TOPICS], (const char *)&o, sizeof o);
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t r = write(fd, p, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		p += r;
		n -= (size_t)r;
	}
	return true;
}

/* mkdir -p for the cache directory (mode 0700). */
static int make_dirs(const char *dir)
{
	char *p = xstrdup(dir);
	int rc = 0;
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (mkdir(p, 0700) == 0 || errno == EEXIST)
		rc = 0;
	free(p);
	return rc;
}

/* Writes the image as path, through a temporary file renamed into place. */
static int put_file(const char *path, const struct strbuf *payload,
		    const struct header *h, mode_t mode, struct strbuf *err)
{
	struct strbuf tmp = STRBUF_INIT;
	static const char zeros[16];
	int rc = -1;

	sb_addf(&tmp, "%s.XXXXXX", path);
	int fd = mkostemp(tmp.buf, O_CLOEXEC);
	if (fd < 0) {
		sb_addf(err, "%s: %s", path, strerror(errno));
		sb_release(&tmp);
		return -1;
	}
	bool ok = fchmod(fd, mode) == 0 && write_all(fd, (const char *)h, sizeof *h) &&
		  write_all(fd, zeros, align16(sizeof *h) - sizeof *h);
	ok = ok && write_all(fd, payload->buf ? payload->buf : "", payload->len);
	if (close(fd) < 0)
		ok = false;
	if (!ok || rename(tmp.buf, path) < 0) {
		sb_addf(err, "%s: %s", path, strerror(errno ? errno : EIO));
		unlink(tmp.buf);
	} else {
		rc = 0;
	}
	sb_release(&tmp);
	return rc;
}

int corpus_cache_write(struct corpus *c, const struct stat *st, uint64_t index_hash,
		       struct strbuf *err)
{
	struct writer w;
	struct header h;
	struct strbuf path = STRBUF_INIT;
	int rc = -1;

	memset(&w, 0, sizeof w);
	memset(&h, 0, sizeof h);
	sb_grow(&w.reg[R_SOURCES], c->nsources * sizeof *c->sources);
	sb_grow(&w.reg[R_CLAIMS], c->nclaims * sizeof *c->claims);
	sb_grow(&w.reg[R_STRINGS], c->pool.used / 2);
	for (size_t i = 0; i < c->nsources; i++)
		enc_source(&w, &c->sources[i]);
	for (size_t i = 0; i < c->nclaims; i++)
		enc_claim(&w, &c->claims[i]);
	for (size_t i = 0; i < c->ntopics; i++)
		enc_topic(&w, &c->topics[i]);
	h.title = (uintptr_t)enc_str(&w, c->title);
	h.description = (uintptr_t)enc_str(&w, c->description);
	h.extra = (uintptr_t)enc_str(&w, c->extra);
	const struct idmap *maps[3] = { &c->source_ids, &c->claim_ids, &c->topic_ids };
	for (int k = 0; k < 3; k++) {
		h.caps[k] = maps[k]->cap;
		sb_add(&w.reg[R_SLOTS], (const char *)maps[k]->slots,
		       maps[k]->cap * sizeof *maps[k]->slots);
	}
	memcpy(h.magic, CACHE_MAGIC, 8);
	h.layout = layout_word();
	h.size = (uint64_t)st->st_size;
	h.mtime_s = (uint64_t)st->st_mtim.tv_sec;
	h.mtime_ns = (uint64_t)st->st_mtim.tv_nsec;
	h.ctime_s = (uint64_t)st->st_ctim.tv_sec;
	h.ctime_ns = (uint64_t)st->st_ctim.tv_nsec;
	h.ino = (uint64_t)st->st_ino;
	h.dev = (uint64_t)st->st_dev;
	h.hash = index_hash;
	h.version = (uint64_t)c->version;

	/* the payload as it will stand in the file, for its hash */
	struct strbuf all = STRBUF_INIT;
	static const char zeros[16];
	free(w.intern);
	size_t total = 0;
	for (int i = 0; i < NREG; i++)
		total += align16(w.reg[i].len);
	sb_grow(&all, total);
	for (int i = 0; i < NREG; i++) {
		h.n[i] = count(&w, i);
		sb_add(&all, w.reg[i].buf ? w.reg[i].buf : "", w.reg[i].len);
		if (i < NREG - 1)
			sb_add(&all, zeros, align16(w.reg[i].len) - w.reg[i].len);
		sb_release(&w.reg[i]);
	}
	h.payload = all.len;
	h.payload_hash = cache_hash(all.buf ? all.buf : "", all.len, SEED_IMAGE);

	beside_path(c->index_path, &path);
	struct strbuf e1 = STRBUF_INIT;
	if (put_file(path.buf, &all, &h, 0644, &e1) == 0) {
		rc = 0;
	} else if (fallback_path(c->index_path, &path, true) == 0 &&
		   make_dirs(path.buf) == 0 &&
		   fallback_path(c->index_path, &path, false) == 0 &&
		   put_file(path.buf, &all, &h, 0600, err) == 0) {
		rc = 0;
	} else if (!err->len) {
		sb_addstr(err, e1.buf);
	}
	sb_release(&e1);
	if (rc == 0) {
		free(c->cache_path);
		c->cache_path = sb_detach(&path, NULL);
	}
	sb_release(&path);
	sb_release(&all);
	return rc;
}
