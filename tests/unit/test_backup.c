/* test_backup.c: backups are consistent, private and never overwrite by accident; restores check first. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mem.h"
#include "store/backup.h"
#include "store/records.h"

static void add_team(cb_store *st, const char *name)
{
	char id[CB_UUID_LEN + 1] = "";
	cb_err err = {0};
	const cb_field f[] = {{"name", name}};

	assert_int_equal(cb_store_begin(st, &err), CB_OK);
	assert_int_equal(cb_record_insert(st, "teams", id, f, 1, &err), CB_OK);
	assert_int_equal(cb_store_commit(st, &err), CB_OK);
}

static long long teams_in(const char *path)
{
	cb_store *st = NULL;
	cb_err err = {0};
	long long n;

	if (cb_store_open(path, 0, &st, &err))
		fail_msg("%s", err.msg);
	n = tu_int(st, "SELECT count(*) FROM teams");
	cb_store_close(st);
	return n;
}

static char *path_in(const char *dir, const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void test_backup_is_a_private_checkable_copy(void **state)
{
	cb_store *st = tu_new_store();
	char *dir = tu_tempdir(), *copy = path_in(dir, "copy.casebook");
	cb_err err = {0};
	cb_diag problems = {0};
	struct stat sb;
	cb_store *back = NULL;

	add_team(st, "North");
	assert_int_equal(cb_store_backup(st, copy, false, &err), CB_OK);
	assert_int_equal(stat(copy, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(teams_in(copy), 1);
	assert_int_equal(cb_store_open(copy, 0, &back, &err), CB_OK);
	assert_int_equal(cb_store_check(back, &problems, &err), CB_OK);
	cb_store_close(back);
	/* One self-contained file: nothing left beside it but what opening it made. */
	char *tmpglob = xasprintf("ls %s | grep -c tmp-", dir);
	assert_int_not_equal(system(tmpglob), 0);
	free(tmpglob);
	cb_store_close(st);
	free(copy);
	free(dir);
}

static void test_backup_never_overwrites_by_accident(void **state)
{
	cb_store *st = tu_new_store();
	char *dir = tu_tempdir(), *copy = path_in(dir, "copy.casebook");
	cb_err err = {0};

	add_team(st, "North");
	assert_int_equal(cb_store_backup(st, copy, false, &err), CB_OK);
	add_team(st, "South");
	assert_int_equal(cb_store_backup(st, copy, false, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "--force"));
	assert_int_equal(teams_in(copy), 1);
	assert_int_equal(cb_store_backup(st, copy, true, &err), CB_OK);
	assert_int_equal(teams_in(copy), 2);
	/* Not even --force writes over the database itself. */
	assert_int_equal(cb_store_backup(st, cb_store_path(st), true, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "database itself"));
	assert_int_equal(tu_int(st, "SELECT count(*) FROM teams"), 2);
	cb_store_close(st);
	free(copy);
	free(dir);
}

static void test_backup_during_a_write_is_consistent(void **state)
{
	cb_store *st = tu_new_store(), *writer = NULL;
	char *dir = tu_tempdir(), *copy = path_in(dir, "copy.casebook");
	cb_err err = {0};
	char id[CB_UUID_LEN + 1] = "";

	add_team(st, "North");
	/* Another casebook is half way through saving: its row must not be in the copy. */
	assert_int_equal(cb_store_open(cb_store_path(st), 0, &writer, &err), CB_OK);
	assert_int_equal(cb_store_begin(writer, &err), CB_OK);
	assert_int_equal(cb_record_insert(writer, "teams", id, (cb_field[]){{"name", "South"}}, 1, &err),
			 CB_OK);
	assert_int_equal(cb_store_backup(st, copy, false, &err), CB_OK);
	assert_int_equal(cb_store_commit(writer, &err), CB_OK);
	assert_int_equal(teams_in(copy), 1);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM teams"), 2);
	cb_store_close(writer);
	cb_store_close(st);
	free(copy);
	free(dir);
}

static void test_restore_keeps_the_replaced_database(void **state)
{
	cb_store *st = tu_new_store();
	char *dir = tu_tempdir(), *copy = path_in(dir, "copy.casebook");
	char *db = xstrdup(cb_store_path(st)), *keep = cb_store_restore_keep_path(db);
	cb_diag problems = {0};
	cb_err err = {0};

	add_team(st, "North");
	assert_int_equal(cb_store_backup(st, copy, false, &err), CB_OK);
	add_team(st, "South");
	cb_store_close(st);
	assert_int_equal(cb_store_restore(db, copy, false, &problems, &err), CB_OK);
	assert_int_equal(problems.count, 0);
	assert_int_equal(teams_in(db), 1);
	assert_int_equal(teams_in(keep), 2);
	/* A second restore would lose the kept one: refused unless forced. */
	assert_int_equal(cb_store_restore(db, copy, false, &problems, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "earlier restore"));
	assert_int_equal(teams_in(keep), 2);
	assert_int_equal(cb_store_restore(db, copy, true, &problems, &err), CB_OK);
	assert_int_equal(teams_in(keep), 1);
	/* Into a new file: the copy simply becomes the database. */
	char *fresh = path_in(dir, "fresh.casebook");
	assert_int_equal(cb_store_restore(fresh, copy, false, &problems, &err), CB_OK);
	assert_int_equal(teams_in(fresh), 1);
	free(fresh);
	free(keep);
	free(db);
	free(copy);
	free(dir);
}

static void expect_refused(const char *db, const char *from, enum cb_status want, const char *says)
{
	cb_diag problems = {0};
	cb_err err = {0};

	assert_int_equal(cb_store_restore(db, from, true, &problems, &err), want);
	if (strstr(err.msg, says) == NULL)
		fail_msg("'%s' does not say '%s'", err.msg, says);
	assert_non_null(strstr(err.msg, "nothing was changed"));
	assert_int_equal(teams_in(db), 1);
	cb_diag_free(&problems);
}

static void test_restore_refuses_what_is_not_a_sound_casebook(void **state)
{
	cb_store *st = tu_new_store();
	char *dir = tu_tempdir(), *db = xstrdup(cb_store_path(st));
	char *junk = path_in(dir, "junk"), *future = path_in(dir, "future.db"),
	     *tampered = path_in(dir, "tampered.db"), *other = path_in(dir, "other.db");
	cb_err err = {0};
	sqlite3 *raw;
	FILE *f = fopen(junk, "w");

	fputs("not a database at all", f);
	fclose(f);
	add_team(st, "North");
	assert_int_equal(cb_store_backup(st, tampered, false, &err), CB_OK);
	assert_int_equal(cb_store_backup(st, future, false, &err), CB_OK);
	cb_store_close(st);
	sqlite3_open(future, &raw);
	sqlite3_exec(raw, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(raw);
	sqlite3_open(tampered, &raw);
	sqlite3_exec(raw, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'x'", NULL,
		     NULL, NULL);
	sqlite3_close(raw);
	sqlite3_open(other, &raw);
	sqlite3_exec(raw, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL);
	sqlite3_close(raw);
	expect_refused(db, junk, CB_INVALID, "not a casebook database");
	expect_refused(db, future, CB_INVALID, "newer casebook");
	expect_refused(db, tampered, CB_CORRUPT, "fails the casebook check");
	expect_refused(db, other, CB_INVALID, "not a casebook database");
	expect_refused(db, db, CB_INVALID, "database itself");
	char *missing = path_in(dir, "missing.db");
	expect_refused(db, missing, CB_NOT_FOUND, "cannot read");
	free(missing);
	free(junk);
	free(future);
	free(tampered);
	free(other);
	free(db);
	free(dir);
}

static void test_restore_waits_for_another_casebook_then_explains(void **state)
{
	cb_store *st = tu_new_store();
	char *dir = tu_tempdir(), *copy = path_in(dir, "copy.casebook");
	char *db = xstrdup(cb_store_path(st));
	cb_diag problems = {0};
	cb_err err = {0};

	add_team(st, "North");
	assert_int_equal(cb_store_backup(st, copy, false, &err), CB_OK);
	add_team(st, "South"); /* st stays open, as the app would */
	assert_int_equal(cb_store_restore(db, copy, true, &problems, &err), CB_BUSY);
	assert_non_null(strstr(err.msg, "has"));
	assert_non_null(strstr(err.msg, "close it"));
	assert_int_equal(tu_int(st, "SELECT count(*) FROM teams"), 2);
	cb_store_close(st);
	free(db);
	free(copy);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backup_is_a_private_checkable_copy),
		cmocka_unit_test(test_backup_never_overwrites_by_accident),
		cmocka_unit_test(test_backup_during_a_write_is_consistent),
		cmocka_unit_test(test_restore_keeps_the_replaced_database),
		cmocka_unit_test(test_restore_refuses_what_is_not_a_sound_casebook),
		cmocka_unit_test(test_restore_waits_for_another_casebook_then_explains),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
