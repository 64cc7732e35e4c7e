/* report_text.c: the outcome report as terminal text: tables, bars, sparklines and a box plot. */
#include "ui/report_text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/labels.h"
#include "core/mem.h"
#include "core/text.h"
#include "ui/chart.h"

#define TOO_FEW "too few to mean much"
/* Most points a per-case sparkline shows (the latest ones). */
#define SPARK_POINTS 12

typedef struct rt {
	const cb_report *r;
	int width;
	cb_rt_sink sink;
	void *ctx;
	bool starred; /* a figure in this section was marked too few */
} rt;

void cb_rt_number(char *buf, size_t size, double v, int decimals, bool sign)
{
	double x = cb_round_half_up(v, decimals);

	if (x == 0)
		x = 0; /* no "-0" */
	snprintf(buf, size, sign && x > 0 ? "+%.*f" : "%.*f", decimals, x);
}

void cb_rt_short(char *buf, size_t size, double v, bool sign)
{
	char *end;

	cb_rt_number(buf, size, v, 2, sign);
	end = buf + strlen(buf);
	while (strchr(buf, '.') && end[-1] == '0')
		*--end = '\0';
	if (end[-1] == '.')
		end[-1] = '\0';
}

static void line(rt *t, enum cb_rt_style style, int indent, int hang, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void line(rt *t, enum cb_rt_style style, int indent, int hang, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	t->sink(t->ctx, style, indent, hang, text);
	free(text);
}


static void blank(rt *t)
{
	t->sink(t->ctx, CB_RT_NORMAL, 0, 0, "");
}

/* Appends text fitted to exactly `width` columns (cut with "…" or padded). */
static void cell(strbuf *sb, const char *text, int width)
{
	char *buf = xmalloc(4 * (size_t)width + 1);

	cb_text_fit(buf, text, width);
	sb_append(sb, buf);
	free(buf);
}

/* Pads sb with spaces to `width` display columns. */
static void pad_to(strbuf *sb, int width)
{
	while (cb_text_width(sb_str(sb)) < width)
		sb_append(sb, " ");
}

static enum cb_rt_style style_for(long n)
{
	return cb_report_too_few(n) ? CB_RT_WARN : CB_RT_NORMAL;
}

/* " *" for a figure over too few values (and remembers to explain it), else "". */
static const char *star(rt *t, long n)
{
	if (!cb_report_too_few(n))
		return "";
	t->starred = true;
	return " *";
}

/* Sends sb as one body row, styled by n, and empties it. */
static void emit(rt *t, strbuf *sb, long n, int indent)
{
	t->sink(t->ctx, style_for(n), indent, indent + 2, sb_str(sb));
	sb_free(sb);
}

/* A section heading, with what its n counts on the right (and the words if too few). */
static void heading(rt *t, enum cb_report_section sec, long n, const char *what)
{
	strbuf sb = {0};
	char *n_text = xasprintf("n = %ld %s%s", n, what, cb_report_too_few(n) ? ", " TOO_FEW : "");
	int room = t->width - cb_text_width(n_text) - 1;

	blank(t);
	cell(&sb, cb_report_section(sec)->title, room > 10 ? room : 10);
	sb_append(&sb, " ");
	sb_append(&sb, n_text);
	t->sink(t->ctx, cb_report_too_few(n) ? CB_RT_WARN : CB_RT_HEADING, 0, 2, sb_str(&sb));
	sb_free(&sb);
	free(n_text);
	t->starred = false;
}

/* The legend for "*" if the section used it; then its definitions and decisions. */
static void footnotes(rt *t, enum cb_report_section sec)
{
	const cb_report_section_info *info = cb_report_section(sec);

	if (t->starred)
		line(t, CB_RT_WARN, 4, 6, "* fewer than %d: " TOO_FEW, CB_REPORT_MIN_N);
	line(t, CB_RT_NOTE, 2, 4, "How: %s", info->cite);
	for (size_t i = 0; info->definitions[i]; i++)
		line(t, CB_RT_NOTE, 4, 6, "- %s", info->definitions[i]);
	for (size_t i = 0; info->decisions[i]; i++)
		line(t, CB_RT_NOTE, 4, 6, "! %s", info->decisions[i]);
}

/* A bar `width` columns wide for value between lo and hi. */
static void bar(strbuf *sb, double value, double lo, double hi, int width)
{
	char buf[4 * 64 + 1];

	cb_bar(buf, sizeof buf, value, lo, hi, width < 64 ? width : 64);
	sb_append(sb, buf);
}

/* Columns left for each of `parts` bars after `used` columns of a body row (5 to 30). */
static int bar_room(const rt *t, int used, int parts)
{
	int w = (t->width - 1 - used) / (parts > 0 ? parts : 1);
	return w < 5 ? 5 : w > 30 ? 30 : w;
}

static void share_text(char *buf, size_t size, cb_share s)
{
	snprintf(buf, size, "%ld of %ld, %d%%", s.k, s.n, s.percent);
}

/* ---- the title ---- */

static void title(rt *t)
{
	const cb_report *r = t->r;
	char who[256];

	if (r->team_id && r->practitioner_id)
		snprintf(who, sizeof who, "team %s, practitioner %s", r->team_name,
			 r->practitioner_name);
	else if (r->team_id)
		snprintf(who, sizeof who, "team %s", r->team_name);
	else if (r->practitioner_id)
		snprintf(who, sizeof who, "practitioner %s", r->practitioner_name);
	else
		snprintf(who, sizeof who, "all teams and practitioners");
	line(t, CB_RT_TITLE, 0, 2, "Outcome report, %s to %s, %s", r->from, r->to, who);
	line(t, style_for(r->cases), 2, 4, "%ld case%s open in the period (%ld at the start, %ld at "
	     "the end)%s", r->cases, r->cases == 1 ? "" : "s", r->open_at_start,
	     r->outcomes.still_open, cb_report_too_few(r->cases) ? ", " TOO_FEW : "");
	line(t, CB_RT_NOTE, 2, 4, "Every figure gives its n; * or the words mark fewer than %d, "
	     TOO_FEW ". How each is worked out follows it; what counts as a case is at the end.",
	     CB_REPORT_MIN_N);
}

/* What the report counts as its cases, and how it rounds: after the figures. */
static void about(rt *t)
{
	blank(t);
	t->sink(t->ctx, CB_RT_HEADING, 0, 2, cb_report_section(CB_SEC_COHORT)->title);
	t->starred = false;
	footnotes(t, CB_SEC_COHORT);
}

/* ---- plans ---- */

#define LABEL_WIDTH 34

static void figure(rt *t, long n, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* "    Label ........ value" with the value's own n deciding its mark and style. */
static void figure(rt *t, long n, const char *label, const char *fmt, ...)
{
	va_list ap;
	char *value;
	strbuf sb = {0};

	va_start(ap, fmt);
	value = xvasprintf(fmt, ap);
	va_end(ap);
	cell(&sb, label, LABEL_WIDTH);
	sb_appendf(&sb, " %s%s", value, star(t, n));
	t->sink(t->ctx, style_for(n), 4, 4 + LABEL_WIDTH + 1, sb_str(&sb));
	sb_free(&sb);
	free(value);
}


static void plan_rows(rt *t)
{
	const cb_plan_report *p = &t->r->plans;
	int bw = bar_room(t, 4 + 12 + 2 * 11, 2);
	strbuf sb = {0};

	cell(&sb, "", 12);
	cell(&sb, "  At the start", 11 + bw);
	sb_append(&sb, "   At the end");
	emit(t, &sb, CB_REPORT_MIN_N, 4);
	for (int i = 0; i < CB_PLAN_TYPES; i++) {
		cell(&sb, cb_plan_name(cb_report_plan_code((enum cb_plan_rank)i)), 12);
		sb_appendf(&sb, "%4ld %3d%% ", p->start[i], p->start_percent[i]);
		bar(&sb, p->start_percent[i], 0, 100, bw);
		sb_appendf(&sb, " %4ld %3d%% ", p->end[i], p->end_percent[i]);
		bar(&sb, p->end_percent[i], 0, 100, bw);
		emit(t, &sb, p->n, 4);
	}
}

static void plans(rt *t)
{
	const cb_plan_report *p = &t->r->plans;
	char off[64];
	int bw = bar_room(t, 4 + 24 + 11, 1);
	strbuf sb = {0};

	heading(t, CB_SEC_PLANS, p->n, p->n == 1 ? "case" : "cases");
	plan_rows(t);
	for (int m = 0; m < CB_MOVES; m++) {
		cell(&sb, cb_report_move_label((enum cb_move)m), 24);
		sb_appendf(&sb, "%4ld %3d%%  ", p->moved[m], p->moved_percent[m]);
		bar(&sb, p->moved_percent[m], 0, 100, bw);
		emit(t, &sb, p->n, 4);
	}
	share_text(off, sizeof off, p->off_plan);
	figure(t, p->n, "No longer on a plan (None or EH)", "%s", off);
	footnotes(t, CB_SEC_PLANS);
}

/* ---- outcomes ---- */

static void outcomes(rt *t)
{
	const cb_outcome_report *o = &t->r->outcomes;
	char s[64], mean[16], median[16];

	heading(t, CB_SEC_OUTCOMES, o->cases, o->cases == 1 ? "case" : "cases");
	figure(t, o->cases, "Closed in the period", "%ld", o->closed);
	share_text(s, sizeof s, o->closed_no_escalation);
	figure(t, o->cases, "Closed without later escalation", "%s", s);
	figure(t, o->cases, "Closed, then escalated", "%ld", o->closed_then_escalated);
	share_text(s, sizeof s, o->escalated_cp);
	figure(t, o->cases, "Escalated to CP", "%s", s);
	share_text(s, sizeof s, o->escalated_lac);
	figure(t, o->cases, "Escalated to LAC", "%s", s);
	figure(t, o->cases, "Started on CP/LAC (not escalation)", "%ld", o->started_cp_lac);
	cb_rt_number(mean, sizeof mean, o->length_mean.value, 1, false);
	cb_rt_number(median, sizeof median, o->length_median.value, 1, false);
	if (o->length_mean.n)
		figure(t, o->length_mean.n, "Weeks to closure (no escalation)",
		       "mean %s, median %s (n %ld)", mean, median, o->length_mean.n);
	else
		figure(t, 0, "Weeks to closure (no escalation)", "none closed (n 0)");
	figure(t, o->cases, "Still open at the end", "%ld", o->still_open);
	figure(t, o->referrals, "Referrals in the period", "%ld", o->referrals);
	share_text(s, sizeof s, o->re_referred);
	figure(t, o->referrals, "Re-referred within 12 months", "%s", s);
	figure(t, o->referrals, "  followed under 12 months (flag)",
	       "%ld, %ld re-referred; more may come", o->short_follow_up,
	       o->short_follow_up_re_referred);
	figure(t, o->referrals, "Re-referred at all by the end", "%ld", o->re_referred_any);
	share_text(s, sizeof s, o->nfa);
	figure(t, o->nfa.n, "No further action (of decided)", "%s; %ld pending", s, o->pending);
	footnotes(t, CB_SEC_OUTCOMES);
}

/* ---- risk framework ---- */

static void risk_table(rt *t)
{
	static const char *const names[CB_RISK_SCALES] = {"Total", "Risk factors",
							  "Protective factors", "Engagement"};
	const cb_risk_report *risk = &t->r->risk;
	char med[16], q1[16], q3[16], iqr[16], range[40];
	strbuf sb = {0};

	line(t, CB_RT_NORMAL, 2, 4, "Change from the first to the latest assessment in the period:");
	line(t, CB_RT_NORMAL, 4, 4, "%-18s %4s %6s %5s %-17s %6s %5s %5s", "", "n", "median",
	     "IQR", "(Q1 to Q3)", "better", "same", "worse");
	for (int s = 0; s < CB_RISK_SCALES; s++) {
		const cb_risk_change *c = &risk->change[s];
		long n = (long)c->box.n;
		cell(&sb, names[s], 18);
		if (n == 0) {
			sb_append(&sb, "    0  no case assessed twice *");
			t->starred = true;
			emit(t, &sb, 0, 4);
			continue;
		}
		cb_rt_short(med, sizeof med, c->box.median, true);
		cb_rt_short(q1, sizeof q1, c->box.q1, true);
		cb_rt_short(q3, sizeof q3, c->box.q3, true);
		cb_rt_short(iqr, sizeof iqr, c->box.iqr, false);
		snprintf(range, sizeof range, "(%s to %s)", q1, q3);
		sb_appendf(&sb, " %4ld %6s %5s %-17s %5d%% %4d%% %4d%%%s", n, med, iqr, range,
			   c->percent[0], c->percent[1], c->percent[2], star(t, n));
		emit(t, &sb, n, 4);
	}
}

/* Changes in total of the cases assessed twice (for the box plot's outliers). */
static size_t total_changes(const cb_risk_report *risk, double *out)
{
	size_t n = 0;
	double d;

	for (size_t i = 0; i < risk->n_cases; i++)
		if (cb_risk_case_change(&risk->cases[i], CB_RISK_TOTAL, &d))
			out[n++] = d;
	return n;
}

/* The box plot of the change in total on a scale through zero, and where zero is. */
static void risk_box(rt *t)
{
	const cb_risk_report *risk = &t->r->risk;
	const cb_box *b = &risk->change[CB_RISK_TOTAL].box;
	double *changes = xcalloc(risk->n_cases + 1, sizeof *changes);
	double lo = b->min < 0 ? b->min : 0, hi = b->max > 0 ? b->max : 0;
	char plot[4 * 80 + 1], l[16], h[16];
	int w = t->width - 4 - 16 < 60 ? t->width - 4 - 16 : 60, zero;
	size_t n = total_changes(risk, changes);
	strbuf sb = {0};

	if (hi - lo < 1)
		hi = lo + 1;
	cb_boxplot(plot, sizeof plot, b, changes, n, lo, hi, w);
	cb_rt_short(l, sizeof l, lo, true);
	cb_rt_short(h, sizeof h, hi, true);
	line(t, CB_RT_NORMAL, 2, 4, "Change in total (riskier to the left, safer to the right)%s:",
	     star(t, (long)b->n));
	line(t, style_for((long)b->n), 4, 4, "%6s %s %s", l, plot, h);
	zero = (int)lround((0 - lo) / (hi - lo) * (w - 1));
	pad_to(&sb, 7 + zero);
	sb_append(&sb, "0");
	emit(t, &sb, CB_REPORT_MIN_N, 4);
	line(t, CB_RT_NOTE, 4, 6, "[ ] the middle half (Q1 to Q3), %s the median, whiskers to the "
	     "furthest change within 1.5 IQR, o an outlier.", cb_chart_unicode() ? "┃" : "|");
	free(changes);
}

static void point_text(char *buf, size_t size, const cb_risk_case *c, int at)
{
	char v[16];

	if (at < 0) {
		snprintf(buf, size, "-");
		return;
	}
	cb_rt_short(v, sizeof v, c->points[at].value[CB_RISK_TOTAL], false);
	snprintf(buf, size, "%s on %s", v, c->points[at].on);
}

/* The range of every total in the report, so that sparklines compare across cases. */
static void total_range(const cb_risk_report *risk, double *lo, double *hi)
{
	bool any = false;

	*lo = *hi = 0;
	for (size_t i = 0; i < risk->n_cases; i++)
		for (size_t j = 0; j < risk->cases[i].n_points; j++) {
			const cb_risk_point *p = &risk->cases[i].points[j];
			if (!p->has[CB_RISK_TOTAL])
				continue;
			*lo = any && *lo < p->value[CB_RISK_TOTAL] ? *lo : p->value[CB_RISK_TOTAL];
			*hi = any && *hi > p->value[CB_RISK_TOTAL] ? *hi : p->value[CB_RISK_TOTAL];
			any = true;
		}
}

/* "risk -5 to -4 (+1)", "engagement 2 (once)" or "engagement -": one component of a case. */
static void component(strbuf *sb, const cb_risk_case *c, enum cb_risk_scale s, const char *name)
{
	int a = c->first[s], b = c->latest[s];
	char first[16], latest[16], change[16];
	double d;

	if (a < 0) {
		sb_appendf(sb, "%s -", name);
		return;
	}
	cb_rt_short(first, sizeof first, c->points[a].value[s], false);
	if (!cb_risk_case_change(c, s, &d)) {
		sb_appendf(sb, "%s %s (once)", name, first);
		return;
	}
	cb_rt_short(latest, sizeof latest, c->points[b].value[s], false);
	cb_rt_short(change, sizeof change, d, true);
	sb_appendf(sb, "%s %s to %s (%s)", name, first, latest, change);
}

/* The case's components under its total: first to latest, and the change. */
static void risk_components(rt *t, const cb_risk_case *c)
{
	strbuf sb = {0};

	component(&sb, c, CB_RISK_RISK, "risk");
	sb_append(&sb, ", ");
	component(&sb, c, CB_RISK_PROTECTIVE, "protective");
	sb_append(&sb, ", ");
	component(&sb, c, CB_RISK_ENGAGEMENT, "engagement");
	t->sink(t->ctx, CB_RT_NORMAL, 6, 8, sb_str(&sb));
	sb_free(&sb);
}

static void risk_case_line(rt *t, const cb_risk_case *c, int name_w, double lo, double hi)
{
	double values[SPARK_POINTS], d;
	char first[32], latest[32], change[16] = "-", spark[4 * SPARK_POINTS + 1], *who;
	size_t n = 0, skip = 0, have = 0;
	strbuf sb = {0};

	for (size_t i = 0; i < c->n_points; i++)
		have += c->points[i].has[CB_RISK_TOTAL];
	skip = have > SPARK_POINTS ? have - SPARK_POINTS : 0;
	for (size_t i = 0; i < c->n_points; i++)
		if (c->points[i].has[CB_RISK_TOTAL] && skip-- == 0 && n < SPARK_POINTS)
			values[n++] = c->points[i].value[CB_RISK_TOTAL], skip = 0;
	cb_sparkline(spark, sizeof spark, values, n, lo, hi, SPARK_POINTS);
	point_text(first, sizeof first, c, c->first[CB_RISK_TOTAL]);
	point_text(latest, sizeof latest, c, c->latest[CB_RISK_TOTAL]);
	if (cb_risk_case_change(c, CB_RISK_TOTAL, &d))
		cb_rt_short(change, sizeof change, d, true);
	who = name_w >= 36 ? xasprintf("%s (%s)", c->child_name, c->family_name)
			   : xstrdup(c->child_name ? c->child_name : c->case_id);
	cell(&sb, who, name_w);
	sb_appendf(&sb, " %-16s %-16s %6s  %s", first, latest, change, spark);
	emit(t, &sb, CB_REPORT_MIN_N, 4);
	risk_components(t, c);
	free(who);
}

static void risk_cases(rt *t)
{
	const cb_risk_report *risk = &t->r->risk;
	int name_w = t->width - 1 - 4 - 1 - 16 - 1 - 16 - 1 - 6 - 2 - SPARK_POINTS;
	double lo, hi;
	strbuf sb = {0};

	if (name_w > 40)
		name_w = 40;
	total_range(risk, &lo, &hi);
	line(t, CB_RT_NORMAL, 2, 4, "Per case in the period, the total and under it each "
	     "component, first to latest (sparkline: totals oldest to newest, scaled from the "
	     "lowest total here to the highest):");
	cell(&sb, name_w >= 36 ? "Child (family)" : "Child", name_w);
	sb_append(&sb, " First total      Latest total     Change  Over time");
	emit(t, &sb, CB_REPORT_MIN_N, 4);
	for (size_t i = 0; i < risk->n_cases; i++)
		risk_case_line(t, &risk->cases[i], name_w, lo, hi);
}

static void risk(rt *t)
{
	const cb_risk_report *risk = &t->r->risk;

	heading(t, CB_SEC_RISK, (long)risk->n_cases, "cases assessed");
	risk_table(t);
	if (risk->change[CB_RISK_TOTAL].box.n > 0)
		risk_box(t);
	if (risk->n_cases > 0)
		risk_cases(t);
	footnotes(t, CB_SEC_RISK);
}

/* ---- working alliance ---- */

static void alliance_side(rt *t, strbuf *sb, cb_stat s, double top, int bw)
{
	char v[16] = "-";

	if (s.n)
		cb_rt_number(v, sizeof v, s.value, 2, false);
	sb_appendf(sb, "%6s n %-4ld ", v, s.n);
	bar(sb, s.n ? s.value : 0, 0, top, bw);
	sb_append(sb, cb_report_too_few(s.n) ? " *" : "  ");
	t->starred |= cb_report_too_few(s.n);
}

static void alliance(rt *t)
{
	static const char *const names[CB_WAI_SUBSCALES] = {"Goal", "Task", "Bond"};
	const cb_alliance_report *a = &t->r->alliance;
	int bw = bar_room(t, 4 + 12 + 2 * (14 + 2), 2);
	strbuf sb = {0};

	heading(t, CB_SEC_ALLIANCE, a->family.ratings + a->worker.ratings, "ratings");
	cell(&sb, "", 12);
	cell(&sb, "Family (young person, parent)", 16 + bw);
	sb_append(&sb, "Worker");
	emit(t, &sb, CB_REPORT_MIN_N, 4);
	for (int s = 0; s <= CB_WAI_SUBSCALES; s++) {
		bool agg = s == CB_WAI_SUBSCALES;
		cb_stat f = agg ? a->family.aggregate : a->family.mean[s];
		cb_stat w = agg ? a->worker.aggregate : a->worker.mean[s];
		cell(&sb, agg ? "Out of 21" : names[s], 12);
		alliance_side(t, &sb, f, agg ? 21 : 7, bw);
		alliance_side(t, &sb, w, agg ? 21 : 7, bw);
		emit(t, &sb, f.n < w.n ? f.n : w.n, 4);
	}
	line(t, CB_RT_NORMAL, 4, 6, "Family: %ld rating%s of %ld case%s; worker: %ld rating%s of "
	     "%ld case%s; %ld earlier rating%s superseded.", a->family.ratings,
	     a->family.ratings == 1 ? "" : "s", a->family.cases, a->family.cases == 1 ? "" : "s",
	     a->worker.ratings, a->worker.ratings == 1 ? "" : "s", a->worker.cases,
	     a->worker.cases == 1 ? "" : "s", a->superseded, a->superseded == 1 ? "" : "s");
	footnotes(t, CB_SEC_ALLIANCE);
}

/* ---- goals ---- */

static void goals(rt *t)
{
	const cb_goal_report *g = &t->r->goals;
	long rated = g->identical + g->different;
	char achieved[64];
	int bw = bar_room(t, 4 + 38 + 11, 1);
	strbuf sb = {0};

	heading(t, CB_SEC_GOALS, g->n, g->n == 1 ? "goal set" : "goals set");
	for (int i = 0; i < CB_GOAL_CATEGORIES; i++) {
		cell(&sb, cb_goal_categories[i][1], 38);
		sb_appendf(&sb, "%4ld %4d%%  ", g->by_category[i], g->category_percent[i]);
		bar(&sb, g->category_percent[i], 0, 100, bw);
		emit(t, &sb, g->n, 4);
	}
	share_text(achieved, sizeof achieved, g->achieved_share);
	line(t, style_for(g->n), 4, 6, "Achieved %s; active %ld, dropped %ld. Family's goals %ld, "
	     "worker's %ld.", achieved, g->active, g->dropped, g->family, g->worker);
	line(t, style_for(rated), 4, 6, "Agreement: %ld case%s with goals, %ld with both family and "
	     "worker goals; %ld pair%s compared: identical %ld (%d%%), different %ld (%d%%), not "
	     "rated %ld%s. The worker thought %ld of the %ld different pair%s matched.", g->cases,
	     g->cases == 1 ? "" : "s", g->cases_both_sides, g->pairs, g->pairs == 1 ? "" : "s",
	     g->identical, g->agreement_percent[0], g->different, g->agreement_percent[1],
	     g->unrated, star(t, rated), g->different_thought_match, g->different,
	     g->different == 1 ? "" : "s");
	footnotes(t, CB_SEC_GOALS);
}

/* ---- intensity ---- */

static void gaps(rt *t)
{
	const cb_intensity_report *in = &t->r->intensity;
	long most = 1;
	int bw = bar_room(t, 6 + 16 + 5, 1);
	strbuf sb = {0};

	for (int g = 0; g < CB_GAPS; g++)
		most = in->gaps[g] > most ? in->gaps[g] : most;
	for (int g = 0; g < CB_GAPS; g++) {
		cell(&sb, cb_report_gap_label((enum cb_gap)g), 16);
		sb_appendf(&sb, "%4ld ", in->gaps[g]);
		bar(&sb, (double)in->gaps[g], 0, (double)most, bw);
		emit(t, &sb, in->open_at_end, 6);
	}
}

static void holders(rt *t)
{
	const cb_intensity_report *in = &t->r->intensity;
	long most = in->n_holders ? in->holders[0].open : 1;
	int bw = bar_room(t, 6 + 24 + 5, 1);
	strbuf sb = {0};

	for (size_t i = 0; i < in->n_holders; i++) {
		cell(&sb, in->holders[i].name, 24);
		sb_appendf(&sb, "%4ld ", in->holders[i].open);
		bar(&sb, (double)in->holders[i].open, 0, (double)most, bw);
		emit(t, &sb, CB_REPORT_MIN_N, 6);
	}
}

static void intensity(rt *t)
{
	const cb_intensity_report *in = &t->r->intensity;
	char rate[16], weeks[16], s[64], med[16], mean[16], per[16];

	heading(t, CB_SEC_INTENSITY, in->cases, in->cases == 1 ? "case" : "cases");
	cb_rt_number(rate, sizeof rate, in->per_case_week.value, 2, false);
	cb_rt_number(weeks, sizeof weeks, in->case_weeks, 1, false);
	figure(t, in->cases, "Contacts per case per week", "%s (%ld in %s case-weeks)", rate,
	       in->contacts, weeks);
	share_text(s, sizeof s, in->seen_alone);
	figure(t, in->visits, "Visits, child seen alone", "%s (seen: %ld)", s, in->seen);
	cb_rt_number(med, sizeof med, in->days_median.value, 1, false);
	cb_rt_number(mean, sizeof mean, in->days_mean.value, 1, false);
	if (in->days_median.n)
		figure(t, in->days_median.n, "Days since last contact (open)",
		       "median %s, mean %s, most %ld (n %ld)", med, mean, in->days_max,
		       in->days_median.n);
	else
		figure(t, 0, "Days since last contact (open)", "no contact yet (n 0)");
	gaps(t);
	share_text(s, sizeof s, in->not_seen);
	figure(t, in->open_at_end, "No contact in 28 days (open)", "%s", s);
	cb_rt_number(per, sizeof per, in->per_practitioner.value, 1, false);
	figure(t, in->per_practitioner.n, "Open cases per practitioner",
	       "%s (%ld holding cases; %ld unallocated)", per, in->per_practitioner.n,
	       in->unallocated);
	holders(t);
	footnotes(t, CB_SEC_INTENSITY);
}

/* ---- practice observation ---- */

static void observation(rt *t)
{
	static const char *const names[CB_OBS_SCALES] = {
		"Collaboration", "Empathy", "Purposefulness", "Clarity of issues", "Child focus",
		"Relationship building", "Respectful authority", "Overall (recorded)",
	};
	const cb_observation_report *o = &t->r->observation;
	int bw = bar_room(t, 4 + 22 + 33 + 2, 1);
	strbuf sb = {0};

	heading(t, CB_SEC_OBSERVATION, o->observations,
		o->observations == 1 ? "recording" : "recordings");
	line(t, CB_RT_NORMAL, 4, 4, "%-22s%6s %4s  %-9s %-9s %s", "", "mean", "n", "3 or more",
	     "4 or more", "mean, 1 to 5");
	for (int s = 0; s < CB_OBS_SCALES; s++) {
		const cb_obs_result *res = &o->scale[s];
		char mean[16] = "-";
		if (res->mean.n)
			cb_rt_number(mean, sizeof mean, res->mean.value, 2, false);
		cell(&sb, names[s], 22);
		sb_appendf(&sb, "%6s %4ld  %3ld %3d%%  %3ld %3d%%  ", mean, res->mean.n, res->rated3.k,
			   res->rated3.percent, res->rated4.k, res->rated4.percent);
		bar(&sb, res->mean.n ? res->mean.value : 1, 1, 5, bw);
		sb_append(&sb, star(t, res->mean.n));
		emit(t, &sb, res->mean.n, 4);
	}
	footnotes(t, CB_SEC_OBSERVATION);
}

void cb_report_text(const cb_report *r, int width, cb_rt_sink sink, void *ctx)
{
	rt t = {r, width < 80 ? 80 : width, sink, ctx, false};

	title(&t);
	plans(&t);
	outcomes(&t);
	risk(&t);
	alliance(&t);
	goals(&t);
	intensity(&t);
	observation(&t);
	about(&t);
}
