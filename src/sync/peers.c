/* peers.c: sync identity from meta, the sync_devices rows, and sync_history. */
#include "sync/peers.h"

#include <sodium.h>
#include <string.h>

#include "core/mem.h"

static char *name_of(cb_store *st, const char *table, const char *id)
{
	char *sql = xasprintf("SELECT name FROM %s WHERE id = ?", table);
	sqlite3_stmt *q = NULL;
	char *name = NULL;

	if (id && sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			name = xstrdup((const char *)sqlite3_column_text(q, 0));
	}
	sqlite3_finalize(q);
	free(sql);
	return name;
}

void cb_sync_identity_load(cb_store *st, cb_sync_identity *out)
{
	char *role = cb_store_meta_get(st, "sync_role");

	memset(out, 0, sizeof *out);
	out->role = role == NULL ? CB_SYNC_NONE
		    : strcmp(role, "hub") == 0 ? CB_SYNC_HUB
		    : strcmp(role, "laptop") == 0 ? CB_SYNC_LAPTOP : CB_SYNC_NONE;
	free(role);
	out->hub_id = cb_store_meta_get(st, "sync_hub_id");
	out->team_id = cb_store_meta_get(st, "sync_team_id");
	out->practitioner_id = cb_store_meta_get(st, "practitioner_id");
	out->team_name = name_of(st, "teams", out->team_id);
	out->practitioner_name = name_of(st, "practitioners", out->practitioner_id);
}

void cb_sync_identity_free(cb_sync_identity *id)
{
	free(id->hub_id);
	free(id->team_id);
	free(id->practitioner_id);
	free(id->team_name);
	free(id->practitioner_name);
	memset(id, 0, sizeof *id);
}

const char *cb_sync_role_name(enum cb_sync_role role)
{
	switch (role) {
	case CB_SYNC_HUB: return "hub";
	case CB_SYNC_LAPTOP: return "laptop";
	default: return "not in a sync team";
	}
}

#define PEER_COLUMNS                                                                           \
	"id, role, practitioner_id, label, key, enrolled_at, revoked_at, sent_bundle,"        \
	" got_bundle, got_seq, acked_seq, held_basis, last_export_at, last_import_at"

static char *text_at(sqlite3_stmt *q, int col)
{
	return xstrdup_or_null((const char *)sqlite3_column_text(q, col));
}

static void read_peer(sqlite3_stmt *q, cb_sync_peer *p)
{
	const void *key = sqlite3_column_blob(q, 4);

	memset(p, 0, sizeof *p);
	p->id = text_at(q, 0);
	p->role = text_at(q, 1);
	p->practitioner_id = text_at(q, 2);
	p->label = text_at(q, 3);
	if (key && sqlite3_column_bytes(q, 4) == CB_SYNC_KEY_LEN)
		memcpy(p->key, key, CB_SYNC_KEY_LEN);
	p->enrolled_at = text_at(q, 5);
	p->revoked_at = text_at(q, 6);
	p->sent_bundle = sqlite3_column_int64(q, 7);
	p->got_bundle = sqlite3_column_int64(q, 8);
	p->got_seq = sqlite3_column_int64(q, 9);
	p->acked_seq = sqlite3_column_int64(q, 10);
	p->held_basis = sqlite3_column_int64(q, 11);
	p->last_export_at = text_at(q, 12);
	p->last_import_at = text_at(q, 13);
}

void cb_sync_peer_clear(cb_sync_peer *p)
{
	free(p->id);
	free(p->role);
	free(p->practitioner_id);
	free(p->label);
	free(p->enrolled_at);
	free(p->revoked_at);
	free(p->last_export_at);
	free(p->last_import_at);
	sodium_memzero(p->key, sizeof p->key);
	memset(p, 0, sizeof *p);
}

enum cb_status cb_sync_peer_load(cb_store *st, const char *id, cb_sync_peer *out, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(cb_store_db(st), "SELECT " PEER_COLUMNS " FROM sync_devices WHERE id = ?",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the sync devices");
		goto out;
	}
	sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
	step = sqlite3_step(q);
	if (step == SQLITE_ROW)
		read_peer(q, out);
	else if (step == SQLITE_DONE)
		rc = cb_fail(err, CB_NOT_FOUND, "device %.8s is not enrolled here", id);
	else
		rc = cb_store_fail(st, err, "reading the sync devices");
out:
	sqlite3_finalize(q);
	return rc;
}

static void bind_peer(sqlite3_stmt *q, const cb_sync_peer *p)
{
	sqlite3_bind_text(q, 1, p->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, p->role, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, p->practitioner_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, p->label, -1, SQLITE_STATIC);
	sqlite3_bind_blob(q, 5, p->key, CB_SYNC_KEY_LEN, SQLITE_STATIC);
	sqlite3_bind_text(q, 6, p->enrolled_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 7, p->revoked_at, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 8, p->sent_bundle);
	sqlite3_bind_int64(q, 9, p->got_bundle);
	sqlite3_bind_int64(q, 10, p->got_seq);
	sqlite3_bind_int64(q, 11, p->acked_seq);
	sqlite3_bind_int64(q, 12, p->held_basis);
	sqlite3_bind_text(q, 13, p->last_export_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 14, p->last_import_at, -1, SQLITE_STATIC);
}

enum cb_status cb_sync_peer_save(cb_store *st, const cb_sync_peer *p, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	if (sqlite3_prepare_v2(cb_store_db(st),
			       "INSERT OR REPLACE INTO sync_devices(" PEER_COLUMNS ") VALUES"
			       " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "saving the sync device");
		goto out;
	}
	bind_peer(q, p);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, "saving the sync device");
out:
	sqlite3_finalize(q);
	return rc;
}

static enum cb_status query_peers(cb_store *st, const char *where, const char *arg,
				  cb_sync_peer **out, size_t *count, cb_err *err)
{
	char *sql = xasprintf("SELECT " PEER_COLUMNS " FROM sync_devices %s"
			      " ORDER BY role = 'laptop', label, id", where);
	sqlite3_stmt *q = NULL;
	size_t cap = 4;
	enum cb_status rc = CB_OK;

	*out = xcalloc(cap, sizeof **out);
	*count = 0;
	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the sync devices");
		goto out;
	}
	if (arg)
		sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (*count == cap) {
			cap *= 2;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		read_peer(q, &(*out)[(*count)++]);
	}
out:
	sqlite3_finalize(q);
	free(sql);
	return rc;
}

enum cb_status cb_sync_peers_list(cb_store *st, cb_sync_peer **out, size_t *count, cb_err *err)
{
	return query_peers(st, "", NULL, out, count, err);
}

void cb_sync_peers_free(cb_sync_peer *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		cb_sync_peer_clear(&list[i]);
	free(list);
}

enum cb_status cb_sync_peer_find(cb_store *st, const char *what, cb_sync_peer *out, cb_err *err)
{
	static const char *const ways[] = {
		"WHERE id = ?1",
		"WHERE length(?1) >= 8 AND substr(id, 1, length(?1)) = ?1",
		"WHERE label = ?1",
		"WHERE practitioner_id = ?1 AND revoked_at IS NULL",
	};
	cb_sync_peer *list = NULL;
	size_t n = 0;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < sizeof ways / sizeof ways[0]; i++) {
		if (query_peers(st, ways[i], what, &list, &n, err))
			return err->code;
		if (n == 1) {
			*out = list[0];
			free(list);
			return CB_OK;
		}
		cb_sync_peers_free(list, n);
		if (n > 1)
			return cb_fail(err, CB_INVALID, "%zu devices match '%s'; give the device id "
				       "(casebook sync status lists them)", n, what);
	}
	return cb_fail(err, CB_NOT_FOUND, "no enrolled device matches '%s'; casebook sync status "
		       "lists the devices", what);
}

enum cb_status cb_sync_history_add(cb_store *st, const cb_sync_event *e, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	if (sqlite3_prepare_v2(cb_store_db(st),
			       "INSERT INTO sync_history(at, direction, device_id, bundle, seq_from,"
			       " seq_to, records, applied, conflicts, evicted, file)"
			       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "recording the sync history");
		goto out;
	}
	sqlite3_bind_text(q, 1, e->at, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, e->direction, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, e->device_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 4, e->bundle);
	sqlite3_bind_int64(q, 5, e->seq_from);
	sqlite3_bind_int64(q, 6, e->seq_to);
	sqlite3_bind_int64(q, 7, e->records);
	sqlite3_bind_int64(q, 8, e->applied);
	sqlite3_bind_int64(q, 9, e->conflicts);
	sqlite3_bind_int64(q, 10, e->evicted);
	sqlite3_bind_text(q, 11, e->file, -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, "recording the sync history");
out:
	sqlite3_finalize(q);
	return rc;
}

static void read_event(sqlite3_stmt *q, cb_sync_event *e)
{
	e->seq = sqlite3_column_int64(q, 0);
	e->at = text_at(q, 1);
	e->direction = text_at(q, 2);
	e->device_id = text_at(q, 3);
	e->device_label = text_at(q, 4);
	e->bundle = sqlite3_column_int64(q, 5);
	e->seq_from = sqlite3_column_int64(q, 6);
	e->seq_to = sqlite3_column_int64(q, 7);
	e->records = sqlite3_column_int64(q, 8);
	e->applied = sqlite3_column_int64(q, 9);
	e->conflicts = sqlite3_column_int64(q, 10);
	e->evicted = sqlite3_column_int64(q, 11);
	e->file = text_at(q, 12);
}

enum cb_status cb_sync_history_list(cb_store *st, size_t limit, cb_sync_event **out,
				    size_t *count, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	*out = xcalloc(limit + 1, sizeof **out);
	*count = 0;
	if (sqlite3_prepare_v2(cb_store_db(st),
			       "SELECT h.seq, h.at, h.direction, h.device_id, coalesce(d.label,"
			       " substr(h.device_id, 1, 8)), h.bundle, h.seq_from, h.seq_to,"
			       " h.records, h.applied, h.conflicts, h.evicted, h.file"
			       " FROM sync_history h LEFT JOIN sync_devices d ON d.id = h.device_id"
			       " ORDER BY h.seq DESC LIMIT ?",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the sync history");
		goto out;
	}
	sqlite3_bind_int64(q, 1, (sqlite3_int64)limit);
	while (*count < limit && sqlite3_step(q) == SQLITE_ROW)
		read_event(q, &(*out)[(*count)++]);
out:
	sqlite3_finalize(q);
	return rc;
}

void cb_sync_history_free(cb_sync_event *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(list[i].at);
		free(list[i].direction);
		free(list[i].device_id);
		free(list[i].device_label);
		free(list[i].file);
	}
	free(list);
}

int64_t cb_sync_last_seq(cb_store *st)
{
	sqlite3_stmt *q = NULL;
	int64_t seq = 0;

	if (sqlite3_prepare_v2(cb_store_db(st), "SELECT coalesce(max(seq), 0) FROM audit_log", -1,
			       &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
		seq = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return seq;
}
