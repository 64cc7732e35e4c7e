/* drafts_view.c: at start, offers the forms left unsaved (crash, kill, closed terminal). */
#include "ui/view.h"

#include <stdio.h>
#include <string.h>

#include "core/mem.h"
#include "store/drafts.h"
#include "ui/list.h"
#include "ui/screens.h"

struct drafts_state {
	cb_draft *drafts;
	size_t count;
	cb_list list;
	int width, height;
};

/* A new family's draft has the target ""; a change to a family, the family's id. */
static cb_view *restore_family(cb_app *app, const char *target, const cb_draft *d)
{
	if (target[0] != '\0')
		return cb_family_edit_form_open(app, target, d);
	return cb_family_form_open(app, d);
}

/* A discussion's draft is kept under its team's id, or "" when it is not one team's. */
static cb_view *restore_discussion(cb_app *app, const char *target, const cb_draft *d)
{
	return cb_discussion_form_open(app, target, NULL, d);
}

const struct cb_draft_kind cb_draft_openers[] = {
	{"note", cb_note_form_open},
	{"first-run", cb_first_run_form_open},
	{"family", restore_family},
	{"case", cb_case_form_open},
	{"goal", cb_goal_form_open},
	{"review", cb_review_form_open},
	{"plan", cb_plan_form_open},
	{"closure", cb_closure_form_open},
	{"amendment", cb_amend_form_open},
	{"supervision", restore_discussion},
	{NULL, NULL},
};

/* Opens the form a draft belongs to, filled with what was typed. */
static cb_view *restore(cb_app *app, const cb_draft *d)
{
	const char *prefix = "assessment/";

	if (strncmp(d->kind, prefix, strlen(prefix)) == 0)
		return cb_assessment_form_open(app, d->target, d->kind + strlen(prefix), d);
	for (size_t i = 0; cb_draft_openers[i].kind; i++)
		if (strcmp(cb_draft_openers[i].kind, d->kind) == 0)
			return cb_draft_openers[i].open(app, d->target, d);
	cb_app_message(app, CB_STYLE_ERROR, "This casebook cannot reopen a '%s' draft", d->kind);
	return NULL;
}

static enum cb_status load(cb_view *v, cb_err *err)
{
	struct drafts_state *s = v->priv;
	char **rows;

	cb_drafts_free(s->drafts, s->count);
	s->drafts = NULL;
	s->count = 0;
	if (cb_drafts_list(cb_app_context(v->app)->store, &s->drafts, &s->count, err))
		return err->code;
	rows = xcalloc(s->count + 1, sizeof *rows);
	for (size_t i = 0; i < s->count; i++)
		rows[i] = xasprintf("  %.16s  %s", s->drafts[i].saved_at, s->drafts[i].title);
	s->width = getmaxx(v->win);
	s->height = getmaxy(v->win);
	cb_list_show(&s->list, v->win, 4, getmaxy(v->win) - 4, rows, s->count);
	return CB_OK;
}

static enum cb_status drafts_open(cb_view *v, const void *arg, cb_err *err)
{
	(void)arg;
	return load(v, err);
}

static void drafts_draw(cb_view *v)
{
	struct drafts_state *s = v->priv;
	cb_err err = {0};

	if (s->width != getmaxx(v->win) || s->height != getmaxy(v->win))
		load(v, &err);
	cb_view_title(v->win, " Unsaved forms from last time", "");
	mvwaddstr(v->win, 1, 2, "These were being filled in when casebook stopped. Nothing typed was lost.");
	mvwaddstr(v->win, 2, 2, "Enter: carry on with it   d: throw it away   q: decide later");
	if (s->list.menu) {
		unpost_menu(s->list.menu);
		post_menu(s->list.menu);
	}
}

static enum cb_key_result drafts_key(cb_view *v, int key, enum cb_action action)
{
	struct drafts_state *s = v->priv;
	cb_err err = {0};

	if (cb_list_move(&s->list, action))
		return CB_KEY_HANDLED;
	if (s->count == 0)
		return CB_KEY_UNHANDLED;
	const cb_draft *d = &s->drafts[cb_list_selected(&s->list)];
	if (action == CB_ACTION_OPEN) {
		if (restore(v->app, d) != NULL && s->count == 1)
			return CB_KEY_CLOSE;
		return CB_KEY_HANDLED;
	}
	if (key == 'd') {
		if (cb_draft_delete(cb_app_context(v->app)->store, d->kind, d->target, &err) ||
		    load(v, &err))
			cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
		else
			cb_app_message(v->app, CB_STYLE_NORMAL, "Draft thrown away");
		return s->count == 0 ? CB_KEY_CLOSE : CB_KEY_HANDLED;
	}
	return CB_KEY_UNHANDLED;
}

static void drafts_resume(cb_view *v)
{
	cb_err err = {0};

	if (load(v, &err))
		cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
}

static void drafts_close(cb_view *v)
{
	struct drafts_state *s = v->priv;

	cb_list_free(&s->list);
	cb_drafts_free(s->drafts, s->count);
}

const struct cb_view_ops cb_drafts_view = {
	.name = "drafts",
	.scope = CB_SCOPE_LIST,
	.private_size = sizeof(struct drafts_state),
	.open = drafts_open,
	.draw = drafts_draw,
	.key = drafts_key,
	.close = drafts_close,
	.resume = drafts_resume,
};
