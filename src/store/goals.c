/* goals.c: one query for goals and their latest review. */
#include "store/goals.h"

#include <string.h>

#include "core/mem.h"

/* ?1 is the case id or NULL, ?2 the goal id or NULL, ?3 1 for active goals only. */
static const char goals_sql[] =
	"SELECT g.id, g.case_id, g.category, g.owner, g.text, g.status, g.set_on, p.name,"
	" g.paired_goal_id, r.progress, r.reviewed_on"
	" FROM goals g LEFT JOIN people p ON p.id = g.owner_person_id"
	" LEFT JOIN goal_reviews r ON r.id = (SELECT id FROM goal_reviews x WHERE x.goal_id = g.id"
	"   ORDER BY x.reviewed_on DESC, x.created_at DESC, x.id DESC LIMIT 1)"
	" WHERE (?1 IS NULL OR g.case_id = ?1) AND (?2 IS NULL OR g.id = ?2)"
	"  AND (?3 = 0 OR g.status = 'active')"
	" ORDER BY g.set_on, g.created_at, g.id";

static char *text_or_null(sqlite3_stmt *q, int i)
{
	const unsigned char *s = sqlite3_column_text(q, i);
	return s ? xstrdup((const char *)s) : NULL;
}

static void fill(sqlite3_stmt *q, cb_goal *g)
{
	g->id = text_or_null(q, 0);
	g->case_id = text_or_null(q, 1);
	g->category = text_or_null(q, 2);
	g->owner = text_or_null(q, 3);
	g->text = text_or_null(q, 4);
	g->status = text_or_null(q, 5);
	g->set_on = text_or_null(q, 6);
	g->owner_name = text_or_null(q, 7);
	g->paired_goal_id = text_or_null(q, 8);
	g->progress = sqlite3_column_type(q, 9) == SQLITE_NULL ? -1 : sqlite3_column_int(q, 9);
	g->reviewed_on = text_or_null(q, 10);
}

static enum cb_status query(cb_store *st, const char *case_id, const char *goal_id,
			    bool active_only, cb_goal **out, size_t *count, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	size_t cap = 0;
	enum cb_status rc = CB_OK;
	int step;

	*out = NULL;
	*count = 0;
	if (sqlite3_prepare_v2(cb_store_db(st), goals_sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the goals");
		goto out;
	}
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, goal_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 3, active_only);
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		if (*count == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		fill(q, &(*out)[(*count)++]);
	}
	if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, "reading the goals");
out:
	sqlite3_finalize(q);
	return rc;
}

enum cb_status cb_goals_load(cb_store *st, const char *case_id, bool active_only, cb_goal **out,
			     size_t *count, cb_err *err)
{
	return query(st, case_id, NULL, active_only, out, count, err);
}

enum cb_status cb_goal_load(cb_store *st, const char *goal_id, cb_goal *out, cb_err *err)
{
	cb_goal *found = NULL;
	size_t n = 0;
	enum cb_status rc = query(st, NULL, goal_id, false, &found, &n, err);

	memset(out, 0, sizeof *out);
	if (rc == CB_OK && n == 0)
		rc = cb_fail(err, CB_NOT_FOUND, "there is no goal %s", goal_id);
	if (rc == CB_OK) {
		*out = found[0];
		free(found);
		return CB_OK;
	}
	cb_goals_free(found, n);
	return rc;
}

void cb_goal_free(cb_goal *g)
{
	free(g->id);
	free(g->case_id);
	free(g->category);
	free(g->owner);
	free(g->text);
	free(g->status);
	free(g->set_on);
	free(g->owner_name);
	free(g->paired_goal_id);
	free(g->reviewed_on);
	memset(g, 0, sizeof *g);
}

void cb_goals_free(cb_goal *goals, size_t count)
{
	for (size_t i = 0; i < count; i++)
		cb_goal_free(&goals[i]);
	free(goals);
}
