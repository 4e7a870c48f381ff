/*
 * term: ui_run(), the reader's setup and teardown.  Refuses to start
 * without a terminal on stdin and stdout or without a usable TERM, before
 * touching the terminal; uses newterm() (initscr() would exit on its own);
 * restores the terminal on quit, die(), SIGHUP, SIGTERM and SIGINT (saving
 * the reading state first, except on die()), and on Ctrl-z (term_suspend():
 * curses's own handler would leave bracketed paste on in the shell).
 */
#include "ui/tui.h"
#include "ui/ui.h"

#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "corpus/cache.h"

static void on_signal(int sig)
{
	app_signal = sig;
}

static void on_tstp(int sig)
{
	(void)sig;
	app_suspend = 1;
}

void term_paste_mode(bool on)
{
	/* after endwin() curses has flushed: write straight to the terminal */
	if (on) {
		putp("\033[?2004h");
		fflush(stdout);
	} else {
		fflush(stdout);
		fputs("\033[?2004l", stdout);
		fflush(stdout);
	}
}

static void restore_terminal(void)
{
	if (!isendwin()) {
		endwin();
		term_paste_mode(false);
	}
}

void term_suspend(struct ui *ui)
{
	struct sigaction sa;

	app_suspend = 0;
	endwin();
	term_paste_mode(false);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTSTP, &sa, NULL);
	raise(SIGTSTP);   /* stops here until fg */
	sa.sa_handler = on_tstp;
	sigaction(SIGTSTP, &sa, NULL);
	term_paste_mode(true);
	clearok(curscr, TRUE);
	ui_dirty_all(ui);
}

/* How long the terminal has to answer the margins question: it answers
 * at once, or within a round trip over a network; only a terminal that
 * answers nothing at all makes the start wait this long.  An answer that
 * came later would be read as keys. */
#define PROBE_MS 1500

/* One reply at b[0..n) (ESC [ ? params final): its length, 0 if none
 * starts there, -1 if it may still be arriving. */
static long reply_len(const char *b, size_t n)
{
	size_t i = 3;

	if (n < 3)
		return b[0] == '\033' && (n < 2 || b[1] == '[') ? -1 : 0;
	if (b[0] != '\033' || b[1] != '[' || b[2] != '?')
		return 0;
	while (i < n && ((b[i] >= '0' && b[i] <= '9') || b[i] == ';'))
		i++;
	if (i == n || (b[i] == '$' && i + 1 == n))
		return -1;
	if (b[i] == 'c')
		return (long)i + 1;
	return b[i] == '$' && b[i + 1] == 'y' ? (long)i + 2 : 0;
}

/* Asks the terminal whether it has left and right margins (DECRQM for
 * DECLRMM, mode 69), then a question every terminal answers (DA1): the
 * first answer, if any, comes before the second.  tmux and screen, under
 * a TERM that may still name xterm's margins, do not answer the first.
 * Called in cbreak mode before the first key is read; bytes that are no
 * answer (keys typed meanwhile) go back to curses' input. */
static bool margins_probe(void)
{
	static const char q[] = "\033[?69$p\033[c";
	char buf[256];
	size_t n = 0, i = 0;
	bool done = false, has = false;
	long long end = util_now_ms() + PROBE_MS;
	char keep[sizeof buf];
	size_t nkeep = 0;

	if (write(STDOUT_FILENO, q, sizeof q - 1) != (ssize_t)(sizeof q - 1))
		return false;
	while (!done) {
		long len = i < n ? reply_len(buf + i, n - i) : -1;
		if (len > 0) {
			if (buf[i + (size_t)len - 1] == 'c')
				done = true;
			else   /* ESC [ ? 69 ; Ps $ y: 1 set, 2 reset (3, 4: permanently) */
				has = len == 9 && !memcmp(buf + i + 3, "69;", 3) &&
				      buf[i + 6] >= '1' && buf[i + 6] <= '3';
			i += (size_t)len;
			continue;
		}
		if (len == 0) {
			keep[nkeep++] = buf[i++];
			continue;
		}
		long long left = end - util_now_ms();
		struct pollfd pf = { .fd = STDIN_FILENO, .events = POLLIN };
		if (n == sizeof buf || left <= 0 || poll(&pf, 1, (int)left) <= 0)
			break;
		ssize_t r = read(STDIN_FILENO, buf + n, sizeof buf - n);
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	while (i < n)
		keep[nkeep++] = buf[i++];
	while (nkeep)
		ungetch((unsigned char)keep[--nkeep]);
	return done && has;
}

static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	/* before newterm(): curses then leaves Ctrl-z to term_suspend() */
	sa.sa_handler = on_tstp;
	sigaction(SIGTSTP, &sa, NULL);
}

static void ui_free(struct ui *ui)
{
	wrap_release(&ui->wrap);
	wrap_release(&ui->wrap_view);
	search_release(&ui->search);
	finder_free(ui);
	search_release(&ui->hits_search);
	sb_release(&ui->query);
	sb_release(&ui->filter);
	sb_release(&ui->claim_filter);
	for (size_t i = 0; i < MSG_LOG; i++)
		free(ui->msg_log[i]);
	history_release(&ui->cmd_hist);
	history_release(&ui->search_hist);
	free(ui->read);
	sb_release(&ui->state_path);
	sb_release(&ui->topic_filter);
	sb_release(&ui->hits_query);
	sb_release(&ui->msg);
	sb_release(&ui->input_buf);
	sb_release(&ui->clip);
	free(ui->matches);
	free(ui->src_rows);
	free(ui->claim_rows);
	free(ui->claim_reach);
	free(ui->hits);
	free(ui->jumps);
	config_release(&ui->cfg);
}

/* Whether the environment variable name (LINES, COLUMNS) is set to what
 * curses cannot use (it overrides the terminal's size; ncurses takes 1 to
 * 32767): newterm() then fails as if TERM were unknown. */
static bool size_problem(const char *name)
{
	const char *v = getenv(name);
	char *end;
	if (!v || !*v)
		return false;
	errno = 0;
	long n = strtol(v, &end, 10);
	return *end || errno || n < 1 || n > 32767;
}

int ui_run(struct corpus *c, const struct ui_options *a)
{
	static const struct pane_ops *const ops[PANE_COUNT] = {
		&sources_ops, &textview_ops, &claims_ops, &compare_ops, &results_ops,
	};
	const char *term = getenv("TERM"), *nc = getenv("NO_COLOR");
	struct ui ui;
	struct diags d;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("lectern: the reader needs a terminal on stdin and stdout; in scripts use\n"
		      "the commands instead: lectern list, show SOURCE, claims, topics, check\n"
		      "(see lectern --help)\n", stderr);
		return 2;
	}
	if (!term || !*term) {
		fputs("lectern: TERM is not set, so the reader cannot drive this terminal;\n"
		      "set it (for example TERM=xterm-256color) or use the commands\n"
		      "(see lectern --help)\n", stderr);
		return 2;
	}

	memset(&ui, 0, sizeof ui);
	ui.c = c;
	/* what the reader shows: an edit is made on these bytes or not at all */
	ui.index_hashed = cache_file_hash(c->index_path, &ui.index_hash);
	ui.opts = a;
	ui.src = -1;
	ui.sel_claim = -1;
	ui.claim_reach_src = -1;
	ui.hit = -1;
	sb_init(&ui.query);
	sb_init(&ui.filter);
	sb_init(&ui.claim_filter);
	sb_init(&ui.topic_filter);
	sb_init(&ui.hits_query);
	sb_init(&ui.msg);
	sb_init(&ui.input_buf);
	sb_init(&ui.clip);
	search_init(&ui.search);
	search_init(&ui.hits_search);
	wrap_init(&ui.wrap);
	wrap_init(&ui.wrap_view);
	for (int i = 0; i < 26; i++)
		ui.marks[i].source = -1;
	for (int i = 0; i < PANE_COUNT; i++) {
		ui.panes[i].id = (enum pane_id)i;
		ui.panes[i].ops = ops[i];
	}
	ui.ascii = strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
	diags_init(&d);
	config_init(&ui.cfg);
	config_load(&ui.cfg, NULL, &d);

	catch_signals();
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		struct strbuf m = STRBUF_INIT;
		const char *bad = size_problem("LINES") ? "LINES" :
				  size_problem("COLUMNS") ? "COLUMNS" : NULL;
		if (bad) {
			const char *v = getenv(bad);
			text_sanitize(&m, v, strlen(v), 0);
			fprintf(stderr, "lectern: the terminal could not be set up: %s=\"%s\" is not a "
				"screen size curses can use\n(1 to 32767); unset %s or correct it\n",
				bad, m.buf, bad);
		} else {
			text_sanitize(&m, term, strlen(term), 0);
			fprintf(stderr, "lectern: unknown terminal type \"%s\": the reader cannot drive it;\n"
				"set TERM to a known type (for example xterm-256color) or use the\n"
				"commands (see lectern --help)\n", m.buf);
		}
		sb_release(&m);
		diags_release(&d);
		ui_free(&ui);
		return 2;
	}
	set_term(scr);
	util_set_die_hook(restore_terminal);
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	set_escdelay(25);
	draw_margins_use(draw_margins_caps() && margins_probe());
	ui.color = has_colors() && !(nc && *nc);
	if (ui.color) {
		start_color();
		use_default_colors();
	}
	ui_mouse(&ui);
	ui.input = newwin(1, 1, 0, 0);
	keypad(ui.input, TRUE);
	/* Home and End as terminals other than the terminfo entry send them */
	define_key("\033[1~", KEY_HOME);
	define_key("\033[4~", KEY_END);
	define_key("\033[H", KEY_HOME);
	define_key("\033[F", KEY_END);
	define_key("\033OH", KEY_HOME);
	define_key("\033OF", KEY_END);
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	term_paste_mode(true);   /* a paste arrives between the two */
	wtimeout(ui.input, 500);

	ui.focus = ui.main_focus = PANE_SOURCES;
	layout_apply(&ui);
	sources_rebuild(&ui);
	if (!resume_open(&ui) && ui.nsrc_rows)
		ui_open_source(&ui, ui.src_rows[0]);
	ui_set_theme(&ui, a->theme ? a->theme : ui.cfg.theme ? ui.cfg.theme : "default");
	if (diags_count(&d))
		ui_message(&ui, true, "%s%s", d.lines[0], diags_count(&d) > 1 ? " (and more)" : "");
	else if (!ui.msg.len)
		ui_message(&ui, false, "%s: %zu sources, %zu claims, %zu topics",
			   c->title ? c->title : "corpus", c->nsources, c->nclaims, c->ntopics);
	diags_release(&d);

	app_loop(&ui);
	/* the reading state is saved however the loop ended: q, Q, a signal */
	struct strbuf serr = STRBUF_INIT;
	int saved = resume_save(&ui, &serr);

	util_set_die_hook(NULL);
	for (int i = 0; i < PANE_COUNT; i++) {
		if (ui.panes[i].title)
			delwin(ui.panes[i].title);
		if (ui.panes[i].win)
			delwin(ui.panes[i].win);
	}
	endwin();
	term_paste_mode(false);
	delscreen(scr);
	if (saved < 0) {
		struct strbuf m = STRBUF_INIT;
		text_sanitize(&m, serr.buf, serr.len, 0);
		fprintf(stderr, "lectern: reading state not saved: %s\n", m.buf);
		sb_release(&m);
	}
	sb_release(&serr);
	bool left = !counterparts_free(&ui);
	left = !compare_free(&ui) || left;
	if (!left)   /* else a build still reads the model edits made */
		edit_free(&ui);
	ui_free(&ui);
	if (app_signal) {
		signal(app_signal, SIG_DFL);
		raise(app_signal);
	}
	if (left) {   /* a build that cannot be stopped reads the corpus: end here */
		fflush(NULL);
		_exit(0);
	}
	return 0;
}
