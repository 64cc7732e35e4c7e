/* report_json.c: the outcome report as JSON with stable keys (documented in casebook(1), REPORT). */
#include "cli/report_out.h"

#include "cli/emit.h"
#include "core/labels.h"

/* Format version of the JSON document; raise it when a key changes meaning or goes. */
#define REPORT_JSON_VERSION 1

static void key_int(cb_emit *e, const char *key, long long v)
{
	cb_emit_key(e, key);
	cb_emit_int(e, v);
}

static void key_str(cb_emit *e, const char *key, const char *s)
{
	cb_emit_key(e, key);
	if (s)
		cb_emit_str(e, s);
	else
		cb_emit_null(e);
}

static void key_real(cb_emit *e, const char *key, bool has, double v)
{
	cb_emit_key(e, key);
	if (has)
		cb_emit_real(e, v);
	else
		cb_emit_null(e);
}

static void key_too_few(cb_emit *e, long n)
{
	cb_emit_key(e, "too_few");
	cb_emit_bool(e, cb_report_too_few(n));
}

/* A stat object: {"value": x or null, "n": n, "too_few": bool}. */
static void stat_obj(cb_emit *e, const char *key, cb_stat s)
{
	cb_emit_key(e, key);
	cb_emit_map_begin(e);
	key_real(e, "value", s.n > 0, s.value);
	key_int(e, "n", s.n);
	key_too_few(e, s.n);
	cb_emit_map_end(e);
}

/* A share object: {"count": k, "of": n, "percent": p, "too_few": bool}. */
static void share_obj(cb_emit *e, const char *key, cb_share s)
{
	cb_emit_key(e, key);
	cb_emit_map_begin(e);
	key_int(e, "count", s.k);
	key_int(e, "of", s.n);
	key_int(e, "percent", s.percent);
	key_too_few(e, s.n);
	cb_emit_map_end(e);
}

/* A count within a whole whose n is given beside it: {"count": k, "percent": p}. */
static void part_obj(cb_emit *e, const char *key, long k, int percent)
{
	cb_emit_key(e, key);
	cb_emit_map_begin(e);
	key_int(e, "count", k);
	key_int(e, "percent", percent);
	cb_emit_map_end(e);
}

static void named(cb_emit *e, const char *key, const char *id, const char *name)
{
	cb_emit_key(e, key);
	if (id == NULL) {
		cb_emit_null(e);
		return;
	}
	cb_emit_map_begin(e);
	key_str(e, "id", id);
	key_str(e, "name", name);
	cb_emit_map_end(e);
}

static void head(cb_emit *e, const cb_report *r)
{
	key_int(e, "casebook_report", REPORT_JSON_VERSION);
	cb_emit_key(e, "period");
	cb_emit_map_begin(e);
	key_str(e, "from", r->from);
	key_str(e, "to", r->to);
	cb_emit_map_end(e);
	named(e, "team", r->team_id, r->team_name);
	named(e, "practitioner", r->practitioner_id, r->practitioner_name);
	key_int(e, "min_n", CB_REPORT_MIN_N);
	cb_emit_key(e, "cases");
	cb_emit_map_begin(e);
	key_int(e, "n", r->cases);
	key_too_few(e, r->cases);
	key_int(e, "open_at_start", r->open_at_start);
	key_int(e, "open_at_end", r->outcomes.still_open);
	cb_emit_map_end(e);
}

/* ---- risk framework ---- */

/* One assessment's scores; key NULL inside a list. */
static void risk_point(cb_emit *e, const char *key, const cb_risk_case *c, int at)
{
	if (key)
		cb_emit_key(e, key);
	if (at < 0) {
		cb_emit_null(e);
		return;
	}
	cb_emit_map_begin(e);
	key_str(e, "on", c->points[at].on);
	for (int s = 0; s < CB_RISK_SCALES; s++)
		key_real(e, cb_risk_scale_ids[s], c->points[at].has[s], c->points[at].value[s]);
	cb_emit_map_end(e);
}

static void risk_case(cb_emit *e, const cb_risk_case *c)
{
	double d;

	cb_emit_map_begin(e);
	key_str(e, "case", c->case_id);
	key_str(e, "child", c->child_name);
	key_str(e, "family", c->family_name);
	key_int(e, "assessments", (long long)c->n_points);
	risk_point(e, "first", c, c->first[CB_RISK_TOTAL]);
	risk_point(e, "latest", c, c->latest[CB_RISK_TOTAL]);
	cb_emit_key(e, "change");
	cb_emit_map_begin(e);
	for (int s = 0; s < CB_RISK_SCALES; s++) {
		bool has = cb_risk_case_change(c, (enum cb_risk_scale)s, &d);
		key_real(e, cb_risk_scale_ids[s], has, d);
	}
	cb_emit_map_end(e);
	cb_emit_key(e, "series");
	cb_emit_seq_begin(e, false);
	for (size_t i = 0; i < c->n_points; i++)
		risk_point(e, NULL, c, (int)i);
	cb_emit_seq_end(e);
	cb_emit_map_end(e);
}

static void risk_scale(cb_emit *e, const cb_risk_change *ch)
{
	const cb_box *b = &ch->box;
	bool has = b->n > 0;
	static const char *const moves[3] = {"better", "same", "worse"};

	cb_emit_map_begin(e);
	key_int(e, "n", (long long)b->n);
	key_too_few(e, (long)b->n);
	cb_emit_key(e, "higher_is_better");
	cb_emit_bool(e, ch->higher_is_better);
	key_real(e, "median", has, b->median);
	key_real(e, "q1", has, b->q1);
	key_real(e, "q3", has, b->q3);
	key_real(e, "iqr", has, b->iqr);
	key_real(e, "min", has, b->min);
	key_real(e, "max", has, b->max);
	key_real(e, "whisker_low", has, b->whisker_lo);
	key_real(e, "whisker_high", has, b->whisker_hi);
	key_int(e, "outliers", (long long)b->outliers);
	for (int m = 0; m < 3; m++)
		part_obj(e, moves[m], ch->moved[m], ch->percent[m]);
	cb_emit_map_end(e);
}

static void risk(cb_emit *e, const cb_risk_report *risk)
{
	cb_emit_key(e, "risk_framework");
	cb_emit_map_begin(e);
	key_str(e, "direction", "higher is safer");
	key_int(e, "cases_assessed", (long long)risk->n_cases);
	cb_emit_key(e, "scales");
	cb_emit_map_begin(e);
	for (int s = 0; s < CB_RISK_SCALES; s++) {
		cb_emit_key(e, cb_risk_scale_ids[s]);
		risk_scale(e, &risk->change[s]);
	}
	cb_emit_map_end(e);
	cb_emit_key(e, "cases");
	cb_emit_seq_begin(e, false);
	for (size_t i = 0; i < risk->n_cases; i++)
		risk_case(e, &risk->cases[i]);
	cb_emit_seq_end(e);
	cb_emit_map_end(e);
}

/* ---- alliance, goals ---- */

static void alliance_side(cb_emit *e, const char *key, const cb_alliance_side *side)
{
	cb_emit_key(e, key);
	cb_emit_map_begin(e);
	key_int(e, "ratings", side->ratings);
	key_int(e, "cases", side->cases);
	key_too_few(e, side->ratings);
	for (int s = 0; s < CB_WAI_SUBSCALES; s++)
		stat_obj(e, cb_wai_scale_ids[s], side->mean[s]);
	stat_obj(e, "aggregate", side->aggregate);
	cb_emit_map_end(e);
}

static void alliance(cb_emit *e, const cb_alliance_report *a)
{
	cb_emit_key(e, "working_alliance");
	cb_emit_map_begin(e);
	alliance_side(e, "family", &a->family);
	alliance_side(e, "worker", &a->worker);
	key_int(e, "superseded", a->superseded);
	cb_emit_map_end(e);
}

static void goal_agreement(cb_emit *e, const cb_goal_report *g)
{
	cb_emit_key(e, "agreement");
	cb_emit_map_begin(e);
	key_int(e, "cases_with_goals", g->cases);
	key_int(e, "cases_both_sides", g->cases_both_sides);
	key_int(e, "pairs", g->pairs);
	key_int(e, "rated", g->identical + g->different);
	key_too_few(e, g->identical + g->different);
	part_obj(e, "identical", g->identical, g->agreement_percent[0]);
	part_obj(e, "different", g->different, g->agreement_percent[1]);
	key_int(e, "unrated", g->unrated);
	key_int(e, "different_worker_thought_matched", g->different_thought_match);
	cb_emit_map_end(e);
}

static void goals(cb_emit *e, const cb_goal_report *g)
{
	cb_emit_key(e, "goals");
	cb_emit_map_begin(e);
	key_int(e, "n", g->n);
	key_too_few(e, g->n);
	cb_emit_key(e, "by_category");
	cb_emit_seq_begin(e, false);
	for (int i = 0; i < CB_GOAL_CATEGORIES; i++) {
		cb_emit_map_begin(e);
		key_str(e, "category", cb_goal_categories[i][0]);
		key_str(e, "label", cb_goal_categories[i][1]);
		key_int(e, "count", g->by_category[i]);
		key_int(e, "percent", g->category_percent[i]);
		cb_emit_map_end(e);
	}
	cb_emit_seq_end(e);
	key_int(e, "family", g->family);
	key_int(e, "worker", g->worker);
	key_int(e, "active", g->active);
	share_obj(e, "achieved", g->achieved_share);
	key_int(e, "dropped", g->dropped);
	goal_agreement(e, g);
	cb_emit_map_end(e);
}

/* ---- plans, outcomes ---- */

static void plan_column(cb_emit *e, const char *key, const long *counts, const int *pct)
{
	cb_emit_key(e, key);
	cb_emit_seq_begin(e, false);
	for (int i = 0; i < CB_PLAN_TYPES; i++) {
		cb_emit_map_begin(e);
		key_str(e, "plan", cb_report_plan_code((enum cb_plan_rank)i));
		key_str(e, "label", cb_plan_name(cb_report_plan_code((enum cb_plan_rank)i)));
		key_int(e, "count", counts[i]);
		key_int(e, "percent", pct[i]);
		cb_emit_map_end(e);
	}
	cb_emit_seq_end(e);
}

static void plans(cb_emit *e, const cb_plan_report *p)
{
	static const char *const moves[CB_MOVES] = {"stepped_down_or_closed", "same", "stepped_up"};

	cb_emit_key(e, "plan_type");
	cb_emit_map_begin(e);
	key_int(e, "n", p->n);
	key_too_few(e, p->n);
	plan_column(e, "start", p->start, p->start_percent);
	plan_column(e, "end", p->end, p->end_percent);
	cb_emit_key(e, "movement");
	cb_emit_map_begin(e);
	for (int m = 0; m < CB_MOVES; m++)
		part_obj(e, moves[m], p->moved[m], p->moved_percent[m]);
	cb_emit_map_end(e);
	share_obj(e, "no_longer_on_a_plan", p->off_plan);
	cb_emit_map_end(e);
}

static void referrals(cb_emit *e, const cb_outcome_report *o)
{
	cb_emit_key(e, "referrals");
	cb_emit_map_begin(e);
	key_int(e, "n", o->referrals);
	key_too_few(e, o->referrals);
	share_obj(e, "re_referred_within_12_months", o->re_referred);
	key_int(e, "followed_under_12_months", o->short_follow_up);
	key_int(e, "followed_under_12_months_re_referred", o->short_follow_up_re_referred);
	key_int(e, "re_referred_at_all", o->re_referred_any);
	share_obj(e, "nfa", o->nfa);
	key_int(e, "pending", o->pending);
	cb_emit_map_end(e);
}

static void outcomes(cb_emit *e, const cb_outcome_report *o)
{
	cb_emit_key(e, "case_outcomes");
	cb_emit_map_begin(e);
	key_int(e, "n", o->cases);
	key_too_few(e, o->cases);
	key_int(e, "closed", o->closed);
	share_obj(e, "closed_without_later_escalation", o->closed_no_escalation);
	key_int(e, "closed_then_escalated", o->closed_then_escalated);
	share_obj(e, "escalated_to_cp", o->escalated_cp);
	share_obj(e, "escalated_to_lac", o->escalated_lac);
	key_int(e, "started_on_cp_or_lac", o->started_cp_lac);
	stat_obj(e, "length_weeks_mean", o->length_mean);
	stat_obj(e, "length_weeks_median", o->length_median);
	key_int(e, "still_open", o->still_open);
	referrals(e, o);
	cb_emit_map_end(e);
}

/* ---- intensity, observation ---- */

static void contact_gaps(cb_emit *e, const cb_intensity_report *in)
{
	static const char *const keys[CB_GAPS] = {"0_7", "8_14", "15_28", "over_28", "never"};

	cb_emit_key(e, "days_since_contact");
	cb_emit_map_begin(e);
	key_int(e, "open_cases", in->open_at_end);
	stat_obj(e, "median", in->days_median);
	stat_obj(e, "mean", in->days_mean);
	key_real(e, "max", in->days_median.n > 0, (double)in->days_max);
	cb_emit_key(e, "bands");
	cb_emit_map_begin(e);
	for (int g = 0; g < CB_GAPS; g++)
		key_int(e, keys[g], in->gaps[g]);
	cb_emit_map_end(e);
	share_obj(e, "none_in_28_days", in->not_seen);
	cb_emit_map_end(e);
}

static void caseload(cb_emit *e, const cb_intensity_report *in)
{
	cb_emit_key(e, "caseload");
	cb_emit_map_begin(e);
	stat_obj(e, "open_cases_per_practitioner", in->per_practitioner);
	key_int(e, "unallocated", in->unallocated);
	cb_emit_key(e, "by_practitioner");
	cb_emit_seq_begin(e, false);
	for (size_t i = 0; i < in->n_holders; i++) {
		cb_emit_map_begin(e);
		key_str(e, "id", in->holders[i].id);
		key_str(e, "name", in->holders[i].name);
		key_int(e, "open", in->holders[i].open);
		cb_emit_map_end(e);
	}
	cb_emit_seq_end(e);
	cb_emit_map_end(e);
}

static void intensity(cb_emit *e, const cb_intensity_report *in)
{
	static const char *const types[] = {"home_visit", "office_visit", "direct_work"};

	cb_emit_key(e, "intensity");
	cb_emit_map_begin(e);
	key_int(e, "contacts", in->contacts);
	key_real(e, "case_weeks", true, in->case_weeks);
	stat_obj(e, "contacts_per_case_per_week", in->per_case_week);
	cb_emit_key(e, "visits");
	cb_emit_map_begin(e);
	cb_emit_key(e, "types");
	cb_emit_seq_begin(e, true);
	for (int i = 0; i < 3; i++)
		cb_emit_str(e, types[i]);
	cb_emit_seq_end(e);
	key_int(e, "n", in->visits);
	key_int(e, "child_seen", in->seen);
	share_obj(e, "child_seen_alone", in->seen_alone);
	cb_emit_map_end(e);
	contact_gaps(e, in);
	caseload(e, in);
	cb_emit_map_end(e);
}

static void observation(cb_emit *e, const cb_observation_report *o)
{
	cb_emit_key(e, "practice_observation");
	cb_emit_map_begin(e);
	key_int(e, "observations", o->observations);
	key_too_few(e, o->observations);
	cb_emit_key(e, "scales");
	cb_emit_map_begin(e);
	for (int s = 0; s < CB_OBS_SCALES; s++) {
		cb_emit_key(e, cb_obs_scale_ids[s]);
		cb_emit_map_begin(e);
		stat_obj(e, "mean", o->scale[s].mean);
		share_obj(e, "rated_3_or_more", o->scale[s].rated3);
		share_obj(e, "rated_4_or_more", o->scale[s].rated4);
		cb_emit_map_end(e);
	}
	cb_emit_map_end(e);
	cb_emit_map_end(e);
}

static void strings(cb_emit *e, const char *key, const char *const *list)
{
	cb_emit_key(e, key);
	cb_emit_seq_begin(e, false);
	for (size_t i = 0; list[i]; i++)
		cb_emit_str(e, list[i]);
	cb_emit_seq_end(e);
}

static void notes(cb_emit *e)
{
	cb_emit_key(e, "notes");
	cb_emit_map_begin(e);
	for (int s = 0; s < CB_SECTIONS; s++) {
		const cb_report_section_info *info = cb_report_section((enum cb_report_section)s);
		cb_emit_key(e, info->key);
		cb_emit_map_begin(e);
		key_str(e, "title", info->title);
		key_str(e, "cite", info->cite);
		strings(e, "definitions", info->definitions);
		strings(e, "decisions", info->decisions);
		cb_emit_map_end(e);
	}
	cb_emit_map_end(e);
}

enum cb_status cb_report_write_json(const cb_report *r, FILE *out, cb_err *err)
{
	cb_emit *e = cb_emit_new(CB_EMIT_JSON, out);

	cb_emit_map_begin(e);
	head(e, r);
	risk(e, &r->risk);
	alliance(e, &r->alliance);
	goals(e, &r->goals);
	plans(e, &r->plans);
	outcomes(e, &r->outcomes);
	intensity(e, &r->intensity);
	observation(e, &r->observation);
	notes(e);
	cb_emit_map_end(e);
	return cb_emit_finish(e, err);
}
