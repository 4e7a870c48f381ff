/*
 * command: the `:` command line.  Every action of the key table by its
 * name (":down", ":find", ":mark a"), and
 *   :source ID   :topic ID   :claim ID   :theme NAME   :N (line N)
 *   :set         (shows the settings)   :set regex | noregex
 *   :set NAME = VALUE   (a config option, e.g. theme)
 *   :messages    (the last messages, in full)
 *   :q, :quit
 */
#include "ui/tui.h"

#include <stdlib.h>
#include <string.h>

static const char *skip(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static void cmd_set(struct ui *ui, const char *arg)
{
	struct strbuf err = STRBUF_INIT, name = STRBUF_INIT;

	if (!*arg) {
		ui_message(ui, false, "theme=%s %s", ui->cfg.theme ? ui->cfg.theme : "default",
			   ui->regex_default ? "regex" : "noregex");
		return;
	}
	if (!strcmp(arg, "regex") || !strcmp(arg, "noregex")) {
		ui->regex_default = arg[0] == 'r';
		ui_message(ui, false, "searches are %s", ui->regex_default ?
			   "regular expressions" : "fixed strings (~ starts a regex)");
		return;
	}
	size_t n = strcspn(arg, " \t=");
	sb_add(&name, arg, n);
	const char *v = skip(arg + n);
	if (*v == '=')
		v = skip(v + 1);
	if (config_set(&ui->cfg, name.buf, v, &err) < 0)
		ui_message(ui, true, "%s", err.buf);
	else if (!strcmp(name.buf, "theme") && ui_set_theme(ui, v) == 0)
		ui_message(ui, false, "theme %s", v);
	else if (!strcmp(name.buf, "mouse")) {
		ui_mouse(ui);
		ui_message(ui, false, "mouse %s", v);
	}
	sb_release(&err);
	sb_release(&name);
}

void ui_command(struct ui *ui, const char *line)
{
	const char *s = skip(line);
	size_t n = strcspn(s, " \t");
	const char *arg = skip(s + n);
	char *end;

	if (!*s)
		return;
	if (*s >= '0' && *s <= '9') {
		unsigned long l = strtoul(s, &end, 10);
		if (*end || !l) {
			ui_message(ui, true, "bad line number: %s", s);
			return;
		}
		ui_jump_push(ui);
		textview_scroll_to(ui, (long)l - 1);
		return;
	}
#define IS(word) (n == strlen(word) && !strncmp(s, word, n))
	if (IS("q")) {
		ui_action(ui, ACT_CLOSE, 0);
	} else if (IS("source")) {
		long k = corpus_find_source(ui->c, arg);
		if (k < 0) {
			ui_message(ui, true, "no source has id \"%s\"", arg);
			return;
		}
		ui_jump_push(ui);
		ui_open_source(ui, (size_t)k);
		ui_focus(ui, PANE_TEXT);
	} else if (IS("topic")) {
		if (!compare_open_id(ui, arg))
			ui_message(ui, true, "no topic has id \"%s\"", arg);
	} else if (IS("claim")) {
		long k = corpus_find_claim(ui->c, arg);
		if (k < 0) {
			ui_message(ui, true, "no claim has id \"%s\"", arg);
			return;
		}
		ui_jump_push(ui);
		ui_goto_claim(ui, (size_t)k);
		ui_focus(ui, PANE_TEXT);
	} else if (IS("theme")) {
		if (!*arg)
			ui_message(ui, true, "usage: :theme NAME (default, light, high-contrast, mono)");
		else if (ui_set_theme(ui, arg) == 0)
			ui_message(ui, false, "theme %s", arg);
	} else if (IS("messages")) {
		ui->help_open = true;
		ui->log_open = true;
		ui->help_top = 0;
	} else if (IS("set")) {
		cmd_set(ui, arg);
	} else {
		enum action act = keys_by_name(s, n);
		if (act == ACT_NONE) {
			ui_message(ui, true, "unknown command \"%.*s\" (? lists the commands)", (int)n, s);
			return;
		}
		if ((act == ACT_MARK || act == ACT_GOTO_MARK) && !*arg) {
			ui_message(ui, true, ":%s needs a letter", keys_get(act)->name);
			return;
		}
		ui_action(ui, act, *arg ? (unsigned char)*arg : 0);
	}
#undef IS
}
