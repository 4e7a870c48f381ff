/* extract: claims from sentences: values, scoring, spans, JSON. */
#include "extract/extract.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "base/tok.h"
#include "base/util.h"
#include "extract/impl.h"
#include "extract/sentence.h"

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

/*
 * Words that mark a judgement: what seems, is likely, possible, feared or
 * doubted.  Modal verbs (would, could, may) are not among them: they are
 * as common in plain reporting ("the talks could resume") as in analysis.
 */
static const char *const judgements[] = {
	"likely", "unlikely", "probably", "possible", "possibly", "plausible", "doubt",
	"doubts", "seems", "seem", "appears", "appear", "risk", "fears", "fear", "clear",
	"suggest", "suggests", NULL,
};

/* The speaker label that opens a turn of a transcript ("THE PRESIDENT:
 * We have come ..."): capitals, at most 40 bytes, then ": "; into out,
 * returning its length with ": ", 0 when there is none.  Editorial
 * labels ("NOTE:") are none. */
static size_t turn_label(const char *s, size_t a, size_t b, char *out, size_t sz)
{
	static const char *const editorial[] = { "NOTE", "EDITOR'S NOTE", "UPDATE", "CORRECTION",
						 "SOURCE", "PHOTO", "VIDEO", "WATCH", "READ MORE", NULL };
	size_t i = a;
	bool letter = false;
	while (i < b && i - a <= 40 && ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == ' ' || s[i] == '.' ||
					 s[i] == '\''))
		letter |= s[i++] != ' ';
	if (!letter || i == a || i + 1 >= b || s[i] != ':' || s[i + 1] != ' ' || s[i - 1] == ' ')
		return 0;
	for (const char *const *e = editorial; *e; e++)
		if (strlen(*e) == i - a && !strncmp(s + a, *e, i - a))
			return 0;
	snprintf(out, sz, "%.*s", (int)(i - a), s + a);
	return i + 2 - a;
}

static bool in_boiler(const struct extract_opts *o, size_t a, size_t b)
{
	for (size_t i = 0; o && i < o->nboiler; i++)
		if (o->boiler[i].start < b && a < o->boiler[i].end)
			return true;
	return false;
}

/* The tokens lying within [a, b): a slice of T (binary search). */
static const struct tok *slice(const struct tok *T, size_t NT, size_t a, size_t b, size_t *n)
{
	size_t lo = 0, hi = NT;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (T[mid].start < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t e = lo;
	while (e < NT && T[e].end <= b)
		e++;
	*n = e - lo;
	return T + lo;
}

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
	size_t *hdr = xcalloc(ns ? ns : 1, sizeof *hdr);
	table_find(s, sv, ns, hdr);
	char turn[48] = "";
	/* the whole text is tokenised once; clauses are slices of it */
	struct tok *T;
	size_t NT = tok_split(s, n, &T);
	attr_collect_names(c, T, NT);
	bool open = false, prev_colon = false;
	size_t cur_para = (size_t)-1;
	char para_speaker[96] = "", para_role[160] = "";
	char quote_speaker[96] = "", quote_role[160] = "";
	bool *inq = NULL, *inq2 = NULL;
	for (size_t si = 0; si < ns; si++) {
		size_t a = sv[si].start, b = sv[si].end;
		bool was_open = open;
		open = quote_after(s, a, b, open);
		if (sv[si].para != cur_para) {
			/* a quotation that runs on into this paragraph keeps its speaker */
			if ((was_open || prev_colon) && para_speaker[0]) {
				snprintf(quote_speaker, sizeof quote_speaker, "%s", para_speaker);
				snprintf(quote_role, sizeof quote_role, "%s", para_role);
			} else if (!was_open && !prev_colon) {
				quote_speaker[0] = quote_role[0] = '\0';
			}
			para_speaker[0] = para_role[0] = '\0';
			cur_para = sv[si].para;
			/* a transcript's turn lasts until the next speaker label,
			 * which is no part of the claim */
			a += turn_label(s, a, b, turn, sizeof turn);
		}
		prev_colon = s[b - 1] == ':';
		if (in_boiler(o, a, b))
			continue;
		struct xquant sent_unit;
		sent_unit.unit[0] = '\0';
		/* clauses: ", while" and ";" */
		size_t cuts[8], nc = 0;
		cuts[nc++] = a;
		for (size_t i = a; hdr[si] == SIZE_MAX && i + 8 < b && nc < 7; i++)
			if (((s[i] == ',' && !strncmp(s + i, ", while ", 8)) ||
			     (s[i] == ';' && s[i + 1] == ' ')) &&
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
			size_t nt;
			const struct tok *t = slice(T, NT, ca, cb, &nt);
			bool copen = quote_after(s, a, ca, was_open);
			inq = xrealloc(inq, (nt + 1) * sizeof *inq);
			attr_mark_quotes(s, t, nt, copen, inq);
			c->inq = inq;
			bool quoted = copen || has_quote(s, ca, cb);
			if (attr_find(c, t, nt, x.speaker, sizeof x.speaker, x.role, sizeof x.role)) {
				snprintf(para_speaker, sizeof para_speaker, "%s", x.speaker);
				snprintf(para_role, sizeof para_role, "%s", x.role);
				if (strchr(x.speaker, ' ') && ascii_isupper((unsigned char)x.speaker[0]))
					snprintf(c->last_person, sizeof c->last_person, "%s", x.speaker);
			} else if (quoted && para_speaker[0]) {
				snprintf(x.speaker, sizeof x.speaker, "%s", para_speaker);
				snprintf(x.role, sizeof x.role, "%s", para_role);
			} else if (quoted) {
				/* look ahead in the paragraph: "“...,” says X." */
				bool o2 = open;
				for (size_t sj = si + 1; sj < ns && sv[sj].para == sv[si].para; sj++) {
					size_t nt2;
					const struct tok *t2 = slice(T, NT, sv[sj].start, sv[sj].end, &nt2);
					inq2 = xrealloc(inq2, (nt2 + 1) * sizeof *inq2);
					attr_mark_quotes(s, t2, nt2, o2, inq2);
					o2 = quote_after(s, sv[sj].start, sv[sj].end, o2);
					c->inq = inq2;
					bool got = attr_find(c, t2, nt2, x.speaker, sizeof x.speaker,
							     x.role, sizeof x.role);
					if (got)
						break;
				}
				c->inq = inq;
				if (!x.speaker[0] && copen && quote_speaker[0]) {
					snprintf(x.speaker, sizeof x.speaker, "%s", quote_speaker);
					snprintf(x.role, sizeof x.role, "%s", quote_role);
				}
			}
			if (!x.speaker[0] && turn[0])
				snprintf(x.speaker, sizeof x.speaker, "%s", turn);
			attr_note_people(c, t, nt);
			if (hdr[si] != SIZE_MAX)
				x.nq = table_values(s, &sv[hdr[si]], &sv[si], x.q, XMAX_QUANT);
			else
				x.nq = extract_quantities_tok(s, n, t, nt, x.q, XMAX_QUANT);
			/* a bare number borrows no unit ("754 for 2014" is not months)
			 * unless said to be a figure ("10,000 is a likelier figure") */
			size_t kept = 0;
			for (size_t i = 0; i < x.nq; i++) {
				if (x.q[i].unit[0]) {
					sent_unit = x.q[i];
				} else if (x.q[i].figure && sent_unit.unit[0]) {
					memcpy(x.q[i].unit, sent_unit.unit, sizeof sent_unit.unit);
					memcpy(x.q[i].counted, sent_unit.counted, sizeof sent_unit.counted);
				} else {
					continue;
				}
				x.q[kept++] = x.q[i];
			}
			x.nq = kept;
			struct date_hit dh[XMAX_DATE];
			size_t nd = dates_find_tok(s, t, nt, &dctx, dh, XMAX_DATE);
			for (size_t i = 0; i < nd; i++)
				x.d[x.nd++] = dh[i].v;
			if (x.nd)
				extract_event(s, t, nt, x.event, sizeof x.event);
			/* "eight months ago": also a quantity, already found above */
			int score = 0, words = 0;
			bool cmp = false, sup = false, judged = false;
			for (size_t i = 0; i < nt; i++) {
				words += t[i].kind == TOK_WORD;
				if (tok_in(s, &t[i], comparatives))
					cmp = true;
				if (tok_in(s, &t[i], judgements))
					judged = true;
				/* "the longest", "the most important" */
				if (i > 0 && tok_is(s, &t[i - 1], "the") && t[i].kind == TOK_WORD &&
				    (tok_is(s, &t[i], "most") || tok_is(s, &t[i], "least") ||
				     (t[i].end - t[i].start > 5 && !strncmp(s + t[i].end - 3, "est", 3))))
					sup = true;
			}
			score += x.nq ? 3 : 0;
			score += x.nd ? 2 : 0;
			score += x.speaker[0] ? 2 : 0;
			score += sup ? 2 : cmp ? 1 : 0;
			score += judged ? 2 : 0;
			/* several named actors doing something: a reported event */
			bool actors = score < EXTRACT_THRESHOLD && words >= 6 &&
				      extract_actors(s, t, nt) >= 3;
			score += actors ? 2 : 0;
			if (s[cb - 1] == '?' || (cb >= 4 && s[cb - 4] == '?'))
				score -= 5;
			/* a short fragment counts only with a figure, or a date
			 * and a few words ("and Tsunami of 26 December 2004") */
			if (words < 5 && !x.nq && !(x.nd && words >= 3))
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
			else if (actors)
				x.kind = "event";
			else
				x.kind = "assessment";
			add_claim(&v, &k, &cap, &x);
		}
	}
	free(sv);
	free(hdr);
	free(T);
	free(c);
	free(inq);
	free(inq2);
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
		if (d->start[0]) {   /* a partial date ("--11-26") has no days to give */
			cJSON_AddStringToObject(e, "start", d->start);
			cJSON_AddStringToObject(e, "end", d->end);
		}
		if (x->event[0])
			cJSON_AddStringToObject(e, "about", x->event);
		cJSON_AddItemToArray(vs, e);
	}
	cJSON_AddItemToObject(o, "topics", cJSON_CreateArray());
	cJSON_AddStringToObject(o, "origin", "extracted");
	return o;
}
