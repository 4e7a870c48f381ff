/* cli/import: lectern import, raw articles made into a corpus. */
#include "cli/common.h"
#include "cli/import.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/progress.h"
#include "base/save.h"
#include "base/sha256.h"
#include "base/text.h"
#include "base/util.h"
#include "corpus/json.h"
#include "extract/extract.h"
#include "import/boiler.h"
#include "import/decode.h"
#include "import/html.h"
#include "import/meta.h"
#include "import/sniff.h"
#include "import/srcid.h"
#include "compare/compare.h"
#include "compare/dating.h"
#include "cli/extract.h"

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

/* "lectern: PATH: WHY" on stderr, made safe. */
static void path_error(const char *path, const char *why)
{
	struct strbuf m = STRBUF_INIT;
	sb_addf(&m, "%s: %s", path, why);
	cli_error(m.buf);
	sb_release(&m);
}

/* Files named on the command line, and the .txt/.html/.htm files of
 * folders (not recursive), in name order per folder. */
static int gather(const struct cli_args *a, struct input **v, size_t *n)
{
	for (int i = 0; i < a->nrest; i++) {
		const char *p = a->rest[i];
		struct stat st;
		if (stat(p, &st) < 0) {
			path_error(p, strerror(errno));
			return 2;
		}
		if (!S_ISDIR(st.st_mode)) {
			add_input(v, n, p, has_ext(p, ".html") || has_ext(p, ".htm"));
			continue;
		}
		DIR *d = opendir(p);
		if (!d) {
			path_error(p, strerror(errno));
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

/* ---- where the corpus may go ---- */

/* path made absolute and resolved; when it does not exist, its parent
 * resolved plus its last component.  Caller frees. */
static char *resolve(const char *path)
{
	char *r = realpath(path, NULL);
	if (r)
		return r;
	struct strbuf sb = STRBUF_INIT;
	sb_addstr(&sb, path);
	while (sb.len > 1 && sb.buf[sb.len - 1] == '/')
		sb_setlen(&sb, sb.len - 1);
	char *slash = strrchr(sb.buf, '/');
	const char *base = slash ? slash + 1 : sb.buf;
	if (slash == sb.buf)
		r = xstrdup("/");
	else {
		if (slash)
			*slash = '\0';
		r = realpath(slash ? sb.buf : ".", NULL);
	}
	struct strbuf out = STRBUF_INIT;
	if (r)
		sb_addf(&out, "%s%s%s", r, strcmp(r, "/") ? "/" : "", base);
	else
		sb_addstr(&out, path);
	free(r);
	sb_release(&sb);
	return sb_detach(&out, NULL);
}

/* Whether b is a or lies beneath it (both resolved). */
static bool within(const char *b, const char *a)
{
	size_t n = strlen(a);
	return !strncmp(a, b, n) && (b[n] == '\0' || b[n] == '/' || !strcmp(a, "/"));
}

/* The output must be apart from every input: not one of them, not inside
 * an input folder, not holding an input (--force would delete it). */
static int output_apart(const struct cli_args *a, struct strbuf *err)
{
	char *out = resolve(a->output);
	int r = 0;
	for (int i = 0; i < a->nrest && !r; i++) {
		char *in = resolve(a->rest[i]);
		const char *what = !strcmp(in, out) ? "is an input" :
				   within(out, in) ? "is inside the input folder" :
				   within(in, out) ? "holds the input" : NULL;
		if (what) {
			sb_addf(err, "%s: %s %s: the output must be a folder of its own, apart from "
				"the inputs", a->output, what, a->rest[i]);
			r = -1;
		}
		free(in);
	}
	free(out);
	return r;
}

/* Whether dir holds a lectern corpus and nothing else: corpus.json with the
 * lectern schema, a sources/ directory, the cache and the lock file
 * (corpus/edit.h); --force replaces
 * only that.  -1 with err naming what is there. */
static int replaceable(const char *dir, struct strbuf *err)
{
	struct stat st;
	if (lstat(dir, &st) < 0)
		return 0;   /* nothing there */
	if (!S_ISDIR(st.st_mode)) {
		sb_addf(err, "%s: exists and is not a folder: not replaced", dir);
		return -1;
	}
	DIR *d = opendir(dir);
	if (!d) {
		sb_addf(err, "%s: %s", dir, strerror(errno));
		return -1;
	}
	struct strbuf other = STRBUF_INIT, path = STRBUF_INIT;
	size_t nother = 0;
	bool index = false, sources = false;
	struct dirent *e;
	while ((e = readdir(d))) {
		const char *n = e->d_name;
		if (!strcmp(n, ".") || !strcmp(n, ".."))
			continue;
		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir, n);
		bool isdir = lstat(path.buf, &st) == 0 && S_ISDIR(st.st_mode);
		bool isreg = lstat(path.buf, &st) == 0 && S_ISREG(st.st_mode);
		if (!strcmp(n, "corpus.json") && isreg)
			index = true;
		else if (!strcmp(n, "sources") && isdir)
			sources = true;
		else if ((strcmp(n, ".corpus.json.lcache") && strcmp(n, ".corpus.json.lock")) || !isreg) {
			if (nother++ < 6)
				sb_addf(&other, "%s%s%s", nother > 1 ? ", " : "", n, isdir ? "/" : "");
			else if (nother == 7)
				sb_addstr(&other, ", ...");
		}
	}
	closedir(d);
	bool lectern = false;
	if (index) {
		size_t len;
		sb_reset(&path);
		sb_addf(&path, "%s/corpus.json", dir);
		char *buf = read_file(path.buf, CORPUS_MAX_INDEX, &len);
		cJSON *root = buf ? cJSON_ParseWithLength(buf, len) : NULL;
		cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
		lectern = cJSON_IsString(schema) && !strcmp(schema->valuestring, CORPUS_SCHEMA);
		cJSON_Delete(root);
		free(buf);
	}
	int r = 0;
	if (!lectern || !sources || nother) {
		sb_addf(err, "%s: not a lectern corpus (", dir);
		if (nother)
			sb_addf(err, "it holds %s", other.buf);
		else if (!index)
			sb_addstr(err, "no corpus.json");
		else if (!lectern)
			sb_addstr(err, "its corpus.json is not a lectern index");
		else
			sb_addstr(err, "no sources/ folder");
		sb_addstr(err, "): --force replaces only a folder holding corpus.json and sources/");
		r = -1;
	}
	sb_release(&other);
	sb_release(&path);
	return r;
}

/* Appends "-2", "-3", ... to id until no source uses it. */
static void make_unique(struct strbuf *id, const struct idset *used)
{
	size_t base = id->len;
	for (int k = 2; idset_has(used, id->buf); k++) {
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
		if (corpus_path_problem(given) || strchr(given, '/') || idset_has(used, given)) {
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
	struct strbuf no = STRBUF_INIT;
	char *raw = NULL;
	if ((*why = sniff_file(in->path, &no)) == 0) {
		raw = read_file(in->path, CORPUS_MAX_TEXT, &len);
		if (!raw) {
			sb_addstr(&no, strerror(errno));
			*why = 2;
		} else {
			*why = sniff_bytes((const unsigned char *)raw, len, &no);
		}
	}
	if (*why) {
		sb_addf(err, "%s: %s", in->path, no.buf);
		sb_release(&no);
		free(raw);
		return NULL;
	}
	sb_release(&no);
	struct decode_stats st;
	struct strbuf dec = STRBUF_INIT;
	char *charset = meta_sidecar_encoding(in->path);
	decode_text_as(raw, len, charset, &dec, &st);
	free(charset);
	free(raw);
	size_t tags = 0;
	struct html_meta hm = { 0 };
	if (in->html)
		tags = html_to_text(dec.buf, dec.len, text, &hm);
	else
		sb_add(text, dec.buf, dec.len);
	sb_release(&dec);
	*nb = boiler_detect(text->buf, text->len, bs);
	meta_guess(m, text->buf, text->len, *bs, *nb);
	html_meta_apply(&hm, m);   /* what the page states beats the guesses */
	meta_file_date(m, in->path);
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

/* The span pairs of a source's "boilerplate" (cJSON); caller frees. */
static struct span *source_boiler(const cJSON *so, size_t *n)
{
	const cJSON *b = cJSON_GetObjectItemCaseSensitive(so, "boilerplate"), *e;
	struct span *sp = xcalloc((size_t)cJSON_GetArraySize(b) + 1, sizeof *sp);
	*n = 0;
	cJSON_ArrayForEach(e, b) {
		sp[*n].start = (size_t)cJSON_GetArrayItem(e, 0)->valuedouble;
		sp[*n].end = (size_t)cJSON_GetArrayItem(e, 1)->valuedouble;
		(*n)++;
	}
	return sp;
}

/* Extracts the claims of staged source so (its text read back from the
 * stage, one at a time) into w, dated published; how many. */
static size_t extract_staged(struct jindex *w, const char *stage, const cJSON *so,
			     const char *published, struct idset *taken, struct strbuf *err)
{
	const char *id = cJSON_GetObjectItemCaseSensitive(so, "id")->valuestring;
	struct strbuf path = STRBUF_INIT;
	sb_addf(&path, "%s/%s", stage, cJSON_GetObjectItemCaseSensitive(so, "file")->valuestring);
	size_t len, nb, n = 0;
	char *t = read_file(path.buf, CORPUS_MAX_TEXT, &len);
	struct span *sp = source_boiler(so, &nb);
	bool ok = t && text_unchanged(t, len, path.buf,
				      cJSON_GetObjectItemCaseSensitive(so, "sha256")->valuestring, err);
	if (ok)
		n = extract_into(w, t, len, id, published, sp, nb, NULL, -1, taken, NULL);
	else if (!t)
		sb_addf(err, "%s: %s", path.buf, strerror(errno));
	free(sp);
	free(t);
	sb_release(&path);
	return ok ? n : (size_t)-1;
}

/* The index of an imported corpus begun in w, its sources written. */
static void index_begin(struct jindex *w, const cJSON *sources)
{
	const cJSON *so;
	jindex_begin(w, "Imported corpus", NULL, NULL);
	cJSON_ArrayForEach(so, sources)
		jindex_add(w, JINDEX_SOURCES, so);
}

/*
 * Undated articles get the month dating.h reads from the dated articles
 * they resemble, marked as guessed, and their claims are extracted again
 * with it, so that "the beginning of December" finds its year.  Works on
 * the staged index at path (sources: its sources, changed in place), and
 * writes it again when it dates any.  Only a corpus with both dated and
 * undated sources is compared: without a dated one, nothing can vote.
 * Returns how many were dated (*nclaims: the claims of the index written),
 * or -1 with err set.
 */
static int date_undated(const char *stage, const char *path, cJSON *sources,
			size_t *nclaims, struct strbuf *err)
{
	bool undated = false, dated_any = false;
	const cJSON *so;
	cJSON_ArrayForEach(so, sources) {
		bool d = cJSON_IsString(cJSON_GetObjectItemCaseSensitive(so, "published"));
		dated_any |= d;
		undated |= !d;
	}
	if (!undated || !dated_any)
		return 0;
	int code, dated = 0;
	struct corpus *c = cli_load(path, CORPUS_CHECK_FILES, &code);
	if (!c) {
		sb_addf(err, "%s: cannot be read back", path);
		return -1;
	}
	struct cmp_model m;
	compare_build(&m, c, CMP_AUTO_ONLY, NULL);
	struct dating_guess *g = xcalloc(c->nsources ? c->nsources : 1, sizeof *g);
	dating_guess(&m, g);
	compare_release(&m);
	size_t i = 0;
	cJSON *o;
	cJSON_ArrayForEach(o, sources) {
		const struct dating_guess *gi = &g[i++];
		if (!gi->ok)
			continue;
		char month[16];
		snprintf(month, sizeof month, "%04d-%02d", gi->year, gi->month);
		cJSON_ReplaceItemInObject(o, "published", cJSON_CreateString(month));
		cJSON *prov = cJSON_GetObjectItemCaseSensitive(o, "provenance");
		cJSON_AddItemToArray(cJSON_GetObjectItemCaseSensitive(prov, "guessed"),
				     cJSON_CreateString("published"));
		char note[160];
		snprintf(note, sizeof note, "made by lectern import; published: the month that %zu of "
			 "its claims point to in dated sources", gi->votes);
		cJSON_ReplaceItemInObject(prov, "note", cJSON_CreateString(note));
		dated++;
	}
	if (dated) {
		/* the claims of the sources not dated now stay as they are; the
		 * others are extracted again with their month, after them */
		struct jindex w;
		struct save_stream ss;
		index_begin(&w, sources);
		if (index_open(&w, &ss, path, true, err) < 0)
			dated = -1;
		*nclaims = 0;
		for (size_t k = 0; k < c->nclaims && dated >= 0; k++)
			if (!g[c->claims[k].source].ok) {
				jindex_take(&w, JINDEX_CLAIMS, claim_json(c, k));
				++*nclaims;
			}
		i = 0;
		cJSON_ArrayForEach(so, sources) {
			if (dated < 0 || jindex_failed(&w))
				break;
			if (!g[i++].ok)
				continue;
			struct idset taken = { NULL, 0, 0 };
			size_t n = extract_staged(&w, stage, so, cJSON_GetObjectItemCaseSensitive(so,
						  "published")->valuestring, &taken, err);
			idset_release(&taken);
			if (n == (size_t)-1)
				dated = -1;
			else
				*nclaims += n;
		}
		if (dated < 0 || jindex_failed(&w)) {
			jindex_release(&w);
			dated = -1;
		} else if (jindex_close(&w) < 0) {
			dated = -1;
		}
	}
	free(g);
	corpus_free(c);
	return dated;
}

int cmd_import(const struct cli_args *a)
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
	if (output_apart(a, &err) < 0 || (a->force && replaceable(a->output, &err) < 0)) {
		cli_error(err.buf);
		code = 2;
		goto out;
	}
	size_t cleaned = save_dir_clean(a->output, &err);
	if (cleaned) {
		struct strbuf m = STRBUF_INIT;
		sb_addf(&m, "removed %zu stale staging director%s of killed imports: %s", cleaned,
			cleaned == 1 ? "y" : "ies", err.buf);
		cli_error(m.buf);
		sb_release(&m);
		sb_reset(&err);
	}
	if (save_dir_begin(a->output, a->force, &stage, &err) < 0) {
		cli_error(err.buf);
		code = 2;
		goto out;
	}
	cJSON *sources = cJSON_CreateArray();
	struct strbuf path = STRBUF_INIT, id = STRBUF_INIT;
	sb_addf(&path, "%s/sources", stage.buf);
	if (mkdir(path.buf, 0755) < 0) {
		sb_addf(&err, "%s: %s", path.buf, strerror(errno));
		code = 2;
	}
	size_t nclaims = 0, ngood = 0, nbad = 0;
	int worst = 0;
	struct progress *pg = progress_start("import", "files", nin);
	for (size_t i = 0; i < nin && !code; progress_step(pg, ++i)) {
		struct strbuf text = STRBUF_INIT;
		struct meta m;
		struct boiler_span *bs = NULL;
		size_t nb = 0;
		int why = 0;
		cJSON *o = import_one(&in[i], &used, &id, &text, &m, &bs, &nb, &err, &why);
		if (!o) {
			/* one bad file does not sink the others: named, skipped */
			cli_error(err.buf);
			sb_reset(&err);
			nbad++;
			worst = why > worst ? why : worst;
		} else {
			ngood++;
			idset_add(&used, id.buf);
			cJSON_AddItemToArray(sources, o);
			sb_reset(&path);
			sb_addf(&path, "%s/sources/%s.txt", stage.buf, id.buf);
			if (save_staged(path.buf, text.buf, text.len, &err) < 0)
				code = 2;
		}
		free(bs);
		meta_release(&m);
		sb_release(&text);
	}
	progress_end(pg);
	if (!code && !ngood) {
		sb_addstr(&err, "no file could be imported: no corpus written");
		code = worst;
	}
	if (!code) {
		/* the index is written as it is made: the sources, then the
		 * claims of each text, read back from the stage one at a time */
		struct jindex w;
		struct save_stream ss;
		index_begin(&w, sources);
		sb_reset(&path);
		sb_addf(&path, "%s/corpus.json", stage.buf);
		if (index_open(&w, &ss, path.buf, true, &err) < 0)
			code = 2;
		pg = progress_start("extract", "sources", ngood);
		size_t k = 0;
		cJSON *so;
		cJSON_ArrayForEach(so, sources) {
			if (code || jindex_failed(&w)) {
				code = 2;
				break;
			}
			const cJSON *pub = cJSON_GetObjectItemCaseSensitive(so, "published");
			size_t n = extract_staged(&w, stage.buf, so, cJSON_IsString(pub) ?
						  pub->valuestring : NULL, &taken, &err);
			if (n == (size_t)-1) {
				code = 2;
				break;
			}
			nclaims += n;
			progress_step(pg, ++k);
		}
		progress_end(pg);
		if (code)
			jindex_release(&w);
		else if (jindex_close(&w) < 0)
			code = 2;
		if (!code && date_undated(stage.buf, path.buf, sources, &nclaims, &err) < 0)
			code = 2;
		if (!code && a->force && replaceable(a->output, &err) < 0)
			code = 2;
		if (!code && save_dir_commit(stage.buf, a->output, a->force, &err) < 0)
			code = 2;
	}
	cJSON_Delete(sources);
	sb_release(&id);
	if (code) {
		if (err.len)
			cli_error(err.buf);
		save_dir_abort(stage.buf);
		sb_release(&path);
		goto out;
	}
	printf("imported %zu sources into %s: %zu extracted claims\n", ngood, a->output,
		       nclaims);
	if (nbad) {
		sb_reset(&err);
		sb_addf(&err, "%zu file%s not imported (named above)", nbad, nbad == 1 ? "" : "s");
		cli_error(err.buf);
		code = code ? code : worst;
	}
	sb_release(&path);
out:
	for (size_t i = 0; i < nin; i++)
		free(in[i].path);
	free(in);
	sb_release(&stage);
	sb_release(&err);
	idset_release(&used);
	idset_release(&taken);
	return code;
}
