/* test_extract_news: the extraction rules found wanting on real news:
 * modifiers between a number and its noun, number words, ages, money
 * scales, hyphenated units, bare numbers, headlines, tables, transcripts
 * and sentences naming several actors.  Every sentence is written for
 * the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "extract/extract.h"

/* The quantities that extract_claims() keeps in s, as
 * "value unit|counted|qualifier; ..." ("none" when no claim). */
static const char *claim_quants(const char *s)
{
	static char buf[512];
	struct xclaim *x;
	size_t n = extract_claims(s, strlen(s), NULL, &x), at = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < x[i].nq; k++)
			at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%g %s|%s|%s",
					       at ? "; " : "", x[i].q[k].value, x[i].q[k].unit,
					       x[i].q[k].counted, x[i].q[k].qualifier);
	free(x);
	return at ? buf : "none";
}

/* The claims of s as "kind[speaker]: text" lines. */
static const char *claims(const char *s)
{
	static char buf[1024];
	struct xclaim *x;
	size_t n = extract_claims(s, strlen(s), NULL, &x), at = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && at < sizeof buf; i++)
		at += (size_t)snprintf(buf + at, sizeof buf - at, "%s[%s]: %.*s\n", x[i].kind,
				       x[i].speaker, (int)(x[i].end - x[i].start), s + x[i].start);
	free(x);
	return buf;
}

static void test_modifiers(void **state)
{
	(void)state;
	assert_string_equal(claim_quants("Nine Royal Norwegian Navy and Danish Home Guard boats joined the search."),
			    "9 boats|Royal Norwegian Navy and Danish Home Guard boats|exact");
	assert_string_equal(claim_quants("About 640 U.K. volunteers are staffing the camps."),
			    "640 volunteers|U.K. volunteers|about");
	assert_string_equal(claim_quants("A total of 18 Coast Guard and Air Force planes flew over the bay."),
			    "18 planes|Coast Guard and Air Force planes|exact");
	assert_string_equal(claim_quants("Officials said 16 Red Cross tents were put up near the school."),
			    "16 tents|Red Cross tents|exact");
	/* a nationality is still people; a name stays a name */
	assert_string_equal(claim_quants("Then 5,000 Estonians fled the border town."),
			    "5000 people|Estonians|exact");
	assert_string_equal(claim_quants("The 2019 Harbour Festival drew crowds to the town."), "none");
}

static void test_number_words(void **state)
{
	(void)state;
	assert_string_equal(claim_quants("The ferry left the port one week after the storm."),
			    "1 week|after the storm|exact");
	assert_string_equal(claim_quants("A dozen fishermen were rescued from the reef."),
			    "12 fishermen||exact");
	assert_string_equal(claim_quants("Tens of thousands of residents left the valley."),
			    "20000 people|residents|at least");
	/* "one of" and "one" alone are not quantities */
	assert_string_equal(claims("One of the pilots had flown the route before."), "");
}

static void test_ages(void **state)
{
	(void)state;
	assert_string_equal(claim_quants("Her uncle died of a stroke at the age of 71 in Bergen."),
			    "71 years of age|age at death|exact");
	assert_string_equal(claim_quants("The singer's father died when he was 64, the family said."),
			    "64 years of age|age at death|exact");
	assert_string_equal(claim_quants("Their grandmother died of cancer when she was 49."),
			    "49 years of age|age at death|exact");
	assert_string_equal(claim_quants("The captain, aged 58, had sailed the route for years."),
			    "58 years of age|age|exact");
	assert_string_equal(claim_quants("A 33-year-old nurse was among the passengers rescued."),
			    "33 years of age|age of nurse|exact");
}

static void test_units_and_bare_numbers(void **state)
{
	(void)state;
	/* a year after "for" is not a count, and a bare number borrows no unit */
	assert_string_equal(claim_quants("The bridge saw 12 closures in 2017, 9 for 2018 and 4 for 2019."),
			    "12 closures||exact");
	/* a hyphenated unit belongs to its number */
	assert_string_equal(claim_quants("The crew dropped 9,000 litres of water in a 6-hour flight."),
			    "9000 litres||exact; 6 hours|flight|exact");
	/* a bare number said to be a figure takes the sentence's unit */
	assert_string_equal(claim_quants("Police counted 4,000 marchers, while organisers said 9,000 was the true figure."),
			    "4000 marchers||exact; 9000 marchers||exact");
	/* coordinated numbers share the unit that follows them */
	assert_string_equal(claim_quants("The floods left 12,000 and 300 dead in two provinces."),
			    "12000 dead||exact; 300 dead||exact; 2 provinces||exact");
	/* a unit of two words is kept in what is counted, where normalising
	 * finds it (a nautical mile, a square mile, a short ton); a unit
	 * raised to the square stays whole */
	assert_string_equal(claim_quants("The trawler sank 40 nautical miles off the cape."),
			    "40 miles|nautical miles|exact");
	assert_string_equal(claim_quants("Floods covered 300 square miles of farmland."),
			    "300 miles|square miles|exact");
	assert_string_equal(claim_quants("The fire burned 26 km\u00b2 of forest near the lake."),
			    "26 km\u00b2||exact");
	/* money keeps its scale */
	assert_string_equal(claim_quants("The fund pledged $250 million for the harbour."),
			    "2.5e+08 USD||exact");
	assert_string_equal(claim_quants("Norway gave \xe2\x82\xac" "1.5 billion in aid last year."),
			    "1.5e+09 EUR||exact");
	assert_string_equal(claim_quants("The council set aside 40 million dollars for repairs."),
			    "4e+07 USD||exact");
	/* a toll raised to a bare number */
	assert_string_equal(claim_quants("Officials raised the death toll from the storm to 4,310."),
			    "4310 dead|death toll from the storm|exact");
}

static void test_magnitudes_and_tolls(void **state)
{
	(void)state;
	assert_string_equal(claim_quants("A 6.4 magnitude earthquake shook the island at dawn."),
			    "6.4 magnitude|earthquake|exact");
	assert_string_equal(claim_quants("The tremor measured 5.9 on the Richter scale, the institute said."),
			    "5.9 magnitude||exact");
	assert_string_equal(claim_quants("Tuesday's magnitude six earthquake cut the power lines."),
			    "6 magnitude|earthquake|exact");
	assert_string_equal(claim_quants("Over 2,000 people died in the 6.1 quake that hit the coast."),
			    "2000 people|people died|more than; 6.1 magnitude|quake|exact");
	/* "lives" after a number is a noun; "people" ends its phrase */
	assert_string_equal(claim_quants("The flood took over 1,200 lives in the valley."),
			    "1200 lives||more than");
	assert_string_equal(claim_quants("Tens of thousands of people still wait for news."),
			    "20000 people|people|at least");
	/* a total standing at a bare number */
	assert_string_equal(claim_quants("The total missing for the three villages now stands at 1,310."),
			    "3 villages||exact; 1310 total|total missing for the three villages|exact");
	/* a total named far from the figure it stands at */
	assert_string_equal(claim_quants("The total dead and missing for all nine villages struck by the flood waters now stands at 1,310."),
			    "9 villages||exact; 1310 total|total dead and missing for all nine villages struck by the flood waters|exact");
	/* but a figure with its own noun keeps it when the toll is far */
	assert_string_equal(claim_quants("The toll from the storms that struck the coast of the bay and its islands has risen to nearly 6,000 people reported dead."),
			    "6000 people|people dead|about");
	/* what befell them, after a word of knowledge or belief */
	assert_string_equal(claim_quants("More than 4,000 people are known dead in the flooded delta."),
			    "4000 people|people dead|more than");
	assert_string_equal(claim_quants("Some 300 people are still believed missing off the cape."),
			    "300 people|people missing|about");
	/* a passive report names no speaker */
	assert_string_equal(claims("Hundreds of people are reported dead in the flooded valley."),
			    "quantity[]: Hundreds of people are reported dead in the flooded valley.\n");
}

static void test_headlines_and_tables(void **state)
{
	(void)state;
	assert_string_equal(claims("Chile Raises Flood Death Toll to 1,204\n\nThe floods began on Monday.\n"),
			    "quantity[]: Chile Raises Flood Death Toll to 1,204\n");
	assert_string_equal(claims("Report on the Harbour Fire\nand Flood of 3 March 1999\n"),
			    "date[]: and Flood of 3 March 1999\n");
	/* a date line alone is no claim */
	assert_string_equal(claims("Tuesday, May 7, 2019\n"), "");
	const char *table = "Storm damage by county\nCounty roofs boats total\nHordaland 1,200 45 1,245\n"
			    "Rogaland 310 - 310\nTotal 1,510 45 1,555\n";
	assert_string_equal(claim_quants(table),
			    "1200 roofs|Hordaland roofs|exact; 45 boats|Hordaland boats|exact; "
			    "1245 total|Hordaland total|exact; 310 roofs|Rogaland roofs|exact; "
			    "310 total|Rogaland total|exact; 1510 roofs|Total roofs|exact; "
			    "45 boats|Total boats|exact; 1555 total|Total total|exact");
}

static void test_transcripts_and_actors(void **state)
{
	(void)state;
	assert_string_equal(claims("THE MAYOR: We have come to thank the crews for their work.\n\n"
				   "We stand ready to help the town in any way.\n\n"
				   "Q: When will the ferries run?\n"),
			    "statement[THE MAYOR]: We have come to thank the crews for their work.\n"
			    "statement[THE MAYOR]: We stand ready to help the town in any way.\n");
	assert_string_equal(claims("Norway, Sweden, Denmark and Finland have formed a group to coordinate the rescue."),
			    "event[]: Norway, Sweden, Denmark and Finland have formed a group to coordinate the rescue.\n");
	assert_string_equal(claims("Tugs were sent from the Bergen Coast Station, a pier at Stavanger Air Base and the Oslo yard."),
			    "event[]: Tugs were sent from the Bergen Coast Station, a pier at Stavanger Air Base and the Oslo yard.\n");
	/* a list, but nothing done: "are accompanied"; or only what would be */
	assert_string_equal(claims("The tugs are accompanied by Bergen, Stavanger and Oslo pilots today."), "");
	assert_string_equal(claims("Sweden, Denmark and Finland would have formed a group by then."), "");
	/* one name and no fact: no claim */
	assert_string_equal(claims("The weather in Bergen was grey and wet."), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modifiers),
		cmocka_unit_test(test_number_words),
		cmocka_unit_test(test_ages),
		cmocka_unit_test(test_units_and_bare_numbers),
		cmocka_unit_test(test_magnitudes_and_tolls),
		cmocka_unit_test(test_headlines_and_tables),
		cmocka_unit_test(test_transcripts_and_actors),
	};
	return cmocka_run_group_tests_name("extract_news", tests, NULL, NULL);
}
