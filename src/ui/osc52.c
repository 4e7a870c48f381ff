/* osc52: the clipboard escape sequence, plain or through screen. */
#include "ui/osc52.h"

#include "base/base64.h"

enum osc52_wrap osc52_wrap_for(const char *sty, const char *tmux)
{
	return sty && *sty && !(tmux && *tmux) ? OSC52_SCREEN : OSC52_PLAIN;
}

int osc52_build(struct strbuf *out, const char *text, size_t n, enum osc52_wrap w)
{
	struct strbuf seq = STRBUF_INIT;

	if (n > OSC52_MAX_TEXT)
		return -1;
	sb_addstr(&seq, "\033]52;c;");
	base64_encode(&seq, text, n);
	sb_addch(&seq, '\a');   /* BEL, not ESC \, which would end screen's DCS */
	if (w == OSC52_PLAIN) {
		sb_add(out, seq.buf, seq.len);
	} else {
		for (size_t i = 0; i < seq.len; i += OSC52_SCREEN_PIECE) {
			size_t k = seq.len - i < OSC52_SCREEN_PIECE ? seq.len - i : OSC52_SCREEN_PIECE;
			sb_addstr(out, "\033P");
			sb_add(out, seq.buf + i, k);
			sb_addstr(out, "\033\\");
		}
	}
	sb_release(&seq);
	return 0;
}
