/* family_form.c: a new family and up to six of its people, then the offer to open a case. */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

#include "core/dates.h"
#include "core/labels.h"
#include "core/mem.h"
#include "store/families.h"
#include "store/records.h"
#include "ui/chooser.h"
#include "ui/form_parts.h"

#define SLOTS 6

/* What the check and save hooks need beyond the values. */
struct family_ctx {
	cb_store *st;
	char today[11];
	char *next_ref;
	char family_id[CB_UUID_LEN + 1]; /* set when saved */
};

/* The keys of one person slot: "p3_name", "p3_rel", "p3_born". */
struct slot_keys {
	char name[24], rel[24], born[24];
};

static struct slot_keys slot_keys(int slot)
{
	struct slot_keys k;

	snprintf(k.name, sizeof k.name, "p%d_name", slot + 1);
	snprintf(k.rel, sizeof k.rel, "p%d_rel", slot + 1);
	snprintf(k.born, sizeof k.born, "p%d_born", slot + 1);
	return k;
}

static void free_ctx(void *p)
{
	struct family_ctx *c = p;

	free(c->next_ref);
	free(c);
}

/* "1 main caregiver, 1 child (13)": who is filled in so far. */
static void people_summary(const cb_form_screen *fs, char *buf, size_t size)
{
	const struct family_ctx *c = fs->ctx;
	strbuf sb = {0};
	cb_date born, today;

	cb_date_parse(c->today, &today);
	for (int i = 0; i < SLOTS; i++) {
		struct slot_keys k = slot_keys(i);
		const char *rel = cb_form_value(fs, k.rel);
		if (cb_form_value(fs, k.name)[0] == '\0')
			continue;
		sb_appendf(&sb, "%s%s", sb.len ? ", " : "People: ", cb_label_of(cb_relationships, rel));
		if (cb_date_parse(cb_form_value(fs, k.born), &born))
			sb_appendf(&sb, " (%d)", cb_age_years(born, today));
	}
	snprintf(buf, size, "%s", sb.len ? sb_str(&sb) : "People: none yet (fill a row per person)");
	sb_free(&sb);
}

static enum cb_status check_ref(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	const struct family_ctx *c = fs->ctx;
	const char *ref = cb_form_value(fs, "ref");
	bool taken = false;

	*bad = cb_form_at(fs, "ref");
	if (cb_family_ref_taken(c->st, ref, &taken, err))
		return err->code;
	if (taken)
		return cb_fail(err, CB_INVALID,
			       "Another family has %s already: use %s, the next free one", ref,
			       c->next_ref);
	return CB_OK;
}

/* One person row: a name makes it count; a child needs a date of birth, none in the future. */
static enum cb_status check_slot(const cb_form_screen *fs, int slot, size_t *bad, cb_err *err)
{
	const struct family_ctx *c = fs->ctx;
	struct slot_keys k = slot_keys(slot);
	const char *name = cb_form_value(fs, k.name), *born = cb_form_value(fs, k.born);

	*bad = cb_form_at(fs, k.born);
	if (name[0] == '\0' && born[0] != '\0') {
		*bad = cb_form_at(fs, k.name);
		return cb_fail(err, CB_INVALID, "Person %d: write the name, or clear the date of birth",
			       slot + 1);
	}
	if (name[0] != '\0' && strcmp(cb_form_value(fs, k.rel), "child") == 0 && born[0] == '\0')
		return cb_fail(err, CB_INVALID,
			       "Person %d is a child: enter the date of birth (scores depend on age)",
			       slot + 1);
	if (born[0] != '\0' && strcmp(born, c->today) > 0)
		return cb_fail(err, CB_INVALID,
			       "Person %d's date of birth is after today: check the year", slot + 1);
	return CB_OK;
}

static enum cb_status family_check(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	bool anchor = false;

	if (check_ref(fs, bad, err))
		return err->code;
	for (int i = 0; i < SLOTS; i++) {
		struct slot_keys k = slot_keys(i);
		const char *rel = cb_form_value(fs, k.rel);
		if (check_slot(fs, i, bad, err))
			return err->code;
		if (cb_form_value(fs, k.name)[0] != '\0' &&
		    (strcmp(rel, "child") == 0 || strcmp(rel, "main_caregiver") == 0))
			anchor = true;
	}
	if (!anchor) {
		*bad = cb_form_at(fs, "p1_name");
		return cb_fail(err, CB_INVALID,
			       "Add at least one child or main caregiver in the people rows");
	}
	return CB_OK;
}

static enum cb_status write_person(cb_form_screen *fs, cb_store *st, int slot, cb_err *err)
{
	const struct family_ctx *c = fs->ctx;
	struct slot_keys k = slot_keys(slot);
	char id[CB_UUID_LEN + 1] = "";
	const cb_field person[] = {
		{"name", cb_form_value(fs, k.name)},
		{"born", cb_or_null(cb_form_value(fs, k.born))},
	};

	if (cb_record_insert(st, "people", id, person, 2, err))
		return err->code;
	return cb_family_member_insert(st, c->family_id, id, cb_form_value(fs, k.rel), err);
}

static enum cb_status family_writes(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	struct family_ctx *c = fs->ctx;
	cb_store *st = cb_app_context(app)->store;
	const cb_field family[] = {
		{"family_ref", cb_form_value(fs, "ref")},
		{"name", cb_form_value(fs, "name")},
		{"address", cb_or_null(cb_form_value(fs, "address"))},
	};

	c->family_id[0] = '\0';
	if (cb_record_insert(st, "families", c->family_id, family, 3, err))
		return err->code;
	for (int i = 0; i < SLOTS; i++)
		if (cb_form_value(fs, slot_keys(i).name)[0] != '\0' && write_person(fs, st, i, err))
			return err->code;
	return CB_OK;
}

static void offer_chosen(cb_app *app, const char *value, void *family_id)
{
	if (strcmp(value, "yes") == 0)
		cb_case_form_open(app, family_id, NULL);
	else
		cb_app_message(app, CB_STYLE_NORMAL, "Family saved; no case opened (/ finds it later)");
}

/* After saving: a case can be opened straight away when the family has a child. */
static void offer_case(cb_app *app, const cb_form_screen *fs, int people, bool child)
{
	const struct family_ctx *c = fs->ctx;
	static const char *const labels[] = {"Yes: record the referral and open a case",
					     "No, not now"};
	static const char *const values[] = {"yes", "no"};
	char *title;

	cb_app_message(app, CB_STYLE_GOOD, "Family %s saved with %d %s", cb_form_value(fs, "ref"),
		       people, people == 1 ? "person" : "people");
	if (!child)
		return;
	title = xasprintf(" %s (%s) saved. Open a case now?", cb_form_value(fs, "name"),
			  cb_form_value(fs, "ref"));
	cb_chooser_open(app, title, labels, values, 2, offer_chosen, xstrdup(c->family_id), free);
	free(title);
}

static enum cb_status family_save(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	int people = 0;
	bool child = false;

	if (cb_form_write(fs, app, family_writes, err))
		return err->code;
	for (int i = 0; i < SLOTS; i++) {
		struct slot_keys k = slot_keys(i);
		const char *rel = cb_form_value(fs, k.rel);
		if (cb_form_value(fs, k.name)[0] == '\0')
			continue;
		people++;
		child = child || strcmp(rel, "child") == 0 || strcmp(rel, "sibling") == 0;
	}
	offer_case(app, fs, people, child);
	return CB_OK;
}

static void add_slot(cb_form_screen *fs, int slot)
{
	struct slot_keys k = slot_keys(slot);
	char name[32], rel[32], born[32];

	snprintf(name, sizeof name, "Person %d name", slot + 1);
	snprintf(rel, sizeof rel, "Person %d is", slot + 1);
	snprintf(born, sizeof born, "Person %d born", slot + 1);
	cb_form_add(fs, &(cb_input){.key = k.name, .label = name, .kind = CB_INPUT_TEXT,
				    .help = "Full name; leave the row empty if there is no one else"}, "");
	cb_form_add(fs, &(cb_input){.key = k.rel, .label = rel, .kind = CB_INPUT_CHOICE,
				    .required = true}, slot == 0 ? "main_caregiver" : "child");
	cb_form_add_table(fs, cb_relationships);
	cb_form_add(fs, &(cb_input){.key = k.born, .label = born, .kind = CB_INPUT_DATE,
				    .help = "Date of birth, YYYY-MM-DD; needed for a child"}, "");
}

static void add_inputs(cb_form_screen *fs, const struct family_ctx *c)
{
	char *help = xasprintf("Unique; %s is the next free one", c->next_ref);

	cb_form_add(fs, &(cb_input){.key = "ref", .label = "Family reference", .kind = CB_INPUT_TEXT,
				    .required = true, .help = help}, c->next_ref);
	cb_form_add(fs, &(cb_input){.key = "name", .label = "Family name", .kind = CB_INPUT_TEXT,
				    .required = true, .help = "As the family would want it, e.g. Okafor family"},
		    "");
	cb_form_add(fs, &(cb_input){.key = "address", .label = "Address", .kind = CB_INPUT_TEXT}, "");
	cb_form_add(fs, &(cb_input){.label = "People (one row each; empty rows are left out)",
				    .kind = CB_INPUT_HEADING}, "");
	for (int i = 0; i < SLOTS; i++)
		add_slot(fs, i);
	free(help);
}

cb_view *cb_family_form_open(cb_app *app, const struct cb_draft *draft)
{
	struct family_ctx *c = xcalloc(1, sizeof *c);
	cb_form_screen *fs;
	cb_err err = {0};

	c->st = cb_app_context(app)->store;
	snprintf(c->today, sizeof c->today, "%s", cb_app_today(app));
	if (cb_family_next_ref(c->st, &c->next_ref, &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		free_ctx(c);
		return NULL;
	}
	fs = cb_form_new("New family", "A family and the people in it", "family", "");
	fs->ctx = c;
	fs->hooks = (cb_form_hooks){.summary = people_summary, .check = family_check,
				    .save = family_save, .free_ctx = free_ctx};
	add_inputs(fs, c);
	cb_form_restore(fs, draft);
	return cb_form_open(app, fs);
}
