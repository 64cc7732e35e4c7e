/* records.h: writing records: inserts and updates that fill ids, metadata and clocks. */
#ifndef CASEBOOK_STORE_RECORDS_H
#define CASEBOOK_STORE_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/ids.h"
#include "core/instrument.h"
#include "store/store.h"

/* One column's value as text (SQLite's column affinity converts numbers); NULL is SQL NULL. */
typedef struct cb_field {
	const char *column;
	const char *value;
} cb_field;

/*
 * Inserts a row into table. If `id` is empty a new UUID is made and written
 * back into it (CB_UUID_LEN + 1 bytes at least); created_at, created_by and
 * device_id are filled, and updated_at too for mutable tables. Runs inside the
 * caller's transaction; the caller begins and commits.
 */
enum cb_status cb_record_insert(cb_store *st, const char *table, char *id, const cb_field *fields,
				size_t n, cb_err *err);

/* Sets the given columns of the row with that id and a new updated_at. CB_NOT_FOUND if none. */
enum cb_status cb_record_update(cb_store *st, const char *table, const char *id,
				const cb_field *fields, size_t n, cb_err *err);

/* True if the table's rows can change (they carry updated_at). */
bool cb_record_is_mutable(const char *table);

/*
 * Saves an assessment with its answers and the scale scores computed from them
 * (cb_score): `fields` are the assessments columns other than id, instrument,
 * instrument_version and content_hash, which come from `ins`. The answers must
 * have passed cb_answers_check for `who`. Runs inside the caller's transaction.
 */
enum cb_status cb_assessment_insert(cb_store *st, const cb_instrument *ins,
				    const cb_subject *who, char *id, const cb_field *fields,
				    size_t n, const cb_answer *answers, size_t n_answers,
				    cb_err *err);

#endif
