/* help_view.c: the help screen, generated from the key table (keys.h). */
#include "ui/view.h"

static void help_draw(cb_view *v)
{
	int y = 2;

	cb_view_title(v->win, " casebook help", "q: back ");
	mvwaddstr(v->win, y++, 2, "Keys (the status line shows the main ones for each screen):");
	y++;
	for (size_t i = 0; cb_key_help_line(i) && y < getmaxy(v->win); i++)
		mvwaddstr(v->win, y++, 0, cb_key_help_line(i));
	if (y + 2 < getmaxy(v->win)) {
		y++;
		mvwaddstr(v->win, y++, 2, "Risk framework totals: higher is safer (risk counts -1,");
		mvwaddstr(v->win, y++, 2, "protective +1, engagement +2/+1/-1/-2).");
	}
}

static enum cb_key_result help_key(cb_view *v, int key, enum cb_action action)
{
	(void)v;
	(void)key;
	return action == CB_ACTION_BACK || action == CB_ACTION_HELP || key == 27 ? CB_KEY_CLOSE
										  : CB_KEY_HANDLED;
}

const struct cb_view_ops cb_help_view = {
	.name = "help",
	.scope = CB_SCOPE_LIST,
	.draw = help_draw,
	.key = help_key,
};
