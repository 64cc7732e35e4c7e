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

enum cb_status cb_family_ref_taken(cb_store *st, const char *ref, const char *except_family_id,
				   bool *taken, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	*taken = false;
	if (sqlite3_prepare_v2(cb_store_db(st),
			       "SELECT 1 FROM families WHERE family_ref = ?1 COLLATE NOCASE"
			       " AND id IS NOT ?2",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "checking the family reference");
		goto out;
	}
	sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, except_family_id, -1, SQLITE_STATIC);
	step = sqlite3_step(q);
	if (step == SQLITE_ROW)
		*taken = true;
	else if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, "checking the family reference");
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

static char *column_or_empty(sqlite3_stmt *q, int i)
{
	const unsigned char *v = sqlite3_column_text(q, i);

	return xstrdup(v ? (const char *)v : "");
}

enum cb_status cb_family_load(cb_store *st, const char *family_id, cb_family *out, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(cb_store_db(st),
			       "SELECT family_ref, name, address FROM families WHERE id = ?", -1, &q,
			       NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the family");
		goto out;
	}
	sqlite3_bind_text(q, 1, family_id, -1, SQLITE_STATIC);
	step = sqlite3_step(q);
	if (step == SQLITE_ROW) {
		out->ref = column_or_empty(q, 0);
		out->name = column_or_empty(q, 1);
		out->address = column_or_empty(q, 2);
	} else if (step == SQLITE_DONE) {
		rc = cb_fail(err, CB_NOT_FOUND, "there is no family %s", family_id);
	} else {
		rc = cb_store_fail(st, err, "reading the family");
	}
out:
	sqlite3_finalize(q);
	return rc;
}

void cb_family_free(cb_family *f)
{
	free(f->ref);
	free(f->name);
	free(f->address);
	memset(f, 0, sizeof *f);
}
