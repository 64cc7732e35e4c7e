/* display.c: curses initialisation, signal-safe shutdown and the status line. */
#include "ui/display.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <wchar.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/mem.h"
#include "core/text.h"

static volatile sig_atomic_t stop_requested;
static bool started;
static bool use_colour;

static void on_stop_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

/* SIGTERM and SIGHUP interrupt the key wait (no SA_RESTART) so the app saves and exits. */
static void install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static void init_colours(void)
{
	const char *no_colour = getenv("NO_COLOR");

	use_colour = has_colors() && !(no_colour && *no_colour);
	if (!use_colour)
		return;
	start_color();
	use_default_colors();
	init_pair(CB_STYLE_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(CB_STYLE_STATUS, COLOR_BLACK, COLOR_CYAN);
	init_pair(CB_STYLE_SELECTED, COLOR_BLACK, COLOR_YELLOW);
	init_pair(CB_STYLE_WARN, COLOR_YELLOW, -1);
	init_pair(CB_STYLE_GOOD, COLOR_GREEN, -1);
	init_pair(CB_STYLE_ERROR, COLOR_RED, -1);
	init_pair(CB_STYLE_DIM, COLOR_BLUE, -1);
}

/* Terminals stop output on Ctrl-S (XON/XOFF); casebook uses it to save. endwin() restores it. */
static void allow_ctrl_s(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag &= ~(tcflag_t)IXON;
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
		def_prog_mode();
	}
}

static SCREEN *headless_screen;
static FILE *headless_out, *headless_in;

/* A screen drawn into /dev/null at the size LINES and COLUMNS say (default 80x24). */
static enum cb_status start_headless(cb_err *err)
{
	const char *term = getenv("TERM");

	headless_out = fopen("/dev/null", "w");
	headless_in = fopen("/dev/null", "r");
	if (headless_out == NULL || headless_in == NULL)
		return cb_fail(err, CB_ERROR, "cannot open /dev/null for a headless run");
	if (getenv("COLUMNS") == NULL)
		setenv("COLUMNS", "80", 0);
	if (getenv("LINES") == NULL)
		setenv("LINES", "24", 0);
	headless_screen = newterm(term && *term ? term : "xterm", headless_out, headless_in);
	if (headless_screen == NULL)
		return cb_fail(err, CB_ERROR, "cannot start a headless screen for TERM=%s",
			       term ? term : "(unset)");
	set_term(headless_screen);
	return CB_OK;
}

enum cb_status cb_display_init(bool headless, cb_err *err)
{
	install_signals();
	if (headless) {
		if (start_headless(err))
			return err->code;
	} else if (initscr() == NULL) {
		return cb_fail(err, CB_ERROR, "cannot start the terminal display; is TERM set?");
	}
	started = true;
	cbreak();
	allow_ctrl_s();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	/* Wake up now and then so a SIGTERM or SIGHUP is acted on even if the read restarts. */
	timeout(250);
	curs_set(0);
	init_colours();
	return CB_OK;
}

void cb_display_end(void)
{
	if (!started)
		return;
	started = false;
	curs_set(1);
	endwin();
	/* A headless screen is kept, as initscr's is: the panel library's root panel lives
	 * with it, and freeing the screen would strand that. */
}

enum cb_status cb_display_dump(const char *path, cb_err *err)
{
	FILE *f = fopen(path, "w");
	wchar_t *row = xcalloc((size_t)COLS + 1, sizeof *row);
	char *bytes = xmalloc(4 * (size_t)COLS + 1);
	enum cb_status rc = CB_OK;

	if (f == NULL) {
		rc = cb_fail(err, CB_ERROR, "cannot write the screen to %s: %s", path, strerror(errno));
		goto out;
	}
	for (int y = 0; y < LINES; y++) {
		size_t n;
		mvwinnwstr(curscr, y, 0, row, COLS);
		n = wcstombs(bytes, row, 4 * (size_t)COLS);
		if (n == (size_t)-1)
			n = 0;
		while (n > 0 && bytes[n - 1] == ' ')
			n--;
		fprintf(f, "%.*s\n", (int)n, bytes);
	}
	if (fclose(f) != 0)
		rc = cb_fail(err, CB_ERROR, "cannot write the screen to %s: %s", path, strerror(errno));
out:
	free(row);
	free(bytes);
	return rc;
}

/* Without colour every style still reads: titles and selection reverse, warnings bold. */
int cb_display_attr(enum cb_style style)
{
	static const int mono[CB_STYLE_COUNT] = {
		[CB_STYLE_TITLE] = A_REVERSE | A_BOLD, [CB_STYLE_STATUS] = A_REVERSE,
		[CB_STYLE_SELECTED] = A_REVERSE, [CB_STYLE_WARN] = A_BOLD,
		[CB_STYLE_GOOD] = A_NORMAL, [CB_STYLE_ERROR] = A_BOLD | A_UNDERLINE,
		[CB_STYLE_DIM] = A_DIM,
	};
	if (!use_colour || style == CB_STYLE_NORMAL)
		return mono[style];
	return (int)COLOR_PAIR(style) | (style == CB_STYLE_TITLE ? A_BOLD : 0);
}

static const int *fed_keys;
static size_t fed_count, fed_next;
static bool feeding;

void cb_display_feed(const int *keys, size_t n)
{
	fed_keys = keys;
	fed_count = n;
	fed_next = 0;
	feeding = true;
}

int cb_display_key(void)
{
	wint_t ch;
	int kind;

	if (feeding)
		return fed_next < fed_count ? fed_keys[fed_next++] : -1;
	for (;;) {
		if (stop_requested)
			return -1;
		kind = get_wch(&ch);
		if (kind == KEY_CODE_YES)
			return (int)ch;
		if (kind == OK)
			return ch >= 0x80 ? (int)ch | CB_KEY_WIDE : (int)ch;
	}
}

bool cb_display_stop_requested(void)
{
	return stop_requested != 0;
}

bool cb_display_too_small(void)
{
	if (COLS >= CB_MIN_COLS && LINES >= CB_MIN_LINES)
		return false;
	erase();
	mvprintw(0, 0, "casebook needs a terminal of at least %dx%d;", CB_MIN_COLS, CB_MIN_LINES);
	mvprintw(1, 0, "this one is %dx%d. Make the window larger,", COLS, LINES);
	mvprintw(2, 0, "or press Ctrl-Q to quit.");
	refresh();
	return true;
}

void cb_display_status(const char *hints, const char *message, enum cb_style message_style)
{
	int width = COLS;
	char *left = xmalloc(4 * (size_t)width + 1);
	int msg_width = message ? cb_text_width(message) : 0;

	int hints_width = cb_text_width(hints);

	/* The message wins space from the hints, which keep at least a third of the line. */
	if (msg_width > width - (hints_width < width / 3 ? hints_width : width / 3) - 1)
		msg_width = width - (hints_width < width / 3 ? hints_width : width / 3) - 1;
	if (msg_width < 0)
		msg_width = 0;
	attrset(cb_display_attr(CB_STYLE_STATUS));
	cb_text_fit(left, hints, width - msg_width > 0 ? width - msg_width : 0);
	mvaddstr(LINES - 1, 0, left);
	if (message) {
		cb_text_fit(left, message, msg_width);
		attrset(cb_display_attr(message_style));
		mvaddstr(LINES - 1, width - msg_width, left);
	}
	attrset(A_NORMAL);
	free(left);
}
