/* export_csv.c: the casebook's tables as RFC 4180 CSV files, and the disclosure record. */
#include "cli/export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/ids.h"
#include "core/mem.h"

/* The caseload tables, parents first; `public` keeps confidential records out. */
static const struct csv_table {
	const char *name;
	const char *public;
} csv_tables[] = {
	{"teams", NULL},
	{"practitioners", NULL},
	{"families", NULL},
	{"people", NULL},
	{"family_members", NULL},
	{"cases", NULL},
	{"referrals", NULL},
	{"plan_episodes", NULL},
	{"notes", "confidential = 0"},
	{"note_amendments", "note_id IN (SELECT id FROM notes WHERE confidential = 0)"},
	{"assessments", NULL},
	{"assessment_answers", NULL},
	{"assessment_scores", NULL},
	{"goals", NULL},
	{"goal_reviews", NULL},
	{"supervisions", NULL},
	{"supervision_attendees", NULL},
	{"supervision_cases", NULL},
	{"supervision_actions", NULL},
};

/* One field: NULL as nothing, empty text as "", quoted when it holds , " CR or LF. */
static void csv_field(FILE *f, sqlite3_stmt *q, int col)
{
	const char *s = (const char *)sqlite3_column_text(q, col);

	if (sqlite3_column_type(q, col) == SQLITE_NULL)
		return;
	if (*s != '\0' && strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void csv_row(FILE *f, sqlite3_stmt *q, bool header)
{
	int n = sqlite3_column_count(q);

	for (int c = 0; c < n; c++) {
		if (c)
			fputc(',', f);
		if (header)
			fputs(sqlite3_column_name(q, c), f);
		else
			csv_field(f, q, c);
	}
	fputs("\r\n", f);
}

/* "SELECT * FROM t [WHERE ...] ORDER BY <primary key>" */
static char *table_sql(sqlite3 *db, const struct csv_table *t, bool confidential)
{
	strbuf sb = {0};
	sqlite3_stmt *q = NULL;
	char *info = xasprintf("SELECT name FROM pragma_table_info('%s') WHERE pk > 0 ORDER BY pk",
			       t->name);

	sb_appendf(&sb, "SELECT * FROM %s", t->name);
	if (t->public && !confidential)
		sb_appendf(&sb, " WHERE %s", t->public);
	if (sqlite3_prepare_v2(db, info, -1, &q, NULL) == SQLITE_OK)
		for (int n = 0; sqlite3_step(q) == SQLITE_ROW; n++)
			sb_appendf(&sb, "%s%s", n ? ", " : " ORDER BY ",
				   (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	free(info);
	return sb_take(&sb);
}

static FILE *create_private(const char *path, cb_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (f == NULL) {
		cb_fail(err, CB_ERROR, "cannot write %s: %s; check the folder exists and you may "
			"write to it", path, strerror(errno));
		if (fd >= 0)
			close(fd);
	}
	return f;
}

static enum cb_status write_table(cb_store *st, const char *dir, const struct csv_table *t,
				  bool confidential, cb_err *err)
{
	char *sql = table_sql(cb_store_db(st), t, confidential);
	char *path = xasprintf("%s/%s.csv", dir, t->name);
	sqlite3_stmt *q = NULL;
	FILE *f = NULL;
	enum cb_status rc = CB_OK;
	int step;

	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the casebook for export");
		goto out;
	}
	if ((f = create_private(path, err)) == NULL) {
		rc = CB_ERROR;
		goto out;
	}
	csv_row(f, q, true);
	while ((step = sqlite3_step(q)) == SQLITE_ROW)
		csv_row(f, q, false);
	if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, "reading the casebook for export");
	else if (fflush(f) != 0 || ferror(f))
		rc = cb_fail(err, CB_ERROR, "cannot write %s: %s", path, strerror(errno));
out:
	if (f && fclose(f) != 0 && rc == CB_OK)
		rc = cb_fail(err, CB_ERROR, "cannot write %s: %s", path, strerror(errno));
	sqlite3_finalize(q);
	free(path);
	free(sql);
	return rc;
}

enum cb_status cb_export_csv(cb_store *st, const char *dir, bool include_confidential,
			     cb_err *err)
{
	enum cb_status rc = CB_OK;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return cb_fail(err, CB_ERROR, "cannot create the folder %s: %s", dir, strerror(errno));
	for (size_t i = 0; i < sizeof csv_tables / sizeof csv_tables[0] && rc == CB_OK; i++)
		rc = write_table(st, dir, &csv_tables[i], include_confidential, err);
	return rc;
}

/* "export to DEST: 2 confidential notes (note-a, note-b) with 1 amendment" */
static enum cb_status disclosure_scope(cb_store *st, const char *destination, strbuf *scope,
				       cb_err *err)
{
	sqlite3_stmt *q = NULL;
	strbuf ids = {0};
	int notes = 0, amendments = 0;
	enum cb_status rc = CB_OK;

	if (sqlite3_prepare_v2(cb_store_db(st),
			       "SELECT n.id, (SELECT count(*) FROM note_amendments a WHERE "
			       "a.note_id = n.id) FROM notes n WHERE n.confidential = 1 "
			       "ORDER BY n.occurred_at, n.id", -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "recording the disclosure");
		goto out;
	}
	for (; sqlite3_step(q) == SQLITE_ROW; notes++) {
		sb_appendf(&ids, "%s%s", notes ? ", " : "", (const char *)sqlite3_column_text(q, 0));
		amendments += sqlite3_column_int(q, 1);
	}
	sb_appendf(scope, "export to %s: %d confidential note%s", destination, notes,
		   notes == 1 ? "" : "s");
	if (notes)
		sb_appendf(scope, " (%s) with %d amendment%s", sb_str(&ids), amendments,
			   amendments == 1 ? "" : "s");
out:
	sqlite3_finalize(q);
	sb_free(&ids);
	return rc;
}

enum cb_status cb_export_disclose(cb_store *st, const char *reason, const char *destination,
				  cb_err *err)
{
	strbuf scope = {0};
	sqlite3_stmt *q = NULL;
	char id[CB_UUID_LEN + 1], now[32];
	enum cb_status rc;

	if ((rc = disclosure_scope(st, destination, &scope, err)))
		goto out;
	cb_uuid_new(id);
	cb_store_now(st, now);
	if (sqlite3_prepare_v2(cb_store_db(st),
			       "INSERT INTO disclosures(id, disclosed_at, actor, reason, scope, "
			       "created_at, created_by, device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?2, ?3, ?6)",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "recording the disclosure");
		goto out;
	}
	sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, cb_store_actor(st), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, sb_str(&scope), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 6, cb_store_device(st), -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, "recording the disclosure");
out:
	sqlite3_finalize(q);
	sb_free(&scope);
	return rc;
}
