/* goals.c: goals set in the period by category, share achieved, and family-worker agreement. */
#include "report/report_priv.h"

#include <stdlib.h>
#include <string.h>

#include "core/labels.h"
#include "core/mem.h"

/*
 * Goals of the cohort's cases set in the period (§1.4). Status is the goal's
 * status now: the store keeps no date of achievement, so a goal achieved
 * after the period still counts as achieved.
 */
static const char goals_sql[] =
	REPORT_COHORT
	" SELECT g.id, g.case_id, g.category, g.owner, g.status, g.paired_goal_id, g.agreement,"
	"  g.worker_thinks_match FROM cohort k CROSS JOIN goals g ON g.case_id = k.id"
	" WHERE g.set_on BETWEEN :from AND :to ORDER BY g.case_id, g.id";

/* One family-worker pair as seen from one of its goals (§1.4, [002]:447). */
struct pair {
	char *a, *b;         /* the two goal ids, a < b */
	const char *agreement; /* "identical", "different" or NULL (static) */
	int thinks_match;    /* 1, 0, or -1 if not recorded */
};

struct goal_acc {
	cb_goal_report *out;
	char *last_case;
	bool case_family, case_worker;
	struct pair *pairs;
	size_t n_pairs;
};

static int category_index(const char *code)
{
	for (int i = 0; code && i < CB_GOAL_CATEGORIES && cb_goal_categories[i][0]; i++)
		if (strcmp(code, cb_goal_categories[i][0]) == 0)
			return i;
	return CB_GOAL_CATEGORIES - 1; /* "other" */
}

static void end_case(struct goal_acc *acc)
{
	if (acc->last_case && acc->case_family && acc->case_worker)
		acc->out->cases_both_sides++;
	free(acc->last_case);
	acc->last_case = NULL;
	acc->case_family = acc->case_worker = false;
}

static void add_pair(struct goal_acc *acc, sqlite3_stmt *q)
{
	const char *id = (const char *)sqlite3_column_text(q, 0);
	const char *other = (const char *)sqlite3_column_text(q, 5);
	const char *agreement = (const char *)sqlite3_column_text(q, 6);
	struct pair *p;

	if (other == NULL)
		return;
	if ((acc->n_pairs & (acc->n_pairs - 1)) == 0)
		acc->pairs = xreallocarray(acc->pairs, acc->n_pairs ? acc->n_pairs * 2 : 1,
					   sizeof *acc->pairs);
	p = &acc->pairs[acc->n_pairs++];
	p->a = xstrdup(strcmp(id, other) < 0 ? id : other);
	p->b = xstrdup(strcmp(id, other) < 0 ? other : id);
	p->agreement = agreement == NULL ? NULL
		       : strcmp(agreement, "identical") == 0 ? "identical" : "different";
	p->thinks_match = sqlite3_column_type(q, 7) == SQLITE_NULL ? -1 : sqlite3_column_int(q, 7);
}

static void goal_row(sqlite3_stmt *q, void *arg)
{
	struct goal_acc *acc = arg;
	cb_goal_report *g = acc->out;
	const char *case_id = (const char *)sqlite3_column_text(q, 1);
	const char *owner = (const char *)sqlite3_column_text(q, 3);
	const char *status = (const char *)sqlite3_column_text(q, 4);
	bool family = owner && strcmp(owner, "family") == 0;

	if (acc->last_case == NULL || strcmp(acc->last_case, case_id) != 0) {
		end_case(acc);
		acc->last_case = xstrdup(case_id);
		g->cases++;
	}
	g->n++;
	g->by_category[category_index((const char *)sqlite3_column_text(q, 2))]++;
	*(family ? &g->family : &g->worker) += 1;
	*(family ? &acc->case_family : &acc->case_worker) = true;
	if (status && strcmp(status, "achieved") == 0)
		g->achieved++;
	else if (status && strcmp(status, "dropped") == 0)
		g->dropped++;
	else
		g->active++;
	add_pair(acc, q);
}

static int cmp_pairs(const void *x, const void *y)
{
	const struct pair *a = x, *b = y;
	int c = strcmp(a->a, b->a);
	return c ? c : strcmp(a->b, b->b);
}

/*
 * Each pair once, however many of its goals point at the other (the goal
 * form makes both point): agreement and the worker's view from whichever
 * side recorded them.
 */
static void count_pairs(struct goal_acc *acc)
{
	cb_goal_report *g = acc->out;
	long agree[2];

	if (acc->n_pairs > 1)
		qsort(acc->pairs, acc->n_pairs, sizeof *acc->pairs, cmp_pairs);
	for (size_t i = 0; i < acc->n_pairs;) {
		const char *agreement = NULL;
		int thinks = -1;
		size_t j = i;
		for (; j < acc->n_pairs && cmp_pairs(&acc->pairs[i], &acc->pairs[j]) == 0; j++) {
			agreement = agreement ? agreement : acc->pairs[j].agreement;
			thinks = thinks >= 0 ? thinks : acc->pairs[j].thinks_match;
		}
		g->pairs++;
		if (agreement == NULL)
			g->unrated++;
		else if (strcmp(agreement, "identical") == 0)
			g->identical++;
		else {
			g->different++;
			g->different_thought_match += thinks == 1;
		}
		i = j;
	}
	agree[0] = g->identical;
	agree[1] = g->different;
	cb_largest_remainder(agree, 2, 100, g->agreement_percent);
}

enum cb_status report_goals(const report_ctx *ctx, cb_report *r)
{
	struct goal_acc acc = {.out = &r->goals};
	cb_goal_report *g = &r->goals;
	enum cb_status rc = report_each(ctx, goals_sql, "reading goals", goal_row, &acc);

	end_case(&acc);
	if (rc == CB_OK) {
		count_pairs(&acc);
		cb_largest_remainder(g->by_category, CB_GOAL_CATEGORIES, 100, g->category_percent);
		g->achieved_share = (cb_share){g->achieved, g->n, cb_percent_half_up(g->achieved, g->n)};
	}
	for (size_t i = 0; i < acc.n_pairs; i++) {
		free(acc.pairs[i].a);
		free(acc.pairs[i].b);
	}
	free(acc.pairs);
	return rc;
}
