/* audit.c: audit triggers generated from each table's columns, and chain checking. */
#include "store/audit.h"

#include <string.h>

#include "core/hash.h"
#include "core/mem.h"
#include "store/store.h"

/* Hash of one entry: every field in order, NULL kept distinct from "". */
static void chain_hash(const char *const fields[9], char *out)
{
	cb_hasher h;

	cb_hash_init(&h);
	for (int i = 0; i < 9; i++) {
		if (fields[i] == NULL)
			cb_hash_update(&h, "\0", 1);
		cb_hash_field(&h, fields[i]);
	}
	cb_hash_final_hex(&h, out);
}

static void sql_chain(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *fields[9];
	char out[CB_HASH_HEX_LEN + 1];

	for (int i = 0; i < 9 && i < argc; i++)
		fields[i] = (const char *)sqlite3_value_text(argv[i]);
	chain_hash(fields, out);
	sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
}

static void sql_now(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char buf[25];

	cb_store_now(sqlite3_user_data(ctx), buf);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

static void sql_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_text(ctx, cb_store_actor(sqlite3_user_data(ctx)), -1, SQLITE_TRANSIENT);
}

static void sql_device(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_text(ctx, cb_store_audit_device(sqlite3_user_data(ctx)), -1,
			    SQLITE_TRANSIENT);
}

enum cb_status cb_audit_register(sqlite3 *db, void *store_ctx, cb_err *err)
{
	int rc = sqlite3_create_function(db, "cb_now", 0, SQLITE_UTF8, store_ctx, sql_now, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "cb_actor", 0, SQLITE_UTF8, store_ctx, sql_actor,
					     NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "cb_device", 0, SQLITE_UTF8, store_ctx, sql_device,
					     NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "cb_chain", 9, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
					     NULL, sql_chain, NULL, NULL);
	if (rc != SQLITE_OK)
		return cb_fail(err, CB_ERROR, "cannot set up the audit log: %s", sqlite3_errmsg(db));
	return CB_OK;
}

/* Columns of a table as json_object('c', P.c, ...) and the row-id expression. */
static enum cb_status describe_table(sqlite3 *db, const char *table, strbuf *json_new,
				     strbuf *json_old, strbuf *rid_new, strbuf *rid_old,
				     cb_err *err)
{
	sqlite3_stmt *st = NULL;
	char *sql = xasprintf("SELECT name, pk FROM pragma_table_info('%s') ORDER BY pk, cid", table);
	enum cb_status rc = CB_OK;
	int npk = 0;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		rc = cb_fail(err, CB_ERROR, "cannot read table %s: %s", table, sqlite3_errmsg(db));
		goto out;
	}
	sb_append(json_new, "json_object(");
	sb_append(json_old, "json_object(");
	for (int n = 0; sqlite3_step(st) == SQLITE_ROW; n++) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		sb_appendf(json_new, "%s'%s', NEW.\"%s\"", n ? ", " : "", col, col);
		sb_appendf(json_old, "%s'%s', OLD.\"%s\"", n ? ", " : "", col, col);
		if (sqlite3_column_int(st, 1) > 0) {
			sb_appendf(rid_new, "%sNEW.\"%s\"", npk ? " || '/' || " : "", col);
			sb_appendf(rid_old, "%sOLD.\"%s\"", npk ? " || '/' || " : "", col);
			npk++;
		}
	}
	sb_append(json_new, ")");
	sb_append(json_old, ")");
	if (npk == 0)
		rc = cb_fail(err, CB_ERROR, "table %s has no primary key to audit", table);
out:
	sqlite3_finalize(st);
	free(sql);
	return rc;
}

/*
 * The entry's values are worked out once, in v: "LIMIT 1 OFFSET 0" keeps
 * SQLite from flattening v into the INSERT, which would compute the JSON and
 * the previous hash twice (once for the column, once for the chain).
 */
static void append_trigger(strbuf *sql, const char *table, const char *op, const char *event,
			   const char *rid, const char *before, const char *after)
{
	sb_appendf(sql,
		   "DROP TRIGGER IF EXISTS audit_%s_%s;\n"
		   "CREATE TRIGGER audit_%s_%s AFTER %s ON %s BEGIN\n"
		   " INSERT INTO audit_log(at, actor, device_id, tbl, row_id, op, before, after,"
		   " prev_hash, hash)\n"
		   " SELECT v.at, v.actor, v.dev, '%s', v.rid, '%s', v.before, v.after, v.prev,\n"
		   "  cb_chain(v.prev, v.at, v.actor, v.dev, '%s', v.rid, '%s', v.before, v.after)\n"
		   " FROM (SELECT cb_now() AS at, cb_actor() AS actor, cb_device() AS dev,\n"
		   "  %s AS rid, %s AS before, %s AS after,\n"
		   "  coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '') AS prev\n"
		   "  LIMIT 1 OFFSET 0) AS v;\n"
		   "END;\n",
		   table, op, table, op, event, table, table, op, table, op, rid, before, after);
}

enum cb_status cb_audit_install_triggers(sqlite3 *db, const char *table, cb_err *err)
{
	strbuf jn = {0}, jo = {0}, rn = {0}, ro = {0}, sql = {0};
	enum cb_status rc = describe_table(db, table, &jn, &jo, &rn, &ro, err);

	if (rc)
		goto out;
	append_trigger(&sql, table, "insert", "INSERT", sb_str(&rn), "NULL", sb_str(&jn));
	append_trigger(&sql, table, "update", "UPDATE", sb_str(&rn), sb_str(&jo), sb_str(&jn));
	append_trigger(&sql, table, "delete", "DELETE", sb_str(&ro), sb_str(&jo), "NULL");
	if (sqlite3_exec(db, sb_str(&sql), NULL, NULL, NULL) != SQLITE_OK)
		rc = cb_fail(err, CB_ERROR, "cannot create the audit triggers of %s: %s", table,
			     sqlite3_errmsg(db));
out:
	sb_free(&jn);
	sb_free(&jo);
	sb_free(&rn);
	sb_free(&ro);
	sb_free(&sql);
	return rc;
}

/* Checks one entry against the previous hash; reports what is wrong with it. */
static void verify_entry(sqlite3_stmt *st, sqlite3_int64 expect_seq, const char *prev,
			 cb_diag *problems)
{
	sqlite3_int64 seq = sqlite3_column_int64(st, 0);
	const char *fields[9];
	char hash[CB_HASH_HEX_LEN + 1];
	const char *stored_prev = (const char *)sqlite3_column_text(st, 9);
	const char *stored = (const char *)sqlite3_column_text(st, 10);

	fields[0] = stored_prev;
	for (int i = 1; i < 9; i++)
		fields[i] = (const char *)sqlite3_column_text(st, i);
	if (seq != expect_seq)
		cb_diag_add(problems,
			    "audit log: entries %lld to %lld are missing (deleted from the log)",
			    (long long)expect_seq, (long long)seq - 1);
	else if (strcmp(stored_prev ? stored_prev : "", prev) != 0)
		cb_diag_add(problems, "audit log: entry %lld does not follow entry %lld (chain broken)",
			    (long long)seq, (long long)seq - 1);
	chain_hash(fields, hash);
	if (strcmp(hash, stored ? stored : "") != 0)
		cb_diag_add(problems,
			    "audit log: entry %lld (%s of %s row %s at %s) was altered after it was written",
			    (long long)seq, fields[6] ? fields[6] : "?", fields[4] ? fields[4] : "?",
			    fields[5] ? fields[5] : "?", fields[1] ? fields[1] : "?");
}

static void verify_tail(sqlite3 *db, sqlite3_int64 last_seq, cb_diag *problems)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'", -1,
			       &st, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) > last_seq)
		cb_diag_add(problems, "audit log: the last %lld entries are missing (deleted from the log)",
			    (long long)(sqlite3_column_int64(st, 0) - last_seq));
	sqlite3_finalize(st);
}

enum cb_status cb_audit_verify(sqlite3 *db, cb_diag *problems, cb_err *err)
{
	sqlite3_stmt *st = NULL;
	char *prev = xstrdup("");
	sqlite3_int64 expect = 1;
	enum cb_status rc = CB_OK;
	int step;

	if (sqlite3_prepare_v2(db,
			       "SELECT seq, at, actor, device_id, tbl, row_id, op, before, after,"
			       " prev_hash, hash FROM audit_log ORDER BY seq",
			       -1, &st, NULL) != SQLITE_OK) {
		rc = cb_fail(err, CB_ERROR, "cannot read the audit log: %s", sqlite3_errmsg(db));
		goto out;
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		verify_entry(st, expect, prev, problems);
		free(prev);
		prev = xstrdup((const char *)sqlite3_column_text(st, 10));
		expect = sqlite3_column_int64(st, 0) + 1;
	}
	if (step != SQLITE_DONE) {
		rc = cb_fail(err, CB_ERROR, "cannot read the audit log: %s", sqlite3_errmsg(db));
		goto out;
	}
	verify_tail(db, expect - 1, problems);
out:
	sqlite3_finalize(st);
	free(prev);
	return rc;
}
