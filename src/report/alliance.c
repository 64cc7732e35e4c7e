/* alliance.c: working alliance means, family and worker side by side, and practice-observation skills. */
#include "report/report_priv.h"

#include <stdio.h>
#include <string.h>

const char *const cb_wai_scale_ids[CB_WAI_SUBSCALES] = {"goal", "task", "bond"};

const char *const cb_obs_scale_ids[CB_OBS_SCALES] = {
	"collaboration", "empathy", "purposefulness", "clarity", "child_focus",
	"relationship_building", "respectful_authority", "overall",
};

/*
 * Working alliance (§1.2, [002]:766): each rater's latest rating of a case in
 * the period (rank 1). The family side is the client version: any family
 * member or the child ([002]:417 "young person or family"); the worker side
 * is rater worker, one rater per assessor. Earlier ratings by the same rater
 * are counted as superseded, so a family rated every month weighs no more
 * than one rated once.
 */
static const char wai_sql[] =
	REPORT_COHORT
	", ranked AS (SELECT a.id, a.case_id, a.rater = 'worker' AS worker,"
	"  row_number() OVER (PARTITION BY a.case_id, a.rater = 'worker',"
	"   coalesce(a.rater_person_id, a.assessor_id, a.rater)"
	"   ORDER BY a.assessed_on DESC, a.created_at DESC, a.id DESC) AS rank"
	"  FROM cohort k CROSS JOIN assessments a ON a.case_id = k.id"
	"  WHERE a.instrument = '" CB_REPORT_WAI_INSTRUMENT "'"
	"  AND a.assessed_on BETWEEN :from AND :to)"
	" SELECT r.worker, r.rank, r.case_id,"
	"  (SELECT score FROM assessment_scores s WHERE s.assessment_id = r.id AND s.scale = 'goal'),"
	"  (SELECT score FROM assessment_scores s WHERE s.assessment_id = r.id AND s.scale = 'task'),"
	"  (SELECT score FROM assessment_scores s WHERE s.assessment_id = r.id AND s.scale = 'bond')"
	" FROM ranked r ORDER BY r.worker, r.case_id";

struct wai_acc {
	cb_alliance_report *out;
	double sum[2][CB_WAI_SUBSCALES];
	char last_case[2][80];
};

static void wai_row(sqlite3_stmt *q, void *arg)
{
	struct wai_acc *acc = arg;
	int w = sqlite3_column_int(q, 0) != 0;
	cb_alliance_side *side = w ? &acc->out->worker : &acc->out->family;
	const char *case_id = (const char *)sqlite3_column_text(q, 2);

	if (sqlite3_column_int(q, 1) != 1) {
		acc->out->superseded++;
		return;
	}
	side->ratings++;
	if (strncmp(acc->last_case[w], case_id, sizeof acc->last_case[w] - 1) != 0) {
		side->cases++;
		snprintf(acc->last_case[w], sizeof acc->last_case[w], "%s", case_id);
	}
	for (int s = 0; s < CB_WAI_SUBSCALES; s++) {
		if (sqlite3_column_type(q, 3 + s) == SQLITE_NULL)
			continue;
		side->mean[s].n++;
		acc->sum[w][s] += sqlite3_column_double(q, 3 + s);
	}
}

/* Means of each subscale; the aggregate out of 21 is the sum of the three unrounded
 * means, as Havering's 17.62 is (5.73 + 5.82 + 6.08 = 17.63; §1.2, §6 #13). */
static void finish_side(cb_alliance_side *side, const double *sum)
{
	long fewest = -1;
	double total = 0;

	for (int s = 0; s < CB_WAI_SUBSCALES; s++) {
		cb_stat *m = &side->mean[s];
		m->value = m->n ? sum[s] / (double)m->n : 0;
		total += m->value;
		if (fewest < 0 || m->n < fewest)
			fewest = m->n;
	}
	side->aggregate.n = fewest;
	side->aggregate.value = fewest > 0 ? total : 0;
}

enum cb_status report_alliance(const report_ctx *ctx, cb_report *r)
{
	struct wai_acc acc = {.out = &r->alliance};
	enum cb_status rc = report_each(ctx, wai_sql, "reading working-alliance ratings", wai_row,
					&acc);

	if (rc)
		return rc;
	finish_side(&r->alliance.family, acc.sum[0]);
	finish_side(&r->alliance.worker, acc.sum[1]);
	return CB_OK;
}

/*
 * Practice observation (§1.3, [002]:358, 392): every coded recording of a
 * cohort case in the period is one observation. Mean of each skill and of
 * the two aggregates (themselves means of their skills), and the share rated
 * 3 or more ("average to good or excellent") and 4 or more ("good" or
 * "excellent"), [002]:153, 392, 400.
 */
static const char obs_sql[] =
	REPORT_COHORT
	" SELECT a.id, s.scale, s.score FROM cohort k CROSS JOIN assessments a ON a.case_id = k.id"
	" JOIN assessment_scores s ON s.assessment_id = a.id"
	" WHERE a.instrument = '" CB_REPORT_OBS_INSTRUMENT "'"
	"  AND a.assessed_on BETWEEN :from AND :to AND s.score IS NOT NULL"
	" ORDER BY a.id";

struct obs_acc {
	cb_observation_report *out;
	double sum[CB_OBS_SCALES];
	char last[80];
};

static int obs_index(const char *scale)
{
	for (int i = 0; scale && i < CB_OBS_SCALES; i++)
		if (strcmp(scale, cb_obs_scale_ids[i]) == 0)
			return i;
	return -1;
}

static void obs_row(sqlite3_stmt *q, void *arg)
{
	struct obs_acc *acc = arg;
	const char *id = (const char *)sqlite3_column_text(q, 0);
	int i = obs_index((const char *)sqlite3_column_text(q, 1));
	double v = sqlite3_column_double(q, 2);
	cb_obs_result *res;

	if (strncmp(acc->last, id, sizeof acc->last - 1) != 0) {
		acc->out->observations++;
		snprintf(acc->last, sizeof acc->last, "%s", id);
	}
	if (i < 0)
		return;
	res = &acc->out->scale[i];
	res->mean.n++;
	acc->sum[i] += v;
	res->rated3.k += v >= 3;
	res->rated4.k += v >= 4;
}

enum cb_status report_observation(const report_ctx *ctx, cb_report *r)
{
	struct obs_acc acc = {.out = &r->observation};
	enum cb_status rc = report_each(ctx, obs_sql, "reading practice observations", obs_row,
					&acc);

	for (int i = 0; rc == CB_OK && i < CB_OBS_SCALES; i++) {
		cb_obs_result *res = &r->observation.scale[i];
		res->mean.value = res->mean.n ? acc.sum[i] / (double)res->mean.n : 0;
		res->rated3.n = res->rated4.n = res->mean.n;
		res->rated3.percent = cb_percent_half_up(res->rated3.k, res->rated3.n);
		res->rated4.percent = cb_percent_half_up(res->rated4.k, res->rated4.n);
	}
	return rc;
}
