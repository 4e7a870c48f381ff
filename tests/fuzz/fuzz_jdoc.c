/*
 * fuzz_jdoc: jdoc_parse() on arbitrary bytes.  Besides not crashing, a
 * document it accepts must have a position for every value (recorded on
 * the first call of jdoc_where()), pointing at
 * the first character of that value, and the line and column jdoc_where()
 * gives must be those counted from the start.
 * FUZZ_DICT json.dict
 */
#include <string.h>

#include "fuzz.h"
#include "base/text.h"
#include "base/util.h"
#include "corpus/jdoc.h"

static bool starts_right(const cJSON *n, char c)
{
	if (cJSON_IsObject(n)) return c == '{';
	if (cJSON_IsArray(n)) return c == '[';
	if (cJSON_IsString(n)) return c == '"';
	if (cJSON_IsNumber(n)) return c == '-' || (c >= '0' && c <= '9');
	if (cJSON_IsTrue(n)) return c == 't';
	if (cJSON_IsFalse(n)) return c == 'f';
	if (cJSON_IsNull(n)) return c == 'n';
	return false;
}

/* Walks values in document order, as jdoc records them. */
struct pos {
	size_t off, line, col;
};

static void walk(struct jdoc *d, const cJSON *n, size_t *k, struct diags *dg,
		 struct pos *pos)
{
	for (; n; n = n->next) {
		FUZZ_ASSERT(*k < d->noffs);
		size_t off = d->offs[*k];
		FUZZ_ASSERT(off >= d->start && off < d->len);
		FUZZ_ASSERT(starts_right(n, d->buf[off]));
		(*k)++;
		if (cJSON_IsString(n) || n->string) {
			const char *s = cJSON_IsString(n) ? n->valuestring : n->string;
			/* accepted strings are valid UTF-8 (no raw C0 in the text, but
			 * escapes like \u001b may produce them: the display rules deal
			 * with those) */
			FUZZ_ASSERT(utf8_validate(s, strlen(s)) == strlen(s));
		}
		size_t line, col;
		jdoc_where(d, n, &line, &col);
		/* counted the plain way, on from the previous value */
		FUZZ_ASSERT(off >= pos->off);
		for (; pos->off < off; pos->off++)
			if (d->buf[pos->off] == '\n') {
				pos->line++;
				pos->col = 1;
			} else if (pos->off >= d->start &&
				   ((unsigned char)d->buf[pos->off] & 0xC0) != 0x80) {
				pos->col++;
			}
		FUZZ_ASSERT(line == pos->line && col == pos->col);
		if (*k % 64 == 1)
			jdoc_error(d, dg, n, "value %zu", *k);
		if (n->child)
			walk(d, n->child, k, dg, pos);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags dg;
	struct jdoc d;
	char *buf = xmalloc(size + 1);

	memcpy(buf, data, size);
	buf[size] = '\0';
	diags_init(&dg);
	if (jdoc_parse(&d, "fuzz.json", buf, size, &dg) == 0) {
		size_t k = 0;
		struct pos pos = { 0, 1, 1 };
		FUZZ_ASSERT(d.root);
		FUZZ_ASSERT(diags_count(&dg) == 0);
		size_t l0, c0;
		jdoc_where(&d, d.root, &l0, &c0);   /* builds the offsets */
		FUZZ_ASSERT(d.noffs == d.nvalues);
		walk(&d, d.root, &k, &dg, &pos);
		FUZZ_ASSERT(k == d.noffs);
		jdoc_error(&d, &dg, NULL, "top");
	} else {
		FUZZ_ASSERT(!d.root);
		FUZZ_ASSERT(diags_count(&dg) > 0);
	}
	/* every message is located and terminal-safe */
	for (size_t i = 0; i < dg.n; i++) {
		FUZZ_ASSERT(!strncmp(dg.lines[i], "fuzz.json:", 10));
		fuzz_check_message(dg.lines[i]);
	}
	diags_release(&dg);
	jdoc_release(&d);
	return 0;
}
