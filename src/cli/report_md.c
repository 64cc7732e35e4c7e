/* report_md.c: `casebook report --format md`: Markdown tables, decisions beside them, definitions as footnotes. */
#include "cli/report_out.h"

#include <errno.h>
#include <string.h>

#include "core/labels.h"
#include "ui/report_text.h"

#define TOO_FEW " *(too few to mean much)*"

/* Text safe inside a table cell: | escaped, line breaks as spaces. */
static void cell(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			fputs("\\|", f);
		else if (*s == '\n' || *s == '\r')
			fputc(' ', f);
		else
			fputc(*s, f);
	}
}

static const char *few(long n)
{
	return cb_report_too_few(n) ? TOO_FEW : "";
}

static void num(FILE *f, double v, int decimals, bool sign)
{
	char buf[32];

	cb_rt_number(buf, sizeof buf, v, decimals, sign);
	fputs(buf, f);
}

/* A score or change to at most two places, without trailing zeros ("-2", "+0.5"). */
static void score(FILE *f, double v, bool sign)
{
	char buf[32];

	cb_rt_short(buf, sizeof buf, v, sign);
	fputs(buf, f);
}

static void stat_cell(FILE *f, cb_stat s, int decimals)
{
	if (s.n)
		num(f, s.value, decimals, false);
	else
		fputs("–", f);
}

static void share(FILE *f, cb_share s)
{
	fprintf(f, "%ld of %ld (%d%%)%s", s.k, s.n, s.percent, few(s.n));
}

/* "## Title (n = ...)[^key]" and the decisions as a quote under it. */
static void heading(FILE *f, enum cb_report_section sec, const char *n_text)
{
	const cb_report_section_info *info = cb_report_section(sec);

	fprintf(f, "\n## %s: %s[^%s]\n\n", info->title, n_text, info->key);
	for (size_t i = 0; info->decisions[i]; i++)
		fprintf(f, "%s> Note: %s\n", i ? ">\n" : "", info->decisions[i]);
	if (info->decisions[0])
		fputs("\n", f);
}

static void footnotes(FILE *f)
{
	fputs("\n---\n\n", f);
	for (int s = 0; s < CB_SECTIONS; s++) {
		const cb_report_section_info *info = cb_report_section((enum cb_report_section)s);
		fprintf(f, "[^%s]: %s (%s).", info->key, info->title, info->cite);
		for (size_t i = 0; info->definitions[i]; i++)
			fprintf(f, " %s", info->definitions[i]);
		fputs("\n\n", f);
	}
}

static void title(FILE *f, const cb_report *r)
{
	fprintf(f, "# Outcome report, %s to %s\n\n", r->from, r->to);
	if (r->team_id)
		fprintf(f, "Team: %s (%s)  \n", r->team_name, r->team_id);
	if (r->practitioner_id)
		fprintf(f, "Practitioner: %s (%s)  \n", r->practitioner_name, r->practitioner_id);
	if (!r->team_id && !r->practitioner_id)
		fputs("All teams and practitioners.  \n", f);
	fprintf(f, "Cases open in the period: %ld (%ld at the start, %ld at the end)%s.[^%s]  \n",
		r->cases, r->open_at_start, r->outcomes.still_open, few(r->cases),
		cb_report_section(CB_SEC_COHORT)->key);
	fprintf(f, "Every figure gives its n; fewer than %d is too few to mean much.\n",
		CB_REPORT_MIN_N);
}

static void plans(FILE *f, const cb_plan_report *p)
{
	char n_text[48];

	snprintf(n_text, sizeof n_text, "n = %ld cases", p->n);
	heading(f, CB_SEC_PLANS, n_text);
	fputs("| Plan | At the start | % | At the end | % |\n|---|--:|--:|--:|--:|\n", f);
	for (int i = 0; i < CB_PLAN_TYPES; i++)
		fprintf(f, "| %s | %ld | %d%% | %ld | %d%% |\n",
			cb_plan_name(cb_report_plan_code((enum cb_plan_rank)i)), p->start[i],
			p->start_percent[i], p->end[i], p->end_percent[i]);
	fprintf(f, "| Total | %ld | 100%% | %ld | 100%% |\n\n", p->n, p->n);
	fputs("| Movement | Cases | % |\n|---|--:|--:|\n", f);
	for (int m = 0; m < CB_MOVES; m++)
		fprintf(f, "| %s | %ld | %d%% |\n", cb_report_move_label((enum cb_move)m),
			p->moved[m], p->moved_percent[m]);
	fputs("\nNo longer subject to a social work plan (None or Early Help at the end): ", f);
	share(f, p->off_plan);
	fputs(".\n", f);
}

static void row_share(FILE *f, const char *label, cb_share s)
{
	fprintf(f, "| %s | ", label);
	share(f, s);
	fputs(" |\n", f);
}

static void outcomes(FILE *f, const cb_outcome_report *o)
{
	char n_text[48];

	snprintf(n_text, sizeof n_text, "n = %ld cases", o->cases);
	heading(f, CB_SEC_OUTCOMES, n_text);
	fputs("| Figure | Value |\n|---|---|\n", f);
	fprintf(f, "| Closed in the period | %ld%s |\n", o->closed, few(o->cases));
	row_share(f, "Closed without later escalation", o->closed_no_escalation);
	fprintf(f, "| Closed, then escalated | %ld |\n", o->closed_then_escalated);
	row_share(f, "Escalated to CP", o->escalated_cp);
	row_share(f, "Escalated to LAC", o->escalated_lac);
	fprintf(f, "| Started on CP or LAC (not escalations) | %ld |\n", o->started_cp_lac);
	fputs("| Weeks open, closed without escalation | mean ", f);
	stat_cell(f, o->length_mean, 1);
	fputs(", median ", f);
	stat_cell(f, o->length_median, 1);
	fprintf(f, " (n %ld)%s |\n", o->length_mean.n, few(o->length_mean.n));
	fprintf(f, "| Still open at the end | %ld |\n", o->still_open);
	fprintf(f, "| Referrals in the period | %ld%s |\n", o->referrals, few(o->referrals));
	row_share(f, "Re-referred within 12 months", o->re_referred);
	fprintf(f, "| Followed for under 12 months (flagged: more may come) | %ld, of them "
		"re-referred %ld |\n", o->short_follow_up, o->short_follow_up_re_referred);
	fprintf(f, "| Re-referred at all by the end | %ld |\n", o->re_referred_any);
	fputs("| No further action, of referrals decided | ", f);
	share(f, o->nfa);
	fprintf(f, "; %ld pending |\n", o->pending);
}

/* "-5 → -4 (+1)", "2 (once)" or "–": a component's first, latest and change. */
static void component(FILE *f, const cb_risk_case *c, enum cb_risk_scale s)
{
	int a = c->first[s], b = c->latest[s];
	double d;

	if (a < 0) {
		fputs("–", f);
		return;
	}
	score(f, c->points[a].value[s], false);
	if (!cb_risk_case_change(c, s, &d)) {
		fputs(" (once)", f);
		return;
	}
	fputs(" → ", f);
	score(f, c->points[b].value[s], false);
	fputs(" (", f);
	score(f, d, true);
	fputs(")", f);
}

static void risk_cases(FILE *f, const cb_risk_report *risk)
{
	fputs("\n| Child | Family | First total | Latest total | Change | Risk | Protective | "
	      "Engagement | Assessments |\n|---|---|--:|--:|--:|--:|--:|--:|--:|\n", f);
	for (size_t i = 0; i < risk->n_cases; i++) {
		const cb_risk_case *c = &risk->cases[i];
		int a = c->first[CB_RISK_TOTAL], b = c->latest[CB_RISK_TOTAL];
		double d;
		fputs("| ", f);
		cell(f, c->child_name);
		fputs(" | ", f);
		cell(f, c->family_name);
		fputs(" | ", f);
		if (a >= 0) {
			score(f, c->points[a].value[CB_RISK_TOTAL], false);
			fprintf(f, " (%s)", c->points[a].on);
		}
		fputs(" | ", f);
		if (b > a) {
			score(f, c->points[b].value[CB_RISK_TOTAL], false);
			fprintf(f, " (%s)", c->points[b].on);
		}
		fputs(" | ", f);
		if (cb_risk_case_change(c, CB_RISK_TOTAL, &d))
			score(f, d, true);
		for (int s = CB_RISK_RISK; s < CB_RISK_SCALES; s++) {
			fputs(" | ", f);
			component(f, c, (enum cb_risk_scale)s);
		}
		fprintf(f, " | %zu |\n", c->n_points);
	}
}

static void risk(FILE *f, const cb_risk_report *risk)
{
	static const char *const names[CB_RISK_SCALES] = {"Total", "Risk factors",
							  "Protective factors", "Engagement"};
	char n_text[48];

	snprintf(n_text, sizeof n_text, "n = %zu cases assessed", risk->n_cases);
	heading(f, CB_SEC_RISK, n_text);
	fputs("| Change, first to latest | n | Median | Q1 | Q3 | IQR | Better | Same | Worse |\n"
	      "|---|--:|--:|--:|--:|--:|--:|--:|--:|\n", f);
	for (int s = 0; s < CB_RISK_SCALES; s++) {
		const cb_risk_change *c = &risk->change[s];
		const cb_box *b = &c->box;
		fprintf(f, "| %s%s | %zu | ", names[s], few((long)b->n), b->n);
		if (b->n) {
			score(f, b->median, true);
			fputs(" | ", f);
			score(f, b->q1, true);
			fputs(" | ", f);
			score(f, b->q3, true);
			fputs(" | ", f);
			score(f, b->iqr, false);
		} else {
			fputs("– | – | – | –", f);
		}
		fprintf(f, " | %d%% | %d%% | %d%% |\n", c->percent[0], c->percent[1], c->percent[2]);
	}
	if (risk->n_cases)
		risk_cases(f, risk);
}

static void alliance(FILE *f, const cb_alliance_report *a)
{
	static const char *const names[CB_WAI_SUBSCALES] = {"Goal", "Task", "Bond"};
	char n_text[64];

	snprintf(n_text, sizeof n_text, "n = %ld family, %ld worker ratings", a->family.ratings,
		 a->worker.ratings);
	heading(f, CB_SEC_ALLIANCE, n_text);
	fputs("| Subscale | Family | n | Worker | n |\n|---|--:|--:|--:|--:|\n", f);
	for (int s = 0; s <= CB_WAI_SUBSCALES; s++) {
		cb_stat fam = s < CB_WAI_SUBSCALES ? a->family.mean[s] : a->family.aggregate;
		cb_stat wor = s < CB_WAI_SUBSCALES ? a->worker.mean[s] : a->worker.aggregate;
		fprintf(f, "| %s | ", s < CB_WAI_SUBSCALES ? names[s] : "Aggregate (out of 21)");
		stat_cell(f, fam, 2);
		fprintf(f, " | %ld%s | ", fam.n, few(fam.n));
		stat_cell(f, wor, 2);
		fprintf(f, " | %ld%s |\n", wor.n, few(wor.n));
	}
	fprintf(f, "\nFamily: %ld ratings of %ld cases; worker: %ld ratings of %ld cases; %ld "
		"earlier ratings superseded.\n", a->family.ratings, a->family.cases,
		a->worker.ratings, a->worker.cases, a->superseded);
}

static void goals(FILE *f, const cb_goal_report *g)
{
	char n_text[48];

	snprintf(n_text, sizeof n_text, "n = %ld goals set", g->n);
	heading(f, CB_SEC_GOALS, n_text);
	fputs("| Category | Goals | % |\n|---|--:|--:|\n", f);
	for (int i = 0; i < CB_GOAL_CATEGORIES; i++)
		fprintf(f, "| %s | %ld | %d%% |\n", cb_goal_categories[i][1], g->by_category[i],
			g->category_percent[i]);
	fputs("\nAchieved: ", f);
	share(f, g->achieved_share);
	fprintf(f, "; active %ld, dropped %ld; family's goals %ld, worker's %ld.\n\n", g->active,
		g->dropped, g->family, g->worker);
	fprintf(f, "Agreement: %ld cases with goals, %ld with both family and worker goals; %ld "
		"pairs compared: identical %ld (%d%%), different %ld (%d%%), not rated %ld%s. The "
		"worker thought %ld of the different pairs matched.\n", g->cases, g->cases_both_sides,
		g->pairs, g->identical, g->agreement_percent[0], g->different,
		g->agreement_percent[1], g->unrated, few(g->identical + g->different),
		g->different_thought_match);
}

static void intensity(FILE *f, const cb_intensity_report *in)
{
	char n_text[48];

	snprintf(n_text, sizeof n_text, "n = %ld cases", in->cases);
	heading(f, CB_SEC_INTENSITY, n_text);
	fputs("| Figure | Value |\n|---|---|\n| Contacts per case per week | ", f);
	stat_cell(f, in->per_case_week, 2);
	fprintf(f, " (%ld contacts in ", in->contacts);
	num(f, in->case_weeks, 1, false);
	fprintf(f, " case-weeks)%s |\n| Visits where the child was seen alone | ",
		few(in->cases));
	share(f, in->seen_alone);
	fprintf(f, "; seen at all %ld |\n| Days since the last contact, open cases | median ",
		in->seen);
	stat_cell(f, in->days_median, 1);
	fputs(", mean ", f);
	stat_cell(f, in->days_mean, 1);
	fprintf(f, ", longest %ld (n %ld)%s |\n", in->days_max, in->days_median.n,
		few(in->days_median.n));
	for (int g = 0; g < CB_GAPS; g++)
		fprintf(f, "| Open cases, last contact %s | %ld |\n",
			cb_report_gap_label((enum cb_gap)g), in->gaps[g]);
	fputs("| No contact in 28 days, open cases | ", f);
	share(f, in->not_seen);
	fputs(" |\n| Open cases per practitioner | ", f);
	stat_cell(f, in->per_practitioner, 1);
	fprintf(f, " (%ld practitioners; %ld unallocated)%s |\n", in->per_practitioner.n,
		in->unallocated, few(in->per_practitioner.n));
	if (in->n_holders)
		fputs("\n| Practitioner | Open cases |\n|---|--:|\n", f);
	for (size_t i = 0; i < in->n_holders; i++) {
		fputs("| ", f);
		cell(f, in->holders[i].name);
		fprintf(f, " | %ld |\n", in->holders[i].open);
	}
}

static void observation(FILE *f, const cb_observation_report *o)
{
	static const char *const names[CB_OBS_SCALES] = {
		"Collaboration", "Empathy", "Purposefulness", "Clarity of issues", "Child focus",
		"Relationship building", "Respectful authority", "Overall (recorded)",
	};
	char n_text[48];

	snprintf(n_text, sizeof n_text, "n = %ld recordings", o->observations);
	heading(f, CB_SEC_OBSERVATION, n_text);
	fputs("| Skill | Mean | n | 3 or more | 4 or more |\n|---|--:|--:|--:|--:|\n", f);
	for (int s = 0; s < CB_OBS_SCALES; s++) {
		const cb_obs_result *res = &o->scale[s];
		fprintf(f, "| %s | ", names[s]);
		stat_cell(f, res->mean, 2);
		fprintf(f, " | %ld%s | %ld (%d%%) | %ld (%d%%) |\n", res->mean.n, few(res->mean.n),
			res->rated3.k, res->rated3.percent, res->rated4.k, res->rated4.percent);
	}
}

enum cb_status cb_report_write_md(const cb_report *r, FILE *out, cb_err *err)
{
	title(out, r);
	plans(out, &r->plans);
	outcomes(out, &r->outcomes);
	risk(out, &r->risk);
	alliance(out, &r->alliance);
	goals(out, &r->goals);
	intensity(out, &r->intensity);
	observation(out, &r->observation);
	footnotes(out);
	if (fflush(out) != 0 || ferror(out))
		return cb_fail(err, CB_ERROR, "writing the report: %s (disk full, or a closed pipe?)",
			       strerror(errno ? errno : EIO));
	return CB_OK;
}
