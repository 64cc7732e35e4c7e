/* collect.c: a session on an in-memory copy of the synced tables turns selected rows into a changeset. */
#include "sync/collect.h"

#include <string.h>

#include "core/mem.h"
#include "sync/tables.h"

struct cb_collect {
	sqlite3 *src, *mem;
	sqlite3_session *session;
	sqlite3_stmt **insert; /* one per synced table, in cb_sync_tables order */
	size_t added;
};

/* CREATE TABLE with the columns and key of the source table, and its INSERT. */
static char *copy_sql(const cb_sync_columns *cols, const char *table, char **insert)
{
	strbuf create = {0}, marks = {0}, keys = {0};

	sb_appendf(&create, "CREATE TABLE \"%s\" (", table);
	for (int i = 0; i < cols->count; i++) {
		sb_appendf(&create, "%s\"%s\"", i ? ", " : "", cols->names[i]);
		sb_append(&marks, i ? ", ?" : "?");
	}
	for (int part = 1; part <= cols->count; part++)
		for (int i = 0; i < cols->count; i++)
			if (cols->pk[i] == part)
				sb_appendf(&keys, "%s\"%s\"", keys.len ? ", " : "", cols->names[i]);
	sb_appendf(&create, ", PRIMARY KEY (%s))", sb_str(&keys));
	*insert = xasprintf("INSERT OR IGNORE INTO \"%s\" VALUES (%s)", table, sb_str(&marks));
	sb_free(&marks);
	sb_free(&keys);
	return sb_take(&create);
}

static enum cb_status copy_table(cb_collect *c, size_t i, cb_err *err)
{
	const char *table = cb_sync_tables[i].name;
	cb_sync_columns cols;
	char *create, *insert = NULL;
	enum cb_status rc = CB_OK;

	if (!cb_sync_columns_load(c->src, table, &cols))
		return cb_fail(err, CB_ERROR, "cannot read the columns of %s: %s", table,
			       sqlite3_errmsg(c->src));
	create = copy_sql(&cols, table, &insert);
	if (sqlite3_exec(c->mem, create, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(c->mem, insert, -1, &c->insert[i], NULL) != SQLITE_OK)
		rc = cb_fail(err, CB_ERROR, "preparing the bundle (%s): %s", table,
			     sqlite3_errmsg(c->mem));
	free(create);
	free(insert);
	cb_sync_columns_free(&cols);
	return rc;
}

enum cb_status cb_collect_new(sqlite3 *src, cb_collect **out, cb_err *err)
{
	cb_collect *c = xcalloc(1, sizeof *c);
	enum cb_status rc = CB_OK;

	*out = NULL;
	c->src = src;
	c->insert = xcalloc(cb_sync_table_count, sizeof *c->insert);
	if (sqlite3_open_v2(":memory:", &c->mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		rc = cb_fail(err, CB_ERROR, "cannot prepare the bundle: out of memory");
		goto out;
	}
	/* Attached to every table, including those made later, when their first row comes. */
	if (sqlite3session_create(c->mem, "main", &c->session) != SQLITE_OK ||
	    sqlite3session_attach(c->session, NULL) != SQLITE_OK)
		rc = cb_fail(err, CB_ERROR, "cannot start recording the bundle: %s",
			     sqlite3_errmsg(c->mem));
out:
	if (rc)
		cb_collect_free(c);
	else
		*out = c;
	return rc;
}

static size_t table_index(const char *table)
{
	const cb_sync_table *t = cb_sync_table_find(table);

	return t ? (size_t)(t - cb_sync_tables) : cb_sync_table_count;
}

/* Copies the current row of q into the in-memory table. */
static int copy_row(cb_collect *c, sqlite3_stmt *ins, sqlite3_stmt *q)
{
	int n = sqlite3_column_count(q), rc;

	for (int i = 0; i < n; i++)
		sqlite3_bind_value(ins, i + 1, sqlite3_column_value(q, i));
	rc = sqlite3_step(ins);
	if (rc == SQLITE_DONE && sqlite3_changes(c->mem) > 0)
		c->added++;
	sqlite3_reset(ins);
	return rc;
}

enum cb_status cb_collect_rows(cb_collect *c, const char *table, const char *sql,
			       const char *const *args, int n, cb_err *err)
{
	size_t at = table_index(table);
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	if (at == cb_sync_table_count)
		return cb_fail(err, CB_ERROR, "table %s does not sync", table);
	if (sqlite3_prepare_v2(c->src, sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_fail(err, CB_ERROR, "selecting %s for the bundle: %s", table,
			     sqlite3_errmsg(c->src));
		goto out;
	}
	for (int i = 0; i < n; i++)
		sqlite3_bind_text(q, i + 1, args[i], -1, SQLITE_STATIC);
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		if (c->insert[at] == NULL && (rc = copy_table(c, at, err)))
			goto out;
		if (copy_row(c, c->insert[at], q) != SQLITE_DONE) {
			rc = cb_fail(err, CB_ERROR, "copying %s into the bundle: %s", table,
				     sqlite3_errmsg(c->mem));
			goto out;
		}
	}
	if (step != SQLITE_DONE)
		rc = cb_fail(err, CB_ERROR, "selecting %s for the bundle: %s", table,
			     sqlite3_errmsg(c->src));
out:
	sqlite3_finalize(q);
	return rc;
}

size_t cb_collect_count(const cb_collect *c)
{
	return c->added;
}

enum cb_status cb_collect_finish(cb_collect *c, unsigned char **out, size_t *len, cb_err *err)
{
	void *buf = NULL;
	int n = 0;

	*out = NULL;
	*len = 0;
	if (sqlite3session_changeset(c->session, &n, &buf) != SQLITE_OK)
		return cb_fail(err, CB_ERROR, "cannot make the bundle's changeset: out of memory");
	*out = xmalloc(n > 0 ? (size_t)n : 1);
	if (n > 0)
		memcpy(*out, buf, (size_t)n);
	*len = (size_t)n;
	sqlite3_free(buf);
	return CB_OK;
}

void cb_collect_free(cb_collect *c)
{
	if (c == NULL)
		return;
	if (c->session)
		sqlite3session_delete(c->session);
	for (size_t i = 0; c->insert && i < cb_sync_table_count; i++)
		sqlite3_finalize(c->insert[i]);
	free(c->insert);
	sqlite3_close(c->mem);
	free(c);
}
