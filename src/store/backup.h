/* backup.h: consistent copies of the casebook (SQLite's online backup API), and restoring one. */
#ifndef CASEBOOK_STORE_BACKUP_H
#define CASEBOOK_STORE_BACKUP_H

#include <stdbool.h>

#include "core/status.h"
#include "store/store.h"

/*
 * Copies the open database to path with SQLite's online backup API: one
 * consistent snapshot even while another casebook is writing (the copy never
 * holds a half-saved form). The copy is written to a private (0600) temporary
 * file beside path, synced, then renamed into place, so path is either the
 * old file or a whole new copy. Refuses an existing path unless force, and
 * never writes over the database itself.
 */
enum cb_status cb_store_backup(cb_store *st, const char *path, bool force, cb_err *err);

/* The name the replaced database is kept under by cb_store_restore; the caller frees it. */
char *cb_store_restore_keep_path(const char *db_path);

/*
 * Replaces the database at db_path with the casebook in `from`, after
 * checking a copy of it: it must be a casebook database no newer than this
 * casebook, pass SQLite's integrity and foreign-key checks, keep its
 * append-only guards and have an unbroken audit chain (each problem is added
 * to problems and the result is CB_CORRUPT or CB_INVALID, with nothing
 * changed). An older schema is upgraded. The database replaced is first
 * copied to cb_store_restore_keep_path(db_path), which must not exist unless
 * force. The copy is loaded through SQLite's backup API into the live
 * database, so a casebook that has it open sees the restored records at its
 * next read. If db_path does not exist the copy simply becomes it.
 */
enum cb_status cb_store_restore(const char *db_path, const char *from, bool force,
				cb_diag *problems, cb_err *err);

#endif
