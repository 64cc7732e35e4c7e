/* case_scores.c: the case screen's Assessments, Goals and Alliance tabs, with sparklines and bars. */
#include "ui/case_view.h"

#include <stdio.h>
#include <string.h>

#include "ui/chart.h"
#include "ui/labels.h"

/* ---- Assessments ---- */

/* The family's ratings before the worker's, as on the Alliance tab. */
static const char *const rater_codes[] = {"family_member", "child", "worker"};

static size_t rater_points(const cb_series *s, const char *rater, size_t *first, size_t *last)
{
	size_t n = 0;

	for (size_t i = 0; i < s->count; i++)
		if (strcmp(s->points[i].rater, rater) == 0) {
			if (n++ == 0)
				*first = i;
			*last = i;
		}
	return n;
}

/* One scale as rated by one kind of rater: what it is, then its course over time. */
static void rater_rows(const cb_series *s, const cb_scale *scale, const char *rater, cb_pager *p)
{
	size_t first = 0, last = 0, n = rater_points(s, rater, &first, &last);
	char spark[128], lo[32], hi[32], a[32], b[32];
	const cb_series_point *pf = &s->points[first], *pl = &s->points[last];

	if (n == 0)
		return;
	if (scale) {
		case_fmt_score(lo, sizeof lo, scale->min);
		case_fmt_score(hi, sizeof hi, scale->max);
		cb_pager_addf(p, A_NORMAL, 2, 4, "%s, rated by %s: %s is better (range %s to %s)",
			      scale->title, cb_label(CB_LABEL_RATER, rater),
			      scale->better == CB_BETTER_HIGHER ? "higher" : "lower", lo, hi);
	} else {
		cb_pager_addf(p, A_NORMAL, 2, 4, "%s, rated by %s: which way is better is not known",
			      s->scale, cb_label(CB_LABEL_RATER, rater));
	}
	case_series_spark(spark, sizeof spark, s, rater, scale);
	case_fmt_score(a, sizeof a, pf->value);
	case_fmt_score(b, sizeof b, pl->value);
	if (n == 1)
		cb_pager_addf(p, A_NORMAL, 4, 6, "%s  %s on %s (one rating)", spark, a, pf->on);
	else
		cb_pager_addf(p, A_NORMAL, 4, 6, "%s  first %s on %s, latest %s on %s (%zu ratings): %s",
			      spark, a, pf->on, b, pl->on, n,
			      case_change_word(cb_change_between(pf->value, pl->value), scale, false));
}

static void scale_rows(const cb_series *s, const cb_scale *scale, cb_pager *p)
{
	for (size_t r = 0; r < sizeof rater_codes / sizeof rater_codes[0]; r++)
		rater_rows(s, scale, rater_codes[r], p);
}

/* The series rows[0..n) all belong to one instrument; its scales in the form's order. */
static void instrument_rows(const cb_view *v, const cb_series *rows, size_t n, cb_pager *p)
{
	const cb_instrument *ins = case_instrument(v, rows[0].instrument);

	if (ins)
		cb_pager_add(p, A_BOLD, 0, 2, ins->title);
	else
		cb_pager_addf(p, A_BOLD, 0, 2, "%s (form not loaded; run `casebook forms check`)",
			      rows[0].instrument);
	for (size_t i = 0; ins && i < ins->n_scales; i++)
		for (size_t j = 0; j < n; j++)
			if (strcmp(rows[j].scale, ins->scales[i].id) == 0)
				scale_rows(&rows[j], &ins->scales[i], p);
	for (size_t j = 0; !ins && j < n; j++)
		scale_rows(&rows[j], NULL, p);
	cb_pager_blank(p);
}

void case_tab_assessments(cb_view *v, cb_pager *p)
{
	struct case_state *s = v->priv;
	const cb_case_series *all = &s->series;
	size_t i = 0, end;

	while (i < all->count) {
		for (end = i; end < all->count &&
			      strcmp(all->rows[end].instrument, all->rows[i].instrument) == 0;
		     end++)
			;
		instrument_rows(v, &all->rows[i], end - i, p);
		i = end;
	}
}

/* ---- Goals ---- */

static void progress_row(const cb_case_goal *g, cb_pager *p)
{
	double values[CASE_SPARK_WIDTH];
	size_t n = 0, from = g->n_reviews > CASE_SPARK_WIDTH ? g->n_reviews - CASE_SPARK_WIDTH : 0;
	const cb_goal_review *last = &g->reviews[g->n_reviews - 1];
	char spark[128], bar[64];

	for (size_t i = from; i < g->n_reviews; i++)
		values[n++] = g->reviews[i].progress;
	cb_sparkline(spark, sizeof spark, values, n, 0, 10, CASE_SPARK_WIDTH);
	cb_bar(bar, sizeof bar, last->progress, 0, 10, 10);
	if (g->n_reviews == 1)
		cb_pager_addf(p, A_NORMAL, 4, 6, "%s %d/10 on %s (first review)", bar, last->progress,
			      last->reviewed_on);
	else
		cb_pager_addf(p, A_NORMAL, 4, 6, "%s %d/10 on %s, %s than %d (%zu reviews)  %s", bar,
			      last->progress, last->reviewed_on,
			      g->trend == CB_CHANGE_SAME ? "same as"
			      : g->trend == CB_CHANGE_UP ? "better" : "worse",
			      g->reviews[g->n_reviews - 2].progress, g->n_reviews, spark);
	if (last->comment)
		cb_pager_addf(p, A_NORMAL, 4, 6, "Latest comment: %s", last->comment);
}

static void agreement_row(const cb_case_goal *g, cb_pager *p)
{
	if (g->agreement == NULL && g->worker_thinks_match < 0)
		return;
	cb_pager_addf(p, A_NORMAL, 4, 6, "Family and worker goals: %s%s%s",
		      g->agreement ? g->agreement : "not compared",
		      g->worker_thinks_match < 0 ? ""
		      : g->worker_thinks_match ? "; the worker thinks they match"
					       : "; the worker thinks they differ",
		      g->paired_goal_id ? " (paired)" : "");
}

static void goal_rows(const cb_case_goal *g, cb_pager *p)
{
	cb_pager_addf(p, A_NORMAL, 2, 4, "%s [%s], %s's goal%s%s%s, set %s", g->text,
		      cb_label(CB_LABEL_GOAL, g->category), g->owner, g->owner_name ? " (" : "",
		      g->owner_name ? g->owner_name : "", g->owner_name ? ")" : "", g->set_on);
	if (g->n_reviews)
		progress_row(g, p);
	else
		cb_pager_add(p, A_NORMAL, 4, 6, "Not reviewed yet");
	agreement_row(g, p);
}

void case_tab_goals(cb_view *v, cb_pager *p)
{
	static const char *const statuses[][2] = {
		{"active", "Active goals"}, {"achieved", "Achieved"}, {"dropped", "Dropped"},
	};
	struct case_state *s = v->priv;
	const cb_case_goals *goals = &s->chron.goals;

	for (size_t k = 0; k < 3; k++) {
		size_t n = 0;
		for (size_t i = 0; i < goals->count; i++)
			n += strcmp(goals->rows[i].status, statuses[k][0]) == 0;
		if (n == 0)
			continue;
		cb_pager_addf(p, A_BOLD, 0, 2, "%s (%zu)", statuses[k][1], n);
		for (size_t i = 0; i < goals->count; i++)
			if (strcmp(goals->rows[i].status, statuses[k][0]) == 0)
				goal_rows(&goals->rows[i], p);
		cb_pager_blank(p);
	}
}

/* ---- Alliance ---- */

static bool is_worker(const cb_alliance_point *pt)
{
	return strcmp(pt->rater, "worker") == 0;
}

/* "Family  ▃▇  first 15 on ..., latest 17.25 on ..." for one side's alliance totals. */
static void side_trend(const cb_view *v, const cb_alliance *a, bool worker, cb_pager *p)
{
	double *values = xcalloc(a->count + 1, sizeof *values);
	const cb_alliance_point *first = NULL, *last = NULL;
	const cb_scale *scale = case_scale(case_instrument(v, "working-alliance"), "alliance");
	char spark[128], x[32], y[32];
	size_t n = 0;

	for (size_t i = 0; i < a->count; i++)
		if (is_worker(&a->rows[i]) == worker && a->rows[i].alliance.has) {
			first = first ? first : &a->rows[i];
			last = &a->rows[i];
			values[n++] = a->rows[i].alliance.value;
		}
	if (n == 0)
		cb_pager_addf(p, A_NORMAL, 0, 8, "%-8snot rated yet", worker ? "Worker" : "Family");
	else {
		case_spark(spark, sizeof spark, values, n, scale);
		case_fmt_score(x, sizeof x, first->alliance.value);
		case_fmt_score(y, sizeof y, last->alliance.value);
		cb_pager_addf(p, A_NORMAL, 0, 8, "%-8s%s  first %s/21 on %s, latest %s/21 on %s: %s",
			      worker ? "Worker" : "Family", spark, x, first->on, y, last->on,
			      case_change_word(cb_change_between(first->alliance.value,
								 last->alliance.value),
					       scale, false));
	}
	free(values);
}

struct alliance_layout {
	int side; /* columns for one side: who, a space, four scores */
	int who;  /* columns for the rater's name */
};

static void append_scores(strbuf *sb, const cb_alliance_point *pt, const struct alliance_layout *l)
{
	const cb_opt_score *scores[4] = {&pt->goal, &pt->task, &pt->bond, &pt->alliance};
	char text[4][32];

	case_cell(sb, pt->rater_name ? pt->rater_name : cb_label(CB_LABEL_RATER, pt->rater), l->who);
	for (int i = 0; i < 4; i++) {
		snprintf(text[i], sizeof text[i], "-");
		if (scores[i]->has)
			case_fmt_score(text[i], sizeof text[i], scores[i]->value);
	}
	sb_appendf(sb, "%4s %4s %4s %5s", text[0], text[1], text[2], text[3]);
}

static void alliance_header(cb_pager *p, const struct alliance_layout *l)
{
	strbuf sb = {0};

	case_cell(&sb, "", 10);
	case_cell(&sb, "FAMILY / YOUNG PERSON", l->side);
	sb_append(&sb, "| WORKER");
	cb_pager_add(p, A_BOLD, 0, 0, sb_str(&sb));
	sb_free(&sb);
	case_cell(&sb, "DATE", 10);
	for (int side = 0; side < 2; side++) {
		case_cell(&sb, "who", l->who);
		sb_appendf(&sb, "%4s %4s %4s %5s", "goal", "task", "bond", "/21");
		sb_append(&sb, side == 0 ? " | " : "");
	}
	cb_pager_add(p, A_BOLD, 0, 0, sb_str(&sb));
	sb_free(&sb);
}

/* One table row: the date (on a day's first row), a family rating and a worker rating, either may be blank. */
static void alliance_row(cb_pager *p, const struct alliance_layout *l, const char *date,
			 const cb_alliance_point *family, const cb_alliance_point *worker)
{
	strbuf sb = {0};

	case_cell(&sb, date ? date : "", 10);
	if (family)
		append_scores(&sb, family, l);
	else
		case_cell(&sb, "", l->side - 1);
	sb_append(&sb, " | ");
	if (worker)
		append_scores(&sb, worker, l);
	cb_pager_add(p, A_NORMAL, 0, 0, sb_str(&sb));
	sb_free(&sb);
}

/* The ratings of one day (rows[from..to)), family and worker side by side. */
static void alliance_day(cb_pager *p, const struct alliance_layout *l, const cb_alliance *a,
			 size_t from, size_t to)
{
	size_t fi = from, wi = from;
	bool first = true;

	for (;;) {
		while (fi < to && is_worker(&a->rows[fi]))
			fi++;
		while (wi < to && !is_worker(&a->rows[wi]))
			wi++;
		if (fi >= to && wi >= to)
			break;
		alliance_row(p, l, first ? a->rows[from].on : NULL, fi < to ? &a->rows[fi] : NULL,
			     wi < to ? &a->rows[wi] : NULL);
		first = false;
		fi++;
		wi++;
	}
}

void case_tab_alliance(cb_view *v, cb_pager *p)
{
	struct case_state *s = v->priv;
	const cb_alliance *a = &s->alliance;
	struct alliance_layout l;
	size_t i = 0, end;

	if (a->count == 0)
		return;
	l.side = (p->width - 14) / 2; /* date 10, spaces and " | " 4 */
	l.side = l.side > 42 ? 42 : l.side < 27 ? 27 : l.side;
	l.who = l.side - 21;          /* each side: who, a space, then 20 columns of scores */
	side_trend(v, a, false, p);
	side_trend(v, a, true, p);
	cb_pager_blank(p);
	alliance_header(p, &l);
	while (i < a->count) {
		for (end = i; end < a->count && strcmp(a->rows[end].on, a->rows[i].on) == 0; end++)
			;
		alliance_day(p, &l, a, i, end);
		i = end;
	}
}
