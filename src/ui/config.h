/*
 * config: the optional file $XDG_CONFIG_HOME/lectern/config (else
 * ~/.config/lectern/config) of lines
 *     set NAME = VALUE
 *     bind KEY ACTION
 * with "#" comments and blank lines; NAME is one of CONFIG_OPTIONS, KEY a
 * key as keys_parse() reads it, ACTION the name of an action of KEY_INFO
 * or "none" (the key is unbound).  A bad line is reported as
 * "FILE:LINE: message" and skipped; the rest applies.  man/lectern.conf.5
 * documents every option and action (tests/docs checks it).
 *
 * Lifecycle: config_init(), config_load() (or config_parse()),
 * config_release().  Values and the keymap belong to the config; the
 * getters' strings live until the option is set again or released.
 */
#ifndef LECTERN_CONFIG_H
#define LECTERN_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/strbuf.h"

#include "corpus/cite.h"
#include "ui/keys.h"

/* X(field, "name", KIND, "choices", "default", "help")
 *   KIND     CONF_TEXT any value; CONF_SWITCH on or off; CONF_CHOICE one of
 *            the "|"-separated choices; CONF_DATE a date format that
 *            config_date_check() accepts
 *   choices  CONF_CHOICE and CONF_SWITCH only, else NULL */
#define CONFIG_OPTIONS(X) \
	X(theme, "theme", CONF_TEXT, NULL, "default", \
	  "the colour theme: a name (looked up in $XDG_CONFIG_HOME/lectern/themes, ./themes, then the installed themes) or a path") \
	X(mouse, "mouse", CONF_SWITCH, "on|off", "off", \
	  "on: clicks and the wheel (off by default, so a drag selects text)") \
	X(cite_format, "cite-format", CONF_CHOICE, "plain|markdown|bibtex|csl-json", "plain", \
	  "how a citation of a source or claim is written") \
	X(wrap, "wrap", CONF_SWITCH, "on|off", "on", \
	  "off: each line of the text is one screen line, cut at the Text pane's edge (marked >)") \
	X(date_format, "date-format", CONF_DATE, NULL, "%Y-%m-%d", \
	  "how the panes show a full date: strftime conversions of a date (%Y %m %d %b %a ...)") \
	X(layout, "layout", CONF_CHOICE, "auto|wide|stacked|single", "auto", \
	  "the panes: by the terminal's size and margins, side by side, one over the other, or one at a time") \
	X(position, "position", CONF_CHOICE, "tenths|lines", "tenths", \
	  "the Text pane's title: how far the text is read, in tenths, or the lines shown (rewritten at every line)")

enum conf_kind { CONF_TEXT, CONF_SWITCH, CONF_CHOICE, CONF_DATE };

enum config_option {
#define X(field, name, kind, choices, def, help) CFG_##field,
	CONFIG_OPTIONS(X)
#undef X
	CFG_COUNT
};

struct config_info {
	const char *name, *choices, *def, *help;
	enum conf_kind kind;
};
extern const struct config_info config_options[CFG_COUNT];

struct config {
#define X(field, name, kind, choices, def, help) char *field;   /* NULL: not set */
	CONFIG_OPTIONS(X)
#undef X
	struct keymap keys;    /* the bindings in effect */
	int date_w;            /* columns of the widest date date_format writes */
};

/* The layouts of the layout option, in the order of its choices. */
enum layout_pref { LAYOUT_PREF_AUTO, LAYOUT_PREF_WIDE, LAYOUT_PREF_STACKED, LAYOUT_PREF_SINGLE };
/* The choices of the position option, in order. */
enum position_pref { POSITION_TENTHS, POSITION_LINES };

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
/* Binds key to action (as `bind` does: both as written in the file);
 * -1 with a message in err. */
int config_bind(struct config *cfg, const char *key, const char *action,
		struct strbuf *err);

/* The value in effect: the one set, else the default (never NULL). */
const char *config_get(const struct config *cfg, enum config_option opt);
/* A CONF_SWITCH option is on. */
bool config_on(const struct config *cfg, enum config_option opt);
/* The place of a CONF_CHOICE option's value among its choices. */
int config_choice(const struct config *cfg, enum config_option opt);
enum cite_format config_cite_format(const struct config *cfg);
/* Checks a date format: printable ASCII, with only the conversions of a
 * date (%Y %y %C %G %g %m %b %B %h %d %e %j %a %A %u %w %U %W %V %F %D
 * %%), at least one, and what it writes at most 40 bytes.  0, or -1 with
 * a message in err. */
int config_date_check(const char *fmt, struct strbuf *err);
/* Appends the full date `date` (YYYY-MM-DD) as date-format writes it;
 * false (nothing appended) for another shape of date or while the format
 * is the default, which shows dates as written. */
bool config_date(const struct config *cfg, const char *date, struct strbuf *out);
/* The folder of the user's themes, $XDG_CONFIG_HOME/lectern/themes (else
 * under $HOME/.config), into out; -1 when neither variable is set. */
int config_themes_dir(struct strbuf *out);

#endif
