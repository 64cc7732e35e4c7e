/* export.c: the casebook as a caseload tree (YAML/JSON through cb_emit), CSV tables, disclosures. */
#include "cli/export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/datafmt.h"
#include "core/ids.h"
#include "core/mem.h"

typedef struct xp {
	cb_store *st;
	sqlite3 *db;
	cb_emit *e;
	bool confidential;
	sqlite3_stmt *children[CB_R_COUNT]; /* records of a kind under one parent, in order */
	sqlite3_stmt *answers, *attendees;
	enum cb_status rc;
	cb_err *err;
} xp;

static void emit_list(xp *x, const cb_field *f, const char *parent);

static sqlite3_stmt *prepare(xp *x, sqlite3_stmt **slot, const char *sql)
{
	if (x->rc)
		return NULL;
	if (*slot == NULL &&
	    sqlite3_prepare_v3(x->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL) != SQLITE_OK) {
		x->rc = cb_store_fail(x->st, x->err, "reading the casebook for export");
		return NULL;
	}
	sqlite3_reset(*slot);
	return *slot;
}

/* SELECT of one kind's columns in field order, under ?1 (its parent) if it has one. */
static char *children_sql(const cb_rectype *rt, bool confidential)
{
	bool person = rt->kind == CB_R_PERSON;
	strbuf sb = {0};
	int n = 0;

	sb_append(&sb, "SELECT ");
	for (size_t i = 0; i < rt->n_fields; i++) {
		const cb_field *f = &rt->fields[i];
		if (f->column)
			sb_appendf(&sb, "%s%s%s", n++ ? ", " : "",
				   person ? (f->flags & CB_FF_MEMBER ? "m." : "p.") : "", f->column);
	}
	if (person)
		sb_append(&sb, " FROM family_members m JOIN people p ON p.id = m.person_id"
			       " WHERE m.family_id = ?1 ORDER BY p.id");
	else
		sb_appendf(&sb, " FROM %s WHERE %s%s%s ORDER BY %s", rt->table,
			   rt->parent ? rt->parent : "1", rt->parent ? " = ?1" : "",
			   rt->kind == CB_R_NOTE && !confidential ? " AND confidential = 0" : "",
			   rt->order_by);
	return sb_take(&sb);
}

/* An answer that is a plain whole number is written as a number. */
static bool integer_text(const char *s, long long *v)
{
	const char *p = s + (*s == '-');
	size_t n = strlen(p);

	if (n == 0 || n > 15 || (p[0] == '0' && n > 1) || strspn(p, "0123456789") != n)
		return false;
	*v = strtoll(s, NULL, 10);
	return !(*v == 0 && *s == '-');
}

static void emit_answers(xp *x, const char *assessment)
{
	sqlite3_stmt *q = prepare(x, &x->answers, "SELECT item, value FROM assessment_answers "
						    "WHERE assessment_id = ?1 ORDER BY item");
	long long v;
	int n = 0;

	if (q == NULL)
		return;
	sqlite3_bind_text(q, 1, assessment, -1, SQLITE_TRANSIENT);
	for (; sqlite3_step(q) == SQLITE_ROW; n++) {
		const char *value = (const char *)sqlite3_column_text(q, 1);
		if (n == 0) {
			cb_emit_key(x->e, "answers");
			cb_emit_map_begin(x->e);
		}
		cb_emit_key(x->e, (const char *)sqlite3_column_text(q, 0));
		if (integer_text(value, &v))
			cb_emit_int(x->e, v);
		else
			cb_emit_str(x->e, value);
	}
	if (n)
		cb_emit_map_end(x->e);
	sqlite3_reset(q);
}

static void emit_attendees(xp *x, const char *supervision)
{
	sqlite3_stmt *q = prepare(x, &x->attendees,
				  "SELECT practitioner_id FROM supervision_attendees "
				  "WHERE supervision_id = ?1 ORDER BY practitioner_id");
	int n = 0;

	if (q == NULL)
		return;
	sqlite3_bind_text(q, 1, supervision, -1, SQLITE_TRANSIENT);
	for (; sqlite3_step(q) == SQLITE_ROW; n++) {
		if (n == 0) {
			cb_emit_key(x->e, "attendees");
			cb_emit_seq_begin(x->e, true);
		}
		cb_emit_str(x->e, (const char *)sqlite3_column_text(q, 0));
	}
	if (n)
		cb_emit_seq_end(x->e);
	sqlite3_reset(q);
}

static void emit_value(xp *x, const cb_field *f, sqlite3_stmt *q, int col)
{
	const char *text = (const char *)sqlite3_column_text(q, col);

	cb_emit_key(x->e, f->key);
	switch (f->type) {
	case CB_F_DATE:
	case CB_F_DATETIME:
	case CB_F_UTC:
	case CB_F_HLC: cb_emit_plain(x->e, text); break;
	case CB_F_BOOL: cb_emit_bool(x->e, sqlite3_column_int(q, col) != 0); break;
	case CB_F_INT: cb_emit_int(x->e, sqlite3_column_int64(q, col)); break;
	default: cb_emit_str(x->e, text); break;
	}
}

/* One record from the current row of q, then its nested lists. */
static void emit_record(xp *x, const cb_rectype *rt, sqlite3_stmt *q)
{
	char *id = rt->has_id ? xstrdup((const char *)sqlite3_column_text(q, 0)) : NULL;
	int col = 0;

	cb_emit_map_begin(x->e);
	for (size_t i = 0; i < rt->n_fields && !x->rc; i++) {
		const cb_field *f = &rt->fields[i];
		if (f->column) {
			if (sqlite3_column_type(q, col) != SQLITE_NULL)
				emit_value(x, f, q, col);
			col++;
		} else if (f->type == CB_F_LIST) {
			emit_list(x, f, id);
		} else if (f->type == CB_F_ANSWERS) {
			emit_answers(x, id);
		} else if (f->type == CB_F_IDLIST) {
			emit_attendees(x, id);
		}
	}
	cb_emit_map_end(x->e);
	free(id);
}

/* The records of one kind under parent (NULL at the top), as `key: [...]`; nothing if none. */
static void emit_list(xp *x, const cb_field *f, const char *parent)
{
	const cb_rectype *rt = &cb_rectypes[f->ref];
	char *sql = x->children[rt->kind] ? NULL : children_sql(rt, x->confidential);
	sqlite3_stmt *q = prepare(x, &x->children[rt->kind], sql);
	int step, n = 0;

	free(sql);
	if (q == NULL)
		return;
	if (parent)
		sqlite3_bind_text(q, 1, parent, -1, SQLITE_TRANSIENT);
	while (!x->rc && (step = sqlite3_step(q)) == SQLITE_ROW) {
		if (n++ == 0) {
			cb_emit_key(x->e, f->key);
			cb_emit_seq_begin(x->e, false);
		}
		emit_record(x, rt, q);
	}
	if (!x->rc && step != SQLITE_DONE)
		x->rc = cb_store_fail(x->st, x->err, "reading the casebook for export");
	if (n)
		cb_emit_seq_end(x->e);
	sqlite3_reset(q);
}

enum cb_status cb_export_tree(cb_store *st, enum cb_emit_format format,
			      bool include_confidential, FILE *out, cb_err *err)
{
	xp x = {.st = st, .db = cb_store_db(st), .confidential = include_confidential, .err = err};
	enum cb_status rc;

	x.e = cb_emit_new(format, out);
	cb_emit_map_begin(x.e);
	cb_emit_key(x.e, "casebook");
	cb_emit_int(x.e, CB_DATA_FORMAT_VERSION);
	for (size_t s = 0; s < cb_n_data_sections && !x.rc; s++) {
		cb_field top = {.key = cb_data_sections[s].key, .type = CB_F_LIST,
				.ref = cb_data_sections[s].kind};
		emit_list(&x, &top, NULL);
	}
	cb_emit_map_end(x.e);
	rc = cb_emit_finish(x.e, x.rc ? NULL : err);
	for (int k = 0; k < CB_R_COUNT; k++)
		sqlite3_finalize(x.children[k]);
	sqlite3_finalize(x.answers);
	sqlite3_finalize(x.attendees);
	return x.rc ? x.rc : rc;
}
