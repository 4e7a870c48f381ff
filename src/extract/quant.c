/* extract/quant: quantities (value, unit, counted, qualifier, bounds). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/tok.h"
#include "extract/dates.h"
#include "extract/extract.h"
#include "extract/numparse.h"
#include "extract/phrase.h"
#include "extract/qforms.h"
#include "extract/qscan.h"

/* Verbs after which "about" is a preposition: "spoken about 30,000". */
static const char *const about_verbs[] = {
	"spoken", "spoke", "speaks", "speak", "speaking", "talked", "talks", "talk",
	"talking", "said", "says", "know", "known", "knew", "heard", "hear", "reported",
	"wrote", "writes", "asked", "ask", "thinking", "think", "worried", "concerned",
	"care", "cares", "learned", "read", "told", "tell", "tells", "warned", "warns",
	"boasted", "bragged", "complained", "joked", "lied", NULL,
};

/* The qualifier in the tokens before i; sets *almost for almost/nearly. */
static const char *qualifier_before(const struct qscan *q, size_t i, bool *almost)
{
	*almost = false;
	if (i >= 2 && qscan_word(q, i - 1, "about") && tok_in(q->s, &q->t[i - 2], about_verbs))
		return "exact";
	if (i >= 1 && (qscan_word(q, i - 1, "about") || qscan_word(q, i - 1, "around") ||
		       qscan_word(q, i - 1, "roughly") || qscan_word(q, i - 1, "approximately") ||
		       qscan_word(q, i - 1, "some") || qscan_word(q, i - 1, "estimated") ||
		       qscan_word(q, i - 1, "circa") || qscan_word(q, i - 1, "approx")))
		return "about";
	if (i >= 1 && (qscan_word(q, i - 1, "almost") || qscan_word(q, i - 1, "nearly"))) {
		*almost = true;
		return "about";
	}
	if (i >= 2 && qscan_word(q, i - 2, "at") && qscan_word(q, i - 1, "least"))
		return "at least";
	if (i >= 2 && qscan_word(q, i - 2, "at") && qscan_word(q, i - 1, "most"))
		return "at most";
	if (i >= 2 && qscan_word(q, i - 2, "up") && qscan_word(q, i - 1, "to"))
		return "up to";
	if (i >= 2 && qscan_word(q, i - 2, "no") && (qscan_word(q, i - 1, "fewer") || qscan_word(q, i - 1, "less")) &&
	    qscan_word(q, i, "than"))
		return "at least";
	if (i >= 2 && qscan_word(q, i - 1, "than")) {
		if (qscan_word(q, i - 2, "more") || qscan_word(q, i - 2, "greater")) {
			if (i >= 3 && qscan_word(q, i - 3, "no"))
				return "at most";
			return "more than";
		}
		if (qscan_word(q, i - 2, "less") || qscan_word(q, i - 2, "fewer"))
			return i >= 3 && qscan_word(q, i - 3, "no") ? "at least" : "less than";
	}
	if (i >= 1 && (qscan_word(q, i - 1, "over") || qscan_word(q, i - 1, "above") || qscan_word(q, i - 1, "exceeding")))
		return "more than";
	if (i >= 1 && (qscan_word(q, i - 1, "under") || qscan_word(q, i - 1, "below")))
		return "less than";
	return "exact";
}

static void set_bounds(struct xquant *x, const struct num *nm, bool almost)
{
	const char *ql = x->qualifier;
	x->has_low = x->has_high = true;
	x->low = x->high = x->value;
	if (!strcmp(ql, "about")) {
		num_about(nm, &x->low, &x->high);
		if (almost)
			x->high = x->value;
	} else if (!strcmp(ql, "at least") || !strcmp(ql, "more than")) {
		x->has_high = false;
		x->high = 0;
	} else if (!strcmp(ql, "less than") || !strcmp(ql, "up to") || !strcmp(ql, "at most")) {
		x->has_low = false;
		x->low = 0;
	}
}

/* Is the number at token i a year, a clock time, an ordinal or part of a
 * name (S-400, Su-35S)? */
static bool not_quantity(const struct qscan *q, size_t i, size_t e, const struct num *nm,
			 bool range_end)
{
	const struct tok *t = &q->t[i];
	if (t->kind != TOK_NUM)
		return false;
	if (i > 0 && !t->space && !range_end && (q->t[i - 1].kind == TOK_WORD || qscan_punct(q, i - 1, "-") ||
				   qscan_punct(q, i - 1, "/") || qscan_punct(q, i - 1, ":")))
		return true;
	/* a day of the month: "Feb. 10", "March 4" */
	if (i > 0 && !range_end) {
		size_t m = qscan_punct(q, i - 1, ".") && i > 1 ? i - 2 : i - 1;
		if (q->t[m].kind == TOK_WORD && q->t[m].upper && nm->value >= 1 && nm->value <= 31 &&
		    dates_month(q->s + q->t[m].start, q->t[m].end - q->t[m].start))
			return true;
	}
	if (e < q->nt && !q->t[e].space &&
	    (qscan_punct(q, e, ":") || qscan_word(q, e, "am") || qscan_word(q, e, "pm") || qscan_word(q, e, "th") ||
	     qscan_word(q, e, "st") || qscan_word(q, e, "nd") || qscan_word(q, e, "rd") ||
	     (q->t[e].kind == TOK_WORD && q->s[q->t[e].start] != 'k' && q->s[q->t[e].start] != 'm')))
		return true;
	if (e + 1 < q->nt && qscan_punct(q, e, ".") && !q->t[e].space) /* 10.10am */
		return true;
	if (e < q->nt && (qscan_word(q, e, "am") || qscan_word(q, e, "pm") || qscan_word(q, e, "GMT") ||
			  qscan_word(q, e, "BST") || qscan_word(q, e, "CET") || qscan_word(q, e, "UTC")))
		return true;
	if (!nm->separators && nm->step >= 1 && nm->value >= 1800 && nm->value <= 2100 &&
	    t->end - t->start == 4 && !qscan_punct(q, e, "%") && !qscan_word(q, e, "percent"))
		return true;   /* a year */
	return false;
}

/* Words that start a written-out number. */
static const char *const number_words[] = {
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
	"nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
	"ninety", "a", "one", NULL,
};

/* Nouns that say a bare number is a figure of the sentence's measure. */
static const char *const figure_words[] = {
	"figure", "estimate", "number", "count", "total", "tally", NULL,
};

/* Singular units that "one" may count: "one week after". */
static const char *const one_units[] = {
	"second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
	"mile", "kilometre", "kilometer", NULL,
};

/* Scale words that become the unit: "9,5 million inhabitants". */
static const char *const scales[] = { "thousand", "million", "billion", "trillion", NULL };
static const char *const measures[] = { "pounds", "lbs", "tons", "tonnes", "kilograms", "kg",
	"kilometres", "kilometers", "km", "miles", "gallons", "litres", "liters", "quarts",
	"barrels", "hectares", "acres", NULL };

size_t extract_quantities(const char *s, size_t n, struct xquant *out, size_t max)
{
	struct tok *t;
	if (!s || !n || !max)
		return 0;
	size_t nt = tok_split(s, n, &t);
	size_t k = extract_quantities_tok(s, n, t, nt, out, max);
	free(t);
	return k;
}

size_t extract_quantities_tok(const char *s, size_t n, const struct tok *tk, size_t ntk,
			      struct xquant *out, size_t max)
{
	struct qscan q;
	size_t k = 0;
	size_t chain = SIZE_MAX, chain_next = 0;   /* bare numbers waiting for a unit */

	q.s = s;
	q.t = tk;
	q.nt = ntk;
	for (size_t i = 0; i < q.nt && k < max; i++) {
		const struct tok *t = &q.t[i];
		struct num nm, nm2;
		struct xquant x;
		size_t used, e;
		bool almost = false;

		memset(&x, 0, sizeof x);
		/* hundreds of thousands of X, tens of thousands of X, thousands of X, dozens of X */
		bool tens = tok_is(s, t, "tens") && qscan_word(&q, i + 1, "of") &&
			    (qscan_word(&q, i + 2, "thousands") || qscan_word(&q, i + 2, "millions"));
		if (t->kind == TOK_WORD && (tok_is(s, t, "hundreds") || tok_is(s, t, "thousands") ||
					    tok_is(s, t, "dozens") || tok_is(s, t, "millions") || tens) &&
		    qscan_word(&q, i + 1, "of")) {
			double v = tok_is(s, t, "hundreds") ? 200 : tok_is(s, t, "thousands") ? 2000 :
				   tok_is(s, t, "dozens") ? 24 : 2e6;
			e = i + 2;
			if ((tok_is(s, t, "hundreds") || tens) &&
			    (qscan_word(&q, e, "thousands") || qscan_word(&q, e, "millions")) &&
			    qscan_word(&q, e + 1, "of")) {
				v = (tens ? 20 : 200) * (qscan_word(&q, e, "thousands") ? 1e3 : 1e6);
				e += 2;
			}
			size_t ne = qscan_noun_phrase(&q, e);
			if (ne == e)
				continue;
			x.value = v;
			x.qualifier = "at least";
			x.has_low = true;
			x.low = v;
			qscan_copy(x.counted, sizeof x.counted, &q, e, ne, false);
			qscan_copy(x.unit, sizeof x.unit, &q, ne - 1, ne, true);
			if (q.t[ne - 1].upper || qscan_people_word(&q, &q.t[ne - 1]))
				strcpy(x.unit, "people");
			out[k++] = x;
			i = ne - 1;
			continue;
		}
		if (t->kind != TOK_NUM && !(t->kind == TOK_WORD && tok_in(s, t, number_words)))
			continue;
		used = num_parse(s + t->start, n - t->start, &nm);
		if (!used)
			continue;
		e = i;
		while (e < q.nt && q.t[e].end <= t->start + used)
			e++;
		if (e == i)
			continue;
		if (not_quantity(&q, i, e, &nm, false)) {
			i = e - 1;
			continue;
		}
		x.value = nm.value;
		x.qualifier = qualifier_before(&q, i, &almost);
		if (i > 0 && (qscan_punct(&q, i - 1, "$") || qscan_punct(&q, i - 1, "\xe2\x82\xac") ||
			      qscan_punct(&q, i - 1, "\xc2\xa3"))) {
			strcpy(x.unit, qscan_punct(&q, i - 1, "$") ? "USD" : qscan_punct(&q, i - 1, "\xc2\xa3") ? "GBP" : "EUR");
			/* money keeps its scale: "$350 million" */
			double f = qform_scale(&q, e);
			if (f > 0) {
				x.value = nm.value *= f;
				nm.step *= f;
				e++;
			}
		}
		size_t ue = e;
		if (!x.unit[0] && (qform_age(&q, i, e, &x, &ue) ||
				   qform_magnitude(&q, i, e, nm.value, &x, &ue))) {
			set_bounds(&x, &nm, almost);
			out[k++] = x;
			i = ue - 1;
			continue;
		}
		/* ranges: 40-50, 40 to 50, three or four, between 3 and 4 */
		size_t r = e;
		bool range = false;
		if (r + 1 < q.nt && (qscan_punct(&q, r, "-") || qscan_punct(&q, r, "\xe2\x80\x93") || qscan_word(&q, r, "to") ||
				     qscan_word(&q, r, "or") || (qscan_word(&q, r, "and") && i > 0 && qscan_word(&q, i - 1, "between")))) {
			size_t u2 = num_parse(s + q.t[r + 1].start, n - q.t[r + 1].start, &nm2);
			if (u2 && nm2.value > nm.value && nm2.written == nm.written) {
				size_t e2 = r + 1;
				while (e2 < q.nt && q.t[e2].end <= q.t[r + 1].start + u2)
					e2++;
				if (!not_quantity(&q, r + 1, e2, &nm2, true)) {
					range = true;
					x.qualifier = "range";
					x.low = nm.value;
					x.high = nm2.value;
					x.value = (nm.value + nm2.value) / 2;
					e = e2;
				}
			}
		}
		/* the unit */
		ue = e;
		if (x.unit[0]) {
			/* currency: done */
		} else if (qscan_punct(&q, e, "%") || qscan_word(&q, e, "percent") ||
			   (qscan_word(&q, e, "per") && qscan_word(&q, e + 1, "cent"))) {
			strcpy(x.unit, "percent");
			ue = e + (qscan_word(&q, e, "per") ? 2 : 1);
			if (qscan_word(&q, ue, "of")) {
				size_t ne = qscan_noun_phrase(&q, ue + 1);
				if (qscan_word(&q, ue + 1, "the") || qscan_word(&q, ue + 1, "all"))
					ne = qscan_noun_phrase(&q, ue + 2);
				/* what they do: "of Belarusians opposing ..." */
				if (ne > ue + 1)
					ne = phrase_share_predicate(&q, ne);
				if (ne > ue + 1)
					phrase_copy_fit(x.counted, sizeof x.counted, &q, ue + 1, ne);
			} else {
				size_t ne = phrase_share_predicate(&q, ue);
				if (ne > ue && ne - ue <= 2)
					phrase_stance_object(&q, i, ue, ne, x.counted, sizeof x.counted);
				if (ne == ue)
					ne = qscan_noun_phrase(&q, ue);
				if (ne > ue && !x.counted[0])
					phrase_copy_fit(x.counted, sizeof x.counted, &q, ue, ne);
			}
		} else if (qscan_word(&q, e, "km") || qscan_word(&q, e, "kilometres") || qscan_word(&q, e, "kilometers") ||
			   qscan_word(&q, e, "kilometre") || qscan_word(&q, e, "kilometer")) {
			strcpy(x.unit, "km");
			ue = e + 1;
		} else if (qscan_word(&q, e, "miles") || qscan_word(&q, e, "mile")) {
			strcpy(x.unit, "mi");
			ue = e + 1;
		} else if (e < q.nt && tok_in(s, &q.t[e], scales) && qform_currency_word(&q, e + 1)) {
			/* "40 million dollars" */
			strcpy(x.unit, qform_currency_word(&q, e + 1));
			x.value = nm.value *= qform_scale(&q, e);
			nm.step *= qform_scale(&q, e);
			ue = e + 2;
		} else if (e + 1 < q.nt && tok_in(s, &q.t[e], scales) && tok_in(s, &q.t[e + 1], measures)) {
			/* "3.5 million pounds of supplies", "2 million gallons" */
			qscan_copy(x.unit, sizeof x.unit, &q, e + 1, e + 2, true);
			x.value = nm.value *= qform_scale(&q, e);
			nm.step *= qform_scale(&q, e);
			ue = e + 2;
			if (qscan_word(&q, ue, "of")) {
				size_t ne = qscan_noun_phrase(&q, ue + 1);
				if (ne > ue + 1) {
					qscan_copy(x.counted, sizeof x.counted, &q, ue + 1, ne, false);
					ue = ne;
				}
			}
		} else if (e < q.nt && tok_in(s, &q.t[e], scales)) {
			qscan_copy(x.unit, sizeof x.unit, &q, e, e + 1, true);
			ue = e + 1;
			size_t ne = qscan_noun_phrase(&q, ue);
			if (ne > ue) {
				qscan_copy(x.counted, sizeof x.counted, &q, ue, ne, false);
				ue = ne;
			}
		} else if (qscan_word(&q, e, "times")) {
			strcpy(x.unit, "times");
			ue = e + 1;
			size_t a = ue;
			if (qscan_word(&q, a, "the") || qscan_word(&q, a, "as"))
				a++;
			size_t ne = qscan_noun_phrase(&q, a);
			if (ne > a)
				qscan_copy(x.counted, sizeof x.counted, &q, ue, ne, false);
		} else if (qscan_punct(&q, e, "-") && qscan_word(&q, e + 1, "strong")) {
			strcpy(x.unit, "soldiers");
			ue = e + 2;
			size_t ne = qscan_noun_phrase(&q, ue);
			if (ne > ue)
				qscan_copy(x.counted, sizeof x.counted, &q, ue, ne, false);
		} else if (qform_hyphen_unit(&q, e, &x, &ue)) {
			/* "a 7-hour mission" */
		} else if (!nm.written && qform_toll(&q, i, qscan_noun_phrase(&q, e) > e, &x)) {
			/* "raised the death toll to 73,276" */
		} else if (e < q.nt && q.t[e].kind == TOK_WORD && q.t[e].upper &&
			   qform_modified_noun(&q, e) > e) {
			/* "24 Army and Navy helicopters", "875 U.S. servicemembers" */
			size_t ne = qform_modified_noun(&q, e);
			qscan_copy(x.unit, sizeof x.unit, &q, ne - 1, ne, true);
			phrase_copy_fit(x.counted, sizeof x.counted, &q, e, ne);
			ue = ne;
		} else {
			size_t ne = qscan_noun_phrase(&q, e);
			if (ne == e && qscan_word(&q, e, "lives"))
				ne = e + 1;   /* a noun after a number: "took 150,000 lives" */
			if (ne == e && !nm.written && phrase_estimate(&q, i, &x)) {
				set_bounds(&x, &nm, almost);
				out[k++] = x;
				i = e - 1;
				continue;
			}
			if (ne == e && !nm.written && k < max && phrase_fate(&q, e, "people", x.counted, sizeof x.counted)) {
				/* "127,700 are missing", "426,800 were displaced" */
				strcpy(x.unit, "people");
				set_bounds(&x, &nm, almost);
				out[k++] = x;
				i = e - 1;
				continue;
			}
			if (ne == e) {
				/* a bare number ("2,000 is closer"): unit "" for the caller
				 * to drop, unless a number joined to it gives one ("19,000
				 * and 400 dead": below) */
				if (nm.written || k >= max)
					continue;
				x.unit[0] = '\0';
				bool joined = (qscan_word(&q, e, "and") || qscan_word(&q, e, "or") ||
					       qscan_punct(&q, e, ",")) && e + 1 < q.nt &&
					      q.t[e + 1].kind == TOK_NUM;
				if (joined && chain == SIZE_MAX)
					chain = k;
				if (joined)
					chain_next = e + 1;
				else
					chain = SIZE_MAX;
				/* "10,000 is a more realistic figure" */
				if ((qscan_word(&q, e, "is") || qscan_word(&q, e, "was")) && e + 1 < q.nt)
					for (size_t f = e + 1; f < q.nt && f < e + 6 && q.t[f].kind == TOK_WORD; f++)
						if (tok_in(s, &q.t[f], figure_words))
							x.figure = true;
				set_bounds(&x, &nm, almost);
				out[k++] = x;
				i = e - 1;
				continue;
			}
			const struct tok *head = &q.t[ne - 1];
			size_t hl = head->end - head->start;
			/* written numbers need a plural count noun: "ten days", not "one
			 * of"; "one" a unit of time or distance: "one week after" */
			if (nm.written && nm.value == 1 && (ne != e + 1 || !tok_in(s, head, one_units)))
				continue;
			if (nm.written && nm.value != 1 && (nm.value < 2 || !qform_plural(&q, head) || head->upper))
				continue;
			if (hl < 2)
				continue;
			qscan_copy(x.unit, sizeof x.unit, &q, ne - 1, ne, true);
			qscan_copy(x.counted, sizeof x.counted, &q, e, ne, false);
			if (head->upper && s[head->end - 1] == 's')
				strcpy(x.unit, "people");   /* Belarusians, Ukrainians */
			else if (qscan_people_word(&q, head) && strcmp(x.unit, "inhabitants"))
				strcpy(x.unit, "people");
			else if (head->upper)
				continue;                   /* "2022 Allied Resolve": a name */
			ue = ne;
			/* "days" says nothing the unit does not: describe it or leave it empty */
			if (!strcasecmp(x.counted, x.unit))
				x.counted[0] = '\0';
			if (!x.counted[0] && !strcmp(x.unit, "people") &&
			    !phrase_fate(&q, ne, x.unit, x.counted, sizeof x.counted))
				phrase_fate_before(&q, i, x.unit, x.counted, sizeof x.counted);
			if (!x.counted[0])
				phrase_duration(&q, ne, x.counted, sizeof x.counted);
			if (!x.counted[0])
				phrase_number_of(&q, i, x.counted, sizeof x.counted);
		}
		if (!range) {
			set_bounds(&x, &nm, almost);
		} else {
			x.has_low = x.has_high = true;
		}
		/* a unit raised to the square (a superscript two) is an area: "26 km2" */
		if (ue > e && ue < q.nt && !q.t[ue].space && q.t[ue].end - q.t[ue].start == 2 &&
		    !memcmp(q.s + q.t[ue].start, "\xc2\xb2", 2) && strlen(x.unit) + 3 <= sizeof x.unit &&
		    q.t[ue - 1].end - q.t[ue - 1].start == strlen(x.unit) &&
		    !strncasecmp(q.s + q.t[ue - 1].start, x.unit, strlen(x.unit))) {
			strcat(x.unit, "\xc2\xb2");
			ue++;
		}
		/* distance: "145 miles from Kyiv" */
		if ((!strcmp(x.unit, "km") || !strcmp(x.unit, "mi")) && !x.counted[0] &&
		    (qscan_word(&q, ue, "from") || qscan_word(&q, ue, "of"))) {
			size_t a = ue + 1;
			if (qscan_word(&q, a, "the"))
				a++;
			size_t ne = qscan_noun_phrase(&q, a);
			if (ne > a)
				phrase_copy_fit(x.counted, sizeof x.counted, &q, ue,
						phrase_place_end(&q, a, ne));
		}
		/* the bare numbers joined to this one share its unit: "19,000 and 400 dead" */
		for (size_t b = chain; chain != SIZE_MAX && i == chain_next && b < k; b++) {
			memcpy(out[b].unit, x.unit, sizeof x.unit);
			memcpy(out[b].counted, x.counted, sizeof x.counted);
		}
		chain = SIZE_MAX;
		out[k++] = x;
		i = (ue > e ? ue : e) - 1;
	}
	return k;
}
