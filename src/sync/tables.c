/* tables.c: the synced tables: reach, scope conditions, owners, columns and row keys. */
#include "sync/tables.h"

#include <string.h>

#include "core/mem.h"

#define IN_SCOPE "(SELECT case_id FROM {S})"
#define FAMILIES_IN_SCOPE "(SELECT c.family_id FROM cases c WHERE c.id IN " IN_SCOPE ")"
#define CASE_ROW "T.case_id IN " IN_SCOPE
#define OWNER_NONE "SELECT NULL, NULL"
#define OWNER_BY_CASE                                                                          \
	"SELECT json_extract(?1, '$.case_id'),"                                                \
	" (SELECT family_id FROM cases WHERE id = json_extract(?1, '$.case_id'))"

const cb_sync_table cb_sync_tables[] = {
	{"teams", CB_REACH_REFERENCE, true, "1", OWNER_NONE},
	{"practitioners", CB_REACH_REFERENCE, true, "1", OWNER_NONE},
	{"families", CB_REACH_FAMILY, true, "T.id IN " FAMILIES_IN_SCOPE,
	 "SELECT NULL, json_extract(?1, '$.id')"},
	{"people", CB_REACH_FAMILY, true,
	 "T.id IN (SELECT m.person_id FROM family_members m WHERE m.family_id IN "
	 FAMILIES_IN_SCOPE ") OR T.id IN (SELECT c.child_id FROM cases c WHERE c.id IN "
	 IN_SCOPE ")",
	 "SELECT NULL, (SELECT min(family_id) FROM family_members"
	 " WHERE person_id = json_extract(?1, '$.id'))"},
	{"family_members", CB_REACH_FAMILY, true, "T.family_id IN " FAMILIES_IN_SCOPE,
	 "SELECT NULL, json_extract(?1, '$.family_id')"},
	{"cases", CB_REACH_CASE, true, "T.id IN " IN_SCOPE,
	 "SELECT json_extract(?1, '$.id'), json_extract(?1, '$.family_id')"},
	{"referrals", CB_REACH_CASE, true, CASE_ROW, OWNER_BY_CASE},
	{"plan_episodes", CB_REACH_CASE, true, CASE_ROW, OWNER_BY_CASE},
	{"notes", CB_REACH_CASE, false, CASE_ROW, NULL},
	{"note_amendments", CB_REACH_CASE, false,
	 "T.note_id IN (SELECT n.id FROM notes n WHERE n.case_id IN " IN_SCOPE ")", NULL},
	{"assessments", CB_REACH_CASE, false, CASE_ROW, NULL},
	{"assessment_answers", CB_REACH_CASE, false,
	 "T.assessment_id IN (SELECT a.id FROM assessments a WHERE a.case_id IN " IN_SCOPE ")",
	 NULL},
	{"assessment_scores", CB_REACH_CASE, false,
	 "T.assessment_id IN (SELECT a.id FROM assessments a WHERE a.case_id IN " IN_SCOPE ")",
	 NULL},
	{"goals", CB_REACH_CASE, true, CASE_ROW, OWNER_BY_CASE},
	{"goal_reviews", CB_REACH_CASE, false,
	 "T.goal_id IN (SELECT g.id FROM goals g WHERE g.case_id IN " IN_SCOPE ")", NULL},
	{"supervisions", CB_REACH_HUB, true, "0", OWNER_NONE},
	{"supervision_attendees", CB_REACH_HUB, false, "0", NULL},
	{"supervision_cases", CB_REACH_HUB, false, "0", NULL},
	{"supervision_actions", CB_REACH_HUB, true, "0", OWNER_BY_CASE},
	{"disclosures", CB_REACH_HUB, false, "0", NULL},
	{"sync_conflicts", CB_REACH_CONFLICT, true,
	 "T.case_id IN " IN_SCOPE " OR T.family_id IN " FAMILIES_IN_SCOPE,
	 "SELECT json_extract(?1, '$.case_id'), json_extract(?1, '$.family_id')"},
};
const size_t cb_sync_table_count = sizeof cb_sync_tables / sizeof cb_sync_tables[0];
_Static_assert(sizeof cb_sync_tables / sizeof cb_sync_tables[0] <= CB_SYNC_TABLES_MAX,
	       "raise CB_SYNC_TABLES_MAX");

const cb_sync_table *cb_sync_table_find(const char *name)
{
	for (size_t i = 0; i < cb_sync_table_count; i++)
		if (strcmp(cb_sync_tables[i].name, name) == 0)
			return &cb_sync_tables[i];
	return NULL;
}

char *cb_sync_scope_sql(const cb_sync_table *t, const char *scope)
{
	strbuf sb = {0};
	const char *p = t->scope, *hole;

	while ((hole = strstr(p, "{S}")) != NULL) {
		sb_appendn(&sb, p, (size_t)(hole - p));
		sb_append(&sb, scope);
		p = hole + 3;
	}
	sb_append(&sb, p);
	return sb_take(&sb);
}

bool cb_sync_columns_load(sqlite3 *db, const char *table, cb_sync_columns *out)
{
	sqlite3_stmt *q = NULL;
	int cap = 8;

	memset(out, 0, sizeof *out);
	out->updated_at = -1;
	if (sqlite3_prepare_v2(db, "SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid", -1,
			       &q, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(q, 1, table, -1, SQLITE_STATIC);
	out->names = xcalloc((size_t)cap, sizeof *out->names);
	out->pk = xcalloc((size_t)cap, sizeof *out->pk);
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (out->count == cap) {
			cap *= 2;
			out->names = xreallocarray(out->names, (size_t)cap, sizeof *out->names);
			out->pk = xreallocarray(out->pk, (size_t)cap, sizeof *out->pk);
		}
		out->names[out->count] = xstrdup((const char *)sqlite3_column_text(q, 0));
		out->pk[out->count] = sqlite3_column_int(q, 1);
		if (strcmp(out->names[out->count], "updated_at") == 0)
			out->updated_at = out->count;
		out->count++;
	}
	sqlite3_finalize(q);
	return out->count > 0;
}

void cb_sync_columns_free(cb_sync_columns *c)
{
	for (int i = 0; i < c->count; i++)
		free(c->names[i]);
	free(c->names);
	free(c->pk);
	memset(c, 0, sizeof *c);
}

char *cb_sync_row_key(const cb_sync_columns *c, sqlite3_value **values)
{
	strbuf sb = {0};

	for (int part = 1, done = 0; !done; part++) {
		done = 1;
		for (int i = 0; i < c->count; i++) {
			if (c->pk[i] != part)
				continue;
			const unsigned char *v = sqlite3_value_text(values[i]);
			if (part > 1)
				sb_append(&sb, "/");
			sb_append(&sb, v ? (const char *)v : "");
			done = 0;
		}
	}
	return sb_take(&sb);
}
