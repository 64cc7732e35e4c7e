/* case_view.c: one case on seven tabs: summary, chronology, assessments, goals, alliance, people, plans. */
#include "ui/case_view.h"

#include <stdio.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "ui/chart.h"
#include "ui/labels.h"
#include "ui/screens.h"

static const char *const tab_names[CASE_TAB_COUNT] = {
	"Summary", "Chronology", "Assessments", "Goals", "Alliance", "People", "Plan history",
};

/* What each tab is about, on the line under the tab bar (it does not scroll). */
static const char *const captions[CASE_TAB_COUNT] = {
	"Risk framework totals: higher is safer.",
	"Newest first; an amendment follows the note it corrects.",
	"Each scale over time (oldest to newest), first and latest.",
	"Progress is 0-10 at each review; active goals first.",
	"Goal, task, bond 1-7 each; alliance = their sum, out of 21; higher is better.",
	"The family's members, adults first; ages as of today.",
	"Plans oldest first; an open plan's weeks run to today.",
};

static void (*const builders[CASE_TAB_COUNT])(cb_view *, cb_pager *) = {
	case_tab_summary, case_tab_chronology, case_tab_assessments, case_tab_goals,
	case_tab_alliance, case_tab_people, case_tab_plans,
};

/* ---- helpers shared by the tabs (case_view.h) ---- */

void case_fmt_score(char *buf, size_t size, double v)
{
	char *end;

	snprintf(buf, size, "%.2f", v);
	end = buf + strlen(buf);
	while (end > buf && end[-1] == '0')
		*--end = '\0';
	if (end > buf && end[-1] == '.')
		*--end = '\0';
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, size, "0");
}

void case_fmt_when(char *buf, size_t size, const char *when)
{
	snprintf(buf, size, "%.10s%s%.5s", when, strlen(when) > 11 ? " " : "",
		 strlen(when) > 11 ? when + 11 : "");
}

void case_cell(strbuf *sb, const char *text, int width)
{
	char *cell;

	if (width < 1)
		return;
	cell = xmalloc(4 * (size_t)width + 1);
	cb_text_fit(cell, text, width);
	sb_append(sb, cell);
	sb_append(sb, " ");
	free(cell);
}

const cb_instrument *case_instrument(const cb_view *v, const char *id)
{
	const cb_form_set *forms = cb_app_context(v->app)->forms;
	return forms ? cb_forms_find(forms, id) : NULL;
}

const cb_scale *case_scale(const cb_instrument *ins, const char *scale)
{
	long i = ins ? cb_instrument_scale(ins, scale) : -1;
	return i >= 0 ? &ins->scales[i] : NULL;
}

void case_spark(char *out, size_t size, const double *values, size_t n, const cb_scale *scale)
{
	double lo = n ? values[0] : 0, hi = lo;

	for (size_t i = 1; i < n; i++) {
		lo = values[i] < lo ? values[i] : lo;
		hi = values[i] > hi ? values[i] : hi;
	}
	if (scale && scale->max > scale->min) {
		lo = scale->min;
		hi = scale->max;
	}
	cb_sparkline(out, size, values, n, lo, hi, CASE_SPARK_WIDTH);
}

void case_series_spark(char *out, size_t size, const cb_series *s, const char *rater,
		       const cb_scale *scale)
{
	double *values = xcalloc(s->count + 1, sizeof *values);
	size_t n = 0;

	for (size_t i = 0; i < s->count; i++)
		if (rater == NULL || strcmp(s->points[i].rater, rater) == 0)
			values[n++] = s->points[i].value;
	case_spark(out, size, values, n, scale);
	free(values);
}

const char *case_change_word(enum cb_change change, const cb_scale *scale, bool safety)
{
	bool higher_better = scale == NULL || scale->better == CB_BETTER_HIGHER;

	switch (change) {
	case CB_CHANGE_SAME: return "no change";
	case CB_CHANGE_UP: return higher_better ? (safety ? "safer" : "better")
						: (safety ? "riskier" : "worse");
	case CB_CHANGE_DOWN: return higher_better ? (safety ? "riskier" : "worse")
						  : (safety ? "safer" : "better");
	default: return "";
	}
}

/* ---- loading ---- */

static void free_data(struct case_state *s)
{
	cb_case_header_free(&s->header);
	cb_case_people_free(&s->people);
	cb_chronology_free(&s->chron);
	cb_case_series_free(&s->series);
	cb_alliance_free(&s->alliance);
}

static enum cb_status load(cb_view *v, cb_err *err)
{
	struct case_state *s = v->priv;
	cb_store *st = cb_app_context(v->app)->store;
	const char *today = cb_app_today(v->app);
	enum cb_status rc;

	free_data(s);
	if ((rc = cb_case_header_load(st, s->case_id, today, &s->header, err)) ||
	    (rc = cb_case_people_load(st, s->case_id, today, &s->people, err)) ||
	    (rc = cb_chronology_load(st, s->case_id, today, &s->chron, err)) ||
	    (rc = cb_case_series_load(st, s->case_id, &s->series, err)) ||
	    (rc = cb_alliance_load(st, s->case_id, &s->alliance, err)))
		free_data(s);
	return rc;
}

static enum cb_status case_open(cb_view *v, const void *arg, cb_err *err)
{
	struct case_state *s = v->priv;

	if (arg == NULL)
		return cb_fail(err, CB_ERROR, "no case was chosen; pick one on the caseload");
	s->case_id = xstrdup(arg);
	return load(v, err);
}

void cb_case_view_focus_note(cb_view *v, const char *note_id)
{
	struct case_state *s = v->priv;

	free(s->focus_note);
	s->focus_note = xstrdup(note_id);
	s->tops[s->tab] = s->pager.top;
	s->tab = CASE_TAB_CHRONOLOGY;
}

static void case_close(cb_view *v)
{
	struct case_state *s = v->priv;

	free(s->focus_note);
	free_data(s);
	cb_pager_free(&s->pager);
	free(s->case_id);
}

/* ---- drawing ---- */

static void draw_title(cb_view *v)
{
	struct case_state *s = v->priv;
	const cb_case_header *h = &s->header;
	char age[16] = "";
	char *title, *right;

	if (h->child_age >= 0)
		snprintf(age, sizeof age, ", %d", h->child_age);
	title = xasprintf(" %s — %s%s", h->family_name, h->child_name, age);
	right = xasprintf("%s%s  case %s ", h->closed_on ? "CLOSED  " : "",
			  h->plan ? cb_label(CB_LABEL_PLAN, h->plan) : "no plan", h->case_id);
	cb_view_title(v->win, title, right);
	free(title);
	free(right);
}

/* The tab bar: " 1 Summary [2 Chronology] 3 Assessments ..."; the current tab also reversed. */
static void draw_tabs(cb_view *v)
{
	struct case_state *s = v->priv;
	int width = getmaxx(v->win), x = 0;

	for (int t = 0; t < CASE_TAB_COUNT; t++) {
		const char *name = t == CASE_TAB_PLANS && width < 90 ? "Plans" : tab_names[t];
		bool current = (enum case_tab)t == s->tab;
		char label[40];
		int n = snprintf(label, sizeof label, "%c%d %s%c", current ? '[' : ' ', t + 1, name,
				 current ? ']' : ' ');

		if (x + n > width)
			break;
		wattrset(v->win, current ? cb_display_attr(CB_STYLE_SELECTED) : (int)A_NORMAL);
		mvwaddstr(v->win, 1, x, label);
		x += n;
	}
	wattrset(v->win, A_NORMAL);
}

/* Line 2: what the tab shows, and where the view is when it scrolls. */
static void draw_caption(cb_view *v, int height)
{
	struct case_state *s = v->priv;
	const cb_pager *p = &s->pager;
	int width = getmaxx(v->win), pw = 0;
	char pos[48] = "", *cap = xmalloc(4 * (size_t)width + 1);

	if (p->count > (size_t)height) {
		size_t last = p->top + (size_t)height < p->count ? p->top + (size_t)height : p->count;
		pw = snprintf(pos, sizeof pos, " rows %zu-%zu of %zu ", p->top + 1, last, p->count);
	}
	cb_text_fit(cap, captions[s->tab], width - pw > 0 ? width - pw : 0);
	wattrset(v->win, cb_display_attr(CB_STYLE_DIM));
	mvwaddstr(v->win, 2, 0, cap);
	wattrset(v->win, A_BOLD);
	if (pw && pw < width)
		mvwaddstr(v->win, 2, width - pw, pos);
	wattrset(v->win, A_NORMAL);
	free(cap);
}

static void case_draw(cb_view *v)
{
	struct case_state *s = v->priv;
	int height = getmaxy(v->win) - CASE_BODY_TOP;

	draw_title(v);
	draw_tabs(v);
	cb_pager_begin(&s->pager, getmaxx(v->win));
	builders[s->tab](v, &s->pager);
	if (s->pager.count == 0)
		cb_pager_add(&s->pager, A_NORMAL, 2, 2, "Nothing recorded yet.");
	cb_pager_draw(&s->pager, v->win, CASE_BODY_TOP, height > 0 ? height : 0);
	draw_caption(v, height);
}

/* ---- keys ---- */

static void show_tab(struct case_state *s, int tab)
{
	s->tops[s->tab] = s->pager.top;
	s->tab = (enum case_tab)((tab + CASE_TAB_COUNT) % CASE_TAB_COUNT);
	s->pager.top = s->tops[s->tab];
}

static enum cb_key_result case_key(cb_view *v, int key, enum cb_action action)
{
	struct case_state *s = v->priv;
	cb_err err = {0};

	if (cb_case_action(v->app, action, s->case_id))
		return CB_KEY_HANDLED;
	switch (action) {
	case CB_ACTION_NEXT_TAB: show_tab(s, (int)s->tab + 1); return CB_KEY_HANDLED;
	case CB_ACTION_PREV_TAB: show_tab(s, (int)s->tab - 1); return CB_KEY_HANDLED;
	case CB_ACTION_GOTO_TAB: show_tab(s, key - '1'); return CB_KEY_HANDLED;
	case CB_ACTION_REFRESH:
		if (load(v, &err))
			cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
		clearok(curscr, TRUE);
		return err.code ? CB_KEY_CLOSE : CB_KEY_HANDLED;
	default:
		return cb_pager_scroll(&s->pager, action) ? CB_KEY_HANDLED : CB_KEY_UNHANDLED;
	}
}

/* Back from a form: show what was just saved. */
static void case_resume(cb_view *v)
{
	cb_err err = {0};

	if (load(v, &err))
		cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
}

const struct cb_view_ops cb_case_view = {
	.name = "case",
	.scope = CB_SCOPE_CASE,
	.private_size = sizeof(struct case_state),
	.open = case_open,
	.draw = case_draw,
	.key = case_key,
	.close = case_close,
	.resume = case_resume,
};
