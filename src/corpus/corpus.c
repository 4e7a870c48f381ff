/* corpus: finding an index, looking up ids, reading texts safely. */
#include "corpus/corpus.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "base/util.h"
#include "corpus/impl.h"

#ifndef LECTERN_DATADIR
#define LECTERN_DATADIR "/usr/local/share/lectern"
#endif

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

int corpus_locate(const char *arg, struct strbuf *out)
{
	const char *env = getenv("LECTERN_CORPUS");
	const char *from = arg ? "--corpus" : "LECTERN_CORPUS";

	sb_reset(out);
	if (!arg && env && *env)
		arg = env;
	if (arg) {
		if (is_dir(arg)) {
			sb_addstr(out, arg);
			if (out->len && out->buf[out->len - 1] != '/')
				sb_addch(out, '/');
			sb_addstr(out, "corpus.json");
		} else {
			sb_addstr(out, arg);
		}
		if (exists(out->buf))
			return 0;
		struct strbuf m = STRBUF_INIT;
		sb_addf(&m, "%s: no such corpus (from %s)", out->buf, from);
		sb_reset(out);
		sb_add(out, m.buf, m.len);
		sb_release(&m);
		return -1;
	}
	if (exists("data/corpus.json")) {
		sb_addstr(out, "data/corpus.json");
		return 0;
	}
	sb_addstr(out, LECTERN_DATADIR "/data/corpus.json");
	if (exists(out->buf))
		return 0;
	sb_reset(out);
	sb_addstr(out, "no corpus found: give --corpus PATH or set LECTERN_CORPUS "
		  "(looked for ./data/corpus.json and " LECTERN_DATADIR "/data/corpus.json)");
	return -1;
}

bool corpus_installed(const char *path)
{
	char real[PATH_MAX], data[PATH_MAX];
	if (!realpath(path, real) || !realpath(LECTERN_DATADIR, data))
		return false;
	size_t n = strlen(data);
	return !strncmp(real, data, n) && (real[n] == '/' || (n == 1 && data[0] == '/'));
}

/* ---- ids ---- */

/*
 * FNV-1a from a random start chosen per map (and kept with it in the
 * cache): with a fixed start, ids chosen to collide (they come from the
 * index) would make every lookup walk one long probe chain.
 */
static size_t hash_str(const char *s, size_t seed)
{
	size_t h = 1469598103934665603ull ^ seed;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

bool idmap_add(struct idmap *m, const char *id, size_t index,
	       const char *(*name)(const void *, size_t), const void *arr)
{
	size_t mask = m->cap - 1, h = hash_str(id, m->seed) & mask;

	while (m->slots[h]) {
		if (!strcmp(name(arr, m->slots[h] - 1), id))
			return false;
		h = (h + 1) & mask;
	}
	m->slots[h] = index + 1;
	return true;
}

static long idmap_find(const struct idmap *m, const char *id,
		       const char *(*name)(const void *, size_t), const void *arr)
{
	if (!m->cap)
		return -1;
	size_t mask = m->cap - 1, h = hash_str(id, m->seed) & mask;
	while (m->slots[h]) {
		if (!strcmp(name(arr, m->slots[h] - 1), id))
			return (long)(m->slots[h] - 1);
		h = (h + 1) & mask;
	}
	return -1;
}

const char *corpus_source_name(const void *arr, size_t i)
{
	return ((const struct source *)arr)[i].id;
}

const char *corpus_claim_name(const void *arr, size_t i)
{
	return ((const struct claim *)arr)[i].id;
}

const char *corpus_topic_name(const void *arr, size_t i)
{
	return ((const struct topic *)arr)[i].id;
}

long corpus_find_source(const struct corpus *c, const char *id)
{
	return idmap_find(&c->source_ids, id, corpus_source_name, c->sources);
}

long corpus_find_claim(const struct corpus *c, const char *id)
{
	return idmap_find(&c->claim_ids, id, corpus_claim_name, c->claims);
}

long corpus_find_topic(const struct corpus *c, const char *id)
{
	return idmap_find(&c->topic_ids, id, corpus_topic_name, c->topics);
}

bool source_guessed(const struct source *s, const char *field)
{
	for (size_t i = 0; i < s->nguessed; i++)
		if (!strcmp(s->guessed[i], field))
			return true;
	return false;
}

/* ---- paths and texts ---- */

const char *corpus_path_problem(const char *rel)
{
	if (!*rel)
		return "empty path";
	if (rel[0] == '/')
		return "absolute path (paths are relative to the index)";
	if (rel[0] == '-')
		return "path starts with '-'";
	for (const char *p = rel; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			return "control character in path";
	for (const char *p = rel; *p;) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return "path leaves the corpus directory ('..')";
		p += n;
		if (*p == '/')
			p++;
	}
	return NULL;
}

#if defined(SYS_openat2) && __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
/* One openat2(2) that refuses to resolve outside dir (RESOLVE_BENEATH is
 * stricter than the realpath() test below: it also refuses absolute
 * symlinks); -1 on any failure, which the caller then redoes the slow way
 * for its message.  Two system calls where realpath() makes a dozen. */
static int open_beneath(const char *dir, const char *rel)
{
	int d = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (d < 0)
		return -1;
	struct open_how how = {
		.flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
	};
	int fd = (int)syscall(SYS_openat2, d, rel, &how, sizeof how);
	close(d);
	return fd;
}
#else
static int open_beneath(const char *dir, const char *rel)
{
	(void)dir;
	(void)rel;
	return -1;
}
#endif

int corpus_open_confined(const char *dir, const char *rel, struct strbuf *err)
{
	const char *why = corpus_path_problem(rel);
	char rdir[PATH_MAX], rfile[PATH_MAX];
	struct strbuf full = STRBUF_INIT;
	int fd = -1;

	if (why) {
		sb_addstr(err, why);
		errno = EINVAL;
		return -1;
	}
	fd = open_beneath(dir, rel);
	if (fd >= 0)
		goto opened;
	sb_addf(&full, "%s/%s", dir, rel);
	if (!realpath(dir, rdir)) {
		sb_addf(err, "cannot resolve the corpus directory: %s", strerror(errno));
		goto out;
	}
	if (!realpath(full.buf, rfile)) {
		sb_addf(err, "cannot open: %s", strerror(errno));
		goto out;
	}
	size_t dl = strlen(rdir);
	if (strncmp(rfile, rdir, dl) || (rfile[dl] != '/' && strcmp(rdir, "/"))) {
		sb_addstr(err, "path resolves outside the corpus directory (symlink?)");
		errno = EACCES;
		goto out;
	}
	/* O_NOFOLLOW: rfile is resolved; a symlink there now was swapped in */
	fd = open(rfile, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW);
	if (fd < 0) {
		sb_addf(err, "cannot open: %s", strerror(errno));
		goto out;
	}
opened:;
	struct stat st;
	if (fstat(fd, &st) < 0) {
		sb_addf(err, "cannot open: %s", strerror(errno));
		close(fd);
		fd = -1;
	} else if (!S_ISREG(st.st_mode)) {
		sb_addstr(err, S_ISDIR(st.st_mode) ? "is a directory, not a text file" :
			  "not a regular file (a FIFO or device?)");
		close(fd);
		fd = -1;
		errno = EINVAL;
	}
out:
	sb_release(&full);
	return fd;
}

const char *corpus_text(struct corpus *c, size_t i, size_t *len,
			struct strbuf *err)
{
	struct source *s = &c->sources[i];

	if (s->text) {
		*len = s->text_len;
		return s->text;
	}
	int fd = corpus_open_confined(c->dir, s->file, err);
	if (fd < 0)
		return NULL;
	/* read straight into a buffer of the file's size (one read, no copy),
	 * growing it should the file grow meanwhile */
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	sb_grow(&sb, fstat(fd, &st) == 0 && st.st_size > 0 &&
		(size_t)st.st_size <= CORPUS_MAX_TEXT ? (size_t)st.st_size + 1 : 65536);
	for (;;) {
		if (sb.alloc - sb.len < 2)
			sb_grow(&sb, 65536);
		size_t room = sb.alloc - sb.len - 1;
		ssize_t r = read(fd, sb.buf + sb.len, room);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			sb_addf(err, "cannot read: %s", strerror(errno));
			sb_release(&sb);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		sb.len += (size_t)r;
		sb.buf[sb.len] = '\0';
		if (sb.len > CORPUS_MAX_TEXT) {
			sb_addstr(err, "text larger than 1 GiB");
			sb_release(&sb);
			close(fd);
			return NULL;
		}
	}
	close(fd);
	s->text = sb_detach(&sb, &s->text_len);
	*len = s->text_len;
	return s->text;
}

void corpus_text_drop(struct corpus *c, size_t i)
{
	free(c->sources[i].text);
	c->sources[i].text = NULL;
	c->sources[i].text_len = 0;
}

void corpus_free(struct corpus *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nsources; i++)
		free(c->sources[i].text);
	if (!c->image) {         /* else they live in the image */
		free(c->source_ids.slots);
		free(c->claim_ids.slots);
		free(c->topic_ids.slots);
	}
	free(c->image);
	free(c->cache_path);
	free(c->index_path);
	free(c->dir);
	pool_release(&c->pool);
	free(c);
}

void idmap_init(struct idmap *m, size_t entries)
{
	size_t cap = 16;
	while (cap < entries * 2)
		cap *= 2;
	m->cap = cap;
	m->slots = xcalloc(cap, sizeof *m->slots);
	if (getrandom(&m->seed, sizeof m->seed, GRND_NONBLOCK) != sizeof m->seed)
		m->seed = (size_t)time(NULL) ^ ((size_t)getpid() << 32) ^ (size_t)m;
	m->seed |= 1;
}
