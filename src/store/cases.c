/* cases.c: a case's open plan episode and a child's open case. */
#include "store/cases.h"

#include <string.h>

#include "core/mem.h"

/* Prepares sql with one text parameter and steps it once; *q stays for reading the row. */
static int step_one(cb_store *st, const char *sql, const char *param, sqlite3_stmt **q)
{
	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, q, NULL) != SQLITE_OK)
		return SQLITE_ERROR;
	sqlite3_bind_text(*q, 1, param, -1, SQLITE_STATIC);
	return sqlite3_step(*q);
}

enum cb_status cb_plan_current(cb_store *st, const char *case_id, cb_plan_episode *out,
			       cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	memset(out, 0, sizeof *out);
	step = step_one(st, "SELECT id, plan, started_on FROM plan_episodes WHERE case_id = ?"
			    " AND ended_on IS NULL ORDER BY started_on DESC, created_at DESC, id DESC"
			    " LIMIT 1", case_id, &q);
	if (step == SQLITE_DONE) {
		rc = cb_fail(err, CB_NOT_FOUND, "the case has no open plan episode");
		goto out;
	}
	if (step != SQLITE_ROW) {
		rc = cb_store_fail(st, err, "reading the case's plan");
		goto out;
	}
	out->id = xstrdup((const char *)sqlite3_column_text(q, 0));
	out->plan = xstrdup((const char *)sqlite3_column_text(q, 1));
	out->started_on = xstrdup((const char *)sqlite3_column_text(q, 2));
out:
	sqlite3_finalize(q);
	return rc;
}

void cb_plan_episode_free(cb_plan_episode *e)
{
	free(e->id);
	free(e->plan);
	free(e->started_on);
	memset(e, 0, sizeof *e);
}

enum cb_status cb_child_open_case(cb_store *st, const char *child_id, char **case_id,
				  char **referred_on, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	*case_id = *referred_on = NULL;
	step = step_one(st, "SELECT id, referred_on FROM cases WHERE child_id = ?"
			    " AND closed_on IS NULL ORDER BY referred_on DESC, id LIMIT 1", child_id, &q);
	if (step == SQLITE_ROW) {
		*case_id = xstrdup((const char *)sqlite3_column_text(q, 0));
		*referred_on = xstrdup((const char *)sqlite3_column_text(q, 1));
	} else if (step != SQLITE_DONE) {
		rc = cb_store_fail(st, err, "looking for the child's open case");
	}
	sqlite3_finalize(q);
	return rc;
}
