/* screens.h: the particular form screens, each built on the form engine (form_view.h). */
#ifndef CASEBOOK_UI_SCREENS_H
#define CASEBOOK_UI_SCREENS_H

#include "ui/form_view.h"

/*
 * Each builds its form for the record it is about and opens it; on failure it
 * shows the message and returns NULL. A draft (from cb_drafts_list) may be
 * given to fill the form with what was typed before; NULL for a fresh form.
 */
struct cb_draft;
cb_view *cb_note_form_open(cb_app *app, const char *case_id, const struct cb_draft *draft);
/* An instrument from the forms folder (by id) for a case. */
cb_view *cb_assessment_form_open(cb_app *app, const char *case_id, const char *instrument,
				 const struct cb_draft *draft);
/* Asks which instrument, then opens its form. */
cb_view *cb_instrument_chooser_open(cb_app *app, const char *case_id);

/* Opens the form an action names (note, assessment, goal, review, plan, closure, amendment,
 * referral) for a case; false if the action is not one of those. */
bool cb_case_action(cb_app *app, enum cb_action action, const char *case_id);
bool cb_is_case_action(enum cb_action action);

/* First run: who is using this casebook (name, role, team). */
cb_view *cb_first_run_form_open(cb_app *app, const char *target, const struct cb_draft *draft);

/* Draft kinds and the openers that restore them (assessment drafts are "assessment/<id>"). */
typedef cb_view *(*cb_draft_opener)(cb_app *app, const char *target, const struct cb_draft *d);
extern const struct cb_draft_kind {
	const char *kind;
	cb_draft_opener open;
} cb_draft_openers[];
/*
 * The forms below keep their drafts as kind and target: family "" (a new
 * family and its people; after saving it offers to open a case), case
 * <family id> (a referral opening a case), goal <case id>, review <goal id>,
 * plan <case id> (a plan change), closure <case id>, amendment <note id>,
 * supervision <team id> or "" (a group case discussion).
 */
cb_view *cb_family_form_open(cb_app *app, const struct cb_draft *draft);
/* A family already recorded: its name, reference and address, its people's names and dates
 * of birth, and people joining it. Its drafts are kind family, target the family's id. */
cb_view *cb_family_edit_form_open(cb_app *app, const char *family_id, const struct cb_draft *draft);
cb_view *cb_case_form_open(cb_app *app, const char *family_id, const struct cb_draft *draft);
cb_view *cb_goal_form_open(cb_app *app, const char *case_id, const struct cb_draft *draft);
cb_view *cb_review_form_open(cb_app *app, const char *goal_id, const struct cb_draft *draft);
cb_view *cb_plan_form_open(cb_app *app, const char *case_id, const struct cb_draft *draft);
cb_view *cb_closure_form_open(cb_app *app, const char *case_id, const struct cb_draft *draft);
cb_view *cb_amend_form_open(cb_app *app, const char *note_id, const struct cb_draft *draft);

/*
 * Recording a group case discussion: date, who was there (ticks for the
 * team's practitioners, every active one when team_id is NULL), the cases
 * discussed with a decision each, and actions with owner, due date and case.
 * case_id (may be NULL) is put in as the first case discussed. The draft is
 * kind "supervision", target the team id or "".
 */
cb_view *cb_discussion_form_open(cb_app *app, const char *team_id, const char *case_id,
				 const struct cb_draft *draft);
/* Asks which of the case's open discussion actions is done, then marks it done today. */
cb_view *cb_action_done_chooser_open(cb_app *app, const char *case_id);

/* Asks which of the case's active goals (with their latest progress), then reviews it. */
cb_view *cb_review_chooser_open(cb_app *app, const char *case_id);
/* Asks which of the case's 20 most recent notes, then opens its amendment form. */
cb_view *cb_amend_chooser_open(cb_app *app, const char *case_id);

#endif
