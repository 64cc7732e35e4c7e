/* store.c: opening the casebook database, pragmas, transactions and error messages. */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/dates.h"
#include "core/ids.h"
#include "core/mem.h"
#include "store/audit.h"
#include "store/schema.h"


/* A kept prepared statement, found by the hash of its SQL. */
typedef struct cb_cached {
	char *sql;
	unsigned long hash;
	sqlite3_stmt *stmt;
} cb_cached;

/* Statements kept at most; past this the oldest is finalized to make room. */
#define CB_STORE_CACHE 64

struct cb_store {
	sqlite3 *db;
	cb_cached cache[CB_STORE_CACHE];
	size_t n_cached, next_evict;
	char *path;
	char device[CB_UUID_LEN + 1];
	char *actor;
	char *audit_device; /* the device named in the audit log, when not this one */
	cb_hlc hlc;        /* last clock value issued or seen */
	bool hlc_dirty;    /* hlc advanced since it was last saved in meta */
	bool search_deferred;       /* a bulk transaction: notes are indexed at commit */
	sqlite3_int64 search_after; /* the last note's rowid when it began */
};

static enum cb_status create_file(const char *path, cb_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0 && errno != EEXIST)
		return cb_fail(err, CB_ERROR, "cannot create %s: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return CB_OK;
}

static enum cb_status apply_pragmas(cb_store *st, unsigned flags, cb_err *err)
{
	const char *pragmas = "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"
			      " PRAGMA synchronous = FULL;";
	sqlite3_busy_timeout(st->db, CB_STORE_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(st->db, 1);
	if (sqlite3_exec(st->db, pragmas, NULL, NULL, NULL) != SQLITE_OK)
		return cb_store_fail(st, err, "setting up the database");
	if (!(flags & CB_STORE_READONLY) &&
	    sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
		return cb_store_fail(st, err, "opening the database");
	return CB_OK;
}

/* cb_search_live(): whether the notes_fts_insert trigger indexes each note as it is added. */
static void sql_search_live(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const cb_store *st = sqlite3_user_data(ctx);

	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, !st->search_deferred);
}

static enum cb_status register_search_live(cb_store *st, cb_err *err)
{
	if (sqlite3_create_function(st->db, "cb_search_live", 0, SQLITE_UTF8, st, sql_search_live,
				    NULL, NULL) != SQLITE_OK)
		return cb_fail(err, CB_ERROR, "cannot set up search: %s", sqlite3_errmsg(st->db));
	return CB_OK;
}

/* Reads this device's id and clock from meta, making the id on first open. */
static enum cb_status load_identity(cb_store *st, unsigned flags, cb_err *err)
{
	char *dev = cb_store_meta_get(st, "device_id");
	char *hlc = cb_store_meta_get(st, "hlc");
	enum cb_status rc = CB_OK;

	if (hlc)
		cb_hlc_parse(hlc, &st->hlc);
	if (dev) {
		snprintf(st->device, sizeof st->device, "%s", dev);
	} else if (flags & CB_STORE_READONLY) {
		snprintf(st->device, sizeof st->device, "readonly");
	} else {
		cb_uuid_new(st->device);
		rc = cb_store_meta_set(st, "device_id", st->device, err);
	}
	free(dev);
	free(hlc);
	return rc;
}

static const char *default_actor(void)
{
	const char *user = getenv("USER");
	return user && *user ? user : "unknown";
}

enum cb_status cb_store_open(const char *path, unsigned flags, cb_store **out, cb_err *err)
{
	cb_store *st = xcalloc(1, sizeof *st);
	int oflags = (flags & CB_STORE_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	enum cb_status rc = CB_OK;

	*out = NULL;
	st->path = xstrdup(path);
	st->actor = xasprintf("os:%s", default_actor());
	if (access(path, F_OK) != 0) {
		if (!(flags & CB_STORE_CREATE)) {
			rc = cb_fail(err, CB_NOT_FOUND,
				     "there is no casebook database at %s; check --db or CASEBOOK_DB, "
				     "or run `casebook import FILE` to create one", path);
			goto out;
		}
		if ((rc = create_file(path, err)))
			goto out;
	}
	if (sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		rc = cb_fail(err, CB_ERROR, "cannot open %s: %s", path,
			     st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto out;
	}
	if ((rc = cb_audit_register(st->db, st, err)) || (rc = register_search_live(st, err)) ||
	    (rc = apply_pragmas(st, flags, err)))
		goto out;
	if (!(flags & CB_STORE_READONLY) && (rc = cb_schema_migrate(st->db, err)))
		goto out;
	rc = load_identity(st, flags, err);
out:
	if (rc) {
		cb_err_prefix(err, "%s", path);
		cb_store_close(st);
		return rc;
	}
	*out = st;
	return CB_OK;
}

static void drop_cached(cb_cached *c)
{
	sqlite3_finalize(c->stmt);
	free(c->sql);
	*c = (cb_cached){0};
}

void cb_store_close(cb_store *st)
{
	if (st == NULL)
		return;
	cb_store_rollback(st);
	for (size_t i = 0; i < st->n_cached; i++)
		drop_cached(&st->cache[i]);
	sqlite3_close_v2(st->db);
	free(st->path);
	free(st->actor);
	free(st->audit_device);
	free(st);
}

enum cb_status cb_store_default_path(char **out, cb_err *err)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *base, *dir;
	enum cb_status rc = CB_OK;

	*out = NULL;
	if (xdg && *xdg == '/')
		base = xstrdup(xdg);
	else if (home && *home)
		base = xasprintf("%s/.local/share", home);
	else
		return cb_fail(err, CB_ERROR, "neither XDG_DATA_HOME nor HOME is set; use --db FILE");
	dir = xasprintf("%s/casebook", base);
	if (mkdir(base, 0700) != 0 && errno != EEXIST)
		rc = cb_fail(err, CB_ERROR, "cannot create %s: %s", base, strerror(errno));
	else if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		rc = cb_fail(err, CB_ERROR, "cannot create %s: %s", dir, strerror(errno));
	else
		*out = xasprintf("%s/casebook.db", dir);
	free(base);
	free(dir);
	return rc;
}

sqlite3 *cb_store_db(cb_store *st)
{
	return st->db;
}

const char *cb_store_path(const cb_store *st)
{
	return st->path;
}

const char *cb_store_device(const cb_store *st)
{
	return st->device;
}

enum cb_status cb_store_set_device(cb_store *st, const char *device, cb_err *err)
{
	if (strlen(device) > CB_UUID_LEN)
		return cb_fail(err, CB_INVALID, "device id %s is too long", device);
	if (cb_store_meta_set(st, "device_id", device, err))
		return err->code;
	snprintf(st->device, sizeof st->device, "%s", device);
	return CB_OK;
}

void cb_store_set_audit_device(cb_store *st, const char *device)
{
	free(st->audit_device);
	st->audit_device = xstrdup_or_null(device);
}

const char *cb_store_audit_device(const cb_store *st)
{
	return st->audit_device ? st->audit_device : st->device;
}

void cb_store_set_actor(cb_store *st, const char *actor)
{
	free(st->actor);
	st->actor = xstrdup(actor);
}

const char *cb_store_actor(const cb_store *st)
{
	return st->actor;
}

void cb_store_now(cb_store *st, char *buf)
{
	(void)st;
	cb_format_utc_ms(cb_clock_now_ms(), buf);
}

void cb_store_hlc_next(cb_store *st, char *buf)
{
	cb_hlc h = cb_hlc_tick(&st->hlc, cb_clock_now_ms());

	st->hlc_dirty = true;
	cb_hlc_format(h, st->device, buf, 64);
}

void cb_store_hlc_observe(cb_store *st, const char *hlc)
{
	cb_hlc seen;

	if (!cb_hlc_parse(hlc, &seen))
		return;
	cb_hlc_receive(&st->hlc, seen, cb_clock_now_ms());
	st->hlc_dirty = true;
}

enum cb_status cb_store_begin(cb_store *st, cb_err *err)
{
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return cb_store_fail(st, err, "saving");
	return CB_OK;
}

enum cb_status cb_store_begin_bulk(cb_store *st, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = cb_store_begin(st, err);

	if (rc)
		return rc;
	if (sqlite3_prepare_v2(st->db, "SELECT coalesce(max(rowid), 0) FROM notes", -1, &q, NULL) !=
		    SQLITE_OK ||
	    sqlite3_step(q) != SQLITE_ROW) {
		rc = cb_store_fail(st, err, "saving");
		goto out;
	}
	st->search_after = sqlite3_column_int64(q, 0);
	st->search_deferred = true;
out:
	sqlite3_finalize(q);
	if (rc)
		cb_store_rollback(st);
	return rc;
}

/*
 * Indexes the notes a bulk transaction added since it began (a new note's
 * rowid is above every other's), and indexes later ones as they come.
 */
enum cb_status cb_store_index_notes_now(cb_store *st, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	if (!st->search_deferred)
		return CB_OK;
	if (sqlite3_prepare_v2(st->db,
			       "INSERT INTO notes_fts(rowid, worries, working_well, needs_to_happen, body)"
			       " SELECT rowid, worries, working_well, needs_to_happen, body FROM notes"
			       " WHERE rowid > ?1",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "indexing the new notes for search");
		goto out;
	}
	sqlite3_bind_int64(q, 1, st->search_after);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, "indexing the new notes for search");
	else
		st->search_deferred = false;
out:
	sqlite3_finalize(q);
	return rc;
}

enum cb_status cb_store_commit(cb_store *st, cb_err *err)
{
	char hlc[64];

	if (cb_store_index_notes_now(st, err))
		return err->code;

	if (st->hlc_dirty) {
		cb_hlc_format(st->hlc, st->device, hlc, sizeof hlc);
		if (cb_store_meta_set(st, "hlc", hlc, err))
			return err->code;
		st->hlc_dirty = false;
	}
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return cb_store_fail(st, err, "saving");
	return CB_OK;
}

void cb_store_rollback(cb_store *st)
{
	st->search_deferred = false;
	if (st->db && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

static const char *advice(int code)
{
	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "another casebook (or another program) is using the database; close it, then try again";
	case SQLITE_FULL:
		return "the disk is full; free some space and try again (nothing was saved)";
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		return "the database file or its folder cannot be written; check its permissions";
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return "the database file is damaged or not a casebook database; run `casebook check` "
		       "to see what is wrong, and `casebook restore BACKUP` to go back to your last backup";
	case SQLITE_IOERR:
		return "the disk reported an error; check the disk and try again";
	case SQLITE_CONSTRAINT:
		return "the data breaks a rule of the casebook";
	default:
		return NULL;
	}
}

enum cb_status cb_sqlite_fail(sqlite3 *db, int code, cb_err *err, const char *doing)
{
	int sys = db ? sqlite3_system_errno(db) : 0;
	const char *what;
	enum cb_status status = CB_ERROR;

	/* A full disk while growing the WAL index is reported as an I/O error; say what it is. */
	if ((code & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT))
		code = SQLITE_FULL;
	what = advice(code);
	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		status = CB_BUSY;
	else if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
		status = CB_CORRUPT;
	else if ((code & 0xff) == SQLITE_CONSTRAINT)
		status = CB_INVALID;
	if (what && status != CB_INVALID)
		return cb_fail(err, status, "%s: %s", doing, what);
	return cb_fail(err, status, "%s: %s", doing, db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
}

enum cb_status cb_store_fail(cb_store *st, cb_err *err, const char *doing)
{
	return cb_sqlite_fail(st->db, sqlite3_extended_errcode(st->db), err, doing);
}

static unsigned long sql_hash(const char *s)
{
	unsigned long h = 2166136261ul;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619ul;
	return h;
}

sqlite3_stmt *cb_store_prepare(cb_store *st, const char *sql, const char *doing, cb_err *err)
{
	unsigned long h = sql_hash(sql);
	cb_cached *slot;

	for (size_t i = 0; i < st->n_cached; i++)
		if (st->cache[i].hash == h && strcmp(st->cache[i].sql, sql) == 0)
			return st->cache[i].stmt;
	if (st->n_cached < CB_STORE_CACHE) {
		slot = &st->cache[st->n_cached++];
	} else {
		slot = &st->cache[st->next_evict++ % CB_STORE_CACHE];
		drop_cached(slot);
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &slot->stmt, NULL) !=
	    SQLITE_OK) {
		cb_store_fail(st, err, doing);
		sqlite3_finalize(slot->stmt);
		slot->stmt = NULL;
		*slot = st->cache[--st->n_cached];
		st->cache[st->n_cached] = (cb_cached){0};
		return NULL;
	}
	slot->sql = xstrdup(sql);
	slot->hash = h;
	return slot->stmt;
}

void cb_store_release(sqlite3_stmt *q)
{
	if (q) {
		sqlite3_reset(q);
		sqlite3_clear_bindings(q);
	}
}

char *cb_store_meta_get(cb_store *st, const char *key)
{
	sqlite3_stmt *q = NULL;
	char *value = NULL;

	if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = ?", -1, &q, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			value = xstrdup((const char *)sqlite3_column_text(q, 0));
	}
	sqlite3_finalize(q);
	return value;
}

enum cb_status cb_store_meta_set(cb_store *st, const char *key, const char *value, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	if (sqlite3_prepare_v2(st->db, "INSERT INTO meta(key, value) VALUES (?, ?) "
				       "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "saving settings");
		goto out;
	}
	sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, value, -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, "saving settings");
out:
	sqlite3_finalize(q);
	return rc;
}
