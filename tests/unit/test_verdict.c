/* test_verdict: value verdicts, same measure, complements, claim pairs, status. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare/desc.h"
#include "compare/verdict.h"

static struct norm_value q(enum norm_kind k, double lo, double hi, const char *counted)
{
	struct norm_value n;
	memset(&n, 0, sizeof n);
	n.kind = k;
	n.lo = lo;
	n.hi = hi;
	n.point = isfinite(lo) ? lo : hi;
	n.counted = counted;
	return n;
}

static struct norm_value d(const char *iso, const char *about)
{
	struct norm_value n;
	long f, l;
	enum norm_prec p;
	memset(&n, 0, sizeof n);
	assert_int_equal(norm_date_parse(iso, &f, &l, &p), 0);
	n.kind = NORM_DATE;
	n.lo = (double)f;
	n.hi = (double)l;
	n.prec = p;
	n.about = about;
	return n;
}

/* An exact quantity with a unit (a count noun or a unit of scale). */
static struct norm_value qu(enum norm_kind k, double x, const char *unit)
{
	struct norm_value n = q(k, x, x, NULL);
	n.unit = unit;
	return n;
}

static enum verdict vv(struct norm_value a, struct norm_value b)
{
	bool c;
	return verdict_values(&a, &b, &c);
}

static void test_quantities(void **state)
{
	(void)state;
	const char *t = "Russian troops in Belarus";
	/* overlap: agree, whatever the precision */
	assert_int_equal(vv(q(NORM_COUNT, 10000, 10000, t), q(NORM_COUNT, 9500, 10500, t)), VERDICT_AGREE);
	/* close: differ; far: conflict */
	assert_int_equal(vv(q(NORM_COUNT, 10000, 10000, t), q(NORM_COUNT, 11000, 11000, t)), VERDICT_DIFFER);
	assert_int_equal(vv(q(NORM_COUNT, 30000, 30000, t), q(NORM_COUNT, 10000, 10000, t)), VERDICT_CONFLICT);
	/* percentage points */
	assert_int_equal(vv(q(NORM_PERCENT, 90, 90, NULL), q(NORM_PERCENT, 85, 85, NULL)), VERDICT_DIFFER);
	assert_int_equal(vv(q(NORM_PERCENT, 90, 90, NULL), q(NORM_PERCENT, 60, 60, NULL)), VERDICT_CONFLICT);
	/* open intervals */
	assert_int_equal(vv(q(NORM_COUNT, 37000, INFINITY, NULL), q(NORM_COUNT, 50000, 50000, NULL)), VERDICT_AGREE);
	/* miles against km, already normalised: 145 mi against about 200 km */
	assert_int_equal(vv(q(NORM_DISTANCE, 233.35, 233.35, NULL), q(NORM_DISTANCE, 150, 250, NULL)), VERDICT_AGREE);
}

static void test_exclusive_bounds(void **state)
{
	(void)state;
	struct norm_value a = q(NORM_PERCENT, -INFINITY, 10, NULL);
	struct norm_value b = q(NORM_PERCENT, 10, 10, NULL);
	a.qualifier = "less than";
	bool c;
	assert_int_equal(verdict_values(&a, &b, &c), VERDICT_DIFFER);
	a.qualifier = "at most";
	assert_int_equal(verdict_values(&a, &b, &c), VERDICT_AGREE);
}

static void test_complement(void **state)
{
	(void)state;
	bool c = false;
	struct norm_value support = q(NORM_PERCENT, -INFINITY, 10, "residents supporting the new tower");
	struct norm_value oppose = q(NORM_PERCENT, 90, 90, "residents opposing the new tower");
	support.qualifier = "less than";
	/* less than 10% for: 10 against less than 10, touching only */
	assert_int_equal(verdict_values(&support, &oppose, &c), VERDICT_DIFFER);
	assert_true(c);
	struct norm_value for30 = q(NORM_PERCENT, 30, 30, "residents in favour of the tower");
	struct norm_value against70 = q(NORM_PERCENT, 70, 70, "residents against the tower");
	assert_int_equal(verdict_values(&for30, &against70, &c), VERDICT_AGREE);
	assert_true(c);
	/* not stated as a complement: compared as they are */
	struct norm_value plain = q(NORM_PERCENT, 30, 30, "residents of the town");
	assert_int_equal(verdict_values(&plain, &against70, &c), VERDICT_CONFLICT);
	assert_false(c);
}

/* Shares as the extractor words them keep their polarity: for and against
 * are complements when the rest is one measure, and different measures
 * never conflict. */
static void test_extracted_shares(void **state)
{
	(void)state;
	bool c = false;
	assert_int_equal(desc_polarity("oppos"), -1);
	assert_int_equal(desc_polarity("support"), 1);
	struct norm_value against = q(NORM_PERCENT, 90, 90, "Belarusians opposing a direct military "
						      "involvement of Belarus in the war");
	struct norm_value support = q(NORM_PERCENT, -INFINITY, 10, "Belarusians support sending their own "
								  "soldiers to fight");
	support.qualifier = "less than";
	struct verdict_pair p;
	verdict_claims(&against, 1, &support, 1, &p);
	assert_int_equal(p.v, VERDICT_MEASURE);
	/* 85% negative, 11% positive against 90% opposing */
	struct norm_value resp[2] = {
		q(NORM_PERCENT, 85, 85, "respondents gave a negative answer"),
		q(NORM_PERCENT, 11, 11, "said they would react positively to it"),
	};
	verdict_claims(&against, 1, resp, 2, &p);
	assert_int_not_equal(p.v, VERDICT_CONFLICT);
	assert_int_not_equal(p.v, VERDICT_AGREE);
	/* one measure worded for and against: compared as complements */
	struct norm_value a = q(NORM_PERCENT, 90, 90, "Estonians opposing sending soldiers abroad");
	struct norm_value b = q(NORM_PERCENT, 12, 12, "Estonians supporting sending soldiers abroad");
	assert_int_equal(verdict_values(&a, &b, &c), VERDICT_DIFFER);
	assert_true(c);
	struct norm_value yes = q(NORM_PERCENT, 41.3, 41.3, "approving Russian actions in Ukraine");
	struct norm_value no = q(NORM_PERCENT, 47.3, 47.3, "opposed Russian actions in Ukraine");
	assert_true(verdict_same_measure(&yes, &no));
	assert_false(verdict_same_measure(&no, &against));
}

static void test_same_measure(void **state)
{
	(void)state;
	struct norm_value army = q(NORM_COUNT, 70000, 70000, "Belarusian army, total strength, October 2022");
	struct norm_value ready = q(NORM_COUNT, 15000, 15000, "combat-ready Belarusian troops, autumn 2022");
	assert_false(verdict_same_measure(&army, &ready));
	struct norm_value kyiv = q(NORM_DISTANCE, 233, 233, "distance from the Belarus-Ukraine border to Kyiv");
	struct norm_value troops = q(NORM_DISTANCE, 150, 250, "distance of Russian troops in Belarus from Kyiv");
	assert_false(verdict_same_measure(&kyiv, &troops));
	struct norm_value a = q(NORM_PERCENT, 90, 90, "Belarusians opposing Belarusian participation in the war");
	struct norm_value b = q(NORM_PERCENT, 85, 85, "Belarusians against direct Belarusian participation in the war");
	assert_true(verdict_same_measure(&a, &b));
	/* different kinds never; no descriptions: count units decide */
	assert_false(verdict_same_measure(&a, &kyiv));
	struct norm_value p1 = q(NORM_COUNT, 5, 5, NULL), p2 = q(NORM_COUNT, 5, 5, NULL);
	p1.unit = "people";
	p2.unit = "tanks";
	assert_false(verdict_same_measure(&p1, &p2));
	p2.unit = "People";
	assert_true(verdict_same_measure(&p1, &p2));
}

static void test_dates(void **state)
{
	(void)state;
	/* one announcement, "beginning of December" against 17 January */
	struct norm_value dec = d("2021-12-01/2021-12-10", "announcement of the exercises");
	struct norm_value jan = d("2022-01-17", "announcement of the exercises");
	assert_int_equal(vv(dec, jan), VERDICT_CONFLICT);
	/* a day inside a month agrees */
	assert_int_equal(vv(d("2022-10", NULL), d("2022-10-10", NULL)), VERDICT_AGREE);
	/* a few days apart differ */
	assert_int_equal(vv(d("2022-02-10/2022-02-19", NULL), d("2022-02-21", NULL)), VERDICT_DIFFER);
}

/* A partial date (a day and month with no year). */
static struct norm_value pd(const char *md, const char *about)
{
	struct value v;
	struct norm_value n;
	memset(&v, 0, sizeof v);
	v.type = VALUE_DATE;
	v.date = md;
	v.about = about;
	assert_int_equal(norm_value(&v, &n), 0);
	return n;
}

/* Partial dates meet partial dates of the same event, never full dates. */
static void test_partial_dates(void **state)
{
	(void)state;
	const char *ml = "martial law from";
	struct norm_value a = pd("--11-26", ml), b = pd("--11-28", ml), c = pd("--11-26", ml);
	assert_true(verdict_same_measure(&a, &b));
	assert_int_equal(vv(a, c), VERDICT_AGREE);
	assert_int_equal(vv(a, b), VERDICT_DIFFER);
	assert_int_equal(vv(pd("--11-26", ml), pd("--02-03", ml)), VERDICT_CONFLICT);
	/* of different events: two moments */
	struct norm_value e = pd("--12-04", "ferry strike began");
	struct verdict_pair p;
	verdict_claims(&a, 1, &e, 1, &p);
	assert_int_equal(p.v, VERDICT_TIMELINE);
	/* a partial date and a full one: nothing compared, never agreement */
	struct norm_value full = d("2000-11-26", ml);
	assert_false(verdict_same_measure(&a, &full));
	verdict_claims(&a, 1, &full, 1, &p);
	assert_int_equal(p.v, VERDICT_RELATED);
	assert_false(p.by_values);
	/* not a running total */
	assert_false(verdict_running(&a));
}

static void test_claims(void **state)
{
	(void)state;
	struct verdict_pair p;
	/* different events at different moments: timeline */
	struct norm_value a[] = { d("2022-02-04", "joint drills at the firing range") };
	struct norm_value b[] = { d("2022-02-24", "invasion of the neighbouring country") };
	verdict_claims(a, 1, b, 1, &p);
	assert_int_equal(p.v, VERDICT_TIMELINE);
	assert_false(p.by_values);
	/* no values: related, no verdict; never agree */
	verdict_claims(NULL, 0, NULL, 0, &p);
	assert_int_equal(p.v, VERDICT_RELATED);
	assert_false(p.by_values);
	assert_string_equal(verdict_name(p.v), "related");
	assert_int_equal(verdict_mark(p.v), '?');
	/* different measures only */
	struct norm_value x[] = { q(NORM_COUNT, 70000, 70000, "Belarusian army, total strength") };
	struct norm_value y[] = { q(NORM_COUNT, 15000, 15000, "combat-ready Belarusian troops, autumn") };
	verdict_claims(x, 1, y, 1, &p);
	assert_int_equal(p.v, VERDICT_MEASURE);
	/* the best-matching same-measure pair decides; unmatched values do not */
	const char *t = "Russian troops for the grouping";
	struct norm_value m[] = { d("2022-10", NULL), q(NORM_COUNT, 8500, 9500, t),
				  q(NORM_COUNT, 70000, 70000, "Belarusian army, total strength") };
	struct norm_value n[] = { d("2022-10-10", NULL), q(NORM_COUNT, 8500, 9500, t) };
	verdict_claims(m, 3, n, 2, &p);
	assert_int_equal(p.v, VERDICT_AGREE);
	assert_true(p.by_values);
	assert_int_equal(p.ia, 1);
	assert_int_equal(p.ib, 1);
	struct norm_value o[] = { q(NORM_COUNT, 20000, 20000, t) };
	verdict_claims(m, 3, o, 1, &p);
	assert_int_equal(p.v, VERDICT_CONFLICT);
	assert_int_equal(p.ia, 1);
	assert_int_equal(p.ib, 0);
}

/* The best-matching pair of values decides, not the worst over all
 * pairs: values that say the same count noun first, the closest next. */
static void test_best_pair(void **state)
{
	(void)state;
	struct verdict_pair p;
	struct norm_value a[] = { qu(NORM_COUNT, 126473, "dead"), qu(NORM_COUNT, 93943, "missing") };
	struct norm_value b[] = { qu(NORM_COUNT, 93000, "missing"), qu(NORM_COUNT, 20, "dead") };
	verdict_claims(a, 2, b, 2, &p);
	assert_int_equal(p.v, VERDICT_DIFFER);   /* 93,943 against 93,000 missing */
	assert_int_equal(p.ia, 1);
	assert_int_equal(p.ib, 0);
	/* values that do not say what they count never make a conflict */
	struct norm_value x[] = { q(NORM_COUNT, 500, 500, NULL) };
	struct norm_value y[] = { q(NORM_COUNT, 100, 100, NULL) };
	verdict_claims(x, 1, y, 1, &p);
	assert_int_equal(p.v, VERDICT_DIFFER);
	/* money in one currency, no counted thing: at most differ */
	struct norm_value m1[] = { qu(NORM_MONEY, 15e6, "USD") };
	struct norm_value m2[] = { qu(NORM_MONEY, 350e6, "dollars") };
	verdict_claims(m1, 1, m2, 1, &p);
	assert_int_equal(p.v, VERDICT_DIFFER);
	struct norm_value m3[] = { qu(NORM_MONEY, 350e6, "GBP") };
	verdict_claims(m2, 1, m3, 1, &p);
	assert_int_equal(p.v, VERDICT_MEASURE);   /* another currency */
	/* "at least 235" against 305: consistent */
	struct norm_value l[] = { qu(NORM_COUNT, 235, "dead") };
	l[0].hi = INFINITY;
	l[0].prec = PREC_OPEN;
	struct norm_value r[] = { qu(NORM_COUNT, 305, "dead") };
	verdict_claims(l, 1, r, 1, &p);
	assert_int_equal(p.v, VERDICT_AGREE);
	/* ... and an update when published on different days */
	verdict_moment(&p, l, r, 100, 105);
	assert_int_equal(p.v, VERDICT_TIMELINE);
	verdict_claims(l, 1, r, 1, &p);
	verdict_moment(&p, l, r, 100, 100);
	assert_int_equal(p.v, VERDICT_AGREE);
	/* a running toll on different days is a timeline, never a conflict */
	struct norm_value t1[] = { qu(NORM_COUNT, 30000, "dead") };
	struct norm_value t2[] = { qu(NORM_COUNT, 73000, "dead") };
	verdict_claims(t1, 1, t2, 1, &p);
	assert_int_equal(p.v, VERDICT_CONFLICT);
	verdict_moment(&p, t1, t2, 100, 190);
	assert_int_equal(p.v, VERDICT_TIMELINE);
	/* undated sources: no change */
	verdict_claims(t1, 1, t2, 1, &p);
	verdict_moment(&p, t1, t2, -1, 190);
	assert_int_equal(p.v, VERDICT_CONFLICT);
}

/* Casualty figures: "dead" and "people killed" are one measure; dead,
 * injured and missing never are. */
static void test_fates(void **state)
{
	(void)state;
	struct norm_value dead = qu(NORM_COUNT, 5100, "dead");
	struct norm_value killed = qu(NORM_COUNT, 5000, "people");
	killed.counted = "people killed";
	struct norm_value missing = qu(NORM_COUNT, 5000, "people");
	missing.counted = "people missing";
	struct norm_value toll = qu(NORM_COUNT, 5000, "toll");
	toll.counted = "death toll";
	struct norm_value crowd = qu(NORM_COUNT, 5000, "people");
	assert_true(verdict_same_measure(&dead, &killed));
	assert_true(verdict_same_measure(&toll, &killed));
	assert_false(verdict_same_measure(&dead, &missing));
	assert_false(verdict_same_measure(&killed, &missing));
	assert_false(verdict_same_measure(&crowd, &killed));   /* people who what? */
	struct verdict_pair p;
	verdict_claims(&dead, 1, &killed, 1, &p);
	assert_int_equal(p.v, VERDICT_DIFFER);   /* 5,100 dead against 5,000 killed: close */
	verdict_claims(&dead, 1, &missing, 1, &p);
	assert_int_equal(p.v, VERDICT_MEASURE);
}

/* A running total cannot fall; the measure that conflicts is not hidden by
 * one that agrees. */
static void test_running_total_falls(void **state)
{
	(void)state;
	struct norm_value early[] = { qu(NORM_COUNT, 1600, "tons"), qu(NORM_COUNT, 2400, "crates") };
	struct norm_value late[] = { qu(NORM_COUNT, 2250, "tons"), qu(NORM_COUNT, 2000, "crates") };
	struct verdict_pair p;
	int ia, ib;
	/* a fall, later: a conflict */
	struct verdict_pair f = { .v = VERDICT_DIFFER, .ia = 0, .ib = 0, .by_values = true };
	verdict_moment(&f, &early[1], &late[1], 100, 102);
	assert_int_equal(f.v, VERDICT_CONFLICT);
	assert_true(f.fell);
	/* the same two figures the other way round in time: an update */
	f = (struct verdict_pair){ .v = VERDICT_DIFFER, .ia = 0, .ib = 0, .by_values = true };
	verdict_moment(&f, &early[1], &late[1], 102, 100);
	assert_int_equal(f.v, VERDICT_TIMELINE);
	/* a fall within a twentieth is not a conflict */
	struct norm_value a = qu(NORM_COUNT, 1000, "crates"), b = qu(NORM_COUNT, 960, "crates");
	f = (struct verdict_pair){ .v = VERDICT_DIFFER, .ia = 0, .ib = 0, .by_values = true };
	verdict_moment(&f, &a, &b, 100, 102);
	assert_int_equal(f.v, VERDICT_TIMELINE);
	/* nor a fall of people who say not what befell them */
	a = qu(NORM_COUNT, 1000, "people"), b = qu(NORM_COUNT, 500, "people");
	f = (struct verdict_pair){ .v = VERDICT_DIFFER, .ia = 0, .ib = 0, .by_values = true };
	verdict_moment(&f, &a, &b, 100, 102);
	assert_int_equal(f.v, VERDICT_TIMELINE);
	/* two figures each: the tons rise (an update), the crates fall */
	verdict_claims(early, 2, late, 2, &p);
	assert_true(verdict_named_conflict(early, 2, late, 2, 100, 102, &ia, &ib));
	assert_int_equal(ia, 1);
	assert_int_equal(ib, 1);
	/* on the same day 2,400 against 2,000 crates is a conflict too; with
	 * both rising over time there is none */
	assert_true(verdict_named_conflict(early, 2, late, 2, 100, 100, &ia, &ib));
	assert_false(verdict_named_conflict(late, 1, early, 1, 102, 100, &ia, &ib));
	struct norm_value rise[] = { qu(NORM_COUNT, 2250, "tons"), qu(NORM_COUNT, 3000, "crates") };
	assert_false(verdict_named_conflict(early, 2, rise, 2, 100, 102, &ia, &ib));
}

/* A running total given on two different days, even consecutive ones, is
 * an update when the figures differ: "more than 1,500 tons" on one day and
 * "nearly 1,600 tons" the next; on one day the two agree. */
static void test_next_day_update(void **state)
{
	(void)state;
	struct norm_value a = qu(NORM_MASS, 1500, "tons"), b = qu(NORM_MASS, 1600, "tons");
	a.hi = INFINITY;
	a.prec = PREC_OPEN;
	a.qualifier = "more than";
	b.lo = 1520;
	b.prec = PREC_ABOUT;
	struct verdict_pair p;
	verdict_claims(&a, 1, &b, 1, &p);
	assert_int_equal(p.v, VERDICT_AGREE);
	verdict_moment(&p, &a, &b, 100, 100);
	assert_int_equal(p.v, VERDICT_AGREE);
	verdict_moment(&p, &a, &b, 100, 101);
	assert_int_equal(p.v, VERDICT_TIMELINE);
	/* the same figure the next day still agrees */
	verdict_claims(&a, 1, &a, 1, &p);
	verdict_moment(&p, &a, &a, 100, 101);
	assert_int_equal(p.v, VERDICT_AGREE);
}

/* One day named on both sides agrees, whatever each says it is of; two
 * days of different things are two moments. */
static void test_same_day(void **state)
{
	(void)state;
	struct norm_value a[] = { d("2005-10-08", "quake struck South Asia"), d("2005-10-11", "summarized") };
	struct norm_value b[] = { d("2005-10-08", "earthquake occurred") };
	struct norm_value c[] = { d("2005-10-12", "operation completed") };
	struct verdict_pair p;
	verdict_claims(a, 2, b, 1, &p);
	assert_int_equal(p.v, VERDICT_AGREE);
	assert_int_equal(p.ia, 0);
	verdict_claims(b, 1, c, 1, &p);
	assert_int_equal(p.v, VERDICT_TIMELINE);
}

/* Two claims of 20,000 values each: each value meets its nearest values
 * only, and the answer is the one all pairs would give. */
static void test_many_values(void **state)
{
	(void)state;
	enum { N = 20000 };
	struct norm_value *a = calloc(N, sizeof *a), *b = calloc(N, sizeof *b);
	assert_non_null(a);
	assert_non_null(b);
	for (int i = 0; i < N; i++) {
		a[i] = qu(NORM_COUNT, 1000.0 + 2 * i, "ships");
		b[i] = qu(NORM_COUNT, 1e9 + i, "ships");
	}
	b[N - 1] = qu(NORM_COUNT, 1000.0 + 2 * 777, "ships");
	struct verdict_pair p;
	verdict_claims(a, N, b, N, &p);
	assert_int_equal(p.v, VERDICT_AGREE);
	assert_int_equal(p.ia, 777);
	assert_int_equal(p.ib, N - 1);
	free(a);
	free(b);
}

static void test_loose_dates(void **state)
{
	(void)state;
	struct verdict_pair p;
	/* dates that do not say what they are of: one of several may be of
	 * another event ("on October 10th ... what a larger force could not in
	 * March"), so the best match decides */
	struct norm_value a[] = { d("2022-10-10", NULL), d("2022-03", NULL) };
	struct norm_value b[] = { d("2022-10", NULL) };
	verdict_claims(a, 2, b, 1, &p);
	assert_int_equal(p.v, VERDICT_AGREE);
	verdict_claims(b, 1, a, 2, &p);
	assert_int_equal(p.v, VERDICT_AGREE);
	/* when none matches they are two moments; described as one event,
	 * "the beginning of December" against "17 January" is a conflict */
	struct norm_value c[] = { d("2021-12-01/2021-12-10", NULL) };
	struct norm_value e[] = { d("2022-02-20", NULL), d("2022-01-17", NULL) };
	verdict_claims(c, 1, e, 2, &p);
	assert_int_equal(p.v, VERDICT_TIMELINE);
	struct norm_value ca[] = { d("2021-12-01/2021-12-10", "announced the exercises") };
	struct norm_value ea[] = { d("2022-01-17", "announced his intention to hold exercises") };
	verdict_claims(ca, 1, ea, 1, &p);
	assert_int_equal(p.v, VERDICT_CONFLICT);
	/* a whole year next to it is only a different precision */
	struct norm_value y[] = { d("2022", NULL) };
	verdict_claims(c, 1, y, 1, &p);
	assert_int_equal(p.v, VERDICT_DIFFER);
	/* a described quantity still decides when worse */
	const char *t = "Russian troops for the grouping";
	struct norm_value f[] = { d("2022-10", NULL), q(NORM_COUNT, 30000, 30000, t) };
	struct norm_value g[] = { d("2022-10-12", NULL), q(NORM_COUNT, 9000, 9000, t) };
	verdict_claims(f, 2, g, 2, &p);
	assert_int_equal(p.v, VERDICT_CONFLICT);
}

static void test_short_descriptions(void **state)
{
	(void)state;
	/* a one-word description differs from one that lacks its word, not
	 * from one that holds it; durations that do not say what they last
	 * are not one measure */
	static const struct {
		enum norm_kind kind;
		const char *a, *b;
		bool same;
	} cases[] = {
		{ NORM_COUNT, "men", "combat ready troops", false },
		{ NORM_DISTANCE, "from Kyiv", "from the border", false },
		{ NORM_COUNT, "Russian troops", "Russian troops in Belarus", true },
		{ NORM_COUNT, "troops", "troops in Belarus", true },
		{ NORM_DURATION, NULL, NULL, false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct norm_value a = q(cases[i].kind, 10, 10, cases[i].a);
		struct norm_value b = q(cases[i].kind, 20, 20, cases[i].b);
		assert_int_equal(verdict_same_measure(&a, &b), cases[i].same);
	}
}

/* A closed compound names its head: a "magnitude 6.1 earthquake" and a
 * "6.1 quake" are one measure, but only by kind: they may agree or
 * differ, never conflict; a compound whose head is another word
 * ("aftershock" / "earthquake") or a head of fewer than four letters
 * ("gunmen" / "men") is no such match. */
static void test_compound_heads(void **state)
{
	(void)state;
	assert_true(desc_head_of("earthquak", "quak"));
	assert_true(desc_head_of("airstrik", "strik"));
	assert_false(desc_head_of("quak", "earthquak"));
	assert_false(desc_head_of("gunmen", "men"));
	assert_false(desc_head_of("aftershock", "quak"));
	assert_false(desc_head_of("quak", "quak"));
	struct verdict_pair p;
	struct norm_value a[] = { q(NORM_COUNT, 6.1, 6.1, "earthquake") };
	struct norm_value b[] = { q(NORM_COUNT, 6.1, 6.1, "quake"),
				  q(NORM_COUNT, 30, 30, "people dead") };
	a[0].unit = b[0].unit = "magnitude";
	b[1].unit = "people";
	assert_false(verdict_same_measure(&a[0], &b[0]));
	verdict_claims(a, 1, b, 2, &p);
	assert_int_equal(p.v, VERDICT_AGREE);
	assert_true(p.by_values);
	assert_int_equal(p.ib, 0);
	/* far apart by the heads alone: at most differ */
	b[0].lo = b[0].hi = b[0].point = 7.9;
	verdict_claims(a, 1, b, 2, &p);
	assert_int_equal(p.v, VERDICT_DIFFER);
	struct norm_value f[] = { q(NORM_COUNT, 200, 200, "fighters") };
	struct norm_value g[] = { q(NORM_COUNT, 12, 12, "firefighters") };
	verdict_claims(f, 1, g, 1, &p);
	assert_int_not_equal(p.v, VERDICT_CONFLICT);
	/* another head, or a fate that differs: different measures */
	struct norm_value s[] = { q(NORM_COUNT, 5.9, 5.9, "aftershocks") };
	verdict_claims(a, 1, s, 1, &p);
	assert_int_equal(p.v, VERDICT_MEASURE);
	struct norm_value k[] = { q(NORM_COUNT, 30, 30, "airstrikes killed") };
	struct norm_value w[] = { q(NORM_COUNT, 30, 30, "strikes wounded") };
	verdict_claims(k, 1, w, 1, &p);
	assert_int_equal(p.v, VERDICT_MEASURE);
}

/* An earthquake's magnitude is a reading on a logarithmic scale, not a
 * count: 5.9 and 7.9 are a thousand times apart in energy though a
 * quarter apart as numbers.  Readings within one step of the scale differ
 * (a first estimate of 8.5 against 9), further apart they may conflict,
 * but only when both say what they measure; a reading given anew on a
 * later day is revised (timeline), never a total that fell. */
/* An exact extracted quantity of x unit, counted as said, normalised. */
static struct norm_value xq(double x, const char *unit, const char *counted)
{
	struct value v;
	struct norm_value n;
	memset(&v, 0, sizeof v);
	v.type = VALUE_QUANTITY;
	v.num = x;
	v.unit = unit;
	v.counted = counted;
	v.qualifier = "exact";
	assert_int_equal(norm_value(&v, &n), 0);
	return n;
}

static struct norm_value mag(double x, const char *counted)
{
	return xq(x, "magnitude", counted);
}

static void test_magnitudes(void **state)
{
	(void)state;
	struct verdict_pair p;
	struct norm_value quake = mag(7.9, "earthquake");
	assert_int_equal(quake.kind, NORM_MAGNITUDE);
	assert_string_equal(norm_kind_name(NORM_MAGNITUDE), "magnitude");
	assert_false(verdict_running(&quake));
	/* an aftershock's reading with no word of what it is: never a conflict */
	struct norm_value after = mag(5.9, NULL);
	verdict_claims(&quake, 1, &after, 1, &p);
	assert_int_not_equal(p.v, VERDICT_CONFLICT);
	verdict_moment(&p, &quake, &after, 100, 100);
	assert_int_not_equal(p.v, VERDICT_CONFLICT);
	/* one step of the scale or less: differ */
	struct norm_value early = mag(8.5, "earthquake"), late = mag(9, "earthquake");
	verdict_claims(&early, 1, &late, 1, &p);
	assert_int_equal(p.v, VERDICT_DIFFER);
	struct norm_value same = mag(7.9, "quake");
	verdict_claims(&quake, 1, &same, 1, &p);
	assert_int_equal(p.v, VERDICT_AGREE);
	/* further apart, both named, one day: conflict; on two days: revised */
	struct norm_value low = mag(6.1, "earthquake");
	verdict_claims(&quake, 1, &low, 1, &p);
	assert_int_equal(p.v, VERDICT_CONFLICT);
	verdict_moment(&p, &quake, &low, 100, 100);
	assert_int_equal(p.v, VERDICT_CONFLICT);
	verdict_moment(&p, &quake, &low, 100, 103);
	assert_int_equal(p.v, VERDICT_TIMELINE);
	/* revised down later: not a running total that fell */
	struct norm_value first = mag(9.1, "earthquake"), next = mag(8.1, "earthquake");
	verdict_claims(&first, 1, &next, 1, &p);
	verdict_moment(&p, &first, &next, 100, 103);
	assert_int_equal(p.v, VERDICT_TIMELINE);
	assert_false(p.fell);
	assert_false(verdict_named_conflict(&first, 1, &next, 1, 100, 103, &(int){ 0 }, &(int){ 0 }));
}

/* Ages, as extraction gives them ("died at the age of 56": 56 "years of
 * age", counted "age at death"), are their own class: never a toll of the
 * dead though the words say "death", never a running total.  An age at
 * death does not change, so 56 against 49 conflicts whatever the days of
 * the reports; a year apart only differs (a birthday between); a living
 * person's age given on another day is revised (timeline). */
/* The verdict on one value against another, their sources published on
 * days da and db (-1: unknown). */
static enum verdict judged(struct norm_value a, struct norm_value b, long da, long db)
{
	struct verdict_pair p;
	verdict_claims(&a, 1, &b, 1, &p);
	verdict_moment(&p, &a, &b, da, db);
	return p.v;
}

static struct norm_value age(double x, const char *counted)
{
	return xq(x, "years of age", counted);
}

static void test_ages(void **state)
{
	(void)state;
	struct verdict_pair p;
	struct norm_value a = age(56, "age at death"), b = age(49, "age at death");
	assert_int_equal(a.kind, NORM_AGE);
	assert_string_equal(norm_kind_name(NORM_AGE), "age");
	assert_false(verdict_running(&a));
	assert_int_equal(judged(a, b, -1, -1), VERDICT_CONFLICT);
	assert_int_equal(judged(a, b, 100, 400), VERDICT_CONFLICT);
	assert_int_equal(judged(a, age(55, "age at death"), 100, 100), VERDICT_DIFFER);
	/* never a toll: "died at 56" against "300 dead" */
	struct norm_value toll = qu(NORM_COUNT, 300, "dead");
	verdict_claims(&a, 1, &toll, 1, &p);
	assert_int_not_equal(p.v, VERDICT_CONFLICT);
	assert_false(p.by_values);
	/* a living age, on days years apart: revised */
	struct norm_value x = age(58, "age of the captain"), y = age(61, "age of the captain");
	assert_int_equal(judged(x, y, 100, 100), VERDICT_CONFLICT);
	assert_int_equal(judged(x, y, 100, 1200), VERDICT_TIMELINE);
	/* ages of different people: different measures */
	assert_int_equal(judged(x, age(33, "age of nurse"), 100, 100), VERDICT_MEASURE);
}

/* Exact counts that no rounding explains: seven ships against eight in one
 * search is a conflict, not "close"; a round figure, an "about" or another
 * day still differ or update, and "people" still says not what is counted. */
static void test_unrounded_counts(void **state)
{
	(void)state;
	const char *t = "ships in the search";
	assert_int_equal(judged(q(NORM_COUNT, 7, 7, t), q(NORM_COUNT, 8, 8, t), 100, 100),
			 VERDICT_CONFLICT);
	assert_int_equal(judged(q(NORM_COUNT, 7, 7, t), q(NORM_COUNT, 8, 8, t), 100, 101),
			 VERDICT_TIMELINE);
	assert_int_equal(judged(q(NORM_COUNT, 1312, 1312, t), q(NORM_COUNT, 1310, 1310, t), 100, 100),
			 VERDICT_DIFFER);
	struct norm_value about = q(NORM_COUNT, 6.5, 7.5, t);
	about.point = 7;
	about.prec = PREC_ABOUT;
	assert_int_equal(judged(about, q(NORM_COUNT, 8, 8, t), 100, 100), VERDICT_DIFFER);
	assert_int_equal(judged(qu(NORM_COUNT, 7, "people"), qu(NORM_COUNT, 8, "people"), 100, 100),
			 VERDICT_DIFFER);
	assert_int_equal(judged(qu(NORM_COUNT, 7, "ships"), qu(NORM_COUNT, 8, "ships"), 100, 100),
			 VERDICT_CONFLICT);
	assert_int_equal(vv(q(NORM_PERCENT, 7, 7, t), q(NORM_PERCENT, 8, 8, t)), VERDICT_DIFFER);
}

static void test_status_and_names(void **state)
{
	(void)state;
	struct verdict_pair p[3];
	memset(p, 0, sizeof p);
	assert_int_equal(verdict_status(p, 0), VERDICT_NONE);
	p[0].v = VERDICT_AGREE;
	p[1].v = VERDICT_MEASURE;
	assert_int_equal(verdict_status(p, 2), VERDICT_MEASURE);
	p[0].by_values = true;
	assert_int_equal(verdict_status(p, 2), VERDICT_AGREE);
	p[2].v = VERDICT_DIFFER;
	assert_int_equal(verdict_status(p, 3), VERDICT_DIFFER);
	p[1].v = VERDICT_CONFLICT;
	assert_int_equal(verdict_status(p, 3), VERDICT_CONFLICT);
	for (int v = VERDICT_AGREE; v < VERDICT_COUNT; v++)
		assert_int_equal(verdict_parse(verdict_name((enum verdict)v)), v);
	assert_int_equal(verdict_parse("nonsense"), VERDICT_NONE);
	assert_int_equal(verdict_mark(VERDICT_CONFLICT), '!');
	assert_string_equal(verdict_name(VERDICT_MEASURE), "different-measure");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quantities),
		cmocka_unit_test(test_exclusive_bounds),
		cmocka_unit_test(test_complement),
		cmocka_unit_test(test_extracted_shares),
		cmocka_unit_test(test_same_measure),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_partial_dates),
		cmocka_unit_test(test_claims),
		cmocka_unit_test(test_best_pair),
		cmocka_unit_test(test_fates),
		cmocka_unit_test(test_running_total_falls),
		cmocka_unit_test(test_same_day),
		cmocka_unit_test(test_next_day_update),
		cmocka_unit_test(test_many_values),
		cmocka_unit_test(test_loose_dates),
		cmocka_unit_test(test_short_descriptions),
		cmocka_unit_test(test_compound_heads),
		cmocka_unit_test(test_magnitudes),
		cmocka_unit_test(test_ages),
		cmocka_unit_test(test_unrounded_counts),
		cmocka_unit_test(test_status_and_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
