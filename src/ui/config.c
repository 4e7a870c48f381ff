/* config: the reader's optional configuration file. */
#include "ui/config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/conffile.h"
#include "base/util.h"
#include "corpus/cite.h"

void config_init(struct config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
}

void config_release(struct config *cfg)
{
#define X(field, name, help) free(cfg->field);
	CONFIG_OPTIONS(X)
#undef X
	config_init(cfg);
}

int config_path(struct strbuf *out)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");

	sb_reset(out);
	if (x && *x)
		sb_addf(out, "%s/lectern/config", x);
	else if (h && *h)
		sb_addf(out, "%s/.config/lectern/config", h);
	else
		return -1;
	return 0;
}

int config_set(struct config *cfg, const char *name, const char *value,
	       struct strbuf *err)
{
	if (!*value) {
		sb_addf(err, "option \"%s\" needs a value", name);
		return -1;
	}
	if (!strcmp(name, "mouse") && strcmp(value, "on") && strcmp(value, "off")) {
		sb_addf(err, "option \"mouse\" is on or off");
		return -1;
	}
	if (!strcmp(name, "cite-format") && cite_format_parse(value, NULL) < 0) {
		sb_addf(err, "option \"cite-format\" is " CITE_FORMAT_LIST);
		return -1;
	}
#define X(field, oname, help) \
	if (!strcmp(name, oname)) { \
		free(cfg->field); \
		cfg->field = xstrdup(value); \
		return 0; \
	}
	CONFIG_OPTIONS(X)
#undef X
	sb_addf(err, "unknown option \"%s\"", name);
	return -1;
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

static void parse_line(struct config *cfg, char *line, struct strbuf *msg)
{
	char *p = trim(line), *eq;

	if (!*p || *p == '#')
		return;
	if (strncmp(p, "set", 3) || (p[3] != ' ' && p[3] != '\t')) {
		sb_addstr(msg, "expected: set NAME = VALUE");
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
