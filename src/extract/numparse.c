/* numparse: digits, separators, decimal commas and written numbers. */
#include "base/tok.h"
#include "extract/numparse.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"

static const char *const small[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	"seventeen", "eighteen", "nineteen",
};
static const char *const tens[] = {
	"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
};

/* Length of the ASCII word at s, letters only. */
static size_t word_len(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && ascii_isalpha((unsigned char)s[i]))
		i++;
	return i;
}

static int lookup(const char *s, size_t l, const char *const *list, int count)
{
	for (int i = 0; i < count; i++)
		if (tok_eq(s, l, list[i]))
			return i;
	return -1;
}

/* A written number below 100 at s: "seven", "twenty", "twenty-seven". */
static size_t written_small(const char *s, size_t n, int *v)
{
	size_t l = word_len(s, n);
	int k;
	if (l < 3 || l > 9 || !strchr("zotfsenZOTFSEN", s[0]))
		return 0;
	if ((k = lookup(s, l, small, 20)) >= 0) {
		*v = k;
		return l;
	}
	if ((k = lookup(s, l, tens, 10)) >= 2) {
		*v = k * 10;
		if (l + 1 < n && (s[l] == '-' || s[l] == ' ')) {
			size_t l2 = word_len(s + l + 1, n - l - 1);
			int u = lookup(s + l + 1, l2, small, 10);
			if (u > 0) {
				*v += u;
				return l + 1 + l2;
			}
		}
		return l;
	}
	return 0;
}

static bool word_at(const char *s, size_t n, const char *w)
{
	size_t l = strlen(w);
	return n >= l && !strncasecmp(s, w, l) && (n == l || !ascii_isalpha((unsigned char)s[l]));
}

static size_t parse_written(const char *s, size_t n, struct num *out)
{
	int v;
	size_t i = written_small(s, n, &v);
	double total = 0, cur;
	if (!i) {
		if ((s[0] == 'a' || s[0] == 'A') && word_at(s, n, "a") && n > 2 &&
		    (word_at(s + 2, n - 2, "hundred") ||
						    word_at(s + 2, n - 2, "thousand"))) {
			v = 1;
			i = 1;
		} else if ((s[0] == 'a' || s[0] == 'A') && word_at(s, n, "a dozen")) {
			out->value = 12;
			out->step = 1;
			out->written = true;
			return 7;
		} else {
			return 0;
		}
	}
	cur = v;
	double step = 1;
	for (;;) {
		if (i + 1 < n && s[i] == ' ' && word_at(s + i + 1, n - i - 1, "hundred")) {
			cur *= 100;
			i += 8;
			step = 100;
			size_t j = i;
			if (j + 5 < n && !strncasecmp(s + j, " and ", 5)) {
				int u;
				size_t l = written_small(s + j + 5, n - j - 5, &u);
				if (l) {
					cur += u;
					i = j + 5 + l;
					step = 1;
				}
			}
			continue;
		}
		if (i + 1 < n && s[i] == ' ' && word_at(s + i + 1, n - i - 1, "thousand")) {
			total += cur * 1000;
			cur = 0;
			i += 9;
			step = 1000;
			int u;
			size_t l = 0;
			if (i + 1 < n && s[i] == ' ')
				l = written_small(s + i + 1, n - i - 1, &u);
			if (l) {
				cur = u;
				i += 1 + l;
				step = 1;
				continue;
			}
		}
		break;
	}
	out->value = total + cur;
	out->step = step;
	out->written = true;
	return i;
}

size_t num_parse(const char *s, size_t n, struct num *out)
{
	memset(out, 0, sizeof *out);
	if (!n || !s)
		return 0;
	if (!ascii_isdigit((unsigned char)s[0]))
		return parse_written(s, n, out);
	size_t i = 0;
	double v = 0;
	int digits = 0;
	while (i < n && ascii_isdigit((unsigned char)s[i])) {
		v = v * 10 + (s[i] - '0');
		i++;
		digits++;
	}
	/* thousands groups: ",ddd" or " ddd" or NBSP/thin space + ddd */
	bool grouped = false;
	for (;;) {
		size_t sep = 0;
		if (i < n && s[i] == ',' && !(grouped && 0))
			sep = 1;
		else if (i < n && s[i] == ' ' && digits <= 3)
			sep = 1;
		else if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
			sep = 2;
		else if (i + 2 < n && !memcmp(s + i, "\xe2\x80\xaf", 3))
			sep = 3;
		if (!sep || i + sep + 3 > n)
			break;
		const char *g = s + i + sep;
		if (!ascii_isdigit((unsigned char)g[0]) || !ascii_isdigit((unsigned char)g[1]) ||
		    !ascii_isdigit((unsigned char)g[2]))
			break;
		if (i + sep + 3 < n && ascii_isdigit((unsigned char)g[3]))
			break;
		if (s[i] == ' ' && !grouped && digits > 3)
			break;
		/* "in 2022 100 people": a space group needs a short head */
		if (s[i] == ' ' && (digits > 3 || (!grouped && v >= 1000)))
			break;
		v = v * 1000 + (g[0] - '0') * 100 + (g[1] - '0') * 10 + (g[2] - '0');
		digits += 3;
		i += sep + 3;
		grouped = true;
	}
	double step = 1;
	/* decimals: ".d" or a comma not followed by exactly three digits */
	if (i + 1 < n && (s[i] == '.' || (s[i] == ',' && !grouped)) &&
	    ascii_isdigit((unsigned char)s[i + 1])) {
		size_t j = i + 1;
		double f = 0.1;
		while (j < n && ascii_isdigit((unsigned char)s[j])) {
			v += (s[j] - '0') * f;
			step = f;
			f /= 10;
			j++;
		}
		i = j;
	} else {
		/* step: the last non-zero digit's place */
		double x = v;
		step = 1;
		while (x >= 10 && fmod(x, 10) == 0) {
			x /= 10;
			step *= 10;
		}
	}
	out->value = v;
	out->step = step;
	out->separators = grouped;
	out->digits = digits;
	return i;
}

void num_about(const struct num *x, double *low, double *high)
{
	double step = x->step;
	if (step >= 10 && fabs(x->value - step) < 1e-9)   /* a lone leading 1 */
		step /= 10;
	*low = x->value - step / 2;
	*high = x->value + step / 2;
	if (*low < 0)
		*low = 0;
}
