/* report_view.c: the reports screen: the outcome report for a period and whose cases, scrolled in a pager. */
#include "ui/view.h"

#include <stdio.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "report/report.h"
#include "store/people.h"
#include "store/staff.h"
#include "ui/pager.h"
#include "ui/report_text.h"

/* Window line where the report starts (title and caption above). */
#define REPORT_TOP 2

enum period { PERIOD_3, PERIOD_6, PERIOD_12, PERIOD_ALL, PERIOD_COUNT };
static const int period_months[PERIOD_COUNT] = {3, 6, 12, 0};
static const char *const period_names[PERIOD_COUNT] = {"last 3 months", "last 6 months",
						       "last 12 months", "all time"};

enum whose { WHOSE_ALL, WHOSE_TEAM, WHOSE_MINE, WHOSE_COUNT };

struct report_state {
	cb_report report;
	bool loaded;
	enum period period;
	enum whose whose;
	char *team_id, *team_name; /* the app user's team, if any */
	cb_pager pager;
	int width;                 /* the width the pager was laid out for */
};

/* ---- the app user's team, and which scopes make sense ---- */

static void find_team(cb_view *v)
{
	struct report_state *s = v->priv;
	const cb_ui_context *ctx = cb_app_context(v->app);
	cb_practitioner *list = NULL;
	cb_team *teams = NULL;
	size_t n = 0, nt = 0;
	const cb_practitioner *me;
	cb_err err = {0};

	if (ctx->practitioner_id == NULL || cb_practitioners_load(ctx->store, &list, &n, &err))
		goto out;
	me = cb_practitioner_find(list, n, ctx->practitioner_id);
	if (me == NULL || me->team_id == NULL || cb_teams_load(ctx->store, &teams, &nt, &err))
		goto out;
	for (size_t i = 0; i < nt; i++)
		if (strcmp(teams[i].id, me->team_id) == 0) {
			s->team_id = xstrdup(teams[i].id);
			s->team_name = xstrdup(teams[i].name);
		}
out:
	cb_teams_free(teams, nt);
	cb_practitioners_free(list, n);
}

static bool whose_possible(cb_view *v, enum whose w)
{
	struct report_state *s = v->priv;

	if (w == WHOSE_TEAM)
		return s->team_id != NULL;
	if (w == WHOSE_MINE)
		return cb_app_context(v->app)->practitioner_id != NULL;
	return true;
}

/* ---- loading ---- */

static enum cb_status load(cb_view *v, cb_err *err)
{
	struct report_state *s = v->priv;
	const cb_ui_context *ctx = cb_app_context(v->app);
	const char *today = cb_app_today(v->app);
	cb_report_opts o = {.forms = ctx->forms};
	enum cb_status rc;

	snprintf(o.to, sizeof o.to, "%s", today);
	if (s->period == PERIOD_ALL) {
		if ((rc = cb_report_first_date(ctx->store, today, o.from, err)))
			return rc;
	} else {
		cb_report_months_before(today, period_months[s->period], o.from);
	}
	if (s->whose == WHOSE_TEAM)
		o.team_id = s->team_id;
	else if (s->whose == WHOSE_MINE)
		o.practitioner_id = ctx->practitioner_id;
	cb_report_free(&s->report);
	s->loaded = false;
	s->width = 0; /* lay it out again (empty if the report could not be read) */
	if ((rc = cb_report_run(ctx->store, &o, &s->report, err)))
		return rc;
	s->loaded = true;
	return CB_OK;
}

static enum cb_status report_open(cb_view *v, const void *arg, cb_err *err)
{
	struct report_state *s = v->priv;
	const cb_ui_context *ctx = cb_app_context(v->app);
	char *role = cb_practitioner_role(ctx->store, ctx->practitioner_id);

	(void)arg;
	find_team(v);
	s->period = PERIOD_12;
	/* As the caseload: a practitioner's own cases; everything for a supervisor. */
	s->whose = role && strcmp(role, "practitioner") == 0 ? WHOSE_MINE : WHOSE_ALL;
	free(role);
	return load(v, err);
}

static void report_close(cb_view *v)
{
	struct report_state *s = v->priv;

	cb_report_free(&s->report);
	cb_pager_free(&s->pager);
	free(s->team_id);
	free(s->team_name);
}

/* ---- drawing ---- */

static int style_attr(enum cb_rt_style style)
{
	switch (style) {
	case CB_RT_TITLE: return A_BOLD;
	case CB_RT_HEADING: return A_BOLD | A_UNDERLINE;
	case CB_RT_WARN: return cb_display_attr(CB_STYLE_WARN);
	case CB_RT_NOTE: return cb_display_attr(CB_STYLE_DIM);
	default: return A_NORMAL;
	}
}

static void to_pager(void *ctx, enum cb_rt_style style, int indent, int hang, const char *text)
{
	cb_pager_add(ctx, style_attr(style), indent, hang, text);
}

static const char *whose_name(cb_view *v)
{
	struct report_state *s = v->priv;

	switch (s->whose) {
	case WHOSE_TEAM: return s->team_name;
	case WHOSE_MINE: return "my cases";
	default: return "all cases";
	}
}

static void draw_title(cb_view *v)
{
	struct report_state *s = v->priv;
	char *title = xasprintf(" Outcome report: %s, %s to %s", period_names[s->period],
				s->report.from, s->report.to);
	char *right = xasprintf("%s ", whose_name(v));

	cb_view_title(v->win, title, right);
	free(title);
	free(right);
}

/* Line 1: the keys that change what is shown, and where the view is when it scrolls. */
static void draw_caption(cb_view *v, int height)
{
	struct report_state *s = v->priv;
	const cb_pager *p = &s->pager;
	int width = getmaxx(v->win), pw = 0;
	char pos[48] = "", *cap = xmalloc(4 * (size_t)width + 1);

	if (p->count > (size_t)height) {
		size_t last = p->top + (size_t)height < p->count ? p->top + (size_t)height : p->count;
		pw = snprintf(pos, sizeof pos, " rows %zu-%zu of %zu ", p->top + 1, last, p->count);
	}
	cb_text_fit(cap, "p/P period  f whose cases  Risk totals: higher is safer",
		    width - pw > 0 ? width - pw : 0);
	wattrset(v->win, cb_display_attr(CB_STYLE_DIM));
	mvwaddstr(v->win, 1, 0, cap);
	wattrset(v->win, A_BOLD);
	if (pw && pw < width)
		mvwaddstr(v->win, 1, width - pw, pos);
	wattrset(v->win, A_NORMAL);
	free(cap);
}

static void report_draw(cb_view *v)
{
	struct report_state *s = v->priv;
	int height = getmaxy(v->win) - REPORT_TOP;

	draw_title(v);
	if (s->width != getmaxx(v->win)) {
		cb_pager_begin(&s->pager, getmaxx(v->win));
		if (s->loaded)
			cb_report_text(&s->report, getmaxx(v->win), to_pager, &s->pager);
		s->width = getmaxx(v->win);
	}
	cb_pager_draw(&s->pager, v->win, REPORT_TOP, height > 0 ? height : 0);
	draw_caption(v, height);
}

/* ---- keys ---- */

static void reload(cb_view *v, const char *what)
{
	struct report_state *s = v->priv;
	cb_err err = {0};

	s->pager.top = 0;
	if (load(v, &err))
		cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
	else if (what)
		cb_app_message(v->app, CB_STYLE_NORMAL, "Showing %s, %s", what, whose_name(v));
}

static void next_whose(cb_view *v)
{
	struct report_state *s = v->priv;

	do
		s->whose = (s->whose + 1) % WHOSE_COUNT;
	while (!whose_possible(v, s->whose));
}

static enum cb_key_result report_key(cb_view *v, int key, enum cb_action action)
{
	struct report_state *s = v->priv;

	switch (action) {
	case CB_ACTION_PERIOD:
		s->period = (s->period + (key == 'P' ? PERIOD_COUNT - 1 : 1)) % PERIOD_COUNT;
		reload(v, period_names[s->period]);
		return CB_KEY_HANDLED;
	case CB_ACTION_FILTER:
		next_whose(v);
		if (s->whose == WHOSE_ALL && !whose_possible(v, WHOSE_MINE)) {
			cb_app_message(v->app, CB_STYLE_WARN, "Nobody is set up as this casebook's "
				       "user, so there is no team or own caseload: showing all cases");
			return CB_KEY_HANDLED;
		}
		reload(v, period_names[s->period]);
		return CB_KEY_HANDLED;
	case CB_ACTION_REFRESH:
		reload(v, NULL);
		clearok(curscr, TRUE);
		return CB_KEY_HANDLED;
	default:
		return cb_pager_scroll(&s->pager, action) ? CB_KEY_HANDLED : CB_KEY_UNHANDLED;
	}
}

const struct cb_view_ops cb_report_view = {
	.name = "report",
	.scope = CB_SCOPE_REPORT,
	.private_size = sizeof(struct report_state),
	.open = report_open,
	.draw = report_draw,
	.key = report_key,
	.close = report_close,
};
