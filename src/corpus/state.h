/*
 * corpus/state: the reader's reading state of one corpus, kept between
 * runs: the place it was left at (source, position, view), the marks a-z,
 * the jump history, which sources have been read, and the histories of
 * the search and command prompts.  Plain data in the corpus's terms
 * (source and claim indexes); no curses.  The reader gathers and applies
 * it (ui/resume.c).
 *
 * Where: $XDG_STATE_HOME/lectern/HASH.state (else
 * ~/.local/state/lectern/HASH.state), HASH naming the real path of the
 * corpus's index, so that each corpus has its own file.
 *
 * The file (version 1) is lines of a keyword and its fields, written in
 * this order:
 *   lectern-state 1
 *   corpus HASH REALPATH        the index's content hash, its real path
 *   source ID SHA256 read|unread  each source read or named by a place
 *   here PLACE                  where the reader was left
 *   mark LETTER PLACE
 *   jump PLACE                  the jump history, oldest first
 *   jump-at N                   where Ctrl-o and Ctrl-n stand (0..jumps)
 *   search QUERY                the / ? F history, oldest first
 *   command LINE                the : history, oldest first
 * PLACE is "ID OFFSET PANE CLAIM TOPIC TOP COL DRILL DCUR": the source's
 * id, the byte offset of the top line, the focused pane (sources, text,
 * claims, compare, results), a claim id or "-", the Compare view's topic
 * number or "-", its first row, its column's source number, 1 in the
 * drill-down (else 0) and the drill-down's claim.
 *
 * Trust: the file is untrusted input.  It is read only when it is a
 * regular file of this user that neither group nor others may write, at
 * most STATE_MAX_SIZE bytes; every line and field is checked (known
 * keyword, counts within the caps, numbers in range, ids that exist,
 * queries of valid UTF-8 without control characters, at most
 * STATE_LINE_MAX bytes).  Any problem and the whole file is ignored, with
 * one located message ("FILE:LINE: why"); an ignored file is not written
 * over (state_save is not called for it; :forget deletes it).
 *
 * A changed corpus: when the index's hash differs from the file's, a
 * source whose id is gone or whose SHA-256 changed loses its read flag and
 * every place in it (they point into a text that no longer exists); a
 * claim id that is gone or now in another source is dropped from its
 * place; Compare positions are dropped (topic numbers may mean other
 * topics).  state->dropped counts the places dropped.
 */
#ifndef LECTERN_CORPUS_STATE_H
#define LECTERN_CORPUS_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "corpus/corpus.h"

#define STATE_VERSION 1
#define STATE_HIST_MAX 100          /* lines kept in each prompt history */
#define STATE_JUMPS_MAX 100         /* places kept in the jump history */
#define STATE_LINE_MAX 4096         /* bytes of a history line (the prompt's cap) */
#define STATE_MAX_SIZE (16u << 20)  /* the file's size */
#define STATE_MARKS 26

/* The panes a place can focus, as the reader numbers them. */
#define STATE_PANES 5

struct state_place {
	long source;          /* source index, -1: unset */
	size_t off;           /* byte offset of the top line in its text */
	int pane;             /* 0..STATE_PANES-1 */
	long claim;           /* claim index (of that source), -1 none */
	long topic;           /* the Compare view's topic number, -1 none */
	size_t top, col;      /* Compare: first row shown, column's source index */
	bool drill;           /* Compare: in the drill-down, at claim dcur */
	size_t dcur;
};

/* The last lines entered at a prompt, oldest first, copies owned here. */
struct history {
	char *line[STATE_HIST_MAX];
	size_t n;
};

/* Adds a copy of line (leading blanks skipped); an empty line or one equal
 * to the newest is not added; when full, the oldest goes.  Lines over
 * STATE_LINE_MAX bytes are not kept. */
void history_add(struct history *h, const char *line);
void history_release(struct history *h);

struct reading_state {
	struct state_place here;
	struct state_place marks[STATE_MARKS];
	struct state_place jumps[STATE_JUMPS_MAX];
	size_t njumps, jpos;  /* jpos: 0..njumps */
	bool *read;           /* [nsources] of the corpus it was made for */
	size_t nread;         /* how many are set */
	struct history searches, commands;
	uint64_t hash;        /* the index's content hash (state_identify) */
	char *realpath;       /* the index's real path, owned */
	bool changed;         /* read: the file was made for other index bytes */
	size_t dropped;       /* read: places dropped because the corpus changed */
};

/* An empty state for c: nothing set, every source unread.  Release with
 * state_release(). */
void state_init(struct reading_state *s, const struct corpus *c);
void state_release(struct reading_state *s);

/* Fills s->realpath and s->hash from c's index as it is on disk; -1 with
 * a message in err when it cannot be resolved or read. */
int state_identify(struct reading_state *s, const struct corpus *c, struct strbuf *err);

/* The state file of the index whose real path is real, into out; -1 when
 * neither XDG_STATE_HOME nor HOME is an absolute path, or when real holds
 * a control character (a line of the file could not hold it): then there
 * is no state. */
int state_path(const char *real, struct strbuf *out);

enum state_status { STATE_NONE, STATE_OK, STATE_IGNORED };

/*
 * Reads the file at path into s (initialised and identified for c).
 * STATE_NONE: there is no file (nor a directory for it); STATE_OK: s holds what it said (less what
 * a changed corpus dropped); STATE_IGNORED: it was foreign, too big or
 * invalid, s is as it was, and msg says why, one line, with the path (and
 * line).
 */
enum state_status state_load(struct reading_state *s, const struct corpus *c,
			     const char *path, struct strbuf *msg);
/* The same from bytes in memory (file names them in messages): STATE_OK
 * or STATE_IGNORED. */
enum state_status state_parse(struct reading_state *s, const struct corpus *c,
			      const char *file, const char *buf, size_t n, struct strbuf *msg);

/* The file's text for s, at most STATE_MAX_SIZE bytes (the oldest history
 * lines and read flags give way first). */
void state_format(const struct reading_state *s, const struct corpus *c, struct strbuf *out);
/* Writes it atomically (save.c), creating the directory (mode 0700); the
 * file is made 0600.  -1 with "PATH: reason" in err. */
int state_save(const struct reading_state *s, const struct corpus *c, const char *path,
	       struct strbuf *err);
/* Deletes the file at path: 1 deleted, 0 there was none, -1 with err. */
int state_forget(const char *path, struct strbuf *err);

#endif
