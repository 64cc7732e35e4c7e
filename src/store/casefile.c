/* casefile.c: the case screen's queries, each a typed list built from one or two SQL statements. */
#include "store/casefile.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/mem.h"

/* Who rated: the named person, or for a worker rating with nobody named, the assessor. */
#define RATER_NAME "CASE WHEN a.rater = 'worker' THEN coalesce(rp.name, pr.name) ELSE rp.name END"
#define RATER_JOINS                                                                            \
	" LEFT JOIN people rp ON rp.id = a.rater_person_id"                                    \
	" LEFT JOIN practitioners pr ON pr.id = a.assessor_id"

enum cb_change cb_change_between(double before, double after)
{
	if (fabs(after - before) < 0.005)
		return CB_CHANGE_SAME;
	return after > before ? CB_CHANGE_UP : CB_CHANGE_DOWN;
}

static char *text_at(sqlite3_stmt *q, int i)
{
	return xstrdup_or_null((const char *)sqlite3_column_text(q, i));
}

static cb_opt_score score_at(sqlite3_stmt *q, int i)
{
	cb_opt_score s = {sqlite3_column_type(q, i) != SQLITE_NULL, sqlite3_column_double(q, i)};
	return s;
}

static int age_on(const char *born, const char *today)
{
	cb_date b, t;

	if (born == NULL || !cb_date_parse(born, &b) || !cb_date_parse(today, &t))
		return -1;
	return cb_age_years(b, t);
}

/* Days from a to b ("YYYY-MM-DD"); 0 if either does not parse. */
static long days_between(const char *a, const char *b)
{
	cb_date da, db;

	if (!cb_date_parse(a, &da) || !cb_date_parse(b, &db))
		return 0;
	return (long)(cb_date_days(db) - cb_date_days(da));
}

/*
 * Appends one zeroed element to arr (which holds count elements of size
 * bytes, with room for the next power of two) and returns the new array.
 */
static void *push(void *arr, size_t count, size_t size)
{
	if ((count & (count - 1)) == 0)
		arr = xreallocarray(arr, count ? count * 2 : 1, size);
	memset((char *)arr + count * size, 0, size);
	return arr;
}

typedef void row_fn(sqlite3_stmt *q, void *out, const char *today);

/* Runs sql with ?1 = case_id and ?2 = today (when the SQL uses it), calling fn for each row. */
static enum cb_status each_row(cb_store *st, const char *sql, const char *case_id,
			       const char *today, row_fn *fn, void *out, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	char doing[160];
	int step;

	snprintf(doing, sizeof doing, "reading case %s", case_id);
	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, doing);
		goto out;
	}
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(q) >= 2)
		sqlite3_bind_text(q, 2, today, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(q)) == SQLITE_ROW)
		fn(q, out, today);
	if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, doing);
out:
	sqlite3_finalize(q);
	return rc;
}

/* ---- header ---- */

static const char header_sql[] =
	"SELECT c.id, f.id, f.name, f.family_ref, f.address, ch.id, ch.name, ch.born,"
	" c.referred_on, c.referral_source, c.need, pr.name, t.name, cur.plan, cur.started_on,"
	" (SELECT max(occurred_at) FROM notes n WHERE n.case_id = c.id"
	"   AND substr(n.occurred_at, 1, 10) <= ?2),"
	" c.closed_on, c.closure_reason"
	" FROM cases c JOIN families f ON f.id = c.family_id JOIN people ch ON ch.id = c.child_id"
	" LEFT JOIN practitioners pr ON pr.id = c.practitioner_id"
	" LEFT JOIN teams t ON t.id = c.team_id"
	" LEFT JOIN (SELECT plan, started_on FROM plan_episodes WHERE case_id = ?1"
	"   AND started_on <= ?2 AND (ended_on IS NULL OR ended_on > ?2)"
	"   ORDER BY started_on DESC, id DESC LIMIT 1) cur ON 1"
	" WHERE c.id = ?1";

static void header_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_case_header *h = out;

	h->case_id = text_at(q, 0);
	h->family_id = text_at(q, 1);
	h->family_name = text_at(q, 2);
	h->family_ref = text_at(q, 3);
	h->family_address = text_at(q, 4);
	h->child_id = text_at(q, 5);
	h->child_name = text_at(q, 6);
	h->child_born = text_at(q, 7);
	h->child_age = age_on(h->child_born, today);
	h->referred_on = text_at(q, 8);
	h->referral_source = text_at(q, 9);
	h->need = text_at(q, 10);
	h->practitioner = text_at(q, 11);
	h->team = text_at(q, 12);
	h->plan = text_at(q, 13);
	h->plan_since = text_at(q, 14);
	h->last_contact = text_at(q, 15);
	h->closed_on = text_at(q, 16);
	h->closure_reason = text_at(q, 17);
}

enum cb_status cb_case_header_load(cb_store *st, const char *case_id, const char *today,
				   cb_case_header *out, cb_err *err)
{
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	rc = each_row(st, header_sql, case_id, today, header_row, out, err);
	if (rc == CB_OK && out->case_id == NULL)
		rc = cb_fail(err, CB_NOT_FOUND,
			     "there is no case with id \"%s\"; `casebook caseload` lists the open "
			     "cases and their ids", case_id);
	if (rc)
		cb_case_header_free(out);
	return rc;
}

void cb_case_header_free(cb_case_header *h)
{
	char **fields[] = {&h->case_id, &h->family_id, &h->family_name, &h->family_ref,
			   &h->family_address, &h->child_id, &h->child_name, &h->child_born,
			   &h->referred_on, &h->referral_source, &h->need, &h->practitioner,
			   &h->team, &h->plan, &h->plan_since, &h->last_contact, &h->closed_on,
			   &h->closure_reason};

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		free(*fields[i]);
		*fields[i] = NULL;
	}
}

/* ---- people ---- */

static const char people_sql[] =
	"SELECT p.id, p.name, fm.relationship, p.born, p.id = c.child_id"
	" FROM cases c JOIN family_members fm ON fm.family_id = c.family_id"
	" JOIN people p ON p.id = fm.person_id WHERE c.id = ?1"
	" ORDER BY CASE fm.relationship WHEN 'main_caregiver' THEN 0 WHEN 'other_adult' THEN 1"
	"   ELSE 2 END, p.born IS NULL, p.born, p.name, p.id";

static void person_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_case_people *list = out;
	cb_case_person *p;

	list->rows = push(list->rows, list->count, sizeof *list->rows);
	p = &list->rows[list->count++];
	p->id = text_at(q, 0);
	p->name = text_at(q, 1);
	p->relationship = text_at(q, 2);
	p->born = text_at(q, 3);
	p->age = age_on(p->born, today);
	p->is_case_child = sqlite3_column_int(q, 4) != 0;
}

enum cb_status cb_case_people_load(cb_store *st, const char *case_id, const char *today,
				   cb_case_people *out, cb_err *err)
{
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	rc = each_row(st, people_sql, case_id, today, person_row, out, err);
	if (rc)
		cb_case_people_free(out);
	return rc;
}

void cb_case_people_free(cb_case_people *p)
{
	for (size_t i = 0; i < p->count; i++) {
		free(p->rows[i].id);
		free(p->rows[i].name);
		free(p->rows[i].relationship);
		free(p->rows[i].born);
	}
	free(p->rows);
	memset(p, 0, sizeof *p);
}

/* ---- plans ---- */

static const char plans_sql[] =
	"SELECT id, plan, started_on, ended_on FROM plan_episodes WHERE case_id = ?1"
	" ORDER BY started_on, id";

static void plan_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_case_plans *list = out;
	cb_case_plan *p;
	long days;

	list->rows = push(list->rows, list->count, sizeof *list->rows);
	p = &list->rows[list->count++];
	p->id = text_at(q, 0);
	p->plan = text_at(q, 1);
	p->started_on = text_at(q, 2);
	p->ended_on = text_at(q, 3);
	days = days_between(p->started_on, p->ended_on ? p->ended_on : today);
	p->weeks = days > 0 ? (int)(days / 7) : 0;
}

/* Marks the plan the header calls current: the latest started on or before today and not ended. */
static void mark_current(cb_case_plans *list, const char *today)
{
	cb_case_plan *current = NULL;

	for (size_t i = 0; i < list->count; i++) {
		cb_case_plan *p = &list->rows[i];
		if (strcmp(p->started_on, today) <= 0 &&
		    (p->ended_on == NULL || strcmp(p->ended_on, today) > 0))
			current = p;
	}
	if (current)
		current->current = true;
}

enum cb_status cb_case_plans_load(cb_store *st, const char *case_id, const char *today,
				  cb_case_plans *out, cb_err *err)
{
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	rc = each_row(st, plans_sql, case_id, today, plan_row, out, err);
	if (rc)
		cb_case_plans_free(out);
	else
		mark_current(out, today);
	return rc;
}

void cb_case_plans_free(cb_case_plans *p)
{
	for (size_t i = 0; i < p->count; i++) {
		free(p->rows[i].id);
		free(p->rows[i].plan);
		free(p->rows[i].started_on);
		free(p->rows[i].ended_on);
	}
	free(p->rows);
	memset(p, 0, sizeof *p);
}

/* ---- referrals ---- */

static const char referrals_sql[] =
	"SELECT id, referred_on, source, outcome FROM referrals WHERE case_id = ?1"
	" ORDER BY referred_on, id";

static void referral_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_case_referrals *list = out;
	cb_case_referral *r;

	(void)today;
	list->rows = push(list->rows, list->count, sizeof *list->rows);
	r = &list->rows[list->count++];
	r->id = text_at(q, 0);
	r->referred_on = text_at(q, 1);
	r->source = text_at(q, 2);
	r->outcome = text_at(q, 3);
}

enum cb_status cb_case_referrals_load(cb_store *st, const char *case_id,
				      cb_case_referrals *out, cb_err *err)
{
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	rc = each_row(st, referrals_sql, case_id, NULL, referral_row, out, err);
	if (rc)
		cb_case_referrals_free(out);
	return rc;
}

void cb_case_referrals_free(cb_case_referrals *r)
{
	for (size_t i = 0; i < r->count; i++) {
		free(r->rows[i].id);
		free(r->rows[i].referred_on);
		free(r->rows[i].source);
		free(r->rows[i].outcome);
	}
	free(r->rows);
	memset(r, 0, sizeof *r);
}

/* ---- goals ---- */

static const char goals_sql[] =
	"SELECT g.id, g.category, g.owner, g.text, g.status, g.set_on, op.name,"
	" g.paired_goal_id, g.agreement, g.worker_thinks_match"
	" FROM goals g LEFT JOIN people op ON op.id = g.owner_person_id WHERE g.case_id = ?1"
	" ORDER BY CASE g.status WHEN 'active' THEN 0 WHEN 'achieved' THEN 1 ELSE 2 END,"
	"   g.set_on, g.id";

static const char reviews_sql[] =
	"SELECT r.goal_id, r.id, r.reviewed_on, r.progress, r.comment"
	" FROM goal_reviews r JOIN goals g ON g.id = r.goal_id WHERE g.case_id = ?1"
	" ORDER BY r.goal_id, r.reviewed_on, r.id";

static void goal_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_case_goals *list = out;
	cb_case_goal *g;

	(void)today;
	list->rows = push(list->rows, list->count, sizeof *list->rows);
	g = &list->rows[list->count++];
	g->id = text_at(q, 0);
	g->category = text_at(q, 1);
	g->owner = text_at(q, 2);
	g->text = text_at(q, 3);
	g->status = text_at(q, 4);
	g->set_on = text_at(q, 5);
	g->owner_name = text_at(q, 6);
	g->paired_goal_id = text_at(q, 7);
	g->agreement = text_at(q, 8);
	g->worker_thinks_match = sqlite3_column_type(q, 9) == SQLITE_NULL ? -1
					 : sqlite3_column_int(q, 9);
	g->latest_progress = -1;
}

static void review_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_case_goals *list = out;
	const char *goal_id = (const char *)sqlite3_column_text(q, 0);
	cb_goal_review *r;

	(void)today;
	for (size_t i = 0; i < list->count; i++) {
		cb_case_goal *g = &list->rows[i];
		if (strcmp(g->id, goal_id) != 0)
			continue;
		g->reviews = push(g->reviews, g->n_reviews, sizeof *g->reviews);
		r = &g->reviews[g->n_reviews++];
		r->id = text_at(q, 1);
		r->reviewed_on = text_at(q, 2);
		r->progress = sqlite3_column_int(q, 3);
		r->comment = text_at(q, 4);
		g->latest_progress = r->progress;
		g->trend = g->n_reviews > 1 ? cb_change_between(g->reviews[g->n_reviews - 2].progress,
								r->progress)
					    : CB_CHANGE_NONE;
		return;
	}
}

enum cb_status cb_case_goals_load(cb_store *st, const char *case_id, cb_case_goals *out,
				  cb_err *err)
{
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	rc = each_row(st, goals_sql, case_id, NULL, goal_row, out, err);
	if (rc == CB_OK)
		rc = each_row(st, reviews_sql, case_id, NULL, review_row, out, err);
	if (rc)
		cb_case_goals_free(out);
	return rc;
}

void cb_case_goals_free(cb_case_goals *list)
{
	for (size_t i = 0; i < list->count; i++) {
		cb_case_goal *g = &list->rows[i];
		for (size_t j = 0; j < g->n_reviews; j++) {
			free(g->reviews[j].id);
			free(g->reviews[j].reviewed_on);
			free(g->reviews[j].comment);
		}
		free(g->reviews);
		free(g->id);
		free(g->category);
		free(g->owner);
		free(g->text);
		free(g->status);
		free(g->set_on);
		free(g->owner_name);
		free(g->paired_goal_id);
		free(g->agreement);
	}
	free(list->rows);
	memset(list, 0, sizeof *list);
}

/* ---- notes and amendments ---- */

static const char notes_sql[] =
	"SELECT n.id, n.contact_type, n.occurred_at, coalesce(pr.name, n.created_by),"
	" n.duration_minutes, n.present, n.worries, n.working_well, n.needs_to_happen, n.body,"
	" n.child_seen, n.child_seen_alone, n.confidential"
	" FROM notes n LEFT JOIN practitioners pr ON pr.id = n.created_by WHERE n.case_id = ?1"
	" ORDER BY n.occurred_at, n.id";

static const char amendments_sql[] =
	"SELECT am.note_id, am.id, am.created_at, coalesce(pr.name, am.created_by), am.reason,"
	" am.worries, am.working_well, am.needs_to_happen, am.body"
	" FROM note_amendments am JOIN notes n ON n.id = am.note_id"
	" LEFT JOIN practitioners pr ON pr.id = am.created_by WHERE n.case_id = ?1"
	" ORDER BY am.note_id, am.created_at, am.id";

static void note_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_chronology *c = out;
	cb_case_note *n;

	(void)today;
	c->notes = push(c->notes, c->n_notes, sizeof *c->notes);
	n = &c->notes[c->n_notes++];
	n->id = text_at(q, 0);
	n->contact_type = text_at(q, 1);
	n->occurred_at = text_at(q, 2);
	n->author = text_at(q, 3);
	n->duration = sqlite3_column_type(q, 4) == SQLITE_NULL ? -1 : sqlite3_column_int(q, 4);
	n->present = text_at(q, 5);
	n->worries = text_at(q, 6);
	n->working_well = text_at(q, 7);
	n->needs_to_happen = text_at(q, 8);
	n->body = text_at(q, 9);
	if (n->body == NULL)
		n->body = xstrdup("");
	n->child_seen = sqlite3_column_int(q, 10) != 0;
	n->child_seen_alone = sqlite3_column_int(q, 11) != 0;
	n->confidential = sqlite3_column_int(q, 12) != 0;
}

static void amendment_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_chronology *c = out;
	const char *note_id = (const char *)sqlite3_column_text(q, 0);
	cb_note_amendment *a;

	(void)today;
	for (size_t i = 0; i < c->n_notes; i++) {
		cb_case_note *n = &c->notes[i];
		if (strcmp(n->id, note_id) != 0)
			continue;
		n->amendments = push(n->amendments, n->n_amendments, sizeof *n->amendments);
		a = &n->amendments[n->n_amendments++];
		a->id = text_at(q, 1);
		a->recorded_at = text_at(q, 2);
		a->author = text_at(q, 3);
		a->reason = text_at(q, 4);
		a->worries = text_at(q, 5);
		a->working_well = text_at(q, 6);
		a->needs_to_happen = text_at(q, 7);
		a->body = text_at(q, 8);
		return;
	}
}

static void free_note(cb_case_note *n)
{
	for (size_t j = 0; j < n->n_amendments; j++) {
		cb_note_amendment *a = &n->amendments[j];
		free(a->id);
		free(a->recorded_at);
		free(a->author);
		free(a->reason);
		free(a->worries);
		free(a->working_well);
		free(a->needs_to_happen);
		free(a->body);
	}
	free(n->amendments);
	free(n->id);
	free(n->contact_type);
	free(n->occurred_at);
	free(n->author);
	free(n->present);
	free(n->worries);
	free(n->working_well);
	free(n->needs_to_happen);
	free(n->body);
}

/* ---- assessments and their scores ---- */

static const char assessments_sql[] =
	"SELECT a.id, a.instrument, a.instrument_version, a.assessed_on, a.rater, " RATER_NAME ","
	" pr.name, a.comment FROM assessments a" RATER_JOINS " WHERE a.case_id = ?1"
	" ORDER BY a.assessed_on, a.id";

static const char scores_sql[] =
	"SELECT s.assessment_id, s.scale, s.score FROM assessment_scores s"
	" JOIN assessments a ON a.id = s.assessment_id WHERE a.case_id = ?1"
	" ORDER BY s.assessment_id, s.scale";

static void assessment_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_chronology *c = out;
	cb_case_assessment *a;

	(void)today;
	c->assessments = push(c->assessments, c->n_assessments, sizeof *c->assessments);
	a = &c->assessments[c->n_assessments++];
	a->id = text_at(q, 0);
	a->instrument = text_at(q, 1);
	a->version = sqlite3_column_int(q, 2);
	a->assessed_on = text_at(q, 3);
	a->rater = text_at(q, 4);
	a->rater_name = text_at(q, 5);
	a->assessor = text_at(q, 6);
	a->comment = text_at(q, 7);
}

static void score_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_chronology *c = out;
	const char *assessment_id = (const char *)sqlite3_column_text(q, 0);
	cb_scale_value *s;

	(void)today;
	for (size_t i = 0; i < c->n_assessments; i++) {
		cb_case_assessment *a = &c->assessments[i];
		if (strcmp(a->id, assessment_id) != 0)
			continue;
		a->scores = push(a->scores, a->n_scores, sizeof *a->scores);
		s = &a->scores[a->n_scores++];
		s->scale = text_at(q, 1);
		s->score = score_at(q, 2);
		return;
	}
}

static void free_assessment(cb_case_assessment *a)
{
	for (size_t j = 0; j < a->n_scores; j++)
		free(a->scores[j].scale);
	free(a->scores);
	free(a->id);
	free(a->instrument);
	free(a->assessed_on);
	free(a->rater);
	free(a->rater_name);
	free(a->assessor);
	free(a->comment);
}

/* ---- group case discussions ---- */

static const char discussions_sql[] =
	"SELECT s.id, s.held_on, t.name, sc.decision,"
	" (SELECT group_concat(name, ', ') FROM (SELECT pr.name FROM supervision_attendees sa"
	"   JOIN practitioners pr ON pr.id = sa.practitioner_id WHERE sa.supervision_id = s.id"
	"   ORDER BY pr.name, pr.id))"
	" FROM supervisions s LEFT JOIN teams t ON t.id = s.team_id"
	" LEFT JOIN supervision_cases sc ON sc.supervision_id = s.id AND sc.case_id = ?1"
	" WHERE sc.case_id IS NOT NULL OR EXISTS (SELECT 1 FROM supervision_actions a"
	"   WHERE a.supervision_id = s.id AND a.case_id = ?1)"
	" ORDER BY s.held_on, s.id";

static const char discussion_actions_sql[] =
	"SELECT a.supervision_id, a.id, a.action, pr.name, a.due_on, a.done_on"
	" FROM supervision_actions a LEFT JOIN practitioners pr ON pr.id = a.owner_id"
	" WHERE a.case_id = ?1 ORDER BY a.supervision_id, a.due_on IS NULL, a.due_on, a.id";

static void discussion_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_chronology *c = out;
	cb_case_discussion *d;

	(void)today;
	c->discussions = push(c->discussions, c->n_discussions, sizeof *c->discussions);
	d = &c->discussions[c->n_discussions++];
	d->supervision_id = text_at(q, 0);
	d->held_on = text_at(q, 1);
	d->team = text_at(q, 2);
	d->decision = text_at(q, 3);
	d->attendees = text_at(q, 4);
}

static void discussion_action_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_chronology *c = out;
	const char *supervision_id = (const char *)sqlite3_column_text(q, 0);
	cb_discussion_action *a;

	(void)today;
	for (size_t i = 0; i < c->n_discussions; i++) {
		cb_case_discussion *d = &c->discussions[i];
		if (strcmp(d->supervision_id, supervision_id) != 0)
			continue;
		d->actions = push(d->actions, d->n_actions, sizeof *d->actions);
		a = &d->actions[d->n_actions++];
		a->id = text_at(q, 1);
		a->action = text_at(q, 2);
		a->owner_name = text_at(q, 3);
		a->due_on = text_at(q, 4);
		a->done_on = text_at(q, 5);
		return;
	}
}

static void free_discussion(cb_case_discussion *d)
{
	for (size_t j = 0; j < d->n_actions; j++) {
		free(d->actions[j].id);
		free(d->actions[j].action);
		free(d->actions[j].owner_name);
		free(d->actions[j].due_on);
		free(d->actions[j].done_on);
	}
	free(d->actions);
	free(d->supervision_id);
	free(d->held_on);
	free(d->team);
	free(d->decision);
	free(d->attendees);
}

/* ---- chronology ---- */

static cb_chron_entry *add_entry(cb_chronology *c, enum cb_chron_kind kind, const char *when,
				 const char *id, size_t index)
{
	cb_chron_entry *e;

	c->entries = push(c->entries, c->count, sizeof *c->entries);
	e = &c->entries[c->count++];
	e->kind = kind;
	e->when = when;
	e->id = id;
	e->index = index;
	e->previous_plan = -1;
	return e;
}

/* True if plan b starts no later than the day after plan a ends (or a has not ended). */
static bool follows(const cb_case_plan *a, const cb_case_plan *b)
{
	return a->ended_on == NULL || days_between(a->ended_on, b->started_on) <= 1;
}

static void add_plan_entries(cb_chronology *c)
{
	const cb_case_plans *p = &c->plans;

	for (size_t i = 0; i < p->count; i++) {
		cb_chron_entry *e = add_entry(c, CB_CHRON_PLAN_START, p->rows[i].started_on,
					      p->rows[i].id, i);
		if (i > 0 && follows(&p->rows[i - 1], &p->rows[i]))
			e->previous_plan = (long)(i - 1);
		if (p->rows[i].ended_on && !(i + 1 < p->count && follows(&p->rows[i], &p->rows[i + 1])))
			add_entry(c, CB_CHRON_PLAN_END, p->rows[i].ended_on, p->rows[i].id, i);
	}
}

static void add_entries(cb_chronology *c)
{
	for (size_t i = 0; i < c->referrals.count; i++)
		add_entry(c, CB_CHRON_REFERRAL, c->referrals.rows[i].referred_on,
			  c->referrals.rows[i].id, i);
	add_plan_entries(c);
	for (size_t i = 0; i < c->n_assessments; i++)
		add_entry(c, CB_CHRON_ASSESSMENT, c->assessments[i].assessed_on,
			  c->assessments[i].id, i);
	for (size_t i = 0; i < c->goals.count; i++) {
		const cb_case_goal *g = &c->goals.rows[i];
		add_entry(c, CB_CHRON_GOAL_SET, g->set_on, g->id, i);
		for (size_t j = 0; j < g->n_reviews; j++)
			add_entry(c, CB_CHRON_GOAL_REVIEW, g->reviews[j].reviewed_on,
				  g->reviews[j].id, i)->review = j;
	}
	for (size_t i = 0; i < c->n_notes; i++)
		add_entry(c, CB_CHRON_NOTE, c->notes[i].occurred_at, c->notes[i].id, i);
	for (size_t i = 0; i < c->n_discussions; i++)
		add_entry(c, CB_CHRON_DISCUSSION, c->discussions[i].held_on,
			  c->discussions[i].supervision_id, i);
}

/* Newest first: day, then kind (discussions, then notes first), then time, then id (each descending). */
static int newest_first(const void *pa, const void *pb)
{
	const cb_chron_entry *a = pa, *b = pb;
	int d = strncmp(b->when, a->when, 10);

	if (d)
		return d;
	if (a->kind != b->kind)
		return (int)b->kind - (int)a->kind;
	d = strcmp(b->when, a->when);
	return d ? d : strcmp(b->id, a->id);
}

static enum cb_status load_records(cb_store *st, const char *case_id, const char *today,
				   cb_chronology *c, cb_err *err)
{
	enum cb_status rc;

	if ((rc = each_row(st, notes_sql, case_id, NULL, note_row, c, err)) ||
	    (rc = each_row(st, amendments_sql, case_id, NULL, amendment_row, c, err)) ||
	    (rc = each_row(st, assessments_sql, case_id, NULL, assessment_row, c, err)) ||
	    (rc = each_row(st, scores_sql, case_id, NULL, score_row, c, err)) ||
	    (rc = cb_case_plans_load(st, case_id, today, &c->plans, err)) ||
	    (rc = cb_case_goals_load(st, case_id, &c->goals, err)) ||
	    (rc = each_row(st, discussions_sql, case_id, NULL, discussion_row, c, err)) ||
	    (rc = each_row(st, discussion_actions_sql, case_id, NULL, discussion_action_row, c,
			   err)))
		return rc;
	return cb_case_referrals_load(st, case_id, &c->referrals, err);
}

enum cb_status cb_chronology_load(cb_store *st, const char *case_id, const char *today,
				  cb_chronology *out, cb_err *err)
{
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	rc = load_records(st, case_id, today, out, err);
	if (rc) {
		cb_chronology_free(out);
		return rc;
	}
	add_entries(out);
	if (out->count > 1)
		qsort(out->entries, out->count, sizeof *out->entries, newest_first);
	return CB_OK;
}

void cb_chronology_free(cb_chronology *c)
{
	for (size_t i = 0; i < c->n_notes; i++)
		free_note(&c->notes[i]);
	for (size_t i = 0; i < c->n_assessments; i++)
		free_assessment(&c->assessments[i]);
	for (size_t i = 0; i < c->n_discussions; i++)
		free_discussion(&c->discussions[i]);
	free(c->notes);
	free(c->assessments);
	free(c->discussions);
	free(c->entries);
	cb_case_plans_free(&c->plans);
	cb_case_goals_free(&c->goals);
	cb_case_referrals_free(&c->referrals);
	memset(c, 0, sizeof *c);
}

/* ---- assessment series ---- */

static const char series_sql[] =
	"SELECT a.instrument, s.scale, a.id, a.assessed_on, a.rater, " RATER_NAME ", s.score"
	" FROM assessments a JOIN assessment_scores s ON s.assessment_id = a.id" RATER_JOINS
	" WHERE a.case_id = ?1 AND s.score IS NOT NULL"
	" ORDER BY a.instrument, s.scale, a.assessed_on, a.id";

static void series_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_case_series *list = out;
	const char *instrument = (const char *)sqlite3_column_text(q, 0);
	const char *scale = (const char *)sqlite3_column_text(q, 1);
	cb_series *s = list->count ? &list->rows[list->count - 1] : NULL;
	cb_series_point *p;

	(void)today;
	if (s == NULL || strcmp(s->instrument, instrument) != 0 || strcmp(s->scale, scale) != 0) {
		list->rows = push(list->rows, list->count, sizeof *list->rows);
		s = &list->rows[list->count++];
		s->instrument = xstrdup(instrument);
		s->scale = xstrdup(scale);
	}
	s->points = push(s->points, s->count, sizeof *s->points);
	p = &s->points[s->count++];
	p->assessment_id = text_at(q, 2);
	p->on = text_at(q, 3);
	p->rater = text_at(q, 4);
	p->rater_name = text_at(q, 5);
	p->value = sqlite3_column_double(q, 6);
}

enum cb_status cb_case_series_load(cb_store *st, const char *case_id, cb_case_series *out,
				   cb_err *err)
{
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	rc = each_row(st, series_sql, case_id, NULL, series_row, out, err);
	if (rc)
		cb_case_series_free(out);
	return rc;
}

void cb_case_series_free(cb_case_series *list)
{
	for (size_t i = 0; i < list->count; i++) {
		cb_series *s = &list->rows[i];
		for (size_t j = 0; j < s->count; j++) {
			free(s->points[j].assessment_id);
			free(s->points[j].on);
			free(s->points[j].rater);
			free(s->points[j].rater_name);
		}
		free(s->points);
		free(s->instrument);
		free(s->scale);
	}
	free(list->rows);
	memset(list, 0, sizeof *list);
}

const cb_series *cb_series_find(const cb_case_series *s, const char *instrument,
				const char *scale)
{
	for (size_t i = 0; i < s->count; i++)
		if (strcmp(s->rows[i].instrument, instrument) == 0 &&
		    strcmp(s->rows[i].scale, scale) == 0)
			return &s->rows[i];
	return NULL;
}

/* ---- working alliance ---- */

static const char alliance_sql[] =
	"SELECT a.id, a.instrument, a.assessed_on, a.rater, " RATER_NAME ","
	" (SELECT score FROM assessment_scores WHERE assessment_id = a.id AND scale = 'goal'),"
	" (SELECT score FROM assessment_scores WHERE assessment_id = a.id AND scale = 'task'),"
	" (SELECT score FROM assessment_scores WHERE assessment_id = a.id AND scale = 'bond'),"
	" (SELECT score FROM assessment_scores WHERE assessment_id = a.id AND scale = 'alliance')"
	" FROM assessments a" RATER_JOINS " WHERE a.case_id = ?1 AND EXISTS (SELECT 1"
	"   FROM assessment_scores s WHERE s.assessment_id = a.id AND s.scale = 'alliance')"
	" ORDER BY a.assessed_on, a.rater = 'worker', a.id";

static void alliance_row(sqlite3_stmt *q, void *out, const char *today)
{
	cb_alliance *list = out;
	cb_alliance_point *p;

	(void)today;
	list->rows = push(list->rows, list->count, sizeof *list->rows);
	p = &list->rows[list->count++];
	p->assessment_id = text_at(q, 0);
	p->instrument = text_at(q, 1);
	p->on = text_at(q, 2);
	p->rater = text_at(q, 3);
	p->rater_name = text_at(q, 4);
	p->goal = score_at(q, 5);
	p->task = score_at(q, 6);
	p->bond = score_at(q, 7);
	p->alliance = score_at(q, 8);
}

enum cb_status cb_alliance_load(cb_store *st, const char *case_id, cb_alliance *out,
				cb_err *err)
{
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	rc = each_row(st, alliance_sql, case_id, NULL, alliance_row, out, err);
	if (rc)
		cb_alliance_free(out);
	return rc;
}

void cb_alliance_free(cb_alliance *a)
{
	for (size_t i = 0; i < a->count; i++) {
		free(a->rows[i].assessment_id);
		free(a->rows[i].instrument);
		free(a->rows[i].on);
		free(a->rows[i].rater);
		free(a->rows[i].rater_name);
	}
	free(a->rows);
	memset(a, 0, sizeof *a);
}
