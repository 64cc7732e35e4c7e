/* caseload_view.c: the home screen: open cases with plan, contact, risk trend and flags. */
#include "ui/view.h"

#include <stdio.h>
#include <string.h>

#include "core/dates.h"
#include "core/labels.h"
#include "core/mem.h"
#include "core/text.h"
#include "store/casebrief.h"
#include "store/caseload.h"
#include "ui/list.h"
#include "ui/screens.h"

struct caseload_state {
	cb_caseload cases;
	cb_list list;
	int width; /* the width the rows were laid out for */
};

/* Column widths for a terminal width: name columns take what the fixed ones leave. */
struct layout {
	int family, child, age, plan, contact, risk, review, flags;
};

static struct layout layout_for(int width)
{
	struct layout l = {0, 0, 3, 4, 5, 10, 8, 0};
	int fixed = l.age + l.plan + l.contact + l.risk + l.review + 7;
	int rest = width - fixed - 16;

	l.flags = 16;
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
	char review[24];
	strbuf sb = {0};

	cb_caseload_cells_of(r, &c);
	review_cell(r->review_due, today, review, sizeof review);
	append_cell(&sb, r->family_name, l->family);
	append_cell(&sb, r->child_name, l->child);
	append_cell(&sb, c.age, l->age);
	append_cell(&sb, cb_plan_short(r->plan), l->plan);
	append_cell(&sb, c.contact, l->contact);
	append_cell(&sb, c.risk, l->risk);
	append_cell(&sb, review, l->review);
	append_cell(&sb, c.flags, l->flags);
	return sb_take(&sb);
}

static void lay_out(cb_view *v)
{
	struct caseload_state *s = v->priv;
	struct layout l = layout_for(getmaxx(v->win));
	char **rows = xcalloc(s->cases.count + 1, sizeof *rows);

	for (size_t i = 0; i < s->cases.count; i++)
		rows[i] = format_row(&s->cases.rows[i], &l, cb_app_today(v->app));
	s->width = getmaxx(v->win);
	cb_list_show(&s->list, v->win, 2, getmaxy(v->win) - 2, rows, s->cases.count);
}

static enum cb_status load(cb_view *v, cb_err *err)
{
	struct caseload_state *s = v->priv;
	const cb_ui_context *ctx = cb_app_context(v->app);

	cb_caseload_free(&s->cases);
	if (cb_caseload_load(ctx->store, ctx->practitioner_id, cb_app_today(v->app), &s->cases, err))
		return err->code;
	lay_out(v);
	return CB_OK;
}

static enum cb_status caseload_open(cb_view *v, const void *arg, cb_err *err)
{
	(void)arg;
	return load(v, err);
}

static void draw_header(cb_view *v)
{
	struct caseload_state *s = v->priv;
	struct layout l = layout_for(getmaxx(v->win));
	char right[64];
	strbuf sb = {0};

	snprintf(right, sizeof right, "%s  %zu open case%s ", cb_app_today(v->app), s->cases.count,
		 s->cases.count == 1 ? "" : "s");
	cb_view_title(v->win, " casebook — caseload (risk: higher is safer)", right);
	append_cell(&sb, "FAMILY", l.family);
	append_cell(&sb, "CHILD", l.child);
	append_cell(&sb, "AGE", l.age);
	append_cell(&sb, "PLAN", l.plan);
	append_cell(&sb, "SEEN", l.contact);
	append_cell(&sb, "RISK", l.risk);
	append_cell(&sb, "REVIEW", l.review);
	append_cell(&sb, "FLAGS", l.flags);
	wattrset(v->win, A_BOLD);
	mvwaddstr(v->win, 1, 0, sb_str(&sb));
	wattrset(v->win, A_NORMAL);
	sb_free(&sb);
}

static void caseload_draw(cb_view *v)
{
	struct caseload_state *s = v->priv;

	if (s->width != getmaxx(v->win) || (s->list.menu == NULL && s->cases.count > 0))
		lay_out(v);
	draw_header(v);
	if (s->cases.count == 0)
		mvwaddstr(v->win, 3, 2, "No open cases. Add a family with F, or run `casebook import FILE`.");
	else {
		unpost_menu(s->list.menu);
		post_menu(s->list.menu);
	}
}

/* ---- what the keys open for the selected case ---- */

static void open_note(cb_app *app, const char *case_id)
{
	cb_note_form_open(app, case_id, NULL);
}

static void open_assessment(cb_app *app, const char *case_id)
{
	cb_instrument_chooser_open(app, case_id);
}

static void open_goal(cb_app *app, const char *case_id)
{
	cb_goal_form_open(app, case_id, NULL);
}

static void open_review(cb_app *app, const char *case_id)
{
	cb_review_chooser_open(app, case_id);
}

static void open_plan(cb_app *app, const char *case_id)
{
	cb_plan_form_open(app, case_id, NULL);
}

static void open_closure(cb_app *app, const char *case_id)
{
	cb_closure_form_open(app, case_id, NULL);
}

static void open_amendment(cb_app *app, const char *case_id)
{
	cb_amend_chooser_open(app, case_id);
}

/* A referral for the selected case's family: the same child or a sibling. */
static void open_referral(cb_app *app, const char *case_id)
{
	cb_case_brief brief;
	cb_err err = {0};

	if (cb_case_brief_load(cb_app_context(app)->store, case_id, &brief, &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		return;
	}
	cb_case_form_open(app, brief.family_id, NULL);
	cb_case_brief_free(&brief);
}

static const struct {
	enum cb_action action;
	void (*open)(cb_app *app, const char *case_id);
} case_actions[] = {
	{CB_ACTION_NEW_NOTE, open_note},     {CB_ACTION_NEW_ASSESSMENT, open_assessment},
	{CB_ACTION_NEW_GOAL, open_goal},     {CB_ACTION_REVIEW_GOAL, open_review},
	{CB_ACTION_CHANGE_PLAN, open_plan},  {CB_ACTION_CLOSE_CASE, open_closure},
	{CB_ACTION_AMEND_NOTE, open_amendment}, {CB_ACTION_NEW_REFERRAL, open_referral},
};

/* Runs the action on the selected case; false if it is not a case action. */
static bool case_action(cb_view *v, enum cb_action action)
{
	struct caseload_state *s = v->priv;

	for (size_t i = 0; i < sizeof case_actions / sizeof case_actions[0]; i++) {
		if (case_actions[i].action != action)
			continue;
		if (s->cases.count == 0)
			cb_app_message(v->app, CB_STYLE_WARN, "No case selected: add a family with F");
		else
			case_actions[i].open(v->app, s->cases.rows[cb_list_selected(&s->list)].case_id);
		return true;
	}
	return false;
}

static enum cb_key_result caseload_key(cb_view *v, int key, enum cb_action action)
{
	struct caseload_state *s = v->priv;
	cb_err err = {0};

	(void)key;
	if (cb_list_move(&s->list, action) || case_action(v, action))
		return CB_KEY_HANDLED;
	if (action == CB_ACTION_NEW_FAMILY) {
		cb_family_form_open(v->app, NULL);
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
	cb_caseload_free(&s->cases);
}

const struct cb_view_ops cb_caseload_view = {
	.name = "caseload",
	.scope = CB_SCOPE_LIST,
	.private_size = sizeof(struct caseload_state),
	.open = caseload_open,
	.draw = caseload_draw,
	.key = caseload_key,
	.close = caseload_close,
	.resume = caseload_resume,
};
