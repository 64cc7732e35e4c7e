/* summary_view.c: one case on one page for a projector: flags, Signs of Safety, risk, alliance, goals, plans, actions. */
#include "ui/view.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "store/casefile.h"
#include "store/teamreview.h"
#include "ui/case_view.h"
#include "ui/chart.h"
#include "ui/labels.h"
#include "ui/pager.h"
#include "ui/screens.h"

/* Labels sit in a column this wide; their text wraps beside them. */
#define LABEL_WIDTH 16
/* The Signs of Safety questions go side by side from this width, stacked below it. */
#define SOS_SIDE_BY_SIDE 100
/* Width of a goal's progress bar (0-10). */
#define GOAL_BAR 10

static const char *const sos_questions[3] = {
	"What are we worried about?", "What's working well?", "What needs to happen?",
};

struct summary_state {
	/* From the team review row the summary was opened on. */
	char *case_id, *team_id, *cin_since, *review_due;
	unsigned flags;
	bool cin_drift;
	int stalled_goals, days_since_contact;
	/* Loaded. */
	cb_case_header header;
	cb_chronology chron;
	cb_case_series series;
	cb_alliance alliance;
	cb_open_actions actions;
	cb_pager pager;
};

static void __attribute__((format(printf, 4, 5)))
field(cb_pager *p, int attr, const char *label, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	cb_pager_addf(p, attr, 0, LABEL_WIDTH, "%-*s%s", LABEL_WIDTH, label, text);
	free(text);
}

/* ---- flags ---- */

static char *drift_reason(const struct summary_state *s)
{
	strbuf sb = {0};

	if (s->stalled_goals > 0)
		sb_appendf(&sb, "%d goal%s without progress in 8 weeks", s->stalled_goals,
			   s->stalled_goals == 1 ? "" : "s");
	if (s->cin_drift)
		sb_appendf(&sb, "%sCIN plan open since %s, over 12 months", sb.len ? "; " : "",
			   s->cin_since);
	return sb_take(&sb);
}

static void flags_rows(const struct summary_state *s, cb_pager *p)
{
	strbuf sb = {0};
	char *drift;

	if (s->flags & CB_TEAM_DRIFT) {
		drift = drift_reason(s);
		sb_appendf(&sb, "DRIFT (%s)", drift);
		free(drift);
	}
	if (s->flags & CB_TEAM_REVIEW)
		sb_appendf(&sb, "%sREVIEW OVERDUE (due %s)", sb.len ? "  " : "",
			   s->review_due ? s->review_due : "-");
	if ((s->flags & CB_TEAM_CONTACT) && s->days_since_contact >= 0)
		sb_appendf(&sb, "%sNO CONTACT FOR %d DAYS", sb.len ? "  " : "", s->days_since_contact);
	else if (s->flags & CB_TEAM_CONTACT)
		sb_appendf(&sb, "%sNO CONTACT YET", sb.len ? "  " : "");
	if (s->flags & CB_TEAM_RISK)
		sb_appendf(&sb, "%sRISK WORSE THAN AT REFERRAL", sb.len ? "  " : "");
	if (s->flags & CB_TEAM_ENGAGEMENT)
		sb_appendf(&sb, "%sENGAGEMENT FALLING", sb.len ? "  " : "");
	if (sb.len)
		field(p, cb_display_attr(CB_STYLE_WARN), "Flags", "%s", sb_str(&sb));
	else
		field(p, A_NORMAL, "Flags", "none");
	sb_free(&sb);
}

/* ---- Signs of Safety ---- */

/* A note's answer to question q as it stands after its amendments (NULL if none). */
static const char *sos_answer(const cb_case_note *n, int q)
{
	const char *text = q == 0 ? n->worries : q == 1 ? n->working_well : n->needs_to_happen;

	for (size_t i = 0; i < n->n_amendments; i++) {
		const cb_note_amendment *a = &n->amendments[i];
		const char *now = q == 0 ? a->worries : q == 1 ? a->working_well : a->needs_to_happen;
		if (now)
			text = now;
	}
	return text && *text ? text : NULL;
}

/* The latest note, not confidential, that answers at least one question; NULL if none. */
static const cb_case_note *sos_note(const cb_chronology *c)
{
	for (size_t i = c->n_notes; i-- > 0;) {
		const cb_case_note *n = &c->notes[i];
		if (!n->confidential && (sos_answer(n, 0) || sos_answer(n, 1) || sos_answer(n, 2)))
			return n;
	}
	return NULL;
}

static void sos_stacked(const cb_case_note *n, cb_pager *p)
{
	for (int q = 0; q < 3; q++) {
		cb_pager_add(p, A_BOLD, 2, 2, sos_questions[q]);
		cb_pager_add(p, A_NORMAL, 4, 4, sos_answer(n, q) ? sos_answer(n, q) : "(not answered)");
	}
}

/* Appends column text fitted to width, then the separator unless it is the last column. */
static void sos_cell(strbuf *sb, const char *text, int width, bool last)
{
	char *buf = xmalloc(4 * (size_t)width + 1);

	cb_text_fit(buf, text, width);
	sb_append(sb, buf);
	if (!last)
		sb_append(sb, cb_chart_unicode() ? " │ " : " | ");
	free(buf);
}

/* The three answers in columns: each wrapped to its column, row by row. */
static void sos_side_by_side(const cb_case_note *n, cb_pager *p)
{
	int width = (p->width - 2 - 6) / 3;
	cb_pager cols[3] = {{0}};
	size_t rows = 0;
	strbuf sb = {0};

	for (int q = 0; q < 3; q++) {
		cb_pager_begin(&cols[q], width);
		cb_pager_add(&cols[q], A_NORMAL, 0, 0,
			     sos_answer(n, q) ? sos_answer(n, q) : "(not answered)");
		rows = cols[q].count > rows ? cols[q].count : rows;
	}
	sb_append(&sb, "  ");
	for (int q = 0; q < 3; q++)
		sos_cell(&sb, sos_questions[q], width, q == 2);
	cb_pager_add(p, A_BOLD, 0, 0, sb_str(&sb));
	sb_free(&sb);
	for (size_t r = 0; r < rows; r++) {
		sb_append(&sb, "  ");
		for (int q = 0; q < 3; q++)
			sos_cell(&sb, r < cols[q].count ? cols[q].rows[r].text : "", width, q == 2);
		cb_pager_add(p, A_NORMAL, 0, 0, sb_str(&sb));
		sb_free(&sb);
	}
	for (int q = 0; q < 3; q++)
		cb_pager_free(&cols[q]);
}

static void sos_rows(const struct summary_state *s, cb_pager *p)
{
	const cb_case_note *n = sos_note(&s->chron);
	char when[24];

	if (n == NULL) {
		field(p, A_NORMAL, "Signs of Safety", "no note answers the three questions yet");
		return;
	}
	case_fmt_when(when, sizeof when, n->occurred_at);
	field(p, A_BOLD, "Signs of Safety", "from the note of %s (%s, %s)", when,
	      cb_label(CB_LABEL_CONTACT, n->contact_type), n->author);
	if (p->width >= SOS_SIDE_BY_SIDE)
		sos_side_by_side(n, p);
	else
		sos_stacked(n, p);
}

/* ---- scores ---- */

/* "risk -4, protective 2, engagement 1 (was 2)": the latest of each part of the total. */
static char *risk_parts(const cb_case_series *series)
{
	static const char *const parts[] = {"risk", "protective", "engagement"};
	char value[32], before[32];
	strbuf sb = {0};

	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		const cb_series *sr = cb_series_find(series, CASE_RISK_INSTRUMENT, parts[i]);
		if (sr == NULL)
			continue;
		case_fmt_score(value, sizeof value, sr->points[sr->count - 1].value);
		sb_appendf(&sb, "%s%s %s", sb.len ? ", " : "", parts[i], value);
		if (sr->count > 1) {
			case_fmt_score(before, sizeof before, sr->points[sr->count - 2].value);
			sb_appendf(&sb, " (was %s)", before);
		}
	}
	return sb.len ? sb_take(&sb) : NULL;
}

static void risk_rows(const cb_view *v, const struct summary_state *s, cb_pager *p)
{
	const cb_series *risk = cb_series_find(&s->series, CASE_RISK_INSTRUMENT, CASE_RISK_SCALE);
	const cb_scale *scale = case_scale(case_instrument(v, CASE_RISK_INSTRUMENT), CASE_RISK_SCALE);
	char first[32], latest[32], spark[128];
	const cb_series_point *a, *z;
	char *parts;

	if (risk == NULL) {
		field(p, A_NORMAL, "Risk total", "not scored yet (higher is safer)");
		return;
	}
	a = &risk->points[0];
	z = &risk->points[risk->count - 1];
	case_fmt_score(first, sizeof first, a->value);
	case_fmt_score(latest, sizeof latest, z->value);
	case_series_spark(spark, sizeof spark, risk, NULL, scale);
	field(p, A_NORMAL, "Risk total", "higher is safer: first %s on %s, latest %s on %s  %s  %s",
	      first, a->on, latest, z->on, spark,
	      risk->count > 1 ? case_change_word(cb_change_between(a->value, z->value), scale, true)
			      : "(one assessment)");
	if ((parts = risk_parts(&s->series)) != NULL)
		cb_pager_addf(p, A_NORMAL, LABEL_WIDTH, LABEL_WIDTH, "latest parts: %s", parts);
	free(parts);
}

/* "17.25 on 2026-07-27 (Fiona)" for the latest rating of one side, or "not rated". */
static char *alliance_side(const cb_alliance *a, bool worker)
{
	char score[32];

	for (size_t i = a->count; i-- > 0;) {
		const cb_alliance_point *pt = &a->rows[i];
		if ((strcmp(pt->rater, "worker") == 0) != worker || !pt->alliance.has)
			continue;
		case_fmt_score(score, sizeof score, pt->alliance.value);
		return xasprintf("%s on %s%s%s%s", score, pt->on, pt->rater_name ? " (" : "",
				 pt->rater_name ? pt->rater_name : "", pt->rater_name ? ")" : "");
	}
	return xstrdup("not rated");
}

static void alliance_rows(const struct summary_state *s, cb_pager *p)
{
	char *family = alliance_side(&s->alliance, false), *worker = alliance_side(&s->alliance, true);

	field(p, A_NORMAL, "Alliance (WAI)", "out of 21, higher is better: family %s; worker %s",
	      family, worker);
	free(family);
	free(worker);
}

/* ---- goals, plans, actions ---- */

/* "██████░░░░  6/10  better: text (family's)"; a goal never reviewed shows " -/10". */
static void goal_row(const cb_case_goal *g, cb_pager *p)
{
	char bar[64], progress[16] = " -/10";
	const char *how = "not reviewed";

	cb_bar(bar, sizeof bar, g->latest_progress > 0 ? g->latest_progress : 0, 0, 10, GOAL_BAR);
	if (g->latest_progress >= 0) {
		snprintf(progress, sizeof progress, "%2d/10", g->latest_progress);
		how = g->trend ? case_change_word(g->trend, NULL, false) : "first review";
	}
	cb_pager_addf(p, A_NORMAL, 2, 2 + GOAL_BAR + 8, "%s %s  %s: %s (%s's)", bar, progress, how,
		      g->text, g->owner);
}

static void goals_rows(const struct summary_state *s, cb_pager *p)
{
	const cb_case_goals *goals = &s->chron.goals;
	size_t active = 0, achieved = 0;

	for (size_t i = 0; i < goals->count; i++) {
		active += strcmp(goals->rows[i].status, "active") == 0;
		achieved += strcmp(goals->rows[i].status, "achieved") == 0;
	}
	field(p, A_BOLD, "Goals", "%zu active, %zu achieved; progress 0-10 at the latest review",
	      active, achieved);
	for (size_t i = 0; i < goals->count; i++)
		if (strcmp(goals->rows[i].status, "active") == 0)
			goal_row(&goals->rows[i], p);
}

static void plans_rows(const struct summary_state *s, cb_pager *p)
{
	const cb_case_plans *plans = &s->chron.plans;
	strbuf sb = {0};

	for (size_t i = 0; i < plans->count; i++) {
		const cb_case_plan *pl = &plans->rows[i];
		sb_appendf(&sb, "%s%s %s to %s (%d weeks)", i ? "; " : "",
			   cb_label(CB_LABEL_PLAN, pl->plan), pl->started_on,
			   pl->ended_on ? pl->ended_on : "now", pl->weeks);
	}
	field(p, A_NORMAL, "Plan history", "%s", sb.len ? sb_str(&sb) : "no plans recorded");
	sb_free(&sb);
}

static void actions_rows(const struct summary_state *s, cb_pager *p)
{
	size_t late = 0;

	for (size_t i = 0; i < s->actions.count; i++)
		late += s->actions.rows[i].overdue;
	if (s->actions.count == 0) {
		field(p, A_NORMAL, "Open actions", "none");
		return;
	}
	field(p, A_BOLD, "Open actions", "%zu, %zu overdue (x marks one done)", s->actions.count,
	      late);
	for (size_t i = 0; i < s->actions.count; i++) {
		const cb_open_action *a = &s->actions.rows[i];
		cb_pager_addf(p, a->overdue ? cb_display_attr(CB_STYLE_WARN) : (int)A_NORMAL, 2, 8,
			      "%-4s  %s: %s (due %s, agreed %s)", a->overdue ? "LATE" : "",
			      a->owner_name ? a->owner_name : "the team", a->action,
			      a->due_on ? a->due_on : "no date", a->held_on);
	}
}

/* What the last group case discussion of the case decided. */
static void last_discussed(const struct summary_state *s, cb_pager *p)
{
	for (size_t i = s->chron.n_discussions; i-- > 0;) {
		const cb_case_discussion *d = &s->chron.discussions[i];
		if (d->decision) {
			field(p, A_NORMAL, "Last discussed", "%s: %s", d->held_on, d->decision);
			return;
		}
	}
	field(p, A_NORMAL, "Last discussed", "not yet (D records a discussion)");
}

static void build(cb_view *v, cb_pager *p)
{
	struct summary_state *s = v->priv;

	flags_rows(s, p);
	cb_pager_blank(p);
	sos_rows(s, p);
	cb_pager_blank(p);
	risk_rows(v, s, p);
	alliance_rows(s, p);
	cb_pager_blank(p);
	goals_rows(s, p);
	cb_pager_blank(p);
	plans_rows(s, p);
	actions_rows(s, p);
	last_discussed(s, p);
}

/* ---- loading ---- */

static void free_data(struct summary_state *s)
{
	cb_case_header_free(&s->header);
	cb_chronology_free(&s->chron);
	cb_case_series_free(&s->series);
	cb_alliance_free(&s->alliance);
	cb_open_actions_free(&s->actions);
}

static enum cb_status load(cb_view *v, cb_err *err)
{
	struct summary_state *s = v->priv;
	cb_store *st = cb_app_context(v->app)->store;
	const char *today = cb_app_today(v->app);
	enum cb_status rc;

	free_data(s);
	if ((rc = cb_case_header_load(st, s->case_id, today, &s->header, err)) ||
	    (rc = cb_chronology_load(st, s->case_id, today, &s->chron, err)) ||
	    (rc = cb_case_series_load(st, s->case_id, &s->series, err)) ||
	    (rc = cb_alliance_load(st, s->case_id, &s->alliance, err)) ||
	    (rc = cb_open_actions_of_case(st, s->case_id, today, &s->actions, err)))
		free_data(s);
	return rc;
}

static enum cb_status summary_open(cb_view *v, const void *arg, cb_err *err)
{
	struct summary_state *s = v->priv;
	const cb_team_case *c = arg;

	if (c == NULL)
		return cb_fail(err, CB_ERROR, "no case was chosen; pick one on the team review");
	s->case_id = xstrdup(c->row->case_id);
	s->team_id = xstrdup_or_null(c->team_id);
	s->cin_since = xstrdup_or_null(c->cin_since);
	s->review_due = xstrdup_or_null(c->row->review_due);
	s->flags = c->flags;
	s->cin_drift = c->cin_drift;
	s->stalled_goals = c->row->stalled_goals;
	s->days_since_contact = c->row->days_since_contact;
	return load(v, err);
}

static void summary_close(cb_view *v)
{
	struct summary_state *s = v->priv;

	free_data(s);
	cb_pager_free(&s->pager);
	free(s->case_id);
	free(s->team_id);
	free(s->cin_since);
	free(s->review_due);
}

/* ---- drawing and keys ---- */

static void draw_title(cb_view *v)
{
	struct summary_state *s = v->priv;
	const cb_case_header *h = &s->header;
	const cb_pager *p = &s->pager;
	int height = getmaxy(v->win) - 1;
	char age[16] = "", *title, *right;

	if (h->child_age >= 0)
		snprintf(age, sizeof age, ", %d", h->child_age);
	title = xasprintf(" %s — %s%s  %s  %s", h->family_name, h->child_name, age,
			  h->plan ? cb_label(CB_LABEL_PLAN, h->plan) : "no plan",
			  h->practitioner ? h->practitioner : "not allocated");
	if (p->count > (size_t)height) {
		size_t last = p->top + (size_t)height < p->count ? p->top + (size_t)height : p->count;
		right = xasprintf("rows %zu-%zu of %zu ", p->top + 1, last, p->count);
	} else {
		right = xstrdup("one-page summary ");
	}
	cb_view_title(v->win, title, right);
	free(title);
	free(right);
}

static void summary_draw(cb_view *v)
{
	struct summary_state *s = v->priv;
	int height = getmaxy(v->win) - 1;

	cb_pager_begin(&s->pager, getmaxx(v->win));
	if (s->header.case_id == NULL) { /* reloading failed; the message says why */
		mvwaddstr(v->win, 2, 2, "This case could not be read. Press q to go back.");
		return;
	}
	build(v, &s->pager);
	cb_pager_draw(&s->pager, v->win, 1, height > 0 ? height : 0);
	draw_title(v);
}

static enum cb_key_result summary_key(cb_view *v, int key, enum cb_action action)
{
	struct summary_state *s = v->priv;
	cb_err err = {0};

	(void)key;
	switch (action) {
	case CB_ACTION_OPEN: cb_app_push(v->app, &cb_case_view, s->case_id); return CB_KEY_HANDLED;
	case CB_ACTION_DISCUSS:
		cb_discussion_form_open(v->app, s->team_id, s->case_id, NULL);
		return CB_KEY_HANDLED;
	case CB_ACTION_ACTION_DONE:
		cb_case_action(v->app, action, s->case_id);
		return CB_KEY_HANDLED;
	case CB_ACTION_REFRESH:
		if (load(v, &err))
			cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
		clearok(curscr, TRUE);
		return err.code ? CB_KEY_CLOSE : CB_KEY_HANDLED;
	default:
		return cb_pager_scroll(&s->pager, action) ? CB_KEY_HANDLED : CB_KEY_UNHANDLED;
	}
}

/* Back from the discussion form, an action marked done or the case screen: reload. */
static void summary_resume(cb_view *v)
{
	cb_err err = {0};

	if (load(v, &err))
		cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
}

const struct cb_view_ops cb_summary_view = {
	.name = "summary",
	.scope = CB_SCOPE_TEAM,
	.private_size = sizeof(struct summary_state),
	.open = summary_open,
	.draw = summary_draw,
	.key = summary_key,
	.close = summary_close,
	.resume = summary_resume,
};
