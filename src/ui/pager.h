/* pager.h: a scrollable block of word-wrapped text rows, laid out again for the window's width at each draw. */
#ifndef CASEBOOK_UI_PAGER_H
#define CASEBOOK_UI_PAGER_H

#include <curses.h>
#include <stddef.h>

#include "ui/keys.h"

typedef struct cb_pager_row {
	char *text; /* already wrapped: fits the width given to cb_pager_begin */
	int attr;   /* curses attributes for the whole row (cb_display_attr) */
} cb_pager_row;

typedef struct cb_pager {
	cb_pager_row *rows;
	size_t count;
	int width;  /* the width rows are wrapped to */
	size_t top; /* first row shown; kept across cb_pager_begin */
	int height; /* rows shown at the last draw, for paging */
} cb_pager;

/* Drops the rows (keeping the scroll position); what is added next wraps to width columns. */
void cb_pager_begin(cb_pager *p, int width);

/*
 * Adds text, word-wrapped: the first row starts `indent` columns in, the rows
 * it wraps onto (and rows after a newline in text) `hang` columns in. Widths
 * are display columns, so UTF-8 names wrap where they should. Tabs and other
 * control characters show as spaces. The pager copies the text.
 */
void cb_pager_add(cb_pager *p, int attr, int indent, int hang, const char *text);
void cb_pager_addf(cb_pager *p, int attr, int indent, int hang, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void cb_pager_blank(cb_pager *p);

/* Draws the rows from the scroll position into lines y .. y+height-1 of win (scroll clamped). */
void cb_pager_draw(cb_pager *p, WINDOW *win, int y, int height);

/* Scrolls for a list movement (up, down, page up/down, first, last); returns 1 if it was one. */
int cb_pager_scroll(cb_pager *p, enum cb_action action);

/* Frees the rows; the pager can be used again after cb_pager_begin. */
void cb_pager_free(cb_pager *p);

#endif
