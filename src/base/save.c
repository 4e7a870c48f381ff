/* save: atomic file and directory writes (temp + fsync + rename). */
#include "base/save.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"

/* The directory part of path ("." when there is none); caller frees. */
static char *dir_of(const char *path)
{
	char *copy = xstrdup(path);
	char *d = xstrdup(dirname(copy));
	free(copy);
	return d;
}

/* Flushes a directory's entries; with whole, first everything written on
 * its file system (syncfs: the files of a stage and their directories). */
static int sync_dir(const char *dir, bool whole)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int r = whole ? syncfs(fd) : 0;
	if (r == 0)
		r = fsync(fd);
	/* some file systems cannot fsync a directory: not an error */
	if (r < 0 && (errno == EINVAL || errno == ENOTSUP))
		r = 0;
	int e = errno;
	close(fd);
	errno = e;
	return r;
}

static mode_t umask_now(void)
{
	mode_t m = umask(022);
	umask(m);
	return m;
}

/*
 * Where save_file() writes path: path itself, or the final target of a
 * symlink; *have gets whether it exists, with its stat in *st.  -1 with
 * err set when it is a symlink to nothing or must not be replaced
 * (read-only).
 */
static int save_target(const char *path, struct strbuf *target, struct stat *st, bool *have,
		       struct strbuf *err)
{
	sb_reset(target);
	*have = false;
	if (lstat(path, st) < 0) {
		sb_addstr(target, path);
		return 0;
	}
	if (S_ISLNK(st->st_mode)) {
		char *real = realpath(path, NULL);
		if (!real) {
			sb_addf(err, "%s: a symlink to a file that cannot be reached: %s", path,
				strerror(errno));
			return -1;
		}
		sb_addstr(target, real);
		free(real);
		if (stat(target->buf, st) < 0) {
			sb_addf(err, "%s: %s", path, strerror(errno));
			return -1;
		}
	} else {
		sb_addstr(target, path);
	}
	*have = true;
	if (!S_ISREG(st->st_mode)) {
		sb_addf(err, "%s: not a regular file: not replaced", path);
		return -1;
	}
	if (!(st->st_mode & 0222)) {
		sb_addf(err, "%s: read-only (mode %04o): not replaced (make it writable to allow "
			"this)", path, (unsigned)(st->st_mode & 07777));
		errno = EACCES;
		return -1;
	}
	if (access(target->buf, W_OK) < 0) {
		sb_addf(err, "%s: cannot be replaced: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Writes all of buf to fd; -1 with err set ("PATH: write error: ..."). */
static int write_all(int fd, const char *path, const char *p, size_t len, struct strbuf *err)
{
	while (len) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			sb_addf(err, "%s: write error: %s", path, strerror(w < 0 ? errno : ENOSPC));
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

/* The stream's names and descriptor released (the temporary file stays). */
static void stream_release(struct save_stream *ss)
{
	if (ss->fd >= 0)
		close(ss->fd);
	ss->fd = -1;
	free(ss->path);
	free(ss->tmp);
	free(ss->target);
	free(ss->dir);
	ss->path = ss->tmp = ss->target = ss->dir = NULL;
}

int save_open_staged(struct save_stream *ss, const char *path, struct strbuf *err)
{
	memset(ss, 0, sizeof *ss);
	ss->staged = true;
	ss->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (ss->fd < 0) {
		sb_addf(err, "%s: cannot create: %s", path, strerror(errno));
		return -1;
	}
	ss->path = xstrdup(path);
	ss->tmp = xstrdup(path);   /* what save_cancel() removes */
	return 0;
}

int save_open(struct save_stream *ss, const char *path, unsigned mode, struct strbuf *err)
{
	struct strbuf tmp = STRBUF_INIT, target = STRBUF_INIT;

	memset(ss, 0, sizeof *ss);
	ss->fd = -1;
	ss->mode = mode;
	if (save_target(path, &target, &ss->st, &ss->have, err) < 0) {
		sb_release(&target);
		return -1;
	}
	sb_addf(&tmp, "%s.tmp-XXXXXX", target.buf);
	ss->fd = mkstemp(tmp.buf);
	if (ss->fd < 0) {
		sb_addf(err, "%s: cannot create a temporary file: %s", path, strerror(errno));
		sb_release(&tmp);
		sb_release(&target);
		return -1;
	}
	ss->path = xstrdup(path);
	ss->dir = dir_of(target.buf);
	ss->tmp = sb_detach(&tmp, NULL);
	ss->target = sb_detach(&target, NULL);
	return 0;
}

int save_write(struct save_stream *ss, const void *buf, size_t len, struct strbuf *err)
{
	if (write_all(ss->fd, ss->path, buf, len, err) < 0) {
		save_cancel(ss);
		return -1;
	}
	return 0;
}

void save_cancel(struct save_stream *ss)
{
	if (ss->tmp)
		unlink(ss->tmp);
	stream_release(ss);
}

/* Closes the stream's file; on failure cancels it (-1, err set). */
static int stream_close_fd(struct save_stream *ss, struct strbuf *err)
{
	int fd = ss->fd;
	ss->fd = -1;
	if (close(fd) == 0)
		return 0;
	sb_addf(err, "%s: cannot close: %s", ss->path, strerror(errno));
	save_cancel(ss);
	return -1;
}

int save_close(struct save_stream *ss, struct strbuf *err)
{
	const char *path = ss->path;
	if (ss->staged) {
		if (stream_close_fd(ss, err) < 0)
			return -1;
		stream_release(ss);
		return 0;
	}
	if (ss->have && (ss->st.st_uid != geteuid() || ss->st.st_gid != getegid()) &&
	    fchown(ss->fd, ss->st.st_uid, ss->st.st_gid) < 0) {
		sb_addf(err, "%s: cannot keep its owner (%u:%u): %s; not replaced", path,
			(unsigned)ss->st.st_uid, (unsigned)ss->st.st_gid, strerror(errno));
		save_cancel(ss);
		return -1;
	}
	if (fchmod(ss->fd, ss->have ? ss->st.st_mode & 07777 : (ss->mode & 0777) & ~umask_now()) < 0 ||
	    fsync(ss->fd) < 0) {
		sb_addf(err, "%s: cannot flush: %s", path, strerror(errno));
		save_cancel(ss);
		return -1;
	}
	if (stream_close_fd(ss, err) < 0)
		return -1;
	if (rename(ss->tmp, ss->target) < 0) {
		sb_addf(err, "%s: cannot replace: %s", path, strerror(errno));
		save_cancel(ss);
		return -1;
	}
	int r = 0;
	if (sync_dir(ss->dir, false) < 0) {
		sb_addf(err, "%s: cannot flush the directory: %s", ss->dir, strerror(errno));
		r = -1;
	}
	stream_release(ss);
	return r;
}

/* One whole buffer through a stream. */
static int save_whole(struct save_stream *ss, int opened, const void *buf, size_t len,
		      struct strbuf *err)
{
	if (opened < 0 || save_write(ss, buf, len, err) < 0)
		return -1;
	return save_close(ss, err);
}

int save_staged(const char *path, const void *buf, size_t len, struct strbuf *err)
{
	struct save_stream ss;
	return save_whole(&ss, save_open_staged(&ss, path, err), buf, len, err);
}

int save_file(const char *path, const void *buf, size_t len, struct strbuf *err)
{
	return save_file_mode(path, buf, len, 0666, err);
}

int save_file_mode(const char *path, const void *buf, size_t len, unsigned mode,
		   struct strbuf *err)
{
	struct save_stream ss;
	return save_whole(&ss, save_open(&ss, path, mode, err), buf, len, err);
}

int save_mkdirs(const char *dir)
{
	char *p = xstrdup(dir);
	struct stat st;
	int rc;

	/* the parents as far as they can be made; dir itself decides */
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		(void)mkdir(p, 0700);
		*s = '/';
	}
	if (mkdir(p, 0700) == 0)
		rc = 0;
	else if (errno == EEXIST && stat(p, &st) == 0)
		rc = S_ISDIR(st.st_mode) ? 0 : (errno = ENOTDIR, -1);
	else
		rc = -1;
	free(p);
	return rc;
}

int save_rmtree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	DIR *d = opendir(path);
	if (!d)
		return -1;
	struct dirent *e;
	int r = 0;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		struct strbuf sub = STRBUF_INIT;
		sb_addf(&sub, "%s/%s", path, e->d_name);
		if (save_rmtree(sub.buf) < 0)
			r = -1;
		sb_release(&sub);
	}
	closedir(d);
	if (rmdir(path) < 0)
		r = -1;
	return r;
}

#define STAGE_MARK ".lectern-staging"

/* The lock on the marker of this process's stage, or -1. */
static int stage_lock = -1;

/* "DIR.tmp-", DIR without its trailing slashes. */
static void stage_prefix(struct strbuf *sb, const char *dir)
{
	sb_reset(sb);
	sb_addstr(sb, dir);
	while (sb->len > 1 && sb->buf[sb->len - 1] == '/')
		sb_setlen(sb, sb->len - 1);
	sb_addstr(sb, ".tmp-");
}

static const char *file_kind(mode_t m)
{
	return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a FIFO" :
	       S_ISCHR(m) || S_ISBLK(m) ? "a device" : S_ISSOCK(m) ? "a socket" : "not a file";
}

int save_append(const char *path, const void *buf, size_t len, size_t max,
		struct strbuf *err)
{
	struct strbuf all = STRBUF_INIT;
	struct stat st;
	size_t n = 0;
	char *old = NULL;
	int rc;

	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode)) {
			sb_addf(err, "%s: %s, not a regular file: nothing written", path,
				file_kind(st.st_mode));
			return -1;
		}
		if (!(old = read_file(path, max, &n))) {
			sb_addf(err, "%s: %s: nothing written", path, errno == EFBIG ?
				"too large to append to" : strerror(errno));
			return -1;
		}
	}
	sb_add(&all, old ? old : "", n);
	sb_add(&all, buf, len);
	free(old);
	rc = save_file(path, all.buf, all.len, err);
	sb_release(&all);
	return rc;
}

int save_dir_begin(const char *dir, bool force, struct strbuf *stage, struct strbuf *err)
{
	struct stat st;
	if (!force && lstat(dir, &st) == 0) {
		sb_addf(err, "%s: already exists (use --force to replace it)", dir);
		return -1;
	}
	stage_prefix(stage, dir);
	sb_addstr(stage, "XXXXXX");
	if (!mkdtemp(stage->buf)) {
		sb_addf(err, "%s: cannot create a staging directory: %s", dir, strerror(errno));
		return -1;
	}
	struct strbuf mark = STRBUF_INIT;
	sb_addf(&mark, "%s/" STAGE_MARK, stage->buf);
	int fd = open(mark.buf, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) < 0) {
		sb_addf(err, "%s: cannot mark the staging directory: %s", dir, strerror(errno));
		if (fd >= 0)
			close(fd);
		save_rmtree(stage->buf);
		sb_release(&mark);
		return -1;
	}
	sb_release(&mark);
	stage_lock = fd;
	chmod(stage->buf, 0777 & ~umask_now());
	return 0;
}

/* The stage is about to become DIR, or to go: its marker and lock go. */
static void stage_unmark(const char *stage)
{
	struct strbuf mark = STRBUF_INIT;
	sb_addf(&mark, "%s/" STAGE_MARK, stage);
	unlink(mark.buf);
	sb_release(&mark);
	if (stage_lock >= 0)
		close(stage_lock);
	stage_lock = -1;
}

int save_dir_commit(const char *stage, const char *dir, bool force, struct strbuf *err)
{
	struct strbuf old = STRBUF_INIT;
	struct stat st;
	char *parent = dir_of(dir);
	int r = -1;

	if (lstat(dir, &st) == 0) {
		if (!force) {
			sb_addf(err, "%s: already exists (use --force to replace it)", dir);
			goto out;
		}
		if (!S_ISDIR(st.st_mode)) {
			sb_addf(err, "%s: exists and is not a directory", dir);
			goto out;
		}
		/* the new corpus takes the old one's mode and owner */
		chmod(stage, st.st_mode & 07777);
		if (st.st_uid != geteuid() || st.st_gid != getegid())
			if (chown(stage, st.st_uid, st.st_gid) < 0) { /* best effort */ }
	}
	stage_unmark(stage);
	if (sync_dir(stage, true) < 0) {
		sb_addf(err, "%s: cannot flush: %s", stage, strerror(errno));
		goto out;
	}
	if (lstat(dir, &st) == 0) {
		sb_addf(&old, "%s.old-XXXXXX", dir);
		if (!mkdtemp(old.buf) || rename(dir, old.buf) < 0) {
			sb_addf(err, "%s: cannot move the old corpus aside: %s", dir, strerror(errno));
			if (old.len)
				rmdir(old.buf);
			goto out;
		}
	}
	if (rename(stage, dir) < 0) {
		sb_addf(err, "%s: cannot move the new corpus into place: %s", dir, strerror(errno));
		if (old.len && rename(old.buf, dir) < 0)
			sb_addf(err, " (the old corpus is in %s)", old.buf);
		goto out;
	}
	if (sync_dir(parent, false) < 0) {
		sb_addf(err, "%s: cannot flush: %s", parent, strerror(errno));
		goto out;
	}
	if (old.len && save_rmtree(old.buf) < 0) {
		sb_addf(err, "%s: cannot remove the old corpus: %s", old.buf, strerror(errno));
		goto out;
	}
	r = 0;
out:
	free(parent);
	sb_release(&old);
	return r;
}

void save_dir_abort(const char *stage)
{
	save_rmtree(stage);
	stage_unmark(stage);
}

/* Removes a stage, its marker last, so that a run killed while removing
 * it leaves it still marked for the next. */
static void stage_remove(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	struct strbuf sub = STRBUF_INIT;
	while (d && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    !strcmp(e->d_name, STAGE_MARK))
			continue;
		sb_reset(&sub);
		sb_addf(&sub, "%s/%s", path, e->d_name);
		save_rmtree(sub.buf);
	}
	if (d)
		closedir(d);
	sb_release(&sub);
	save_rmtree(path);
}

/* Whether path is a stage a killed run left (and then removes it): this user's directory,
 * empty, or holding the marker with no live process locking it. */
static bool stage_stale(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid())
		return false;
	if (rmdir(path) == 0)
		return true;   /* empty: gone already */
	struct strbuf mark = STRBUF_INIT;
	sb_addf(&mark, "%s/" STAGE_MARK, path);
	int fd = open(mark.buf, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	sb_release(&mark);
	if (fd < 0)
		return false;
	bool stale = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
		     flock(fd, LOCK_EX | LOCK_NB) == 0;
	if (stale)
		stage_remove(path);
	close(fd);
	return stale;
}

size_t save_dir_clean(const char *dir, struct strbuf *note)
{
	struct strbuf prefix = STRBUF_INIT, path = STRBUF_INIT;
	stage_prefix(&prefix, dir);
	char *parent = dir_of(prefix.buf);
	const char *base = strrchr(prefix.buf, '/');
	base = base ? base + 1 : prefix.buf;
	size_t blen = strlen(base), n = 0;
	DIR *d = opendir(parent);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		if (strncmp(e->d_name, base, blen) || strlen(e->d_name) != blen + 6)
			continue;
		sb_reset(&path);
		sb_addf(&path, "%s/%s", parent, e->d_name);
		if (!stage_stale(path.buf))
			continue;
		sb_addf(note, "%s%s", n++ ? ", " : "", path.buf);
	}
	if (d)
		closedir(d);
	free(parent);
	sb_release(&prefix);
	sb_release(&path);
	return n;
}
