/* test_stem: the Porter stemmer and the term scanner built on it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/strbuf.h"
#include "compare/stem.h"
#include "compare/terms.h"

static void check_stem(const char *in, const char *want)
{
	char w[64];
	size_t n = strlen(in);
	memcpy(w, in, n + 1);
	n = stem_word(w, n);
	w[n] = '\0';
	if (strcmp(w, want))
		fail_msg("stem(%s) = %s, wanted %s", in, w, want);
}

static void test_porter_vocabulary(void **state)
{
	(void)state;
	/* examples from Porter's paper */
	static const char *const pairs[][2] = {
		{ "caresses", "caress" }, { "ponies", "poni" }, { "ties", "ti" },
		{ "caress", "caress" }, { "cats", "cat" }, { "feed", "feed" },
		{ "agreed", "agre" }, { "plastered", "plaster" }, { "bled", "bled" },
		{ "motoring", "motor" }, { "sing", "sing" }, { "conflated", "conflat" },
		{ "troubled", "troubl" }, { "sized", "size" }, { "hopping", "hop" },
		{ "tanned", "tan" }, { "falling", "fall" }, { "hissing", "hiss" },
		{ "fizzed", "fizz" }, { "failing", "fail" }, { "filing", "file" },
		{ "happy", "happi" }, { "sky", "sky" }, { "relational", "relat" },
		{ "conditional", "condit" }, { "rational", "ration" },
		{ "digitizer", "digit" }, { "generalization", "gener" },
		{ "electrical", "electr" }, { "hopeful", "hope" }, { "goodness", "good" },
		{ "revival", "reviv" }, { "allowance", "allow" }, { "inference", "infer" },
		{ "airliner", "airlin" }, { "adjustable", "adjust" },
		{ "defensible", "defens" }, { "irritant", "irrit" },
		{ "replacement", "replac" }, { "adjustment", "adjust" },
		{ "dependent", "depend" }, { "adoption", "adopt" },
		{ "communism", "commun" }, { "activate", "activ" },
		{ "effective", "effect" }, { "bowdlerize", "bowdler" },
		{ "probate", "probat" }, { "rate", "rate" }, { "cease", "ceas" },
		{ "controll", "control" }, { "roll", "roll" },
		{ "troops", "troop" }, { "allies", "alli" }, { "ally", "alli" },
		{ "announced", "announc" }, { "announcement", "announc" },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		check_stem(pairs[i][0], pairs[i][1]);
}

static void test_edges(void **state)
{
	(void)state;
	check_stem("a", "a");
	check_stem("is", "is");
	check_stem("status", "status");      /* a final s after u stays */
	check_stem("belarus", "belarus");
	check_stem("k2x", "k2x");            /* not a-z: unchanged */
	char w[8] = "ed";
	assert_int_equal(stem_word(w, 2), 2);
}

struct seen {
	struct strbuf terms;
	unsigned caps;
};

static void collect(void *ctx, const char *term, size_t len, const char *word,
		    size_t wlen, unsigned flags)
{
	struct seen *s = ctx;
	(void)word;
	(void)wlen;
	if (s->terms.len)
		sb_addch(&s->terms, ' ');
	sb_add(&s->terms, term, len);
	if (flags & TERM_CAP)
		s->caps++;
}

static void scan(const char *text, const char *want, unsigned caps)
{
	struct seen s = { STRBUF_INIT, 0 };
	terms_scan(text, strlen(text), collect, &s);
	if (strcmp(s.terms.buf, want))
		fail_msg("terms(%s) = \"%s\", wanted \"%s\"", text, s.terms.buf, want);
	assert_int_equal(s.caps, caps);
	sb_release(&s.terms);
}

static void test_terms(void **state)
{
	(void)state;
	scan("The troops were moving to the border.", "troop move border", 0);
	/* demonyms and names fold together; possessive and numbers drop */
	scan("Russia’s army and the Russian troops", "russ armi russ troop", 1);
	scan("Lukashenka met Lukashenko in 2022", "lukashenk met lukashenk", 1);
	scan("combat-ready Belarusian troops", "combat readi belarus troop", 1);
	scan("", "", 0);
}

static void test_overlap(void **state)
{
	(void)state;
	assert_true(terms_overlap("Russian troops in Belarus", "troops of Russia in Belarus") > 0.99);
	assert_true(terms_overlap("distance to Kyiv", "population of Minsk") < 0.01);
	assert_true(terms_overlap(NULL, "x") == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_porter_vocabulary),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_overlap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
