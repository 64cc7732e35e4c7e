/* risk.c: risk framework first and latest per case in the period, and the change across cases. */
#include "report/report_priv.h"

#include <string.h>

#include "core/mem.h"

const char *const cb_risk_scale_ids[CB_RISK_SCALES] = {"total", "risk", "protective",
						       "engagement"};

/*
 * Every risk-framework assessment of the cohort dated in the period, with
 * its four scale scores (NULL when the scale had no value, e.g. engagement
 * not rated, which leaves the total without one too: §1.1, forms notes).
 * Cases in the caseload's order (family, then child).
 */
static const char risk_sql[] =
	REPORT_COHORT
	" SELECT k.id, ch.name, f.name, a.assessed_on,"
	"  max(CASE s.scale WHEN 'total' THEN s.score END),"
	"  max(CASE s.scale WHEN 'risk' THEN s.score END),"
	"  max(CASE s.scale WHEN 'protective' THEN s.score END),"
	"  max(CASE s.scale WHEN 'engagement' THEN s.score END)"
	" FROM cohort k CROSS JOIN assessments a ON a.case_id = k.id"
	" JOIN people ch ON ch.id = k.child_id JOIN families f ON f.id = k.family_id"
	" LEFT JOIN assessment_scores s ON s.assessment_id = a.id"
	" WHERE a.instrument = '" CB_REPORT_RISK_INSTRUMENT "'"
	"  AND a.assessed_on BETWEEN :from AND :to"
	" GROUP BY a.id ORDER BY f.name, ch.name, k.id, a.assessed_on, a.created_at, a.id";

static cb_risk_case *case_for(cb_risk_report *risk, sqlite3_stmt *q)
{
	const char *id = (const char *)sqlite3_column_text(q, 0);
	cb_risk_case *c;

	if (risk->n_cases && strcmp(risk->cases[risk->n_cases - 1].case_id, id) == 0)
		return &risk->cases[risk->n_cases - 1];
	if ((risk->n_cases & (risk->n_cases - 1)) == 0)
		risk->cases = xreallocarray(risk->cases, risk->n_cases ? risk->n_cases * 2 : 1,
					    sizeof *risk->cases);
	c = &risk->cases[risk->n_cases++];
	memset(c, 0, sizeof *c);
	c->case_id = xstrdup(id);
	c->child_name = report_col_text(q, 1);
	c->family_name = report_col_text(q, 2);
	for (int s = 0; s < CB_RISK_SCALES; s++)
		c->first[s] = c->latest[s] = -1;
	return c;
}

static void risk_row(sqlite3_stmt *q, void *arg)
{
	cb_risk_case *c = case_for(arg, q);
	cb_risk_point *p;
	int at = (int)c->n_points;

	if ((c->n_points & (c->n_points - 1)) == 0)
		c->points = xreallocarray(c->points, c->n_points ? c->n_points * 2 : 1,
					  sizeof *c->points);
	p = &c->points[c->n_points++];
	memset(p, 0, sizeof *p);
	report_col_date(q, 3, p->on);
	for (int s = 0; s < CB_RISK_SCALES; s++) {
		p->has[s] = sqlite3_column_type(q, 4 + s) != SQLITE_NULL;
		p->value[s] = sqlite3_column_double(q, 4 + s);
		if (!p->has[s])
			continue;
		if (c->first[s] < 0)
			c->first[s] = at;
		c->latest[s] = at;
	}
}

bool cb_risk_case_change(const cb_risk_case *c, enum cb_risk_scale scale, double *change)
{
	int a = c->first[scale], b = c->latest[scale];

	if (a < 0 || b <= a)
		return false;
	*change = c->points[b].value[scale] - c->points[a].value[scale];
	return true;
}

/* Which way each scale is better, from the form when it is loaded (higher is safer, §1.1). */
static void read_form(const cb_report_opts *o, cb_risk_report *risk)
{
	const cb_instrument *ins = o->forms ? cb_forms_find(o->forms, CB_REPORT_RISK_INSTRUMENT)
					    : NULL;

	for (int s = 0; s < CB_RISK_SCALES; s++) {
		long i = ins ? cb_instrument_scale(ins, cb_risk_scale_ids[s]) : -1;
		risk->change[s].higher_is_better = i < 0 || ins->scales[i].better == CB_BETTER_HIGHER;
	}
}

/*
 * Across cases with two or more assessments in the period: the change
 * latest - first, its median and interquartile range (type-7 quantiles,
 * core/stats.h) as FACT22's box plots show ([004]:1017-1019), and the share
 * better / same / worse by the scale's direction (higher is safer, §1.1).
 */
static void summarise(cb_risk_report *risk, enum cb_risk_scale s)
{
	cb_risk_change *ch = &risk->change[s];
	double *changes = xcalloc(risk->n_cases + 1, sizeof *changes), d;
	size_t n = 0;

	for (size_t i = 0; i < risk->n_cases; i++) {
		if (!cb_risk_case_change(&risk->cases[i], s, &d))
			continue;
		changes[n++] = d;
		if (d == 0)
			ch->moved[1]++;
		else
			ch->moved[(d > 0) == ch->higher_is_better ? 0 : 2]++;
	}
	cb_box_of(changes, n, &ch->box);
	cb_largest_remainder(ch->moved, 3, 100, ch->percent);
	free(changes);
}

enum cb_status report_risk(const report_ctx *ctx, cb_report *r)
{
	enum cb_status rc = report_each(ctx, risk_sql, "reading risk-framework scores", risk_row,
					&r->risk);

	if (rc)
		return rc;
	read_form(ctx->opts, &r->risk);
	for (int s = 0; s < CB_RISK_SCALES; s++)
		summarise(&r->risk, (enum cb_risk_scale)s);
	return CB_OK;
}

void report_risk_free(cb_risk_report *risk)
{
	for (size_t i = 0; i < risk->n_cases; i++) {
		free(risk->cases[i].case_id);
		free(risk->cases[i].child_name);
		free(risk->cases[i].family_name);
		free(risk->cases[i].points);
	}
	free(risk->cases);
	memset(risk, 0, sizeof *risk);
}
