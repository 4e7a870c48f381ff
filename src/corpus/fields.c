/*
 * corpus/fields: the loader's typed reads of JSON members, each problem
 * reported where it stands (jdoc_error()), and the ISO 8601 checks of
 * lectern-corpus(5).  Private to the loader (corpus/loader.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/calendar.h"
#include "base/util.h"
#include "corpus/loader.h"

const char *ld_type_name(const cJSON *n)
{
	if (cJSON_IsString(n)) return "a string";
	if (cJSON_IsNumber(n)) return "a number";
	if (cJSON_IsObject(n)) return "an object";
	if (cJSON_IsArray(n)) return "an array";
	if (cJSON_IsBool(n)) return "a boolean";
	if (cJSON_IsNull(n)) return "null";
	return "invalid";
}

/*
 * The member key of obj, or NULL.  The loader asks for an object's members
 * mostly in the order they are written, so the search starts after the
 * member found last in the same object: one comparison per lookup instead
 * of a walk from the first member.  Keys are unique (jdoc checks).
 */
static const cJSON *last_obj, *last, *next;   /* reset by ld_fields_reset() */

const cJSON *ld_field(const cJSON *obj, const char *key)
{
	const cJSON *start, *f;

	if (!obj || !cJSON_IsObject(obj))
		return NULL;
	if (obj == last_obj && last && !strcmp(last->string, key))
		return last;      /* asked again (get_enum, checks) */
	start = obj == last_obj && next ? next : obj->child;
	for (f = start; f; f = f->next)
		if (f->string && !strcmp(f->string, key))
			goto found;
	for (f = obj->child; f && f != start; f = f->next)
		if (f->string && !strcmp(f->string, key))
			goto found;
	return NULL;
found:
	last_obj = obj;
	last = f;
	next = f->next;
	return f;
}

/* A string field; "" for a missing required one, NULL for null/absent. */
const char *ld_str(struct ld *L, const cJSON *obj, const char *what,
			   const char *key, enum need need)
{
	const cJSON *f = ld_field(obj, key);

	if (!f) {
		if (need != OPTIONAL)
			err(L, obj, "%s: missing field \"%s\"", what, key);
		return need == REQUIRED ? "" : NULL;
	}
	if (cJSON_IsNull(f)) {
		if (need == REQUIRED)
			err(L, f, "%s: \"%s\" must be a string, not null", what, key);
		return need == REQUIRED ? "" : NULL;
	}
	if (!cJSON_IsString(f)) {
		err(L, f, "%s: \"%s\" must be a string%s, not %s", what, key,
		    need == REQUIRED ? "" : " or null", ld_type_name(f));
		return need == REQUIRED ? "" : NULL;
	}
	return pool_strdup(&L->c->pool, f->valuestring);
}

const cJSON *ld_array(struct ld *L, const cJSON *obj, const char *what,
			      const char *key, enum need need)
{
	const cJSON *f = ld_field(obj, key);
	if (!f || (cJSON_IsNull(f) && need != REQUIRED)) {
		if (!f && need == REQUIRED)
			err(L, obj, "%s: missing field \"%s\"", what, key);
		return NULL;
	}
	if (!cJSON_IsArray(f)) {
		err(L, f, "%s: \"%s\" must be an array, not %s", what, key, ld_type_name(f));
		return NULL;
	}
	return f;
}

#define MAX_EXACT 9007199254740992.0  /* 2^53 */

bool ld_offset(struct ld *L, const cJSON *n, const char *what, size_t *out)
{
	if (!cJSON_IsNumber(n)) {
		err(L, n, "%s must be a whole number, not %s", what, ld_type_name(n));
		return false;
	}
	double v = n->valuedouble;
	if (!isfinite(v) || v >= MAX_EXACT || v <= -MAX_EXACT) {
		err(L, n, "%s is out of range", what);
		return false;
	}
	if (v != floor(v)) {
		err(L, n, "%s must be a whole number, not a fraction", what);
		return false;
	}
	if (v < 0) {
		err(L, n, "%s must not be negative", what);
		return false;
	}
	*out = (size_t)v;
	return true;
}

bool ld_span(struct ld *L, const cJSON *n, const char *what, struct span *sp)
{
	if (!cJSON_IsArray(n) || cJSON_GetArraySize(n) != 2) {
		err(L, n, "%s must be [start, end], not %s", what,
		    cJSON_IsArray(n) ? "an array of another length" : ld_type_name(n));
		return false;
	}
	if (!ld_offset(L, n->child, "span start", &sp->start) ||
	    !ld_offset(L, n->child->next, "span end", &sp->end))
		return false;
	if (sp->start >= sp->end) {
		err(L, n, "%s [%zu, %zu] is empty or reversed (start must be below end)",
		    what, sp->start, sp->end);
		return false;
	}
	return true;
}

bool ld_valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || strchr("._:-", *s)))
			return false;
	return true;
}

const char *ld_id(struct ld *L, const cJSON *obj, const char *what)
{
	const char *id = ld_str(L, obj, what, "id", REQUIRED);
	if (*id && !ld_valid_id(id))
		err(L, ld_field(obj, "id"), "%s: id \"%s\" must be 1 to 64 of A-Z a-z 0-9 . _ : -",
		    what, id);
	return id;
}


/* The number written by the two digits at s, or -1. */
static int two_digits(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* ISO 8601 calendar date, partial allowed, optional time: 2022, 2022-02,
 * 2022-02-09, 2022-02-09T10:10, 2022-02-09T10:10:00Z, ...+01:00. */
static bool ld_iso_date(const char *s)
{
	int y, m = 1, d = 1, k = 0;
	if (strlen(s) < 4 || sscanf(s, "%4d%n", &y, &k) != 1 || k != 4)
		return false;
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	s += 4;
	if (!*s)
		return true;
	if (s[0] != '-' || s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9')
		return false;
	m = (s[1] - '0') * 10 + (s[2] - '0');
	if (m < 1 || m > 12)
		return false;
	s += 3;
	if (!*s)
		return true;
	if (s[0] != '-' || s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9')
		return false;
	d = (s[1] - '0') * 10 + (s[2] - '0');
	if (d < 1 || d > cal_month_days(y, m))
		return false;
	s += 3;
	if (!*s)
		return true;
	/* digits by hand: sscanf("%2d") took "-1" and " 1" as hours */
	int hh, mm;
	if (s[0] != 'T' || (hh = two_digits(s + 1)) < 0 || hh > 23 || s[3] != ':' ||
	    (mm = two_digits(s + 4)) < 0 || mm > 59)
		return false;
	s += 6;
	if (s[0] == ':') {
		if (s[1] < '0' || s[1] > '5' || s[2] < '0' || s[2] > '9')
			return false;
		s += 3;
	}
	if (!*s || !strcmp(s, "Z"))
		return true;
	return (s[0] == '+' || s[0] == '-') && strlen(s) == 6 &&
	       (hh = two_digits(s + 1)) >= 0 && hh <= 23 && s[3] == ':' &&
	       (mm = two_digits(s + 4)) >= 0 && mm <= 59;
}

/* An ISO 8601 duration of whole days, weeks, months or years: P10D, P2W. */
static bool ld_iso_duration(const char *s)
{
	if (*s++ != 'P' || *s < '0' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9')
		s++;
	return (*s == 'D' || *s == 'W' || *s == 'M' || *s == 'Y') && !s[1];
}

/* A day of no stated year, ISO 8601's "--MM-DD" (29 February allowed). */
static bool ld_iso_partial_day(const char *s)
{
	int m, d;
	if (strncmp(s, "--", 2) || strlen(s) != 7 || s[4] != '-' ||
	    (m = two_digits(s + 2)) < 1 || m > 12 || (d = two_digits(s + 5)) < 1)
		return false;
	return d <= cal_month_days(2000, m);
}

/* A date, or with intervals allowed (a value, not start or end) also
 * START/END, START/DURATION or a partial day --MM-DD. */
static bool ld_iso_value(const char *s, bool intervals)
{
	const char *slash = strchr(s, '/');
	if (intervals && ld_iso_partial_day(s))
		return true;
	if (!slash || !intervals)
		return ld_iso_date(s);
	char start[40];
	if ((size_t)(slash - s) >= sizeof start)
		return false;
	memcpy(start, s, (size_t)(slash - s));
	start[slash - s] = '\0';
	if (!ld_iso_date(start))
		return false;
	if (ld_iso_duration(slash + 1))
		return true;
	return ld_iso_date(slash + 1) && strcmp(start, slash + 1) <= 0;
}

const char *ld_date(struct ld *L, const cJSON *obj, const char *what,
			    const char *key, enum need need, bool intervals)
{
	const char *s = ld_str(L, obj, what, key, need);
	if (s && *s && !ld_iso_value(s, intervals))
		err(L, ld_field(obj, key), "%s: \"%s\" is \"%s\", not an ISO 8601 date "
		    "(YYYY, YYYY-MM or YYYY-MM-DD%s)", what, key, s,
		    intervals ? ", or START/END, START/PnD, --MM-DD" : "");
	return s;
}

bool ld_one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (**set == *s && !strcmp(s, *set))
			return true;
	return false;
}

const char *ld_enum(struct ld *L, const cJSON *obj, const char *what,
			    const char *key, enum need need, const char *const *set)
{
	const char *s = ld_str(L, obj, what, key, need);
	if (s && (*s || need == REQUIRED) && ld_field(obj, key) &&
	    cJSON_IsString(ld_field(obj, key)) && !ld_one_of(s, set)) {
		struct strbuf sb = STRBUF_INIT;
		for (const char *const *p = set; *p; p++)
			sb_addf(&sb, "%s%s", p == set ? "" : ", ", *p);
		err(L, ld_field(obj, key), "%s: \"%s\" is \"%s\", expected one of: %s",
		    what, key, s, sb.buf);
		sb_release(&sb);
	}
	return s;
}

/* Unknown members of obj, as a JSON object text kept for rewriting. */
const char *ld_extras(struct ld *L, const cJSON *obj, const char *const *known)
{
	cJSON *keep = NULL;
	for (const cJSON *f = obj->child; f; f = f->next) {
		if (ld_one_of(f->string, known))
			continue;
		if (!keep)
			keep = cJSON_CreateObject();
		cJSON_AddItemToObject(keep, f->string, cJSON_Duplicate(f, 1));
	}
	if (!keep)
		return NULL;
	char *s = cJSON_PrintUnformatted(keep);
	cJSON_Delete(keep);
	if (!s)
		die("out of memory");
	const char *r = pool_strdup(&L->c->pool, s);
	cJSON_free(s);
	return r;
}

bool ld_expect_object(struct ld *L, const cJSON *n, const char *what)
{
	if (cJSON_IsObject(n))
		return true;
	err(L, n, "%s must be an object, not %s", what, ld_type_name(n));
	return false;
}

void ld_fields_reset(void)
{
	last_obj = last = next = NULL;
}

bool corpus_id_valid(const char *s)
{
	return ld_valid_id(s);
}
