/* extract/phrase: the phrases around a quantity that say what it counts. */
#include "extract/phrase.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"
#include "extract/dates.h"

/* Determiners skipped before a noun phrase. */
static const char *const dets[] = {
	"the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "our", NULL,
};

/* Prepositions that attach a phrase to a noun: "troops in Belarus". */
static const char *const pp_preps[] = {
	"in", "of", "on", "from", "near", "inside", "along", "across", "within", NULL,
};

static size_t skip_det(const struct qscan *q, size_t j)
{
	while (j < q->nt && tok_in(q->s, &q->t[j], dets))
		j++;
	return j;
}

/* A noun phrase with the phrases attached to it ("Russian troops in
 * Belarus", "the involvement of Belarus in the war"), at most 10 tokens;
 * returns the end token (i when none). */
static size_t attach_pps(const struct qscan *q, size_t i, size_t e)
{
	while (e > i && e < q->nt && e - i < 10 && tok_in(q->s, &q->t[e], pp_preps)) {
		size_t a = skip_det(q, e + 1);
		size_t ne = qscan_noun_phrase(q, a);
		if (ne == a || ne - i > 10)
			break;
		e = ne;
	}
	return e;
}

static size_t noun_phrase_pp(const struct qscan *q, size_t i)
{
	return attach_pps(q, i, qscan_noun_phrase(q, i));
}

/* Copies tokens [a, b) into dst, dropping whole tokens from the end until
 * the text fits (never cuts a UTF-8 character). */
void phrase_copy_fit(char *dst, size_t sz, const struct qscan *q, size_t a, size_t b)
{
	while (b > a + 1 && q->t[b - 1].end - q->t[a].start >= sz)
		b--;
	qscan_copy(dst, sz, q, a, b, false);
}

/* What a share does, at token j: "opposing", "support", "gave", "said",
 * "who", "against", "in favour"... */
static const char *const pred_verbs[] = {
	"support", "supports", "supported", "oppose", "opposes", "opposed", "back", "backs",
	"backed", "favour", "favours", "favoured", "favor", "favors", "favored", "want",
	"wants", "wanted", "approve", "approves", "approved", "disapprove", "disapproves",
	"disapproved", "reject", "rejects", "rejected", "gave", "give", "gives", "said", "say",
	"says", "believe", "believes", "believed", "think", "thinks", "thought", "agree",
	"agrees", "agreed", "disagree", "disagrees", "disagreed", "feel", "feels", "felt",
	"prefer", "prefers", "preferred", "expect", "expects", "expected", "trust", "trusts",
	"trusted", "consider", "considers", "considered", "view", "views", "viewed",
	"answered", "replied", "responded", "voted", "vote", "votes", "chose", "choose",
	"would", "could", "will", "who", "against", NULL,
};

/* "-ing" words that are not participles. */
static const char *const not_participles[] = {
	"during", "including", "according", "regarding", "concerning", "following",
	"excluding", "notwithstanding", "nothing", "something", "anything", "everything",
	"morning", "evening", "spring", "string", "bring", "thing", "king", "ring", NULL,
};

/* Words that start a new clause and so end a predicate. */
static const char *const clause_ends[] = { "and", "but", "while", "whereas", NULL };

static bool pred_start(const struct qscan *q, size_t j)
{
	if (j >= q->nt || q->t[j].kind != TOK_WORD || q->t[j].upper)
		return false;
	const struct tok *t = &q->t[j];
	size_t l = t->end - t->start;
	if (tok_in(q->s, t, pred_verbs))
		return true;
	if (l > 4 && !strncmp(q->s + t->end - 3, "ing", 3) && !tok_in(q->s, t, not_participles))
		return true;
	if (qscan_word(q, j, "that") && j + 1 < q->nt && q->t[j + 1].kind == TOK_WORD &&
	    !q->t[j + 1].upper)
		return true;
	if (qscan_word(q, j, "in") && (qscan_word(q, j + 1, "favour") || qscan_word(q, j + 1, "favor")))
		return true;
	/* "are against", "were in favour", "are opposed" */
	if (qscan_word(q, j, "are") || qscan_word(q, j, "were") || qscan_word(q, j, "is") || qscan_word(q, j, "was"))
		return qscan_word(q, j + 1, "against") || qscan_word(q, j + 1, "opposed") ||
		       qscan_word(q, j + 1, "supportive") || qscan_word(q, j + 1, "for") ||
		       (qscan_word(q, j + 1, "in") && (qscan_word(q, j + 2, "favour") || qscan_word(q, j + 2, "favor")));
	return false;
}

/* Verbs that follow the subject of a new clause. */
static const char *const clause_verbs[] = {
	"would", "will", "could", "can", "may", "might", "should", "must", "is", "was", "are",
	"were", "has", "have", "had", NULL,
};

/* Does a new clause start at the determiner at token e: "the morale would"? */
static bool new_subject(const struct qscan *q, size_t e)
{
	size_t ne = qscan_noun_phrase(q, e + 1);
	return ne > e + 1 && ne < q->nt && tok_in(q->s, &q->t[ne], clause_verbs);
}

/* The end of the phrase from token j to the end of its clause: punctuation
 * (a hyphen inside a word and the full stop of "Feb." go on) or a word
 * starting a new clause; at most max words. */
static size_t clause_phrase(const struct qscan *q, size_t j, size_t max)
{
	size_t e = j, words = 0;
	while (e < q->nt && words < max) {
		const struct tok *t = &q->t[e];
		if (t->kind == TOK_PUNCT) {
			bool inner_hyphen = tok_punct(q->s, t, "-") && !t->space && e + 1 < q->nt &&
					    !q->t[e + 1].space;
			bool month_dot = tok_punct(q->s, t, ".") && !t->space && e > j &&
					 q->t[e - 1].upper &&
					 dates_month(q->s + q->t[e - 1].start,
						     q->t[e - 1].end - q->t[e - 1].start) &&
					 e + 1 < q->nt && q->t[e + 1].kind == TOK_NUM;
			if (!inner_hyphen && !month_dot)
				break;
		} else if (e > j && tok_in(q->s, t, clause_ends)) {
			break;
		} else if (e > j + 1 && tok_in(q->s, t, dets) && new_subject(q, e)) {
			break;     /* "... in the war the morale would be" */
		} else {
			words++;
		}
		e++;
	}
	return e;
}

/* The predicate of a share from token j ("opposing a direct military
 * involvement of Belarus in the war"); returns its end (j when none). */
size_t phrase_share_predicate(const struct qscan *q, size_t j)
{
	if (pred_start(q, j))
		return clause_phrase(q, j, 10);
	/* "of Norwegians in Bergen support ...": the attached phrase goes too */
	size_t e = attach_pps(q, j - (j > 0), j);
	return e > j && pred_start(q, e) ? clause_phrase(q, e, 10) : j;
}

/* Nouns of a stance and what they are about: "support for X". */
static const char *const stance_nouns[] = {
	"support", "opposition", "approval", "backing", "attitude", "attitudes", "views",
	"opinion", "sentiment", NULL,
};
static const char *const stance_preps[] = { "for", "to", "of", "on", "towards", "toward", NULL };

/* A share's lone stance ("41.3% approving") takes the object of the stance
 * noun before it in the clause: "support for Russian actions in Ukraine
 * is split, with 41.3% approving" -> "approving Russian actions in
 * Ukraine".  i is the share's number, [a, b) its predicate. */
void phrase_stance_object(const struct qscan *q, size_t i, size_t a, size_t b,
			  char *dst, size_t sz)
{
	for (size_t j = i; j-- > 0;) {
		if (!tok_in(q->s, &q->t[j], stance_nouns) || !tok_in(q->s, &q->t[j + 1], stance_preps))
			continue;
		size_t o = skip_det(q, j + 2), oe = noun_phrase_pp(q, o);
		if (oe == o || oe > i)
			return;
		bool of = qscan_word(q, b - 1, "favour") || qscan_word(q, b - 1, "favor");
		int l = snprintf(dst, sz, "%.*s %s%.*s", (int)(q->t[b - 1].end - q->t[a].start),
				 q->s + q->t[a].start, of ? "of " : "",
				 (int)(q->t[oe - 1].end - q->t[o].start),
				 q->s + q->t[o].start);
		if (l < 0 || (size_t)l >= sz)
			phrase_copy_fit(dst, sz, q, a, b);
		return;
	}
}

/* Estimates: "estimates the number of X at N", "puts X at N", "X is
 * estimated at N", "the number of X ... at N". */
static const char *const est_verbs[] = {
	"estimate", "estimates", "estimated", "estimating", "put", "puts", "putting", "place",
	"places", "placed", "placing", NULL,
};
static const char *const aux_verbs[] = {
	"is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "will", "would",
	"could", "may", "might", "now", "currently", "widely", "generally", "officially", NULL,
};
static const char *const be_words[] = { "is", "was", "are", "were", "be", "been", "being", NULL };
/* Words between "at" and the number: "at about 30,000", "at as many as". */
static const char *const at_skip[] = {
	"about", "around", "roughly", "approximately", "some", "nearly", "almost", "just",
	"over", "under", "more", "less", "fewer", "than", "up", "to", "as", "many", "much",
	"high", "least", "only", NULL,
};

/* Verbs that the end of a noun phrase may swallow before "at N". */
static const char *const standing[] = {
	"stands", "stood", "stand", "remains", "remained", "totals", "totalled", "totaled",
	"now", "currently", "rose", "rises", "fell", "falls", "grew", "grows", NULL,
};

/* The thing estimated from token k: determiners and "the number of" are
 * skipped; *a gets its first token; returns its end (k when none). */
static size_t estimated_thing(const struct qscan *q, size_t k, size_t *a)
{
	size_t j = skip_det(q, k);
	if ((qscan_word(q, j, "number") || qscan_word(q, j, "total")) && qscan_word(q, j + 1, "of"))
		j = skip_det(q, j + 2);
	*a = j;
	size_t e = noun_phrase_pp(q, j);
	while (e > j + 1 && tok_in(q->s, &q->t[e - 1], standing))
		e--;               /* "troops ... now stands at" */
	return e > j ? e : k;
}

static bool clause_punct(const struct qscan *q, size_t j)
{
	return q->t[j].kind == TOK_PUNCT && !(tok_punct(q->s, &q->t[j], "-") && !q->t[j].space);
}

/* For the number at token i: fills x's unit and counted from an estimate
 * construction; false when there is none. */
/* "the number of X" shortly before token p of the clause ("the number of
 * Russian troops in Belarus amounted to"): X as [*a, *end). */
static bool number_of_before(const struct qscan *q, size_t p, size_t *a, size_t *end)
{
	for (size_t j = p; j-- > 0 && p - j <= 16 && !clause_punct(q, j);)
		if (qscan_word(q, j, "number") && qscan_word(q, j + 1, "of")) {
			*end = estimated_thing(q, j, a);
			return *end > j && *end <= p && p - *end <= 4;
		}
	return false;
}

/* Token i less the qualifier words before it: "at [only about] 2,500". */
static size_t before_qualifiers(const struct qscan *q, size_t i)
{
	size_t p = i;
	while (p > 0 && i - p < 4 && tok_in(q->s, &q->t[p - 1], at_skip))
		p--;
	return p;
}

void phrase_number_of(const struct qscan *q, size_t i, char *dst, size_t sz)
{
	size_t a, end;
	if (number_of_before(q, before_qualifiers(q, i), &a, &end))
		phrase_copy_fit(dst, sz, q, a, end);
}

bool phrase_estimate(const struct qscan *q, size_t i, struct xquant *x)
{
	size_t p = before_qualifiers(q, i);
	size_t a = 0, end = 0;
	bool found = false;
	if (p == 0 || !qscan_word(q, p - 1, "at")) {
		/* "the number of X amounted to N" */
		found = number_of_before(q, p, &a, &end);
		p = 0;
	} else {
		p--;                  /* the "at" */
	}
	for (size_t j = p; j-- > 0 && p - j <= 16 && !clause_punct(q, j);) {
		if (tok_in(q->s, &q->t[j], est_verbs) && !q->t[j].upper) {
			size_t b = j;
			while (b > 0 && tok_in(q->s, &q->t[b - 1], aux_verbs))
				b--;
			bool be = false;
			for (size_t m = b; m < j; m++)
				be = be || tok_in(q->s, &q->t[m], be_words);
			if (be && !qscan_word(q, j, "estimates") && !qscan_word(q, j, "estimate")) {
				/* passive: the longest phrase ending right before the verb */
				for (size_t k = b; k-- > 0 && b - k <= 12 && !clause_punct(q, k);) {
					size_t a2, e2 = estimated_thing(q, k, &a2);
					if (e2 == b) {
						a = a2;
						end = e2;
						found = true;
					}
				}
			} else {
				end = estimated_thing(q, j + 1, &a);
				found = end > j + 1 && end <= p;
			}
			break;
		}
		if (qscan_word(q, j, "number") && qscan_word(q, j + 1, "of")) {
			end = estimated_thing(q, j, &a);
			found = end > j && end <= p;
			break;
		}
	}
	if (!found || end <= a)
		return false;
	size_t h = qscan_noun_phrase(q, a);
	if (h > end)
		h = end;
	const struct tok *head = &q->t[h - 1];
	if (head->upper && q->s[head->end - 1] == 's')
		strcpy(x->unit, "people");
	else if (qscan_people_word(q, head))
		strcpy(x->unit, "people");
	else if (head->upper || head->kind != TOK_WORD)
		return false;
	else
		qscan_copy(x->unit, sizeof x->unit, q, h - 1, h, true);
	phrase_copy_fit(x->counted, sizeof x->counted, q, a, end);
	if (!strcasecmp(x->counted, x->unit))
		x->counted[0] = '\0';   /* only the unit again */
	return true;
}

/* Units of time. */
static const char *const durations[] = {
	"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
	"weeks", "month", "months", "year", "years", "decade", "decades", "century",
	"centuries", NULL,
};
/* Words after a duration that say what it is: "20 days before X". */
static const char *const duration_links[] = {
	"before", "after", "since", "until", "till", "from", "of", NULL,
};


void phrase_duration(const struct qscan *q, size_t ne, char *dst, size_t sz)
{
	if (ne == 0 || ne >= q->nt || !tok_in(q->s, &q->t[ne - 1], durations) ||
	    !tok_in(q->s, &q->t[ne], duration_links))
		return;
	size_t pe = clause_phrase(q, ne, 8);
	if (pe > ne + 1)
		phrase_copy_fit(dst, sz, q, ne, pe);
}

/* Prepositions that attach a phrase to a place: "the border with Ukraine". */
static const char *const place_preps[] = { "with", "of", "between", NULL };

size_t phrase_place_end(const struct qscan *q, size_t a, size_t ne)
{
	size_t e = ne;
	while (e < q->nt && e - a < 10 && tok_in(q->s, &q->t[e], place_preps)) {
		size_t b = skip_det(q, e + 1), be = qscan_noun_phrase(q, b);
		/* a possessive: "Ukraine’s Chernihiv region" */
		while (be > b && be + 2 < q->nt && q->t[be - 1].upper &&
		       (qscan_punct(q, be, "\xe2\x80\x99") || qscan_punct(q, be, "'")) &&
		       !q->t[be].space && qscan_word(q, be + 1, "s") && !q->t[be + 1].space) {
			size_t ne2 = qscan_noun_phrase(q, be + 2);
			if (ne2 == be + 2)
				break;
			be = ne2;
		}
		/* "between Belarus and Ukraine" */
		if (be > b && qscan_word(q, e, "between") && qscan_word(q, be, "and")) {
			size_t ne2 = qscan_noun_phrase(q, be + 1);
			be = ne2 > be + 1 ? ne2 : b;
		}
		if (be == b || be - a > 10)
			break;
		e = be;
	}
	return e;
}

static const char *const fates[] = { "killed", "dead", "died", "injured", "wounded",
	"missing", "displaced", "evacuated", "hurt", "homeless" };

bool phrase_fate_before(const struct qscan *q, size_t i, const char *unit, char *out, size_t sz)
{
	static const char *const quals[] = { "least", "at", "more", "than", "some", "about",
		"nearly", "almost", "over", "an", "estimated", "roughly", "around" };
	size_t p = i;
	for (int n = 0; p > 0 && n < 3; n++) {
		size_t a = 0;
		while (a < ARRAY_SIZE(quals) && !qscan_word(q, p - 1, quals[a]))
			a++;
		if (a == ARRAY_SIZE(quals))
			break;
		p--;
	}
	if (p == 0)
		return false;
	for (size_t f = 0; f < ARRAY_SIZE(fates); f++)
		if (qscan_word(q, p - 1, fates[f]) && strcmp(fates[f], "dead") && strcmp(fates[f], "missing")) {
			snprintf(out, sz, "%s %s", unit, fates[f]);
			return true;
		}
	return false;
}

bool phrase_fate(const struct qscan *q, size_t k, const char *unit, char *out, size_t sz)
{
	static const char *const aux[] = { "were", "are", "was", "is", "have", "has", "had",
		"been", "reported", "confirmed", "now", "still", "known", "believed", "feared",
		"presumed", "thought" };
	for (int skip = 0; skip <= 3 && k < q->nt; skip++, k++) {
		for (size_t f = 0; f < ARRAY_SIZE(fates); f++)
			if (qscan_word(q, k, fates[f])) {
				snprintf(out, sz, "%s %s", unit, fates[f]);
				return true;
			}
		size_t a = 0;
		while (a < ARRAY_SIZE(aux) && !qscan_word(q, k, aux[a]))
			a++;
		if (a == ARRAY_SIZE(aux))
			return false;
	}
	return false;
}
