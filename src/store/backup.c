/* backup.c: copying the casebook with SQLite's online backup API, and restoring a checked copy. */
#include "store/backup.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mem.h"

/* True if a and b name the same existing file. */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* Removes a database file and the journal files SQLite may have left beside it. */
static void remove_db_files(const char *path)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char *p = xasprintf("%s%s", path, suffixes[i]);
		unlink(p);
		free(p);
	}
}

/* Makes a new empty private (0600) file beside path; the caller frees *out. */
static enum cb_status temp_beside(const char *path, char **out, cb_err *err)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);

	*out = NULL;
	if (fd < 0) {
		cb_fail(err, CB_ERROR, "cannot write beside %s: %s; check the folder exists and you "
				       "may write to it", path, strerror(errno));
		free(tmp);
		return err->code;
	}
	close(fd);
	*out = tmp;
	return CB_OK;
}

/* Copies every page of src's main database into dest, waiting for locks up to the busy timeout. */
static int copy_pages(sqlite3 *dest, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dest, "main", src, "main");
	int rc, waited = 0;

	if (b == NULL)
		return sqlite3_extended_errcode(dest);
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			sqlite3_sleep(50);
			waited += 50;
		}
	} while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waited < CB_STORE_BUSY_TIMEOUT_MS);
	if (rc == SQLITE_DONE)
		return sqlite3_backup_finish(b);
	sqlite3_backup_finish(b);
	return rc;
}

/* Opens path as a plain SQLite connection (no casebook set-up). */
static enum cb_status open_raw(const char *path, int flags, sqlite3 **out, cb_err *err)
{
	if (sqlite3_open_v2(path, out, flags, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(*out, CB_STORE_BUSY_TIMEOUT_MS);
		sqlite3_extended_result_codes(*out, 1);
		return CB_OK;
	}
	cb_fail(err, CB_ERROR, "cannot open %s: %s", path, *out ? sqlite3_errmsg(*out) : "out of memory");
	sqlite3_close(*out);
	*out = NULL;
	return err->code;
}

/* Copies src into the file dest_path as one self-contained file (no -wal beside it). */
static enum cb_status copy_to_file(sqlite3 *src, const char *dest_path, cb_err *err)
{
	sqlite3 *dest = NULL;
	enum cb_status rc = open_raw(dest_path, SQLITE_OPEN_READWRITE, &dest, err);
	int code;

	if (rc)
		return rc;
	if ((code = copy_pages(dest, src)) != SQLITE_OK)
		rc = cb_sqlite_fail(dest, code, err, "copying the database");
	else if (sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		rc = cb_sqlite_fail(dest, sqlite3_extended_errcode(dest), err, "finishing the copy");
	if (sqlite3_close(dest) != SQLITE_OK && rc == CB_OK)
		rc = cb_fail(err, CB_ERROR, "cannot close the copy %s", dest_path);
	return rc;
}

static enum cb_status sync_path(const char *path, int flags, cb_err *err)
{
	int fd = open(path, flags | O_CLOEXEC);

	if (fd < 0 || fsync(fd) != 0) {
		cb_fail(err, CB_ERROR, "cannot save %s to disk: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return err->code;
	}
	close(fd);
	return CB_OK;
}

/* Syncs tmp, renames it to path and syncs the folder, so path is the old or the whole new file. */
static enum cb_status install(const char *tmp, const char *path, cb_err *err)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	enum cb_status rc = sync_path(tmp, O_RDONLY, err);

	if (slash)
		slash[slash == dir] = '\0';
	else
		strcpy(dir, ".");
	if (rc == CB_OK && rename(tmp, path) != 0)
		rc = cb_fail(err, CB_ERROR, "cannot write %s: %s", path, strerror(errno));
	if (rc == CB_OK)
		rc = sync_path(dir, O_RDONLY | O_DIRECTORY, err);
	free(dir);
	return rc;
}

enum cb_status cb_store_backup(cb_store *st, const char *path, bool force, cb_err *err)
{
	char *tmp = NULL;
	enum cb_status rc;

	if (same_file(path, cb_store_path(st)))
		return cb_fail(err, CB_INVALID, "%s is the database itself; give the backup another name",
			       path);
	if (!force && access(path, F_OK) == 0)
		return cb_fail(err, CB_INVALID, "%s already exists; give another name, or --force to "
				       "replace it", path);
	if ((rc = temp_beside(path, &tmp, err)))
		return rc;
	rc = copy_to_file(cb_store_db(st), tmp, err);
	if (rc == CB_OK)
		rc = install(tmp, path, err);
	if (rc)
		remove_db_files(tmp);
	free(tmp);
	return rc;
}

/* ---- Restore. */

char *cb_store_restore_keep_path(const char *db_path)
{
	return xasprintf("%s.before-restore", db_path);
}

/* Refuses a file that is not a casebook database, or is from a newer casebook. */
static enum cb_status inspect(sqlite3 *db, const char *from, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int version;

	if (sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM pragma_user_version),"
				   " EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'meta')",
			       -1, &q, NULL) != SQLITE_OK || sqlite3_step(q) != SQLITE_ROW) {
		rc = cb_fail(err, CB_INVALID, "%s is not a casebook database (%s); give a file that "
				      "`casebook backup` made", from, sqlite3_errmsg(db));
		goto out;
	}
	version = sqlite3_column_int(q, 0);
	if (version > CB_SCHEMA_VERSION)
		rc = cb_fail(err, CB_INVALID,
			     "%s was written by a newer casebook (schema version %d; this casebook knows up "
			     "to %d); install the newer casebook to restore it", from, version,
			     CB_SCHEMA_VERSION);
	else if (version < 1 || !sqlite3_column_int(q, 1))
		rc = cb_fail(err, CB_INVALID, "%s is an SQLite database but not a casebook database",
			     from);
out:
	sqlite3_finalize(q);
	return rc;
}

/* Copies `from` into the new file tmp after inspecting it; `from` is only read. */
static enum cb_status take_copy(const char *from, const char *tmp, cb_err *err)
{
	sqlite3 *src = NULL;
	enum cb_status rc;

	if (access(from, R_OK) != 0)
		return cb_fail(err, CB_NOT_FOUND, "cannot read %s: %s", from, strerror(errno));
	if ((rc = open_raw(from, SQLITE_OPEN_READONLY, &src, err)) == CB_OK &&
	    (rc = inspect(src, from, err)) == CB_OK)
		rc = copy_to_file(src, tmp, err);
	sqlite3_close(src);
	return rc;
}

/* Runs `casebook check` on the copy, then brings its schema up to date. */
static enum cb_status verify(const char *tmp, const char *from, cb_diag *problems, cb_err *err)
{
	cb_store *st = NULL;
	enum cb_status rc = cb_store_open(tmp, CB_STORE_READONLY, &st, err);

	if (rc == CB_OK)
		rc = cb_store_check(st, problems, err);
	cb_store_close(st);
	if (rc == CB_CORRUPT)
		return cb_fail(err, CB_CORRUPT, "%s fails the casebook check (%zu problem%s, listed "
				       "above); it cannot be restored", from, problems->count,
			       problems->count == 1 ? "" : "s");
	if (rc)
		return rc;
	st = NULL;
	rc = cb_store_open(tmp, 0, &st, err);
	cb_store_close(st);
	return rc;
}

/* Takes the database for this connection alone, waiting for others to close it, then explains. */
static enum cb_status take_alone(cb_store *cur, cb_err *err)
{
	sqlite3 *db = cb_store_db(cur);

	if (sqlite3_exec(db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT", NULL, NULL,
			 NULL) == SQLITE_OK)
		return CB_OK;
	if ((sqlite3_errcode(db) & 0xff) == SQLITE_BUSY)
		return cb_fail(err, CB_BUSY, "another casebook (or another program) has %s open; close "
				      "it, then restore again", cb_store_path(cur));
	return cb_store_fail(cur, err, "taking the database for the restore");
}

/* Keeps a database too damaged to open by renaming it (with its WAL), then installs the copy. */
static enum cb_status replace_damaged(const char *db_path, const char *tmp, const char *keep,
				      cb_err *err)
{
	char *wal = xasprintf("%s-wal", db_path), *keep_wal = xasprintf("%s-wal", keep);
	char *shm = xasprintf("%s-shm", db_path);
	enum cb_status rc = CB_OK;

	if (rename(db_path, keep) != 0 || (access(wal, F_OK) == 0 && rename(wal, keep_wal) != 0))
		rc = cb_fail(err, CB_ERROR, "cannot keep the damaged %s as %s: %s", db_path, keep,
			     strerror(errno));
	unlink(shm);
	if (rc == CB_OK)
		rc = install(tmp, db_path, err);
	free(wal);
	free(keep_wal);
	free(shm);
	return rc;
}

/* Keeps the current database, then loads the checked copy over it. */
static enum cb_status replace(const char *db_path, const char *tmp, const char *keep, cb_err *err)
{
	cb_store *cur = NULL;
	sqlite3 *src = NULL;
	enum cb_status rc;
	int code;

	if ((rc = cb_store_open(db_path, 0, &cur, err)) == CB_CORRUPT)
		return replace_damaged(db_path, tmp, keep, err);
	if (rc || (rc = take_alone(cur, err)) || (rc = cb_store_backup(cur, keep, true, err)) ||
	    (rc = open_raw(tmp, SQLITE_OPEN_READONLY, &src, err)))
		goto out;
	if ((code = copy_pages(cb_store_db(cur), src)) == SQLITE_READONLY)
		rc = cb_fail(err, CB_ERROR, "restoring into %s: the backup's page size differs from the "
				       "database's; restore into a new file (--db NEW) instead", db_path);
	else if (code != SQLITE_OK)
		rc = cb_sqlite_fail(cb_store_db(cur), code, err, "restoring the database");
out:
	sqlite3_close(src);
	cb_store_close(cur);
	return rc;
}

enum cb_status cb_store_restore(const char *db_path, const char *from, bool force,
				cb_diag *problems, cb_err *err)
{
	char *keep = cb_store_restore_keep_path(db_path), *tmp = NULL;
	bool exists = access(db_path, F_OK) == 0;
	enum cb_status rc = CB_OK;

	if (same_file(from, db_path)) {
		rc = cb_fail(err, CB_INVALID, "%s is the database itself; give the backup file to "
				      "restore from", from);
		goto out;
	}
	if ((rc = temp_beside(db_path, &tmp, err)) || (rc = take_copy(from, tmp, err)) ||
	    (rc = verify(tmp, from, problems, err)))
		goto out;
	if (exists && !force && access(keep, F_OK) == 0)
		rc = cb_fail(err, CB_INVALID, "%s is kept from an earlier restore; move it somewhere "
				      "safe (or give --force to replace it), then restore again", keep);
	else
		rc = exists ? replace(db_path, tmp, keep, err) : install(tmp, db_path, err);
out:
	if (tmp && access(tmp, F_OK) == 0)
		remove_db_files(tmp);
	if (rc) {
		size_t len = strlen(err->msg);
		snprintf(err->msg + len, sizeof err->msg - len, "; nothing was changed");
	} else {
		cb_err_clear(err);
	}
	free(tmp);
	free(keep);
	return rc;
}
