/* changes.c: the audit log as this device's change log: which rows changed in a range of entries. */
#include "sync/changes.h"

#include "core/mem.h"

enum cb_status cb_changes_load(cb_store *st, int64_t after, int64_t upto, const char *device,
			       bool only, cb_err *err)
{
	sqlite3 *db = cb_store_db(st);
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	if (sqlite3_exec(db, "CREATE TEMP TABLE IF NOT EXISTS sync_changed(tbl TEXT NOT NULL, j TEXT);"
			     "CREATE INDEX IF NOT EXISTS temp.sync_changed_tbl ON sync_changed(tbl);"
			     "DELETE FROM temp.sync_changed",
			 NULL, NULL, NULL) != SQLITE_OK)
		return cb_store_fail(st, err, "finding the changes to send");
	if (sqlite3_prepare_v2(db, "INSERT INTO temp.sync_changed SELECT tbl, coalesce(after, before)"
				   " FROM audit_log WHERE seq > ?1 AND seq <= ?2"
				   " AND (device_id = ?3) = ?4 GROUP BY tbl, row_id",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "finding the changes to send");
		goto out;
	}
	sqlite3_bind_int64(q, 1, after);
	sqlite3_bind_int64(q, 2, upto);
	sqlite3_bind_text(q, 3, device, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 4, only);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, "finding the changes to send");
out:
	sqlite3_finalize(q);
	return rc;
}

bool cb_changes_touch(cb_store *st, const char *table)
{
	sqlite3_stmt *q = NULL;
	bool found = false;

	if (sqlite3_prepare_v2(cb_store_db(st), "SELECT 1 FROM temp.sync_changed WHERE tbl = ?"
				   " LIMIT 1", -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, table, -1, SQLITE_STATIC);
		found = sqlite3_step(q) == SQLITE_ROW;
	}
	sqlite3_finalize(q);
	return found;
}

char *cb_changes_select(cb_store *st, const cb_sync_table *t, const char *cond)
{
	cb_sync_columns cols;
	strbuf sb = {0};

	if (!cb_sync_columns_load(cb_store_db(st), t->name, &cols))
		return NULL;
	sb_appendf(&sb, "SELECT T.* FROM temp.sync_changed c JOIN \"%s\" T ON ", t->name);
	for (int part = 1, n = 0; part <= cols.count; part++)
		for (int i = 0; i < cols.count; i++)
			if (cols.pk[i] == part)
				sb_appendf(&sb, "%sT.\"%s\" = json_extract(c.j, '$.%s')",
					   n++ ? " AND " : "", cols.names[i], cols.names[i]);
	sb_appendf(&sb, " WHERE c.tbl = '%s' AND (%s)", t->name, cond);
	cb_sync_columns_free(&cols);
	return sb_take(&sb);
}

char *cb_changes_select_all(const cb_sync_table *t, const char *cond)
{
	return xasprintf("SELECT T.* FROM \"%s\" T WHERE %s", t->name, cond);
}
