/* sniff: refuse binary and oversized files before reading them. */
#include "import/sniff.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus/corpus.h"
#include "import/charset.h"

/* UTF-16 without a BOM: at least 16 units (fewer bytes with a NUL are
 * as likely binary), the shape of UTF-16 (import/charset.h), and more NUL
 * bytes in the high halves of units (ASCII characters: spaces, line ends,
 * punctuation) than in the low ones, as text has them. */
static bool utf16_nuls(const unsigned char *p, size_t n)
{
	const char *order = n >= 32 ? charset_utf16_shape((const char *)p, n) : NULL;
	if (!order)
		return false;
	size_t hi = !strcmp(order, "UTF-16LE"), nhi = 0, nlo = 0;
	for (size_t i = 0; i + 1 < n; i += 2) {
		nhi += p[i + hi] == 0;
		nlo += p[i + !hi] == 0;
	}
	return nhi > nlo;
}

int sniff_bytes(const unsigned char *p, size_t n, struct strbuf *why)
{
	if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
		return 0;   /* UTF-16 with a BOM: decode.h converts it */
	const unsigned char *z = memchr(p, 0, n);
	if (!z)
		return 0;
	if (utf16_nuls(p, n & ~(size_t)1))
		return 0;   /* UTF-16 without a BOM: decode.h finds it by its shape */
	sb_addf(why, "a binary file (NUL byte at offset %zu): not imported", (size_t)(z - p));
	return 1;
}

int sniff_file(const char *path, struct strbuf *why)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	unsigned char head[SNIFF_HEAD];
	size_t n = 0;
	int r = 0;

	if (fd < 0) {
		sb_addstr(why, strerror(errno));
		return 2;
	}
	if (fstat(fd, &st) < 0) {
		sb_addstr(why, strerror(errno));
		r = 2;
	} else if (S_ISDIR(st.st_mode)) {
		sb_addstr(why, strerror(EISDIR));
		r = 2;
	} else if (!S_ISREG(st.st_mode)) {
		sb_addstr(why, "not a regular file (a FIFO or device?): not imported");
		r = 1;
	} else if ((unsigned long long)st.st_size > CORPUS_MAX_TEXT) {
		sb_addf(why, "larger than the 1 GiB text cap (%llu bytes): not imported",
			(unsigned long long)st.st_size);
		r = 1;
	}
	while (!r && n < sizeof head) {
		ssize_t k = read(fd, head + n, sizeof head - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			sb_addstr(why, strerror(errno));
			r = 2;
		}
		if (k <= 0)
			break;
		n += (size_t)k;
	}
	close(fd);
	return r ? r : sniff_bytes(head, n, why);
}
