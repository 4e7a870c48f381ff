/* extract/qforms: ages, hyphenated units, capitalised modifiers, tolls and
 * money scales around a number. */
#include "extract/qforms.h"

#include "extract/phrase.h"

#include <stdio.h>
#include <string.h>

/* Words that tell of a death before an age: "died at the age of 56". */
static const char *const death_words[] = { "died", "dies", "death", "killed", NULL };
static const char *const pronouns[] = { "he", "she", "they", NULL };

static void age_counted(const struct qscan *q, size_t i, struct xquant *x)
{
	bool death = false;
	for (size_t j = 0; j < i && !death; j++)
		death = tok_in(q->s, &q->t[j], death_words);
	snprintf(x->counted, sizeof x->counted, "%s", death ? "age at death" : "age");
}

bool qform_age(const struct qscan *q, size_t i, size_t e, struct xquant *x, size_t *ue)
{
	/* "a 33-year-old nurse" */
	if (qscan_punct(q, e, "-") && qscan_word(q, e + 1, "year") && qscan_punct(q, e + 2, "-") &&
	    qscan_word(q, e + 3, "old") && !q->t[e].space && !q->t[e + 1].space) {
		strcpy(x->unit, QFORM_AGE_UNIT);
		*ue = e + 4;
		size_t ne = qscan_noun_phrase(q, e + 4);
		if (ne > e + 4) {
			char np[80];
			qscan_copy(np, sizeof np, q, e + 4, ne, false);
			snprintf(x->counted, sizeof x->counted, "age of %s", np);
		} else {
			age_counted(q, i, x);
		}
		return true;
	}
	bool at_age = i >= 2 && qscan_word(q, i - 2, "age") && qscan_word(q, i - 1, "of");
	bool aged = i >= 1 && qscan_word(q, i - 1, "aged");
	/* "when she was 49", the number ending the phrase */
	bool was = i >= 3 && qscan_word(q, i - 3, "when") && tok_in(q->s, &q->t[i - 2], pronouns) &&
		   qscan_word(q, i - 1, "was") && (e >= q->nt || q->t[e].kind == TOK_PUNCT);
	if (!at_age && !aged && !was)
		return false;
	strcpy(x->unit, QFORM_AGE_UNIT);
	age_counted(q, i, x);
	*ue = e;
	if (qscan_word(q, e, "years") && qscan_word(q, e + 1, "old"))
		*ue = e + 2;
	return true;
}

/* Units joined by a hyphen, singular, and the unit they give. */
static const struct { const char *word, *unit; } hyphen_units[] = {
	{ "second", "seconds" }, { "minute", "minutes" }, { "hour", "hours" }, { "day", "days" },
	{ "week", "weeks" }, { "month", "months" }, { "year", "years" }, { "decade", "decades" },
	{ "mile", "mi" }, { "km", "km" }, { "kilometre", "km" }, { "kilometer", "km" },
};

bool qform_hyphen_unit(const struct qscan *q, size_t e, struct xquant *x, size_t *ue)
{
	if (!qscan_punct(q, e, "-") || q->t[e].space || e + 1 >= q->nt || q->t[e + 1].space)
		return false;
	for (size_t k = 0; k < sizeof hyphen_units / sizeof hyphen_units[0]; k++) {
		if (!qscan_word(q, e + 1, hyphen_units[k].word))
			continue;
		strcpy(x->unit, hyphen_units[k].unit);
		*ue = e + 2;
		size_t ne = qscan_noun_phrase(q, e + 2);
		if (ne > e + 2)
			qscan_copy(x->counted, sizeof x->counted, q, e + 2, ne, false);
		return true;
	}
	return false;
}

/* Plurals that do not end in -s. */
static const char *const plurals[] = {
	"people", "children", "aircraft", "personnel", "staff", "police", "cattle", "livestock",
	"troops", "crew", "sheep", "fish", NULL,
};

bool qform_plural(const struct qscan *q, const struct tok *t)
{
	size_t l = t->end - t->start;
	const char *w = q->s + t->start;
	if (t->kind != TOK_WORD || l < 3)
		return false;
	if (tok_in(q->s, t, plurals) || !strncmp(w + l - 3, "men", 3))
		return true;
	return w[l - 1] == 's' && w[l - 2] != 's' && w[l - 2] != 'u' && w[l - 2] != 'i';
}

/* Token j is part of a run of names and abbreviations: a capitalised
 * word, a dot or hyphen inside it ("U.S.", "Self-Defense", "C-130"), a
 * number after such a hyphen, "and" or "&" between two capitalised words. */
static bool name_part(const struct qscan *q, size_t e, size_t j)
{
	const struct tok *t = &q->t[j];
	if (t->kind == TOK_WORD && t->upper)
		return true;
	if (j == e)
		return false;
	if ((qscan_punct(q, j, ".") || qscan_punct(q, j, "-")) && !t->space)
		return qscan_punct(q, j, ".") || (j + 1 < q->nt && !q->t[j + 1].space);
	if (t->kind == TOK_NUM && !t->space && qscan_punct(q, j - 1, "-"))
		return true;
	return (qscan_word(q, j, "and") || qscan_punct(q, j, "&")) && j + 1 < q->nt &&
	       q->t[j + 1].kind == TOK_WORD && q->t[j + 1].upper;
}

size_t qform_modified_noun(const struct qscan *q, size_t e)
{
	size_t j = e;
	while (j < q->nt && j - e < 14 && name_part(q, e, j))
		j++;
	if (j == e || j >= q->nt || q->t[j].kind != TOK_WORD || q->t[j].upper)
		return e;
	/* a nationality in the plural is the noun itself: "5,000 Estonians fled" */
	const struct tok *last = &q->t[j - 1];
	if (last->kind == TOK_WORD && last->upper && q->s[last->end - 1] == 's' && j == e + 1)
		return e;
	size_t ne = qscan_noun_phrase(q, j);
	if (ne == j || !qform_plural(q, &q->t[ne - 1]))
		return e;
	return ne;
}

/* Words that may stand between a toll and the "to" that brings it to N. */
static bool clause_break(const struct qscan *q, size_t j)
{
	return q->t[j].kind == TOK_PUNCT && !qscan_punct(q, j, "'") &&
	       !qscan_punct(q, j, "\xe2\x80\x99") && !qscan_punct(q, j, "-");
}

/* Verbs that bring a toll or total to its figure, dropped from its phrase. */
static const char *const toll_verbs[] = {
	"now", "stands", "stood", "is", "was", "has", "had", "been", "rose", "risen", "reached",
	"climbed", "grew", NULL,
};

/* How far back a toll or total may stand from the "to" or "at" before its
 * figure: "the total dead and missing for all eleven countries damaged by
 * the tsunami now stands at 282,517" is sixteen tokens; a number with a
 * noun of its own is nearer its toll, or it is of that noun. */
#define QFORM_TOLL_SPAN 24
#define QFORM_TOLL_NEAR 14

bool qform_toll(const struct qscan *q, size_t i, bool own_noun, struct xquant *x)
{
	size_t p = i;
	while (p > 0 && i - p < 3 && (qscan_word(q, p - 1, "about") || qscan_word(q, p - 1, "nearly") ||
				      qscan_word(q, p - 1, "almost") || qscan_word(q, p - 1, "over")))
		p--;
	if (p == 0 || !(qscan_word(q, p - 1, "to") || qscan_word(q, p - 1, "at")))
		return false;
	/* within one clause, up to QFORM_TOLL_SPAN tokens back */
	size_t span = own_noun ? QFORM_TOLL_NEAR : QFORM_TOLL_SPAN;
	for (size_t j = p - 1; j-- > 0 && p - j <= span && !clause_break(q, j);) {
		bool total = qscan_word(q, j, "total") && qscan_word(q, j - 1, "the");
		if (!qscan_word(q, j, "toll") && !total)
			continue;
		bool death = j > 0 && qscan_word(q, j - 1, "death");
		strcpy(x->unit, death ? "dead" : total ? "total" : "toll");
		size_t a = death ? j - 1 : j, b = p - 1;
		while (b > j + 1 && tok_in(q->s, &q->t[b - 1], toll_verbs))
			b--;
		phrase_copy_fit(x->counted, sizeof x->counted, q, a, b);
		for (char *c = x->counted; *c; c++)
			*c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
		return true;
	}
	return false;
}

static const char *const quakes[] = { "quake", "earthquake", "temblor", "tremor", NULL };

bool qform_magnitude(const struct qscan *q, size_t i, size_t e, double value,
		     struct xquant *x, size_t *ue)
{
	if (value <= 0 || value >= 10)
		return false;
	size_t n = e;   /* the quake's noun */
	if (qscan_punct(q, e, "-") && !q->t[e].space && qscan_word(q, e + 1, "magnitude"))
		n = e + 2;
	else if (qscan_word(q, e, "magnitude"))
		n = e + 1;
	else if (qscan_word(q, e, "on") && qscan_word(q, e + 1, "the") && qscan_word(q, e + 2, "Richter"))
		n = e + 3 + qscan_word(q, e + 3, "scale");
	else if (!(i > 0 && qscan_word(q, i - 1, "magnitude")) &&
		 !(e < q->nt && tok_in(q->s, &q->t[e], quakes) && q->t[i].kind == TOK_NUM &&
		   i > 0 && (qscan_word(q, i - 1, "the") || qscan_word(q, i - 1, "a"))))
		return false;
	strcpy(x->unit, "magnitude");
	*ue = n;
	if (n < q->nt && tok_in(q->s, &q->t[n], quakes)) {
		qscan_copy(x->counted, sizeof x->counted, q, n, n + 1, true);
		*ue = n + 1;
	}
	return true;
}

double qform_scale(const struct qscan *q, size_t e)
{
	static const struct { const char *w; double f; } sc[] = {
		{ "thousand", 1e3 }, { "million", 1e6 }, { "billion", 1e9 }, { "trillion", 1e12 },
		{ "bn", 1e9 }, { "mn", 1e6 },
	};
	for (size_t k = 0; k < sizeof sc / sizeof sc[0]; k++)
		if (qscan_word(q, e, sc[k].w))
			return sc[k].f;
	return 0;
}

const char *qform_currency_word(const struct qscan *q, size_t e)
{
	if (qscan_word(q, e, "dollars") || qscan_word(q, e, "dollar"))
		return "USD";
	if (qscan_word(q, e, "euros") || qscan_word(q, e, "euro"))
		return "EUR";
	/* "5 million pounds"; "55,000 pounds" and "3.5 million pounds of
	 * supplies" are weights, "pounds sterling" is money */
	if (qscan_word(q, e, "pounds") &&
	    (qscan_word(q, e + 1, "sterling") ||
	     (qscan_word(q, e - 1, "million") && !qscan_word(q, e + 1, "of"))))
		return "GBP";
	return NULL;
}
