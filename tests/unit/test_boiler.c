/* test_boiler: web furniture lines found and grouped into spans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "import/boiler.h"

static const char *what(const char *line)
{
	const char *w = boiler_line(line, strlen(line));
	return w ? w : "text";
}

static void test_lines(void **state)
{
	(void)state;
	assert_string_equal(what("Please support us: every gift keeps the lights on."), "donation appeal");
	assert_string_equal(what("A Message from The Harbour Gazette:"), "donation appeal");
	assert_string_equal(what("Get the weekly Gazette newsletter"), "newsletter prompt");
	assert_string_equal(what("Sign up for our morning briefing"), "newsletter prompt");
	assert_string_equal(what("Leave a comment"), "comment prompt");
	assert_string_equal(what("Please read our commenting guidelines before you post."), "comment prompt");
	assert_string_equal(what("Share Facebook Twitter Email Print WhatsApp"), "share labels");
	assert_string_equal(what("(c) Harbour Press / Stock Photo. All rights reserved"), "photo credit");
	assert_string_equal(what("\xc2\xa9 Jan Novak"), "photo credit");
	assert_string_equal(what("Marta Lind/Reuters"), "photo credit");
	assert_string_equal(what("Coastal Guard Press Service/AP/File"), "photo credit");
	assert_string_equal(what("Source: Port Authority"), "photo credit");
	assert_string_equal(what("Read more: Ferry strike ends after ten days"), "read-more teaser");
	assert_string_equal(what("Anna Holm does not work for, consult, own shares in or receive funding from any company."),
			    "disclosure statement");
	assert_string_equal(what("See also"), "read-more teaser");
	assert_string_equal(what("For more information on the ferry strike, see Harbour Strike Enters Second Week."),
			    "related-story teaser");
	assert_string_equal(what("For additional details see Port Authority Update on the Storm."),
			    "related-story teaser");
	assert_string_equal(what("Return to this article at:"), "page furniture");
	assert_string_equal(what("Click to print this document"), "page furniture");
	assert_string_equal(what("Email this story to a friend   Print this story"), "page furniture");
	/* text that mentions the same words */
	assert_string_equal(what("For more information, the mayor said, residents should see the harbour office."), "text");
	assert_string_equal(what("The port authority said the ferry/bus link would reopen in May, Reuters reported."), "text");
	assert_string_equal(what("Readers of the newsletter were told that the harbour had been closed for repairs since the spring storms ended."), "text");
	assert_string_equal(what("The minister refused to comment."), "text");
	assert_string_equal(what(""), "text");
}

static size_t spans(const char *s, struct boiler_span **v)
{
	return boiler_detect(s, strlen(s), v);
}

static void test_blocks(void **state)
{
	struct boiler_span *v;
	(void)state;
	const char *a =
		"The quay reopened on Monday after repairs.\n"
		"A Message from The Harbour Gazette:\n"
		"Dear readers,\n"
		"Independent local news needs you.\n"
		"Remind me later.";
	assert_int_equal(spans(a, &v), 1);
	assert_int_equal(v[0].start, 43);
	assert_int_equal(v[0].end, strlen(a));
	free(v);

	const char *b =
		"Ferries were late again on Tuesday, the port said.\n\n"
		"Why We Wrote This\n\n"
		"Ferries link the islands to the mainland.\n\n"
		"The delays began in April.\n\n"
		"Get the free Gazette newsletter\n\n"
		"A weekly digest of harbour news.\n\n"
		"Crews went back to work.\n";
	size_t n = spans(b, &v);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].what, "editor's note");
	assert_memory_equal(b + v[0].start, "Why We Wrote This\n\nFerries link", 30);
	assert_int_equal(b[v[0].end], '\n');
	assert_int_equal(b[v[0].end - 1], '.');
	assert_string_equal(v[1].what, "newsletter prompt");
	assert_memory_equal(b + v[1].end - 13, "harbour news.", 13);
	free(v);
}

static void test_header_and_teaser(void **state)
{
	struct boiler_span *v;
	(void)state;
	const char *s =
		"\xe6\xb5\xb7\xe8\xa7\x92\xe5\xa4\xa7\xe7\xa5\x9e\n\n"
		"Ferries return to the northern islands\n\n"
		"The northern ferries sailed again on Monday after the strike at the harbour ended.\n\n"
		"Volcanoes in Iceland worry pilots. Airlines plan new routes.\n\n"
		"The harbour master said the ferries would keep to the winter timetable.\n";
	size_t n = spans(s, &v);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].what, "site header");
	assert_int_equal(v[0].start, 0);
	assert_int_equal(v[0].end, 12);
	assert_string_equal(v[1].what, "related-story teaser");
	free(v);
	assert_int_equal(boiler_detect(NULL, 0, &v), 0);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_header_and_teaser),
	};
	return cmocka_run_group_tests_name("boiler", tests, NULL, NULL);
}
