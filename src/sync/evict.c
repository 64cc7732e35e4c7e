/* evict.c: deleting a reallocated case's rows from a laptop, guards standing aside for it alone. */
#include "sync/evict.h"

#include <string.h>

#include "core/mem.h"
#include "sync/changes.h"
#include "sync/tables.h"

/* Children before the rows their scope conditions look through. */
static const char *const delete_order[] = {
	"sync_conflicts", "goal_reviews", "goals", "note_amendments", "notes",
	"assessment_answers", "assessment_scores", "assessments", "plan_episodes", "referrals",
	"people", "family_members", "families", "cases", NULL,
};

static enum cb_status exec(cb_store *st, const char *sql, cb_err *err)
{
	if (sqlite3_exec(cb_store_db(st), sql, NULL, NULL, NULL) != SQLITE_OK)
		return cb_store_fail(st, err, "letting a reallocated case go");
	return CB_OK;
}

/* temp.sync_drop: the listed cases this laptop holds. */
static enum cb_status load_drop(cb_store *st, const char *drop, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	char *copy = xstrdup(drop), *save = NULL;
	enum cb_status rc = exec(st, "CREATE TEMP TABLE IF NOT EXISTS sync_drop(case_id TEXT PRIMARY KEY);"
				     "CREATE TEMP TABLE IF NOT EXISTS sync_one(case_id TEXT PRIMARY KEY);"
				     "CREATE TEMP TABLE IF NOT EXISTS sync_evict(case_id TEXT PRIMARY KEY);"
				     "CREATE TEMP TABLE IF NOT EXISTS sync_keep(case_id TEXT PRIMARY KEY);"
				     "DELETE FROM temp.sync_drop; DELETE FROM temp.sync_evict;"
				     "DELETE FROM temp.sync_keep",
				 err);

	if (rc == CB_OK && sqlite3_prepare_v2(cb_store_db(st),
					      "INSERT OR IGNORE INTO temp.sync_drop SELECT id FROM cases"
					      " WHERE id = ?", -1, &q, NULL) != SQLITE_OK)
		rc = cb_store_fail(st, err, "letting a reallocated case go");
	for (char *id = strtok_r(copy, "\n", &save); rc == CB_OK && id; id = strtok_r(NULL, "\n", &save)) {
		sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
		if (sqlite3_step(q) != SQLITE_DONE)
			rc = cb_store_fail(st, err, "letting a reallocated case go");
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	free(copy);
	return rc;
}

static bool any_row(cb_store *st, const char *sql, const char *arg)
{
	sqlite3_stmt *q = NULL;
	bool found = false;

	if (sql && sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) == SQLITE_OK) {
		if (arg)
			sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
		found = sqlite3_step(q) == SQLITE_ROW;
	}
	sqlite3_finalize(q);
	return found;
}

/* Puts one case into the single-row table temp.sync_one. */
static void set_one(cb_store *st, const char *case_id)
{
	sqlite3_stmt *q = NULL;

	sqlite3_exec(cb_store_db(st), "DELETE FROM temp.sync_one", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(cb_store_db(st), "INSERT INTO temp.sync_one VALUES (?)", -1, &q,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, case_id, -1, SQLITE_STATIC);
		sqlite3_step(q);
	}
	sqlite3_finalize(q);
}

/* True if a change made here to the case (in temp.sync_changed) or a draft for it waits. */
static bool has_pending(cb_store *st, const char *case_id)
{
	bool pending = any_row(st, "SELECT 1 FROM drafts WHERE target = ?1 OR target IN"
				   " (SELECT id FROM goals WHERE case_id = ?1) OR target IN"
				   " (SELECT id FROM notes WHERE case_id = ?1)", case_id);

	set_one(st, case_id);
	for (size_t i = 0; !pending && i < cb_sync_table_count; i++) {
		const cb_sync_table *t = &cb_sync_tables[i];
		if (t->reach == CB_REACH_REFERENCE || t->reach == CB_REACH_HUB)
			continue;
		char *cond = cb_sync_scope_sql(t, "temp.sync_one");
		char *sql = cb_changes_select(st, t, cond);
		pending = any_row(st, sql, NULL);
		free(sql);
		free(cond);
	}
	return pending;
}

static enum cb_status mark_evicted(cb_store *st, const char *case_id, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	if (sqlite3_prepare_v2(cb_store_db(st), "INSERT INTO temp.sync_evict VALUES (?)", -1, &q,
			       NULL) != SQLITE_OK)
		return cb_store_fail(st, err, "letting a reallocated case go");
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, "letting a reallocated case go");
	sqlite3_finalize(q);
	return rc;
}

/* Splits the dropped cases into temp.sync_evict and the ones kept back (named in notes). */
static enum cb_status choose(cb_store *st, cb_diag *notes, size_t *n, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	char **ids = NULL;
	size_t count = 0, cap = 0;
	enum cb_status rc = CB_OK;

	*n = 0;
	if (sqlite3_prepare_v2(cb_store_db(st), "SELECT case_id FROM temp.sync_drop ORDER BY case_id",
			       -1, &q, NULL) != SQLITE_OK)
		return cb_store_fail(st, err, "letting a reallocated case go");
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (count == cap) {
			cap = cap ? 2 * cap : 8;
			ids = xreallocarray(ids, cap, sizeof *ids);
		}
		ids[count++] = xstrdup((const char *)sqlite3_column_text(q, 0));
	}
	sqlite3_finalize(q);
	for (size_t i = 0; i < count; i++) {
		if (rc == CB_OK && has_pending(st, ids[i])) {
			cb_diag_add(notes, "case %s was reallocated but stays on this laptop until its "
				    "changes (or a draft) reach the hub", ids[i]);
		} else if (rc == CB_OK && (rc = mark_evicted(st, ids[i], err)) == CB_OK) {
			(*n)++;
		}
		free(ids[i]);
	}
	free(ids);
	return rc;
}

static enum cb_status delete_rows(cb_store *st, cb_err *err)
{
	enum cb_status rc = CB_OK;

	for (size_t i = 0; delete_order[i] && rc == CB_OK; i++) {
		const cb_sync_table *t = cb_sync_table_find(delete_order[i]);
		char *gone = cb_sync_scope_sql(t, "temp.sync_evict");
		char *kept = cb_sync_scope_sql(t, "temp.sync_keep");
		char *sql = xasprintf("DELETE FROM \"%s\" AS T WHERE (%s) AND NOT coalesce((%s), 0)",
				      t->name, gone, kept);
		rc = exec(st, sql, err);
		free(sql);
		free(kept);
		free(gone);
	}
	return rc;
}

/* Deletes the evicted cases' rows and rebuilds the search index without their notes. */
static enum cb_status remove_cases(cb_store *st, cb_err *err)
{
	int now = 0, high = 0;
	enum cb_status rc = cb_store_index_notes_now(st, err); /* before a rowid can be reused */

	if (rc == CB_OK)
		rc = exec(st, "SAVEPOINT sync_evict; PRAGMA defer_foreign_keys = ON;"
			      "INSERT INTO temp.sync_keep SELECT id FROM cases WHERE id NOT IN"
			      " (SELECT case_id FROM temp.sync_evict);"
			      "INSERT OR REPLACE INTO meta(key, value) VALUES ('sync_evicting', '1')",
			  err);
	if (rc == CB_OK)
		rc = delete_rows(st, err);
	if (rc == CB_OK)
		rc = exec(st, "DELETE FROM meta WHERE key = 'sync_evicting';"
			      "INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')", err);
	if (rc == CB_OK) {
		sqlite3_db_status(cb_store_db(st), SQLITE_DBSTATUS_DEFERRED_FKS, &now, &high, 0);
		if (now > 0)
			rc = cb_fail(err, CB_ERROR, "letting a reallocated case go would leave records "
				     "pointing at nothing; the cases stay on this laptop");
	}
	if (rc == CB_OK)
		return exec(st, "RELEASE sync_evict", err);
	sqlite3_exec(cb_store_db(st), "ROLLBACK TO sync_evict; RELEASE sync_evict", NULL, NULL, NULL);
	return rc;
}

enum cb_status cb_sync_evict(cb_store *st, const char *drop, int64_t acked, size_t *evicted,
			     cb_diag *notes, cb_err *err)
{
	enum cb_status rc;

	*evicted = 0;
	if (drop == NULL || *drop == '\0')
		return CB_OK;
	if ((rc = load_drop(st, drop, err)) ||
	    (rc = cb_changes_load(st, acked, INT64_MAX, cb_store_device(st), true, err)) ||
	    (rc = choose(st, notes, evicted, err)))
		return rc;
	if (*evicted == 0)
		return CB_OK;
	if ((rc = remove_cases(st, err))) {
		cb_diag_add(notes, "%s", err->msg);
		*evicted = 0;
		return CB_OK;
	}
	return CB_OK;
}
