/* closure_form.c: closing a case with a reason; its open plan episode ends the same day. */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

#include "core/labels.h"
#include "core/mem.h"
#include "store/casebrief.h"
#include "store/cases.h"
#include "store/records.h"
#include "ui/form_parts.h"

static enum cb_status closure_check(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	const cb_case_plan_ctx *c = fs->ctx;
	const char *on = cb_form_value(fs, "on");

	*bad = cb_form_at(fs, "on");
	if (strcmp(on, c->brief.referred_on) < 0)
		return cb_fail(err, CB_INVALID, "The case was referred on %s: it cannot close before "
			       "that", c->brief.referred_on);
	if (c->current.plan && strcmp(on, c->current.started_on) < 0)
		return cb_fail(err, CB_INVALID, "The %s plan started on %s: the case cannot close "
			       "before that", cb_plan_name(c->current.plan), c->current.started_on);
	if (strcmp(on, c->today) > 0)
		return cb_fail(err, CB_INVALID, "The closure date is after today: close the case on "
			       "or after the day it ends");
	return CB_OK;
}

static enum cb_status closure_writes(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	const cb_case_plan_ctx *c = fs->ctx;
	cb_store *st = cb_app_context(app)->store;
	const char *on = cb_form_value(fs, "on");
	const cb_field kase[] = {{"closed_on", on}, {"closure_reason", cb_form_value(fs, "reason")}};
	const cb_field ended[] = {{"ended_on", on}};

	if (cb_record_update(st, "cases", c->brief.case_id, kase, 2, err))
		return err->code;
	if (c->current.id == NULL)
		return CB_OK;
	return cb_record_update(st, "plan_episodes", c->current.id, ended, 1, err);
}

static enum cb_status closure_save(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	if (cb_form_write(fs, app, closure_writes, err))
		return err->code;
	cb_app_message(app, CB_STYLE_GOOD, "Case closed on %s: %s", cb_form_value(fs, "on"),
		       fs->context);
	return CB_OK;
}

static void add_inputs(cb_form_screen *fs, const cb_case_plan_ctx *c)
{
	char *facts = c->current.plan
			      ? xasprintf("Referred on %s; on %s since %s (that plan ends on the "
					  "closure date).", c->brief.referred_on,
					  cb_plan_name(c->current.plan), c->current.started_on)
			      : xasprintf("Referred on %s; no plan is open.", c->brief.referred_on);

	cb_form_add(fs, &(cb_input){.label = facts, .kind = CB_INPUT_NOTE}, "");
	cb_form_add(fs, &(cb_input){.key = "on", .label = "Closed on", .kind = CB_INPUT_DATE,
				    .required = true, .help = "YYYY-MM-DD; today unless you change it"},
		    c->today);
	cb_form_add(fs, &(cb_input){.key = "reason", .label = "Reason", .kind = CB_INPUT_LONGTEXT,
				    .lines = 2, .required = true,
				    .help = "Why it closes: e.g. goals achieved, stepped down to "
					    "universal services, moved away"}, "");
	free(facts);
}

cb_view *cb_closure_form_open(cb_app *app, const char *case_id, const struct cb_draft *draft)
{
	cb_case_plan_ctx *c = cb_case_plan_ctx_load(app, case_id, "close it again");
	cb_form_screen *fs;
	char *label;

	if (c == NULL)
		return NULL;
	label = cb_case_brief_label(&c->brief, c->today);
	fs = cb_form_new("Close the case", label, "closure", case_id);
	fs->ctx = c;
	fs->hooks = (cb_form_hooks){.check = closure_check, .save = closure_save,
				    .free_ctx = cb_case_plan_ctx_free};
	add_inputs(fs, c);
	cb_form_restore(fs, draft);
	free(label);
	return cb_form_open(app, fs);
}
