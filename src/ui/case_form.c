/* case_form.c: a referral for a child of a family: the case, its referral and starting plan. */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

#include "core/dates.h"
#include "core/labels.h"
#include "core/mem.h"
#include "store/cases.h"
#include "store/families.h"
#include "store/records.h"
#include "store/staff.h"
#include "ui/form_parts.h"

#define NFA_REASON "Referral closed: no further action"

/* What the checks and the save need: the family, its children and today. */
struct case_ctx {
	cb_store *st;
	char *family_id, *family_name;
	cb_member *kids;
	size_t n_kids;
	char today[11];
};

static void free_ctx(void *p)
{
	struct case_ctx *c = p;

	cb_members_free(c->kids, c->n_kids);
	free(c->family_id);
	free(c->family_name);
	free(c);
}

static const cb_member *chosen_child(const cb_form_screen *fs)
{
	const struct case_ctx *c = fs->ctx;
	const char *id = cb_form_value(fs, "child");

	for (size_t i = 0; i < c->n_kids; i++)
		if (strcmp(c->kids[i].person_id, id) == 0)
			return &c->kids[i];
	return NULL;
}

/* "Zofia Nowak: CIN from 2026-11-01", or what NFA will do. */
static void case_summary(const cb_form_screen *fs, char *buf, size_t size)
{
	const cb_member *kid = chosen_child(fs);
	const char *name = kid ? kid->name : "(no child chosen)";

	if (strcmp(cb_form_value(fs, "outcome"), "nfa") == 0)
		snprintf(buf, size, "%s: no further action; the case is closed the same day", name);
	else if (strcmp(cb_form_value(fs, "plan"), "none") == 0)
		snprintf(buf, size, "%s: case open from %s, no plan yet", name, cb_form_value(fs, "on"));
	else
		snprintf(buf, size, "%s: %s plan from %s", name,
			 cb_plan_name(cb_form_value(fs, "plan")), cb_form_value(fs, "on"));
}

/* The child must exist, be born by the referral date and have no open case already. */
static enum cb_status check_child(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	const struct case_ctx *c = fs->ctx;
	const cb_member *kid = chosen_child(fs);
	char *open = NULL, *referred = NULL;
	enum cb_status rc;

	*bad = cb_form_at(fs, "child");
	if (kid == NULL)
		return cb_fail(err, CB_INVALID, "Choose the child the referral is about");
	if (kid->born && strcmp(kid->born, cb_form_value(fs, "on")) > 0) {
		*bad = cb_form_at(fs, "on");
		return cb_fail(err, CB_INVALID, "%s was born on %s, after the referral date: check "
			       "the date", kid->name, kid->born);
	}
	rc = cb_child_open_case(c->st, kid->person_id, &open, &referred, err);
	if (rc == CB_OK && open)
		rc = cb_fail(err, CB_INVALID,
			     "%s has an open case (referred %s): use it, or close it first (C)",
			     kid->name, referred);
	free(open);
	free(referred);
	return rc;
}

/* NFA opens no plan; a referral that went to early help starts on an Early Help plan. */
static enum cb_status check_outcome(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	const char *outcome = cb_form_value(fs, "outcome"), *plan = cb_form_value(fs, "plan");

	*bad = cb_form_at(fs, "plan");
	if (strcmp(outcome, "nfa") == 0 && strcmp(plan, "none") != 0)
		return cb_fail(err, CB_INVALID,
			       "No further action closes the referral: set the starting plan to None");
	if (strcmp(outcome, "early_help") == 0 && strcmp(plan, "early_help") != 0)
		return cb_fail(err, CB_INVALID,
			       "The referral went to early help: set the starting plan to Early Help");
	return CB_OK;
}

static enum cb_status case_check(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	const struct case_ctx *c = fs->ctx;

	if (strcmp(cb_form_value(fs, "on"), c->today) > 0) {
		*bad = cb_form_at(fs, "on");
		return cb_fail(err, CB_INVALID,
			       "The referral date is after today: enter the day the referral came in");
	}
	if (check_child(fs, bad, err))
		return err->code;
	return check_outcome(fs, bad, err);
}

static enum cb_status case_writes(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	const struct case_ctx *c = fs->ctx;
	cb_store *st = cb_app_context(app)->store;
	const char *on = cb_form_value(fs, "on"), *source = cb_form_value(fs, "source");
	bool nfa = strcmp(cb_form_value(fs, "outcome"), "nfa") == 0;
	char case_id[CB_UUID_LEN + 1] = "", ref_id[CB_UUID_LEN + 1] = "", plan_id[CB_UUID_LEN + 1] = "";
	const cb_field kase[] = {
		{"family_id", c->family_id},
		{"child_id", cb_form_value(fs, "child")},
		{"referred_on", on},
		{"referral_source", source},
		{"need", cb_form_value(fs, "need")},
		{"practitioner_id", cb_or_null(cb_form_value(fs, "practitioner"))},
		{"team_id", cb_or_null(cb_form_value(fs, "team"))},
		{"closed_on", nfa ? on : NULL},
		{"closure_reason", nfa ? NFA_REASON : NULL},
	};
	const cb_field referral[] = {
		{"case_id", case_id}, {"referred_on", on}, {"source", source},
		{"outcome", cb_form_value(fs, "outcome")},
	};
	const cb_field plan[] = {
		{"case_id", case_id}, {"plan", cb_form_value(fs, "plan")}, {"started_on", on},
	};

	if (cb_record_insert(st, "cases", case_id, kase, sizeof kase / sizeof kase[0], err) ||
	    cb_record_insert(st, "referrals", ref_id, referral, 4, err))
		return err->code;
	return nfa ? CB_OK : cb_record_insert(st, "plan_episodes", plan_id, plan, 3, err);
}

static enum cb_status case_save(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	const cb_member *kid = chosen_child(fs);

	if (cb_form_write(fs, app, case_writes, err))
		return err->code;
	if (strcmp(cb_form_value(fs, "outcome"), "nfa") == 0)
		cb_app_message(app, CB_STYLE_GOOD, "Referral for %s recorded as NFA; case closed",
			       kid->name);
	else if (strcmp(cb_form_value(fs, "plan"), "none") == 0)
		cb_app_message(app, CB_STYLE_GOOD, "Case opened: %s, no plan yet", kid->name);
	else
		cb_app_message(app, CB_STYLE_GOOD, "Case opened: %s, %s from %s", kid->name,
			       cb_plan_name(cb_form_value(fs, "plan")), cb_form_value(fs, "on"));
	return CB_OK;
}

static void add_children(cb_form_screen *fs, const struct case_ctx *c)
{
	cb_date born, today;

	cb_date_parse(c->today, &today);
	cb_form_add(fs, &(cb_input){.key = "child", .label = "Child", .kind = CB_INPUT_CHOICE,
				    .required = true, .help = "Whose case this is: Space to choose"},
		    c->kids[0].person_id);
	for (size_t i = 0; i < c->n_kids; i++) {
		char *label = c->kids[i].born && cb_date_parse(c->kids[i].born, &born)
				      ? xasprintf("%s (%d)", c->kids[i].name, cb_age_years(born, today))
				      : xasprintf("%s (age not known)", c->kids[i].name);
		cb_form_add_option(fs, c->kids[i].person_id, label);
		free(label);
	}
}

/* Practitioner (the app's user by default) and team (theirs by default). */
static void add_allocation(cb_form_screen *fs, cb_app *app, cb_store *st)
{
	cb_practitioner *ps = NULL;
	cb_team *ts = NULL;
	size_t np = 0, nt = 0;
	cb_err err = {0};
	const cb_practitioner *me;

	cb_practitioners_load(st, &ps, &np, &err);
	cb_teams_load(st, &ts, &nt, &err);
	me = cb_practitioner_find(ps, np, cb_app_context(app)->practitioner_id);
	if (me == NULL)
		me = cb_practitioner_find(ps, np, cb_store_actor(st));
	cb_form_add(fs, &(cb_input){.key = "practitioner", .label = "Allocated to",
				    .kind = CB_INPUT_CHOICE}, me ? me->id : "");
	cb_form_add_option(fs, "", "(not allocated yet)");
	for (size_t i = 0; i < np; i++)
		cb_form_add_option(fs, ps[i].id, ps[i].name);
	cb_form_add(fs, &(cb_input){.key = "team", .label = "Team", .kind = CB_INPUT_CHOICE},
		    me && me->team_id ? me->team_id : nt == 1 ? ts[0].id : "");
	cb_form_add_option(fs, "", "(no team)");
	for (size_t i = 0; i < nt; i++)
		cb_form_add_option(fs, ts[i].id, ts[i].name);
	cb_practitioners_free(ps, np);
	cb_teams_free(ts, nt);
}

static void add_inputs(cb_form_screen *fs, cb_app *app, const struct case_ctx *c)
{
	add_children(fs, c);
	cb_form_add(fs, &(cb_input){.key = "on", .label = "Referral date", .kind = CB_INPUT_DATE,
				    .required = true, .help = "YYYY-MM-DD; today unless you change it"},
		    c->today);
	cb_form_add(fs, &(cb_input){.key = "source", .label = "Referred by", .kind = CB_INPUT_TEXT,
				    .required = true,
				    .help = "Who referred: e.g. school, police, health visitor, GP, family"},
		    "");
	cb_form_add(fs, &(cb_input){.key = "need", .label = "Category of need",
				    .kind = CB_INPUT_CHOICE, .required = true,
				    .help = "Primary need at assessment: Space to choose"}, "");
	cb_form_add_option(fs, "", "(choose)");
	cb_form_add_table(fs, cb_needs);
	add_allocation(fs, app, c->st);
	cb_form_add(fs, &(cb_input){.key = "outcome", .label = "Referral outcome",
				    .kind = CB_INPUT_CHOICE, .required = true,
				    .help = "No further action closes the case the same day"}, "accepted");
	cb_form_add_table(fs, cb_referral_outcomes);
	cb_form_add(fs, &(cb_input){.key = "plan", .label = "Starting plan", .kind = CB_INPUT_CHOICE,
				    .required = true, .help = "Starts on the referral date"}, "none");
	for (size_t i = 0; cb_plan_codes[i]; i++)
		cb_form_add_option(fs, cb_plan_codes[i], cb_plan_name(cb_plan_codes[i]));
}

cb_view *cb_case_form_open(cb_app *app, const char *family_id, const struct cb_draft *draft)
{
	struct case_ctx *c = xcalloc(1, sizeof *c);
	cb_form_screen *fs;
	cb_err err = {0};
	char *context;

	c->st = cb_app_context(app)->store;
	c->family_id = xstrdup(family_id);
	snprintf(c->today, sizeof c->today, "%s", cb_app_today(app));
	if (cb_family_label(c->st, family_id, &c->family_name, &err) ||
	    cb_family_children_load(c->st, family_id, &c->kids, &c->n_kids, &err) ||
	    c->n_kids == 0) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.code ? err.msg
				: "No child is recorded in this family, so no case can be opened");
		free_ctx(c);
		return NULL;
	}
	context = xasprintf("%s: a new case for one of its children", c->family_name);
	fs = cb_form_new("Referral: new case", context, "case", family_id);
	fs->ctx = c;
	fs->hooks = (cb_form_hooks){.summary = case_summary, .check = case_check, .save = case_save,
				    .free_ctx = free_ctx};
	add_inputs(fs, app, c);
	cb_form_restore(fs, draft);
	free(context);
	return cb_form_open(app, fs);
}
