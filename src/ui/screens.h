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

/* First run: who is using this casebook (name, role, team). */
cb_view *cb_first_run_form_open(cb_app *app, const char *target, const struct cb_draft *draft);

/* Draft kinds and the openers that restore them (assessment drafts are "assessment/<id>"). */
typedef cb_view *(*cb_draft_opener)(cb_app *app, const char *target, const struct cb_draft *d);
extern const struct cb_draft_kind {
	const char *kind;
	cb_draft_opener open;
} cb_draft_openers[];

#endif
