/* inbound.c: a bundle's rows applied, then the laptop's case list (hub) or the hub's drops (laptop). */
#include "sync/inbound.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "sync/apply.h"
#include "sync/evict.h"

static enum cb_status exec_bound(cb_store *st, const char *sql, const char *a, const char *b,
				 int64_t n, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "recording the laptop's cases");
		goto out;
	}
	sqlite3_bind_text(q, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, b, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, n);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, "recording the laptop's cases");
out:
	sqlite3_finalize(q);
	return rc;
}

/* Hub: the cases the laptop says it holds, and the bundle of ours it had then. */
static enum cb_status keep_held(cb_store *st, cb_sync_peer *peer, const char *held, cb_err *err)
{
	char *copy = xstrdup(held), *save = NULL, *line = strtok_r(copy, "\n", &save);
	enum cb_status rc;

	peer->held_basis = line ? strtoll(line, NULL, 10) : 0;
	rc = exec_bound(st, "UPDATE sync_device_cases SET held = 0 WHERE device_id = ?1", peer->id,
			NULL, 0, err);
	while (rc == CB_OK && (line = strtok_r(NULL, "\n", &save)) != NULL)
		rc = exec_bound(st, "INSERT INTO sync_device_cases(device_id, case_id, held)"
				    " VALUES (?1, ?2, 1) ON CONFLICT(device_id, case_id)"
				    " DO UPDATE SET held = 1", peer->id, line, 0, err);
	if (rc == CB_OK)
		rc = exec_bound(st, "DELETE FROM sync_sent WHERE device_id = ?1 AND seq_to < ?3",
				peer->id, NULL, peer->acked_seq, err);
	free(copy);
	return rc;
}

static enum cb_status apply_rows(cb_store *st, const cb_sync_identity *me, cb_sync_peer *peer,
				 const cb_bundle_payload *p, cb_sync_report *out, cb_err *err)
{
	char *actor = xasprintf("sync:%s", strcmp(peer->role, "hub") == 0 ? "hub"
					   : peer->practitioner_id ? peer->practitioner_id
								   : peer->label);
	cb_apply_opts o = {.sender = peer->id, .actor = actor, .acked = peer->acked_seq,
			   .hub = me->role == CB_SYNC_HUB};
	cb_apply_result r;
	enum cb_status rc = cb_sync_apply(st, &o, p->changeset, p->changeset_len, &r, err);

	out->records = r.records;
	out->applied = r.applied;
	out->conflicts = r.conflicts;
	for (size_t i = 0; i < r.notes.count; i++)
		cb_diag_add(&out->notes, "%s", r.notes.lines[i]);
	cb_diag_free(&r.notes);
	free(actor);
	return rc;
}

static enum cb_status record(cb_store *st, cb_sync_peer *peer, const cb_bundle_header *h,
			     const char *path, const cb_sync_report *out, cb_err *err)
{
	char now[25];
	cb_sync_event e = {.direction = "import", .device_id = peer->id,
			   .bundle = (int64_t)h->bundle, .seq_from = (int64_t)h->seq_from,
			   .seq_to = (int64_t)h->seq_to, .records = (int64_t)out->records,
			   .applied = (int64_t)out->applied, .conflicts = (int64_t)out->conflicts,
			   .evicted = (int64_t)out->evicted, .file = (char *)path};

	cb_store_now(st, now);
	e.at = now;
	peer->got_bundle = (int64_t)h->bundle;
	if ((int64_t)h->seq_to > peer->got_seq)
		peer->got_seq = (int64_t)h->seq_to;
	free(peer->last_import_at);
	peer->last_import_at = xstrdup(now);
	if (cb_sync_peer_save(st, peer, err))
		return err->code;
	return cb_sync_history_add(st, &e, err);
}

enum cb_status cb_sync_inbound(cb_store *st, const cb_sync_identity *me, cb_sync_peer *peer,
			       const cb_bundle_header *h, const cb_bundle_payload *p,
			       const char *path, cb_sync_report *out, cb_err *err)
{
	enum cb_status rc;

	peer->acked_seq = (int64_t)h->ack;
	out->peer = xstrdup(peer->label);
	out->peer_id = xstrdup(peer->id);
	out->bundle = h->bundle;
	out->seq_from = h->seq_from;
	out->seq_to = h->seq_to;
	if ((rc = apply_rows(st, me, peer, p, out, err)))
		return rc;
	if (me->role == CB_SYNC_HUB && p->held && (rc = keep_held(st, peer, p->held, err)))
		return rc;
	if (me->role == CB_SYNC_LAPTOP &&
	    (rc = cb_sync_evict(st, p->drop, peer->acked_seq, &out->evicted, &out->notes, err)))
		return rc;
	return record(st, peer, h, path, out, err);
}
