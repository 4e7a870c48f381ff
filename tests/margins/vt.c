/*
 * vt: runs a program on a pseudo-terminal whose screen is libvterm's, a
 * terminal that has left and right margins (DECSLRM) and answers the
 * questions xterm answers (DA1, DECRQM), as tmux does not.  It follows a
 * script of steps and reports the bytes the program wrote.
 *
 * usage: vt ROWS COLS STEP... -- PROGRAM ARG...
 * steps:
 *   k:TEXT   send TEXT (^X sends Ctrl-X)
 *   w:TEXT   wait (up to 10 s) until TEXT is on the screen
 *   q        wait until the program has written nothing for 300 ms
 *   s:FILE   write the screen to FILE: each row's text, then each cell's
 *            attributes and colours, so two screens compare with cmp
 *   m        start counting the program's bytes
 *   b        print the bytes counted since m
 *   r:FILE   write the bytes counted since m to FILE
 * Exit status: 0, or 1 when a wait timed out (said on stderr).
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

static int master = -1;
static VTerm *vt;
static VTermScreen *scr;
static int rows, cols;
static char *rec;
static size_t nrec, arec;
static int counting;

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The terminal's answers go back to the program. */
static void answer(const char *s, size_t len, void *user)
{
	(void)user;
	while (len) {
		ssize_t w = write(master, s, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		len -= (size_t)w;
	}
}

/* Reads what the program writes for up to ms; returns the bytes read. */
static size_t pump(int ms)
{
	char buf[65536];
	struct pollfd pf = { .fd = master, .events = POLLIN };
	size_t got = 0;

	if (poll(&pf, 1, ms) <= 0)
		return 0;
	ssize_t r = read(master, buf, sizeof buf);
	if (r <= 0)
		return 0;
	vterm_input_write(vt, buf, (size_t)r);
	if (counting) {
		if (nrec + (size_t)r > arec) {
			arec = (nrec + (size_t)r) * 2;
			rec = realloc(rec, arec);
			if (!rec)
				exit(2);
		}
		memcpy(rec + nrec, buf, (size_t)r);
		nrec += (size_t)r;
	}
	got += (size_t)r;
	return got;
}

static void quiet(int ms)
{
	long long end = now_ms() + 10000;

	while (pump(ms) && now_ms() < end)
		;
}

static size_t put_utf8(char *o, uint32_t c)
{
	if (c < 0x80) { o[0] = (char)c; return 1; }
	if (c < 0x800) { o[0] = (char)(0xc0 | c >> 6); o[1] = (char)(0x80 | (c & 0x3f)); return 2; }
	if (c < 0x10000) {
		o[0] = (char)(0xe0 | c >> 12); o[1] = (char)(0x80 | (c >> 6 & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | c >> 18); o[1] = (char)(0x80 | (c >> 12 & 0x3f));
	o[2] = (char)(0x80 | (c >> 6 & 0x3f)); o[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* Row r's text, cells of width 0 (the right half of a wide one) left out. */
static void row_text(int r, char *o, size_t cap)
{
	size_t n = 0;

	for (int c = 0; c < cols && n + 32 < cap; c++) {
		VTermScreenCell cell;
		VTermPos pos = { .row = r, .col = c };
		vterm_screen_get_cell(scr, pos, &cell);
		if (cell.width == 0 && c > 0)
			continue;
		if (!cell.chars[0])
			o[n++] = ' ';
		for (int k = 0; k < VTERM_MAX_CHARS_PER_CELL && cell.chars[k]; k++)
			n += put_utf8(o + n, cell.chars[k]);
	}
	while (n && o[n - 1] == ' ')
		n--;
	o[n] = '\0';
}

static void color_word(FILE *f, const VTermColor *c)
{
	if (VTERM_COLOR_IS_DEFAULT_FG(c) || VTERM_COLOR_IS_DEFAULT_BG(c))
		fputc('d', f);
	else if (VTERM_COLOR_IS_INDEXED(c))
		fprintf(f, "i%u", c->indexed.idx);
	else
		fprintf(f, "r%02x%02x%02x", c->rgb.red, c->rgb.green, c->rgb.blue);
}

static int shot(const char *path)
{
	FILE *f = fopen(path, "w");
	char line[65536];

	if (!f)
		return 1;
	for (int r = 0; r < rows; r++) {
		row_text(r, line, sizeof line);
		fprintf(f, "%s\n", line);
	}
	for (int r = 0; r < rows; r++) {
		fprintf(f, "%d:", r);
		for (int c = 0; c < cols; c++) {
			VTermScreenCell cell;
			VTermPos pos = { .row = r, .col = c };
			vterm_screen_get_cell(scr, pos, &cell);
			fprintf(f, " %d%d%d%d", cell.attrs.bold, cell.attrs.underline, cell.attrs.italic,
				cell.attrs.reverse);
			color_word(f, &cell.fg);
			fputc('/', f);
			color_word(f, &cell.bg);
		}
		fputc('\n', f);
	}
	return fclose(f) ? 1 : 0;
}

static int on_screen(const char *text)
{
	char line[65536];

	for (int r = 0; r < rows; r++) {
		row_text(r, line, sizeof line);
		if (strstr(line, text))
			return 1;
	}
	return 0;
}

static void send_keys(const char *s)
{
	char buf[4096];
	size_t n = 0;

	for (; *s && n < sizeof buf; s++)
		if (s[0] == '^' && s[1]) {
			buf[n++] = (char)(s[1] & 0x1f);
			s++;
		} else {
			buf[n++] = *s;
		}
	answer(buf, n, NULL);
}

int main(int argc, char **argv)
{
	int first = 3, dash = -1, status = 0;
	struct winsize ws;

	if (argc < 5)
		goto usage;
	rows = atoi(argv[1]);
	cols = atoi(argv[2]);
	for (int i = first; i < argc; i++)
		if (!strcmp(argv[i], "--")) {
			dash = i;
			break;
		}
	if (rows < 2 || cols < 2 || dash < 0 || dash + 1 >= argc)
		goto usage;
	memset(&ws, 0, sizeof ws);
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	pid_t pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0) {
		perror("vt: forkpty");
		return 2;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execvp(argv[dash + 1], argv + dash + 1);
		perror("vt: exec");
		_exit(127);
	}
	vt = vterm_new(rows, cols);
	vterm_set_utf8(vt, 1);
	vterm_output_set_callback(vt, answer, NULL);
	scr = vterm_obtain_screen(vt);
	vterm_screen_enable_altscreen(scr, 1);
	vterm_screen_reset(scr, 1);

	for (int i = first; i < dash; i++) {
		const char *st = argv[i];
		if (!strncmp(st, "k:", 2)) {
			send_keys(st + 2);
		} else if (!strncmp(st, "w:", 2)) {
			long long end = now_ms() + 10000;
			while (!on_screen(st + 2) && now_ms() < end)
				pump(50);
			if (!on_screen(st + 2)) {
				fprintf(stderr, "vt: '%s' never on the screen\n", st + 2);
				status = 1;
			}
		} else if (!strcmp(st, "q")) {
			quiet(300);
		} else if (!strncmp(st, "s:", 2)) {
			if (shot(st + 2))
				status = 1;
		} else if (!strcmp(st, "m")) {
			counting = 1;
			nrec = 0;
		} else if (!strcmp(st, "b")) {
			printf("%zu\n", nrec);
			fflush(stdout);
		} else if (!strncmp(st, "r:", 2)) {
			FILE *f = fopen(st + 2, "wb");
			if (!f || fwrite(rec, 1, nrec, f) != nrec || fclose(f))
				status = 1;
		} else {
			goto usage;
		}
	}
	kill(pid, SIGTERM);
	quiet(100);
	close(master);
	waitpid(pid, NULL, 0);
	vterm_free(vt);
	free(rec);
	return status;
usage:
	fputs("usage: vt ROWS COLS STEP... -- PROGRAM ARG...\n", stderr);
	return 2;
}
