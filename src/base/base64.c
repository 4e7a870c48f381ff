/* base64: RFC 4648 base64 encoding (standard alphabet, padded). */
#include "base/base64.h"

static const char alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void base64_encode(struct strbuf *out, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t full = n / 3 * 3, at;

	if (!n)
		return;
	sb_grow(out, base64_len(n));
	at = out->len;
	for (size_t i = 0; i < full; i += 3) {
		unsigned long v = (unsigned long)p[i] << 16 | (unsigned long)p[i + 1] << 8 | p[i + 2];
		out->buf[at++] = alphabet[v >> 18 & 63];
		out->buf[at++] = alphabet[v >> 12 & 63];
		out->buf[at++] = alphabet[v >> 6 & 63];
		out->buf[at++] = alphabet[v & 63];
	}
	if (n > full) {   /* one or two bytes left: pad to four characters */
		unsigned long v = (unsigned long)p[full] << 16 |
				  (n - full == 2 ? (unsigned long)p[full + 1] << 8 : 0);
		out->buf[at++] = alphabet[v >> 18 & 63];
		out->buf[at++] = alphabet[v >> 12 & 63];
		out->buf[at++] = n - full == 2 ? alphabet[v >> 6 & 63] : '=';
		out->buf[at++] = '=';
	}
	out->len = at;
	out->buf[at] = '\0';
}
