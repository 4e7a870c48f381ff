/*
 * corpus: the in-memory model of a corpus (see lectern-corpus(5)) and the
 * way to load, check and query it.  No curses here.
 *
 * Lifecycle: corpus_load() builds a struct corpus from an index file and
 * frees the JSON tree before it returns, so only lectern's compact structs
 * stay in memory; texts are read on demand by corpus_text().  corpus_free()
 * releases everything.  All strings belong to the corpus (its pool) and live
 * until corpus_free(); fields documented as nullable are NULL for JSON null
 * or an absent optional field.
 *
 * Errors: every problem is added to the caller's diags as
 * "corpus.json:LINE:COL: message" or "sources/x.txt: message"; loading
 * goes on after a problem so that all of them are reported.  corpus_load()
 * returns the corpus only when there was no problem at all; otherwise NULL,
 * with *status (if not NULL) set to LOAD_INVALID, or LOAD_IO when the index
 * itself could not be read.
 */
#ifndef LECTERN_CORPUS_H
#define LECTERN_CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "base/pool.h"
#include "base/strbuf.h"

#define CORPUS_SCHEMA "lectern-corpus"
#define CORPUS_VERSION 1
#define CORPUS_MAX_INDEX (1ull << 31)  /* 2 GiB */
#define CORPUS_MAX_TEXT  (1ull << 30)  /* 1 GiB */

struct span {
	size_t start, end;   /* byte offsets, [start, end) */
};

enum value_type { VALUE_QUANTITY, VALUE_DATE };

struct value {
	enum value_type type;
	/* quantity */
	double num;
	bool has_low, has_high;
	double low, high;
	const char *unit, *counted, *qualifier;   /* nullable */
	/* date */
	const char *date, *precision, *start, *end, *about; /* nullable */
	const char *extra;   /* unknown members as a JSON object, nullable */
};

struct repair {
	const char *kind, *action, *detail;  /* nullable */
	long long count;                     /* -1 when absent */
	const char *extra;
};

struct source {
	const char *id;
	const char *title, *outlet, *author, *published, *url, *language; /* nullable */
	const char *file, *sha256;
	struct span *boiler;          /* boilerplate spans, sorted */
	size_t nboiler;
	bool has_provenance;
	const char *original, *prov_note;   /* nullable */
	const char **guessed;
	size_t nguessed;
	struct repair *repairs;
	size_t nrepairs;
	const char *prov_extra, *extra;
	const char *note;             /* the analyst's note, nullable */
	size_t *claims;               /* claim indexes, by span start */
	size_t nclaims;
	char *text;                   /* NULL until corpus_text() */
	size_t text_len;
};

struct claim {
	const char *id;
	size_t source;                /* index into sources */
	struct span span;
	const char *text, *kind, *origin;
	const char *speaker, *speaker_role;  /* nullable */
	struct value *values;
	size_t nvalues;
	size_t *topics;               /* topic indexes */
	size_t ntopics;
	const char *note;             /* the analyst's note, nullable */
	const char *extra;
};

struct topic {
	const char *id, *label;
	const char *note, *status, *origin;  /* nullable */
	size_t *claims;
	size_t nclaims;
	const char *extra;
};

struct idmap {
	size_t *slots;                /* index + 1, 0 = empty */
	size_t cap;
	size_t seed;                  /* the hash's random start, per map */
};

struct corpus {
	char *index_path;             /* as found */
	char *dir;                    /* its directory, as found */
	const char *title, *description;
	long version;
	struct source *sources;
	size_t nsources;
	struct claim *claims;
	size_t nclaims;
	struct topic *topics;
	size_t ntopics;
	const char *extra;
	struct idmap source_ids, claim_ids, topic_ids;
	struct pool pool;
	char cache_state[64];         /* how the binary cache served this load:
				       * "off", "hit", "written", "stale, rewritten",
				       * "not written: ..." (corpus/cache.h) */
	char *cache_path;             /* the cache read or written, or NULL */
	void *image;                  /* the cache block the model lives in, or NULL */
};

enum {
	CORPUS_CHECK_FILES = 1,  /* read every text: sha256, UTF-8, spans */
	CORPUS_USE_CACHE = 2,    /* read (unless CHECK_FILES) and write the binary
				  * cache of corpus/cache.h */
	CORPUS_READ_CACHE = 4,   /* read the cache when it is valid, never write
				  * it (for a command about to replace the index) */
};

/*
 * Finds the index: arg (an index file or a directory holding corpus.json)
 * if not NULL, else $LECTERN_CORPUS, else ./data/corpus.json, else the
 * installed copy.  Writes the path into out; returns 0, or -1 with a
 * message in out when nothing is found.
 */
int corpus_locate(const char *arg, struct strbuf *out);
/* Whether the file at path lies in the installed data directory (the
 * system's, e.g. /usr/local/share/lectern): nothing is written there, its
 * cache goes to the per-user cache directory.  False when either cannot be
 * resolved. */
bool corpus_installed(const char *path);

enum load_status { LOAD_OK = 0, LOAD_INVALID = 1, LOAD_IO = 2 };

struct corpus *corpus_load(const char *index_path, unsigned flags,
			   struct diags *diags, enum load_status *status);
/*
 * The same, from an index already in memory: buf is malloc'd with a NUL at
 * buf[len] and is taken over (freed) in every case; index_path only names
 * the index in messages and gives the directory texts are read from.
 * corpus_load() is read_file() followed by this; the fuzz targets use it.
 */
struct corpus *corpus_load_buffer(const char *index_path, char *buf, size_t len,
				  unsigned flags, struct diags *diags,
				  enum load_status *status);
void corpus_free(struct corpus *c);

/* Index of the source, claim or topic with that id, or -1. */
long corpus_find_source(const struct corpus *c, const char *id);
long corpus_find_claim(const struct corpus *c, const char *id);
long corpus_find_topic(const struct corpus *c, const char *id);

/* Whether s is a valid id (lectern-corpus(5), IDENTIFIERS). */
bool corpus_id_valid(const char *s);

/* True when provenance.guessed of s lists field ("published", ...). */
bool source_guessed(const struct source *s, const char *field);

/*
 * The text of source i, read on first use and kept.  Returns NULL with a
 * message in err when the file cannot be read (gone, unreadable, outside
 * the corpus directory) or is not what the index says (size).  The
 * returned bytes are not sanitised: draw them through text.h.
 */
const char *corpus_text(struct corpus *c, size_t i, size_t *len,
			struct strbuf *err);
void corpus_text_drop(struct corpus *c, size_t i);
/*
 * Reads the text of source i (kept, as corpus_text() keeps it) and checks
 * it as CORPUS_CHECK_FILES does: SHA-256, UTF-8, NUL bytes, the spans of
 * its claims and boilerplate.  Says nothing: false at any problem (the
 * caller loads again with CORPUS_CHECK_FILES to report it where it
 * stands), and then the source's claims may be left unlinked from it.
 * For a corpus loaded without CORPUS_CHECK_FILES that reads each text
 * once, for the check and for its own work.
 */
bool corpus_text_sound(struct corpus *c, size_t i);

/*
 * Checks a path from an index: relative, no "..", no control characters,
 * no leading '-'.  Returns NULL when fine, else a static message.
 */
const char *corpus_path_problem(const char *rel);
/* Opens dir/rel for reading only if it resolves inside dir; -1 + errno. */
int corpus_open_confined(const char *dir, const char *rel, struct strbuf *err);

#endif
