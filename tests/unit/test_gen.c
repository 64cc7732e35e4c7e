/* test_gen.c: the synthetic casebook generator at a tiny scale: counts, determinism, checks. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/gen.h"
#include "core/clock.h"
#include "core/mem.h"

static cb_form_set forms;

static int load_forms(void **state)
{
	cb_diag diag = {0};

	assert_int_equal(cb_forms_load_dir(TEST_FORMS, &forms, &diag), CB_OK);
	cb_diag_free(&diag);
	return 0;
}

static int free_forms(void **state)
{
	cb_forms_free(&forms);
	return 0;
}

static cb_gen_opts tiny(uint64_t seed)
{
	return (cb_gen_opts){.families = 12, .seed = seed, .note_scale = 0.2,
			     .until = {2026, 11, 1}};
}

static cb_store *generated(uint64_t seed, cb_gen_counts *counts)
{
	cb_store *st = tu_new_store();
	cb_gen_opts o = tiny(seed);
	cb_err err = {0};

	if (cb_gen_run(st, &forms, &o, counts, &err))
		fail_msg("%s", err.msg);
	return st;
}

static void test_counts_match_the_tables(void **state)
{
	cb_gen_counts n;
	cb_store *st = generated(1, &n);

	assert_int_equal(n.families, 12);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM families"), 12);
	assert_true(n.cases >= 12 && n.cases <= 12 * 5);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM cases"), n.cases);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM referrals"), n.cases);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM people"), n.people);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM family_members"), n.people);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM notes"), n.notes);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM assessments"), n.assessments);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM goals"), n.goals);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM goal_reviews"), n.reviews);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM plan_episodes"), n.plans);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM practitioners"), n.practitioners);
	assert_true(n.notes > n.cases * 5);
	assert_true(n.assessments > n.cases && n.goals > 0 && n.reviews > 0);
	/* Every team has a supervisor; every case a practitioner of a team. */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM practitioners WHERE role = 'supervisor'"),
			 n.teams);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM cases c JOIN practitioners p"
				    " ON p.id = c.practitioner_id AND p.team_id = c.team_id"), n.cases);
	/* The audit log holds every write (updates too) and the data passes casebook check. */
	assert_true(tu_int(st, "SELECT count(*) FROM audit_log") > n.notes + n.assessments);
	cb_diag problems = {0};
	cb_err err = {0};
	assert_int_equal(cb_store_check(st, &problems, &err), CB_OK);
	assert_int_equal(problems.count, 0);
	char *synthetic = cb_store_meta_get(st, "synthetic");
	assert_non_null(synthetic);
	assert_non_null(strstr(synthetic, "--families 12"));
	free(synthetic);
	cb_store_close(st);
}

static void test_records_look_like_the_app_wrote_them(void **state)
{
	cb_store *st = generated(2, NULL);

	/* Notes fall inside their case, the Signs of Safety questions are on home visits. */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM notes n JOIN cases c ON c.id = n.case_id"
				    " WHERE substr(n.occurred_at, 1, 10) < c.referred_on"
				    " OR substr(n.occurred_at, 1, 10) > coalesce(c.closed_on, '2026-11-01')"), 0);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM notes WHERE contact_type = 'home_visit'"
				    " AND (worries IS NULL OR working_well IS NULL OR needs_to_happen IS NULL)"
				    " AND body NOT LIKE 'Closing visit%'"), 0);
	assert_true(tu_int(st, "SELECT avg(length(body)) FROM notes") > 150);
	/* Written as the practitioner, at the time of the contact (created_at follows it). */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM notes n JOIN cases c ON c.id = n.case_id"
				    " WHERE n.created_by <> c.practitioner_id"), 0);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM notes WHERE substr(created_at, 1, 10)"
				    " <> substr(occurred_at, 1, 10)"), 0);
	/* The risk framework's over-11 sections are answered only for children over 11. */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM assessment_answers a"
				    " JOIN assessments s ON s.id = a.assessment_id"
				    " JOIN cases c ON c.id = s.case_id JOIN people p ON p.id = c.child_id"
				    " WHERE s.instrument = 'risk-framework' AND a.item LIKE 'c\\_%' ESCAPE '\\'"
				    " AND date(p.born, '+12 years') > s.assessed_on"), 0);
	/* Scores were computed on saving; mostly risk framework and working alliance. */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM assessments s WHERE NOT EXISTS"
				    " (SELECT 1 FROM assessment_scores WHERE assessment_id = s.id)"), 0);
	assert_true(tu_int(st, "SELECT count(*) FROM assessments WHERE instrument IN"
			       " ('risk-framework', 'working-alliance')") * 10 >
		    tu_int(st, "SELECT count(*) FROM assessments") * 8);
	/* Closed cases say why; NFA referrals close their case on the day. */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM cases WHERE closed_on IS NOT NULL"
				    " AND length(closure_reason) < 10"), 0);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM referrals r JOIN cases c ON c.id = r.case_id"
				    " WHERE r.outcome = 'nfa' AND c.closed_on IS NOT r.referred_on"), 0);
	cb_store_close(st);
}

/* Everything but the device (random per database) and what embeds it. */
static char *content(cb_store *st)
{
	static const char *const sql[] = {
		"SELECT group_concat(x, '|') FROM (SELECT id || family_ref || name || address ||"
		" created_at || created_by AS x FROM families ORDER BY id)",
		"SELECT group_concat(x, '|') FROM (SELECT id || name || born || ethnicity AS x"
		" FROM people ORDER BY id)",
		"SELECT group_concat(x, '|') FROM (SELECT id || child_id || referred_on || need ||"
		" coalesce(closed_on, '') || coalesce(closure_reason, '') AS x FROM cases ORDER BY id)",
		"SELECT group_concat(x, '|') FROM (SELECT id || occurred_at || body ||"
		" coalesce(worries, '') || created_at AS x FROM notes ORDER BY id)",
		"SELECT group_concat(x, '|') FROM (SELECT assessment_id || scale || coalesce(score, '')"
		" AS x FROM assessment_scores ORDER BY 1)",
		"SELECT group_concat(x, '|') FROM (SELECT id || text || status AS x FROM goals ORDER BY id)",
	};
	strbuf sb = {0};

	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		char *part = tu_text(st, sql[i]);
		sb_append(&sb, part ? part : "");
		sb_append(&sb, "\n");
		free(part);
	}
	return sb_take(&sb);
}

static void test_the_same_seed_makes_the_same_casebook(void **state)
{
	int64_t clock_before = cb_clock_fixed();
	cb_store *a = generated(3, NULL), *b = generated(3, NULL), *c = generated(4, NULL);
	char *ta = content(a), *tb = content(b), *tc = content(c);

	assert_string_equal(ta, tb);
	assert_string_not_equal(ta, tc);
	assert_true(cb_clock_fixed() == clock_before);
	free(ta);
	free(tb);
	free(tc);
	cb_store_close(a);
	cb_store_close(b);
	cb_store_close(c);
}

static void test_a_casebook_with_families_is_refused(void **state)
{
	cb_store *st = generated(5, NULL);
	cb_gen_opts o = tiny(5);
	cb_err err = {0};
	long long before = tu_int(st, "SELECT count(*) FROM audit_log");

	assert_int_equal(cb_gen_run(st, &forms, &o, NULL, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "new file with --db"));
	assert_int_equal(tu_int(st, "SELECT count(*) FROM audit_log"), before);
	cb_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_match_the_tables),
		cmocka_unit_test(test_records_look_like_the_app_wrote_them),
		cmocka_unit_test(test_the_same_seed_makes_the_same_casebook),
		cmocka_unit_test(test_a_casebook_with_families_is_refused),
	};
	return cmocka_run_group_tests(tests, load_forms, free_forms);
}
