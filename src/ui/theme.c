/* theme: built-in styles and the parser of .theme files. */
#include "ui/theme.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/conffile.h"
#include "base/util.h"

const char *const theme_role_names[ROLE_COUNT] = {
#define X(id, name, help) name,
	THEME_ROLES(X)
#undef X
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct { const char *name; unsigned bit; } attr_names[] = {
	{ "bold", THEME_BOLD }, { "dim", THEME_DIM },
	{ "underline", THEME_UNDERLINE }, { "reverse", THEME_REVERSE },
	{ "standout", THEME_STANDOUT }, { "italic", THEME_ITALIC },
};

static void set(struct theme *t, enum theme_role r, short fg, short bg, unsigned a)
{
	t->roles[r].fg = fg;
	t->roles[r].bg = bg;
	t->roles[r].attrs = a;
}

void theme_defaults(struct theme *t, bool color)
{
	const short D = THEME_DEFAULT_COLOR;

	for (int r = 0; r < ROLE_COUNT; r++)
		set(t, r, D, D, 0);
	set(t, ROLE_TITLE, D, D, THEME_UNDERLINE);
	set(t, ROLE_TITLE_FOCUS, D, D, THEME_REVERSE | THEME_BOLD);
	set(t, ROLE_CURSOR, D, D, THEME_REVERSE);
	set(t, ROLE_CURRENT, D, D, THEME_BOLD);
	set(t, ROLE_STATUS, D, D, THEME_REVERSE);
	set(t, ROLE_MESSAGE, D, D, THEME_BOLD);
	set(t, ROLE_ERROR, D, D, THEME_BOLD | THEME_REVERSE);
	set(t, ROLE_CLAIM, D, D, THEME_UNDERLINE);
	set(t, ROLE_CLAIM_SEL, D, D, THEME_REVERSE);
	set(t, ROLE_CLAIM_ALT, D, D, THEME_UNDERLINE | THEME_BOLD);
	set(t, ROLE_SELECTION, D, D, THEME_REVERSE | THEME_UNDERLINE);
	set(t, ROLE_BOILER, D, D, THEME_DIM);
	set(t, ROLE_HIT, D, D, THEME_STANDOUT | THEME_BOLD);
	set(t, ROLE_CONTROL, D, D, THEME_BOLD);
	set(t, ROLE_CONFLICT, D, D, THEME_BOLD);
	set(t, ROLE_DIFFER, D, D, THEME_UNDERLINE);
	set(t, ROLE_NO_VERDICT, D, D, THEME_DIM);
	set(t, ROLE_HEADER, D, D, THEME_BOLD);
	set(t, ROLE_KEY, D, D, THEME_BOLD);
	if (!color)
		return;
	set(t, ROLE_TITLE_FOCUS, 0, 6, THEME_BOLD);
	set(t, ROLE_BORDER, 4, D, 0);
	set(t, ROLE_CLAIM, 6, D, THEME_UNDERLINE);
	set(t, ROLE_CLAIM_SEL, 0, 3, THEME_BOLD);
	set(t, ROLE_CLAIM_ALT, 2, D, THEME_UNDERLINE);
	set(t, ROLE_SELECTION, 0, 6, 0);
	set(t, ROLE_HIT, 0, 5, THEME_BOLD);
	set(t, ROLE_CONTROL, 1, D, THEME_BOLD);
	set(t, ROLE_AGREE, 2, D, THEME_BOLD);
	set(t, ROLE_DIFFER, 3, D, THEME_BOLD);
	set(t, ROLE_CONFLICT, 1, D, THEME_BOLD);
	set(t, ROLE_OTHER, 5, D, 0);
	set(t, ROLE_ERROR, 7, 1, THEME_BOLD);
}

/* Splits line into words in place; returns how many (at most max). */
static int split(char *line, char **w, int max)
{
	int n = 0;
	char *p = line;

	while (*p) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		if (n == max)
			return max + 1;
		w[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	return n;
}

static int parse_color(const char *s, short *out)
{
	char *end;

	if (!strcmp(s, "default")) {
		*out = THEME_DEFAULT_COLOR;
		return 0;
	}
	for (int i = 0; i < 8; i++) {
		if (!strcmp(s, color_names[i])) {
			*out = (short)i;
			return 0;
		}
		if (!strncmp(s, "bright-", 7) && !strcmp(s + 7, color_names[i])) {
			*out = (short)(i + 8);
			return 0;
		}
	}
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*s >= '0' && *s <= '9' && !*end && !errno && v <= 255) {
		*out = (short)v;
		return 0;
	}
	return -1;
}

static int parse_line(struct theme *t, char *line, struct strbuf *msg)
{
	char *w[12];
	int n = split(line, w, 10);
	struct theme_style st;
	int role = -1;

	if (n == 0 || w[0][0] == '#')
		return 0;
	if (strcmp(w[0], "color")) {
		sb_addf(msg, "unknown command \"%s\" (expected \"color\")", w[0]);
		return -1;
	}
	if (n < 4 || n > 10) {
		sb_addstr(msg, n < 4 ? "expected: color ELEMENT FG BG [ATTR...]"
			  : "too many attributes");
		return -1;
	}
	for (int r = 0; r < ROLE_COUNT; r++)
		if (!strcmp(w[1], theme_role_names[r]))
			role = r;
	if (role < 0) {
		sb_addf(msg, "unknown element \"%s\"", w[1]);
		return -1;
	}
	if (parse_color(w[2], &st.fg) < 0 || parse_color(w[3], &st.bg) < 0) {
		sb_addf(msg, "bad colour \"%s\" (default, 0-255 or a colour name)",
			parse_color(w[2], &st.fg) < 0 ? w[2] : w[3]);
		return -1;
	}
	st.attrs = 0;
	for (int i = 4; i < n && w[i][0] != '#'; i++) {
		size_t k;
		for (k = 0; k < ARRAY_SIZE(attr_names); k++)
			if (!strcmp(w[i], attr_names[k].name))
				break;
		if (k == ARRAY_SIZE(attr_names)) {
			sb_addf(msg, "unknown attribute \"%s\"", w[i]);
			return -1;
		}
		st.attrs |= attr_names[k].bit;
	}
	t->roles[role] = st;
	return 0;
}

static void theme_line(void *ctx, char *line, struct strbuf *msg)
{
	parse_line(ctx, line, msg);
}

size_t theme_parse(struct theme *t, const char *file, const char *buf,
		   size_t n, struct diags *d)
{
	return conffile_parse(file, buf, n, d, theme_line, t);
}

long theme_load(struct theme *t, const char *path, struct diags *d)
{
	size_t n;
	char *buf = read_file(path, 1 << 20, &n);

	if (!buf) {
		diag_add(d, path, 0, 0, "cannot read theme: %s", strerror(errno));
		return -1;
	}
	size_t bad = theme_parse(t, path, buf, n, d);
	free(buf);
	return (long)bad;
}

int theme_find(const char *name, const char *userdir, const char *datadir,
	       struct strbuf *out)
{
	size_t l = strlen(name);

	sb_reset(out);
	if (strchr(name, '/') || (l > 6 && !strcmp(name + l - 6, ".theme"))) {
		sb_addstr(out, name);
		if (access(name, R_OK) == 0)
			return 0;
		sb_reset(out);
		sb_addf(out, "%s: cannot read theme: %s", name, strerror(errno));
		return -1;
	}
	if (!l || strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-_") != l) {
		sb_addstr(out, "bad theme name (letters, digits, - and _, or a path)");
		return -1;
	}
	const char *dirs[] = { userdir, "themes", datadir };
	for (size_t i = 0; i < ARRAY_SIZE(dirs); i++) {
		if (!dirs[i])
			continue;
		sb_reset(out);
		sb_addf(out, i == 2 ? "%s/themes/%s.theme" : "%s/%s.theme", dirs[i], name);
		if (access(out->buf, R_OK) == 0)
			return 0;
	}
	sb_reset(out);
	sb_addf(out, "no theme \"%s\" (looked in %s%s./themes and %s/themes)", name,
		userdir ? userdir : "", userdir ? ", " : "", datadir);
	return -1;
}
