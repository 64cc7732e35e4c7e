/* form_view.h: one form engine (libform) for every form screen, driven by a field list. */
#ifndef CASEBOOK_UI_FORM_VIEW_H
#define CASEBOOK_UI_FORM_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/view.h"

enum cb_input_kind {
	CB_INPUT_HEADING,  /* a section title; not a field */
	CB_INPUT_NOTE,     /* read-only text shown in the form (e.g. the note being amended) */
	CB_INPUT_TEXT,     /* one line */
	CB_INPUT_LONGTEXT, /* several lines, grows as you type */
	CB_INPUT_DATE,     /* YYYY-MM-DD */
	CB_INPUT_DATETIME, /* YYYY-MM-DDTHH:MM */
	CB_INPUT_NUMBER,   /* whole number from min to max */
	CB_INPUT_CHOICE,   /* one of options: Space / Left / Right or the first letter */
	CB_INPUT_TICK,     /* ticked ("1") or not ("0"): Space */
};

typedef struct cb_input_option {
	char *value; /* stored; "" means "not answered" */
	char *label; /* shown */
} cb_input_option;

typedef struct cb_input {
	char *key;   /* the value's name (draft key, save hook lookup) */
	char *label;
	char *help;  /* shown under the form while the field is current; may be NULL */
	enum cb_input_kind kind;
	int lines;   /* LONGTEXT: visible lines (default 3) */
	int min, max;
	cb_input_option *options;
	size_t n_options;
	bool required;
} cb_input;

typedef struct cb_form_screen cb_form_screen;

/* What a form does beyond typing: everything a particular form knows. */
typedef struct cb_form_hooks {
	/* A live line under the title (e.g. risk subtotals); may be NULL. */
	void (*summary)(const cb_form_screen *fs, char *buf, size_t size);
	/* Checks across fields; on a problem sets *bad to the input index and err. May be NULL. */
	enum cb_status (*check)(const cb_form_screen *fs, size_t *bad, cb_err *err);
	/* Writes the record(s) in one transaction; on success returns CB_OK and may set
	 * a message for the screen below. */
	enum cb_status (*save)(cb_form_screen *fs, cb_app *app, cb_err *err);
	/* Frees ctx. May be NULL. */
	void (*free_ctx)(void *ctx);
} cb_form_hooks;

struct cb_form_screen {
	char *title;     /* e.g. "Contact note" */
	char *context;   /* e.g. "Ada Okafor (14) - Okafor family"; may be NULL */
	cb_input *inputs;
	size_t n_inputs;
	char **values;   /* current value of each input (owned; "" when empty) */
	char *draft_kind, *draft_target; /* where the draft is kept */
	cb_form_hooks hooks;
	void *ctx;       /* the particular form's own data */
};

/* Makes an empty form screen; the caller adds inputs and hands it to cb_form_open. */
cb_form_screen *cb_form_new(const char *title, const char *context, const char *draft_kind,
			    const char *draft_target);
/* Appends an input (copied) with its initial value; returns its index. */
size_t cb_form_add(cb_form_screen *fs, const cb_input *in, const char *value);
/* Adds an option to the last CHOICE input added. */
void cb_form_add_option(cb_form_screen *fs, const char *value, const char *label);
/* Index of the input with that key, or -1. */
long cb_form_find(const cb_form_screen *fs, const char *key);
/* Current value of the input with that key ("" if none). Borrowed. */
const char *cb_form_value(const cb_form_screen *fs, const char *key);
/* Replaces a value (restoring a draft). */
void cb_form_set_value(cb_form_screen *fs, const char *key, const char *value);
void cb_form_free(cb_form_screen *fs);

/* Opens the form as a view; the view takes ownership of fs (freed on close). */
cb_view *cb_form_open(cb_app *app, cb_form_screen *fs);

/* Checks one value against its input's kind, range and requiredness. */
enum cb_status cb_input_check(const cb_input *in, const char *value, cb_err *err);


#endif
