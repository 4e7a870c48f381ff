/* decode: encodings, line ends, invalid bytes and mojibake repair. */
#include "import/decode.h"

#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "base/util.h"
#include "import/charset.h"

#define MAX_SEQ 12   /* characters one mojibake sequence may span */

static const char *const kind_chars[DECODE_NKINDS] = {
	"\xe2\x80\x99", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98",
	"\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\xa6", "other",
};

/* Windows-1252 0x80..0x9F; 0 where undefined (then Latin-1 applies). */
static const uint16_t cp1252_hi[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static uint32_t cp1252_to_cp(unsigned char b)
{
	if (b >= 0x80 && b < 0xA0 && cp1252_hi[b - 0x80])
		return cp1252_hi[b - 0x80];
	return b;
}

/* The Windows-1252 (or Latin-1) byte for cp, or -1. */
static int cp_to_cp1252(uint32_t cp)
{
	if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
		return (int)cp;
	for (int i = 0; i < 32; i++)
		if (cp1252_hi[i] == cp)
			return 0x80 + i;
	if (cp >= 0x80 && cp < 0xA0)   /* C1 control: a Latin-1 misreading */
		return (int)cp;
	return -1;
}

/* ---- step 1: to UTF-8 ---- */

/* Counts the bytes >= 0x80 in valid multi-byte UTF-8 sequences (good) and
 * those that are not (bad). */
static void utf8_counts(const char *s, size_t n, size_t *good, size_t *bad)
{
	*good = *bad = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		int k = utf8_decode(s + i, n - i, &cp);
		if (cp == TEXT_INVALID)
			(*bad)++;
		else
			*good += (size_t)k;
		i += (size_t)k;
	}
}

/* True when the bytes hold no valid multi-byte UTF-8 sequence at all but
 * some byte >= 0x80: an 8-bit encoding. */
static bool looks_8bit(const char *s, size_t n)
{
	size_t good, bad;
	utf8_counts(s, n, &good, &bad);
	return !good && bad;
}

/* True when the bytes are mostly UTF-8: no more invalid bytes than bytes
 * in valid multi-byte sequences (a stray byte in UTF-8 text, not text in
 * another charset). */
static bool mostly_utf8(const char *s, size_t n)
{
	size_t good, bad;
	utf8_counts(s, n, &good, &bad);
	return good && bad <= good;
}

/* ---- steps 2 and 3 ---- */

static void normalise(const char *s, size_t n, struct strbuf *out, struct decode_stats *st)
{
	sb_grow(out, n);
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\r') {
			if (i + 1 < n && s[i + 1] == '\n') {
				st->crlf++;
				i++;
			} else {
				st->cr++;
			}
			sb_addch(out, '\n');
			i++;
		} else if (c < 0x80) {
			sb_addch(out, c);
			i++;
		} else {
			uint32_t cp;
			int k = utf8_decode(s + i, n - i, &cp);
			if (cp == TEXT_INVALID) {
				sb_addstr(out, "\xef\xbf\xbd");
				st->invalid++;
			} else {
				sb_add(out, s + i, (size_t)k);
			}
			i += (size_t)k;
		}
	}
}

static void set_encoding(struct decode_stats *st, const char *name)
{
	snprintf(st->encoding, sizeof st->encoding, "%s", name);
	for (char *c = st->encoding; *c; c++)
		*c = (char)ascii_tolower((unsigned char)*c);
}

static void from_cp1252(const unsigned char *u, size_t len, struct strbuf *a)
{
	for (size_t i = 0; i < len; i++) {
		char e[4];
		sb_add(a, e, (size_t)utf8_encode(cp1252_to_cp(u[i]), e));
	}
}

/* Names that mean Windows-1252 to a browser (the WHATWG encoding list). */
static bool latin1_name(const char *n)
{
	static const char *const names[] = {
		"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819", "us-ascii",
		"ascii", "windows-1252", "cp1252", "x-cp1252", NULL,
	};
	for (const char *const *p = names; *p; p++)
		if (!strcasecmp(n, *p))
			return true;
	return false;
}

static bool utf8_name(const char *n)
{
	return !strcasecmp(n, "utf-8") || !strcasecmp(n, "utf8");
}

/* A stated charset (sidecar or declaration) applied; false when it is
 * UTF-8 or unknown to iconv, so that the bytes are looked at instead. */
static bool apply_declared(const char *buf, size_t len, const char *name, const char *how,
			   struct strbuf *a, struct decode_stats *st)
{
	if (utf8_name(name))
		return false;
	if (latin1_name(name)) {
		from_cp1252((const unsigned char *)buf, len, a);
		set_encoding(st, "windows-1252");
	} else {
		if (charset_convert(buf, len, name, a, &st->invalid) < 0)
			return false;
		set_encoding(st, name);
	}
	st->how = how;
	return true;
}

void decode_text_as(const char *buf, size_t len, const char *charset, struct strbuf *out,
		    struct decode_stats *stats)
{
	struct decode_stats dummy;
	struct decode_stats *st = stats ? stats : &dummy;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	const unsigned char *u = (const unsigned char *)buf;
	char declared[CHARSET_NAME_MAX];

	memset(st, 0, sizeof *st);
	set_encoding(st, "utf-8");
	st->confidence = -1;
	if (!buf) {
		buf = "";
		len = 0;
		u = (const unsigned char *)buf;
	}
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		bool le = u[0] == 0xFF;
		st->bom = true;
		set_encoding(st, le ? "utf-16le" : "utf-16be");
		charset_convert(buf + 2, len - 2, st->encoding, &a, &st->invalid);
	} else if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		st->bom = true;
		sb_add(&a, buf + 3, len - 3);
	} else if (charset && *charset && apply_declared(buf, len, charset, "sidecar", &a, st)) {
		/* done */
	} else if (charset_declared(buf, len, declared, sizeof declared) &&
		   apply_declared(buf, len, declared, "declared", &a, st)) {
		/* done */
	} else if ((utf8_validate(buf, len) == len && !memchr(buf, 0, len)) || mostly_utf8(buf, len)) {
		sb_add(&a, buf, len);
	} else {
		struct charset_guess g;
		charset_detect(buf, len, &g);
		st->confidence = g.confidence;
		if (g.sure && latin1_name(g.name)) {
			from_cp1252(u, len, &a);
			set_encoding(st, "windows-1252");
			st->how = "detected";
		} else if (g.sure && charset_convert(buf, len, g.name, &a, &st->invalid) == 0) {
			set_encoding(st, g.name);
			st->how = "detected";
		} else if (looks_8bit(buf, len)) {
			snprintf(st->unsure, sizeof st->unsure, "%s", g.name);
			from_cp1252(u, len, &a);
			set_encoding(st, "windows-1252");
			st->how = "fallback";
		} else {
			st->confidence = -1;
			sb_add(&a, buf, len);
		}
	}
	normalise(a.buf, a.len, &b, st);
	decode_mojibake(b.buf, b.len, out, st);
	/* a BOM doubled (FE FF FE FF ...) leaves U+FEFF first: not text either */
	size_t nbom = 0;
	while (out->len - nbom >= 3 && !memcmp(out->buf + nbom, "\xef\xbb\xbf", 3))
		nbom += 3;
	if (nbom) {
		memmove(out->buf, out->buf + nbom, out->len - nbom + 1);
		out->len -= nbom;
	}
	sb_release(&a);
	sb_release(&b);
}

void decode_text(const char *buf, size_t len, struct strbuf *out, struct decode_stats *stats)
{
	decode_text_as(buf, len, NULL, out, stats);
}

/* ---- step 4: mojibake ---- */

/* A character mojibake may decode to. */
static bool plausible(uint32_t cp)
{
	return (cp >= 0xA0 && cp <= 0x17F) || (cp >= 0x400 && cp <= 0x45F) ||
	       (cp >= 0x2010 && cp <= 0x203A) || cp == 0x20AC || cp == 0x2122;
}

static bool strong(uint32_t cp)
{
	return cp >= 0x2010 && cp <= 0x2026;
}

/*
 * Reads bytes b[0..n) as UTF-8.  Returns the number of plausible non-ASCII
 * characters, or -1 when something does not fit.  With allow_lost, a
 * trailing E2 80 (a three-byte punctuation sequence missing its last byte)
 * is accepted and *lost set.  *nstrong counts typographic punctuation.
 */
static int candidate(const unsigned char *b, size_t n, bool allow_lost, bool *lost, int *nstrong)
{
	int good = 0;
	*lost = false;
	*nstrong = 0;
	for (size_t i = 0; i < n;) {
		if (b[i] < 0x80) {
			if (b[i] < 0x20 && b[i] != '\t')
				return -1;
			i++;
			continue;
		}
		uint32_t cp;
		int k = utf8_decode((const char *)b + i, n - i, &cp);
		if (cp == TEXT_INVALID) {
			if (allow_lost && i + 2 == n && b[i] == 0xE2 && b[i + 1] == 0x80) {
				*lost = true;
				(*nstrong)++;
				return good + 1;
			}
			return -1;
		}
		if (!plausible(cp))
			return -1;
		if (strong(cp))
			(*nstrong)++;
		good++;
		i += (size_t)k;
	}
	return good;
}

struct mchar {
	uint32_t cp;
	size_t off, len;        /* in the input */
	size_t goff, glen;      /* GB18030 bytes, glen 0 = none */
	int w;                  /* Windows-1252 byte, -1 = none */
};

struct repairer {
	iconv_t gb;             /* opened on first use (most texts never need it) */
	bool gb_opened;
	struct strbuf gbytes;
	struct mchar *run;
	size_t nrun, cap;
	bool quote_double, quote_single, single_last;
	uint32_t prev;
	struct decode_stats *st;
	bool dry;               /* count strong sequences only */
	size_t nstrong;
};

static void note_quote(struct repairer *r, uint32_t cp, uint32_t next)
{
	if (cp == 0x201C) {
		r->quote_double = true;
		r->single_last = false;
	} else if (cp == 0x201D) {
		r->quote_double = false;
	} else if (cp == 0x2018) {
		r->quote_single = true;
		r->single_last = true;
	} else if (cp == 0x2019 && r->quote_single &&
		   !((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'))) {
		r->quote_single = false;
	} else if (cp == '\n' && next == '\n') {
		r->quote_single = false;
	}
	r->prev = cp;
}

static bool is_space(uint32_t c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == 0;
}

static bool is_alnum(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The last byte of E2 80 ?? lost by the misreading, from the context. */
static unsigned char infer_lost(const struct repairer *r, uint32_t next, uint32_t next2)
{
	uint32_t p = r->prev;
	if (is_space(p) && is_space(next))
		return 0x94;                        /* — */
	if (is_space(p) || p == '(' || p == '[')
		return 0x9C;                        /* “ */
	if (p == 's' && next == ' ' && is_alnum(next2) && !(next2 >= 'A' && next2 <= 'Z'))
		return 0x99;                        /* possessive ’ */
	if (r->quote_single && (r->single_last || !r->quote_double))
		return 0x99;                        /* closing ’ */
	if (r->quote_double)
		return 0x9D;                        /* closing ” */
	if (is_alnum(p) && is_alnum(next))
		return 0x99;                        /* apostrophe */
	return 0x9D;
}

static void count_restored(struct decode_stats *st, const unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode((const char *)b + i, n - i, &cp);
		if (cp != TEXT_INVALID && cp >= 0x80) {
			int kind = 7;
			char e[4];
			int el = utf8_encode(cp, e);
			for (int j = 0; j < 7; j++)
				if ((int)strlen(kind_chars[j]) == el && !memcmp(kind_chars[j], e, (size_t)el))
					kind = j;
			st->restored[kind]++;
		}
		i += (size_t)k;
	}
}

static void emit_cp(struct repairer *r, struct strbuf *out, uint32_t cp, uint32_t next)
{
	char e[4];
	if (!r->dry)
		sb_add(out, e, (size_t)utf8_encode(cp, e));
	note_quote(r, cp, next);
}

static void emit_bytes(struct repairer *r, struct strbuf *out, const unsigned char *b,
		       size_t n, uint32_t next)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode((const char *)b + i, n - i, &cp);
		emit_cp(r, out, cp, i + (size_t)k < n ? (unsigned char)b[i + (size_t)k] : next);
		i += (size_t)k;
	}
}

/* Tries a repair of run[k..m) read as GBK (gbk) or Windows-1252. */
static int try_seq(struct repairer *r, size_t k, size_t m, bool gbk, bool at_end,
		   struct strbuf *bytes, bool *lost, int *nstrong)
{
	sb_reset(bytes);
	for (size_t i = k; i < m; i++) {
		const struct mchar *c = &r->run[i];
		if (gbk) {
			if (!c->glen)
				return -1;
			sb_add(bytes, r->gbytes.buf + c->goff, c->glen);
		} else {
			if (c->w < 0)
				return -1;
			sb_addch(bytes, c->w);
		}
	}
	return candidate((const unsigned char *)bytes->buf, bytes->len, at_end, lost, nstrong);
}

static void gb_encode(struct repairer *r, struct mchar *c, const char *s)
{
	char tmp[8];
	char *in = (char *)s + c->off, *o = tmp;
	size_t inleft = c->len, oleft = sizeof tmp;
	c->glen = 0;
	if (c->cp < 0x2E80)
		return;
	if (!r->gb_opened) {
		r->gb = iconv_open("GB18030", "UTF-8");
		r->gb_opened = true;
	}
	if (r->gb == (iconv_t)-1)
		return;
	iconv(r->gb, NULL, NULL, NULL, NULL);
	if (iconv(r->gb, &in, &inleft, &o, &oleft) == (size_t)-1)
		return;
	c->goff = r->gbytes.len;
	c->glen = (size_t)(o - tmp);
	sb_add(&r->gbytes, tmp, c->glen);
}

static void repair_run(struct repairer *r, const char *s, size_t n, size_t rs, size_t re,
		       struct strbuf *out)
{
	struct strbuf bytes = STRBUF_INIT;
	r->nrun = 0;
	sb_reset(&r->gbytes);
	for (size_t i = rs; i < re;) {
		uint32_t cp;
		int k = utf8_decode(s + i, re - i, &cp);
		if (r->nrun == r->cap) {
			r->cap = r->cap ? 2 * r->cap : 64;
			r->run = xrealloc(r->run, r->cap * sizeof *r->run);
		}
		struct mchar *c = &r->run[r->nrun++];
		c->cp = cp;
		c->off = i;
		c->len = (size_t)k;
		c->w = cp_to_cp1252(cp);
		gb_encode(r, c, s);
		i += (size_t)k;
	}
	uint32_t after = re < n ? (unsigned char)s[re] : 0;
	uint32_t after2 = re + 1 < n ? (unsigned char)s[re + 1] : 0;
	for (size_t k = 0; k < r->nrun;) {
		bool done = false;
		for (int pass = 0; pass < 2 && !done; pass++) {
			bool gbk = pass == 0;
			if (gbk ? !r->run[k].glen : !(r->run[k].w >= 0xC2 && r->run[k].w <= 0xF4))
				continue;
			size_t lim = k + MAX_SEQ < r->nrun ? k + MAX_SEQ : r->nrun;
			for (size_t m = lim; m > k; m--) {
				bool lost;
				int ns;
				int g = try_seq(r, k, m, gbk, m == r->nrun, &bytes, &lost, &ns);
				if (g <= 0)
					continue;
				/* "Ã©", "Â " and "â€" start nothing a writer types */
				if (!gbk && (r->run[k].cp == 0xC3 || r->run[k].cp == 0xC2 || r->run[k].cp == 0xE2))
					ns++;
				/* a sequence must shrink the text: mojibake is longer */
				size_t inlen = r->run[m - 1].off + r->run[m - 1].len - r->run[k].off;
				if (bytes.len + (lost ? 1 : 0) >= inlen && !ns)
					continue;
				r->nstrong += (size_t)ns;
				if (!r->dry) {
					if (lost) {
						sb_addch(&bytes, infer_lost(r, after, after2));
						if (gbk) r->st->gbk_inferred++; else r->st->w1252_inferred++;
					} else {
						if (gbk) r->st->gbk_direct++; else r->st->w1252_direct++;
					}
					count_restored(r->st, (const unsigned char *)bytes.buf, bytes.len);
				}
				emit_bytes(r, out, (const unsigned char *)bytes.buf, bytes.len,
					   m < r->nrun ? r->run[m].cp : after);
				k = m;
				done = true;
				break;
			}
		}
		if (!done) {
			if (!r->dry)
				sb_add(out, s + r->run[k].off, r->run[k].len);
			note_quote(r, r->run[k].cp, k + 1 < r->nrun ? r->run[k + 1].cp : after);
			k++;
		}
	}
	sb_release(&bytes);
}

static void mojibake_pass(struct repairer *r, const char *s, size_t n, struct strbuf *out)
{
	size_t plain = 0;
	r->prev = '\n';
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			note_quote(r, c, i + 1 < n ? (unsigned char)s[i + 1] : 0);
			i++;
			continue;
		}
		if (!r->dry)
			sb_add(out, s + plain, i - plain);
		size_t j = i;
		while (j < n && (unsigned char)s[j] >= 0x80)
			j++;
		repair_run(r, s, n, i, j, out);
		i = plain = j;
	}
	if (!r->dry)
		sb_add(out, s + plain, n - plain);
}

void decode_mojibake(const char *s, size_t n, struct strbuf *out, struct decode_stats *stats)
{
	struct decode_stats dummy;
	struct repairer r;

	memset(&dummy, 0, sizeof dummy);
	memset(&r, 0, sizeof r);
	sb_init(&r.gbytes);
	r.st = stats ? stats : &dummy;
	if (utf8_validate(s, n) < n) {   /* only valid UTF-8 is repaired */
		sb_add(out, s, n);
		goto out;
	}
	r.dry = true;
	mojibake_pass(&r, s, n, out);
	if (!r.nstrong) {
		sb_add(out, s, n);
		goto out;
	}
	r.dry = false;
	r.quote_double = r.quote_single = r.single_last = false;
	mojibake_pass(&r, s, n, out);
out:
	if (r.gb_opened && r.gb != (iconv_t)-1)
		iconv_close(r.gb);
	sb_release(&r.gbytes);
	free(r.run);
}

size_t decode_repairs(const struct decode_stats *st)
{
	return st->gbk_direct + st->gbk_inferred + st->w1252_direct + st->w1252_inferred;
}

void decode_describe(const struct decode_stats *st, int kind, struct strbuf *out)
{
	if (kind == 1) {
		const char *sep = "";
		if (st->bom) {
			sb_addstr(out, "byte order mark dropped");
			sep = "; ";
		}
		if (st->crlf) {
			sb_addf(out, "%s%zu CRLF line ends made LF", sep, st->crlf);
			sep = "; ";
		}
		if (st->cr)
			sb_addf(out, "%s%zu CR line ends made LF", sep, st->cr);
		return;
	}
	if (kind == 2) {
		if (st->invalid)
			sb_addf(out, "%zu invalid byte%s replaced with U+FFFD", st->invalid,
				st->invalid == 1 ? "" : "s");
		return;
	}
	const char *sep = "";
	const char *with = strcmp(st->encoding, "windows-1252") ? "iconv" : "the built-in table";
	if (st->how && !strcmp(st->how, "fallback")) {
		sb_addf(out, "converted from %s with %s (", st->encoding, with);
		if (*st->unsure)
			sb_addf(out, "uchardet unsure: %s at confidence %.2f)", st->unsure, st->confidence);
		else
			sb_addstr(out, "no charset declared or detected)");
		sep = "; ";
	} else if (st->how && !strcmp(st->how, "detected")) {
		sb_addf(out, "converted from %s with iconv (detected, confidence %.2f)", st->encoding,
			st->confidence);
		sep = "; ";
	} else if (st->how) {
		sb_addf(out, "converted from %s with %s (declared in the %s)", st->encoding, with,
			strcmp(st->how, "sidecar") ? "document" : "sidecar");
		sep = "; ";
	} else if (strcmp(st->encoding, "utf-8")) {
		sb_addf(out, "converted from %s with iconv", st->encoding);
		sep = "; ";
	}
	size_t gbk = st->gbk_direct + st->gbk_inferred;
	size_t w = st->w1252_direct + st->w1252_inferred;
	if (gbk)
		sb_addf(out, "%sUTF-8 text misread as GBK reversed (encoded as GB18030, decoded as "
			"UTF-8): %zu sequences, %zu decoded directly, %zu with a lost last byte "
			"inferred from the context", sep, gbk, st->gbk_direct, st->gbk_inferred);
	if (gbk && w)
		sep = "; ";
	if (w)
		sb_addf(out, "%sUTF-8 text misread as Windows-1252 reversed: %zu sequences, %zu "
			"decoded directly, %zu with a lost last byte inferred", sep, w,
			st->w1252_direct, st->w1252_inferred);
	if (gbk || w) {
		sb_addstr(out, " (restored:");
		for (int i = 0; i < DECODE_NKINDS; i++)
			if (st->restored[i])
				sb_addf(out, " %zu %s", st->restored[i], kind_chars[i]);
		sb_addstr(out, ")");
	}
}
