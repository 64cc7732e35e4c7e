/* list.c: rows in an ncurses menu, with selection kept across rebuilds. */
#include "ui/list.h"

#include <stdlib.h>

#include "core/mem.h"
#include "ui/display.h"

static void unpost(cb_list *list)
{
	if (list->menu) {
		list->selected = (size_t)item_index(current_item(list->menu));
		unpost_menu(list->menu);
		free_menu(list->menu);
		list->menu = NULL;
	}
	for (size_t i = 0; list->items && i < list->count; i++)
		free_item(list->items[i]);
	free(list->items);
	list->items = NULL;
	if (list->sub) {
		delwin(list->sub);
		list->sub = NULL;
	}
}

static void free_rows(cb_list *list)
{
	for (size_t i = 0; list->rows && i < list->count; i++)
		free(list->rows[i]);
	free(list->rows);
	list->rows = NULL;
	list->count = 0;
}

void cb_list_show(cb_list *list, WINDOW *win, int top, int height, char **rows, size_t count)
{
	unpost(list);
	if (rows != list->rows)
		free_rows(list);
	list->rows = rows;
	list->count = count;
	if (count == 0 || height < 1)
		return;
	list->items = xcalloc(count + 1, sizeof *list->items);
	for (size_t i = 0; i < count; i++)
		list->items[i] = new_item(rows[i], "");
	list->menu = new_menu(list->items);
	list->sub = derwin(win, height, getmaxx(win), top, 0);
	set_menu_win(list->menu, win);
	set_menu_sub(list->menu, list->sub);
	if (list->spacing > 1 && height >= list->spacing) {
		set_menu_spacing(list->menu, 0, list->spacing, 0);
		height /= list->spacing;
	}
	set_menu_format(list->menu, height, 1);
	set_menu_mark(list->menu, "");
	set_menu_fore(list->menu, (chtype)cb_display_attr(CB_STYLE_SELECTED));
	set_menu_back(list->menu, A_NORMAL);
	menu_opts_off(list->menu, O_SHOWDESC | O_NONCYCLIC);
	menu_opts_on(list->menu, O_NONCYCLIC);
	post_menu(list->menu);
	cb_list_select(list, list->selected < count ? list->selected : count - 1);
}

int cb_list_move(cb_list *list, enum cb_action action)
{
	int req;

	switch (action) {
	case CB_ACTION_UP: req = REQ_UP_ITEM; break;
	case CB_ACTION_DOWN: req = REQ_DOWN_ITEM; break;
	case CB_ACTION_PAGE_UP: req = REQ_SCR_UPAGE; break;
	case CB_ACTION_PAGE_DOWN: req = REQ_SCR_DPAGE; break;
	case CB_ACTION_FIRST: req = REQ_FIRST_ITEM; break;
	case CB_ACTION_LAST: req = REQ_LAST_ITEM; break;
	default: return 0;
	}
	if (list->menu) {
		menu_driver(list->menu, req);
		list->selected = (size_t)item_index(current_item(list->menu));
	}
	return 1;
}

size_t cb_list_selected(const cb_list *list)
{
	return list->selected;
}

void cb_list_select(cb_list *list, size_t index)
{
	if (list->menu && index < list->count) {
		set_current_item(list->menu, list->items[index]);
		list->selected = index;
	}
}

void cb_list_free(cb_list *list)
{
	unpost(list);
	free_rows(list);
}
