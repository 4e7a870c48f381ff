/* corpus/edit: curation edits on an index's JSON tree, saved under a lock with a merge. */
#include "corpus/edit.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "base/save.h"
#include "base/sha256.h"
#include "base/util.h"
#include "corpus/json.h"

static void hash_bytes(const char *buf, size_t len, unsigned char out[32])
{
	struct sha256 h;
	sha256_init(&h);
	sha256_update(&h, buf, len);
	sha256_final(&h, out);
}

int edit_open(struct edit *e, const char *path, unsigned flags, struct diags *dg,
	      struct strbuf *err)
{
	size_t len;
	memset(e, 0, sizeof *e);
	char *buf = read_file(path, CORPUS_MAX_INDEX, &len);
	if (!buf) {
		sb_addf(err, "%s: %s", path, strerror(errno));
		return EDIT_IO;
	}
	hash_bytes(buf, len, e->hash);
	char *copy = xmalloc(len + 1);
	memcpy(copy, buf, len + 1);
	enum load_status st;
	/* the model first: it checks what the tree is then trusted to be */
	e->c = corpus_load_buffer(path, copy, len, flags, dg, &st);
	if (!e->c) {
		free(buf);
		if (st == LOAD_IO && !diags_count(dg))
			sb_addf(err, "%s: cannot be read", path);
		return st == LOAD_IO ? EDIT_IO : EDIT_INVALID;
	}
	e->base = cJSON_ParseWithLength(buf, len);
	free(buf);
	if (!e->base)
		die("out of memory");
	e->work = cJSON_Duplicate(e->base, true);
	if (!e->work)
		die("out of memory");
	e->path = xstrdup(path);
	return EDIT_OK;
}

void edit_close(struct edit *e)
{
	for (size_t i = 0; i < e->ntouched; i++) {
		free(e->touched[i].coll);
		free(e->touched[i].id);
	}
	free(e->touched);
	cJSON_Delete(e->base);
	cJSON_Delete(e->work);
	if (e->c)
		corpus_free(e->c);
	free(e->path);
	memset(e, 0, sizeof *e);
}

static const char *obj_id(const cJSON *o)
{
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
	return cJSON_IsString(id) ? id->valuestring : NULL;
}

cJSON *edit_find(const cJSON *root, const char *coll, const char *id)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, coll);
	for (cJSON *o = a ? a->child : NULL; o; o = o->next) {
		const char *oid = obj_id(o);
		if (oid && !strcmp(oid, id))
			return o;
	}
	return NULL;
}

cJSON *edit_array(cJSON *root, const char *coll)
{
	cJSON *a = cJSON_GetObjectItemCaseSensitive(root, coll);
	if (!cJSON_IsArray(a)) {
		cJSON_DeleteItemFromObjectCaseSensitive(root, coll);
		a = cJSON_AddArrayToObject(root, coll);
	}
	return a;
}

void edit_insert_after(cJSON *arr, cJSON *after, cJSON *item)
{
	if (after ? !after->next : !arr->child) {
		cJSON_AddItemToArray(arr, item);
	} else if (!after) {
		item->next = arr->child;
		item->prev = arr->child->prev;   /* the first's prev is the last */
		arr->child->prev = item;
		arr->child = item;
	} else {
		item->prev = after;
		item->next = after->next;
		after->next->prev = item;
		after->next = item;
	}
}

void edit_touch(struct edit *e, const char *coll, const char *id)
{
	for (size_t i = 0; i < e->ntouched; i++)
		if (!strcmp(e->touched[i].coll, coll) && !strcmp(e->touched[i].id, id))
			return;
	if (e->ntouched == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 8;
		e->touched = xrealloc(e->touched, e->cap * sizeof *e->touched);
	}
	e->touched[e->ntouched].coll = xstrdup(coll);
	e->touched[e->ntouched].id = xstrdup(id);
	e->ntouched++;
}

/* Whether a and b (either may be NULL) are the same object. */
static bool same(const cJSON *a, const cJSON *b)
{
	if (!a || !b)
		return !a && !b;
	return cJSON_Compare(a, b, true);
}

bool edit_dirty(const struct edit *e)
{
	for (size_t i = 0; i < e->ntouched; i++) {
		const struct edit_touch *t = &e->touched[i];
		if (!same(edit_find(e->base, t->coll, t->id), edit_find(e->work, t->coll, t->id)))
			return true;
	}
	return false;
}

void edit_kind_name(struct strbuf *out, const char *coll)
{
	if (!strcmp(coll, "rejected"))
		sb_addstr(out, "rejected claim");
	else
		sb_add(out, coll, strlen(coll) - 1);
}

/* Makes the object id of coll in dst what obj is (NULL: removes it); a
 * new one goes after the nearest object before obj in from (the tree obj
 * is in) that dst holds too, else first. */
static void put(cJSON *dst, const cJSON *from, const cJSON *obj, const char *coll,
		const char *id)
{
	cJSON *d = edit_find(dst, coll, id);
	cJSON *a = edit_array(dst, coll);
	if (!obj) {
		if (d)
			cJSON_Delete(cJSON_DetachItemViaPointer(a, d));
		return;
	}
	cJSON *copy = cJSON_Duplicate(obj, true);
	if (!copy)
		die("out of memory");
	if (d) {
		cJSON_ReplaceItemViaPointer(a, d, copy);
		return;
	}
	const cJSON *fa = cJSON_GetObjectItemCaseSensitive(from, coll);
	cJSON *anchor = NULL;
	for (const cJSON *o = fa->child; o && o != obj; o = o->next) {
		cJSON *x = obj_id(o) ? edit_find(dst, coll, obj_id(o)) : NULL;
		if (x)
			anchor = x;
	}
	edit_insert_after(a, anchor, copy);
}

/* Carries object t of work over to disk (the tree on disk now).  -1 with
 * msg naming it when disk does not hold it as base did. */
static int carry(const struct edit *e, cJSON *disk, const struct edit_touch *t,
		 struct strbuf *msg)
{
	cJSON *b = edit_find(e->base, t->coll, t->id);
	cJSON *w = edit_find(e->work, t->coll, t->id);
	if (same(b, w))
		return 0;
	cJSON *d = edit_find(disk, t->coll, t->id);
	if (!same(d, b)) {
		edit_kind_name(msg, t->coll);
		sb_addf(msg, " \"%s\" was %s by another writer since this one loaded the index",
			t->id, !d ? "removed" : !b ? "added" : "changed");
		return -1;
	}
	put(disk, e->work, w, t->coll, t->id);
	return 0;
}

void edit_put(struct edit *e, const char *coll, const char *id, const cJSON *obj,
	      const char *after)
{
	cJSON *a = edit_array(e->work, coll);
	cJSON *d = edit_find(e->work, coll, id);
	if (!obj) {
		if (d)
			cJSON_Delete(cJSON_DetachItemViaPointer(a, d));
	} else {
		cJSON *copy = cJSON_Duplicate(obj, true);
		if (!copy)
			die("out of memory");
		if (d)
			cJSON_ReplaceItemViaPointer(a, d, copy);
		else
			edit_insert_after(a, after ? edit_find(e->work, coll, after) : NULL, copy);
	}
	edit_touch(e, coll, id);
}

const char *edit_prev_id(const cJSON *root, const char *coll, const char *id)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, coll);
	const char *prev = NULL;
	for (const cJSON *o = a ? a->child : NULL; o; o = o->next) {
		const char *oid = obj_id(o);
		if (oid && !strcmp(oid, id))
			return prev;
		if (oid)
			prev = oid;
	}
	return NULL;
}

/* The lock file's path: ".NAME.lock" beside the file the index resolves to. */
static void lock_path(const char *index, struct strbuf *out)
{
	char real[PATH_MAX];
	const char *p = realpath(index, real) ? real : index;
	const char *slash = strrchr(p, '/');
	if (slash)
		sb_add(out, p, (size_t)(slash - p + 1));
	sb_addf(out, ".%s.lock", slash ? slash + 1 : p);
}

static void diags_to(struct strbuf *msg, const struct diags *dg)
{
	for (size_t i = 0; i < dg->n; i++)
		sb_addf(msg, "%s%s", i ? "\n" : "", dg->lines[i]);
	if (dg->dropped)
		sb_addf(msg, "\n... and %zu more", dg->dropped);
}

/* Writes tree through save_file() once it loads as an index would. */
static int write_checked(struct edit *e, const cJSON *tree, struct strbuf *msg)
{
	struct strbuf text = STRBUF_INIT;
	index_print(tree, &text);
	struct diags dg;
	enum load_status st;
	diags_init(&dg);
	char *copy = xmalloc(text.len + 1);
	memcpy(copy, text.buf, text.len + 1);
	struct corpus *c = corpus_load_buffer(e->path, copy, text.len, 0, &dg, &st);
	int r = EDIT_OK;
	if (!c) {
		sb_addstr(msg, "the edit would make the index invalid:\n");
		diags_to(msg, &dg);
		r = EDIT_INVALID;
	} else if (save_file(e->path, text.buf, text.len, msg) < 0) {
		r = EDIT_IO;
	} else {
		hash_bytes(text.buf, text.len, e->hash);
		/* the model of what was written is the model of base now */
		corpus_free(e->c);
		e->c = c;
		c = NULL;
	}
	if (c)
		corpus_free(c);
	diags_release(&dg);
	sb_release(&text);
	return r;
}

int edit_save(struct edit *e, struct strbuf *msg)
{
	struct strbuf lp = STRBUF_INIT;
	lock_path(e->path, &lp);
	int fd = open(lp.buf, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0 || flock(fd, LOCK_EX) < 0) {
		sb_addf(msg, "%s: cannot lock the index: %s", lp.buf, strerror(errno));
		if (fd >= 0)
			close(fd);
		sb_release(&lp);
		return EDIT_IO;
	}
	sb_release(&lp);
	size_t len;
	char *buf = read_file(e->path, CORPUS_MAX_INDEX, &len);
	int r = EDIT_OK;
	cJSON *merged = NULL;
	if (!buf) {
		sb_addf(msg, "%s: %s", e->path, strerror(errno));
		r = EDIT_IO;
	} else {
		unsigned char now[32];
		hash_bytes(buf, len, now);
		if (!memcmp(now, e->hash, sizeof now)) {
			merged = cJSON_Duplicate(e->work, true);
		} else if (!(merged = cJSON_ParseWithLength(buf, len))) {
			sb_addf(msg, "%s: changed by another writer and no longer JSON", e->path);
			r = EDIT_INVALID;
		} else {
			for (size_t i = 0; i < e->ntouched && r == EDIT_OK; i++)
				if (carry(e, merged, &e->touched[i], msg) < 0)
					r = EDIT_INVALID;
		}
		free(buf);
	}
	if (r == EDIT_OK)
		r = write_checked(e, merged, msg);
	close(fd);   /* the lock goes with it */
	if (r == EDIT_OK) {
		cJSON_Delete(e->base);
		cJSON_Delete(e->work);
		e->base = merged;
		e->work = cJSON_Duplicate(merged, true);
		for (size_t i = 0; i < e->ntouched; i++) {
			free(e->touched[i].coll);
			free(e->touched[i].id);
		}
		e->ntouched = 0;
	} else {
		cJSON_Delete(merged);
	}
	return r;
}
