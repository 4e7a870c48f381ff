/* test_state: the reading state file: round trip, every refusal located,
 * a changed corpus, the file checks (owner, mode, size, symlink), caps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/save.h"
#include "corpus/state.h"

#include "bundled.h"

static struct corpus *c;

static int setup(void **st)
{
	(void)st;
	c = load_bundled();
	return 0;
}

static int teardown(void **st)
{
	(void)st;
	corpus_free(c);
	return 0;
}

/* An identified empty state for the bundled corpus. */
static void fresh(struct reading_state *s)
{
	struct strbuf err = STRBUF_INIT;
	state_init(s, c);
	assert_int_equal(state_identify(s, c, &err), 0);
	sb_release(&err);
}

static struct state_place at(const char *src, size_t off, int pane, const char *claim)
{
	return (struct state_place){ .source = corpus_find_source(c, src), .off = off,
				     .pane = pane, .claim = claim ? corpus_find_claim(c, claim) : -1,
				     .topic = -1 };
}

/* A state with something of everything. */
static void filled(struct reading_state *s)
{
	fresh(s);
	s->here = at("csm", 4000, 1, "csm-03");
	s->marks[0] = at("odr", 819, 1, NULL);
	s->marks[25] = at("mt", 0, 2, "mt-01");
	s->jumps[0] = at("mt", 0, 0, NULL);
	s->jumps[1] = at("odr", 10, 3, NULL);
	s->jumps[1].topic = 4;
	s->jumps[1].top = 2;
	s->jumps[1].col = 3;
	s->jumps[1].drill = true;
	s->jumps[1].dcur = 1;
	s->njumps = 2;
	s->jpos = 1;
	s->read[corpus_find_source(c, "odr")] = true;
	s->read[corpus_find_source(c, "blog")] = true;
	history_add(&s->searches, "troops");
	history_add(&s->searches, "~Лукашенк\\w+");
	history_add(&s->commands, "source csm");
}

static bool same_place(const struct state_place *a, const struct state_place *b)
{
	return a->source == b->source && a->off == b->off && a->pane == b->pane &&
	       a->claim == b->claim && a->topic == b->topic && a->top == b->top &&
	       a->col == b->col && a->drill == b->drill && a->dcur == b->dcur;
}

static void test_round_trip(void **st)
{
	struct reading_state s, t;
	struct strbuf text = STRBUF_INIT, msg = STRBUF_INIT, again = STRBUF_INIT;
	(void)st;
	filled(&s);
	state_format(&s, c, &text);
	assert_non_null(strstr(text.buf, "lectern-state 1\ncorpus "));
	assert_non_null(strstr(text.buf, "\nhere csm 4000 text csm-03 - 0 0 0 0\n"));
	assert_non_null(strstr(text.buf, "\njump odr 10 compare - 4 2 3 1 1\n"));
	fresh(&t);
	assert_int_equal(state_parse(&t, c, "f", text.buf, text.len, &msg), STATE_OK);
	assert_string_equal(msg.buf, "");
	assert_false(t.changed);
	assert_true(same_place(&t.here, &s.here));
	for (int i = 0; i < STATE_MARKS; i++)
		assert_true(same_place(&t.marks[i], &s.marks[i]));
	assert_int_equal(t.njumps, 2);
	assert_int_equal(t.jpos, 1);
	assert_true(same_place(&t.jumps[1], &s.jumps[1]));
	assert_int_equal(t.nread, 2);
	assert_true(t.read[corpus_find_source(c, "blog")]);
	assert_false(t.read[corpus_find_source(c, "mt")]);
	assert_int_equal(t.searches.n, 2);
	assert_string_equal(t.searches.line[1], "~Лукашенк\\w+");
	assert_string_equal(t.commands.line[0], "source csm");
	/* and the same text again */
	state_format(&t, c, &again);
	assert_string_equal(again.buf, text.buf);
	state_release(&s);
	state_release(&t);
	sb_release(&text);
	sb_release(&msg);
	sb_release(&again);
}

/* The text of a good state with line `line` (1-based) replaced by repl,
 * or with repl appended when line is 0. */
static void edited(struct strbuf *out, unsigned line, const char *repl)
{
	struct reading_state s;
	struct strbuf text = STRBUF_INIT;
	filled(&s);
	state_format(&s, c, &text);
	sb_reset(out);
	unsigned n = 1;
	for (const char *p = text.buf; *p;) {
		const char *e = strchr(p, '\n');
		if (n == line)
			sb_addf(out, "%s\n", repl);
		else
			sb_add(out, p, (size_t)(e - p + 1));
		p = e + 1;
		n++;
	}
	if (!line)
		sb_addf(out, "%s\n", repl);
	state_release(&s);
	sb_release(&text);
}

static void refused(unsigned line, const char *repl, const char *want)
{
	struct reading_state s;
	struct strbuf text = STRBUF_INIT, msg = STRBUF_INIT;
	edited(&text, line, repl);
	fresh(&s);
	s.here.off = 77;   /* untouched on refusal */
	if (state_parse(&s, c, "st", text.buf, text.len, &msg) != STATE_IGNORED)
		fail_msg("accepted: %s", repl);
	if (strcmp(msg.buf, want))
		fail_msg("for \"%s\": \"%s\", wanted \"%s\"", repl, msg.buf, want);
	assert_int_equal(s.here.off, 77);
	state_release(&s);
	sb_release(&text);
	sb_release(&msg);
}

static void test_refusals(void **st)
{
	(void)st;
	/* lines of the good text: 1 header, 2 corpus, 3-6 sources (mt odr csm
	 * blog), 7 here, 8 mark a, 9 mark z, 10-11 jumps, 12 jump-at, 13-14
	 * searches, 15 command */
	refused(1, "lectern-stat 1", "st:1: not a lectern state file (no \"lectern-state\" line)");
	refused(1, "lectern-state 2", "st:1: state format \"2\": this lectern reads format 1");
	refused(2, "corpus 12 /x", "st:2: expected: corpus HASH REALPATH");
	refused(2, "corpus 0123456789abcdef /elsewhere/corpus.json", "st:2: the state of another corpus");
	refused(0, "colour red", "st:16: unknown line \"colour\"");
	refused(3, "source mt 00 read", "st:3: expected: source ID SHA256 read|unread");
	refused(3, "source odr 0685b5211fbf5d11eaaccbead96de037105f51ac585daaa58e727371006eebd3 unread",
		"st:4: source \"odr\" twice");
	refused(3, "source mt 0685b5211fbf5d11eaaccbead96de037105f51ac585daaa58e727371006eebd3 read",
		"st:3: source \"mt\": not the SHA-256 of the index");
	refused(3, "source nope 0685b5211fbf5d11eaaccbead96de037105f51ac585daaa58e727371006eebd3 read",
		"st:3: source \"nope\" is not in the corpus");
	refused(7, "here csm 4000 text csm-03 - 0 0 0", "st:7: a place has 9 fields: SOURCE OFFSET PANE CLAIM TOPIC TOP COL DRILL DCUR");
	refused(7, "here csm 4000 text csm-03 - 0 0 0 0 ", "st:7: a place has 9 fields: SOURCE OFFSET PANE CLAIM TOPIC TOP COL DRILL DCUR");
	refused(7, "here csm -1 text csm-03 - 0 0 0 0", "st:7: a field of the place is out of range");
	refused(7, "here csm 07 text csm-03 - 0 0 0 0", "st:7: a field of the place is out of range");
	refused(7, "here csm 4000 window csm-03 - 0 0 0 0", "st:7: a field of the place is out of range");
	refused(7, "here csm 99999999999999999999 text - - 0 0 0 0", "st:7: a field of the place is out of range");
	refused(7, "here csm 0 text - - 0 5 0 0", "st:7: a field of the place is out of range");
	refused(7, "here csm 0 text - - 0 0 2 0", "st:7: a field of the place is out of range");
	refused(7, "here csm 0 text odr-01 - 0 0 0 0", "st:7: claim \"odr-01\" is not a claim of source \"csm\"");
	refused(7, "here conv 0 text - - 0 0 0 0", "st:7: source \"conv\" is not declared by a source line");
	refused(7, "here gone 0 text - - 0 0 0 0", "st:7: source \"gone\" is not in the corpus");
	refused(0, "here csm 0 text - - 0 0 0 0", "st:16: a second here line");
	refused(8, "mark A odr 819 text - - 0 0 0 0", "st:8: a mark is a letter a-z");
	refused(9, "mark a odr 819 text - - 0 0 0 0", "st:9: mark a twice");
	refused(0, "jump mt 0 text - - 0 0 0 0", "st:16: a jump after jump-at");
	refused(12, "jump-at 3", "st:12: jump-at is one number, at most the jumps before it");
	refused(0, "source blog 54bcd77df56b384322a92e7bfa12f03da6806d5d332d6ce19e008a7f0d724493 read",
		"st:16: a source line after the places");
	refused(13, "search a\tb", "st:13: a history line must be 1 to 4096 bytes of UTF-8 without controls");
	refused(13, "search \xff", "st:13: a history line must be 1 to 4096 bytes of UTF-8 without controls");
	refused(13, "search a\xc2\x85" "b", "st:13: a history line must be 1 to 4096 bytes of UTF-8 without controls");
	refused(13, "search ", "st:13: a history line must be 1 to 4096 bytes of UTF-8 without controls");
	struct strbuf big = STRBUF_INIT;
	sb_addstr(&big, "command ");
	for (int i = 0; i < STATE_LINE_MAX + 1; i++)
		sb_addstr(&big, "x");
	refused(15, big.buf, "st:15: a history line must be 1 to 4096 bytes of UTF-8 without controls");
	sb_release(&big);
}

static void test_empty_and_counts(void **st)
{
	struct reading_state s;
	struct strbuf msg = STRBUF_INIT, text = STRBUF_INIT;
	(void)st;
	fresh(&s);
	assert_int_equal(state_parse(&s, c, "st", "", 0, &msg), STATE_IGNORED);
	assert_string_equal(msg.buf, "st: empty");
	sb_reset(&msg);
	edited(&text, 1000, "");   /* the good text */
	/* over 100 searches */
	for (int i = 0; i < STATE_HIST_MAX; i++)
		sb_addf(&text, "search q%d\n", i);
	assert_int_equal(state_parse(&s, c, "st", text.buf, text.len, &msg), STATE_IGNORED);
	assert_non_null(strstr(msg.buf, ": over 100 history lines"));
	state_release(&s);
	sb_release(&msg);
	sb_release(&text);
}

static void test_changed_corpus(void **st)
{
	struct reading_state s;
	struct strbuf text = STRBUF_INIT, msg = STRBUF_INIT;
	(void)st;
	/* another index hash; csm's text changed, a claim id is gone, a source
	 * is gone */
	edited(&text, 2, "");
	struct strbuf t2 = STRBUF_INIT;
	fresh(&s);
	sb_addf(&t2, "lectern-state 1\ncorpus 0000000000000001 %s\n", s.realpath);
	const char *body = strstr(text.buf, "\nsource ") + 1;
	for (const char *p = body; *p;) {
		const char *e = strchr(p, '\n');
		struct strbuf l = STRBUF_INIT;
		sb_add(&l, p, (size_t)(e - p));
		if (!strncmp(l.buf, "source csm ", 11))
			sb_addstr(&t2, "source csm 1111111111111111111111111111111111111111111111111111111111111111 read\n");
		else if (!strncmp(l.buf, "mark z ", 7))
			sb_addstr(&t2, "mark z mt 5 claims mt-999 - 0 0 0 0\n");
		else
			sb_addf(&t2, "%s\n", l.buf);
		p = e + 1;
		sb_release(&l);
	}
	sb_addstr(&t2, "mark q gone 1 text - - 0 0 0 0\n");
	sb_addstr(&t2, "source gone 2222222222222222222222222222222222222222222222222222222222222222 read\n");
	/* a source line after a place is refused even so */
	assert_int_equal(state_parse(&s, c, "st", t2.buf, t2.len, &msg), STATE_IGNORED);
	sb_reset(&msg);
	sb_setlen(&t2, strstr(t2.buf, "source gone") - t2.buf);
	assert_int_equal(state_parse(&s, c, "st", t2.buf, t2.len, &msg), STATE_OK);
	assert_string_equal(msg.buf, "");
	assert_true(s.changed);
	assert_int_equal(s.here.source, -1);           /* in csm: dropped */
	assert_int_equal(s.marks['q' - 'a'].source, -1);  /* a gone source */
	assert_int_equal(s.marks[25].source, corpus_find_source(c, "mt"));
	assert_int_equal(s.marks[25].claim, -1);       /* a gone claim id */
	assert_int_equal(s.marks[0].source, corpus_find_source(c, "odr"));
	assert_int_equal(s.dropped, 2);
	assert_int_equal(s.njumps, 2);
	assert_int_equal(s.jumps[1].topic, -1);        /* Compare cells are not trusted */
	assert_false(s.jumps[1].drill);
	assert_false(s.read[corpus_find_source(c, "csm")]);
	assert_true(s.read[corpus_find_source(c, "odr")]);
	state_release(&s);
	sb_release(&t2);
	sb_release(&text);
	sb_release(&msg);
}

static void test_jumps_dropped_keep_position(void **st)
{
	struct reading_state s;
	struct strbuf msg = STRBUF_INIT, text = STRBUF_INIT;
	(void)st;
	fresh(&s);
	sb_addf(&text, "lectern-state 1\ncorpus 0000000000000001 %s\n"
		"source mt %s read\nsource csm %064d read\n"
		"jump mt 0 text - - 0 0 0 0\njump csm 0 text - - 0 0 0 0\n"
		"jump mt 9 text - - 0 0 0 0\njump csm 1 text - - 0 0 0 0\njump-at 3\n",
		s.realpath, c->sources[corpus_find_source(c, "mt")].sha256, 0);
	assert_int_equal(state_parse(&s, c, "st", text.buf, text.len, &msg), STATE_OK);
	assert_int_equal(s.njumps, 2);
	assert_int_equal(s.jpos, 2);     /* still after "mt 9" */
	assert_int_equal(s.jumps[1].off, 9);
	state_release(&s);
	sb_release(&msg);
	sb_release(&text);
}

static void test_history(void **st)
{
	struct history h = { 0 };
	char line[16];
	(void)st;
	history_add(&h, "  ");
	assert_int_equal(h.n, 0);
	for (int i = 0; i < STATE_HIST_MAX + 5; i++) {
		snprintf(line, sizeof line, "q%d", i);
		history_add(&h, line);
		history_add(&h, line);   /* a repeat of the newest: not added */
	}
	assert_int_equal(h.n, STATE_HIST_MAX);
	assert_string_equal(h.line[0], "q5");
	assert_string_equal(h.line[STATE_HIST_MAX - 1], "q104");
	history_release(&h);
	assert_int_equal(h.n, 0);
}

static void test_files(void **st)
{
	struct reading_state s, t;
	struct strbuf p = STRBUF_INIT, msg = STRBUF_INIT, err = STRBUF_INIT;
	char dir[] = "/tmp/lectern-state.XXXXXX";
	struct stat sb;
	(void)st;
	assert_non_null(mkdtemp(dir));
	setenv("XDG_STATE_HOME", dir, 1);
	filled(&s);
	assert_int_equal(state_path(s.realpath, &p), 0);
	assert_int_equal(strncmp(p.buf, dir, strlen(dir)), 0);
	assert_non_null(strstr(p.buf, "/lectern/"));
	assert_non_null(strstr(p.buf, ".state"));
	fresh(&t);
	assert_int_equal(state_load(&t, c, p.buf, &msg), STATE_NONE);
	assert_int_equal(state_save(&s, c, p.buf, &err), 0);
	assert_int_equal(stat(p.buf, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(state_load(&t, c, p.buf, &msg), STATE_OK);
	assert_int_equal(t.nread, 2);
	/* group-writable, another owner, a symlink, too big: ignored, said */
	chmod(p.buf, 0620);
	assert_int_equal(state_load(&t, c, p.buf, &msg), STATE_IGNORED);
	assert_non_null(strstr(msg.buf, "group or others may write it (mode 0620)"));
	chmod(p.buf, 0600);
	if (geteuid() == 0) {
		sb_reset(&msg);
		assert_int_equal(chown(p.buf, 12345, 0), 0);
		assert_int_equal(state_load(&t, c, p.buf, &msg), STATE_IGNORED);
		assert_non_null(strstr(msg.buf, "owned by uid 12345, not by this user"));
		assert_int_equal(chown(p.buf, 0, 0), 0);
	}
	struct strbuf link = STRBUF_INIT;
	sb_addf(&link, "%s/link.state", dir);
	assert_int_equal(symlink(p.buf, link.buf), 0);
	sb_reset(&msg);
	assert_int_equal(state_load(&t, c, link.buf, &msg), STATE_IGNORED);
	assert_non_null(strstr(msg.buf, "a symlink, not a state file"));
	sb_reset(&link);
	sb_addf(&link, "%s/big.state", dir);
	int fd = open(link.buf, O_CREAT | O_WRONLY, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, STATE_MAX_SIZE + 1), 0);
	close(fd);
	sb_reset(&msg);
	assert_int_equal(state_load(&t, c, link.buf, &msg), STATE_IGNORED);
	assert_non_null(strstr(msg.buf, "over 16777216 bytes"));
	/* forget */
	assert_int_equal(state_forget(p.buf, &err), 1);
	assert_int_equal(state_forget(p.buf, &err), 0);
	assert_int_equal(stat(p.buf, &sb), -1);
	unsetenv("XDG_STATE_HOME");
	setenv("HOME", "/home/x", 1);
	assert_int_equal(state_path("/c/corpus.json", &p), 0);
	assert_int_equal(strncmp(p.buf, "/home/x/.local/state/lectern/", 29), 0);
	assert_int_equal(state_path("/c/new\nline/corpus.json", &p), -1);
	setenv("HOME", "relative", 1);
	assert_int_equal(state_path("/c/corpus.json", &p), -1);
	save_rmtree(dir);
	state_release(&s);
	state_release(&t);
	sb_release(&p);
	sb_release(&msg);
	sb_release(&err);
	sb_release(&link);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_empty_and_counts),
		cmocka_unit_test(test_changed_corpus),
		cmocka_unit_test(test_jumps_dropped_keep_position),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_files),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
