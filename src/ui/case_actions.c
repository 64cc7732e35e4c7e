/* case_actions.c: the forms any screen showing a case can open for it (one key each). */
#include "ui/screens.h"

#include "store/casebrief.h"

static void open_note(cb_app *app, const char *case_id)
{
	cb_note_form_open(app, case_id, NULL);
}

static void open_assessment(cb_app *app, const char *case_id)
{
	cb_instrument_chooser_open(app, case_id);
}

static void open_goal(cb_app *app, const char *case_id)
{
	cb_goal_form_open(app, case_id, NULL);
}

static void open_review(cb_app *app, const char *case_id)
{
	cb_review_chooser_open(app, case_id);
}

static void open_plan(cb_app *app, const char *case_id)
{
	cb_plan_form_open(app, case_id, NULL);
}

static void open_closure(cb_app *app, const char *case_id)
{
	cb_closure_form_open(app, case_id, NULL);
}

static void open_amendment(cb_app *app, const char *case_id)
{
	cb_amend_chooser_open(app, case_id);
}

static void open_action_done(cb_app *app, const char *case_id)
{
	cb_action_done_chooser_open(app, case_id);
}

/* Opens a form about the selected case's family. */
static void open_for_family(cb_app *app, const char *case_id,
			    cb_view *(*open)(cb_app *, const char *, const struct cb_draft *))
{
	cb_case_brief brief;
	cb_err err = {0};

	if (cb_case_brief_load(cb_app_context(app)->store, case_id, &brief, &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		return;
	}
	open(app, brief.family_id, NULL);
	cb_case_brief_free(&brief);
}

/* A referral for the selected case's family: the same child or a sibling. */
static void open_referral(cb_app *app, const char *case_id)
{
	open_for_family(app, case_id, cb_case_form_open);
}

/* The selected case's family: correct names and dates of birth, add someone. */
static void open_family(cb_app *app, const char *case_id)
{
	open_for_family(app, case_id, cb_family_edit_form_open);
}

static const struct {
	enum cb_action action;
	void (*open)(cb_app *app, const char *case_id);
} case_actions[] = {
	{CB_ACTION_NEW_NOTE, open_note},     {CB_ACTION_NEW_ASSESSMENT, open_assessment},
	{CB_ACTION_NEW_GOAL, open_goal},     {CB_ACTION_REVIEW_GOAL, open_review},
	{CB_ACTION_CHANGE_PLAN, open_plan},  {CB_ACTION_CLOSE_CASE, open_closure},
	{CB_ACTION_AMEND_NOTE, open_amendment}, {CB_ACTION_NEW_REFERRAL, open_referral},
	{CB_ACTION_ACTION_DONE, open_action_done}, {CB_ACTION_EDIT_FAMILY, open_family},
};

/* Runs the action for the case; false if it is not a case action. */
bool cb_case_action(cb_app *app, enum cb_action action, const char *case_id)
{
	for (size_t i = 0; i < sizeof case_actions / sizeof case_actions[0]; i++) {
		if (case_actions[i].action == action) {
			case_actions[i].open(app, case_id);
			return true;
		}
	}
	return false;
}

bool cb_is_case_action(enum cb_action action)
{
	for (size_t i = 0; i < sizeof case_actions / sizeof case_actions[0]; i++)
		if (case_actions[i].action == action)
			return true;
	return false;
}
