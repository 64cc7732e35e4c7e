/* changes.h: the rows the audit log says changed, as a temporary table to select whole rows from. */
#ifndef CASEBOOK_SYNC_CHANGES_H
#define CASEBOOK_SYNC_CHANGES_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "sync/tables.h"

/*
 * Fills temp.sync_changed with one entry per row written in audit entries
 * after..upto: those not made by `device` (skip it), or only those made by
 * it (only = true). Each entry keeps the row's key columns (as JSON).
 */
enum cb_status cb_changes_load(cb_store *st, int64_t after, int64_t upto, const char *device,
			       bool only, cb_err *err);

/* True if temp.sync_changed holds a row of table. */
bool cb_changes_touch(cb_store *st, const char *table);

/*
 * SQL selecting the whole rows of t that are in temp.sync_changed and meet
 * cond (on alias T); NULL if the table cannot be read. The caller frees it.
 */
char *cb_changes_select(cb_store *st, const cb_sync_table *t, const char *cond);

/* SQL selecting every whole row of t that meets cond. The caller frees it. */
char *cb_changes_select_all(const cb_sync_table *t, const char *cond);

#endif
