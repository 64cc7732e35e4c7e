/* test_caseload.c: the caseload query's plan, contact, risk trend and drift flags. */
#include "testutil.h"

#include <string.h>

#include "store/caseload.h"

#define M3 "'2026-01-01T00:00:00.000Z', 'p1', 'dev'"

static const char seed[] =
	"INSERT INTO teams VALUES ('t1', 'North', " M3 ", 'h');"
	"INSERT INTO practitioners VALUES ('p1', 'Ann', 'practitioner', 't1', 1, " M3 ", 'h');"
	"INSERT INTO practitioners VALUES ('p2', 'Bo', 'practitioner', 't1', 1, " M3 ", 'h');"
	"INSERT INTO families VALUES ('f1', 'FAM-1', 'Okafor', NULL, " M3 ", 'h');"
	"INSERT INTO families VALUES ('f2', 'FAM-2', 'Ní Bhriain', NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('c1', 'Ada', '2012-05-01', NULL, NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('c2', 'Zoë', NULL, NULL, NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('c3', 'Ben', '2019-01-01', NULL, NULL, " M3 ", 'h');"
	"INSERT INTO cases VALUES ('k1', 'f1', 'c1', '2026-01-02', 'school', 'N1', 'p1', 't1',"
	" NULL, NULL, " M3 ", 'h');"
	"INSERT INTO cases VALUES ('k2', 'f2', 'c2', '2026-05-01', 'health', 'N4', 'p2', 't1',"
	" NULL, NULL, " M3 ", 'h');"
	"INSERT INTO cases VALUES ('k3', 'f1', 'c3', '2026-01-02', 'school', 'N1', 'p1', 't1',"
	" '2026-06-01', 'stepped down', " M3 ", 'h');"
	"INSERT INTO plan_episodes VALUES ('pe1', 'k1', 'cp', '2026-01-10', '2026-04-01', " M3 ", 'h');"
	"INSERT INTO plan_episodes VALUES ('pe2', 'k1', 'cin', '2026-04-01', NULL, " M3 ", 'h');"
	"INSERT INTO notes(id, case_id, contact_type, occurred_at, created_at, created_by, device_id)"
	" VALUES ('n1', 'k1', 'home_visit', '2026-06-20T10:00', " M3 ");"
	"INSERT INTO notes(id, case_id, contact_type, occurred_at, created_at, created_by, device_id)"
	" VALUES ('n2', 'k2', 'phone', '2026-05-02T10:00', " M3 ");"
	"INSERT INTO assessments VALUES ('a1', 'k1', 'risk-framework', 1, 'x', '2026-01-15', 'p1',"
	" 'worker', NULL, NULL, " M3 ");"
	"INSERT INTO assessments VALUES ('a2', 'k1', 'risk-framework', 1, 'x', '2026-04-15', 'p1',"
	" 'worker', NULL, NULL, " M3 ");"
	"INSERT INTO assessment_scores VALUES ('a1', 'total', -6, 20, 20);"
	"INSERT INTO assessment_scores VALUES ('a2', 'total', -2, 20, 20);"
	"INSERT INTO goals VALUES ('g1', 'k1', 'education_employment', 'family', NULL, 'School',"
	" 'active', '2026-02-01', NULL, NULL, NULL, " M3 ", 'h');"
	"INSERT INTO goals VALUES ('g2', 'k1', 'family_relationships', 'worker', NULL, 'Talk',"
	" 'active', '2026-02-01', NULL, NULL, NULL, " M3 ", 'h');"
	"INSERT INTO goal_reviews VALUES ('r1', 'g1', '2026-03-01', 3, NULL, " M3 ");"
	"INSERT INTO goal_reviews VALUES ('r2', 'g1', '2026-05-01', 3, NULL, " M3 ");"
	"INSERT INTO goal_reviews VALUES ('r3', 'g2', '2026-03-01', 2, NULL, " M3 ");"
	"INSERT INTO goal_reviews VALUES ('r4', 'g2', '2026-06-01', 4, NULL, " M3 ");";

static void test_caseload_flags(void **state)
{
	cb_store *st = tu_new_store();
	cb_caseload list;
	cb_err err = {0};

	assert_int_equal(tu_exec(st, seed), SQLITE_OK);
	assert_int_equal(cb_caseload_load(st, NULL, NULL, "2026-07-01", &list, &err), CB_OK);
	assert_int_equal(list.count, 2); /* k3 is closed */
	const cb_caseload_row *ada = &list.rows[1], *zoe = &list.rows[0];
	assert_string_equal(zoe->child_name, "Zoë"); /* "Ní Bhriain" sorts before "Okafor" */
	assert_string_equal(ada->case_id, "k1");
	assert_int_equal(ada->child_age, 14);
	assert_string_equal(ada->plan, "cin");
	assert_int_equal(ada->days_since_contact, 11);
	assert_false(ada->flag_no_contact);
	assert_true(ada->has_risk);
	assert_true(ada->risk_total == -2.0);
	assert_int_equal(ada->trend, CB_TREND_SAFER);
	assert_string_equal(ada->review_due, "2026-07-15");
	assert_false(ada->flag_review_overdue);
	/* g1 last rose on 2026-03-01 (122 days before); g2 on 2026-06-01 (30 days). */
	assert_int_equal(ada->stalled_goals, 1);

	assert_int_equal(zoe->child_age, -1);
	assert_null(zoe->plan);
	assert_int_equal(zoe->days_since_contact, 60);
	assert_true(zoe->flag_no_contact);
	assert_false(zoe->has_risk);
	assert_string_equal(zoe->review_due, "2026-08-01");
	cb_caseload_free(&list);

	assert_int_equal(cb_caseload_load(st, "p2", NULL, "2026-09-01", &list, &err), CB_OK);
	assert_int_equal(list.count, 1);
	assert_true(list.rows[0].flag_review_overdue);
	cb_caseload_free(&list);
	cb_store_close(st);
}

/* A plan changed on the day it began: the episode still open is the current one. */
static void test_same_day_plan_change(void **state)
{
	cb_store *st = tu_new_store();
	cb_caseload list;
	cb_err err = {0};

	assert_int_equal(tu_exec(st, seed), SQLITE_OK);
	assert_int_equal(tu_exec(st, "INSERT INTO plan_episodes VALUES ('zz', 'k2', 'cin',"
				     " '2026-05-01', '2026-05-01', " M3 ", 'h');"
				     "INSERT INTO plan_episodes VALUES ('aa', 'k2', 'early_help',"
				     " '2026-05-01', NULL, " M3 ", 'h');"),
			 SQLITE_OK);
	assert_int_equal(cb_caseload_load(st, "p2", NULL, "2026-07-01", &list, &err), CB_OK);
	assert_int_equal(list.count, 1);
	assert_string_equal(list.rows[0].plan, "early_help");
	cb_caseload_free(&list);
	cb_store_close(st);
}

/* Open actions from a group case discussion: counted, and "!action" once one is overdue. */
static void test_open_actions(void **state)
{
	cb_store *st = tu_new_store();
	cb_caseload list;
	cb_caseload_cells cells;
	cb_err err = {0};

	assert_int_equal(tu_exec(st, seed), SQLITE_OK);
	assert_int_equal(tu_exec(st, "INSERT INTO supervisions VALUES ('s1', 't1', '2026-06-01', NULL,"
				     " " M3 ", 'h');"
				     "INSERT INTO supervision_actions VALUES ('x1', 's1', 'k1', 'p1', 'Call',"
				     " '2026-06-20', NULL, " M3 ", 'h');"
				     "INSERT INTO supervision_actions VALUES ('x2', 's1', 'k1', 'p1', 'Visit',"
				     " NULL, NULL, " M3 ", 'h');"
				     "INSERT INTO supervision_actions VALUES ('x3', 's1', 'k2', 'p2', 'Write',"
				     " '2026-06-10', '2026-06-09', " M3 ", 'h');"
				     "INSERT INTO supervision_actions VALUES ('x4', 's1', NULL, 'p2', 'Train',"
				     " '2026-06-10', NULL, " M3 ", 'h');"),
			 SQLITE_OK);
	assert_int_equal(cb_caseload_load(st, NULL, NULL, "2026-06-20", &list, &err), CB_OK);
	assert_int_equal(list.count, 2);
	assert_string_equal(list.rows[1].case_id, "k1");
	assert_int_equal(list.rows[1].open_actions, 2);
	assert_int_equal(list.rows[1].overdue_actions, 0); /* due today is not late yet */
	assert_int_equal(list.rows[0].open_actions, 0);    /* x3 is done */
	cb_caseload_cells_of(&list.rows[1], &cells);
	assert_null(strstr(cells.flags, "!action"));
	cb_caseload_free(&list);

	assert_int_equal(cb_caseload_load(st, NULL, NULL, "2026-06-21", &list, &err), CB_OK);
	assert_int_equal(list.rows[1].overdue_actions, 1);
	cb_caseload_cells_of(&list.rows[1], &cells);
	assert_string_equal(cells.flags, "!goals !action");
	cb_caseload_cells_of(&list.rows[0], &cells);
	assert_string_equal(cells.flags, "!contact");
	cb_caseload_free(&list);
	cb_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_caseload_flags),
		cmocka_unit_test(test_same_day_plan_change),
		cmocka_unit_test(test_open_actions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
