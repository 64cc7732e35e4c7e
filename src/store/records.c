/* records.c: generic inserts/updates with metadata, and saving scored assessments. */
#include "store/records.h"

#include <stdio.h>
#include <string.h>

#include "core/mem.h"

static const char *const mutable_tables[] = {
	"teams", "practitioners", "families", "people", "family_members", "cases", "referrals",
	"plan_episodes", "goals", "supervisions", "supervision_actions", NULL,
};

bool cb_record_is_mutable(const char *table)
{
	for (int i = 0; mutable_tables[i]; i++)
		if (strcmp(mutable_tables[i], table) == 0)
			return true;
	return false;
}

/* Runs one write with text values; the statement is prepared once and kept by the store. */
static enum cb_status run(cb_store *st, const char *sql, const char *const *values, size_t n,
			  const char *doing, cb_err *err)
{
	sqlite3_stmt *q = cb_store_prepare(st, sql, doing, err);
	enum cb_status rc = CB_OK;

	if (q == NULL)
		return err->code;
	for (size_t i = 0; i < n; i++)
		sqlite3_bind_text(q, (int)i + 1, values[i], -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, doing);
	cb_store_release(q);
	return rc;
}

enum cb_status cb_record_insert(cb_store *st, const char *table, char *id, const cb_field *fields,
				size_t n, cb_err *err)
{
	const char **values = xcalloc(n + 5, sizeof *values);
	char now[25], hlc[64], *doing = xasprintf("saving to %s", table);
	strbuf cols = {0}, marks = {0};
	size_t k = 0;
	enum cb_status rc;

	if (id[0] == '\0')
		cb_uuid_new(id);
	cb_store_now(st, now);
	sb_append(&cols, "id, created_at, created_by, device_id");
	sb_append(&marks, "?, ?, ?, ?");
	values[k++] = id;
	values[k++] = now;
	values[k++] = cb_store_actor(st);
	values[k++] = cb_store_device(st);
	if (cb_record_is_mutable(table)) {
		cb_store_hlc_next(st, hlc);
		sb_append(&cols, ", updated_at");
		sb_append(&marks, ", ?");
		values[k++] = hlc;
	}
	for (size_t i = 0; i < n; i++) {
		sb_appendf(&cols, ", \"%s\"", fields[i].column);
		sb_append(&marks, ", ?");
		values[k++] = fields[i].value;
	}
	char *sql = xasprintf("INSERT INTO \"%s\" (%s) VALUES (%s)", table, sb_str(&cols),
			      sb_str(&marks));
	rc = run(st, sql, values, k, doing, err);
	free(sql);
	sb_free(&cols);
	sb_free(&marks);
	free(values);
	free(doing);
	return rc;
}

enum cb_status cb_record_update(cb_store *st, const char *table, const char *id,
				const cb_field *fields, size_t n, cb_err *err)
{
	const char **values = xcalloc(n + 2, sizeof *values);
	char hlc[64], *doing = xasprintf("saving to %s", table);
	strbuf sets = {0};
	enum cb_status rc;

	cb_store_hlc_next(st, hlc);
	sb_append(&sets, "updated_at = ?");
	values[0] = hlc;
	for (size_t i = 0; i < n; i++) {
		sb_appendf(&sets, ", \"%s\" = ?", fields[i].column);
		values[i + 1] = fields[i].value;
	}
	values[n + 1] = id;
	char *sql = xasprintf("UPDATE \"%s\" SET %s WHERE id = ?", table, sb_str(&sets));
	rc = run(st, sql, values, n + 2, doing, err);
	if (rc == CB_OK && sqlite3_changes(cb_store_db(st)) == 0)
		rc = cb_fail(err, CB_NOT_FOUND, "%s: there is no record %s", doing, id);
	free(sql);
	sb_free(&sets);
	free(values);
	free(doing);
	return rc;
}

static enum cb_status insert_answers(cb_store *st, const char *id, const cb_answer *answers,
				     size_t n, cb_err *err)
{
	for (size_t i = 0; i < n; i++) {
		const char *v[] = {id, answers[i].item, answers[i].value};
		if (run(st, "INSERT INTO assessment_answers VALUES (?, ?, ?)", v, 3,
			"saving the answers", err))
			return err->code;
	}
	return CB_OK;
}

static enum cb_status insert_scores(cb_store *st, const cb_instrument *ins, const char *id,
				    const cb_scale_score *scores, cb_err *err)
{
	for (size_t i = 0; i < ins->n_scales; i++) {
		char value[64], answered[16], applicable[16];
		snprintf(value, sizeof value, "%.17g", scores[i].value);
		snprintf(answered, sizeof answered, "%d", scores[i].answered);
		snprintf(applicable, sizeof applicable, "%d", scores[i].applicable);
		const char *v[] = {id, ins->scales[i].id, scores[i].has_value ? value : NULL, answered,
				   applicable};
		if (run(st, "INSERT INTO assessment_scores VALUES (?, ?, CAST(? AS REAL), ?, ?)", v,
			5, "saving the scores", err))
			return err->code;
	}
	return CB_OK;
}

enum cb_status cb_assessment_insert(cb_store *st, const cb_instrument *ins,
				    const cb_subject *who, char *id, const cb_field *fields,
				    size_t n, const cb_answer *answers, size_t n_answers,
				    cb_err *err)
{
	cb_field *all = xcalloc(n + 3, sizeof *all);
	cb_scale_score *scores = xcalloc(ins->n_scales + 1, sizeof *scores);
	char version[16];
	enum cb_status rc;

	snprintf(version, sizeof version, "%d", ins->version);
	all[0] = (cb_field){"instrument", ins->id};
	all[1] = (cb_field){"instrument_version", version};
	all[2] = (cb_field){"content_hash", ins->content_hash};
	memcpy(all + 3, fields, n * sizeof *fields);
	cb_score(ins, who, answers, n_answers, scores);
	if ((rc = cb_record_insert(st, "assessments", id, all, n + 3, err)) == CB_OK &&
	    (rc = insert_answers(st, id, answers, n_answers, err)) == CB_OK)
		rc = insert_scores(st, ins, id, scores, err);
	free(all);
	free(scores);
	return rc;
}
