/* save: atomic file and directory writes (temp + fsync + rename). */
#include "base/save.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int r = fsync(fd);
	/* some file systems cannot fsync a directory: not an error */
	if (r < 0 && (errno == EINVAL || errno == ENOTSUP))
		r = 0;
	int e = errno;
	close(fd);
	errno = e;
	return r;
}

int save_file(const char *path, const void *buf, size_t len, struct strbuf *err)
{
	struct strbuf tmp = STRBUF_INIT;
	const char *p = buf;
	char *dir = dir_of(path);
	int fd;

	sb_addf(&tmp, "%s.tmp-XXXXXX", path);
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		sb_addf(err, "%s: cannot create a temporary file: %s", path, strerror(errno));
		goto fail_early;
	}
	while (len) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			sb_addf(err, "%s: write error: %s", path, strerror(w < 0 ? errno : ENOSPC));
			goto fail;
		}
		p += w;
		len -= (size_t)w;
	}
	if (fchmod(fd, 0644) < 0 || fsync(fd) < 0) {
		sb_addf(err, "%s: cannot flush: %s", path, strerror(errno));
		goto fail;
	}
	if (close(fd) < 0) {
		fd = -1;
		sb_addf(err, "%s: cannot close: %s", path, strerror(errno));
		goto fail;
	}
	fd = -1;
	if (rename(tmp.buf, path) < 0) {
		sb_addf(err, "%s: cannot replace: %s", path, strerror(errno));
		goto fail;
	}
	if (fsync_dir(dir) < 0) {
		sb_addf(err, "%s: cannot flush the directory: %s", dir, strerror(errno));
		free(dir);
		sb_release(&tmp);
		return -1;
	}
	free(dir);
	sb_release(&tmp);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp.buf);
fail_early:
	free(dir);
	sb_release(&tmp);
	return -1;
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

int save_dir_begin(const char *dir, bool force, struct strbuf *stage, struct strbuf *err)
{
	struct stat st;
	if (!force && lstat(dir, &st) == 0) {
		sb_addf(err, "%s: already exists (use --force to replace it)", dir);
		return -1;
	}
	sb_reset(stage);
	sb_addstr(stage, dir);
	while (stage->len > 1 && stage->buf[stage->len - 1] == '/')
		sb_setlen(stage, stage->len - 1);
	sb_addstr(stage, ".tmp-XXXXXX");
	if (!mkdtemp(stage->buf)) {
		sb_addf(err, "%s: cannot create a staging directory: %s", dir, strerror(errno));
		return -1;
	}
	return 0;
}

int save_dir_commit(const char *stage, const char *dir, bool force, struct strbuf *err)
{
	struct strbuf old = STRBUF_INIT;
	struct stat st;
	char *parent = dir_of(dir);
	int r = -1;

	if (fsync_dir(stage) < 0) {
		sb_addf(err, "%s: cannot flush: %s", stage, strerror(errno));
		goto out;
	}
	if (lstat(dir, &st) == 0) {
		if (!force) {
			sb_addf(err, "%s: already exists (use --force to replace it)", dir);
			goto out;
		}
		if (!S_ISDIR(st.st_mode)) {
			sb_addf(err, "%s: exists and is not a directory", dir);
			goto out;
		}
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
	if (fsync_dir(parent) < 0) {
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
}
