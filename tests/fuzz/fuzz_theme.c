/*
 * fuzz_theme: the theme file parser, theme_parse(), on the bytes as a
 * file's contents, over the colour defaults.  Checked: every colour is
 * default or 0-255 and every attribute a known THEME_* bit; the count of
 * bad lines it returns is the count of messages (up to DIAG_MAX), each
 * "FILE:LINE: message" and display-safe; parsing again over the result
 * gives the same theme (a theme file applies the same way twice).
 * FUZZ_DICT theme.dict
 */
#include "fuzz.h"
#include "ui/theme.h"

#define ALL_ATTRS (THEME_BOLD | THEME_DIM | THEME_UNDERLINE | THEME_REVERSE | \
		   THEME_STANDOUT | THEME_ITALIC)

static void check_theme(const struct theme *t)
{
	for (int i = 0; i < ROLE_COUNT; i++) {
		const struct theme_style *s = &t->roles[i];
		FUZZ_ASSERT(s->fg >= THEME_DEFAULT_COLOR && s->fg <= 255);
		FUZZ_ASSERT(s->bg >= THEME_DEFAULT_COLOR && s->bg <= 255);
		FUZZ_ASSERT(!(s->attrs & ~(unsigned)ALL_ATTRS));
	}
}

static void check_diags(const struct diags *d, size_t bad)
{
	FUZZ_ASSERT(diags_count(d) == bad);
	for (size_t i = 0; i < d->n; i++) {
		fuzz_check_message(d->lines[i]);
		FUZZ_ASSERT(!strncmp(d->lines[i], "f.theme:", 8));
		FUZZ_ASSERT(d->lines[i][8] >= '1' && d->lines[i][8] <= '9');
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct theme t, t2;
	struct diags d, d2;
	const char *s = (const char *)data;

	theme_defaults(&t, true);
	diags_init(&d);
	size_t bad = theme_parse(&t, "f.theme", s, size, &d);
	check_diags(&d, bad);
	check_theme(&t);
	t2 = t;
	diags_init(&d2);
	FUZZ_ASSERT(theme_parse(&t2, "f.theme", s, size, &d2) == bad);
	FUZZ_ASSERT(!memcmp(&t, &t2, sizeof t));
	diags_release(&d);
	diags_release(&d2);

	theme_defaults(&t, false);
	check_theme(&t);
	return 0;
}
