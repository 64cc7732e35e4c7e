/* caseload_view.c: the home screen: open cases with plan, contact, risk trend, open actions and flags. */
#include "ui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/labels.h"
#include "core/mem.h"
#include "core/text.h"
#include "store/casebrief.h"
#include "store/caseload.h"
#include "store/people.h"
#include "ui/list.h"
#include "ui/screens.h"

enum sort_by { SORT_FAMILY, SORT_CONTACT, SORT_RISK, SORT_REVIEW, SORT_COUNT };
enum show { SHOW_MINE, SHOW_TEAM, SHOW_ALL, SHOW_FLAGGED, SHOW_COUNT };

static const char *const sort_names[SORT_COUNT] = {
	"by family", "by last contact", "riskiest first", "by review due",
};
static const char *const show_names[SHOW_COUNT] = {"My cases", "My team's cases", "All open cases",
						   "Flagged cases"};

/*
 * Sorting and filtering work on the rows already read; the store is read again
 * only for a wider set of cases (every open case in an authority-wide casebook
 * takes a third of a second to read; a team's, a few milliseconds).
 */
struct caseload_state {
	cb_caseload loaded;   /* as read from the store */
	enum show loaded_for; /* what was read: the user's cases, their team's, or all (SHOW_ALL) */
	char *team_id;        /* the user's team, or NULL */
	const cb_caseload_row **shown; /* the rows on the screen, filtered and sorted */
	size_t n_shown;
	cb_list list;
	int width, height; /* the size the rows were laid out for */
	enum sort_by sort;
	enum show show;
};

/* Column widths for a terminal width: name columns take what the fixed ones leave. */
struct layout {
	int family, child, age, plan, contact, risk, review, actions, flags;
};

static struct layout layout_for(int width)
{
	struct layout l = {0, 0, 3, 4, 5, 10, 8, 3, 0};
	/* A space follows each of the nine cells; one more and the header wraps onto the first row. */
	int fixed = l.age + l.plan + l.contact + l.risk + l.review + l.actions + 9;
	int rest;

	l.flags = width >= 110 ? 31 : 16; /* room for every flag when there is room */
	rest = width - fixed - l.flags;
	l.family = rest * 4 / 10;
	l.child = rest - l.family;
	return l;
}

static void append_cell(strbuf *sb, const char *text, int width)
{
	char *cell = xmalloc(4 * (size_t)width + 1);

	cb_text_fit(cell, text, width);
	sb_append(sb, cell);
	sb_append(sb, " ");
	free(cell);
}

/* "in 12d", "today" or "5d late": how far off the next review is. */
static void review_cell(const char *due, const char *today, char *buf, size_t size)
{
	cb_date d, t;
	long days;

	if (due == NULL || !cb_date_parse(due, &d) || !cb_date_parse(today, &t)) {
		snprintf(buf, size, "-");
		return;
	}
	days = (long)(cb_date_days(d) - cb_date_days(t));
	if (days == 0)
		snprintf(buf, size, "today");
	else if (days > 0)
		snprintf(buf, size, "in %ldd", days);
	else
		snprintf(buf, size, "%ldd late", -days);
}

static char *format_row(const cb_caseload_row *r, const struct layout *l, const char *today)
{
	cb_caseload_cells c;
	char review[24], actions[16] = "-";
	strbuf sb = {0};

	cb_caseload_cells_of(r, &c);
	review_cell(r->review_due, today, review, sizeof review);
	if (r->open_actions > 0)
		snprintf(actions, sizeof actions, "%d", r->open_actions);
	append_cell(&sb, r->family_name, l->family);
	append_cell(&sb, r->child_name, l->child);
	append_cell(&sb, c.age, l->age);
	append_cell(&sb, cb_plan_short(r->plan), l->plan);
	append_cell(&sb, c.contact, l->contact);
	append_cell(&sb, c.risk, l->risk);
	append_cell(&sb, review, l->review);
	append_cell(&sb, actions, l->actions);
	append_cell(&sb, c.flags, l->flags);
	return sb_take(&sb);
}

static void lay_out(cb_view *v)
{
	struct caseload_state *s = v->priv;
	struct layout l = layout_for(getmaxx(v->win));
	char **rows = xcalloc(s->n_shown + 1, sizeof *rows);

	for (size_t i = 0; i < s->n_shown; i++)
		rows[i] = format_row(s->shown[i], &l, cb_app_today(v->app));
	s->width = getmaxx(v->win);
	s->height = getmaxy(v->win);
	cb_list_show(&s->list, v->win, 2, getmaxy(v->win) - 2, rows, s->n_shown);
}

static bool flagged(const cb_caseload_row *r)
{
	return r->flag_no_contact || r->flag_review_overdue || r->stalled_goals > 0 ||
	       r->overdue_actions > 0;
}

static int compare_key(const cb_caseload_row *a, const cb_caseload_row *b, enum sort_by by)
{
	switch (by) {
	case SORT_CONTACT: return b->days_since_contact - a->days_since_contact;
	case SORT_RISK:
		if (a->has_risk != b->has_risk)
			return a->has_risk ? -1 : 1;
		return (a->risk_total > b->risk_total) - (a->risk_total < b->risk_total);
	case SORT_REVIEW:
		return strcmp(a->review_due ? a->review_due : "9", b->review_due ? b->review_due : "9");
	default: return 0;
	}
}

/* qsort has no context argument; the view sets this just before sorting. */
static enum sort_by sorting;

/* Ties keep the query's family-then-child order (the case id breaks the rest). */
static int compare_rows(const void *pa, const void *pb)
{
	const cb_caseload_row *a = *(const cb_caseload_row *const *)pa;
	const cb_caseload_row *b = *(const cb_caseload_row *const *)pb;
	int c = compare_key(a, b, sorting);

	if (c == 0)
		c = strcmp(a->family_name, b->family_name);
	if (c == 0)
		c = strcmp(a->child_name, b->child_name);
	return c ? c : strcmp(a->case_id, b->case_id);
}

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Whether a row belongs on the screen under the current filter. */
static bool shows(const struct caseload_state *s, const cb_caseload_row *r, const char *me)
{
	switch (s->show) {
	case SHOW_MINE: return s->loaded_for == SHOW_MINE || same(r->practitioner_id, me);
	case SHOW_TEAM: return s->loaded_for == SHOW_TEAM || same(r->team_id, s->team_id);
	case SHOW_FLAGGED: return flagged(r);
	default: return true;
	}
}

/* Picks and sorts the rows to show from those read, and lays them out. */
static void select_rows(cb_view *v)
{
	struct caseload_state *s = v->priv;
	const char *me = cb_app_context(v->app)->practitioner_id;

	free(s->shown);
	s->shown = xcalloc(s->loaded.count + 1, sizeof *s->shown);
	s->n_shown = 0;
	for (size_t i = 0; i < s->loaded.count; i++)
		if (shows(s, &s->loaded.rows[i], me))
			s->shown[s->n_shown++] = &s->loaded.rows[i];
	sorting = s->sort;
	if (s->n_shown > 1)
		qsort(s->shown, s->n_shown, sizeof *s->shown, compare_rows);
	lay_out(v);
}

/* What must be read for the current filter: flagged cases are found among every open one. */
static enum show read_for(const struct caseload_state *s)
{
	return s->show == SHOW_FLAGGED ? SHOW_ALL : s->show;
}

/* Reads the cases the filter needs from the store (the user's, their team's, or every open case). */
static enum cb_status load(cb_view *v, cb_err *err)
{
	struct caseload_state *s = v->priv;
	const cb_ui_context *ctx = cb_app_context(v->app);
	enum show scope = read_for(s);

	free(s->shown);
	s->shown = NULL;
	s->n_shown = 0;
	cb_caseload_free(&s->loaded);
	s->loaded_for = SHOW_ALL;
	if (cb_caseload_load(ctx->store, scope == SHOW_MINE ? ctx->practitioner_id : NULL,
			     scope == SHOW_TEAM ? s->team_id : NULL, cb_app_today(v->app),
			     &s->loaded, err))
		return err->code;
	s->loaded_for = scope;
	select_rows(v);
	return CB_OK;
}

/* Whether a filter applies to this user: "mine" needs a user, "my team" a team. */
static bool available(const struct caseload_state *s, const cb_ui_context *ctx, enum show show)
{
	return (show != SHOW_MINE || ctx->practitioner_id) && (show != SHOW_TEAM || s->team_id);
}

/*
 * A practitioner starts on their own cases, a supervisor on their team's (or
 * every open case when there is no team, or nobody is set up as the user).
 */
static enum cb_status caseload_open(cb_view *v, const void *arg, cb_err *err)
{
	struct caseload_state *s = v->priv;
	const cb_ui_context *ctx = cb_app_context(v->app);
	char *role = cb_practitioner_role(ctx->store, ctx->practitioner_id);

	(void)arg;
	s->team_id = cb_practitioner_team(ctx->store, ctx->practitioner_id);
	s->show = role && strcmp(role, "supervisor") != 0 ? SHOW_MINE : SHOW_TEAM;
	if (!available(s, ctx, s->show))
		s->show = SHOW_ALL;
	free(role);
	return load(v, err);
}

static void draw_header(cb_view *v)
{
	struct caseload_state *s = v->priv;
	struct layout l = layout_for(getmaxx(v->win));
	char right[64];
	strbuf sb = {0};

	char title[160];

	snprintf(right, sizeof right, "%s  %zu case%s ", cb_app_today(v->app), s->n_shown,
		 s->n_shown == 1 ? "" : "s");
	snprintf(title, sizeof title, " %s, %s (risk: higher is safer)",
		 show_names[s->show], sort_names[s->sort]);
	cb_view_title(v->win, title, right);
	append_cell(&sb, "FAMILY", l.family);
	append_cell(&sb, "CHILD", l.child);
	append_cell(&sb, "AGE", l.age);
	append_cell(&sb, "PLAN", l.plan);
	append_cell(&sb, "SEEN", l.contact);
	append_cell(&sb, "RISK", l.risk);
	append_cell(&sb, "REVIEW", l.review);
	append_cell(&sb, "ACT", l.actions);
	append_cell(&sb, "FLAGS", l.flags);
	wattrset(v->win, A_BOLD);
	mvwaddstr(v->win, 1, 0, sb_str(&sb));
	wattrset(v->win, A_NORMAL);
	sb_free(&sb);
}

/*
 * The view erases only what it redraws: the menu library draws every row when
 * the list is laid out, and moving the selection redraws only the rows that
 * change. Erasing the window on each key would mean drawing every row again
 * (thousands, for a supervisor's "all open cases" at authority scale).
 */
static void caseload_draw(cb_view *v)
{
	struct caseload_state *s = v->priv;

	if (s->width != getmaxx(v->win) || s->height != getmaxy(v->win) ||
	    (s->list.menu == NULL && s->n_shown > 0))
		lay_out(v);
	for (int line = 0; line < 2; line++) {
		wmove(v->win, line, 0);
		wclrtoeol(v->win);
	}
	draw_header(v);
	if (s->n_shown == 0) {
		wmove(v->win, 2, 0);
		wclrtobot(v->win);
		mvwaddstr(v->win, 3, 2, "No open cases. Add a family with F, or run `casebook import FILE`.");
	}
}

/* ---- what the keys open for the selected case ---- */

/* Runs a case action (a form for the case) on the selected case; false if it is not one. */
static bool case_action(cb_view *v, enum cb_action action)
{
	struct caseload_state *s = v->priv;

	if (!cb_is_case_action(action))
		return false;
	if (s->n_shown == 0)
		cb_app_message(v->app, CB_STYLE_WARN, "No case selected: add a family with F");
	else
		cb_case_action(v->app, action, s->shown[cb_list_selected(&s->list)]->case_id);
	return true;
}

static enum cb_key_result caseload_key(cb_view *v, int key, enum cb_action action)
{
	struct caseload_state *s = v->priv;
	cb_err err = {0};

	(void)key;
	if (cb_list_move(&s->list, action) || case_action(v, action))
		return CB_KEY_HANDLED;
	if (action == CB_ACTION_OPEN && s->n_shown > 0) {
		cb_app_push(v->app, &cb_case_view, s->shown[cb_list_selected(&s->list)]->case_id);
		return CB_KEY_HANDLED;
	}
	if (action == CB_ACTION_SEARCH) {
		cb_search_ask(v->app);
		return CB_KEY_HANDLED;
	}
	if (action == CB_ACTION_OUTCOMES) {
		cb_app_push(v->app, &cb_report_view, NULL);
		return CB_KEY_HANDLED;
	}
	if (action == CB_ACTION_NEW_FAMILY) {
		cb_family_form_open(v->app, NULL);
		return CB_KEY_HANDLED;
	}
	if (action == CB_ACTION_TEAM) {
		cb_app_push(v->app, &cb_team_view, NULL);
		return CB_KEY_HANDLED;
	}
	if (action == CB_ACTION_SYNC) {
		cb_sync_screen_open(v->app);
		return CB_KEY_HANDLED;
	}
	if (action == CB_ACTION_SORT || action == CB_ACTION_FILTER) {
		if (action == CB_ACTION_SORT)
			s->sort = (s->sort + 1) % SORT_COUNT;
		else
			do
				s->show = (s->show + 1) % SHOW_COUNT;
			while (!available(s, cb_app_context(v->app), s->show));
		cb_list_select(&s->list, 0);
		s->list.selected = 0;
		if (s->loaded_for == SHOW_ALL || s->loaded_for == read_for(s)) {
			select_rows(v); /* what is read already holds every row to show */
		} else if (load(v, &err)) {
			cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
			return CB_KEY_HANDLED;
		}
		cb_app_message(v->app, CB_STYLE_NORMAL, "Showing %s, %s", show_names[s->show],
			       sort_names[s->sort]);
		return CB_KEY_HANDLED;
	}
	if (action == CB_ACTION_REFRESH) {
		if (load(v, &err))
			cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
		clearok(curscr, TRUE);
		return CB_KEY_HANDLED;
	}
	return CB_KEY_UNHANDLED;
}

static void caseload_resume(cb_view *v)
{
	cb_err err = {0};

	if (load(v, &err))
		cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
}

static void caseload_close(cb_view *v)
{
	struct caseload_state *s = v->priv;

	cb_list_free(&s->list);
	free(s->shown);
	free(s->team_id);
	cb_caseload_free(&s->loaded);
}

const struct cb_view_ops cb_caseload_view = {
	.name = "caseload",
	.scope = CB_SCOPE_LIST,
	.private_size = sizeof(struct caseload_state),
	.open = caseload_open,
	.draw = caseload_draw,
	.erases_itself = true,
	.key = caseload_key,
	.close = caseload_close,
	.resume = caseload_resume,
};
