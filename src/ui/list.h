/* list.h: a scrolling list of one-line rows (the menu library), reused by every list screen. */
#ifndef CASEBOOK_UI_LIST_H
#define CASEBOOK_UI_LIST_H

#include <curses.h>
#include <menu.h>
#include <stddef.h>

#include "ui/keys.h"

typedef struct cb_list {
	MENU *menu;
	ITEM **items;
	char **rows; /* owned row texts */
	size_t count;
	WINDOW *sub;
	size_t selected; /* kept across rebuilds (resize, reload) */
	int spacing;     /* lines per row: 0 or 1 single, 2 a blank line between rows */
} cb_list;

/*
 * Shows rows (taking ownership of the array and its strings) in the part of
 * win from line `top` for `height` lines. Call again after a resize or reload;
 * the selection is kept where possible.
 */
void cb_list_show(cb_list *list, WINDOW *win, int top, int height, char **rows, size_t count);
/* Moves the selection for a list action; returns 1 if the action was a movement. */
int cb_list_move(cb_list *list, enum cb_action action);
/* Index of the selected row (0 if the list is empty). */
size_t cb_list_selected(const cb_list *list);
void cb_list_select(cb_list *list, size_t index);
/* Frees the menu and the rows. */
void cb_list_free(cb_list *list);

#endif
