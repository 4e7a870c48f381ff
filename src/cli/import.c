/* cmd_import: lectern import and lectern extract. */
#include "cmd_import.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "boiler.h"
#include "compare.h"
#include "corpus_json.h"
#include "dating.h"
#include "decode.h"
#include "extract.h"
#include "html.h"
#include "meta.h"
#include "save.h"
#include "sha256.h"
#include "srcid.h"
#include "text.h"
#include "util.h"

static void say_err(const char *msg)
{
	struct strbuf m = STRBUF_INIT;
	text_sanitize(&m, msg, strlen(msg), 0);
	fprintf(stderr, "lectern: %s\n", m.buf);
	sb_release(&m);
}

struct corpus *cmd_load(const char *arg, unsigned flags, int *code)
{
	struct strbuf path = STRBUF_INIT;
	struct diags d;
	enum load_status st;

	if (corpus_locate(arg, &path) < 0) {
		say_err(path.buf);
		sb_release(&path);
		*code = 2;
		return NULL;
	}
	diags_init(&d);
	struct corpus *c = corpus_load(path.buf, flags, &d, &st);
	diags_print(&d, stderr);
	if (!c) {
		struct strbuf m = STRBUF_INIT;
		sb_addf(&m, "%s: %zu problem%s", path.buf, diags_count(&d),
			diags_count(&d) == 1 ? "" : "s");
		say_err(m.buf);
		sb_release(&m);
	}
	diags_release(&d);
	sb_release(&path);
	*code = c ? 0 : (int)st;
	return c;
}

/* A set of ids (open addressing, strings owned). */
struct idset {
	char **slot;
	size_t cap, n;
};

static size_t id_hash(const char *s)
{
	size_t h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static bool id_taken(const struct idset *set, const char *id)
{
	if (!set->cap)
		return false;
	for (size_t k = id_hash(id) & (set->cap - 1); set->slot[k]; k = (k + 1) & (set->cap - 1))
		if (!strcmp(set->slot[k], id))
			return true;
	return false;
}

static void id_add(struct idset *set, const char *id)
{
	if (2 * (set->n + 1) > set->cap) {
		struct idset big = { NULL, set->cap ? 2 * set->cap : 64, 0 };
		big.slot = xcalloc(big.cap, sizeof *big.slot);
		for (size_t i = 0; i < set->cap; i++)
			if (set->slot[i]) {
				size_t k = id_hash(set->slot[i]) & (big.cap - 1);
				while (big.slot[k])
					k = (k + 1) & (big.cap - 1);
				big.slot[k] = set->slot[i];
			}
		big.n = set->n;
		free(set->slot);
		*set = big;
	}
	size_t k = id_hash(id) & (set->cap - 1);
	while (set->slot[k])
		k = (k + 1) & (set->cap - 1);
	set->slot[k] = xstrdup(id);
	set->n++;
}

static void id_release(struct idset *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	memset(set, 0, sizeof *set);
}

/* A claim id "SOURCE-xNNN" not yet in use by c or in taken. */
static void claim_id(struct strbuf *out, const char *source, size_t *counter,
		     const struct corpus *c, const struct idset *taken)
{
	for (;;) {
		sb_reset(out);
		sb_addf(out, "%.50s-x%03zu", source, ++*counter);
		if ((!c || corpus_find_claim(c, out->buf) < 0) && !id_taken(taken, out->buf))
			return;
	}
}

/* Appends the extracted claims of one text to claims (a cJSON array),
 * skipping spans a curated claim already has.  Returns how many. */
static size_t add_extracted(cJSON *claims, const char *text, size_t len, const char *sid,
			    const char *published, const struct span *boiler, size_t nboiler,
			    const struct corpus *c, long src, struct idset *taken)
{
	struct extract_opts o = { published, boiler, nboiler };
	struct xclaim *x;
	size_t nx = extract_claims(text, len, &o, &x), added = 0, counter = 0;
	struct strbuf id = STRBUF_INIT;
	for (size_t i = 0; i < nx; i++) {
		bool dup = false;
		for (size_t k = 0; c && src >= 0 && k < c->sources[src].nclaims; k++) {
			const struct claim *cl = &c->claims[c->sources[src].claims[k]];
			if (cl->span.start == x[i].start && cl->span.end == x[i].end &&
			    strcmp(cl->origin, "extracted"))
				dup = true;
		}
		if (dup)
			continue;
		claim_id(&id, sid, &counter, c, taken);
		id_add(taken, id.buf);
		cJSON_AddItemToArray(claims, extract_claim_json(&x[i], text, id.buf, sid));
		added++;
	}
	sb_release(&id);
	free(x);
	return added;
}

static int write_index(const char *path, cJSON *root, struct strbuf *err)
{
	char *s = cJSON_Print(root);
	if (!s)
		die("out of memory");
	struct strbuf b = STRBUF_INIT;
	sb_addstr(&b, s);
	sb_addch(&b, '\n');
	cJSON_free(s);
	int r = save_file(path, b.buf, b.len, err);
	sb_release(&b);
	return r;
}

/* Loads and checks a written corpus, as `lectern check` does. */
static int verify(const char *index, size_t *nclaims)
{
	int code;
	struct corpus *c = cmd_load(index, CORPUS_CHECK_FILES, &code);
	if (!c)
		return code ? code : 1;
	if (nclaims)
		*nclaims = c->nclaims;
	corpus_free(c);
	return 0;
}

/* ---- extract ---- */

static int cmd_extract(const struct cli_args *a)
{
	int code;
	if (a->nrest) {
		fprintf(stderr, "lectern: extract takes no arguments\n");
		return 2;
	}
	struct corpus *c = cmd_load(a->corpus, CORPUS_CHECK_FILES, &code);
	if (!c)
		return code;
	cJSON *root = corpus_json(c);
	cJSON *claims = cJSON_GetObjectItemCaseSensitive(root, "claims");
	/* earlier extracted claims are replaced; curated ones stay */
	cJSON *it = claims->child;
	size_t old = 0, added = 0;
	while (it) {
		cJSON *next = it->next;
		cJSON *o = cJSON_GetObjectItemCaseSensitive(it, "origin");
		cJSON *tp = cJSON_GetObjectItemCaseSensitive(it, "topics");
		if (cJSON_IsString(o) && !strcmp(o->valuestring, "extracted") &&
		    cJSON_GetArraySize(tp) == 0) {
			cJSON_Delete(cJSON_DetachItemViaPointer(claims, it));
			old++;
		}
		it = next;
	}
	struct strbuf err = STRBUF_INIT;
	struct idset taken = { NULL, 0, 0 };
	for (size_t i = 0; i < c->nsources; i++) {
		size_t len;
		const char *t = corpus_text(c, i, &len, &err);
		if (!t)
			continue;   /* cannot happen: loaded with CORPUS_CHECK_FILES */
		const struct source *s = &c->sources[i];
		added += add_extracted(claims, t, len, s->id, s->published, s->boiler, s->nboiler,
				       c, (long)i, &taken);
	}
	struct strbuf index = STRBUF_INIT;
	sb_addstr(&index, c->index_path);
	corpus_free(c);
	code = 0;
	if (write_index(index.buf, root, &err) < 0) {
		say_err(err.buf);
		code = 2;
	} else if ((code = verify(index.buf, NULL)) == 0) {
		printf("extracted %zu claims (%zu earlier extracted claims replaced)\n", added, old);
	}
	cJSON_Delete(root);
	sb_release(&index);
	id_release(&taken);
	sb_release(&err);
	return code;
}

/* ---- import ---- */

struct input {
	char *path;
	bool html;
};

static bool has_ext(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);
	return n > e && !strcasecmp(name + n - e, ext);
}

static int cmp_input(const void *x, const void *y)
{
	return strcmp(((const struct input *)x)->path, ((const struct input *)y)->path);
}

static void add_input(struct input **v, size_t *n, const char *path, bool html)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[*n].path = xstrdup(path);
	(*v)[*n].html = html;
	(*n)++;
}

/* Files named on the command line, and the .txt/.html/.htm files of
 * folders (not recursive), in name order per folder. */
static int gather(const struct cli_args *a, struct input **v, size_t *n)
{
	for (int i = 0; i < a->nrest; i++) {
		const char *p = a->rest[i];
		struct stat st;
		if (stat(p, &st) < 0) {
			fprintf(stderr, "lectern: %s: %s\n", p, strerror(errno));
			return 2;
		}
		if (!S_ISDIR(st.st_mode)) {
			add_input(v, n, p, has_ext(p, ".html") || has_ext(p, ".htm"));
			continue;
		}
		DIR *d = opendir(p);
		if (!d) {
			fprintf(stderr, "lectern: %s: %s\n", p, strerror(errno));
			return 2;
		}
		size_t first = *n;
		struct dirent *e;
		while ((e = readdir(d))) {
			bool html = has_ext(e->d_name, ".html") || has_ext(e->d_name, ".htm");
			if (e->d_name[0] == '.' || (!has_ext(e->d_name, ".txt") && !html))
				continue;
			struct strbuf f = STRBUF_INIT;
			sb_addf(&f, "%s%s%s", p, p[strlen(p) - 1] == '/' ? "" : "/", e->d_name);
			add_input(v, n, f.buf, html);
			sb_release(&f);
		}
		closedir(d);
		qsort(*v + first, *n - first, sizeof **v, cmp_input);
	}
	return 0;
}

/* Appends "-2", "-3", ... to id until no source uses it. */
static void make_unique(struct strbuf *id, const struct idset *used)
{
	size_t base = id->len;
	for (int k = 2; id_taken(used, id->buf); k++) {
		sb_setlen(id, base);
		sb_addf(id, "-%d", k);
	}
}

/*
 * The id of an imported source: the sidecar's when it gives one, else the
 * file name's, or, when a program made that name up, a slug of the outlet
 * or else of the title.  Returns false (with the reason in err) when the
 * sidecar's id cannot be used.
 */
static bool choose_id(struct strbuf *id, const char *path, const struct meta *m,
		      const struct idset *used, struct strbuf *err)
{
	const char *given = m->f[META_ID];
	if (given) {
		if (corpus_path_problem(given) || strchr(given, '/') || id_taken(used, given)) {
			sb_addf(err, "%s: sidecar id \"%s\" is not usable", path, given);
			return false;
		}
		sb_reset(id);
		sb_addstr(id, given);
		return true;
	}
	srcid_from_name(id, path);
	if (srcid_machine(id->buf)) {
		struct strbuf w = STRBUF_INIT;
		if (m->f[META_OUTLET])
			srcid_from_words(&w, m->f[META_OUTLET], 4);
		if (!w.len && m->f[META_TITLE])
			srcid_from_words(&w, m->f[META_TITLE], 3);
		if (w.len) {
			sb_reset(id);
			sb_addstr(id, w.buf);
		}
		sb_release(&w);
	}
	make_unique(id, used);
	return true;
}

static void add_repair(cJSON *repairs, const char *kind, const char *action, size_t count,
		       const char *detail)
{
	cJSON *r = cJSON_CreateObject();
	cJSON_AddStringToObject(r, "kind", kind);
	cJSON_AddStringToObject(r, "action", action);
	cJSON_AddNumberToObject(r, "count", (double)count);
	cJSON_AddStringToObject(r, "detail", detail);
	cJSON_AddItemToArray(repairs, r);
}

/* English when " the " is frequent: at least one in 400 bytes. */
static bool looks_english(const struct strbuf *t)
{
	size_t hits = 0;
	for (const char *p = t->buf; (p = memmem(p, t->len - (size_t)(p - t->buf), " the ", 5)); p += 5)
		hits++;
	return hits >= 3 && hits * 400 >= t->len;
}

/*
 * Builds one source: its text in text, its id (unique among used) in id,
 * its index entry returned.
 */
static cJSON *import_one(const struct input *in, const struct idset *used, struct strbuf *id,
			 struct strbuf *text, struct meta *m, struct boiler_span **bs, size_t *nb,
			 struct strbuf *err, int *why)
{
	size_t len;
	memset(m, 0, sizeof *m);
	*bs = NULL;
	*nb = 0;
	char *raw = read_file(in->path, CORPUS_MAX_TEXT, &len);
	if (!raw) {
		sb_addf(err, "%s: %s", in->path, strerror(errno));
		*why = 2;
		return NULL;
	}
	struct decode_stats st;
	struct strbuf dec = STRBUF_INIT;
	decode_text(raw, len, &dec, &st);
	free(raw);
	size_t tags = 0;
	if (in->html)
		tags = html_to_text(dec.buf, dec.len, text);
	else
		sb_add(text, dec.buf, dec.len);
	sb_release(&dec);
	*nb = boiler_detect(text->buf, text->len, bs);
	meta_guess(m, text->buf, text->len, *bs, *nb);
	if (meta_sidecar(m, in->path, err) < 0 || !choose_id(id, in->path, m, used, err)) {
		*why = 1;
		return NULL;
	}

	cJSON *o = cJSON_CreateObject();
	const char *base = strrchr(in->path, '/');
	base = base ? base + 1 : in->path;
	cJSON_AddStringToObject(o, "id", id->buf);
	for (int f = META_TITLE; f < META_NFIELDS; f++) {
		if (f == META_LANGUAGE && !m->f[f] && !m->stated[f] && looks_english(text))
			m->f[f] = xstrdup("en"), m->guessed[f] = true;
		if (m->f[f])
			cJSON_AddStringToObject(o, meta_names[f], m->f[f]);
		else
			cJSON_AddNullToObject(o, meta_names[f]);
	}
	struct strbuf file = STRBUF_INIT;
	sb_addf(&file, "sources/%s.txt", id->buf);
	cJSON_AddStringToObject(o, "file", file.buf);
	sb_release(&file);
	char hex[65];
	sha256_hex(text->buf, text->len, hex);
	cJSON_AddStringToObject(o, "sha256", hex);
	if (*nb) {
		cJSON *b = cJSON_AddArrayToObject(o, "boilerplate");
		for (size_t i = 0; i < *nb; i++) {
			cJSON *p = cJSON_CreateArray();
			cJSON_AddItemToArray(p, cJSON_CreateNumber((double)(*bs)[i].start));
			cJSON_AddItemToArray(p, cJSON_CreateNumber((double)(*bs)[i].end));
			cJSON_AddItemToArray(b, p);
		}
	}
	cJSON *p = cJSON_AddObjectToObject(o, "provenance");
	cJSON_AddStringToObject(p, "original", base);
	cJSON *g = cJSON_AddArrayToObject(p, "guessed");
	for (int f = META_TITLE; f < META_NFIELDS; f++)
		if (m->guessed[f] && m->f[f])
			cJSON_AddItemToArray(g, cJSON_CreateString(meta_names[f]));
	cJSON *r = cJSON_AddArrayToObject(p, "repairs");
	struct strbuf d = STRBUF_INIT;
	decode_describe(&st, 0, &d);
	if (d.len)
		add_repair(r, "encoding", "repaired",
			   decode_repairs(&st) + (strcmp(st.encoding, "utf-8") ? 1 : 0), d.buf);
	sb_reset(&d);
	decode_describe(&st, 1, &d);
	if (d.len)
		add_repair(r, "whitespace", "replaced", st.crlf + st.cr + st.bom, d.buf);
	sb_reset(&d);
	decode_describe(&st, 2, &d);
	if (d.len)
		add_repair(r, "encoding", "replaced", st.invalid, d.buf);
	if (tags) {
		sb_reset(&d);
		sb_addf(&d, "HTML markup stripped to text (%zu tags)", tags);
		add_repair(r, "other", "removed", tags, d.buf);
	}
	if (*nb) {
		sb_reset(&d);
		for (size_t i = 0; i < *nb; i++)
			sb_addf(&d, "%s%s", i ? ", " : "", (*bs)[i].what);
		add_repair(r, "boilerplate", "marked", *nb, d.buf);
	}
	sb_release(&d);
	cJSON_AddStringToObject(p, "note", "made by lectern import");
	return o;
}

/* Undated articles get the month dating.h reads from the dated articles
 * they resemble, marked as guessed, and their claims are extracted again
 * with it, so that "the beginning of December" finds its year.  Works on
 * the staged index at path; root is its JSON.  Returns how many were
 * dated, or -1 with err set. */
static int date_undated(const char *path, cJSON *root, struct strbuf *err)
{
	int code, dated = 0;
	struct corpus *c = cmd_load(path, CORPUS_CHECK_FILES, &code);
	if (!c) {
		sb_addf(err, "%s: cannot be read back", path);
		return -1;
	}
	struct cmp_model m;
	compare_build(&m, c, CMP_AUTO_ONLY, NULL);
	struct dating_guess *g = xcalloc(c->nsources ? c->nsources : 1, sizeof *g);
	dating_guess(&m, g);
	cJSON *sources = cJSON_GetObjectItemCaseSensitive(root, "sources");
	cJSON *claims = cJSON_GetObjectItemCaseSensitive(root, "claims");
	for (size_t i = 0; i < c->nsources; i++) {
		if (!g[i].ok)
			continue;
		const struct source *s = &c->sources[i];
		cJSON *o = cJSON_GetArrayItem(sources, (int)i);
		char month[16];
		snprintf(month, sizeof month, "%04d-%02d", g[i].year, g[i].month);
		cJSON_ReplaceItemInObject(o, "published", cJSON_CreateString(month));
		cJSON *prov = cJSON_GetObjectItemCaseSensitive(o, "provenance");
		cJSON_AddItemToArray(cJSON_GetObjectItemCaseSensitive(prov, "guessed"),
				     cJSON_CreateString("published"));
		char note[160];
		snprintf(note, sizeof note, "made by lectern import; published: the month that %zu of "
			 "its claims point to in dated sources", g[i].votes);
		cJSON_ReplaceItemInObject(prov, "note", cJSON_CreateString(note));
		for (cJSON *it = claims->child, *next; it; it = next) {
			next = it->next;
			cJSON *src = cJSON_GetObjectItemCaseSensitive(it, "source");
			if (cJSON_IsString(src) && !strcmp(src->valuestring, s->id))
				cJSON_Delete(cJSON_DetachItemViaPointer(claims, it));
		}
		size_t len;
		const char *t = corpus_text(c, i, &len, err);
		struct idset taken = { NULL, 0, 0 };
		if (t)
			add_extracted(claims, t, len, s->id, month, s->boiler, s->nboiler, NULL, -1,
				      &taken);
		id_release(&taken);
		dated++;
	}
	free(g);
	compare_release(&m);
	corpus_free(c);
	return dated;
}

static int cmd_import(const struct cli_args *a)
{
	struct input *in = NULL;
	size_t nin = 0;
	int code = 0;
	struct strbuf stage = STRBUF_INIT, err = STRBUF_INIT;
	struct idset used = { NULL, 0, 0 }, taken = { NULL, 0, 0 };

	if (!a->output || !a->nrest) {
		fprintf(stderr, "lectern: usage: lectern import PATH... --output DIR [--force]\n");
		return 2;
	}
	if ((code = gather(a, &in, &nin)) != 0)
		goto out;
	if (!nin) {
		fprintf(stderr, "lectern: no .txt, .html or .htm files to import\n");
		code = 1;
		goto out;
	}
	if (save_dir_begin(a->output, a->force, &stage, &err) < 0) {
		say_err(err.buf);
		code = 2;
		goto out;
	}
	cJSON *root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "schema", CORPUS_SCHEMA);
	cJSON_AddNumberToObject(root, "version", CORPUS_VERSION);
	cJSON_AddStringToObject(root, "title", "Imported corpus");
	cJSON_AddNullToObject(root, "description");
	cJSON *sources = cJSON_AddArrayToObject(root, "sources");
	cJSON *claims = cJSON_AddArrayToObject(root, "claims");
	cJSON_AddArrayToObject(root, "topics");
	struct strbuf path = STRBUF_INIT, id = STRBUF_INIT;
	sb_addf(&path, "%s/sources", stage.buf);
	if (mkdir(path.buf, 0755) < 0) {
		sb_addf(&err, "%s: %s", path.buf, strerror(errno));
		code = 2;
	}
	size_t nclaims = 0;
	for (size_t i = 0; i < nin && !code; i++) {
		struct strbuf text = STRBUF_INIT;
		struct meta m;
		struct boiler_span *bs = NULL;
		size_t nb = 0;
		int why = 0;
		cJSON *o = import_one(&in[i], &used, &id, &text, &m, &bs, &nb, &err, &why);
		if (!o || code) {
			if (!code)
				code = why;
			cJSON_Delete(o);
		} else {
			id_add(&used, id.buf);
			cJSON_AddItemToArray(sources, o);
			sb_reset(&path);
			sb_addf(&path, "%s/sources/%s.txt", stage.buf, id.buf);
			if (save_file(path.buf, text.buf, text.len, &err) < 0)
				code = 2;
			struct span *sp = xcalloc(nb + 1, sizeof *sp);
			for (size_t k = 0; k < nb; k++) {
				sp[k].start = bs[k].start;
				sp[k].end = bs[k].end;
			}
			nclaims += add_extracted(claims, text.buf, text.len, id.buf, m.f[META_PUBLISHED],
						 sp, nb, NULL, -1, &taken);
			free(sp);
		}
		free(bs);
		meta_release(&m);
		sb_release(&text);
	}
	if (!code) {
		sb_reset(&path);
		sb_addf(&path, "%s/corpus.json", stage.buf);
		if (write_index(path.buf, root, &err) < 0)
			code = 2;
		bool undated = false;
		cJSON *so;
		cJSON_ArrayForEach(so, sources)
			undated |= !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(so, "published"));
		int dated = code || !undated ? 0 : date_undated(path.buf, root, &err);
		if (dated < 0 || (dated > 0 && write_index(path.buf, root, &err) < 0))
			code = 2;
		if (!code && save_dir_commit(stage.buf, a->output, a->force, &err) < 0)
			code = 2;
	}
	cJSON_Delete(root);
	sb_release(&id);
	if (code) {
		if (err.len)
			say_err(err.buf);
		save_dir_abort(stage.buf);
		sb_release(&path);
		goto out;
	}
	sb_reset(&path);
	sb_addf(&path, "%s/corpus.json", a->output);
	if ((code = verify(path.buf, NULL)) == 0)
		printf("imported %zu sources into %s: %zu extracted claims\n", nin, a->output, nclaims);
	sb_release(&path);
out:
	for (size_t i = 0; i < nin; i++)
		free(in[i].path);
	free(in);
	sb_release(&stage);
	sb_release(&err);
	id_release(&used);
	id_release(&taken);
	return code;
}

bool cmd_import_dispatch(const struct cli_args *a, int *code)
{
	if (!strcmp(a->command, "import"))
		*code = cmd_import(a);
	else if (!strcmp(a->command, "extract"))
		*code = cmd_extract(a);
	else if (!strcmp(a->command, "eval"))
		*code = cmd_eval(a);
	else
		return false;
	fflush(stdout);
	return true;
}
