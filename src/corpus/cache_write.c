/*
 * corpus/cache_write: writing the binary image of a loaded corpus.  The
 * regions go to unnamed temporary files beside the index as they are
 * encoded (a MiB at a time) and are copied into the image when it is
 * written, so that writing the cache after a first open holds the model,
 * not a second copy of it; where no such file can be made, a region is
 * kept in memory.
 */
#include "corpus/cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/save.h"
#include "base/util.h"
#include "corpus/cache_impl.h"

struct slot {
	uint64_t hash;
	size_t ref;              /* string offset + 1; 0 = empty */
	const char *s;           /* the model's copy, for comparing */
};

#define SPILL_EVERY (1u << 20)

struct writer {
	struct strbuf reg[NREG];
	struct slot *intern;     /* short strings already stored, by hash */
	size_t icap, iused;
	int spill[NREG];         /* what came before reg[r], or -1 */
	size_t spilled[NREG];    /* its length */
	bool spill_failed;
};

static size_t count(const struct writer *w, int r)
{
	return (w->reg[r].len + w->spilled[r]) / cache_elsize[r];
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

/* Appends n bytes to region r, passing a full MiB on to its file. */
static void reg_add(struct writer *w, int r, const void *p, size_t n)
{
	struct strbuf *b = &w->reg[r];
	while (n) {
		size_t k = w->spill[r] >= 0 && n > SPILL_EVERY ? SPILL_EVERY : n;
		sb_add(b, p, k);
		p = (const char *)p + k;
		n -= k;
		if (w->spill[r] >= 0 && b->len >= SPILL_EVERY) {
			if (!write_all(w->spill[r], b->buf, b->len))
				w->spill_failed = true;
			w->spilled[r] += b->len;
			sb_reset(b);
		}
	}
}

/* Appends a string and its NUL; returns its offset + 1. */
static size_t str_put(struct writer *w, const char *s, size_t len)
{
	size_t ref = w->spilled[R_STRINGS] + w->reg[R_STRINGS].len + 1;
	reg_add(w, R_STRINGS, s, len + 1);
	return ref;
}

/* Calls each(arg, piece, n) on what region reg passed to its file, in order. */
static bool spill_each(const struct writer *w, int reg,
		       bool (*each)(void *, const char *, size_t), void *arg)
{
	if (w->spill[reg] < 0 || !w->spilled[reg])
		return true;
	char *buf = xmalloc(SPILL_EVERY);
	bool ok = true;
	for (size_t at = 0; ok && at < w->spilled[reg];) {
		size_t left = w->spilled[reg] - at;
		size_t want = left < SPILL_EVERY ? left : SPILL_EVERY;
		ssize_t r = pread(w->spill[reg], buf, want, (off_t)at);
		if (r < 0 && errno == EINTR)
			continue;
		ok = r > 0 && each(arg, buf, (size_t)r);
		at += r > 0 ? (size_t)r : 0;
	}
	free(buf);
	return ok;
}

static bool hash_piece(void *hs, const char *p, size_t n)
{
	hash_update(hs, p, n);
	return true;
}

static bool write_piece(void *fd, const char *p, size_t n)
{
	return write_all(*(int *)fd, p, n);
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
	if (len > INTERN_MAX)
		return (const char *)(uintptr_t)str_put(w, s, len);
	if (w->iused * 2 >= w->icap)
		intern_grow(w);
	size_t mask = w->icap - 1;
	uint64_t hv = cache_hash(s, len, 0);
	size_t h = hv & mask;
	for (; w->intern[h].ref; h = (h + 1) & mask)
		if (w->intern[h].hash == hv && !strcmp(w->intern[h].s, s))
			return (const char *)(uintptr_t)w->intern[h].ref;
	w->intern[h].hash = hv;
	w->intern[h].s = s;
	w->iused++;
	w->intern[h].ref = str_put(w, s, len);
	return (const char *)(uintptr_t)w->intern[h].ref;
}

#define ENC_ARR(w, r) ((void *)(uintptr_t)count((w), (r)))

static size_t *enc_idx(struct writer *w, const size_t *v, size_t n)
{
	size_t *r = ENC_ARR(w, R_IDX);
	reg_add(w, R_IDX, (const char *)v, n * sizeof *v);
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
	reg_add(w, R_VALUES, (const char *)&o, sizeof o);
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
	reg_add(w, R_SPANS, (const char *)s->boiler, s->nboiler * sizeof *s->boiler);
	o.has_provenance = s->has_provenance;
	o.original = enc_str(w, s->original);
	o.prov_note = enc_str(w, s->prov_note);
	o.guessed = ENC_ARR(w, R_STRP);
	o.nguessed = s->nguessed;
	for (size_t k = 0; k < s->nguessed; k++) {
		const char *r = enc_str(w, s->guessed[k]);
		reg_add(w, R_STRP, (const char *)&r, sizeof r);
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
		reg_add(w, R_REPAIRS, (const char *)&r, sizeof r);
	}
	o.prov_extra = enc_str(w, s->prov_extra);
	o.extra = enc_str(w, s->extra);
	o.note = enc_str(w, s->note);
	o.nclaims = s->nclaims;
	o.claims = enc_idx(w, s->claims, s->nclaims);
	reg_add(w, R_SOURCES, (const char *)&o, sizeof o);
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
	o.note = enc_str(w, c->note);
	reg_add(w, R_CLAIMS, (const char *)&o, sizeof o);
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
	reg_add(w, R_TOPICS, (const char *)&o, sizeof o);
}

/* Writes the image as path, through a temporary file renamed into place. */
static int put_file(const char *path, const struct writer *w, const struct header *h,
		    mode_t mode, struct strbuf *err)
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
		  write_all(fd, zeros, cache_align16(sizeof *h) - sizeof *h);
	for (int i = 0; ok && i < NREG; i++) {
		size_t len = w->reg[i].len, all = len + w->spilled[i];
		ok = spill_each(w, i, write_piece, &fd) &&
		     write_all(fd, w->reg[i].buf ? w->reg[i].buf : "", len) &&
		     (i == NREG - 1 || write_all(fd, zeros, cache_align16(all) - all));
	}
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

/* Room for every region up front: no growth, no copy. */
static void presize(struct writer *w, const struct corpus *c)
{
	size_t n[NREG] = { c->nsources, c->nclaims, c->ntopics, 0, 0, 0, 0, 0,
			   c->source_ids.cap + c->claim_ids.cap + c->topic_ids.cap,
			   0 };
	for (size_t i = 0; i < c->nsources; i++) {
		const struct source *s = &c->sources[i];
		n[R_REPAIRS] += s->nrepairs;
		n[R_SPANS] += s->nboiler;
		n[R_STRP] += s->nguessed;
		n[R_IDX] += s->nclaims;
	}
	for (size_t i = 0; i < c->nclaims; i++) {
		n[R_VALUES] += c->claims[i].nvalues;
		n[R_IDX] += c->claims[i].ntopics;
	}
	for (size_t i = 0; i < c->ntopics; i++)
		n[R_IDX] += c->topics[i].nclaims;
	n[R_STRINGS] = c->pool.used / 2 + 4096;
	for (int i = 0; i < NREG; i++) {
		size_t bytes = n[i] * cache_elsize[i];
		sb_grow(&w->reg[i], w->spill[i] >= 0 && bytes > 2 * SPILL_EVERY ?
			2 * SPILL_EVERY : bytes);
	}
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
	for (int i = 0; i < NREG; i++)
		w.spill[i] = open(c->dir && *c->dir ? c->dir : ".", O_TMPFILE | O_RDWR | O_CLOEXEC,
				  0600);
	presize(&w, c);
	for (size_t i = 0; i < c->nsources; i++)
		enc_source(&w, &c->sources[i]);
	for (size_t i = 0; i < c->nclaims; i++)
		enc_claim(&w, &c->claims[i]);
	for (size_t i = 0; i < c->ntopics; i++)
		enc_topic(&w, &c->topics[i]);
	h.title = (uintptr_t)enc_str(&w, c->title);
	h.description = (uintptr_t)enc_str(&w, c->description);
	h.extra = (uintptr_t)enc_str(&w, c->extra);
	free(w.intern);
	const struct idmap *maps[3] = { &c->source_ids, &c->claim_ids, &c->topic_ids };
	for (int k = 0; k < 3; k++) {
		h.caps[k] = maps[k]->cap;
		h.seeds[k] = maps[k]->seed;
		reg_add(&w, R_SLOTS, (const char *)maps[k]->slots,
		       maps[k]->cap * sizeof *maps[k]->slots);
	}
	memcpy(h.magic, CACHE_MAGIC, 8);
	h.layout = cache_layout_word();
	h.size = (uint64_t)st->st_size;
	h.mtime_s = (uint64_t)st->st_mtim.tv_sec;
	h.mtime_ns = (uint64_t)st->st_mtim.tv_nsec;
	h.ctime_s = (uint64_t)st->st_ctim.tv_sec;
	h.ctime_ns = (uint64_t)st->st_ctim.tv_nsec;
	h.ino = (uint64_t)st->st_ino;
	h.dev = (uint64_t)st->st_dev;
	h.hash = index_hash;
	h.version = (uint64_t)c->version;

	/* the payload's hash, over the regions and padding as written */
	static const char zeros[16];
	struct hash_state hs;
	hash_init(&hs, SEED_IMAGE);
	for (int i = 0; i < NREG; i++) {
		size_t len = w.reg[i].len, all = len + w.spilled[i];
		h.n[i] = count(&w, i);
		if (!spill_each(&w, i, hash_piece, &hs))
			w.spill_failed = true;
		hash_update(&hs, w.reg[i].buf ? w.reg[i].buf : "", len);
		if (i < NREG - 1)
			hash_update(&hs, zeros, cache_align16(all) - all);
		h.payload += i < NREG - 1 ? cache_align16(all) : all;
	}
	h.payload_hash = hash_final(&hs);
	if (w.spill_failed) {
		sb_addf(err, "%s: cannot write the cache: %s", c->index_path, strerror(errno ? errno : EIO));
		goto out;
	}

	/* beside the index, unless it is the installed copy: never write there */
	cache_beside_path(c->index_path, &path);
	struct strbuf e1 = STRBUF_INIT;
	if (!corpus_installed(c->index_path) && put_file(path.buf, &w, &h, 0644, &e1) == 0) {
		rc = 0;
	} else if (cache_fallback_path(c->index_path, &path, true) == 0 &&
		   save_mkdirs(path.buf) == 0 &&
		   cache_fallback_path(c->index_path, &path, false) == 0 &&
		   put_file(path.buf, &w, &h, 0600, err) == 0) {
		rc = 0;
	} else if (!err->len) {
		sb_addstr(err, e1.buf);
	}
	sb_release(&e1);
	if (rc == 0) {
		free(c->cache_path);
		c->cache_path = sb_detach(&path, NULL);
	}
out:
	sb_release(&path);
	for (int i = 0; i < NREG; i++)
		sb_release(&w.reg[i]);
	for (int i = 0; i < NREG; i++)
		if (w.spill[i] >= 0)
			close(w.spill[i]);
	return rc;
}
