/* test_store.c: opening, migrations, append-only rules and the audit chain. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mem.h"
#include "store/drafts.h"
#include "store/store.h"

#define META "created_at, created_by, device_id"
#define M3 "'2026-01-01T00:00:00.000Z', 'p1', 'dev'"

static void seed_case(cb_store *st)
{
	const char *sql =
		"INSERT INTO teams VALUES ('t1', 'North', " M3 ", 'h1');"
		"INSERT INTO practitioners VALUES ('p1', 'Ann', 'practitioner', 't1', 1, " M3 ", 'h1');"
		"INSERT INTO families VALUES ('f1', 'FAM-1', 'Okafor', NULL, " M3 ", 'h1');"
		"INSERT INTO people VALUES ('c1', 'Ada', '2012-05-01', NULL, NULL, " M3 ", 'h1');"
		"INSERT INTO cases(id, family_id, child_id, referred_on, referral_source, need,"
		" practitioner_id, team_id, " META ", updated_at) VALUES ('k1', 'f1', 'c1',"
		" '2026-01-02', 'school', 'N1', 'p1', 't1', " M3 ", 'h1');"
		"INSERT INTO notes(id, case_id, contact_type, occurred_at, body, " META ")"
		" VALUES ('n1', 'k1', 'home_visit', '2026-01-03T10:00', 'first visit', " M3 ");";
	assert_int_equal(tu_exec(st, sql), SQLITE_OK);
}

static void test_new_database_is_private_and_current(void **state)
{
	char *dir = tu_tempdir();
	char *path = xasprintf("%s/new.db", dir);
	cb_store *st = NULL;
	cb_err err = {0};
	struct stat sb;

	assert_int_equal(cb_store_open(path, CB_STORE_CREATE, &st, &err), CB_OK);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(tu_int(st, "PRAGMA user_version"), CB_SCHEMA_VERSION);
	assert_int_equal(tu_int(st, "PRAGMA foreign_keys"), 1);
	assert_int_equal(tu_int(st, "PRAGMA secure_delete"), 1);
	char *mode = tu_text(st, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	assert_int_equal(strlen(cb_store_device(st)), 36);
	cb_store_close(st);
	free(path);
	free(dir);
}

static void test_missing_database_is_not_created_without_flag(void **state)
{
	char *dir = tu_tempdir();
	char *path = xasprintf("%s/absent.db", dir);
	cb_store *st = NULL;
	cb_err err = {0};

	assert_int_equal(cb_store_open(path, 0, &st, &err), CB_NOT_FOUND);
	assert_null(st);
	assert_non_null(strstr(err.msg, "no casebook database"));
	assert_int_not_equal(access(path, F_OK), 0);
	free(path);
	free(dir);
}

static void test_newer_schema_is_refused_unchanged(void **state)
{
	char *dir = tu_tempdir();
	char *path = xasprintf("%s/future.db", dir);
	cb_store *st = NULL;
	cb_err err = {0};
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(cb_store_open(path, 0, &st, &err), CB_ERROR);
	assert_non_null(strstr(err.msg, "newer casebook"));
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *q;
	sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL);
	sqlite3_step(q);
	assert_int_equal(sqlite3_column_int(q, 0), 99);
	sqlite3_finalize(q);
	sqlite3_close(db);
	free(path);
	free(dir);
}

static void test_foreign_sqlite_file_is_refused(void **state)
{
	char *dir = tu_tempdir();
	char *path = xasprintf("%s/other.db", dir);
	cb_store *st = NULL;
	cb_err err = {0};
	sqlite3 *db;

	sqlite3_open(path, &db);
	sqlite3_exec(db, "CREATE TABLE recipes(x)", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(cb_store_open(path, 0, &st, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "not a casebook database"));
	free(path);
	free(dir);
}

static void test_garbage_file_is_refused(void **state)
{
	char *dir = tu_tempdir();
	char *path = xasprintf("%s/garbage.db", dir);
	FILE *f = fopen(path, "w");
	cb_store *st = NULL;
	cb_err err = {0};

	for (int i = 0; i < 200; i++)
		fputs("this is not a database at all ", f);
	fclose(f);
	assert_int_not_equal(cb_store_open(path, 0, &st, &err), CB_OK);
	assert_null(st);
	assert_true(strstr(err.msg, "not a casebook database") || strstr(err.msg, "damaged"));
	free(path);
	free(dir);
}

static void test_notes_are_append_only(void **state)
{
	cb_store *st = tu_new_store();

	seed_case(st);
	assert_int_not_equal(tu_exec(st, "UPDATE notes SET body = 'x' WHERE id = 'n1'"), SQLITE_OK);
	assert_non_null(strstr(sqlite3_errmsg(cb_store_db(st)), "amendment"));
	assert_int_not_equal(tu_exec(st, "DELETE FROM notes WHERE id = 'n1'"), SQLITE_OK);
	char *body = tu_text(st, "SELECT body FROM notes WHERE id = 'n1'");
	assert_string_equal(body, "first visit");
	free(body);
	assert_int_equal(tu_exec(st, "INSERT INTO note_amendments(id, note_id, reason, body, " META
				     ") VALUES ('a1', 'n1', 'typo', 'first home visit', " M3 ")"),
			 SQLITE_OK);
	assert_int_not_equal(tu_exec(st, "DELETE FROM note_amendments"), SQLITE_OK);
	cb_store_close(st);
}

static void test_constraints_reject_bad_values(void **state)
{
	cb_store *st = tu_new_store();

	seed_case(st);
	assert_int_not_equal(tu_exec(st, "UPDATE cases SET need = 'N12'"), SQLITE_OK);
	assert_int_not_equal(tu_exec(st, "UPDATE cases SET closed_on = '2025-01-01',"
					 " closure_reason = 'x'"), SQLITE_OK);
	assert_int_not_equal(tu_exec(st, "UPDATE cases SET closed_on = '2026-02-30',"
					 " closure_reason = 'x'"), SQLITE_OK);
	assert_int_not_equal(tu_exec(st, "UPDATE cases SET closed_on = '2026-03-01'"), SQLITE_OK);
	assert_int_not_equal(tu_exec(st, "INSERT INTO cases(id, family_id, child_id, referred_on,"
					 " referral_source, need, " META ", updated_at) VALUES"
					 " ('k2', 'nope', 'c1', '2026-01-01', 's', 'N1', " M3 ", 'h')"),
			     SQLITE_OK);
	cb_store_close(st);
}

static void test_every_write_is_audited_and_chained(void **state)
{
	cb_store *st = tu_new_store();
	cb_diag problems = {0};
	cb_err err = {0};

	seed_case(st);
	assert_int_equal(tu_exec(st, "UPDATE families SET name = 'Okafor-Ruiz' WHERE id = 'f1'"),
			 SQLITE_OK);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM audit_log"), 7);
	char *before = tu_text(st, "SELECT before FROM audit_log WHERE op = 'update'");
	char *after = tu_text(st, "SELECT after FROM audit_log WHERE op = 'update'");
	assert_non_null(strstr(before, "\"name\":\"Okafor\""));
	assert_non_null(strstr(after, "\"name\":\"Okafor-Ruiz\""));
	char *actor = tu_text(st, "SELECT DISTINCT actor FROM audit_log");
	assert_string_equal(actor, "tester");
	free(before);
	free(after);
	free(actor);
	assert_int_equal(cb_store_check(st, &problems, &err), CB_OK);
	assert_int_equal(problems.count, 0);
	cb_store_close(st);
}

/* Tampering needs the guard triggers out of the way, as an attacker would. */
static void drop_audit_guards(cb_store *st)
{
	assert_int_equal(tu_exec(st, "DROP TRIGGER audit_log_no_update;"
				     "DROP TRIGGER audit_log_no_delete;"),
			 SQLITE_OK);
}

static void test_audit_tampering_is_detected(void **state)
{
	cb_store *st = tu_new_store();
	cb_diag problems = {0};
	cb_err err = {0};

	seed_case(st);
	assert_int_not_equal(tu_exec(st, "UPDATE audit_log SET actor = 'x'"), SQLITE_OK);
	drop_audit_guards(st);
	assert_int_equal(tu_exec(st, "UPDATE audit_log SET after = replace(after, 'first visit',"
				     " 'nothing happened') WHERE tbl = 'notes'"),
			 SQLITE_OK);
	assert_int_equal(cb_store_check(st, &problems, &err), CB_CORRUPT);
	int altered = 0, guard = 0;
	for (size_t i = 0; i < problems.count; i++) {
		altered += strstr(problems.lines[i], "entry 6 (insert of notes row n1") != NULL;
		guard += strstr(problems.lines[i], "audit_log_no_update has been removed") != NULL;
	}
	assert_int_equal(altered, 1);
	assert_int_equal(guard, 1);
	cb_diag_free(&problems);
	cb_store_close(st);
}

static void test_audit_deletions_are_detected(void **state)
{
	cb_store *st = tu_new_store();
	cb_diag problems = {0};
	cb_err err = {0};

	seed_case(st);
	drop_audit_guards(st);
	assert_int_equal(tu_exec(st, "DELETE FROM audit_log WHERE seq = 3;"
				     "DELETE FROM audit_log WHERE seq = 6;"),
			 SQLITE_OK);
	assert_int_equal(cb_store_check(st, &problems, &err), CB_CORRUPT);
	int middle = 0, tail = 0;
	for (size_t i = 0; i < problems.count; i++) {
		middle += strstr(problems.lines[i], "entries 3 to 3 are missing") != NULL;
		tail += strstr(problems.lines[i], "the last 1 entries are missing") != NULL;
	}
	assert_int_equal(middle, 1);
	assert_int_equal(tail, 1);
	cb_diag_free(&problems);
	cb_store_close(st);
}

static void test_foreign_key_problems_are_reported(void **state)
{
	cb_store *st = tu_new_store();
	cb_diag problems = {0};
	cb_err err = {0};

	seed_case(st);
	assert_int_equal(tu_exec(st, "PRAGMA foreign_keys = OFF;"
				     "UPDATE cases SET practitioner_id = 'ghost';"
				     "PRAGMA foreign_keys = ON;"),
			 SQLITE_OK);
	assert_int_equal(cb_store_check(st, &problems, &err), CB_CORRUPT);
	assert_int_equal(problems.count, 1);
	assert_non_null(strstr(problems.lines[0], "cases row"));
	assert_non_null(strstr(problems.lines[0], "practitioner_id"));
	cb_diag_free(&problems);
	cb_store_close(st);
}

static void test_hlc_values_increase(void **state)
{
	cb_store *st = tu_new_store();
	char a[64], b[64];

	cb_store_hlc_next(st, a);
	cb_store_hlc_next(st, b);
	assert_true(strcmp(a, b) < 0);
	cb_store_close(st);
}

static void test_busy_database_says_what_to_do(void **state)
{
	cb_store *a = tu_new_store();
	cb_store *b = NULL;
	cb_err err = {0};

	assert_int_equal(cb_store_open(cb_store_path(a), 0, &b, &err), CB_OK);
	sqlite3_busy_timeout(cb_store_db(b), 50);
	assert_int_equal(cb_store_begin(a, &err), CB_OK);
	assert_int_equal(cb_store_begin(b, &err), CB_BUSY);
	assert_non_null(strstr(err.msg, "another casebook"));
	cb_store_rollback(a);
	cb_store_close(b);
	cb_store_close(a);
}

static void test_upgrade_from_v1_keeps_data_and_indexes_notes(void **state)
{
	cb_store *st = tu_new_store();
	char *path = xstrdup(cb_store_path(st));
	cb_err err = {0};

	seed_case(st);
	/* Turn the database back into a version 1 one, as an older casebook left it. */
	assert_int_equal(tu_exec(st, "DROP TABLE sync_conflicts; DROP TABLE sync_history;"
				     "DROP TABLE sync_sent; DROP TABLE sync_device_cases;"
				     "DROP TABLE sync_devices; DROP INDEX audit_log_row;"
				     "DROP TRIGGER notes_fts_insert; DROP TABLE notes_fts;"
				     "DROP TABLE drafts; DROP INDEX supervision_actions_case;"
				     "DROP INDEX supervision_cases_case; DROP INDEX notes_case;"
				     "CREATE INDEX notes_case ON notes(case_id, occurred_at);"
				     "DROP TRIGGER people_fts_insert; DROP TRIGGER people_fts_delete;"
				     "DROP TRIGGER people_fts_update; DROP TABLE people_fts;"
				     "DROP TRIGGER families_fts_insert; DROP TRIGGER families_fts_delete;"
				     "DROP TRIGGER families_fts_update; DROP TABLE families_fts;"
				     "PRAGMA user_version = 1;"),
			 SQLITE_OK);
	cb_store_close(st);
	assert_int_equal(cb_store_open(path, 0, &st, &err), CB_OK);
	assert_int_equal(tu_int(st, "PRAGMA user_version"), CB_SCHEMA_VERSION);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'visit'"), 1);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM sync_conflicts"), 0);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM audit_log"), 6);
	/* Version 4's indexes: the report's note counts read the index alone. */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM pragma_index_info('notes_case')"), 5);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM sqlite_master WHERE name IN"
				    " ('supervision_actions_case', 'supervision_cases_case')"), 2);
	/* Version 6: the names already there are indexed. */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM people_fts WHERE people_fts MATCH 'ada'"), 1);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM families_fts WHERE families_fts MATCH 'fam'"),
			 1);
	cb_store_close(st);
	free(path);
}

static void test_new_notes_are_searchable(void **state)
{
	cb_store *st = tu_new_store();

	seed_case(st);
	assert_int_equal(tu_exec(st, "INSERT INTO notes(id, case_id, contact_type, occurred_at,"
				     " worries, body, " META ") VALUES ('n2', 'k1', 'phone',"
				     " '2026-01-04T09:00', 'Rent arrears', 'Café meeting with Zoë', "
				     M3 ")"),
			 SQLITE_OK);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'zoe'"), 1);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'arrears'"), 1);
	cb_store_close(st);
}

static int add_note(cb_store *st, const char *id, const char *words)
{
	char *sql = xasprintf("INSERT INTO notes(id, case_id, contact_type, occurred_at, body, " META
			      ") VALUES ('%s', 'k1', 'phone', '2026-01-04T09:00', '%s', " M3 ")",
			      id, words);
	int rc = tu_exec(st, sql);

	free(sql);
	return rc;
}

static int matches(cb_store *st, const char *word)
{
	char *sql = xasprintf("SELECT count(*) FROM notes_fts WHERE notes_fts MATCH '%s'", word);
	int n = tu_int(st, sql);

	free(sql);
	return n;
}

/* A bulk transaction indexes its notes at commit, in one statement; nothing is missed or doubled. */
static void test_bulk_transactions_index_notes_at_commit(void **state)
{
	cb_store *st = tu_new_store();
	cb_err err = {0};

	seed_case(st);
	assert_int_equal(cb_store_begin_bulk(st, &err), CB_OK);
	assert_int_equal(add_note(st, "b1", "bulk alpha"), SQLITE_OK);
	assert_int_equal(add_note(st, "b2", "bulk beta"), SQLITE_OK);
	assert_int_equal(matches(st, "bulk"), 0); /* not yet: at commit */
	assert_int_equal(cb_store_commit(st, &err), CB_OK);
	assert_int_equal(matches(st, "bulk"), 2);
	assert_int_equal(matches(st, "alpha"), 1);

	/* Rolled back: neither the note nor its index entry; the next note is indexed at once. */
	assert_int_equal(cb_store_begin_bulk(st, &err), CB_OK);
	assert_int_equal(add_note(st, "b3", "gamma"), SQLITE_OK);
	cb_store_rollback(st);
	assert_int_equal(add_note(st, "b4", "gamma delta"), SQLITE_OK);
	assert_int_equal(matches(st, "gamma"), 1);

	/* Indexed part way (before notes are deleted, as sync does): the rest as they come. */
	assert_int_equal(cb_store_begin_bulk(st, &err), CB_OK);
	assert_int_equal(add_note(st, "b5", "epsilon"), SQLITE_OK);
	assert_int_equal(cb_store_index_notes_now(st, &err), CB_OK);
	assert_int_equal(matches(st, "epsilon"), 1);
	assert_int_equal(add_note(st, "b6", "epsilon zeta"), SQLITE_OK);
	assert_int_equal(matches(st, "zeta"), 1);
	assert_int_equal(cb_store_commit(st, &err), CB_OK);
	assert_int_equal(matches(st, "epsilon"), 2);
	assert_int_equal(tu_exec(st, "INSERT INTO notes_fts(notes_fts, rank) VALUES ('integrity-check', 1)"),
			 SQLITE_OK);
	cb_store_close(st);
}

static void test_drafts_round_trip(void **state)
{
	cb_store *st = tu_new_store();
	const char *keys[] = {"text", "type"};
	const char *values[] = {"line one\nline\ttwo \\ end", "home_visit"};
	cb_draft *drafts;
	size_t n;
	cb_err err = {0};

	assert_int_equal(cb_draft_save(st, "note", "k1", "Contact note", keys, values, 2, &err), CB_OK);
	values[1] = "phone";
	assert_int_equal(cb_draft_save(st, "note", "k1", "Contact note", keys, values, 2, &err), CB_OK);
	assert_int_equal(cb_drafts_list(st, &drafts, &n, &err), CB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(cb_draft_value(&drafts[0], "text"), values[0]);
	assert_string_equal(cb_draft_value(&drafts[0], "type"), "phone");
	assert_null(cb_draft_value(&drafts[0], "missing"));
	cb_drafts_free(drafts, n);
	assert_int_equal(cb_draft_delete(st, "note", "k1", &err), CB_OK);
	assert_int_equal(cb_drafts_list(st, &drafts, &n, &err), CB_OK);
	assert_int_equal(n, 0);
	cb_drafts_free(drafts, n);
	/* Drafts are not records: nothing about them reaches the audit log. */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM audit_log"), 0);
	cb_store_close(st);
}

static void test_prepared_statements_are_kept_and_reused(void **state)
{
	cb_store *st = tu_new_store();
	cb_err err = {0};
	sqlite3_stmt *a = cb_store_prepare(st, "SELECT ?1 + 1", "adding", &err), *b;

	assert_non_null(a);
	sqlite3_bind_int(a, 1, 41);
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(a, 0), 42);
	cb_store_release(a);
	/* The same text gives the same statement back, reset and unbound. */
	b = cb_store_prepare(st, "SELECT ?1 + 1", "adding", &err);
	assert_ptr_equal(a, b);
	assert_int_equal(sqlite3_step(b), SQLITE_ROW);
	assert_int_equal(sqlite3_column_type(b, 0), SQLITE_NULL); /* ?1 is no longer bound */
	cb_store_release(b);
	/* More distinct statements than the store keeps still work (the oldest are dropped). */
	for (int i = 0; i < 200; i++) {
		char sql[32];
		snprintf(sql, sizeof sql, "SELECT %d", i);
		sqlite3_stmt *q = cb_store_prepare(st, sql, "counting", &err);
		assert_non_null(q);
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(q, 0), i);
		cb_store_release(q);
	}
	/* A statement that cannot be prepared is an error that says what was being done. */
	assert_null(cb_store_prepare(st, "SELECT FROM nowhere", "reading the moon", &err));
	assert_non_null(strstr(err.msg, "reading the moon"));
	assert_non_null(cb_store_prepare(st, "SELECT 1", "counting", &err));
	cb_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_database_is_private_and_current),
		cmocka_unit_test(test_missing_database_is_not_created_without_flag),
		cmocka_unit_test(test_newer_schema_is_refused_unchanged),
		cmocka_unit_test(test_foreign_sqlite_file_is_refused),
		cmocka_unit_test(test_garbage_file_is_refused),
		cmocka_unit_test(test_notes_are_append_only),
		cmocka_unit_test(test_constraints_reject_bad_values),
		cmocka_unit_test(test_every_write_is_audited_and_chained),
		cmocka_unit_test(test_audit_tampering_is_detected),
		cmocka_unit_test(test_audit_deletions_are_detected),
		cmocka_unit_test(test_foreign_key_problems_are_reported),
		cmocka_unit_test(test_hlc_values_increase),
		cmocka_unit_test(test_busy_database_says_what_to_do),
		cmocka_unit_test(test_upgrade_from_v1_keeps_data_and_indexes_notes),
		cmocka_unit_test(test_new_notes_are_searchable),
		cmocka_unit_test(test_bulk_transactions_index_notes_at_commit),
		cmocka_unit_test(test_drafts_round_trip),
		cmocka_unit_test(test_prepared_statements_are_kept_and_reused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
