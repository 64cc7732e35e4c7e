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

#endif
