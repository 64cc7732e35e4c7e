/* teamreview.c: the team review's flags over the caseload, and saving and reading group case discussions. */
#include "store/teamreview.h"

#include <stdio.h>
#include <string.h>

#include "core/dates.h"
#include "core/mem.h"
#include "store/casefile.h"
#include "store/records.h"

/* ---- the team's cases ---- */

/*
 * What the caseload does not carry, for the open cases of one team (or all):
 * the start of the CIN plan in force, the first risk-framework total (the
 * latest is the caseload's) and the latest two engagement scores, each found
 * through the assessments_case index. Ordered by case id for lookup.
 */
#define RISK_SCORE(scale, order, offset)                                                      \
	"(SELECT s.score FROM assessments a JOIN assessment_scores s"                         \
	"  ON s.assessment_id = a.id AND s.scale = '" scale "'"                               \
	"  WHERE a.case_id = c.id AND a.instrument = 'risk-framework' AND s.score IS NOT NULL" \
	"  ORDER BY a.assessed_on " order ", a.id " order " LIMIT 1 OFFSET " offset ")"

static const char extras_sql[] =
	"SELECT c.id, c.team_id,"
	" (SELECT started_on FROM plan_episodes pe WHERE pe.case_id = c.id AND pe.plan = 'cin'"
	"   AND pe.started_on <= :today AND (pe.ended_on IS NULL OR pe.ended_on > :today)"
	"   ORDER BY pe.started_on DESC, pe.id DESC LIMIT 1),"
	" " RISK_SCORE("total", "ASC", "0") ","
	" " RISK_SCORE("engagement", "DESC", "0") ","
	" " RISK_SCORE("engagement", "DESC", "1")
	" FROM cases c WHERE c.closed_on IS NULL AND (:team IS NULL OR c.team_id = :team)"
	" ORDER BY c.id";

struct extra {
	char *case_id, *team_id, *cin_since;
	bool has_first_risk, has_engagement;
	double first_risk, engagement, engagement_before;
};

struct extras {
	struct extra *rows;
	size_t count, cap;
};

static char *text_at(sqlite3_stmt *q, int i)
{
	return xstrdup_or_null((const char *)sqlite3_column_text(q, i));
}

static void extra_row(sqlite3_stmt *q, struct extras *list)
{
	struct extra *e;

	if (list->count == list->cap) {
		list->cap = list->cap ? list->cap * 2 : 16;
		list->rows = xreallocarray(list->rows, list->cap, sizeof *list->rows);
	}
	e = &list->rows[list->count++];
	e->case_id = text_at(q, 0);
	e->team_id = text_at(q, 1);
	e->cin_since = text_at(q, 2);
	e->has_first_risk = sqlite3_column_type(q, 3) != SQLITE_NULL;
	e->first_risk = sqlite3_column_double(q, 3);
	e->has_engagement = sqlite3_column_type(q, 4) != SQLITE_NULL &&
			    sqlite3_column_type(q, 5) != SQLITE_NULL;
	e->engagement = sqlite3_column_double(q, 4);
	e->engagement_before = sqlite3_column_double(q, 5);
}

static void extras_free(struct extras *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->rows[i].case_id);
		free(list->rows[i].team_id);
		free(list->rows[i].cin_since);
	}
	free(list->rows);
}

static enum cb_status extras_load(cb_store *st, const char *team_id, const char *today,
				  struct extras *out, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	if (sqlite3_prepare_v2(cb_store_db(st), extras_sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the team's cases");
		goto out;
	}
	sqlite3_bind_text(q, sqlite3_bind_parameter_index(q, ":today"), today, -1, SQLITE_STATIC);
	if (team_id)
		sqlite3_bind_text(q, sqlite3_bind_parameter_index(q, ":team"), team_id, -1,
				  SQLITE_STATIC);
	while ((step = sqlite3_step(q)) == SQLITE_ROW)
		extra_row(q, out);
	if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, "reading the team's cases");
out:
	sqlite3_finalize(q);
	return rc;
}

static int extra_by_id(const void *key, const void *elem)
{
	return strcmp(key, ((const struct extra *)elem)->case_id);
}

/* True if the CIN plan that started on `since` has been open over 12 months on `today`. */
static bool cin_drifted(const char *since, const char *today)
{
	cb_date d, t;

	if (since == NULL || !cb_date_parse(since, &d) || !cb_date_parse(today, &t))
		return false;
	d.year += CB_CIN_DRIFT_MONTHS / 12;
	if (d.month == 2 && d.day == 29)
		d.day = 28;
	return cb_date_days(t) > cb_date_days(d);
}

/* Fills one case from its caseload row and extras (taking the strings it keeps). */
static void fill_case(cb_team_case *c, const cb_caseload_row *r, struct extra *e,
		      const char *today)
{
	c->row = r;
	c->team_id = e->team_id;
	e->team_id = NULL;
	if (r->plan && strcmp(r->plan, "cin") == 0) {
		c->cin_since = e->cin_since;
		e->cin_since = NULL;
	}
	c->cin_drift = cin_drifted(c->cin_since, today);
	c->has_first_risk = e->has_first_risk;
	c->first_risk = e->first_risk;
	c->has_engagement = e->has_engagement;
	c->engagement = e->engagement;
	c->engagement_before = e->engagement_before;
	if (r->stalled_goals > 0 || c->cin_drift)
		c->flags |= CB_TEAM_DRIFT;
	if (r->flag_review_overdue)
		c->flags |= CB_TEAM_REVIEW;
	if (r->flag_no_contact)
		c->flags |= CB_TEAM_CONTACT;
	if (r->has_risk && c->has_first_risk &&
	    cb_change_between(c->first_risk, r->risk_total) == CB_CHANGE_DOWN)
		c->flags |= CB_TEAM_RISK;
	if (c->has_engagement &&
	    cb_change_between(c->engagement_before, c->engagement) == CB_CHANGE_DOWN)
		c->flags |= CB_TEAM_ENGAGEMENT;
	for (int i = 0; i < CB_TEAM_FLAG_COUNT; i++)
		c->n_flags += (c->flags >> i) & 1;
}

enum cb_status cb_team_review_load(cb_store *st, const char *team_id, const char *today,
				   cb_team_review *out, cb_err *err)
{
	struct extras extras = {0};
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = cb_caseload_load(st, NULL, team_id, today, &out->all, err)) ||
	    (rc = extras_load(st, team_id, today, &extras, err)))
		goto out;
	out->cases = xcalloc(out->all.count + 1, sizeof *out->cases);
	for (size_t i = 0; extras.count > 0 && i < out->all.count; i++) {
		const cb_caseload_row *row = &out->all.rows[i];
		struct extra *e = bsearch(row->case_id, extras.rows, extras.count,
					  sizeof *extras.rows, extra_by_id);
		if (e)
			fill_case(&out->cases[out->count++], row, e, today);
	}
out:
	extras_free(&extras);
	if (rc)
		cb_team_review_free(out);
	return rc;
}

void cb_team_review_free(cb_team_review *r)
{
	for (size_t i = 0; i < r->count; i++) {
		free(r->cases[i].team_id);
		free(r->cases[i].cin_since);
	}
	free(r->cases);
	cb_caseload_free(&r->all);
	memset(r, 0, sizeof *r);
}

/* Family, then child, then case id: the caseload's order. */
static int by_family(const void *pa, const void *pb)
{
	const cb_caseload_row *a = ((const cb_team_case *)pa)->row;
	const cb_caseload_row *b = ((const cb_team_case *)pb)->row;
	int c = strcmp(a->family_name, b->family_name);

	if (c == 0)
		c = strcmp(a->child_name, b->child_name);
	return c ? c : strcmp(a->case_id, b->case_id);
}

static int by_flags(const void *pa, const void *pb)
{
	const cb_team_case *a = pa, *b = pb;

	if (a->n_flags != b->n_flags)
		return b->n_flags - a->n_flags;
	return by_family(pa, pb);
}

void cb_team_review_sort(cb_team_review *r, enum cb_team_sort by)
{
	if (r->count > 1)
		qsort(r->cases, r->count, sizeof *r->cases,
		      by == CB_TEAM_BY_FLAGS ? by_flags : by_family);
}

/* ---- saving a discussion ---- */

static enum cb_status check_dates(const cb_discussion *d, cb_err *err)
{
	cb_date day;

	if (d->held_on == NULL || !cb_date_parse(d->held_on, &day))
		return cb_fail(err, CB_INVALID, "the date of the discussion \"%s\" is not a real "
			       "date; enter it as YYYY-MM-DD", d->held_on ? d->held_on : "");
	for (size_t i = 0; i < d->n_actions; i++) {
		const char *due = d->actions[i].due_on;
		if (due && !cb_date_parse(due, &day))
			return cb_fail(err, CB_INVALID, "action %zu: the due date \"%s\" is not a "
				       "real date; enter it as YYYY-MM-DD", i + 1, due);
		if (due && strcmp(due, d->held_on) < 0)
			return cb_fail(err, CB_INVALID, "action %zu is due on %s, before the "
				       "discussion on %s: give a later date", i + 1, due, d->held_on);
	}
	return CB_OK;
}

static bool blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}

static enum cb_status check_lists(const cb_discussion *d, cb_err *err)
{
	for (size_t i = 0; i < d->n_attendees; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(d->attendees[i], d->attendees[j]) == 0)
				return cb_fail(err, CB_INVALID, "attendee %s is listed twice; "
					       "list each person once", d->attendees[i]);
	for (size_t i = 0; i < d->n_cases; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(d->cases[i].case_id, d->cases[j].case_id) == 0)
				return cb_fail(err, CB_INVALID, "case %s is listed twice; put "
					       "everything decided for it in one decision",
					       d->cases[i].case_id);
	for (size_t i = 0; i < d->n_actions; i++)
		if (blank(d->actions[i].action))
			return cb_fail(err, CB_INVALID, "action %zu is blank: write what needs "
				       "doing, or leave the action out", i + 1);
	return CB_OK;
}

/* Runs one INSERT of a row without an id of its own (attendees, cases discussed). */
static enum cb_status insert_pair(cb_store *st, const char *sql, const char *a, const char *b,
				  const char *c, const char *doing, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, doing);
		goto out;
	}
	sqlite3_bind_text(q, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, b, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(q) >= 3)
		sqlite3_bind_text(q, 3, c, -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, doing);
out:
	sqlite3_finalize(q);
	return rc;
}

static enum cb_status write_people_and_cases(cb_store *st, const cb_discussion *d,
					     const char *id, cb_err *err)
{
	for (size_t i = 0; i < d->n_attendees; i++)
		if (insert_pair(st, "INSERT INTO supervision_attendees(supervision_id, practitioner_id)"
				" VALUES (?1, ?2)", id, d->attendees[i], NULL,
				"saving who attended the discussion", err))
			return err->code;
	for (size_t i = 0; i < d->n_cases; i++)
		if (insert_pair(st, "INSERT INTO supervision_cases(supervision_id, case_id, decision)"
				" VALUES (?1, ?2, ?3)", id, d->cases[i].case_id,
				d->cases[i].decision, "saving the cases discussed", err))
			return err->code;
	return CB_OK;
}

static enum cb_status write_actions(cb_store *st, const cb_discussion *d, const char *id,
				    cb_err *err)
{
	for (size_t i = 0; i < d->n_actions; i++) {
		const cb_new_action *a = &d->actions[i];
		char action_id[CB_UUID_LEN + 1] = "";
		const cb_field fields[] = {
			{"supervision_id", id}, {"case_id", a->case_id}, {"owner_id", a->owner_id},
			{"action", a->action},  {"due_on", a->due_on},
		};
		if (cb_record_insert(st, "supervision_actions", action_id, fields,
				     sizeof fields / sizeof fields[0], err))
			return err->code;
	}
	return CB_OK;
}

static enum cb_status write_discussion(cb_store *st, const cb_discussion *d, char *id,
				       cb_err *err)
{
	const cb_field fields[] = {
		{"team_id", d->team_id}, {"held_on", d->held_on}, {"notes", d->notes},
	};

	if (cb_record_insert(st, "supervisions", id, fields, sizeof fields / sizeof fields[0], err) ||
	    write_people_and_cases(st, d, id, err) || write_actions(st, d, id, err))
		return err->code;
	return CB_OK;
}

enum cb_status cb_discussion_save(cb_store *st, const cb_discussion *d, char *id, cb_err *err)
{
	enum cb_status rc;

	id[0] = '\0';
	if ((rc = check_dates(d, err)) || (rc = check_lists(d, err)))
		return rc;
	if ((rc = cb_store_begin(st, err)))
		return rc;
	rc = write_discussion(st, d, id, err);
	if (rc == CB_OK)
		rc = cb_store_commit(st, err);
	if (rc) {
		cb_store_rollback(st);
		id[0] = '\0';
	}
	return rc;
}

/* ---- open actions ---- */

#define OPEN_ACTIONS_SQL(who)                                                                 \
	"SELECT sa.id, sa.supervision_id, s.held_on, sa.action, sa.due_on, sa.owner_id, pr.name," \
	" sa.case_id, ch.name, sa.due_on < ?2"                                                    \
	" FROM supervision_actions sa JOIN supervisions s ON s.id = sa.supervision_id"           \
	" LEFT JOIN practitioners pr ON pr.id = sa.owner_id"                                      \
	" LEFT JOIN cases c ON c.id = sa.case_id LEFT JOIN people ch ON ch.id = c.child_id"     \
	" WHERE sa.done_on IS NULL AND " who " = ?1"                                              \
	" ORDER BY sa.due_on IS NULL, sa.due_on, s.held_on, sa.id"

static void action_row(sqlite3_stmt *q, cb_open_actions *list)
{
	cb_open_action *a;

	if ((list->count & (list->count - 1)) == 0) /* full at 0, 1, 2, 4, ... */
		list->rows = xreallocarray(list->rows, list->count ? list->count * 2 : 1,
					   sizeof *list->rows);
	a = &list->rows[list->count++];
	a->id = text_at(q, 0);
	a->supervision_id = text_at(q, 1);
	a->held_on = text_at(q, 2);
	a->action = text_at(q, 3);
	a->due_on = text_at(q, 4);
	a->owner_id = text_at(q, 5);
	a->owner_name = text_at(q, 6);
	a->case_id = text_at(q, 7);
	a->child_name = text_at(q, 8);
	a->overdue = sqlite3_column_int(q, 9) == 1;
}

static enum cb_status actions_load(cb_store *st, const char *sql, const char *who,
				   const char *today, cb_open_actions *out, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the open actions");
		goto out;
	}
	sqlite3_bind_text(q, 1, who, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, today, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(q)) == SQLITE_ROW)
		action_row(q, out);
	if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, "reading the open actions");
out:
	sqlite3_finalize(q);
	if (rc)
		cb_open_actions_free(out);
	return rc;
}

enum cb_status cb_open_actions_of_case(cb_store *st, const char *case_id, const char *today,
				       cb_open_actions *out, cb_err *err)
{
	return actions_load(st, OPEN_ACTIONS_SQL("sa.case_id"), case_id, today, out, err);
}

enum cb_status cb_open_actions_of_owner(cb_store *st, const char *practitioner_id,
					const char *today, cb_open_actions *out, cb_err *err)
{
	return actions_load(st, OPEN_ACTIONS_SQL("sa.owner_id"), practitioner_id, today, out, err);
}

void cb_open_actions_free(cb_open_actions *list)
{
	for (size_t i = 0; i < list->count; i++) {
		cb_open_action *a = &list->rows[i];
		char *fields[] = {a->id, a->supervision_id, a->held_on, a->action, a->due_on,
				  a->owner_id, a->owner_name, a->case_id, a->child_name};
		for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
			free(fields[k]);
	}
	free(list->rows);
	memset(list, 0, sizeof *list);
}

/* ---- marking an action done ---- */

/* Reads the action's done date and its discussion's date; CB_NOT_FOUND if there is none. */
static enum cb_status action_state(cb_store *st, const char *id, char **done_on, char **held_on,
				   cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	*done_on = *held_on = NULL;
	if (sqlite3_prepare_v2(cb_store_db(st),
			       "SELECT sa.done_on, s.held_on FROM supervision_actions sa"
			       " JOIN supervisions s ON s.id = sa.supervision_id WHERE sa.id = ?1",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the action");
		goto out;
	}
	sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
	step = sqlite3_step(q);
	if (step == SQLITE_ROW) {
		*done_on = text_at(q, 0);
		*held_on = text_at(q, 1);
	} else if (step == SQLITE_DONE) {
		rc = cb_fail(err, CB_NOT_FOUND, "there is no action with id \"%s\"; reload the "
			     "screen (Ctrl-L) and choose it again", id);
	} else {
		rc = cb_store_fail(st, err, "reading the action");
	}
out:
	sqlite3_finalize(q);
	return rc;
}

static enum cb_status mark_done(cb_store *st, const char *id, const char *done_on, cb_err *err)
{
	char *was_done = NULL, *held_on = NULL;
	const cb_field done[] = {{"done_on", done_on}};
	enum cb_status rc;

	if ((rc = action_state(st, id, &was_done, &held_on, err)))
		goto out;
	if (was_done)
		rc = cb_fail(err, CB_INVALID, "that action was already marked done on %s", was_done);
	else if (strcmp(done_on, held_on) < 0)
		rc = cb_fail(err, CB_INVALID, "the action was only agreed on %s, so it cannot be done "
			     "on %s: give a later date", held_on, done_on);
	else
		rc = cb_record_update(st, "supervision_actions", id, done, 1, err);
out:
	free(was_done);
	free(held_on);
	return rc;
}

enum cb_status cb_action_mark_done(cb_store *st, const char *action_id, const char *done_on,
				   cb_err *err)
{
	cb_date d;
	enum cb_status rc;

	if (done_on == NULL || !cb_date_parse(done_on, &d))
		return cb_fail(err, CB_INVALID, "the day the action was done \"%s\" is not a real "
			       "date; enter it as YYYY-MM-DD", done_on ? done_on : "");
	if ((rc = cb_store_begin(st, err)))
		return rc;
	rc = mark_done(st, action_id, done_on, err);
	if (rc == CB_OK)
		rc = cb_store_commit(st, err);
	if (rc)
		cb_store_rollback(st);
	return rc;
}
