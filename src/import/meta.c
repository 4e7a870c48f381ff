/* meta: title, outlet, author and date from the text or a sidecar. */
#include "import/meta.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/calendar.h"
#include "base/text.h"
#include "base/util.h"
#include "extract/dates.h"

const char *const meta_names[META_NFIELDS] = {
	"id", "title", "outlet", "author", "published", "url", "language",
};

static void set(struct meta *m, enum meta_field f, const char *s, size_t n, bool guessed)
{
	if (m->f[f] || m->stated[f])
		return;
	m->f[f] = xstrndup(s, n);
	m->guessed[f] = guessed;
}

static bool in_boiler(const struct boiler_span *bs, size_t nb, size_t a, size_t b)
{
	for (size_t i = 0; i < nb; i++)
		if (bs[i].start < b && a < bs[i].end)
			return true;
	return false;
}

static const char *find(const char *s, size_t n, const char *needle)
{
	size_t l = strlen(needle);
	for (size_t i = 0; l <= n && i + l <= n; i++)
		if (!memcmp(s + i, needle, l))
			return s + i;
	return NULL;
}

/* A person's name: two or three capitalised words, nothing else. */
static bool is_name(const char *s, size_t n)
{
	int words = 0;
	size_t i = 0;
	if (n < 5 || n > 60)
		return false;
	while (i < n) {
		if (!ascii_isupper((unsigned char)s[i]))
			return false;
		while (i < n && (ascii_isalpha((unsigned char)s[i]) || s[i] == '-' || s[i] == '\'' ||
				 (unsigned char)s[i] >= 0x80))
			i++;
		words++;
		if (i < n && s[i] != ' ')
			return false;
		while (i < n && s[i] == ' ')
			i++;
	}
	return words >= 2 && words <= 3;
}

static bool ends_with(const char *s, size_t n, const char *w)
{
	size_t l = strlen(w);
	return n >= l && !strncasecmp(s + n - l, w, l);
}

/* Only white space, a dash, a closing parenthesis or a time ("10.10am")
 * from s[0..n)?  *dash tells whether a dash came first. */
static bool date_tail(const char *s, size_t n, bool *dash)
{
	size_t i = 0;
	*dash = false;
	while (i < n && (s[i] == ' ' || s[i] == ')'))
		i++;
	if (i < n && (s[i] == '-' || (i + 3 <= n && (!memcmp(s + i, "\xe2\x80\x93", 3) ||
							!memcmp(s + i, "\xe2\x80\x94", 3)))))
		*dash = true;
	if (*dash)
		return true;
	for (; i < n; i++)
		if (ascii_isalpha((unsigned char)s[i]) && !strchr("apmAPM", s[i]))
			return false;
	return true;
}

/* A dateline's place: "WASHINGTON, ", "Port-au-Prince, ",
 * "WASHINGTON (AFPS, ": capitalised words and a comma, at most 40 bytes.
 * *caps when the place is written in capitals. */
static bool date_place(const char *s, size_t n, bool *caps)
{
	*caps = true;
	if (n < 3 || n > 40 || s[n - 2] != ',' || s[n - 1] != ' ' || !ascii_isupper((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i + 2 < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (ascii_islower(c))
			*caps = false;
		if (!ascii_isalpha(c) && !strchr(" -.'(", c) && c < 0x80)
			return false;
		if (c == ' ' && i + 1 < n && ascii_islower((unsigned char)s[i + 1]))
			return false;   /* words of a sentence, not a place */
	}
	return true;
}

/* A weekday and a comma at s: its length, else 0 ("Thursday, "). */
static size_t weekday_prefix(const char *s, size_t n)
{
	static const char *const days[] = { "Monday, ", "Tuesday, ", "Wednesday, ", "Thursday, ",
					    "Friday, ", "Saturday, ", "Sunday, ", NULL };
	for (const char *const *d = days; *d; d++)
		if (n >= strlen(*d) && !strncmp(s, *d, strlen(*d)))
			return strlen(*d);
	return 0;
}

/* "Release Date: 3/19/2010": month and day told apart by a day over 12. */
static bool numeric_date(const char *s, size_t n, char *iso, size_t sz)
{
	char buf[16];
	int a = 0, b = 0, y = 0;
	size_t l = n < sizeof buf - 1 ? n : sizeof buf - 1;
	memcpy(buf, s, l);
	buf[l] = '\0';
	if (sscanf(buf, "%2d/%2d/%4d", &a, &b, &y) != 3 || y < 1900 || a < 1 || b < 1 ||
	    (a <= 12 && b <= 12) || a > 31 || b > 31 || (a > 12 && b > 12))
		return false;
	int m = a <= 12 ? a : b, d = a <= 12 ? b : a;
	snprintf(iso, sz, "%04d-%02d-%02d", y, m, d);
	return true;
}

/*
 * A line near the top that dates the article: a date alone ("9 February
 * 2022, 10.10am", "Thursday, March 24, 2005"), a date opening the text
 * ("May 20, 2008 - The ..."), a dateline ("WASHINGTON, Oct. 31, 2005 -",
 * "WASHINGTON (AFPS, May 18, 2008) -", "Port-au-Prince, 19 Jan 2010" at
 * the end of a caption), or a label ("Published Jan. 18, 2010", "Release
 * Date: 3/19/2010").  Only whole dates with their year count.
 */
static bool date_line(const char *s, size_t n, char *iso, size_t sz)
{
	static const char *const labels[] = { "published ", "published: ", "posted ",
					      "release date: ", "date: ", NULL };
	struct date_hit hv[4];
	size_t nh = dates_find(s, n, NULL, hv, 4);
	for (size_t k = 0; k < nh; k++) {
		const struct date_hit *h = &hv[k];
		if (strcmp(h->v.precision, "day") || !ascii_isdigit((unsigned char)h->v.value[0]))
			continue;
		size_t a = h->start, w = weekday_prefix(s, a);
		bool dash, caps, ok = false;
		bool tail = date_tail(s + h->end, n - h->end, &dash);
		if (a == w)
			ok = tail && (n <= 40 || dash);
		else if (date_place(s + w, a - w, &caps))
			ok = (tail || caps) && a - w < 40;
		else if (a >= 2 && s[a - 2] == ',' && h->end == n && s[n - 1] != '.')
			ok = true;    /* a caption's closing place and date */
		for (const char *const *l = labels; !ok && *l; l++)
			ok = ends_with(s, a, *l);
		if (ok) {
			snprintf(iso, sz, "%s", h->v.value);
			return true;
		}
	}
	for (const char *p = s; (p = find(p, n - (size_t)(p - s), "Release Date: ")); p++)
		if (numeric_date(p + 14, n - (size_t)(p + 14 - s), iso, sz))
			return true;
	return false;
}

void meta_guess(struct meta *m, const char *s, size_t n,
		const struct boiler_span *bs, size_t nb)
{
	char iso[64];
	size_t line = 0, a = 0;
	bool title_done = false;
	const char *prev = NULL;
	size_t prevn = 0;

	if (!s)
		return;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '\n')
			continue;
		const char *l = s + a;
		size_t ln = i - a;
		bool boiler = in_boiler(bs, nb, a, i);
		if (ln && !boiler && line < 12) {
			bool label = ln < 30 && memchr(l, ':', ln) && l[ln - 1] != ':' &&
				     !find(l, ln, ". ");
			if (!title_done && !label) {
				bool stop = l[ln - 1] == '.' && !(ln > 1 && l[ln - 2] == '.');
				if (ln <= 200 && !stop && memchr(l, ' ', ln))
					set(m, META_TITLE, l, ln, true);
				title_done = true;
			}
			if (date_line(l, ln, iso, sizeof iso)) {
				set(m, META_PUBLISHED, iso, strlen(iso), true);
				if (prev && is_name(prev, prevn))
					set(m, META_AUTHOR, prev, prevn, true);
			}
			if (ln > 3 && !strncmp(l, "By ", 3) && is_name(l + 3, ln - 3))
				set(m, META_AUTHOR, l + 3, ln - 3, true);
			line++;
		}
		if (ln) {
			prev = l;
			prevn = ln;
		}
		/* "Originally published the 04.11.2022" anywhere */
		const char *op = ln ? find(l, ln, "riginally published") : NULL;
		if (op) {
			const char *p = op + strlen("riginally published");
			const char *e = l + ln;
			while (p < e && !ascii_isdigit((unsigned char)*p))
				p++;
			int d = 0, mo = 0, y = 0;
			char date[16];   /* a bounded, NUL-terminated copy for sscanf */
			size_t dl = (size_t)(e - p) < sizeof date - 1 ? (size_t)(e - p) : sizeof date - 1;
			memcpy(date, p, dl);
			date[dl] = '\0';
			if (sscanf(date, "%2d.%2d.%4d", &d, &mo, &y) == 3 && d >= 1 && d <= 31 &&
			    mo >= 1 && mo <= 12 && y > 1900) {
				snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, mo, d);
				set(m, META_PUBLISHED, iso, strlen(iso), true);
			}
		}
		/* outlet and author signatures */
		if (ln > 16 && !strncmp(l, "A Message from ", 15) && l[ln - 1] == ':')
			set(m, META_OUTLET, l + 15, ln - 16, true);
		if (ln >= 17 && !strncmp(l, "Why We Wrote This", 17))
			set(m, META_OUTLET, "The Christian Science Monitor", 29, true);
		const char *dis = ln ? find(l, ln, " does not work for, consult, own shares") : NULL;
		if (dis) {
			set(m, META_OUTLET, "The Conversation", 16, true);
			if (is_name(l, (size_t)(dis - l)))
				set(m, META_AUTHOR, l, (size_t)(dis - l), true);
		}
		if (ln && find(l, ln, "openDemocracy newsletter"))
			set(m, META_OUTLET, "openDemocracy", 13, true);
		a = i + 1;
	}
}

/* "dir/article.txt" -> "dir/article.meta.json" */
static void sidecar_path(const char *path, struct strbuf *side)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	size_t base = dot && (!slash || dot > slash) ? (size_t)(dot - path) : strlen(path);
	sb_add(side, path, base);
	sb_addstr(side, ".meta.json");
}

char *meta_sidecar_encoding(const char *path)
{
	struct strbuf side = STRBUF_INIT;
	size_t len;
	char *r = NULL;
	sidecar_path(path, &side);
	char *buf = read_file(side.buf, 1 << 20, &len);
	cJSON *o = buf ? cJSON_ParseWithLength(buf, len) : NULL;
	cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "encoding");
	if (cJSON_IsString(v) && *v->valuestring)
		r = xstrdup(v->valuestring);
	cJSON_Delete(o);
	free(buf);
	sb_release(&side);
	return r;
}

int meta_sidecar(struct meta *m, const char *path, struct strbuf *err)
{
	struct strbuf side = STRBUF_INIT;
	size_t len;
	int r = 0;

	sidecar_path(path, &side);
	char *buf = read_file(side.buf, 1 << 20, &len);
	if (!buf) {
		if (errno != ENOENT) {
			sb_addf(err, "%s: %s", side.buf, strerror(errno));
			r = -1;
		}
		sb_release(&side);
		return r;
	}
	cJSON *o = cJSON_ParseWithLength(buf, len);
	if (!cJSON_IsObject(o)) {
		sb_addf(err, "%s: not a JSON object", side.buf);
		r = -1;
		goto out;
	}
	for (int f = 0; f < META_NFIELDS; f++) {
		cJSON *v = cJSON_GetObjectItemCaseSensitive(o, meta_names[f]);
		if (!v)
			continue;
		if (!cJSON_IsString(v) && !cJSON_IsNull(v)) {
			sb_addf(err, "%s: \"%s\" must be a string or null", side.buf, meta_names[f]);
			r = -1;
			goto out;
		}
		free(m->f[f]);
		m->f[f] = cJSON_IsString(v) ? xstrdup(v->valuestring) : NULL;
		m->guessed[f] = false;
		m->stated[f] = true;
	}
out:
	cJSON_Delete(o);
	free(buf);
	sb_release(&side);
	return r;
}

void meta_release(struct meta *m)
{
	for (int f = 0; f < META_NFIELDS; f++) {
		free(m->f[f]);
		m->f[f] = NULL;
	}
}

/* n digits at s as a number, or -1 when one is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!ascii_isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* A date at name+i in one of the forms meta.h names, into ymd[3]. */
static bool name_date_at(const char *name, size_t n, size_t i, int *ymd)
{
	if (i && ascii_isdigit((unsigned char)name[i - 1]))
		return false;
	const char *s = name + i;
	size_t left = n - i;
	int y, mo, d;
	size_t len;
	if (left >= 10 && (s[4] == '-' || s[4] == '_') && s[7] == s[4]) {
		y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2);
		len = 10;
	} else if (left >= 8) {
		y = digits(s, 4), mo = digits(s + 4, 2), d = digits(s + 6, 2);
		len = 8;
	} else {
		return false;
	}
	if (left > len && ascii_isdigit((unsigned char)s[len]))
		return false;
	if (y < 1900 || y > 2099 || mo < 1 || mo > 12 || d < 1 || d > cal_month_days(y, mo))
		return false;
	ymd[0] = y, ymd[1] = mo, ymd[2] = d;
	return true;
}

void meta_file_date(struct meta *m, const char *path)
{
	if (m->f[META_PUBLISHED] || m->stated[META_PUBLISHED] || !path)
		return;
	const char *name = strrchr(path, '/');
	name = name ? name + 1 : path;
	size_t n = strlen(name);
	int ymd[3];
	for (size_t i = 0; i < n; i++)
		if (name_date_at(name, n, i, ymd)) {
			char iso[32];
			int len = snprintf(iso, sizeof iso, "%04d-%02d-%02d", ymd[0], ymd[1], ymd[2]);
			set(m, META_PUBLISHED, iso, (size_t)len, true);
			return;
		}
}
