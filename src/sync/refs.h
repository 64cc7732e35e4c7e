/* refs.h: family references two devices gave out independently, made unique before a bundle is applied. */
#ifndef CASEBOOK_SYNC_REFS_H
#define CASEBOOK_SYNC_REFS_H

#include <sqlite3.h>
#include <stdbool.h>

#include "store/store.h"
#include "sync/tables.h"

/*
 * Laptops number new families from what they hold (FAM-0042), so two of them
 * can give the same reference to different families. The incoming families
 * are noted while the changeset is checked; before it is applied, a family
 * here whose reference an incoming family takes is renamed
 * ("FAM-0042-1A2B", from its id) as an edit made here, which syncs back.
 */
typedef struct cb_refs {
	cb_store *st;
	sqlite3_stmt *note;
	bool ready; /* the temporary table exists and is empty */
} cb_refs;

void cb_refs_init(cb_refs *r, cb_store *st);
/* Notes the incoming families row the iterator is on. */
void cb_refs_note(cb_refs *r, sqlite3_changeset_iter *it, const cb_sync_columns *cols);
/* Renames the families here whose references incoming ones take; says so in notes. */
enum cb_status cb_refs_make_room(cb_refs *r, cb_diag *notes, cb_err *err);
void cb_refs_free(cb_refs *r);

#endif
