/* ui.h: the full-screen terminal app (ncursesw with form, menu and panel). */
#ifndef CASEBOOK_UI_UI_H
#define CASEBOOK_UI_UI_H

#include <stdbool.h>

#include "forms/forms.h"
#include "store/store.h"

/*
 * Running without a terminal, for tests and benchmarks: keys come from a list
 * instead of the keyboard, the screen goes nowhere, and at the end its text is
 * written to a file and the timings to stderr.
 */
typedef struct cb_ui_script {
	const int *keys;       /* fed in order; the app ends after the last one */
	size_t n_keys;
	const char *dump_path; /* where to write the final screen's text; NULL for none */
	bool timings;          /* print start-up and per-key times to stderr */
	double started;        /* monotonic seconds when casebook started (cb_ui_seconds) */
} cb_ui_script;

/* Monotonic seconds, for measuring. */
double cb_ui_seconds(void);

/* What the app works on; the caller keeps these alive while the app runs. */
typedef struct cb_ui_context {
	cb_store *store;
	const cb_form_set *forms;
	/* The person using casebook (meta practitioner_id); NULL if not set up. Whose
	 * caseload is home: a practitioner's own cases, everything for a supervisor or
	 * when unknown. The first-run screen sets it. */
	char *practitioner_id;
	bool first_run;              /* a new, empty database: show the welcome screen */
	const cb_ui_script *script;  /* headless run; NULL for the terminal */
} cb_ui_context;

enum cb_ui_result {
	CB_UI_DONE,        /* the user quit, or a signal asked casebook to stop */
	CB_UI_FAILED,      /* could not run; the reason was printed */
	CB_UI_OPEN_SAMPLE, /* on first run, the user chose to look at the sample casebook */
};

/* Runs the app until the user quits; the terminal is restored whatever happens. */
enum cb_ui_result cb_ui_run(cb_ui_context *ctx);

#endif
