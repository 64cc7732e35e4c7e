/* help_view.c: the help screen, generated from the key table (keys.h); scrolls when it is long. */
#include "ui/view.h"

#define HELP_TOP 2 /* first line below the title */

static const char *const footer[] = {
	"",
	"  Risk framework totals: higher is safer (risk counts -1,",
	"  protective +1, engagement +2/+1/-1/-2).",
};

struct help_state {
	int top; /* first line shown */
};

static int line_count(void)
{
	int n = 2; /* the heading and a blank line */

	while (cb_key_help_line((size_t)(n - 2)))
		n++;
	return n + (int)(sizeof footer / sizeof footer[0]);
}

/* Line i of the whole help text. */
static const char *help_line(int i)
{
	int keys = line_count() - 2 - (int)(sizeof footer / sizeof footer[0]);

	if (i == 0)
		return "  Keys (the status line shows the main ones for each screen):";
	if (i == 1)
		return "";
	if (i - 2 < keys)
		return cb_key_help_line((size_t)(i - 2));
	return footer[i - 2 - keys];
}

static int page_height(const cb_view *v)
{
	int h = getmaxy(v->win) - HELP_TOP;
	return h > 1 ? h : 1;
}

static void help_draw(cb_view *v)
{
	struct help_state *s = v->priv;
	int total = line_count(), h = page_height(v);
	const char *more = s->top + h < total ? "Down: more  q: back " : "q: back ";

	cb_view_title(v->win, " casebook help", more);
	for (int y = 0; y < h && s->top + y < total; y++)
		mvwaddnstr(v->win, HELP_TOP + y, 0, help_line(s->top + y), getmaxx(v->win));
}

/* Scrolls by a list movement; returns 0 if the action is not one. */
static int scroll_by(cb_view *v, enum cb_action action)
{
	struct help_state *s = v->priv;
	int h = page_height(v), last = line_count() - h;

	switch (action) {
	case CB_ACTION_UP: s->top--; break;
	case CB_ACTION_DOWN: s->top++; break;
	case CB_ACTION_PAGE_UP: s->top -= h; break;
	case CB_ACTION_PAGE_DOWN: s->top += h; break;
	case CB_ACTION_FIRST: s->top = 0; break;
	case CB_ACTION_LAST: s->top = last; break;
	default: return 0;
	}
	if (s->top > last)
		s->top = last;
	if (s->top < 0)
		s->top = 0;
	return 1;
}

static enum cb_key_result help_key(cb_view *v, int key, enum cb_action action)
{
	if (action == CB_ACTION_BACK || action == CB_ACTION_HELP || key == 27)
		return CB_KEY_CLOSE;
	scroll_by(v, action);
	return CB_KEY_HANDLED;
}

const struct cb_view_ops cb_help_view = {
	.name = "help",
	.scope = CB_SCOPE_LIST,
	.private_size = sizeof(struct help_state),
	.draw = help_draw,
	.key = help_key,
};
