/* goal_form.c: a goal for a case: whose, its category and words, and agreement with its pair. */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

#include "core/labels.h"
#include "core/mem.h"
#include "store/casebrief.h"
#include "store/goals.h"
#include "store/people.h"
#include "store/records.h"
#include "ui/form_parts.h"

/* The case and its goals (for pairing), kept for the checks and the save. */
struct goal_ctx {
	cb_case_brief brief;
	cb_goal *goals;
	size_t n_goals;
	char today[11];
};

static void free_ctx(void *p)
{
	struct goal_ctx *c = p;

	cb_case_brief_free(&c->brief);
	cb_goals_free(c->goals, c->n_goals);
	free(c);
}

static const cb_goal *paired_goal(const cb_form_screen *fs)
{
	const struct goal_ctx *c = fs->ctx;
	const char *id = cb_form_value(fs, "paired");

	for (size_t i = 0; i < c->n_goals; i++)
		if (strcmp(c->goals[i].id, id) == 0)
			return &c->goals[i];
	return NULL;
}

static enum cb_status check_date(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	const struct goal_ctx *c = fs->ctx;
	const char *on = cb_form_value(fs, "on");

	*bad = cb_form_at(fs, "on");
	if (strcmp(on, c->today) > 0)
		return cb_fail(err, CB_INVALID, "Set on is after today: enter the day the goal was set");
	if (c->brief.referred_on && strcmp(on, c->brief.referred_on) < 0)
		return cb_fail(err, CB_INVALID,
			       "The case was referred on %s: a goal cannot be set before that",
			       c->brief.referred_on);
	return CB_OK;
}

/* A pair is one family goal and one worker goal; agreement is only about a pair. */
static enum cb_status check_pairing(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	const cb_goal *pair = paired_goal(fs);
	const char *owner = cb_form_value(fs, "owner");

	*bad = cb_form_at(fs, "paired");
	if (pair && strcmp(pair->owner, owner) == 0)
		return cb_fail(err, CB_INVALID,
			       "Pair it with the other side's goal: choose one marked %s",
			       strcmp(owner, "family") == 0 ? "[worker]" : "[family]");
	if (pair == NULL && cb_form_value(fs, "agreement")[0] != '\0') {
		*bad = cb_form_at(fs, "agreement");
		return cb_fail(err, CB_INVALID, "Agreement compares two goals: choose one in "
			       "'Pairs with', or set Not compared");
	}
	if (pair == NULL && cb_form_value(fs, "match")[0] != '\0') {
		*bad = cb_form_at(fs, "match");
		return cb_fail(err, CB_INVALID, "Whether they match needs a pair: choose one in "
			       "'Pairs with', or set Not asked");
	}
	return CB_OK;
}

static enum cb_status goal_check(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	if (strcmp(cb_form_value(fs, "owner"), "worker") == 0 &&
	    cb_form_value(fs, "person")[0] != '\0') {
		*bad = cb_form_at(fs, "person");
		return cb_fail(err, CB_INVALID, "A worker's goal has no family member: choose (the "
			       "family as a whole) here");
	}
	if (check_date(fs, bad, err))
		return err->code;
	return check_pairing(fs, bad, err);
}

static enum cb_status goal_writes(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	const struct goal_ctx *c = fs->ctx;
	cb_store *st = cb_app_context(app)->store;
	const cb_goal *pair = paired_goal(fs);
	char id[CB_UUID_LEN + 1] = "";
	const char *agreement = cb_or_null(cb_form_value(fs, "agreement"));
	const char *match = cb_or_null(cb_form_value(fs, "match"));
	const cb_field goal[] = {
		{"case_id", c->brief.case_id},
		{"category", cb_form_value(fs, "category")},
		{"owner", cb_form_value(fs, "owner")},
		{"owner_person_id", cb_or_null(cb_form_value(fs, "person"))},
		{"text", cb_form_value(fs, "text")},
		{"set_on", cb_form_value(fs, "on")},
		{"paired_goal_id", pair ? pair->id : NULL},
		{"agreement", agreement},
		{"worker_thinks_match", match},
	};
	const cb_field partner[] = {
		{"paired_goal_id", id}, {"agreement", agreement}, {"worker_thinks_match", match},
	};

	if (cb_record_insert(st, "goals", id, goal, sizeof goal / sizeof goal[0], err))
		return err->code;
	/* The pair points both ways, with the same agreement. */
	return pair ? cb_record_update(st, "goals", pair->id, partner, 3, err) : CB_OK;
}

static enum cb_status goal_save(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	if (cb_form_write(fs, app, goal_writes, err))
		return err->code;
	cb_app_message(app, CB_STYLE_GOOD, "Goal saved: %s", cb_form_value(fs, "text"));
	return CB_OK;
}

static void add_people(cb_form_screen *fs, cb_app *app, const char *family_id)
{
	cb_member *members = NULL;
	size_t n = 0;
	cb_err err = {0};

	cb_form_add(fs, &(cb_input){.key = "person", .label = "Which family member",
				    .kind = CB_INPUT_CHOICE,
				    .help = "Whose goal it is, for a family goal"}, "");
	cb_form_add_option(fs, "", "(the family as a whole)");
	if (cb_members_load(cb_app_context(app)->store, family_id, &members, &n, &err) == CB_OK)
		for (size_t i = 0; i < n; i++)
			cb_form_add_option(fs, members[i].person_id, members[i].name);
	cb_members_free(members, n);
}

/* The case's goals not yet paired, marked with whose they are. */
static void add_pairing(cb_form_screen *fs, const struct goal_ctx *c)
{
	cb_form_add(fs, &(cb_input){.key = "paired", .label = "Pairs with",
				    .kind = CB_INPUT_CHOICE,
				    .help = "The other side's goal for the same thing, if collected"}, "");
	cb_form_add_option(fs, "", "(not paired)");
	for (size_t i = 0; i < c->n_goals; i++) {
		if (c->goals[i].paired_goal_id)
			continue;
		char *label = xasprintf("[%s] %s", c->goals[i].owner, c->goals[i].text);
		cb_form_add_option(fs, c->goals[i].id, label);
		free(label);
	}
	cb_form_add(fs, &(cb_input){.key = "agreement", .label = "Agreement",
				    .kind = CB_INPUT_CHOICE,
				    .help = "Are the paired goals the same?"}, "");
	cb_form_add_option(fs, "", "Not compared");
	cb_form_add_option(fs, "identical", "Identical or nearly identical");
	cb_form_add_option(fs, "different", "Different");
	cb_form_add(fs, &(cb_input){.key = "match", .label = "Worker thinks they match",
				    .kind = CB_INPUT_CHOICE,
				    .help = "What you think, before comparing"}, "");
	cb_form_add_option(fs, "", "Not asked");
	cb_form_add_option(fs, "1", "Yes");
	cb_form_add_option(fs, "0", "No");
}

static void add_inputs(cb_form_screen *fs, cb_app *app, const struct goal_ctx *c)
{
	cb_form_add(fs, &(cb_input){.key = "category", .label = "Category", .kind = CB_INPUT_CHOICE,
				    .required = true, .help = "Space to choose"}, "");
	cb_form_add_option(fs, "", "(choose)");
	cb_form_add_table(fs, cb_goal_categories);
	cb_form_add(fs, &(cb_input){.key = "owner", .label = "Whose goal", .kind = CB_INPUT_CHOICE,
				    .required = true}, "family");
	cb_form_add_option(fs, "family", "The family's (or the young person's)");
	cb_form_add_option(fs, "worker", "The worker's");
	add_people(fs, app, c->brief.family_id);
	cb_form_add(fs, &(cb_input){.key = "text", .label = "Goal", .kind = CB_INPUT_LONGTEXT,
				    .lines = 2, .required = true,
				    .help = "In the family's own words when it is theirs"}, "");
	cb_form_add(fs, &(cb_input){.key = "on", .label = "Set on", .kind = CB_INPUT_DATE,
				    .required = true}, c->today);
	add_pairing(fs, c);
}

cb_view *cb_goal_form_open(cb_app *app, const char *case_id, const struct cb_draft *draft)
{
	struct goal_ctx *c = xcalloc(1, sizeof *c);
	cb_form_screen *fs;
	cb_err err = {0};
	char *label;

	snprintf(c->today, sizeof c->today, "%s", cb_app_today(app));
	if (!cb_form_open_case(app, case_id, "set a goal", &c->brief)) {
		free(c);
		return NULL;
	}
	if (cb_goals_load(cb_app_context(app)->store, case_id, false, &c->goals, &c->n_goals,
			  &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		free_ctx(c);
		return NULL;
	}
	label = cb_case_brief_label(&c->brief, c->today);
	fs = cb_form_new("Goal", label, "goal", case_id);
	fs->ctx = c;
	fs->hooks = (cb_form_hooks){.check = goal_check, .save = goal_save, .free_ctx = free_ctx};
	add_inputs(fs, app, c);
	cb_form_restore(fs, draft);
	free(label);
	return cb_form_open(app, fs);
}
