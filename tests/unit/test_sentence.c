/* test_sentence: sentence boundaries in news English. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "extract/sentence.h"

/* The sentences of s joined with " | ". */
static const char *split(const char *s)
{
	static char buf[2048];
	struct sent *v;
	size_t n = sentence_split(s, strlen(s), &v);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(buf, " | ");
		strncat(buf, s + v[i].start, v[i].end - v[i].start);
	}
	free(v);
	return buf;
}

static void test_titles_and_abbreviations(void **state)
{
	(void)state;
	assert_string_equal(split("Mr. Olsen and Mrs. Berg met Dr. Hale. They talked."),
			    "Mr. Olsen and Mrs. Berg met Dr. Hale. | They talked.");
	assert_string_equal(split("Gen. Moreau arrived on Feb. 3 and left in Sept. The next day was calm."),
			    "Gen. Moreau arrived on Feb. 3 and left in Sept. The next day was calm.");
	assert_string_equal(split("They met in St Albans. Then in St. Ives."),
			    "They met in St Albans. | Then in St. Ives.");
	assert_string_equal(split("The U.S. Navy and the U.N. Council agreed. Nobody else did."),
			    "The U.S. Navy and the U.N. Council agreed. | Nobody else did.");
	assert_string_equal(split("Aid reached the U.S. The ships left."),
			    "Aid reached the U.S. | The ships left.");
	assert_string_equal(split("The novel by J. R. Tolkien sold well. It still does."),
			    "The novel by J. R. Tolkien sold well. | It still does.");
}

static void test_numbers(void **state)
{
	(void)state;
	assert_string_equal(split("Turnout was 63.7% in the north. It was 9,5 in the south."),
			    "Turnout was 63.7% in the north. | It was 9,5 in the south.");
	assert_string_equal(split("About 12,000 came and 48 000 stayed. Fewer left."),
			    "About 12,000 came and 48 000 stayed. | Fewer left.");
	assert_string_equal(split("The score was 2. 3 more goals followed."),
			    "The score was 2. | 3 more goals followed.");
}

static void test_quotes_and_brackets(void **state)
{
	(void)state;
	assert_string_equal(split("\xe2\x80\x9cWe will stay.\xe2\x80\x9d The mayor left."),
			    "\xe2\x80\x9cWe will stay.\xe2\x80\x9d | The mayor left.");
	assert_string_equal(split("He said \"no.\" Then he went (quietly.) After that, rain."),
			    "He said \"no.\" | Then he went (quietly.) | After that, rain.");
	assert_string_equal(split("\xe2\x80\x9cWill it hold?\xe2\x80\x9d she asked. Nobody knew."),
			    "\xe2\x80\x9cWill it hold?\xe2\x80\x9d she asked. | Nobody knew.");
	assert_string_equal(split("It ended. \xe2\x80\x9cGood,\xe2\x80\x9d he said."),
			    "It ended. | \xe2\x80\x9cGood,\xe2\x80\x9d he said.");
}

static void test_ellipses_and_lines(void **state)
{
	(void)state;
	assert_string_equal(split("We waited... and waited. Then... Nothing."),
			    "We waited... and waited. | Then... | Nothing.");
	assert_string_equal(split("Wait\xe2\x80\xa6 No."), "Wait\xe2\x80\xa6 | No.");
	assert_string_equal(split("Harbour Strike Ends\n\nDock workers voted to return.\nA crane at the port"),
			    "Harbour Strike Ends | Dock workers voted to return. | A crane at the port");
	assert_string_equal(split("  \n\n  "), "");
}

static void test_paragraphs(void **state)
{
	struct sent *v;
	const char *s = "One. Two.\n\nThree.\nFour.";
	(void)state;
	size_t n = sentence_split(s, strlen(s), &v);
	assert_int_equal(n, 4);
	assert_int_equal(v[0].para, v[1].para);
	assert_true(v[2].para > v[1].para);
	assert_true(v[3].para > v[2].para);
	free(v);
	assert_int_equal(sentence_split(NULL, 3, &v), 0);
	assert_int_equal(sentence_split("x", 0, &v), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_titles_and_abbreviations),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_quotes_and_brackets),
		cmocka_unit_test(test_ellipses_and_lines),
		cmocka_unit_test(test_paragraphs),
	};
	return cmocka_run_group_tests_name("sentence", tests, NULL, NULL);
}
