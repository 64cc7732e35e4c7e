/* test_report.c: the outcome report against Havering's published tables and hand-worked fixtures. */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/import.h"
#include "core/mem.h"
#include "core/text.h"
#include "forms/forms.h"
#include "report/report.h"
#include "ui/report_text.h"

#define FIX TEST_FIXTURES "/report/"

static cb_form_set forms;

static const cb_form_set *get_forms(void *ctx)
{
	return &forms;
}

static int setup(void **state)
{
	cb_diag diag = {0};
	enum cb_status rc = cb_forms_load_dir(TEST_FORMS, &forms, &diag);

	cb_diag_free(&diag);
	return rc == CB_OK ? 0 : -1;
}

static int teardown(void **state)
{
	cb_forms_free(&forms);
	return 0;
}

/* A new casebook with the fixture imported (none when file is NULL). */
static cb_store *casebook(const char *file)
{
	static const cb_import_opts opts = {.forms = get_forms, .forms_dir = TEST_FORMS};
	cb_store *st = tu_new_store();
	cb_import_result res;
	cb_diag problems = {0};
	cb_err err = {0};

	if (file && cb_import_file(st, file, &opts, &res, &problems, &err) != CB_OK) {
		for (size_t i = 0; i < problems.count; i++)
			print_error("%s\n", problems.lines[i]);
		fail_msg("importing %s: %s", file, err.msg);
	}
	cb_diag_free(&problems);
	return st;
}

static enum cb_status run(cb_store *st, const char *from, const char *to, const char *team,
			  const char *prac, cb_report *r, cb_err *err)
{
	cb_report_opts o = {.team_id = team, .practitioner_id = prac, .forms = &forms};

	snprintf(o.from, sizeof o.from, "%s", from);
	snprintf(o.to, sizeof o.to, "%s", to);
	return cb_report_run(st, &o, r, err);
}

static void report_of(cb_store *st, const char *from, const char *to, const char *team,
		      const char *prac, cb_report *r)
{
	cb_err err = {0};

	if (run(st, from, to, team, prac, r, &err) != CB_OK)
		fail_msg("report: %s", err.msg);
}

static void assert_near(double got, double want)
{
	if (fabs(got - want) > 1e-9)
		fail_msg("got %.10g, want %.10g", got, want);
}

static void assert_within(double got, double want, double tolerance)
{
	if (fabs(got - want) > tolerance)
		fail_msg("got %.10g, want %.10g (within %g)", got, want, tolerance);
}

static void assert_counts(const long *got, const long *want, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (got[i] != want[i])
			fail_msg("count %zu: got %ld, want %ld", i, got[i], want[i]);
}

static void assert_pcts(const int *got, const int *want, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (got[i] != want[i])
			fail_msg("percent %zu: got %d, want %d", i, got[i], want[i]);
}

static void assert_share(cb_share s, long k, long n, int percent)
{
	if (s.k != k || s.n != n || s.percent != percent)
		fail_msg("share %ld of %ld (%d%%), want %ld of %ld (%d%%)", s.k, s.n, s.percent, k, n,
			 percent);
}

/* ---- Havering FTT, Table 4/12 ([002]:514-525) ---- */

static void test_havering_plan_table(void **state)
{
	cb_store *st = casebook(FIX "havering-ftt.yaml");
	const long start[] = {0, 0, 32, 33, 2}, end[] = {42, 3, 9, 13, 0};
	const int start_pct[] = {0, 0, 48, 49, 3}, end_pct[] = {63, 5, 13, 19, 0};
	const long moved[] = {52, 15, 0};
	const int moved_pct[] = {77, 22, 0};
	cb_report r;

	report_of(st, "2018-04-01", "2019-09-30", NULL, NULL, &r);
	assert_int_equal(r.plans.n, 67);
	assert_counts(r.plans.start, start, 5);
	assert_counts(r.plans.end, end, 5);
	assert_pcts(r.plans.start_percent, start_pct, 5);
	assert_pcts(r.plans.end_percent, end_pct, 5);
	assert_counts(r.plans.moved, moved, 3);
	assert_pcts(r.plans.moved_percent, moved_pct, 3);
	assert_share(r.plans.off_plan, 45, 67, 67); /* "67% ... no longer subject to a plan" */
	/* Nobody stepped up; the 35 who came in on CP or LAC are not escalations. */
	assert_int_equal(r.outcomes.escalated_cp.k + r.outcomes.escalated_lac.k, 0);
	assert_int_equal(r.outcomes.started_cp_lac, 35);
	cb_report_free(&r);
	cb_store_close(st);
}

/* ---- Havering WAI ([002]:766) ---- */

static void test_havering_alliance(void **state)
{
	cb_store *st = casebook(FIX "havering-wai.yaml");
	const cb_alliance_side *f, *w;
	cb_report r;

	report_of(st, "2019-01-01", "2019-12-31", NULL, NULL, &r);
	f = &r.alliance.family;
	w = &r.alliance.worker;
	assert_int_equal(f->ratings, 23);
	assert_int_equal(f->cases, 12);
	assert_int_equal(w->ratings, 12);
	assert_int_equal(r.alliance.superseded, 12);
	assert_true(cb_round_half_up(f->mean[CB_WAI_GOAL].value, 2) == 5.73);
	assert_true(cb_round_half_up(f->mean[CB_WAI_TASK].value, 2) == 5.82);
	assert_true(cb_round_half_up(f->mean[CB_WAI_BOND].value, 2) == 6.08);
	assert_within(f->aggregate.value, 17.62, 0.01);
	assert_true(cb_round_half_up(f->aggregate.value, 2) == 17.62); /* not 17.63 */
	assert_true(cb_round_half_up(w->mean[CB_WAI_GOAL].value, 2) == 5.52);
	assert_true(cb_round_half_up(w->mean[CB_WAI_TASK].value, 2) == 5.40);
	assert_true(cb_round_half_up(w->mean[CB_WAI_BOND].value, 2) == 6.10);
	assert_within(w->aggregate.value, 17.02, 0.01);
	assert_int_equal(f->aggregate.n, 23);
	assert_false(cb_report_too_few(f->aggregate.n));
	cb_report_free(&r);
	cb_store_close(st);
}

/* ---- the hand-worked fixture (its header has the arithmetic) ---- */

static void test_hand_cohort_and_plans(void **state)
{
	cb_store *st = casebook(FIX "hand.yaml");
	const long start[] = {2, 1, 2, 2, 0}, end[] = {3, 0, 2, 1, 1}, moved[] = {1, 5, 1};
	const int start_pct[] = {29, 14, 29, 28, 0}, end_pct[] = {43, 0, 29, 14, 14};
	const int moved_pct[] = {14, 71, 14};
	cb_report r;

	report_of(st, "2026-01-01", "2026-06-30", NULL, NULL, &r);
	assert_int_equal(r.cases, 7);
	assert_int_equal(r.open_at_start, 2);
	assert_null(r.team_id);
	assert_counts(r.plans.start, start, 5);
	assert_counts(r.plans.end, end, 5);
	assert_pcts(r.plans.start_percent, start_pct, 5);
	assert_pcts(r.plans.end_percent, end_pct, 5);
	assert_counts(r.plans.moved, moved, 3);
	assert_pcts(r.plans.moved_percent, moved_pct, 3);
	assert_share(r.plans.off_plan, 3, 7, 43);
	cb_report_free(&r);
	cb_store_close(st);
}

static void test_hand_outcomes(void **state)
{
	cb_store *st = casebook(FIX "hand.yaml");
	const cb_outcome_report *o;
	cb_report r;

	report_of(st, "2026-01-01", "2026-06-30", NULL, NULL, &r);
	o = &r.outcomes;
	assert_int_equal(o->cases, 7);
	assert_int_equal(o->closed, 2);
	assert_share(o->closed_no_escalation, 1, 7, 14);
	assert_int_equal(o->closed_then_escalated, 1);
	assert_share(o->escalated_cp, 1, 7, 14);
	assert_share(o->escalated_lac, 1, 7, 14);
	assert_int_equal(o->started_cp_lac, 2);
	assert_int_equal(o->length_mean.n, 1);
	assert_near(o->length_mean.value, 39.0);
	assert_near(o->length_median.value, 39.0);
	assert_true(cb_report_too_few(o->length_mean.n));
	assert_int_equal(o->still_open, 5);
	assert_int_equal(o->referrals, 5);
	assert_share(o->re_referred, 1, 5, 20);
	assert_int_equal(o->re_referred_any, 1);
	assert_int_equal(o->short_follow_up, 5);
	assert_int_equal(o->short_follow_up_re_referred, 1);
	assert_share(o->nfa, 1, 4, 25);
	assert_int_equal(o->pending, 1);
	cb_report_free(&r);
	cb_store_close(st);
}

/* Over a longer period: Eve's second referral came 14 months after her first (not within
 * 12), Cal's 10.5 months after his; only referrals after 2025-06-30 lack a full year. */
static void test_hand_re_referral_window(void **state)
{
	cb_store *st = casebook(FIX "hand.yaml");
	const cb_outcome_report *o;
	cb_report r;

	report_of(st, "2024-01-01", "2026-06-30", NULL, NULL, &r);
	o = &r.outcomes;
	assert_int_equal(r.cases, 8); /* Eve's case is in this time */
	assert_int_equal(o->referrals, 9);
	assert_share(o->re_referred, 2, 9, 22);
	assert_int_equal(o->re_referred_any, 3);
	assert_int_equal(o->short_follow_up, 6);
	assert_int_equal(o->short_follow_up_re_referred, 1);
	assert_share(o->nfa, 1, 8, 13); /* 12.5% rounds half up */
	cb_report_free(&r);
	cb_store_close(st);
}

static void assert_box(const cb_risk_change *c, size_t n, double median, double q1, double q3,
		       const long *moved, const int *pct)
{
	assert_int_equal(c->box.n, n);
	assert_near(c->box.median, median);
	assert_near(c->box.q1, q1);
	assert_near(c->box.q3, q3);
	assert_near(c->box.iqr, q3 - q1);
	assert_counts(c->moved, moved, 3);
	assert_pcts(c->percent, pct, 3);
	assert_true(c->higher_is_better);
}

static void test_hand_risk(void **state)
{
	cb_store *st = casebook(FIX "hand.yaml");
	const cb_risk_report *risk;
	const cb_risk_case *a1;
	double d;
	cb_report r;

	report_of(st, "2026-01-01", "2026-06-30", NULL, NULL, &r);
	risk = &r.risk;
	assert_int_equal(risk->n_cases, 5);
	assert_box(&risk->change[CB_RISK_TOTAL], 3, 0, -2, 2, (long[]){1, 1, 1}, (int[]){34, 33, 33});
	assert_box(&risk->change[CB_RISK_RISK], 4, 1, 0.5, 1, (long[]){3, 0, 1}, (int[]){75, 0, 25});
	assert_box(&risk->change[CB_RISK_PROTECTIVE], 4, 0, -0.25, 0.25, (long[]){1, 2, 1},
		   (int[]){25, 50, 25});
	assert_box(&risk->change[CB_RISK_ENGAGEMENT], 3, -1, -1.5, 0.5, (long[]){1, 0, 2},
		   (int[]){33, 0, 67});
	assert_int_equal(risk->change[CB_RISK_TOTAL].box.outliers, 0);
	a1 = &risk->cases[0]; /* Adebayo family first */
	assert_string_equal(a1->case_id, "case-a1");
	assert_string_equal(a1->child_name, "Zoë Adebayo");
	assert_int_equal(a1->n_points, 3); /* 2025-12-01 is before the period */
	assert_string_equal(a1->points[a1->first[CB_RISK_TOTAL]].on, "2026-01-10");
	assert_near(a1->points[a1->first[CB_RISK_TOTAL]].value[CB_RISK_TOTAL], -6);
	assert_near(a1->points[a1->latest[CB_RISK_TOTAL]].value[CB_RISK_TOTAL], -2);
	assert_true(cb_risk_case_change(a1, CB_RISK_ENGAGEMENT, &d));
	assert_near(d, 2);
	/* case-a4: engagement not rated on 05-01, so its total appears once and has no change. */
	for (size_t i = 0; i < risk->n_cases; i++) {
		if (strcmp(risk->cases[i].case_id, "case-a4") != 0)
			continue;
		assert_false(cb_risk_case_change(&risk->cases[i], CB_RISK_TOTAL, &d));
		assert_true(cb_risk_case_change(&risk->cases[i], CB_RISK_RISK, &d));
		assert_near(d, 1);
	}
	cb_report_free(&r);
	cb_store_close(st);
}

static void test_hand_alliance_goals(void **state)
{
	cb_store *st = casebook(FIX "hand.yaml");
	const cb_alliance_report *a;
	const cb_goal_report *g;
	const long cats[] = {3, 0, 1, 1, 0, 0, 0, 1, 0};
	const int cat_pct[] = {50, 0, 17, 17, 0, 0, 0, 16, 0};
	cb_report r;

	report_of(st, "2026-01-01", "2026-06-30", NULL, NULL, &r);
	a = &r.alliance;
	assert_int_equal(a->family.ratings, 2);
	assert_near(a->family.mean[CB_WAI_GOAL].value, 6.25);
	assert_near(a->family.mean[CB_WAI_TASK].value, 5.5);
	assert_near(a->family.mean[CB_WAI_BOND].value, 6.5);
	assert_near(a->family.aggregate.value, 18.25);
	assert_int_equal(a->worker.ratings, 2);
	assert_near(a->worker.mean[CB_WAI_GOAL].value, 3.5);
	assert_near(a->worker.mean[CB_WAI_TASK].value, 4.5);
	assert_int_equal(a->worker.mean[CB_WAI_BOND].n, 1);
	assert_near(a->worker.aggregate.value, 13);
	assert_int_equal(a->worker.aggregate.n, 1);
	assert_int_equal(a->superseded, 1);

	g = &r.goals;
	assert_int_equal(g->n, 6);
	assert_counts(g->by_category, cats, CB_GOAL_CATEGORIES);
	assert_pcts(g->category_percent, cat_pct, CB_GOAL_CATEGORIES);
	assert_share(g->achieved_share, 2, 6, 33);
	assert_int_equal(g->active, 3);
	assert_int_equal(g->dropped, 1);
	assert_int_equal(g->family, 3);
	assert_int_equal(g->worker, 3);
	assert_int_equal(g->cases, 4);
	assert_int_equal(g->cases_both_sides, 2);
	assert_int_equal(g->pairs, 2);
	assert_int_equal(g->identical, 1);
	assert_int_equal(g->different, 1);
	assert_int_equal(g->unrated, 0);
	assert_pcts(g->agreement_percent, (int[]){50, 50}, 2);
	assert_int_equal(g->different_thought_match, 1);
	cb_report_free(&r);
	cb_store_close(st);
}

static void test_hand_intensity_observation(void **state)
{
	cb_store *st = casebook(FIX "hand.yaml");
	const cb_intensity_report *in;
	const cb_observation_report *o;
	const long gaps[] = {1, 1, 1, 1, 1};
	const double means[CB_OBS_SCALES] = {2.5, 2, 3.5, 2.5, 3, 2.5, 3, 3};
	const long r3[CB_OBS_SCALES] = {1, 0, 2, 1, 1, 1, 1, 1};
	const long r4[CB_OBS_SCALES] = {0, 0, 1, 0, 1, 0, 0, 0};
	cb_report r;

	report_of(st, "2026-01-01", "2026-06-30", NULL, NULL, &r);
	in = &r.intensity;
	assert_int_equal(in->cases, 7);
	assert_int_equal(in->contacts, 11);
	assert_near(in->case_weeks, 619.0 / 7);
	assert_near(in->per_case_week.value, 77.0 / 619);
	assert_int_equal(in->visits, 8);
	assert_int_equal(in->seen, 7);
	assert_share(in->seen_alone, 4, 8, 50);
	assert_int_equal(in->open_at_end, 5);
	assert_near(in->days_median.value, 15);
	assert_near(in->days_mean.value, 23.75);
	assert_int_equal(in->days_max, 60);
	assert_counts(in->gaps, gaps, CB_GAPS);
	assert_share(in->not_seen, 2, 5, 40);
	assert_int_equal(in->n_holders, 3);
	assert_string_equal(in->holders[0].name, "Ann Patel");
	assert_int_equal(in->holders[0].open, 2);
	assert_string_equal(in->holders[1].name, "Bo Lind");
	assert_int_equal(in->unallocated, 1);
	assert_near(in->per_practitioner.value, 4.0 / 3);

	o = &r.observation;
	assert_int_equal(o->observations, 2);
	for (int s = 0; s < CB_OBS_SCALES; s++) {
		assert_near(o->scale[s].mean.value, means[s]);
		assert_int_equal(o->scale[s].rated3.k, r3[s]);
		assert_int_equal(o->scale[s].rated4.k, r4[s]);
	}
	assert_int_equal(o->scale[CB_OBS_OVERALL].mean.n, 1);
	assert_share(o->scale[CB_OBS_PURPOSEFULNESS].rated3, 2, 2, 100);
	cb_report_free(&r);
	cb_store_close(st);
}

/* ---- who the report is for, and what it refuses ---- */

static void test_team_and_practitioner(void **state)
{
	cb_store *st = casebook(FIX "hand.yaml");
	cb_report r;
	cb_err err = {0};

	report_of(st, "2026-01-01", "2026-06-30", "team-a", NULL, &r);
	assert_int_equal(r.cases, 4); /* a1 a2 a3 a4 */
	assert_string_equal(r.team_name, "North Pod");
	assert_int_equal(r.outcomes.referrals, 2); /* a2, a4 */
	assert_int_equal(r.intensity.unallocated, 0);
	cb_report_free(&r);

	report_of(st, "2026-01-01", "2026-06-30", NULL, "prac-cy", &r);
	assert_int_equal(r.cases, 2); /* b1 b2; b4 has nobody */
	assert_string_equal(r.practitioner_name, "Cy Rowe");
	assert_int_equal(r.outcomes.closed_then_escalated, 1);
	assert_int_equal(r.plans.moved[CB_MOVE_SAME], 2);
	cb_report_free(&r);

	report_of(st, "2026-01-01", "2026-06-30", "team-b", "prac-ann", &r);
	assert_int_equal(r.cases, 0); /* Ann has no team-b cases */
	cb_report_free(&r);

	assert_int_equal(run(st, "2026-01-01", "2026-06-30", "team-x", NULL, &r, &err),
			 CB_NOT_FOUND);
	assert_non_null(strstr(err.msg, "no team 'team-x'"));
	cb_report_free(&r);
	assert_int_equal(run(st, "2026-01-01", "2026-06-30", NULL, "nobody", &r, &err),
			 CB_NOT_FOUND);
	assert_non_null(strstr(err.msg, "no practitioner 'nobody'"));
	cb_report_free(&r);
	assert_int_equal(run(st, "2026-02-30", "2026-06-30", NULL, NULL, &r, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "'2026-02-30' is not a date"));
	assert_int_equal(run(st, "2026-07-01", "2026-06-30", NULL, NULL, &r, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "after it ends"));
	cb_report_free(&r);
	cb_store_close(st);
}

/* ---- an empty casebook and a single case ---- */

struct lines {
	size_t count;
	int widest;
	strbuf all;
};

static void collect(void *ctx, enum cb_rt_style style, int indent, int hang, const char *text)
{
	struct lines *l = ctx;
	int w = indent + cb_text_width(text);

	(void)hang;
	(void)style;
	l->count++;
	/* Prose wraps at the sink; rows with a chart are laid out to fit and must not. */
	if ((strstr(text, "█") || strstr(text, "░") || strstr(text, "▒")) && w > l->widest)
		l->widest = w;
	sb_append(&l->all, text);
	sb_append(&l->all, "\n");
}

static void test_empty_casebook(void **state)
{
	cb_store *st = casebook(NULL);
	struct lines l = {0};
	cb_report r;

	report_of(st, "2025-07-01", "2026-06-30", NULL, NULL, &r);
	assert_int_equal(r.cases, 0);
	assert_int_equal(r.plans.n, 0);
	assert_pcts(r.plans.start_percent, (int[]){0, 0, 0, 0, 0}, 5);
	assert_int_equal(r.risk.n_cases, 0);
	assert_int_equal(r.risk.change[CB_RISK_TOTAL].box.n, 0);
	assert_int_equal(r.alliance.family.aggregate.n, 0);
	assert_int_equal(r.outcomes.length_mean.n, 0);
	assert_share(r.outcomes.nfa, 0, 0, 0);
	assert_int_equal(r.intensity.n_holders, 0);
	assert_int_equal(r.observation.observations, 0);
	assert_true(cb_report_too_few(r.cases));
	cb_report_text(&r, 80, collect, &l);
	assert_non_null(strstr(l.all.data, "0 cases open in the period"));
	assert_non_null(strstr(l.all.data, "too few to mean much"));
	sb_free(&l.all);
	cb_report_free(&r);
	cb_store_close(st);
}

static void test_single_case(void **state)
{
	cb_store *st = casebook(FIX "single.yaml");
	struct lines l = {0};
	cb_report r;
	char from[11], to[11];

	cb_report_default_period("2026-06-30", from, to);
	assert_string_equal(from, "2025-06-30");
	report_of(st, from, to, NULL, NULL, &r);
	assert_int_equal(r.cases, 1);
	assert_int_equal(r.open_at_start, 0);
	assert_pcts(r.plans.start_percent, (int[]){0, 0, 100, 0, 0}, 5);
	assert_pcts(r.plans.moved_percent, (int[]){0, 100, 0}, 3);
	assert_int_equal(r.risk.change[CB_RISK_TOTAL].box.n, 1);
	assert_near(r.risk.change[CB_RISK_TOTAL].box.median, 3);
	assert_near(r.risk.change[CB_RISK_TOTAL].box.iqr, 0);
	assert_int_equal(r.risk.change[CB_RISK_TOTAL].moved[0], 1);
	assert_near(r.alliance.family.aggregate.value, 18);
	assert_near(r.alliance.worker.aggregate.value, 15);
	assert_share(r.goals.achieved_share, 1, 1, 100);
	assert_int_equal(r.outcomes.referrals, 1);
	assert_int_equal(r.outcomes.short_follow_up, 1);
	assert_share(r.outcomes.re_referred, 0, 1, 0);
	assert_near(r.intensity.case_weeks, 150.0 / 7);
	assert_share(r.intensity.seen_alone, 1, 1, 100);
	assert_int_equal(r.intensity.gaps[CB_GAP_LONGER], 1);
	assert_int_equal(r.intensity.days_max, 121);
	assert_near(r.observation.scale[CB_OBS_RELATIONSHIP].mean.value, 3);
	assert_share(r.observation.scale[CB_OBS_AUTHORITY].rated3, 1, 1, 100);
	assert_share(r.observation.scale[CB_OBS_AUTHORITY].rated4, 0, 1, 0);
	cb_report_text(&r, 80, collect, &l);
	assert_non_null(strstr(l.all.data, "Lea Lee"));
	assert_non_null(strstr(l.all.data, "1 case open in the period"));
	sb_free(&l.all);
	cb_report_free(&r);
	cb_store_close(st);
}

/* The text layout fits 80 columns with every figure of the Havering table on it. */
static void test_text_layout(void **state)
{
	cb_store *st = casebook(FIX "havering-ftt.yaml");
	struct lines l = {0};
	cb_report r;

	report_of(st, "2018-04-01", "2019-09-30", NULL, NULL, &r);
	cb_report_text(&r, 80, collect, &l);
	assert_true(l.widest <= 80);
	assert_non_null(strstr(l.all.data, "CIN           32  48%"));
	assert_non_null(strstr(l.all.data, "42  63%"));
	assert_non_null(strstr(l.all.data, "3   5%"));
	assert_non_null(strstr(l.all.data, "Stepped down or closed    52  77%"));
	assert_non_null(strstr(l.all.data, "Stayed the same           15  22%"));
	assert_non_null(strstr(l.all.data, "No longer on a plan (None or EH)   45 of 67, 67%"));
	sb_free(&l.all);
	cb_report_free(&r);
	cb_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_havering_plan_table),
		cmocka_unit_test(test_havering_alliance),
		cmocka_unit_test(test_hand_cohort_and_plans),
		cmocka_unit_test(test_hand_outcomes),
		cmocka_unit_test(test_hand_re_referral_window),
		cmocka_unit_test(test_hand_risk),
		cmocka_unit_test(test_hand_alliance_goals),
		cmocka_unit_test(test_hand_intensity_observation),
		cmocka_unit_test(test_team_and_practitioner),
		cmocka_unit_test(test_empty_casebook),
		cmocka_unit_test(test_single_case),
		cmocka_unit_test(test_text_layout),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
