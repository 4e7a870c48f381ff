/* test_jdoc: positions, limits and messages of jdoc_parse(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "jdoc.h"
#include "strbuf.h"
#include "util.h"

/* Parses text (a copy); returns the result, messages in dg. */
static int parse(struct jdoc *d, const char *text, size_t len, struct diags *dg)
{
	char *buf = xmalloc(len + 1);
	memcpy(buf, text, len);
	buf[len] = '\0';
	diags_init(dg);
	return jdoc_parse(d, "t.json", buf, len, dg);
}

/* Line and column of off, counted the plain way. */
static void naive(const char *s, size_t start, size_t off, size_t *line, size_t *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (i >= start && ((unsigned char)s[i] & 0xC0) != 0x80) {
			(*col)++;
		}
}

static void walk(struct jdoc *d, const cJSON *n, size_t *k)
{
	for (; n; n = n->next) {
		size_t l, c, nl, nc;
		jdoc_where(d, n, &l, &c);
		naive(d->buf, d->start, d->offs[*k], &nl, &nc);
		assert_int_equal(l, nl);
		assert_int_equal(c, nc);
		(*k)++;
		if (n->child)
			walk(d, n->child, k);
	}
}

/* Every value's place, across many JDOC_MARK_EVERY boundaries, after a BOM,
 * in long lines of multi-byte characters. */
static void test_positions(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct jdoc d;
	struct diags dg;
	(void)state;

	sb_addstr(&sb, "\xEF\xBB\xBF[");
	for (int i = 0; i < 3000; i++) {
		sb_addf(&sb, "%s\"\xC3\xA9t\xE2\x82\xAC%d\", %d, {\"k\": [true, null]}", i ? "," : "", i, i);
		if (i % 7 == 0)
			sb_addstr(&sb, "\n");
	}
	sb_addstr(&sb, "]");
	assert_true(sb.len > 10 * JDOC_MARK_EVERY);
	assert_int_equal(parse(&d, sb.buf, sb.len, &dg), 0);
	size_t k = 0;
	walk(&d, d.root, &k);
	assert_int_equal(k, d.noffs);
	jdoc_release(&d);
	diags_release(&dg);
	sb_release(&sb);
}

static void expect_error(const char *text, size_t len, const char *msg)
{
	struct jdoc d;
	struct diags dg;
	assert_int_equal(parse(&d, text, len, &dg), -1);
	assert_null(d.root);
	assert_true(dg.n >= 1);
	if (!strstr(dg.lines[0], msg))
		fail_msg("wanted \"%s\", got \"%s\"", msg, dg.lines[0]);
	jdoc_release(&d);
	diags_release(&dg);
}

static void test_truncated(void **state)
{
	(void)state;
	expect_error("{\"a\": [1, nu", 12, "t.json:1:13: unexpected end of input (truncated?)");
	expect_error("{\"a\": [1, 2", 11, "t.json:1:12: unexpected end of input (truncated?)");
	expect_error("{\"a\"", 4, "t.json:1:5: unexpected end of input (truncated?)");
	expect_error("{\n \"a\": \"xyz", 12, "t.json:2:7: unterminated string (the file ends inside it)");
	expect_error("", 0, "t.json:1:1: unexpected end of input (truncated?)");
}

static void test_refused(void **state)
{
	(void)state;
	expect_error("{\"a\": 1, \"a\": 2}", 16, "t.json:1:15: duplicate key \"a\"");
	expect_error("{\"a\": 1, \"A\": 2}", 16, "t.json:1:15: key \"A\" differs from \"a\" only in case");
	expect_error("[\"\\u0000\"]", 10, "t.json:1:3: \\u0000 (NUL) in string");
	expect_error("[\"\x1b\"]", 4, "t.json:1:3: raw control character in string");
	expect_error("[1] x", 5, "t.json:1:5: trailing characters after the JSON value");
	expect_error("[1,\0 2]", 6, "t.json:1:4: NUL byte in file");
	expect_error("\xFF\xFE[\0]\0", 6, "t.json:1:1: file is UTF-16");
}

/* JDOC_MAX_VALUES values are fine, one more is refused where it stands,
 * before cJSON builds anything. */
static void test_value_cap(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct jdoc d;
	struct diags dg;
	(void)state;

	sb_addch(&sb, '[');
	for (size_t i = 1; i < JDOC_MAX_VALUES; i++)
		sb_addstr(&sb, i > 1 ? ",0" : "0");
	sb_addch(&sb, ']');
	assert_int_equal(parse(&d, sb.buf, sb.len, &dg), 0);
	assert_int_equal(d.noffs, JDOC_MAX_VALUES);
	jdoc_release(&d);
	diags_release(&dg);

	sb_setlen(&sb, sb.len - 1);
	sb_addstr(&sb, ",0]");
	struct strbuf want = STRBUF_INIT;
	sb_addf(&want, "t.json:1:%zu: too many values (more than " JDOC_MAX_VALUES_TEXT ")",
		sb.len - 1);
	expect_error(sb.buf, sb.len, want.buf);
	sb_release(&want);
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_value_cap),
	};
	return cmocka_run_group_tests_name("jdoc", tests, NULL, NULL);
}
