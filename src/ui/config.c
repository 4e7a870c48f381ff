/* config: the reader's optional configuration file, its options and its
 * key bindings. */
#include "ui/config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/conffile.h"
#include "base/util.h"

const struct config_info config_options[CFG_COUNT] = {
#define X(field, name, kind, choices, def, help) { name, choices, def, help, kind },
	CONFIG_OPTIONS(X)
#undef X
};

void config_init(struct config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	keymap_init(&cfg->keys);
}

void config_release(struct config *cfg)
{
#define X(field, name, kind, choices, def, help) free(cfg->field);
	CONFIG_OPTIONS(X)
#undef X
	keymap_release(&cfg->keys);
	memset(cfg, 0, sizeof *cfg);
}

/* $XDG_CONFIG_HOME/lectern/rest, else $HOME/.config/lectern/rest. */
static int config_file(struct strbuf *out, const char *rest)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");

	sb_reset(out);
	if (x && *x)
		sb_addf(out, "%s/lectern/%s", x, rest);
	else if (h && *h)
		sb_addf(out, "%s/.config/lectern/%s", h, rest);
	else
		return -1;
	return 0;
}

int config_path(struct strbuf *out)
{
	return config_file(out, "config");
}

int config_themes_dir(struct strbuf *out)
{
	return config_file(out, "themes");
}

/* The place of value among the "|"-separated choices, or -1. */
static int choice_of(const char *choices, const char *value)
{
	size_t n = strlen(value);
	int i = 0;

	for (const char *c = choices; *c; i++) {
		size_t l = strcspn(c, "|");
		if (l == n && !strncmp(c, value, n))
			return i;
		c += l + (c[l] == '|');
	}
	return -1;
}

/* The conversions a date format may use: they need only the date. */
#define DATE_CONVERSIONS "YyCGgmbBhdejaAuwUWVFD%"
#define DATE_MAX 40

/* strftime() of fmt for the date y-m-d; 0 when it writes nothing or more
 * than DATE_MAX bytes. */
static size_t date_write(const char *fmt, int y, int m, int d, char *out)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12 };

	timegm(&tm);   /* fills the weekday and the day of the year */
	/* fmt is the user's, checked by config_date_check() before any use */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	return strftime(out, DATE_MAX + 1, fmt, &tm);
#pragma GCC diagnostic pop
}

int config_date_check(const char *fmt, struct strbuf *err)
{
	char buf[DATE_MAX + 1];
	int conv = 0;

	for (const char *p = fmt; *p; p++) {
		if ((unsigned char)*p < 32 || (unsigned char)*p > 126) {
			sb_addstr(err, "option \"date-format\" takes printable ASCII only");
			return -1;
		}
		if (*p != '%')
			continue;
		if (!p[1] || !strchr(DATE_CONVERSIONS, p[1])) {
			sb_addf(err, "option \"date-format\": %%%.1s is not a conversion of a date "
				"(%%Y %%m %%d %%b %%a %%e %%j ...)", p[1] ? p + 1 : "");
			return -1;
		}
		conv += p[1] != '%';
		p++;
	}
	if (!conv) {
		sb_addstr(err, "option \"date-format\" needs a conversion such as %Y or %d");
		return -1;
	}
	/* the longest names: September, Wednesday */
	if (!date_write(fmt, 2026, 9, 30, buf)) {
		sb_addf(err, "option \"date-format\" writes more than %d bytes", DATE_MAX);
		return -1;
	}
	return 0;
}

/* Columns of the widest date fmt writes: every month, and seven weekdays. */
static int date_width(const char *fmt)
{
	char buf[DATE_MAX + 1];
	size_t w = 0;

	for (int m = 1; m <= 12; m++)
		for (int d = 24; d <= 30; d++) {
			size_t n = date_write(fmt, 2026, m, d, buf);
			w = n > w ? n : w;
		}
	return (int)w;
}

int config_set(struct config *cfg, const char *name, const char *value,
	       struct strbuf *err)
{
	int opt = -1;

	for (int i = 0; i < CFG_COUNT; i++)
		if (!strcmp(name, config_options[i].name))
			opt = i;
	if (opt < 0) {
		sb_addf(err, "unknown option \"%s\"", name);
		return -1;
	}
	const struct config_info *o = &config_options[opt];
	if (!*value) {
		sb_addf(err, "option \"%s\" needs a value", name);
		return -1;
	}
	if (o->choices && choice_of(o->choices, value) < 0) {
		struct strbuf list = STRBUF_INIT;
		for (const char *c = o->choices; *c; c++)
			sb_addstr(&list, *c == '|' ? (c[1] && strchr(c + 1, '|') ? ", " : " or ") :
				  (char[2]){ *c, 0 });
		sb_addf(err, "option \"%s\" is %s", name, list.buf);
		sb_release(&list);
		return -1;
	}
	if (o->kind == CONF_DATE && config_date_check(value, err) < 0)
		return -1;
	switch ((enum config_option)opt) {
#define X(field, oname, kind, choices, def, help) \
	case CFG_##field: \
		free(cfg->field); \
		cfg->field = xstrdup(value); \
		break;
	CONFIG_OPTIONS(X)
#undef X
	case CFG_COUNT:
		break;
	}
	if (opt == CFG_date_format)   /* the default shows dates as written */
		cfg->date_w = strcmp(value, o->def) ? date_width(value) : 0;
	return 0;
}

int config_bind(struct config *cfg, const char *key, const char *action,
		struct strbuf *err)
{
	int k = keys_parse(key);
	enum action act = keys_by_name(action, strlen(action));

	if (k < 0) {
		sb_addf(err, "unknown key \"%s\" (a character, ^X, or <C-x>, <Enter>, <Esc>, <F1>, <Up>, ...)",
			key);
		return -1;
	}
	if (act == ACT_NONE && strcmp(action, "none")) {
		sb_addf(err, "unknown action \"%s\" (an action of lectern.conf(5), or none)", action);
		return -1;
	}
	keymap_bind(&cfg->keys, k, act);
	return 0;
}

const char *config_get(const struct config *cfg, enum config_option opt)
{
	switch (opt) {
#define X(field, name, kind, choices, def, help) \
	case CFG_##field: return cfg->field ? cfg->field : def;
	CONFIG_OPTIONS(X)
#undef X
	case CFG_COUNT:
		break;
	}
	return "";
}

bool config_on(const struct config *cfg, enum config_option opt)
{
	return !strcmp(config_get(cfg, opt), "on");
}

int config_choice(const struct config *cfg, enum config_option opt)
{
	int i = choice_of(config_options[opt].choices, config_get(cfg, opt));
	return i < 0 ? 0 : i;
}

enum cite_format config_cite_format(const struct config *cfg)
{
	return (enum cite_format)config_choice(cfg, CFG_cite_format);
}

bool config_date(const struct config *cfg, const char *date, struct strbuf *out)
{
	char buf[DATE_MAX + 1];
	int y, m, d, end = 0;

	if (!cfg->date_format || !strcmp(cfg->date_format, config_options[CFG_date_format].def))
		return false;
	if (strlen(date) != 10 || sscanf(date, "%4d-%2d-%2d%n", &y, &m, &d, &end) != 3 ||
	    end != 10 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	size_t n = date_write(cfg->date_format, y, m, d, buf);
	if (!n)
		return false;
	sb_add(out, buf, n);
	return true;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	char *e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* bind KEY ACTION: p is what follows "bind". */
static void parse_bind(struct config *cfg, char *p, struct strbuf *msg)
{
	char *key = trim(p), *act;
	size_t n = strcspn(key, " \t");

	if (!key[n]) {
		sb_addstr(msg, "expected: bind KEY ACTION");
		return;
	}
	key[n] = '\0';
	act = trim(key + n + 1);
	if (!*act || act[strcspn(act, " \t")]) {
		sb_addstr(msg, "expected: bind KEY ACTION");
		return;
	}
	config_bind(cfg, key, act, msg);
}

static bool is_word(const char *p, const char *word)
{
	size_t n = strlen(word);
	return !strncmp(p, word, n) && (p[n] == ' ' || p[n] == '\t');
}

static void parse_line(struct config *cfg, char *line, struct strbuf *msg)
{
	char *p = trim(line), *eq;

	if (!*p || *p == '#')
		return;
	if (is_word(p, "bind")) {
		parse_bind(cfg, p + 5, msg);
		return;
	}
	if (!is_word(p, "set")) {
		sb_addstr(msg, "expected: set NAME = VALUE, or bind KEY ACTION");
		return;
	}
	p = trim(p + 4);
	if (!(eq = strchr(p, '='))) {
		sb_addstr(msg, "expected \"=\" after the option name");
		return;
	}
	*eq = '\0';
	char *name = trim(p), *value = trim(eq + 1);
	if (!*name) {
		sb_addstr(msg, "expected an option name");
		return;
	}
	config_set(cfg, name, value, msg);
}

static void config_line(void *ctx, char *line, struct strbuf *msg)
{
	parse_line(ctx, line, msg);
}

size_t config_parse(struct config *cfg, const char *file, const char *buf,
		    size_t n, struct diags *d)
{
	return conffile_parse(file, buf, n, d, config_line, cfg);
}

long config_load(struct config *cfg, const char *path, struct diags *d)
{
	struct strbuf p = STRBUF_INIT;
	size_t n;
	char *buf;
	long rc;

	if (!path) {
		if (config_path(&p) < 0) {
			sb_release(&p);
			return 0;
		}
		path = p.buf;
	}
	buf = read_file(path, 1 << 20, &n);
	if (!buf) {
		rc = errno == ENOENT ? 0 : -1;
		if (rc)
			diag_add(d, path, 0, 0, "cannot read config: %s", strerror(errno));
	} else {
		rc = (long)config_parse(cfg, path, buf, n, d);
		free(buf);
	}
	sb_release(&p);
	return rc;
}
