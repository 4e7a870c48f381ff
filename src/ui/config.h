/*
 * config: the optional file $XDG_CONFIG_HOME/lectern/config (else
 * ~/.config/lectern/config) of lines
 *     set NAME = VALUE
 * with "#" comments and blank lines; NAME is one of CONFIG_OPTIONS.  A bad
 * line is reported as "FILE:LINE: message" and skipped; the rest applies.
 *
 * Lifecycle: config_init(), config_load() (or config_parse()),
 * config_release().  Values belong to the config.
 */
#ifndef LECTERN_CONFIG_H
#define LECTERN_CONFIG_H

#include <stddef.h>

#include "base/diag.h"
#include "base/strbuf.h"

/* X(field, "name", "help") */
#define CONFIG_OPTIONS(X) \
	X(theme, "theme", "the colour theme: a name or a path") \
	X(mouse, "mouse", "on: clicks and the wheel (off by default, so a drag selects text)") \
	X(cite_format, "cite-format", "what y and :cite write: plain (default), markdown, bibtex or csl-json")

struct config {
#define X(field, name, help) char *field;   /* NULL: not set */
	CONFIG_OPTIONS(X)
#undef X
};

void config_init(struct config *cfg);
void config_release(struct config *cfg);
/* The config file's path into out: $XDG_CONFIG_HOME/lectern/config, else
 * $HOME/.config/lectern/config.  -1 when neither variable is set. */
int config_path(struct strbuf *out);
/* Parses buf[0..n); returns the number of bad lines (added to d). */
size_t config_parse(struct config *cfg, const char *file, const char *buf,
		    size_t n, struct diags *d);
/* Loads path (NULL: config_path()).  A missing file is fine (0); an
 * unreadable one is a diag and -1; else the number of bad lines. */
long config_load(struct config *cfg, const char *path, struct diags *d);
/* Sets option name to value (as `set` does); -1 with a message in err. */
int config_set(struct config *cfg, const char *name, const char *value,
	       struct strbuf *err);

#endif
