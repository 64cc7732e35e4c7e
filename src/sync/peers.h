/* peers.h: this casebook's place in a sync team, the devices it exchanges with, and its history. */
#ifndef CASEBOOK_SYNC_PEERS_H
#define CASEBOOK_SYNC_PEERS_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "sync/keys.h"

enum cb_sync_role { CB_SYNC_NONE, CB_SYNC_HUB, CB_SYNC_LAPTOP };

/* What meta says about sync. Free with cb_sync_identity_free. */
typedef struct cb_sync_identity {
	enum cb_sync_role role;
	char *hub_id;          /* NULL unless enrolled or a hub */
	char *team_id;
	char *practitioner_id; /* a laptop's practitioner */
	char *team_name, *practitioner_name; /* for people; NULL if not known here */
} cb_sync_identity;

void cb_sync_identity_load(cb_store *st, cb_sync_identity *out);
void cb_sync_identity_free(cb_sync_identity *id);
const char *cb_sync_role_name(enum cb_sync_role role);

/* One row of sync_devices. Strings are owned; free with cb_sync_peer_clear. */
typedef struct cb_sync_peer {
	char *id, *role, *practitioner_id, *label;
	char *enrolled_at, *revoked_at, *last_export_at, *last_import_at;
	unsigned char key[CB_SYNC_KEY_LEN];
	int64_t sent_bundle, got_bundle, got_seq, acked_seq, held_basis;
} cb_sync_peer;

/* Loads the device with that id; CB_NOT_FOUND if there is none. */
enum cb_status cb_sync_peer_load(cb_store *st, const char *id, cb_sync_peer *out, cb_err *err);
/* Inserts or replaces the device's row. Call inside a write transaction. */
enum cb_status cb_sync_peer_save(cb_store *st, const cb_sync_peer *p, cb_err *err);
/* Every device, laptops by label. The caller frees with cb_sync_peers_free. */
enum cb_status cb_sync_peers_list(cb_store *st, cb_sync_peer **out, size_t *count, cb_err *err);
void cb_sync_peers_free(cb_sync_peer *list, size_t count);
void cb_sync_peer_clear(cb_sync_peer *p);

/*
 * Finds a device by id, id prefix (8 characters or more), label, or the
 * practitioner whose only device (not revoked) it is. The caller clears *out.
 */
enum cb_status cb_sync_peer_find(cb_store *st, const char *what, cb_sync_peer *out, cb_err *err);

/* One bundle written or imported here (a row of sync_history). */
typedef struct cb_sync_event {
	int64_t seq;
	char *at, *direction, *device_id, *device_label, *file;
	int64_t bundle, seq_from, seq_to, records, applied, conflicts, evicted;
} cb_sync_event;

enum cb_status cb_sync_history_add(cb_store *st, const cb_sync_event *e, cb_err *err);
/* The newest `limit` events, newest first. The caller frees with cb_sync_history_free. */
enum cb_status cb_sync_history_list(cb_store *st, size_t limit, cb_sync_event **out,
				    size_t *count, cb_err *err);
void cb_sync_history_free(cb_sync_event *list, size_t count);

/* The highest change number in this casebook's audit log (0 if none). */
int64_t cb_sync_last_seq(cb_store *st);

#endif
