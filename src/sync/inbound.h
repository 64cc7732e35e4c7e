/* inbound.h: applying an opened bundle: its rows, the hub's bookkeeping, a laptop's evictions. */
#ifndef CASEBOOK_SYNC_INBOUND_H
#define CASEBOOK_SYNC_INBOUND_H

#include "sync/bundle.h"
#include "sync/peers.h"
#include "sync/sync.h"

/*
 * Inside the caller's write transaction: applies the bundle's rows from peer
 * (already authenticated, not a replay), then on the hub keeps the cases the
 * laptop listed, and on a laptop lets go of the cases the hub dropped; then
 * records the exchange (the peer's counters and the history) and fills out.
 */
enum cb_status cb_sync_inbound(cb_store *st, const cb_sync_identity *me, cb_sync_peer *peer,
			       const cb_bundle_header *h, const cb_bundle_payload *p,
			       const char *path, cb_sync_report *out, cb_err *err);

#endif
