/* lineage.h: what has been seen of a row: versions held here, versions the sender knows. */
#ifndef CASEBOOK_SYNC_LINEAGE_H
#define CASEBOOK_SYNC_LINEAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "sync/tables.h"

/*
 * Answers, from this casebook's audit log, questions about the rows of one
 * bundle from one sender. The sender knows a version held here if it came
 * from the sender, or if a bundle the sender has imported carried it: its
 * change number is at most `acked` and (on the hub) the row belonged to a
 * case that bundle covered (sync_sent).
 */
typedef struct cb_lineage {
	cb_store *st;
	const char *sender;
	int64_t acked;
	bool hub;
	sqlite3_stmt *held, *history, *sent_case, *sent_family;
} cb_lineage;

void cb_lineage_init(cb_lineage *l, cb_store *st, const char *sender, int64_t acked, bool hub);
void cb_lineage_free(cb_lineage *l);

/* True if this casebook has held version `at` of the row (so it is not news). */
bool cb_lineage_held(cb_lineage *l, const char *table, const char *row_key, const char *at);

/* The row a version belongs to: its table, key, case and family (either may be NULL). */
typedef struct cb_lineage_row {
	const cb_sync_table *t;
	const char *key, *case_id, *family_id;
} cb_lineage_row;

/* True if the sender knows the version of the row held here now. */
bool cb_lineage_sender_knows_current(cb_lineage *l, const cb_lineage_row *row);

/*
 * The newest version of the row held here that the sender also knows: the
 * base both versions grew from. JSON the caller frees, or NULL if none.
 */
char *cb_lineage_base(cb_lineage *l, const cb_lineage_row *row);

#endif
