/* note_form.c: the contact and case note form: one key to open, typing, one key to save. */
#include "ui/screens.h"

#include <string.h>

#include "core/clock.h"
#include "core/labels.h"
#include "core/mem.h"
#include "store/casebrief.h"
#include "store/drafts.h"
#include "store/records.h"

static const char *const note_text_keys[] = {"worries", "working_well", "needs_to_happen", "text"};

static enum cb_status note_check(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	bool written = false;

	if (strcmp(cb_form_value(fs, "child_seen_alone"), "1") == 0 &&
	    strcmp(cb_form_value(fs, "child_seen"), "1") != 0) {
		*bad = (size_t)cb_form_find(fs, "child_seen");
		return cb_fail(err, CB_INVALID, "The child was seen alone, so tick 'Child seen' too");
	}
	for (size_t i = 0; i < sizeof note_text_keys / sizeof note_text_keys[0]; i++)
		written = written || cb_form_value(fs, note_text_keys[i])[0] != '\0';
	if (!written) {
		*bad = (size_t)cb_form_find(fs, "text");
		return cb_fail(err, CB_INVALID,
			       "Write what happened in the note, or answer one of the three questions");
	}
	return CB_OK;
}

/* An empty optional field is stored as NULL, not "". */
static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

static enum cb_status note_save(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	cb_store *st = cb_app_context(app)->store;
	char id[CB_UUID_LEN + 1] = "";
	const cb_field fields[] = {
		{"case_id", fs->draft_target},
		{"contact_type", cb_form_value(fs, "type")},
		{"occurred_at", cb_form_value(fs, "at")},
		{"duration_minutes", or_null(cb_form_value(fs, "duration"))},
		{"present", or_null(cb_form_value(fs, "present"))},
		{"child_seen", cb_form_value(fs, "child_seen")},
		{"child_seen_alone", cb_form_value(fs, "child_seen_alone")},
		{"worries", or_null(cb_form_value(fs, "worries"))},
		{"working_well", or_null(cb_form_value(fs, "working_well"))},
		{"needs_to_happen", or_null(cb_form_value(fs, "needs_to_happen"))},
		{"body", cb_form_value(fs, "text")},
		{"confidential", cb_form_value(fs, "confidential")},
	};
	enum cb_status rc;

	if ((rc = cb_store_begin(st, err)))
		return rc;
	rc = cb_record_insert(st, "notes", id, fields, sizeof fields / sizeof fields[0], err);
	if (rc == CB_OK)
		rc = cb_store_commit(st, err);
	if (rc) {
		cb_store_rollback(st);
		return rc;
	}
	cb_app_message(app, CB_STYLE_GOOD, "Note saved: %s", fs->context ? fs->context : "");
	return CB_OK;
}

static void add_inputs(cb_form_screen *fs)
{
	char now[17];

	cb_clock_local_minute(now);
	cb_form_add(fs, &(cb_input){.key = "type", .label = "Contact type", .kind = CB_INPUT_CHOICE,
				    .required = true}, "home_visit");
	for (size_t i = 0; cb_contact_types[i][0]; i++)
		cb_form_add_option(fs, cb_contact_types[i][0], cb_contact_types[i][1]);
	cb_form_add(fs, &(cb_input){.key = "at", .label = "Date and time", .kind = CB_INPUT_DATETIME,
				    .required = true, .help = "YYYY-MM-DDTHH:MM; now unless you change it"}, now);
	cb_form_add(fs, &(cb_input){.key = "duration", .label = "Minutes", .kind = CB_INPUT_NUMBER,
				    .min = 0, .max = 1440}, "");
	cb_form_add(fs, &(cb_input){.key = "present", .label = "Who was present",
				    .kind = CB_INPUT_TEXT}, "");
	cb_form_add(fs, &(cb_input){.key = "child_seen", .label = "Child seen",
				    .kind = CB_INPUT_TICK}, "0");
	cb_form_add(fs, &(cb_input){.key = "child_seen_alone", .label = "Child seen alone",
				    .kind = CB_INPUT_TICK}, "0");
	cb_form_add(fs, &(cb_input){.key = "worries", .label = "What are we worried about?",
				    .kind = CB_INPUT_LONGTEXT, .lines = 2}, "");
	cb_form_add(fs, &(cb_input){.key = "working_well", .label = "What's working well?",
				    .kind = CB_INPUT_LONGTEXT, .lines = 2}, "");
	cb_form_add(fs, &(cb_input){.key = "needs_to_happen", .label = "What needs to happen?",
				    .kind = CB_INPUT_LONGTEXT, .lines = 2}, "");
	cb_form_add(fs, &(cb_input){.key = "text", .label = "Note", .kind = CB_INPUT_LONGTEXT,
				    .lines = 4, .help = "What happened; Enter moves on, F2 or Ctrl-S saves"}, "");
	cb_form_add(fs, &(cb_input){.key = "confidential", .label = "Confidential",
				    .kind = CB_INPUT_TICK,
				    .help = "Child-owned or sensitive: left out of exports unless overridden"}, "0");
}

cb_view *cb_note_form_open(cb_app *app, const char *case_id, const struct cb_draft *draft)
{
	cb_case_brief brief;
	cb_form_screen *fs;
	cb_err err = {0};
	char *label;

	if (cb_case_brief_load(cb_app_context(app)->store, case_id, &brief, &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		return NULL;
	}
	label = cb_case_brief_label(&brief, cb_app_today(app));
	fs = cb_form_new("Contact and case note", label, "note", case_id);
	add_inputs(fs);
	for (size_t i = 0; draft && i < draft->count; i++)
		cb_form_set_value(fs, draft->keys[i], draft->values[i]);
	fs->hooks.check = note_check;
	fs->hooks.save = note_save;
	free(label);
	cb_case_brief_free(&brief);
	return cb_form_open(app, fs);
}
