/* family_form.c: a new family and its people (then the offer to open a case), or changes to one. */
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
#include "ui/labels.h"

#define SLOTS 6     /* people rows on a new family */
#define ADD_SLOTS 3 /* rows for people joining a family already recorded */

/* What the check and save hooks need beyond the values. */
struct family_ctx {
	cb_store *st;
	char today[11];
	char *next_ref;
	int slots;                       /* empty people rows */
	bool editing;                    /* a family already recorded, as below */
	cb_family before;                /* editing: the family as it was */
	cb_member *members;              /* editing: its people as they were */
	size_t n_members;
	char family_id[CB_UUID_LEN + 1]; /* editing: the family; new: set when saved */
};

/* The keys of an existing person's fields: "m2_name", "m2_born". */
struct member_keys {
	char name[32], born[32];
};

static struct member_keys member_keys(size_t i)
{
	struct member_keys k;

	snprintf(k.name, sizeof k.name, "m%zu_name", i + 1);
	snprintf(k.born, sizeof k.born, "m%zu_born", i + 1);
	return k;
}

/* People are numbered on the form: those recorded first, then the empty rows. */
static int slot_number(const struct family_ctx *c, int slot)
{
	return (int)c->n_members + slot + 1;
}

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
	cb_family_free(&c->before);
	cb_members_free(c->members, c->n_members);
	free(c);
}

/* "1 main caregiver, 1 child (13)": who is filled in so far. */
static void people_summary(const cb_form_screen *fs, char *buf, size_t size)
{
	const struct family_ctx *c = fs->ctx;
	strbuf sb = {0};
	cb_date born, today;

	cb_date_parse(c->today, &today);
	for (size_t i = 0; i < c->n_members + (size_t)c->slots; i++) {
		bool member = i < c->n_members;
		struct member_keys m = member_keys(i);
		struct slot_keys k = slot_keys((int)(i - c->n_members));
		const char *rel = member ? c->members[i].relationship : cb_form_value(fs, k.rel);
		if (cb_form_value(fs, member ? m.name : k.name)[0] == '\0')
			continue;
		sb_appendf(&sb, "%s%s", sb.len ? ", " : "People: ", cb_label_of(cb_relationships, rel));
		if (cb_date_parse(cb_form_value(fs, member ? m.born : k.born), &born))
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
	if (cb_family_ref_taken(c->st, ref, c->editing ? c->family_id : NULL, &taken, err))
		return err->code;
	if (taken)
		return cb_fail(err, CB_INVALID,
			       "Another family has %s already: use %s, the next free one", ref,
			       c->next_ref);
	return CB_OK;
}

/* One person: a child needs a date of birth (scores depend on age), and none is in the future. */
static enum cb_status check_person(const cb_form_screen *fs, int number, const char *rel,
				   const char *born_key, size_t *bad, cb_err *err)
{
	const struct family_ctx *c = fs->ctx;
	const char *born = cb_form_value(fs, born_key);

	*bad = cb_form_at(fs, born_key);
	if (strcmp(rel, "child") == 0 && born[0] == '\0')
		return cb_fail(err, CB_INVALID,
			       "Person %d is a child: enter the date of birth (scores depend on age)",
			       number);
	if (born[0] != '\0' && strcmp(born, c->today) > 0)
		return cb_fail(err, CB_INVALID,
			       "Person %d's date of birth is after today: check the year", number);
	return CB_OK;
}

/* An empty people row: a name makes it count. */
static enum cb_status check_slot(const cb_form_screen *fs, int slot, size_t *bad, cb_err *err)
{
	struct slot_keys k = slot_keys(slot);
	int number = slot_number(fs->ctx, slot);

	if (cb_form_value(fs, k.name)[0] != '\0')
		return check_person(fs, number, cb_form_value(fs, k.rel), k.born, bad, err);
	if (cb_form_value(fs, k.born)[0] != '\0') {
		*bad = cb_form_at(fs, k.name);
		return cb_fail(err, CB_INVALID, "Person %d: write the name, or clear the date of birth",
			       number);
	}
	return CB_OK;
}

/* Someone already in the family: their name may be corrected, not cleared. */
static enum cb_status check_member(const cb_form_screen *fs, size_t i, size_t *bad, cb_err *err)
{
	const struct family_ctx *c = fs->ctx;
	struct member_keys k = member_keys(i);

	if (cb_form_value(fs, k.name)[0] == '\0') {
		*bad = cb_form_at(fs, k.name);
		return cb_fail(err, CB_INVALID,
			       "Person %zu needs a name: correct it rather than clear it", i + 1);
	}
	return check_person(fs, (int)i + 1, c->members[i].relationship, k.born, bad, err);
}

static enum cb_status family_check(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	const struct family_ctx *c = fs->ctx;
	bool anchor = c->editing; /* a family already recorded has its people */

	if (check_ref(fs, bad, err))
		return err->code;
	for (size_t i = 0; i < c->n_members; i++)
		if (check_member(fs, i, bad, err))
			return err->code;
	for (int i = 0; i < c->slots; i++) {
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

/* Editing: the family's own fields, if any changed (an unchanged row is not written, so
 * sync sees no edit to conflict with). */
static enum cb_status update_family(cb_form_screen *fs, cb_store *st, const cb_field family[3],
				    cb_err *err)
{
	const struct family_ctx *c = fs->ctx;

	if (strcmp(cb_form_value(fs, "ref"), c->before.ref) == 0 &&
	    strcmp(cb_form_value(fs, "name"), c->before.name) == 0 &&
	    strcmp(cb_form_value(fs, "address"), c->before.address) == 0)
		return CB_OK;
	return cb_record_update(st, "families", c->family_id, family, 3, err);
}

static bool member_changed(const cb_form_screen *fs, size_t i)
{
	const struct family_ctx *c = fs->ctx;
	struct member_keys k = member_keys(i);
	const char *born = c->members[i].born ? c->members[i].born : "";

	return strcmp(cb_form_value(fs, k.name), c->members[i].name) != 0 ||
	       strcmp(cb_form_value(fs, k.born), born) != 0;
}

static enum cb_status update_members(cb_form_screen *fs, cb_store *st, cb_err *err)
{
	const struct family_ctx *c = fs->ctx;

	for (size_t i = 0; i < c->n_members; i++) {
		struct member_keys k = member_keys(i);
		const cb_field person[] = {
			{"name", cb_form_value(fs, k.name)},
			{"born", cb_or_null(cb_form_value(fs, k.born))},
		};
		if (member_changed(fs, i) &&
		    cb_record_update(st, "people", c->members[i].person_id, person, 2, err))
			return err->code;
	}
	return CB_OK;
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

	if (c->editing) {
		if (update_family(fs, st, family, err) || update_members(fs, st, err))
			return err->code;
	} else {
		c->family_id[0] = '\0';
		if (cb_record_insert(st, "families", c->family_id, family, 3, err))
			return err->code;
	}
	for (int i = 0; i < c->slots; i++)
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

/* Editing: what changed, in words. */
static void say_edited(cb_app *app, const cb_form_screen *fs, int added)
{
	const struct family_ctx *c = fs->ctx;
	int corrected = 0;

	for (size_t i = 0; i < c->n_members; i++)
		corrected += member_changed(fs, i);
	cb_app_message(app, CB_STYLE_GOOD, "Family %s saved: %d %s corrected, %d added%s",
		       cb_form_value(fs, "ref"), corrected, corrected == 1 ? "person" : "people",
		       added, added ? " (R opens a case for a child)" : "");
}

static enum cb_status family_save(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	const struct family_ctx *c = fs->ctx;
	int people = 0;
	bool child = false;

	if (cb_form_write(fs, app, family_writes, err))
		return err->code;
	for (int i = 0; i < c->slots; i++) {
		struct slot_keys k = slot_keys(i);
		const char *rel = cb_form_value(fs, k.rel);
		if (cb_form_value(fs, k.name)[0] == '\0')
			continue;
		people++;
		child = child || strcmp(rel, "child") == 0 || strcmp(rel, "sibling") == 0;
	}
	if (c->editing)
		say_edited(app, fs, people);
	else
		offer_case(app, fs, people, child);
	return CB_OK;
}

static void add_slot(cb_form_screen *fs, int slot)
{
	const struct family_ctx *c = fs->ctx;
	struct slot_keys k = slot_keys(slot);
	int number = slot_number(c, slot);
	char name[32], rel[32], born[32];

	snprintf(name, sizeof name, "Person %d name", number);
	snprintf(rel, sizeof rel, "Person %d is", number);
	snprintf(born, sizeof born, "Person %d born", number);
	cb_form_add(fs, &(cb_input){.key = k.name, .label = name, .kind = CB_INPUT_TEXT,
				    .help = "Full name; leave the row empty if there is no one else"}, "");
	cb_form_add(fs, &(cb_input){.key = k.rel, .label = rel, .kind = CB_INPUT_CHOICE,
				    .required = true},
		    number == 1 ? "main_caregiver" : "child");
	cb_form_add_table(fs, cb_relationships);
	cb_form_add(fs, &(cb_input){.key = k.born, .label = born, .kind = CB_INPUT_DATE,
				    .help = "Date of birth, YYYY-MM-DD; needed for a child"}, "");
}

/* Editing: each person already in the family, their name and date of birth as recorded. */
static void add_member(cb_form_screen *fs, size_t i)
{
	const struct family_ctx *c = fs->ctx;
	const cb_member *m = &c->members[i];
	struct member_keys k = member_keys(i);
	char name[64], born[48];

	snprintf(name, sizeof name, "Person %zu (%s)", i + 1,
		 cb_label(CB_LABEL_RELATIONSHIP, m->relationship));
	snprintf(born, sizeof born, "Person %zu born", i + 1);
	cb_form_add(fs, &(cb_input){.key = k.name, .label = name, .kind = CB_INPUT_TEXT,
				    .required = true, .help = "Correct the name if it is wrong"}, m->name);
	cb_form_add(fs, &(cb_input){.key = k.born, .label = born, .kind = CB_INPUT_DATE,
				    .help = "Date of birth, YYYY-MM-DD; needed for a child"},
		    m->born ? m->born : "");
}

static void add_inputs(cb_form_screen *fs, const struct family_ctx *c)
{
	char *help = xasprintf("Unique; %s is the next free one", c->next_ref);

	cb_form_add(fs, &(cb_input){.key = "ref", .label = "Family reference", .kind = CB_INPUT_TEXT,
				    .required = true, .help = help},
		    c->editing ? c->before.ref : c->next_ref);
	cb_form_add(fs, &(cb_input){.key = "name", .label = "Family name", .kind = CB_INPUT_TEXT,
				    .required = true, .help = "As the family would want it, e.g. Okafor family"},
		    c->editing ? c->before.name : "");
	cb_form_add(fs, &(cb_input){.key = "address", .label = "Address", .kind = CB_INPUT_TEXT},
		    c->editing ? c->before.address : "");
	if (c->n_members > 0)
		cb_form_add(fs, &(cb_input){.label = "People in the family", .kind = CB_INPUT_HEADING},
			    "");
	for (size_t i = 0; i < c->n_members; i++)
		add_member(fs, i);
	cb_form_add(fs, &(cb_input){.label = c->editing ? "Someone joining the family (empty rows are left out)"
							: "People (one row each; empty rows are left out)",
				    .kind = CB_INPUT_HEADING}, "");
	for (int i = 0; i < c->slots; i++)
		add_slot(fs, i);
	free(help);
}

/* Loads what the form starts from: the next free reference and, editing, the family. */
static enum cb_status load_ctx(struct family_ctx *c, const char *family_id, cb_err *err)
{
	if (cb_family_next_ref(c->st, &c->next_ref, err))
		return err->code;
	if (family_id == NULL)
		return CB_OK;
	c->editing = true;
	snprintf(c->family_id, sizeof c->family_id, "%s", family_id);
	if (cb_family_load(c->st, family_id, &c->before, err) ||
	    cb_members_load(c->st, family_id, &c->members, &c->n_members, err))
		return err->code;
	return CB_OK;
}

/* family_id NULL: a new family. */
static cb_view *open_form(cb_app *app, const char *family_id, const struct cb_draft *draft)
{
	struct family_ctx *c = xcalloc(1, sizeof *c);
	cb_form_screen *fs;
	cb_err err = {0};
	char *title;

	c->st = cb_app_context(app)->store;
	c->slots = family_id ? ADD_SLOTS : SLOTS;
	snprintf(c->today, sizeof c->today, "%s", cb_app_today(app));
	if (load_ctx(c, family_id, &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		free_ctx(c);
		return NULL;
	}
	title = family_id ? xasprintf("Family %s (%s)", c->before.name, c->before.ref)
			  : xstrdup("New family");
	fs = cb_form_new(title, family_id ? "Correct the family's details, or add someone"
					  : "A family and the people in it",
			 "family", family_id ? family_id : "");
	free(title);
	fs->ctx = c;
	fs->hooks = (cb_form_hooks){.summary = people_summary, .check = family_check,
				    .save = family_save, .free_ctx = free_ctx};
	add_inputs(fs, c);
	cb_form_restore(fs, draft);
	return cb_form_open(app, fs);
}

cb_view *cb_family_form_open(cb_app *app, const struct cb_draft *draft)
{
	return open_form(app, NULL, draft);
}

cb_view *cb_family_edit_form_open(cb_app *app, const char *family_id, const struct cb_draft *draft)
{
	return open_form(app, family_id, draft);
}
