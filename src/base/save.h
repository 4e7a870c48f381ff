/*
 * save: the one way lectern writes files.
 *
 * save_file() writes the bytes to a temporary file in the target's
 * directory, fsyncs it, renames it over the target and fsyncs the
 * directory, so a crash or a full disk leaves either the old file or the
 * new one.  On failure the old file is untouched, the temporary file is
 * removed, and err gets "PATH: reason"; the return is -1 (0 on success).
 *
 * Directories: save_dir_begin() creates an empty staging directory
 * "DIR.tmp-XXXXXX" next to DIR and puts its path in stage; the caller
 * writes files into it (with save_file()), then save_dir_commit() moves it
 * into place.  Without force an existing DIR is an error.  With force the
 * old DIR is first renamed to "DIR.old-XXXXXX", the stage renamed to DIR
 * and only then the old one deleted: at every instant DIR is either the
 * old corpus or the new one (or, for the instant between the two renames,
 * absent, with both complete copies on disk).  save_dir_abort() deletes
 * the stage.  Only regular files and directories are deleted, never
 * following symlinks.
 */
#ifndef LECTERN_SAVE_H
#define LECTERN_SAVE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"

int save_file(const char *path, const void *buf, size_t len, struct strbuf *err);

int save_dir_begin(const char *dir, bool force, struct strbuf *stage, struct strbuf *err);
int save_dir_commit(const char *stage, const char *dir, bool force, struct strbuf *err);
void save_dir_abort(const char *stage);

/* Removes a directory tree (regular files, symlinks and directories). */
int save_rmtree(const char *path);

#endif
