/* related: counterparts of a claim across sources, by BM25 and measures. */
#include "compare/related.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "compare/terms.h"

#define K1 1.2
#define B 0.75
#define TITLE_W (1.0 / 3)
#define ENT_BIT 0x80000000u      /* in doc_terms: the word was a name */
#define VAL_PREFIX '#'           /* value terms start with it */
#define VALUE_W 2.0              /* a shared figure weighs as two words */
#define MEASURE_W 1.0            /* a shared measure, whatever its size, as one */
#define SAME_VALUE_MIN 10        /* see related_same_value() */
#define CONFLICT_WORDS 2         /* words two claims share to be called in conflict */

struct tmp_term {
	uint32_t id;
	float w;
	bool ent;
};

struct scan_ctx {
	struct termdict *d;
	struct tmp_term *t;
	size_t n, alloc;
	float w;
};

static void push(struct scan_ctx *s, uint32_t id, float w, bool ent)
{
	if (s->n == s->alloc) {
		s->alloc = s->alloc ? 2 * s->alloc : 64;
		s->t = xrealloc(s->t, s->alloc * sizeof *s->t);
	}
	s->t[s->n++] = (struct tmp_term){ id, w, ent };
}

static void on_term(void *ctx, const char *term, size_t len, const char *word,
		    size_t wlen, unsigned flags)
{
	struct scan_ctx *s = ctx;
	uint32_t id = termdict_id(s->d, term, len, word, wlen);
	push(s, id, s->w, (flags & TERM_CAP) && s->w >= 1);
}

/* A value as terms: its kind, canonical unit and size on a log grid of a
 * tenth of a decade ("#count:passengers:34"), or a day ("#date:12795");
 * and, for a value with a unit, its measure alone ("#count:passengers"),
 * so that two tolls of the dead meet whatever their sizes. */
static void add_value(struct scan_ctx *s, const struct norm_value *v)
{
	char key[96];
	if (v->kind == NORM_DATE) {
		if (v->hi - v->lo > 31)
			return;
		snprintf(key, sizeof key, "%cdate:%ld", VAL_PREFIX, (long)v->lo);
	} else {
		double x = fabs(v->point);
		const char *u = v->canon ? v->canon : norm_unit_canon(v->unit);
		if (!isfinite(x) || x <= 0)
			return;
		snprintf(key, sizeof key, "%c%s:%.40s:%ld", VAL_PREFIX, norm_kind_name(v->kind),
			 u ? u : "", (long)floor(log10(x) * 10 + 0.5));
		if (u && *u) {
			char what[96];
			snprintf(what, sizeof what, "%c%s:%.40s", VAL_PREFIX, norm_kind_name(v->kind), u);
			push(s, termdict_id(s->d, what, strlen(what), NULL, 0), (float)MEASURE_W, false);
		}
	}
	push(s, termdict_id(s->d, key, strlen(key), NULL, 0), 1, false);
}

static void source_similarity(struct rel_index *r);

static int by_id(const void *x, const void *y)
{
	const struct tmp_term *a = x, *b = y;
	return a->id < b->id ? -1 : a->id > b->id;
}

void related_build(struct rel_index *r, const struct cmp_model *m)
{
	const struct corpus *c = m->c;
	size_t n = c->nclaims;
	struct scan_ctx s = { 0 };
	size_t alloc = 0, used = 0;
	memset(r, 0, sizeof *r);
	r->m = m;
	termdict_init(&r->d);
	s.d = &r->d;
	r->doc_off = xcalloc(n + 1, sizeof *r->doc_off);
	r->len = xcalloc(n ? n : 1, sizeof *r->len);
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		const struct claim *cl = &c->claims[i];
		const char *title = c->sources[cl->source].title;
		s.n = 0;
		s.w = 1;
		if (cl->text)
			terms_scan(cl->text, strlen(cl->text), on_term, &s);
		s.w = (float)TITLE_W;
		if (title)
			terms_scan(title, strlen(title), on_term, &s);
		for (size_t k = 0; k < m->vals[i].n; k++)
			add_value(&s, &m->vals[i].v[k]);
		qsort(s.t, s.n, sizeof *s.t, by_id);
		size_t w = 0;
		for (size_t k = 0; k < s.n; k++) {
			if (w && s.t[w - 1].id == s.t[k].id) {
				s.t[w - 1].w += s.t[k].w;
				s.t[w - 1].ent |= s.t[k].ent;
			} else {
				s.t[w++] = s.t[k];
			}
		}
		if (used + w > alloc) {
			while (used + w > alloc)
				alloc = alloc ? 2 * alloc : 1024;
			r->doc_terms = xrealloc(r->doc_terms, alloc * sizeof *r->doc_terms);
			r->doc_tf = xrealloc(r->doc_tf, alloc * sizeof *r->doc_tf);
		}
		for (size_t k = 0; k < w; k++) {
			r->doc_terms[used] = s.t[k].id | (s.t[k].ent ? ENT_BIT : 0);
			r->doc_tf[used++] = s.t[k].w;
			r->len[i] += s.t[k].w;
		}
		r->doc_off[i + 1] = (uint32_t)used;
		total += r->len[i];
	}
	free(s.t);
	r->avg_len = n && total > 0 ? total / (double)n : 1;
	/* postings */
	size_t nt = r->d.n;
	r->post_off = xcalloc(nt + 1, sizeof *r->post_off);
	for (size_t k = 0; k < used; k++)
		r->post_off[(r->doc_terms[k] & ~ENT_BIT) + 1]++;
	for (size_t t = 0; t < nt; t++)
		r->post_off[t + 1] += r->post_off[t];
	r->post = xmalloc((used ? used : 1) * sizeof *r->post);
	uint32_t *fill = xmalloc((nt ? nt : 1) * sizeof *fill);
	memcpy(fill, r->post_off, nt * sizeof *fill);
	for (size_t i = 0; i < n; i++)
		for (uint32_t k = r->doc_off[i]; k < r->doc_off[i + 1]; k++) {
			uint32_t t = r->doc_terms[k] & ~ENT_BIT;
			r->post[fill[t]++] = (struct rel_post){ (uint32_t)i, r->doc_tf[k] };
		}
	free(fill);
	r->max_df = termdict_block_df(n, 4, 64);
	double pool = n ? RELATED_RERANK_BUDGET / (double)n : RELATED_RERANK_MAX;
	r->rerank = pool > RELATED_RERANK_MAX ? RELATED_RERANK_MAX :
		    pool < RELATED_RERANK_MIN ? RELATED_RERANK_MIN : (size_t)pool;
	r->acc = xcalloc(n ? n : 1, sizeof *r->acc);
	r->touched = xmalloc((n ? n : 1) * sizeof *r->touched);
	r->mutual = xmalloc((n ? n : 1) * RELATED_MUTUAL * sizeof *r->mutual);
	r->mutual_n = xmalloc(n ? n : 1);
	memset(r->mutual_n, UINT8_MAX, n ? n : 1);
	source_similarity(r);
}

void related_release(struct rel_index *r)
{
	termdict_release(&r->d);
	free(r->doc_off);
	free(r->doc_terms);
	free(r->doc_tf);
	free(r->len);
	free(r->post_off);
	free(r->post);
	free(r->acc);
	free(r->touched);
	free(r->src_sim);
	free(r->mutual);
	free(r->mutual_n);
	memset(r, 0, sizeof *r);
}

static size_t df(const struct rel_index *r, uint32_t t);
static double idf(const struct rel_index *r, uint32_t t);

struct src_term {
	uint32_t src, term;
	float w;
};

static int by_src_term(const void *x, const void *y)
{
	const struct src_term *a = x, *b = y;
	if (a->src != b->src)
		return a->src < b->src ? -1 : 1;
	return a->term < b->term ? -1 : a->term > b->term;
}

/* Cosine of the sources' word vectors (TF-IDF over all their claims, not
 * their figures), for up to RELATED_MAX_SOURCES sources. */
static void source_similarity(struct rel_index *r)
{
	const struct corpus *c = r->m->c;
	size_t ns = c->nsources, used = r->doc_off[c->nclaims];
	if (ns < 2 || ns > RELATED_MAX_SOURCES)
		return;
	struct src_term *st = xmalloc((used ? used : 1) * sizeof *st);
	size_t n = 0;
	for (size_t i = 0; i < c->nclaims; i++)
		for (uint32_t k = r->doc_off[i]; k < r->doc_off[i + 1]; k++) {
			uint32_t t = r->doc_terms[k] & ~ENT_BIT;
			if (r->d.terms[t][0] == VAL_PREFIX)
				continue;
			st[n++] = (struct src_term){ (uint32_t)c->claims[i].source, t,
						     (float)(r->doc_tf[k] * idf(r, t)) };
		}
	qsort(st, n, sizeof *st, by_src_term);
	size_t w = 0;
	for (size_t k = 0; k < n; k++) {
		if (w && st[w - 1].src == st[k].src && st[w - 1].term == st[k].term)
			st[w - 1].w += st[k].w;
		else
			st[w++] = st[k];
	}
	size_t *off = xcalloc(ns + 1, sizeof *off);
	double *norm = xcalloc(ns, sizeof *norm);
	for (size_t k = 0; k < w; k++) {
		off[st[k].src + 1]++;
		norm[st[k].src] += (double)st[k].w * st[k].w;
	}
	for (size_t i = 0; i < ns; i++)
		off[i + 1] += off[i];
	r->src_sim = xcalloc(ns * ns, sizeof *r->src_sim);
	for (size_t a = 0; a < ns; a++)
		for (size_t b = a + 1; b < ns; b++) {
			double dot = 0;
			size_t i = off[a], j = off[b];
			while (i < off[a + 1] && j < off[b + 1]) {
				if (st[i].term < st[j].term)
					i++;
				else if (st[j].term < st[i].term)
					j++;
				else
					dot += (double)st[i++].w * st[j++].w;
			}
			double x = norm[a] > 0 && norm[b] > 0 ? dot / sqrt(norm[a] * norm[b]) : 0;
			r->src_sim[a * ns + b] = r->src_sim[b * ns + a] = (float)x;
		}
	free(off);
	free(norm);
	free(st);
}

static size_t df(const struct rel_index *r, uint32_t t)
{
	return r->post_off[t + 1] - r->post_off[t];
}

static double idf(const struct rel_index *r, uint32_t t)
{
	double n = (double)r->m->c->nclaims, f = (double)df(r, t);
	return log(1 + (n - f + 0.5) / (f + 0.5));
}

/* Shared terms of claims a and b: names both use, and the rarest word both
 * use (not a value), into h. */
static void shared(const struct rel_index *r, size_t a, size_t b, struct rel_hit *h)
{
	uint32_t i = r->doc_off[a], j = r->doc_off[b];
	double best = -1;
	h->shared_entities = 0;
	h->shared_words = 0;
	h->shared_term = UINT32_MAX;
	while (i < r->doc_off[a + 1] && j < r->doc_off[b + 1]) {
		uint32_t x = r->doc_terms[i] & ~ENT_BIT, y = r->doc_terms[j] & ~ENT_BIT;
		if (x < y) {
			i++;
		} else if (y < x) {
			j++;
		} else {
			if ((r->doc_terms[i] & ENT_BIT) && (r->doc_terms[j] & ENT_BIT))
				h->shared_entities++;
			double w = idf(r, x);
			bool word = r->d.terms[x][0] != VAL_PREFIX && r->doc_tf[i] >= 1 &&
				    r->doc_tf[j] >= 1;
			h->shared_words += word;
			if (word && w > best) {
				best = w;
				h->shared_term = x;
			}
			i++;
			j++;
		}
	}
}

/* BM25 of claim a as the query against claim b, over every term both
 * hold (the blocking skips the commonest; the final score does not). */
static double bm25(const struct rel_index *r, size_t a, size_t b)
{
	uint32_t i = r->doc_off[a], j = r->doc_off[b];
	double s = 0;
	while (i < r->doc_off[a + 1] && j < r->doc_off[b + 1]) {
		uint32_t x = r->doc_terms[i] & ~ENT_BIT, y = r->doc_terms[j] & ~ENT_BIT;
		if (x < y) {
			i++;
		} else if (y < x) {
			j++;
		} else {
			double tf = r->doc_tf[j];
			double w = idf(r, x) * r->doc_tf[i] *
				   (r->d.terms[x][0] == VAL_PREFIX ? VALUE_W : 1);
			s += w * tf * (K1 + 1) / (tf + K1 * (1 - B + B * r->len[b] / r->avg_len));
			i++;
			j++;
		}
	}
	return s;
}

/* The days claim i's article was published in, as compare_claim_span(),
 * but not a month that import guessed from other articles' claims
 * (a guessed day, from a dateline or the file's name, is kept). */
static bool claim_span(const struct cmp_model *m, size_t i, long *lo, long *hi)
{
	if (!compare_claim_span(m, i, lo, hi))
		return false;
	if (*lo == *hi)
		return true;
	const struct source *s = &m->c->sources[m->c->claims[i].source];
	for (size_t g = 0; g < s->nguessed; g++)
		if (!strcmp(s->guessed[g], "published"))
			return false;
	return true;
}

/* Whether claims a and b both name one day (a date of a day's precision),
 * other than the days their articles were published. */
static bool same_day(const struct cmp_model *m, size_t a, size_t b)
{
	const struct cmp_claim_values *x = &m->vals[a], *y = &m->vals[b];
	long da = compare_claim_day(m, a), db = compare_claim_day(m, b);
	for (size_t i = 0; i < x->n; i++) {
		const struct norm_value *u = &x->v[i];
		if (u->kind != NORM_DATE || u->lo != u->hi || u->lo == (double)da || u->lo == (double)db)
			continue;
		for (size_t j = 0; j < y->n && j < 64; j++)
			if (y->v[j].kind == NORM_DATE && y->v[j].lo == u->lo && y->v[j].hi == u->hi)
				return true;
	}
	return false;
}

/* Whether claims a and b hold one figure: the same day (same_day()), or
 * the same number of one kind and unit, not a small one (below
 * SAME_VALUE_MIN: counts of a few recur in many facts). */
bool related_same_value(const struct rel_index *r, size_t a, size_t b)
{
	const struct cmp_model *m = r->m;
	if (same_day(m, a, b))
		return true;
	const struct cmp_claim_values *x = &m->vals[a], *y = &m->vals[b];
	for (size_t i = 0; i < x->n; i++) {
		const struct norm_value *u = &x->v[i];
		if (u->kind == NORM_DATE || !(fabs(u->point) >= SAME_VALUE_MIN))
			continue;
		const char *cu = u->canon ? u->canon : norm_unit_canon(u->unit);
		for (size_t j = 0; j < y->n && j < 64; j++) {
			const struct norm_value *w = &y->v[j];
			const char *cw = w->canon ? w->canon : norm_unit_canon(w->unit);
			if (w->kind == u->kind && w->point == u->point &&
			    (cu && cw ? !strcmp(cu, cw) : cu == cw))
				return true;
		}
	}
	return false;
}

static int measure_level(const struct cmp_model *m, size_t a, size_t b,
			 const struct verdict_pair *v)
{
	if (v->by_values)
		return 2;
	const struct cmp_claim_values *x = &m->vals[a], *y = &m->vals[b];
	for (size_t i = 0; i < x->n; i++)
		for (size_t j = 0; j < y->n && j < 64; j++)
			if (x->v[i].kind == y->v[j].kind)
				return 1;
	return 0;
}

static int by_score(const void *x, const void *y)
{
	const struct rel_hit *a = x, *b = y;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return a->claim < b->claim ? -1 : a->claim > b->claim;
}

static int by_acc(const void *x, const void *y, const double *acc)
{
	double a = acc[*(const uint32_t *)x], b = acc[*(const uint32_t *)y];
	if (a != b)
		return a > b ? -1 : 1;
	return *(const uint32_t *)x < *(const uint32_t *)y ? -1 : 1;
}

/* Keeps the best max of touched[0..n) at its front, by acc. */
static size_t select_best(uint32_t *t, size_t n, const double *acc, size_t max)
{
	size_t keep = n < max ? n : max;
	/* partial selection: one pass keeping a sorted front of size keep */
	for (size_t i = 0; i < n; i++) {
		size_t at = i < keep ? i : keep;
		if (at == keep && by_acc(&t[i], &t[keep - 1], acc) >= 0)
			continue;
		uint32_t x = t[i];
		if (at == keep)
			at = keep - 1;
		else
			t[i] = t[at];
		while (at > 0 && by_acc(&x, &t[at - 1], acc) < 0) {
			t[at] = t[at - 1];
			at--;
		}
		t[at] = x;
	}
	return keep;
}

size_t related_of(struct rel_index *r, size_t c, size_t k, struct rel_hit *out)
{
	const struct cmp_model *m = r->m;
	const struct corpus *cp = m->c;
	size_t nt = 0;
	if (c >= cp->nclaims || !k)
		return 0;
	size_t src = cp->claims[c].source;
	for (uint32_t q = r->doc_off[c]; q < r->doc_off[c + 1]; q++) {
		uint32_t t = r->doc_terms[q] & ~ENT_BIT;
		size_t f = df(r, t);
		if (f < 2 || f > r->max_df)
			continue;
		double w = idf(r, t) * r->doc_tf[q] * (r->d.terms[t][0] == VAL_PREFIX ? VALUE_W : 1);
		for (uint32_t p = r->post_off[t]; p < r->post_off[t + 1]; p++) {
			uint32_t d = r->post[p].claim;
			r->postings_read++;
			if (cp->claims[d].source == src)
				continue;
			double tf = r->post[p].tf;
			double s = w * tf * (K1 + 1) / (tf + K1 * (1 - B + B * r->len[d] / r->avg_len));
			if (!(s > 0))    /* acc 0 marks an untouched claim */
				continue;
			if (r->acc[d] == 0)
				r->touched[nt++] = d;
			r->acc[d] += s;
		}
	}
	size_t keep = select_best(r->touched, nt, r->acc, r->rerank);
	struct rel_hit *h = xmalloc((keep ? keep : 1) * sizeof *h);
	long lo, hi;
	bool dated = claim_span(m, c, &lo, &hi);
	for (size_t i = 0; i < keep; i++) {
		size_t d = r->touched[i];
		struct rel_hit *x = &h[i];
		x->claim = d;
		x->gated = false;
		x->thin = false;
		compare_pair(m, c, d, &x->v);
		shared(r, c, d, x);
		x->measure = measure_level(m, c, d, &x->v);
		double s = bm25(r, c, d);
		s *= x->measure == 2 ? 1.5 : x->measure == 1 ? 1.15 : 1;
		if (related_same_value(r, c, d))
			s *= RELATED_SAME_FIGURE;
		s *= 1 + 0.1 * (x->shared_entities < 3 ? x->shared_entities : 3);
		long dlo, dhi;
		if (dated && claim_span(m, d, &dlo, &dhi)) {
			long gap = dlo > hi ? dlo - hi : lo > dhi ? lo - dhi : 0;
			s /= 1 + (double)gap / RELATED_DAYS;
		}
		if (r->src_sim)
			s *= RELATED_SRC_BASE + r->src_sim[src * cp->nsources + cp->claims[d].source];
		x->score = s;
	}
	for (size_t i = 0; i < nt; i++)
		r->acc[r->touched[i]] = 0;
	/* only the best max(k, RELATED_MUTUAL) are used: those in order at
	 * the front (by_score is a total order, so as a full sort gives them) */
	size_t need = k > RELATED_MUTUAL ? k : RELATED_MUTUAL;
	if (need >= keep / 4) {
		qsort(h, keep, sizeof *h, by_score);
	} else {
		for (size_t i = 0; i < keep; i++) {
			size_t at = i < need ? i : need;
			if (at == need && by_score(&h[i], &h[need - 1]) >= 0)
				continue;
			struct rel_hit x = h[i];
			if (at == need)
				at = need - 1;
			else
				h[i] = h[at];
			while (at > 0 && by_score(&x, &h[at - 1]) < 0) {
				h[at] = h[at - 1];
				at--;
			}
			h[at] = x;
		}
		keep = need;
	}
	if (r->mutual_n[c] == UINT8_MAX && (k >= RELATED_MUTUAL || keep <= k)) {
		size_t nm = keep < RELATED_MUTUAL ? keep : RELATED_MUTUAL;
		for (size_t j = 0; j < nm; j++)
			r->mutual[c * RELATED_MUTUAL + j] = (uint32_t)h[j].claim;
		r->mutual_n[c] = (uint8_t)nm;
	}
	size_t n = keep < k ? keep : k;
	memcpy(out, h, n * sizeof *out);
	free(h);
	return n;
}

void related_why(const struct rel_index *r, size_t c, const struct rel_hit *h,
		 struct strbuf *out)
{
	const struct cmp_model *m = r->m;
	size_t at = out->len;
	if (h->thin)
		sb_addstr(out, "too few words in common to judge");
	else if (h->gated)
		sb_addstr(out, "not each other's closest");
	if (out->len > at && (h->v.by_values || h->v.v == VERDICT_MEASURE || h->measure == 1))
		sb_addstr(out, "; ");
	if (h->v.by_values && h->v.ia >= 0) {
		const struct value *v = &m->c->claims[c].values[h->v.ia];
		const char *what = v->type == VALUE_DATE ? v->about : v->counted ? v->counted : v->unit;
		const char *kind = v->type == VALUE_DATE ? "date" :
				   norm_kind_name(norm_unit_kind(v->unit));
		sb_addf(out, "same %s", kind);
		if (what)
			sb_addf(out, " of %s", what);
	} else if (h->v.v == VERDICT_MEASURE) {
		sb_addstr(out, "values of different measures");
	} else if (h->measure == 1) {
		sb_addstr(out, "values of one kind");
	}
	if (h->shared_term != UINT32_MAX) {
		if (out->len > at)
			sb_addstr(out, "; ");
		sb_addf(out, "both '%s'", r->d.surface[h->shared_term]);
	}
	if (h->shared_entities > 1) {
		if (out->len > at)
			sb_addstr(out, "; ");
		sb_addf(out, "%u names", h->shared_entities);
	}
	if (out->len == at)
		sb_addstr(out, "similar wording");
}

/* The RELATED_MUTUAL best counterparts of claim c, computed once. */
static const uint32_t *mutual_of(struct rel_index *r, size_t c, uint8_t *n)
{
	if (r->mutual_n[c] == UINT8_MAX) {
		struct rel_hit back[RELATED_MUTUAL];
		size_t nb = related_of(r, c, RELATED_MUTUAL, back);
		for (size_t j = 0; j < nb; j++)
			r->mutual[c * RELATED_MUTUAL + j] = (uint32_t)back[j].claim;
		r->mutual_n[c] = (uint8_t)nb;
	}
	*n = r->mutual_n[c];
	return &r->mutual[c * RELATED_MUTUAL];
}

bool related_same_ground(struct rel_index *r, size_t a, size_t b, bool first)
{
	uint8_t na, nb;
	const uint32_t *la = mutual_of(r, a, &na);
	bool in_a = false, in_b = false;
	for (size_t j = 0; j < na; j++)
		in_a |= la[j] == b && (!first || j == 0);
	const uint32_t *lb = mutual_of(r, b, &nb);
	for (size_t j = 0; j < nb; j++)
		in_b |= lb[j] == a && (!first || j == 0);
	return in_a && in_b;
}

bool related_conflict_ground(struct rel_index *r, size_t a, size_t b)
{
	struct rel_hit h;
	if (!related_same_ground(r, a, b, false))
		return false;
	shared(r, a, b, &h);
	return h.shared_words >= CONFLICT_WORDS;
}

void related_gate(struct rel_index *r, size_t c, struct rel_hit *h, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t nb;
		const uint32_t *back = mutual_of(r, h[i].claim, &nb);
		bool mutual = false;
		for (size_t j = 0; j < nb; j++)
			mutual |= back[j] == c;
		bool first = nb && back[0] == c && i == 0;
		h[i].thin = mutual && first && h[i].v.v == VERDICT_CONFLICT &&
			    h[i].shared_words < CONFLICT_WORDS;
		h[i].gated = !mutual || (h[i].v.v == VERDICT_CONFLICT && !first) || h[i].thin;
	}
}

const char *related_verdict(const struct rel_hit *h)
{
	if (h->gated || h->v.v == VERDICT_RELATED || h->v.v == VERDICT_NONE)
		return NULL;
	return verdict_name(h->v.v);
}

static void count_term(void *ctx, const char *term, size_t len, const char *word,
		       size_t wlen, unsigned flags)
{
	(void)term, (void)len, (void)word, (void)wlen, (void)flags;
	(*(size_t *)ctx)++;
}

/* The two rarest words claims a and b both use (not a word of skip), in the
 * order of a's text, space-separated, onto out. */
static void rare_shared(const struct rel_index *r, size_t a, size_t b, const char *skip,
			struct strbuf *out);

void related_label(const struct rel_index *r, size_t a, const struct rel_hit *h,
		   struct strbuf *out)
{
	const struct corpus *c = r->m->c;
	const char *what = NULL;
	size_t words = 0;
	if (h->v.by_values && h->v.ia >= 0) {
		const struct value *v = &c->claims[a].values[h->v.ia];
		what = v->type == VALUE_DATE ? v->about : v->counted;
		if (what)
			terms_scan(what, strlen(what), count_term, &words);
	}
	if (words >= 2) {        /* a phrase of the corpus: "families forced from ..." */
		sb_addstr(out, what);
		return;
	}
	if (words == 1) {        /* one word alone is generic: "people (tsunami Sumatra)" */
		size_t at = out->len;
		sb_addf(out, "%s (", what);
		size_t open = out->len;
		rare_shared(r, a, h->claim, what, out);
		if (out->len == open)
			sb_setlen(out, at), sb_addstr(out, what);
		else
			sb_addch(out, ')');
		return;
	}
	rare_shared(r, a, h->claim, NULL, out);
}

static void rare_shared(const struct rel_index *r, size_t a, size_t b, const char *skip,
			struct strbuf *out)
{
	const struct corpus *c = r->m->c;
	/* the two rarest words both use, in the order of claim a's text */
	uint32_t best[2] = { UINT32_MAX, UINT32_MAX };
	double w[2] = { -1, -1 };
	uint32_t i = r->doc_off[a], j = r->doc_off[b];
	while (i < r->doc_off[a + 1] && j < r->doc_off[b + 1]) {
		uint32_t x = r->doc_terms[i] & ~ENT_BIT, y = r->doc_terms[j] & ~ENT_BIT;
		if (x != y) {
			x < y ? i++ : j++;
			continue;
		}
		double f = idf(r, x);
		if (r->d.terms[x][0] != VAL_PREFIX && r->doc_tf[i] >= 1 && r->doc_tf[j] >= 1 &&
		    !(skip && strcasestr(skip, r->d.surface[x]))) {
			if (f > w[0]) {
				best[1] = best[0], w[1] = w[0];
				best[0] = x, w[0] = f;
			} else if (f > w[1]) {
				best[1] = x, w[1] = f;
			}
		}
		i++;
		j++;
	}
	const char *text = c->claims[a].text ? c->claims[a].text : "";
	size_t at = out->len;
	const char *p0 = best[0] != UINT32_MAX ? strstr(text, r->d.surface[best[0]]) : NULL;
	const char *p1 = best[1] != UINT32_MAX ? strstr(text, r->d.surface[best[1]]) : NULL;
	int first = p1 && (!p0 || p1 < p0) ? 1 : 0;
	for (int k = 0; k < 2; k++) {
		uint32_t t = best[k ? 1 - first : first];
		if (t == UINT32_MAX)
			continue;
		if (out->len > at)
			sb_addch(out, ' ');
		sb_addstr(out, r->d.surface[t]);
	}
}
