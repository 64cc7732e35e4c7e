/* display.h: terminal setup and teardown, signals, colours, input, the status line. */
#ifndef CASEBOOK_UI_DISPLAY_H
#define CASEBOOK_UI_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/status.h"

/* Smallest usable terminal. */
#define CB_MIN_COLS 80
#define CB_MIN_LINES 24

/* Colour pairs (attributes only when NO_COLOR is set or the terminal has none). */
enum cb_style { CB_STYLE_NORMAL, CB_STYLE_TITLE, CB_STYLE_STATUS, CB_STYLE_SELECTED,
		CB_STYLE_WARN, CB_STYLE_GOOD, CB_STYLE_ERROR, CB_STYLE_DIM, CB_STYLE_COUNT };

/* Starts curses on the controlling terminal, or (headless) on no terminal at all. */
enum cb_status cb_display_init(bool headless, cb_err *err);
/* Writes the text of the whole screen as last drawn, one line per row, to path. */
enum cb_status cb_display_dump(const char *path, cb_err *err);
/* Restores the terminal. Safe to call twice. */
void cb_display_end(void);

/* Attribute (colour pair and/or bold/reverse) for a style. */
int cb_display_attr(enum cb_style style);

/* Marks characters from U+0080 up, so they never collide with curses KEY_* codes. */
#define CB_KEY_WIDE 0x40000000
/* True if key is a character to type (not a function or control key). */
#define CB_KEY_IS_TEXT(key) (((key) & CB_KEY_WIDE) || ((key) >= 32 && (key) < 127))
/* The Unicode character of a text key. */
#define CB_KEY_CHAR(key) ((key) & ~CB_KEY_WIDE)

/*
 * Waits for a key: a curses KEY_* code, a control or ASCII character, or a
 * Unicode character with CB_KEY_WIDE set. Returns
 * KEY_RESIZE on resize, and -1 when SIGTERM or SIGHUP asked casebook to stop.
 */
int cb_display_key(void);
bool cb_display_stop_requested(void);
/* Headless runs: cb_display_key returns these keys in turn, then -1. */
void cb_display_feed(const int *keys, size_t n);

/* True if the terminal is smaller than 80x24 (and draws the explanation if so). */
bool cb_display_too_small(void);

/* Draws the bottom line: hints on the left, a message (if any) on the right. */
void cb_display_status(const char *hints, const char *message, enum cb_style message_style);

#endif
