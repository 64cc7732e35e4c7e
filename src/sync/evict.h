/* evict.h: a laptop letting go of cases reallocated away, once their changes are on the hub. */
#ifndef CASEBOOK_SYNC_EVICT_H
#define CASEBOOK_SYNC_EVICT_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/*
 * Removes from this laptop the cases in `drop` (the hub's list, one id a line)
 * that have no pending change (an audit entry made here after `acked`, the
 * last of our changes the hub has imported) and no draft in progress, with
 * every row that belongs only to them: notes, assessments, goals, reviews,
 * and their family and people unless another case here still needs them.
 * A case kept back is named in notes. Runs inside the caller's transaction.
 */
enum cb_status cb_sync_evict(cb_store *st, const char *drop, int64_t acked, size_t *evicted,
			     cb_diag *notes, cb_err *err);

#endif
