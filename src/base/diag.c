/* diag: a list of located problems. */
#include "base/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/text.h"
#include "base/util.h"

void diags_init(struct diags *d)
{
	d->lines = NULL;
	d->n = d->alloc = d->dropped = 0;
}

void diags_release(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->lines[i]);
	free(d->lines);
	diags_init(d);
}

/* s made display-safe, cut after DIAG_TEXT_MAX bytes (a quoted value can
 * be megabytes long; its start says enough) */
static void add_safe(struct strbuf *sb, const char *s, size_t n)
{
	size_t cut = n;
	if (n > DIAG_TEXT_MAX)
		for (cut = DIAG_TEXT_MAX; cut && !utf8_boundary(s, n, cut); cut--)
			;
	text_sanitize(sb, s, cut, 0);
	if (cut < n)
		sb_addstr(sb, " [...]");
}

void diag_add(struct diags *d, const char *file, size_t line, size_t col,
	      const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	if (d->n >= DIAG_MAX) {
		d->dropped++;
		return;
	}
	/* file names come from corpora too: sanitised like the message */
	add_safe(&sb, file, strlen(file));
	if (line)
		sb_addf(&sb, ":%zu:%zu: ", line, col);
	else
		sb_addstr(&sb, ": ");
	struct strbuf msg = STRBUF_INIT;
	va_start(ap, fmt);
	sb_vaddf(&msg, fmt, ap);
	va_end(ap);
	/* messages quote corpus strings: never let them reach a terminal raw */
	add_safe(&sb, msg.buf, msg.len);
	sb_release(&msg);
	if (d->n == d->alloc) {
		d->alloc = d->alloc ? d->alloc * 2 : 16;
		d->lines = xrealloc(d->lines, d->alloc * sizeof *d->lines);
	}
	d->lines[d->n++] = sb_detach(&sb, NULL);
}

size_t diags_count(const struct diags *d)
{
	return d->n + d->dropped;
}

void diags_print(const struct diags *d, FILE *fp)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(fp, "%s\n", d->lines[i]);
	if (d->dropped)
		fprintf(fp, "... and %zu more problems\n", d->dropped);
}
