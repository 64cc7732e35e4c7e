/* display.h: terminal setup and teardown, signals, colours, input, the status line. */
#ifndef CASEBOOK_UI_DISPLAY_H
#define CASEBOOK_UI_DISPLAY_H

#include <stdbool.h>

#include "core/status.h"

/* Smallest usable terminal. */
#define CB_MIN_COLS 80
#define CB_MIN_LINES 24

/* Colour pairs (attributes only when NO_COLOR is set or the terminal has none). */
enum cb_style { CB_STYLE_NORMAL, CB_STYLE_TITLE, CB_STYLE_STATUS, CB_STYLE_SELECTED,
		CB_STYLE_WARN, CB_STYLE_GOOD, CB_STYLE_ERROR, CB_STYLE_DIM, CB_STYLE_COUNT };

/* Starts curses on the controlling terminal. */
enum cb_status cb_display_init(cb_err *err);
/* Restores the terminal. Safe to call twice. */
void cb_display_end(void);

/* Attribute (colour pair and/or bold/reverse) for a style. */
int cb_display_attr(enum cb_style style);

/*
 * Waits for a key: a curses KEY_* code or a Unicode character. Returns
 * KEY_RESIZE on resize, and -1 when SIGTERM or SIGHUP asked casebook to stop.
 */
int cb_display_key(void);
bool cb_display_stop_requested(void);

/* True if the terminal is smaller than 80x24 (and draws the explanation if so). */
bool cb_display_too_small(void);

/* Draws the bottom line: hints on the left, a message (if any) on the right. */
void cb_display_status(const char *hints, const char *message, enum cb_style message_style);

#endif
