/*
 * fuzz_html: the HTML walk of html.h (libxml2's parser, then the tree
 * walk and the metadata it collects).  The input is the page, as
 * decode_text() would hand it over (any bytes: html_to_text() must take
 * them).  Checked: the text is valid UTF-8 without NUL, CR, a trailing
 * space or blank line, and ends in one LF when not empty; every metadata
 * field is valid UTF-8 of at most 300 bytes with no control character or
 * edge space, the date is YYYY-MM-DD, the language lower-case letters,
 * the id never set; html_meta_apply() moves every field.
 * FUZZ_DICT html.dict
 */
#include "fuzz.h"
#include "import/html.h"
#include "import/meta.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf out = STRBUF_INIT;
	struct html_meta hm;

	sb_addstr(&out, "kept");   /* what is there already stays */
	html_to_text((const char *)data, size, &out, &hm);
	FUZZ_ASSERT(out.len >= 4 && !memcmp(out.buf, "kept", 4));
	const char *t = out.buf + 4;
	size_t n = out.len - 4;
	FUZZ_ASSERT(utf8_validate(t, n) == n);
	FUZZ_ASSERT(!memchr(t, 0, n) && !memchr(t, '\r', n));
	if (n) {
		FUZZ_ASSERT(t[n - 1] == '\n');
		FUZZ_ASSERT(n == 1 || (t[n - 2] != '\n' && t[n - 2] != ' '));
	}
	for (int f = 0; f < META_NFIELDS; f++) {
		const char *v = hm.f[f];
		if (!v)
			continue;
		size_t l = strlen(v);
		FUZZ_ASSERT(f != META_ID && l > 0 && l <= 300);
		FUZZ_ASSERT(utf8_validate(v, l) == l);
		FUZZ_ASSERT(v[0] != ' ' && v[l - 1] != ' ');
		for (size_t i = 0; i < l; i++)
			FUZZ_ASSERT((unsigned char)v[i] >= 0x20 && v[i] != 0x7F);
		if (f == META_PUBLISHED)
			FUZZ_ASSERT(l == 10 && v[4] == '-' && v[7] == '-');
		if (f == META_LANGUAGE)
			for (size_t i = 0; i < l; i++)
				FUZZ_ASSERT(v[i] >= 'a' && v[i] <= 'z');
	}
	struct meta m = { 0 };
	html_meta_apply(&hm, &m);
	for (int f = 0; f < META_NFIELDS; f++)
		FUZZ_ASSERT(!hm.f[f] && !m.guessed[f]);
	meta_release(&m);
	html_meta_release(&hm);
	sb_release(&out);
	return 0;
}
