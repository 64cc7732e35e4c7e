/* test_teamreview.c: the team review's flags on hand-built cases, and saving group case discussions. */
#include "testutil.h"

#include <string.h>

#include "core/mem.h"
#include "store/teamreview.h"

#define M3 "'2026-01-01T00:00:00.000Z', 'p1', 'dev'"
#define TODAY "2026-07-01"

#define FAMILY(id, name) "INSERT INTO families VALUES ('" id "', '" id "', '" name "', NULL, " M3 ", 'h');"
#define CHILD(id, name) "INSERT INTO people VALUES ('" id "', '" name "', '2014-01-01', NULL, NULL, " M3 ", 'h');"
#define CASE(id, fam, child, referred, team, closed)                                           \
	"INSERT INTO cases VALUES ('" id "', '" fam "', '" child "', '" referred "', 'school', "  \
	"'N1', 'p2', " team ", " closed ", " closed " || '', " M3 ", 'h');"
#define NOTE(id, kase, at)                                                                     \
	"INSERT INTO notes(id, case_id, contact_type, occurred_at, created_at, created_by, "     \
	"device_id) VALUES ('" id "', '" kase "', 'home_visit', '" at "T10:00', " M3 ");"
#define RISK(id, kase, on, total, engagement)                                                  \
	"INSERT INTO assessments VALUES ('" id "', '" kase "', 'risk-framework', 1, 'x', '" on   \
	"', 'p2', 'worker', NULL, NULL, " M3 ");"                                                 \
	"INSERT INTO assessment_scores VALUES ('" id "', 'total', " total ", 20, 20);"           \
	"INSERT INTO assessment_scores VALUES ('" id "', 'engagement', " engagement ", 1, 1);"
#define PLAN(id, kase, plan, from) \
	"INSERT INTO plan_episodes VALUES ('" id "', '" kase "', '" plan "', '" from "', NULL, " M3 ", 'h');"
#define GOAL(id, kase, set_on)                                                                 \
	"INSERT INTO goals VALUES ('" id "', '" kase "', 'other', 'family', NULL, 'Goal', "       \
	"'active', '" set_on "', NULL, NULL, NULL, " M3 ", 'h');"

/* One case per flag (and one with them all), named so the family order is the case order. */
static const char seed[] =
	"INSERT INTO teams VALUES ('t1', 'North', " M3 ", 'h');"
	"INSERT INTO teams VALUES ('t2', 'South', " M3 ", 'h');"
	"INSERT INTO practitioners VALUES ('p1', 'Sue', 'supervisor', 't1', 1, " M3 ", 'h');"
	"INSERT INTO practitioners VALUES ('p2', 'Ann', 'practitioner', 't1', 1, " M3 ", 'h');"
	"INSERT INTO practitioners VALUES ('p3', 'Bo', 'practitioner', 't2', 1, " M3 ", 'h');"
	/* k1 Adams: a goal set in March never reviewed: drift (no progress in 8 weeks). */
	FAMILY("f1", "Adams") CHILD("c1", "Amy") CASE("k1", "f1", "c1", "2026-01-01", "'t1'", "NULL")
	NOTE("n1", "k1", "2026-06-25") RISK("a1", "k1", "2026-05-01", "3", "1") GOAL("g1", "k1", "2026-03-01")
	/* k2 Brown: CIN since 2025-06-01, over 12 months: drift. */
	FAMILY("f2", "Brown") CHILD("c2", "Ben") CASE("k2", "f2", "c2", "2025-05-15", "'t1'", "NULL")
	PLAN("pe2", "k2", "cin", "2025-06-01") NOTE("n2", "k2", "2026-06-20")
	RISK("a2", "k2", "2026-06-01", "3", "1")
	/* k3 Clark: CIN since 2025-07-01, exactly 12 months: not yet drift; no flags. */
	FAMILY("f3", "Clark") CHILD("c3", "Cal") CASE("k3", "f3", "c3", "2025-06-20", "'t1'", "NULL")
	PLAN("pe3", "k3", "cin", "2025-07-01") NOTE("n3", "k3", "2026-06-20")
	RISK("a3", "k3", "2026-06-01", "3", "1")
	/* k4 Davis: last assessed 2026-03-15, review due 2026-06-15: review overdue. */
	FAMILY("f4", "Davis") CHILD("c4", "Dan") CASE("k4", "f4", "c4", "2026-01-01", "'t1'", "NULL")
	NOTE("n4", "k4", "2026-06-20") RISK("a4", "k4", "2026-03-15", "3", "1")
	/* k5 Evans: last contact 29 days ago: no contact in 28 days. */
	FAMILY("f5", "Evans") CHILD("c5", "Eve") CASE("k5", "f5", "c5", "2026-01-01", "'t1'", "NULL")
	NOTE("n5", "k5", "2026-06-02") RISK("a5", "k5", "2026-06-01", "3", "1")
	/* k6 Fox: totals 4, 6, 2: the latest is below the first: risk worse than at referral. */
	FAMILY("f6", "Fox") CHILD("c6", "Fay") CASE("k6", "f6", "c6", "2026-01-01", "'t1'", "NULL")
	NOTE("n6", "k6", "2026-06-20") RISK("a6a", "k6", "2026-02-01", "4", "1")
	RISK("a6b", "k6", "2026-04-01", "6", "1") RISK("a6c", "k6", "2026-06-01", "2", "1")
	/* k7 Gray: engagement 2 then 1 (the total rose): engagement falling. */
	FAMILY("f7", "Gray") CHILD("c7", "Gus") CASE("k7", "f7", "c7", "2026-01-01", "'t1'", "NULL")
	NOTE("n7", "k7", "2026-06-20") RISK("a7a", "k7", "2026-05-01", "0", "2")
	RISK("a7b", "k7", "2026-06-10", "3", "1")
	/* k8 Hill: all five. */
	FAMILY("f8", "Hill") CHILD("c8", "Hal") CASE("k8", "f8", "c8", "2025-05-01", "'t1'", "NULL")
	PLAN("pe8", "k8", "cin", "2025-05-01") GOAL("g8", "k8", "2026-01-01")
	RISK("a8a", "k8", "2026-01-01", "5", "2") RISK("a8b", "k8", "2026-02-01", "1", "0")
	/* k9 Ives: the other team's, no flags. k10 Jones: closed. k11 King: no team. */
	FAMILY("f9", "Ives") CHILD("c9", "Ian") CASE("k9", "f9", "c9", "2026-01-01", "'t2'", "NULL")
	NOTE("n9", "k9", "2026-06-20") RISK("a9", "k9", "2026-06-01", "3", "1")
	FAMILY("f10", "Jones") CHILD("c10", "Jo") CASE("k10", "f10", "c10", "2026-01-01", "'t1'", "'2026-06-01'")
	FAMILY("f11", "King") CHILD("c11", "Kim") CASE("k11", "f11", "c11", "2026-01-01", "NULL", "NULL")
	NOTE("n11", "k11", "2026-06-20") RISK("a11", "k11", "2026-06-01", "3", "1");

static cb_store *seeded(void)
{
	cb_store *st = tu_new_store();

	assert_int_equal(tu_exec(st, seed), SQLITE_OK);
	return st;
}

static const cb_team_case *find(const cb_team_review *r, const char *case_id)
{
	for (size_t i = 0; i < r->count; i++)
		if (strcmp(r->cases[i].row->case_id, case_id) == 0)
			return &r->cases[i];
	return NULL;
}

static void test_flags(void **state)
{
	static const struct {
		const char *case_id;
		unsigned flags;
	} want[] = {
		{"k1", CB_TEAM_DRIFT}, {"k2", CB_TEAM_DRIFT}, {"k3", 0}, {"k4", CB_TEAM_REVIEW},
		{"k5", CB_TEAM_CONTACT}, {"k6", CB_TEAM_RISK}, {"k7", CB_TEAM_ENGAGEMENT},
		{"k8", CB_TEAM_DRIFT | CB_TEAM_REVIEW | CB_TEAM_CONTACT | CB_TEAM_RISK |
			       CB_TEAM_ENGAGEMENT},
	};
	cb_store *st = seeded();
	cb_team_review r;
	cb_err err = {0};

	assert_int_equal(cb_team_review_load(st, "t1", TODAY, &r, &err), CB_OK);
	assert_int_equal(r.count, 8); /* not k9 (South), k10 (closed) or k11 (no team) */
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const cb_team_case *c = find(&r, want[i].case_id);
		assert_non_null(c);
		assert_string_equal(c->row->case_id, r.cases[i].row->case_id); /* family order */
		assert_int_equal(c->flags, want[i].flags);
		assert_string_equal(c->team_id, "t1");
	}
	assert_int_equal(find(&r, "k8")->n_flags, 5);
	assert_int_equal(find(&r, "k3")->n_flags, 0);
	/* Why k2 drifted, and k1: the plan, or the goals. */
	assert_true(find(&r, "k2")->cin_drift);
	assert_string_equal(find(&r, "k2")->cin_since, "2025-06-01");
	assert_false(find(&r, "k3")->cin_drift);
	assert_null(find(&r, "k1")->cin_since);
	assert_int_equal(find(&r, "k1")->row->stalled_goals, 1);
	/* The numbers behind the risk and engagement flags. */
	assert_true(find(&r, "k6")->has_first_risk);
	assert_true(find(&r, "k6")->first_risk == 4.0);
	assert_true(find(&r, "k6")->row->risk_total == 2.0);
	assert_true(find(&r, "k7")->engagement == 1.0);
	assert_true(find(&r, "k7")->engagement_before == 2.0);
	assert_false(find(&r, "k1")->has_engagement); /* one score is no trend */
	cb_team_review_free(&r);
	cb_store_close(st);
}

static void test_teams_and_sort(void **state)
{
	cb_store *st = seeded();
	cb_team_review r;
	cb_err err = {0};

	assert_int_equal(cb_team_review_load(st, NULL, TODAY, &r, &err), CB_OK);
	assert_int_equal(r.count, 10); /* every open case, whatever its team */
	assert_null(find(&r, "k11")->team_id);
	assert_int_equal(find(&r, "k9")->flags, 0);
	cb_team_review_free(&r);

	assert_int_equal(cb_team_review_load(st, "t2", TODAY, &r, &err), CB_OK);
	assert_int_equal(r.count, 1);
	assert_string_equal(r.cases[0].row->case_id, "k9");
	cb_team_review_free(&r);

	assert_int_equal(cb_team_review_load(st, "t1", TODAY, &r, &err), CB_OK);
	cb_team_review_sort(&r, CB_TEAM_BY_FLAGS);
	static const char *const by_flags[] = {"k8", "k1", "k2", "k4", "k5", "k6", "k7", "k3"};
	for (size_t i = 0; i < r.count; i++)
		assert_string_equal(r.cases[i].row->case_id, by_flags[i]);
	cb_team_review_sort(&r, CB_TEAM_BY_FAMILY);
	assert_string_equal(r.cases[0].row->case_id, "k1");
	assert_string_equal(r.cases[7].row->case_id, "k8");
	cb_team_review_free(&r);

	assert_int_equal(cb_team_review_load(st, "nobody", TODAY, &r, &err), CB_OK);
	assert_int_equal(r.count, 0);
	cb_team_review_free(&r);
	cb_store_close(st);
}

/* ---- discussions ---- */

static const char *const attendees[] = {"p1", "p2"};
static const cb_discussed_case cases[] = {
	{"k1", "Review the goal with Amy at the next visit"},
	{"k6", "Ask for a strategy meeting"},
};
static const cb_new_action actions[] = {
	{"Strategy meeting request to the team manager", "p1", "2026-07-03", "k6"},
	{"Goal review visit", "p2", "2026-07-10", "k1"},
	{"Book the family network meeting", "p2", NULL, "k1"},
	{"Team training on engagement", NULL, "2026-07-02", NULL},
};

static cb_discussion discussion(void)
{
	return (cb_discussion){"t1", "2026-07-01", "Monthly group case discussion", attendees, 2,
			       cases, 2, actions, 4};
}

static void test_save_discussion(void **state)
{
	cb_store *st = seeded();
	cb_discussion d = discussion();
	char id[CB_UUID_LEN + 1];
	cb_err err = {0};
	char *sql;

	assert_int_equal(cb_discussion_save(st, &d, id, &err), CB_OK);
	assert_int_equal(strlen(id), CB_UUID_LEN);
	sql = xasprintf("SELECT team_id || '|' || held_on || '|' || notes FROM supervisions"
			" WHERE id = '%s'", id);
	char *row = tu_text(st, sql);
	assert_string_equal(row, "t1|2026-07-01|Monthly group case discussion");
	free(row);
	free(sql);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM supervision_attendees"), 2);
	row = tu_text(st, "SELECT group_concat(case_id || ':' || decision, ';') FROM"
			  " (SELECT * FROM supervision_cases ORDER BY case_id)");
	assert_string_equal(row, "k1:Review the goal with Amy at the next visit;"
				 "k6:Ask for a strategy meeting");
	free(row);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM supervision_actions WHERE done_on IS NULL"
				    " AND supervision_id = (SELECT id FROM supervisions)"), 4);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM supervision_actions"
				    " WHERE case_id IS NULL AND owner_id IS NULL"), 1);
	/* Every row written is in the audit log. */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM audit_log WHERE tbl LIKE 'supervision%'"),
			 1 + 2 + 2 + 4);
	cb_store_close(st);
}

/* Each refusal names the problem and writes nothing. */
static void test_save_refused(void **state)
{
	cb_store *st = seeded();
	const cb_discussed_case twice[] = {{"k1", "a"}, {"k1", "b"}};
	const cb_new_action blank[] = {{"  ", "p1", NULL, NULL}};
	const cb_new_action early[] = {{"Call", "p1", "2026-06-30", NULL}};
	const cb_new_action bad_date[] = {{"Call", "p1", "2026-02-30", NULL}};
	const cb_discussed_case unknown[] = {{"k99", "a"}};
	const char *const same[] = {"p1", "p1"};
	cb_discussion d;
	char id[CB_UUID_LEN + 1];
	cb_err err = {0};

	d = discussion();
	d.cases = twice;
	assert_int_equal(cb_discussion_save(st, &d, id, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "case k1 is listed twice"));
	d = discussion();
	d.attendees = same;
	assert_int_equal(cb_discussion_save(st, &d, id, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "attendee p1 is listed twice"));
	d = discussion();
	d.actions = blank;
	d.n_actions = 1;
	assert_int_equal(cb_discussion_save(st, &d, id, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "action 1 is blank"));
	d.actions = early;
	assert_int_equal(cb_discussion_save(st, &d, id, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "before the discussion on 2026-07-01"));
	d.actions = bad_date;
	assert_int_equal(cb_discussion_save(st, &d, id, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "\"2026-02-30\" is not a real date"));
	d = discussion();
	d.held_on = "1 July";
	assert_int_equal(cb_discussion_save(st, &d, id, &err), CB_INVALID);
	/* A case that is not in the casebook fails in the database, after the supervision
	   row was written: the whole discussion is rolled back. */
	d = discussion();
	d.cases = unknown;
	d.n_cases = 1;
	assert_int_not_equal(cb_discussion_save(st, &d, id, &err), CB_OK);
	assert_string_equal(id, "");
	assert_int_equal(tu_int(st, "SELECT count(*) FROM supervisions"), 0);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM supervision_attendees"), 0);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM audit_log WHERE tbl LIKE 'supervision%'"), 0);
	cb_store_close(st);
}

static void test_open_actions(void **state)
{
	cb_store *st = seeded();
	cb_discussion d = discussion();
	char id[CB_UUID_LEN + 1];
	cb_open_actions list;
	cb_err err = {0};

	assert_int_equal(cb_discussion_save(st, &d, id, &err), CB_OK);
	/* Of case k1 on 2026-07-11: the visit is overdue; the undated one comes last. */
	assert_int_equal(cb_open_actions_of_case(st, "k1", "2026-07-11", &list, &err), CB_OK);
	assert_int_equal(list.count, 2);
	assert_string_equal(list.rows[0].action, "Goal review visit");
	assert_string_equal(list.rows[0].due_on, "2026-07-10");
	assert_string_equal(list.rows[0].owner_name, "Ann");
	assert_string_equal(list.rows[0].child_name, "Amy");
	assert_string_equal(list.rows[0].held_on, "2026-07-01");
	assert_string_equal(list.rows[0].supervision_id, id);
	assert_true(list.rows[0].overdue);
	assert_null(list.rows[1].due_on);
	assert_false(list.rows[1].overdue);
	cb_open_actions_free(&list);

	/* Of p1: only the strategy meeting request, due 2026-07-03, not late on the day. */
	assert_int_equal(cb_open_actions_of_owner(st, "p1", "2026-07-03", &list, &err), CB_OK);
	assert_int_equal(list.count, 1);
	assert_string_equal(list.rows[0].case_id, "k6");
	assert_false(list.rows[0].overdue);
	char *action_id = xstrdup(list.rows[0].id);
	cb_open_actions_free(&list);

	/* Done: it leaves the open list; twice, or before the discussion, is refused. */
	assert_int_equal(cb_action_mark_done(st, action_id, "2026-06-30", &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "only agreed on 2026-07-01"));
	assert_int_equal(cb_action_mark_done(st, action_id, "2026-07-02", &err), CB_OK);
	assert_int_equal(cb_action_mark_done(st, action_id, "2026-07-03", &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "already marked done on 2026-07-02"));
	assert_int_equal(cb_action_mark_done(st, "no-such", "2026-07-03", &err), CB_NOT_FOUND);
	assert_int_equal(cb_action_mark_done(st, action_id, "July", &err), CB_INVALID);
	assert_int_equal(cb_open_actions_of_owner(st, "p1", "2026-07-03", &list, &err), CB_OK);
	assert_int_equal(list.count, 0);
	cb_open_actions_free(&list);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM audit_log WHERE tbl = "
				    "'supervision_actions' AND op = 'update'"), 1);
	free(action_id);
	cb_store_close(st);
}

/* The team review carries the caseload's open actions. */
static void test_actions_on_review(void **state)
{
	cb_store *st = seeded();
	cb_discussion d = discussion();
	char id[CB_UUID_LEN + 1];
	cb_team_review r;
	cb_err err = {0};

	assert_int_equal(cb_discussion_save(st, &d, id, &err), CB_OK);
	assert_int_equal(cb_team_review_load(st, "t1", "2026-07-04", &r, &err), CB_OK);
	assert_int_equal(find(&r, "k1")->row->open_actions, 2);
	assert_int_equal(find(&r, "k1")->row->overdue_actions, 0);
	assert_int_equal(find(&r, "k6")->row->overdue_actions, 1);
	cb_team_review_free(&r);
	cb_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_teams_and_sort),
		cmocka_unit_test(test_save_discussion),
		cmocka_unit_test(test_save_refused),
		cmocka_unit_test(test_open_actions),
		cmocka_unit_test(test_actions_on_review),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
