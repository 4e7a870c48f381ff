/*
 * corpus/edit: curation: edits of an index made on its JSON tree, and the
 * one way they are saved (lectern-corpus(5), SAVING AND LOCKING).
 *
 * Lifecycle: edit_open() reads the index once.  From the same bytes it
 * keeps their SHA-256, the JSON tree as read (base) and a copy the edits
 * change (work), and loads the model (e->c) the edits are checked
 * against.  An edit changes work through the caller and names each object
 * it changed, added or removed with edit_touch().  edit_save() writes
 * the edits; edit_close() frees everything.  The struct is the caller's;
 * every pointer in it belongs to it after edit_open() and until
 * edit_close().
 *
 * Objects are those of the arrays "sources", "claims", "topics" and
 * "rejected", known by their "id".  An edit keeps every other member,
 * unknown fields included, and the order of members and objects.
 *
 * Saving: under an exclusive lock (flock) on the lock file ".NAME.lock"
 * beside the index (the file a symlink leads to), edit_save() reads the
 * index again.  When its bytes are those loaded, work is written as it
 * is.  When another writer saved meanwhile, the touched objects are
 * carried over to what is on disk now: each must be on disk as it was
 * loaded (else nothing is written and the conflict names the object),
 * and then it is replaced, removed, or added after the object that
 * precedes it in work.  What would be written is checked as the loader
 * checks an index (every problem in the message; nothing written), then
 * written by save_file() (temporary file, fsync, rename: a kill leaves the
 * old index or the new one) in index_print()'s layout.  After a save,
 * base and work are what was written, nothing is touched, and e->c is
 * the model of what was written (the old model is freed: a caller that
 * shows e->c takes the new one before using it again).
 */
#ifndef LECTERN_CORPUS_EDIT_H
#define LECTERN_CORPUS_EDIT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/strbuf.h"
#include "corpus/corpus.h"

struct edit_touch {
	char *coll;                /* "claims", "topics", "sources", "rejected" */
	char *id;
};

struct edit {
	char *path;                /* the index, as named */
	cJSON *base, *work;
	unsigned char hash[32];    /* of the bytes base was read from */
	struct corpus *c;          /* the model of base */
	struct edit_touch *touched;
	size_t ntouched, cap;
};

/* Results of edit_open() and edit_save(), also the exit statuses. */
enum { EDIT_OK = 0, EDIT_INVALID = 1, EDIT_IO = 2 };

/*
 * Reads and loads the index at path (corpus_load() flags).  EDIT_OK; or
 * EDIT_INVALID with the index's problems in dg, or EDIT_IO with a message
 * in err, e left empty (edit_close() is still safe).
 */
int edit_open(struct edit *e, const char *path, unsigned flags, struct diags *dg,
	      struct strbuf *err);
void edit_close(struct edit *e);

/* The object of array coll of root with that id, or NULL. */
cJSON *edit_find(const cJSON *root, const char *coll, const char *id);
/* The array coll of root, made (as a new last member) when absent. */
cJSON *edit_array(cJSON *root, const char *coll);
/* Puts item into array arr after the element after (first when NULL).
 * (cJSON_InsertItemInArray() of some cJSON releases fails.) */
void edit_insert_after(cJSON *arr, cJSON *after, cJSON *item);
/* Records that object id of coll was changed, added or removed in work. */
void edit_touch(struct edit *e, const char *coll, const char *id);
/* Makes object id of coll in work a copy of obj (NULL: removes it); a new
 * one goes after the object whose id is after (NULL or absent: first).
 * Touches it.  Undo and redo put an object back this way. */
void edit_put(struct edit *e, const char *coll, const char *id, const cJSON *obj,
	      const char *after);
/* The id of the object before object id in array coll of root, or NULL
 * (first, or absent).  It points into root. */
const char *edit_prev_id(const cJSON *root, const char *coll, const char *id);
/* What an object of coll is called: "claim", "rejected claim", ... */
void edit_kind_name(struct strbuf *out, const char *coll);
/* Whether anything touched differs in work from base. */
bool edit_dirty(const struct edit *e);

/*
 * Saves the edits as the header says.  EDIT_OK; EDIT_INVALID with the
 * conflict, or the problems the edits would make, in msg; EDIT_IO with
 * msg "PATH: reason" (lock, read or write).  Nothing is written unless
 * EDIT_OK.
 */
int edit_save(struct edit *e, struct strbuf *msg);

#endif
