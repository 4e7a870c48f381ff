/*
 * fuzz_corpus: the whole loader and validator (corpus_load_buffer() with
 * CORPUS_CHECK_FILES, as `lectern check` runs it) on an index made of the
 * input.  The index sits in a directory made once per process, removed at
 * exit, holding one small text a.txt (see TEXT; the seeds carry its
 * sha256), a text b.txt that check must refuse (BAD), a subdirectory, a
 * FIFO and symlinks to "..", to /dev/zero and to a.txt, so that path
 * confinement is exercised too.  A corpus that
 * loads is then written back as JSON and its texts sanitised, as the
 * commands do.
 * FUZZ_DICT json.dict
 */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus/corpus.h"
#include "corpus/json.h"
#include "fuzz.h"
#include "base/text.h"
#include "base/util.h"

#define TEXT "Troops: about 9,000 near Brest, caf\xC3\xA9 \xE2\x80\x94 2022-02-10.\n"
/* b.txt: what check must refuse (invalid UTF-8, a NUL byte) */
#define BAD "caf\xC3\n\xC0\xAF \x1B[2J\0end\n"

static char dir[64];
static char index_path[96];

static void path_of(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", dir, name);
}

static void cleanup(void)
{
	static const char *const names[] = { "a.txt", "b.txt", "link", "up", "zero", "fifo" };
	char p[128];
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		path_of(p, sizeof p, names[i]);
		unlink(p);
	}
	path_of(p, sizeof p, "d");
	rmdir(p);
	rmdir(dir);
}

static void setup(void)
{
	char p[128];
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/lectern-fuzz.XXXXXX", tmp && strlen(tmp) < 32 ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	atexit(cleanup);
	path_of(p, sizeof p, "a.txt");
	FILE *fp = fopen(p, "w");
	if (!fp || fputs(TEXT, fp) < 0 || fclose(fp))
		abort();
	path_of(p, sizeof p, "b.txt");
	fp = fopen(p, "w");
	if (!fp || fwrite(BAD, 1, sizeof BAD - 1, fp) != sizeof BAD - 1 || fclose(fp))
		abort();
	path_of(p, sizeof p, "d");
	mkdir(p, 0700);
	path_of(p, sizeof p, "fifo");
	mkfifo(p, 0600);
	path_of(p, sizeof p, "link");
	if (symlink("a.txt", p) < 0)
		abort();
	path_of(p, sizeof p, "up");
	if (symlink("..", p) < 0)
		abort();
	path_of(p, sizeof p, "zero");
	if (symlink("/dev/zero", p) < 0)
		abort();
	path_of(index_path, sizeof index_path, "corpus.json");
}

static void use(struct corpus *c)
{
	struct strbuf sb = STRBUF_INIT;
	cJSON *all = corpus_json(c);
	char *s = cJSON_PrintUnformatted(all);
	FUZZ_ASSERT(s);
	cJSON_free(s);
	cJSON_Delete(all);
	for (size_t i = 0; i < c->nclaims; i++) {
		FUZZ_ASSERT(c->claims[i].source < c->nsources);
		for (size_t k = 0; k < c->claims[i].nvalues; k++)
			value_format(&sb, &c->claims[i].values[k]);
		text_sanitize(&sb, c->claims[i].text, strlen(c->claims[i].text), 0);
	}
	for (size_t i = 0; i < c->nsources; i++) {
		size_t len;
		const char *t = corpus_text(c, i, &len, &sb);
		/* it loaded with CORPUS_CHECK_FILES: every text is readable and
		 * is the one text in the directory */
		FUZZ_ASSERT(t && len == strlen(TEXT) && !memcmp(t, TEXT, len));
		for (size_t k = 0; k < c->sources[i].nclaims; k++) {
			const struct claim *cl = &c->claims[c->sources[i].claims[k]];
			FUZZ_ASSERT(cl->span.start < cl->span.end && cl->span.end <= len);
		}
		corpus_text_drop(c, i);
	}
	sb_release(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags dg;
	enum load_status st;

	if (!*dir)
		setup();
	char *buf = xmalloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	diags_init(&dg);
	struct corpus *c = corpus_load_buffer(index_path, buf, size, CORPUS_CHECK_FILES,
					      &dg, &st);
	FUZZ_ASSERT((c != NULL) == (st == LOAD_OK));
	FUZZ_ASSERT((c != NULL) == (diags_count(&dg) == 0));
	for (size_t i = 0; i < dg.n; i++)
		fuzz_check_message(dg.lines[i]);
	if (c)
		use(c);
	corpus_free(c);
	diags_release(&dg);
	return 0;
}
