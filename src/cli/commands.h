/*
 * commands: the one table of lectern's commands and command-line options.
 * --help, the man page's lists and the tests that compare them are all
 * driven from here.
 *
 * COMMAND_INFO(X): X(name, synopsis, summary)
 * OPTION_INFO(X):  X(ID, long name, short letter or 0, argument or NULL,
 *                    summary)
 */
#ifndef LECTERN_COMMANDS_H
#define LECTERN_COMMANDS_H

#define LECTERN_VERSION "0.1.0"

#define COMMAND_INFO(X) \
	X(check,  "check",                 "validate the corpus: JSON, schema, ids, references, paths, files, checksums, spans") \
	X(list,   "list",                  "list the sources: id, date (? when guessed), outlet, claims, title") \
	X(show,   "show SOURCE",           "print a source's metadata and its text") \
	X(claims, "claims [--source ID]",  "list the claims, of all sources or of one") \
	X(topics, "topics",                "list the topics and the claims each groups") \
	X(stats,  "stats",                 "load the corpus and report counts, cache use, memory and time") \
	X(compare, "compare [TOPIC]",      "line up the claims of each topic across sources: values, pairwise verdicts, status") \
	X(export, "export --format FMT",   "write claims, topics and the topic-by-source matrix as json, csv (one table, --what) or a md report") \
	X(import, "import PATH...",        "make a corpus in --output DIR from .txt/.html files or folders") \
	X(extract, "extract",              "add extracted claims to the corpus, keeping curated ones") \
	X(claim_add, "claim add SOURCE START END", "add a curated claim on bytes START..END of SOURCE; kind, speaker and values proposed by the extractor (--kind, --speaker, --note)") \
	X(claim_edit, "claim edit ID",     "change a claim (--kind, --speaker, --note, --value with --unit and --counted, --date); it becomes curated") \
	X(claim_rm, "claim rm ID",         "remove a claim, and take it out of its topics") \
	X(claim_reject, "claim reject ID", "remove a claim and record it as rejected, so that extract does not bring it back") \
	X(topic_add, "topic add ID CLAIM...", "add a curated topic of the claims (--label, required; --note, --relation)") \
	X(topic_link, "topic link TOPIC CLAIM...", "add the claims to a topic") \
	X(topic_unlink, "topic unlink TOPIC CLAIM...", "take the claims out of a topic") \
	X(topic_set, "topic set TOPIC",    "set a topic's --relation, --note or --label; it becomes curated") \
	X(note,   "note TARGET TEXT",      "set the note of a claim, topic or source (KIND/ID when ids clash; empty TEXT removes it)") \
	X(eval,   "eval --against INDEX",  "measure the claim extractor against the curated claims of INDEX") \
	X(related, "related [CLAIM]",      "rank each claim's counterparts in other sources, best first, with verdicts where earned (--k N, --json)") \
	X(eval_compare, "eval-compare",    "score automatic topics and verdicts against the curated topics") \
	X(cite,   "cite CLAIM",            "print a claim as a citation: quote, outlet, title, author, date, url, id (--format)") \
	X(search, "search QUERY",         "search every text for QUERY (--count: matches per source, like rg -c)") \
	X(completion, "completion SHELL",  "print the bash or zsh completion script (or the sources, claims or topics ids it completes)") \
	X(bench_align, "bench-align [N]",  "align N synthetic claims (default 100000): time and memory")

#define OPTION_INFO(X) \
	X(CORPUS,  "corpus",  0,   "PATH", "the corpus: an index file or the directory holding corpus.json") \
	X(JSON,    "json",    0,   NULL,   "print JSON instead of text (list, show, claims, topics; the changed objects of claim, topic, note)") \
	X(SOURCE,  "source",  0,   "ID",   "with claims: only the claims of source ID") \
	X(AUTO_ONLY, "auto-only", 0, NULL,  "with compare and export: ignore curated topics (eval-compare always does)") \
	X(FORMAT,  "format",  0,   "FMT",  "with export: csv, json or md; with cite: plain (default), markdown, bibtex or csl-json") \
	X(WHAT,    "what",    0,   "TABLE", "with export --format csv: the table, claims (default), topics or matrix") \
	X(OUTPUT,  "output",  0,   "DIR",  "with import: the corpus directory to write") \
	X(FORCE,   "force",   0,   NULL,   "with import: replace an existing corpus") \
	X(AGAINST, "against", 0,   "INDEX", "with eval and eval-compare: the corpus whose curated claims and topics are the yardstick") \
	X(KIND,    "kind",    0,   "K",    "with claim add and edit: quantity, date, statement, quote, assessment or event") \
	X(SPEAKER, "speaker", 0,   "S",    "with claim add and edit: who says it (empty: nobody)") \
	X(NOTE,    "note",    0,   "TEXT", "with claim add and edit, topic add and set: the note (empty: none)") \
	X(VALUE,   "value",   0,   "N",    "with claim edit: the figure, with --unit (and --counted): the claim's quantity") \
	X(UNIT,    "unit",    0,   "UNIT", "with claim edit --value: what the figure counts in (troops, km, percent)") \
	X(COUNTED, "counted", 0,   "WHAT", "with claim edit --value: what is counted") \
	X(DATE,    "date",    0,   "DATE", "with claim edit: the date (YYYY, YYYY-MM or YYYY-MM-DD): the claim's date") \
	X(LABEL,   "label",   0,   "TEXT", "with topic add and set: the topic's label") \
	X(RELATION, "relation", 0, "R",    "with topic add and set: agree, differ, conflict, different-measure or timeline (empty: none)") \
	X(THEME,   "theme",   0,   "NAME", "the reader's colour theme: a name in themes/ or a path") \
	X(NO_STATE, "no-state", 0, NULL,   "the reader neither restores nor saves its reading state") \
	X(QUIET,   "quiet",   0,   NULL,   "no progress line on stderr (shown only when stderr is a terminal)") \
	X(COUNTS,  "count",   0,   NULL,   "with search: print matches per source, not each match") \
	X(REPEAT,  "repeat",  0,   "N",    "with search: answer the query N times (the index after the first), timing each") \
	X(K,       "k",       0,   "N",    "with related: counterparts per claim (default 5, at most 100)") \
	X(HELP,    "help",    'h', NULL,   "print this help and exit") \
	X(KEYS,    "keys",    0,   NULL,   "with --help: only the keys, as bound after the config file's bind lines") \
	X(VERSION, "version", 'V', NULL,   "print the version and exit")

enum option_id {
#define X(id, name, letter, arg, help) OPT_##id,
	OPTION_INFO(X)
#undef X
	OPT_COUNT
};

#endif
