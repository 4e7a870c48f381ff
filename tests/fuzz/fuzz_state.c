/*
 * fuzz_state: the reading state parser, state_parse(), on the bytes as a
 * state file's contents, for a small corpus built once from an index in
 * memory (two sources, two claims).  Checked: a refusal leaves the state
 * as it was and says why in one display-safe "st:LINE: message"; what is
 * accepted names only sources and claims of the corpus (a claim of the
 * place's own source), panes and marks in range, jump-at within the
 * jumps, history lines of UTF-8 without controls; written back and read
 * again it is the same text (the format is a fixed point).
 * FUZZ_DICT state.dict
 */
#include <string.h>

#include "base/util.h"
#include "corpus/corpus.h"
#include "corpus/state.h"
#include "fuzz.h"

#define SHA "2344fbb629306e22e9f2f1d30266af06de272db773ff3e4a7c51b76a3e7041c0"
static const char index_json[] =
	"{\"schema\": \"lectern-corpus\", \"version\": 1, \"title\": \"F\", \"description\": null,\n"
	" \"sources\": [\n"
	"  {\"id\": \"a\", \"title\": null, \"outlet\": null, \"author\": null, \"published\": null,\n"
	"   \"url\": null, \"language\": null, \"file\": \"a.txt\", \"sha256\": \"" SHA "\"},\n"
	"  {\"id\": \"b\", \"title\": null, \"outlet\": null, \"author\": null, \"published\": null,\n"
	"   \"url\": null, \"language\": null, \"file\": \"b.txt\", \"sha256\": \"" SHA "\"}],\n"
	" \"claims\": [\n"
	"  {\"id\": \"c1\", \"source\": \"a\", \"span\": [0, 4], \"text\": \"abcd\", \"kind\": \"event\",\n"
	"   \"origin\": \"curated\", \"topics\": [], \"values\": []},\n"
	"  {\"id\": \"c2\", \"source\": \"b\", \"span\": [0, 4], \"text\": \"abcd\", \"kind\": \"event\",\n"
	"   \"origin\": \"curated\", \"topics\": [], \"values\": []}],\n"
	" \"topics\": []}\n";

static struct corpus *c;

static void cleanup(void)
{
	corpus_free(c);
}

static void setup(void)
{
	struct diags d;
	char *buf = xstrdup(index_json);

	diags_init(&d);
	c = corpus_load_buffer("/fuzz/corpus.json", buf, strlen(buf), 0, &d, NULL);
	diags_release(&d);
	FUZZ_ASSERT(c);
	atexit(cleanup);
}

static void check_place(const struct state_place *p)
{
	if (p->source < 0)
		return;
	FUZZ_ASSERT((size_t)p->source < c->nsources);
	FUZZ_ASSERT(p->pane >= 0 && p->pane < STATE_PANES);
	FUZZ_ASSERT(p->claim < 0 || ((size_t)p->claim < c->nclaims &&
				     c->claims[p->claim].source == (size_t)p->source));
	FUZZ_ASSERT(p->col < c->nsources);
}

static void check_history(const struct history *h)
{
	FUZZ_ASSERT(h->n <= STATE_HIST_MAX);
	for (size_t i = 0; i < h->n; i++) {
		size_t n = strlen(h->line[i]);
		FUZZ_ASSERT(n && n <= STATE_LINE_MAX);
		fuzz_check_message(h->line[i]);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reading_state s, t;
	struct strbuf msg = STRBUF_INIT, text = STRBUF_INIT, again = STRBUF_INIT;

	if (!c)
		setup();
	state_init(&s, c);
	s.realpath = xstrdup("/fuzz/corpus.json");
	s.hash = 0x0123456789abcdefull;
	s.here.off = 7;
	enum state_status st = state_parse(&s, c, "st", (const char *)data, size, &msg);
	FUZZ_ASSERT(st == STATE_OK || st == STATE_IGNORED);
	if (st == STATE_IGNORED) {
		FUZZ_ASSERT(s.here.off == 7 && !s.njumps && !s.nread);
		FUZZ_ASSERT(!strncmp(msg.buf, "st:", 3));
		fuzz_check_message(msg.buf);
	} else {
		FUZZ_ASSERT(!msg.len);
		check_place(&s.here);
		for (int i = 0; i < STATE_MARKS; i++)
			check_place(&s.marks[i]);
		FUZZ_ASSERT(s.njumps <= STATE_JUMPS_MAX && s.jpos <= s.njumps);
		for (size_t i = 0; i < s.njumps; i++) {
			FUZZ_ASSERT(s.jumps[i].source >= 0);
			check_place(&s.jumps[i]);
		}
		check_history(&s.searches);
		check_history(&s.commands);
		/* written back and read again: the same text */
		state_format(&s, c, &text);
		state_init(&t, c);
		t.realpath = xstrdup(s.realpath);
		t.hash = s.hash;
		FUZZ_ASSERT(state_parse(&t, c, "st", text.buf, text.len, &msg) == STATE_OK);
		state_format(&t, c, &again);
		FUZZ_ASSERT(!strcmp(text.buf, again.buf));
		state_release(&t);
	}
	state_release(&s);
	sb_release(&msg);
	sb_release(&text);
	sb_release(&again);
	return 0;
}
