/* help_view.c: the help screen, generated from the key table (keys.h); it scrolls. */
#include "ui/view.h"

#include <stdbool.h>

#include "ui/pager.h"

struct help_state {
	cb_pager pager;
	unsigned scope; /* the screen help was asked from: its keys come first */
};

static enum cb_status help_open(cb_view *v, const void *arg, cb_err *err)
{
	struct help_state *s = v->priv;
	const struct cb_view_ops *from = arg;

	(void)err;
	s->scope = from ? from->scope : 0;
	return CB_OK;
}

/* Adds the help lines whose scope does (or does not) include the screen's. */
static void add_keys(cb_pager *p, unsigned scope, bool on_this_screen)
{
	for (size_t i = 0; cb_key_help_line(i); i++) {
		bool here = (cb_key_help_scope(i) & scope) != 0;
		if (here == on_this_screen)
			cb_pager_add(p, A_NORMAL, 0, 17, cb_key_help_line(i));
	}
}

static void help_draw(cb_view *v)
{
	struct help_state *s = v->priv;
	cb_pager *p = &s->pager;

	cb_view_title(v->win, " casebook help", "Up/Down: scroll  q: back ");
	cb_pager_begin(p, getmaxx(v->win));
	cb_pager_add(p, A_BOLD, 2, 2, "Keys on this screen (the status line shows the main ones):");
	add_keys(p, s->scope | CB_SCOPE_GLOBAL, true);
	cb_pager_blank(p);
	cb_pager_add(p, A_BOLD, 2, 2, "Keys on other screens:");
	add_keys(p, s->scope | CB_SCOPE_GLOBAL, false);
	cb_pager_blank(p);
	cb_pager_add(p, A_BOLD, 2, 2, "Risk framework totals: higher is safer (risk counts -1, "
				      "protective +1, engagement +2/+1/-1/-2).");
	cb_pager_add(p, A_NORMAL, 2, 2, "Forms keep what you type as a draft with every key; "
					"after a crash or a closed terminal, casebook offers it again.");
	cb_pager_draw(p, v->win, 2, getmaxy(v->win) - 2);
}

static enum cb_key_result help_key(cb_view *v, int key, enum cb_action action)
{
	struct help_state *s = v->priv;

	if (action == CB_ACTION_BACK || action == CB_ACTION_HELP || key == 27)
		return CB_KEY_CLOSE;
	cb_pager_scroll(&s->pager, action);
	return CB_KEY_HANDLED;
}

static void help_close(cb_view *v)
{
	struct help_state *s = v->priv;

	cb_pager_free(&s->pager);
}

const struct cb_view_ops cb_help_view = {
	.name = "help",
	.scope = CB_SCOPE_LIST,
	.private_size = sizeof(struct help_state),
	.open = help_open,
	.draw = help_draw,
	.key = help_key,
	.close = help_close,
};
