/* plan_form.c: a plan change: the open plan episode ends the day the new one starts. */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

#include "core/labels.h"
#include "core/mem.h"
#include "store/casebrief.h"
#include "store/cases.h"
#include "store/records.h"
#include "ui/form_parts.h"

/* Position on the ladder none < early help < CIN < CP < LAC (domain-brief §1.14, §2.6). */
static int rung(const char *plan)
{
	for (int i = 0; plan && cb_plan_codes[i]; i++)
		if (strcmp(plan, cb_plan_codes[i]) == 0)
			return i;
	return -1;
}

/* "a step-down", "an escalation" or "" for a move from `from` to `to`. */
static const char *direction(const char *from, const char *to)
{
	int a = rung(from), b = rung(to);

	if (a < 0 || b < 0 || a == b)
		return "";
	return b < a ? " (a step-down)" : " (an escalation)";
}

/* "CIN to Early Help from 2026-11-01 (a step-down)". */
static void plan_summary(const cb_form_screen *fs, char *buf, size_t size)
{
	const cb_case_plan_ctx *c = fs->ctx;
	const char *to = cb_form_value(fs, "plan");

	if (c->current.plan && strcmp(c->current.plan, to) == 0)
		snprintf(buf, size, "Still %s: choose the plan it changes to", cb_plan_name(to));
	else
		snprintf(buf, size, "%s to %s from %s%s",
			 c->current.plan ? cb_plan_name(c->current.plan) : "No open plan",
			 cb_plan_name(to), cb_form_value(fs, "on"), direction(c->current.plan, to));
}

static enum cb_status plan_check(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	const cb_case_plan_ctx *c = fs->ctx;
	const char *on = cb_form_value(fs, "on"), *plan = cb_form_value(fs, "plan");

	*bad = cb_form_at(fs, "plan");
	if (c->current.plan && strcmp(c->current.plan, plan) == 0)
		return cb_fail(err, CB_INVALID, "The case is already on %s: choose the plan it "
			       "changes to", cb_plan_name(plan));
	*bad = cb_form_at(fs, "on");
	if (c->current.plan && strcmp(on, c->current.started_on) < 0)
		return cb_fail(err, CB_INVALID, "%s started on %s: the new plan cannot start "
			       "before that", cb_plan_name(c->current.plan), c->current.started_on);
	if (strcmp(on, c->brief.referred_on) < 0)
		return cb_fail(err, CB_INVALID, "The case was referred on %s: a plan cannot start "
			       "before that", c->brief.referred_on);
	if (strcmp(on, c->today) > 0)
		return cb_fail(err, CB_INVALID, "The start date is after today: record the change "
			       "when it has happened");
	return CB_OK;
}

static enum cb_status plan_writes(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	const cb_case_plan_ctx *c = fs->ctx;
	cb_store *st = cb_app_context(app)->store;
	const char *on = cb_form_value(fs, "on");
	char id[CB_UUID_LEN + 1] = "";
	const cb_field ended[] = {{"ended_on", on}};
	const cb_field started[] = {
		{"case_id", c->brief.case_id}, {"plan", cb_form_value(fs, "plan")}, {"started_on", on},
	};

	if (c->current.id && cb_record_update(st, "plan_episodes", c->current.id, ended, 1, err))
		return err->code;
	return cb_record_insert(st, "plan_episodes", id, started, 3, err);
}

static enum cb_status plan_save(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	const cb_case_plan_ctx *c = fs->ctx;
	const char *to = cb_form_value(fs, "plan");

	if (cb_form_write(fs, app, plan_writes, err))
		return err->code;
	cb_app_message(app, CB_STYLE_GOOD, "Plan now %s from %s%s: %s", cb_plan_name(to),
		       cb_form_value(fs, "on"), direction(c->current.plan, to), c->brief.child_name);
	return CB_OK;
}

static void add_inputs(cb_form_screen *fs, const cb_case_plan_ctx *c)
{
	char *now = c->current.plan
			    ? xasprintf("Now on %s since %s; that plan ends the day the new one starts.",
					cb_plan_name(c->current.plan), c->current.started_on)
			    : xstrdup("No plan is open on this case now.");

	cb_form_add(fs, &(cb_input){.label = now, .kind = CB_INPUT_NOTE}, "");
	cb_form_add(fs, &(cb_input){.key = "plan", .label = "New plan", .kind = CB_INPUT_CHOICE,
				    .required = true,
				    .help = "Space or Left/Right; N, E, C or L picks by first letter"},
		    c->current.plan ? c->current.plan : "none");
	for (size_t i = 0; cb_plan_codes[i]; i++)
		cb_form_add_option(fs, cb_plan_codes[i], cb_plan_name(cb_plan_codes[i]));
	cb_form_add(fs, &(cb_input){.key = "on", .label = "Starts on", .kind = CB_INPUT_DATE,
				    .required = true, .help = "YYYY-MM-DD; today unless you change it"},
		    c->today);
	free(now);
}

cb_view *cb_plan_form_open(cb_app *app, const char *case_id, const struct cb_draft *draft)
{
	cb_case_plan_ctx *c = cb_case_plan_ctx_load(app, case_id, "change its plan");
	cb_form_screen *fs;
	char *label;

	if (c == NULL)
		return NULL;
	label = cb_case_brief_label(&c->brief, c->today);
	fs = cb_form_new("Plan change", label, "plan", case_id);
	fs->ctx = c;
	fs->hooks = (cb_form_hooks){.summary = plan_summary, .check = plan_check, .save = plan_save,
				    .free_ctx = cb_case_plan_ctx_free};
	add_inputs(fs, c);
	cb_form_restore(fs, draft);
	free(label);
	return cb_form_open(app, fs);
}
