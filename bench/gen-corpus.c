/*
 * gen-corpus: writes a deterministic synthetic lectern corpus for the
 * benchmarks and the scale tests.
 *
 *   gen-corpus N OUTDIR [SENTENCES_DIR]
 *
 * Writes OUTDIR/corpus.json and N texts under OUTDIR/sources/DDD/ (1000 a
 * folder).  Articles are sentences recombined from the bundled texts
 * (SENTENCES_DIR, default data/sources) with a headline, varied outlets,
 * authors and dates, and a few KB each; every article carries a quantity
 * claim, most a date claim, some an assessment, each with its exact span
 * and parsed values; topics group the claims of the same subject across
 * sources.  The same N always gives the same bytes (a fixed-seed PRNG).
 * The result passes `lectern check`.  Uses only libc and lectern's sha256.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/sha256.h"

static _Noreturn void fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("gen-corpus: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

/* ---- a growable byte buffer ---- */

struct buf {
	char *p;
	size_t n, cap;
};

static void b_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		if (!(b->p = realloc(b->p, b->cap)))
			fail("out of memory");
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void b_str(struct buf *b, const char *s)
{
	b_add(b, s, strlen(s));
}

static void b_fmt(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void b_fmt(struct buf *b, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof tmp)
		fail("formatted text too long");
	b_add(b, tmp, (size_t)n);
}

/* A JSON string literal (s is valid UTF-8 without controls but maybe TAB). */
static void b_json(struct buf *b, const char *s, size_t n)
{
	b_add(b, "\"", 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			char e[2] = { '\\', (char)c };
			b_add(b, e, 2);
		} else if (c < 0x20) {
			b_fmt(b, "\\u%04x", c);
		} else {
			b_add(b, (const char *)&s[i], 1);
		}
	}
	b_add(b, "\"", 1);
}

static void b_jstr(struct buf *b, const char *s)
{
	if (s)
		b_json(b, s, strlen(s));
	else
		b_str(b, "null");
}

/* ---- PRNG: splitmix64 ---- */

static uint64_t rng_state = 0x6c65637465726e31ull;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static size_t pick(size_t n)
{
	return (size_t)(rnd() % n);
}

#define PICK(a) (a)[pick(sizeof(a) / sizeof((a)[0]))]

/* ---- the sentences of the bundled texts ---- */

static char **sents;
static size_t nsents;

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_sentence(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n < 40 || n > 400 || !memchr(s, ' ', n))
		return;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			return;
	if (!(sents = realloc(sents, (nsents + 1) * sizeof *sents)) ||
	    !(sents[nsents] = strndup(s, n)))
		fail("out of memory");
	nsents++;
}

/* Splits at line ends and after ". ", "? ", "! " before a capital. */
static void split_text(const char *t, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		if (t[i] == '\n') {
			add_sentence(t + start, i - start);
			start = i + 1;
		} else if ((t[i] == '.' || t[i] == '?' || t[i] == '!') && i + 2 < n &&
			   t[i + 1] == ' ' && t[i + 2] >= 'A' && t[i + 2] <= 'Z') {
			add_sentence(t + start, i + 1 - start);
			start = i + 2;
		}
	}
	add_sentence(t + start, n - start);
}

static void load_sentences(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t nn = 0;

	if (!d)
		fail("%s: %s", dir, strerror(errno));
	while ((e = readdir(d)))
		if (strlen(e->d_name) > 4 && !strcmp(e->d_name + strlen(e->d_name) - 4, ".txt")) {
			names = realloc(names, (nn + 1) * sizeof *names);
			names[nn++] = strdup(e->d_name);
		}
	closedir(d);
	qsort(names, nn, sizeof *names, cmp_name);   /* readdir order varies */
	for (size_t i = 0; i < nn; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		FILE *fp = fopen(path, "rb");
		if (!fp)
			fail("%s: %s", path, strerror(errno));
		struct buf b = { 0 };
		char chunk[65536];
		size_t r;
		while ((r = fread(chunk, 1, sizeof chunk, fp)) > 0)
			b_add(&b, chunk, r);
		fclose(fp);
		if (b.n)
			split_text(b.p, b.n);
		free(b.p);
		free(names[i]);
	}
	free(names);
	if (nsents < 20)
		fail("%s: too few sentences to recombine (%zu)", dir, nsents);
}

/* ---- vocabulary ---- */

static const char *const outlets[] = { "The Northern Ledger", "Baltic Morning Post",
	"Eastern Review", "The Continental", "Harbour Times", "Daily Meridian",
	"Radio Fenwick", "The Observer Line", "Plain Dispatch", "Granite City Herald",
	"Weekly Compass", "Atlas Wire", "The River Gazette", "Signal Europe",
	"Lowland Chronicle", "Open Frontier", NULL };
static const char *const firsts[] = { "Anna", "Jonas", "Maria", "Pavel", "Ines", "Tomas",
	"Olga", "Peter", "Sofia", "Marek", "Lena", "Karl", "Irena", "David", "Nadia", "Luc" };
static const char *const lasts[] = { "Berg", "Novak", "Lindqvist", "Petrenko", "Moreau",
	"Kowalski", "Haas", "Ivanova", "Duarte", "Sorensen", "Varga", "Keller", "Rossi",
	"Mazur", "Fischer", "Ortega" };
static const char *const roles[] = { "a defence analyst", "the ministry spokesperson",
	"a senior military officer", "an independent researcher", "the regional governor",
	"a border guard official", "a think-tank fellow", "the deputy minister" };
static const char *const counted[] = { "troops", "soldiers", "armoured vehicles",
	"aircraft", "people", "refugees", "kilometres of new fortifications",
	"tonnes of supplies", "trains", "reservists" };
static const char *const places[] = { "near the northern border", "in the western region",
	"around the capital", "at the southern training grounds", "along the river crossing",
	"in the eastern districts", "at the joint staff headquarters", "on the coastal plain" };
static const char *const events[] = { "joint exercise", "troop rotation", "border closure",
	"mobilisation drive", "air defence drill", "rail deployment", "summit meeting",
	"inspection tour", "evacuation", "supply convoy" };
static const char *const months[] = { "January", "February", "March", "April", "May",
	"June", "July", "August", "September", "October", "November", "December" };
static const char *const statuses[] = { "agree", "differ", "conflict", "mixed", "timeline" };
static const char *const furniture = "Subscribe to our newsletter to get the week's "
	"analysis in your inbox. Support independent journalism: donate today.";

#define NQ (sizeof counted / sizeof *counted)

/* ---- one article ---- */

struct claim {
	size_t start, end;
	int kind;                 /* 0 quantity, 1 date, 2 assessment */
	char speaker[64];
	const char *role;
	long long value, low, high;
	const char *qual;
	char date[16];
	size_t subject;
};

static void add_words(struct buf *b, const char *s, size_t maxwords)
{
	size_t n = 0, w = 0;
	while (s[n] && !(s[n] == ' ' && ++w >= maxwords))
		n++;
	while (n && strchr(".,;:", s[n - 1]))
		n--;
	b_add(b, s, n);
}

/* Writes the text into t, the claims into cl; returns the claim count. */
static size_t article(struct buf *t, size_t i, size_t ntopics, struct claim *cl,
		      size_t *boiler_start)
{
	size_t nc = 0, target = 1200 + pick(3800);
	size_t subject = i % ntopics;
	size_t para = 0;
	bool want_date = pick(10) < 7, want_assess = pick(10) < 4;
	size_t q_at = 1 + pick(6), d_at = 2 + pick(8), a_at = 3 + pick(10);

	t->n = 0;
	add_words(t, sents[pick(nsents)], 6 + pick(8));
	b_str(t, "\n\n");
	for (size_t k = 0; t->n < target || nc == 0; k++) {
		if (k == q_at) {
			struct claim *c = &cl[nc++];
			long long base = (long long)(500 + subject * 37 % 40000);
			long long scale = subject % 3 == 0 ? 1 : subject % 3 == 1 ? 10 : 100;
			c->kind = 0;
			c->subject = subject;
			c->value = (base + (long long)pick(5) * base / 10) * scale / 10 * 10;
			if (c->value < 10)
				c->value = 10;
			snprintf(c->speaker, sizeof c->speaker, "%s %s", PICK(firsts), PICK(lasts));
			c->role = PICK(roles);
			static const char *const quals[] = { "about", "exact", "at least", "up to" };
			c->qual = PICK(quals);
			long long tol = 1;
			while (c->value % (tol * 10) == 0)
				tol *= 10;
			c->low = !strcmp(c->qual, "about") ? c->value - tol / 2 :
				 !strcmp(c->qual, "up to") ? -1 : c->value;
			c->high = !strcmp(c->qual, "about") ? c->value + tol / 2 :
				  !strcmp(c->qual, "at least") ? -1 : c->value;
			c->start = t->n;
			bool exact = !strcmp(c->qual, "exact");
			b_fmt(t, "%s, %s, said that %s%s%lld %s had been deployed %s.", c->speaker, c->role,
			      exact ? "" : c->qual, exact ? "" : " ", c->value,
			      counted[subject % NQ], places[subject % 8]);
			c->end = t->n - 1;      /* the span leaves out the full stop */
		} else if (k == d_at && want_date) {
			struct claim *c = &cl[nc++];
			int y = 2019 + (int)pick(6), m = 1 + (int)pick(12), d = 1 + (int)pick(28);
			c->kind = 1;
			c->subject = subject;
			snprintf(c->date, sizeof c->date, "%04d-%02d-%02d", y, m, d);
			c->start = t->n;
			b_fmt(t, "The %s began on %d %s %d", events[subject % 10], d, months[m - 1], y);
			c->end = t->n;
			b_str(t, ".");
		} else if (k == a_at && want_assess) {
			struct claim *c = &cl[nc++];
			c->kind = 2;
			c->start = t->n;
			b_str(t, sents[pick(nsents)]);
			c->end = t->n;
		} else {
			b_str(t, sents[pick(nsents)]);
		}
		if (++para >= 3 + pick(3)) {
			b_str(t, "\n\n");
			para = 0;
		} else {
			b_str(t, " ");
		}
	}
	t->n--;                          /* the last separator */
	b_str(t, "\n");
	*boiler_start = 0;
	if (pick(5) == 0) {
		*boiler_start = t->n;
		b_str(t, furniture);
		b_str(t, "\n");
	}
	return nc;
}

/* ---- the index ---- */

static void mkdirs(const char *p)
{
	if (mkdir(p, 0755) < 0 && errno != EEXIST)
		fail("%s: %s", p, strerror(errno));
}

static void write_file(const char *path, const char *p, size_t n)
{
	FILE *fp = fopen(path, "wb");
	if (!fp || fwrite(p, 1, n, fp) != n || fclose(fp) != 0)
		fail("%s: %s", path, strerror(errno));
}

static void claim_json(struct buf *ix, size_t i, size_t k, const struct claim *c,
		       const char *text, size_t ntopics, bool first)
{
	static const char *const kinds[] = { "quantity", "date", "assessment" };
	b_fmt(ix, "%s    {\n      \"id\": \"s%06zu-c%zu\",\n      \"source\": \"s%06zu\",\n"
	      "      \"span\": [%zu, %zu],\n      \"text\": ", first ? "" : ",\n", i, k, i,
	      c->start, c->end);
	b_json(ix, text + c->start, c->end - c->start);
	b_fmt(ix, ",\n      \"kind\": \"%s\",\n", kinds[c->kind]);
	if (c->kind == 0) {
		b_fmt(ix, "      \"speaker\": \"%s\",\n      \"speaker_role\": \"%s\",\n",
		      c->speaker, c->role);
		b_fmt(ix, "      \"values\": [{\"type\": \"quantity\", \"value\": %lld, "
		      "\"unit\": \"%s\", \"counted\": \"%s %s\", \"qualifier\": \"%s\", ",
		      c->value, counted[c->subject % NQ], counted[c->subject % NQ],
		      places[c->subject % 8], c->qual);
		if (c->low < 0)
			b_str(ix, "\"low\": null, ");
		else
			b_fmt(ix, "\"low\": %lld, ", c->low);
		if (c->high < 0)
			b_str(ix, "\"high\": null}],\n");
		else
			b_fmt(ix, "\"high\": %lld}],\n", c->high);
		b_fmt(ix, "      \"topics\": [\"t%05zu\"],\n", c->subject);
	} else if (c->kind == 1) {
		b_fmt(ix, "      \"values\": [{\"type\": \"date\", \"value\": \"%s\", "
		      "\"precision\": \"day\", \"start\": \"%s\", \"end\": \"%s\", "
		      "\"about\": \"%s\"}],\n", c->date, c->date, c->date,
		      events[c->subject % 10]);
		b_fmt(ix, "      \"topics\": [\"t%05zu\"],\n", ntopics + c->subject);
	}
	b_fmt(ix, "      \"origin\": \"%s\"\n    }", c->kind == 2 ? "extracted" : "curated");
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4)
		fail("usage: gen-corpus N OUTDIR [SENTENCES_DIR]");
	char *end;
	size_t n = strtoul(argv[1], &end, 10);
	if (*end || n == 0 || n > 1000000)
		fail("N must be 1 to 1000000");
	const char *out = argv[2];
	load_sentences(argc > 3 ? argv[3] : "data/sources");

	size_t ntopics = n / 10 ? n / 10 : 1;
	/* per topic subject: the claims of each kind, "sNNNNNN-cK" */
	size_t *qlist = calloc(n, sizeof *qlist), *dlist = calloc(n, sizeof *dlist);
	if (!qlist || !dlist)
		fail("out of memory");

	char path[4096];
	mkdirs(out);
	snprintf(path, sizeof path, "%s/sources", out);
	mkdirs(path);

	struct buf ix = { 0 }, claims = { 0 }, text = { 0 };
	b_str(&ix, "{\n  \"schema\": \"lectern-corpus\",\n  \"version\": 1,\n");
	b_fmt(&ix, "  \"title\": \"Synthetic archive: %zu articles\",\n", n);
	b_str(&ix, "  \"description\": \"Generated by bench/gen-corpus from sentences of the "
	      "bundled texts, for benchmarks and scale tests.\",\n  \"sources\": [\n");
	b_str(&claims, "  \"claims\": [\n");
	bool first_claim = true;
	for (size_t i = 0; i < n; i++) {
		struct claim cl[3];
		size_t boiler;
		memset(cl, 0, sizeof cl);
		size_t nc = article(&text, i, ntopics, cl, &boiler);
		if (i % 1000 == 0) {
			snprintf(path, sizeof path, "%s/sources/%03zu", out, i / 1000);
			mkdirs(path);
		}
		snprintf(path, sizeof path, "%s/sources/%03zu/s%06zu.txt", out, i / 1000, i);
		write_file(path, text.p, text.n);
		char hex[65];
		sha256_hex(text.p, text.n, hex);

		b_fmt(&ix, "%s    {\n      \"id\": \"s%06zu\",\n      \"title\": ", i ? ",\n" : "", i);
		if (pick(12) == 0)
			b_str(&ix, "null");
		else
			b_json(&ix, text.p, (size_t)(strchr(text.p, '\n') - text.p));
		const char *outlet = outlets[pick(sizeof outlets / sizeof *outlets)];
		b_str(&ix, ",\n      \"outlet\": ");
		b_jstr(&ix, outlet);
		b_str(&ix, ",\n      \"author\": ");
		if (pick(4) == 0)
			b_str(&ix, "null");
		else
			b_fmt(&ix, "\"%s %s\"", PICK(firsts), PICK(lasts));
		int y = 2019 + (int)pick(6), m = 1 + (int)pick(12), d = 1 + (int)pick(28);
		size_t form = pick(10);
		if (form < 7)
			b_fmt(&ix, ",\n      \"published\": \"%04d-%02d-%02d\"", y, m, d);
		else if (form < 9)
			b_fmt(&ix, ",\n      \"published\": \"%04d-%02d\"", y, m);
		else
			b_str(&ix, ",\n      \"published\": null");
		if (outlet) {
			b_fmt(&ix, ",\n      \"url\": \"https://news.example/");
			for (const char *p = outlet; *p; p++)
				b_add(&ix, *p == ' ' ? "-" : p, 1);
			b_fmt(&ix, "/%04d/s%06zu\"", y, i);
		} else {
			b_str(&ix, ",\n      \"url\": null");
		}
		b_fmt(&ix, ",\n      \"language\": \"en\",\n      \"file\": "
		      "\"sources/%03zu/s%06zu.txt\",\n      \"sha256\": \"%s\"", i / 1000, i, hex);
		if (boiler)
			b_fmt(&ix, ",\n      \"boilerplate\": [[%zu, %zu]]", boiler, text.n);
		b_str(&ix, "\n    }");

		for (size_t k = 0; k < nc; k++) {
			claim_json(&claims, i, k, &cl[k], text.p, ntopics, first_claim);
			first_claim = false;
			if (cl[k].kind == 0) {
				qlist[i] = k + 1;
			} else if (cl[k].kind == 1) {
				dlist[i] = k + 1;
			}
		}
	}
	b_str(&ix, "\n  ],\n");
	b_add(&ix, claims.p, claims.n);
	b_str(&ix, "\n  ],\n  \"topics\": [\n");
	for (size_t t = 0; t < 2 * ntopics; t++) {
		size_t subj = t % ntopics;
		bool date = t >= ntopics;
		struct buf members = { 0 };
		for (size_t i = subj; i < n; i += ntopics) {
			size_t k = date ? dlist[i] : qlist[i];
			if (k)
				b_fmt(&members, "%s\"s%06zu-c%zu\"", members.n ? ", " : "", i, k - 1);
		}
		if (!members.n) {
			free(members.p);
			continue;        /* a date topic no article fed */
		}
		b_fmt(&ix, "%s    {\n      \"id\": \"t%05zu\",\n", t ? ",\n" : "", t);
		if (date)
			b_fmt(&ix, "      \"label\": \"When the %s began (%zu)\",\n",
			      events[subj % 10], subj);
		else
			b_fmt(&ix, "      \"label\": \"How many %s %s (%zu)\",\n",
			      counted[subj % NQ], places[subj % 8], subj);
		b_fmt(&ix, "      \"note\": null,\n      \"claims\": [%s],\n"
		      "      \"status\": \"%s\",\n      \"origin\": \"auto\"\n    }",
		      members.p, PICK(statuses));
		free(members.p);
	}
	b_str(&ix, "\n  ]\n}\n");
	snprintf(path, sizeof path, "%s/corpus.json", out);
	write_file(path, ix.p, ix.n);
	fprintf(stderr, "gen-corpus: %zu sources, %zu-byte index in %s\n", n, ix.n, out);
	free(ix.p);
	free(claims.p);
	free(text.p);
	free(qlist);
	free(dlist);
	for (size_t i = 0; i < nsents; i++)
		free(sents[i]);
	free(sents);
	return 0;
}
