/* lineage.c: the audit log read as each row's version history, for telling news from old news. */
#include "sync/lineage.h"

#include <string.h>

#include "core/mem.h"

void cb_lineage_init(cb_lineage *l, cb_store *st, const char *sender, int64_t acked, bool hub)
{
	memset(l, 0, sizeof *l);
	l->st = st;
	l->sender = sender;
	l->acked = acked;
	l->hub = hub;
}

void cb_lineage_free(cb_lineage *l)
{
	sqlite3_finalize(l->held);
	sqlite3_finalize(l->history);
	sqlite3_finalize(l->sent_case);
	sqlite3_finalize(l->sent_family);
	memset(l, 0, sizeof *l);
}

static sqlite3_stmt *prepared(cb_lineage *l, sqlite3_stmt **slot, const char *sql)
{
	if (*slot == NULL)
		sqlite3_prepare_v3(cb_store_db(l->st), sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
	else
		sqlite3_reset(*slot);
	return *slot;
}

bool cb_lineage_held(cb_lineage *l, const char *table, const char *row_key, const char *at)
{
	sqlite3_stmt *q = prepared(l, &l->held,
				   "SELECT 1 FROM audit_log WHERE tbl = ?1 AND row_id = ?2"
				   " AND json_extract(after, '$.updated_at') = ?3 LIMIT 1");
	bool found;

	if (q == NULL)
		return false;
	sqlite3_bind_text(q, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, row_key, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, at, -1, SQLITE_STATIC);
	found = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_reset(q);
	return found;
}

static bool sent_with(cb_lineage *l, sqlite3_stmt **slot, const char *sql, const char *id)
{
	sqlite3_stmt *q;
	bool found;

	if (id == NULL || (q = prepared(l, slot, sql)) == NULL)
		return false;
	sqlite3_bind_text(q, 1, l->sender, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, l->acked);
	sqlite3_bind_text(q, 3, id, -1, SQLITE_STATIC);
	found = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_reset(q);
	return found;
}

/* Whether the bundles the sender imported from here could carry this row at all. */
static bool reaches_sender(cb_lineage *l, const cb_lineage_row *row)
{
	if (!l->hub)
		return true; /* the hub hears every change a laptop makes */
	switch (row->t->reach) {
	case CB_REACH_REFERENCE: return true;
	case CB_REACH_CASE:
		return sent_with(l, &l->sent_case,
				 "SELECT 1 FROM sync_sent WHERE device_id = ?1 AND seq_to = ?2"
				 " AND case_id = ?3",
				 row->case_id);
	case CB_REACH_FAMILY:
		return sent_with(l, &l->sent_family,
				 "SELECT 1 FROM sync_sent s JOIN cases c ON c.id = s.case_id"
				 " WHERE s.device_id = ?1 AND s.seq_to = ?2 AND c.family_id = ?3",
				 row->family_id);
	default: return false;
	}
}

/* Walks the row's versions newest first; stops at the first the sender knows. */
static bool find_known(cb_lineage *l, const cb_lineage_row *row, bool newest_only, char **json)
{
	sqlite3_stmt *q = prepared(l, &l->history,
				   "SELECT seq, device_id, after FROM audit_log WHERE tbl = ?1"
				   " AND row_id = ?2 AND after IS NOT NULL ORDER BY seq DESC");
	bool reaches = reaches_sender(l, row), known = false;

	if (q == NULL)
		return false;
	sqlite3_bind_text(q, 1, row->t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, row->key, -1, SQLITE_STATIC);
	while (!known && sqlite3_step(q) == SQLITE_ROW) {
		const char *dev = (const char *)sqlite3_column_text(q, 1);
		known = (dev && strcmp(dev, l->sender) == 0) ||
			(reaches && sqlite3_column_int64(q, 0) <= l->acked);
		if (known && json)
			*json = xstrdup((const char *)sqlite3_column_text(q, 2));
		if (newest_only)
			break;
	}
	sqlite3_reset(q);
	return known;
}

bool cb_lineage_sender_knows_current(cb_lineage *l, const cb_lineage_row *row)
{
	return find_known(l, row, true, NULL);
}

char *cb_lineage_base(cb_lineage *l, const cb_lineage_row *row)
{
	char *json = NULL;

	find_known(l, row, false, &json);
	return json;
}
