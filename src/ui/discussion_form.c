/* discussion_form.c: recording a group case discussion: date, who was there, a decision per case, actions. */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

#include "core/dates.h"
#include "core/mem.h"
#include "store/staff.h"
#include "store/teamreview.h"
#include "ui/form_parts.h"

/* Slots on the form: cases discussed, and actions agreed. */
#define DISCUSSION_CASES 6
#define DISCUSSION_ACTIONS 5
/* An action is due this many days after the discussion unless changed. */
#define ACTION_DUE_DAYS 14

/* The team, its practitioners and open cases: the choices, kept for the checks and the save. */
struct discussion_ctx {
	char *team_id; /* NULL when the discussion is not one team's */
	char today[11];
	cb_practitioner *staff;
	size_t n_staff;
	cb_team_review cases;
};

static void free_ctx(void *p)
{
	struct discussion_ctx *c = p;

	free(c->team_id);
	cb_practitioners_free(c->staff, c->n_staff);
	cb_team_review_free(&c->cases);
	free(c);
}

/* Keys of the slot inputs: "case2", "decision2", "action1", "owner1", "due1", "for1". */
static char *slot_key(char *buf, size_t size, const char *name, int k)
{
	snprintf(buf, size, "%s%d", name, k);
	return buf;
}

static const char *slot_value(const cb_form_screen *fs, const char *name, int k)
{
	char key[32];
	return cb_form_value(fs, slot_key(key, sizeof key, name, k));
}

static size_t slot_at(const cb_form_screen *fs, const char *name, int k)
{
	char key[32];
	return cb_form_at(fs, slot_key(key, sizeof key, name, k));
}

static const char *child_of(const struct discussion_ctx *c, const char *case_id)
{
	for (size_t i = 0; i < c->cases.count; i++)
		if (strcmp(c->cases.cases[i].row->case_id, case_id) == 0)
			return c->cases.cases[i].row->child_name;
	return case_id;
}

/* ---- checks ---- */

static enum cb_status check_people(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	const struct discussion_ctx *c = fs->ctx;
	char key[128];

	if (strcmp(cb_form_value(fs, "held_on"), c->today) > 0) {
		*bad = cb_form_at(fs, "held_on");
		return cb_fail(err, CB_INVALID, "The date is after today: enter the day the "
			       "discussion was held");
	}
	if (c->n_staff == 0) /* nobody on the team to tick */
		return CB_OK;
	for (size_t i = 0; i < c->n_staff; i++) {
		snprintf(key, sizeof key, "att:%s", c->staff[i].id);
		if (strcmp(cb_form_value(fs, key), "1") == 0)
			return CB_OK;
	}
	snprintf(key, sizeof key, "att:%s", c->n_staff ? c->staff[0].id : "");
	*bad = cb_form_at(fs, key);
	return cb_fail(err, CB_INVALID, "Tick who was there (Space on each name)");
}

static enum cb_status check_case(const cb_form_screen *fs, int k, size_t *bad, cb_err *err)
{
	const char *kase = slot_value(fs, "case", k), *decision = slot_value(fs, "decision", k);

	*bad = slot_at(fs, "decision", k);
	if (*kase == '\0' && *decision != '\0')
		return cb_fail(err, CB_INVALID, "Choose which case decision %d is for in Case %d "
			       "(Space), or clear the decision (Ctrl-U)", k, k);
	if (*kase != '\0' && *decision == '\0')
		return cb_fail(err, CB_INVALID, "Write what was decided for %s, or set Case %d "
			       "back to (none)", child_of(fs->ctx, kase), k);
	for (int j = 1; *kase && j < k; j++)
		if (strcmp(slot_value(fs, "case", j), kase) == 0) {
			*bad = slot_at(fs, "case", k);
			return cb_fail(err, CB_INVALID, "%s is already Case %d: put everything "
				       "decided in that one decision", child_of(fs->ctx, kase), j);
		}
	return CB_OK;
}

static enum cb_status check_action(const cb_form_screen *fs, int k, size_t *bad, cb_err *err)
{
	const char *text = slot_value(fs, "action", k), *owner = slot_value(fs, "owner", k);
	const char *due = slot_value(fs, "due", k);

	if (*text == '\0' && *owner != '\0') {
		*bad = slot_at(fs, "action", k);
		return cb_fail(err, CB_INVALID, "Write what action %d is, or set its Who back to "
			       "(choose)", k);
	}
	if (*text == '\0')
		return CB_OK;
	if (*owner == '\0') {
		*bad = slot_at(fs, "owner", k);
		return cb_fail(err, CB_INVALID, "Choose who will do action %d (Space)", k);
	}
	if (*due && strcmp(due, cb_form_value(fs, "held_on")) < 0) {
		*bad = slot_at(fs, "due", k);
		return cb_fail(err, CB_INVALID, "Action %d is due before the discussion: give a "
			       "later date", k);
	}
	return CB_OK;
}

static enum cb_status discussion_check(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	bool any = false;

	if (check_people(fs, bad, err))
		return err->code;
	for (int k = 1; k <= DISCUSSION_CASES; k++) {
		if (check_case(fs, k, bad, err))
			return err->code;
		any = any || *slot_value(fs, "case", k);
	}
	for (int k = 1; k <= DISCUSSION_ACTIONS; k++) {
		if (check_action(fs, k, bad, err))
			return err->code;
		any = any || *slot_value(fs, "action", k);
	}
	if (!any) {
		*bad = slot_at(fs, "case", 1);
		return cb_fail(err, CB_INVALID, "Choose a case discussed (Space on Case 1), or "
			       "write an action");
	}
	return CB_OK;
}

/* ---- saving ---- */

/* The discussion as the form holds it; the strings are borrowed from fs. */
struct filled {
	const char **attendees;
	cb_discussed_case cases[DISCUSSION_CASES];
	cb_new_action actions[DISCUSSION_ACTIONS];
	cb_discussion d;
};

static void collect(const cb_form_screen *fs, struct filled *f)
{
	const struct discussion_ctx *c = fs->ctx;
	char key[128];

	f->attendees = xcalloc(c->n_staff + 1, sizeof *f->attendees);
	f->d = (cb_discussion){.team_id = c->team_id, .held_on = cb_form_value(fs, "held_on"),
			       .notes = cb_or_null(cb_form_value(fs, "notes")),
			       .attendees = f->attendees, .cases = f->cases,
			       .actions = f->actions};
	for (size_t i = 0; i < c->n_staff; i++) {
		snprintf(key, sizeof key, "att:%s", c->staff[i].id);
		if (strcmp(cb_form_value(fs, key), "1") == 0)
			f->attendees[f->d.n_attendees++] = c->staff[i].id;
	}
	for (int k = 1; k <= DISCUSSION_CASES; k++)
		if (*slot_value(fs, "case", k))
			f->cases[f->d.n_cases++] = (cb_discussed_case){
				slot_value(fs, "case", k), slot_value(fs, "decision", k)};
	for (int k = 1; k <= DISCUSSION_ACTIONS; k++)
		if (*slot_value(fs, "action", k))
			f->actions[f->d.n_actions++] = (cb_new_action){
				slot_value(fs, "action", k), cb_or_null(slot_value(fs, "owner", k)),
				cb_or_null(slot_value(fs, "due", k)),
				cb_or_null(slot_value(fs, "for", k))};
}

static enum cb_status discussion_save(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	struct filled *f = xcalloc(1, sizeof *f);
	char id[CB_UUID_LEN + 1];
	enum cb_status rc;

	collect(fs, f);
	rc = cb_discussion_save(cb_app_context(app)->store, &f->d, id, err);
	if (rc == CB_OK)
		cb_app_message(app, CB_STYLE_GOOD, "Discussion saved: %zu case%s, %zu action%s",
			       f->d.n_cases, f->d.n_cases == 1 ? "" : "s", f->d.n_actions,
			       f->d.n_actions == 1 ? "" : "s");
	free(f->attendees);
	free(f);
	return rc;
}

/* ---- the inputs ---- */

static void add_case_options(cb_form_screen *fs, const struct discussion_ctx *c,
			     const char *none)
{
	cb_form_add_option(fs, "", none);
	for (size_t i = 0; i < c->cases.count; i++) {
		const cb_caseload_row *r = c->cases.cases[i].row;
		char *label = r->child_age >= 0
				      ? xasprintf("%s (%d), %s", r->child_name, r->child_age,
						  r->family_name)
				      : xasprintf("%s, %s", r->child_name, r->family_name);
		cb_form_add_option(fs, r->case_id, label);
		free(label);
	}
}

static void add_people(cb_form_screen *fs, const struct discussion_ctx *c, const char *me)
{
	char key[128];

	cb_form_add(fs, &(cb_input){.key = "h_people", .label = "Who was there",
				    .kind = CB_INPUT_HEADING}, "");
	for (size_t i = 0; i < c->n_staff; i++) {
		snprintf(key, sizeof key, "att:%s", c->staff[i].id);
		cb_form_add(fs, &(cb_input){.key = key, .label = c->staff[i].name,
					    .kind = CB_INPUT_TICK,
					    .help = "Space ticks who was there"},
			    me && strcmp(me, c->staff[i].id) == 0 ? "1" : "0");
	}
}

static void add_cases(cb_form_screen *fs, const struct discussion_ctx *c, const char *case_id)
{
	char key[32], label[32];

	cb_form_add(fs, &(cb_input){.key = "h_cases", .label = "Cases discussed",
				    .kind = CB_INPUT_HEADING}, "");
	for (int k = 1; k <= DISCUSSION_CASES; k++) {
		snprintf(label, sizeof label, "Case %d", k);
		cb_form_add(fs, &(cb_input){.key = slot_key(key, sizeof key, "case", k),
					    .label = label, .kind = CB_INPUT_CHOICE,
					    .help = "Space or the child's first letter to choose"},
			    k == 1 && case_id ? case_id : "");
		add_case_options(fs, c, "(none)");
		cb_form_add(fs, &(cb_input){.key = slot_key(key, sizeof key, "decision", k),
					    .label = "Decision", .kind = CB_INPUT_LONGTEXT,
					    .lines = 2,
					    .help = "What was decided for this case; it goes in its "
						    "chronology"}, "");
	}
}

static void add_action(cb_form_screen *fs, const struct discussion_ctx *c, int k,
		       const char *due, const char *case_id)
{
	char key[32], label[32];

	snprintf(label, sizeof label, "Action %d", k);
	cb_form_add(fs, &(cb_input){.key = slot_key(key, sizeof key, "action", k), .label = label,
				    .kind = CB_INPUT_TEXT, .help = "What needs doing"}, "");
	cb_form_add(fs, &(cb_input){.key = slot_key(key, sizeof key, "owner", k), .label = "Who",
				    .kind = CB_INPUT_CHOICE, .help = "Who will do it (Space)"}, "");
	cb_form_add_option(fs, "", "(choose)");
	for (size_t i = 0; i < c->n_staff; i++)
		cb_form_add_option(fs, c->staff[i].id, c->staff[i].name);
	cb_form_add(fs, &(cb_input){.key = slot_key(key, sizeof key, "due", k), .label = "Due",
				    .kind = CB_INPUT_DATE, .help = "YYYY-MM-DD; two weeks unless "
				    "you change it"}, due);
	cb_form_add(fs, &(cb_input){.key = slot_key(key, sizeof key, "for", k),
				    .label = "For case", .kind = CB_INPUT_CHOICE,
				    .help = "The case it is for; it shows on that case"},
		    case_id ? case_id : "");
	add_case_options(fs, c, "(the team as a whole)");
}

static void add_inputs(cb_form_screen *fs, const struct discussion_ctx *c, const char *me,
		       const char *case_id)
{
	char due[11];
	cb_date d;

	cb_date_parse(c->today, &d);
	cb_date_format(cb_date_from_days(cb_date_days(d) + ACTION_DUE_DAYS), due);
	cb_form_add(fs, &(cb_input){.key = "held_on", .label = "Date", .kind = CB_INPUT_DATE,
				    .required = true, .help = "The day of the discussion; today "
				    "unless you change it"}, c->today);
	add_people(fs, c, me);
	add_cases(fs, c, case_id);
	cb_form_add(fs, &(cb_input){.key = "h_actions", .label = "Actions agreed",
				    .kind = CB_INPUT_HEADING}, "");
	for (int k = 1; k <= DISCUSSION_ACTIONS; k++)
		add_action(fs, c, k, due, case_id);
	cb_form_add(fs, &(cb_input){.key = "notes", .label = "Notes", .kind = CB_INPUT_LONGTEXT,
				    .lines = 2, .help = "Anything else about the discussion"}, "");
}

/* ---- opening ---- */

/* The team's active practitioners (everyone's when team_id is NULL). */
static enum cb_status load_staff(cb_store *st, struct discussion_ctx *c, cb_err *err)
{
	size_t kept = 0;

	if (cb_practitioners_load(st, &c->staff, &c->n_staff, err))
		return err->code;
	for (size_t i = 0; i < c->n_staff; i++) {
		cb_practitioner *p = &c->staff[i];
		if (c->team_id == NULL || (p->team_id && strcmp(p->team_id, c->team_id) == 0)) {
			c->staff[kept++] = *p;
		} else {
			free(p->id);
			free(p->name);
			free(p->team_id);
		}
	}
	c->n_staff = kept;
	return CB_OK;
}

static char *context_line(cb_store *st, const struct discussion_ctx *c)
{
	cb_team *teams = NULL;
	size_t n = 0;
	cb_err err = {0};
	char *line = NULL;

	if (c->team_id && cb_teams_load(st, &teams, &n, &err) == CB_OK)
		for (size_t i = 0; i < n && line == NULL; i++)
			if (strcmp(teams[i].id, c->team_id) == 0)
				line = xasprintf("%s: %zu open cases", teams[i].name, c->cases.count);
	cb_teams_free(teams, n);
	return line ? line : xasprintf("All teams: %zu open cases", c->cases.count);
}

cb_view *cb_discussion_form_open(cb_app *app, const char *team_id, const char *case_id,
				 const struct cb_draft *draft)
{
	struct discussion_ctx *c = xcalloc(1, sizeof *c);
	const cb_ui_context *ui = cb_app_context(app);
	cb_form_screen *fs;
	cb_err err = {0};
	char *context;

	c->team_id = xstrdup_or_null(team_id && *team_id ? team_id : NULL);
	snprintf(c->today, sizeof c->today, "%s", cb_app_today(app));
	if (load_staff(ui->store, c, &err) ||
	    cb_team_review_load(ui->store, c->team_id, c->today, &c->cases, &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		free_ctx(c);
		return NULL;
	}
	cb_team_review_sort(&c->cases, CB_TEAM_BY_FAMILY);
	context = context_line(ui->store, c);
	fs = cb_form_new("Group case discussion", context, "supervision", c->team_id);
	fs->ctx = c;
	fs->hooks = (cb_form_hooks){.check = discussion_check, .save = discussion_save,
				    .free_ctx = free_ctx};
	add_inputs(fs, c, ui->practitioner_id, case_id);
	cb_form_restore(fs, draft);
	free(context);
	return cb_form_open(app, fs);
}
