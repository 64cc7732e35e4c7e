/* schema.c: migrations by PRAGMA user_version, each in one transaction. */
#include "store/schema.h"

#include <stdio.h>

#include "store/audit.h"
#include "store/store.h"

extern const char cb_schema_v1_sql[];
extern const char cb_schema_v2_sql[];
extern const char cb_schema_v3_sql[];
extern const char cb_schema_v4_sql[];
extern const char cb_schema_v5_sql[];
extern const char cb_schema_v6_sql[];

const char *const cb_audited_tables[] = {
	"teams", "practitioners", "families", "people", "family_members", "cases",
	"referrals", "plan_episodes", "notes", "note_amendments", "assessments",
	"assessment_answers", "assessment_scores", "goals", "goal_reviews", "supervisions",
	"supervision_attendees", "supervision_cases", "supervision_actions", "disclosures", NULL,
};

/* Version 1: the whole data model, plus an audit trigger on every table. */
static enum cb_status migrate_v1(sqlite3 *db, cb_err *err)
{
	if (sqlite3_exec(db, cb_schema_v1_sql, NULL, NULL, NULL) != SQLITE_OK)
		return cb_fail(err, CB_ERROR, "creating the schema: %s", sqlite3_errmsg(db));
	for (int i = 0; cb_audited_tables[i]; i++)
		if (cb_audit_install_triggers(db, cb_audited_tables[i], err))
			return err->code;
	return CB_OK;
}

/* Version 2: form drafts and full-text search over notes. */
static enum cb_status migrate_v2(sqlite3 *db, cb_err *err)
{
	if (sqlite3_exec(db, cb_schema_v2_sql, NULL, NULL, NULL) != SQLITE_OK)
		return cb_fail(err, CB_ERROR, "adding drafts and search: %s", sqlite3_errmsg(db));
	return CB_OK;
}

/*
 * Version 3: sync between laptops and the hub: devices, history, conflicts
 * (audited); and the audit triggers again, which now work out each entry once
 * (the same entries, about twice as fast for a sync import).
 */
static enum cb_status migrate_v3(sqlite3 *db, cb_err *err)
{
	if (sqlite3_exec(db, cb_schema_v3_sql, NULL, NULL, NULL) != SQLITE_OK)
		return cb_fail(err, CB_ERROR, "adding sync: %s", sqlite3_errmsg(db));
	for (int i = 0; cb_audited_tables[i]; i++)
		if (cb_audit_install_triggers(db, cb_audited_tables[i], err))
			return err->code;
	return cb_audit_install_triggers(db, "sync_conflicts", err);
}

/* Version 4: indexes that an authority-scale casebook needs (bench/RESULTS.md). */
static enum cb_status migrate_v4(sqlite3 *db, cb_err *err)
{
	if (sqlite3_exec(db, cb_schema_v4_sql, NULL, NULL, NULL) != SQLITE_OK)
		return cb_fail(err, CB_ERROR, "adding indexes: %s", sqlite3_errmsg(db));
	return CB_OK;
}

/* Version 5: the search index trigger waits for the commit of a bulk transaction. */
static enum cb_status migrate_v5(sqlite3 *db, cb_err *err)
{
	if (sqlite3_exec(db, cb_schema_v5_sql, NULL, NULL, NULL) != SQLITE_OK)
		return cb_fail(err, CB_ERROR, "changing how notes are indexed: %s", sqlite3_errmsg(db));
	return CB_OK;
}

/* Version 6: names searched through FTS5, so accents and case do not matter. */
static enum cb_status migrate_v6(sqlite3 *db, cb_err *err)
{
	if (sqlite3_exec(db, cb_schema_v6_sql, NULL, NULL, NULL) != SQLITE_OK)
		return cb_fail(err, CB_ERROR, "indexing names for search: %s", sqlite3_errmsg(db));
	return CB_OK;
}

static enum cb_status (*const migrations[])(sqlite3 *, cb_err *) = {
	migrate_v1,
	migrate_v2,
	migrate_v3,
	migrate_v4,
	migrate_v5,
	migrate_v6,
};
#define N_MIGRATIONS (int)(sizeof migrations / sizeof migrations[0])
_Static_assert(sizeof migrations / sizeof migrations[0] == CB_SCHEMA_VERSION,
	       "CB_SCHEMA_VERSION must name the last migration");

static int user_version(sqlite3 *db, int *version)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*version = sqlite3_column_int(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

static int has_tables(sqlite3 *db)
{
	sqlite3_stmt *st;
	int found = 0;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master LIMIT 1", -1, &st, NULL) == SQLITE_OK)
		found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static enum cb_status apply(sqlite3 *db, int to, cb_err *err)
{
	char sql[64];
	enum cb_status rc;

	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return cb_fail(err, CB_BUSY,
			       "cannot upgrade the database: %s (close other casebook windows and try again)",
			       sqlite3_errmsg(db));
	rc = migrations[to - 1](db, err);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", to);
	if (rc == CB_OK && sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		rc = cb_fail(err, CB_ERROR, "recording schema version %d: %s", to, sqlite3_errmsg(db));
	if (rc == CB_OK && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = cb_fail(err, CB_ERROR, "committing schema version %d: %s", to, sqlite3_errmsg(db));
	if (rc != CB_OK) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		cb_err_prefix(err, "upgrading the database to schema version %d (nothing was changed)", to);
	}
	return rc;
}

enum cb_status cb_schema_migrate(sqlite3 *db, cb_err *err)
{
	int version = 0;

	if (user_version(db, &version) != SQLITE_OK)
		return cb_fail(err, CB_CORRUPT, "this file is not a casebook database (%s)",
			       sqlite3_errmsg(db));
	if (version > N_MIGRATIONS)
		return cb_fail(err, CB_ERROR,
			       "this database was written by a newer casebook (schema version %d; this "
			       "casebook knows up to %d). Install the newer casebook to open it; the "
			       "file has not been changed",
			       version, N_MIGRATIONS);
	if (version == 0 && has_tables(db))
		return cb_fail(err, CB_INVALID,
			       "this file is an SQLite database but not a casebook database; "
			       "give casebook a new file name with --db");
	for (int to = version + 1; to <= N_MIGRATIONS; to++)
		if (apply(db, to, err))
			return err->code;
	return CB_OK;
}
