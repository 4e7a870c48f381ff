/* conffile: the line loop shared by the theme and config parsers. */
#include "base/conffile.h"

#include <string.h>

size_t conffile_parse(const char *file, const char *buf, size_t n,
		      struct diags *d, conffile_line_fn *parse, void *ctx)
{
	size_t bad = 0, lineno = 0, i = 0;
	struct strbuf line = STRBUF_INIT, msg = STRBUF_INIT;

	while (i < n) {
		const char *nl = memchr(buf + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - buf) : n;
		lineno++;
		sb_reset(&line);
		sb_add(&line, buf + i, e - i);
		if (line.len && line.buf[line.len - 1] == '\r')
			sb_setlen(&line, line.len - 1);
		sb_reset(&msg);
		if (memchr(line.buf, '\0', line.len))
			sb_addstr(&msg, "NUL byte in line");
		else
			parse(ctx, line.buf, &msg);
		if (msg.len) {
			/* "file:line: message" (no column) */
			struct strbuf where = STRBUF_INIT;
			sb_addf(&where, "%s:%zu", file, lineno);
			diag_add(d, where.buf, 0, 0, "%s", msg.buf);
			sb_release(&where);
			bad++;
		}
		i = e + 1;
	}
	sb_release(&line);
	sb_release(&msg);
	return bad;
}
