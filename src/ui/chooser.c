/* chooser.c: a titled list whose Enter hands the chosen value to a callback. */
#include "ui/chooser.h"

#include <string.h>

#include "core/mem.h"
#include "ui/list.h"

struct chooser_args {
	const char *title;
	const char *const *labels, *const *values;
	size_t n;
	cb_chosen_fn chosen;
	void *ctx;
	void (*free_ctx)(void *);
};

struct chooser_state {
	char *title;
	char **labels, **values;
	size_t n;
	cb_chosen_fn chosen;
	void *ctx;
	void (*free_ctx)(void *);
	cb_list list;
	int width, height;
};

static enum cb_status chooser_open_view(cb_view *v, const void *arg, cb_err *err)
{
	const struct chooser_args *a = arg;
	struct chooser_state *s = v->priv;

	(void)err;
	s->title = xstrdup(a->title);
	s->n = a->n;
	s->labels = xcalloc(a->n + 1, sizeof *s->labels);
	s->values = xcalloc(a->n + 1, sizeof *s->values);
	for (size_t i = 0; i < a->n; i++) {
		s->labels[i] = xstrdup(a->labels[i]);
		s->values[i] = xstrdup(a->values[i]);
	}
	s->chosen = a->chosen;
	s->ctx = a->ctx;
	s->free_ctx = a->free_ctx;
	return CB_OK;
}

static void lay_out(cb_view *v)
{
	struct chooser_state *s = v->priv;
	char **rows = xcalloc(s->n + 1, sizeof *rows);

	for (size_t i = 0; i < s->n; i++)
		rows[i] = xasprintf("  %s", s->labels[i]);
	s->width = getmaxx(v->win);
	s->height = getmaxy(v->win);
	cb_list_show(&s->list, v->win, 2, getmaxy(v->win) - 2, rows, s->n);
}

static void chooser_draw(cb_view *v)
{
	struct chooser_state *s = v->priv;

	if (s->width != getmaxx(v->win) || s->height != getmaxy(v->win))
		lay_out(v);
	cb_view_title(v->win, s->title, "Enter: choose  q: back ");
	if (s->list.menu) {
		unpost_menu(s->list.menu);
		post_menu(s->list.menu);
	}
}

static enum cb_key_result chooser_key(cb_view *v, int key, enum cb_action action)
{
	struct chooser_state *s = v->priv;

	(void)key;
	if (cb_list_move(&s->list, action))
		return CB_KEY_HANDLED;
	if (action == CB_ACTION_OPEN && s->n > 0) {
		s->chosen(v->app, s->values[cb_list_selected(&s->list)], s->ctx);
		return CB_KEY_CLOSE;
	}
	return CB_KEY_UNHANDLED;
}

static void chooser_close(cb_view *v)
{
	struct chooser_state *s = v->priv;

	cb_list_free(&s->list);
	for (size_t i = 0; i < s->n; i++) {
		free(s->labels[i]);
		free(s->values[i]);
	}
	free(s->labels);
	free(s->values);
	free(s->title);
	if (s->free_ctx)
		s->free_ctx(s->ctx);
}

static const struct cb_view_ops chooser_view = {
	.name = "chooser",
	.scope = CB_SCOPE_LIST,
	.private_size = sizeof(struct chooser_state),
	.open = chooser_open_view,
	.draw = chooser_draw,
	.key = chooser_key,
	.close = chooser_close,
};

cb_view *cb_chooser_open(cb_app *app, const char *title, const char *const *labels,
			 const char *const *values, size_t n, cb_chosen_fn chosen, void *ctx,
			 void (*free_ctx)(void *))
{
	struct chooser_args a = {title, labels, values, n, chosen, ctx, free_ctx};
	cb_view *v = cb_app_push(app, &chooser_view, &a);

	if (v == NULL && free_ctx)
		free_ctx(ctx);
	return v;
}
