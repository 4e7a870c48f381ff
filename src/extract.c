/* extract: claims from sentences: scoring, attribution, values. */
#include "extract.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sentence.h"
#include "tok.h"
#include "util.h"

/* Reporting verbs; the subject before them or the name after is the speaker. */
static const char *const verbs[] = {
	"said", "says", "say", "told", "tells", "claimed", "claims", "claim", "estimated",
	"estimates", "estimate", "believes", "believe", "believed", "noted", "notes",
	"argued", "argues", "added", "adds", "suggested", "suggests", "warned", "warns",
	"warning", "insisted", "insists", "stated", "states", "announced", "announces",
	"explained", "explains", "complained", "complains", "replied", "replies", "thinks",
	"reported", "reports", "predicted", "predicts", "promised", "promise", "promises",
	"admitted", "admits", "acknowledged", "stressed", "stresses", "spoken", "spoke",
	"doubt", "doubts", "asserted", "asserts", "maintains", "maintained", "confirmed",
	"confirms", "denied", "denies", "briefed", "wrote", "writes", "recalled", "recalls",
	"concluded", "expects", "expected", "fears", "feared", "show", "shows", "showed",
	"found", "finds", NULL,
};

/* Words between a subject and its verb. */
static const char *const aux[] = {
	"has", "have", "had", "is", "are", "was", "were", "also", "now", "again", "recently",
	"reportedly", "once", "since", "already", "previously", "repeatedly", "publicly",
	"openly", "even", "still", "later", "then", "been", "has since", "just", NULL,
};

/* Words that end a subject phrase, going back from the verb. */
static const char *const bounds[] = {
	"that", "which", "who", "while", "but", "and", "when", "because", "if", "although",
	"though", "so", "then", "whereas", "where", "what", "how", "why", "to", "in", "on",
	"at", "after", "before", "since", "as", "than", "by", "for", "with", "from", NULL,
};

/* Title words that are a role, not a name. */
static const char *const titles[] = {
	"President", "Minister", "Secretary", "General", "Prime", "Defence", "Defense",
	"Foreign", "Chancellor", "Director", "Spokesman", "Spokeswoman", "Spokesperson",
	"Ambassador", "Commander", "Chief", "Head", "Leader", "Mr", "Mrs", "Ms", "Dr",
	"Gen", "Colonel", "Senator", "Governor", "Mayor", "King", "Queen", "Pope",
	"Professor", "Prof", "Deputy", "Vice", "Acting", "Former", "Analyst", "Sociologist",
	"Economist", NULL,
};

static const char *const pronouns[] = { "he", "she", NULL };

struct names {
	char full[64][64];
	size_t n;
};

struct ctx {
	const char *s;
	size_t n;
	struct names names;
	char last_speaker[96];
	char last_role[160];
};

static bool is_title(const char *s, const struct tok *t)
{
	return tok_in(s, t, titles);
}

/* Records "First Last" pairs of capitalised words as names. */
static void collect_names(struct ctx *c, const struct tok *t, size_t nt)
{
	for (size_t i = 0; i + 1 < nt; i++) {
		if (t[i].kind != TOK_WORD || !t[i].upper || t[i + 1].kind != TOK_WORD ||
		    !t[i + 1].upper || is_title(c->s, &t[i]) || is_title(c->s, &t[i + 1]))
			continue;
		if (i + 2 < nt && t[i + 2].kind == TOK_WORD && t[i + 2].upper)
			continue;   /* part of a longer capitalised run: not a person */
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

/* Splits a noun phrase t[a..b) into a name and a role, or takes it whole. */
static void speaker_from(struct ctx *c, const char *s, const struct tok *t, size_t a, size_t b,
			 char *spk, size_t ssz, char *role, size_t rsz)
{
	while (a < b && (tok_is(s, &t[a], "the") || tok_is(s, &t[a], "a") || tok_is(s, &t[a], "an")))
		a++;
	if (a >= b)
		return;
	if (b - a == 1 && tok_in(s, &t[a], pronouns)) {
		snprintf(spk, ssz, "%s", c->last_speaker);
		if (!role[0] && c->last_speaker[0])
			snprintf(role, rsz, "%s", c->last_role);
		return;
	}
	/* a trailing run of capitalised words: the name */
	size_t k = b;
	while (k > a && (t[k - 1].upper || tok_punct(s, &t[k - 1], ".") ||
			 tok_punct(s, &t[k - 1], "-")))
		k--;
	if (k < b && t[b - 1].upper) {
		size_t ns = k;
		/* titles and a title's dot are role, not name */
		while (ns < b - 1 && (is_title(s, &t[ns]) || tok_punct(s, &t[ns], ".")))
			ns++;
		/* keep at most the last two words of a person's name */
		size_t words = 0;
		for (size_t j = ns; j < b; j++)
			words += t[j].kind == TOK_WORD;
		if (words > 2 && ns > k) {
			/* "NATO Secretary General Jens Stoltenberg": role before the name */
		}
		if (ns > a && t[ns - 1].upper && words == 2) {
			copy_span(spk, ssz, s, t[ns].start, t[b - 1].end);
			if (!role[0])
				copy_span(role, rsz, s, t[a].start, t[ns - 1].end);
		} else if (ns > a && words <= 2) {
			copy_span(spk, ssz, s, t[ns].start, t[b - 1].end);
			if (!role[0] && ns > a)
				copy_span(role, rsz, s, t[a].start, t[ns - 1].end);
		} else {
			copy_span(spk, ssz, s, t[a].start, t[b - 1].end);
		}
		/* "Mr." before a surname */
		char *dot = strrchr(spk, '.');
		if (dot && dot[1] == ' ')
			memmove(spk, dot + 2, strlen(dot + 2) + 1);
		expand_name(c, spk, ssz);
		if (role[0] && !strcmp(role, "Mr"))
			role[0] = '\0';
		return;
	}
	copy_span(spk, ssz, s, t[a].start, t[b - 1].end);
}

/* The subject phrase ending before token v: [*a, v). */
static size_t subject_start(const char *s, const struct tok *t, size_t v)
{
	size_t a = v;
	while (a > 0 && v - a < 8) {
		const struct tok *p = &t[a - 1];
		if (p->kind == TOK_PUNCT) {
			if (tok_punct(s, p, ".") && a >= 2 && is_title(s, &t[a - 2])) {
				a--;
				continue;
			}
			if (tok_punct(s, p, "-") && !p->space) {
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

/* Finds the attribution of clause tokens t[0..nt). */
static bool attribute(struct ctx *c, const char *s, const struct tok *t, size_t nt,
		      char *spk, size_t ssz, char *role, size_t rsz)
{
	spk[0] = role[0] = '\0';
	for (size_t i = 0; i < nt; i++) {
		/* according to X */
		if (tok_is(s, &t[i], "according") && i + 1 < nt && tok_is(s, &t[i + 1], "to")) {
			size_t b = i + 2;
			while (b < nt && t[b].kind == TOK_WORD && b - i < 10 &&
			       !tok_is(s, &t[b], "that") && !tok_is(s, &t[b], "and"))
				b++;
			if (b > i + 2) {
				speaker_from(c, s, t, i + 2, b, spk, ssz, role, rsz);
				return spk[0] != '\0';
			}
		}
		if (t[i].kind != TOK_WORD || !tok_in(s, &t[i], verbs))
			continue;
		/* "show/found" only for surveys and polls: a non-person subject is fine */
		size_t v = i;
		while (v > 0 && tok_in(s, &t[v - 1], aux))
			v--;
		/* "X, ROLE, believes" */
		if (v > 0 && tok_punct(s, &t[v - 1], ",")) {
			size_t k = v - 1;
			while (k > 0 && v - k < 14 && !tok_punct(s, &t[k - 1], ","))
				k--;
			if (k > 1 && tok_punct(s, &t[k - 1], ",")) {
				size_t a = subject_start(s, t, k - 1);
				if (a < k - 1 && t[k - 2].upper) {
					size_t ra = k;
					if (tok_is(s, &t[ra], "a") || tok_is(s, &t[ra], "an") || tok_is(s, &t[ra], "the"))
						ra++;
					copy_span(role, rsz, s, t[ra].start, t[v - 2].end);
					speaker_from(c, s, t, a, k - 1, spk, ssz, role, rsz);
					if (spk[0])
						return true;
				}
			}
		}
		size_t a = subject_start(s, t, v);
		if (a < v && !(v - a == 1 && tok_is(s, &t[a], "it")) &&
		    !(v - a == 1 && tok_is(s, &t[a], "they"))) {
			speaker_from(c, s, t, a, v, spk, ssz, role, rsz);
			if (spk[0])
				return true;
		}
		/* inverted: ", says X[, ROLE]" or "” says X" */
		if (i + 1 < nt && (i == 0 || t[i - 1].kind == TOK_PUNCT)) {
			size_t b = i + 1;
			while (b < nt && (t[b].upper || tok_punct(s, &t[b], ".") ||
					  tok_in(s, &t[b], pronouns)) && b - i < 6) {
				if (tok_punct(s, &t[b], ".") && !(b > 0 && is_title(s, &t[b - 1])))
					break;
				b++;
			}
			if (b > i + 1) {
				if (b + 1 < nt && tok_punct(s, &t[b], ",")) {
					size_t ra = b + 1, re = ra;
					if (tok_is(s, &t[ra], "a") || tok_is(s, &t[ra], "an") || tok_is(s, &t[ra], "the"))
						ra++;
					re = ra;
					while (re < nt && !tok_punct(s, &t[re], ".") && !tok_punct(s, &t[re], ",") &&
					       t[re].kind != TOK_PUNCT)
						re++;
					if (re > ra)
						copy_span(role, rsz, s, t[ra].start, t[re - 1].end);
				}
				speaker_from(c, s, t, i + 1, b, spk, ssz, role, rsz);
				if (spk[0])
					return true;
			}
		}
	}
	return false;
}

static bool has_quote(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i + 2 < b + 1 && i + 2 < b + 3; i++) {
		if (i >= b)
			break;
		if (s[i] == '"')
			return true;
		if (i + 2 < b && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D))
			return true;
	}
	return false;
}

static const char *const comparatives[] = {
	"more", "less", "fewer", "most", "least", "largest", "biggest", "highest", "lowest",
	"greatest", "smallest", "first", "record", "unprecedented", "only", "never", NULL,
};

static bool in_boiler(const struct extract_opts *o, size_t a, size_t b)
{
	for (size_t i = 0; o && i < o->nboiler; i++)
		if (o->boiler[i].start < b && a < o->boiler[i].end)
			return true;
	return false;
}

struct unit {
	size_t start, end, para;
	bool quote_open;      /* inside a quotation at its start */
	bool quoted;          /* holds or continues a quotation */
};

static void add_claim(struct xclaim **v, size_t *k, size_t *cap, const struct xclaim *c)
{
	if (*k == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	(*v)[(*k)++] = *c;
}

/* Quote state after bytes s[a..b): toggles on curly and straight quotes. */
static bool quote_after(const char *s, size_t a, size_t b, bool open)
{
	for (size_t i = a; i < b; i++) {
		if (s[i] == '"')
			open = !open;
		else if (i + 2 < b && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80) {
			if ((unsigned char)s[i + 2] == 0x9C)
				open = true;
			else if ((unsigned char)s[i + 2] == 0x9D)
				open = false;
		}
	}
	return open;
}

size_t extract_claims(const char *s, size_t n, const struct extract_opts *o, struct xclaim **out)
{
	struct ctx *c = xcalloc(1, sizeof *c);
	struct sent *sv = NULL;
	struct xclaim *v = NULL;
	size_t k = 0, cap = 0;
	struct date_ctx dctx;

	*out = NULL;
	if (!s || !n) {
		free(c);
		return 0;
	}
	c->s = s;
	c->n = n;
	dates_ctx_from_iso(&dctx, o ? o->published : NULL);
	size_t ns = sentence_split(s, n, &sv);
	/* names first, from the whole text */
	{
		struct tok *t;
		size_t nt = tok_split(s, n, &t);
		collect_names(c, t, nt);
		free(t);
	}
	bool open = false;
	size_t para_speaker_para = (size_t)-1;
	char para_speaker[96] = "", para_role[160] = "";
	char quote_speaker[96] = "", quote_role[160] = "";
	for (size_t si = 0; si < ns; si++) {
		size_t a = sv[si].start, b = sv[si].end;
		bool was_open = open;
		open = quote_after(s, a, b, open);
		if (sv[si].para != para_speaker_para) {
			para_speaker[0] = para_role[0] = '\0';
			para_speaker_para = sv[si].para;
		}
		if (in_boiler(o, a, b))
			continue;
		/* clauses: ", while" and ";" */
		size_t cuts[8], nc = 0;
		cuts[nc++] = a;
		for (size_t i = a; i + 8 < b && nc < 7; i++)
			if ((!strncmp(s + i, ", while ", 8) || !strncmp(s + i, "; ", 2)) &&
			    !quote_after(s, a, i, was_open))
				cuts[nc++] = i + 2;
		cuts[nc] = b;
		for (size_t ci = 0; ci < nc; ci++) {
			size_t ca = cuts[ci], cb = ci + 1 < nc ? cuts[ci + 1] : b;
			while (cb > ca && (s[cb - 1] == ' ' || s[cb - 1] == ',' || s[cb - 1] == ';'))
				cb--;
			if (ci + 1 < nc && cb < b && s[cb] == ';')
				cb++;
			if (cb <= ca)
				continue;
			struct xclaim x;
			memset(&x, 0, sizeof x);
			x.start = ca;
			x.end = cb;
			struct tok *t;
			size_t nt = tok_split(s + ca, cb - ca, &t);
			for (size_t i = 0; i < nt; i++) {
				t[i].start += ca;
				t[i].end += ca;
			}
			bool quoted = was_open || has_quote(s, ca, cb);
			if (attribute(c, s, t, nt, x.speaker, sizeof x.speaker, x.role, sizeof x.role)) {
				if (strcmp(x.speaker, "he") && strcmp(x.speaker, "she")) {
					if (strchr(x.speaker, ' ') || isupper((unsigned char)x.speaker[0])) {
						snprintf(c->last_speaker, sizeof c->last_speaker, "%s", x.speaker);
						snprintf(c->last_role, sizeof c->last_role, "%s", x.role);
					}
				}
				snprintf(para_speaker, sizeof para_speaker, "%s", x.speaker);
				snprintf(para_role, sizeof para_role, "%s", x.role);
				if (quoted) {
					snprintf(quote_speaker, sizeof quote_speaker, "%s", x.speaker);
					snprintf(quote_role, sizeof quote_role, "%s", x.role);
				}
			} else if (quoted) {
				/* a quotation continuing from an attributed one */
				const char *sp = para_speaker[0] ? para_speaker : quote_speaker;
				const char *rl = para_speaker[0] ? para_role : quote_role;
				if (!para_speaker[0]) {
					/* look ahead in the paragraph: "“...,” says X." */
					for (size_t sj = si + 1; sj < ns && sv[sj].para == sv[si].para; sj++) {
						struct tok *t2;
						size_t nt2 = tok_split(s + sv[sj].start, sv[sj].end - sv[sj].start, &t2);
						for (size_t i = 0; i < nt2; i++) {
							t2[i].start += sv[sj].start;
							t2[i].end += sv[sj].start;
						}
						char s2[96], r2[160];
						bool got = attribute(c, s, t2, nt2, s2, sizeof s2, r2, sizeof r2);
						free(t2);
						if (got) {
							snprintf(x.speaker, sizeof x.speaker, "%s", s2);
							snprintf(x.role, sizeof x.role, "%s", r2);
							break;
						}
					}
				}
				if (!x.speaker[0] && (was_open || sv[si].para == para_speaker_para)) {
					snprintf(x.speaker, sizeof x.speaker, "%s", sp);
					snprintf(x.role, sizeof x.role, "%s", rl);
				}
			}
			x.nq = extract_quantities(s + ca, cb - ca, x.q, XMAX_QUANT);
			struct date_hit dh[XMAX_DATE];
			size_t nd = dates_find(s + ca, cb - ca, &dctx, dh, XMAX_DATE);
			for (size_t i = 0; i < nd; i++)
				x.d[x.nd++] = dh[i].v;
			/* "eight months ago": also a quantity, already found above */
			int score = 0, words = 0;
			bool cmp = false;
			for (size_t i = 0; i < nt; i++) {
				words += t[i].kind == TOK_WORD;
				if (tok_in(s, &t[i], comparatives))
					cmp = true;
			}
			free(t);
			score += x.nq ? 3 : 0;
			score += x.nd ? 2 : 0;
			score += x.speaker[0] ? 2 : 0;
			score += cmp ? 1 : 0;
			if (s[cb - 1] == '?' || (cb >= 4 && s[cb - 4] == '?'))
				score -= 5;
			if (words < 5)
				score -= 3;
			x.score = score;
			if (score < EXTRACT_THRESHOLD)
				continue;
			if (x.speaker[0] && quoted)
				x.kind = "quote";
			else if (x.speaker[0])
				x.kind = "statement";
			else if (x.nq)
				x.kind = "quantity";
			else if (x.nd)
				x.kind = "date";
			else
				x.kind = "assessment";
			add_claim(&v, &k, &cap, &x);
		}
	}
	free(sv);
	free(c);
	*out = v;
	return k;
}

cJSON *extract_claim_json(const struct xclaim *x, const char *text, const char *id,
			  const char *source_id)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", id);
	cJSON_AddStringToObject(o, "source", source_id);
	cJSON *sp = cJSON_AddArrayToObject(o, "span");
	cJSON_AddItemToArray(sp, cJSON_CreateNumber((double)x->start));
	cJSON_AddItemToArray(sp, cJSON_CreateNumber((double)x->end));
	char *t = xstrndup(text + x->start, x->end - x->start);
	cJSON_AddStringToObject(o, "text", t);
	free(t);
	cJSON_AddStringToObject(o, "kind", x->kind);
	if (x->speaker[0])
		cJSON_AddStringToObject(o, "speaker", x->speaker);
	else
		cJSON_AddNullToObject(o, "speaker");
	if (x->role[0])
		cJSON_AddStringToObject(o, "speaker_role", x->role);
	cJSON *vs = cJSON_AddArrayToObject(o, "values");
	for (size_t i = 0; i < x->nq; i++) {
		const struct xquant *q = &x->q[i];
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "type", "quantity");
		cJSON_AddNumberToObject(e, "value", q->value);
		cJSON_AddStringToObject(e, "unit", q->unit);
		if (q->counted[0])
			cJSON_AddStringToObject(e, "counted", q->counted);
		else
			cJSON_AddNullToObject(e, "counted");
		cJSON_AddStringToObject(e, "qualifier", q->qualifier);
		if (q->has_low)
			cJSON_AddNumberToObject(e, "low", q->low);
		else
			cJSON_AddNullToObject(e, "low");
		if (q->has_high)
			cJSON_AddNumberToObject(e, "high", q->high);
		else
			cJSON_AddNullToObject(e, "high");
		cJSON_AddItemToArray(vs, e);
	}
	for (size_t i = 0; i < x->nd; i++) {
		const struct date_val *d = &x->d[i];
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "type", "date");
		cJSON_AddStringToObject(e, "value", d->value);
		cJSON_AddStringToObject(e, "precision", d->precision);
		cJSON_AddStringToObject(e, "start", d->start);
		cJSON_AddStringToObject(e, "end", d->end);
		cJSON_AddItemToArray(vs, e);
	}
	cJSON_AddItemToObject(o, "topics", cJSON_CreateArray());
	cJSON_AddStringToObject(o, "origin", "extracted");
	return o;
}
