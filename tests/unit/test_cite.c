/* test_cite: the citation formats on the bundled corpus, the format names,
 * and a claim whose text and metadata hold escape sequences, C1 and bidi
 * controls and TeX and Markdown punctuation: every format stays free of
 * raw controls (the invariant checked after each citation) and escapes
 * what is special to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <cjson/cJSON.h>

#include "base/text.h"
#include "base/util.h"
#include "corpus/cite.h"
#include "bundled.h"

/* No C0 but LF, no DEL, no C1 (C2 80..9F), no bidi control (U+202A..E,
 * U+2066..9) and valid UTF-8. */
static void check_clean(const struct strbuf *sb)
{
	const unsigned char *s = (const unsigned char *)sb->buf;
	assert_int_equal(utf8_validate(sb->buf, sb->len), sb->len);
	for (size_t i = 0; i < sb->len; i++) {
		assert_false((s[i] < 0x20 && s[i] != '\n') || s[i] == 0x7f);
		if (i + 1 < sb->len)
			assert_false(s[i] == 0xc2 && s[i + 1] >= 0x80 && s[i + 1] <= 0x9f);
		if (i + 2 < sb->len)
			assert_false(s[i] == 0xe2 && ((s[i + 1] == 0x80 && s[i + 2] >= 0xaa && s[i + 2] <= 0xae) ||
						      (s[i + 1] == 0x81 && s[i + 2] >= 0xa6 && s[i + 2] <= 0xa9)));
	}
}

static void cite(struct strbuf *sb, const struct corpus *c, const char *id, enum cite_format f)
{
	long k = corpus_find_claim(c, id);
	assert_true(k >= 0);
	sb_reset(sb);
	cite_write(sb, c, (size_t)k, f);
	check_clean(sb);
}

static void format_names(void **state)
{
	enum cite_format f = CITE_BIBTEX;
	(void)state;
	assert_int_equal(cite_format_parse("plain", &f), 0);
	assert_int_equal(f, CITE_PLAIN);
	assert_int_equal(cite_format_parse("csl-json", &f), 0);
	assert_int_equal(f, CITE_CSL_JSON);
	assert_int_equal(cite_format_parse("CSL-JSON", &f), -1);
	assert_int_equal(cite_format_parse("", NULL), -1);
	assert_int_equal(cite_format_parse(NULL, NULL), -1);
	assert_int_equal(f, CITE_CSL_JSON);   /* untouched on failure */
	for (int i = 0; i < CITE_FORMAT_COUNT; i++)
		assert_non_null(strstr(CITE_FORMAT_LIST, cite_format_names[i]));
	assert_null(cite_format_names[CITE_FORMAT_COUNT]);
}

static void bundled_formats(void **state)
{
	struct corpus *c = load_bundled();
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	cite(&sb, c, "mt-01", CITE_PLAIN);
	assert_string_equal(sb.buf, "\"Since the middle of January, Russia has been moving troops from the "
			    "Far East to the vicinity of the Belarus-Ukraine border\"\n"
			    "The Moscow Times, 2022-02?, claim mt-01");
	cite(&sb, c, "odr-11", CITE_CSL_JSON);
	cJSON *arr = cJSON_Parse(sb.buf);
	assert_non_null(arr);
	assert_int_equal(cJSON_GetArraySize(arr), 1);
	cJSON *it = cJSON_GetArrayItem(arr, 0);
	assert_string_equal(cJSON_GetObjectItem(it, "id")->valuestring, "odr-11");
	assert_string_equal(cJSON_GetObjectItem(it, "container-title")->valuestring, "openDemocracy");
	cJSON *parts = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(it, "issued"),
							      "date-parts"), 0);
	assert_int_equal(cJSON_GetArraySize(parts), 3);
	assert_int_equal(cJSON_GetArrayItem(parts, 2)->valueint, 9);
	cJSON_Delete(arr);
	cite(&sb, c, "blog-22", CITE_BIBTEX);
	assert_non_null(strstr(sb.buf, "@article{blog-22,\n"));
	assert_non_null(strstr(sb.buf, "  month = nov,\n"));
	assert_non_null(strstr(sb.buf, " 90\\% of "));
	assert_null(strstr(sb.buf, "journal"));   /* the blog has no outlet: left out */
	sb_release(&sb);
	corpus_free(c);
}

static const char hostile[] =
	"{\"schema\": \"lectern-corpus\", \"version\": 1, \"title\": \"t\",\n"
	" \"sources\": [{\"id\": \"s\", \"title\": \"T\\u001b]0;x\\u0007 {1}\", \"outlet\": \"O\\u202e\",\n"
	"   \"author\": \"A\\u0085\", \"published\": \"2020\", \"url\": \"u{\\\\}\", \"language\": null,\n"
	"   \"file\": \"sources/s.txt\", \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\"}],\n"
	" \"claims\": [{\"id\": \"c:1\", \"source\": \"s\", \"span\": [0, 40],\n"
	"   \"text\": \"a\\u001b[2J\\u009b\\tb\\nc *d* _e_ #f {g} %h \\\\i\\u2066\", \"kind\": \"event\",\n"
	"   \"values\": [], \"topics\": [], \"origin\": \"curated\"}],\n"
	" \"topics\": []}\n";

static void hostile_claim(void **state)
{
	struct diags d;
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	diags_init(&d);
	struct corpus *c = corpus_load_buffer("/nonexistent/corpus.json", xstrdup(hostile),
					      strlen(hostile), 0, &d, NULL);
	if (!c)
		fail_msg("%s", diags_count(&d) ? d.lines[0] : "not loaded");
	diags_release(&d);
	cite(&sb, c, "c:1", CITE_PLAIN);
	assert_string_equal(sb.buf, "\"a^[[2J<U+009B> b c *d* _e_ #f {g} %h \\i<U+2066>\"\n"
			    "O<U+202E>, \"T^[]0;x^G {1}\", A<U+0085>, 2020, u{\\}, claim c:1");
	cite(&sb, c, "c:1", CITE_MARKDOWN);
	assert_string_equal(sb.buf, "> a^\\[\\[2J\\<U+009B\\> b c \\*d\\* \\_e\\_ \\#f {g} %h \\\\i\\<U+2066\\>\n\n"
			    "O\\<U+202E\\>, *T^\\[\\]0;x^G {1}*, A\\<U+0085\\>, 2020, <u{\\}>, claim `c:1`");
	cite(&sb, c, "c:1", CITE_BIBTEX);
	assert_non_null(strstr(sb.buf, "  title = {T\\^{}[]0;x\\^{}G \\{1\\}},\n"));
	assert_non_null(strstr(sb.buf, "  url = {u%7B%5C%7D},\n"));
	assert_non_null(strstr(sb.buf, "``a\\^{}[[2J<U+009B> b c *d* \\_e\\_ \\#f \\{g\\} \\%h "
				       "\\textbackslash{}i<U+2066>''"));
	assert_non_null(strstr(sb.buf, "  year = {2020},\n"));
	assert_null(strstr(sb.buf, "month"));
	cite(&sb, c, "c:1", CITE_CSL_JSON);
	cJSON *arr = cJSON_Parse(sb.buf);
	assert_non_null(arr);
	cJSON_Delete(arr);
	sb_release(&sb);
	corpus_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_names),
		cmocka_unit_test(bundled_formats),
		cmocka_unit_test(hostile_claim),
	};
	return cmocka_run_group_tests_name("cite", tests, NULL, NULL);
}
