/* extract/event: what a claim's dates are of, from its first finite verb;
 * the named actors of a clause. */
#include <string.h>

#include "extract/impl.h"

/* Past forms that do not end in -ed. */
static const char *const past_irregular[] = {
	"said", "held", "began", "took", "met", "signed", "won", "lost", "made", "gave", "told",
	"came", "went", "sent", "left", "fell", "rose", "saw", "ran", "led", "broke", "struck",
	"brought", "built", "chose", "drove", "fought", "found", "flew", "grew", "hit", "kept",
	"knew", "laid", "paid", "sold", "shot", "spoke", "stood", "swore", "thought", "threw",
	"wrote", "became", "set", "put", "quit", "sought", "withdrew", "overcame", "forbade",
	"upheld", "undertook", "swept", "froze", "stole", "woke", "bought", "caught", NULL,
};

/* Words before which an -ed word is an adjective: "the contested election". */
static const char *const determiners[] = {
	"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
	"some", "many", "most", "more", "less", "very", "so", "too", "well", "newly", "highly",
	"of", "with", "for", "was", "were", "is", "are", "be", "been", "being", "had", "has", "have",
	NULL,
};

/* Participles that name rather than tell: "exercises called Allied Resolve". */
static const char *const naming[] = {
	"called", "named", "dubbed", "titled", "entitled", "termed", "labelled", "labeled",
	"nicknamed", "known", "based", "located", "situated", NULL,
};

/* Words that end the event phrase after its verb. */
static const char *const phrase_stop[] = {
	"at", "on", "in", "for", "from", "since", "back", "during", "until", "by", "before", "after",
	"when", "while", "because", "as", "and", "but", "or", "which", "who", "that", "then",
	"last", "this", "next", "ago", "early", "late", "earlier", "later", "only", NULL,
};

static bool past_verb(const char *s, const struct tok *t, size_t i)
{
	const struct tok *w = &t[i];
	size_t l = w->end - w->start;
	if (w->kind != TOK_WORD || w->upper)
		return false;
	if (i > 0 && tok_in(s, &t[i - 1], determiners))
		return false;
	if (tok_in(s, w, naming))
		return false;
	if (tok_in(s, w, past_irregular))
		return true;
	return l > 4 && !strncmp(s + w->end - 2, "ed", 2) && strncmp(s + w->end - 3, "eed", 3);
}

#define EVENT_WORDS 8

size_t extract_event(const char *s, const struct tok *t, size_t nt, char *out, size_t sz)
{
	out[0] = '\0';
	for (size_t i = 0; i < nt; i++) {
		if (!past_verb(s, t, i))
			continue;
		size_t e = i + 1, words = 0;
		while (e < nt && words < EVENT_WORDS) {
			if (t[e].kind == TOK_WORD && !tok_in(s, &t[e], phrase_stop))
				e++, words++;
			else if (e + 1 < nt && !t[e].space && tok_punct(s, &t[e], "-") &&
				 !t[e + 1].space && t[e + 1].kind == TOK_WORD)
				e += 2;   /* a hyphen joins words: "Belarusian-Russian" */
			else
				break;
		}
		size_t a = t[i].start, b = t[e - 1].end, l = b - a;
		if (l >= sz)
			l = sz - 1;
		memcpy(out, s + a, l);
		out[l] = '\0';
		return l;
	}
	return 0;
}

/* Capitalised words that name no actor: sentence openers, pronouns, days
 * and months. */
static const char *const not_names[] = {
	"the", "a", "an", "in", "on", "at", "for", "by", "with", "from", "to", "of", "as", "but",
	"and", "or", "if", "when", "while", "after", "before", "since", "during", "this", "that",
	"these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her",
	"their", "our", "my", "there", "here", "mr", "mrs", "ms", "dr", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL,
};

/* Words of a conditional or a wish: what would happen is no event. */
static const char *const unreal[] = {
	"would", "could", "might", "may", "should", "if", "unless", NULL,
};

/* Lower-case words that are no noun an adjective could go with. */
static const char *const not_nouns[] = {
	"and", "or", "to", "of", "in", "on", "at", "for", "with", "from", "by", "as", "has",
	"have", "had", "is", "are", "was", "were", "will", "said", "says", "the", "a", NULL,
};

/* A lone capitalised word before a lower-case one, ending like an
 * adjective of a people or place ("Belarusian economy", "Japanese
 * ships", "Danish boats"): no actor. */
static bool name_adjective(const char *s, const struct tok *t, size_t nt, size_t i)
{
	size_t l = t[i].end - t[i].start;
	const char *w = s + t[i].start;
	if (i + 1 >= nt || t[i + 1].kind != TOK_WORD || t[i + 1].upper || l < 5 ||
	    tok_in(s, &t[i + 1], not_nouns))
		return false;
	return !strncmp(w + l - 2, "an", 2) || !strncmp(w + l - 3, "ese", 3) ||
	       !strncmp(w + l - 3, "ish", 3) || !strncmp(w + l - 2, "ic", 2);
}

/* Words before which a past form tells no past event: "the contested
 * seat", "they are accompanied by". */
static const char *const not_done[] = {
	"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
	"is", "are", "am", NULL,
};

/* A past form telling what was done: "have formed", "were assigned",
 * "have been dispatched", "signed". */
static bool done_verb(const char *s, const struct tok *t, size_t i)
{
	const struct tok *w = &t[i];
	size_t l = w->end - w->start;
	if (w->kind != TOK_WORD || w->upper || (i > 0 && tok_in(s, &t[i - 1], not_done)) ||
	    tok_in(s, w, naming))
		return false;
	return tok_in(s, w, past_irregular) ||
	       (l > 4 && !strncmp(s + w->end - 2, "ed", 2) && strncmp(s + w->end - 3, "eed", 3));
}

/* Tokens [a, b) join two items of a list: at most 7 words with one
 * separator among them (",", "and", ", and", "or"): "India, Japan",
 * "Marine unit, the aircraft carrier Abraham Lincoln"; *last when the
 * separator holds "and" or "or". */
static bool list_gap(const char *s, const struct tok *t, size_t a, size_t b, bool *last)
{
	int seps = 0;
	*last = false;
	if (b - a > 7)
		return false;
	for (size_t i = a; i < b; i++) {
		bool andor = tok_is(s, &t[i], "and") || tok_is(s, &t[i], "or");
		if (tok_punct(s, &t[i], ",")) {
			seps += !(i > a && tok_punct(s, &t[i - 1], ","));
		} else if (andor) {
			*last = true;
			seps += !(i > a && tok_punct(s, &t[i - 1], ","));
		} else if (t[i].kind == TOK_WORD ? t[i].upper : !tok_punct(s, &t[i], "-")) {
			return false;
		}
	}
	return seps == 1;
}

size_t extract_actors(const char *s, const struct tok *t, size_t nt)
{
	size_t ra[32], rb[32], nr = 0;
	bool verb = false;
	for (size_t i = 0; i < nt; i++) {
		if (tok_in(s, &t[i], unreal))
			return 0;
		verb = verb || done_verb(s, t, i);
		if (t[i].kind != TOK_WORD || !t[i].upper || tok_in(s, &t[i], not_names))
			continue;
		/* a run of capitalised words, with dots and hyphens inside: one name */
		size_t j = i;
		while (j < nt && ((t[j].kind == TOK_WORD && t[j].upper) ||
				  (t[j].kind != TOK_WORD && !t[j].space && j > i && j + 1 < nt &&
				   !t[j + 1].space && t[j + 1].kind != TOK_PUNCT)))
			j++;
		if (j == i + 1 && name_adjective(s, t, nt, i))
			continue;
		if (nr < sizeof ra / sizeof ra[0]) {
			ra[nr] = i;
			rb[nr++] = j;
		}
		i = j - 1;
	}
	/* the longest list of names: "Norway, Sweden, Denmark and Finland" */
	size_t best = 0;
	for (size_t r = 0; verb && r < nr; r++) {
		size_t len = 1;
		bool last = false;
		while (r + len < nr && !last && list_gap(s, t, rb[r + len - 1], ra[r + len], &last))
			len++;
		if (last && len > best)
			best = len;
	}
	return best;
}
