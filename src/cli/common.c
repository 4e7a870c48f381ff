/* cli/common: what every command shares: safe output, loading a corpus. */
#include "cli/common.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/text.h"
#include "base/util.h"

void out_flush(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return;
	if (errno == EPIPE)
		exit(141);   /* the reader went away: quiet, like SIGPIPE */
	die("write error: %s", strerror(errno ? errno : EIO));
}

void out_raw(const char *s, size_t n)
{
	if (fwrite(s, 1, n, stdout) != n)
		out_flush();
}

/* Corpus text, made safe; NULL prints as "-". */
void out_text(const char *s, unsigned flags)
{
	struct strbuf sb = STRBUF_INIT;
	if (!s)
		s = "-";
	text_sanitize(&sb, s, strlen(s), flags);
	out_raw(sb.buf, sb.len);
	sb_release(&sb);
}

void out_str(const char *s)
{
	out_raw(s, strlen(s));
}

/* Pads a sanitised cell to width columns (no padding on the last one). */
void out_cell(const char *s, size_t width, bool last)
{
	struct strbuf sb = STRBUF_INIT;
	if (!s)
		s = "-";
	text_sanitize(&sb, s, strlen(s), 0);
	out_raw(sb.buf, sb.len);
	if (!last) {
		size_t w = text_width(sb.buf, sb.len, false);
		for (; w < width + 2; w++)
			out_raw(" ", 1);
	}
	sb_release(&sb);
}

/* cJSON leaves C1 controls (U+0080..U+009F) raw: escape them too. */
void json_escape_c1(struct strbuf *sb, const char *s)
{
	for (const char *p = s; *p; p++)
		if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] >= 0x80 &&
		    (unsigned char)p[1] <= 0x9F)
			sb_addf(sb, "\\u%04x", (unsigned char)*++p);
		else
			sb_addch(sb, *p);
}

void out_json(cJSON *o)
{
	char *s = cJSON_Print(o);
	if (!s)
		die("out of memory");
	struct strbuf sb = STRBUF_INIT;
	json_escape_c1(&sb, s);
	out_raw(sb.buf, sb.len);
	sb_release(&sb);
	out_str("\n");
	cJSON_free(s);
	cJSON_Delete(o);
}

size_t col_width(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	text_sanitize(&sb, s ? s : "-", strlen(s ? s : "-"), 0);
	size_t w = text_width(sb.buf, sb.len, false);
	sb_release(&sb);
	return w;
}

void cli_error(const char *msg)
{
	struct strbuf m = STRBUF_INIT;
	text_sanitize(&m, msg, strlen(msg), 0);
	fprintf(stderr, "lectern: %s\n", m.buf);
	sb_release(&m);
}

void cli_problems(const char *index, const struct diags *d, bool failed)
{
	diags_print(d, stderr);
	if (failed) {
		struct strbuf m = STRBUF_INIT;
		sb_addf(&m, "%s: %zu problem%s", index, diags_count(d),
			diags_count(d) == 1 ? "" : "s");
		cli_error(m.buf);
		sb_release(&m);
	}
}

struct corpus *cli_load(const char *arg, unsigned flags, int *code)
{
	struct strbuf path = STRBUF_INIT;
	struct diags d;
	enum load_status st;

	if (corpus_locate(arg, &path) < 0) {
		cli_error(path.buf);
		sb_release(&path);
		*code = 2;
		return NULL;
	}
	diags_init(&d);
	struct corpus *c = corpus_load(path.buf, flags, &d, &st);
	cli_problems(path.buf, &d, !c);
	diags_release(&d);
	sb_release(&path);
	*code = c ? 0 : (int)st;
	return c;
}

/* The source of cur that holds the same text as source i of c. */
long cli_match_source(const struct corpus *c, size_t i, const struct corpus *cur)
{
	const struct source *s = &c->sources[i];
	for (size_t j = 0; j < cur->nsources; j++)
		if (!strcmp(cur->sources[j].sha256, s->sha256))
			return (long)j;
	for (size_t j = 0; j < cur->nsources; j++)
		if (s->original && cur->sources[j].original && !strcmp(s->original, cur->sources[j].original))
			return (long)j;
	return corpus_find_source(cur, s->id);
}
