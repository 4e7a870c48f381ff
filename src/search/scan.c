/* search/scan: fast confined reads of every text, in slices. */
#include "search/scan.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <linux/openat2.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/util.h"

void treader_init(struct text_reader *r, struct corpus *c)
{
	memset(r, 0, sizeof *r);
	r->c = c;
	r->dirfd = open(c->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

void treader_release(struct text_reader *r)
{
	if (r->dirfd >= 0)
		close(r->dirfd);
	free(r->buf);
	memset(r, 0, sizeof *r);
	r->dirfd = -1;
}

/* Opens rel beneath the corpus directory; -1 with a message in err. */
static int open_beneath(struct text_reader *r, const char *rel, struct strbuf *err)
{
#ifdef SYS_openat2
	static bool no_openat2;
	const char *why = corpus_path_problem(rel);

	if (why) {
		sb_addstr(err, why);
		return -1;
	}
	if (r->dirfd >= 0 && !no_openat2) {
		struct open_how how = {
			.flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY,
			.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
		};
		int fd = (int)syscall(SYS_openat2, r->dirfd, rel, &how, sizeof how);
		if (fd >= 0)
			return fd;
		if (errno == EXDEV) {
			sb_addstr(err, "path resolves outside the corpus directory (symlink?)");
			return -1;
		}
		if (errno != ENOSYS && errno != EPERM) {
			sb_addf(err, "cannot open: %s", strerror(errno));
			return -1;
		}
		no_openat2 = true;
	}
#endif
	return corpus_open_confined(r->c->dir, rel, err);
}

const char *treader_get(struct text_reader *r, size_t i, size_t *len,
			struct strbuf *err)
{
	struct source *s = &r->c->sources[i];
	struct stat st;
	size_t n = 0;
	size_t want;   /* the file's size, read without a last empty read */

	if (s->text) {
		*len = s->text_len;
		return s->text;
	}
	int fd = open_beneath(r, s->file, err);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		sb_addstr(err, "not a regular file (a FIFO or device?)");
		close(fd);
		return NULL;
	}
	if ((unsigned long long)st.st_size > CORPUS_MAX_TEXT) {
		sb_addstr(err, "text larger than 1 GiB");
		close(fd);
		return NULL;
	}
	if ((size_t)st.st_size + 1 > r->cap) {
		r->cap = (size_t)st.st_size + 4096;
		free(r->buf);
		r->buf = xmalloc(r->cap);
	}
	want = (size_t)st.st_size;
	while (n < want) {
		if (n + 1 >= r->cap) {   /* the file grew, or is not regular */
			if (r->cap > CORPUS_MAX_TEXT) {
				sb_addstr(err, "text larger than 1 GiB");
				close(fd);
				return NULL;
			}
			r->cap = r->cap ? r->cap * 2 : 65536;
			r->buf = xrealloc(r->buf, r->cap);
		}
		ssize_t k = read(fd, r->buf + n, r->cap - 1 - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			sb_addf(err, "cannot read: %s", strerror(errno));
			close(fd);
			return NULL;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	close(fd);
	r->buf[n] = '\0';
	*len = n;
	return r->buf;
}

void search_job_init(struct search_job *j, struct corpus *c, const unsigned char *only)
{
	memset(j, 0, sizeof *j);
	treader_init(&j->rd, c);
	j->only = only;
	j->end = c->nsources;
	sb_init(&j->err);
}

void search_job_release(struct search_job *j)
{
	treader_release(&j->rd);
	sb_release(&j->err);
}

bool search_job_done(const struct search_job *j)
{
	return j->stopped || j->next >= j->end;
}

bool search_job_step(struct search_job *j, size_t budget, search_visit_fn *fn, void *ctx)
{
	struct corpus *c = j->rd.c;

	while (!j->stopped && j->next < j->end && budget) {
		size_t i = j->next++, n;
		if (j->only && !j->only[i])
			continue;
		budget--;
		struct strbuf e = STRBUF_INIT;
		const char *t = treader_get(&j->rd, i, &n, &e);
		if (!t) {
			if (j->nerr++ < 3)
				sb_addf(&j->err, "%s%s: %s", j->err.len ? "; " : "",
					c->sources[i].file, e.buf);
		} else if (!fn(ctx, i, t, n)) {
			j->stopped = true;
		}
		sb_release(&e);
	}
	return search_job_done(j);
}

size_t search_count_late(const struct search *s, const char *t, size_t n, bool *late)
{
	size_t cnt = 0, at = 0, a, b;

	while (search_find_late(s, t, n, at, &a, &b, late)) {
		cnt++;
		at = b > a ? b : a + 1;
	}
	return cnt;
}

size_t search_count(const struct search *s, const char *t, size_t n)
{
	bool late;
	return search_count_late(s, t, n, &late);
}
