/* import.h: reading a caseload file (casebook-data(5)) into the casebook in one transaction. */
#ifndef CASEBOOK_CLI_IMPORT_H
#define CASEBOOK_CLI_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "cli/datafmt.h"
#include "core/status.h"
#include "forms/forms.h"
#include "store/store.h"

/* What an import added, per kind of record, and what it found already there. */
typedef struct cb_import_result {
	long imported[CB_R_COUNT];
	long skipped; /* records already in the casebook with the same content */
} cb_import_result;

/*
 * Called the first time an assessment needs the instruments; returns the
 * loaded set (borrowed; it must outlive the import) or NULL if none could be
 * loaded. Lets files without assessments import without a forms folder.
 */
typedef const cb_form_set *(*cb_import_forms_fn)(void *ctx);

typedef struct cb_import_opts {
	cb_import_forms_fn forms;
	void *forms_ctx;
	const char *forms_dir; /* named in messages about missing instruments */
	size_t max_problems;   /* stop reading after this many; 0 = 100 */
} cb_import_opts;

/*
 * Imports the caseload file at path into st in one transaction. Every
 * problem found (up to the limit) is added to problems as "FILE:LINE: what is
 * wrong; what is expected" and the result is CB_INVALID with nothing
 * imported. Records already present with identical content are skipped. A
 * failure of the file system or the database returns its status with err set,
 * and nothing is imported either. res is filled on success. The caller owns
 * problems and frees it with cb_diag_free.
 */
enum cb_status cb_import_file(cb_store *st, const char *path, const cb_import_opts *opts,
			      cb_import_result *res, cb_diag *problems, cb_err *err);

/* As cb_import_file, from len bytes in memory; `name` stands for the file in messages. */
enum cb_status cb_import_buffer(cb_store *st, const char *name, const unsigned char *data,
				size_t len, const cb_import_opts *opts, cb_import_result *res,
				cb_diag *problems, cb_err *err);

/* Writes "imported 2 families, 3 cases, ...; skipped N already present" and a newline to out. */
void cb_import_summary(const cb_import_result *res, FILE *out);

#endif
