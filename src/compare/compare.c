/* compare: curated and automatic topics with their pairwise verdicts. */
#include "compare/compare.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/util.h"
#include "compare/cluster.h"
#include "compare/related.h"

static void read_values(struct cmp_model *m)
{
	struct corpus *c = m->c;
	m->published = xcalloc(c->nsources ? c->nsources : 1, sizeof *m->published);
	for (size_t s = 0; s < c->nsources; s++) {
		struct cmp_published *p = &m->published[s];
		enum norm_prec prec;
		p->ok = norm_date_parse(c->sources[s].published, &p->lo, &p->hi, &prec) == 0;
	}
	m->vals = xcalloc(c->nclaims ? c->nclaims : 1, sizeof *m->vals);
	for (size_t i = 0; i < c->nclaims; i++) {
		struct claim *cl = &c->claims[i];
		struct cmp_claim_values *cv = &m->vals[i];
		if (!cl->nvalues)
			continue;
		cv->v = pool_alloc(&m->pool, cl->nvalues * sizeof *cv->v);
		cv->index = pool_alloc(&m->pool, cl->nvalues * sizeof *cv->index);
		for (size_t k = 0; k < cl->nvalues; k++)
			if (norm_value(&cl->values[k], &cv->v[cv->n]) == 0) {
				verdict_describe(&cv->v[cv->n], &m->descs);
				cv->index[cv->n++] = (int)k;
			}
	}
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

bool compare_voices_differ(const struct cmp_model *m, size_t a, size_t b)
{
	const struct claim *x = &m->c->claims[a], *y = &m->c->claims[b];
	return x->source != y->source || !same_str(x->speaker, y->speaker);
}

/* The day claim i's source was published, or -1 when it gives no single
 * day. */
long compare_claim_day(const struct cmp_model *m, size_t i)
{
	const struct cmp_published *p = &m->published[m->c->claims[i].source];
	return p->ok && p->lo == p->hi ? p->lo : -1;
}

bool compare_claim_span(const struct cmp_model *m, size_t i, long *lo, long *hi)
{
	const struct cmp_published *p = &m->published[m->c->claims[i].source];
	*lo = p->lo;
	*hi = p->hi;
	return p->ok && p->hi - p->lo < 31;
}

/* Whether v is a date of exactly the day day (>= 0). */
static bool own_day(const struct norm_value *v, long day)
{
	return v->kind == NORM_DATE && day >= 0 && v->lo == (double)day && v->hi == (double)day;
}

void compare_pair(const struct cmp_model *m, size_t a, size_t b, struct verdict_pair *out)
{
	long la, ha, lb, hb, da = -1, db = -1;
	verdict_claims(m->vals[a].v, m->vals[a].n, m->vals[b].v, m->vals[b].n, out);
	/* the moments of the two sources: their nearest days when their
	 * publication dates (a day or a month) do not overlap */
	if (compare_claim_span(m, a, &la, &ha) && compare_claim_span(m, b, &lb, &hb)) {
		da = db = la;
		if (ha < lb) {
			da = ha;
			db = lb;
		} else if (hb < la) {
			da = la;
			db = hb;
		}
	}
	verdict_moment(out, m->vals[a].v, m->vals[b].v, da, db);
	int ca, cb;
	if (out->by_values && out->v != VERDICT_CONFLICT &&
	    verdict_named_conflict(m->vals[a].v, m->vals[a].n, m->vals[b].v, m->vals[b].n,
				   da, db, &ca, &cb)) {
		out->v = VERDICT_CONFLICT;
		out->ia = ca;
		out->ib = cb;
	}
	/* a running total (count, mass, money) or a revised reading (a
	 * magnitude) is a conflict only between two
	 * sources that each give the day they speak of (or within one
	 * article): without it the moment is not known to be the same, and the
	 * verdict is at most differ */
	if (out->v == VERDICT_CONFLICT && out->ia >= 0 && out->ib >= 0 &&
	    verdict_revised(&m->vals[a].v[out->ia]) &&
	    m->c->claims[a].source != m->c->claims[b].source &&
	    (compare_claim_day(m, a) < 0 || compare_claim_day(m, b) < 0))
		out->v = VERDICT_DIFFER;
	/* a date that is its own article's day of publication (a dateline)
	 * says when each was written: two of them are two moments */
	if (out->v == VERDICT_CONFLICT && out->ia >= 0 && out->ib >= 0 &&
	    own_day(&m->vals[a].v[out->ia], compare_claim_day(m, a)) &&
	    own_day(&m->vals[b].v[out->ib], compare_claim_day(m, b)))
		out->v = VERDICT_TIMELINE;
	/* deciding values as indexes into the claim's own values */
	if (out->ia >= 0)
		out->ia = m->vals[a].index[out->ia];
	if (out->ib >= 0)
		out->ib = m->vals[b].index[out->ib];
}

static void add_pair(struct cmp_model *m, struct cmp_topic *t, size_t *alloc, size_t a, size_t b)
{
	if (t->npairs == *alloc) {
		*alloc = *alloc ? 2 * *alloc : 8;
		t->pairs = xrealloc(t->pairs, *alloc * sizeof *t->pairs);
	}
	struct cmp_pair *p = &t->pairs[t->npairs++];
	p->a = a;
	p->b = b;
	compare_pair(m, a, b, &p->v);
	m->njudged++;
}

/* One source's range of one measure (kind and unit) in a topic: the
 * positions in the topic of the claims with its lowest and highest value. */
struct range {
	size_t source;
	int kind;
	const char *unit;            /* canon, else counted, else NULL */
	double lo, hi;
	size_t at_lo, at_hi;
	bool used;
};

static const char *range_unit(const struct norm_value *v)
{
	return v->canon ? v->canon : v->counted;
}

static size_t range_hash(size_t source, int kind, const char *unit)
{
	size_t h = 2166136261u ^ source * 16777619u ^ (size_t)kind * 40503u;
	for (const char *s = unit ? unit : ""; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of (source, kind, unit) in the open table r of mask + 1. */
static struct range *range_slot(struct range *r, size_t mask, size_t source, int kind,
				const char *unit)
{
	for (size_t h = range_hash(source, kind, unit) & mask;; h = (h + 1) & mask)
		if (!r[h].used || (r[h].source == source && r[h].kind == kind &&
				   same_str(r[h].unit, unit)))
			return &r[h];
}

static int by_position(const void *x, const void *y)
{
	const size_t *a = x, *b = y;
	return a[0] != b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] != b[1] ? (a[1] < b[1] ? -1 : 1) : 0;
}

/* The pairs of a sampled topic's value ranges (see compare.h), as
 * positions in the topic, the earlier first, those the window of
 * neighbours already judged left out. */
static void range_pairs(struct cmp_model *m, struct cmp_topic *t, size_t window, size_t *alloc)
{
	size_t nvals = 0, mask = 1, n = 0;
	for (size_t i = 0; i < t->nclaims; i++)
		nvals += m->vals[t->claims[i]].n;
	while (mask < 2 * nvals + 1)
		mask <<= 1;
	struct range *r = xcalloc(mask--, sizeof *r);
	for (size_t i = 0; i < t->nclaims; i++) {
		const struct cmp_claim_values *cv = &m->vals[t->claims[i]];
		size_t source = m->c->claims[t->claims[i]].source;
		for (size_t k = 0; k < cv->n; k++) {
			const struct norm_value *v = &cv->v[k];
			struct range *e = range_slot(r, mask, source, (int)v->kind, range_unit(v));
			if (!e->used)
				*e = (struct range){ source, (int)v->kind, range_unit(v), v->lo, v->hi,
						     i, i, true };
			if (v->lo < e->lo)
				e->lo = v->lo, e->at_lo = i;
			if (v->hi > e->hi)
				e->hi = v->hi, e->at_hi = i;
		}
	}
	/* the ranges of one measure next to each other */
	size_t nr = 0;
	for (size_t h = 0; h <= mask; h++)
		if (r[h].used)
			r[nr++] = r[h];
	size_t (*pos)[2] = xmalloc(CMP_MAX_RANGE_PAIRS * sizeof *pos);
	for (size_t x = 0; x < nr && n < CMP_MAX_RANGE_PAIRS; x++)
		for (size_t y = x + 1; y < nr && n + 4 <= CMP_MAX_RANGE_PAIRS; y++) {
			if (r[x].source == r[y].source || r[x].kind != r[y].kind ||
			    !same_str(r[x].unit, r[y].unit))
				continue;
			size_t ax[2] = { r[x].at_lo, r[x].at_hi }, ay[2] = { r[y].at_lo, r[y].at_hi };
			for (int i = 0; i < 2; i++)
				for (int j = 0; j < 2; j++) {
					size_t p = ax[i] < ay[j] ? ax[i] : ay[j];
					size_t q = ax[i] < ay[j] ? ay[j] : ax[i];
					if (q - p > window) {
						pos[n][0] = p;
						pos[n++][1] = q;
					}
				}
		}
	free(r);
	qsort(pos, n, sizeof *pos, by_position);
	for (size_t k = 0; k < n; k++)
		if (!k || pos[k][0] != pos[k - 1][0] || pos[k][1] != pos[k - 1][1])
			add_pair(m, t, alloc, t->claims[pos[k][0]], t->claims[pos[k][1]]);
	free(pos);
}

/* Pairs, status and source count of a topic whose claims are set.  At most
 * CMP_MAX_PAIRS pairs are judged: past that, each claim meets the claims
 * that follow it within a window, and the sources' value ranges meet
 * (range_pairs()); the topic says it was sampled. */
static void judge(struct cmp_model *m, struct cmp_topic *t)
{
	size_t alloc = 0;
	bool *src = xcalloc(m->c->nsources ? m->c->nsources : 1, sizeof *src);
	size_t window = t->nclaims;
	if (t->nclaims > 1 && (t->nclaims - 1) > 2 * CMP_MAX_PAIRS / t->nclaims) {
		window = CMP_MAX_PAIRS / t->nclaims;
		if (window < 2)
			window = 2;
		t->sampled = true;
	}
	for (size_t i = 0; i < t->nclaims; i++) {
		size_t a = t->claims[i];
		if (!src[m->c->claims[a].source]) {
			src[m->c->claims[a].source] = true;
			t->nsources++;
		}
		for (size_t j = i + 1; j < t->nclaims && j <= i + window; j++)
			if (compare_voices_differ(m, a, t->claims[j]))
				add_pair(m, t, &alloc, a, t->claims[j]);
	}
	free(src);
	if (t->sampled)
		range_pairs(m, t, window, &alloc);
	struct verdict_pair *vp = xmalloc((t->npairs ? t->npairs : 1) * sizeof *vp);
	for (size_t k = 0; k < t->npairs; k++)
		vp[k] = t->pairs[k].v;
	t->status = verdict_status(vp, t->npairs);
	free(vp);
}

/* Whether the build was asked to stop (and is then marked stopped). */
static bool stopping(struct cmp_model *m, struct cmp_progress *pr)
{
	if (pr && atomic_load(&pr->stop))
		m->stopped = true;
	return m->stopped;
}

/* Same ground for the conflicts of automatic topics: a conflict stands
 * only between claims that are each other's best counterparts and share
 * words enough (related_conflict_ground());
 * otherwise the pair gets no verdict (related).  Curated topics are the
 * user's own ground and keep theirs. */
static void ground_conflicts(struct cmp_model *m, struct cmp_progress *pr)
{
	struct rel_index r;
	bool built = false;
	for (size_t t = 0; t < m->ntopics && !stopping(m, pr); t++) {
		struct cmp_topic *tp = &m->topics[t];
		bool changed = false;
		if (!tp->automatic || tp->status != VERDICT_CONFLICT)
			continue;
		if (!built) {
			related_build(&r, m);
			built = true;
		}
		for (size_t k = 0; k < tp->npairs; k++) {
			struct cmp_pair *p = &tp->pairs[k];
			/* two voices of one article are on its ground */
			if (p->v.v != VERDICT_CONFLICT ||
			    m->c->claims[p->a].source == m->c->claims[p->b].source ||
			    related_conflict_ground(&r, p->a, p->b))
				continue;
			p->v.v = VERDICT_RELATED;
			p->v.by_values = false;
			changed = true;
		}
		if (changed) {
			struct verdict_pair *vp = xmalloc(tp->npairs * sizeof *vp);
			for (size_t k = 0; k < tp->npairs; k++)
				vp[k] = tp->pairs[k].v;
			tp->status = verdict_status(vp, tp->npairs);
			free(vp);
		}
	}
	if (built) {
		m->nrelated_postings += r.postings_read;
		related_release(&r);
	}
}

static struct cmp_topic *new_topic(struct cmp_model *m, size_t *alloc)
{
	if (m->ntopics == *alloc) {
		*alloc = *alloc ? 2 * *alloc : 32;
		m->topics = xrealloc(m->topics, *alloc * sizeof *m->topics);
	}
	struct cmp_topic *t = &m->topics[m->ntopics++];
	memset(t, 0, sizeof *t);
	return t;
}

/* Claim i as an item for align.h. */
static void item_of(const struct cmp_model *m, size_t i, struct align_item *it)
{
	const struct claim *cl = &m->c->claims[i];
	const struct cmp_published *p = &m->published[cl->source];
	it->id = cl->id;
	it->text = cl->text;
	it->source = cl->source;
	it->vals = m->vals[i].v;
	it->nvals = m->vals[i].n;
	it->published_lo = p->ok ? p->lo : 0;
	it->published_hi = p->ok ? p->hi : -1;
}

/*
 * Topics from counterparts: claims (outside curated topics) that are each
 * among the other's RELATED_MUTUAL best counterparts (related.h), or that
 * hold one figure (related_same_value()) with one among the other's
 * RELATED_TOPIC_K best, and whose
 * values were compared as one measure (verdict.h: kind, unit and counted
 * thing) are linked, so that no link stands on words alone, let alone one
 * common word; not when the values are of two moments
 * (align_other_moment(): the same measure a month apart) or in a conflict
 * without ground (related_conflict_ground()).  A timeline (a running total
 * given again days later) is linked: the same fact, updated.  Groups are made by
 * average linkage over the links at COUNTERPART_LINK (cluster.h), so that
 * a topic's claims are mostly each other's counterparts, never a chain.
 * A group of two sources or more whose claims no automatic topic already
 * holds together becomes a topic, labelled by its shared counted thing
 * (related_label()); a claim may so be in two topics.  Claims without such
 * a counterpart stay out.
 */
#define COUNTERPART_LINK 0.5
#define RELATED_TOPIC_K 6

static const struct corpus *by_id_corpus;   /* for by_claim_id() in qsort */

static int by_claim_id(const void *x, const void *y)
{
	return strcmp(by_id_corpus->claims[*(const size_t *)x].id,
		      by_id_corpus->claims[*(const size_t *)y].id);
}

static void counterpart_topics(struct cmp_model *m, const bool *covered, size_t *alloc)
{
	const struct corpus *c = m->c;
	size_t n = c->nclaims, ne = 0, ealloc = 0, open = 0;
	for (size_t i = 0; i < n; i++)
		open += !covered[i];
	if (open < 2)
		return;
	struct rel_index r;
	related_build(&r, m);
	/* nodes are claims in the order of their ids, so that the order of
	 * the corpus does not change the topics */
	size_t *order = xmalloc(n * sizeof *order);
	uint32_t *node = xmalloc(n * sizeof *node);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	by_id_corpus = c;
	qsort(order, n, sizeof *order, by_claim_id);
	for (size_t i = 0; i < n; i++)
		node[order[i]] = (uint32_t)i;
	struct cluster_edge *e = NULL;
	struct rel_hit h[RELATED_TOPIC_K];
	for (size_t a = 0; a < n; a++) {
		if (covered[a])
			continue;
		size_t nh = related_of(&r, a, RELATED_TOPIC_K, h);
		for (size_t k = 0; k < nh; k++) {
			size_t b = h[k].claim;
			struct align_item ia, ib;
			bool same = k >= RELATED_MUTUAL && related_same_value(&r, a, b);
			if (k >= RELATED_MUTUAL && !same)
				continue;
			if ((b < a && !same) || covered[b] || !h[k].v.by_values ||
			    (!same && !related_same_ground(&r, a, b, h[k].v.v == VERDICT_CONFLICT)) ||
			    (h[k].v.v == VERDICT_CONFLICT && !related_conflict_ground(&r, a, b)))
				continue;
			item_of(m, a, &ia);
			item_of(m, b, &ib);
			if (align_other_moment(&ia, &ib))
				continue;
			if (ne == ealloc) {
				ealloc = ealloc ? 2 * ealloc : 256;
				e = xrealloc(e, ealloc * sizeof *e);
			}
			uint32_t x = node[a], y = node[b];
			e[ne++] = (struct cluster_edge){ x < y ? x : y, x < y ? y : x, 1.0 };
		}
	}
	ne = cluster_edges_unique(e, ne);
	uint32_t *root = xmalloc(n * sizeof *root);
	cluster_average(e, ne, n, COUNTERPART_LINK, root);
	/* the automatic topic of each claim so far (align gives one at most) */
	long *auto_of = xmalloc(n * sizeof *auto_of);
	for (size_t i = 0; i < n; i++)
		auto_of[i] = -1;
	for (size_t t = 0; t < m->ntopics; t++)
		if (m->topics[t].automatic)
			for (size_t k = 0; k < m->topics[t].nclaims; k++)
				auto_of[node[m->topics[t].claims[k]]] = (long)t;
	/* members of each group, by counting sort on the roots */
	size_t *off = xcalloc(n + 1, sizeof *off), *members = xmalloc(n * sizeof *members);
	for (size_t i = 0; i < n; i++)
		off[root[i] + 1]++;
	for (size_t i = 0; i < n; i++)
		off[i + 1] += off[i];
	size_t *fill = xmalloc(n * sizeof *fill);
	memcpy(fill, off, n * sizeof *fill);
	for (size_t i = 0; i < n; i++)
		members[fill[root[i]]++] = i;
	free(fill);
	for (size_t g = 0; g < n; g++) {
		size_t nm = off[g + 1] - off[g];
		size_t *mem = &members[off[g]];
		if (nm < 2)
			continue;
		bool held = auto_of[mem[0]] >= 0;
		for (size_t k = 1; k < nm && held; k++)
			held = auto_of[mem[k]] == auto_of[mem[0]];
		if (held)
			continue;
		for (size_t k = 0; k < nm; k++)
			mem[k] = order[mem[k]];
		struct cmp_topic *t = new_topic(m, alloc);
		struct strbuf sb = STRBUF_INIT;
		sb_addf(&sb, "auto-%zu", m->ntopics);
		t->id = pool_strdup(&m->pool, sb.buf);
		sb_reset(&sb);
		/* labelled by the first member and its best counterpart in the group */
		size_t nh = related_of(&r, mem[0], RELATED_MUTUAL, h);
		for (size_t k = 0; k < nh; k++)
			if (root[node[h[k].claim]] == g) {
				related_label(&r, mem[0], &h[k], &sb);
				break;
			}
		t->label = pool_strdup(&m->pool, sb.len ? sb.buf : c->claims[mem[0]].id);
		sb_release(&sb);
		t->automatic = true;
		t->claims = xmalloc(nm * sizeof *t->claims);
		memcpy(t->claims, mem, nm * sizeof *t->claims);
		t->nclaims = nm;
	}
	free(off);
	free(order);
	free(node);
	free(members);
	free(auto_of);
	free(root);
	free(e);
	m->nrelated_postings += r.postings_read;
	related_release(&r);
}


void compare_build(struct cmp_model *m, struct corpus *c, unsigned flags,
		   const struct align_params *p)
{
	compare_build_ctl(m, c, flags, p, NULL);
}

static void set_stage(struct cmp_progress *pr, enum cmp_stage st)
{
	if (pr)
		atomic_store(&pr->stage, (int)st);
}

void compare_build_ctl(struct cmp_model *m, struct corpus *c, unsigned flags,
		       const struct align_params *p, struct cmp_progress *pr)
{
	size_t alloc = 0;
	memset(m, 0, sizeof *m);
	m->c = c;
	pool_init(&m->pool);
	desc_table_init(&m->descs);
	set_stage(pr, CMP_STAGE_VALUES);
	read_values(m);
	bool *covered = xcalloc(c->nclaims ? c->nclaims : 1, sizeof *covered);
	m->closest = xmalloc((c->nclaims ? c->nclaims : 1) * sizeof *m->closest);
	m->closest_w = xcalloc(c->nclaims ? c->nclaims : 1, sizeof *m->closest_w);
	for (size_t i = 0; i < c->nclaims; i++)
		m->closest[i] = -1;

	if (!(flags & CMP_AUTO_ONLY))
		for (size_t i = 0; i < c->ntopics; i++) {
			struct topic *ct = &c->topics[i];
			struct cmp_topic *t = new_topic(m, &alloc);
			t->id = ct->id;
			t->label = ct->label;
			t->automatic = ct->origin && !strcmp(ct->origin, "auto");
			t->curated_status = ct->status;
			t->claims = xmalloc((ct->nclaims ? ct->nclaims : 1) * sizeof *t->claims);
			if (ct->nclaims)
				memcpy(t->claims, ct->claims, ct->nclaims * sizeof *t->claims);
			t->nclaims = ct->nclaims;
			for (size_t k = 0; k < ct->nclaims; k++)
				covered[ct->claims[k]] = true;
		}

	if (!(flags & CMP_NO_AUTO) && !stopping(m, pr)) {
		size_t n = 0;
		struct align_item *items = xcalloc(c->nclaims ? c->nclaims : 1, sizeof *items);
		size_t *claim_of = xmalloc((c->nclaims ? c->nclaims : 1) * sizeof *claim_of);
		for (size_t i = 0; i < c->nclaims; i++) {
			if (covered[i])
				continue;
			item_of(m, i, &items[n]);
			claim_of[n++] = i;
		}
		struct align_result r;
		set_stage(pr, CMP_STAGE_ALIGN);
		align_run(items, n, p, &r);
		m->ncandidates = r.ncandidates;
		m->npostings = r.npostings;
		for (size_t k = 0; k < n; k++)
			if (r.closest[k] >= 0) {
				m->closest[claim_of[k]] = (long)claim_of[r.closest[k]];
				m->closest_w[claim_of[k]] = r.closest_w[k];
			}
		for (size_t k = 0; k < r.ntopics; k++) {
			struct cmp_topic *t = new_topic(m, &alloc);
			struct strbuf id = STRBUF_INIT;
			sb_addf(&id, "auto-%zu", k + 1);
			t->id = pool_strdup(&m->pool, id.buf);
			sb_release(&id);
			t->label = pool_strdup(&m->pool, r.topics[k].label);
			t->automatic = true;
			t->nclaims = r.topics[k].nitems;
			t->claims = xmalloc(t->nclaims * sizeof *t->claims);
			for (size_t j = 0; j < t->nclaims; j++)
				t->claims[j] = claim_of[r.topics[k].items[j]];
		}
		align_release(&r);
		free(items);
		free(claim_of);
		counterpart_topics(m, covered, &alloc);
	}
	free(covered);

	m->topic_of = xmalloc((c->nclaims ? c->nclaims : 1) * sizeof *m->topic_of);
	for (size_t i = 0; i < c->nclaims; i++)
		m->topic_of[i] = -1;
	if (pr)
		atomic_store(&pr->total, m->ntopics);
	set_stage(pr, CMP_STAGE_JUDGE);
	for (size_t t = 0; t < m->ntopics && !stopping(m, pr); t++) {
		judge(m, &m->topics[t]);
		for (size_t k = 0; k < m->topics[t].nclaims; k++)
			if (m->topic_of[m->topics[t].claims[k]] < 0)
				m->topic_of[m->topics[t].claims[k]] = (long)t;
		if (pr)
			atomic_store(&pr->done, t + 1);
	}
	set_stage(pr, CMP_STAGE_GROUND);
	ground_conflicts(m, pr);
	set_stage(pr, CMP_STAGE_DONE);
}

void compare_release(struct cmp_model *m)
{
	for (size_t t = 0; t < m->ntopics; t++) {
		free(m->topics[t].claims);
		free(m->topics[t].pairs);
	}
	free(m->topics);
	free(m->vals);
	free(m->published);
	free(m->topic_of);
	free(m->closest);
	free(m->closest_w);
	pool_release(&m->pool);
	desc_table_release(&m->descs);
	memset(m, 0, sizeof *m);
}

long compare_topic_of(const struct cmp_model *m, size_t claim)
{
	return claim < m->c->nclaims ? m->topic_of[claim] : -1;
}

long compare_find_topic(const struct cmp_model *m, const char *id)
{
	for (size_t t = 0; t < m->ntopics; t++)
		if (!strcmp(m->topics[t].id, id))
			return (long)t;
	return -1;
}

static void add_values(struct strbuf *out, const struct norm_value *v, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (k)
			sb_addstr(out, "; ");
		norm_format(out, &v[k]);
	}
}

void compare_values_text(const struct cmp_model *m, size_t i, struct strbuf *out)
{
	add_values(out, m->vals[i].v, m->vals[i].n);
}

void compare_claim_text(const struct corpus *c, size_t i, struct strbuf *out)
{
	const struct claim *cl = &c->claims[i];
	struct norm_value *v = xmalloc((cl->nvalues ? cl->nvalues : 1) * sizeof *v);
	size_t n = 0;
	for (size_t k = 0; k < cl->nvalues; k++)
		if (norm_value(&cl->values[k], &v[n]) == 0)
			n++;
	add_values(out, v, n);
	free(v);
}

static int severity(enum verdict v)
{
	static const int sev[VERDICT_COUNT] = {
		[VERDICT_NONE] = 0, [VERDICT_RELATED] = 1, [VERDICT_AGREE] = 2,
		[VERDICT_TIMELINE] = 3, [VERDICT_MEASURE] = 4, [VERDICT_DIFFER] = 5,
		[VERDICT_CONFLICT] = 6, [VERDICT_MIXED] = 5,
	};
	return sev[v];
}

size_t compare_claims_in(const struct cmp_model *m, size_t t, size_t s, size_t *out,
			 size_t max)
{
	const struct cmp_topic *tp = &m->topics[t];
	size_t n = 0;
	for (size_t k = 0; k < tp->nclaims; k++)
		if (m->c->claims[tp->claims[k]].source == s) {
			if (n < max)
				out[n] = tp->claims[k];
			n++;
		}
	return n;
}

enum verdict compare_claim_mark(const struct cmp_model *m, size_t t, size_t claim)
{
	const struct cmp_topic *tp = &m->topics[t];
	enum verdict mark = VERDICT_NONE;
	for (size_t p = 0; p < tp->npairs; p++)
		if ((tp->pairs[p].a == claim || tp->pairs[p].b == claim) &&
		    severity(tp->pairs[p].v.v) > severity(mark))
			mark = tp->pairs[p].v.v;
	return mark;
}

/* Cuts s to at most width columns, adding "..." when cut. */
static void add_cut(struct strbuf *out, const char *s, size_t width)
{
	struct text_iter it;
	struct glyph g;
	size_t w = 0, total = text_width(s, strlen(s), false);
	text_iter_init(&it, s, strlen(s), false);
	while (text_iter_next(&it, &g)) {
		if (total > width && w + (size_t)g.width + 3 > width) {
			sb_addstr(out, "...");
			return;
		}
		sb_add(out, s + g.off, g.len);
		w += (size_t)g.width;
	}
}

enum verdict compare_cell(const struct cmp_model *m, size_t t, size_t s,
			  size_t width, struct strbuf *text, long *first)
{
	const struct cmp_topic *tp = &m->topics[t];
	enum verdict mark = VERDICT_NONE;
	struct strbuf sb = STRBUF_INIT;
	*first = -1;
	for (size_t k = 0; k < tp->nclaims; k++) {
		size_t ci = tp->claims[k];
		if (m->c->claims[ci].source != s)
			continue;
		if (*first < 0)
			*first = (long)ci;
		size_t before = sb.len;
		if (sb.len)
			sb_addstr(&sb, "; ");
		size_t at = sb.len;
		compare_values_text(m, ci, &sb);
		if (sb.len == at) {
			if (before)
				sb_setlen(&sb, before);
			else
				sb_addstr(&sb, m->c->claims[ci].text);
		}
	}
	for (size_t p = 0; p < tp->npairs; p++) {
		const struct cmp_pair *pr = &tp->pairs[p];
		if (m->c->claims[pr->a].source == s || m->c->claims[pr->b].source == s)
			if (severity(pr->v.v) > severity(mark))
				mark = pr->v.v;
	}
	add_cut(text, sb.buf, width);
	sb_release(&sb);
	return mark;
}

bool compare_worse(enum verdict a, enum verdict b)
{
	return severity(a) > severity(b);
}
