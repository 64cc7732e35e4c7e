/* audit.h: the hash-chained audit log: triggers that write it, and its verification. */
#ifndef CASEBOOK_STORE_AUDIT_H
#define CASEBOOK_STORE_AUDIT_H

#include <sqlite3.h>

#include "core/status.h"

/*
 * Registers the SQL functions the audit triggers call: cb_now(), cb_actor(),
 * cb_device() and cb_chain(...). `ctx` is the cb_store whose actor, device and
 * clock they report; it must outlive the connection.
 */
enum cb_status cb_audit_register(sqlite3 *db, void *store_ctx, cb_err *err);

/* (Re)creates the insert/update/delete audit triggers of one table. */
enum cb_status cb_audit_install_triggers(sqlite3 *db, const char *table, cb_err *err);

/*
 * Walks the audit log from the first entry, recomputing each hash, and adds a
 * line to problems for every gap, broken link, altered entry or missing tail.
 */
enum cb_status cb_audit_verify(sqlite3 *db, cb_diag *problems, cb_err *err);

#endif
