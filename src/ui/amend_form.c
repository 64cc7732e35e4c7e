/* amend_form.c: an amendment to a note: the original shown, a reason, the corrected texts. */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

#include "core/labels.h"
#include "core/mem.h"
#include "core/text.h"
#include "store/casebrief.h"
#include "store/notes.h"
#include "store/records.h"
#include "ui/chooser.h"
#include "ui/form_parts.h"

#define RECENT_NOTES 20

/* Form keys of the four texts, in cb_note_text order, and the questions they answer
 * (not const: cb_input's strings are plain char *, copied by cb_form_add). */
static char *const text_keys[CB_NOTE_TEXTS] = {"worries", "working_well", "needs_to_happen",
					       "text"};
static char *const text_labels[CB_NOTE_TEXTS] = {
	"What are we worried about?", "What's working well?", "What needs to happen?", "Note"};

static void free_ctx(void *p)
{
	cb_note *n = p;

	cb_note_free(n);
	free(n);
}

/* Which texts the form changes (borrowed from fs), and how many. */
static int changes(const cb_form_screen *fs, const char *changed[CB_NOTE_TEXTS])
{
	const char *proposed[CB_NOTE_TEXTS];

	for (int t = 0; t < CB_NOTE_TEXTS; t++)
		proposed[t] = cb_form_value(fs, text_keys[t]);
	return cb_note_changes(fs->ctx, proposed, changed);
}

static enum cb_status amend_check(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	const char *changed[CB_NOTE_TEXTS];

	if (changes(fs, changed) == 0) {
		*bad = cb_form_at(fs, "worries");
		return cb_fail(err, CB_INVALID, "Nothing changed: correct one of the texts below, or "
			       "press Esc to leave it as is");
	}
	return CB_OK;
}

static enum cb_status amend_writes(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	const cb_note *n = fs->ctx;
	const char *changed[CB_NOTE_TEXTS];
	char id[CB_UUID_LEN + 1] = "";
	cb_field fields[2 + CB_NOTE_TEXTS] = {
		{"note_id", n->id}, {"reason", cb_form_value(fs, "reason")},
	};

	changes(fs, changed);
	for (int t = 0; t < CB_NOTE_TEXTS; t++)
		fields[2 + t] = (cb_field){cb_note_text_columns[t], changed[t]};
	return cb_record_insert(cb_app_context(app)->store, "note_amendments", id, fields,
				2 + CB_NOTE_TEXTS, err);
}

static enum cb_status amend_save(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	const cb_note *n = fs->ctx;

	if (cb_form_write(fs, app, amend_writes, err))
		return err->code;
	cb_app_message(app, CB_STYLE_GOOD, "Amendment saved: %s of %s",
		       cb_contact_type_name(n->contact_type), n->occurred_at);
	return CB_OK;
}

/* A read-only line of the form; text is squeezed onto one line (the caller keeps it). */
static void add_line(cb_form_screen *fs, const char *label, const char *text)
{
	size_t len = strlen(label);
	char *flat = cb_text_squeeze(text);
	char *line = xasprintf("%s%s %s", label, len && label[len - 1] == '?' ? "" : ":",
			       *flat ? flat : "-");

	cb_form_add(fs, &(cb_input){.label = line, .kind = CB_INPUT_NOTE}, "");
	free(line);
	free(flat);
}

/* "Amended 2026-02-02 by prac-ann: <reason>. New note: ..." for each earlier amendment. */
static void add_amendments(cb_form_screen *fs, const cb_note *n)
{
	for (size_t i = 0; i < n->n_amendments; i++) {
		const cb_amendment *a = &n->amendments[i];
		strbuf sb = {0};
		sb_appendf(&sb, "Amended %.10s by %s: %s.", a->created_at, a->created_by, a->reason);
		for (int t = 0; t < CB_NOTE_TEXTS; t++) {
			char *flat = a->text[t] ? cb_text_squeeze(a->text[t]) : NULL;
			if (flat)
				sb_appendf(&sb, " %s %s", text_labels[t], *flat ? flat : "(cleared)");
			free(flat);
		}
		char *line = sb_take(&sb);
		cb_form_add(fs, &(cb_input){.label = line, .kind = CB_INPUT_NOTE}, "");
		free(line);
	}
}

static void add_original(cb_form_screen *fs, const cb_note *n)
{
	char *head = xasprintf("%s on %s%s, as first written:", cb_contact_type_name(n->contact_type),
			       n->occurred_at, n->confidential ? " (confidential)" : "");

	cb_form_add(fs, &(cb_input){.label = head, .kind = CB_INPUT_HEADING}, "");
	for (int t = 0; t < CB_NOTE_TEXTS; t++)
		add_line(fs, text_labels[t], n->original[t]);
	add_amendments(fs, n);
	free(head);
}

static void add_inputs(cb_form_screen *fs, const cb_note *n)
{
	add_original(fs, n);
	cb_form_add(fs, &(cb_input){.label = "The amendment (the original stays on record)",
				    .kind = CB_INPUT_HEADING}, "");
	cb_form_add(fs, &(cb_input){.key = "reason", .label = "Reason", .kind = CB_INPUT_TEXT,
				    .required = true,
				    .help = "Why the record is corrected; both versions stay visible"}, "");
	for (int t = 0; t < CB_NOTE_TEXTS; t++) {
		char *now = cb_text_squeeze(n->current[t]);
		cb_form_add(fs, &(cb_input){.key = text_keys[t], .label = text_labels[t],
					    .kind = CB_INPUT_LONGTEXT, .lines = t == CB_NOTE_BODY ? 4 : 2,
					    .help = "As it should read; Ctrl-U clears the field"}, now);
		free(now);
	}
}

cb_view *cb_amend_form_open(cb_app *app, const char *note_id, const struct cb_draft *draft)
{
	cb_store *st = cb_app_context(app)->store;
	cb_note *n = xcalloc(1, sizeof *n);
	cb_case_brief brief;
	cb_form_screen *fs;
	cb_err err = {0};
	char *label;

	if (cb_note_load(st, note_id, n, &err) || cb_case_brief_load(st, n->case_id, &brief, &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		free_ctx(n);
		return NULL;
	}
	label = cb_case_brief_label(&brief, cb_app_today(app));
	fs = cb_form_new("Amend a note", label, "amendment", note_id);
	fs->ctx = n;
	fs->hooks = (cb_form_hooks){.check = amend_check, .save = amend_save, .free_ctx = free_ctx};
	add_inputs(fs, n);
	cb_form_restore(fs, draft);
	free(label);
	cb_case_brief_free(&brief);
	return cb_form_open(app, fs);
}

static void note_chosen(cb_app *app, const char *note_id, void *ctx)
{
	(void)ctx;
	cb_amend_form_open(app, note_id, NULL);
}

/* "2026-10-12 10:30  Home visit  Ada showed me her room… (amended 1x)". The caller frees it. */
static char *note_label(const cb_note_line *l)
{
	char when[17];

	snprintf(when, sizeof when, "%s", l->occurred_at);
	if (strlen(when) > 10)
		when[10] = ' ';
	if (l->amendments)
		return xasprintf("%s  %s  %s  (amended %dx)", when, cb_contact_type_name(l->contact_type),
				 l->summary, l->amendments);
	return xasprintf("%s  %s  %s", when, cb_contact_type_name(l->contact_type), l->summary);
}

cb_view *cb_amend_chooser_open(cb_app *app, const char *case_id)
{
	cb_note_line *lines = NULL;
	size_t n = 0;
	cb_err err = {0};
	char **labels = NULL;
	const char **values = NULL;
	cb_view *v = NULL;

	if (cb_notes_recent(cb_app_context(app)->store, case_id, RECENT_NOTES, &lines, &n, &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		goto out;
	}
	if (n == 0) {
		cb_app_message(app, CB_STYLE_WARN, "This case has no notes to amend");
		goto out;
	}
	labels = xcalloc(n, sizeof *labels);
	values = xcalloc(n, sizeof *values);
	for (size_t i = 0; i < n; i++) {
		labels[i] = note_label(&lines[i]);
		values[i] = lines[i].id;
	}
	v = cb_chooser_open(app, " Amend which note? (the 20 most recent)",
			    (const char *const *)labels, values, n, note_chosen, NULL, NULL);
out:
	for (size_t i = 0; labels && i < n; i++)
		free(labels[i]);
	free(labels);
	free(values);
	cb_note_lines_free(lines, n);
	return v;
}
