/* extract/attr: who says it: speakers, roles, names and pronouns. */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "extract/impl.h"

/* Reporting verbs (lower case only); the subject before them or the name
 * after them is the speaker. */
static const char *const verbs[] = {
	"said", "says", "say", "told", "tells", "claimed", "claims", "claim", "estimated",
	"estimates", "believes", "believe", "believed", "noted", "notes", "argued", "argues",
	"argue", "added", "adds", "suggested", "suggests", "suggesting", "warned", "warns",
	"warning", "insisted", "insists", "stated", "announced", "announces", "explained",
	"explains", "complained", "complains", "replied", "replies", "thinks", "reported",
	"predicted", "predicts", "promised", "admitted", "admits", "acknowledged", "stressed",
	"stresses", "spoken", "spoke", "doubt", "doubts", "asserted", "asserts", "maintains",
	"maintained", "confirmed", "confirms", "denied", "denies", "briefed", "wrote",
	"writes", "recalled", "recalls", "concluded", "show", "shows", "showed", "accused",
	"accuses", "uttered", "threatened", "vowed", "urged", "called", "asked", "declared",
	"proclaimed", "emphasized", "emphasised", "revealed", "promise", "promises", NULL,
};

/* Words between a subject and its verb. */
static const char *const aux[] = {
	"has", "have", "had", "is", "are", "was", "were", "also", "now", "again", "recently",
	"reportedly", "once", "since", "already", "previously", "repeatedly", "publicly",
	"openly", "even", "still", "later", "then", "been", "just", "directly", "himself",
	"herself", "has since", "only", "allegedly", "first", NULL,
};

/* Words that end a subject phrase, going back from the verb. */
static const char *const bounds[] = {
	"that", "which", "who", "whom", "while", "but", "and", "when", "because", "if",
	"although", "though", "so", "whereas", "where", "what", "how", "why", "to", "than",
	"as", "since", "after", "before", "it", "they", "we", "there", "this", "not", NULL,
};

/* Nouns that can speak: "Russian military experts", "independent surveys". */
static const char *const speaker_nouns[] = {
	"experts", "expert", "analysts", "analyst", "officials", "official", "authorities",
	"sources", "observers", "critics", "diplomats", "surveys", "survey", "poll", "polls",
	"sociologists", "researchers", "scientists", "economists", "commentators", "media",
	"channels", "channel", "ministry", "government", "spokesman", "spokeswoman",
	"spokesperson", "leaders", "journalists", "report", "study", "studies", "data",
	"figures", "statistics", "intelligence", "military", "army", "police", "department",
	"office", "agency", "service", "services", "newspaper", "outlets", "residents",
	"witnesses", "activists", "opposition", "president", "minister", "ambassador",
	"secretary", "general", "commander", "officers", "workers", "people", "critics",
	"sources", NULL,
};

/* Title words that are a role, not a name. */
static const char *const titles[] = {
	"President", "Minister", "Secretary", "General", "Prime", "Defence", "Defense",
	"Foreign", "Chancellor", "Director", "Spokesman", "Spokeswoman", "Spokesperson",
	"Ambassador", "Commander", "Chief", "Head", "Leader", "Mr", "Mrs", "Ms", "Dr",
	"Gen", "Colonel", "Senator", "Governor", "Mayor", "King", "Queen", "Pope",
	"Professor", "Prof", "Deputy", "Vice", "Acting", "Former", "Analyst", "Sociologist",
	"Economist", "Commissioner", "Chairman", "Chairwoman", "Chair", "CEO", "Editor",
	"Judge", "Justice", "Inspector", "Officer", "Sergeant", "Captain", "Lieutenant",
	"Major", "Admiral", "Marshal", "Envoy", "Councillor", "Adviser", "Advisor", "Coach",
	"Bishop", "Archbishop", "Sheikh", "Prince", "Princess", "Lord", "Lady", "Sir", "Dame",
	"Speaker", "Premier", "Attorney", "Prosecutor", "Rabbi", "Imam", NULL,
};

static const char *const pronouns[] = { "he", "she", NULL };
static const char *const preps[] = {
	"with", "by", "to", "from", "of", "at", "for", "on", "in", "about", "against", "than",
	"between", "among", "into", "toward", "towards", NULL,
};


static bool is_title(const char *s, const struct tok *t)
{
	return tok_in(s, t, titles);
}

/* Capitalised words that are not part of a person's name. */
static const char *const not_name[] = {
	"The", "A", "An", "In", "On", "At", "But", "And", "If", "When", "This", "That", "It",
	"He", "She", "We", "They", "As", "For", "With", "By", "From", "After", "Before",
	"During", "Since", "Yet", "So", "Even", "Most", "Some", "Many", "Multiple", "While",
	"Although", "Why", "What", "How", "Who", "Where", "Until", "Under", "Over", "Both",
	"Global", "Independent", "Military", "Soviet", "New", "United", "National", "Supreme",
	"Central", "Kremlin", "Far", "Western", "Eastern", "Northern", "Southern", "Union",
	"Affairs", "States", "Analysis", "Council", "Institute", "Ministry", "Office",
	"Security", "Blog", "Forces", "Army", "Republic", "Federation", "Assembly", "Nations",
	"Times", "Monitor", "Center", "Centre", "Department", "House", "Guard", "Service",
	"Committee", "Party", "Government", "Group", "News", "Agency", "Press", "Europe",
	"East", "West", "North", "South", "Day", "War", "State", "Dialogue", "Tank", "Post",
	"Street", "Square", "Resolve", "Sea", "River", "Region", "Oblast", "Commonwealth",
	"Federal", "General", "Secretary", "Defence", "Defense", "Foreign", "European",
	"American", "Islamic", "Social", "Democratic", "Communist", "Liberal", "People",
	"Peoples", "Media", "Telegram", "Twitter", "Facebook", "Ukraine", "Russia", "Belarus",
	"Poland", "Lithuania", "China", "Moscow", "Minsk", "Kyiv", "Kiev", "NATO", "EU", "UN",
	"US", "USA", "UK", "USSR", "Mr", "Mrs", "Ms", "Dr", "Allied", "Su", NULL,
};

static bool nameword(const char *s, const struct tok *t)
{
	size_t l = t->end - t->start;
	if (tok_in(s, t, not_name))
		return false;
	/* nationality adjectives and gerunds: Belarusian, Russian, Making */
	if (l > 4 && (!strncmp(s + t->end - 3, "ian", 3) || !strncmp(s + t->end - 3, "ing", 3) ||
		      !strncmp(s + t->end - 3, "ese", 3) || !strncmp(s + t->end - 3, "ish", 3)))
		return false;
	for (size_t i = t->start; i < t->end; i++)
		if (ascii_isupper((unsigned char)s[i]) && i > t->start)
			return false;   /* NATO, McX is rare enough */
	return true;
}

/* Records "First Last" pairs of capitalised words as names. */
void attr_collect_names(struct ctx *c, const struct tok *t, size_t nt)
{
	for (size_t i = 0; i + 1 < nt; i++) {
		if (t[i].kind != TOK_WORD || !t[i].upper || t[i + 1].kind != TOK_WORD ||
		    !t[i + 1].upper || is_title(c->s, &t[i]) || is_title(c->s, &t[i + 1]) ||
		    t[i + 1].space == false || !nameword(c->s, &t[i]) || !nameword(c->s, &t[i + 1]))
			continue;
		if (i + 2 < nt && t[i + 2].kind == TOK_WORD && t[i + 2].upper)
			continue;   /* not the end of a capitalised run */
		/* after a title ("Commissioner Ingrid Voss") a run may start */
		if (i > 0 && t[i - 1].kind == TOK_WORD && t[i - 1].upper && !is_title(c->s, &t[i - 1]))
			continue;
		size_t l = t[i + 1].end - t[i].start;
		if (l >= 63 || c->names.n >= 64 || t[i + 1].end - t[i + 1].start < 3 ||
		    t[i].end - t[i].start < 3)
			continue;
		char buf[64];
		memcpy(buf, c->s + t[i].start, l);
		buf[l] = '\0';
		bool dup = false;
		for (size_t k = 0; k < c->names.n; k++)
			if (!strcmp(c->names.full[k], buf))
				dup = true;
		if (!dup)
			strcpy(c->names.full[c->names.n++], buf);
	}
}

/* The known person whose full name or surname token t is; NULL if none. */
static const char *person_at(const struct ctx *c, const struct tok *t, size_t nt, size_t i)
{
	if (t[i].kind != TOK_WORD || !t[i].upper)
		return NULL;
	size_t l = t[i].end - t[i].start;
	for (size_t k = 0; k < c->names.n; k++) {
		const char *f = c->names.full[k];
		const char *sp = strrchr(f, ' ');
		if (sp && strlen(sp + 1) == l && !memcmp(sp + 1, c->s + t[i].start, l))
			return f;
		if (sp && (size_t)(sp - f) == l && !memcmp(f, c->s + t[i].start, l) &&
		    i + 1 < nt && t[i + 1].upper)
			return NULL;   /* the first name: the surname follows */
	}
	return NULL;
}

/* Expands a surname to the full name seen in the text. */
static void expand_name(const struct ctx *c, char *name, size_t sz)
{
	if (strchr(name, ' '))
		return;
	size_t l = strlen(name);
	for (size_t k = 0; k < c->names.n; k++) {
		const char *f = c->names.full[k];
		const char *sp = strrchr(f, ' ');
		if (sp && strlen(sp + 1) == l && !strcmp(sp + 1, name)) {
			snprintf(name, sz, "%s", f);
			return;
		}
	}
}

static void copy_span(char *dst, size_t sz, const char *s, size_t a, size_t b)
{
	size_t l = b > a ? b - a : 0;
	if (l >= sz)
		l = sz - 1;
	memcpy(dst, s + a, l);
	dst[l] = '\0';
}

/* "he" or "she" at token p: a person named earlier in the clause (not
 * after a preposition, not inside quotes), else the last one named. */
static void resolve_pronoun(const struct ctx *c, const struct tok *t, size_t nt, size_t p,
			    char *spk, size_t ssz)
{
	for (size_t i = p; i-- > 0;) {
		const char *f = c->inq[i] ? NULL : person_at(c, t, nt, i);
		if (f && !(i > 0 && tok_in(c->s, &t[i - 1], preps)) &&
		    !(i > 1 && t[i - 1].upper && tok_in(c->s, &t[i - 2], preps))) {
			snprintf(spk, ssz, "%s", f);
			return;
		}
	}
	snprintf(spk, ssz, "%s", c->last_person);
}

static bool capword(const char *s, const struct tok *t)
{
	return t->kind == TOK_WORD && t->upper && !tok_is(s, t, "The") && !tok_is(s, t, "A") &&
	       !tok_is(s, t, "An");
}

/* Speaker and role from the phrase t[a..b). */
static void speaker_from(struct ctx *c, const struct tok *t, size_t nt, size_t a, size_t b,
			 char *spk, size_t ssz, char *role, size_t rsz)
{
	const char *s = c->s;
	while (a < b && (tok_is(s, &t[a], "the") || tok_is(s, &t[a], "a") || tok_is(s, &t[a], "an")))
		a++;
	if (a >= b)
		return;
	if (b - a == 1 && tok_in(s, &t[a], pronouns)) {
		resolve_pronoun(c, t, nt, a, spk, ssz);
		return;
	}
	/* a capitalised run holding a known person, else the last run */
	size_t best_a = 0, best_b = 0;
	bool person = false;
	for (size_t i = a; i < b;) {
		if (!capword(s, &t[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < b && (capword(s, &t[j]) || (tok_punct(s, &t[j], ".") && j > 0 &&
						     is_title(s, &t[j - 1])) ||
				 (tok_punct(s, &t[j], "-") && !t[j].space)))
			j++;
		bool p = false;
		for (size_t k = i; k < j; k++)
			if (person_at(c, t, nt, k))
				p = true;
		if (!person || p) {
			best_a = i;
			best_b = j;
			person = p;
		}
		i = j;
	}
	/* a speaking noun: "Russian military experts" */
	for (size_t i = a; i < b && !person; i++)
		if (!t[i].upper && tok_in(s, &t[i], speaker_nouns)) {
			copy_span(spk, ssz, s, t[a].start, t[i].end);
			return;
		}
	if (best_b > best_a) {
		size_t ns = best_a;
		while (ns + 1 < best_b && (is_title(s, &t[ns]) || tok_punct(s, &t[ns], ".") ||
					   (t[ns].upper && !person_at(c, t, nt, ns) && person &&
					    ns + 2 < best_b)))
			ns++;
		copy_span(spk, ssz, s, t[ns].start, t[best_b - 1].end);
		expand_name(c, spk, ssz);
		if (!role[0]) {
			if (ns > a && !(ns - a == 1 && tok_is(s, &t[a], "Mr")) &&
			    !(ns > best_a && tok_punct(s, &t[ns - 1], ".")))
				copy_span(role, rsz, s, t[a].start, t[ns - 1].end);
			else if (best_b < b)
				copy_span(role, rsz, s, t[best_b].start, t[b - 1].end);
		}
		return;
	}
	if (b - a <= 3 && s[t[b - 1].end - 1] == 's')
		copy_span(spk, ssz, s, t[a].start, t[b - 1].end);
}

/* The subject phrase ending before token v: [result, v). */
static size_t subject_start(const char *s, const struct tok *t, const bool *inq, size_t v)
{
	size_t a = v;
	while (a > 0 && v - a < 10) {
		const struct tok *p = &t[a - 1];
		if (inq[a - 1])
			break;
		if (p->kind == TOK_PUNCT) {
			if (tok_punct(s, p, ".") && a >= 2 && is_title(s, &t[a - 2])) {
				a--;
				continue;
			}
			if ((tok_punct(s, p, "-") || tok_punct(s, p, "\xe2\x80\x99")) && !p->space) {
				a--;
				continue;
			}
			break;
		}
		if (p->kind == TOK_NUM || tok_in(s, p, bounds))
			break;
		a--;
	}
	return a;
}

/* Participles whose agent ("by X") is the source: a poll conducted by X. */
static const char *const agent_verbs[] = {
	"conducted", "published", "commissioned", "compiled", "released", "issued",
	"carried", NULL,
};

/* Finds the attribution of clause tokens t[0..nt). */
bool attr_find(struct ctx *c, const struct tok *t, size_t nt,
		      char *spk, size_t ssz, char *role, size_t rsz)
{
	const char *s = c->s;
	spk[0] = role[0] = '\0';
	for (size_t i = 0; i < nt; i++) {
		if (c->inq[i])
			continue;
		/* according to X, as X reported: the phrase after */
		if (tok_is(s, &t[i], "according") && i + 1 < nt && tok_is(s, &t[i + 1], "to")) {
			size_t b = i + 2;
			while (b < nt && (t[b].kind == TOK_WORD || tok_punct(s, &t[b], "-")) && b - i < 10 &&
			       !tok_is(s, &t[b], "that") && !tok_is(s, &t[b], "and"))
				b++;
			if (b > i + 2) {
				speaker_from(c, t, nt, i + 2, b, spk, ssz, role, rsz);
				if (spk[0])
					return true;
			}
		}
		/* X's statements / remarks / words */
		if (t[i].upper && i + 3 < nt && tok_punct(s, &t[i + 1], "\xe2\x80\x99") &&
		    tok_is(s, &t[i + 2], "s") && (tok_is(s, &t[i + 3], "statements") ||
		    tok_is(s, &t[i + 3], "statement") || tok_is(s, &t[i + 3], "remarks") ||
		    tok_is(s, &t[i + 3], "words") || tok_is(s, &t[i + 3], "comments"))) {
			speaker_from(c, t, nt, i, i + 1, spk, ssz, role, rsz);
			if (spk[0])
				return true;
		}
		/* "a poll conducted by X, ROLE" */
		bool agent = false;
		if (t[i].kind == TOK_WORD && tok_is(s, &t[i], "by"))
			for (size_t k = i; k-- > 0 && i - k <= 4;)
				if (tok_in(s, &t[k], agent_verbs))
					agent = true;
		if (agent && i + 1 < nt && t[i + 1].upper) {
			size_t b = i + 1;
			while (b < nt && (t[b].upper || (tok_punct(s, &t[b], ".") && is_title(s, &t[b - 1]))))
				b++;
			if (b + 1 < nt && tok_punct(s, &t[b], ",")) {
				size_t ra = b + 1;
				if (tok_is(s, &t[ra], "a") || tok_is(s, &t[ra], "an") || tok_is(s, &t[ra], "the"))
					ra++;
				size_t re = ra;
				while (re < nt && !tok_punct(s, &t[re], ",") && !tok_punct(s, &t[re], "."))
					re++;
				if (re > ra)
					copy_span(role, rsz, s, t[ra].start, t[re - 1].end);
			}
			speaker_from(c, t, nt, i + 1, b, spk, ssz, role, rsz);
			if (spk[0])
				return true;
			role[0] = '\0';
		}
		if (t[i].kind != TOK_WORD || t[i].upper || !tok_in(s, &t[i], verbs))
			continue;
		if (i > 0 && (tok_is(s, &t[i - 1], "be") || tok_is(s, &t[i - 1], "been") ||
			      tok_is(s, &t[i - 1], "being")))
			continue;   /* passive: "is said to" */
		size_t vl = t[i].end - t[i].start;
		if (i > 0 && vl > 3 && !strncmp(s + t[i].end - 2, "ed", 2) && (tok_is(s, &t[i - 1], "are") ||
		    tok_is(s, &t[i - 1], "is") || tok_is(s, &t[i - 1], "was") || tok_is(s, &t[i - 1], "were")))
			continue;   /* passive: "hundreds are reported dead" */
		size_t v = i;
		while (v > 0 && tok_in(s, &t[v - 1], aux) && !c->inq[v - 1])
			v--;
		/* "X, ROLE, believes" */
		if (v > 1 && tok_punct(s, &t[v - 1], ",")) {
			size_t k = v - 1;
			while (k > 0 && v - k < 14 && !tok_punct(s, &t[k - 1], ",") && !c->inq[k - 1])
				k--;
			if (k > 1 && tok_punct(s, &t[k - 1], ",") && t[k - 2].upper) {
				size_t a = subject_start(s, t, c->inq, k - 1);
				size_t ra = k;
				if (tok_is(s, &t[ra], "a") || tok_is(s, &t[ra], "an") || tok_is(s, &t[ra], "the"))
					ra++;
				if (ra < v - 1)
					copy_span(role, rsz, s, t[ra].start, t[v - 2].end);
				speaker_from(c, t, nt, a, k - 1, spk, ssz, role, rsz);
				if (spk[0])
					return true;
				role[0] = '\0';
			}
		}
		size_t a = subject_start(s, t, c->inq, v);
		if (a < v) {
			speaker_from(c, t, nt, a, v, spk, ssz, role, rsz);
			if (spk[0])
				return true;
		}
		/* inverted: ", says X[, ROLE]" or "” he says" */
		if (i + 1 < nt && (i == 0 || t[i - 1].kind == TOK_PUNCT)) {
			size_t b = i + 1;
			while (b < nt && b - i < 6 && (t[b].upper || tok_in(s, &t[b], pronouns) ||
						       (tok_punct(s, &t[b], ".") && is_title(s, &t[b - 1]))))
				b++;
			if (b > i + 1) {
				if (b + 1 < nt && tok_punct(s, &t[b], ",")) {
					size_t ra = b + 1;
					if (tok_is(s, &t[ra], "a") || tok_is(s, &t[ra], "an") || tok_is(s, &t[ra], "the"))
						ra++;
					size_t re = ra;
					while (re < nt && !c->inq[re] && !tok_punct(s, &t[re], ",") &&
					       !tok_punct(s, &t[re], ".") && !tok_punct(s, &t[re], ";") &&
					       !tok_punct(s, &t[re], ":"))
						re++;
					if (re > ra)
						copy_span(role, rsz, s, t[ra].start, t[re - 1].end);
				}
				speaker_from(c, t, nt, i + 1, b, spk, ssz, role, rsz);
				if (spk[0])
					return true;
				role[0] = '\0';
			}
		}
		/* "..., and claimed that": the clause's subject */
		if (a == v && v > 0 && tok_is(s, &t[v - 1], "and")) {
			for (size_t k = 0; k < v; k++)
				if (!c->inq[k] && (tok_in(s, &t[k], pronouns) || person_at(c, t, nt, k)) &&
				    !(k > 0 && tok_in(s, &t[k - 1], preps))) {
					speaker_from(c, t, nt, k, k + 1, spk, ssz, role, rsz);
					if (spk[0])
						return true;
				}
		}
	}
	return false;
}

/* Marks the tokens inside quotation marks, starting in state open. */
void attr_mark_quotes(const char *s, const struct tok *t, size_t nt, bool open, bool *inq)
{
	for (size_t i = 0; i < nt; i++) {
		bool q = tok_punct(s, &t[i], "\xe2\x80\x9c") || tok_punct(s, &t[i], "\xe2\x80\x9d") ||
			 tok_punct(s, &t[i], "\"");
		if (tok_punct(s, &t[i], "\xe2\x80\x9c") || (tok_punct(s, &t[i], "\"") && !open))
			open = true;
		else if (q)
			open = false;
		inq[i] = open || q;
	}
}

/* Remembers the last person named outside quotes, not after a preposition. */
void attr_note_people(struct ctx *c, const struct tok *t, size_t nt)
{
	for (size_t i = 0; i < nt; i++) {
		const char *f = c->inq[i] ? NULL : person_at(c, t, nt, i);
		if (f && !(i > 0 && tok_in(c->s, &t[i - 1], preps)))
			snprintf(c->last_person, sizeof c->last_person, "%s", f);
	}
}

