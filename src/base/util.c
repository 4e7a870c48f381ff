/* util: allocation that cannot fail, die(), and whole-file reading and mapping. */
#include "base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <time.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/strbuf.h"

static void (*die_hook)(void);

long long util_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void util_set_die_hook(void (*hook)(void))
{
	die_hook = hook;
}

void die(const char *fmt, ...)
{
	va_list ap;

	if (die_hook) {
		void (*h)(void) = die_hook;
		die_hook = NULL;
		h();
	}
	fputs("lectern: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die("out of memory (%zu bytes)", n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory (%zu bytes)", n);
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static void close_keeping_errno(int fd)
{
	int e = errno;
	close(fd);
	errno = e;
}

/* A descriptor of the regular file at path, at most max bytes (st gets
 * its status), or -1 with errno set as read_file() says. */
static int open_regular(const char *path, size_t max, struct stat *st)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (fstat(fd, st) < 0)
		goto fail;
	if (S_ISDIR(st->st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	if (!S_ISREG(st->st_mode)) {
		errno = EINVAL;
		goto fail;
	}
	if ((unsigned long long)st->st_size > max) {
		errno = EFBIG;
		goto fail;
	}
	return fd;
fail:
	close_keeping_errno(fd);
	return -1;
}

static size_t map_size(size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	return (len + 1 + page - 1) / page * page;
}

char *map_file(const char *path, size_t max, size_t *len)
{
	struct stat st;
	int fd = open_regular(path, max, &st);

	if (fd < 0)
		return NULL;
	size_t n = (size_t)st.st_size;
	/* zero pages first, the file over them: the byte after the file is
	 * a NUL even when its size is a whole number of pages */
	char *buf = mmap(NULL, map_size(n), PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED)
		goto fail;
	if (n && mmap(buf, n, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
		int e = errno;
		munmap(buf, map_size(n));
		errno = e;
		goto fail;
	}
	madvise(buf, map_size(n), MADV_SEQUENTIAL);
	close(fd);
	*len = n;
	return buf;
fail:
	close_keeping_errno(fd);
	return NULL;
}

void map_file_drop(char *buf, size_t from, size_t to)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	from = (from + page - 1) / page * page;
	to = to / page * page;
	if (from < to)
		madvise(buf + from, to - from, MADV_DONTNEED);
}

void unmap_file(char *buf, size_t len)
{
	if (buf)
		munmap(buf, map_size(len));
}

/* the guard of this thread, while map_guard() runs fn */
static _Thread_local sigjmp_buf *guard_env;

static void on_sigbus(int sig)
{
	if (guard_env)
		siglongjmp(*guard_env, 1);
	signal(sig, SIG_DFL);
	raise(sig);
}

int map_guard(void (*fn)(void *arg), void *arg)
{
	static volatile sig_atomic_t installed;
	if (!installed) {
		struct sigaction sa = { .sa_handler = on_sigbus };
		sigemptyset(&sa.sa_mask);
		sigaction(SIGBUS, &sa, NULL);
		installed = 1;
	}
	sigjmp_buf env;
	sigjmp_buf *volatile outer = guard_env;
	if (sigsetjmp(env, 1)) {
		guard_env = outer;
		errno = EIO;
		return -1;
	}
	guard_env = &env;
	fn(arg);
	guard_env = outer;
	return 0;
}

char *read_file(const char *path, size_t max, size_t *len)
{
	struct stat st;
	int fd = open_regular(path, max, &st);

	if (fd < 0)
		return NULL;
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		if (n + 1 == cap) {
			/* full: room for one more read, to see the end or the excess */
			if (n > max) {
				free(buf);
				errno = EFBIG;
				goto fail;
			}
			cap = cap < max / 2 ? cap * 2 : max + 2;
			buf = xrealloc(buf, cap);
		}
		ssize_t r = read(fd, buf + n, cap - 1 - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			free(buf);
			errno = e;
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
fail:
	close_keeping_errno(fd);
	return NULL;
}

int xdg_lectern_dir(const char *var, const char *home_sub, struct strbuf *out)
{
	const char *x = getenv(var), *home = getenv("HOME");

	sb_reset(out);
	if (x && *x == '/')
		sb_addf(out, "%s/lectern", x);
	else if (home && *home == '/')
		sb_addf(out, "%s/%s/lectern", home, home_sub);
	else
		return -1;
	return 0;
}

char *path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}
