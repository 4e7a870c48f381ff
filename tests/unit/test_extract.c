/* test_extract: quantities, dates, attribution and spans of claims. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "extract/extract.h"

/* The first quantity of s as "value unit|counted|qualifier|low|high". */
static const char *quant(const char *s)
{
	static char buf[256];
	struct xquant q[4];
	size_t n = extract_quantities(s, strlen(s), q, 4);
	if (!n)
		return "none";
	char lo[32] = "null", hi[32] = "null";
	if (q[0].has_low)
		snprintf(lo, sizeof lo, "%g", q[0].low);
	if (q[0].has_high)
		snprintf(hi, sizeof hi, "%g", q[0].high);
	snprintf(buf, sizeof buf, "%g %s|%s|%s|%s|%s", q[0].value, q[0].unit, q[0].counted,
		 q[0].qualifier, lo, hi);
	return buf;
}

static void test_quantities(void **state)
{
	(void)state;
	assert_string_equal(quant("Officials counted 12,000 Dutch cyclists on the bridge."),
			    "12000 cyclists|Dutch cyclists|exact|12000|12000");
	assert_string_equal(quant("The harbour hired about 4,000 seasonal workers."),
			    "4000 workers|seasonal workers|about|3500|4500");
	assert_string_equal(quant("A poll found 80% of Norwegians in favour."),
			    "80 percent|Norwegians in favour|exact|80|80");
	assert_string_equal(quant("Less than 5% of voters turned up."),
			    "5 percent|voters|less than|null|5");
	assert_string_equal(quant("The storm passed 120 miles from Oslo."),
			    "120 mi|from Oslo|exact|120|120");
	assert_string_equal(quant("The camp lies roughly 300km from Lyon."),
			    "300 km|from Lyon|about|250|350");
	assert_string_equal(quant("The camp lies 40-50 km from the border with Norway’s Finnmark county."),
			    "45 km|from the border with Norway’s Finnmark county|range|40|50");
	assert_string_equal(quant("The camp lies 30 km from the border between Norway and Sweden, officials said."),
			    "30 km|from the border between Norway and Sweden|exact|30|30");
	assert_string_equal(quant("The region has around 12 000 trained nurses."),
			    "12000 nurses|trained nurses|about|11500|12500");
	assert_string_equal(quant("The island keeps a 50,000-strong militia."),
			    "50000 soldiers|militia|exact|50000|50000");
	assert_string_equal(quant("At least 48 000 people were evacuated."),
			    "48000 people|people evacuated|at least|48000|null");
	/* what befell them, said after them, and a bare number that says it */
	assert_string_equal(quant("Some 312 people are still missing."),
			    "312 people|people missing|about|311.5|312.5");
	assert_string_equal(quant("Officials said 1,450 were injured."),
			    "1450 people|people injured|exact|1450|1450");
	assert_string_equal(quant("Planes dropped 1.2 million pounds of rice."),
			    "1.2e+06 pounds|rice|exact|1.2e+06|1.2e+06");
	assert_string_equal(quant("The storm killed at least 212 people."),
			    "212 people|people killed|at least|212|null");
	assert_string_equal(quant("Crews evacuated some 3,000 people overnight."),
			    "3000 people|people evacuated|about|2500|3500");
	assert_string_equal(quant("About 90 people attended the rally."),
			    "90 people||about|85|95");
	assert_string_equal(quant("A country of 3,5 million residents."),
			    "3.5 million|residents|exact|3.5|3.5");
	assert_string_equal(quant("The city spends 12 times the budget of the village."),
			    "12 times|the budget|exact|12|12");
	assert_string_equal(quant("She served thirty-two years in office."),
			    "32 years||exact|32|32");
	assert_string_equal(quant("Eleven ships left the port."),
			    "11 ships||exact|11|11");
	assert_string_equal(quant("The lanes sit 30-40 km from the coast."),
			    "35 km|from the coast|range|30|40");
	assert_string_equal(quant("The strike would last two or three weeks."),
			    "2.5 weeks||range|2|3");
	assert_string_equal(quant("Up to 7 years in prison await them."),
			    "7 years||up to|null|7");
	assert_string_equal(quant("More than 200 Estonians signed."),
			    "200 people|Estonians|more than|200|null");
	assert_string_equal(quant("Hundreds of thousands of Danes marched."),
			    "200000 people|Danes|at least|200000|null");
	assert_string_equal(quant("Nearly 700 boats were counted."),
			    "700 boats||about|650|700");
	assert_string_equal(quant("The minister talked about 300 new homes."),
			    "300 homes|new homes|exact|300|300");
}

static void test_not_quantities(void **state)
{
	(void)state;
	assert_string_equal(quant("The treaty of 1994 still holds."), "none");
	assert_string_equal(quant("The 2019 elections were close."), "none");
	assert_string_equal(quant("The session opened at 10.30am sharp."), "none");
	assert_string_equal(quant("The session opened at 14:30 sharp."), "none");
	assert_string_equal(quant("They fly F-16 jets and Tu-22M bombers."), "none");
	assert_string_equal(quant("One of the ministers resigned."), "none");
	assert_string_equal(quant("On the 4th day it rained."), "none");
	assert_string_equal(quant(""), "none");
}

/* The k-th quantity of s as "value unit|counted" ("none" when missing). */
static const char *quant_k(const char *s, size_t k)
{
	static char buf[160];
	struct xquant q[8];
	size_t n = extract_quantities(s, strlen(s), q, 8);
	if (k >= n)
		return "none";
	snprintf(buf, sizeof buf, "%g %s|%s", q[k].value, q[k].unit, q[k].counted);
	return buf;
}

static void test_estimates(void **state)
{
	(void)state;
	assert_string_equal(quant("In an interview, he estimates the number of Russian troops in Belarus at 30,000."),
			    "30000 troops|Russian troops in Belarus|exact|30000|30000");
	assert_string_equal(quant_k("The harbour master puts the number of fishing boats in the bay at 340.", 0),
			    "340 boats|fishing boats in the bay");
	assert_string_equal(quant_k("Officials estimated the number of Finns on the ferry at about 1,200.", 0),
			    "1200 people|Finns on the ferry");
	assert_string_equal(quant("The number of Dutch cyclists on the bridge was estimated at about 4,000."),
			    "4000 cyclists|Dutch cyclists on the bridge|about|3500|4500");
	assert_string_equal(quant_k("Their strength has been estimated at 9,000, a rise.", 0),
			    "9000 strength|");
	assert_string_equal(quant_k("The number of trained nurses in the region now stands at 12,000.", 0),
			    "12000 nurses|trained nurses in the region");
	assert_string_equal(quant_k("The number of staff now stands at 40.", 0), "40 staff|");
	assert_string_equal(quant_k("The survey places seasonal workers in the harbour at 800.", 0),
			    "800 workers|seasonal workers in the harbour");
	assert_string_equal(quant_k("The number of Danish sailors in the port rose to 1,200.", 0),
			    "1200 sailors|Danish sailors in the port");
	/* a unit that says little takes the number of X */
	assert_string_equal(quant("Even in summer, the number of Swedish hikers on the ridge amounted to "
				  "only about 2,500 people."),
			    "2500 people|Swedish hikers on the ridge|about|2450|2550");
	assert_string_equal(quant_k("The number of ferries fell, and 300 people were laid off.", 0), "300 people|");
	/* no estimate: the bare number keeps no unit, a name is no unit */
	assert_string_equal(quant_k("The bridge opened at 2,000 and the ferry later.", 0), "2000 |");
	assert_string_equal(quant_k("Officials put Oslo at 300.", 0), "300 |");
}

static void test_share_predicates(void **state)
{
	(void)state;
	assert_string_equal(quant_k("As public opinion seems to be decisively negative with 90% of Belarusians "
				    "opposing a direct military involvement of Belarus in the war.", 0),
			    "90 percent|Belarusians opposing a direct military involvement of Belarus in the war");
	assert_string_equal(quant_k("Independent surveys of public opinion in Belarus show less than 10% of "
				    "Belarusians support sending their own soldiers to fight.", 0),
			    "10 percent|Belarusians support sending their own soldiers to fight");
	const char *r = "85% of respondents gave a negative answer, and 11% said they would react positively to it.";
	assert_string_equal(quant_k(r, 0), "85 percent|respondents gave a negative answer");
	assert_string_equal(quant_k(r, 1), "11 percent|said they would react positively to it");
	const char *split = "Support for Russian actions in Ukraine is roughly split, with 41.3% approving "
			    "and 47.3% opposed.";
	assert_string_equal(quant_k(split, 0), "41.3 percent|approving Russian actions in Ukraine");
	assert_string_equal(quant_k(split, 1), "47.3 percent|opposed Russian actions in Ukraine");
	/* invented: the clause ends at "but", at a new subject, after 10 words */
	assert_string_equal(quant_k("Some 62% of Danes backed the new bridge but few paid.", 0),
			    "62 percent|Danes backed the new bridge");
	assert_string_equal(quant_k("With 70% of sailors rejecting the deal the strike would go on.", 0),
			    "70 percent|sailors rejecting the deal");
	assert_string_equal(quant_k("A poll shows 55% of Finns who own a boat want a longer season.", 0),
			    "55 percent|Finns who own a boat want a longer season");
	assert_string_equal(quant_k("Only 12% of voters think the mayor should stay in office for another "
				    "four years after the vote.", 0),
			    "12 percent|voters think the mayor should stay in office for another four");
	assert_string_equal(quant_k("About 30% of Norwegians are against the plan.", 0),
			    "30 percent|Norwegians are against the plan");
	assert_string_equal(quant_k("Backing for the new quay is divided: 40% in favour and 45% against.", 1),
			    "45 percent|against new quay");
	assert_string_equal(quant_k("About 20% of voters in the north of the country backed him.", 0),
			    "20 percent|voters in the north of the country backed him");
	/* no predicate: a noun phrase, a preposition, a name */
	assert_string_equal(quant_k("A poll found 80% of Norwegians in Bergen.", 0), "80 percent|Norwegians");
	assert_string_equal(quant_k("About 40% of households during the winter had no heat.", 0),
			    "40 percent|households");
	assert_string_equal(quant_k("Turnout was 64% in Bergen.", 0), "64 percent|");
}

static void test_durations(void **state)
{
	(void)state;
	assert_string_equal(quant_k("The strike began on Feb. 4, 2022, just 20 days before Russia invaded Ukraine.", 0),
			    "20 days|before Russia invaded Ukraine");
	assert_string_equal(quant_k("The talks ran for three weeks after the floods hit.", 0),
			    "3 weeks|after the floods hit");
	assert_string_equal(quant_k("She was jailed 12 years ago.", 0), "12 years|");
	/* one value per mention: a day of the month is no quantity */
	const char *mt = "Since the middle of January, Russia has been moving troops to the border where, for ten "
			 "days from Feb. 10, joint Russian-Belarusian military exercises are taking place.";
	assert_string_equal(quant_k(mt, 0), "10 days|from Feb. 10");
	assert_string_equal(quant_k(mt, 1), "none");
	struct xclaim *x;
	size_t n = extract_claims(mt, strlen(mt), NULL, &x);
	assert_int_equal(n, 1);
	assert_int_equal(x[0].nq, 1);
	free(x);
	assert_string_equal(quant_k("The ferry sails on March 3 and on May 12 with 40 cars.", 0), "40 cars|");
}

struct found {
	struct xclaim *x;
	size_t n;
	const char *text;
};

static struct found run(const char *text, const char *published)
{
	struct found f;
	struct extract_opts o = { published, NULL, 0 };
	f.text = text;
	f.n = extract_claims(text, strlen(text), &o, &f.x);
	return f;
}

/* The claim whose text starts with prefix. */
static const struct xclaim *claim(const struct found *f, const char *prefix)
{
	for (size_t i = 0; i < f->n; i++)
		if (!strncmp(f->text + f->x[i].start, prefix, strlen(prefix)))
			return &f->x[i];
	return NULL;
}

static void test_attribution(void **state)
{
	(void)state;
	const char *text =
		"Harbour Commissioner Ingrid Voss said 40 ships were waiting.\n"
		"The delay will last ten days, says Tomas Brandt, a shipping analyst in Hamburg.\n"
		"Port officials claim that 15% of cargo is spoiled.\n"
		"Ms. Voss estimates the loss at 3 million euros.\n"
		"According to the Baltic Weather Bureau, 12 storms hit the coast in March.\n"
		"Lena Ruud, head of the research unit Coastal Watch, believes that about 2,000 seals died.\n"
		"Brandt noted that 60 cranes stood idle.\n"
		"As the Coast Guard reported, 9 boats sank.\n"
		"Ruud told reporters: \xe2\x80\x9cWe counted 300 nests this year.\n"
		"\xe2\x80\x9cThat is the lowest number since 1990.\xe2\x80\x9d\n"
		"\xe2\x80\x9cThe tide rose 2 metres,\xe2\x80\x9d Brandt said. \xe2\x80\x9cIt took 4 hours to fall.\xe2\x80\x9d\n"
		"The dock reopened, and he thinks 20 crews will return.\n";
	struct found f = run(text, "2021-05-10");
	const struct xclaim *c;

	assert_non_null(c = claim(&f, "Harbour Commissioner"));
	assert_string_equal(c->speaker, "Ingrid Voss");
	assert_string_equal(c->role, "Harbour Commissioner");
	assert_string_equal(c->kind, "statement");
	assert_non_null(c = claim(&f, "The delay"));
	assert_string_equal(c->speaker, "Tomas Brandt");
	assert_string_equal(c->role, "shipping analyst in Hamburg");
	assert_non_null(c = claim(&f, "Port officials"));
	assert_string_equal(c->speaker, "Port officials");
	assert_non_null(c = claim(&f, "Ms. Voss"));
	assert_string_equal(c->speaker, "Ingrid Voss");
	assert_non_null(c = claim(&f, "According to"));
	assert_string_equal(c->speaker, "Baltic Weather Bureau");
	assert_non_null(c = claim(&f, "Lena Ruud"));
	assert_string_equal(c->speaker, "Lena Ruud");
	assert_string_equal(c->role, "head of the research unit Coastal Watch");
	assert_non_null(c = claim(&f, "Brandt noted"));
	assert_string_equal(c->speaker, "Tomas Brandt");
	assert_non_null(c = claim(&f, "As the Coast Guard"));
	assert_string_equal(c->speaker, "Coast Guard");
	/* a quotation running on into the next paragraph */
	assert_non_null(c = claim(&f, "Ruud told"));
	assert_string_equal(c->speaker, "Lena Ruud");
	assert_string_equal(c->kind, "quote");
	assert_non_null(c = claim(&f, "\xe2\x80\x9cThat is the lowest"));
	assert_string_equal(c->speaker, "Lena Ruud");
	/* the second sentence of a quote attributed in the first */
	assert_non_null(c = claim(&f, "\xe2\x80\x9cIt took"));
	assert_string_equal(c->speaker, "Tomas Brandt");
	/* "he" is the last person named */
	assert_non_null(c = claim(&f, "The dock reopened"));
	assert_string_equal(c->speaker, "Tomas Brandt");
	free(f.x);
}

static void test_dates_and_spans(void **state)
{
	(void)state;
	const char *text =
		"Ferry Talks Resume\n"
		"Negotiators met on 3 March and again from 4 to 9 May.\n"
		"The first ferry sailed three months ago, officials said.\n"
		"Is anyone surprised?\n"
		"Rain.\n"
		"The new quay is the longest in the region.\n"
		"A second strike at the port now seems unlikely.\n"
		"The crews went home after the meeting.\n";
	struct found f = run(text, "2021-06-15");
	const struct xclaim *c;

	for (size_t i = 0; i < f.n; i++) {
		assert_true(f.x[i].end <= strlen(text));
		assert_true(f.x[i].start < f.x[i].end);
		assert_true(text[f.x[i].start] != ' ' && text[f.x[i].end - 1] != ' ');
	}
	assert_non_null(c = claim(&f, "Negotiators"));
	assert_int_equal(c->nd, 2);
	assert_string_equal(c->d[0].value, "2021-03-03");
	assert_string_equal(c->d[1].value, "2021-05-04/2021-05-09");
	assert_string_equal(c->kind, "date");
	assert_non_null(c = claim(&f, "The first ferry"));
	assert_string_equal(c->d[0].value, "2021-03");
	assert_non_null(claim(&f, "The new quay"));   /* a superlative */
	assert_non_null(c = claim(&f, "A second strike")); /* a judgement */
	assert_string_equal(c->kind, "assessment");
	assert_null(claim(&f, "The crews"));           /* a plain report, nothing to check */
	assert_null(claim(&f, "Is anyone"));           /* a question */
	assert_null(claim(&f, "Rain"));                /* a fragment */
	assert_null(claim(&f, "Ferry Talks"));         /* a headline with nothing in it */
	free(f.x);
}

static void test_clauses_and_boilerplate(void **state)
{
	(void)state;
	const char *text =
		"Mayor Anna Holm has spoken about 5,000 jobs, while union leaders have said 2,000 is closer.\n"
		"Sign up for our newsletter: 3 free issues a week.\n";
	struct span b = { 92, strlen(text) - 1 };
	struct extract_opts o = { NULL, &b, 1 };
	struct xclaim *x;
	size_t n = extract_claims(text, strlen(text), &o, &x);
	assert_int_equal(n, 2);
	assert_string_equal(x[0].speaker, "Anna Holm");
	assert_true(x[0].q[0].value == 5000);
	assert_string_equal(x[0].q[0].qualifier, "exact");
	assert_string_equal(x[1].speaker, "union leaders");
	assert_true(x[1].q[0].value == 2000);
	free(x);
	assert_int_equal(extract_claims(NULL, 0, NULL, &x), 0);
	assert_null(x);
}

static void test_json(void **state)
{
	(void)state;
	const char *text = "Some 40 boats sank in 2019, the Coast Guard said.";
	struct found f = run(text, NULL);
	assert_int_equal(f.n, 1);
	cJSON *o = extract_claim_json(&f.x[0], text, "t-x001", "t");
	char *s = cJSON_PrintUnformatted(o);
	assert_non_null(strstr(s, "\"text\":\"Some 40 boats sank in 2019, the Coast Guard said.\""));
	assert_non_null(strstr(s, "\"origin\":\"extracted\""));
	assert_non_null(strstr(s, "\"speaker\":\"Coast Guard\""));
	assert_non_null(strstr(s, "\"value\":40,\"unit\":\"boats\""));
	assert_non_null(strstr(s, "\"value\":\"2019\",\"precision\":\"year\""));
	cJSON_free(s);
	cJSON_Delete(o);
	free(f.x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quantities),
		cmocka_unit_test(test_not_quantities),
		cmocka_unit_test(test_estimates),
		cmocka_unit_test(test_share_predicates),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_attribution),
		cmocka_unit_test(test_dates_and_spans),
		cmocka_unit_test(test_clauses_and_boilerplate),
		cmocka_unit_test(test_json),
	};
	return cmocka_run_group_tests_name("extract", tests, NULL, NULL);
}
