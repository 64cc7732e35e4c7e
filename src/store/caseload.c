/* caseload.c: one query for the caseload and its flags, computed as of a given day. */
#include "store/caseload.h"

#include <stdio.h>
#include <string.h>

#include "core/dates.h"
#include "core/mem.h"

/*
 * A goal has stalled when its progress last went up (or it was set, if never)
 * more than 8 weeks ago: "periods of time in which families make no progress
 * towards objectives" ([004]:218, case drift).
 * An action from a group case discussion is overdue when it is not done and its
 * due date has passed.
 * The current plan is the latest started; of two started the same day (a plan
 * changed on the day it began), the one still open or ending later.
 */
static const char caseload_sql[] =
	"SELECT c.id, f.name, f.family_ref, ch.name, ch.born, pr.name,"
	"  (SELECT plan FROM plan_episodes pe WHERE pe.case_id = c.id AND pe.started_on <= :today"
	"    ORDER BY pe.started_on DESC, coalesce(pe.ended_on, '9999-12-31') DESC,"
	"    pe.created_at DESC, pe.id DESC LIMIT 1),"
	/* occurred_at < today || 'U' keeps the (case_id, occurred_at) index usable. */
	"  (SELECT substr(max(occurred_at), 1, 10) FROM notes n WHERE n.case_id = c.id"
	"    AND n.occurred_at < :today || 'U'),"
	"  (SELECT s.score FROM assessments a JOIN assessment_scores s ON s.assessment_id = a.id"
	"    AND s.scale = 'total' WHERE a.case_id = c.id AND a.instrument = 'risk-framework'"
	"    AND s.score IS NOT NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1),"
	"  (SELECT s.score FROM assessments a JOIN assessment_scores s ON s.assessment_id = a.id"
	"    AND s.scale = 'total' WHERE a.case_id = c.id AND a.instrument = 'risk-framework'"
	"    AND s.score IS NOT NULL ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1 OFFSET 1),"
	"  date(coalesce((SELECT max(assessed_on) FROM assessments a WHERE a.case_id = c.id),"
	"    c.referred_on), '+3 months'),"
	"  (SELECT count(*) FROM goals g WHERE g.case_id = c.id AND g.status = 'active'"
	"    AND julianday(:today) - julianday(max(g.set_on, coalesce("
	"      (SELECT max(r.reviewed_on) FROM (SELECT reviewed_on, progress,"
	"         lag(progress) OVER (ORDER BY reviewed_on, id) AS prev"
	"         FROM goal_reviews WHERE goal_id = g.id) AS r"
	"       WHERE r.progress > coalesce(r.prev, 0)), g.set_on))) > :stall),"
	"  (SELECT count(*) FROM supervision_actions sa WHERE sa.case_id = c.id"
	"    AND sa.done_on IS NULL),"
	"  (SELECT count(*) FROM supervision_actions sa WHERE sa.case_id = c.id"
	"    AND sa.done_on IS NULL AND sa.due_on < :today),"
	"  c.practitioner_id, c.team_id"
	" FROM cases c JOIN families f ON f.id = c.family_id JOIN people ch ON ch.id = c.child_id"
	" LEFT JOIN practitioners pr ON pr.id = c.practitioner_id"
	" WHERE c.closed_on IS NULL AND (:prac IS NULL OR c.practitioner_id = :prac)"
	"  AND (:team IS NULL OR c.team_id = :team)"
	" ORDER BY f.name, ch.name, c.id";

static char *column_text(sqlite3_stmt *q, int i)
{
	const unsigned char *s = sqlite3_column_text(q, i);
	return s ? xstrdup((const char *)s) : NULL;
}

static int days_between(const char *from, const char *to)
{
	cb_date a, b;

	if (!cb_date_parse(from, &a) || !cb_date_parse(to, &b))
		return -1;
	return (int)(cb_date_days(b) - cb_date_days(a));
}

static void fill_row(sqlite3_stmt *q, const char *today, cb_caseload_row *r)
{
	cb_date born, now;
	const unsigned char *born_text = sqlite3_column_text(q, 4);

	r->case_id = column_text(q, 0);
	r->family_name = column_text(q, 1);
	r->family_ref = column_text(q, 2);
	r->child_name = column_text(q, 3);
	r->practitioner = column_text(q, 5);
	r->plan = column_text(q, 6);
	r->last_contact = column_text(q, 7);
	r->child_age = born_text && cb_date_parse((const char *)born_text, &born) &&
				       cb_date_parse(today, &now)
			       ? cb_age_years(born, now)
			       : -1;
	r->days_since_contact = r->last_contact ? days_between(r->last_contact, today) : -1;
	r->has_risk = sqlite3_column_type(q, 8) != SQLITE_NULL;
	r->risk_total = sqlite3_column_double(q, 8);
	r->trend = CB_TREND_NONE;
	if (r->has_risk && sqlite3_column_type(q, 9) != SQLITE_NULL) {
		double prev = sqlite3_column_double(q, 9);
		r->trend = r->risk_total > prev	  ? CB_TREND_SAFER
			   : r->risk_total < prev ? CB_TREND_RISKIER
						  : CB_TREND_SAME;
	}
	r->review_due = column_text(q, 10);
	r->stalled_goals = sqlite3_column_int(q, 11);
	r->open_actions = sqlite3_column_int(q, 12);
	r->overdue_actions = sqlite3_column_int(q, 13);
	r->practitioner_id = column_text(q, 14);
	r->team_id = column_text(q, 15);
	r->flag_no_contact = r->days_since_contact < 0 || r->days_since_contact > CB_NO_CONTACT_DAYS;
	r->flag_review_overdue = r->review_due && strcmp(r->review_due, today) < 0;
}

enum cb_status cb_caseload_load(cb_store *st, const char *practitioner_id, const char *team_id,
				const char *today, cb_caseload *out, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	size_t cap = 0;
	enum cb_status rc = CB_OK;
	int step;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(cb_store_db(st), caseload_sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading the caseload");
		goto out;
	}
	sqlite3_bind_text(q, sqlite3_bind_parameter_index(q, ":today"), today, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, sqlite3_bind_parameter_index(q, ":stall"), CB_GOAL_STALL_DAYS);
	if (practitioner_id)
		sqlite3_bind_text(q, sqlite3_bind_parameter_index(q, ":prac"), practitioner_id, -1,
				  SQLITE_STATIC);
	if (team_id)
		sqlite3_bind_text(q, sqlite3_bind_parameter_index(q, ":team"), team_id, -1,
				  SQLITE_STATIC);
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		if (out->count == cap) {
			cap = cap ? cap * 2 : 16;
			out->rows = xreallocarray(out->rows, cap, sizeof *out->rows);
		}
		fill_row(q, today, &out->rows[out->count++]);
	}
	if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, "reading the caseload");
out:
	sqlite3_finalize(q);
	if (rc)
		cb_caseload_free(out);
	return rc;
}

void cb_caseload_cells_of(const cb_caseload_row *r, cb_caseload_cells *out)
{
	static const char *const trend[] = {"", " safer", " same", " riskier"};

	snprintf(out->age, sizeof out->age, r->child_age >= 0 ? "%d" : "?", r->child_age);
	if (r->days_since_contact >= 0)
		snprintf(out->contact, sizeof out->contact, "%dd", r->days_since_contact);
	else
		snprintf(out->contact, sizeof out->contact, "never");
	if (r->has_risk)
		snprintf(out->risk, sizeof out->risk, "%+g%s", r->risk_total, trend[r->trend]);
	else
		snprintf(out->risk, sizeof out->risk, "-");
	snprintf(out->flags, sizeof out->flags, "%s%s%s%s", r->flag_no_contact ? "!contact " : "",
		 r->flag_review_overdue ? "!review " : "", r->stalled_goals ? "!goals " : "",
		 r->overdue_actions ? "!action" : "");
	for (size_t n = strlen(out->flags); n > 0 && out->flags[n - 1] == ' ';)
		out->flags[--n] = '\0';
}

void cb_caseload_free(cb_caseload *list)
{
	for (size_t i = 0; i < list->count; i++) {
		cb_caseload_row *r = &list->rows[i];
		free(r->case_id);
		free(r->family_name);
		free(r->family_ref);
		free(r->child_name);
		free(r->practitioner_id);
		free(r->team_id);
		free(r->practitioner);
		free(r->plan);
		free(r->last_contact);
		free(r->review_due);
	}
	free(list->rows);
	list->rows = NULL;
	list->count = 0;
}
