/* review_form.c: a goal review (progress 0-10, status, comment), and choosing which goal. */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

#include "core/labels.h"
#include "core/mem.h"
#include "store/casebrief.h"
#include "store/goals.h"
#include "store/records.h"
#include "ui/chooser.h"
#include "ui/form_parts.h"

/* The goal under review and its case. */
struct review_ctx {
	cb_goal goal;
	cb_case_brief brief;
	char today[11];
};

static void free_ctx(void *p)
{
	struct review_ctx *c = p;

	cb_goal_free(&c->goal);
	cb_case_brief_free(&c->brief);
	free(c);
}

/* "4/10 on 2026-03-01", or "not reviewed yet". The caller frees it. */
static char *latest_progress(const cb_goal *g)
{
	if (g->progress < 0)
		return xstrdup("not reviewed yet");
	return xasprintf("%d/10 on %s", g->progress, g->reviewed_on);
}

static enum cb_status review_check(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	const struct review_ctx *c = fs->ctx;
	const char *on = cb_form_value(fs, "on");

	*bad = cb_form_at(fs, "on");
	if (strcmp(on, c->today) > 0)
		return cb_fail(err, CB_INVALID, "The review date is after today: enter the day of "
			       "the review");
	if (strcmp(on, c->goal.set_on) < 0)
		return cb_fail(err, CB_INVALID, "The goal was set on %s: the review cannot be before "
			       "that", c->goal.set_on);
	if (strcmp(cb_form_value(fs, "status"), "dropped") == 0 &&
	    cb_form_value(fs, "comment")[0] == '\0') {
		*bad = cb_form_at(fs, "comment");
		return cb_fail(err, CB_INVALID, "Say in the comment why the goal was dropped");
	}
	return CB_OK;
}

static enum cb_status review_writes(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	const struct review_ctx *c = fs->ctx;
	cb_store *st = cb_app_context(app)->store;
	const char *status = cb_form_value(fs, "status");
	char id[CB_UUID_LEN + 1] = "";
	const cb_field review[] = {
		{"goal_id", c->goal.id},
		{"reviewed_on", cb_form_value(fs, "on")},
		{"progress", cb_form_value(fs, "progress")},
		{"comment", cb_or_null(cb_form_value(fs, "comment"))},
	};
	const cb_field goal[] = {{"status", status}};

	if (cb_record_insert(st, "goal_reviews", id, review, 4, err))
		return err->code;
	if (strcmp(status, c->goal.status) == 0)
		return CB_OK;
	return cb_record_update(st, "goals", c->goal.id, goal, 1, err);
}

static enum cb_status review_save(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	const struct review_ctx *c = fs->ctx;

	if (cb_form_write(fs, app, review_writes, err))
		return err->code;
	cb_app_message(app, CB_STYLE_GOOD, "Review saved: %s/10, %s: %s",
		       cb_form_value(fs, "progress"),
		       cb_label_of(cb_goal_statuses, cb_form_value(fs, "status")), c->goal.text);
	return CB_OK;
}

static void add_inputs(cb_form_screen *fs, const struct review_ctx *c)
{
	const cb_goal *g = &c->goal;
	char *what = xasprintf("Goal (%s, %s): %s", cb_label_of(cb_goal_categories, g->category),
			       g->owner_name ? g->owner_name
			       : strcmp(g->owner, "worker") == 0 ? "the worker's" : "the family's",
			       g->text);
	char *latest = latest_progress(g), *when;

	when = g->progress < 0 ? xasprintf("Set on %s; not reviewed yet", g->set_on)
			       : xasprintf("Set on %s; last progress %s", g->set_on, latest);
	cb_form_add(fs, &(cb_input){.label = what, .kind = CB_INPUT_NOTE}, "");
	cb_form_add(fs, &(cb_input){.label = when, .kind = CB_INPUT_NOTE}, "");
	cb_form_add(fs, &(cb_input){.key = "on", .label = "Review date", .kind = CB_INPUT_DATE,
				    .required = true}, c->today);
	cb_form_add(fs, &(cb_input){.key = "progress", .label = "Progress", .kind = CB_INPUT_NUMBER,
				    .min = 0, .max = 10, .required = true,
				    .help = "0 (no progress) to 10 (fully achieved), as the family rates it"},
		    "");
	cb_form_add(fs, &(cb_input){.key = "status", .label = "Goal is now", .kind = CB_INPUT_CHOICE,
				    .required = true}, g->status);
	cb_form_add_table(fs, cb_goal_statuses);
	cb_form_add(fs, &(cb_input){.key = "comment", .label = "Comment", .kind = CB_INPUT_LONGTEXT,
				    .lines = 2, .help = "What helped or got in the way"}, "");
	free(what);
	free(when);
	free(latest);
}

cb_view *cb_review_form_open(cb_app *app, const char *goal_id, const struct cb_draft *draft)
{
	struct review_ctx *c = xcalloc(1, sizeof *c);
	cb_form_screen *fs;
	cb_err err = {0};
	char *label;

	snprintf(c->today, sizeof c->today, "%s", cb_app_today(app));
	if (cb_goal_load(cb_app_context(app)->store, goal_id, &c->goal, &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		free(c);
		return NULL;
	}
	if (!cb_form_open_case(app, c->goal.case_id, "review its goals", &c->brief)) {
		cb_goal_free(&c->goal);
		free(c);
		return NULL;
	}
	label = cb_case_brief_label(&c->brief, c->today);
	fs = cb_form_new("Goal review", label, "review", goal_id);
	fs->ctx = c;
	fs->hooks = (cb_form_hooks){.check = review_check, .save = review_save,
				    .free_ctx = free_ctx};
	add_inputs(fs, c);
	cb_form_restore(fs, draft);
	free(label);
	return cb_form_open(app, fs);
}

static void goal_chosen(cb_app *app, const char *goal_id, void *ctx)
{
	(void)ctx;
	cb_review_form_open(app, goal_id, NULL);
}

cb_view *cb_review_chooser_open(cb_app *app, const char *case_id)
{
	cb_goal *goals = NULL;
	size_t n = 0;
	cb_err err = {0};
	char **labels = NULL;
	const char **values = NULL;
	cb_view *v = NULL;

	if (cb_goals_load(cb_app_context(app)->store, case_id, true, &goals, &n, &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		goto out;
	}
	if (n == 0) {
		cb_app_message(app, CB_STYLE_WARN, "No active goals on this case: set one with G");
		goto out;
	}
	labels = xcalloc(n, sizeof *labels);
	values = xcalloc(n, sizeof *values);
	for (size_t i = 0; i < n; i++) {
		char *latest = latest_progress(&goals[i]);
		labels[i] = xasprintf("%s  [%s, %s]", goals[i].text, goals[i].owner, latest);
		values[i] = goals[i].id;
		free(latest);
	}
	v = cb_chooser_open(app, " Review which goal?", (const char *const *)labels, values, n,
			    goal_chosen, NULL, NULL);
out:
	for (size_t i = 0; labels && i < n; i++)
		free(labels[i]);
	free(labels);
	free(values);
	cb_goals_free(goals, n);
	return v;
}
