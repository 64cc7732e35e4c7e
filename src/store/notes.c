/* notes.c: a note as first written, its amendments, and what it says now. */
#include "store/notes.h"

#include <string.h>

#include "core/mem.h"
#include "core/text.h"

const char *const cb_note_text_columns[CB_NOTE_TEXTS] = {"worries", "working_well",
							  "needs_to_happen", "body"};

/* Amendments apply in the order they were made. */
#define AMENDMENT_ORDER " ORDER BY a.created_at, a.rowid"

static char *text_or_null(sqlite3_stmt *q, int i)
{
	const unsigned char *s = sqlite3_column_text(q, i);
	return s ? xstrdup((const char *)s) : NULL;
}

static enum cb_status read_note(cb_store *st, const char *note_id, cb_note *out, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	if (sqlite3_prepare_v2(cb_store_db(st),
			       "SELECT id, case_id, contact_type, occurred_at, confidential, worries,"
			       " working_well, needs_to_happen, body FROM notes WHERE id = ?",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the note");
		goto out;
	}
	sqlite3_bind_text(q, 1, note_id, -1, SQLITE_STATIC);
	step = sqlite3_step(q);
	if (step == SQLITE_DONE) {
		rc = cb_fail(err, CB_NOT_FOUND, "there is no note %s", note_id);
		goto out;
	}
	if (step != SQLITE_ROW) {
		rc = cb_store_fail(st, err, "reading the note");
		goto out;
	}
	out->id = text_or_null(q, 0);
	out->case_id = text_or_null(q, 1);
	out->contact_type = text_or_null(q, 2);
	out->occurred_at = text_or_null(q, 3);
	out->confidential = sqlite3_column_int(q, 4) != 0;
	for (int t = 0; t < CB_NOTE_TEXTS; t++)
		out->original[t] = text_or_null(q, 5 + t);
out:
	sqlite3_finalize(q);
	return rc;
}

static enum cb_status read_amendments(cb_store *st, cb_note *n, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	size_t cap = 0;
	enum cb_status rc = CB_OK;
	int step;

	if (sqlite3_prepare_v2(cb_store_db(st),
			       "SELECT a.id, a.reason, a.created_at, a.created_by, a.worries,"
			       " a.working_well, a.needs_to_happen, a.body FROM note_amendments a"
			       " WHERE a.note_id = ?" AMENDMENT_ORDER,
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the note's amendments");
		goto out;
	}
	sqlite3_bind_text(q, 1, n->id, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		if (n->n_amendments == cap) {
			cap = cap ? cap * 2 : 4;
			n->amendments = xreallocarray(n->amendments, cap, sizeof *n->amendments);
		}
		cb_amendment *a = &n->amendments[n->n_amendments++];
		a->id = text_or_null(q, 0);
		a->reason = text_or_null(q, 1);
		a->created_at = text_or_null(q, 2);
		a->created_by = text_or_null(q, 3);
		for (int t = 0; t < CB_NOTE_TEXTS; t++)
			a->text[t] = text_or_null(q, 4 + t);
	}
	if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, "reading the note's amendments");
out:
	sqlite3_finalize(q);
	return rc;
}

/* The current texts: the original, each replaced by the last amendment that set it. */
static void apply_amendments(cb_note *n)
{
	for (int t = 0; t < CB_NOTE_TEXTS; t++) {
		const char *now = n->original[t];
		for (size_t i = 0; i < n->n_amendments; i++)
			if (n->amendments[i].text[t])
				now = n->amendments[i].text[t];
		n->current[t] = xstrdup(now ? now : "");
	}
}

enum cb_status cb_note_load(cb_store *st, const char *note_id, cb_note *out, cb_err *err)
{
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = read_note(st, note_id, out, err)) == CB_OK &&
	    (rc = read_amendments(st, out, err)) == CB_OK) {
		apply_amendments(out);
		return CB_OK;
	}
	cb_note_free(out);
	return rc;
}

void cb_note_free(cb_note *n)
{
	for (size_t i = 0; i < n->n_amendments; i++) {
		cb_amendment *a = &n->amendments[i];
		free(a->id);
		free(a->reason);
		free(a->created_at);
		free(a->created_by);
		for (int t = 0; t < CB_NOTE_TEXTS; t++)
			free(a->text[t]);
	}
	free(n->amendments);
	for (int t = 0; t < CB_NOTE_TEXTS; t++) {
		free(n->original[t]);
		free(n->current[t]);
	}
	free(n->id);
	free(n->case_id);
	free(n->contact_type);
	free(n->occurred_at);
	memset(n, 0, sizeof *n);
}

int cb_note_changes(const cb_note *n, const char *const proposed[CB_NOTE_TEXTS],
		    const char *changed[CB_NOTE_TEXTS])
{
	int count = 0;

	for (int t = 0; t < CB_NOTE_TEXTS; t++) {
		char *was = cb_text_squeeze(n->current[t]), *now = cb_text_squeeze(proposed[t]);
		changed[t] = strcmp(was, now) != 0 ? proposed[t] : NULL;
		count += changed[t] != NULL;
		free(was);
		free(now);
	}
	return count;
}

/* The latest amended value of one column, or the note's own. */
#define CURRENT(col)                                                                         \
	"coalesce((SELECT a." col " FROM note_amendments a WHERE a.note_id = n.id"            \
	" AND a." col " IS NOT NULL ORDER BY a.created_at DESC, a.rowid DESC LIMIT 1), n." col ")"

static const char recent_sql[] =
	"SELECT n.id, n.occurred_at, n.contact_type, " CURRENT("body") ", " CURRENT("worries")
	", " CURRENT("working_well") ", " CURRENT("needs_to_happen") ","
	" (SELECT count(*) FROM note_amendments a WHERE a.note_id = n.id)"
	" FROM notes n WHERE n.case_id = ? ORDER BY n.occurred_at DESC, n.created_at DESC, n.id"
	" LIMIT ?";

/* The first text that says something, squeezed onto one line. */
static char *summary_of(sqlite3_stmt *q)
{
	for (int i = 3; i <= 6; i++) {
		char *s = cb_text_squeeze((const char *)sqlite3_column_text(q, i));
		if (*s)
			return s;
		free(s);
	}
	return xstrdup("(no text)");
}

enum cb_status cb_notes_recent(cb_store *st, const char *case_id, int limit, cb_note_line **out,
			       size_t *count, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	size_t cap = 0;
	enum cb_status rc = CB_OK;
	int step;

	*out = NULL;
	*count = 0;
	if (sqlite3_prepare_v2(cb_store_db(st), recent_sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the case's notes");
		goto out;
	}
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 2, limit);
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		if (*count == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		cb_note_line *l = &(*out)[(*count)++];
		l->id = text_or_null(q, 0);
		l->occurred_at = text_or_null(q, 1);
		l->contact_type = text_or_null(q, 2);
		l->summary = summary_of(q);
		l->amendments = sqlite3_column_int(q, 7);
	}
	if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, "reading the case's notes");
out:
	sqlite3_finalize(q);
	return rc;
}

void cb_note_lines_free(cb_note_line *lines, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(lines[i].id);
		free(lines[i].occurred_at);
		free(lines[i].contact_type);
		free(lines[i].summary);
	}
	free(lines);
}
