/* case_tabs.c: the case screen's Summary, People and Plan history tabs. */
#include "ui/case_view.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/dates.h"
#include "ui/chart.h"
#include "ui/labels.h"

/* Summary rows are "Label         text", wrapped under the text. */
#define LABEL_WIDTH 14

static void __attribute__((format(printf, 3, 4)))
field(cb_pager *p, const char *label, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	cb_pager_addf(p, A_NORMAL, 0, LABEL_WIDTH, "%-*s%s", LABEL_WIDTH, label, text);
	free(text);
}

static void family_fields(const cb_case_header *h, cb_pager *p)
{
	field(p, "Family", "%s (%s)%s%s", h->family_name, h->family_ref,
	      h->family_address ? ", " : "", h->family_address ? h->family_address : "");
	if (h->child_born)
		field(p, "Child", "%s, born %s, aged %d", h->child_name, h->child_born, h->child_age);
	else
		field(p, "Child", "%s (date of birth not recorded)", h->child_name);
	field(p, "Referral", "%s from %s; need %s %s", h->referred_on, h->referral_source, h->need,
	      cb_label(CB_LABEL_NEED, h->need));
	field(p, "Allocated", "%s%s%s", h->practitioner ? h->practitioner : "no practitioner",
	      h->team ? ", " : "", h->team ? h->team : "");
}

static void plan_field(const struct case_state *s, cb_pager *p)
{
	const cb_case_plans *plans = &s->chron.plans;

	for (size_t i = 0; i < plans->count; i++)
		if (plans->rows[i].current) {
			field(p, "Plan", "%s since %s (%d weeks)",
			      cb_label(CB_LABEL_PLAN_LONG, plans->rows[i].plan),
			      plans->rows[i].started_on, plans->rows[i].weeks);
			return;
		}
	field(p, "Plan", "no plan in force");
}

static void contact_field(const cb_view *v, const struct case_state *s, cb_pager *p)
{
	const char *last = s->header.last_contact;
	const char *type = NULL;
	cb_date d, today;
	char when[24];
	long days = -1;

	if (last == NULL) {
		field(p, "Last contact", "none recorded");
		return;
	}
	for (size_t i = 0; i < s->chron.n_notes; i++)
		if (strcmp(s->chron.notes[i].occurred_at, last) == 0)
			type = s->chron.notes[i].contact_type;
	if (cb_datetime_parse(last, &d, NULL) && cb_date_parse(cb_app_today(v->app), &today))
		days = (long)(cb_date_days(today) - cb_date_days(d));
	case_fmt_when(when, sizeof when, last);
	field(p, "Last contact", "%s, %s (%ld day%s ago)", when, cb_label(CB_LABEL_CONTACT, type),
	      days, days == 1 ? "" : "s");
}

static void notes_field(const struct case_state *s, cb_pager *p)
{
	size_t confidential = 0, amended = 0;

	for (size_t i = 0; i < s->chron.n_notes; i++) {
		confidential += s->chron.notes[i].confidential;
		amended += s->chron.notes[i].n_amendments > 0;
	}
	field(p, "Notes", "%zu recorded, %zu confidential, %zu amended", s->chron.n_notes,
	      confidential, amended);
}

static void risk_field(const cb_view *v, const struct case_state *s, cb_pager *p)
{
	const cb_series *risk = cb_series_find(&s->series, CASE_RISK_INSTRUMENT, CASE_RISK_SCALE);
	const cb_scale *scale = case_scale(case_instrument(v, CASE_RISK_INSTRUMENT), CASE_RISK_SCALE);
	char latest[32], before[32], spark[128];
	const cb_series_point *last, *prev;
	enum cb_change change;

	if (risk == NULL) {
		field(p, "Risk total", "not scored yet (higher is safer)");
		return;
	}
	last = &risk->points[risk->count - 1];
	case_fmt_score(latest, sizeof latest, last->value);
	case_series_spark(spark, sizeof spark, risk, NULL, scale);
	if (risk->count == 1) {
		field(p, "Risk total", "%s on %s (higher is safer); the first assessment", latest,
		      last->on);
		return;
	}
	prev = &risk->points[risk->count - 2];
	case_fmt_score(before, sizeof before, prev->value);
	change = cb_change_between(prev->value, last->value);
	field(p, "Risk total", "%s on %s (higher is safer): %s %s %s on %s  %s", latest, last->on,
	      case_change_word(change, scale, true), change == CB_CHANGE_SAME ? "since" : "than",
	      before, prev->on, spark);
}

static void goals_field(const struct case_state *s, cb_pager *p)
{
	const cb_case_goals *goals = &s->chron.goals;
	size_t active = 0;

	for (size_t i = 0; i < goals->count; i++)
		active += strcmp(goals->rows[i].status, "active") == 0;
	field(p, "Open goals", "%zu active of %zu", active, goals->count);
	for (size_t i = 0; i < goals->count; i++) {
		const cb_case_goal *g = &goals->rows[i];
		if (strcmp(g->status, "active") != 0)
			continue;
		if (g->latest_progress < 0)
			cb_pager_addf(p, A_NORMAL, LABEL_WIDTH, LABEL_WIDTH + 2, "%s: not reviewed yet",
				      g->text);
		else
			cb_pager_addf(p, A_NORMAL, LABEL_WIDTH, LABEL_WIDTH + 2, "%s: %d/10%s%s",
				      g->text, g->latest_progress, g->trend ? ", " : "",
				      case_change_word(g->trend, NULL, false));
	}
}

/* "17.25/21 on 2026-03-01 (Siobhán)" for the latest rating of one side, or "not rated". */
static char *alliance_text(const cb_alliance *a, bool worker)
{
	char score[32];

	for (size_t i = a->count; i-- > 0;) {
		const cb_alliance_point *pt = &a->rows[i];
		if ((strcmp(pt->rater, "worker") == 0) != worker || !pt->alliance.has)
			continue;
		case_fmt_score(score, sizeof score, pt->alliance.value);
		return xasprintf("%s/21 on %s%s%s%s", score, pt->on, pt->rater_name ? " (" : "",
				 pt->rater_name ? pt->rater_name : "", pt->rater_name ? ")" : "");
	}
	return xstrdup("not rated");
}

static void alliance_field(const struct case_state *s, cb_pager *p)
{
	char *family = alliance_text(&s->alliance, false), *worker = alliance_text(&s->alliance, true);

	field(p, "Alliance", "family %s; worker %s", family, worker);
	free(family);
	free(worker);
}

/* The actions group case discussions set the case that are not done yet, the late ones marked. */
static void actions_field(const cb_view *v, const struct case_state *s, cb_pager *p)
{
	const char *today = cb_app_today(v->app);
	size_t open = 0, late = 0;

	for (size_t i = 0; i < s->chron.n_discussions; i++)
		for (size_t j = 0; j < s->chron.discussions[i].n_actions; j++) {
			const cb_discussion_action *a = &s->chron.discussions[i].actions[j];
			open += a->done_on == NULL;
			late += a->done_on == NULL && a->due_on && strcmp(a->due_on, today) < 0;
		}
	if (open == 0) {
		field(p, "Actions", "none open");
		return;
	}
	field(p, "Actions", "%zu open from group case discussion%s, %zu overdue", open,
	      open == 1 ? "" : "s", late);
	for (size_t i = 0; i < s->chron.n_discussions; i++)
		for (size_t j = 0; j < s->chron.discussions[i].n_actions; j++) {
			const cb_discussion_action *a = &s->chron.discussions[i].actions[j];
			bool overdue = a->due_on && strcmp(a->due_on, today) < 0;
			if (a->done_on)
				continue;
			cb_pager_addf(p, overdue ? cb_display_attr(CB_STYLE_WARN) : (int)A_NORMAL,
				      LABEL_WIDTH, LABEL_WIDTH + 2, "%s%s (%s%s%s)",
				      overdue ? "OVERDUE: " : "", a->action,
				      a->owner_name ? a->owner_name : "the team",
				      a->due_on ? ", due " : "", a->due_on ? a->due_on : "");
		}
}

void case_tab_summary(cb_view *v, cb_pager *p)
{
	struct case_state *s = v->priv;
	const cb_case_header *h = &s->header;

	family_fields(h, p);
	plan_field(s, p);
	contact_field(v, s, p);
	notes_field(s, p);
	risk_field(v, s, p);
	goals_field(s, p);
	alliance_field(s, p);
	actions_field(v, s, p);
	if (h->closed_on)
		cb_pager_addf(p, cb_display_attr(CB_STYLE_WARN), 0, LABEL_WIDTH, "%-*s%s: %s",
			      LABEL_WIDTH, "Closed", h->closed_on, h->closure_reason);
}

void case_tab_people(cb_view *v, cb_pager *p)
{
	struct case_state *s = v->priv;
	int name_width = p->width - 20 - 11 - 4 - 1;
	strbuf sb = {0};
	char age[16];

	case_cell(&sb, "NAME", name_width);
	case_cell(&sb, "RELATIONSHIP", 20);
	case_cell(&sb, "BORN", 10);
	case_cell(&sb, "AGE", 3);
	cb_pager_add(p, A_BOLD, 0, 0, sb_str(&sb));
	sb_free(&sb);
	for (size_t i = 0; i < s->people.count; i++) {
		const cb_case_person *m = &s->people.rows[i];
		char *rel = xasprintf("%s%s", cb_label(CB_LABEL_RELATIONSHIP, m->relationship),
				      m->is_case_child ? " (this case)" : "");
		snprintf(age, sizeof age, m->age >= 0 ? "%3d" : "  ?", m->age);
		case_cell(&sb, m->name, name_width);
		case_cell(&sb, rel, 20);
		case_cell(&sb, m->born ? m->born : "not known", 10);
		case_cell(&sb, age, 3);
		cb_pager_add(p, A_NORMAL, 0, 0, sb_str(&sb));
		sb_free(&sb);
		free(rel);
	}
}

static void plan_rows(const cb_case_plans *plans, cb_pager *p)
{
	strbuf sb = {0};
	char weeks[16];

	case_cell(&sb, "PLAN", 24);
	case_cell(&sb, "STARTED", 10);
	case_cell(&sb, "ENDED", 10);
	case_cell(&sb, "WEEKS", 5);
	cb_pager_add(p, A_BOLD, 0, 0, sb_str(&sb));
	sb_free(&sb);
	for (size_t i = 0; i < plans->count; i++) {
		const cb_case_plan *pl = &plans->rows[i];
		snprintf(weeks, sizeof weeks, "%5d", pl->weeks);
		case_cell(&sb, cb_label(CB_LABEL_PLAN_LONG, pl->plan), 24);
		case_cell(&sb, pl->started_on, 10);
		case_cell(&sb, pl->ended_on ? pl->ended_on : pl->current ? "in force" : "open", 10);
		case_cell(&sb, weeks, 5);
		cb_pager_add(p, pl->current ? A_BOLD : A_NORMAL, 0, 0, sb_str(&sb));
		sb_free(&sb);
	}
	if (plans->count == 0)
		cb_pager_add(p, A_NORMAL, 2, 2, "No plans recorded.");
}

static void referral_rows(const cb_case_referrals *refs, cb_pager *p)
{
	int source_width = p->width - 11 - 20 - 1;
	strbuf sb = {0};

	case_cell(&sb, "REFERRED", 10);
	case_cell(&sb, "SOURCE", source_width > 30 ? 30 : source_width);
	case_cell(&sb, "OUTCOME", 19);
	cb_pager_add(p, A_BOLD, 0, 0, sb_str(&sb));
	sb_free(&sb);
	for (size_t i = 0; i < refs->count; i++) {
		case_cell(&sb, refs->rows[i].referred_on, 10);
		case_cell(&sb, refs->rows[i].source, source_width > 30 ? 30 : source_width);
		case_cell(&sb, cb_label(CB_LABEL_OUTCOME, refs->rows[i].outcome), 19);
		cb_pager_add(p, A_NORMAL, 0, 0, sb_str(&sb));
		sb_free(&sb);
	}
	if (refs->count == 0)
		cb_pager_add(p, A_NORMAL, 2, 2, "No referrals recorded.");
}

void case_tab_plans(cb_view *v, cb_pager *p)
{
	struct case_state *s = v->priv;

	plan_rows(&s->chron.plans, p);
	cb_pager_blank(p);
	referral_rows(&s->chron.referrals, p);
	if (s->header.closed_on) {
		cb_pager_blank(p);
		cb_pager_addf(p, cb_display_attr(CB_STYLE_WARN), 0, 2, "Case closed on %s: %s",
			      s->header.closed_on, s->header.closure_reason);
	}
}
