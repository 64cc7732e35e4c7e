/* outbound.h: choosing what a bundle for one device carries, and writing it. */
#ifndef CASEBOOK_SYNC_OUTBOUND_H
#define CASEBOOK_SYNC_OUTBOUND_H

#include "sync/bundle.h"
#include "sync/peers.h"
#include "sync/sync.h"

/*
 * Inside the caller's write transaction: collects the rows `peer` should get
 * (a laptop's changes the hub has not imported; or, for a laptop, changes to
 * its practitioner's open cases and the reference data, with whole cases it
 * does not hold yet), writes the bundle to path, and records it (the peer's
 * bundle count, sync_sent, the history). `enrol` is the enrolment section of
 * a first bundle, or NULL. If the caller then fails to commit, it removes
 * the file.
 */
enum cb_status cb_sync_outbound(cb_store *st, const cb_sync_identity *me, cb_sync_peer *peer,
				const char *enrol, const char *path, cb_sync_report *out,
				cb_err *err);

#endif
