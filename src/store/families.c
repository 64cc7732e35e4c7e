/* families.c: family references, a family's children and membership rows. */
#include "store/families.h"

#include <string.h>

#include "core/mem.h"

enum cb_status cb_family_next_ref(cb_store *st, char **out, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	sqlite3_int64 top = 0;

	*out = NULL;
	if (sqlite3_prepare_v2(cb_store_db(st),
			       "SELECT max(CAST(substr(family_ref, 5) AS INTEGER)) FROM families"
			       " WHERE family_ref LIKE 'FAM-%' AND length(family_ref) BETWEEN 5 AND 22"
			       " AND substr(family_ref, 5) NOT GLOB '*[^0-9]*'",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "finding the next family reference");
		goto out;
	}
	if (sqlite3_step(q) != SQLITE_ROW) {
		rc = cb_store_fail(st, err, "finding the next family reference");
		goto out;
	}
	top = sqlite3_column_int64(q, 0);
	*out = xasprintf("FAM-%04lld", (long long)top + 1);
out:
	sqlite3_finalize(q);
	return rc;
}

enum cb_status cb_family_label(cb_store *st, const char *family_id, char **out, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	*out = NULL;
	if (sqlite3_prepare_v2(cb_store_db(st), "SELECT name, family_ref FROM families WHERE id = ?",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the family");
		goto out;
	}
	sqlite3_bind_text(q, 1, family_id, -1, SQLITE_STATIC);
	step = sqlite3_step(q);
	if (step == SQLITE_ROW)
		*out = xasprintf("%s (%s)", sqlite3_column_text(q, 0), sqlite3_column_text(q, 1));
	else if (step == SQLITE_DONE)
		rc = cb_fail(err, CB_NOT_FOUND, "there is no family %s", family_id);
	else
		rc = cb_store_fail(st, err, "reading the family");
out:
	sqlite3_finalize(q);
	return rc;
}

enum cb_status cb_family_ref_taken(cb_store *st, const char *ref, bool *taken, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	*taken = false;
	if (sqlite3_prepare_v2(cb_store_db(st),
			       "SELECT 1 FROM families WHERE family_ref = ? COLLATE NOCASE", -1, &q,
			       NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "checking the family reference");
		goto out;
	}
	sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
	step = sqlite3_step(q);
	if (step == SQLITE_ROW)
		*taken = true;
	else if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, "checking the family reference");
out:
	sqlite3_finalize(q);
	return rc;
}

static void add_member(sqlite3_stmt *q, cb_member **out, size_t *count, size_t *cap)
{
	cb_member *m;

	if (*count == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*out = xreallocarray(*out, *cap, sizeof **out);
	}
	m = &(*out)[(*count)++];
	m->person_id = xstrdup((const char *)sqlite3_column_text(q, 0));
	m->name = xstrdup((const char *)sqlite3_column_text(q, 1));
	m->relationship = xstrdup((const char *)sqlite3_column_text(q, 2));
	m->born = xstrdup_or_null((const char *)sqlite3_column_text(q, 3));
}

enum cb_status cb_family_children_load(cb_store *st, const char *family_id, cb_member **out,
				       size_t *count, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	size_t cap = 0;
	enum cb_status rc = CB_OK;
	int step;

	*out = NULL;
	*count = 0;
	if (sqlite3_prepare_v2(cb_store_db(st),
			       "SELECT p.id, p.name, m.relationship, p.born FROM family_members m"
			       " JOIN people p ON p.id = m.person_id WHERE m.family_id = ?"
			       " AND m.relationship IN ('child', 'sibling')"
			       " ORDER BY EXISTS (SELECT 1 FROM cases c WHERE c.child_id = p.id"
			       " AND c.closed_on IS NULL), m.relationship = 'sibling', p.born IS NULL,"
			       " p.born, p.name, p.id",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the family's children");
		goto out;
	}
	sqlite3_bind_text(q, 1, family_id, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(q)) == SQLITE_ROW)
		add_member(q, out, count, &cap);
	if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, "reading the family's children");
out:
	sqlite3_finalize(q);
	return rc;
}

enum cb_status cb_family_member_insert(cb_store *st, const char *family_id,
				       const char *person_id, const char *relationship,
				       cb_err *err)
{
	sqlite3_stmt *q = NULL;
	char now[25], hlc[64];
	enum cb_status rc = CB_OK;

	cb_store_now(st, now);
	cb_store_hlc_next(st, hlc);
	if (sqlite3_prepare_v2(cb_store_db(st),
			       "INSERT INTO family_members (family_id, person_id, relationship,"
			       " created_at, created_by, device_id, updated_at)"
			       " VALUES (?, ?, ?, ?, ?, ?, ?)",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "saving to family_members");
		goto out;
	}
	sqlite3_bind_text(q, 1, family_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, person_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, relationship, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, cb_store_actor(st), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 6, cb_store_device(st), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 7, hlc, -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, "saving to family_members");
out:
	sqlite3_finalize(q);
	return rc;
}
