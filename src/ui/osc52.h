/*
 * osc52: the terminal escape sequence that puts text on the clipboard of
 * the terminal the user sits at, over SSH too:
 *     ESC ] 52 ; c ; BASE64 BEL
 * No curses here (and no drawing): app.c writes the bytes straight to the
 * terminal after doupdate(), so curses neither mangles them nor loses track
 * of the screen (the sequence moves no cursor and prints nothing).
 *
 * The cap: OSC52_MAX_TEXT bytes of text, 100,000 bytes of base64, what
 * common terminals and tmux take in one sequence (xterm, hterm and tmux
 * accept at least this much; some terminals less).  Longer text is refused
 * whole, never cut: a clipboard holding half a citation would mislead.
 *
 * Inside tmux the plain sequence works when tmux has `set-clipboard on`
 * (tmux then sets its own buffer and passes it on to the outer terminal).
 * Inside GNU screen, which drops OSC 52, it goes through screen's DCS
 * passthrough: the sequence is cut into pieces of at most OSC52_SCREEN_PIECE
 * bytes, each sent as ESC P piece ESC \ (screen limits the length of one
 * string sequence; the outer terminal sees the pieces joined).  Screen is
 * chosen when $STY is set and $TMUX is not (tmux inside screen takes the
 * plain sequence itself).
 */
#ifndef LECTERN_OSC52_H
#define LECTERN_OSC52_H

#include <stddef.h>

#include "base/strbuf.h"

#define OSC52_MAX_TEXT 75000        /* base64: 100,000 bytes */
#define OSC52_SCREEN_PIECE 252      /* + ESC P and ESC \: 256, the oldest screen's limit */

enum osc52_wrap { OSC52_PLAIN, OSC52_SCREEN };

/* The wrapping for these values of $STY and $TMUX (NULL or "" is unset). */
enum osc52_wrap osc52_wrap_for(const char *sty, const char *tmux);

/* Appends the sequence that copies text[0..n) to out; -1 with out
 * untouched when n is over OSC52_MAX_TEXT.  text is copied as it is: the
 * caller makes it safe first (corpus/cite.h). */
int osc52_build(struct strbuf *out, const char *text, size_t n, enum osc52_wrap w);

#endif
