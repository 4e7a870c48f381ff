/*
 * util: allocation that cannot fail, the one fatal-error path, and whole-file
 * reading.
 *
 * die() prints "lectern: MESSAGE" to stderr and exits 2 after running the
 * hook set with util_set_die_hook() (the interface uses it to restore the
 * terminal first).  x*alloc() die on exhaustion instead of returning NULL.
 */
#ifndef LECTERN_UTIL_H
#define LECTERN_UTIL_H

#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* The directory part of path: "." when it has no slash, "/" for a file at
 * the root; the caller frees it. */
char *path_dir(const char *path);
/* lectern's folder of an XDG base directory into out: $VAR/lectern when
 * the variable var holds an absolute path, else $HOME/home_sub/lectern
 * (home_sub ".cache", ".local/state"); -1 when neither is absolute. */
struct strbuf;
int xdg_lectern_dir(const char *var, const char *home_sub, struct strbuf *out);

_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void util_set_die_hook(void (*hook)(void));
/* Milliseconds on the monotonic clock. */
long long util_now_ms(void);

/*
 * Reads the whole regular file at path into a NUL-terminated buffer the
 * caller frees; *len gets its size.  Returns NULL with errno set on failure
 * (EISDIR for a directory, EINVAL for a FIFO, device or other non-regular
 * file, EFBIG when larger than max bytes).
 */
char *read_file(const char *path, size_t max, size_t *len);

/*
 * The same file mapped for reading (the same checks and errors as
 * read_file()), with a NUL after its last byte.  Its pages are the page
 * cache's: they become resident as they are read, and map_file_drop()
 * gives back those of [from, to) (whole pages inside it; they are read
 * again if touched).  The file must not be truncated while it is mapped
 * (reading past its new end raises SIGBUS: read it under map_guard());
 * lectern itself replaces
 * files by rename, which leaves a mapping whole.  Released with
 * unmap_file(buf, *len).
 */
char *map_file(const char *path, size_t max, size_t *len);
void map_file_drop(char *buf, size_t from, size_t to);
void unmap_file(char *buf, size_t len);

/*
 * Runs fn(arg) so that a SIGBUS in this thread while it runs (a mapped
 * file truncated by another program under it) ends fn at once: returns -1
 * with errno EIO then, 0 when fn returned.  What fn had allocated when it
 * was cut short is not freed; the mapping is the caller's to release.
 */
int map_guard(void (*fn)(void *arg), void *arg);

#endif
