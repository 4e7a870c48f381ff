/* test_jdoc: JSON parsing with located errors and the checks cJSON skips. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/strbuf.h"
#include "base/util.h"
#include "corpus/jdoc.h"

struct fixture {
	struct jdoc doc;
	struct diags dg;
	int rc;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	diags_init(&f->dg);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	jdoc_release(&f->doc);
	assert_null(f->doc.root);
	assert_null(f->doc.buf);
	diags_release(&f->dg);
	free(f);
	return 0;
}

/*
 * Parses n bytes of s as "t.json" and checks jdoc.h's contract: success
 * means a tree and no problem; failure means no tree and at least one
 * problem, every one located in t.json.
 */
static int parse(struct fixture *f, const char *s, size_t n)
{
	char *buf = malloc(n + 1);
	assert_non_null(buf);
	memcpy(buf, s, n);
	buf[n] = '\0';
	jdoc_release(&f->doc);
	diags_release(&f->dg);
	f->rc = jdoc_parse(&f->doc, "t.json", buf, n, &f->dg);
	assert_ptr_equal(f->doc.buf, buf);    /* ownership taken */
	if (f->rc == 0) {
		assert_int_equal(diags_count(&f->dg), 0);
		assert_non_null(f->doc.root);
	} else {
		assert_int_equal(f->rc, -1);
		assert_true(diags_count(&f->dg) >= 1);
		for (size_t i = 0; i < f->dg.n; i++)
			assert_int_equal(strncmp(f->dg.lines[i], "t.json:", 7), 0);
	}
	return f->rc;
}

#define PARSE(f, lit) parse((f), (lit), sizeof(lit) - 1)

/* The first problem line contains want. */
static void first_is(struct fixture *f, const char *want)
{
	assert_true(f->dg.n >= 1);
	if (!strstr(f->dg.lines[0], want))
		fail_msg("'%s' does not contain '%s'", f->dg.lines[0], want);
}

static void test_valid(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(PARSE(f, "{\"a\": [1, -2.5e3, true, null, \"\xC3\xA9\"], \"b\": {}}"), 0);
	assert_true(cJSON_IsObject(f->doc.root));
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(f->doc.root, "a");
	assert_int_equal(cJSON_GetArraySize(a), 5);
	assert_true(cJSON_GetArrayItem(a, 1)->valuedouble == -2500.0);
}

static void test_where(void **state)
{
	struct fixture *f = *state;
	size_t line, col;
	assert_int_equal(PARSE(f, "{\n  \"k\": \"caf\xC3\xA9\",\n  \"x\": [1,\n   \"\xE6\xB5\xB7\", 3]\n}"), 0);
	const cJSON *k = cJSON_GetObjectItemCaseSensitive(f->doc.root, "k");
	jdoc_where(&f->doc, k, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 8);
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(f->doc.root, "x");
	jdoc_where(&f->doc, cJSON_GetArrayItem(x, 2), &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 9);    /* columns count characters, not bytes */
	jdoc_where(&f->doc, NULL, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	jdoc_error(&f->doc, &f->dg, k, "bad %s", "value");
	assert_string_equal(f->dg.lines[0], "t.json:2:8: bad value");
}

static void test_syntax_error_located(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(PARSE(f, "{\n  \"a\": 1,\n  \"b\" 2\n}"), -1);
	first_is(f, "t.json:3:7: expected ':'");
	assert_null(f->doc.root);
	assert_int_equal(PARSE(f, "[1, 2,\n 3,,]"), -1);
	first_is(f, "t.json:2:4:");
}

static void test_truncated(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(PARSE(f, "{\"a\": [1, 2"), -1);
	first_is(f, "t.json:1:12: unexpected end of input (truncated?)");
	assert_int_equal(PARSE(f, "{\"a\": {\n"), -1);
	first_is(f, "t.json:2:1: unexpected end of input (truncated?)");
	assert_int_equal(PARSE(f, "{\"a\""), -1);
	first_is(f, "unexpected end of input (truncated?)");
	assert_int_equal(PARSE(f, "{\"a\": "), -1);
	first_is(f, "unexpected end of input (truncated?)");
	assert_int_equal(PARSE(f, "{\"a\": \"unterminated"), -1);
	first_is(f, "unterminated string");
	assert_int_equal(PARSE(f, ""), -1);
	first_is(f, "unexpected end of input");
}

static void test_trailing_garbage(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(PARSE(f, "{\"a\": 1}\n\n  x"), -1);
	first_is(f, "t.json:3:3: trailing characters");
	assert_int_equal(PARSE(f, "{} {}"), -1);
	first_is(f, "trailing characters");
	assert_int_equal(PARSE(f, "{\"a\": 1}\n  \n"), 0);   /* whitespace is fine */
}

static void test_duplicate_keys(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(PARSE(f, "{\"id\": 1,\n \"id\": 2}"), -1);
	first_is(f, "t.json:2:8: duplicate key \"id\"");
	/* nested, and every duplicate reported */
	assert_int_equal(PARSE(f, "{\"a\": {\"x\": 1, \"x\": 2}, \"b\": [{\"y\": 1, \"y\": 1}]}"), -1);
	assert_int_equal(diags_count(&f->dg), 2);
}

static void test_case_only_keys(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(PARSE(f, "{\"Title\": \"a\", \"title\": \"b\"}"), -1);
	first_is(f, "key \"title\" differs from \"Title\" only in case");
}

static void test_nul_escape(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(PARSE(f, "{\"a\": \"x\\u0000y\"}"), -1);
	first_is(f, "t.json:1:9: \\u0000 (NUL) in string");
	assert_int_equal(PARSE(f, "{\"a\": \"x\\u0001y\"}"), 0);   /* other escapes are fine */
}

static void test_raw_nul_byte(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(parse(f, "{\"a\": \"x\0\"}", 11), -1);
	first_is(f, "NUL byte in file");
}

static void test_raw_control(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(PARSE(f, "{\"a\": \"tab\there\"}"), -1);
	first_is(f, "raw control character in string");
	assert_int_equal(PARSE(f, "{\"a\": \"esc\x1b[0m\"}"), -1);
	first_is(f, "t.json:1:11: raw control character");
}

static void test_invalid_utf8(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(PARSE(f, "{\"a\": \"bad \xC0\xAF\"}"), -1);
	first_is(f, "t.json:1:12: invalid UTF-8 in string");
	assert_int_equal(PARSE(f, "{\"a\": \"\xED\xA0\x80\"}"), -1);   /* surrogate */
	first_is(f, "invalid UTF-8");
	assert_int_equal(PARSE(f, "{\"\xFF\": 1}"), -1);                /* in a key */
	first_is(f, "invalid UTF-8");
}

static void test_bom(void **state)
{
	struct fixture *f = *state;
	size_t line, col;
	assert_int_equal(PARSE(f, "\xEF\xBB\xBF{\"a\": 1}"), 0);
	jdoc_where(&f->doc, cJSON_GetObjectItemCaseSensitive(f->doc.root, "a"), &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 7);    /* the BOM is not a column */
	assert_int_equal(PARSE(f, "\xEF\xBB\xBF{\"a\": x}"), -1);
	first_is(f, "t.json:1:7:");
}

static void test_utf16(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(parse(f, "\xFF\xFE{\0}\0", 6), -1);
	first_is(f, "t.json:1:1: file is UTF-16");
	assert_int_equal(parse(f, "\xFE\xFF\0{\0}", 6), -1);
	first_is(f, "UTF-16");
	assert_int_equal(parse(f, "{\0}\0", 4), -1);   /* no BOM: the NULs give it away */
	first_is(f, "UTF-16 or UTF-32");
}

static void test_deep_nesting(void **state)
{
	struct fixture *f = *state;
	size_t n = 100000;
	char *s = malloc(2 * n);
	assert_non_null(s);
	memset(s, '[', n);
	memset(s + n, ']', n);
	assert_int_equal(parse(f, s, 2 * n), -1);
	first_is(f, "nested too deeply");
	/* within the limit is fine */
	assert_int_equal(parse(f, s + n - 100, 200), 0);
	free(s);
}

static void test_numbers(void **state)
{
	static const struct { const char *s, *want; } bad[] = {
		{ "[01]", "1:2: malformed number" }, { "[+1]", "1:2: unexpected character" },
		{ "[1.]", "1:2: malformed number" }, { "[.5]", "1:2: unexpected character" },
		{ "[-]", "1:2: malformed number" }, { "[1e]", "1:2: malformed number" },
		{ "[1e+]", "1:2: malformed number" }, { "[--1]", "1:2: malformed number" },
		{ "[0x10]", "1:3: expected ',' or ']'" }, { "[1.2.3]", "1:2: malformed number" },
		{ "[NaN]", "1:2: unexpected character" }, { "[Infinity]", "1:2: unexpected" },
		{ "[-01]", "1:2: malformed number" },
	};
	static const char *const good[] = { "[0]", "[-0]", "[1.5]", "[1e5]", "[1E-5]",
		"[-0.25e+2]", "[9007199254740992]" };
	struct fixture *f = *state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (parse(f, bad[i].s, strlen(bad[i].s)) != -1)
			fail_msg("%s accepted", bad[i].s);
		first_is(f, bad[i].want);
	}
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (parse(f, good[i], strlen(good[i])) != 0)
			fail_msg("%s rejected: %s", good[i], f->dg.lines[0]);
}

static void test_bad_literals(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(PARSE(f, "[tru]"), -1);
	assert_int_equal(PARSE(f, "[True]"), -1);
	assert_int_equal(PARSE(f, "{'a': 1}"), -1);
	first_is(f, "expected a key string");
	assert_int_equal(PARSE(f, "{\"a\": \"\\x\"}"), -1);   /* no such escape */
}

static void test_drop_text(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(PARSE(f, "{\"a\": 1}"), 0);
	jdoc_drop_text(&f->doc);
	assert_null(f->doc.buf);
	assert_non_null(f->doc.root);   /* the tree outlives the text */
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(f->doc.root, "a")->valueint, 1);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

/* ---- hostile input: positions across the table, truncation, the value cap ---- */

/* Parses text (a copy); returns the result, messages in dg. */
static int hparse(struct jdoc *d, const char *text, size_t len, struct diags *dg)
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
	assert_int_equal(hparse(&d, sb.buf, sb.len, &dg), 0);
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
	assert_int_equal(hparse(&d, text, len, &dg), -1);
	assert_null(d.root);
	assert_true(dg.n >= 1);
	if (!strstr(dg.lines[0], msg))
		fail_msg("wanted \"%s\", got \"%s\"", msg, dg.lines[0]);
	jdoc_release(&d);
	diags_release(&dg);
}

static void test_truncated_places(void **state)
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
	assert_int_equal(hparse(&d, sb.buf, sb.len, &dg), 0);
	assert_int_equal(d.nvalues, JDOC_MAX_VALUES);
	jdoc_release(&d);
	diags_release(&dg);

	sb_setlen(&sb, sb.len - 1);
	sb_addstr(&sb, ",0]");
	struct strbuf want = STRBUF_INIT;
	sb_addf(&want, "t.json:1:%zu: too many values (more than 4194304)",
		sb.len - 1);
	expect_error(sb.buf, sb.len, want.buf);
	sb_release(&want);
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_valid),
		T(test_where),
		T(test_syntax_error_located),
		T(test_truncated),
		T(test_trailing_garbage),
		T(test_duplicate_keys),
		T(test_case_only_keys),
		T(test_nul_escape),
		T(test_raw_nul_byte),
		T(test_raw_control),
		T(test_invalid_utf8),
		T(test_bom),
		T(test_utf16),
		T(test_deep_nesting),
		T(test_numbers),
		T(test_bad_literals),
		T(test_drop_text),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_truncated_places),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_value_cap),
	};
	return cmocka_run_group_tests_name("jdoc", tests, NULL, NULL);
}
