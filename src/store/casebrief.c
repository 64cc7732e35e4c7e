/* casebrief.c: one query for the case facts forms show and check against. */
#include "store/casebrief.h"

#include <string.h>

#include "core/mem.h"

static char *text_or_null(sqlite3_stmt *q, int i)
{
	const unsigned char *s = sqlite3_column_text(q, i);
	return s ? xstrdup((const char *)s) : NULL;
}

enum cb_status cb_case_brief_load(cb_store *st, const char *case_id, cb_case_brief *out,
				  cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(cb_store_db(st),
			       "SELECT c.id, f.id, f.name, p.id, p.name, c.practitioner_id, p.born,"
			       " c.closed_on, c.referred_on, c.closure_reason FROM cases c"
			       " JOIN families f ON f.id = c.family_id"
			       " JOIN people p ON p.id = c.child_id WHERE c.id = ?",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the case");
		goto out;
	}
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_STATIC);
	step = sqlite3_step(q);
	if (step == SQLITE_DONE) {
		rc = cb_fail(err, CB_NOT_FOUND, "there is no case %s", case_id);
		goto out;
	}
	if (step != SQLITE_ROW) {
		rc = cb_store_fail(st, err, "reading the case");
		goto out;
	}
	out->case_id = text_or_null(q, 0);
	out->family_id = text_or_null(q, 1);
	out->family_name = text_or_null(q, 2);
	out->child_id = text_or_null(q, 3);
	out->child_name = text_or_null(q, 4);
	out->practitioner_id = text_or_null(q, 5);
	out->born_known = sqlite3_column_type(q, 6) != SQLITE_NULL &&
			  cb_date_parse((const char *)sqlite3_column_text(q, 6), &out->born);
	out->closed_on = text_or_null(q, 7);
	out->referred_on = text_or_null(q, 8);
	out->closure_reason = text_or_null(q, 9);
out:
	sqlite3_finalize(q);
	return rc;
}

char *cb_case_brief_label(const cb_case_brief *b, const char *today)
{
	cb_date now;

	if (b->born_known && cb_date_parse(today, &now))
		return xasprintf("%s (%d), %s", b->child_name, cb_age_years(b->born, now),
				 b->family_name);
	return xasprintf("%s, %s", b->child_name, b->family_name);
}

void cb_case_brief_free(cb_case_brief *b)
{
	free(b->case_id);
	free(b->family_id);
	free(b->family_name);
	free(b->child_id);
	free(b->child_name);
	free(b->practitioner_id);
	free(b->closed_on);
	free(b->referred_on);
	free(b->closure_reason);
	memset(b, 0, sizeof *b);
}
