/* test_scoring.c: answer checks and scale scores for every shipped instrument, by hand. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/instrument.h"
#include "core/mem.h"
#include "forms/forms.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static cb_instrument *shipped(const char *file)
{
	char *path = xasprintf("%s/%s", TEST_FORMS, file);
	cb_instrument *ins = NULL;
	cb_diag diag = {0};

	if (cb_form_load(path, &ins, &diag) != CB_OK)
		fail_msg("%s: %s", path, diag.count ? diag.lines[0] : "failed");
	free(path);
	return ins;
}

static cb_subject child_born(const char *birth, const char *on)
{
	cb_subject who = {.birth_known = birth != NULL};

	if (birth)
		assert_true(cb_date_parse(birth, &who.birth));
	assert_true(cb_date_parse(on, &who.on));
	return who;
}

/* Scores every scale; the caller frees the result. */
static cb_scale_score *score(const cb_instrument *ins, const cb_subject *who,
			     const cb_answer *answers, size_t n)
{
	cb_scale_score *out = xcalloc(ins->n_scales, sizeof *out);
	cb_score(ins, who, answers, n, out);
	return out;
}

static void score_is(const cb_instrument *ins, const cb_scale_score *out, const char *id,
			 double value, int answered, int applicable)
{
	long s = cb_instrument_scale(ins, id);
	const cb_scale_score *sc;

	assert_true(s >= 0);
	sc = &out[s];
	if (!sc->has_value || fabs(sc->value - value) > 1e-9 || sc->answered != answered ||
	    sc->applicable != applicable)
		fail_msg("%s.%s: has_value %d value %.6f answered %d applicable %d; expected %.6f "
			 "%d/%d",
			 ins->id, id, sc->has_value, sc->value, sc->answered, sc->applicable, value,
			 answered, applicable);
}

static void score_missing(const cb_instrument *ins, const cb_scale_score *out,
			    const char *id, int answered, int applicable)
{
	long s = cb_instrument_scale(ins, id);

	assert_true(s >= 0);
	if (out[s].has_value || out[s].answered != answered || out[s].applicable != applicable)
		fail_msg("%s.%s: has_value %d value %g answered %d applicable %d; expected no value "
			 "%d/%d",
			 ins->id, id, out[s].has_value, out[s].value, out[s].answered,
			 out[s].applicable, answered, applicable);
}

/* Runs cb_answers_check and compares its messages with want[] exactly. */
static void answers_give(const cb_instrument *ins, const cb_subject *who, const cb_answer *a,
			 size_t n, const char *const *want, size_t n_want)
{
	cb_diag diag = {0};
	enum cb_status rc = cb_answers_check(ins, who, a, n, "caseload.yaml:120", &diag);

	assert_int_equal(rc, n_want ? CB_INVALID : CB_OK);
	for (size_t i = 0; i < diag.count || i < n_want; i++) {
		const char *got = i < diag.count ? diag.lines[i] : "(nothing)";
		const char *exp = i < n_want ? want[i] : "(nothing)";
		if (strcmp(got, exp) != 0)
			fail_msg("message %zu:\n  got:      %s\n  expected: %s", i + 1, got, exp);
	}
	cb_diag_free(&diag);
}

/* Five risks (one explicitly unticked), two protective factors, parent compliant. */
static const cb_answer young_answers[] = {
	{"p_mental_health", "1"},  {"p_substance_abuse", "1"},	 {"p_previous_social_care", "0"},
	{"f_family_stress", "1"},  {"s_lack_social_support", "1"}, {"p_empathy_for_child", "1"},
	{"f_supportive_network", "1"}, {"engagement_parent", "compliant"},
};

static void test_risk_framework_nine_year_old(void **state)
{
	cb_instrument *ins = shipped("risk-framework.yaml");
	cb_subject who = child_born("2016-03-01", "2025-06-01"); /* 9 */
	cb_scale_score *out;

	answers_give(ins, &who, young_answers, N_OF(young_answers), NULL, 0);
	out = score(ins, &who, young_answers, N_OF(young_answers));
	/* 15 parent/family/social risk items apply (the 4 child ones do not): 4 ticked */
	score_is(ins, out, "risk", -4, 15, 15);
	score_is(ins, out, "protective", 2, 7, 7);
	score_is(ins, out, "engagement", 1, 1, 1);
	score_is(ins, out, "total", -4 + 2 + 1, 23, 23);
	free(out);
	cb_instrument_free(ins);
}

static void test_risk_framework_child_items_refused_for_nine_year_old(void **state)
{
	cb_instrument *ins = shipped("risk-framework.yaml");
	cb_subject who = child_born("2016-03-01", "2025-06-01");
	cb_answer a[N_OF(young_answers) + 2];
	static const char *const want[] = {
		"caseload.yaml:120: 'c_risk_taking' is in section 'child_risk', which applies only "
		"when the child is over 11 on the assessment date; the child was 9 on 2025-06-01",
		"caseload.yaml:120: 'engagement_child' is in section 'child_engagement', which "
		"applies only when the child is over 11 on the assessment date; the child was 9 on "
		"2025-06-01",
	};
	cb_scale_score *out;

	memcpy(a, young_answers, sizeof young_answers);
	a[N_OF(young_answers)] = (cb_answer){"c_risk_taking", "1"};
	a[N_OF(young_answers) + 1] = (cb_answer){"engagement_child", "dissent"};
	answers_give(ins, &who, a, N_OF(a), want, 2);
	/* scoring leaves out answers to sections that do not apply */
	out = score(ins, &who, a, N_OF(a));
	score_is(ins, out, "risk", -4, 15, 15);
	score_is(ins, out, "engagement", 1, 1, 1);
	score_is(ins, out, "total", -1, 23, 23);
	free(out);
	cb_instrument_free(ins);
}

static const cb_answer teen_answers[] = {
	{"p_mental_health", "1"},	  {"p_substance_abuse", "1"},
	{"f_family_stress", "1"},	  {"s_lack_social_support", "1"},
	{"c_risk_taking", "1"},		  {"c_low_attendance", "1"},
	{"c_excluded", "0"},		  {"p_empathy_for_child", "1"},
	{"f_supportive_network", "1"},	  {"c_engagement_at_school", "1"},
	{"engagement_parent", "collaborative"}, {"engagement_child", "tokenistic"},
};

static void test_risk_framework_fourteen_year_old(void **state)
{
	cb_instrument *ins = shipped("risk-framework.yaml");
	cb_subject who = child_born("2011-01-15", "2025-06-01"); /* 14 */
	cb_scale_score *out;

	answers_give(ins, &who, teen_answers, N_OF(teen_answers), NULL, 0);
	out = score(ins, &who, teen_answers, N_OF(teen_answers));
	score_is(ins, out, "risk", -6, 19, 19);
	score_is(ins, out, "protective", 3, 10, 10);
	score_is(ins, out, "engagement", 2 - 1, 2, 2);
	score_is(ins, out, "total", -6 + 3 + 1, 31, 31);
	free(out);
	cb_instrument_free(ins);
}

static void test_risk_framework_unanswered_engagement(void **state)
{
	cb_instrument *ins = shipped("risk-framework.yaml");
	cb_subject who = child_born("2011-01-15", "2025-06-01");
	/* teen_answers without the two engagement ratings */
	cb_scale_score *out = score(ins, &who, teen_answers, N_OF(teen_answers) - 2);
	cb_answer parent_only[] = {{"engagement_parent", "dissent"}};

	score_is(ins, out, "risk", -6, 19, 19);
	score_is(ins, out, "protective", 3, 10, 10);
	score_missing(ins, out, "engagement", 0, 2);
	score_missing(ins, out, "total", 29, 31);
	free(out);
	/* nothing ticked at all: ticks count as answered zeros, engagement has no value */
	out = score(ins, &who, parent_only, 1);
	score_is(ins, out, "risk", 0, 19, 19);
	score_is(ins, out, "protective", 0, 10, 10);
	score_is(ins, out, "engagement", -2, 1, 2);
	score_is(ins, out, "total", -2, 30, 31);
	free(out);
	cb_instrument_free(ins);
}

/* Over 11 means 12 or older on the assessment date. */
static void test_risk_framework_age_boundary_and_unknown_birth(void **state)
{
	cb_instrument *ins = shipped("risk-framework.yaml");
	const cb_section *child = &ins->sections[cb_instrument_section(ins, "child_risk")];
	const cb_section *parent = &ins->sections[cb_instrument_section(ins, "parent_risk")];
	cb_subject twelve = child_born("2013-06-01", "2025-06-01");
	cb_subject eleven = child_born("2013-06-01", "2025-05-31");
	cb_subject unknown = child_born(NULL, "2025-06-01");
	cb_answer a[] = {{"c_aggressive", "1"}};
	static const char *const want[] = {
		"caseload.yaml:120: 'c_aggressive' is in section 'child_risk', which applies only "
		"when the child is over 11; the child's date of birth is not recorded, so leave it "
		"out or record the date of birth",
	};
	cb_scale_score *out;

	assert_true(cb_section_applies(child, &twelve));
	assert_false(cb_section_applies(child, &eleven));
	assert_false(cb_section_applies(child, &unknown));
	assert_true(cb_section_applies(parent, &unknown));
	answers_give(ins, &twelve, a, 1, NULL, 0);
	answers_give(ins, &unknown, a, 1, want, 1);
	out = score(ins, &twelve, a, 1);
	score_is(ins, out, "risk", -1, 19, 19);
	free(out);
	out = score(ins, &unknown, a, 1);
	score_is(ins, out, "risk", 0, 15, 15);
	free(out);
	cb_instrument_free(ins);
}

static void test_working_alliance_havering_means(void **state)
{
	cb_instrument *ins = shipped("working-alliance.yaml");
	cb_subject who = child_born(NULL, "2025-06-01");
	/* goal 6+6+5+6 = 23/4 = 5.75; task 5+6+6+6 = 5.75; bond all 6 = 6.0 */
	const cb_answer a[] = {
		{"goal_1", "6"}, {"goal_2", "6"}, {"goal_3", "5"}, {"goal_4", "6"},
		{"task_1", "5"}, {"task_2", "6"}, {"task_3", "6"}, {"task_4", "6"},
		{"bond_1", "6"}, {"bond_2", "6"}, {"bond_3", "6"}, {"bond_4", "6"},
	};
	cb_scale_score *out;

	answers_give(ins, &who, a, N_OF(a), NULL, 0);
	out = score(ins, &who, a, N_OF(a));
	score_is(ins, out, "goal", 5.75, 4, 4);
	score_is(ins, out, "task", 5.75, 4, 4);
	score_is(ins, out, "bond", 6.0, 4, 4);
	score_is(ins, out, "alliance", 17.5, 12, 12);
	/* close to Havering's young people and families (5.73 / 5.82 / 6.08 = 17.62 of 21) */
	assert_true(fabs(out[cb_instrument_scale(ins, "alliance")].value - 17.62) < 0.15);
	free(out);
	cb_instrument_free(ins);
}

static void test_working_alliance_extremes_and_gaps(void **state)
{
	cb_instrument *ins = shipped("working-alliance.yaml");
	cb_subject who = child_born(NULL, "2025-06-01");
	const cb_answer top[] = {
		{"goal_1", "7"}, {"goal_2", "7"}, {"goal_3", "7"}, {"goal_4", "7"},
		{"task_1", "7"}, {"task_2", "7"}, {"task_3", "7"}, {"task_4", "7"},
		{"bond_1", "7"}, {"bond_2", "7"}, {"bond_3", "7"}, {"bond_4", "7"},
	};
	/* goal from two items (7 and 4: 5.5), no task answers, bond 1 2 3 4 (2.5) */
	const cb_answer gaps[] = {
		{"goal_1", "7"}, {"goal_3", "4"}, {"bond_1", "1"},
		{"bond_2", "2"}, {"bond_3", "3"}, {"bond_4", "4"},
	};
	cb_scale_score *out = score(ins, &who, top, N_OF(top));

	score_is(ins, out, "alliance", 21, 12, 12);
	free(out);
	out = score(ins, &who, gaps, N_OF(gaps));
	score_is(ins, out, "goal", 5.5, 2, 4);
	score_missing(ins, out, "task", 0, 4);
	score_is(ins, out, "bond", 2.5, 4, 4);
	score_missing(ins, out, "alliance", 6, 12);
	free(out);
	cb_instrument_free(ins);
}

static void test_practice_observation(void **state)
{
	cb_instrument *ins = shipped("practice-observation.yaml");
	cb_subject who = child_born(NULL, "2025-06-01");
	const cb_answer a[] = {
		{"collaboration", "3"}, {"empathy", "2"}, {"purposefulness", "4"},
		{"clarity", "3"},	{"child_focus", "2"}, {"overall", "3"},
	};
	cb_scale_score *out;

	answers_give(ins, &who, a, N_OF(a), NULL, 0);
	out = score(ins, &who, a, N_OF(a));
	score_is(ins, out, "collaboration", 3, 1, 1);
	score_is(ins, out, "empathy", 2, 1, 1);
	score_is(ins, out, "purposefulness", 4, 1, 1);
	score_is(ins, out, "clarity", 3, 1, 1);
	score_is(ins, out, "child_focus", 2, 1, 1);
	score_is(ins, out, "relationship_building", (3 + 2 + 2) / 3.0, 3, 3);
	score_is(ins, out, "respectful_authority", (4 + 3) / 2.0, 2, 2);
	score_is(ins, out, "overall", 3, 1, 1);
	free(out);
	/* overall is recorded, never derived: left blank it has no value */
	out = score(ins, &who, a, N_OF(a) - 1);
	score_missing(ins, out, "overall", 0, 1);
	score_is(ins, out, "relationship_building", 7 / 3.0, 3, 3);
	free(out);
	cb_instrument_free(ins);
}

static void test_adolescent_profile_counts(void **state)
{
	cb_instrument *ins = shipped("adolescent-profile.yaml");
	cb_subject who = child_born("2009-09-09", "2025-06-01");
	const cb_answer a[] = {
		{"a_edge_of_care", "1"},   {"a_criminality", "1"},   {"a_exploitation", "0"},
		{"b_substance_misuse", "1"}, {"b_self_harm", "1"},   {"b_mental_health", "1"},
		{"b_behaviour_asb", "1"},  {"b_missing", "1"},	     {"judgement", "refer"},
		{"judgement_reason", "Two group A and five group B vulnerabilities; going missing"},
	};
	const cb_answer bad[] = {{"judgement", "yes"}};
	static const char *const want[] = {
		"caseload.yaml:120: 'judgement' must be one of refer, do_not_refer or discuss, not "
		"'yes'",
	};
	cb_scale_score *out;

	answers_give(ins, &who, a, N_OF(a), NULL, 0);
	answers_give(ins, &who, bad, 1, want, 1);
	out = score(ins, &who, a, N_OF(a));
	score_is(ins, out, "group_a", 2, 4, 4);
	score_is(ins, out, "group_b", 5, 12, 12);
	free(out);
	out = score(ins, &who, NULL, 0);
	score_is(ins, out, "group_a", 0, 4, 4);
	free(out);
	cb_instrument_free(ins);
}

static void test_family_wellbeing(void **state)
{
	cb_instrument *ins = shipped("family-wellbeing.yaml");
	cb_subject who = child_born(NULL, "2025-06-01");
	const cb_answer a[] = {
		{"wellbeing", "4"}, {"mental_health", "6"}, {"comment", "Seen twice; calmer at home"},
	};
	const cb_answer bad[] = {{"wellbeing", "-1"}, {"mental_health", "11"}};
	static const char *const want[] = {
		"caseload.yaml:120: 'wellbeing' must be a whole number from 0 to 10, not '-1'",
		"caseload.yaml:120: 'mental_health' must be a whole number from 0 to 10, not '11'",
	};
	cb_scale_score *out;

	answers_give(ins, &who, a, N_OF(a), NULL, 0);
	answers_give(ins, &who, bad, N_OF(bad), want, 2);
	out = score(ins, &who, a, N_OF(a));
	score_is(ins, out, "wellbeing", 4, 1, 1);
	score_is(ins, out, "mental_health", 6, 1, 1);
	free(out);
	out = score(ins, &who, a, 1);
	score_is(ins, out, "wellbeing", 4, 1, 1);
	score_missing(ins, out, "mental_health", 0, 1);
	free(out);
	cb_instrument_free(ins);
}

static void test_answer_errors(void **state)
{
	cb_instrument *ins = shipped("risk-framework.yaml");
	cb_subject who = child_born("2011-01-15", "2025-06-01");
	const cb_answer a[] = {
		{"p_mental_helth", "1"},	     {"colour", "blue"},
		{"p_mental_health", "yes"},	     {"p_substance_abuse", "2"},
		{"engagement_parent", "neutral"},    {"f_family_stress", "1"},
		{"f_family_stress", "0"},	     {"engagement_child", "Compliant"},
	};
	static const char *const want[] = {
		"caseload.yaml:120: 'p_mental_helth' is not an item of risk-framework version 1; did "
		"you mean 'p_mental_health'?",
		"caseload.yaml:120: 'colour' is not an item of risk-framework version 1; see "
		"`casebook forms show risk-framework` for its items",
		"caseload.yaml:120: 'p_mental_health' is a tick item: the answer must be 1 (ticked) or "
		"0 (not ticked), not 'yes'",
		"caseload.yaml:120: 'p_substance_abuse' is a tick item: the answer must be 1 (ticked) "
		"or 0 (not ticked), not '2'",
		"caseload.yaml:120: 'engagement_parent' must be one of collaborative, compliant, "
		"tokenistic or dissent, not 'neutral'",
		"caseload.yaml:120: 'f_family_stress' is answered more than once; keep one answer",
		"caseload.yaml:120: 'engagement_child' must be one of collaborative, compliant, "
		"tokenistic or dissent, not 'Compliant'",
	};

	answers_give(ins, &who, a, N_OF(a), want, N_OF(want));
	cb_instrument_free(ins);
}

static void test_likert_answer_errors(void **state)
{
	cb_instrument *ins = shipped("working-alliance.yaml");
	cb_subject who = child_born(NULL, "2025-06-01");
	const cb_answer a[] = {
		{"goal_1", "8"}, {"goal_2", "0"}, {"goal_3", "5.5"}, {"goal_4", " 5"},
		{"task_1", "+5"}, {"task_2", ""}, {"task_3", NULL}, {"task_4", "7"},
	};
	static const char *const want[] = {
		"caseload.yaml:120: 'goal_1' must be a whole number from 1 to 7, not '8'",
		"caseload.yaml:120: 'goal_2' must be a whole number from 1 to 7, not '0'",
		"caseload.yaml:120: 'goal_3' must be a whole number from 1 to 7, not '5.5'",
		"caseload.yaml:120: 'goal_4' must be a whole number from 1 to 7, not ' 5'",
		"caseload.yaml:120: 'task_1' must be a whole number from 1 to 7, not '+5'",
		"caseload.yaml:120: 'task_2' must be a whole number from 1 to 7, not ''",
		"caseload.yaml:120: 'task_3' has no value",
	};

	answers_give(ins, &who, a, N_OF(a), want, N_OF(want));
	cb_instrument_free(ins);
}

/* Dates and text, from a small form made for the test; and no `where` prefix. */
static void test_date_and_text_answers(void **state)
{
	const char *yaml = "id: visit\nversion: 1\ntitle: Visit\nsource: test\nraters: [worker]\n"
			   "sections:\n  - id: s\n    title: S\n    items:\n"
			   "      - {id: seen_on, text: Seen on, type: date}\n"
			   "      - {id: note, text: Note, type: text}\n";
	cb_instrument *ins = NULL;
	cb_diag diag = {0};
	cb_subject who = child_born(NULL, "2025-06-01");
	const cb_answer good[] = {{"seen_on", "2024-02-29"}, {"note", ""}};
	const cb_answer bad[] = {{"seen_on", "2025-02-29"}, {"note", "fine"}, {"seen_on", "x"}};

	assert_int_equal(cb_form_load_buffer("visit.yaml", (const unsigned char *)yaml,
					     strlen(yaml), &ins, &diag),
			 CB_OK);
	assert_int_equal(cb_answers_check(ins, &who, good, 2, NULL, &diag), CB_OK);
	assert_int_equal(diag.count, 0);
	assert_int_equal(cb_answers_check(ins, &who, bad, 3, NULL, &diag), CB_INVALID);
	assert_int_equal(diag.count, 2);
	assert_string_equal(diag.lines[0],
			    "'seen_on' must be a real date written YYYY-MM-DD, not '2025-02-29'");
	assert_string_equal(diag.lines[1], "'seen_on' is answered more than once; keep one answer");
	cb_diag_free(&diag);
	cb_instrument_free(ins);
}

/* Weights multiply in a weighted_sum and are ignored by a mean (casebook-forms(5)). */
static void test_mean_ignores_weights(void **state)
{
	const char *yaml = "id: w\nversion: 1\ntitle: W\nsource: test\nraters: [worker]\n"
			   "sections:\n  - id: s\n    title: S\n    items:\n"
			   "      - {id: a, text: A, type: likert, min: 1, max: 5, weight: 2}\n"
			   "      - {id: b, text: B, type: likert, min: 1, max: 5, weight: -0.5}\n"
			   "      - {id: t, text: T, type: tick, weight: 3}\n"
			   "scales:\n"
			   "  - {id: sum, title: Sum, method: weighted_sum, better: higher, "
			   "items: [a, b, t]}\n"
			   "  - {id: avg, title: Avg, method: mean, better: higher, items: [a, b, t]}\n";
	cb_instrument *ins = NULL;
	cb_diag diag = {0};
	cb_subject who = child_born(NULL, "2025-06-01");
	const cb_answer a[] = {{"a", "4"}, {"b", "2"}};
	cb_scale_score *out;

	assert_int_equal(cb_form_load_buffer("w.yaml", (const unsigned char *)yaml, strlen(yaml),
					     &ins, &diag),
			 CB_OK);
	/* sum: 2 x (1..5) + -0.5 x (1..5) + 3 x (0..1) = 2..10 + -2.5..-0.5 + 0..3 */
	assert_true(ins->scales[0].min == -0.5 && ins->scales[0].max == 12.5);
	/* mean: the envelope of the members' own ranges, weights ignored */
	assert_true(ins->scales[1].min == 0 && ins->scales[1].max == 5);
	out = score(ins, &who, a, N_OF(a));
	score_is(ins, out, "sum", 2 * 4 - 0.5 * 2 + 0, 3, 3);
	score_is(ins, out, "avg", (4 + 2 + 0) / 3.0, 3, 3);
	free(out);
	cb_instrument_free(ins);
}

static void test_item_values_and_names(void **state)
{
	cb_instrument *ins = shipped("risk-framework.yaml");
	const cb_item *eng = &ins->items[cb_instrument_item(ins, "engagement_parent")];
	const cb_item *tick = &ins->items[cb_instrument_item(ins, "p_mental_health")];
	const char *const words[] = {"weight", "text", "type", "required"};
	double v = 99, lo, hi;

	assert_true(cb_item_value(eng, "dissent", &v));
	assert_true(v == -2);
	assert_false(cb_item_value(eng, "Dissent", &v));
	assert_true(cb_item_value(tick, "0", &v));
	assert_true(v == 0);
	assert_false(cb_item_value(tick, NULL, &v));
	cb_item_range(eng, &lo, &hi);
	assert_true(lo == -2 && hi == 2);
	cb_item_range(tick, &lo, &hi);
	assert_true(lo == 0 && hi == 1);
	assert_string_equal(cb_item_type_name(CB_ITEM_SCALE10), "scale10");
	assert_string_equal(cb_scale_method_name(CB_SCALE_SUM_OF_SCALES), "sum_of_scales");
	assert_string_equal(cb_better_name(CB_BETTER_LOWER), "lower");
	assert_string_equal(cb_closest("wieght", words, 4), "weight");
	assert_string_equal(cb_closest("requird", words, 4), "required");
	assert_null(cb_closest("colour", words, 4));
	assert_null(cb_closest("tex", words + 3, 1));
	assert_int_equal(cb_instrument_item(ins, "nope"), -1);
	assert_int_equal(cb_instrument_scale(ins, "nope"), -1);
	assert_int_equal(cb_instrument_section(ins, "nope"), -1);
	cb_instrument_free(ins);
	cb_instrument_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_risk_framework_nine_year_old),
		cmocka_unit_test(test_risk_framework_child_items_refused_for_nine_year_old),
		cmocka_unit_test(test_risk_framework_fourteen_year_old),
		cmocka_unit_test(test_risk_framework_unanswered_engagement),
		cmocka_unit_test(test_risk_framework_age_boundary_and_unknown_birth),
		cmocka_unit_test(test_working_alliance_havering_means),
		cmocka_unit_test(test_working_alliance_extremes_and_gaps),
		cmocka_unit_test(test_practice_observation),
		cmocka_unit_test(test_adolescent_profile_counts),
		cmocka_unit_test(test_family_wellbeing),
		cmocka_unit_test(test_answer_errors),
		cmocka_unit_test(test_likert_answer_errors),
		cmocka_unit_test(test_date_and_text_answers),
		cmocka_unit_test(test_mean_ignores_weights),
		cmocka_unit_test(test_item_values_and_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
