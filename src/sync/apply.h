/* apply.h: applying a bundle's changeset: last writer wins by clock, losers kept as conflicts. */
#ifndef CASEBOOK_SYNC_APPLY_H
#define CASEBOOK_SYNC_APPLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

typedef struct cb_apply_opts {
	const char *sender;  /* the device the bundle came from */
	const char *actor;   /* what the audit log names as the actor of imported changes */
	int64_t acked;       /* our changes the sender had imported when it wrote the bundle */
	bool hub;            /* this casebook is the hub */
} cb_apply_opts;

typedef struct cb_apply_result {
	size_t records;   /* rows in the changeset */
	size_t applied;   /* rows that changed this casebook */
	size_t conflicts; /* versions set aside as conflicts (new ones) */
	cb_diag notes;    /* things the user should know (family references renamed) */
} cb_apply_result;

/*
 * Applies a changeset of whole rows (inserts) inside the caller's write
 * transaction, through sqlite3changeset_apply_v2 and a conflict handler:
 * a row not here is inserted; an identical row, or an append-only row
 * already here, is left alone; for a mutable row the version with the later
 * hybrid-logical-clock updated_at wins, and the other is recorded in
 * sync_conflicts unless it is old news (held here before, or known to the
 * sender). The audit log names o->sender and o->actor for the rows written.
 * Refuses, changing nothing the caller cannot roll back, a changeset with
 * other operations, unknown tables or different columns. Free r->notes.
 */
enum cb_status cb_sync_apply(cb_store *st, const cb_apply_opts *o, const unsigned char *cs,
			     size_t len, cb_apply_result *r, cb_err *err);

#endif
