/* search_view.c: `/` results: names and note text; Enter opens the case at the hit. */
#include "ui/view.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "store/search.h"
#include "ui/list.h"
#include "ui/prompt.h"
#include "ui/screens.h"

#define MAX_HITS 200

struct search_state {
	char *text;
	cb_hit *hits;
	size_t count;
	cb_list list;
	int width, height;
	bool stale; /* a referral was opened from a hit: the hits change once it is saved */
};

static char *format_hit(const cb_hit *h, int width)
{
	int who_w = width / 3, when_w = 11;
	char *who = xmalloc(4 * (size_t)who_w + 1), *rest = xmalloc(4 * (size_t)width + 1);
	char when[16];
	char *row;

	snprintf(when, sizeof when, "%.10s", h->when ? h->when : h->what);
	cb_text_fit(who, h->child, who_w);
	cb_text_fit(rest, h->snippet ? h->snippet : "", width - who_w - when_w - 4);
	row = xasprintf(" %s %-10s %s", who, when, rest);
	free(who);
	free(rest);
	return row;
}

/* Runs the search (again), replacing the hits and the list's rows. */
static enum cb_status run(cb_view *v, cb_err *err)
{
	struct search_state *s = v->priv;
	char **rows;

	cb_hits_free(s->hits, s->count);
	s->hits = NULL;
	s->count = 0;
	s->stale = false;
	if (cb_search(cb_app_context(v->app)->store, s->text, MAX_HITS, &s->hits, &s->count, err))
		return err->code;
	rows = xcalloc(s->count + 1, sizeof *rows);
	for (size_t i = 0; i < s->count; i++)
		rows[i] = format_hit(&s->hits[i], getmaxx(v->win));
	s->width = getmaxx(v->win);
	s->height = getmaxy(v->win);
	cb_list_show(&s->list, v->win, 2, getmaxy(v->win) - 2, rows, s->count);
	return CB_OK;
}

static enum cb_status search_open(cb_view *v, const void *arg, cb_err *err)
{
	struct search_state *s = v->priv;

	s->text = xstrdup(arg);
	return run(v, err);
}

static void search_draw(cb_view *v)
{
	struct search_state *s = v->priv;
	char title[256], right[48];
	cb_err err = {0};

	if (s->width != getmaxx(v->win) || s->height != getmaxy(v->win))
		run(v, &err);
	snprintf(title, sizeof title, " Search: %s", s->text);
	snprintf(right, sizeof right, "%zu found%s ", s->count, s->count == MAX_HITS ? " (first)" : "");
	cb_view_title(v->win, title, right);
	mvwaddstr(v->win, 1, 1, "Names and words in notes. Enter: open (at the note)   /: search again   q: back");
	if (s->count == 0)
		mvwaddstr(v->win, 3, 2, "Nothing found. Try fewer or shorter words.");
	else {
		unpost_menu(s->list.menu);
		post_menu(s->list.menu);
	}
}

static enum cb_key_result search_key(cb_view *v, int key, enum cb_action action)
{
	struct search_state *s = v->priv;

	(void)key;
	if (cb_list_move(&s->list, action))
		return CB_KEY_HANDLED;
	if (action == CB_ACTION_OPEN && s->count > 0) {
		const cb_hit *h = &s->hits[cb_list_selected(&s->list)];
		cb_view *c;

		if (h->case_id == NULL) { /* a family added without a case: record its referral */
			s->stale = cb_case_form_open(v->app, h->family_id, NULL) != NULL;
			return CB_KEY_HANDLED;
		}
		c = cb_app_push(v->app, &cb_case_view, h->case_id);
		if (c && h->note_id)
			cb_case_view_focus_note(c, h->note_id);
		return CB_KEY_HANDLED;
	}
	if (action == CB_ACTION_SEARCH) {
		cb_search_ask(v->app);
		return CB_KEY_CLOSE;
	}
	return CB_KEY_UNHANDLED;
}

/* Back from a referral opened on a family with no case: that family now has one, so the
 * search runs again, on the same row. Back from a case, nothing is read again. */
static void search_resume(cb_view *v)
{
	struct search_state *s = v->priv;
	size_t at = s->count ? cb_list_selected(&s->list) : 0;
	cb_err err = {0};

	if (!s->stale)
		return;
	if (run(v, &err))
		cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
	else if (at < s->count)
		cb_list_select(&s->list, at);
}

static void search_close(cb_view *v)
{
	struct search_state *s = v->priv;

	cb_list_free(&s->list);
	cb_hits_free(s->hits, s->count);
	free(s->text);
}

static const struct cb_view_ops search_view = {
	.name = "search",
	.scope = CB_SCOPE_LIST,
	.private_size = sizeof(struct search_state),
	.open = search_open,
	.draw = search_draw,
	.key = search_key,
	.close = search_close,
	.resume = search_resume,
};

void cb_search_ask(cb_app *app)
{
	char *text = NULL;

	if (cb_prompt("Search names and notes:", &text) && text[0] != '\0')
		cb_app_push(app, &search_view, text);
	free(text);
}
