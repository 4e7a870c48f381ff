/* cli: the scripting commands and --help. */
#include "cli.h"
#include "cmd_compare.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_import.h"
#include "cmd_search.h"
#include "commands.h"
#include "corpus.h"
#include "corpus_json.h"
#include "keys.h"
#include "stats.h"
#include "strbuf.h"
#include "text.h"
#include "util.h"

/* ---- output ---- */

static void out_flush(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return;
	if (errno == EPIPE)
		exit(141);   /* the reader went away: quiet, like SIGPIPE */
	die("write error: %s", strerror(errno ? errno : EIO));
}

static void out_raw(const char *s, size_t n)
{
	if (fwrite(s, 1, n, stdout) != n)
		out_flush();
}

/* Corpus text, made safe; NULL prints as "-". */
static void out_text(const char *s, unsigned flags)
{
	struct strbuf sb = STRBUF_INIT;
	if (!s)
		s = "-";
	text_sanitize(&sb, s, strlen(s), flags);
	out_raw(sb.buf, sb.len);
	sb_release(&sb);
}

static void out_str(const char *s)
{
	out_raw(s, strlen(s));
}

/* Pads a sanitised cell to width columns (no padding on the last one). */
static void out_cell(const char *s, size_t width, bool last)
{
	struct strbuf sb = STRBUF_INIT;
	if (!s)
		s = "-";
	text_sanitize(&sb, s, strlen(s), 0);
	out_raw(sb.buf, sb.len);
	if (!last) {
		size_t w = text_width(sb.buf, sb.len, false);
		for (; w < width + 2; w++)
			out_raw(" ", 1);
	}
	sb_release(&sb);
}

static void out_json(cJSON *o)
{
	char *s = cJSON_Print(o);
	if (!s)
		die("out of memory");
	/* cJSON leaves C1 controls (U+0080..U+009F) raw: escape them too */
	struct strbuf sb = STRBUF_INIT;
	for (const char *p = s; *p; p++)
		if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] >= 0x80 &&
		    (unsigned char)p[1] <= 0x9F)
			sb_addf(&sb, "\\u%04x", (unsigned char)*++p);
		else
			sb_addch(&sb, *p);
	out_raw(sb.buf, sb.len);
	sb_release(&sb);
	out_str("\n");
	cJSON_free(s);
	cJSON_Delete(o);
}

static size_t col_width(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	text_sanitize(&sb, s ? s : "-", strlen(s ? s : "-"), 0);
	size_t w = text_width(sb.buf, sb.len, false);
	sb_release(&sb);
	return w;
}

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

int cli_parse(int argc, char **argv, struct cli_args *a, int *exit_code)
{
	static const struct option longs[] = {
#define X(id, name, letter, arg, help) { name, arg ? required_argument : no_argument, NULL, 1000 + OPT_##id },
		OPTION_INFO(X)
#undef X
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":hV", longs, NULL)) != -1) {
		switch (c) {
		case 'h':
		case 1000 + OPT_HELP:
			cli_usage(stdout);
			out_flush();
			*exit_code = 0;
			return -1;
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
		case 1000 + OPT_THEME:
			a->theme = optarg;
			break;
		case ':':
			fprintf(stderr, "lectern: option %s needs an argument\n", argv[optind - 1]);
			*exit_code = 2;
			return -1;
		default:
			fprintf(stderr, "lectern: unknown option %s (see lectern --help)\n",
				argv[optind - 1]);
			*exit_code = 2;
			return -1;
		}
	}
	if (optind < argc) {
		a->command = argv[optind];
		a->rest = argv + optind + 1;
		a->nrest = argc - optind - 1;
	}
	return 0;
}

/* ---- commands ---- */

static struct corpus *open_corpus(const struct cli_args *a, unsigned flags, int *code)
{
	struct strbuf path = STRBUF_INIT;
	struct diags d;
	enum load_status st;

	if (corpus_locate(a->corpus, &path) < 0) {
		struct strbuf m = STRBUF_INIT;
		text_sanitize(&m, path.buf, path.len, 0);
		fprintf(stderr, "lectern: %s\n", m.buf);
		sb_release(&m);
		sb_release(&path);
		*code = 2;
		return NULL;
	}
	diags_init(&d);
	struct corpus *c = corpus_load(path.buf, flags, &d, &st);
	diags_print(&d, stderr);
	if (!c) {
		struct strbuf m = STRBUF_INIT;
		text_sanitize(&m, path.buf, path.len, 0);
		fprintf(stderr, "lectern: %s: %zu problem%s\n", m.buf, diags_count(&d),
			diags_count(&d) == 1 ? "" : "s");
		sb_release(&m);
	}
	diags_release(&d);
	sb_release(&path);
	*code = c ? 0 : (int)st;
	return c;
}

static int cmd_check(struct corpus *c, const struct cli_args *a)
{
	(void)a;
	out_str("ok: ");
	out_text(c->title, 0);
	printf(": %zu sources, %zu claims, %zu topics\n", c->nsources, c->nclaims, c->ntopics);
	return 0;
}

static int cmd_list(struct corpus *c, const struct cli_args *a)
{
	if (a->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON *arr = cJSON_AddArrayToObject(o, "sources");
		for (size_t i = 0; i < c->nsources; i++)
			cJSON_AddItemToArray(arr, source_json(c, i));
		out_json(o);
		return 0;
	}
	size_t wid = 2, wdate = 9, wout = 6;
	for (size_t i = 0; i < c->nsources; i++) {
		struct source *s = &c->sources[i];
		size_t w;
		if ((w = col_width(s->id)) > wid) wid = w;
		if ((w = col_width(s->published) + source_guessed(s, "published")) > wdate)
			wdate = w;
		if ((w = col_width(s->outlet)) > wout) wout = w;
	}
	out_cell("ID", wid, false);
	out_cell("PUBLISHED", wdate, false);
	out_cell("OUTLET", wout, false);
	out_cell("CLAIMS", 6, false);
	out_cell("TITLE", 0, true);
	out_str("\n");
	for (size_t i = 0; i < c->nsources; i++) {
		struct source *s = &c->sources[i];
		char n[32];
		snprintf(n, sizeof n, "%zu", s->nclaims);
		out_cell(s->id, wid, false);
		struct strbuf d = STRBUF_INIT;
		if (s->published)   /* "2022-02?": a date guessed at import */
			sb_addf(&d, "%s%s", s->published, source_guessed(s, "published") ? "?" : "");
		out_cell(s->published ? d.buf : NULL, wdate, false);
		sb_release(&d);
		out_cell(s->outlet, wout, false);
		out_cell(n, 6, false);
		out_cell(s->title, 0, true);
		out_str("\n");
	}
	return 0;
}

static long want_source(struct corpus *c, const char *id)
{
	long k = corpus_find_source(c, id);
	if (k < 0) {
		struct strbuf m = STRBUF_INIT;
		text_sanitize(&m, id, strlen(id), 0);
		fprintf(stderr, "lectern: no source has id \"%s\" (see lectern list)\n", m.buf);
		sb_release(&m);
	}
	return k;
}

static void out_field(const char *label, const char *value)
{
	printf("%-11s ", label);
	out_text(value, 0);
	out_str("\n");
}

static int cmd_show(struct corpus *c, const struct cli_args *a)
{
	if (a->nrest != 1) {
		fprintf(stderr, "lectern: usage: lectern show SOURCE\n");
		return 2;
	}
	long k = want_source(c, a->rest[0]);
	if (k < 0)
		return 2;
	struct source *s = &c->sources[k];
	struct strbuf err = STRBUF_INIT;
	size_t len;
	const char *t = corpus_text(c, (size_t)k, &len, &err);
	if (!t) {
		struct strbuf m = STRBUF_INIT;
		text_sanitize(&m, s->file, strlen(s->file), 0);
		fprintf(stderr, "lectern: %s: %s\n", m.buf, err.buf);
		sb_release(&m);
		sb_release(&err);
		return 2;
	}
	sb_release(&err);
	if (a->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "source", source_json(c, (size_t)k));
		/* cJSON needs a C string of valid UTF-8: NUL bytes become spaces,
		 * invalid bytes U+FFFD */
		struct strbuf sb = STRBUF_INIT;
		for (size_t i = 0; i < len;) {
			uint32_t cp;
			int l = utf8_decode(t + i, len - i, &cp);
			if (cp == TEXT_INVALID)
				sb_addstr(&sb, "\xEF\xBF\xBD");
			else if (!cp)
				sb_addch(&sb, ' ');
			else
				sb_add(&sb, t + i, (size_t)l);
			i += (size_t)l;
		}
		cJSON_AddStringToObject(o, "text", sb.buf);
		sb_release(&sb);
		cJSON *cl = cJSON_AddArrayToObject(o, "claims");
		for (size_t i = 0; i < s->nclaims; i++)
			cJSON_AddItemToArray(cl, claim_json(c, s->claims[i]));
		out_json(o);
		return 0;
	}
	out_field("id:", s->id);
	out_field("title:", s->title);
	out_field("outlet:", s->outlet);
	out_field("author:", s->author);
	out_field("published:", s->published);
	out_field("url:", s->url);
	out_field("language:", s->language);
	out_field("file:", s->file);
	out_field("sha256:", s->sha256);
	if (s->original)
		out_field("original:", s->original);
	if (s->nguessed) {
		struct strbuf g = STRBUF_INIT;
		for (size_t i = 0; i < s->nguessed; i++)
			sb_addf(&g, "%s%s", i ? ", " : "", s->guessed[i]);
		out_field("guessed:", g.buf);
		sb_release(&g);
	}
	for (size_t i = 0; i < s->nrepairs; i++) {
		struct strbuf r = STRBUF_INIT;
		const struct repair *rp = &s->repairs[i];
		sb_addf(&r, "%s %s", rp->kind ? rp->kind : "?", rp->action ? rp->action : "?");
		if (rp->count >= 0)
			sb_addf(&r, " (%lld)", rp->count);
		if (rp->detail)
			sb_addf(&r, ": %s", rp->detail);
		out_field("repair:", r.buf);
		sb_release(&r);
	}
	printf("claims:     %zu\n\n", s->nclaims);
	struct strbuf sb = STRBUF_INIT;
	text_sanitize(&sb, t, len, SANITIZE_NEWLINES);
	out_raw(sb.buf, sb.len);
	if (!sb.len || sb.buf[sb.len - 1] != '\n')
		out_str("\n");
	sb_release(&sb);
	return 0;
}

static void out_claim_line(struct corpus *c, size_t i, const char *indent)
{
	struct claim *cl = &c->claims[i];
	struct strbuf v = STRBUF_INIT;
	for (size_t k = 0; k < cl->nvalues; k++) {
		if (k)
			sb_addstr(&v, "; ");
		value_format(&v, &cl->values[k]);
	}
	out_str(indent);
	out_text(cl->id, 0);
	out_str("  ");
	out_text(c->sources[cl->source].id, 0);
	out_str("  ");
	out_text(cl->kind, 0);
	if (cl->speaker) {
		out_str("  ");
		out_text(cl->speaker, 0);
	}
	if (v.len) {
		out_str("  [");
		out_text(v.buf, 0);
		out_str("]");
	}
	out_str("\n");
	out_str(indent);
	out_str("    ");
	out_text(cl->text, 0);
	out_str("\n");
	sb_release(&v);
}

static int cmd_claims(struct corpus *c, const struct cli_args *a)
{
	long only = -1;
	if (a->source && (only = want_source(c, a->source)) < 0)
		return 2;
	if (a->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON *arr = cJSON_AddArrayToObject(o, "claims");
		for (size_t i = 0; i < c->nclaims; i++)
			if (only < 0 || c->claims[i].source == (size_t)only)
				cJSON_AddItemToArray(arr, claim_json(c, i));
		out_json(o);
		return 0;
	}
	for (size_t i = 0; i < c->nclaims; i++)
		if (only < 0 || c->claims[i].source == (size_t)only)
			out_claim_line(c, i, "");
	return 0;
}

static int cmd_topics(struct corpus *c, const struct cli_args *a)
{
	if (a->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON *arr = cJSON_AddArrayToObject(o, "topics");
		for (size_t i = 0; i < c->ntopics; i++)
			cJSON_AddItemToArray(arr, topic_json(c, i));
		out_json(o);
		return 0;
	}
	for (size_t i = 0; i < c->ntopics; i++) {
		struct topic *t = &c->topics[i];
		out_text(t->id, 0);
		out_str("  ");
		out_text(t->label, 0);
		if (t->status) {
			out_str("  [");
			out_text(t->status, 0);
			out_str("]");
		}
		out_str("\n");
		for (size_t k = 0; k < t->nclaims; k++)
			out_claim_line(c, t->claims[k], "  ");
	}
	return 0;
}

static int cmd_summary(struct corpus *c, const struct cli_args *a)
{
	out_text(c->title, 0);
	printf("\n%zu sources, %zu claims, %zu topics\n\n", c->nsources, c->nclaims, c->ntopics);
	return cmd_list(c, a);
}

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
		{ "stats", stats_run, CORPUS_USE_CACHE },
		{ "compare", cmd_compare, CORPUS_USE_CACHE },
		{ "export", cmd_export, CORPUS_USE_CACHE },
		{ "eval-compare", cmd_eval_compare, CORPUS_USE_CACHE },
		{ "search", cmd_search, CORPUS_USE_CACHE },
	};
	int (*run)(struct corpus *, const struct cli_args *) = reader ? reader : cmd_summary;
	unsigned flags = CORPUS_USE_CACHE;
	int code;

	signal(SIGPIPE, SIG_DFL);
	if (a->command && !strcmp(a->command, "bench-align"))
		return cmd_bench_align(a);
	if (a->command && cmd_import_dispatch(a, &code))
		return code;
	if (a->command) {
		size_t i;
		for (i = 0; i < ARRAY_SIZE(cmds); i++)
			if (!strcmp(a->command, cmds[i].name))
				break;
		if (i == ARRAY_SIZE(cmds)) {
			struct strbuf m = STRBUF_INIT;
			text_sanitize(&m, a->command, strlen(a->command), 0);
			fprintf(stderr, "lectern: unknown command \"%s\" (see lectern --help)\n", m.buf);
			sb_release(&m);
			return 2;
		}
		run = cmds[i].run;
		flags = cmds[i].flags;
		if (run != cmd_show && run != cmd_compare && run != cmd_search && a->nrest) {
			fprintf(stderr, "lectern: %s takes no arguments\n", cmds[i].name);
			return 2;
		}
	}
	struct corpus *c = open_corpus(a, flags, &code);
	if (!c)
		return code;
	code = run(c, a);
	corpus_free(c);
	out_flush();
	return code;
}
