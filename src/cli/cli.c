/* cli: the command line: options, --help, and which command runs. */
#include "cli/cli.h"
#include "cli/compare.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "base/progress.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/util.h"
#include "corpus/corpus.h"
#include "corpus/json.h"
#include "ui/config.h"
#include "ui/keys.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/completion.h"
#include "cli/curate.h"
#include "cli/export.h"
#include "cli/extract.h"
#include "cli/import.h"
#include "cli/search.h"
#include "cli/show.h"
#include "cli/stats.h"

/* ---- help ---- */

void cli_usage(FILE *fp)
{
	fputs("usage: lectern [OPTIONS] [COMMAND [ARGS]]\n\n"
	      "A terminal browser for reading across news sources.  Without a command,\n"
	      "lectern opens the corpus in the reader.\n\ncommands:\n", fp);
#define X(id, syn, help) fprintf(fp, "  %-24s %s\n", syn, help);
	COMMAND_INFO(X)
#undef X
	fputs("\noptions:\n", fp);
#define X(id, name, letter, arg, help) { \
		char left[64]; \
		snprintf(left, sizeof left, "%s%c%s--%s%s%s", letter ? "-" : "", \
			 letter ? letter : ' ', letter ? ", " : "  ", name, \
			 arg ? " " : "", arg ? (const char *)arg : ""); \
		fprintf(fp, "  %-24s %s\n", letter ? left : left + 2, help); }
	OPTION_INFO(X)
#undef X
	keys_usage(fp);
	fputs("\nThe corpus is --corpus PATH, else $LECTERN_CORPUS, else ./data/corpus.json,\n"
	      "else the installed copy.  Exit status: 0 success, 1 invalid corpus,\n"
	      "2 usage or I/O error.  See lectern(1) and lectern-corpus(5).\n", fp);
}

/* --help --keys: the reader's keys as the config file binds them; its bad
 * lines on stderr as FILE:LINE: message, and exit status 2. */
static int keys_in_effect(void)
{
	struct config cfg;
	struct diags d;

	config_init(&cfg);
	diags_init(&d);
	config_load(&cfg, NULL, &d);
	keymap_usage(stdout, &cfg.keys);
	out_flush();
	diags_print(&d, stderr);
	int code = diags_count(&d) ? 2 : 0;
	diags_release(&d);
	config_release(&cfg);
	return code;
}

int cli_parse(int argc, char **argv, struct cli_args *a, int *exit_code)
{
	static const struct option longs[] = {
#define X(id, name, letter, arg, help) { name, arg ? required_argument : no_argument, NULL, 1000 + OPT_##id },
		OPTION_INFO(X)
#undef X
		{ NULL, 0, NULL, 0 }
	};
	bool help = false, keys = false;
	int c;

	memset(a, 0, sizeof *a);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":hV", longs, NULL)) != -1) {
		switch (c) {
		case 'h':
		case 1000 + OPT_HELP:
			help = true;
			break;
		case 1000 + OPT_KEYS:
			keys = true;
			break;
		case 'V':
		case 1000 + OPT_VERSION:
			out_str("lectern " LECTERN_VERSION "\n");
			out_flush();
			*exit_code = 0;
			return -1;
		case 1000 + OPT_CORPUS:
			a->corpus = optarg;
			break;
		case 1000 + OPT_JSON:
			a->json = true;
			break;
		case 1000 + OPT_SOURCE:
			a->source = optarg;
			break;
		case 1000 + OPT_AUTO_ONLY:
			a->auto_only = true;
			break;
		case 1000 + OPT_FORMAT:
			a->format = optarg;
			break;
		case 1000 + OPT_WHAT:
			a->what = optarg;
			break;
		case 1000 + OPT_OUTPUT:
			a->output = optarg;
			break;
		case 1000 + OPT_FORCE:
			a->force = true;
			break;
		case 1000 + OPT_AGAINST:
			a->against = optarg;
			break;
		case 1000 + OPT_COUNTS:
			a->count = true;
			break;
		case 1000 + OPT_REPEAT:
			a->repeat = optarg;
			break;
		case 1000 + OPT_K:
			a->k = optarg;
			break;
		case 1000 + OPT_KIND:
			a->kind = optarg;
			break;
		case 1000 + OPT_SPEAKER:
			a->speaker = optarg;
			break;
		case 1000 + OPT_NOTE:
			a->note = optarg;
			break;
		case 1000 + OPT_VALUE:
			a->value = optarg;
			break;
		case 1000 + OPT_UNIT:
			a->unit = optarg;
			break;
		case 1000 + OPT_COUNTED:
			a->counted = optarg;
			break;
		case 1000 + OPT_DATE:
			a->date = optarg;
			break;
		case 1000 + OPT_LABEL:
			a->label = optarg;
			break;
		case 1000 + OPT_RELATION:
			a->relation = optarg;
			break;
		case 1000 + OPT_THEME:
			a->theme = optarg;
			break;
		case 1000 + OPT_NO_STATE:
			a->no_state = true;
			break;
		case 1000 + OPT_QUIET:
			progress_quiet(true);
			break;
		case ':':
		default: {
			if (help)   /* --help then anything: the help */
				break;
			struct strbuf m = STRBUF_INIT;
			sb_addf(&m, c == ':' ? "option %s needs an argument" :
				"unknown option %s (see lectern --help)", argv[optind - 1]);
			cli_error(m.buf);
			sb_release(&m);
			*exit_code = 2;
			return -1;
		}
		}
	}
	if (keys) {   /* alone or with --help */
		*exit_code = keys_in_effect();
		return -1;
	}
	if (help) {
		cli_usage(stdout);
		out_flush();
		*exit_code = 0;
		return -1;
	}
	if (optind < argc) {
		a->command = argv[optind];
		a->rest = argv + optind + 1;
		a->nrest = argc - optind - 1;
	}
	return 0;
}

/* ---- commands ---- */

int cli_run(const struct cli_args *a, cli_reader_fn *reader)
{
	static const struct {
		const char *name;
		int (*run)(struct corpus *, const struct cli_args *);
		unsigned flags;
	} cmds[] = {
		{ "check", cmd_check, CORPUS_CHECK_FILES | CORPUS_USE_CACHE },
		{ "list", cmd_list, CORPUS_USE_CACHE },
		{ "show", cmd_show, CORPUS_USE_CACHE },
		{ "claims", cmd_claims, CORPUS_USE_CACHE },
		{ "topics", cmd_topics, CORPUS_USE_CACHE },
		{ "cite", cmd_cite, CORPUS_USE_CACHE },
		{ "stats", stats_run, CORPUS_USE_CACHE },
		{ "compare", cmd_compare, CORPUS_USE_CACHE },
		{ "export", cmd_export, CORPUS_USE_CACHE },
		{ "eval-compare", cmd_eval_compare, CORPUS_USE_CACHE },
		{ "related", cmd_related, CORPUS_USE_CACHE },
		{ "search", cmd_search, CORPUS_USE_CACHE },
	};
	int (*run)(struct corpus *, const struct cli_args *) = cmd_summary;
	unsigned flags = CORPUS_USE_CACHE;
	int code;

	signal(SIGPIPE, SIG_DFL);
	if (a->command && !strcmp(a->command, "bench-align"))
		return cmd_bench_align(a);
	if (a->command) {
		/* the commands that load (or make) their corpus themselves */
		static const struct {
			const char *name;
			int (*run)(const struct cli_args *);
		} own[] = {
			{ "import", cmd_import }, { "extract", cmd_extract }, { "eval", cmd_eval },
			{ "completion", cmd_completion }, { "claim", cmd_claim },
			{ "topic", cmd_topic }, { "note", cmd_note },
		};
		for (size_t i = 0; i < ARRAY_SIZE(own); i++)
			if (!strcmp(a->command, own[i].name)) {
				code = own[i].run(a);
				fflush(stdout);
				return code;
			}
	}
	if (a->command) {
		size_t i;
		for (i = 0; i < ARRAY_SIZE(cmds); i++)
			if (!strcmp(a->command, cmds[i].name))
				break;
		if (i == ARRAY_SIZE(cmds)) {
			struct strbuf m = STRBUF_INIT;
			sb_addf(&m, "unknown command \"%s\" (see lectern --help)", a->command);
			cli_error(m.buf);
			sb_release(&m);
			return 2;
		}
		run = cmds[i].run;
		flags = cmds[i].flags;
		if (run != cmd_show && run != cmd_cite && run != cmd_compare && run != cmd_search &&
		    run != cmd_related && a->nrest) {
			fprintf(stderr, "lectern: %s takes no arguments\n", cmds[i].name);
			return 2;
		}
	}
	struct corpus *c = cli_load(a->corpus, flags, &code);
	if (!c)
		return code;
	if (!a->command && reader) {
		struct ui_options o = { .theme = a->theme, .no_state = a->no_state };
		code = reader(c, &o);
	} else {
		code = run(c, a);
	}
	corpus_free(c);
	out_flush();
	return code;
}
