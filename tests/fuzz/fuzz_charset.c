/*
 * fuzz_charset: charset declarations, detection (uchardet and UTF-16 by
 * shape) and conversion (charset.h), through decode_text_as() as import
 * calls it.  Byte 0 picks a stated charset (a sidecar's "encoding") from
 * a short list, or none; the rest is the raw article.  Checked: a declared
 * name is non-empty and made of letters, digits and "-_.:"; a guess names
 * a charset only with a confidence in [0, 1], and is sure only at
 * CHARSET_SURE or more; the decoded text is valid UTF-8 with no CR and no
 * BOM; the stats name an encoding, and a detected one with its confidence.
 */
#include "fuzz.h"
#include "import/charset.h"
#include "import/decode.h"

static const char *const stated[] = {
	NULL, "windows-1251", "koi8-r", "shift_jis", "gb18030", "utf-16le", "utf-8",
	"iso-8859-1", "x-nonsense", "ISO-2022-JP",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *cs = stated[data[0] % (sizeof stated / sizeof *stated)];
	const char *s = (const char *)data + 1;
	size_t n = size - 1;

	char name[CHARSET_NAME_MAX];
	if (charset_declared(s, n, name, sizeof name)) {
		FUZZ_ASSERT(name[0]);
		for (const char *c = name; *c; c++)
			FUZZ_ASSERT((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
				    (*c >= '0' && *c <= '9') || strchr("-_.:", *c));
	}
	struct charset_guess g;
	charset_detect(s, n, &g);
	FUZZ_ASSERT(g.confidence >= 0 && g.confidence <= 1);
	FUZZ_ASSERT(!g.sure || (g.name[0] && g.confidence >= CHARSET_SURE));

	struct strbuf out = STRBUF_INIT;
	struct decode_stats st;
	decode_text_as(s, n, cs, &out, &st);
	FUZZ_ASSERT(utf8_validate(out.buf, out.len) == out.len);
	FUZZ_ASSERT(!out.len || !memchr(out.buf, '\r', out.len));
	FUZZ_ASSERT(out.len < 3 || memcmp(out.buf, "\xef\xbb\xbf", 3));
	FUZZ_ASSERT(st.encoding[0]);
	if (st.how && !strcmp(st.how, "detected"))
		FUZZ_ASSERT(st.confidence >= CHARSET_SURE && st.confidence <= 1);
	struct strbuf d = STRBUF_INIT;
	for (int k = 0; k < 3; k++)
		decode_describe(&st, k, &d);
	FUZZ_ASSERT(utf8_validate(d.buf ? d.buf : "", d.len) == d.len);
	sb_release(&d);
	sb_release(&out);
	return 0;
}
