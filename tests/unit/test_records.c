/* test_records.c: inserts and updates fill metadata and clocks; assessments store scores. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "forms/forms.h"
#include "store/records.h"

#define M3 "'2026-01-01T00:00:00.000Z', 'p1', 'dev'"

static const char seed[] =
	"INSERT INTO families VALUES ('f1', 'FAM-1', 'Okafor', NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('c1', 'Ada', '2012-05-01', NULL, NULL, " M3 ", 'h');"
	"INSERT INTO cases VALUES ('k1', 'f1', 'c1', '2026-01-02', 'school', 'N1', NULL, NULL,"
	" NULL, NULL, " M3 ", 'h');";

static void test_insert_fills_metadata(void **state)
{
	cb_store *st = tu_new_store();
	char id[CB_UUID_LEN + 1] = "", named[CB_UUID_LEN + 1] = "g-1";
	cb_err err = {0};
	const cb_field goal[] = {
		{"case_id", "k1"}, {"category", "education_employment"}, {"owner", "family"},
		{"text", "School every day"}, {"set_on", "2026-02-01"},
	};

	cb_clock_fix(1790000000000);
	assert_int_equal(tu_exec(st, seed), SQLITE_OK);
	assert_int_equal(cb_record_insert(st, "goals", id, goal, 5, &err), CB_OK);
	assert_int_equal(strlen(id), 36);
	assert_int_equal(cb_record_insert(st, "goals", named, goal, 5, &err), CB_OK);
	assert_string_equal(named, "g-1");
	char *row = tu_text(st, "SELECT created_at || '|' || created_by || '|' || status || '|' ||"
				" (device_id = (SELECT value FROM meta WHERE key = 'device_id'))"
				" FROM goals WHERE id = 'g-1'");
	assert_string_equal(row, "2026-09-21T14:13:20.000Z|tester|active|1");
	free(row);
	/* Two writes in the same millisecond still get increasing clock values. */
	assert_int_equal(tu_int(st, "SELECT count(DISTINCT updated_at) FROM goals"), 2);
	cb_clock_fix(-1);
	cb_store_close(st);
}

static void test_update_moves_the_clock_and_is_audited(void **state)
{
	cb_store *st = tu_new_store();
	char id[CB_UUID_LEN + 1] = "g-1";
	cb_err err = {0};
	const cb_field goal[] = {
		{"case_id", "k1"}, {"category", "other"}, {"owner", "worker"}, {"text", "Plan"},
		{"set_on", "2026-02-01"},
	};
	const cb_field achieved[] = {{"status", "achieved"}};

	assert_int_equal(tu_exec(st, seed), SQLITE_OK);
	assert_int_equal(cb_record_insert(st, "goals", id, goal, 5, &err), CB_OK);
	char *before = tu_text(st, "SELECT updated_at FROM goals");
	assert_int_equal(cb_record_update(st, "goals", "g-1", achieved, 1, &err), CB_OK);
	char *after = tu_text(st, "SELECT updated_at FROM goals");
	assert_true(strcmp(before, after) < 0);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM audit_log WHERE tbl = 'goals'"
				    " AND op = 'update' AND after LIKE '%\"status\":\"achieved\"%'"), 1);
	assert_int_equal(cb_record_update(st, "goals", "nope", achieved, 1, &err), CB_NOT_FOUND);
	/* A value the schema refuses is an error with the rule named, and changes nothing. */
	const cb_field bad[] = {{"status", "finished"}};
	assert_int_equal(cb_record_update(st, "goals", "g-1", bad, 1, &err), CB_INVALID);
	char *status = tu_text(st, "SELECT status FROM goals");
	assert_string_equal(status, "achieved");
	free(status);
	free(before);
	free(after);
	cb_store_close(st);
}

static void test_assessment_is_saved_with_its_scores(void **state)
{
	cb_store *st = tu_new_store();
	cb_instrument *ins = NULL;
	cb_diag diag = {0};
	cb_err err = {0};
	char id[CB_UUID_LEN + 1] = "a-1";
	/* Ada (born 2012-05-01) is 14 on 2026-06-01, so the child items apply. */
	cb_subject who = {true, {2012, 5, 1}, {2026, 6, 1}};
	const cb_answer answers[] = {
		{"p_mental_health", "1"}, {"c_low_attendance", "1"}, {"f_family_stress", "1"},
		{"p_empathy_for_child", "1"}, {"c_engagement_at_school", "1"},
		{"engagement_parent", "compliant"}, {"engagement_child", "collaborative"},
	};
	const cb_field fields[] = {{"case_id", "k1"}, {"assessed_on", "2026-06-01"}, {"rater", "worker"}};

	assert_int_equal(cb_form_load(TEST_FORMS "/risk-framework.yaml", &ins, &diag), CB_OK);
	assert_int_equal(tu_exec(st, seed), SQLITE_OK);
	assert_int_equal(cb_answers_check(ins, &who, answers, 7, "test", &diag), CB_OK);
	assert_int_equal(cb_assessment_insert(st, ins, &who, id, fields, 3, answers, 7, &err), CB_OK);
	/* risk -3, protective +2, engagement 1 + 2 = 3, total 2 (higher is safer) */
	assert_int_equal(tu_int(st, "SELECT score FROM assessment_scores WHERE scale = 'risk'"), -3);
	assert_int_equal(tu_int(st, "SELECT score FROM assessment_scores WHERE scale = 'protective'"), 2);
	assert_int_equal(tu_int(st, "SELECT score FROM assessment_scores WHERE scale = 'engagement'"), 3);
	assert_int_equal(tu_int(st, "SELECT score FROM assessment_scores WHERE scale = 'total'"), 2);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM assessment_answers"), 7);
	char *meta = tu_text(st, "SELECT instrument || ' v' || instrument_version || ' ' ||"
				 " length(content_hash) FROM assessments");
	assert_string_equal(meta, "risk-framework v1 64");
	free(meta);
	cb_instrument_free(ins);
	cb_diag_free(&diag);
	cb_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_fills_metadata),
		cmocka_unit_test(test_update_moves_the_clock_and_is_audited),
		cmocka_unit_test(test_assessment_is_saved_with_its_scores),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
