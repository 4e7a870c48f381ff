/* cli/eval_extract: lectern eval, the extractor measured against curated claims. */
#include "cli/common.h"
#include "cli/extract.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "base/util.h"
#include "extract/extract.h"

/* Targets from the project's quality bar. */
#define TARGET_RECALL 0.85
#define TARGET_SPEAKER 0.85
#define TARGET_VALUE 0.90
#define TARGET_UNIT 0.90

struct tally {
	size_t hit, total;
};

/* Lower-case words of s without articles, as a space-separated list. */
static void words_of(const char *s, char *out, size_t sz)
{
	size_t k = 0;
	out[0] = '\0';
	for (size_t i = 0; s[i] && k + 2 < sz;) {
		while (s[i] && !ascii_isalnum((unsigned char)s[i]) && (unsigned char)s[i] < 0x80)
			i++;
		size_t j = i;
		while (s[j] && (ascii_isalnum((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80))
			j++;
		if (j == i)
			break;
		size_t l = j - i;
		bool skip = (l == 3 && !strncasecmp(s + i, "the", 3)) || (l == 1 && ascii_tolower((unsigned char)s[i]) == 'a') ||
			    (l == 2 && !strncasecmp(s + i, "an", 2)) || (l == 2 && !strncasecmp(s + i, "of", 2));
		if (!skip && k + l + 2 < sz) {
			for (size_t m = 0; m < l; m++)
				out[k++] = (char)ascii_tolower((unsigned char)s[i + m]);
			out[k++] = ' ';
			out[k] = '\0';
		}
		i = j;
	}
}

/* Every word of a is a word of b. */
static bool subset(const char *a, const char *b)
{
	if (!*a)
		return false;
	for (const char *p = a; *p;) {
		const char *e = strchr(p, ' ');
		size_t l = (size_t)(e - p);
		bool found = false;
		for (const char *q = b; *q;) {
			const char *f = strchr(q, ' ');
			if ((size_t)(f - q) == l && !strncmp(p, q, l))
				found = true;
			q = f + 1;
		}
		if (!found)
			return false;
		p = e + 1;
	}
	return true;
}

/* The same speaker: one name's words are all in the other's ("Lukashenko"
 * and "Alexander Lukashenko", "Kyiv" and "Ukrainian government (Kyiv)"). */
static bool same_speaker(const char *x, const char *c)
{
	char a[256], b[256];
	words_of(x, a, sizeof a);
	words_of(c, b, sizeof b);
	return subset(a, b) || subset(b, a);
}

static size_t overlap(size_t a, size_t b, size_t c, size_t d)
{
	size_t s = a > c ? a : c, e = b < d ? b : d;
	return e > s ? e - s : 0;
}

static void row(const char *name, const struct tally *t, double target)
{
	double v = t->total ? (double)t->hit / (double)t->total : 0;
	char frac[32], tg[16] = "";
	snprintf(frac, sizeof frac, "%zu/%zu", t->hit, t->total);
	if (target > 0)
		snprintf(tg, sizeof tg, ">= %.2f", target);
	printf("%-34s %6.3f  %-9s  %-8s %s\n", name, v, frac, tg,
	       target > 0 ? (v >= target ? "ok" : "MISSED") : "");
}

/* Notes a curated claim the extractor missed or got wrong. */
static void show_miss(struct strbuf *out, const char *what, const struct claim *cl)
{
	struct strbuf m = STRBUF_INIT;
	size_t n = strlen(cl->text);
	if (n > 80) {
		n = 80;
		while (n > 0 && (cl->text[n] & 0xC0) == 0x80)
			n--;
	}
	text_sanitize(&m, cl->text, n, 0);
	sb_addf(out, "  %-8s %-10s %s\n", what, cl->id, m.buf);
	sb_release(&m);
}

int cmd_eval(const struct cli_args *a)
{
	int code;
	if (!a->against || a->nrest) {
		fprintf(stderr, "lectern: usage: lectern eval --against INDEX [--corpus PATH]\n");
		return 2;
	}
	struct corpus *cur = cli_load(a->against, CORPUS_CHECK_FILES, &code);
	if (!cur)
		return code;
	struct corpus *c = cli_load(a->corpus, CORPUS_CHECK_FILES, &code);
	if (!c) {
		corpus_free(cur);
		return code;
	}
	struct tally recall = { 0, 0 }, recall_all = { 0, 0 }, prec = { 0, 0 }, spk = { 0, 0 },
		     val = { 0, 0 }, unit = { 0, 0 }, date = { 0, 0 };
	struct strbuf misses = STRBUF_INIT, err = STRBUF_INIT;
	size_t compared = 0;
	for (size_t i = 0; i < c->nsources; i++) {
		long j = cli_match_source(c, i, cur);
		size_t len;
		const char *t = corpus_text(c, i, &len, &err);
		if (j < 0 || !t)
			continue;
		compared++;
		const struct source *s = &c->sources[i], *cs = &cur->sources[j];
		struct extract_opts o = { s->published, s->boiler, s->nboiler };
		struct xclaim *x;
		size_t nx = extract_claims(t, len, &o, &x);
		for (size_t k = 0; k < nx; k++) {
			prec.total++;
			for (size_t m = 0; m < cs->nclaims; m++) {
				const struct claim *cl = &cur->claims[cs->claims[m]];
				size_t ov = overlap(x[k].start, x[k].end, cl->span.start, cl->span.end);
				if (2 * ov >= cl->span.end - cl->span.start || 2 * ov >= x[k].end - x[k].start) {
					prec.hit++;
					break;
				}
			}
		}
		for (size_t m = 0; m < cs->nclaims; m++) {
			const struct claim *cl = &cur->claims[cs->claims[m]];
			if (strcmp(cl->origin, "curated"))
				continue;
			bool target = !strcmp(cl->kind, "quantity") || !strcmp(cl->kind, "date") || cl->nvalues;
			size_t need = cl->span.end - cl->span.start;
			bool found = false, spk_ok = false;
			for (size_t k = 0; k < nx; k++)
				if (2 * overlap(x[k].start, x[k].end, cl->span.start, cl->span.end) >= need) {
					found = true;
					if (cl->speaker && x[k].speaker[0] && same_speaker(x[k].speaker, cl->speaker))
						spk_ok = true;
				}
			recall_all.total++;
			recall_all.hit += found;
			if (target) {
				recall.total++;
				recall.hit += found;
				if (!found) {
					show_miss(&misses, "recall", cl);
				}
			}
			if (!found)
				continue;
			if (cl->speaker) {
				spk.total++;
				spk.hit += spk_ok;
				if (!spk_ok)
					show_miss(&misses, "speaker", cl);
			}
			for (size_t v = 0; v < cl->nvalues; v++) {
				const struct value *cv = &cl->values[v];
				bool vok = false, uok = false, dok = false;
				for (size_t k = 0; k < nx; k++) {
					if (2 * overlap(x[k].start, x[k].end, cl->span.start, cl->span.end) < need)
						continue;
					for (size_t q = 0; cv->type == VALUE_QUANTITY && q < x[k].nq; q++)
						if (fabs(x[k].q[q].value - cv->num) <= 1e-9 * fmax(1, fabs(cv->num))) {
							vok = true;
							if (cv->unit && !strcasecmp(cv->unit, x[k].q[q].unit))
								uok = true;
						}
					for (size_t d = 0; cv->type == VALUE_DATE && d < x[k].nd; d++)
						if ((cv->date && !strcmp(cv->date, x[k].d[d].value)) ||
						    (cv->start && cv->end && !strcmp(cv->start, x[k].d[d].start) &&
						     !strcmp(cv->end, x[k].d[d].end)))
							dok = true;
				}
				if (cv->type == VALUE_QUANTITY) {
					val.total++;
					val.hit += vok;
					if (!vok)
						show_miss(&misses, "value", cl);
					if (vok) {
						unit.total++;
						unit.hit += uok;
						if (!uok)
							show_miss(&misses, "unit", cl);
					}
				} else {
					date.total++;
					date.hit += dok;
					if (!dok)
						show_miss(&misses, "date", cl);
				}
			}
		}
		free(x);
	}
	printf("%-34s %6s  %-9s  %-8s\n", "measure", "value", "count", "target");
	row("recall, quantity and date claims", &recall, TARGET_RECALL);
	row("recall, all curated claims", &recall_all, 0);
	row("precision (estimate)", &prec, 0);
	row("speaker accuracy", &spk, TARGET_SPEAKER);
	row("value accuracy", &val, TARGET_VALUE);
	row("unit accuracy", &unit, TARGET_UNIT);
	row("date accuracy", &date, 0);
	printf("(%zu sources compared)\n", compared);
	if (misses.len)
		printf("\nmissed or wrong (curated claim, first 80 bytes):\n%s", misses.buf);
	code = 0;
	if (!compared || !recall.total ||
	    (double)recall.hit < TARGET_RECALL * (double)recall.total ||
	    (double)spk.hit < TARGET_SPEAKER * (double)spk.total ||
	    (double)val.hit < TARGET_VALUE * (double)val.total ||
	    (double)unit.hit < TARGET_UNIT * (double)unit.total)
		code = 1;
	sb_release(&misses);
	sb_release(&err);
	corpus_free(c);
	corpus_free(cur);
	return code;
}
