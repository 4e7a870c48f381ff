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
	X(list,   "list",                  "list the sources: id, date, outlet, claims, title") \
	X(show,   "show SOURCE",           "print a source's metadata and its text") \
	X(claims, "claims [--source ID]",  "list the claims, of all sources or of one") \
	X(topics, "topics",                "list the topics and the claims each groups") \
	X(stats,  "stats",                 "load the corpus and report counts, cache use, memory and time")

#define OPTION_INFO(X) \
	X(CORPUS,  "corpus",  0,   "PATH", "the corpus: an index file or the directory holding corpus.json") \
	X(JSON,    "json",    0,   NULL,   "print JSON instead of text (list, show, claims, topics)") \
	X(SOURCE,  "source",  0,   "ID",   "with claims: only the claims of source ID") \
	X(HELP,    "help",    'h', NULL,   "print this help and exit") \
	X(VERSION, "version", 'V', NULL,   "print the version and exit")

enum option_id {
#define X(id, name, letter, arg, help) OPT_##id,
	OPTION_INFO(X)
#undef X
	OPT_COUNT
};

#endif
