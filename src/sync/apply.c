/* apply.c: a bundle's changeset applied with sqlite3changeset_apply_v2 and a last-writer-wins handler. */
#include "sync/apply.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "core/mem.h"
#include "sync/conflicts.h"
#include "sync/lineage.h"
#include "sync/refs.h"
#include "sync/tables.h"

/* A table as the bundle and this casebook both have it, with its statements. */
struct table_info {
	bool loaded;
	cb_sync_columns cols;
	sqlite3_stmt *json, *update, *insert;
};

/* What the handler decided for one row, finished after the changeset is applied. */
enum verdict { REMOTE_WINS, LOCAL_WINS, RETRY };

struct pending {
	size_t table;
	enum verdict verdict;
	sqlite3_value **remote, **local; /* local is NULL for RETRY */
};

typedef struct applier {
	cb_store *st;
	sqlite3 *db;
	const cb_apply_opts *o;
	cb_apply_result *r;
	struct table_info tables[CB_SYNC_TABLES_MAX];
	struct pending *pending;
	size_t n_pending, cap_pending;
	char max_clock[64];
	size_t held_back; /* rows the handler kept from being written as they came */
	int unexpected;   /* a conflict kind inserts cannot cause */
} applier;

/* ---- tables ---- */

static size_t table_index(const char *name)
{
	const cb_sync_table *t = cb_sync_table_find(name);

	return t ? (size_t)(t - cb_sync_tables) : cb_sync_table_count;
}

static struct table_info *table_info(applier *a, size_t at)
{
	struct table_info *ti = &a->tables[at];

	if (!ti->loaded)
		ti->loaded = cb_sync_columns_load(a->db, cb_sync_tables[at].name, &ti->cols);
	return ti->loaded ? ti : NULL;
}

static void free_tables(applier *a)
{
	for (size_t i = 0; i < cb_sync_table_count; i++) {
		sqlite3_finalize(a->tables[i].json);
		sqlite3_finalize(a->tables[i].update);
		sqlite3_finalize(a->tables[i].insert);
		cb_sync_columns_free(&a->tables[i].cols);
	}
}

static sqlite3_stmt *statement(applier *a, sqlite3_stmt **slot, char *sql)
{
	if (*slot == NULL)
		sqlite3_prepare_v3(a->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
	else
		sqlite3_reset(*slot);
	free(sql);
	return *slot;
}

/* ---- checking the changeset before anything is written ---- */

static enum cb_status refuse(cb_err *err, const char *what, const char *table)
{
	return cb_fail(err, CB_INVALID,
		       "holds %s%s%s that this casebook cannot apply; update casebook on this "
		       "machine (or on the device that wrote it) and export again", what,
		       table ? " in " : "", table ? table : "");
}

static enum cb_status check_shape(applier *a, sqlite3_changeset_iter *it, size_t at,
				  const char *table, int ncol, cb_err *err)
{
	struct table_info *ti = table_info(a, at);
	unsigned char *pk = NULL;
	int npk = 0;

	if (ti == NULL || ti->cols.count != ncol)
		return refuse(err, "records with other columns", table);
	sqlite3changeset_pk(it, &pk, &npk);
	for (int i = 0; i < ncol; i++)
		if ((pk[i] != 0) != (ti->cols.pk[i] != 0))
			return refuse(err, "records with another key", table);
	return CB_OK;
}

/* Notes the clock of a mutable row, and an incoming family for the reference check. */
static void note_row(applier *a, sqlite3_changeset_iter *it, size_t at, cb_refs *refs)
{
	struct table_info *ti = &a->tables[at];
	sqlite3_value *v = NULL;
	const char *clock;

	if (ti->cols.updated_at < 0)
		return;
	sqlite3changeset_new(it, ti->cols.updated_at, &v);
	clock = v ? (const char *)sqlite3_value_text(v) : NULL;
	if (clock && strcmp(clock, a->max_clock) > 0)
		snprintf(a->max_clock, sizeof a->max_clock, "%s", clock);
	if (strcmp(cb_sync_tables[at].name, "families") == 0)
		cb_refs_note(refs, it, &ti->cols);
}

static enum cb_status prepass(applier *a, const unsigned char *cs, size_t len, cb_refs *refs,
			      cb_err *err)
{
	sqlite3_changeset_iter *it = NULL;
	enum cb_status rc = CB_OK;
	const char *table;
	int ncol, op, indirect;

	if (len > INT_MAX)
		return cb_fail(err, CB_INVALID, "is too large to import (over 2 GB); export smaller "
			       "bundles, more often");
	if (sqlite3changeset_start(&it, (int)len, (void *)cs) != SQLITE_OK)
		return cb_fail(err, CB_CORRUPT, "is damaged inside although it is authentic");
	while (rc == CB_OK && sqlite3changeset_next(it) == SQLITE_ROW) {
		size_t at;
		sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
		if (op != SQLITE_INSERT)
			rc = refuse(err, "updates or deletes", NULL);
		else if ((at = table_index(table)) == cb_sync_table_count)
			rc = refuse(err, "records of an unknown kind", table);
		else if ((rc = check_shape(a, it, at, table, ncol, err)) == CB_OK) {
			note_row(a, it, at, refs);
			a->r->records++;
		}
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK && rc == CB_OK)
		rc = cb_fail(err, CB_CORRUPT, "is damaged inside although it is authentic");
	return rc;
}

/* ---- the conflict handler ---- */

static int compare_values(sqlite3_value *x, sqlite3_value *y)
{
	int tx = x ? sqlite3_value_type(x) : SQLITE_NULL, ty = y ? sqlite3_value_type(y) : SQLITE_NULL;
	int nx, ny, c;

	if (tx != ty)
		return tx < ty ? -1 : 1;
	switch (tx) {
	case SQLITE_NULL: return 0;
	case SQLITE_INTEGER: {
		sqlite3_int64 a = sqlite3_value_int64(x), b = sqlite3_value_int64(y);
		return (a > b) - (a < b);
	}
	case SQLITE_FLOAT: {
		double a = sqlite3_value_double(x), b = sqlite3_value_double(y);
		return (a > b) - (a < b);
	}
	default:
		nx = sqlite3_value_bytes(x);
		ny = sqlite3_value_bytes(y);
		c = memcmp(sqlite3_value_blob(x) ? sqlite3_value_blob(x) : "",
			   sqlite3_value_blob(y) ? sqlite3_value_blob(y) : "", (size_t)(nx < ny ? nx : ny));
		return c ? c : (nx > ny) - (nx < ny);
	}
}

static int compare_rows(sqlite3_value **x, sqlite3_value **y, int n)
{
	for (int i = 0; i < n; i++) {
		int c = compare_values(x[i], y[i]);
		if (c)
			return c;
	}
	return 0;
}

static sqlite3_value **copy_row(sqlite3_changeset_iter *it, int n, bool local)
{
	sqlite3_value **row = xcalloc((size_t)n, sizeof *row);

	for (int i = 0; i < n; i++) {
		sqlite3_value *v = NULL;
		if (local)
			sqlite3changeset_conflict(it, i, &v);
		else
			sqlite3changeset_new(it, i, &v);
		row[i] = v ? sqlite3_value_dup(v) : NULL;
	}
	return row;
}

static void keep(applier *a, sqlite3_changeset_iter *it, enum verdict verdict)
{
	const char *table;
	int ncol, op, indirect;
	struct pending *p;

	sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
	if (a->n_pending == a->cap_pending) {
		a->cap_pending = a->cap_pending ? 2 * a->cap_pending : 64;
		a->pending = xreallocarray(a->pending, a->cap_pending, sizeof *a->pending);
	}
	p = &a->pending[a->n_pending++];
	p->table = table_index(table);
	p->verdict = verdict;
	p->remote = copy_row(it, ncol, false);
	p->local = verdict == RETRY ? NULL : copy_row(it, ncol, true);
}

/* A row with this key is here already: which version stays. */
static int decide(applier *a, sqlite3_changeset_iter *it)
{
	const char *table;
	int ncol, op, indirect, c;
	sqlite3_value **remote, **local;
	size_t at;

	sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
	at = table_index(table);
	a->held_back++;
	remote = copy_row(it, ncol, false);
	local = copy_row(it, ncol, true);
	c = compare_rows(remote, local, ncol);
	if (c != 0 && cb_sync_tables[at].is_mutable) {
		int clock = a->tables[at].cols.updated_at;
		int by_clock = compare_values(remote[clock], local[clock]);
		keep(a, it, (by_clock ? by_clock : c) > 0 ? REMOTE_WINS : LOCAL_WINS);
	}
	for (int i = 0; i < ncol; i++) {
		sqlite3_value_free(remote[i]);
		sqlite3_value_free(local[i]);
	}
	free(remote);
	free(local);
	return SQLITE_CHANGESET_OMIT;
}

static int on_conflict(void *ctx, int kind, sqlite3_changeset_iter *it)
{
	applier *a = ctx;

	switch (kind) {
	case SQLITE_CHANGESET_CONFLICT: return decide(a, it);
	case SQLITE_CHANGESET_CONSTRAINT:
		a->held_back++;
		keep(a, it, RETRY);
		return SQLITE_CHANGESET_OMIT;
	case SQLITE_CHANGESET_FOREIGN_KEY: return SQLITE_CHANGESET_OMIT; /* checked at the end */
	default: a->unexpected = kind; return SQLITE_CHANGESET_ABORT;
	}
}

static int only_synced(void *ctx, const char *table)
{
	(void)ctx;
	return cb_sync_table_find(table) != NULL;
}

/* ---- after the changeset: versions as JSON, conflicts, the rows that won ---- */

static char *row_json(applier *a, size_t at, sqlite3_value **row)
{
	struct table_info *ti = &a->tables[at];
	strbuf sql = {0};
	sqlite3_stmt *q;
	char *json = NULL;

	if (ti->json == NULL) {
		sb_append(&sql, "SELECT json_object(");
		for (int i = 0; i < ti->cols.count; i++)
			sb_appendf(&sql, "%s'%s', ?%d", i ? ", " : "", ti->cols.names[i], i + 1);
		sb_append(&sql, ")");
	}
	if ((q = statement(a, &ti->json, sb_take(&sql))) == NULL)
		return NULL;
	for (int i = 0; i < ti->cols.count; i++)
		sqlite3_bind_value(q, i + 1, row[i]);
	if (sqlite3_step(q) == SQLITE_ROW)
		json = xstrdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	return json;
}

/* The case and family a row belongs to (from its JSON), for scope and for the conflict. */
static void owner_of(applier *a, const cb_sync_table *t, const char *json, char **case_id,
		     char **family_id)
{
	sqlite3_stmt *q = NULL;

	*case_id = *family_id = NULL;
	if (t->owner == NULL || sqlite3_prepare_v2(a->db, t->owner, -1, &q, NULL) != SQLITE_OK)
		goto out;
	sqlite3_bind_text(q, 1, json, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW) {
		*case_id = xstrdup_or_null((const char *)sqlite3_column_text(q, 0));
		*family_id = xstrdup_or_null((const char *)sqlite3_column_text(q, 1));
	}
out:
	sqlite3_finalize(q);
}

/* A conflict found, with the strings it owns, recorded after the rows are written. */
struct found {
	size_t table;
	char *key, *case_id, *family_id, *winner, *winner_at, *loser, *loser_at, *base;
};

static void free_found(struct found *f)
{
	free(f->key);
	free(f->case_id);
	free(f->family_id);
	free(f->winner);
	free(f->winner_at);
	free(f->loser);
	free(f->loser_at);
	free(f->base);
}

static char *clock_of(applier *a, size_t at, sqlite3_value **row)
{
	return xstrdup((const char *)sqlite3_value_text(row[a->tables[at].cols.updated_at]));
}

/* Whether the version that lost is news, and if so what was found. */
static bool classify(applier *a, cb_lineage *lin, const struct pending *p, struct found *f)
{
	const cb_sync_table *t = &cb_sync_tables[p->table];
	sqlite3_value **win = p->verdict == REMOTE_WINS ? p->remote : p->local;
	sqlite3_value **lose = p->verdict == REMOTE_WINS ? p->local : p->remote;
	cb_lineage_row row;
	bool news;

	memset(f, 0, sizeof *f);
	f->table = p->table;
	f->key = cb_sync_row_key(&a->tables[p->table].cols, p->local);
	f->loser_at = clock_of(a, p->table, lose);
	f->loser = row_json(a, p->table, lose);
	owner_of(a, t, f->loser, &f->case_id, &f->family_id);
	row = (cb_lineage_row){t, f->key, f->case_id, f->family_id};
	if (p->verdict == REMOTE_WINS)
		news = !cb_lineage_sender_knows_current(lin, &row);
	else
		news = !cb_lineage_held(lin, t->name, f->key, f->loser_at);
	if (news && strcmp(t->name, "sync_conflicts") != 0) {
		f->winner_at = clock_of(a, p->table, win);
		f->winner = row_json(a, p->table, win);
		f->base = cb_lineage_base(lin, &row);
		return true;
	}
	free_found(f);
	return false;
}

static enum cb_status write_row(applier *a, const struct pending *p, cb_err *err)
{
	struct table_info *ti = &a->tables[p->table];
	const char *name = cb_sync_tables[p->table].name;
	sqlite3_stmt **slot = p->verdict == RETRY ? &ti->insert : &ti->update;
	strbuf sql = {0}, where = {0}, sets = {0};
	sqlite3_stmt *q;

	if (*slot == NULL && p->verdict == RETRY) {
		sb_appendf(&sql, "INSERT INTO \"%s\" VALUES (", name);
		for (int i = 0; i < ti->cols.count; i++)
			sb_appendf(&sql, "%s?%d", i ? ", " : "", i + 1);
		sb_append(&sql, ")");
	} else if (*slot == NULL) {
		for (int i = 0; i < ti->cols.count; i++) {
			if (ti->cols.pk[i])
				sb_appendf(&where, "%s\"%s\" = ?%d", where.len ? " AND " : "",
					   ti->cols.names[i], i + 1);
			else
				sb_appendf(&sets, "%s\"%s\" = ?%d", sets.len ? ", " : "",
					   ti->cols.names[i], i + 1);
		}
		sb_appendf(&sql, "UPDATE \"%s\" SET %s WHERE %s", name, sb_str(&sets),
			   sb_str(&where));
	}
	sb_free(&where);
	sb_free(&sets);
	if ((q = statement(a, slot, sb_take(&sql))) == NULL)
		return cb_store_fail(a->st, err, "applying the bundle");
	for (int i = 0; i < ti->cols.count; i++)
		sqlite3_bind_value(q, i + 1, p->remote[i]);
	if (sqlite3_step(q) != SQLITE_DONE) {
		cb_store_fail(a->st, err, "applying the bundle");
		cb_err_prefix(err, "a %s row from the bundle is refused here", name);
		sqlite3_reset(q);
		return err->code;
	}
	sqlite3_reset(q);
	a->r->applied++;
	return CB_OK;
}

/* Decides which losing versions are news; their descriptions go to *found. */
static void classify_all(applier *a, struct found **found, size_t *n)
{
	cb_lineage lin;

	cb_lineage_init(&lin, a->st, a->o->sender, a->o->acked, a->o->hub);
	*found = xcalloc(a->n_pending + 1, sizeof **found);
	*n = 0;
	for (size_t i = 0; i < a->n_pending; i++)
		if (a->pending[i].verdict != RETRY && classify(a, &lin, &a->pending[i], &(*found)[*n]))
			(*n)++;
	cb_lineage_free(&lin);
}

/*
 * Writes the rows that won, then the inserts the changeset could not make.
 * A family's new reference may still be held by another family whose own new
 * reference comes later in the bundle, so rows refused for a unique key are
 * tried again while each pass writes something.
 */
static enum cb_status write_winners(applier *a, cb_err *err)
{
	enum verdict order[] = {REMOTE_WINS, RETRY};
	bool *done = xcalloc(a->n_pending + 1, sizeof *done);
	size_t left = 0, wrote = 1;
	enum cb_status rc = CB_OK;

	for (size_t i = 0; i < a->n_pending; i++)
		left += a->pending[i].verdict != LOCAL_WINS;
	while (left > 0 && wrote > 0 && rc == CB_OK) {
		wrote = 0;
		for (int k = 0; k < 2 && rc == CB_OK; k++)
			for (size_t i = 0; i < a->n_pending && rc == CB_OK; i++) {
				if (done[i] || a->pending[i].verdict != order[k])
					continue;
				rc = write_row(a, &a->pending[i], err);
				if (rc == CB_OK)
					done[i] = true, wrote++, left--;
				else if (sqlite3_extended_errcode(a->db) == SQLITE_CONSTRAINT_UNIQUE)
					rc = CB_OK; /* try again once the others are written */
			}
	}
	if (rc == CB_OK && left > 0)
		rc = err->code ? err->code : cb_fail(err, CB_INVALID, "holds rows that clash here");
	free(done);
	return rc;
}

static enum cb_status record_found(applier *a, struct found *found, size_t n, cb_err *err)
{
	for (size_t i = 0; i < n; i++) {
		struct found *f = &found[i];
		cb_conflict_found cf = {&cb_sync_tables[f->table], f->key, f->case_id, f->family_id,
					f->winner, f->winner_at, f->loser, f->loser_at, f->base};
		bool recorded = false;
		if (cb_conflict_record(a->st, &cf, &recorded, err))
			return err->code;
		a->r->conflicts += recorded;
	}
	return CB_OK;
}

static void free_pending(applier *a)
{
	for (size_t i = 0; i < a->n_pending; i++) {
		int n = a->tables[a->pending[i].table].cols.count;
		for (int c = 0; c < n; c++) {
			sqlite3_value_free(a->pending[i].remote[c]);
			if (a->pending[i].local)
				sqlite3_value_free(a->pending[i].local[c]);
		}
		free(a->pending[i].remote);
		free(a->pending[i].local);
	}
	free(a->pending);
}

/* ---- the whole ---- */

static enum cb_status run_apply(applier *a, const unsigned char *cs, size_t len, cb_err *err)
{
	int rc = sqlite3changeset_apply_v2(a->db, (int)len, (void *)cs, only_synced, on_conflict, a,
					   NULL, NULL, SQLITE_CHANGESETAPPLY_NOSAVEPOINT);

	if (rc != SQLITE_OK && a->unexpected)
		return cb_fail(err, CB_INVALID, "holds a change that does not fit this casebook "
			       "(conflict kind %d)", a->unexpected);
	if (rc != SQLITE_OK)
		return cb_store_fail(a->st, err, "applying the bundle");
	if (sqlite3_exec(a->db, "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
		return cb_store_fail(a->st, err, "applying the bundle");
	return CB_OK;
}

/* Writes the rows, as the sender in the audit log, then records the conflicts as this device. */
static enum cb_status apply_as_sender(applier *a, const unsigned char *cs, size_t len,
				      cb_err *err)
{
	char *actor = xstrdup(cb_store_actor(a->st));
	struct found *found = NULL;
	size_t n_found = 0;
	enum cb_status rc;

	cb_store_set_audit_device(a->st, a->o->sender);
	cb_store_set_actor(a->st, a->o->actor);
	rc = run_apply(a, cs, len, err);
	if (rc == CB_OK) {
		a->r->applied = a->r->records - a->held_back;
		classify_all(a, &found, &n_found);
		rc = write_winners(a, err);
	}
	cb_store_set_audit_device(a->st, NULL);
	cb_store_set_actor(a->st, actor);
	if (rc == CB_OK)
		rc = record_found(a, found, n_found, err);
	for (size_t i = 0; i < n_found; i++)
		free_found(&found[i]);
	free(found);
	free(actor);
	return rc;
}

static enum cb_status check_references(applier *a, cb_err *err)
{
	int now = 0, high = 0;

	sqlite3_db_status(a->db, SQLITE_DBSTATUS_DEFERRED_FKS, &now, &high, 0);
	if (now > 0)
		return cb_fail(err, CB_INVALID,
			       "refers to records this casebook does not have (a case or family "
			       "missing here); import the sender's earlier bundles first, or ask "
			       "it for a fresh one");
	return CB_OK;
}

enum cb_status cb_sync_apply(cb_store *st, const cb_apply_opts *o, const unsigned char *cs,
			     size_t len, cb_apply_result *r, cb_err *err)
{
	applier *a = xcalloc(1, sizeof *a);
	cb_refs refs;
	enum cb_status rc;

	memset(r, 0, sizeof *r);
	*a = (applier){.st = st, .db = cb_store_db(st), .o = o, .r = r};
	cb_refs_init(&refs, st);
	if ((rc = prepass(a, cs, len, &refs, err)))
		goto out;
	cb_store_hlc_observe(st, a->max_clock);
	if ((rc = cb_refs_make_room(&refs, &r->notes, err)) ||
	    (rc = apply_as_sender(a, cs, len, err)))
		goto out;
	rc = check_references(a, err);
out:
	cb_refs_free(&refs);
	free_pending(a);
	free_tables(a);
	free(a);
	return rc;
}
