/* people.c: listing a family's members. */
#include "store/people.h"

#include <string.h>

#include "core/mem.h"

/* Runs a query of (person id, name, relationship, born) for one family into a list. */
static enum cb_status load_members(cb_store *st, const char *sql, const char *family_id,
				   cb_member **out, size_t *count, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	size_t cap = 0;
	enum cb_status rc = CB_OK;
	int step;

	*out = NULL;
	*count = 0;
	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the family");
		goto out;
	}
	sqlite3_bind_text(q, 1, family_id, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		if (*count == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		cb_member *m = &(*out)[(*count)++];
		m->person_id = xstrdup((const char *)sqlite3_column_text(q, 0));
		m->name = xstrdup((const char *)sqlite3_column_text(q, 1));
		m->relationship = xstrdup((const char *)sqlite3_column_text(q, 2));
		m->born = xstrdup_or_null((const char *)sqlite3_column_text(q, 3));
	}
	if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, "reading the family");
out:
	sqlite3_finalize(q);
	return rc;
}

enum cb_status cb_members_load(cb_store *st, const char *family_id, cb_member **out,
			       size_t *count, cb_err *err)
{
	return load_members(st,
			    "SELECT p.id, p.name, m.relationship, p.born FROM family_members m"
			    " JOIN people p ON p.id = m.person_id WHERE m.family_id = ?"
			    " ORDER BY CASE m.relationship WHEN 'main_caregiver' THEN 0"
			    " WHEN 'other_adult' THEN 1 ELSE 2 END, p.name, p.id",
			    family_id, out, count, err);
}

enum cb_status cb_family_children_load(cb_store *st, const char *family_id, cb_member **out,
				       size_t *count, cb_err *err)
{
	return load_members(st,
			    "SELECT p.id, p.name, m.relationship, p.born FROM family_members m"
			    " JOIN people p ON p.id = m.person_id WHERE m.family_id = ?"
			    " AND m.relationship IN ('child', 'sibling')"
			    " ORDER BY EXISTS (SELECT 1 FROM cases c WHERE c.child_id = p.id"
			    " AND c.closed_on IS NULL), m.relationship = 'sibling', p.born IS NULL,"
			    " p.born, p.name, p.id",
			    family_id, out, count, err);
}

void cb_members_free(cb_member *members, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(members[i].person_id);
		free(members[i].name);
		free(members[i].relationship);
		free(members[i].born);
	}
	free(members);
}

/* One column of the practitioner's row as a new string, or NULL. */
static char *practitioner_column(cb_store *st, const char *sql, const char *practitioner_id)
{
	sqlite3_stmt *q = NULL;
	char *value = NULL;

	if (practitioner_id == NULL)
		return NULL;
	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, practitioner_id, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
			value = xstrdup((const char *)sqlite3_column_text(q, 0));
	}
	sqlite3_finalize(q);
	return value;
}

char *cb_practitioner_role(cb_store *st, const char *practitioner_id)
{
	return practitioner_column(st, "SELECT role FROM practitioners WHERE id = ?", practitioner_id);
}

char *cb_practitioner_team(cb_store *st, const char *practitioner_id)
{
	return practitioner_column(st, "SELECT team_id FROM practitioners WHERE id = ?",
				   practitioner_id);
}
