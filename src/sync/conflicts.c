/* conflicts.c: recording set-aside versions, listing them, and resolving them (keep one, or merge). */
#include "sync/conflicts.h"

#include <string.h>

#include "core/hash.h"
#include "core/mem.h"

/* Columns every record carries that say nothing about its content. */
#define META_KEYS "('created_at', 'created_by', 'device_id', 'updated_at')"
#define DIFFERS(a, b) "(" a ".type IS NOT " b ".type OR " a ".atom IS NOT " b ".atom)"

/* What a conflict is about, for people, from its table and the winning version. */
#define LABEL_SQL                                                                              \
	"CASE c.tbl"                                                                           \
	" WHEN 'cases' THEN 'case of ' || coalesce((SELECT name FROM people"                   \
	"  WHERE id = json_extract(c.winner, '$.child_id')), c.row_key)"                       \
	" WHEN 'goals' THEN 'goal: ' || json_extract(c.winner, '$.text')"                      \
	" WHEN 'families' THEN 'family: ' || json_extract(c.winner, '$.name') || ' ('"         \
	"  || json_extract(c.winner, '$.family_ref') || ')'"                                   \
	" WHEN 'people' THEN 'person: ' || json_extract(c.winner, '$.name')"                   \
	" WHEN 'family_members' THEN 'family member: ' || coalesce((SELECT name FROM people"   \
	"  WHERE id = json_extract(c.winner, '$.person_id')), c.row_key)"                      \
	" WHEN 'referrals' THEN 'referral of ' || json_extract(c.winner, '$.referred_on')"      \
	" WHEN 'plan_episodes' THEN 'plan ' || json_extract(c.winner, '$.plan') || ' from '"   \
	"  || json_extract(c.winner, '$.started_on')"                                          \
	" WHEN 'teams' THEN 'team: ' || json_extract(c.winner, '$.name')"                      \
	" WHEN 'practitioners' THEN 'practitioner: ' || json_extract(c.winner, '$.name')"      \
	" WHEN 'supervisions' THEN 'supervision of ' || json_extract(c.winner, '$.held_on')"   \
	" WHEN 'supervision_actions' THEN 'action: ' || json_extract(c.winner, '$.action')"    \
	" ELSE c.tbl || ' ' || c.row_key END"

#define CONFLICT_COLUMNS                                                                       \
	"c.id, c.tbl, c.row_key, c.case_id, c.family_id, c.kind, c.fields, c.winner_at,"       \
	" c.winner, c.loser_at, c.loser, c.status, c.resolution, c.resolved_by,"               \
	" c.resolved_at, " LABEL_SQL

/* Runs a one-value query with up to three text parameters; returns a copy or NULL. */
static char *query_text(sqlite3 *db, const char *sql, const char *a, const char *b, const char *c)
{
	sqlite3_stmt *q = NULL;
	char *v = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(q, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, b, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, c, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW)
		v = xstrdup_or_null((const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	return v;
}

/* The fields (not metadata) whose values differ between two versions, comma-separated. */
static char *differing_fields(sqlite3 *db, const char *a, const char *b)
{
	return query_text(db,
			  "SELECT group_concat(key, ',') FROM (SELECT w.key FROM json_each(?1) w"
			  " LEFT JOIN json_each(?2) l ON l.key = w.key WHERE w.key NOT IN " META_KEYS
			  " AND " DIFFERS("w", "l") " ORDER BY w.id)",
			  a, b, NULL);
}

/* "same_field" when some field differs between the versions and both changed it from base. */
static const char *kind_of(sqlite3 *db, const cb_conflict_found *f)
{
	char *same;
	bool both;

	if (f->base == NULL)
		return "same_field";
	same = query_text(db,
			  "SELECT EXISTS (SELECT 1 FROM json_each(?1) w JOIN json_each(?2) l"
			  " ON l.key = w.key LEFT JOIN json_each(?3) b ON b.key = w.key"
			  " WHERE w.key NOT IN " META_KEYS " AND " DIFFERS("w", "l")
			  " AND " DIFFERS("w", "b") " AND " DIFFERS("l", "b") ")",
			  f->winner, f->loser, f->base);
	both = same && strcmp(same, "1") == 0;
	free(same);
	return both ? "same_field" : "parallel";
}

/* The conflict's id: from the row and the two clocks, the same wherever it is found. */
static void conflict_id(const cb_conflict_found *f, char *out)
{
	cb_hasher h;
	char hex[CB_HASH_HEX_LEN + 1];

	cb_hash_init(&h);
	cb_hash_field(&h, f->t->name);
	cb_hash_field(&h, f->row_key);
	cb_hash_field(&h, f->loser_at);
	cb_hash_field(&h, f->winner_at);
	cb_hash_final_hex(&h, hex);
	memcpy(out, hex, 32);
	out[32] = '\0';
}

static enum cb_status insert_conflict(cb_store *st, const cb_conflict_found *f, const char *id,
				      const char *kind, const char *fields, bool *recorded,
				      cb_err *err)
{
	sqlite3_stmt *q = NULL;
	const char *v[] = {id, f->t->name, f->row_key, f->case_id, f->family_id, kind, fields,
			   f->winner_at, f->winner, f->loser_at, f->loser};
	enum cb_status rc = CB_OK;

	if (sqlite3_prepare_v2(cb_store_db(st),
			       "INSERT INTO sync_conflicts(id, tbl, row_key, case_id, family_id, kind,"
			       " fields, winner_at, winner, loser_at, loser, status, created_at,"
			       " created_by, device_id, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
			       " ?8, ?9, ?10, ?11, 'open', substr(max(?8, ?10), 1, 24), 'sync',"
			       " substr(?10, 31), max(?8, ?10)) ON CONFLICT(id) DO NOTHING",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "recording a sync conflict");
		goto out;
	}
	for (int i = 0; i < 11; i++)
		sqlite3_bind_text(q, i + 1, v[i], -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, "recording a sync conflict");
	else
		*recorded = sqlite3_changes(cb_store_db(st)) > 0;
out:
	sqlite3_finalize(q);
	return rc;
}

enum cb_status cb_conflict_record(cb_store *st, const cb_conflict_found *f, bool *recorded,
				  cb_err *err)
{
	char *fields = differing_fields(cb_store_db(st), f->winner, f->loser);
	char id[33];
	enum cb_status rc = CB_OK;

	*recorded = false;
	if (fields && *fields) {
		conflict_id(f, id);
		rc = insert_conflict(st, f, id, kind_of(cb_store_db(st), f), fields, recorded, err);
	}
	free(fields);
	return rc;
}

/* ---- reading ---- */

static char *col_text(sqlite3_stmt *q, int i)
{
	return xstrdup_or_null((const char *)sqlite3_column_text(q, i));
}

static void read_conflict(sqlite3_stmt *q, cb_conflict *c)
{
	char **slots[] = {&c->id, &c->tbl, &c->row_key, &c->case_id, &c->family_id, &c->kind,
			  &c->fields, &c->winner_at, &c->winner, &c->loser_at, &c->loser,
			  &c->status, &c->resolution, &c->resolved_by, &c->resolved_at, &c->label};

	for (int i = 0; i < (int)(sizeof slots / sizeof slots[0]); i++)
		*slots[i] = col_text(q, i);
}

void cb_conflict_clear(cb_conflict *c)
{
	char *all[] = {c->id, c->tbl, c->row_key, c->case_id, c->family_id, c->kind, c->fields,
		       c->winner_at, c->winner, c->loser_at, c->loser, c->status, c->resolution,
		       c->resolved_by, c->resolved_at, c->label};

	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		free(all[i]);
	memset(c, 0, sizeof *c);
}

void cb_conflicts_free(cb_conflict *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		cb_conflict_clear(&list[i]);
	free(list);
}

static enum cb_status select_conflicts(cb_store *st, const char *where, const char *arg,
				       cb_conflict **out, size_t *count, cb_err *err)
{
	char *sql = xasprintf("SELECT " CONFLICT_COLUMNS " FROM sync_conflicts c %s"
			      " ORDER BY c.status = 'resolved', c.updated_at DESC, c.id", where);
	sqlite3_stmt *q = NULL;
	size_t cap = 8;
	enum cb_status rc = CB_OK;
	int step;

	*out = xcalloc(cap, sizeof **out);
	*count = 0;
	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the sync conflicts");
		goto out;
	}
	if (arg)
		sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		if (*count == cap) {
			cap *= 2;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		read_conflict(q, &(*out)[(*count)++]);
	}
	if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, "reading the sync conflicts");
out:
	sqlite3_finalize(q);
	free(sql);
	return rc;
}

enum cb_status cb_conflicts_list(cb_store *st, bool open_only, cb_conflict **out,
				 size_t *count, cb_err *err)
{
	return select_conflicts(st, open_only ? "WHERE c.status = 'open'" : "", NULL, out, count,
				err);
}

enum cb_status cb_conflict_load(cb_store *st, const char *id, cb_conflict *out, cb_err *err)
{
	cb_conflict *list = NULL;
	size_t n = 0;
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	if (strlen(id) < 4)
		return cb_fail(err, CB_INVALID, "give at least 4 characters of the conflict id "
			       "(casebook sync conflicts lists them)");
	rc = select_conflicts(st, "WHERE substr(c.id, 1, length(?1)) = ?1", id, &list, &n, err);
	if (rc == CB_OK && n == 0)
		rc = cb_fail(err, CB_NOT_FOUND, "there is no conflict %s; casebook sync conflicts "
			     "--all lists them", id);
	else if (rc == CB_OK && n > 1)
		rc = cb_fail(err, CB_INVALID, "%zu conflicts start with %s; give more of the id", n,
			     id);
	if (rc == CB_OK) {
		*out = list[0];
		memset(&list[0], 0, sizeof list[0]);
	}
	cb_conflicts_free(list, n);
	return rc;
}

/* ---- the record now ---- */

/* WHERE clause matching the row whose key columns are in the JSON bound as ?1. */
static char *key_where(const cb_sync_columns *cols)
{
	strbuf sb = {0};

	for (int i = 0; i < cols->count; i++)
		if (cols->pk[i])
			sb_appendf(&sb, "%s\"%s\" = json_extract(?1, '$.%s')", sb.len ? " AND " : "",
				   cols->names[i], cols->names[i]);
	return sb_take(&sb);
}

/* The record as it is now, as a JSON object like the conflict's versions; NULL if gone. */
static char *current_json(cb_store *st, const cb_conflict *c, const cb_sync_columns *cols)
{
	strbuf sql = {0};
	char *where = key_where(cols), *json;

	sb_append(&sql, "SELECT json_object(");
	for (int i = 0; i < cols->count; i++)
		sb_appendf(&sql, "%s'%s', \"%s\"", i ? ", " : "", cols->names[i], cols->names[i]);
	sb_appendf(&sql, ") FROM \"%s\" WHERE %s", c->tbl, where);
	json = query_text(cb_store_db(st), sb_str(&sql), c->loser, NULL, NULL);
	sb_free(&sql);
	free(where);
	return json;
}

static char *field_value(sqlite3 *db, const char *json, const char *field)
{
	char *path = xasprintf("$.%s", field);
	char *v = query_text(db, "SELECT json_extract(?1, ?2)", json, path, NULL);

	free(path);
	return v;
}

/* Splits "a,b,c" into a NULL-terminated array; the caller frees both. */
static char **split_fields(const char *fields, size_t *n)
{
	char *copy = xstrdup(fields ? fields : ""), *save = NULL, *tok;
	char **out = xcalloc(strlen(copy) / 2 + 2, sizeof *out);

	*n = 0;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		out[(*n)++] = xstrdup(tok);
	free(copy);
	return out;
}

static void free_fields(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

static enum cb_status load_current(cb_store *st, const cb_conflict *c, cb_sync_columns *cols,
				   char **json, cb_err *err)
{
	if (!cb_sync_columns_load(cb_store_db(st), c->tbl, cols))
		return cb_fail(err, CB_ERROR, "cannot read table %s", c->tbl);
	if ((*json = current_json(st, c, cols)) == NULL) {
		cb_sync_columns_free(cols);
		return cb_fail(err, CB_NOT_FOUND, "the %s is no longer in this casebook (its case "
			       "has left this device); resolve the conflict on the hub", c->label);
	}
	return CB_OK;
}

enum cb_status cb_conflict_fields(cb_store *st, const cb_conflict *c, cb_conflict_field **out,
				  size_t *count, cb_err *err)
{
	cb_sync_columns cols;
	char *now = NULL, **names;
	size_t n;

	*out = NULL;
	*count = 0;
	if (load_current(st, c, &cols, &now, err))
		return err->code;
	names = split_fields(c->fields, &n);
	*out = xcalloc(n + 1, sizeof **out);
	for (size_t i = 0; i < n; i++) {
		(*out)[i].name = xstrdup(names[i]);
		(*out)[i].mine = field_value(cb_store_db(st), now, names[i]);
		(*out)[i].theirs = field_value(cb_store_db(st), c->loser, names[i]);
	}
	*count = n;
	free_fields(names, n);
	free(now);
	cb_sync_columns_free(&cols);
	return CB_OK;
}

void cb_conflict_fields_free(cb_conflict_field *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(list[i].name);
		free(list[i].mine);
		free(list[i].theirs);
	}
	free(list);
}

/* ---- resolving ---- */

static bool listed(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

/* A family reference taken back must not be another family's by now. */
static enum cb_status ref_free(cb_store *st, const cb_conflict *c, cb_err *err)
{
	char *other = query_text(cb_store_db(st),
				 "SELECT family_ref FROM families WHERE family_ref ="
				 " json_extract(?1, '$.family_ref') AND id <> json_extract(?1, '$.id')",
				 c->loser, NULL, NULL);
	enum cb_status rc = CB_OK;

	if (other)
		rc = cb_fail(err, CB_INVALID, "family reference %s is another family's now; keep "
			     "this family's current reference (leave family_ref out of the merge)",
			     other);
	free(other);
	return rc;
}

/* The SET list taking each chosen field from the set-aside version (?1) where it differs. */
static enum cb_status theirs_sets(cb_store *st, const cb_conflict *c, const char *now,
				  enum cb_conflict_keep keep, const char *const *theirs, size_t n,
				  strbuf *sets, cb_err *err)
{
	size_t nf;
	char **fields = split_fields(c->fields, &nf);
	enum cb_status rc = CB_OK;

	for (size_t i = 0; keep == CB_KEEP_MERGE && i < n && rc == CB_OK; i++)
		if (!listed((const char *const *)fields, nf, theirs[i]))
			rc = cb_fail(err, CB_INVALID, "%s is not one of the fields in conflict (%s)",
				     theirs[i], c->fields);
	for (size_t i = 0; i < nf && rc == CB_OK; i++) {
		bool take = keep == CB_KEEP_THEIRS ||
			    (keep == CB_KEEP_MERGE && listed(theirs, n, fields[i]));
		if (take && strcmp(fields[i], "family_ref") == 0 && (rc = ref_free(st, c, err)))
			break;
		char *path = xasprintf("$.%s", fields[i]);
		char *differs = take ? query_text(cb_store_db(st),
						  "SELECT json_extract(?1, ?3) IS NOT"
						  " json_extract(?2, ?3)", c->loser, now, path)
				     : NULL;
		if (differs && strcmp(differs, "1") == 0)
			sb_appendf(sets, "\"%s\" = json_extract(?1, '%s'), ", fields[i], path);
		free(differs);
		free(path);
	}
	free_fields(fields, nf);
	return rc;
}

static enum cb_status run_update(cb_store *st, const char *sql, const char *json,
				 const char *hlc, const char *doing, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, doing);
		goto out;
	}
	sqlite3_bind_text(q, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, hlc, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_DONE)
		goto out;
	if ((sqlite3_extended_errcode(cb_store_db(st)) & 0xff) == SQLITE_CONSTRAINT)
		rc = cb_fail(err, CB_INVALID, "that record would break a rule of the casebook (%s); "
			     "take fields that belong together (such as closed_on with "
			     "closure_reason), or keep one version whole",
			     sqlite3_errmsg(cb_store_db(st)));
	else
		rc = cb_store_fail(st, err, doing);
out:
	sqlite3_finalize(q);
	return rc;
}

static enum cb_status write_record(cb_store *st, const cb_conflict *c, enum cb_conflict_keep keep,
				   const char *const *theirs, size_t n, cb_err *err)
{
	cb_sync_columns cols;
	char *now = NULL, *where, *sql, hlc[64];
	strbuf sets = {0};
	enum cb_status rc;

	if ((rc = load_current(st, c, &cols, &now, err)))
		return rc;
	rc = theirs_sets(st, c, now, keep, theirs, n, &sets, err);
	if (rc == CB_OK && sets.len > 0) {
		cb_store_hlc_next(st, hlc);
		where = key_where(&cols);
		sql = xasprintf("UPDATE \"%s\" SET %supdated_at = ?2 WHERE %s", c->tbl, sb_str(&sets),
				where);
		rc = run_update(st, sql, c->loser, hlc, "saving the resolved record", err);
		free(sql);
		free(where);
	}
	sb_free(&sets);
	free(now);
	cb_sync_columns_free(&cols);
	return rc;
}

static enum cb_status mark_resolved(cb_store *st, const cb_conflict *c, const char *how,
				    cb_err *err)
{
	sqlite3_stmt *q = NULL;
	char hlc[64], now[25];
	enum cb_status rc = CB_OK;

	cb_store_hlc_next(st, hlc);
	cb_store_now(st, now);
	if (sqlite3_prepare_v2(cb_store_db(st),
			       "UPDATE sync_conflicts SET status = 'resolved', resolution = ?1,"
			       " resolved_by = ?2, resolved_at = ?3, updated_at = ?4 WHERE id = ?5",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "marking the conflict resolved");
		goto out;
	}
	sqlite3_bind_text(q, 1, how, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, cb_store_actor(st), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, hlc, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, c->id, -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, "marking the conflict resolved");
out:
	sqlite3_finalize(q);
	return rc;
}

enum cb_status cb_conflict_resolve(cb_store *st, const char *id, enum cb_conflict_keep keep,
				   const char *const *theirs, size_t n, cb_err *err)
{
	static const char *const how[] = {"mine", "theirs", "merged"};
	cb_conflict c;
	enum cb_status rc;

	if ((rc = cb_conflict_load(st, id, &c, err)))
		return rc;
	if (strcmp(c.status, "open") != 0) {
		rc = cb_fail(err, CB_INVALID, "conflict %.8s was already resolved (%s, by %s on %s)",
			     c.id, c.resolution, c.resolved_by ? c.resolved_by : "?",
			     c.resolved_at ? c.resolved_at : "?");
		goto out;
	}
	if ((rc = cb_store_begin(st, err)))
		goto out;
	if ((rc = write_record(st, &c, keep, theirs, n, err)) ||
	    (rc = mark_resolved(st, &c, how[keep], err)) || (rc = cb_store_commit(st, err)))
		cb_store_rollback(st);
out:
	cb_conflict_clear(&c);
	return rc;
}
