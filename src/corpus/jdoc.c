/* jdoc: cJSON parsing with positions and the checks cJSON leaves out. */
#include "corpus/jdoc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/json_arena.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/util.h"

struct scan {
	struct jdoc *d;
	const char *s;
	size_t n;
	size_t err;          /* offset of the first problem, or SIZE_MAX */
	const char *why;
	size_t cap;
	int rec;             /* record value offsets (only to locate a problem) */
	size_t max_values;
};

size_t jdoc_max_values(size_t len)
{
	size_t by_size = len / JDOC_BYTES_PER_VALUE;
	return by_size > JDOC_MAX_VALUES ? by_size : JDOC_MAX_VALUES;
}

static void scan_fail(struct scan *sc, size_t at, const char *why)
{
	if (sc->err == (size_t)-1) {
		sc->err = at;
		sc->why = why;
	}
}

/* What to say when something is missing at i: at the end, the file was cut. */
static const char *missing(const struct scan *sc, size_t i, const char *why)
{
	return i >= sc->n ? "unexpected end of input (truncated?)" : why;
}

static size_t ws(const struct scan *sc, size_t i)
{
	while (i < sc->n && (sc->s[i] == ' ' || sc->s[i] == '\t' ||
			     sc->s[i] == '\n' || sc->s[i] == '\r'))
		i++;
	return i;
}

static void record(struct scan *sc, size_t off)
{
	struct jdoc *d = sc->d;
	if (d->noffs == sc->cap) {
		sc->cap = sc->cap ? sc->cap * 2 : 1024;
		d->offs = xrealloc(d->offs, sc->cap * sizeof *d->offs);
	}
	d->offs[d->noffs++] = off;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static inline int plain(char ch)
{
	unsigned char c = (unsigned char)ch;
	return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* s[i] == '"'; returns the offset after the closing quote. */
static size_t scan_string(struct scan *sc, size_t i)
{
	size_t start = i++;
	while (i < sc->n) {
		/* the common bytes first: printable ASCII but '"' and '\\' */
		while (i + 8 <= sc->n && plain(sc->s[i]) && plain(sc->s[i + 1]) &&
		       plain(sc->s[i + 2]) && plain(sc->s[i + 3]) && plain(sc->s[i + 4]) &&
		       plain(sc->s[i + 5]) && plain(sc->s[i + 6]) && plain(sc->s[i + 7]))
			i += 8;
		while (i < sc->n && plain(sc->s[i]))
			i++;
		if (i >= sc->n)
			break;
		unsigned char c = (unsigned char)sc->s[i];
		if (c == '"')
			return i + 1;
		if (c < 0x20) {
			scan_fail(sc, i, "raw control character in string (escape it as \\u00XX)");
			i++;
		} else if (c == '\\') {
			if (i + 1 >= sc->n)
				break;
			if (sc->s[i + 1] == 'u') {
				unsigned v = 0;
				for (int k = 0; k < 4; k++) {
					int h = i + 2 + (size_t)k < sc->n ?
						hexval(sc->s[i + 2 + k]) : -1;
					if (h < 0) {
						scan_fail(sc, i, "bad \\u escape");
						return i + 2;
					}
					v = v * 16 + (unsigned)h;
				}
				if (v == 0)
					scan_fail(sc, i, "\\u0000 (NUL) in string");
				i += 6;
			} else {
				i += 2;
			}
		} else if (c < 0x80) {
			i++;
		} else {
			uint32_t cp;
			int l = utf8_decode(sc->s + i, sc->n - i, &cp);
			if (cp == TEXT_INVALID)
				scan_fail(sc, i, "invalid UTF-8 in string");
			i += (size_t)l;
		}
	}
	/* where it starts says more than the end of the file */
	scan_fail(sc, start, "unterminated string (the file ends inside it)");
	return sc->n;
}

static size_t scan_number(struct scan *sc, size_t i)
{
	size_t b = i;
	if (i < sc->n && sc->s[i] == '-')
		i++;
	if (i < sc->n && sc->s[i] == '0') {
		i++;
	} else if (i < sc->n && sc->s[i] >= '1' && sc->s[i] <= '9') {
		while (i < sc->n && sc->s[i] >= '0' && sc->s[i] <= '9')
			i++;
	} else {
		scan_fail(sc, b, "malformed number");
		return i + 1;
	}
	if (i < sc->n && sc->s[i] == '.') {
		i++;
		if (i >= sc->n || sc->s[i] < '0' || sc->s[i] > '9')
			scan_fail(sc, b, "malformed number");
		while (i < sc->n && sc->s[i] >= '0' && sc->s[i] <= '9')
			i++;
	}
	if (i < sc->n && (sc->s[i] == 'e' || sc->s[i] == 'E')) {
		i++;
		if (i < sc->n && (sc->s[i] == '+' || sc->s[i] == '-'))
			i++;
		if (i >= sc->n || sc->s[i] < '0' || sc->s[i] > '9')
			scan_fail(sc, b, "malformed number");
		while (i < sc->n && sc->s[i] >= '0' && sc->s[i] <= '9')
			i++;
	}
	if (i < sc->n && strchr("+-.eE0123456789", sc->s[i]) && sc->s[i])
		scan_fail(sc, b, "malformed number");
	return i;
}

static size_t scan_value(struct scan *sc, size_t i, int depth)
{
	i = ws(sc, i);
	if (i >= sc->n) {
		scan_fail(sc, i, "unexpected end of input (truncated?)");
		return i;
	}
	if (depth > CJSON_NESTING_LIMIT) {
		scan_fail(sc, i, "nested too deeply");
		return sc->n;
	}
	if (++sc->d->nvalues > sc->max_values) {
		static char why[80];
		snprintf(why, sizeof why, "too many values (more than %zu)", sc->max_values);
		scan_fail(sc, i, why);
		return sc->n;
	}
	if (sc->rec)
		record(sc, i);
	char c = sc->s[i];
	if (c == '{' || c == '[') {
		char close = c == '{' ? '}' : ']';
		i = ws(sc, i + 1);
		if (i < sc->n && sc->s[i] == close)
			return i + 1;
		while (i < sc->n && sc->err == (size_t)-1) {
			if (c == '{') {
				i = ws(sc, i);
				if (i >= sc->n || sc->s[i] != '"') {
					scan_fail(sc, i, missing(sc, i, "expected a key string"));
					return sc->n;
				}
				i = ws(sc, scan_string(sc, i));
				if (i >= sc->n || sc->s[i] != ':') {
					scan_fail(sc, i, missing(sc, i, "expected ':'"));
					return sc->n;
				}
				i++;
			}
			i = ws(sc, scan_value(sc, i, depth + 1));
			if (i < sc->n && sc->s[i] == ',') {
				i++;
				continue;
			}
			if (i < sc->n && sc->s[i] == close)
				return i + 1;
			scan_fail(sc, i, missing(sc, i, c == '{' ? "expected ',' or '}'" :
								 "expected ',' or ']'"));
			return sc->n;
		}
		return sc->n;
	}
	if (c == '"')
		return scan_string(sc, i);
	if (c == '-' || (c >= '0' && c <= '9'))
		return scan_number(sc, i);
	static const char *const words[] = { "true", "false", "null" };
	for (size_t k = 0; k < ARRAY_SIZE(words); k++) {
		size_t l = strlen(words[k]);
		if (sc->n - i >= l && !memcmp(sc->s + i, words[k], l))
			return i + l;
		if (sc->n - i < l && !memcmp(sc->s + i, words[k], sc->n - i)) {
			scan_fail(sc, sc->n, "unexpected end of input (truncated?)");
			return sc->n;
		}
	}
	scan_fail(sc, i, "unexpected character");
	return sc->n;
}

/*
 * Line and column of off.  Counting from the start for every message made
 * an index of one long line with many problems take minutes (1000
 * messages times 100 MB); a table of where each JDOC_MARK_EVERY bytes
 * stand, built by one pass on the first message, bounds each count.
 */
static void offset_where(struct jdoc *d, size_t off, size_t *line, size_t *col)
{
	size_t l = 1, c = 1;

	if (off > d->len)
		off = d->len;
	if (!d->marks) {
		d->marks = xmalloc((d->len / JDOC_MARK_EVERY + 1) * sizeof *d->marks);
		for (size_t i = 0; i <= d->len; i++) {
			if (i % JDOC_MARK_EVERY == 0) {
				d->marks[i / JDOC_MARK_EVERY][0] = l;
				d->marks[i / JDOC_MARK_EVERY][1] = c;
			}
			if (i == d->len)
				break;
			if (d->buf[i] == '\n') {
				l++;
				c = 1;
			} else if (i >= d->start && ((unsigned char)d->buf[i] & 0xC0) != 0x80) {
				c++;   /* a character; the BOM is not a column */
			}
		}
	}
	size_t from = off - off % JDOC_MARK_EVERY;
	l = d->marks[from / JDOC_MARK_EVERY][0];
	c = d->marks[from / JDOC_MARK_EVERY][1];
	for (size_t i = from; i < off; i++) {
		if (d->buf[i] == '\n') {
			l++;
			c = 1;
		} else if (i >= d->start && ((unsigned char)d->buf[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

struct keyref {
	const cJSON *c;
	size_t idx; /* document order */
};

static int cmp_key(const void *a, const void *b)
{
	const struct keyref *x = a, *y = b;
	int r = strcasecmp(x->c->string, y->c->string);
	if (!r)
		r = strcmp(x->c->string, y->c->string);
	if (!r)
		r = (x->idx > y->idx) - (x->idx < y->idx);
	return r;
}

/* Whether two keys of a small object are equal ignoring case: compares
 * lengths and first letters before any strcasecmp. */
static int case_clash(const cJSON *node)
{
	size_t len[32], n = 0;
	unsigned char first[32];
	const char *key[32];

	for (const cJSON *c = node->child; c; c = c->next, n++) {
		key[n] = c->string;
		len[n] = strlen(c->string);
		first[n] = (unsigned char)(c->string[0] | 0x20);
		for (size_t k = 0; k < n; k++)
			if (len[k] == len[n] && first[k] == first[n] &&
			    !strcasecmp(key[k], key[n]))
				return 1;
	}
	return 0;
}

/* Duplicate keys and keys differing only in case, object by object. */
static void check_keys(struct jdoc *d, const cJSON *node, struct diags *diags,
		       size_t *budget)
{
	size_t n = 0;
	const cJSON *c;

	for (c = node->child; c; c = c->next)
		n++;
	if (cJSON_IsObject(node) && n > 1 && n <= 32 && !case_clash(node)) {
		/* the common case: no two keys alike, nothing to report */
	} else if (cJSON_IsObject(node) && n > 1) {
		struct keyref small[32];
		struct keyref *v = n <= ARRAY_SIZE(small) ? small : xmalloc(n * sizeof *v);
		size_t k = 0;
		for (c = node->child; c; c = c->next, k++) {
			v[k].c = c;
			v[k].idx = k;
		}
		qsort(v, n, sizeof *v, cmp_key);
		for (k = 1; k < n && *budget; k++) {
			const cJSON *a = v[k - 1].c, *b = v[k].c;
			if (strcasecmp(a->string, b->string))
				continue;
			if (v[k].idx < v[k - 1].idx) {
				const cJSON *t = a; a = b; b = t;
			}
			if (!strcmp(a->string, b->string))
				jdoc_error(d, diags, b, "duplicate key \"%s\"", b->string);
			else
				jdoc_error(d, diags, b, "key \"%s\" differs from \"%s\" only in case",
					   b->string, a->string);
			(*budget)--;
		}
		if (v != small)
			free(v);
	}
	for (c = node->child; c; c = c->next)
		if (c->child)
			check_keys(d, c, diags, budget);
}

int jdoc_parse(struct jdoc *d, const char *name, char *buf, size_t len,
	       struct diags *diags)
{
	memset(d, 0, sizeof *d);
	d->name = name;
	d->buf = buf;
	d->len = len;
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		d->start = 3;
	if (len >= 2 && ((unsigned char)buf[0] == 0xFF || (unsigned char)buf[0] == 0xFE) &&
	    ((unsigned char)buf[1] == 0xFE || (unsigned char)buf[1] == 0xFF) &&
	    buf[0] != buf[1]) {
		diag_add(diags, name, 1, 1, "file is UTF-16 (a byte-order mark); convert it to UTF-8");
		return -1;
	}
	if (memchr(buf, '\0', len)) {
		size_t at = (size_t)((char *)memchr(buf, '\0', len) - buf), l, c;
		offset_where(d, at, &l, &c);
		diag_add(diags, name, l, c, "NUL byte in file%s",
			 len > 1 && (!buf[0] || !buf[1]) ? " (UTF-16 or UTF-32? convert it to UTF-8)" : "");
		return -1;
	}

	struct scan sc = { d, buf + d->start, len - d->start, (size_t)-1, NULL, 0, 0,
			   jdoc_max_values(len) };
	size_t end = ws(&sc, scan_value(&sc, 0, 0));
	if (sc.err == (size_t)-1 && end < sc.n)
		scan_fail(&sc, end, "trailing characters after the JSON value");

	const char *perr = NULL;
	/* length + 1: cJSON wants to see the terminating NUL */
	json_arena_enter();
	d->arena = 1;
	if (sc.err == (size_t)-1)   /* never hand cJSON what the scan refused */
		d->root = cJSON_ParseWithLengthOpts(buf, len + 1, &perr, 1);
	if (sc.err != (size_t)-1 || !d->root) {
		size_t at = sc.err != (size_t)-1 ? sc.err + d->start :
			    perr ? (size_t)(perr - buf) : len, l, c;
		if (at > len)
			at = len;
		offset_where(d, at, &l, &c);
		diag_add(diags, name, l, c, "%s", sc.why ? sc.why :
			 at >= len ? "unexpected end of input (truncated?)" :
				     "syntax error");
		cJSON_Delete(d->root);
		d->root = NULL;
		return -1;
	}
	size_t before = diags_count(diags), budget = 100;
	check_keys(d, d->root, diags, &budget);
	if (diags_count(diags) == before)
		return 0;
	cJSON_Delete(d->root);   /* failure: no tree, as promised */
	d->root = NULL;
	return -1;
}

void jdoc_drop_text(struct jdoc *d)
{
	free(d->buf);
	d->buf = NULL;
	free(d->offs);
	d->offs = NULL;
	d->noffs = 0;
	free(d->map);
	d->map = NULL;
	free(d->marks);
	d->marks = NULL;
}

void jdoc_release(struct jdoc *d)
{
	jdoc_drop_text(d);
	if (!d->arena || !json_arena_active())   /* else the blocks go at once */
		cJSON_Delete(d->root);
	d->root = NULL;
	if (d->arena) {
		d->arena = 0;
		json_arena_leave();
	}
}

/* The offset of every value in document order: a second scan, made only
 * when a problem must be located. */
static void build_offs(struct jdoc *d)
{
	struct scan sc = { d, d->buf + d->start, d->len - d->start, (size_t)-1, NULL, 0, 1,
			   jdoc_max_values(d->len) };
	size_t counted = d->nvalues;
	d->nvalues = 0;
	scan_value(&sc, 0, 0);
	d->nvalues = counted;
	for (size_t i = 0; i < d->noffs; i++)
		d->offs[i] += d->start;
}

static int cmp_node(const void *a, const void *b)
{
	const struct jdoc_node *x = a, *y = b;
	return (x->node > y->node) - (x->node < y->node);
}

static void map_walk(struct jdoc *d, const cJSON *n, size_t *k)
{
	for (; n; n = n->next) {
		if (*k < d->noffs) {
			d->map[*k].node = n;
			d->map[*k].off = d->offs[*k];
		}
		(*k)++;
		if (n->child)
			map_walk(d, n->child, k);
	}
}

static size_t node_off(struct jdoc *d, const cJSON *node)
{
	if (!node || !d->buf)
		return d->start;
	if (!d->map) {
		size_t k = 0;
		if (!d->offs)
			build_offs(d);
		d->map = xcalloc(d->noffs ? d->noffs : 1, sizeof *d->map);
		map_walk(d, d->root, &k);
		qsort(d->map, d->noffs, sizeof *d->map, cmp_node);
	}
	struct jdoc_node key = { node, 0 };
	struct jdoc_node *hit = bsearch(&key, d->map, d->noffs, sizeof *d->map, cmp_node);
	return hit ? hit->off : d->start;
}

void jdoc_where(struct jdoc *d, const cJSON *node, size_t *line, size_t *col)
{
	offset_where(d, node_off(d, node), line, col);
}

void jdoc_error(struct jdoc *d, struct diags *diags, const cJSON *node,
		const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	size_t line, col;
	va_list ap;

	if (diags->n >= DIAG_MAX) {   /* only counted: skip the locating */
		diags->dropped++;
		return;
	}
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	jdoc_where(d, node, &line, &col);
	diag_add(diags, d->name, line, col, "%s", sb.buf);
	sb_release(&sb);
}
