/* extract/qscan: the token view of one clause, and the word tests the
 * quantity and phrase readers share. */
#include "extract/qscan.h"

#include <string.h>

#include "base/text.h"

/* Words that end the noun phrase after a number. */
static const char *const np_stop[] = {
	"of", "in", "to", "from", "on", "at", "for", "by", "with", "as", "into", "than",
	"have", "has", "had", "is", "are", "was", "were", "be", "been", "will", "would",
	"can", "could", "may", "might", "should", "must", "and", "or", "but", "that",
	"which", "who", "whom", "said", "say", "says", "while", "since", "when", "if",
	"so", "the", "a", "an", "this", "these", "those", "its", "their", "his", "her",
	"not", "only", "ago", "per", "each", "more", "less", "fewer", "before", "after",
	"during", "between", "about", "around", "across", "against", "under", "over",
	"did", "do", "does", "just", "also", "all", "both", "it", "they", "he", "she",
	"we", "you", "i", "there", "here", "gave", "give", "gives", "took", "take", "made",
	"make", "went", "got", "get", "support", "supports", "oppose", "opposes", "back",
	"backs", "want", "wants", "think", "thinks", "believe", "believes", "favour", "favor",
	"approve", "approves", "reject", "rejects", "live", "lives", "saw", "see", "sees", NULL,
};

/* Words for people in general: the unit is "people". */
static const char *const people_words[] = {
	"people", "persons", "inhabitants", "residents", "citizens", NULL,
};

bool qscan_word(const struct qscan *q, size_t i, const char *w)
{
	return i < q->nt && tok_is(q->s, &q->t[i], w);
}

bool qscan_punct(const struct qscan *q, size_t i, const char *p)
{
	return i < q->nt && tok_punct(q->s, &q->t[i], p);
}

void qscan_copy(char *dst, size_t sz, const struct qscan *q, size_t a, size_t b, bool lower)
{
	size_t st = q->t[a].start, en = q->t[b - 1].end, l = en - st;
	if (l >= sz)
		l = sz - 1;
	memcpy(dst, q->s + st, l);
	dst[l] = '\0';
	if (lower)
		for (size_t i = 0; i < l; i++)
			dst[i] = (char)ascii_tolower((unsigned char)dst[i]);
}

bool qscan_people_word(const struct qscan *q, const struct tok *t)
{
	return tok_in(q->s, t, people_words);
}

/* The noun phrase from token i: up to 5 words, stopping at punctuation or
 * a stop word.  Returns the end token (i when none). */
size_t qscan_noun_phrase(const struct qscan *q, size_t i)
{
	size_t j = i;
	while (j < q->nt && j - i < 5) {
		const struct tok *t = &q->t[j];
		if (t->kind == TOK_WORD) {
			if (tok_in(q->s, t, np_stop))
				break;
			size_t l = t->end - t->start;
			/* a verb ends it: "1,000 Belarusians conducted", "90% of Belarusians opposing" */
			if (j > i && !t->upper && l > 4 && (!strncmp(q->s + t->end - 2, "ed", 2) ||
							    !strncmp(q->s + t->end - 3, "ing", 3)))
				break;
			j++;
			/* a plural noun followed by a lower-case word ends it: "ships
			 * left", "people still wait" */
			if (((l > 3 && q->s[t->end - 1] == 's' && q->s[t->end - 2] != 's' &&
			      q->s[t->end - 2] != 'u' && q->s[t->end - 2] != 'i') ||
			     qscan_people_word(q, t)) && j < q->nt &&
			    q->t[j].kind == TOK_WORD && !q->t[j].upper)
				break;
		} else if (tok_punct(q->s, t, "-") && !t->space && j > i && j + 1 < q->nt &&
			   q->t[j + 1].kind == TOK_WORD && !q->t[j + 1].space) {
			j++;   /* Soviet-era, division-sized */
		} else {
			break;
		}
	}
	return j;
}
