/* check.c: `casebook check`: SQLite integrity, foreign keys, append-only guards, audit chain. */
#include "store/store.h"

#include <string.h>

#include "store/audit.h"

static enum cb_status integrity(sqlite3 *db, cb_diag *problems, cb_err *err)
{
	sqlite3_stmt *st = NULL;
	int step;

	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		return cb_fail(err, CB_CORRUPT, "the integrity check could not run: %s",
			       sqlite3_errmsg(db));
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (line && strcmp(line, "ok") != 0)
			cb_diag_add(problems, "database file: %s", line);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		cb_diag_add(problems, "database file: the integrity check stopped: %s",
			    sqlite3_errmsg(db));
	return CB_OK;
}

static enum cb_status foreign_keys(sqlite3 *db, cb_diag *problems, cb_err *err)
{
	sqlite3_stmt *st = NULL;
	const char *sql = "SELECT f.\"table\", f.rowid, f.parent,"
			  " (SELECT group_concat(\"from\") FROM pragma_foreign_key_list(f.\"table\") k"
			  "  WHERE k.id = f.fkid)"
			  " FROM pragma_foreign_key_check AS f";

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return cb_fail(err, CB_ERROR, "the foreign-key check could not run: %s",
			       sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW)
		cb_diag_add(problems, "%s row %lld: column %s points at a %s row that does not exist",
			    (const char *)sqlite3_column_text(st, 0),
			    (long long)sqlite3_column_int64(st, 1),
			    (const char *)sqlite3_column_text(st, 3),
			    (const char *)sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	return CB_OK;
}

/* The triggers that keep notes, assessments, reviews and the audit log append-only. */
static void guards(sqlite3 *db, cb_diag *problems)
{
	static const char *const names[] = {
		"audit_log_no_update", "audit_log_no_delete", "notes_no_update", "notes_no_delete",
		"note_amendments_no_update", "note_amendments_no_delete", "assessments_no_update",
		"assessments_no_delete", "assessment_answers_no_update",
		"assessment_answers_no_delete", "goal_reviews_no_update", "goal_reviews_no_delete",
		NULL,
	};
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return;
	for (int i = 0; names[i]; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, names[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW)
			cb_diag_add(problems, "schema: the append-only guard %s has been removed",
				    names[i]);
	}
	sqlite3_finalize(st);
}

enum cb_status cb_store_check(cb_store *st, cb_diag *problems, cb_err *err)
{
	sqlite3 *db = cb_store_db(st);
	size_t before = problems->count;
	enum cb_status rc;

	if ((rc = integrity(db, problems, err)) || (rc = foreign_keys(db, problems, err)))
		return rc;
	guards(db, problems);
	if ((rc = cb_audit_verify(db, problems, err)))
		return rc;
	return problems->count > before ? CB_CORRUPT : CB_OK;
}
