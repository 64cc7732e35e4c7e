/* forms.h: reading instrument definitions from YAML files (casebook-forms(5)). */
#ifndef CASEBOOK_FORMS_FORMS_H
#define CASEBOOK_FORMS_FORMS_H

#include <stddef.h>

#include "core/instrument.h"
#include "core/status.h"

/*
 * Loads and validates one instrument file. On success *out is a new
 * instrument the caller frees with cb_instrument_free. On failure returns
 * CB_INVALID (or CB_ERROR if the file cannot be read), *out is NULL, and
 * every problem found is added to diag as "file:line:col: message".
 */
enum cb_status cb_form_load(const char *path, cb_instrument **out, cb_diag *diag);

/* As cb_form_load, from bytes in memory; `name` is used in messages. */
enum cb_status cb_form_load_buffer(const char *name, const unsigned char *data, size_t len,
				   cb_instrument **out, cb_diag *diag);

/* The instruments of one folder, sorted by id. The set owns them. */
typedef struct cb_form_set {
	cb_instrument **forms;
	size_t count;
} cb_form_set;

/*
 * Loads every *.yaml file in dir. Reports every problem in every file (and
 * two files declaring the same id) to diag; returns CB_INVALID if any file is
 * bad, in which case the set holds only the good ones. The caller frees the
 * set with cb_forms_free, whatever the result.
 */
enum cb_status cb_forms_load_dir(const char *dir, cb_form_set *set, cb_diag *diag);

/* The instrument with that id, or NULL. Borrowed from the set. */
const cb_instrument *cb_forms_find(const cb_form_set *set, const char *id);

void cb_forms_free(cb_form_set *set);

#endif
