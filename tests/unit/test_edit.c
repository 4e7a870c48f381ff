/* test_edit: the index's layout, and saving edits: merges of two writers,
 * conflicts on one object, edits that would break the index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/save.h"
#include "base/sha256.h"
#include "base/util.h"
#include "corpus/edit.h"
#include "corpus/json.h"

static char dir[64], index_path[96];
static const char text[] = "Hello world. Second sentence.";

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/lectern-edit-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	char path[96], hex[65];
	struct strbuf err = STRBUF_INIT, ix = STRBUF_INIT;
	snprintf(path, sizeof path, "%s/s.txt", dir);
	save_file(path, text, strlen(text), &err);
	sha256_hex(text, strlen(text), hex);
	sb_addf(&ix, "{\"schema\": \"lectern-corpus\", \"version\": 1, \"title\": \"t\", "
		"\"x-keep\": {\"a\": [1, 2]},\n"
		"\"sources\": [{\"id\": \"s\", \"title\": null, \"outlet\": null, \"author\": null, "
		"\"published\": null, \"url\": null, \"language\": null, \"file\": \"s.txt\", "
		"\"sha256\": \"%s\"}],\n"
		"\"claims\": [{\"id\": \"c1\", \"source\": \"s\", \"span\": [0, 5], \"text\": \"Hello\", "
		"\"kind\": \"event\", \"origin\": \"curated\"},\n"
		"{\"id\": \"c2\", \"source\": \"s\", \"span\": [6, 11], \"text\": \"world\", "
		"\"kind\": \"event\", \"origin\": \"extracted\"}],\n"
		"\"topics\": []}\n", hex);
	snprintf(index_path, sizeof index_path, "%s/corpus.json", dir);
	int r = save_file(index_path, ix.buf, ix.len, &err);
	sb_release(&ix);
	sb_release(&err);
	return r;
}

static int teardown(void **state)
{
	(void)state;
	return save_rmtree(dir);
}

static void open_ok(struct edit *e)
{
	struct diags dg;
	struct strbuf err = STRBUF_INIT;
	diags_init(&dg);
	assert_int_equal(edit_open(e, index_path, 0, &dg, &err), EDIT_OK);
	diags_release(&dg);
	sb_release(&err);
}

static void set_note(struct edit *e, const char *id, const char *note)
{
	cJSON *c = edit_find(e->work, "claims", id);
	assert_non_null(c);
	cJSON_DeleteItemFromObjectCaseSensitive(c, "note");
	cJSON_AddStringToObject(c, "note", note);
	edit_touch(e, "claims", id);
}

static const char *note_on_disk(const char *id, cJSON **root)
{
	size_t n;
	char *buf = read_file(index_path, 1 << 20, &n);
	assert_non_null(buf);
	*root = cJSON_Parse(buf);
	free(buf);
	const cJSON *note = cJSON_GetObjectItemCaseSensitive(edit_find(*root, "claims", id), "note");
	return cJSON_IsString(note) ? note->valuestring : NULL;
}

static void test_layout(void **state)
{
	(void)state;
	cJSON *j = cJSON_Parse("{\"a\": [1, 3.5, 1e-05, -2], \"b\": {}, \"c\": [], "
			       "\"d\": \"q\\\"\\\\\\n\\u0001 \xE2\x80\x9C\", \"e\": [true, false, null]}");
	struct strbuf out = STRBUF_INIT;
	index_print(j, &out);
	assert_string_equal(out.buf,
		"{\n  \"a\": [\n    1,\n    3.5,\n    1e-05,\n    -2\n  ],\n  \"b\": {},\n  \"c\": [],\n"
		"  \"d\": \"q\\\"\\\\\\n\\u0001 \xE2\x80\x9C\",\n"
		"  \"e\": [\n    true,\n    false,\n    null\n  ]\n}\n");
	sb_release(&out);
	cJSON_Delete(j);
}

/* Two writers load the index; a notes claim ida, then b notes idb; a
 * saves, then b, whose save must return want.  msg gets b's message. */
static void two_writers(const char *ida, const char *idb, int want, struct edit *b,
			struct strbuf *msg)
{
	struct edit a;
	open_ok(&a);
	open_ok(b);
	set_note(&a, ida, "from a");
	set_note(b, idb, "from b");
	assert_int_equal(edit_save(&a, msg), EDIT_OK);
	assert_int_equal(edit_save(b, msg), want);
	edit_close(&a);
}

static void test_two_writers_other_objects(void **state)
{
	(void)state;
	struct edit b;
	struct strbuf msg = STRBUF_INIT;
	two_writers("c1", "c2", EDIT_OK, &b, &msg);
	cJSON *root;
	assert_string_equal(note_on_disk("c1", &root), "from a");
	cJSON_Delete(root);
	assert_string_equal(note_on_disk("c2", &root), "from b");
	/* unknown fields and order kept */
	assert_non_null(cJSON_GetObjectItemCaseSensitive(root, "x-keep"));
	assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "claims"), 0)
			    ->child->valuestring, "c1");
	cJSON_Delete(root);
	edit_close(&b);
	sb_release(&msg);
}

static void test_two_writers_one_object(void **state)
{
	(void)state;
	struct edit b;
	struct strbuf msg = STRBUF_INIT;
	two_writers("c1", "c1", EDIT_INVALID, &b, &msg);
	assert_non_null(strstr(msg.buf, "claim \"c1\" was changed by another writer"));
	cJSON *root;
	assert_string_equal(note_on_disk("c1", &root), "from a");
	cJSON_Delete(root);
	assert_true(edit_dirty(&b));   /* b's edit is still there, unsaved */
	edit_close(&b);
	sb_release(&msg);
}

static void test_added_object_placed(void **state)
{
	(void)state;
	struct edit a, b;
	struct strbuf msg = STRBUF_INIT;
	open_ok(&a);
	open_ok(&b);
	set_note(&a, "c2", "from a");
	/* b adds c3 after c1 */
	cJSON *c3 = cJSON_Duplicate(edit_find(b.work, "claims", "c1"), true);
	cJSON_ReplaceItemInObjectCaseSensitive(c3, "id", cJSON_CreateString("c3"));
	cJSON_ReplaceItemInObjectCaseSensitive(c3, "span", cJSON_Parse("[13, 19]"));
	cJSON_ReplaceItemInObjectCaseSensitive(c3, "text", cJSON_CreateString("Second"));
	edit_insert_after(edit_array(b.work, "claims"), edit_find(b.work, "claims", "c1"), c3);
	edit_touch(&b, "claims", "c3");
	assert_int_equal(edit_save(&a, &msg), EDIT_OK);
	assert_int_equal(edit_save(&b, &msg), EDIT_OK);
	cJSON *root;
	assert_string_equal(note_on_disk("c2", &root), "from a");
	const cJSON *cl = cJSON_GetObjectItemCaseSensitive(root, "claims");
	assert_string_equal(cJSON_GetArrayItem(cl, 1)->child->valuestring, "c3");
	assert_string_equal(cJSON_GetArrayItem(cl, 2)->child->valuestring, "c2");
	cJSON_Delete(root);
	edit_close(&a);
	edit_close(&b);
	sb_release(&msg);
}

static void test_invalid_edit_not_written(void **state)
{
	(void)state;
	struct edit a;
	struct strbuf msg = STRBUF_INIT;
	size_t n0, n1;
	char *before = read_file(index_path, 1 << 20, &n0);
	open_ok(&a);
	cJSON *c = edit_find(a.work, "claims", "c1");
	cJSON_ReplaceItemInObjectCaseSensitive(c, "kind", cJSON_CreateString("rumour"));
	edit_touch(&a, "claims", "c1");
	assert_int_equal(edit_save(&a, &msg), EDIT_INVALID);
	assert_non_null(strstr(msg.buf, "rumour"));
	char *after = read_file(index_path, 1 << 20, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	free(before);
	free(after);
	edit_close(&a);
	sb_release(&msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout),
		cmocka_unit_test_setup_teardown(test_two_writers_other_objects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_writers_one_object, setup, teardown),
		cmocka_unit_test_setup_teardown(test_added_object_placed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_edit_not_written, setup, teardown),
	};
	return cmocka_run_group_tests_name("edit", tests, NULL, NULL);
}
