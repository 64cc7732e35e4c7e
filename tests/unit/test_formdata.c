/* test_formdata.c: the queries behind the form screens: references, children, staff, plans,
 * goals with their latest progress, and notes with their amendments. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "store/cases.h"
#include "store/families.h"
#include "store/goals.h"
#include "store/notes.h"
#include "store/staff.h"

#define M3 "'2026-01-01T00:00:00.000Z', 'p1', 'dev'"
#define MEMBER(f, p, rel) "INSERT INTO family_members VALUES ('" f "', '" p "', '" rel "', " M3 ", 'h');"
#define NOTE(id, at, body) "INSERT INTO notes(id, case_id, contact_type, occurred_at, body," \
	" created_at, created_by, device_id) VALUES ('" id "', 'k1', 'phone', '" at "', " body ", " M3 ");"

static const char seed[] =
	"INSERT INTO teams VALUES ('t2', 'South', " M3 ", 'h');"
	"INSERT INTO teams VALUES ('t1', 'North', " M3 ", 'h');"
	"INSERT INTO practitioners VALUES ('p1', 'Ann', 'practitioner', 't1', 1, " M3 ", 'h');"
	"INSERT INTO practitioners VALUES ('p0', 'Zed', 'supervisor', NULL, 1, " M3 ", 'h');"
	"INSERT INTO practitioners VALUES ('p9', 'Old', 'practitioner', 't1', 0, " M3 ", 'h');"
	"INSERT INTO families VALUES ('f1', 'FAM-0009', 'Okafor', NULL, " M3 ", 'h');"
	"INSERT INTO families VALUES ('f2', 'FAM-0012', 'Smith', NULL, " M3 ", 'h');"
	"INSERT INTO families VALUES ('f3', 'OTHER-99', 'Jones', NULL, " M3 ", 'h');"
	"INSERT INTO families VALUES ('f4', 'FAM-100b', 'Lee', NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('mum', 'Grace', '1985-01-01', NULL, NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('ada', 'Ada', '2012-05-01', NULL, NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('tobi', 'Tobi', '2019-09-30', NULL, NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('kim', 'Kim', NULL, NULL, NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('bea', 'Bea', '2010-01-01', NULL, NULL, " M3 ", 'h');"
	MEMBER("f1", "mum", "main_caregiver") MEMBER("f1", "ada", "child")
	MEMBER("f1", "tobi", "sibling") MEMBER("f1", "kim", "child") MEMBER("f1", "bea", "child")
	"INSERT INTO cases VALUES ('k1', 'f1', 'ada', '2026-01-02', 'school', 'N1', 'p1', 't1',"
	" NULL, NULL, " M3 ", 'h');"
	"INSERT INTO cases VALUES ('k0', 'f1', 'tobi', '2025-01-02', 'school', 'N1', 'p1', 't1',"
	" '2025-06-01', 'done', " M3 ", 'h');"
	"INSERT INTO plan_episodes VALUES ('pe1', 'k1', 'cp', '2026-01-10', '2026-04-01', " M3 ", 'h');"
	"INSERT INTO plan_episodes VALUES ('pe2', 'k1', 'cin', '2026-04-01', NULL, " M3 ", 'h');"
	"INSERT INTO goals VALUES ('g1', 'k1', 'education_employment', 'family', 'ada', 'School',"
	" 'active', '2026-02-01', NULL, NULL, NULL, " M3 ", 'h');"
	"INSERT INTO goals VALUES ('g2', 'k1', 'other', 'worker', NULL, 'Talk',"
	" 'achieved', '2026-02-02', NULL, NULL, NULL, " M3 ", 'h');"
	"INSERT INTO goal_reviews VALUES ('r1', 'g1', '2026-05-01', 7, NULL, " M3 ");"
	"INSERT INTO goal_reviews VALUES ('r2', 'g1', '2026-03-01', 3, NULL, " M3 ");"
	NOTE("n1", "2026-02-01T10:00", "'First.\n  Second line.'")
	NOTE("n2", "2026-03-01T10:00", "''")
	NOTE("n3", "2026-01-15T10:00", "'Oldest'")
	"UPDATE notes SET worries = 'Rent arrears' WHERE id = 'n2';"
	"INSERT INTO note_amendments VALUES ('a1', 'n1', 'typo', NULL, 'Grace calm', NULL,"
	" 'Fixed text', '2026-02-02T00:00:00.000Z', 'p1', 'dev');"
	"INSERT INTO note_amendments VALUES ('a2', 'n1', 'again', NULL, NULL, NULL,"
	" 'Fixed again', '2026-02-03T00:00:00.000Z', 'p1', 'dev');";

static cb_store *seeded(void)
{
	cb_store *st = tu_new_store();

	assert_int_equal(tu_exec(st, "DROP TRIGGER notes_no_update"), SQLITE_OK);
	assert_int_equal(tu_exec(st, seed), SQLITE_OK);
	return st;
}

static void test_family_references(void **state)
{
	cb_store *st = tu_new_store();
	cb_err err = {0};
	char *ref = NULL;
	bool taken = true;

	assert_int_equal(cb_family_next_ref(st, &ref, &err), CB_OK);
	assert_string_equal(ref, "FAM-0001");
	free(ref);
	cb_store_close(st);

	st = seeded();
	/* Ignores references that are not FAM- and a number. */
	assert_int_equal(cb_family_next_ref(st, &ref, &err), CB_OK);
	assert_string_equal(ref, "FAM-0013");
	free(ref);
	assert_int_equal(cb_family_label(st, "f1", &ref, &err), CB_OK);
	assert_string_equal(ref, "Okafor (FAM-0009)");
	free(ref);
	assert_int_equal(cb_family_label(st, "nope", &ref, &err), CB_NOT_FOUND);
	assert_null(ref);
	assert_int_equal(cb_family_ref_taken(st, "fam-0009", NULL, &taken, &err), CB_OK);
	assert_true(taken);
	assert_int_equal(cb_family_ref_taken(st, "FAM-0013", NULL, &taken, &err), CB_OK);
	assert_false(taken);
	/* A family keeping its own reference (editing it) is not a clash. */
	assert_int_equal(cb_family_ref_taken(st, "FAM-0009", "f1", &taken, &err), CB_OK);
	assert_false(taken);
	assert_int_equal(cb_family_ref_taken(st, "FAM-0009", "f2", &taken, &err), CB_OK);
	assert_true(taken);
	cb_family fam;
	assert_int_equal(cb_family_load(st, "f1", &fam, &err), CB_OK);
	assert_string_equal(fam.ref, "FAM-0009");
	assert_string_equal(fam.name, "Okafor");
	cb_family_free(&fam);
	assert_int_equal(cb_family_load(st, "nope", &fam, &err), CB_NOT_FOUND);
	assert_null(fam.ref);
	cb_store_close(st);
}

static void test_children_and_membership(void **state)
{
	cb_store *st = seeded();
	cb_err err = {0};
	cb_member *kids = NULL;
	size_t n = 0;

	/* No caregivers; without an open case first, children before siblings, oldest first,
	 * unknown age last. */
	assert_int_equal(cb_family_children_load(st, "f1", &kids, &n, &err), CB_OK);
	assert_int_equal(n, 4);
	assert_string_equal(kids[0].name, "Bea");
	assert_string_equal(kids[1].name, "Kim");
	assert_null(kids[1].born);
	assert_string_equal(kids[2].name, "Tobi");
	assert_string_equal(kids[2].relationship, "sibling");
	assert_string_equal(kids[3].name, "Ada"); /* has an open case */
	cb_members_free(kids, n);

	assert_int_equal(cb_family_member_insert(st, "f2", "mum", "other_adult", &err), CB_OK);
	char *row = tu_text(st, "SELECT created_by || '|' || (device_id = (SELECT value FROM meta"
				" WHERE key = 'device_id')) || '|' || (updated_at > '2026') FROM"
				" family_members WHERE family_id = 'f2'");
	assert_string_equal(row, "tester|1|1");
	free(row);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM audit_log WHERE tbl = 'family_members'"
				    " AND op = 'insert' AND after LIKE '%\"family_id\":\"f2\"%'"), 1);
	/* The same person twice in one family is refused. */
	assert_int_not_equal(cb_family_member_insert(st, "f2", "mum", "child", &err), CB_OK);
	assert_int_equal(cb_family_member_insert(st, "f2", "kim", "aunt", &err), CB_INVALID);
	cb_store_close(st);
}

static void test_staff(void **state)
{
	cb_store *st = seeded();
	cb_err err = {0};
	cb_practitioner *ps = NULL;
	cb_team *ts = NULL;
	size_t np = 0, nt = 0;

	assert_int_equal(cb_practitioners_load(st, &ps, &np, &err), CB_OK);
	assert_int_equal(np, 2); /* Old is not active */
	assert_string_equal(ps[0].name, "Ann");
	assert_string_equal(ps[0].team_id, "t1");
	assert_null(ps[1].team_id);
	assert_ptr_equal(cb_practitioner_find(ps, np, "p0"), &ps[1]);
	assert_null(cb_practitioner_find(ps, np, "p9"));
	assert_null(cb_practitioner_find(ps, np, NULL));
	assert_int_equal(cb_teams_load(st, &ts, &nt, &err), CB_OK);
	assert_int_equal(nt, 2);
	assert_string_equal(ts[0].name, "North");
	cb_practitioners_free(ps, np);
	cb_teams_free(ts, nt);
	cb_store_close(st);
}

static void test_plans_and_open_cases(void **state)
{
	cb_store *st = seeded();
	cb_err err = {0};
	cb_plan_episode pe;
	char *case_id, *referred;

	assert_int_equal(cb_plan_current(st, "k1", &pe, &err), CB_OK);
	assert_string_equal(pe.id, "pe2");
	assert_string_equal(pe.plan, "cin");
	assert_string_equal(pe.started_on, "2026-04-01");
	cb_plan_episode_free(&pe);
	assert_int_equal(cb_plan_current(st, "k0", &pe, &err), CB_NOT_FOUND);
	assert_null(pe.plan);

	assert_int_equal(cb_child_open_case(st, "ada", &case_id, &referred, &err), CB_OK);
	assert_string_equal(case_id, "k1");
	assert_string_equal(referred, "2026-01-02");
	free(case_id);
	free(referred);
	assert_int_equal(cb_child_open_case(st, "tobi", &case_id, &referred, &err), CB_OK);
	assert_null(case_id); /* only a closed case */
	assert_null(referred);
	cb_store_close(st);
}

static void test_goals_with_latest_progress(void **state)
{
	cb_store *st = seeded();
	cb_err err = {0};
	cb_goal *goals = NULL, g;
	size_t n = 0;

	assert_int_equal(cb_goals_load(st, "k1", false, &goals, &n, &err), CB_OK);
	assert_int_equal(n, 2);
	assert_string_equal(goals[0].id, "g1");
	assert_string_equal(goals[0].owner_name, "Ada");
	assert_int_equal(goals[0].progress, 7); /* the latest by date, not by entry */
	assert_string_equal(goals[0].reviewed_on, "2026-05-01");
	assert_int_equal(goals[1].progress, -1);
	assert_null(goals[1].reviewed_on);
	assert_null(goals[1].owner_name);
	cb_goals_free(goals, n);

	assert_int_equal(cb_goals_load(st, "k1", true, &goals, &n, &err), CB_OK);
	assert_int_equal(n, 1);
	cb_goals_free(goals, n);

	assert_int_equal(cb_goal_load(st, "g2", &g, &err), CB_OK);
	assert_string_equal(g.case_id, "k1");
	assert_string_equal(g.status, "achieved");
	cb_goal_free(&g);
	assert_int_equal(cb_goal_load(st, "nope", &g, &err), CB_NOT_FOUND);
	cb_store_close(st);
}

static void test_note_with_amendments(void **state)
{
	cb_store *st = seeded();
	cb_err err = {0};
	cb_note note;
	const char *changed[CB_NOTE_TEXTS];

	assert_int_equal(cb_note_load(st, "n1", &note, &err), CB_OK);
	assert_int_equal(note.n_amendments, 2);
	assert_string_equal(note.amendments[0].reason, "typo");
	assert_string_equal(note.original[CB_NOTE_BODY], "First.\n  Second line.");
	assert_null(note.original[CB_NOTE_WORRIES]);
	/* The latest amendment that set a text wins; untouched texts stay. */
	assert_string_equal(note.current[CB_NOTE_BODY], "Fixed again");
	assert_string_equal(note.current[CB_NOTE_WORKING_WELL], "Grace calm");
	assert_string_equal(note.current[CB_NOTE_WORRIES], "");

	const char *same[CB_NOTE_TEXTS] = {"", "  Grace\ncalm ", "", "Fixed again"};
	assert_int_equal(cb_note_changes(&note, same, changed), 0);
	const char *edited[CB_NOTE_TEXTS] = {"Late rent", "Grace calm", "", ""};
	assert_int_equal(cb_note_changes(&note, edited, changed), 2);
	assert_string_equal(changed[CB_NOTE_WORRIES], "Late rent");
	assert_null(changed[CB_NOTE_WORKING_WELL]);
	assert_null(changed[CB_NOTE_NEEDS]);
	assert_string_equal(changed[CB_NOTE_BODY], ""); /* cleared is a change */
	cb_note_free(&note);
	assert_int_equal(cb_note_load(st, "nope", &note, &err), CB_NOT_FOUND);
	cb_store_close(st);
}

static void test_recent_notes(void **state)
{
	cb_store *st = seeded();
	cb_err err = {0};
	cb_note_line *lines = NULL;
	size_t n = 0;

	assert_int_equal(cb_notes_recent(st, "k1", 2, &lines, &n, &err), CB_OK);
	assert_int_equal(n, 2);
	assert_string_equal(lines[0].id, "n2");
	assert_string_equal(lines[0].summary, "Rent arrears"); /* no text: the first question */
	assert_int_equal(lines[0].amendments, 0);
	assert_string_equal(lines[1].id, "n1");
	assert_string_equal(lines[1].summary, "Fixed again");
	assert_int_equal(lines[1].amendments, 2);
	assert_string_equal(lines[1].contact_type, "phone");
	cb_note_lines_free(lines, n);
	assert_int_equal(cb_notes_recent(st, "k0", 20, &lines, &n, &err), CB_OK);
	assert_int_equal(n, 0);
	cb_note_lines_free(lines, n);
	cb_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_family_references),
		cmocka_unit_test(test_children_and_membership),
		cmocka_unit_test(test_staff),
		cmocka_unit_test(test_plans_and_open_cases),
		cmocka_unit_test(test_goals_with_latest_progress),
		cmocka_unit_test(test_note_with_amendments),
		cmocka_unit_test(test_recent_notes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
