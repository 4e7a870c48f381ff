/*
 * corpus/check: the checks that need the texts (CORPUS_CHECK_FILES):
 * confinement, SHA-256, UTF-8, NUL bytes, and every span against the bytes
 * it points at.  Private to the loader (corpus/loader.h).
 */
#include <string.h>

#include "base/sha256.h"
#include "base/text.h"
#include "corpus/loader.h"

/* Line and column (1-based, columns in characters) of offset off in t. */
static void text_where(const char *t, size_t off, size_t *line, size_t *col)
{
	*line = 1;
	*col = 1;
	for (size_t k = 0; k < off; k++) {
		if (t[k] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)t[k] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/* Reads every text: confinement, sha256, UTF-8, NUL bytes, spans. */
void check_files(struct ld *L)
{
	struct corpus *c = L->c;
	struct strbuf e = STRBUF_INIT;

	for (size_t i = 0; i < c->nsources; i++) {
		struct source *s = &c->sources[i];
		if (!*s->file || corpus_path_problem(s->file))
			continue;
		size_t len;
		sb_reset(&e);
		const char *t = corpus_text(c, i, &len, &e);
		if (!t) {
			diag_add(L->dg, s->file, 0, 0, "%s", e.buf);
			for (size_t k = 0; k < s->nclaims; k++)
				c->claims[s->claims[k]].source = (size_t)-1;
			continue;
		}
		char hex[65];
		sha256_hex(t, len, hex);
		if (*s->sha256 && strcmp(hex, s->sha256))
			diag_add(L->dg, s->file, 0, 0, "sha256 is %s, the index says %s "
				 "(the text changed after indexing)", hex, s->sha256);
		size_t bad = utf8_validate(t, len), line, col;
		if (bad < len) {
			text_where(t, bad, &line, &col);
			diag_add(L->dg, s->file, line, col, "invalid UTF-8 (byte 0x%02X at offset %zu)",
				 (unsigned char)t[bad], bad);
		}
		/* valid UTF-8, but no text: no claim can match it (JSON strings
		 * cannot hold U+0000) and it is what a UTF-16 file or a file
		 * zero-filled by a crash looks like */
		const char *nul = memchr(t, '\0', len);
		if (nul) {
			text_where(t, (size_t)(nul - t), &line, &col);
			diag_add(L->dg, s->file, line, col, "NUL byte in text (offset %zu; "
				 "a binary or UTF-16 file?)", (size_t)(nul - t));
		}
		const cJSON *bn = cJSON_IsObject(L->source_nodes[i]) ?
			ld_field(L->source_nodes[i], "boilerplate") : NULL;
		for (size_t k = 0; k < s->nboiler; k++) {
			if (s->boiler[k].end > len)
				err(L, bn, "source \"%s\": boilerplate span [%zu, %zu] ends past the "
				    "end of %s (%zu bytes)", s->id, s->boiler[k].start,
				    s->boiler[k].end, s->file, len);
			else if (!utf8_boundary(t, len, s->boiler[k].start) ||
				 !utf8_boundary(t, len, s->boiler[k].end))
				err(L, bn, "source \"%s\": boilerplate span [%zu, %zu] splits a "
				    "UTF-8 character", s->id, s->boiler[k].start, s->boiler[k].end);
		}
		for (size_t k = 0; k < s->nclaims; k++) {
			struct claim *cl = &c->claims[s->claims[k]];
			const cJSON *sn = ld_field(L->claim_nodes[s->claims[k]], "span");
			if (cl->span.end > len)
				err(L, sn, "claim \"%s\": span [%zu, %zu] ends past the end of %s "
				    "(%zu bytes)", cl->id, cl->span.start, cl->span.end, s->file, len);
			else if (!utf8_boundary(t, len, cl->span.start) ||
				 !utf8_boundary(t, len, cl->span.end))
				err(L, sn, "claim \"%s\": span [%zu, %zu] splits a UTF-8 character",
				    cl->id, cl->span.start, cl->span.end);
			else if (strlen(cl->text) != cl->span.end - cl->span.start ||
				 memcmp(cl->text, t + cl->span.start, cl->span.end - cl->span.start))
				err(L, ld_field(L->claim_nodes[s->claims[k]], "text"),
				    "claim \"%s\": text differs from the bytes of its span [%zu, %zu]",
				    cl->id, cl->span.start, cl->span.end);
		}
		corpus_text_drop(c, i);
	}
	sb_release(&e);
}
