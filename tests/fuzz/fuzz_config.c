/*
 * fuzz_config: the config file parser, config_parse(), on the bytes as a
 * file's contents.  Checked: the count of bad lines is the count of
 * messages, each "FILE:LINE: message" and display-safe; every value set is
 * a NUL-free string; config_set() accepts what the parser kept; every key
 * bound has an action and is bound once; parsing twice into one config
 * frees the first values (LeakSanitizer).
 * FUZZ_DICT config.dict
 */
#include "ui/config.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg, again;
	struct diags d;
	const char *s = (const char *)data;

	config_init(&cfg);
	diags_init(&d);
	size_t bad = config_parse(&cfg, "cfg", s, size, &d);
	FUZZ_ASSERT(diags_count(&d) == bad);
	for (size_t i = 0; i < d.n; i++) {
		fuzz_check_message(d.lines[i]);
		FUZZ_ASSERT(!strncmp(d.lines[i], "cfg:", 4));
		FUZZ_ASSERT(d.lines[i][4] >= '1' && d.lines[i][4] <= '9');
	}
	config_init(&again);
#define X(field, name, kind, choices, def, help) \
	if (cfg.field) { \
		struct strbuf err = STRBUF_INIT; \
		FUZZ_ASSERT(strlen(cfg.field) < size); \
		FUZZ_ASSERT(config_set(&again, name, cfg.field, &err) == 0); \
		FUZZ_ASSERT(!strcmp(again.field, cfg.field)); \
		sb_release(&err); \
	}
	CONFIG_OPTIONS(X)
#undef X
	for (size_t i = 0; i < cfg.keys.n; i++) {
		FUZZ_ASSERT(cfg.keys.b[i].act > ACT_NONE && cfg.keys.b[i].act < ACT_COUNT);
		FUZZ_ASSERT(keymap_lookup(&cfg.keys, cfg.keys.b[i].key) == cfg.keys.b[i].act);
	}
	/* a second file over the first */
	FUZZ_ASSERT(config_parse(&cfg, "cfg", s, size, &d) == bad);
	config_release(&again);
	config_release(&cfg);
	diags_release(&d);
	return 0;
}
