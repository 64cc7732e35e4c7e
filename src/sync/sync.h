/* sync.h: offline sync between laptops and the team hub, as the CLI and the app use it. */
#ifndef CASEBOOK_SYNC_SYNC_H
#define CASEBOOK_SYNC_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/ids.h"
#include "store/store.h"
#include "sync/conflicts.h"
#include "sync/keys.h"
#include "sync/peers.h"

/* What an export, import or enrolment did. Free with cb_sync_report_free. */
typedef struct cb_sync_report {
	bool replay;        /* import: the bundle was imported before; nothing was done */
	char *peer;         /* the other device's label */
	char *peer_id;
	uint64_t bundle, seq_from, seq_to;
	size_t records;     /* rows the bundle carries */
	size_t applied;     /* import: rows that changed this casebook */
	size_t conflicts;   /* import: versions set aside as new conflicts */
	size_t evicted;     /* import on a laptop: cases that left it */
	size_t dropped;     /* export from the hub: cases the laptop is told to let go */
	cb_diag notes;      /* what else the user should know */
} cb_sync_report;

void cb_sync_report_free(cb_sync_report *r);

/*
 * Makes this casebook its team's hub: a new hub id in meta (sync_role=hub).
 * team_id names the team (NULL: the only team there is). Refuses a casebook
 * that is already a hub or a laptop. The caller frees *hub_id.
 */
enum cb_status cb_sync_init_hub(cb_store *st, const char *team_id, char **hub_id, cb_err *err);

/* A laptop enrolled on the hub: its id and the code to give the practitioner, once. */
typedef struct cb_sync_enrolment {
	char device_id[CB_UUID_LEN + 1];
	char code[CB_SYNC_CODE_LEN + 1];
	cb_sync_report report;
} cb_sync_enrolment;

/*
 * Hub: enrols a new laptop for a practitioner (label NULL: "<name>'s laptop")
 * and writes its first bundle (the team's reference data and the
 * practitioner's cases) to path, sealed with a key derived from a new
 * enrolment code. The code is returned once and kept nowhere. Free
 * out->report.
 */
enum cb_status cb_sync_enrol(cb_store *st, const char *practitioner_id, const char *label,
			     const char *path, cb_sync_enrolment *out, cb_err *err);

/*
 * Laptop: joins the hub with the enrolment bundle at path and the code shown
 * on the hub: takes the device id the hub gave it, the practitioner, and the
 * first bundle's records. The casebook must hold no records yet.
 */
enum cb_status cb_sync_join(cb_store *st, const char *path, const char *code,
			    cb_sync_report *out, cb_err *err);

/*
 * Writes a bundle of the changes the other device has not yet imported: on a
 * laptop for its hub (device NULL), on the hub for the device named (id,
 * label or practitioner, as cb_sync_peer_find).
 */
enum cb_status cb_sync_export(cb_store *st, const char *device, const char *path,
			      cb_sync_report *out, cb_err *err);

/*
 * Hub: writes a bundle for every enrolled laptop (not revoked) into dir,
 * created 0700 if need be, named to-<device>-<bundle>.cbsync. *out gets a
 * report per bundle written (the caller frees each and the array); on an
 * error the bundles written before it stay written.
 */
enum cb_status cb_sync_export_all(cb_store *st, const char *dir, cb_sync_report **out,
				  size_t *count, cb_err *err);

/*
 * Imports a bundle in one transaction. Refuses (changing nothing, with a
 * message saying what to do) a file that is not a bundle, is truncated,
 * tampered with, from another hub, for another device, or from a newer
 * casebook. A bundle already imported, or older than one imported, is a
 * replay: nothing is done and out->replay says so (not an error).
 */
enum cb_status cb_sync_import(cb_store *st, const char *path, cb_sync_report *out,
			      cb_err *err);

/* Hub: stops exchanging with a device (a lost laptop). Its bundles are refused from now on. */
enum cb_status cb_sync_revoke(cb_store *st, const char *device, cb_err *err);

/* A laptop's changes the hub has not yet imported (-1 if this is not a laptop). One COUNT. */
long long cb_sync_pending(cb_store *st);
/* Open conflicts here. */
long long cb_sync_open_conflicts(cb_store *st);

/*
 * The status bar's note, the longest form that fits in `room` columns: on a
 * laptop "12 to sync, 1 conflict" down to "12 to sync" and "sync 12", or
 * "synced"; on the hub "hub: 2 conflicts" down to "hub !2", or "hub". False
 * if this casebook is not in a sync team.
 */
bool cb_sync_badge(cb_store *st, int room, char *buf, size_t size);

#endif
