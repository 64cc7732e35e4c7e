/* report_csv.c: `casebook report --format csv`: one RFC 4180 table in long form, a row per figure. */
#include "cli/report_out.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/labels.h"

/*
 * Columns: section, measure, group, value, percent, n, too_few. One table
 * rather than several stacked in one file, so any spreadsheet or CSV reader
 * takes it whole; filter or pivot on section and measure. section is the
 * JSON key of the part; group says which plan, scale, category, rater side,
 * case or practitioner a row is about (empty when none); percent is empty
 * when the figure is not a share. CRLF line ends; a field is quoted when it
 * holds a comma, quote or line break.
 */

static void field(FILE *f, const char *s)
{
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* The shortest decimal text that reads back as v. */
static void real_text(char *buf, size_t size, double v)
{
	for (int digits = 1; digits <= 17; digits++) {
		snprintf(buf, size, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

/* One row; value NULL for no value, percent < 0 for none. */
static void row(FILE *f, const char *section, const char *measure, const char *group,
		const char *value, int percent, long n)
{
	field(f, section);
	fputc(',', f);
	field(f, measure);
	fputc(',', f);
	field(f, group);
	fputc(',', f);
	field(f, value);
	fputc(',', f);
	if (percent >= 0)
		fprintf(f, "%d", percent);
	fprintf(f, ",%ld,%s\r\n", n, cb_report_too_few(n) ? "true" : "false");
}

static void row_int(FILE *f, const char *sec, const char *measure, const char *group, long v,
		    int percent, long n)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%ld", v);
	row(f, sec, measure, group, buf, percent, n);
}

static void row_real(FILE *f, const char *sec, const char *measure, const char *group,
		     bool has, double v, long n)
{
	char buf[40];

	real_text(buf, sizeof buf, v);
	row(f, sec, measure, group, has ? buf : NULL, -1, n);
}

static void row_stat(FILE *f, const char *sec, const char *measure, const char *group, cb_stat s)
{
	row_real(f, sec, measure, group, s.n > 0, s.value, s.n);
}

static void row_share(FILE *f, const char *sec, const char *measure, const char *group,
		      cb_share s)
{
	row_int(f, sec, measure, group, s.k, s.percent, s.n);
}

static void head(FILE *f, const cb_report *r)
{
	fputs("section,measure,group,value,percent,n,too_few\r\n", f);
	row(f, "period", "from", NULL, r->from, -1, r->cases);
	row(f, "period", "to", NULL, r->to, -1, r->cases);
	if (r->team_id)
		row(f, "period", "team", r->team_id, r->team_name, -1, r->cases);
	if (r->practitioner_id)
		row(f, "period", "practitioner", r->practitioner_id, r->practitioner_name, -1,
		    r->cases);
	row_int(f, "cases", "cases", NULL, r->cases, -1, r->cases);
	row_int(f, "cases", "open_at_start", NULL, r->open_at_start, -1, r->cases);
	row_int(f, "cases", "open_at_end", NULL, r->outcomes.still_open, -1, r->cases);
}

static void risk_case(FILE *f, const cb_risk_case *c)
{
	static const char sec[] = "risk_framework";
	char measure[64];
	double d;

	for (int s = 0; s < CB_RISK_SCALES; s++) {
		int a = c->first[s], b = c->latest[s];
		long n = (long)c->n_points;
		snprintf(measure, sizeof measure, "case_first_%s", cb_risk_scale_ids[s]);
		row_real(f, sec, measure, c->case_id, a >= 0, a >= 0 ? c->points[a].value[s] : 0, n);
		snprintf(measure, sizeof measure, "case_latest_%s", cb_risk_scale_ids[s]);
		row_real(f, sec, measure, c->case_id, b >= 0, b >= 0 ? c->points[b].value[s] : 0, n);
		snprintf(measure, sizeof measure, "case_change_%s", cb_risk_scale_ids[s]);
		bool has = cb_risk_case_change(c, (enum cb_risk_scale)s, &d);
		row_real(f, sec, measure, c->case_id, has, d, n);
	}
}

static void risk(FILE *f, const cb_risk_report *risk)
{
	static const char sec[] = "risk_framework";
	static const char *const moves[3] = {"better", "same", "worse"};

	row_int(f, sec, "cases_assessed", NULL, (long)risk->n_cases, -1, (long)risk->n_cases);
	for (int s = 0; s < CB_RISK_SCALES; s++) {
		const cb_risk_change *c = &risk->change[s];
		const cb_box *b = &c->box;
		const char *g = cb_risk_scale_ids[s];
		long n = (long)b->n;
		bool has = n > 0;
		row_real(f, sec, "change_median", g, has, b->median, n);
		row_real(f, sec, "change_q1", g, has, b->q1, n);
		row_real(f, sec, "change_q3", g, has, b->q3, n);
		row_real(f, sec, "change_iqr", g, has, b->iqr, n);
		row_real(f, sec, "change_min", g, has, b->min, n);
		row_real(f, sec, "change_max", g, has, b->max, n);
		row_real(f, sec, "change_whisker_low", g, has, b->whisker_lo, n);
		row_real(f, sec, "change_whisker_high", g, has, b->whisker_hi, n);
		row_int(f, sec, "change_outliers", g, (long)b->outliers, -1, n);
		for (int m = 0; m < 3; m++)
			row_int(f, sec, moves[m], g, c->moved[m], c->percent[m], n);
	}
	for (size_t i = 0; i < risk->n_cases; i++)
		risk_case(f, &risk->cases[i]);
}

static void alliance_side(FILE *f, const char *side, const cb_alliance_side *a)
{
	static const char sec[] = "working_alliance";

	row_int(f, sec, "ratings", side, a->ratings, -1, a->ratings);
	row_int(f, sec, "cases", side, a->cases, -1, a->ratings);
	for (int s = 0; s < CB_WAI_SUBSCALES; s++)
		row_stat(f, sec, cb_wai_scale_ids[s], side, a->mean[s]);
	row_stat(f, sec, "aggregate", side, a->aggregate);
}

static void goals(FILE *f, const cb_goal_report *g)
{
	static const char sec[] = "goals";
	long rated = g->identical + g->different;

	row_int(f, sec, "n", NULL, g->n, -1, g->n);
	for (int i = 0; i < CB_GOAL_CATEGORIES; i++)
		row_int(f, sec, "category", cb_goal_categories[i][0], g->by_category[i],
			g->category_percent[i], g->n);
	row_int(f, sec, "family", NULL, g->family, -1, g->n);
	row_int(f, sec, "worker", NULL, g->worker, -1, g->n);
	row_int(f, sec, "active", NULL, g->active, -1, g->n);
	row_share(f, sec, "achieved", NULL, g->achieved_share);
	row_int(f, sec, "dropped", NULL, g->dropped, -1, g->n);
	row_int(f, sec, "cases_with_goals", NULL, g->cases, -1, g->cases);
	row_int(f, sec, "cases_both_sides", NULL, g->cases_both_sides, -1, g->cases);
	row_int(f, sec, "pairs", NULL, g->pairs, -1, g->pairs);
	row_int(f, sec, "identical", NULL, g->identical, g->agreement_percent[0], rated);
	row_int(f, sec, "different", NULL, g->different, g->agreement_percent[1], rated);
	row_int(f, sec, "unrated", NULL, g->unrated, -1, g->pairs);
	row_int(f, sec, "different_worker_thought_matched", NULL, g->different_thought_match, -1,
		g->different);
}

static void plans(FILE *f, const cb_plan_report *p)
{
	static const char sec[] = "plan_type";
	static const char *const moves[CB_MOVES] = {"stepped_down_or_closed", "same", "stepped_up"};

	for (int i = 0; i < CB_PLAN_TYPES; i++)
		row_int(f, sec, "start", cb_report_plan_code((enum cb_plan_rank)i), p->start[i],
			p->start_percent[i], p->n);
	for (int i = 0; i < CB_PLAN_TYPES; i++)
		row_int(f, sec, "end", cb_report_plan_code((enum cb_plan_rank)i), p->end[i],
			p->end_percent[i], p->n);
	for (int m = 0; m < CB_MOVES; m++)
		row_int(f, sec, "movement", moves[m], p->moved[m], p->moved_percent[m], p->n);
	row_share(f, sec, "no_longer_on_a_plan", NULL, p->off_plan);
}

static void outcomes(FILE *f, const cb_outcome_report *o)
{
	static const char sec[] = "case_outcomes";

	row_int(f, sec, "closed", NULL, o->closed, -1, o->cases);
	row_share(f, sec, "closed_without_later_escalation", NULL, o->closed_no_escalation);
	row_int(f, sec, "closed_then_escalated", NULL, o->closed_then_escalated, -1, o->cases);
	row_share(f, sec, "escalated_to_cp", NULL, o->escalated_cp);
	row_share(f, sec, "escalated_to_lac", NULL, o->escalated_lac);
	row_int(f, sec, "started_on_cp_or_lac", NULL, o->started_cp_lac, -1, o->cases);
	row_stat(f, sec, "length_weeks_mean", NULL, o->length_mean);
	row_stat(f, sec, "length_weeks_median", NULL, o->length_median);
	row_int(f, sec, "still_open", NULL, o->still_open, -1, o->cases);
	row_int(f, sec, "referrals", NULL, o->referrals, -1, o->referrals);
	row_share(f, sec, "re_referred_within_12_months", NULL, o->re_referred);
	row_int(f, sec, "followed_under_12_months", NULL, o->short_follow_up, -1, o->referrals);
	row_int(f, sec, "followed_under_12_months_re_referred", NULL,
		o->short_follow_up_re_referred, -1, o->short_follow_up);
	row_int(f, sec, "re_referred_at_all", NULL, o->re_referred_any, -1, o->referrals);
	row_share(f, sec, "nfa", NULL, o->nfa);
	row_int(f, sec, "pending", NULL, o->pending, -1, o->referrals);
}

static void intensity(FILE *f, const cb_intensity_report *in)
{
	static const char sec[] = "intensity";
	static const char *const bands[CB_GAPS] = {"0_7", "8_14", "15_28", "over_28", "never"};

	row_int(f, sec, "contacts", NULL, in->contacts, -1, in->cases);
	row_real(f, sec, "case_weeks", NULL, true, in->case_weeks, in->cases);
	row_stat(f, sec, "contacts_per_case_per_week", NULL, in->per_case_week);
	row_int(f, sec, "visits", "home_visit office_visit direct_work", in->visits, -1,
		in->visits);
	row_int(f, sec, "child_seen", NULL, in->seen, -1, in->visits);
	row_share(f, sec, "child_seen_alone", NULL, in->seen_alone);
	row_int(f, sec, "open_at_end", NULL, in->open_at_end, -1, in->open_at_end);
	row_stat(f, sec, "days_since_contact_median", NULL, in->days_median);
	row_stat(f, sec, "days_since_contact_mean", NULL, in->days_mean);
	row_real(f, sec, "days_since_contact_max", NULL, in->days_median.n > 0,
		 (double)in->days_max, in->days_median.n);
	for (int g = 0; g < CB_GAPS; g++)
		row_int(f, sec, "days_since_contact_band", bands[g], in->gaps[g], -1, in->open_at_end);
	row_share(f, sec, "none_in_28_days", NULL, in->not_seen);
	row_stat(f, sec, "open_cases_per_practitioner", NULL, in->per_practitioner);
	row_int(f, sec, "unallocated", NULL, in->unallocated, -1, in->open_at_end);
	for (size_t i = 0; i < in->n_holders; i++)
		row_int(f, sec, "open_cases", in->holders[i].id, in->holders[i].open, -1,
			in->per_practitioner.n);
}

static void observation(FILE *f, const cb_observation_report *o)
{
	static const char sec[] = "practice_observation";

	row_int(f, sec, "observations", NULL, o->observations, -1, o->observations);
	for (int s = 0; s < CB_OBS_SCALES; s++) {
		const char *g = cb_obs_scale_ids[s];
		row_stat(f, sec, "mean", g, o->scale[s].mean);
		row_share(f, sec, "rated_3_or_more", g, o->scale[s].rated3);
		row_share(f, sec, "rated_4_or_more", g, o->scale[s].rated4);
	}
}

enum cb_status cb_report_write_csv(const cb_report *r, FILE *out, cb_err *err)
{
	head(out, r);
	risk(out, &r->risk);
	alliance_side(out, "family", &r->alliance.family);
	alliance_side(out, "worker", &r->alliance.worker);
	row_int(out, "working_alliance", "superseded", NULL, r->alliance.superseded, -1,
		r->alliance.family.ratings + r->alliance.worker.ratings);
	goals(out, &r->goals);
	plans(out, &r->plans);
	outcomes(out, &r->outcomes);
	intensity(out, &r->intensity);
	observation(out, &r->observation);
	if (fflush(out) != 0 || ferror(out))
		return cb_fail(err, CB_ERROR, "writing the report: %s (disk full, or a closed pipe?)",
			       strerror(errno ? errno : EIO));
	return CB_OK;
}
