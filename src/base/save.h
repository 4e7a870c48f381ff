/*
 * save: the one way lectern writes files.
 *
 * save_file() writes the bytes to a temporary file in the target's
 * directory, fsyncs it, renames it over the target and fsyncs the
 * directory, so a crash or a full disk leaves either the old file or the
 * new one.  On failure the old file is untouched, the temporary file is
 * removed, and err gets "PATH: reason"; the return is -1 (0 on success).
 * A target that is a symlink is written through: its final target is
 * replaced and the link stays.  An existing target keeps its mode and
 * owner (when the owner cannot be kept, it is not replaced); a read-only
 * one (no write permission bit, or not writable by this user) is refused,
 * even for root.  A new file gets 0666 less the umask.
 *
 * Directories: save_dir_begin() creates an empty staging directory
 * "DIR.tmp-XXXXXX" next to DIR and puts its path in stage; the caller
 * writes files into it (with save_staged(), or save_file()), then
 * save_dir_commit() flushes the whole stage to disk at once (syncfs: every
 * file and directory in it, one call however many files) and only then
 * moves it into place.  Without force an existing DIR is an error.  With force the
 * old DIR is first renamed to "DIR.old-XXXXXX", the stage renamed to DIR
 * and only then the old one deleted: at every instant DIR is either the
 * old corpus or the new one (or, for the instant between the two renames,
 * absent, with both complete copies on disk).  save_dir_abort() deletes
 * the stage.  Only regular files and directories are deleted, never
 * following symlinks.  The stage holds a marker file, ".lectern-staging",
 * locked (flock) for as long as the process works in it and removed just
 * before the stage becomes DIR; one stage at a time per process.  The new
 * DIR gets the mode of the one it replaces, else 0777 less the umask.
 *
 * save_dir_clean() removes what killed runs left: the "DIR.tmp-XXXXXX"
 * directories of this user beside DIR that hold the marker and whose lock
 * no live process holds, and the empty ones (a run killed before it made
 * the marker).  Anything else of that name is left alone.  It returns how
 * many it removed, naming them in note.
 */
#ifndef LECTERN_SAVE_H
#define LECTERN_SAVE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "base/strbuf.h"

int save_file(const char *path, const void *buf, size_t len, struct strbuf *err);
/* Appends buf[0..len) to the file at path (made when missing) through
 * save_file(): the old bytes, then the new, written whole, so the file is
 * never truncated nor left half-written.  A path that is a directory, a
 * FIFO, a device or a socket is refused ("PATH: a FIFO, not a regular
 * file: nothing written"), and so is an existing file over max bytes; -1
 * with err set, the file as it was. */
int save_append(const char *path, const void *buf, size_t len, size_t max,
		struct strbuf *err);
/* The same, with mode (less the umask) for a new file instead of 0666. */
int save_file_mode(const char *path, const void *buf, size_t len, unsigned mode,
		   struct strbuf *err);
/* mkdir -p: dir and the directories above it, new ones mode 0700; 0 when
 * dir exists at the end, else -1 with errno set. */
int save_mkdirs(const char *dir);

/* Writes a file inside the stage of save_dir_begin() (path must lie in
 * it): created or truncated in place, not flushed (the stage is private
 * until save_dir_commit(), which flushes it).  -1 with err set. */
int save_staged(const char *path, const void *buf, size_t len, struct strbuf *err);

/*
 * The same writes, made a piece at a time, so that a large file need not
 * be held whole: save_open() starts what save_file_mode() does (the target
 * checked, a temporary file beside it), save_open_staged() what
 * save_staged() does; save_write() appends; save_close() finishes (for
 * save_open(): owner, mode, fsync, rename, the directory flushed) and
 * save_cancel() removes what was written, the target untouched.  Each
 * returns -1 with err set ("PATH: reason") on failure, and a failed
 * save_write() or save_close() has already cancelled: after -1 the stream
 * is closed and must not be used again.  A stream is closed or cancelled
 * exactly once otherwise.
 */
struct save_stream {
	int fd;
	bool staged, have;
	unsigned mode;
	struct stat st;                  /* the target's, when have */
	char *path, *tmp, *target, *dir;
};
int save_open(struct save_stream *ss, const char *path, unsigned mode, struct strbuf *err);
int save_open_staged(struct save_stream *ss, const char *path, struct strbuf *err);
int save_write(struct save_stream *ss, const void *buf, size_t len, struct strbuf *err);
int save_close(struct save_stream *ss, struct strbuf *err);
void save_cancel(struct save_stream *ss);

int save_dir_begin(const char *dir, bool force, struct strbuf *stage, struct strbuf *err);
int save_dir_commit(const char *stage, const char *dir, bool force, struct strbuf *err);
void save_dir_abort(const char *stage);
size_t save_dir_clean(const char *dir, struct strbuf *note);

/* Removes a directory tree (regular files, symlinks and directories). */
int save_rmtree(const char *path);

#endif
