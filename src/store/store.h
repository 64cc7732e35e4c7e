/* store.h: the SQLite casebook database: open, migrate, transactions, audit, checks. */
#ifndef CASEBOOK_STORE_STORE_H
#define CASEBOOK_STORE_STORE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "core/status.h"

typedef struct cb_store cb_store;

/* How long a write waits for another casebook to finish before giving up. */
#define CB_STORE_BUSY_TIMEOUT_MS 5000

/* The schema version this casebook writes (PRAGMA user_version). */
#define CB_SCHEMA_VERSION 6

enum cb_store_flags {
	CB_STORE_CREATE = 1 << 0, /* create the file (0600) if it does not exist */
	CB_STORE_READONLY = 1 << 1,
};

/*
 * Opens (and if asked, creates) the database at path, applies the pragmas
 * (WAL, foreign keys, secure_delete, busy timeout) and brings the schema up to
 * date, one transaction per migration. Refuses a database from a newer
 * casebook and a file that is not a casebook database. On success the caller
 * owns *out and closes it with cb_store_close.
 */
enum cb_status cb_store_open(const char *path, unsigned flags, cb_store **out, cb_err *err);
void cb_store_close(cb_store *st);

/* The default database path, $XDG_DATA_HOME/casebook/casebook.db (or
 * ~/.local/share/...), creating the folder 0700. The caller frees *out. */
enum cb_status cb_store_default_path(char **out, cb_err *err);

/* The connection, for the store's own modules and for read queries. */
sqlite3 *cb_store_db(cb_store *st);
const char *cb_store_path(const cb_store *st);
/* This device's id, made at creation and kept in the meta table. */
const char *cb_store_device(const cb_store *st);

/*
 * Takes a new device id (sync enrolment gives a laptop the id its hub knows it
 * by): kept in meta and used for the writes that follow. Call inside a write
 * transaction.
 */
enum cb_status cb_store_set_device(cb_store *st, const char *device, cb_err *err);

/* Who the audit log names for the writes that follow (copied). */
void cb_store_set_actor(cb_store *st, const char *actor);
const char *cb_store_actor(const cb_store *st);

/*
 * The device the audit log names for the writes that follow: during a sync
 * import, the device the bundle came from (copied); NULL goes back to this
 * device. Record rows still get this device's id in device_id.
 */
void cb_store_set_audit_device(cb_store *st, const char *device);
const char *cb_store_audit_device(const cb_store *st);

/* Writes the current time ("YYYY-MM-DDTHH:MM:SS.mmmZ", 25 bytes) into buf. */
void cb_store_now(cb_store *st, char *buf);
/* Writes the next hybrid-logical-clock value for updated_at into buf (64 bytes). */
void cb_store_hlc_next(cb_store *st, char *buf);
/* Moves the clock past a value seen from another device (sync), so that edits
 * made here afterwards order after it. Ignores text that is not a clock value. */
void cb_store_hlc_observe(cb_store *st, const char *hlc);

/* BEGIN IMMEDIATE, waiting up to the busy timeout for another writer. */
enum cb_status cb_store_begin(cb_store *st, cb_err *err);
/*
 * cb_store_begin for a transaction of many writes (an import, a sync bundle,
 * gen): notes are added to the search index in one statement at commit, not
 * one by one (FTS5 writes its pending index at the end of every statement).
 */
enum cb_status cb_store_begin_bulk(cb_store *st, cb_err *err);
/*
 * In a bulk transaction: indexes the notes added so far now, and later ones as
 * they are added. Call it before deleting notes (a deleted note's rowid may be
 * given again), and it is called by cb_store_commit.
 */
enum cb_status cb_store_index_notes_now(cb_store *st, cb_err *err);
/* Commits; a bulk transaction indexes its new notes for search first. */
enum cb_status cb_store_commit(cb_store *st, cb_err *err);
/* Rolls back the open transaction, if any. Safe to call when none is open. */
void cb_store_rollback(cb_store *st);

/*
 * Turns the connection's last SQLite error into a message that tells the user
 * what to do (locked, disk full, read-only, corrupt, constraint), prefixed by
 * `doing` ("saving the note"). Returns the status it set.
 */
enum cb_status cb_store_fail(cb_store *st, cb_err *err, const char *doing);
/* The same for an SQLite result code from any connection (db may be NULL). */
enum cb_status cb_sqlite_fail(sqlite3 *db, int code, cb_err *err, const char *doing);

/*
 * Runs SQLite's integrity check and foreign-key check and verifies the audit
 * log's hash chain. Adds one line per problem to problems; returns CB_CORRUPT
 * if there were any, CB_OK if none, or another status (with err) if the check
 * itself could not run.
 */
enum cb_status cb_store_check(cb_store *st, cb_diag *problems, cb_err *err);

/*
 * A prepared statement for sql that the store keeps and hands out again for the
 * same text, so that a write repeated many times (an import, the generator) is
 * compiled once with its triggers. It comes reset with no bindings. The store
 * owns it: never finalize it; call cb_store_release when done with it (also
 * after an error), and before the next cb_store_prepare, which may finalize it
 * to make room. NULL, with err set from `doing`, if it cannot be prepared.
 */
sqlite3_stmt *cb_store_prepare(cb_store *st, const char *sql, const char *doing, cb_err *err);
void cb_store_release(sqlite3_stmt *q);

/* Reads / writes a value in the meta table. Get returns a copy the caller frees, or NULL. */
char *cb_store_meta_get(cb_store *st, const char *key);
enum cb_status cb_store_meta_set(cb_store *st, const char *key, const char *value, cb_err *err);

#endif
