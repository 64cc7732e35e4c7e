/* ui.h: the full-screen terminal app (ncursesw with form, menu and panel). */
#ifndef CASEBOOK_UI_UI_H
#define CASEBOOK_UI_UI_H

#include "forms/forms.h"
#include "store/store.h"

/* What the app works on; the caller keeps these alive while the app runs. */
typedef struct cb_ui_context {
	cb_store *store;
	const cb_form_set *forms;
	const char *practitioner_id; /* whose caseload is home; NULL = every open case */
} cb_ui_context;

/*
 * Runs the app until the user quits or a SIGTERM/SIGHUP arrives; the terminal
 * is restored either way. Returns 0, or 1 after printing why it could not run.
 */
int cb_ui_run(const cb_ui_context *ctx);

#endif
