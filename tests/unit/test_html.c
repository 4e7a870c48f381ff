/* test_html: markup to plain text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "import/html.h"

static const char *conv(const char *s, size_t *tags)
{
	static char buf[1024];
	struct strbuf out = STRBUF_INIT;
	*tags = html_to_text(s, strlen(s), &out);
	snprintf(buf, sizeof buf, "%s", out.buf);
	sb_release(&out);
	return buf;
}

static void test_html(void **state)
{
	size_t tags;
	(void)state;
	assert_string_equal(conv("<h1>Ferries  return</h1><p>The <b>ferries</b>\n sailed.</p><p>Fog &amp; rain&#8230;</p>", &tags),
			    "Ferries return\n\nThe ferries sailed.\n\nFog & rain\xe2\x80\xa6\n");
	assert_int_equal(tags, 8);
	assert_string_equal(conv("<script>var x = '<p>';</script><style>p{}</style><!-- note -->Only &ldquo;this&rdquo;.", &tags),
			    "Only \xe2\x80\x9cthis\xe2\x80\x9d.\n");
	assert_string_equal(conv("line one<br>line two", &tags), "line one\nline two\n");
	assert_string_equal(conv("&#0; &#xD800; &bogus; &", &tags), "\xef\xbf\xbd \xef\xbf\xbd &bogus; &\n");
	assert_string_equal(conv("<p unclosed", &tags), "");
	assert_string_equal(conv("", &tags), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html),
	};
	return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
