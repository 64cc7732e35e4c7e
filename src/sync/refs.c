/* refs.c: renaming a family here when an incoming family brings the same reference. */
#include "sync/refs.h"

#include <string.h>

#include "core/mem.h"

void cb_refs_init(cb_refs *r, cb_store *st)
{
	memset(r, 0, sizeof *r);
	r->st = st;
}

void cb_refs_free(cb_refs *r)
{
	sqlite3_finalize(r->note);
	if (r->ready)
		sqlite3_exec(cb_store_db(r->st), "DELETE FROM temp.sync_in_families", NULL, NULL, NULL);
	memset(r, 0, sizeof *r);
}

static bool prepare(cb_refs *r)
{
	sqlite3 *db = cb_store_db(r->st);

	if (r->ready)
		return r->note != NULL;
	r->ready = true;
	if (sqlite3_exec(db, "CREATE TEMP TABLE IF NOT EXISTS sync_in_families(id TEXT PRIMARY KEY,"
			     " ref TEXT NOT NULL, at TEXT NOT NULL); DELETE FROM temp.sync_in_families",
			 NULL, NULL, NULL) != SQLITE_OK)
		return false;
	return sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO temp.sync_in_families VALUES (?, ?, ?)",
				  -1, &r->note, NULL) == SQLITE_OK;
}

static int column(const cb_sync_columns *cols, const char *name)
{
	for (int i = 0; i < cols->count; i++)
		if (strcmp(cols->names[i], name) == 0)
			return i;
	return -1;
}

void cb_refs_note(cb_refs *r, sqlite3_changeset_iter *it, const cb_sync_columns *cols)
{
	int at[3] = {column(cols, "id"), column(cols, "family_ref"), cols->updated_at};

	if (!prepare(r) || at[0] < 0 || at[1] < 0 || at[2] < 0)
		return;
	for (int i = 0; i < 3; i++) {
		sqlite3_value *v = NULL;
		sqlite3changeset_new(it, at[i], &v);
		sqlite3_bind_value(r->note, i + 1, v);
	}
	sqlite3_step(r->note);
	sqlite3_reset(r->note);
}

/* Families here holding a reference that an incoming family, which will be written, brings. */
#define TAKEN_SQL                                                                              \
	"WITH winning AS (SELECT i.* FROM temp.sync_in_families i WHERE NOT EXISTS"            \
	" (SELECT 1 FROM families o WHERE o.id = i.id AND o.updated_at >= i.at))"              \
	" SELECT f.id, f.family_ref FROM winning w JOIN families f ON f.family_ref = w.ref"    \
	" AND f.id <> w.id WHERE NOT EXISTS (SELECT 1 FROM winning x WHERE x.id = f.id)"

static bool ref_free(sqlite3 *db, const char *ref)
{
	sqlite3_stmt *q = NULL;
	bool taken = true;

	if (sqlite3_prepare_v2(db, "SELECT EXISTS (SELECT 1 FROM families WHERE family_ref = ?1)"
				   " OR EXISTS (SELECT 1 FROM temp.sync_in_families WHERE ref = ?1)",
			       -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			taken = sqlite3_column_int(q, 0) != 0;
	}
	sqlite3_finalize(q);
	return !taken;
}

/* ref-XXXX from the family's id (4, then 8, then all its characters) that no family has. */
static char *new_ref(sqlite3 *db, const char *ref, const char *id)
{
	size_t lens[] = {4, 8, strlen(id)};
	char *candidate = NULL;

	for (size_t i = 0; i < 3; i++) {
		free(candidate);
		candidate = xasprintf("%s-%.*s", ref, (int)lens[i], id);
		for (char *p = candidate + strlen(ref); *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		if (ref_free(db, candidate))
			break;
	}
	return candidate;
}

static enum cb_status rename_family(cb_refs *r, const char *id, const char *ref, cb_diag *notes,
				    cb_err *err)
{
	sqlite3 *db = cb_store_db(r->st);
	char *fresh = new_ref(db, ref, id), hlc[64];
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	cb_store_hlc_next(r->st, hlc);
	if (sqlite3_prepare_v2(db, "UPDATE families SET family_ref = ?, updated_at = ? WHERE id = ?",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(r->st, err, "renaming a family reference");
		goto out;
	}
	sqlite3_bind_text(q, 1, fresh, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, hlc, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, id, -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(r->st, err, "renaming a family reference");
	else
		cb_diag_add(notes, "family reference %s was given to two families; the one recorded "
			    "here is now %s", ref, fresh);
out:
	sqlite3_finalize(q);
	free(fresh);
	return rc;
}

enum cb_status cb_refs_make_room(cb_refs *r, cb_diag *notes, cb_err *err)
{
	sqlite3 *db = cb_store_db(r->st);
	sqlite3_stmt *q = NULL;
	char **ids = NULL, **refs = NULL;
	size_t n = 0, cap = 0;
	enum cb_status rc = CB_OK;

	if (!r->ready || r->note == NULL)
		return CB_OK;
	if (sqlite3_prepare_v2(db, TAKEN_SQL, -1, &q, NULL) != SQLITE_OK)
		return cb_store_fail(r->st, err, "checking family references");
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 4;
			ids = xreallocarray(ids, cap, sizeof *ids);
			refs = xreallocarray(refs, cap, sizeof *refs);
		}
		ids[n] = xstrdup((const char *)sqlite3_column_text(q, 0));
		refs[n++] = xstrdup((const char *)sqlite3_column_text(q, 1));
	}
	sqlite3_finalize(q);
	for (size_t i = 0; i < n; i++) {
		if (rc == CB_OK)
			rc = rename_family(r, ids[i], refs[i], notes, err);
		free(ids[i]);
		free(refs[i]);
	}
	free(ids);
	free(refs);
	return rc;
}
