/* reltime: explicit years and publication-relative time expressions. */
#include "compare/reltime.h"

#include <stdlib.h>
#include <string.h>

#include "base/calendar.h"
#include "base/util.h"
#include "compare/normalize.h"

#define TOKENS 64
#define TOK_MAX 16

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
};

static const char *const small_numbers[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve",
};

struct tok {
	char s[TOK_MAX + 1];
	bool digits;
};

/* Lower-cased ASCII words and numbers; anything else separates. */
static size_t tokenize(const char *text, size_t n, struct tok *t, size_t max)
{
	size_t k = 0, i = 0;
	while (i < n && k < max) {
		unsigned char c = (unsigned char)text[i];
		bool alnum = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
		bool digit = c >= '0' && c <= '9';
		if (!alnum && !digit) {
			i++;
			continue;
		}
		size_t len = 0;
		bool all_digits = true;
		while (i < n) {
			c = (unsigned char)text[i];
			alnum = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
			digit = c >= '0' && c <= '9';
			if (!alnum && !digit)
				break;
			all_digits &= digit;
			if (len < TOK_MAX)
				t[k].s[len++] = (char)(alnum ? c | 0x20 : c);
			i++;
		}
		t[k].s[len] = '\0';
		t[k].digits = all_digits;
		k++;
	}
	return k;
}

static int month_of(const char *s)
{
	for (int m = 0; m < 12; m++)
		if (!strcmp(s, months[m]))
			return m + 1;
	return 0;
}

/* A small count: "two", "2", "a"; -1 otherwise. */
static int count_of(const struct tok *t)
{
	if (t->digits && strlen(t->s) <= 2)
		return atoi(t->s);
	if (!strcmp(t->s, "a") || !strcmp(t->s, "an"))
		return 1;
	for (int i = 0; i < (int)ARRAY_SIZE(small_numbers); i++)
		if (!strcmp(t->s, small_numbers[i]))
			return i;
	return -1;
}

static void year_range(int y, long *lo, long *hi)
{
	*lo = cal_days(y, 1, 1);
	*hi = cal_days(y, 12, 31);
}

/* Month y-m, where m may run past 1..12 (it is carried into the year). */
static void month_range(int y, int m, long *lo, long *hi)
{
	while (m < 1)
		m += 12, y--;
	while (m > 12)
		m -= 12, y++;
	*lo = cal_days(y, m, 1);
	*hi = (m == 12 ? cal_days(y + 1, 1, 1) : cal_days(y, m + 1, 1)) - 1;
}

/* A word before a year that makes it a bound or a reference point ("since
 * 2019", "until 2035"), not the time the claim is about. */
static bool is_bound(const char *w)
{
	static const char *const bounds[] = {
		"since", "until", "till", "before", "after", "by", "from", "to",
		"through", "than",
	};
	for (size_t i = 0; i < ARRAY_SIZE(bounds); i++)
		if (!strcmp(w, bounds[i]))
			return true;
	return false;
}

static bool is(const struct tok *t, const char *s)
{
	return !strcmp(t->s, s);
}

bool reltime_find(const char *text, size_t n, long pub_lo, long pub_hi, long *lo, long *hi)
{
	struct tok t[TOKENS];
	size_t k = text ? tokenize(text, n, t, TOKENS) : 0;
	bool pub = pub_lo <= pub_hi;
	int py = 0, pm = 0, pd = 0;
	if (pub)
		cal_civil(pub_lo, &py, &pm, &pd);
	for (size_t i = 0; i < k; i++) {
		/* an explicit year */
		if (t[i].digits && strlen(t[i].s) == 4 && !(i && is_bound(t[i - 1].s))) {
			int y = atoi(t[i].s);
			if (y >= 1900 && y <= 2099) {
				year_range(y, lo, hi);
				return true;
			}
		}
		if (!pub || i + 1 >= k)
			continue;
		/* last / this year, month or month name ("next year" mostly
		 * names what a plan is for, not when the claim happens) */
		int shift = is(&t[i], "last") || is(&t[i], "previous") ? -1 :
			    is(&t[i], "this") || is(&t[i], "current") ? 0 : 2;
		if (shift != 2) {
			if (is(&t[i + 1], "year")) {
				year_range(py + shift, lo, hi);
				return true;
			}
			if (is(&t[i + 1], "month")) {
				month_range(py, pm + shift, lo, hi);
				return true;
			}
			int m = month_of(t[i + 1].s);
			if (m && shift == -1) {
				/* the latest such month before the publication's */
				month_range(m < pm ? py : py - 1, m, lo, hi);
				return true;
			}
		}
		/* N years / months / weeks / days ago */
		if (i + 2 < k && is(&t[i + 2], "ago")) {
			int c = count_of(&t[i]);
			if (c < 0)
				continue;
			const char *u = t[i + 1].s;
			if (!strcmp(u, "year") || !strcmp(u, "years")) {
				year_range(py - c, lo, hi);
				return true;
			}
			if (!strcmp(u, "month") || !strcmp(u, "months")) {
				month_range(py, pm - c, lo, hi);
				return true;
			}
			long days = !strcmp(u, "week") || !strcmp(u, "weeks") ? 7L * c :
				    !strcmp(u, "day") || !strcmp(u, "days") ? c : -1;
			if (days >= 0) {
				*lo = pub_lo - days;
				*hi = pub_hi - days;
				return true;
			}
		}
	}
	return false;
}
