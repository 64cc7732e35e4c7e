/* outbound.c: a bundle's rows: a laptop's changes for the hub, or a laptop's cases from the hub. */
#include "sync/outbound.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/mem.h"
#include "sync/changes.h"
#include "sync/collect.h"
#include "sync/tables.h"

typedef struct outbound {
	cb_store *st;
	const cb_sync_identity *me;
	cb_sync_peer *peer;
	cb_collect *rows;
	int64_t seq_to;
	uint64_t bundle;
	cb_bundle_payload payload;
	cb_sync_report *out;
} outbound;

/* Runs sql (which it frees) with parameters ?1 ?2 (text) and ?3 ?4 (integers), where used. */
static enum cb_status run(outbound *o, char *sql, const char *t1, const char *t2, int64_t i3,
			  int64_t i4, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	if (sqlite3_prepare_v2(cb_store_db(o->st), sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(o->st, err, "writing the bundle");
		goto out;
	}
	sqlite3_bind_text(q, 1, t1, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, t2, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, i3);
	sqlite3_bind_int64(q, 4, i4);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(o->st, err, "writing the bundle");
out:
	sqlite3_finalize(q);
	free(sql);
	return rc;
}

static enum cb_status add(outbound *o, const cb_sync_table *t, char *sql, cb_err *err)
{
	enum cb_status rc;

	if (sql == NULL)
		return cb_fail(err, CB_ERROR, "cannot read table %s", t->name);
	rc = cb_collect_rows(o->rows, t->name, sql, NULL, 0, err);
	free(sql);
	return rc;
}

/* What of t a laptop gets among the changed rows: its cases' rows and reference data. */
static char *laptop_condition(const cb_sync_table *t)
{
	char *scope, *cond;

	switch (t->reach) {
	case CB_REACH_REFERENCE: return xstrdup("1");
	case CB_REACH_HUB: return NULL;
	case CB_REACH_CONFLICT:
		scope = cb_sync_scope_sql(t, "temp.sync_inc");
		cond = xasprintf("(%s) OR (%s)", scope, CB_SYNC_REFERENCE_CONFLICTS);
		free(scope);
		return cond;
	default: return cb_sync_scope_sql(t, "temp.sync_inc");
	}
}

static enum cb_status changed_rows(outbound *o, bool for_laptop, cb_err *err)
{
	enum cb_status rc = cb_changes_load(o->st, o->peer->acked_seq, o->seq_to, o->peer->id,
					    false, err);

	for (size_t i = 0; i < cb_sync_table_count && rc == CB_OK; i++) {
		const cb_sync_table *t = &cb_sync_tables[i];
		if (!cb_changes_touch(o->st, t->name))
			continue;
		char *cond = for_laptop ? laptop_condition(t) : xstrdup("1");
		if (cond)
			rc = add(o, t, cb_changes_select(o->st, t, cond), err);
		free(cond);
	}
	return rc;
}

/* Every row of the cases in temp.sync_full; the reference data too for a first bundle. */
static bool any_whole(outbound *o)
{
	sqlite3_stmt *q = NULL;
	bool any = false;

	if (sqlite3_prepare_v2(cb_store_db(o->st), "SELECT 1 FROM temp.sync_full LIMIT 1", -1, &q,
			       NULL) == SQLITE_OK)
		any = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_finalize(q);
	return any;
}

static enum cb_status whole_cases(outbound *o, cb_err *err)
{
	bool first = o->peer->acked_seq == 0, whole = any_whole(o);
	enum cb_status rc = CB_OK;

	for (size_t i = 0; i < cb_sync_table_count && rc == CB_OK; i++) {
		const cb_sync_table *t = &cb_sync_tables[i];
		char *cond = NULL;
		if (whole && (t->reach == CB_REACH_CASE || t->reach == CB_REACH_FAMILY ||
			      t->reach == CB_REACH_CONFLICT))
			cond = cb_sync_scope_sql(t, "temp.sync_full");
		if (cond)
			rc = add(o, t, cb_changes_select_all(t, cond), err);
		if (rc == CB_OK && first && t->reach == CB_REACH_REFERENCE)
			rc = add(o, t, cb_changes_select_all(t, "1"), err);
		if (rc == CB_OK && first && t->reach == CB_REACH_CONFLICT)
			rc = add(o, t, cb_changes_select_all(t, CB_SYNC_REFERENCE_CONFLICTS), err);
		free(cond);
	}
	return rc;
}

/*
 * temp.sync_inc: the laptop's open cases it surely holds whole: it listed
 * them after importing a bundle that carried the whole case, and no bundle
 * has told it to let them go since (while a case is away its changes are not
 * sent, so a case coming back goes whole). temp.sync_full: its other open
 * cases, which go whole.
 */
static enum cb_status scope_tables(outbound *o, cb_err *err)
{
	const cb_sync_peer *p = o->peer;
	enum cb_status rc;

	if (sqlite3_exec(cb_store_db(o->st),
			 "CREATE TEMP TABLE IF NOT EXISTS sync_inc(case_id TEXT PRIMARY KEY);"
			 "CREATE TEMP TABLE IF NOT EXISTS sync_full(case_id TEXT PRIMARY KEY);"
			 "DELETE FROM temp.sync_inc; DELETE FROM temp.sync_full",
			 NULL, NULL, NULL) != SQLITE_OK)
		return cb_store_fail(o->st, err, "writing the bundle");
	rc = run(o, xstrdup("INSERT INTO temp.sync_inc SELECT c.id FROM cases c"
			    " WHERE c.practitioner_id = ?1 AND c.closed_on IS NULL AND ?3 > 0"
			    " AND EXISTS (SELECT 1 FROM sync_device_cases d WHERE d.device_id = ?2"
			    " AND d.case_id = c.id AND d.held = 1 AND d.whole_in <= ?4"
			    " AND (d.dropped_in IS NULL OR d.dropped_in < d.whole_in))"),
		 p->practitioner_id, p->id, p->acked_seq, p->held_basis, err);
	if (rc == CB_OK)
		rc = run(o, xstrdup("INSERT INTO temp.sync_full SELECT c.id FROM cases c"
				    " WHERE c.practitioner_id = ?1 AND c.closed_on IS NULL"
				    " AND c.id NOT IN (SELECT case_id FROM temp.sync_inc)"),
			 p->practitioner_id, p->id, 0, 0, err);
	return rc;
}

#define NOT_IN_SCOPE                                                                           \
	" case_id NOT IN (SELECT case_id FROM temp.sync_inc UNION SELECT case_id FROM"         \
	" temp.sync_full)"

/*
 * The cases the laptop may hold (it listed them, or has been sent them since
 * it last listed its cases) that are no longer its: it is told to let them go.
 * Every case it was ever sent that this bundle leaves out is marked dropped,
 * so that it goes whole again if it comes back: its changes meanwhile were
 * not sent.
 */
static enum cb_status drops(outbound *o, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	strbuf sb = {0};
	enum cb_status rc = CB_OK;

	if (sqlite3_prepare_v2(cb_store_db(o->st), "SELECT case_id FROM sync_device_cases"
				   " WHERE device_id = ?1 AND (held = 1 OR whole_in > ?2) AND"
				   NOT_IN_SCOPE, -1, &q, NULL) != SQLITE_OK)
		return cb_store_fail(o->st, err, "writing the bundle");
	sqlite3_bind_text(q, 1, o->peer->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, o->peer->held_basis);
	while (sqlite3_step(q) == SQLITE_ROW) {
		sb_appendf(&sb, "%s\n", (const char *)sqlite3_column_text(q, 0));
		o->out->dropped++;
	}
	sqlite3_finalize(q);
	rc = run(o, xstrdup("UPDATE sync_device_cases SET dropped_in = ?3 WHERE device_id = ?1"
			    " AND (held = 1 OR whole_in IS NOT NULL) AND" NOT_IN_SCOPE),
		 o->peer->id, NULL, (int64_t)o->bundle, 0, err);
	o->payload.drop = sb_take(&sb);
	return rc;
}

/* The cases this bundle covers (sync_sent), and which it carries whole for the first time. */
static enum cb_status remember_sent(outbound *o, cb_err *err)
{
	enum cb_status rc = run(o, xstrdup("INSERT OR IGNORE INTO sync_sent SELECT ?1, ?3, case_id"
					   " FROM (SELECT case_id FROM temp.sync_inc UNION"
					   " SELECT case_id FROM temp.sync_full)"),
				o->peer->id, NULL, o->seq_to, 0, err);

	if (rc == CB_OK)
		rc = run(o, xstrdup("INSERT INTO sync_device_cases(device_id, case_id, whole_in)"
				    " SELECT ?1, case_id, ?3 FROM temp.sync_full WHERE 1"
				    " ON CONFLICT(device_id, case_id) DO UPDATE SET whole_in ="
				    " CASE WHEN whole_in IS NULL OR dropped_in >= whole_in"
				    " THEN excluded.whole_in ELSE whole_in END"),
			 o->peer->id, NULL, (int64_t)o->bundle, 0, err);
	return rc;
}

static enum cb_status for_laptop(outbound *o, cb_err *err)
{
	enum cb_status rc;

	if (o->peer->practitioner_id == NULL)
		return cb_fail(err, CB_ERROR, "device %s has no practitioner; enrol it again",
			       o->peer->label);
	if ((rc = scope_tables(o, err)))
		return rc;
	if (o->peer->acked_seq > 0 && (rc = changed_rows(o, true, err)))
		return rc;
	if ((rc = whole_cases(o, err)) || (rc = drops(o, err)))
		return rc;
	return remember_sent(o, err);
}

/* A laptop tells the hub which cases it holds, and which hub bundle it had then. */
static char *held_list(outbound *o)
{
	sqlite3_stmt *q = NULL;
	strbuf sb = {0};

	sb_appendf(&sb, "%lld\n", (long long)o->peer->got_bundle);
	if (sqlite3_prepare_v2(cb_store_db(o->st), "SELECT id FROM cases ORDER BY id", -1, &q,
			       NULL) == SQLITE_OK)
		while (sqlite3_step(q) == SQLITE_ROW)
			sb_appendf(&sb, "%s\n", (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	return sb_take(&sb);
}

static enum cb_status for_hub(outbound *o, cb_err *err)
{
	o->payload.held = held_list(o);
	return changed_rows(o, false, err);
}

static void fill_header(const outbound *o, const char *enrol, cb_bundle_header *h)
{
	memset(h, 0, sizeof *h);
	h->version = CB_BUNDLE_FORMAT;
	h->kind = enrol ? CB_BUNDLE_ENROL : CB_BUNDLE_CHANGES;
	snprintf(h->hub_id, sizeof h->hub_id, "%s", o->me->hub_id);
	snprintf(h->team_id, sizeof h->team_id, "%s", o->me->team_id ? o->me->team_id : "");
	snprintf(h->sender, sizeof h->sender, "%s", cb_store_device(o->st));
	snprintf(h->recipient, sizeof h->recipient, "%s", o->peer->id);
	h->bundle = o->bundle;
	h->seq_from = (uint64_t)o->peer->acked_seq + 1;
	h->seq_to = (uint64_t)o->seq_to;
	h->ack = (uint64_t)o->peer->got_seq;
	h->created_ms = cb_clock_now_ms();
}

static enum cb_status record(outbound *o, const char *path, const char *enrol, cb_err *err)
{
	char now[25];
	cb_sync_event e = {.direction = enrol ? "enrol" : "export", .device_id = o->peer->id,
			   .bundle = (int64_t)o->bundle, .seq_from = o->peer->acked_seq + 1,
			   .seq_to = o->seq_to, .records = (int64_t)o->out->records,
			   .file = (char *)path};

	cb_store_now(o->st, now);
	e.at = now;
	free(o->peer->last_export_at);
	o->peer->last_export_at = xstrdup(now);
	o->peer->sent_bundle = (int64_t)o->bundle;
	if (cb_sync_peer_save(o->st, o->peer, err))
		return err->code;
	return cb_sync_history_add(o->st, &e, err);
}

static void report(outbound *o)
{
	o->out->peer = xstrdup(o->peer->label);
	o->out->peer_id = xstrdup(o->peer->id);
	o->out->bundle = o->bundle;
	o->out->seq_from = (uint64_t)o->peer->acked_seq + 1;
	o->out->seq_to = (uint64_t)o->seq_to;
	o->out->records = cb_collect_count(o->rows);
}

enum cb_status cb_sync_outbound(cb_store *st, const cb_sync_identity *me, cb_sync_peer *peer,
				const char *enrol, const char *path, cb_sync_report *out,
				cb_err *err)
{
	outbound o = {.st = st, .me = me, .peer = peer, .out = out};
	cb_bundle_header h;
	enum cb_status rc;

	o.seq_to = cb_sync_last_seq(st);
	o.bundle = (uint64_t)peer->sent_bundle + 1;
	if ((rc = cb_collect_new(cb_store_db(st), &o.rows, err)))
		return rc;
	rc = me->role == CB_SYNC_HUB ? for_laptop(&o, err) : for_hub(&o, err);
	if (rc == CB_OK)
		rc = cb_collect_finish(o.rows, &o.payload.changeset, &o.payload.changeset_len, err);
	if (rc == CB_OK) {
		report(&o);
		o.payload.enrol = xstrdup_or_null(enrol);
		fill_header(&o, enrol, &h);
		rc = record(&o, path, enrol, err);
	}
	if (rc == CB_OK)
		rc = cb_bundle_write(path, &h, &o.payload, peer->key, err);
	cb_bundle_payload_free(&o.payload);
	cb_collect_free(o.rows);
	return rc;
}
