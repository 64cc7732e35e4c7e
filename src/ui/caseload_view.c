/* caseload_view.c: the home screen: open cases with plan, contact, risk trend and flags. */
#include "ui/view.h"

#include <stdio.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "store/caseload.h"
#include "ui/list.h"

struct caseload_state {
	cb_caseload cases;
	cb_list list;
	int width; /* the width the rows were laid out for */
};

static const char *plan_label(const char *plan)
{
	static const char *const names[][2] = {
		{"none", "None"}, {"early_help", "EH"}, {"cin", "CIN"}, {"cp", "CP"}, {"lac", "LAC"},
	};
	for (size_t i = 0; plan && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(plan, names[i][0]) == 0)
			return names[i][1];
	return "-";
}

/* Column widths for a terminal width: name columns take what the fixed ones leave. */
struct layout {
	int family, child, age, plan, contact, risk, review, flags;
};

static struct layout layout_for(int width)
{
	struct layout l = {0, 0, 3, 4, 6, 11, 10, 0};
	int fixed = l.age + l.plan + l.contact + l.risk + l.review + 7;
	int rest = width - fixed - 16;

	l.flags = 16;
	l.family = rest * 5 / 10;
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

static char *format_row(const cb_caseload_row *r, const struct layout *l)
{
	static const char *const trend[] = {"", " safer", " same", " riskier"};
	char age[8], contact[16], risk[32], flags[64] = "";
	strbuf sb = {0};

	snprintf(age, sizeof age, r->child_age >= 0 ? "%d" : "?", r->child_age);
	if (r->days_since_contact >= 0)
		snprintf(contact, sizeof contact, "%dd", r->days_since_contact);
	else
		snprintf(contact, sizeof contact, "never");
	if (r->has_risk)
		snprintf(risk, sizeof risk, "%+g%s", r->risk_total, trend[r->trend]);
	else
		snprintf(risk, sizeof risk, "-");
	snprintf(flags, sizeof flags, "%s%s%s", r->flag_no_contact ? "!contact " : "",
		 r->flag_review_overdue ? "!review " : "", r->stalled_goals ? "!goals" : "");
	append_cell(&sb, r->family_name, l->family);
	append_cell(&sb, r->child_name, l->child);
	append_cell(&sb, age, l->age);
	append_cell(&sb, plan_label(r->plan), l->plan);
	append_cell(&sb, contact, l->contact);
	append_cell(&sb, risk, l->risk);
	append_cell(&sb, r->review_due ? r->review_due : "-", l->review);
	append_cell(&sb, flags, l->flags);
	return sb_take(&sb);
}

static void lay_out(cb_view *v)
{
	struct caseload_state *s = v->priv;
	struct layout l = layout_for(getmaxx(v->win));
	char **rows = xcalloc(s->cases.count + 1, sizeof *rows);

	for (size_t i = 0; i < s->cases.count; i++)
		rows[i] = format_row(&s->cases.rows[i], &l);
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
	append_cell(&sb, "REVIEW DUE", l.review);
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
		mvwaddstr(v->win, 3, 2, "No open cases. Import a caseload with `casebook import FILE`.");
	else {
		unpost_menu(s->list.menu);
		post_menu(s->list.menu);
	}
}

static enum cb_key_result caseload_key(cb_view *v, int key, enum cb_action action)
{
	struct caseload_state *s = v->priv;
	cb_err err = {0};

	(void)key;
	if (cb_list_move(&s->list, action))
		return CB_KEY_HANDLED;
	if (action == CB_ACTION_OPEN && s->cases.count > 0) {
		cb_app_push(v->app, &cb_case_view, s->cases.rows[cb_list_selected(&s->list)].case_id);
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
};
