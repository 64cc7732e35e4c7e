/* staff.c: listing active practitioners and teams. */
#include "store/staff.h"

#include <string.h>

#include "core/mem.h"

/* Runs sql (no parameters) and calls add for each row; "doing" names it in errors. */
static enum cb_status each_row(cb_store *st, const char *sql, const char *doing,
			       void (*add)(sqlite3_stmt *q, void *list), void *list, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, doing);
		goto out;
	}
	while ((step = sqlite3_step(q)) == SQLITE_ROW)
		add(q, list);
	if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, doing);
out:
	sqlite3_finalize(q);
	return rc;
}

/* An array that grows as rows arrive; items of `size` bytes. */
struct growing {
	void *items;
	size_t count, cap, size;
};

static void *grow(struct growing *g)
{
	if (g->count == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 8;
		g->items = xreallocarray(g->items, g->cap, g->size);
	}
	return (char *)g->items + g->size * g->count++;
}

static void add_practitioner(sqlite3_stmt *q, void *list)
{
	cb_practitioner *p = grow(list);

	p->id = xstrdup((const char *)sqlite3_column_text(q, 0));
	p->name = xstrdup((const char *)sqlite3_column_text(q, 1));
	p->team_id = xstrdup_or_null((const char *)sqlite3_column_text(q, 2));
}

static void add_team(sqlite3_stmt *q, void *list)
{
	cb_team *t = grow(list);

	t->id = xstrdup((const char *)sqlite3_column_text(q, 0));
	t->name = xstrdup((const char *)sqlite3_column_text(q, 1));
}

enum cb_status cb_practitioners_load(cb_store *st, cb_practitioner **out, size_t *count,
				     cb_err *err)
{
	struct growing g = {NULL, 0, 0, sizeof **out};
	enum cb_status rc;

	rc = each_row(st, "SELECT id, name, team_id FROM practitioners WHERE active = 1"
			  " ORDER BY name, id", "reading the practitioners", add_practitioner, &g, err);
	*out = g.items;
	*count = g.count;
	return rc;
}

void cb_practitioners_free(cb_practitioner *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(list[i].id);
		free(list[i].name);
		free(list[i].team_id);
	}
	free(list);
}

const cb_practitioner *cb_practitioner_find(const cb_practitioner *list, size_t count,
					    const char *id)
{
	for (size_t i = 0; id && i < count; i++)
		if (strcmp(list[i].id, id) == 0)
			return &list[i];
	return NULL;
}

enum cb_status cb_teams_load(cb_store *st, cb_team **out, size_t *count, cb_err *err)
{
	struct growing g = {NULL, 0, 0, sizeof **out};
	enum cb_status rc;

	rc = each_row(st, "SELECT id, name FROM teams ORDER BY name, id", "reading the teams",
		      add_team, &g, err);
	*out = g.items;
	*count = g.count;
	return rc;
}

void cb_teams_free(cb_team *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(list[i].id);
		free(list[i].name);
	}
	free(list);
}
