/* schema.h: the migrations that build and evolve the casebook schema. */
#ifndef CASEBOOK_STORE_SCHEMA_H
#define CASEBOOK_STORE_SCHEMA_H

#include <sqlite3.h>

#include "core/status.h"

/* Tables whose writes are audited, in dependency order (parents first). */
extern const char *const cb_audited_tables[];

/*
 * Applies every migration newer than the database's user_version, each in its
 * own transaction. Refuses a database newer than this casebook.
 */
enum cb_status cb_schema_migrate(sqlite3 *db, cb_err *err);

#endif
