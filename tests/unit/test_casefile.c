/* test_casefile.c: the case screen's queries over a hand-built case, values and order exact. */
#include "testutil.h"

#include <string.h>

#include "store/casefile.h"

#define M3 "'2026-01-01T00:00:00.000Z', 'p1', 'dev'"
#define TODAY "2026-07-01"

static const char seed_people[] =
	"INSERT INTO teams VALUES ('t1', 'North', " M3 ", 'h');"
	"INSERT INTO practitioners VALUES ('p1', 'Ann', 'practitioner', 't1', 1, " M3 ", 'h');"
	"INSERT INTO practitioners VALUES ('p2', 'Bo', 'practitioner', 't1', 1, " M3 ", 'h');"
	"INSERT INTO families VALUES ('f1', 'FAM-1', 'Ní Bhriain', '1 Elm Road', " M3 ", 'h');"
	"INSERT INTO families VALUES ('f2', 'FAM-2', 'Okafor', NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('c1', 'Zoë', '2012-05-01', NULL, NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('m1', 'Siobhán', '1985-03-02', NULL, NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('s1', 'Ben', '2019-01-01', NULL, NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('o1', 'Ray', NULL, NULL, NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('x1', 'Tobi', '2018-01-01', NULL, NULL, " M3 ", 'h');"
	"INSERT INTO family_members VALUES ('f1', 'c1', 'child', " M3 ", 'h');"
	"INSERT INTO family_members VALUES ('f1', 'm1', 'main_caregiver', " M3 ", 'h');"
	"INSERT INTO family_members VALUES ('f1', 's1', 'sibling', " M3 ", 'h');"
	"INSERT INTO family_members VALUES ('f1', 'o1', 'other_adult', " M3 ", 'h');"
	"INSERT INTO family_members VALUES ('f2', 'x1', 'child', " M3 ", 'h');"
	"INSERT INTO cases VALUES ('k1', 'f1', 'c1', '2026-01-02', 'school', 'N1', 'p1', 't1',"
	" NULL, NULL, " M3 ", 'h');"
	"INSERT INTO cases VALUES ('k2', 'f2', 'x1', '2026-02-01', 'health', 'N4', NULL, NULL,"
	" '2026-06-01', 'stepped down', " M3 ", 'h');";

static const char seed_plans[] =
	"INSERT INTO referrals VALUES ('r1', 'k1', '2025-03-01', 'school', 'nfa', " M3 ", 'h');"
	"INSERT INTO referrals VALUES ('r2', 'k1', '2026-01-02', 'school', 'accepted', " M3 ", 'h');"
	"INSERT INTO referrals VALUES ('r9', 'k2', '2026-02-01', 'health', 'accepted', " M3 ", 'h');"
	"INSERT INTO plan_episodes VALUES ('pe0', 'k1', 'early_help', '2025-03-05', '2025-06-01',"
	" " M3 ", 'h');"
	"INSERT INTO plan_episodes VALUES ('pe1', 'k1', 'cp', '2026-01-10', '2026-04-01', " M3 ", 'h');"
	"INSERT INTO plan_episodes VALUES ('pe2', 'k1', 'cin', '2026-04-01', NULL, " M3 ", 'h');"
	"INSERT INTO plan_episodes VALUES ('pe9', 'k2', 'cin', '2026-02-01', '2026-06-01', " M3 ", 'h');";

#define NOTE_COLS "(id, case_id, contact_type, occurred_at, duration_minutes, present," \
	" child_seen, child_seen_alone, worries, body, confidential, created_at, created_by, device_id)"

static const char seed_notes[] =
	"INSERT INTO notes" NOTE_COLS " VALUES ('n1', 'k1', 'home_visit', '2026-01-12T10:00', 60,"
	" 'Zoë, Siobhán', 1, 1, 'Rent arrears', 'First visit.', 0, " M3 ");"
	"INSERT INTO notes" NOTE_COLS " VALUES ('n2', 'k1', 'phone', '2026-04-01T09:30', NULL,"
	" NULL, 0, 0, NULL, 'Zoë told me about her scrapbook.', 1, '2026-04-01T09:00:00.000Z',"
	" 'p2', 'dev');"
	"INSERT INTO notes" NOTE_COLS " VALUES ('n3', 'k1', 'office_visit', '2026-06-20T14:00', 30,"
	" NULL, 1, 0, NULL, 'Review meeting.', 0, " M3 ");"
	"INSERT INTO notes" NOTE_COLS " VALUES ('n9', 'k2', 'phone', '2026-03-01T10:00', NULL,"
	" NULL, 0, 0, NULL, 'Other family.', 0, " M3 ");"
	"INSERT INTO note_amendments VALUES ('am2', 'n1', 'Spelling', NULL, NULL, NULL,"
	" 'First visit, at home.', '2026-01-14T08:00:00.000Z', 'p1', 'dev');"
	"INSERT INTO note_amendments VALUES ('am1', 'n1', 'Wrong worry recorded', 'Rent arrears"
	" and damp', NULL, NULL, NULL, '2026-01-13T08:00:00.000Z', 'someone', 'dev');";

static const char seed_assessments[] =
	"INSERT INTO assessments VALUES ('a1', 'k1', 'risk-framework', 1, 'h1', '2026-01-15', 'p1',"
	" 'worker', NULL, 'first', " M3 ");"
	"INSERT INTO assessments VALUES ('a2', 'k1', 'risk-framework', 1, 'h1', '2026-04-15', 'p1',"
	" 'worker', NULL, NULL, " M3 ");"
	"INSERT INTO assessments VALUES ('a3', 'k1', 'working-alliance', 1, 'h2', '2026-03-01', 'p1',"
	" 'family_member', 'm1', NULL, " M3 ");"
	"INSERT INTO assessments VALUES ('a4', 'k1', 'working-alliance', 1, 'h2', '2026-03-01', 'p2',"
	" 'worker', NULL, NULL, " M3 ");"
	"INSERT INTO assessments VALUES ('a5', 'k1', 'working-alliance', 1, 'h2', '2026-06-10', 'p1',"
	" 'child', NULL, NULL, " M3 ");"
	"INSERT INTO assessments VALUES ('a9', 'k2', 'risk-framework', 1, 'h1', '2026-02-10', NULL,"
	" 'worker', NULL, NULL, " M3 ");"
	"INSERT INTO assessment_scores VALUES ('a1', 'risk', -7, 20, 20), ('a1', 'protective', 2, 20,"
	" 20), ('a1', 'engagement', -1, 1, 1), ('a1', 'total', -6, 20, 20);"
	"INSERT INTO assessment_scores VALUES ('a2', 'risk', -4, 20, 20), ('a2', 'protective', NULL,"
	" 0, 20), ('a2', 'engagement', 2, 1, 1), ('a2', 'total', -2, 20, 20);"
	"INSERT INTO assessment_scores VALUES ('a3', 'goal', 5.75, 4, 4), ('a3', 'task', 5.5, 4, 4),"
	" ('a3', 'bond', 6, 4, 4), ('a3', 'alliance', 17.25, 12, 12);"
	"INSERT INTO assessment_scores VALUES ('a4', 'goal', 5, 4, 4), ('a4', 'task', 5, 4, 4),"
	" ('a4', 'bond', 6, 4, 4), ('a4', 'alliance', 16, 12, 12);"
	"INSERT INTO assessment_scores VALUES ('a5', 'goal', 6, 4, 4), ('a5', 'task', 6, 4, 4),"
	" ('a5', 'bond', NULL, 0, 4), ('a5', 'alliance', NULL, 8, 12);"
	"INSERT INTO assessment_scores VALUES ('a9', 'total', 3, 20, 20);";

static const char seed_goals[] =
	"INSERT INTO goals VALUES ('g2', 'k1', 'family_relationships', 'worker', NULL, 'Talk',"
	" 'active', '2026-02-01', NULL, NULL, NULL, " M3 ", 'h');"
	"INSERT INTO goals VALUES ('g1', 'k1', 'education_employment', 'family', 'c1', 'School',"
	" 'active', '2026-02-01', 'g2', 'identical', 1, " M3 ", 'h');"
	"INSERT INTO goals VALUES ('g3', 'k1', 'other', 'family', NULL, 'Ready', 'achieved',"
	" '2026-01-20', NULL, NULL, 0, " M3 ", 'h');"
	"INSERT INTO goals VALUES ('g9', 'k2', 'other', 'family', NULL, 'Else', 'active',"
	" '2026-02-01', NULL, NULL, NULL, " M3 ", 'h');"
	"INSERT INTO goal_reviews VALUES ('rv2', 'g1', '2026-05-01', 5, 'Better', " M3 ");"
	"INSERT INTO goal_reviews VALUES ('rv1', 'g1', '2026-03-01', 3, NULL, " M3 ");"
	"INSERT INTO goal_reviews VALUES ('rv3', 'g2', '2026-03-01', 4, NULL, " M3 ");"
	"INSERT INTO goal_reviews VALUES ('rv4', 'g2', '2026-06-01', 2, NULL, " M3 ");"
	"INSERT INTO goal_reviews VALUES ('rv9', 'g9', '2026-06-01', 2, NULL, " M3 ");";

static int setup(void **state)
{
	cb_store *st = tu_new_store();

	assert_int_equal(tu_exec(st, seed_people), SQLITE_OK);
	assert_int_equal(tu_exec(st, seed_plans), SQLITE_OK);
	assert_int_equal(tu_exec(st, seed_notes), SQLITE_OK);
	assert_int_equal(tu_exec(st, seed_assessments), SQLITE_OK);
	assert_int_equal(tu_exec(st, seed_goals), SQLITE_OK);
	*state = st;
	return 0;
}

static int teardown(void **state)
{
	cb_store_close(*state);
	return 0;
}

static void test_header(void **state)
{
	cb_case_header h;
	cb_err err = {0};

	assert_int_equal(cb_case_header_load(*state, "k1", TODAY, &h, &err), CB_OK);
	assert_string_equal(h.case_id, "k1");
	assert_string_equal(h.family_id, "f1");
	assert_string_equal(h.family_name, "Ní Bhriain");
	assert_string_equal(h.family_ref, "FAM-1");
	assert_string_equal(h.family_address, "1 Elm Road");
	assert_string_equal(h.child_id, "c1");
	assert_string_equal(h.child_name, "Zoë");
	assert_string_equal(h.child_born, "2012-05-01");
	assert_int_equal(h.child_age, 14);
	assert_string_equal(h.referred_on, "2026-01-02");
	assert_string_equal(h.referral_source, "school");
	assert_string_equal(h.need, "N1");
	assert_string_equal(h.practitioner, "Ann");
	assert_string_equal(h.team, "North");
	assert_string_equal(h.plan, "cin");
	assert_string_equal(h.plan_since, "2026-04-01");
	assert_string_equal(h.last_contact, "2026-06-20T14:00");
	assert_null(h.closed_on);
	assert_null(h.closure_reason);
	cb_case_header_free(&h);

	/* Before the CIN plan began, the CP plan was current; before any note, no contact. */
	assert_int_equal(cb_case_header_load(*state, "k1", "2026-01-11", &h, &err), CB_OK);
	assert_string_equal(h.plan, "cp");
	assert_null(h.last_contact);
	assert_int_equal(h.child_age, 13);
	cb_case_header_free(&h);
}

static void test_header_closed_and_missing(void **state)
{
	cb_case_header h;
	cb_err err = {0};

	assert_int_equal(cb_case_header_load(*state, "k2", TODAY, &h, &err), CB_OK);
	assert_string_equal(h.closed_on, "2026-06-01");
	assert_string_equal(h.closure_reason, "stepped down");
	assert_null(h.practitioner);
	assert_null(h.team);
	assert_null(h.family_address);
	assert_null(h.plan); /* its plan ended on 2026-06-01 */
	cb_case_header_free(&h);

	assert_int_equal(cb_case_header_load(*state, "nope", TODAY, &h, &err), CB_NOT_FOUND);
	assert_int_equal(err.code, CB_NOT_FOUND);
	assert_non_null(strstr(err.msg, "no case with id \"nope\""));
	assert_non_null(strstr(err.msg, "casebook caseload"));
	assert_null(h.case_id);
	cb_case_header_free(&h);
}

static void test_people(void **state)
{
	cb_case_people p;
	cb_err err = {0};
	static const char *const names[] = {"Siobhán", "Ray", "Zoë", "Ben"};
	static const char *const rel[] = {"main_caregiver", "other_adult", "child", "sibling"};
	static const int ages[] = {41, -1, 14, 7};

	assert_int_equal(cb_case_people_load(*state, "k1", TODAY, &p, &err), CB_OK);
	assert_int_equal(p.count, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(p.rows[i].name, names[i]);
		assert_string_equal(p.rows[i].relationship, rel[i]);
		assert_int_equal(p.rows[i].age, ages[i]);
		assert_int_equal(p.rows[i].is_case_child, i == 2);
	}
	assert_null(p.rows[1].born);
	assert_string_equal(p.rows[0].born, "1985-03-02");
	cb_case_people_free(&p);
	assert_int_equal(p.count, 0);
}

static void test_plans_and_referrals(void **state)
{
	cb_case_plans p;
	cb_case_referrals r;
	cb_err err = {0};

	assert_int_equal(cb_case_plans_load(*state, "k1", TODAY, &p, &err), CB_OK);
	assert_int_equal(p.count, 3);
	assert_string_equal(p.rows[0].plan, "early_help");
	assert_int_equal(p.rows[0].weeks, 12); /* 88 days */
	assert_false(p.rows[0].current);
	assert_string_equal(p.rows[1].plan, "cp");
	assert_string_equal(p.rows[1].ended_on, "2026-04-01");
	assert_int_equal(p.rows[1].weeks, 11); /* 81 days */
	assert_false(p.rows[1].current);
	assert_string_equal(p.rows[2].plan, "cin");
	assert_null(p.rows[2].ended_on);
	assert_int_equal(p.rows[2].weeks, 13); /* 91 days to today */
	assert_true(p.rows[2].current);
	cb_case_plans_free(&p);

	assert_int_equal(cb_case_referrals_load(*state, "k1", &r, &err), CB_OK);
	assert_int_equal(r.count, 2);
	assert_string_equal(r.rows[0].id, "r1");
	assert_string_equal(r.rows[0].outcome, "nfa");
	assert_string_equal(r.rows[1].referred_on, "2026-01-02");
	assert_string_equal(r.rows[1].source, "school");
	assert_string_equal(r.rows[1].outcome, "accepted");
	cb_case_referrals_free(&r);
}

static void test_goals(void **state)
{
	cb_case_goals g;
	cb_err err = {0};

	assert_int_equal(cb_case_goals_load(*state, "k1", &g, &err), CB_OK);
	assert_int_equal(g.count, 3);
	assert_string_equal(g.rows[0].id, "g1");
	assert_string_equal(g.rows[0].category, "education_employment");
	assert_string_equal(g.rows[0].owner, "family");
	assert_string_equal(g.rows[0].owner_name, "Zoë");
	assert_string_equal(g.rows[0].paired_goal_id, "g2");
	assert_string_equal(g.rows[0].agreement, "identical");
	assert_int_equal(g.rows[0].worker_thinks_match, 1);
	assert_int_equal(g.rows[0].n_reviews, 2);
	assert_string_equal(g.rows[0].reviews[0].id, "rv1");
	assert_null(g.rows[0].reviews[0].comment);
	assert_string_equal(g.rows[0].reviews[1].comment, "Better");
	assert_int_equal(g.rows[0].latest_progress, 5);
	assert_int_equal(g.rows[0].trend, CB_CHANGE_UP);

	assert_string_equal(g.rows[1].id, "g2");
	assert_null(g.rows[1].owner_name);
	assert_int_equal(g.rows[1].worker_thinks_match, -1);
	assert_int_equal(g.rows[1].latest_progress, 2);
	assert_int_equal(g.rows[1].trend, CB_CHANGE_DOWN);

	assert_string_equal(g.rows[2].id, "g3"); /* achieved goals after the active ones */
	assert_string_equal(g.rows[2].status, "achieved");
	assert_int_equal(g.rows[2].worker_thinks_match, 0);
	assert_int_equal(g.rows[2].n_reviews, 0);
	assert_int_equal(g.rows[2].latest_progress, -1);
	assert_int_equal(g.rows[2].trend, CB_CHANGE_NONE);
	cb_case_goals_free(&g);
}

static void test_chronology_order(void **state)
{
	static const struct {
		enum cb_chron_kind kind;
		const char *id, *when;
	} want[] = {
		{CB_CHRON_NOTE, "n3", "2026-06-20T14:00"},
		{CB_CHRON_ASSESSMENT, "a5", "2026-06-10"},
		{CB_CHRON_GOAL_REVIEW, "rv4", "2026-06-01"},
		{CB_CHRON_GOAL_REVIEW, "rv2", "2026-05-01"},
		{CB_CHRON_ASSESSMENT, "a2", "2026-04-15"},
		{CB_CHRON_NOTE, "n2", "2026-04-01T09:30"},
		{CB_CHRON_PLAN_START, "pe2", "2026-04-01"},
		{CB_CHRON_GOAL_REVIEW, "rv3", "2026-03-01"},
		{CB_CHRON_GOAL_REVIEW, "rv1", "2026-03-01"},
		{CB_CHRON_ASSESSMENT, "a4", "2026-03-01"},
		{CB_CHRON_ASSESSMENT, "a3", "2026-03-01"},
		{CB_CHRON_GOAL_SET, "g2", "2026-02-01"},
		{CB_CHRON_GOAL_SET, "g1", "2026-02-01"},
		{CB_CHRON_GOAL_SET, "g3", "2026-01-20"},
		{CB_CHRON_ASSESSMENT, "a1", "2026-01-15"},
		{CB_CHRON_NOTE, "n1", "2026-01-12T10:00"},
		{CB_CHRON_PLAN_START, "pe1", "2026-01-10"},
		{CB_CHRON_REFERRAL, "r2", "2026-01-02"},
		{CB_CHRON_PLAN_END, "pe0", "2025-06-01"},
		{CB_CHRON_PLAN_START, "pe0", "2025-03-05"},
		{CB_CHRON_REFERRAL, "r1", "2025-03-01"},
	};
	cb_chronology c;
	cb_err err = {0};

	assert_int_equal(cb_chronology_load(*state, "k1", TODAY, &c, &err), CB_OK);
	assert_int_equal(c.count, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < c.count; i++) {
		assert_int_equal(c.entries[i].kind, want[i].kind);
		assert_string_equal(c.entries[i].id, want[i].id);
		assert_string_equal(c.entries[i].when, want[i].when);
	}
	/* pe2 follows straight on from pe1 (CP -> CIN); pe1 came after a gap. */
	assert_int_equal(c.entries[6].previous_plan, 1);
	assert_string_equal(c.plans.rows[c.entries[6].index].plan, "cin");
	assert_int_equal(c.entries[16].previous_plan, -1);
	/* Entries point at their records. */
	assert_string_equal(c.goals.rows[c.entries[2].index].id, "g2");
	assert_int_equal(c.entries[2].review, 1);
	assert_string_equal(c.notes[c.entries[0].index].id, "n3");
	assert_string_equal(c.assessments[c.entries[4].index].id, "a2");
	assert_string_equal(c.referrals.rows[c.entries[17].index].id, "r2");
	cb_chronology_free(&c);
	assert_int_equal(c.count, 0);
}

static void test_chronology_notes(void **state)
{
	cb_chronology c;
	cb_err err = {0};

	assert_int_equal(cb_chronology_load(*state, "k1", TODAY, &c, &err), CB_OK);
	assert_int_equal(c.n_notes, 3);
	const cb_case_note *n1 = &c.notes[0], *n2 = &c.notes[1];
	assert_string_equal(n1->id, "n1");
	assert_string_equal(n1->contact_type, "home_visit");
	assert_int_equal(n1->duration, 60);
	assert_string_equal(n1->present, "Zoë, Siobhán");
	assert_true(n1->child_seen);
	assert_true(n1->child_seen_alone);
	assert_false(n1->confidential);
	assert_string_equal(n1->author, "Ann");
	assert_string_equal(n1->worries, "Rent arrears"); /* the original is kept */
	assert_string_equal(n1->body, "First visit.");
	assert_null(n1->working_well);
	/* Amendments after their note, oldest first, with reasons. */
	assert_int_equal(n1->n_amendments, 2);
	assert_string_equal(n1->amendments[0].id, "am1");
	assert_string_equal(n1->amendments[0].reason, "Wrong worry recorded");
	assert_string_equal(n1->amendments[0].worries, "Rent arrears and damp");
	assert_null(n1->amendments[0].body);
	assert_string_equal(n1->amendments[0].author, "someone"); /* not a practitioner id */
	assert_string_equal(n1->amendments[0].recorded_at, "2026-01-13T08:00:00.000Z");
	assert_string_equal(n1->amendments[1].id, "am2");
	assert_string_equal(n1->amendments[1].body, "First visit, at home.");
	assert_string_equal(n1->amendments[1].author, "Ann");

	assert_true(n2->confidential);
	assert_int_equal(n2->duration, -1);
	assert_string_equal(n2->author, "Bo");
	assert_int_equal(n2->n_amendments, 0);
	cb_chronology_free(&c);
}

static void test_chronology_assessments(void **state)
{
	cb_chronology c;
	cb_err err = {0};

	assert_int_equal(cb_chronology_load(*state, "k1", TODAY, &c, &err), CB_OK);
	assert_int_equal(c.n_assessments, 5);
	const cb_case_assessment *a1 = &c.assessments[0], *a2 = &c.assessments[3];
	assert_string_equal(a1->id, "a1");
	assert_string_equal(a1->instrument, "risk-framework");
	assert_int_equal(a1->version, 1);
	assert_string_equal(a1->rater, "worker");
	assert_string_equal(a1->rater_name, "Ann");
	assert_string_equal(a1->assessor, "Ann");
	assert_string_equal(a1->comment, "first");
	assert_int_equal(a1->n_scores, 4);
	static const char *const scales[] = {"engagement", "protective", "risk", "total"};
	static const double values[] = {-1, 2, -7, -6};
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(a1->scores[i].scale, scales[i]);
		assert_true(a1->scores[i].score.has);
		assert_true(a1->scores[i].score.value == values[i]);
	}
	assert_string_equal(a2->id, "a2");
	assert_false(a2->scores[1].score.has); /* protective had nothing answered */
	/* a3 was rated by the mother (family_member), a5 by a child nobody named. */
	assert_string_equal(c.assessments[1].id, "a3");
	assert_string_equal(c.assessments[1].rater_name, "Siobhán");
	assert_string_equal(c.assessments[1].assessor, "Ann");
	assert_string_equal(c.assessments[2].rater_name, "Bo");
	assert_null(c.assessments[4].rater_name);
	cb_chronology_free(&c);
}

static void test_series(void **state)
{
	cb_case_series s;
	cb_err err = {0};
	static const char *const want[][2] = {
		{"risk-framework", "engagement"}, {"risk-framework", "protective"},
		{"risk-framework", "risk"},       {"risk-framework", "total"},
		{"working-alliance", "alliance"}, {"working-alliance", "bond"},
		{"working-alliance", "goal"},     {"working-alliance", "task"},
	};

	assert_int_equal(cb_case_series_load(*state, "k1", &s, &err), CB_OK);
	assert_int_equal(s.count, 8);
	for (size_t i = 0; i < s.count; i++) {
		assert_string_equal(s.rows[i].instrument, want[i][0]);
		assert_string_equal(s.rows[i].scale, want[i][1]);
	}
	const cb_series *total = cb_series_find(&s, "risk-framework", "total");
	assert_ptr_equal(total, &s.rows[3]);
	assert_int_equal(total->count, 2);
	assert_string_equal(total->points[0].on, "2026-01-15");
	assert_true(total->points[0].value == -6);
	assert_string_equal(total->points[1].on, "2026-04-15");
	assert_true(total->points[1].value == -2);
	assert_string_equal(total->points[1].rater, "worker");
	assert_string_equal(total->points[1].rater_name, "Ann");
	/* Scales without a value are left out: a2's protective, a5's bond and alliance. */
	assert_int_equal(cb_series_find(&s, "risk-framework", "protective")->count, 1);
	const cb_series *goal = cb_series_find(&s, "working-alliance", "goal");
	assert_int_equal(goal->count, 3);
	assert_string_equal(goal->points[0].assessment_id, "a3");
	assert_string_equal(goal->points[0].rater, "family_member");
	assert_string_equal(goal->points[1].assessment_id, "a4");
	assert_string_equal(goal->points[2].rater, "child");
	assert_true(goal->points[2].value == 6);
	assert_int_equal(cb_series_find(&s, "working-alliance", "bond")->count, 2);
	assert_null(cb_series_find(&s, "working-alliance", "nothing"));
	cb_case_series_free(&s);
}

static void test_alliance(void **state)
{
	cb_alliance a;
	cb_err err = {0};

	assert_int_equal(cb_alliance_load(*state, "k1", &a, &err), CB_OK);
	assert_int_equal(a.count, 3);
	/* Same day: the family's rating before the worker's. */
	assert_string_equal(a.rows[0].assessment_id, "a3");
	assert_string_equal(a.rows[0].rater, "family_member");
	assert_string_equal(a.rows[0].rater_name, "Siobhán");
	assert_string_equal(a.rows[0].on, "2026-03-01");
	assert_true(a.rows[0].goal.has && a.rows[0].goal.value == 5.75);
	assert_true(a.rows[0].task.value == 5.5);
	assert_true(a.rows[0].bond.value == 6);
	assert_true(a.rows[0].alliance.value == 17.25);
	assert_string_equal(a.rows[1].assessment_id, "a4");
	assert_string_equal(a.rows[1].rater, "worker");
	assert_string_equal(a.rows[1].rater_name, "Bo");
	assert_true(a.rows[1].alliance.value == 16);
	assert_string_equal(a.rows[2].assessment_id, "a5");
	assert_string_equal(a.rows[2].instrument, "working-alliance");
	assert_true(a.rows[2].goal.has);
	assert_false(a.rows[2].bond.has);
	assert_false(a.rows[2].alliance.has);
	cb_alliance_free(&a);
}

/* Discussions of the case, or that set it an action, with its decision and only its actions. */
static void test_chronology_discussions(void **state)
{
	cb_chronology c;
	cb_err err = {0};

	assert_int_equal(tu_exec(*state,
		"INSERT INTO supervisions VALUES ('s1', 't1', '2026-06-20', NULL, " M3 ", 'h');"
		"INSERT INTO supervisions VALUES ('s2', NULL, '2026-05-01', NULL, " M3 ", 'h');"
		"INSERT INTO supervisions VALUES ('s3', 't1', '2026-04-01', NULL, " M3 ", 'h');"
		"INSERT INTO supervision_attendees VALUES ('s1', 'p2'), ('s1', 'p1'), ('s3', 'p1');"
		"INSERT INTO supervision_cases VALUES ('s1', 'k1', 'Keep the CIN plan'),"
		" ('s1', 'k2', 'Close'), ('s3', 'k2', 'Step down');"
		"INSERT INTO supervision_actions VALUES ('x2', 's1', 'k1', NULL, 'Ask school', NULL,"
		" '2026-06-25', " M3 ", 'h');"
		"INSERT INTO supervision_actions VALUES ('x1', 's1', 'k1', 'p1', 'Network meeting',"
		" '2026-07-05', NULL, " M3 ", 'h');"
		"INSERT INTO supervision_actions VALUES ('x3', 's1', 'k2', 'p2', 'Closing letter',"
		" '2026-07-05', NULL, " M3 ", 'h');"
		"INSERT INTO supervision_actions VALUES ('x4', 's2', 'k1', 'p2', 'Call the GP',"
		" '2026-05-10', '2026-05-09', " M3 ", 'h');"),
		SQLITE_OK);
	assert_int_equal(cb_chronology_load(*state, "k1", TODAY, &c, &err), CB_OK);
	assert_int_equal(c.n_discussions, 2); /* not s3, which only discussed k2 */
	/* On 2026-06-20 the discussion comes before that day's note. */
	assert_int_equal(c.entries[0].kind, CB_CHRON_DISCUSSION);
	assert_string_equal(c.entries[0].id, "s1");
	assert_string_equal(c.entries[0].when, "2026-06-20");
	assert_int_equal(c.entries[1].kind, CB_CHRON_NOTE);
	const cb_case_discussion *s1 = &c.discussions[c.entries[0].index];
	assert_string_equal(s1->team, "North");
	assert_string_equal(s1->decision, "Keep the CIN plan");
	assert_string_equal(s1->attendees, "Ann, Bo");
	assert_int_equal(s1->n_actions, 2);
	assert_string_equal(s1->actions[0].id, "x1");
	assert_string_equal(s1->actions[0].owner_name, "Ann");
	assert_string_equal(s1->actions[0].due_on, "2026-07-05");
	assert_null(s1->actions[0].done_on);
	assert_string_equal(s1->actions[1].id, "x2"); /* undated last */
	assert_null(s1->actions[1].owner_name);
	assert_string_equal(s1->actions[1].done_on, "2026-06-25");
	/* s2 set k1 an action without discussing it. */
	const cb_case_discussion *s2 = &c.discussions[0];
	assert_string_equal(s2->supervision_id, "s2");
	assert_null(s2->decision);
	assert_null(s2->team);
	assert_null(s2->attendees);
	assert_int_equal(s2->n_actions, 1);
	assert_string_equal(s2->actions[0].action, "Call the GP");
	cb_chronology_free(&c);
	assert_int_equal(c.n_discussions, 0);
}

static void test_other_case_and_empty(void **state)
{
	cb_chronology c;
	cb_alliance a;
	cb_case_goals g;
	cb_err err = {0};

	assert_int_equal(cb_chronology_load(*state, "k2", TODAY, &c, &err), CB_OK);
	/* n9, a9, g9 set, rv9, pe9 start and end, r9: nothing of k1's. */
	assert_int_equal(c.count, 7);
	assert_int_equal(c.n_notes, 1);
	assert_string_equal(c.notes[0].id, "n9");
	assert_int_equal(c.entries[0].kind, CB_CHRON_GOAL_REVIEW);
	assert_int_equal(c.entries[1].kind, CB_CHRON_PLAN_END);
	cb_chronology_free(&c);

	assert_int_equal(cb_alliance_load(*state, "k2", &a, &err), CB_OK);
	assert_int_equal(a.count, 0);
	cb_alliance_free(&a);
	assert_int_equal(cb_case_goals_load(*state, "none", &g, &err), CB_OK);
	assert_int_equal(g.count, 0);
	cb_case_goals_free(&g);
}

static void test_change_between(void **state)
{
	(void)state;
	assert_int_equal(cb_change_between(1, 2), CB_CHANGE_UP);
	assert_int_equal(cb_change_between(2, 1), CB_CHANGE_DOWN);
	assert_int_equal(cb_change_between(17.62, 17.621), CB_CHANGE_SAME);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_header, setup, teardown),
		cmocka_unit_test_setup_teardown(test_header_closed_and_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_people, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plans_and_referrals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_goals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chronology_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chronology_notes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chronology_assessments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_series, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alliance, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chronology_discussions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_case_and_empty, setup, teardown),
		cmocka_unit_test(test_change_between),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
