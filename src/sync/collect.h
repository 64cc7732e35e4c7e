/* collect.h: rows gathered into a SQLite session changeset, through an in-memory copy of the tables. */
#ifndef CASEBOOK_SYNC_COLLECT_H
#define CASEBOOK_SYNC_COLLECT_H

#include <sqlite3.h>
#include <stddef.h>

#include "core/status.h"

typedef struct cb_collect cb_collect;

/*
 * Makes an empty in-memory database with a session attached; each synced
 * table of src is copied into it (same columns, same key, no rules) when its
 * first row is added, so that every row added is recorded as an insert of
 * the whole row. Free with cb_collect_free.
 */
enum cb_status cb_collect_new(sqlite3 *src, cb_collect **out, cb_err *err);

/*
 * Adds the rows `sql` selects from src: whole rows of `table`, columns in the
 * table's order, with ?1..?n bound to the n texts in args. A row already added
 * is skipped.
 */
enum cb_status cb_collect_rows(cb_collect *c, const char *table, const char *sql,
			       const char *const *args, int n, cb_err *err);

/* How many rows were added. */
size_t cb_collect_count(const cb_collect *c);

/* The changeset of every row added; the caller frees *out (NULL and 0 when empty is fine). */
enum cb_status cb_collect_finish(cb_collect *c, unsigned char **out, size_t *len, cb_err *err);
void cb_collect_free(cb_collect *c);

#endif
