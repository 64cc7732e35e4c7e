/* plans.c: plan type at the start and end of the period, step-downs, escalations, closures, case length. */
#include "report/report_priv.h"

#include <stdio.h>
#include <string.h>

#include "core/dates.h"
#include "core/mem.h"

static const char *const plan_codes[CB_PLAN_TYPES] = {"none", "early_help", "cin", "cp", "lac"};

enum cb_plan_rank cb_plan_rank_of(const char *plan)
{
	for (int i = 0; plan && i < CB_PLAN_TYPES; i++)
		if (strcmp(plan, plan_codes[i]) == 0)
			return (enum cb_plan_rank)i;
	return CB_RANK_NONE;
}

const char *cb_report_plan_code(enum cb_plan_rank r)
{
	return r >= 0 && r < CB_PLAN_TYPES ? plan_codes[r] : "none";
}

/*
 * The cohort's cases, and whether the child had a CP or LAC plan start (in
 * this case or any later one) on or after the closure and by the end of the
 * period: FACT22's "closed ... and is also not escalated on or after this
 * date" ([004]:799, §2.2.1). Ordered by case id, as the episodes below.
 */
static const char cases_sql[] =
	REPORT_COHORT
	" SELECT k.id, k.referred_on, k.closed_on, k.entry,"
	"  k.closed_on IS NOT NULL AND EXISTS (SELECT 1 FROM plan_episodes pe"
	"   JOIN cases c2 ON c2.id = pe.case_id WHERE c2.child_id = k.child_id"
	"   AND pe.plan IN ('cp', 'lac') AND pe.started_on >= k.closed_on"
	"   AND pe.started_on <= :to)"
	" FROM cohort k ORDER BY k.id";

/* Plan episodes of the cohort begun by the end, in the order the caseload reads them:
 * of two begun the same day, the one ending later is the plan in force. */
static const char episodes_sql[] =
	REPORT_COHORT
	" SELECT pe.case_id, pe.plan, pe.started_on, pe.ended_on FROM cohort k"
	" CROSS JOIN plan_episodes pe ON pe.case_id = k.id WHERE pe.started_on <= :to"
	" ORDER BY pe.case_id, pe.started_on, coalesce(pe.ended_on, '9999-12-31'), pe.created_at,"
	"  pe.id";

struct pcase {
	char *id;
	char referred[11], closed[11], entry[11];
	bool later_escalation;
};

struct episode {
	char *case_id;
	enum cb_plan_rank rank;
	char start[11], end[11]; /* end "" while open */
};

struct plan_data {
	struct pcase *cases;
	size_t n_cases;
	struct episode *eps;
	size_t n_eps;
};

static void case_row(sqlite3_stmt *q, void *arg)
{
	struct plan_data *d = arg;
	struct pcase *c;

	if ((d->n_cases & (d->n_cases - 1)) == 0)
		d->cases = xreallocarray(d->cases, d->n_cases ? d->n_cases * 2 : 1, sizeof *d->cases);
	c = &d->cases[d->n_cases++];
	c->id = report_col_text(q, 0);
	report_col_date(q, 1, c->referred);
	report_col_date(q, 2, c->closed);
	report_col_date(q, 3, c->entry);
	c->later_escalation = sqlite3_column_int(q, 4) != 0;
}

static void episode_row(sqlite3_stmt *q, void *arg)
{
	struct plan_data *d = arg;
	struct episode *e;

	if ((d->n_eps & (d->n_eps - 1)) == 0)
		d->eps = xreallocarray(d->eps, d->n_eps ? d->n_eps * 2 : 1, sizeof *d->eps);
	e = &d->eps[d->n_eps++];
	e->case_id = report_col_text(q, 0);
	e->rank = cb_plan_rank_of((const char *)sqlite3_column_text(q, 1));
	report_col_date(q, 2, e->start);
	report_col_date(q, 3, e->end);
}

/* The plan in force on day `on` among n episodes: begun by then and not ended by then
 * (a plan ending the day another begins gives way to it); -1 if none. */
static int plan_on(const struct episode *eps, size_t n, const char *on)
{
	int rank = -1;

	for (size_t i = 0; i < n; i++)
		if (strcmp(eps[i].start, on) <= 0 && (eps[i].end[0] == '\0' || strcmp(eps[i].end, on) > 0))
			rank = (int)eps[i].rank;
	return rank;
}

static void day_before(const char *date, char *out)
{
	cb_date d;

	if (cb_date_parse(date, &d))
		cb_date_format(cb_date_from_days(cb_date_days(d) - 1), out);
	else
		snprintf(out, 11, "%s", date);
}

/*
 * Plan at the start: the plan in force when the case enters the period; for
 * a case referred during the period with no plan yet that day, its first
 * plan (by the end). At the end: None if the case was closed by then, else
 * the plan in force on `to` (§2.9, Havering's "Start of FTT" and "Current").
 */
static enum cb_plan_rank start_rank(const struct pcase *c, const struct episode *eps, size_t n,
				    const char *from)
{
	int r = plan_on(eps, n, c->entry);

	if (r >= 0)
		return (enum cb_plan_rank)r;
	for (size_t i = 0; strcmp(c->referred, from) >= 0 && i < n; i++)
		if (strcmp(eps[i].start, c->entry) >= 0)
			return eps[i].rank;
	return CB_RANK_NONE;
}

static enum cb_plan_rank end_rank(const struct pcase *c, const struct episode *eps, size_t n,
				  const char *to)
{
	int r = c->closed[0] ? -1 : plan_on(eps, n, to);
	return r >= 0 ? (enum cb_plan_rank)r : CB_RANK_NONE;
}

/*
 * Escalations (§2.2.4, [004]:811): a CP or LAC plan begun in the period that
 * is higher on the ladder than the plan in force the day before (None if
 * none). A case's first plan is where it came in, not an escalation: a case
 * referred straight onto CP is counted in started_cp_lac instead.
 */
static void escalations(const struct episode *eps, size_t n, const cb_report_opts *o,
			bool *to_cp, bool *to_lac, bool *started_high)
{
	char before[11];

	for (size_t i = 0; i < n; i++) {
		const struct episode *e = &eps[i];
		int prev;
		if (e->rank < CB_RANK_CP || strcmp(e->start, o->from) < 0 || strcmp(e->start, o->to) > 0)
			continue;
		if (i == 0) {
			*started_high = true;
			continue;
		}
		day_before(e->start, before);
		prev = plan_on(eps, n, before);
		if ((int)e->rank > (prev < 0 ? (int)CB_RANK_NONE : prev))
			*(e->rank == CB_RANK_CP ? to_cp : to_lac) = true;
	}
}

struct plan_acc {
	double *weeks;
	size_t n_weeks;
	long to_cp, to_lac;
};

static void one_case(const struct pcase *c, const struct episode *eps, size_t n,
		     const cb_report_opts *o, cb_report *r, struct plan_acc *acc)
{
	enum cb_plan_rank a = start_rank(c, eps, n, o->from), b = end_rank(c, eps, n, o->to);
	cb_outcome_report *out = &r->outcomes;
	bool cp = false, lac = false, high = false;

	r->plans.start[a]++;
	r->plans.end[b]++;
	r->plans.moved[b < a ? CB_MOVE_DOWN : b == a ? CB_MOVE_SAME : CB_MOVE_UP]++;
	escalations(eps, n, o, &cp, &lac, &high);
	acc->to_cp += cp;
	acc->to_lac += lac;
	out->started_cp_lac += high;
	if (c->closed[0] == '\0') {
		out->still_open++;
		return;
	}
	out->closed++;
	if (c->later_escalation) {
		out->closed_then_escalated++;
		return;
	}
	/* §2.2.2: length of a case closed without later escalation, referral to closure, in weeks. */
	out->closed_no_escalation.k++;
	acc->weeks[acc->n_weeks++] = (double)report_days(c->referred, c->closed) / 7.0;
}

static void finish(cb_report *r, struct plan_acc *acc)
{
	cb_plan_report *p = &r->plans;
	cb_outcome_report *out = &r->outcomes;
	long n = p->n;

	cb_largest_remainder(p->start, CB_PLAN_TYPES, 100, p->start_percent);
	cb_largest_remainder(p->end, CB_PLAN_TYPES, 100, p->end_percent);
	for (int m = 0; m < CB_MOVES; m++)
		p->moved_percent[m] = cb_percent_floor(p->moved[m], n);
	p->off_plan.k = p->end[CB_RANK_NONE] + p->end[CB_RANK_EH];
	p->off_plan.n = n;
	p->off_plan.percent = cb_percent_half_up(p->off_plan.k, n);
	out->cases = n;
	out->closed_no_escalation.n = n;
	out->closed_no_escalation.percent = cb_percent_half_up(out->closed_no_escalation.k, n);
	out->escalated_cp = (cb_share){acc->to_cp, n, cb_percent_half_up(acc->to_cp, n)};
	out->escalated_lac = (cb_share){acc->to_lac, n, cb_percent_half_up(acc->to_lac, n)};
	out->length_mean = (cb_stat){(long)acc->n_weeks, cb_mean(acc->weeks, acc->n_weeks)};
	cb_sort_doubles(acc->weeks, acc->n_weeks);
	out->length_median = (cb_stat){(long)acc->n_weeks,
				       cb_quantile(acc->weeks, acc->n_weeks, 0.5)};
}

static void free_data(struct plan_data *d)
{
	for (size_t i = 0; i < d->n_cases; i++)
		free(d->cases[i].id);
	for (size_t i = 0; i < d->n_eps; i++)
		free(d->eps[i].case_id);
	free(d->cases);
	free(d->eps);
}

enum cb_status report_plans(const report_ctx *ctx, cb_report *r)
{
	struct plan_data d = {0};
	struct plan_acc acc = {0};
	size_t e = 0;
	enum cb_status rc;

	if ((rc = report_each(ctx, cases_sql, "reading cases", case_row, &d)) ||
	    (rc = report_each(ctx, episodes_sql, "reading plan history", episode_row, &d)))
		goto out;
	acc.weeks = xcalloc(d.n_cases + 1, sizeof *acc.weeks);
	r->plans.n = (long)d.n_cases;
	for (size_t i = 0; i < d.n_cases; i++) {
		size_t first;
		while (e < d.n_eps && strcmp(d.eps[e].case_id, d.cases[i].id) < 0)
			e++;
		for (first = e; e < d.n_eps && strcmp(d.eps[e].case_id, d.cases[i].id) == 0; e++)
			;
		one_case(&d.cases[i], d.eps + first, e - first, ctx->opts, r, &acc);
	}
	finish(r, &acc);
out:
	free(acc.weeks);
	free_data(&d);
	return rc;
}
