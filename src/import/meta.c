/* meta: title, outlet, author and date from the text or a sidecar. */
#include "import/meta.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* A date line near the top: "9 February 2022, 10.10am", "October 20, 2022". */
static bool date_line(const char *s, size_t n, char *iso, size_t sz)
{
	struct date_hit h;
	if (n > 40 || dates_find(s, n, NULL, &h, 1) != 1 || h.start != 0 ||
	    strcmp(h.v.precision, "day"))
		return false;
	/* the rest may only be a time */
	for (size_t i = h.end; i < n; i++)
		if (ascii_isalpha((unsigned char)s[i]) && !strchr("apmAPM", s[i]))
			return false;
	snprintf(iso, sz, "%s", h.v.value);
	return true;
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
