/* extract/event: what a claim's dates are of, from its first finite verb. */
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
