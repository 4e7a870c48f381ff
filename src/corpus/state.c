/* corpus/state: the reading state file of a corpus, read as untrusted input. */
#include "corpus/state.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/conffile.h"
#include "base/save.h"
#include "base/text.h"
#include "base/util.h"
#include "corpus/cache.h"

#define SEED_STATE 0x7374617465212121ull
#define STATE_MAGIC "lectern-state"

static const char *const pane_names[STATE_PANES] = {
	"sources", "text", "claims", "compare", "results",
};

/* ---- histories ---- */

/* A line a history may hold: valid UTF-8, no control character, not
 * empty, at most STATE_LINE_MAX bytes. */
static bool hist_line_ok(const char *s, size_t n)
{
	if (!n || n > STATE_LINE_MAX || utf8_validate(s, n) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x20 || ch == 0x7f)
			return false;
		/* a C1 control, U+0080..U+009F (the text is valid UTF-8) */
		if (ch == 0xC2 && (unsigned char)s[i + 1] <= 0x9F)
			return false;
	}
	return true;
}

void history_add(struct history *h, const char *line)
{
	while (*line == ' ' || *line == '\t')
		line++;
	size_t n = strlen(line);
	if (!n || n > STATE_LINE_MAX || (h->n && !strcmp(h->line[h->n - 1], line)))
		return;
	if (h->n == STATE_HIST_MAX) {   /* full: the oldest goes */
		free(h->line[0]);
		memmove(h->line, h->line + 1, (STATE_HIST_MAX - 1) * sizeof *h->line);
		h->n--;
	}
	h->line[h->n++] = xstrdup(line);
}

void history_release(struct history *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->line[i]);
	h->n = 0;
}

/* ---- the state ---- */

static void place_unset(struct state_place *p)
{
	memset(p, 0, sizeof *p);
	p->source = p->claim = p->topic = -1;
}

void state_init(struct reading_state *s, const struct corpus *c)
{
	memset(s, 0, sizeof *s);
	place_unset(&s->here);
	for (int i = 0; i < STATE_MARKS; i++)
		place_unset(&s->marks[i]);
	s->read = xcalloc(c->nsources + 1, sizeof *s->read);
}

void state_release(struct reading_state *s)
{
	history_release(&s->searches);
	history_release(&s->commands);
	free(s->read);
	free(s->realpath);
	memset(s, 0, sizeof *s);
}

int state_identify(struct reading_state *s, const struct corpus *c, struct strbuf *err)
{
	char *real = realpath(c->index_path, NULL);

	if (!real) {
		sb_addf(err, "%s: %s", c->index_path, strerror(errno));
		return -1;
	}
	if (!cache_file_hash(real, &s->hash)) {
		sb_addf(err, "%s: cannot be read: %s", real, strerror(errno ? errno : EIO));
		free(real);
		return -1;
	}
	free(s->realpath);
	s->realpath = real;
	return 0;
}

int state_path(const char *real, struct strbuf *out)
{
	for (const char *p = real; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return -1;   /* the corpus line could not hold it */
	if (xdg_lectern_dir("XDG_STATE_HOME", ".local/state", out) < 0)
		return -1;
	sb_addf(out, "/%016llx.state",
		(unsigned long long)cache_hash(real, strlen(real), SEED_STATE));
	return 0;
}

/* ---- reading ---- */

struct parse {
	struct reading_state *s;      /* the result, filled only on success */
	const struct corpus *c;
	unsigned char *decl;          /* [source]: 0 not declared, 1 kept, 2 changed */
	size_t nsrc_lines;
	bool *read;
	int stage;                    /* 0 header, 1 corpus, 2 sources, 3 places and the rest */
	bool have_here, have_jpos, failed;
	bool marks_set[STATE_MARKS];
};

/* A whole decimal number of at most 19 digits, at most max. */
static bool parse_num(const char *t, size_t max, size_t *out)
{
	size_t v = 0, n = 0;

	if (!t || !*t)
		return false;
	for (; *t; t++, n++) {
		if (*t < '0' || *t > '9' || n >= 19 || (n && v == 0))
			return false;   /* digits only, no leading zero */
		v = v * 10 + (size_t)(*t - '0');
	}
	if (v > max)
		return false;
	*out = v;
	return true;
}

/* Splits line into at most max fields at single spaces; returns the count
 * (max + 1 when there are more). */
static size_t fields(char *line, char **f, size_t max)
{
	size_t n = 0;

	while (*line) {
		if (n == max)
			return max + 1;
		f[n++] = line;
		char *sp = strchr(line, ' ');
		if (!sp)
			break;
		*sp = '\0';
		line = sp + 1;
		if (!*line)
			return max + 1;   /* a trailing space: not written by lectern */
	}
	return n;
}

/* PLACE fields f[0..8] into pl; a place the corpus changed under is unset
 * (counted in dropped); false with msg for a bad one. */
static bool parse_place(struct parse *ps, char **f, size_t n, struct state_place *pl,
			struct strbuf *msg)
{
	const struct corpus *c = ps->c;
	size_t off, top, col, drill, dcur, topic = 0;
	bool changed = ps->s->changed;
	int pane = -1;

	place_unset(pl);
	if (n != 9) {
		sb_addstr(msg, "a place has 9 fields: SOURCE OFFSET PANE CLAIM TOPIC TOP COL DRILL DCUR");
		return false;
	}
	for (int i = 0; i < STATE_PANES; i++)
		if (!strcmp(f[2], pane_names[i]))
			pane = i;
	size_t bound = c->nclaims + c->ntopics + 1;
	if (!parse_num(f[1], CORPUS_MAX_TEXT, &off) || pane < 0 ||
	    (strcmp(f[4], "-") && !parse_num(f[4], bound, &topic)) ||
	    !parse_num(f[5], bound, &top) || !parse_num(f[6], c->nsources ? c->nsources - 1 : 0, &col) ||
	    !parse_num(f[7], 1, &drill) || !parse_num(f[8], c->nclaims, &dcur)) {
		sb_addstr(msg, "a field of the place is out of range");
		return false;
	}
	long src = corpus_find_source(c, f[0]);
	if (src < 0 || !ps->decl[src]) {
		if (src < 0 && changed) {
			ps->s->dropped++;
			return true;
		}
		sb_addf(msg, "source \"%.64s\" is not %s", f[0],
			src < 0 ? "in the corpus" : "declared by a source line");
		return false;
	}
	if (ps->decl[src] == 2) {
		ps->s->dropped++;
		return true;
	}
	long claim = -1;
	if (strcmp(f[3], "-")) {
		claim = corpus_find_claim(c, f[3]);
		if (claim < 0 || c->claims[claim].source != (size_t)src) {
			if (!changed) {
				sb_addf(msg, "claim \"%.64s\" is not a claim of source \"%s\"", f[3],
					c->sources[src].id);
				return false;
			}
			claim = -1;
		}
	}
	pl->source = src;
	pl->off = off;
	pl->pane = pane;
	pl->claim = claim;
	if (!changed && strcmp(f[4], "-")) {
		pl->topic = (long)topic;
		pl->top = top;
		pl->col = col;
		pl->drill = drill;
		pl->dcur = dcur;
	}
	return true;
}

static void parse_source(struct parse *ps, char **f, size_t n, struct strbuf *msg)
{
	const struct corpus *c = ps->c;

	if (n != 3 || (strcmp(f[2], "read") && strcmp(f[2], "unread")) || strlen(f[1]) != 64 ||
	    strspn(f[1], "0123456789abcdef") != 64) {
		sb_addstr(msg, "expected: source ID SHA256 read|unread");
		return;
	}
	if (++ps->nsrc_lines > c->nsources + STATE_JUMPS_MAX + STATE_MARKS + 1) {
		sb_addstr(msg, "more source lines than the corpus has sources");
		return;
	}
	long i = corpus_find_source(c, f[0]);
	if (i < 0) {
		if (!ps->s->changed)
			sb_addf(msg, "source \"%.64s\" is not in the corpus", f[0]);
		return;
	}
	if (ps->decl[i]) {
		sb_addf(msg, "source \"%s\" twice", c->sources[i].id);
		return;
	}
	if (strcmp(c->sources[i].sha256, f[1])) {
		if (!ps->s->changed) {
			sb_addf(msg, "source \"%s\": not the SHA-256 of the index", c->sources[i].id);
			return;
		}
		ps->decl[i] = 2;
		return;
	}
	ps->decl[i] = 1;
	ps->read[i] = !strcmp(f[2], "read");
}

static void parse_history(struct history *h, const char *text, struct strbuf *msg)
{
	if (!hist_line_ok(text, strlen(text)))
		sb_addf(msg, "a history line must be 1 to %d bytes of UTF-8 without controls",
			STATE_LINE_MAX);
	else if (h->n == STATE_HIST_MAX)
		sb_addf(msg, "over %d history lines", STATE_HIST_MAX);
	else
		h->line[h->n++] = xstrdup(text);
}

static void parse_line(void *ctx, char *line, struct strbuf *msg)
{
	struct parse *ps = ctx;
	struct reading_state *s = ps->s;
	char *f[12], *sp = strchr(line, ' ');
	const char *kw = line, *rest = sp ? sp + 1 : "";
	size_t n;

	if (ps->failed)
		return;
	if (sp)
		*sp = '\0';
	if (ps->stage == 0) {
		if (strcmp(kw, STATE_MAGIC))
			sb_addstr(msg, "not a lectern state file (no \"" STATE_MAGIC "\" line)");
		else if (strcmp(rest, "1"))
			sb_addf(msg, "state format \"%.20s\": this lectern reads format %d", rest,
				STATE_VERSION);
		ps->stage = 1;
	} else if (ps->stage == 1) {
		char *path = strchr(rest, ' ');
		size_t hn = path ? (size_t)(path - rest) : 0;
		if (strcmp(kw, "corpus") || hn != 16 || strspn(rest, "0123456789abcdef") != 16) {
			sb_addstr(msg, "expected: corpus HASH REALPATH");
		} else if (strcmp(path + 1, s->realpath)) {
			sb_addstr(msg, "the state of another corpus");
		} else {
			s->changed = strtoull(rest, NULL, 16) != s->hash;
		}
		ps->stage = 2;
	} else if (!strcmp(kw, "source")) {
		if (ps->stage != 2)
			sb_addstr(msg, "a source line after the places");
		else
			parse_source(ps, f, fields((char *)rest, f, 3), msg);
	} else if (!strcmp(kw, "here") || !strcmp(kw, "jump")) {
		ps->stage = 3;
		n = fields((char *)rest, f, 9);
		if (kw[0] == 'h' && ps->have_here)
			sb_addstr(msg, "a second here line");
		else if (kw[0] == 'j' && (s->njumps == STATE_JUMPS_MAX || ps->have_jpos))
			sb_addstr(msg, s->njumps == STATE_JUMPS_MAX ? "too many jumps"
				  : "a jump after jump-at");
		else if (kw[0] == 'h' && parse_place(ps, f, n, &s->here, msg))
			ps->have_here = true;
		else if (kw[0] == 'j' && parse_place(ps, f, n, &s->jumps[s->njumps], msg))
			s->njumps++;
	} else if (!strcmp(kw, "mark")) {
		ps->stage = 3;
		n = fields((char *)rest, f, 10);
		int m = n >= 1 && strlen(f[0]) == 1 && f[0][0] >= 'a' && f[0][0] <= 'z' ?
			f[0][0] - 'a' : -1;
		if (m < 0)
			sb_addstr(msg, "a mark is a letter a-z");
		else if (ps->marks_set[m])
			sb_addf(msg, "mark %c twice", 'a' + m);
		else if (parse_place(ps, f + 1, n - 1, &s->marks[m], msg))
			ps->marks_set[m] = true;
	} else if (!strcmp(kw, "jump-at")) {
		ps->stage = 3;
		if (ps->have_jpos || !parse_num(rest, s->njumps, &s->jpos))
			sb_addstr(msg, "jump-at is one number, at most the jumps before it");
		ps->have_jpos = true;
	} else if (!strcmp(kw, "search") || !strcmp(kw, "command")) {
		ps->stage = 3;
		parse_history(kw[0] == 's' ? &s->searches : &s->commands, rest, msg);
	} else {
		sb_addf(msg, "unknown line \"%.20s\"", kw);
	}
	if (msg->len)
		ps->failed = true;
}

/* Removes the unset places of the jump history, keeping jpos on the same
 * place (or the next one kept). */
static void jumps_compact(struct reading_state *s)
{
	size_t k = 0, pos = s->jpos;

	for (size_t i = 0; i < s->njumps; i++) {
		if (s->jumps[i].source < 0) {
			if (i < s->jpos)
				pos--;
			continue;
		}
		s->jumps[k++] = s->jumps[i];
	}
	s->njumps = k;
	s->jpos = pos;
}

enum state_status state_parse(struct reading_state *s, const struct corpus *c,
			      const char *file, const char *buf, size_t n, struct strbuf *msg)
{
	struct reading_state t;
	struct diags d;
	struct parse ps = { .s = &t, .c = c };

	state_init(&t, c);
	t.hash = s->hash;
	t.realpath = s->realpath;
	ps.read = t.read;
	ps.decl = xcalloc(c->nsources + 1, 1);
	diags_init(&d);
	conffile_parse(file, buf, n, &d, parse_line, &ps);
	if (!diags_count(&d) && ps.stage < 2)
		diag_add(&d, file, 0, 0, "%s", ps.stage ? "no corpus line" : "empty");
	free(ps.decl);
	t.realpath = NULL;
	if (diags_count(&d)) {
		sb_addstr(msg, d.lines[0]);
		diags_release(&d);
		state_release(&t);
		return STATE_IGNORED;
	}
	diags_release(&d);
	jumps_compact(&t);
	for (size_t i = 0; i < c->nsources; i++)
		t.nread += t.read[i];
	t.hash = s->hash;
	t.realpath = s->realpath;
	s->realpath = NULL;
	state_release(s);
	*s = t;
	return STATE_OK;
}

enum state_status state_load(struct reading_state *s, const struct corpus *c,
			     const char *path, struct strbuf *msg)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	enum state_status rc = STATE_IGNORED;
	struct stat st;
	char *buf = NULL;
	size_t got = 0;

	if (fd < 0 && (errno == ENOENT || errno == ENOTDIR))
		return STATE_NONE;   /* no file, or no directory to hold one */
	if (fd < 0) {
		sb_addf(msg, "%s: %s", path, errno == ELOOP ? "a symlink, not a state file"
			: strerror(errno));
		return STATE_IGNORED;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		sb_addf(msg, "%s: not a regular file", path);
	} else if (st.st_uid != geteuid()) {
		sb_addf(msg, "%s: owned by uid %u, not by this user", path, (unsigned)st.st_uid);
	} else if (st.st_mode & 022) {
		sb_addf(msg, "%s: group or others may write it (mode %04o)", path,
			(unsigned)(st.st_mode & 07777));
	} else if ((unsigned long long)st.st_size > STATE_MAX_SIZE) {
		sb_addf(msg, "%s: over %u bytes", path, STATE_MAX_SIZE);
	} else {
		buf = xmalloc((size_t)st.st_size + 1);
		while (got < (size_t)st.st_size) {
			ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			got += (size_t)r;
		}
		if (got != (size_t)st.st_size)
			sb_addf(msg, "%s: cannot be read", path);
		else
			rc = state_parse(s, c, path, buf, got, msg);
	}
	free(buf);
	close(fd);
	return rc;
}

/* ---- writing ---- */

/* A place's line fields, or false when it names nothing of c. */
static bool format_place(struct strbuf *out, const struct state_place *p,
			 const struct corpus *c, bool *need)
{
	if (p->source < 0 || (size_t)p->source >= c->nsources)
		return false;
	const struct claim *cl = p->claim >= 0 && (size_t)p->claim < c->nclaims &&
		c->claims[p->claim].source == (size_t)p->source ? &c->claims[p->claim] : NULL;
	int pane = p->pane >= 0 && p->pane < STATE_PANES ? p->pane : 1;
	need[p->source] = true;
	sb_addf(out, "%s %zu %s %s", c->sources[p->source].id,
		p->off <= CORPUS_MAX_TEXT ? p->off : 0, pane_names[pane], cl ? cl->id : "-");
	if (p->topic >= 0)
		sb_addf(out, " %ld %zu %zu %d %zu\n", p->topic, p->top,
			p->col < c->nsources ? p->col : 0, p->drill ? 1 : 0,
			p->dcur <= c->nclaims ? p->dcur : 0);
	else
		sb_addstr(out, " - 0 0 0 0\n");
	return true;
}

static void format_history(struct strbuf *out, const char *kw, const struct history *h)
{
	for (size_t i = 0; i < h->n && i < STATE_HIST_MAX; i++)
		if (hist_line_ok(h->line[i], strlen(h->line[i])))
			sb_addf(out, "%s %s\n", kw, h->line[i]);
}

void state_format(const struct reading_state *s, const struct corpus *c, struct strbuf *out)
{
	struct strbuf body = STRBUF_INIT, line = STRBUF_INIT;
	bool *need = xcalloc(c->nsources + 1, sizeof *need);
	size_t jpos = s->jpos, kept = 0;

	sb_reset(out);
	sb_addf(out, STATE_MAGIC " %d\ncorpus %016llx %s\n", STATE_VERSION,
		(unsigned long long)s->hash, s->realpath ? s->realpath : "");
	sb_addstr(&body, "here ");
	if (!format_place(&body, &s->here, c, need))
		sb_reset(&body);
	for (int m = 0; m < STATE_MARKS; m++) {
		sb_addf(&body, "mark %c ", 'a' + m);
		size_t at = body.len - 7;
		if (!format_place(&body, &s->marks[m], c, need))
			sb_setlen(&body, at);
	}
	for (size_t i = 0; i < s->njumps && i < STATE_JUMPS_MAX; i++) {
		sb_addstr(&body, "jump ");
		if (format_place(&body, &s->jumps[i], c, need))
			kept++;
		else {
			sb_setlen(&body, body.len - 5);
			jpos -= i < s->jpos;
		}
	}
	sb_addf(&body, "jump-at %zu\n", jpos <= kept ? jpos : kept);
	format_history(&body, "search", &s->searches);
	format_history(&body, "command", &s->commands);
	/* the sources the places name always; read flags while there is room */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < c->nsources; i++) {
			bool read = s->read && s->read[i];
			if (pass == 0 ? !need[i] : need[i] || !read)
				continue;
			sb_reset(&line);
			sb_addf(&line, "source %s %s %s\n", c->sources[i].id, c->sources[i].sha256,
				read ? "read" : "unread");
			if (pass == 1 && out->len + line.len + body.len > STATE_MAX_SIZE)
				break;
			sb_add(out, line.buf, line.len);
		}
	sb_add(out, body.buf, body.len);
	free(need);
	sb_release(&line);
	sb_release(&body);
}

int state_save(const struct reading_state *s, const struct corpus *c, const char *path,
	       struct strbuf *err)
{
	struct strbuf text = STRBUF_INIT;
	char *dir = path_dir(path);
	int rc = -1;

	if (save_mkdirs(dir) < 0) {
		sb_addf(err, "%s: %s", dir, strerror(errno));
	} else {
		state_format(s, c, &text);
		rc = save_file_mode(path, text.buf, text.len, 0600, err);
	}
	free(dir);
	sb_release(&text);
	return rc;
}

int state_forget(const char *path, struct strbuf *err)
{
	struct stat st;

	if (lstat(path, &st) < 0 && errno == ENOENT)
		return 0;
	if (unlink(path) < 0) {
		sb_addf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	return 1;
}
