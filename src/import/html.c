/* html: a page parsed by libxml2, its tree walked to text and metadata. */
#include "import/html.h"

#include <cjson/cJSON.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "base/util.h"

#define META_MAX 300   /* bytes kept of one metadata value */

static const char *const dropped[] = {
	"script", "style", "noscript", "template", "nav", "footer", "aside", "form",
	"title", "iframe", "svg", "button", "select", "textarea", NULL,
};

static const char *const blocks[] = {
	"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "dl", "hr",
	"tr", "blockquote", "article", "section", "header", "figcaption", "figure",
	"ul", "ol", "table", "caption", "main", "pre", "address", "center",
	"fieldset", "details", "summary", "thead", "tbody", "tfoot", "body", NULL,
};

static bool in_list(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (!strcmp(*list, name))
			return true;
	return false;
}

/* ---- text ---- */

struct walk {
	struct strbuf *out;
	size_t start;     /* where this call's text begins in out */
	int nl;           /* line ends just written (2: at a paragraph start) */
	bool sp;          /* a space (or a line start) was just written */
	int pre;          /* depth of pre elements */
	size_t cells;     /* cells so far in the current row */
};

static void trim_spaces(struct walk *w)
{
	while (w->out->len > w->start && w->out->buf[w->out->len - 1] == ' ')
		sb_setlen(w->out, w->out->len - 1);
}

static void put_break(struct walk *w, int lines)
{
	trim_spaces(w);
	while (w->nl < lines) {
		if (w->out->len > w->start)
			sb_addch(w->out, '\n');
		w->nl++;
	}
	w->sp = true;
}

static void put_char(struct walk *w, uint32_t cp)
{
	if (w->pre && (cp == '\n' || cp == ' ' || cp == '\t')) {
		if (cp == '\n') {
			trim_spaces(w);
			sb_addch(w->out, '\n');
			w->nl++;
			w->sp = true;
		} else {
			sb_addch(w->out, (int)cp);
			w->nl = 0;
			w->sp = false;
		}
		return;
	}
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0) {
		if (!w->sp)
			sb_addch(w->out, ' ');
		w->sp = true;
		return;
	}
	char e[4];
	sb_add(w->out, e, (size_t)utf8_encode(cp, e));
	w->nl = 0;
	w->sp = false;
}

static void put_text(struct walk *w, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (cp == TEXT_INVALID || (cp >= 0xD800 && cp < 0xE000))
			cp = 0xFFFD;
		put_char(w, cp);
		i += (size_t)k;
	}
}

static void enter(struct walk *w, const char *name)
{
	if (!strcmp(name, "br")) {
		trim_spaces(w);
		sb_addch(w->out, '\n');
		w->nl++;
		w->sp = true;
	} else if (!strcmp(name, "td") || !strcmp(name, "th")) {
		if (w->cells++ && w->out->len > w->start) {
			trim_spaces(w);
			sb_addch(w->out, '\t');
			w->sp = true;
		}
	} else if (in_list(blocks, name)) {
		put_break(w, strcmp(name, "tr") ? 2 : 1);
		if (!strcmp(name, "tr"))
			w->cells = 0;
		if (!strcmp(name, "pre"))
			w->pre++;
	}
}

static void leave(struct walk *w, const char *name)
{
	if (in_list(blocks, name)) {
		if (!strcmp(name, "pre") && w->pre)
			w->pre--;
		/* rows of a table are lines, not paragraphs */
		put_break(w, !strcmp(name, "tr") ? 1 : 2);
	}
}

/* ---- metadata ---- */

struct meta_walk {
	struct html_meta *hm;
	int rank[META_NFIELDS];   /* 3 JSON-LD, 2 og and article, 1 plain tags */
};

/* Sets field f to a cleaned copy of v when rank beats what it holds. */
static void set_field(struct meta_walk *mw, int f, const char *v, int rank)
{
	if (!v || !mw->hm || rank <= mw->rank[f])
		return;
	struct strbuf b = STRBUF_INIT;
	bool sp = true;
	size_t n = strlen(v);
	for (size_t i = 0; i < n && b.len < META_MAX;) {
		uint32_t cp;
		int k = utf8_decode(v + i, n - i, &cp);
		if (cp == TEXT_INVALID || cp < 0x20 || cp == 0x7F || cp == ' ') {
			if (!sp)
				sb_addch(&b, ' ');
			sp = true;
		} else if (b.len + (size_t)k <= META_MAX) {
			sb_add(&b, v + i, (size_t)k);
			sp = false;
		} else {
			break;
		}
		i += (size_t)k;
	}
	while (b.len && b.buf[b.len - 1] == ' ')
		sb_setlen(&b, b.len - 1);
	if (f == META_PUBLISHED) {   /* YYYY-MM-DD, the rest (time, zone) dropped */
		const char *d = b.buf;
		bool ok = b.len >= 10 && d[4] == '-' && d[7] == '-';
		for (int i = 0; ok && i < 10; i++)
			ok = i == 4 || i == 7 || ascii_isdigit((unsigned char)d[i]);
		if (ok)
			sb_setlen(&b, 10);
		else
			sb_reset(&b);
	} else if (f == META_LANGUAGE) {   /* primary subtag, lower case */
		size_t i = 0;
		while (i < b.len && ascii_isalpha((unsigned char)b.buf[i])) {
			b.buf[i] = (char)ascii_tolower((unsigned char)b.buf[i]);
			i++;
		}
		if (i < 2 || i > 8 || (i < b.len && b.buf[i] != '-' && b.buf[i] != '_'))
			i = 0;
		sb_setlen(&b, i);
	}
	if (b.len) {
		free(mw->hm->f[f]);
		mw->hm->f[f] = sb_detach(&b, NULL);
		mw->rank[f] = rank;
	}
	sb_release(&b);
}

static const char *attr(xmlNode *n, const char *name)
{
	for (xmlAttr *a = n->properties; a; a = a->next)
		if (a->name && !strcasecmp((const char *)a->name, name) && a->children &&
		    a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

static const char *json_str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	if (cJSON_IsArray(v))
		v = cJSON_GetArrayItem(v, 0);
	if (cJSON_IsObject(v))
		v = cJSON_GetObjectItemCaseSensitive(v, "name");
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static bool is_article(const cJSON *o)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "@type");
	const cJSON *e;
	if (cJSON_IsString(t)) {
		size_t l = strlen(t->valuestring);
		return l >= 7 && !strcmp(t->valuestring + l - 7, "Article");
	}
	if (cJSON_IsArray(t))
		cJSON_ArrayForEach(e, t)
			if (cJSON_IsString(e) && strstr(e->valuestring, "Article"))
				return true;
	return false;
}

/* The first article object in v, looking into arrays and @graph. */
static const cJSON *find_article(const cJSON *v, int depth)
{
	const cJSON *e;
	if (!v || depth > 4)
		return NULL;
	if (cJSON_IsObject(v)) {
		if (is_article(v))
			return v;
		return find_article(cJSON_GetObjectItemCaseSensitive(v, "@graph"), depth + 1);
	}
	if (cJSON_IsArray(v))
		cJSON_ArrayForEach(e, v) {
			const cJSON *a = find_article(e, depth + 1);
			if (a)
				return a;
		}
	return NULL;
}

static void json_ld(struct meta_walk *mw, const char *s)
{
	cJSON *root = cJSON_Parse(s);
	const cJSON *a = find_article(root, 0);
	if (a) {
		set_field(mw, META_TITLE, json_str(a, "headline"), 3);
		set_field(mw, META_AUTHOR, json_str(a, "author"), 3);
		set_field(mw, META_PUBLISHED, json_str(a, "datePublished"), 3);
		set_field(mw, META_URL, json_str(a, "url"), 3);
		set_field(mw, META_OUTLET, json_str(a, "publisher"), 3);
		set_field(mw, META_LANGUAGE, json_str(a, "inLanguage"), 3);
	}
	cJSON_Delete(root);
}

static void node_meta(struct meta_walk *mw, xmlNode *n, const char *name)
{
	static const struct { const char *key; int field, rank; } metas[] = {
		{ "og:title", META_TITLE, 2 }, { "og:url", META_URL, 2 },
		{ "og:site_name", META_OUTLET, 2 }, { "article:published_time", META_PUBLISHED, 2 },
		{ "article:author", META_AUTHOR, 1 }, { "author", META_AUTHOR, 1 },
		{ "og:locale", META_LANGUAGE, 1 },
	};
	if (!mw->hm)
		return;
	if (!strcmp(name, "meta")) {
		const char *key = attr(n, "property");
		if (!key)
			key = attr(n, "name");
		for (size_t i = 0; key && i < sizeof metas / sizeof *metas; i++)
			if (!strcasecmp(key, metas[i].key))
				set_field(mw, metas[i].field, attr(n, "content"), metas[i].rank);
	} else if (!strcmp(name, "title")) {
		xmlChar *t = xmlNodeGetContent(n);
		set_field(mw, META_TITLE, (const char *)t, 1);
		xmlFree(t);
	} else if (!strcmp(name, "time")) {
		set_field(mw, META_PUBLISHED, attr(n, "datetime"), 1);
	} else if (!strcmp(name, "link")) {
		const char *rel = attr(n, "rel");
		if (rel && !strcasecmp(rel, "canonical"))
			set_field(mw, META_URL, attr(n, "href"), 1);
	} else if (!strcmp(name, "html")) {
		set_field(mw, META_LANGUAGE, attr(n, "lang"), 2);
	} else if (!strcmp(name, "script")) {
		const char *type = attr(n, "type");
		if (type && !strcasecmp(type, "application/ld+json")) {
			xmlChar *t = xmlNodeGetContent(n);
			if (t)
				json_ld(mw, (const char *)t);
			xmlFree(t);
		}
	}
}

/* ---- the walk ---- */

static void silent(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

size_t html_to_text(const char *s, size_t n, struct strbuf *out, struct html_meta *hm)
{
	struct walk w = { .out = out, .start = out->len, .nl = 2, .sp = true };
	struct meta_walk mw = { .hm = hm };
	size_t elements = 0;

	if (hm)
		memset(hm, 0, sizeof *hm);
	if (!s || !n)
		return 0;
	if (n > INT_MAX)
		n = INT_MAX;
	xmlSetStructuredErrorFunc(NULL, silent);
	htmlDocPtr doc = htmlReadMemory(s, (int)n, NULL, "UTF-8",
					HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE);
	if (!doc)
		return 0;
	/* XML_PARSE_HUGE lifts the parser's depth limit of 256, past which it
	 * drops the text; the walk is iterative, so any depth is safe */
	xmlNode *node = doc->children;
	while (node) {
		bool descend = false;
		if (node->type == XML_ELEMENT_NODE && node->name) {
			const char *name = (const char *)node->name;
			/* the parser implies html, head and body when they are missing */
			if (strcmp(name, "html") && strcmp(name, "head") && strcmp(name, "body"))
				elements++;
			node_meta(&mw, node, name);
			if (!in_list(dropped, name)) {
				enter(&w, name);
				descend = node->children != NULL;
				if (!descend)
					leave(&w, name);
			}
		} else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
			   node->content) {
			put_text(&w, (const char *)node->content);
		}
		if (descend) {
			node = node->children;
			continue;
		}
		while (node && !node->next) {
			node = node->parent;
			if (!node || node == (xmlNode *)doc)
				node = NULL;
			else if (node->type == XML_ELEMENT_NODE && node->name)
				leave(&w, (const char *)node->name);
		}
		if (node)
			node = node->next;
	}
	xmlFreeDoc(doc);
	while (out->len > w.start && (out->buf[out->len - 1] == '\n' || out->buf[out->len - 1] == ' ' ||
				       out->buf[out->len - 1] == '\t'))
		sb_setlen(out, out->len - 1);
	if (out->len > w.start)
		sb_addch(out, '\n');
	return elements;
}

void html_meta_apply(struct html_meta *hm, struct meta *m)
{
	for (int f = 0; f < META_NFIELDS; f++) {
		if (!hm->f[f])
			continue;
		free(m->f[f]);
		m->f[f] = hm->f[f];
		m->guessed[f] = false;
		hm->f[f] = NULL;
	}
}

void html_meta_release(struct html_meta *hm)
{
	for (int f = 0; f < META_NFIELDS; f++) {
		free(hm->f[f]);
		hm->f[f] = NULL;
	}
}
