/* boiler: web furniture lines as spans. */
#include "import/boiler.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/util.h"

/* Case-insensitive search for ASCII needle in line: the first byte in
 * either case is looked for before anything is compared (a compare at
 * every position was most of the time of an import). */
static const char *find_ci(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	unsigned char lo = (unsigned char)needle[0], up = lo;
	if (lo >= 'A' && lo <= 'Z')
		lo = (unsigned char)(lo | 0x20);
	if (lo >= 'a' && lo <= 'z')
		up = (unsigned char)(lo & ~0x20);
	if (m > n)
		return NULL;
	/* the next byte that may start it: the first of either case, each
	 * looked for with memchr, the second only before the first */
	const char *p = s, *end = s + (n - m) + 1;
	while (p < end) {
		const char *a = memchr(p, lo, (size_t)(end - p));
		const char *b = up != lo ? memchr(p, up, (size_t)((a ? a : end) - p)) : NULL;
		const char *c = b ? b : a;
		if (!c)
			return NULL;
		if (!strncasecmp(c, needle, m))
			return c;
		p = c + 1;
	}
	return NULL;
}

static bool starts_ci(const char *s, size_t n, const char *p)
{
	size_t m = strlen(p);
	return n >= m && !strncasecmp(s, p, m);
}

static bool any_ci(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (find_ci(s, n, *list))
			return true;
	return false;
}

static size_t count_words(const char *s, size_t n)
{
	size_t w = 0;
	bool in = false;
	for (size_t i = 0; i < n; i++) {
		bool sp = s[i] == ' ' || s[i] == '\t';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

static bool ends_sentence(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!n)
		return false;
	char c = s[n - 1];
	if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')')
		return true;
	/* a closing curly quote */
	return n >= 3 && !memcmp(s + n - 3, "\xe2\x80", 2) &&
	       ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99);
}

static const char *const share_words[] = {
	"Facebook", "Twitter", "WhatsApp", "Instagram", "Youtube", "LinkedIn", "Reddit",
	"Telegram", "Email", "Print", "Share", "Bookmark", "Download", "Comments", "Pinterest",
	"Newsletter", "Copy link", NULL,
};

static const char *const agencies[] = {
	"Reuters", "/AP", "AP/", "AFP", "Getty", "EPA", "TASS", "Sputnik", "Alamy",
	"Shutterstock", "Bloomberg", "/File", "Xinhua", "Press Service", NULL,
};

/* A row of share labels: four of them, and no full stop (looked for
 * first: it rules out nearly every line of prose at once). */
static bool is_share_line(const char *s, size_t n)
{
	if (memchr(s, '.', n))
		return false;
	int hits = 0;
	for (const char *const *w = share_words; *w && hits < 4; w++)
		if (find_ci(s, n, *w))
			hits++;
	return hits >= 4;
}

static bool is_credit(const char *s, size_t n)
{
	if (n > 160)
		return false;
	if (starts_ci(s, n, "(c) ") || starts_ci(s, n, "\xc2\xa9") ||
	    starts_ci(s, n, "photo:") || starts_ci(s, n, "photograph:") ||
	    starts_ci(s, n, "image:") || starts_ci(s, n, "credit:") ||
	    starts_ci(s, n, "picture:"))
		return true;
	if (find_ci(s, n, "all rights reserved"))
		return true;
	if (starts_ci(s, n, "source: ") && n < 60 && !ends_sentence(s, n))
		return true;
	/* "Name Surname/Agency/Reuters" */
	if (memchr(s, '/', n) && count_words(s, n) <= 8 && !ends_sentence(s, n) &&
	    !memchr(s, ',', n) && any_ci(s, n, agencies))
		return true;
	return false;
}

const char *boiler_line(const char *s, size_t n)
{
	if (!n)
		return NULL;
	if (starts_ci(s, n, "a message from ") && s[n - 1] == ':')
		return "donation appeal";
	if (n < 200 && (find_ci(s, n, "please support us") || find_ci(s, n, "donate now") ||
			find_ci(s, n, "make a donation") || starts_ci(s, n, "remind me later") ||
			find_ci(s, n, "support independent journalism")))
		return "donation appeal";
	if (find_ci(s, n, "newsletter") && (n < 100 || find_ci(s, n, "sign up") ||
					    find_ci(s, n, "subscribe")))
		return "newsletter prompt";
	if (n < 160 && (find_ci(s, n, "sign up here") || find_ci(s, n, "sign up for") ||
			starts_ci(s, n, "subscribe to")))
		return "newsletter prompt";
	if (n < 200 && (find_ci(s, n, "leave a comment") || find_ci(s, n, "leave a reply") ||
			find_ci(s, n, "einen kommentar") || find_ci(s, n, "commenting guidelines") ||
			find_ci(s, n, "join the conversation") || find_ci(s, n, "encourage anyone to comment")))
		return "comment prompt";
	if (is_share_line(s, n))
		return "share labels";
	if (is_credit(s, n))
		return "photo credit";
	if (starts_ci(s, n, "read more") || starts_ci(s, n, "related:") ||
	    starts_ci(s, n, "see also:") || starts_ci(s, n, "more on this") ||
	    (n < 12 && starts_ci(s, n, "see also")))
		return "read-more teaser";
	/* "For more information on X, see HEADLINE." */
	if (n < 200 && (starts_ci(s, n, "for more information") || starts_ci(s, n, "for additional")) &&
	    (find_ci(s, n, ", see ") || find_ci(s, n, " see ")) && !find_ci(s, n, " said") &&
	    !find_ci(s, n, " should "))
		return "related-story teaser";
	if (n < 120 && (starts_ci(s, n, "return to this article") || starts_ci(s, n, "click to print") ||
			starts_ci(s, n, "click here to") || starts_ci(s, n, "email this story") ||
			starts_ci(s, n, "print this story") || starts_ci(s, n, "print this article")))
		return "page furniture";
	if (n < 40 && (!strncmp(s, "Why We Wrote This", n) || !strncmp(s, "Why we wrote this", n)))
		return "editor's note";
	if (find_ci(s, n, "does not work for, consult, own shares") ||
	    find_ci(s, n, "has disclosed no relevant affiliations") ||
	    (find_ci(s, n, "receives funding from") && find_ci(s, n, "disclos")))
		return "disclosure statement";
	return NULL;
}

/* A heading whose blurb belongs to it. */
static bool is_heading(const char *what, const char *s, size_t n)
{
	if (!strcmp(what, "editor's note"))
		return true;
	if (!strcmp(what, "read-more teaser"))
		return s[n - 1] == ':' || n < 12;
	if (!strcmp(what, "newsletter prompt"))
		return !ends_sentence(s, n) && n < 80;
	return false;
}

struct line {
	size_t start, end;
};

static bool is_cjk_only(const char *s, size_t n)
{
	size_t i = 0, k = 0;
	while (i < n) {
		uint32_t cp;
		int l = utf8_decode(s + i, n - i, &cp);
		if (cp == TEXT_INVALID || cp < 0x2E80 || cp > 0x9FFF)
			return false;
		i += (size_t)l;
		k++;
	}
	return k > 0 && k <= 12;
}

/* A one-line paragraph about things the article never mentions. */
static bool is_teaser(const char *text, size_t tn, const char *s, size_t n)
{
	if (n < 40 || n > 140 || !ends_sentence(s, n))
		return false;
	for (size_t i = 0; i < n; i++)
		if (ascii_isdigit((unsigned char)s[i]) || s[i] == '"' ||
		    (i + 2 < n && !memcmp(s + i, "\xe2\x80", 2) &&
		     ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D)))
			return false;
	static const char *const common[] = {
		"The", "A", "An", "In", "It", "He", "She", "They", "We", "But", "And", "Or",
		"If", "When", "This", "That", "What", "Why", "How", "I", "On", "At", "For",
		"As", "Its", "His", "Her", "Mr", "Mrs", "Ms", "Dr", "Monday", "Tuesday",
		"Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
		"March", "April", "May", "June", "July", "August", "September", "October",
		"November", "December", NULL,
	};
	int names = 0;
	for (size_t i = 0; i < n;) {
		if (!ascii_isupper((unsigned char)s[i]) || (i && ascii_isalpha((unsigned char)s[i - 1]))) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && ascii_isalpha((unsigned char)s[j]))
			j++;
		bool skip = false;
		for (const char *const *c = common; *c; c++)
			if (strlen(*c) == j - i && !memcmp(*c, s + i, j - i))
				skip = true;
		if (!skip && j - i >= 3) {
			/* elsewhere in the text? */
			const char *at = text;
			size_t left = tn;
			int seen = 0;
			while ((at = memmem(at, left, s + i, j - i))) {
				seen++;
				at += j - i;
				left = tn - (size_t)(at - text);
			}
			if (seen > 1)
				return false;
			names++;
		}
		i = j;
	}
	if (!names)
		return false;
	/* and it shares few of its words with the article */
	int words = 0, seen = 0;
	for (size_t i = 0; i < n;) {
		if (!ascii_islower((unsigned char)s[i]) || (i && ascii_isalpha((unsigned char)s[i - 1]))) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && ascii_isalpha((unsigned char)s[j]))
			j++;
		if (j - i >= 5) {
			words++;
			for (const char *at = text; (at = memmem(at, tn - (size_t)(at - text), s + i, j - i));
			     at++) {
				bool inside = at >= s && at < s + n;
				bool left = at == text || !ascii_isalpha((unsigned char)at[-1]);
				bool right = at + (j - i) == text + tn || !ascii_isalpha((unsigned char)at[j - i]);
				if (!inside && left && right) {
					seen++;
					break;
				}
			}
		}
		i = j;
	}
	return words > 0 && seen * 2 <= words;
}

size_t boiler_detect(const char *s, size_t n, struct boiler_span **spans)
{
	struct line *lines = NULL;
	size_t nl = 0, cap = 0, ns = 0, scap = 0;
	struct boiler_span *out = NULL;
	bool latin = false;

	*spans = NULL;
	if (!s || !n)
		return 0;

	for (size_t i = 0, ascii = 0; i <= n; i++) {
		if (i < n && (unsigned char)s[i] < 0x80)
			ascii++;
		if (i == n || s[i] == '\n') {
			size_t st = nl ? lines[nl - 1].end + 1 : 0;
			if (nl == cap) {
				cap = cap ? 2 * cap : 64;
				lines = xrealloc(lines, cap * sizeof *lines);
			}
			lines[nl].start = st;
			lines[nl].end = i;
			nl++;
		}
		if (i == n)
			latin = ascii * 10 > n * 8;
	}
	bool first_text = true;
	for (size_t k = 0; k < nl; k++) {
		const char *ls = s + lines[k].start;
		size_t ln = lines[k].end - lines[k].start;
		if (!ln)
			continue;
		const char *what = boiler_line(ls, ln);
		if (!what && first_text && latin && is_cjk_only(ls, ln))
			what = "site header";
		first_text = false;
		if (!what && k > 0 && k + 1 < nl && lines[k - 1].end == lines[k - 1].start &&
		    lines[k + 1].end == lines[k + 1].start && is_teaser(s, n, ls, ln))
			what = "related-story teaser";
		if (!what)
			continue;
		size_t end = k;
		if (!strcmp(what, "donation appeal") && ls[ln - 1] == ':') {
			/* the whole appeal: the lines up to the next blank one */
			while (end + 1 < nl && lines[end + 1].end > lines[end + 1].start)
				end++;
		} else if (is_heading(what, ls, ln)) {
			/* the blurb: the next paragraph, then more prompts */
			size_t j = end + 1;
			if (j < nl && lines[j].end == lines[j].start)
				j++;
			if (j < nl && lines[j].end > lines[j].start &&
			    lines[j].end - lines[j].start < 200) {
				end = j;
				while (end + 2 < nl && lines[end + 1].end == lines[end + 1].start &&
				       boiler_line(s + lines[end + 2].start,
						   lines[end + 2].end - lines[end + 2].start))
					end += 2;
			}
		}
		if (ns == scap) {
			scap = scap ? 2 * scap : 16;
			out = xrealloc(out, scap * sizeof *out);
		}
		out[ns].start = lines[k].start;
		out[ns].end = lines[end].end;
		out[ns].what = what;
		ns++;
		k = end;
	}
	free(lines);
	*spans = out;
	return ns;
}
