/* test_html: markup to plain text and page metadata, through libxml2. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "import/html.h"

static const char *conv(const char *s, size_t *tags)
{
	static char buf[4096];
	struct strbuf out = STRBUF_INIT;
	*tags = html_to_text(s, strlen(s), &out, NULL);
	snprintf(buf, sizeof buf, "%s", out.buf);
	sb_release(&out);
	return buf;
}
#define CONV(s) conv(s, &tags)

static void test_html(void **state)
{
	size_t tags;
	(void)state;
	assert_string_equal(CONV("<h1>Ferries  return</h1><p>The <b>ferries</b>\n sailed.</p><p>Fog &amp; rain&#8230;</p>"),
			    "Ferries return\n\nThe ferries sailed.\n\nFog & rain\xe2\x80\xa6\n");
	assert_int_equal(tags, 4);
	assert_string_equal(CONV("<script>var x = '<p>';</script><style>p{}</style><!-- note -->Only &ldquo;this&rdquo;."),
			    "Only \xe2\x80\x9cthis\xe2\x80\x9d.\n");
	assert_string_equal(CONV("line one<br>line two"), "line one\nline two\n");
	assert_string_equal(CONV("<p unclosed"), "");
	assert_string_equal(CONV(""), "");
	assert_string_equal(CONV("plain"), "plain\n");
}

/* The defects of the hand-written stripper, one by one. */
static void test_what_the_old_stripper_got_wrong(void **state)
{
	size_t tags;
	(void)state;
	assert_string_equal(CONV("<p>&euro; &pound; &eacute; &deg; &times;</p>"),
			    "\xe2\x82\xac \xc2\xa3 \xc3\xa9 \xc2\xb0 \xc3\x97\n");
	assert_string_equal(CONV("<p><a title=\"a>b\">link</a> text</p>"), "link text\n");
	assert_string_equal(CONV("<p>5 < 7 and 8 > 3</p>"), "5 < 7 and 8 > 3\n");
	assert_string_equal(CONV("<table><tr><th>City</th><th>Troops</th></tr><tr><td>Kyiv</td><td>30,000</td></tr></table>"),
			    "City\tTroops\nKyiv\t30,000\n");
	assert_string_equal(CONV("<p>before</p><pre>a  b\n  c\n\nd</pre><p>after</p>"),
			    "before\n\na  b\n  c\n\nd\n\nafter\n");
	assert_string_equal(CONV("one<hr>two<dl><dt>term</dt><dd>meaning</dd></dl>"),
			    "one\n\ntwo\n\nterm\n\nmeaning\n");
	assert_string_equal(CONV("<p>kept</p><nav>menu</nav><footer>foot</footer><aside>side</aside>"
				 "<form>field</form><noscript>ns</noscript><p>also kept</p>"),
			    "kept\n\nalso kept\n");
}

static void test_metadata(void **state)
{
	(void)state;
	const char *page =
		"<html lang=\"ru-RU\"><head><title>Plain  title</title>"
		"<meta name=\"author\" content=\"Anna Petrova\">"
		"<meta property=\"og:title\" content=\"OG title\">"
		"<meta property=\"og:site_name\" content=\"Minsk Daily\">"
		"<meta property=\"og:url\" content=\"https://example.org/a\">"
		"</head><body><p>Posted <time datetime=\"2022-02-09T10:10:00+03:00\">9 Feb</time></p></body></html>";
	struct strbuf out = STRBUF_INIT;
	struct html_meta hm;
	html_to_text(page, strlen(page), &out, &hm);
	assert_string_equal(out.buf, "Posted 9 Feb\n");
	assert_string_equal(hm.f[META_TITLE], "OG title");
	assert_string_equal(hm.f[META_AUTHOR], "Anna Petrova");
	assert_string_equal(hm.f[META_OUTLET], "Minsk Daily");
	assert_string_equal(hm.f[META_URL], "https://example.org/a");
	assert_string_equal(hm.f[META_PUBLISHED], "2022-02-09");
	assert_string_equal(hm.f[META_LANGUAGE], "ru");
	assert_null(hm.f[META_ID]);
	html_meta_release(&hm);

	const char *ld =
		"<head><title>T</title><script type=\"application/ld+json\">"
		"{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\"},"
		"{\"@type\":\"NewsArticle\",\"headline\":\"JSON-LD headline\","
		"\"author\":[{\"@type\":\"Person\",\"name\":\"Ivan Ivanov\"}],"
		"\"datePublished\":\"2022-10-20\",\"publisher\":{\"name\":\"The Outlet\"}}]}"
		"</script></head><p>x</p>";
	sb_reset(&out);
	html_to_text(ld, strlen(ld), &out, &hm);
	assert_string_equal(out.buf, "x\n");
	assert_string_equal(hm.f[META_TITLE], "JSON-LD headline");
	assert_string_equal(hm.f[META_AUTHOR], "Ivan Ivanov");
	assert_string_equal(hm.f[META_PUBLISHED], "2022-10-20");
	assert_string_equal(hm.f[META_OUTLET], "The Outlet");

	struct meta m = { 0 };
	m.f[META_TITLE] = strdup("guessed");
	m.guessed[META_TITLE] = true;
	html_meta_apply(&hm, &m);
	assert_string_equal(m.f[META_TITLE], "JSON-LD headline");
	assert_false(m.guessed[META_TITLE]);
	assert_null(hm.f[META_TITLE]);
	meta_release(&m);
	html_meta_release(&hm);

	/* bad values are dropped, not kept */
	const char *bad = "<meta property=\"article:published_time\" content=\"yesterday\">"
			  "<html lang=\"x\"><p>y</p>";
	sb_reset(&out);
	html_to_text(bad, strlen(bad), &out, &hm);
	assert_null(hm.f[META_PUBLISHED]);
	assert_null(hm.f[META_LANGUAGE]);
	html_meta_release(&hm);
	sb_release(&out);
}

static void test_deep_nesting(void **state)
{
	(void)state;
	struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;
	for (int i = 0; i < 100000; i++)
		sb_addstr(&in, "<div><b>");
	sb_addstr(&in, "deep");
	html_to_text(in.buf, in.len, &out, NULL);
	assert_string_equal(out.buf, "deep\n");
	sb_release(&in);
	sb_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_what_the_old_stripper_got_wrong),
		cmocka_unit_test(test_metadata),
		cmocka_unit_test(test_deep_nesting),
	};
	return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
