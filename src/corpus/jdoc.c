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

/* A streamed document gives back the pages of its text every this many
 * bytes of elements read. */
#define DROP_EVERY (1u << 20)

struct scan {
	struct jdoc *d;
	const char *s;
	size_t n;
	size_t err;          /* offset of the first problem, or SIZE_MAX */
	const char *why;
	size_t cap;
	int rec;             /* record value offsets (only to locate a problem) */
	size_t max_values;
	int top;             /* record the members of a top object (jdoc_open) */
	size_t dropped;      /* mapped text: pages before this are given back */
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

/* The four hex digits at i, or more than 0xFFFF when they are not. */
static unsigned hex4(const struct scan *sc, size_t i)
{
	unsigned v = 0;
	for (size_t k = 0; k < 4; k++) {
		int h = i + k < sc->n ? hexval(sc->s[i + k]) : -1;
		if (h < 0)
			return 0x10000;
		v = v * 16 + (unsigned)h;
	}
	return v;
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
				unsigned v = hex4(sc, i + 2);
				if (v > 0xFFFF) {
					scan_fail(sc, i, "bad \\u escape");
					return i + 2;
				}
				if (v == 0)
					scan_fail(sc, i, "\\u0000 (NUL) in string");
				/* cJSON refuses a surrogate that is not half of a pair:
				 * so does the scan, which elements are then read by */
				if (v >= 0xD800 && v <= 0xDBFF) {
					unsigned lo = i + 7 < sc->n && sc->s[i + 6] == '\\' &&
						      sc->s[i + 7] == 'u' ? hex4(sc, i + 8) : 0;
					if (lo < 0xDC00 || lo > 0xDFFF)
						scan_fail(sc, i, "unpaired UTF-16 surrogate in a \\u escape");
					else
						i += 6;
				} else if (v >= 0xDC00 && v <= 0xDFFF) {
					scan_fail(sc, i, "unpaired UTF-16 surrogate in a \\u escape");
				}
				i += 6;
			} else {
				if (!strchr("\"\\/bfnrt", sc->s[i + 1]) || !sc->s[i + 1])
					scan_fail(sc, i, "bad escape in string (JSON has \\\" \\\\ \\/ "
						  "\\b \\f \\n \\r \\t \\u)");
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

/* Gives back the pages of a mapped text between *dropped and at (from
 * the start of the JSON) once they are DROP_EVERY bytes. */
static void drop_behind(const struct jdoc *d, size_t *dropped, size_t at)
{
	if (d->mapped && at - *dropped >= DROP_EVERY) {
		map_file_drop(d->buf, d->start + *dropped, d->start + at);
		*dropped = at;
	}
}

static void member_add(struct jdoc *d, size_t key)
{
	if (d->nmembers == d->members_cap) {
		d->members_cap = d->members_cap ? d->members_cap * 2 : 16;
		d->members = xrealloc(d->members, d->members_cap * sizeof *d->members);
	}
	d->members[d->nmembers++] = (struct jdoc_member){ key, key, 0, NULL };
}

/* Whether the value at off (from the start of the JSON) is a member of
 * the top object whose elements are read one at a time. */
static int deferred_at(const struct jdoc *d, size_t off)
{
	for (size_t k = 0; k < d->nmembers; k++)
		if (d->members[k].node && d->members[k].val == off)
			return 1;
	return 0;
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
	if (sc->rec) {
		record(sc, i);
		if (depth == 1 && deferred_at(sc->d, i)) {
			/* its elements are located one at a time (jdoc_next) */
			sc->rec = 0;
			i = scan_value(sc, i, depth);
			sc->rec = 1;
			return i;
		}
	}
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
				if (sc->top && depth == 0)
					member_add(sc->d, i);
				i = ws(sc, scan_string(sc, i));
				if (i >= sc->n || sc->s[i] != ':') {
					scan_fail(sc, i, missing(sc, i, "expected ':'"));
					return sc->n;
				}
				i++;
				if (sc->top && depth == 0)
					sc->d->members[sc->d->nmembers - 1].val = ws(sc, i);
			} else if (sc->top && depth == 1 && sc->d->nmembers) {
				sc->d->members[sc->d->nmembers - 1].count++;
				drop_behind(sc->d, &sc->dropped, i);
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

/*
 * What jdoc_parse() and jdoc_open() share: the checks of the whole text
 * (encoding, NUL bytes, then the scan), with top set to record the members
 * of a top object.  Returns 0, or -1 with the problem in diags.
 */
static int check_text(struct jdoc *d, const char *name, char *buf, size_t len,
		      int top, int mapped, struct diags *diags)
{
	memset(d, 0, sizeof *d);
	d->name = name;
	d->buf = buf;
	d->len = len;
	d->mapped = mapped;
	d->key_budget = 100;
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		d->start = 3;
	if (len >= 2 && ((unsigned char)buf[0] == 0xFF || (unsigned char)buf[0] == 0xFE) &&
	    ((unsigned char)buf[1] == 0xFE || (unsigned char)buf[1] == 0xFF) &&
	    buf[0] != buf[1]) {
		diag_add(diags, name, 1, 1, "file is UTF-16 (a byte-order mark); convert it to UTF-8");
		return -1;
	}
	const char *nul = NULL;
	for (size_t at = 0, k; at < len && !nul; at += k) {   /* a MiB at a time */
		k = len - at < (1u << 20) ? len - at : 1u << 20;
		nul = memchr(buf + at, '\0', k);
		if (mapped)
			map_file_drop(buf, at, at + k);
	}
	if (nul) {
		size_t at = (size_t)(nul - buf), l, c;
		offset_where(d, at, &l, &c);
		diag_add(diags, name, l, c, "NUL byte in file%s",
			 len > 1 && (!buf[0] || !buf[1]) ? " (UTF-16 or UTF-32? convert it to UTF-8)" : "");
		return -1;
	}

	struct scan sc = { d, buf + d->start, len - d->start, (size_t)-1, NULL, 0, 0,
			   jdoc_max_values(len), top, 0 };
	size_t end = ws(&sc, scan_value(&sc, 0, 0));
	if (sc.err == (size_t)-1 && end < sc.n)
		scan_fail(&sc, end, "trailing characters after the JSON value");
	json_arena_enter();
	d->arena = 1;
	if (sc.err == (size_t)-1)
		return 0;
	size_t at = sc.err + d->start, l, c;
	if (at > len)
		at = len;
	offset_where(d, at, &l, &c);
	diag_add(diags, name, l, c, "%s", sc.why);
	return -1;
}

/* The value at off (from the start of the JSON), parsed by itself; *end
 * gets the offset after it.  The scan refuses all that cJSON does, so
 * this fails only if they disagree: then NULL, located in diags. */
static cJSON *parse_at(struct jdoc *d, size_t off, size_t *end, struct diags *diags)
{
	const char *s = d->buf + d->start, *e = NULL;
	cJSON *v = cJSON_ParseWithLengthOpts(s + off, d->len - d->start - off, &e, 0);
	if (!v) {
		size_t at = e ? (size_t)(e - d->buf) : d->start + off, l, c;
		offset_where(d, at > d->len ? d->len : at, &l, &c);
		diag_add(diags, d->name, l, c, "syntax error");
		return NULL;
	}
	if (end)
		*end = (size_t)(e - s);
	return v;
}

int jdoc_parse(struct jdoc *d, const char *name, char *buf, size_t len,
	       struct diags *diags)
{
	if (check_text(d, name, buf, len, 0, 0, diags) < 0)
		return -1;
	const char *perr = NULL;
	/* length + 1: cJSON wants to see the terminating NUL */
	d->root = cJSON_ParseWithLengthOpts(buf, len + 1, &perr, 1);
	if (!d->root) {
		size_t at = perr ? (size_t)(perr - buf) : len, l, c;
		if (at > len)
			at = len;
		offset_where(d, at, &l, &c);
		diag_add(diags, name, l, c, "%s", at >= len ?
			 "unexpected end of input (truncated?)" : "syntax error");
		return -1;
	}
	size_t before = diags_count(diags);
	check_keys(d, d->root, diags, &d->key_budget);
	if (diags_count(diags) == before)
		return 0;
	cJSON_Delete(d->root);   /* failure: no tree, as promised */
	d->root = NULL;
	return -1;
}

int jdoc_open(struct jdoc *d, const char *name, char *buf, size_t len, int mapped,
	      const char *const *deferred, struct diags *diags)
{
	int r = check_text(d, name, buf, len, 1, mapped, diags);
	if (mapped)   /* read once, by the scan: the pages go until needed */
		map_file_drop(buf, 0, len);
	if (r < 0)
		return -1;
	const char *s = buf + d->start;
	size_t n = len - d->start, at = ws(&(struct scan){ .s = s, .n = n }, 0);
	if (s[at] != '{') {
		d->nmembers = 0;   /* not an object: read whole, and refused */
		d->root = parse_at(d, at, NULL, diags);
		return d->root ? 0 : -1;
	}
	d->root = cJSON_CreateObject();
	if (!d->root)
		die("out of memory");
	for (size_t k = 0; k < d->nmembers; k++) {
		struct jdoc_member *m = &d->members[k];
		cJSON *key = parse_at(d, m->key, NULL, diags), *v;
		int defer = 0;
		if (!key)
			return -1;
		for (const char *const *p = deferred; *p && !defer; p++)
			defer = !strcmp(*p, key->valuestring);
		if (defer && s[m->val] == '[')
			m->node = v = cJSON_CreateArray();
		else
			v = parse_at(d, m->val, NULL, diags);
		if (v && !cJSON_AddItemToObject(d->root, key->valuestring, v))
			die("out of memory");
		if (!json_arena_active())
			cJSON_Delete(key);
		if (!v)
			return -1;
	}
	size_t before = diags_count(diags);
	check_keys(d, d->root, diags, &d->key_budget);
	json_arena_mark(&d->mark);
	return diags_count(diags) == before ? 0 : -1;
}

/* Forgets the element read last. */
static void element_drop(struct jdoc *d)
{
	if (d->elem) {
		if (json_arena_active())
			json_arena_rewind(&d->mark);
		else
			cJSON_Delete(d->elem);
	}
	d->elem = NULL;
	free(d->emap);
	d->emap = NULL;
	d->nemap = 0;
}

size_t jdoc_elements(struct jdoc *d, const cJSON *node, struct jdoc_iter *it)
{
	memset(it, 0, sizeof *it);
	for (size_t k = 0; k < d->nmembers; k++)
		if (node && d->members[k].node == node) {
			it->pos = it->dropped = d->members[k].val + 1;
			it->left = d->members[k].count;
			return it->left;
		}
	size_t count = 0;
	it->child = node ? node->child : NULL;
	for (const cJSON *e = it->child; e; e = e->next)
		count++;
	return count;
}

const cJSON *jdoc_next(struct jdoc *d, struct jdoc_iter *it, struct diags *diags)
{
	if (it->child || !it->left) {
		const cJSON *e = it->child;
		it->child = e ? e->next : NULL;
		it->at = (size_t)-1;
		return e;
	}
	element_drop(d);
	const char *s = d->buf + d->start;
	struct scan sc = { .s = s, .n = d->len - d->start };
	size_t at = ws(&sc, it->pos), end = sc.n;
	if (d->broken || !(d->elem = parse_at(d, at, &end, diags))) {
		d->broken = 1;   /* reported; the walk ends */
		return NULL;
	}
	d->elem_off = it->at = at;
	end = ws(&sc, end);
	it->pos = end + (end < sc.n && s[end] == ',');
	it->left--;
	check_keys(d, d->elem, diags, &d->key_budget);
	drop_behind(d, &it->dropped, at);
	return d->elem;
}

const cJSON *jdoc_element_at(struct jdoc *d, size_t at)
{
	if (at == (size_t)-1 || !d->buf)
		return NULL;
	if (d->elem && d->elem_off == at)
		return d->elem;
	element_drop(d);
	struct diags quiet;   /* it was read once: nothing new to say */
	diags_init(&quiet);
	d->elem = parse_at(d, at, NULL, &quiet);
	diags_release(&quiet);
	d->elem_off = at;
	return d->elem;
}

void jdoc_drop_text(struct jdoc *d)
{
	if (d->mapped)
		unmap_file(d->buf, d->len);
	else
		free(d->buf);
	d->buf = NULL;
	free(d->offs);
	d->offs = NULL;
	d->noffs = 0;
	free(d->map);
	d->map = NULL;
	free(d->emap);
	d->emap = NULL;
	free(d->marks);
	d->marks = NULL;
}

void jdoc_release(struct jdoc *d)
{
	jdoc_drop_text(d);
	if (!d->arena || !json_arena_active()) {   /* else the blocks go at once */
		cJSON_Delete(d->elem);
		cJSON_Delete(d->root);
	}
	d->elem = NULL;
	d->root = NULL;
	free(d->members);
	d->members = NULL;
	d->nmembers = 0;
	if (d->arena) {
		d->arena = 0;
		json_arena_leave();
	}
}

/* The offset of every value of the one at off (depth: its depth in the
 * document) in document order, into d->offs: a scan made only when a
 * problem must be located. */
static void build_offs(struct jdoc *d, size_t off, int depth)
{
	struct scan sc = { d, d->buf + d->start, d->len - d->start, (size_t)-1, NULL, 0, 1,
			   (size_t)-1, 0, 0 };
	size_t counted = d->nvalues;
	d->offs = NULL;
	d->noffs = 0;
	scan_value(&sc, off, depth);
	d->nvalues = counted;
	for (size_t i = 0; i < d->noffs; i++)
		d->offs[i] += d->start;
}

static int cmp_node(const void *a, const void *b)
{
	const struct jdoc_node *x = a, *y = b;
	return (x->node > y->node) - (x->node < y->node);
}

static void map_walk(struct jdoc *d, struct jdoc_node *map, const cJSON *n, size_t *k)
{
	for (; n; n = n->next) {
		if (*k < d->noffs) {
			map[*k].node = n;
			map[*k].off = d->offs[*k];
		}
		(*k)++;
		if (n->child)
			map_walk(d, map, n->child, k);
	}
}

/* The offsets of top (standing at off) and of every node below it,
 * sorted by node for bsearch; *n gets their number.  The top of the
 * document keeps its offsets in d->offs (in document order); an
 * element's are dropped. */
static struct jdoc_node *map_build(struct jdoc *d, const cJSON *top, size_t off, int depth,
				   size_t *n)
{
	size_t k = 0, *root_offs = d->offs, nroot = d->noffs;
	int element = top != d->root;
	build_offs(d, off, depth);
	struct jdoc_node *map = xcalloc(d->noffs ? d->noffs : 1, sizeof *map);
	map_walk(d, map, top, &k);
	*n = d->noffs < k ? d->noffs : k;
	qsort(map, *n, sizeof *map, cmp_node);
	if (element) {
		free(d->offs);
		d->offs = root_offs;
		d->noffs = nroot;
	} else {
		free(root_offs);
	}
	return map;
}

static const struct jdoc_node *map_find(const struct jdoc_node *map, size_t n,
					const cJSON *node)
{
	struct jdoc_node key = { node, 0 };
	return bsearch(&key, map, n, sizeof *map, cmp_node);
}

static size_t node_off(struct jdoc *d, const cJSON *node)
{
	const struct jdoc_node *hit = NULL;
	if (!node || !d->buf)
		return d->start;
	if (d->elem) {
		if (!d->emap)
			d->emap = map_build(d, d->elem, d->elem_off, 2, &d->nemap);
		hit = map_find(d->emap, d->nemap, node);
	}
	if (!hit) {
		if (!d->map)
			d->map = map_build(d, d->root, 0, 0, &d->nmap);
		hit = map_find(d->map, d->nmap, node);
	}
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
