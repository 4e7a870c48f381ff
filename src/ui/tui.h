/*
 * tui: the reader's shared state and the one place that includes curses.
 * Every file in src/ui includes this header and nothing else from curses.
 *
 * The screen is a set of panes (struct pane), each a title window and a
 * body window behind a small ops table (struct pane_ops); layout.c places
 * them, app.c runs the loop: a pane gets a key first, keys it leaves go to
 * generic movement, then to the global actions.  Drawing: a pane with
 * dirty set is erased and drawn whole; the Text pane scrolls with wscrl()
 * and draws only the exposed lines; every frame ends with one doupdate().
 */
#ifndef LECTERN_TUI_H
#define LECTERN_TUI_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "base/text.h"
#include "corpus/corpus.h"
#include "corpus/state.h"
#include "search/search.h"
#include "search/wrap.h"
#include "ui/config.h"
#include "ui/keys.h"
#include "ui/theme.h"

struct ui_options;

struct cmp_model;
struct counterparts;
struct ui;
struct pane;

enum pane_id { PANE_SOURCES, PANE_TEXT, PANE_CLAIMS, PANE_COMPARE, PANE_RESULTS, PANE_COUNT };
enum layout_kind { LAYOUT_TINY, LAYOUT_SINGLE, LAYOUT_MEDIUM, LAYOUT_WIDE };
enum view { VIEW_MAIN, VIEW_COMPARE, VIEW_RESULTS };
enum prompt_kind { PROMPT_NONE, PROMPT_SEARCH, PROMPT_CORPUS, PROMPT_COMMAND, PROMPT_FILTER };
enum sort_kind { SORT_DATE, SORT_OUTLET, SORT_TITLE, SORT_COUNT };

struct pane_ops {
	const char *name;                                 /* shown in the title and tab bar */
	size_t (*count)(struct ui *, struct pane *);      /* rows of a list, NULL if not a list */
	void (*draw)(struct ui *, struct pane *);         /* draws the whole (erased) body */
	bool (*key)(struct ui *, struct pane *, enum action, int key); /* true: handled */
	void (*select)(struct ui *, struct pane *);       /* the list cursor moved to p->cur */
	void (*enter)(struct ui *, struct pane *);        /* Enter on the cursor row */
	void (*resize)(struct ui *, struct pane *);       /* the body changed size */
	void (*title)(struct ui *, struct pane *, struct strbuf *); /* appends the title's detail */
};

struct pane {
	enum pane_id id;
	const struct pane_ops *ops;
	WINDOW *title, *win;   /* NULL when the pane is not on screen */
	int y, x, h, w;        /* body place and size */
	size_t cur, top;       /* list cursor and first row shown */
	bool dirty;            /* the body needs a full redraw */
	int rowh;              /* lines per list row (0 or 1: one) */
};

/* A place to go back to: the text's position, and the view around it
 * (the focused pane, the Claims cursor, the Compare cell or drill-down). */
struct place {
	long source;           /* -1: unset */
	size_t off;            /* byte offset of the top line */
	enum pane_id focus;
	long claim;            /* the claim under the Claims cursor, -1 none */
	long topic;            /* Compare: the cursor's topic, -1 none */
	size_t top, col;       /* Compare: first row shown, column's source */
	bool drill;            /* Compare: in the drill-down, at claim dcur */
	size_t dcur;
};

struct ui {
	struct corpus *c;
	const struct ui_options *opts;
	bool ascii, color, quit;
	int rows, cols;
	enum layout_kind layout;
	enum view view;
	enum pane_id focus, main_focus;
	struct pane panes[PANE_COUNT];
	WINDOW *status, *tabs, *input, *help;

	/* the Text pane */
	long src;              /* the source shown, -1 none */
	const char *text;
	size_t text_len;
	struct wrap wrap;      /* built in slices for a long text (textview_wrap_step) */
	struct wrap wrap_view; /* while it builds: the lines drawn, around wrap_top */
	size_t wrap_top;       /* while it builds: byte offset of the top line */
	int wrap_w;            /* width the Text pane has in this layout */
	long sel_claim;        /* claim under the Claims cursor, -1 none */
	size_t *claim_reach;   /* [k]: the furthest end of the open source's claims 0..k */
	long claim_reach_src;  /* the source claim_reach is for, -1 none */

	/* search in the text */
	struct search search;
	struct strbuf query;
	bool regex_default;
	struct span *matches;
	size_t nmatches;
	long hit;              /* current match, -1 none */
	bool search_back;      /* the last search was ? (n goes up) */

	/* lists */
	size_t *src_rows, nsrc_rows;
	enum sort_kind sort;
	struct strbuf filter;
	size_t *claim_rows, nclaim_rows;
	bool all_claims;
	bool claim_detail;     /* Claims: the whole record of the selected claim */
	size_t detail_top;     /* its first line shown */
	struct strbuf claim_filter, topic_filter;   /* f in Claims, in Compare */
	int claim_sort;        /* Claims: 0 place, 1 kind, 2 speaker */
	enum pane_id filter_pane;   /* the pane the filter prompt narrows */
	bool cmp_in_claims;    /* Compare: the drill-down (the topic's claims) */
	size_t cmp_cur;        /* drill-down: the claim under the cursor */
	struct cmp_model *cmp; /* built on the first use of the Compare view */
	struct cmp_job *cmp_job;   /* its build, while a worker runs it (compare.c) */
	size_t *cmp_rows, ncmp_rows;   /* matrix rows: topic indexes shown */
	bool cmp_conflicts;    /* only the topics in conflict */
	size_t cmp_col, cmp_left;      /* column cursor, first column shown */
	size_t cmp_dtop;       /* drill-down: first line shown */
	size_t *cmp_order;     /* matrix columns: source index at each place */
	int cmp_sort;          /* their order, an enum matrix_order */
	size_t cmp_ftop;       /* the notes under the matrix: first line shown */
	long cmp_fkey;         /* the cell the notes were laid out for */
	struct search_hit *hits;
	size_t nhits;
	struct strbuf hits_query;
	struct search hits_search;
	struct finder *finder;  /* the search running in slices, the index (finder.c) */
	struct counterparts *cpt;   /* the counterparts overlay and its index (counterparts.c) */

	/* reading state kept between runs (resume.c) */
	bool *read;            /* [source]: shown in the Text pane */
	struct strbuf state_path;   /* this corpus's state file, empty when unknown */
	bool state_save;       /* write it when the reader ends */
	uint64_t state_hash;   /* the index's content hash it was read for */

	/* marks and jumps */
	struct place marks[26];
	struct place *jumps;
	size_t njumps, jpos, jalloc;
	enum action pending;   /* ACT_MARK / ACT_GOTO_MARK waiting for a letter */

	/* status line and prompt */
	struct strbuf msg;
	bool msg_error;
#define MSG_LOG 64
	char *msg_log[MSG_LOG];   /* the last messages, a ring (:messages) */
	size_t nmsg_log;
	bool log_open;            /* the help overlay shows the log instead */
	bool bindings_open;       /* the help overlay shows every key bound (:bindings) */
	enum prompt_kind prompt;
	struct strbuf input_buf;
	struct history cmd_hist;     /* the `:` lines entered, oldest first */
	struct history search_hist;  /* the / ? F queries entered, oldest first */
	size_t hist_pos;       /* where Up/Down stand in the prompt's history (n: the new line) */
	struct place prompt_origin;
	bool prompt_stale;     /* input edited since the last search/filter (prompt_sync) */
	bool pasting;          /* between the bracketed-paste markers */
	bool paste_cut, paste_ignored;  /* said when the paste ends */
	bool help_open;
	size_t help_top;

	/* the Text pane's selection (v): bytes [vis_start, vis_end) of the text */
	bool visual;
	size_t vis_start, vis_end;
	/* curation (edit.c): the index's edits, undo and redo; NULL until the first */
	struct uiedit *ed;
	uint64_t index_hash;   /* of the index's bytes when the reader started */
	bool index_hashed;
	bool quit_asked;       /* q with unsaved edits said so once */

	/* the clipboard: an OSC 52 sequence clip_flush() writes after doupdate() */
	struct strbuf clip;

	/* theme */
	struct config cfg;
	struct theme theme;
	attr_t attrs[ROLE_COUNT];
};

/* app.c */
void ui_message(struct ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ui_focus(struct ui *ui, enum pane_id id);
void ui_open_source(struct ui *ui, size_t src);
void ui_select_claim(struct ui *ui, long claim, bool scroll);
void ui_goto_claim(struct ui *ui, size_t claim);  /* source, text and Claims cursor */
void ui_jump_push(struct ui *ui);
void ui_dirty_all(struct ui *ui);
bool ui_holds(const char *hay, const char *needle);   /* ASCII case ignored */
struct place ui_here(struct ui *ui);
void ui_goto_place(struct ui *ui, struct place pl);
void ui_run_search(struct ui *ui, bool keep_hit);
void ui_command(struct ui *ui, const char *cmd);
/* command.c: the prompts' histories (the last STATE_HIST_MAX lines
 * entered: `:` lines, and / ? F queries) and Tab completion of command
 * names and of the ids after :source, :claim and :topic; both edit
 * ui->input_buf.  command_history() walks the open prompt's history. */
struct history *command_history_of(struct ui *ui, enum prompt_kind kind);  /* NULL: none */
void command_history(struct ui *ui, int step);   /* -1 older (Up), +1 newer (Down) */
void command_complete(struct ui *ui);
void ui_action(struct ui *ui, enum action act, int key);
/* q, Q, :q: quits, unless edits are unsaved: then the first asks. */
void ui_quit(struct ui *ui);
int ui_set_theme(struct ui *ui, const char *name);
/* Appends source s's date as the panes show it: the date-format option's
 * form of a full date, else as written ("2022-02", "undated"); "?" after a
 * guessed one. */
void ui_date(struct ui *ui, const struct source *s, struct strbuf *out);
void ui_mouse(struct ui *ui);   /* the config's mouse option applies */
void ui_claim_step(struct ui *ui, int dir);
void ui_hit_step(struct ui *ui, int dir);
void app_loop(struct ui *ui);
extern volatile sig_atomic_t app_signal;

/* resume.c: the reading state of corpus/state.h.  resume_open() reads
 * this corpus's state (unless --no-state) and applies it: the place, marks,
 * jumps, read flags and histories, saying so in the status line; true when
 * it opened a source.  resume_save() writes it when the reader ends (not
 * when it was ignored, forgotten or turned off); -1 with err.
 * resume_forget() is :forget. */
bool resume_open(struct ui *ui);
int resume_save(struct ui *ui, struct strbuf *err);
void resume_forget(struct ui *ui);

/* finder.c */
void finder_start(struct ui *ui);
void finder_step(struct ui *ui);
void finder_key(struct ui *ui);
bool finder_busy(struct ui *ui);
void finder_free(struct ui *ui);

/* layout.c */
void layout_apply(struct ui *ui);
void layout_titles(struct ui *ui);
bool pane_visible(const struct ui *ui, enum pane_id id);

/* status.c */
void status_draw(struct ui *ui);
void prompt_start(struct ui *ui, enum prompt_kind kind);
void prompt_key(struct ui *ui, int key, bool fkey);
/* A bracketed paste: prompt_paste() takes each key between the markers
 * (text only: no key acts; controls become spaces or are dropped; the
 * input is cut at SEARCH_MAX bytes), prompt_paste_end() says what was cut
 * or ignored.  prompt_sync() runs the search or filter for the input as
 * edited; the loop calls it once before drawing, not once per key. */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)   /* \e[200~, defined by term.c */
#define KEY_PASTE_END (KEY_MAX + 2)     /* \e[201~ */
void prompt_paste(struct ui *ui, int key);
void prompt_paste_end(struct ui *ui);
void prompt_sync(struct ui *ui);

/* term.c: bracketed paste on or off (on while the reader runs), and
 * Ctrl-z: stop with the terminal restored, come back redrawn */
void term_paste_mode(bool on);
void term_suspend(struct ui *ui);
extern volatile sig_atomic_t app_suspend;

/* draw.c */
int draw_text(struct ui *ui, WINDOW *w, int y, int x, int maxw,
	      const char *s, size_t n, attr_t a);
int draw_str(struct ui *ui, WINDOW *w, int y, int x, int maxw, const char *s, attr_t a);
void draw_fill(WINDOW *w, int y, int x, int n, attr_t a);
/* Draws s[0..n) wrapped at width as lines *line, *line + 1, ... of a
 * block whose line skip shows at row y0 (rows y0..y0+h-1 only); *line
 * ends past the paragraph, so paragraphs follow one another. */
void draw_para(struct ui *ui, WINDOW *w, int y0, int h, int width, size_t skip,
	       size_t *line, const char *s, size_t n, attr_t a);
/* Rows of a list pane on screen (a row may take several lines). */
static inline size_t pane_rows(const struct pane *p)
{
	int r = p->h / (p->rowh > 1 ? p->rowh : 1);
	return r > 0 ? (size_t)r : 1;
}
void draw_vline(struct ui *ui, WINDOW *w, int y, int x, int n, attr_t a);
/* Left and right margins (DECSLRM): draw_margins_caps() tells whether the
 * terminfo entry has every sequence a scroll inside them needs;
 * draw_margins_use(true) (term.c, once the terminal itself has said it
 * has them) lets draw_scroll_region() use them. */
bool draw_margins_caps(void);
void draw_margins_use(bool on);
/* Whether draw_margins_use(true) took: the terminal scrolls inside margins. */
bool draw_margins_on(void);
/* Scrolls the rows of win by n lines (n > 0: up) on the terminal itself,
 * through curses' output, and moves curscr's copy the same way, so that
 * the next doupdate() writes only the rows exposed: a win that spans the
 * width with delete-line and insert-line (fewer bytes than curses' own
 * scroll region), a narrower one inside margins around it.  The caller
 * still scrolls win (wscrl) and draws those rows.  Returns false, having
 * done nothing, when win is narrower than the screen and the terminal has
 * no margins, when win reaches the last row, or when an overlay is up. */
bool draw_scroll_region(struct ui *ui, WINDOW *win, int n);
void draw_apply_theme(struct ui *ui);
const char *topic_status_word(const char *status, enum theme_role *role);

/* the panes */
extern const struct pane_ops sources_ops, textview_ops, claims_ops, compare_ops, results_ops;
void sources_rebuild(struct ui *ui);
void claims_rebuild(struct ui *ui);
bool claims_match(const struct claim *cl, const char *needle);
/* the filter of the focused list (Sources, Claims, Compare) and applying it */
struct strbuf *ui_filter_of(struct ui *ui, enum pane_id id);
void ui_filter_apply(struct ui *ui, enum pane_id id);
void textview_wrap(struct ui *ui);
void textview_scroll_to(struct ui *ui, long top);
void textview_show(struct ui *ui, size_t off, bool center);
/* The top line's byte offset, and a jump that puts the line of off on top. */
size_t textview_top_off(struct ui *ui);
void textview_goto(struct ui *ui, size_t off);
/* A long text is wrapped in slices between keys: busy while that runs;
 * a step wraps for a few milliseconds. */
bool textview_busy(struct ui *ui);
void textview_wrap_step(struct ui *ui);
size_t textview_top_line(struct ui *ui);
/* The first k in the open source's claims (by span start, then index) at
 * or after (start, claim): a binary search. */
size_t textview_claim_pos(struct ui *ui, size_t start, size_t claim);
/* compare.c, drill.c: topic indexes are the comparison model's (compare.h),
 * built on first use by a worker thread: compare_ready() starts the build
 * and returns whether ui->cmp is there (false: draw progress, not the
 * matrix).  While compare_busy(), the loop calls compare_step() between
 * polls (progress, then the model); compare_leave() stops the build (the
 * focus left the view).  compare_open_id() and compare_open_claim() asked
 * before the model is built show it when it is (the id said missing then);
 * so does compare_restore() with a kept place.  compare_free() returns
 * false when the build is still running: the corpus must then outlive the
 * process.  claim -1 means none. */
void compare_open_topic(struct ui *ui, size_t topic, long claim);
bool compare_ready(struct ui *ui);
bool compare_busy(const struct ui *ui);
void compare_step(struct ui *ui);
void compare_leave(struct ui *ui);
void compare_restore(struct ui *ui, const struct place *pl);
bool compare_open_id(struct ui *ui, const char *id);
void compare_open_claim(struct ui *ui, long claim);
long compare_cursor_claim(struct ui *ui);
void compare_click(struct ui *ui, int y, int x);
bool compare_free(struct ui *ui);
void compare_settle(struct ui *ui);   /* stops the build and waits for it */
void compare_filter(struct ui *ui);   /* the topic filter changed */
void drill_draw(struct ui *ui, struct pane *p);
bool drill_key(struct ui *ui, struct pane *p, enum action act, int key);

/* clip.c: y copies the selected claim's citation (file NULL: through
 * OSC 52, at the next clip_flush()), :cite FILE appends it to FILE */
void ui_cite(struct ui *ui, const char *file);
void clip_flush(struct ui *ui);   /* after doupdate(): the pending sequence */
/* y with a passage selected (v): its citation, through OSC 52 */
void ui_cite_selection(struct ui *ui);
/* counterparts.c: R on a claim lists its counterparts in other sources in
 * an overlay, modal while shown (counterparts_key() takes every key but
 * Ctrl-l).  The index behind it is built once, by a worker thread: while
 * counterparts_busy(), the loop calls counterparts_step() between polls
 * (progress, then the list); no two builds run at once (worker.h).
 * counterparts_free() returns false when the build is still running: it
 * cannot be stopped and still reads the corpus, which must then outlive
 * the process. */
void counterparts_show(struct ui *ui);
bool counterparts_shown(const struct ui *ui);
bool counterparts_busy(const struct ui *ui);
void counterparts_step(struct ui *ui);
void counterparts_draw(struct ui *ui);
bool counterparts_key(struct ui *ui, enum action act, int key);
bool counterparts_free(struct ui *ui);
void counterparts_settle(struct ui *ui);   /* waits for the build to end */

/* edit.c: curation from the reader, through compare/curate.h and
 * corpus/edit.h, the same edits as `lectern claim|topic|note`.  Each edit
 * is saved at once (edit_save(): lock, merge); the reader then shows the
 * model of what was written (ui_reload()).  A refused save keeps the edits
 * in the reader, writes them to the recovery file "INDEX.unsaved" beside
 * the index and marks the status line until a save succeeds.
 * edit_command() runs ":claim SUB ...", ":topic SUB ...", ":note ..."
 * (argv after the command word); true when it was an edit.  */
bool edit_command(struct ui *ui, const char *cmd, const char *args);
void edit_undo(struct ui *ui, int dir);          /* -1 undo, +1 redo */
void edit_new_claim(struct ui *ui);              /* A: the form for the selection */
void edit_claim_form(struct ui *ui);             /* e: the form for the selected claim */
void edit_link_form(struct ui *ui);              /* t: ":topic link " for the selected claim */
void edit_write_copy(struct ui *ui, const char *path);   /* :w PATH */
bool edit_unsaved(const struct ui *ui);
const char *edit_recovery(const struct ui *ui);  /* its recovery file, or NULL */
long edit_target_claim(struct ui *ui);           /* the claim an edit takes, or -1 */
void edit_free(struct ui *ui);
/* The selection (v) in the Text pane: visual_key() takes its keys while
 * it is on; false for keys it leaves to the pane. */
bool visual_key(struct ui *ui, enum action act, int key);
/* Takes the corpus c for the reader's model: every index into the old one
 * is mapped by id, the panes rebuilt, the text reopened at its place. */
void ui_reload(struct ui *ui, struct corpus *c);

/* help.c */
void help_draw(struct ui *ui);
bool help_key(struct ui *ui, enum action act, int key);

#endif
