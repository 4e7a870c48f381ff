/*
 * corpus/check: the checks that need the texts (CORPUS_CHECK_FILES):
 * confinement, SHA-256, UTF-8, NUL bytes, and every span against the bytes
 * it points at.  Private to the loader (corpus/loader.h), but for
 * corpus_text_sound() (corpus.h), the same checks of one text.
 *
 * The texts are read, hashed and scanned by worker threads (one per core,
 * at most CHECK_THREADS), a batch of sources at a time; the messages are
 * then written in source order by the calling thread, so that the output
 * is the same whatever the number of threads.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/progress.h"
#include "base/sha256.h"
#include "base/text.h"
#include "base/util.h"
#include "corpus/loader.h"

enum { CHECK_THREADS = 8, CHECK_BATCH = 256 };

/* What a worker found in one text (its bytes stay in source->text). */
struct scanned {
	char *error;          /* could not read it: why (malloc'd), else NULL */
	char hex[65];         /* its SHA-256 */
	size_t bad;           /* first invalid UTF-8 byte, or len */
	size_t nul;           /* first NUL byte, or len */
};

struct batch {
	struct corpus *c;
	size_t from, to;
	atomic_size_t next;   /* the next source to take */
	struct scanned *out;  /* out[i - from] */
};

static bool skipped(const struct source *s)
{
	return !*s->file || corpus_path_problem(s->file);
}

/* Reads source i's text (kept in the source) and scans it into r; e is
 * scratch. */
static void scan_text(struct corpus *c, size_t i, struct scanned *r, struct strbuf *e)
{
	size_t len;
	sb_reset(e);
	const char *t = corpus_text(c, i, &len, e);
	if (!t) {
		r->error = xstrdup(e->buf);
		return;
	}
	sha256_hex(t, len, r->hex);
	r->bad = utf8_validate(t, len);
	const char *nul = memchr(t, '\0', len);
	r->nul = nul ? (size_t)(nul - t) : len;
}

static void *scan_texts(void *arg)
{
	struct batch *b = arg;
	struct strbuf e = STRBUF_INIT;

	for (size_t i; (i = atomic_fetch_add(&b->next, 1)) < b->to;)
		if (!skipped(&b->c->sources[i]))
			scan_text(b->c, i, &b->out[i - b->from], &e);
	sb_release(&e);
	return NULL;
}

/* Fills out[] for sources [from, to) with up to n threads (this one too). */
static void scan_batch(struct corpus *c, size_t from, size_t to, struct scanned *out,
		       int n)
{
	struct batch b = { .c = c, .from = from, .to = to, .out = out };
	pthread_t tid[CHECK_THREADS];
	int started = 0;

	atomic_init(&b.next, from);
	memset(out, 0, (to - from) * sizeof *out);
	for (; started < n - 1 && to - from > (size_t)started + 1; started++)
		if (pthread_create(&tid[started], NULL, scan_texts, &b))
			break;
	scan_texts(&b);
	for (int k = 0; k < started; k++)
		pthread_join(tid[k], NULL);
}

static int check_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > CHECK_THREADS ? CHECK_THREADS : (int)n;
}

/* Line and column (1-based, columns in characters) of offset off in t. */
static void text_where(const char *t, size_t off, size_t *line, size_t *col)
{
	*line = 1;
	*col = 1;
	for (size_t k = 0; k < off; k++) {
		if (t[k] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)t[k] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/* The messages about source i, whose text the workers read into r. */
static void report(struct ld *L, size_t i, const struct scanned *r)
{
	struct corpus *c = L->c;
	struct source *s = &c->sources[i];
	size_t len = s->text_len, line, col;
	const char *t = s->text;

	if (r->error) {
		diag_add(L->dg, s->file, 0, 0, "%s", r->error);
		for (size_t k = 0; k < s->nclaims; k++)
			c->claims[s->claims[k]].source = (size_t)-1;
		return;
	}
	if (*s->sha256 && strcmp(r->hex, s->sha256))
		diag_add(L->dg, s->file, 0, 0, "sha256 is %s, the index says %s "
			 "(the text changed after indexing)", r->hex, s->sha256);
	if (r->bad < len) {
		text_where(t, r->bad, &line, &col);
		diag_add(L->dg, s->file, line, col, "invalid UTF-8 (byte 0x%02X at offset %zu)",
			 (unsigned char)t[r->bad], r->bad);
	}
	/* valid UTF-8, but no text: no claim can match it (JSON strings
	 * cannot hold U+0000) and it is what a UTF-16 file or a file
	 * zero-filled by a crash looks like */
	if (r->nul < len) {
		text_where(t, r->nul, &line, &col);
		diag_add(L->dg, s->file, line, col, "NUL byte in text (offset %zu; "
			 "a binary or UTF-16 file?)", r->nul);
	}
	/* each message reads its element again: no tree is kept */
	for (size_t k = 0; k < s->nboiler; k++) {
		if (s->boiler[k].end > len)
			err(L, ld_field(ld_source_node(L, i), "boilerplate"), "source \"%s\": boilerplate span [%zu, %zu] ends past the "
			    "end of %s (%zu bytes)", s->id, s->boiler[k].start,
			    s->boiler[k].end, s->file, len);
		else if (!utf8_boundary(t, len, s->boiler[k].start) ||
			 !utf8_boundary(t, len, s->boiler[k].end))
			err(L, ld_field(ld_source_node(L, i), "boilerplate"),
			    "source \"%s\": boilerplate span [%zu, %zu] splits a "
			    "UTF-8 character", s->id, s->boiler[k].start, s->boiler[k].end);
	}
	for (size_t k = 0; k < s->nclaims; k++) {
		struct claim *cl = &c->claims[s->claims[k]];
		size_t ci = s->claims[k];
		if (cl->span.end > len)
			err(L, ld_field(ld_claim_node(L, ci), "span"), "claim \"%s\": span [%zu, %zu] ends past the end of %s "
			    "(%zu bytes)", cl->id, cl->span.start, cl->span.end, s->file, len);
		else if (!utf8_boundary(t, len, cl->span.start) ||
			 !utf8_boundary(t, len, cl->span.end))
			err(L, ld_field(ld_claim_node(L, ci), "span"),
			    "claim \"%s\": span [%zu, %zu] splits a UTF-8 character",
			    cl->id, cl->span.start, cl->span.end);
		else if (strlen(cl->text) != cl->span.end - cl->span.start ||
			 memcmp(cl->text, t + cl->span.start, cl->span.end - cl->span.start))
			err(L, ld_field(ld_claim_node(L, ci), "text"),
			    "claim \"%s\": text differs from the bytes of its span [%zu, %zu]",
			    cl->id, cl->span.start, cl->span.end);
	}
}

/* Reads every text: confinement, sha256, UTF-8, NUL bytes, spans. */
void check_files(struct ld *L)
{
	struct corpus *c = L->c;
	struct scanned out[CHECK_BATCH];
	int threads = check_threads();
	struct progress *p = progress_start("check", "sources", c->nsources);

	for (size_t from = 0; from < c->nsources; from += CHECK_BATCH) {
		size_t to = c->nsources - from < CHECK_BATCH ? c->nsources : from + CHECK_BATCH;
		scan_batch(c, from, to, out, threads);
		for (size_t i = from; i < to; i++) {
			if (!skipped(&c->sources[i]))
				report(L, i, &out[i - from]);
			free(out[i - from].error);
			corpus_text_drop(c, i);
		}
		progress_step(p, to);
	}
	progress_end(p);
}

bool corpus_text_sound(struct corpus *c, size_t i)
{
	struct diags scratch;
	struct scanned r = { 0 };
	struct strbuf e = STRBUF_INIT;

	if (skipped(&c->sources[i]))
		return false;
	diags_init(&scratch);
	struct ld L = { .dg = &scratch, .c = c };
	L.doc.name = c->index_path;
	scan_text(c, i, &r, &e);
	report(&L, i, &r);
	jdoc_release(&L.doc);
	bool ok = diags_count(&scratch) == 0;
	diags_release(&scratch);
	free(r.error);
	sb_release(&e);
	return ok;
}
