/* cite: a claim as a plain, Markdown, BibTeX or CSL-JSON citation. */
#include "corpus/cite.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

const char *const cite_format_names[] = {
#define X(id, name, help) name,
	CITE_FORMATS(X)
#undef X
	NULL
};

int cite_format_parse(const char *name, enum cite_format *f)
{
	for (int i = 0; i < CITE_FORMAT_COUNT; i++)
		if (name && !strcmp(name, cite_format_names[i])) {
			if (f)
				*f = (enum cite_format)i;
			return 0;
		}
	return -1;
}

void cite_clean(struct strbuf *out, const char *s)
{
	if (s)
		text_sanitize(out, s, strlen(s), 0);
}

/* The fields of a citation, each made safe once. */
struct fields {
	struct strbuf quote, outlet, title, author, date, url;
	const char *id;          /* ids are [A-Za-z0-9._:-] (lectern-corpus(5)) */
	bool guessed;            /* the date is a guess */
	int parts[3], nparts;    /* the date as year, month, day; 0 parts: not ISO */
};

static void fields_init(struct fields *f, const struct corpus *c, size_t i)
{
	const struct claim *cl = &c->claims[i];
	const struct source *s = &c->sources[cl->source];
	struct strbuf *all[] = { &f->quote, &f->outlet, &f->title, &f->author, &f->date, &f->url };
	const char *from[] = { cl->text, s->outlet, s->title, s->author, s->published, s->url };

	for (size_t k = 0; k < sizeof all / sizeof *all; k++) {
		sb_init(all[k]);
		cite_clean(all[k], from[k]);
	}
	f->id = cl->id;
	f->guessed = s->published && source_guessed(s, "published");
	/* YYYY, YYYY-MM or YYYY-MM-DD (the loader checks ISO 8601) */
	const char *d = f->date.buf;
	f->nparts = 0;
	for (int k = 0; k < 3; k++) {
		size_t w = k ? 2 : 4;
		if (strspn(d, "0123456789") != w)
			break;
		f->parts[f->nparts++] = atoi(d);
		d += w;
		if (*d != '-')
			break;
		d++;
	}
	if (*d)
		f->nparts = 0;
}

static void fields_release(struct fields *f)
{
	sb_release(&f->quote);
	sb_release(&f->outlet);
	sb_release(&f->title);
	sb_release(&f->author);
	sb_release(&f->date);
	sb_release(&f->url);
}

/* Appends s with a backslash before each Markdown punctuation mark that
 * could start emphasis, code, a link, an HTML tag or a heading. */
static void md_escape(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		if (strchr("\\`*_[]<>#|", *s))
			sb_addch(out, '\\');
		sb_addch(out, *s);
	}
}

/* Appends s with LaTeX's special characters written as text, so that
 * every brace of a BibTeX value is lectern's own and they balance. */
static void tex_escape(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\': sb_addstr(out, "\\textbackslash{}"); break;
		case '^': sb_addstr(out, "\\^{}"); break;
		case '~': sb_addstr(out, "\\~{}"); break;
		case '{': case '}': case '%': case '&': case '$': case '#': case '_':
			sb_addch(out, '\\');
			sb_addch(out, *s);
			break;
		default: sb_addch(out, *s);
		}
	}
}

/* A url in BibTeX: braces and backslashes percent-encoded, the rest kept
 * (the url package reads it verbatim). */
static void url_escape(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '{' || *s == '}' || *s == '\\')
			sb_addf(out, "%%%02X", (unsigned char)*s);
		else
			sb_addch(out, *s);
	}
}

typedef void escape_fn(struct strbuf *out, const char *s);

/* The line after the quote in plain and markdown: the fields that are
 * there, comma-separated, then the claim id. */
static void attribution(struct strbuf *out, const struct fields *f, escape_fn *esc, bool md)
{
	const struct strbuf *parts[] = { &f->outlet, &f->title, &f->author, &f->date };

	for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
		if (!parts[k]->len)
			continue;
		bool title = parts[k] == &f->title;
		sb_addstr(out, title ? (md ? "*" : "\"") : "");
		esc(out, parts[k]->buf);
		if (parts[k] == &f->date && f->guessed)
			sb_addch(out, '?');
		sb_addstr(out, title ? (md ? "*" : "\"") : "");
		sb_addstr(out, ", ");
	}
	if (f->url.len) {
		/* an autolink in Markdown when nothing in it ends one */
		bool link = md && !f->url.buf[strcspn(f->url.buf, " <>")];
		sb_addstr(out, link ? "<" : "");
		if (link)
			sb_addstr(out, f->url.buf);
		else
			esc(out, f->url.buf);
		sb_addstr(out, link ? ">, " : ", ");
	}
	sb_addf(out, md ? "claim `%s`" : "claim %s", f->id);
}

static void plain_as_is(struct strbuf *out, const char *s)
{
	sb_addstr(out, s);
}

static void write_plain(struct strbuf *out, const struct fields *f)
{
	sb_addf(out, "\"%s\"\n", f->quote.buf);
	attribution(out, f, plain_as_is, false);
}

static void write_markdown(struct strbuf *out, const struct fields *f)
{
	sb_addstr(out, "> ");
	md_escape(out, f->quote.buf);
	sb_addstr(out, "\n\n");
	attribution(out, f, md_escape, true);
}

static void bib_field(struct strbuf *out, const char *name, const struct strbuf *v,
		      escape_fn *esc)
{
	if (!v->len)
		return;
	sb_addf(out, "  %s = {", name);
	esc(out, v->buf);
	sb_addstr(out, "},\n");
}

static void write_bibtex(struct strbuf *out, const struct fields *f)
{
	static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
					      "jul", "aug", "sep", "oct", "nov", "dec" };

	sb_addf(out, "@article{%s,\n", f->id);
	bib_field(out, "title", &f->title, tex_escape);
	bib_field(out, "author", &f->author, tex_escape);
	bib_field(out, "journal", &f->outlet, tex_escape);
	if (f->nparts) {
		sb_addf(out, "  year = {%04d},\n", f->parts[0]);
		if (f->nparts > 1 && f->parts[1] >= 1 && f->parts[1] <= 12)
			sb_addf(out, "  month = %s,\n", months[f->parts[1] - 1]);
	}
	bib_field(out, "date", &f->date, tex_escape);
	bib_field(out, "url", &f->url, url_escape);
	sb_addf(out, "  note = {Claim %s: ``", f->id);
	tex_escape(out, f->quote.buf);
	sb_addstr(out, "''},\n}");
}

static void json_str(cJSON *o, const char *name, const struct strbuf *v)
{
	if (v->len)
		cJSON_AddStringToObject(o, name, v->buf);
}

static void write_csl(struct strbuf *out, const struct fields *f)
{
	cJSON *arr = cJSON_CreateArray(), *it = cJSON_CreateObject();
	struct strbuf note = STRBUF_INIT;

	cJSON_AddItemToArray(arr, it);
	cJSON_AddStringToObject(it, "id", f->id);
	cJSON_AddStringToObject(it, "type", "article-newspaper");
	json_str(it, "container-title", &f->outlet);
	json_str(it, "title", &f->title);
	if (f->author.len) {
		cJSON *who = cJSON_CreateObject();
		cJSON_AddStringToObject(who, "literal", f->author.buf);
		cJSON_AddItemToArray(cJSON_AddArrayToObject(it, "author"), who);
	}
	if (f->date.len) {
		cJSON *d = cJSON_AddObjectToObject(it, "issued");
		if (f->nparts) {
			cJSON *p = cJSON_CreateIntArray(f->parts, f->nparts);
			cJSON_AddItemToArray(cJSON_AddArrayToObject(d, "date-parts"), p);
		} else {
			cJSON_AddStringToObject(d, "raw", f->date.buf);
		}
		if (f->guessed)
			cJSON_AddTrueToObject(d, "circa");
	}
	json_str(it, "URL", &f->url);
	sb_addf(&note, "Claim %s: \"%s\"", f->id, f->quote.buf);
	json_str(it, "note", &note);
	/* cJSON indents with tabs and puts one after each ':'; strings hold
	 * none raw (it escapes them): two spaces a level, one after ':' */
	char *s = cJSON_Print(arr);
	bool lead = true;
	for (const char *p = s; *p; p++) {
		if (*p == '\t')
			sb_addstr(out, lead ? "  " : " ");
		else
			sb_addch(out, *p);
		lead = *p == '\n' || (lead && *p == '\t');
	}
	cJSON_free(s);
	cJSON_Delete(arr);
	sb_release(&note);
}

void cite_write(struct strbuf *out, const struct corpus *c, size_t i, enum cite_format fmt)
{
	struct fields f;

	fields_init(&f, c, i);
	switch (fmt) {
	case CITE_MARKDOWN: write_markdown(out, &f); break;
	case CITE_BIBTEX: write_bibtex(out, &f); break;
	case CITE_CSL_JSON: write_csl(out, &f); break;
	default: write_plain(out, &f); break;
	}
	fields_release(&f);
}
