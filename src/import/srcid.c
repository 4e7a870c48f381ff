/* srcid: ids for imported sources, from a file name or from words. */
#include "import/srcid.h"

#include <string.h>

static bool id_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '_' || c == '-';
}

void srcid_from_name(struct strbuf *out, const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	const char *dot = strrchr(b, '.');
	size_t n = dot && dot > b ? (size_t)(dot - b) : strlen(b);
	sb_reset(out);
	for (size_t i = 0; i < n && out->len < SRCID_MAX; i++)
		sb_addch(out, id_byte(b[i]) ? b[i] : '_');
	if (!out->len)
		sb_addstr(out, "source");
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_hexletter(char c) { return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool srcid_machine(const char *id)
{
	bool letter = false;
	size_t run = 0, digits = 0, letters = 0;
	for (const char *p = id;; p++) {
		if (*p && (is_digit(*p) || is_hexletter(*p))) {
			run++;
			digits += is_digit(*p);
			letters += is_hexletter(*p);
		} else {
			if (run >= 8 && digits && letters)
				return true;
			run = digits = letters = 0;
		}
		if (!*p)
			break;
		letter |= is_letter(*p);
	}
	return !letter;
}

static const char *const skipped[] = {
	"the", "a", "an", "of", "from", "to", "and", "or", "in", "on", "at", "for", "by",
	"with", "is", "are", "as", NULL,
};

static bool skip_word(const char *w, size_t n)
{
	for (size_t i = 0; skipped[i]; i++)
		if (strlen(skipped[i]) == n && !strncmp(skipped[i], w, n))
			return true;
	return false;
}

void srcid_from_words(struct strbuf *out, const char *s, int max_words)
{
	char w[SRCID_MAX + 1];
	int taken = 0;
	sb_reset(out);
	for (const char *p = s; *p && taken < max_words;) {
		size_t n = 0;
		/* a word: ASCII letters and digits, lower-cased; other bytes of a
		 * run of non-spaces (accents, apostrophes) are dropped */
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '-' || *p == '/')
			p++;
		for (; *p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '-' && *p != '/'; p++)
			if ((is_letter(*p) || is_digit(*p)) && n < SRCID_MAX)
				w[n++] = (char)(*p | (is_letter(*p) ? 0x20 : 0));
		if (!n || skip_word(w, n))
			continue;
		if (out->len + (out->len ? 1 : 0) + n > SRCID_MAX)
			break;
		if (out->len)
			sb_addch(out, '-');
		sb_add(out, w, n);
		taken++;
	}
}
