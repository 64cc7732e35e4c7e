/* team_view.c: the team review for group case discussion: the team's cases, each flag a word, most flagged first. */
#include "ui/view.h"

#include <stdio.h>
#include <string.h>

#include "core/labels.h"
#include "core/mem.h"
#include "core/text.h"
#include "store/staff.h"
#include "store/teamreview.h"
#include "ui/list.h"
#include "ui/pager.h"
#include "ui/screens.h"

/* Shown under the list: what each column's word means (UPPER CASE needs attention). */
static const char legend[] =
	"UPPER CASE needs attention. DRIFT: no goal progress in 8 weeks, or CIN over 12 "
	"months. REVIEW: no assessment in 3 months. SEEN: days since contact, after 28. "
	"RISK: total below the first. ENGAGE: engagement fell. ACTION: open, LATE past due.";

struct team_state {
	cb_team_review review;
	cb_team *teams;
	size_t n_teams;
	long team;          /* index into teams, or -1 for every team */
	enum cb_team_sort sort;
	cb_list list;
	cb_pager legend;
	int width, height;  /* what the rows were laid out for */
};

/* Column widths; the family column and full worker names only when there is room. */
struct layout {
	int count, child, family, worker, plan, drift, review, seen, risk, engage, action;
};

static struct layout layout_for(int width)
{
	struct layout l = {2, 0, 0, 8, 4, 5, 7, 7, 5, 7, 8};
	int fixed = l.count + l.plan + l.drift + l.review + l.seen + l.risk + l.engage + l.action;
	int rest;

	if (width >= 110)
		l.worker = 18;
	rest = width - fixed - l.worker - 10; /* a space after each of ten columns */
	if (width >= 110) {
		l.family = rest * 2 / 5;
		rest -= l.family + 1;
	}
	l.child = rest;
	return l;
}

static void cell(strbuf *sb, const char *text, int width)
{
	char *buf;

	if (width < 1)
		return;
	buf = xmalloc(4 * (size_t)width + 1);
	cb_text_fit(buf, text, width);
	sb_append(sb, buf);
	sb_append(sb, " ");
	free(buf);
}

/* The practitioner's first name when the column is narrow. */
static void worker_cell(strbuf *sb, const char *name, int width)
{
	char first[64];

	if (name == NULL) {
		cell(sb, "-", width);
		return;
	}
	snprintf(first, sizeof first, "%.*s", (int)strcspn(name, " "), name);
	cell(sb, width < 12 ? first : name, width);
}

static void seen_text(const cb_caseload_row *r, char *buf, size_t size)
{
	if (!r->flag_no_contact)
		snprintf(buf, size, " ");
	else if (r->days_since_contact < 0)
		snprintf(buf, size, "NEVER");
	else
		snprintf(buf, size, "%d DAYS", r->days_since_contact);
}

static void action_text(const cb_caseload_row *r, char *buf, size_t size)
{
	if (r->overdue_actions > 0)
		snprintf(buf, size, "%d LATE", r->overdue_actions);
	else if (r->open_actions > 0)
		snprintf(buf, size, "%d open", r->open_actions);
	else
		snprintf(buf, size, " ");
}

static char *format_row(const cb_team_case *c, const struct layout *l)
{
	const cb_caseload_row *r = c->row;
	char count[8], seen[16], action[16];
	strbuf sb = {0};

	snprintf(count, sizeof count, "%2d", c->n_flags);
	seen_text(r, seen, sizeof seen);
	action_text(r, action, sizeof action);
	cell(&sb, c->n_flags ? count : " ", l->count);
	cell(&sb, r->child_name, l->child);
	cell(&sb, r->family_name, l->family);
	worker_cell(&sb, r->practitioner, l->worker);
	cell(&sb, cb_plan_short(r->plan), l->plan);
	cell(&sb, c->flags & CB_TEAM_DRIFT ? "DRIFT" : "", l->drift);
	cell(&sb, c->flags & CB_TEAM_REVIEW ? "OVERDUE" : "", l->review);
	cell(&sb, seen, l->seen);
	cell(&sb, c->flags & CB_TEAM_RISK ? "WORSE" : "", l->risk);
	cell(&sb, c->flags & CB_TEAM_ENGAGEMENT ? "FALLING" : "", l->engage);
	cell(&sb, action, l->action);
	return sb_take(&sb);
}

static char *header_row(const struct layout *l)
{
	strbuf sb = {0};

	cell(&sb, "#", l->count);
	cell(&sb, "CHILD", l->child);
	cell(&sb, "FAMILY", l->family);
	cell(&sb, "WORKER", l->worker);
	cell(&sb, "PLAN", l->plan);
	cell(&sb, "DRIFT", l->drift);
	cell(&sb, "REVIEW", l->review);
	cell(&sb, "SEEN", l->seen);
	cell(&sb, "RISK", l->risk);
	cell(&sb, "ENGAGE", l->engage);
	cell(&sb, "ACTION", l->action);
	return sb_take(&sb);
}

/* ---- loading and laying out ---- */

static const char *team_id(const struct team_state *s)
{
	return s->team >= 0 ? s->teams[s->team].id : NULL;
}

static const char *team_name(const struct team_state *s)
{
	return s->team >= 0 ? s->teams[s->team].name : "all teams";
}

/* Lines the legend takes at this width (it is wrapped afresh each layout). */
static int legend_lines(struct team_state *s, int width)
{
	cb_pager_begin(&s->legend, width);
	cb_pager_add(&s->legend, A_NORMAL, 0, 0, legend);
	return (int)s->legend.count;
}

static void lay_out(cb_view *v)
{
	struct team_state *s = v->priv;
	int width = getmaxx(v->win), height = getmaxy(v->win);
	struct layout l = layout_for(width);
	char **rows = xcalloc(s->review.count + 1, sizeof *rows);
	int list_h = height - 2 - 1 - legend_lines(s, width);

	for (size_t i = 0; i < s->review.count; i++)
		rows[i] = format_row(&s->review.cases[i], &l);
	s->width = width;
	s->height = height;
	/* Rows a line apart when they all fit that way: easier to follow on a projector. */
	s->list.spacing = s->review.count * 2 <= (size_t)list_h ? 2 : 1;
	cb_list_show(&s->list, v->win, 2, list_h > 1 ? list_h : 1, rows, s->review.count);
}

static enum cb_status load(cb_view *v, cb_err *err)
{
	struct team_state *s = v->priv;
	cb_store *st = cb_app_context(v->app)->store;

	cb_team_review_free(&s->review);
	if (cb_team_review_load(st, team_id(s), cb_app_today(v->app), &s->review, err))
		return err->code;
	cb_team_review_sort(&s->review, s->sort);
	lay_out(v);
	return CB_OK;
}

/* The team of the person using casebook, or -1 (every team) if they have none. */
static long users_team(const struct team_state *s, cb_store *st, const char *practitioner_id)
{
	cb_practitioner *staff = NULL;
	size_t n = 0;
	const cb_practitioner *me;
	cb_err err = {0};
	long found = -1;

	if (cb_practitioners_load(st, &staff, &n, &err) == CB_OK &&
	    (me = cb_practitioner_find(staff, n, practitioner_id)) != NULL && me->team_id)
		for (size_t i = 0; i < s->n_teams; i++)
			if (strcmp(s->teams[i].id, me->team_id) == 0)
				found = (long)i;
	cb_practitioners_free(staff, n);
	return found;
}

static enum cb_status team_open(cb_view *v, const void *arg, cb_err *err)
{
	struct team_state *s = v->priv;
	const cb_ui_context *ctx = cb_app_context(v->app);

	(void)arg;
	if (cb_teams_load(ctx->store, &s->teams, &s->n_teams, err))
		return err->code;
	s->team = users_team(s, ctx->store, ctx->practitioner_id);
	s->sort = CB_TEAM_BY_FLAGS;
	return load(v, err);
}

static void team_close(cb_view *v)
{
	struct team_state *s = v->priv;

	cb_list_free(&s->list);
	cb_pager_free(&s->legend);
	cb_team_review_free(&s->review);
	cb_teams_free(s->teams, s->n_teams);
}

/* ---- drawing ---- */

static size_t flagged(const cb_team_review *r)
{
	size_t n = 0;

	for (size_t i = 0; i < r->count; i++)
		n += r->cases[i].n_flags > 0;
	return n;
}

static void draw_top(cb_view *v)
{
	struct team_state *s = v->priv;
	struct layout l = layout_for(getmaxx(v->win));
	char *title, *right, *header;

	title = xasprintf(" Team review: %s, %s", team_name(s),
			  s->sort == CB_TEAM_BY_FLAGS ? "most flags first" : "by child's family");
	right = xasprintf("%zu cases, %zu flagged  s:sort f:team %s%s", s->review.count,
			  flagged(&s->review), getmaxx(v->win) >= 100 ? " " : "",
			  getmaxx(v->win) >= 100 ? cb_app_today(v->app) : "");
	cb_view_title(v->win, title, right);
	free(title);
	free(right);
	header = header_row(&l);
	wattrset(v->win, A_BOLD);
	mvwaddstr(v->win, 1, 0, header);
	wattrset(v->win, A_NORMAL);
	free(header);
}

static void team_draw(cb_view *v)
{
	struct team_state *s = v->priv;
	int height = getmaxy(v->win);

	if (s->width != getmaxx(v->win) || s->height != height)
		lay_out(v);
	draw_top(v);
	if (s->review.count == 0)
		mvwaddstr(v->win, 3, 2, "No open cases here. Press f to look at another team.");
	else {
		unpost_menu(s->list.menu);
		post_menu(s->list.menu);
	}
	wattrset(v->win, cb_display_attr(CB_STYLE_DIM));
	cb_pager_draw(&s->legend, v->win, height - (int)s->legend.count, (int)s->legend.count);
	wattrset(v->win, A_NORMAL);
}

/* ---- keys ---- */

static const cb_team_case *selected(const struct team_state *s)
{
	return s->review.count ? &s->review.cases[cb_list_selected(&s->list)] : NULL;
}

static void reload(cb_view *v, const char *what)
{
	struct team_state *s = v->priv;
	cb_err err = {0};

	cb_list_select(&s->list, 0);
	s->list.selected = 0;
	if (load(v, &err))
		cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
	else if (what)
		cb_app_message(v->app, CB_STYLE_NORMAL, "Showing %s, %s", team_name(s), what);
}

static enum cb_key_result team_key(cb_view *v, int key, enum cb_action action)
{
	struct team_state *s = v->priv;
	const cb_team_case *c = selected(s);

	(void)key;
	if (cb_list_move(&s->list, action))
		return CB_KEY_HANDLED;
	switch (action) {
	case CB_ACTION_OPEN:
		if (c)
			cb_app_push(v->app, &cb_summary_view, c);
		return CB_KEY_HANDLED;
	case CB_ACTION_DISCUSS:
		cb_discussion_form_open(v->app, team_id(s), NULL, NULL);
		return CB_KEY_HANDLED;
	case CB_ACTION_ACTION_DONE:
		if (c)
			cb_case_action(v->app, action, c->row->case_id);
		return CB_KEY_HANDLED;
	case CB_ACTION_SORT:
		s->sort = s->sort == CB_TEAM_BY_FLAGS ? CB_TEAM_BY_FAMILY : CB_TEAM_BY_FLAGS;
		reload(v, s->sort == CB_TEAM_BY_FLAGS ? "most flags first" : "by child's family");
		return CB_KEY_HANDLED;
	case CB_ACTION_FILTER:
		s->team = s->team + 1 < (long)s->n_teams ? s->team + 1 : -1;
		reload(v, s->sort == CB_TEAM_BY_FLAGS ? "most flags first" : "by child's family");
		return CB_KEY_HANDLED;
	case CB_ACTION_REFRESH:
		reload(v, NULL);
		clearok(curscr, TRUE);
		return CB_KEY_HANDLED;
	default:
		return CB_KEY_UNHANDLED;
	}
}

/* Back from a summary or the discussion form: actions may have changed. */
static void team_resume(cb_view *v)
{
	cb_err err = {0};

	if (load(v, &err))
		cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
}

const struct cb_view_ops cb_team_view = {
	.name = "team",
	.scope = CB_SCOPE_TEAM,
	.private_size = sizeof(struct team_state),
	.open = team_open,
	.draw = team_draw,
	.key = team_key,
	.close = team_close,
	.resume = team_resume,
};
