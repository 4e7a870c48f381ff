/*
 * command: the `:` command line.  Every action of the key table by its
 * name (":down", ":find", ":mark a"), and
 *   :source ID   :topic ID   :claim ID   :theme NAME   :N (line N)
 *   :set         (shows the settings)   :set regex | noregex
 *   :set NAME = VALUE   (an option of CONFIG_OPTIONS; it applies at once)
 *   :messages    (the last messages, in full)
 *   :bindings    (every key bound, and the actions without one)
 *   :cite [FILE] (the selected claim's citation: copied, as y does, or
 *                 appended to FILE)
 *   :forget      (deletes this corpus's reading state, resume.c)
 *   :claim add|edit|rm|reject ...   :topic add|link|unlink|set ...
 *   :note TARGET TEXT   (the edits of `lectern claim|topic|note`, edit.c;
 *                 an edit that names no claim takes the selected one)
 *   :w PATH      (a copy of the index with the edits)
 *   :q, :quit
 * and the line's history (Up/Down) and Tab completion.
 */
#include "ui/tui.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

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
		struct strbuf all = STRBUF_INIT;
		for (int i = 0; i < CFG_COUNT; i++)
			sb_addf(&all, "%s=%s ", config_options[i].name,
				config_get(&ui->cfg, (enum config_option)i));
		ui_message(ui, false, "%s%s", all.buf, ui->regex_default ? "regex" : "noregex");
		sb_release(&all);
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
	if (config_set(&ui->cfg, name.buf, v, &err) < 0) {
		ui_message(ui, true, "%s", err.buf);
	} else if (!strcmp(name.buf, "theme")) {
		if (ui_set_theme(ui, v) == 0)
			ui_message(ui, false, "theme %s", v);
	} else {
		/* the option applies at once: every pane is redrawn */
		if (!strcmp(name.buf, "mouse"))
			ui_mouse(ui);
		else if (!strcmp(name.buf, "layout"))
			layout_apply(ui);
		else if (!strcmp(name.buf, "wrap"))
			textview_wrap(ui);
		ui_dirty_all(ui);
		ui_message(ui, false, "%s %s", name.buf, v);
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
	} else if ((IS("claim") || IS("topic") || IS("note")) &&
		   edit_command(ui, IS("claim") ? "claim" : IS("topic") ? "topic" : "note", arg)) {
		return;
	} else if (IS("w")) {
		edit_write_copy(ui, arg);
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
	} else if (IS("messages") || IS("bindings")) {
		ui->help_open = true;
		ui->help_top = 0;
		if (IS("messages"))
			ui->log_open = true;
		else
			ui->bindings_open = true;
	} else if (IS("set")) {
		cmd_set(ui, arg);
	} else if (IS("cite")) {
		ui_cite(ui, *arg ? arg : NULL);
	} else if (IS("forget")) {
		resume_forget(ui);
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

struct history *command_history_of(struct ui *ui, enum prompt_kind kind)
{
	return kind == PROMPT_COMMAND ? &ui->cmd_hist :
		kind == PROMPT_SEARCH || kind == PROMPT_CORPUS ? &ui->search_hist : NULL;
}

void command_history(struct ui *ui, int step)
{
	struct history *h = command_history_of(ui, ui->prompt);
	const char *what = ui->prompt == PROMPT_COMMAND ? "command" : "search";

	if (!h)
		return;
	if (step < 0 ? ui->hist_pos == 0 : ui->hist_pos >= h->n) {
		ui_message(ui, false, step < 0 ? "no older %s" : "no newer %s", what);
		return;
	}
	ui->hist_pos = step < 0 ? ui->hist_pos - 1 : ui->hist_pos + 1;
	sb_reset(&ui->input_buf);
	sb_reset(&ui->msg);
	if (ui->hist_pos < h->n)
		sb_addstr(&ui->input_buf, h->line[ui->hist_pos]);
	ui->prompt_stale = true;   /* a search follows the recalled query */
}

/* The commands ui_command() knows besides the key table's names. */
static const char *const own_commands[] = {
	"q", "source", "topic", "claim", "theme", "messages", "set", "bindings",
	"forget", "note", "w",
};

/* The id of candidate i for a completion of kind k (0 commands, else
 * 's', 'c', 't'), or NULL past the end. */
static const char *candidate(const struct ui *ui, int k, size_t i)
{
	size_t nown = sizeof own_commands / sizeof *own_commands;

	switch (k) {
	case 's': return i < ui->c->nsources ? ui->c->sources[i].id : NULL;
	case 'c': return i < ui->c->nclaims ? ui->c->claims[i].id : NULL;
	case 't': return i < ui->c->ntopics ? ui->c->topics[i].id : NULL;
	default:
		if (i < nown)
			return own_commands[i];
		return i - nown < ACT_COUNT - 1 ? key_actions[i - nown].name : NULL;
	}
}

void command_complete(struct ui *ui)
{
	const char *s = skip(ui->input_buf.buf);
	size_t n = strcspn(s, " \t"), start, plen, common = 0, count = 0;
	const char *first = NULL, *word;
	struct strbuf list = STRBUF_INIT;
	int k = 0;

	if (s[n]) {   /* past the command name: complete its id */
		if (n == 6 && !strncmp(s, "source", 6))
			k = 's';
		else if (n == 5 && !strncmp(s, "claim", 5))
			k = 'c';
		else if (n == 5 && !strncmp(s, "topic", 5))
			k = 't';
		else {
			ui_message(ui, true, "nothing to complete after :%.*s", (int)n, s);
			return;
		}
		word = skip(s + n);
	} else {
		word = s;
	}
	start = (size_t)(word - ui->input_buf.buf);
	plen = strlen(word);
	for (size_t i = 0; (s = candidate(ui, k, i)); i++) {
		if (strncmp(s, word, plen))
			continue;
		if (!first) {
			first = s;
			common = strlen(s);
		} else {
			size_t j = plen;
			while (j < common && s[j] == first[j])
				j++;
			common = j;
		}
		if (count++ < 8)
			sb_addf(&list, " %s", s);
	}
	if (!count) {
		ui_message(ui, true, "no %s starts with \"%s\"", k == 's' ? "source id" :
			   k == 'c' ? "claim id" : k == 't' ? "topic id" : "command", word);
	} else {
		sb_setlen(&ui->input_buf, start);
		sb_add(&ui->input_buf, first, common);
		if (count == 1) {
			if (!k && (!strcmp(first, "source") || !strcmp(first, "claim") ||
				   !strcmp(first, "topic") || !strcmp(first, "theme") || !strcmp(first, "set")))
				sb_addstr(&ui->input_buf, " ");
			sb_reset(&ui->msg);
		} else {
			ui_message(ui, false, "%zu candidates:%s%s", count, list.buf, count > 8 ? " ..." : "");
		}
	}
	sb_release(&list);
}
