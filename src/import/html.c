/* html: tags out, text in. */
#include "import/html.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"

static const char *const blocks[] = {
	"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote",
	"article", "section", "header", "footer", "figcaption", "figure", "ul", "ol",
	"table", "title", "main", "aside", "nav", NULL,
};

static const struct { const char *name; uint32_t cp; } entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
	{ "nbsp", ' ' }, { "rsquo", 0x2019 }, { "lsquo", 0x2018 }, { "rdquo", 0x201D },
	{ "ldquo", 0x201C }, { "mdash", 0x2014 }, { "ndash", 0x2013 }, { "hellip", 0x2026 },
	{ "copy", 0xA9 },
};

/* Adds one character, collapsing spaces and blank lines. */
static void put(struct strbuf *out, uint32_t cp, int *nl, bool *sp)
{
	if (cp == '\n') {
		while (out->len && out->buf[out->len - 1] == ' ')
			sb_setlen(out, out->len - 1);
		if (*nl < 2 && out->len)
			sb_addch(out, '\n');
		(*nl)++;
		*sp = true;
		return;
	}
	if (cp == ' ' || cp == '\t' || cp == '\r') {
		if (!*sp)
			sb_addch(out, ' ');
		*sp = true;
		return;
	}
	char e[4];
	sb_add(out, e, (size_t)utf8_encode(cp, e));
	*nl = 0;
	*sp = false;
}

size_t html_to_text(const char *s, size_t n, struct strbuf *out)
{
	size_t tags = 0;
	int nl = 2;
	bool sp = true;
	size_t start = out->len;

	for (size_t i = 0; s && i < n;) {
		if (s[i] == '<') {
			if (i + 3 < n && !memcmp(s + i, "<!--", 4)) {
				const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);
				i = e ? (size_t)(e - s) + 3 : n;
				tags++;
				continue;
			}
			size_t j = i + 1;
			bool close = j < n && s[j] == '/';
			if (close)
				j++;
			size_t ns = j;
			while (j < n && ascii_isalnum((unsigned char)s[j]))
				j++;
			size_t nlen = j - ns;
			const char *gt = memchr(s + j, '>', n - j);
			size_t end = gt ? (size_t)(gt - s) + 1 : n;
			tags++;
			if (!close && ((nlen == 6 && !strncasecmp(s + ns, "script", 6)) ||
				       (nlen == 5 && !strncasecmp(s + ns, "style", 5)))) {
				char closing[10] = "</";
				memcpy(closing + 2, s + ns, nlen);
				size_t k = end;
				while (k + nlen + 2 <= n && strncasecmp(s + k, closing, nlen + 2))
					k++;
				const char *gt2 = k < n ? memchr(s + k, '>', n - k) : NULL;
				end = gt2 ? (size_t)(gt2 - s) + 1 : n;
			}
			for (const char *const *b = blocks; *b; b++)
				if (strlen(*b) == nlen && nlen && !strncasecmp(s + ns, *b, nlen)) {
					put(out, '\n', &nl, &sp);
					if (nlen != 2 || strncasecmp(s + ns, "br", 2))
						put(out, '\n', &nl, &sp);
					break;
				}
			i = end;
			continue;
		}
		if (s[i] == '&') {
			size_t j = i + 1;
			while (j < n && j - i < 12 && (ascii_isalnum((unsigned char)s[j]) || s[j] == '#'))
				j++;
			if (j < n && s[j] == ';' && j > i + 1) {
				uint32_t cp = 0;
				if (s[i + 1] == '#') {
					bool hex = i + 2 < j && (s[i + 2] == 'x' || s[i + 2] == 'X');
					/* digits up to the ';' at j, never past it */
					unsigned long v = 0;
					for (size_t k = i + (hex ? 3 : 2); k < j && v <= 0x10FFFF; k++) {
						int d = ascii_isdigit((unsigned char)s[k]) ? s[k] - '0' :
							hex && ascii_isxdigit((unsigned char)s[k]) ?
							ascii_tolower((unsigned char)s[k]) - 'a' + 10 : -1;
						if (d < 0) {
							v = 0;
							break;
						}
						v = v * (hex ? 16 : 10) + (unsigned long)d;
					}
					cp = (uint32_t)v;
					if (cp == 0 || v > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000))
						cp = 0xFFFD;
				} else {
					for (size_t k = 0; k < sizeof entities / sizeof *entities; k++)
						if (strlen(entities[k].name) == j - i - 1 &&
						    !strncmp(entities[k].name, s + i + 1, j - i - 1))
							cp = entities[k].cp;
				}
				if (cp) {
					put(out, cp, &nl, &sp);
					i = j + 1;
					continue;
				}
			}
		}
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (cp == TEXT_INVALID)
			cp = 0xFFFD;
		put(out, cp == '\n' ? ' ' : cp, &nl, &sp);
		i += (size_t)k;
	}
	while (out->len > start && (out->buf[out->len - 1] == '\n' || out->buf[out->len - 1] == ' '))
		sb_setlen(out, out->len - 1);
	if (out->len > start)
		sb_addch(out, '\n');
	return tags;
}
