/* form_parts.c: option tables, draft restoring and the one-transaction save for form screens. */
#include "ui/form_parts.h"

#include "store/casebrief.h"
#include "store/drafts.h"
#include "ui/view.h"

void cb_form_add_table(cb_form_screen *fs, const char *const table[][2])
{
	for (size_t i = 0; table[i][0]; i++)
		cb_form_add_option(fs, table[i][0], table[i][1]);
}

void cb_form_restore(cb_form_screen *fs, const struct cb_draft *draft)
{
	for (size_t i = 0; draft && i < draft->count; i++)
		if (draft->keys[i][0] != '\0')
			cb_form_set_value(fs, draft->keys[i], draft->values[i]);
}

size_t cb_form_at(const cb_form_screen *fs, const char *key)
{
	long i = cb_form_find(fs, key);
	return i < 0 ? 0 : (size_t)i;
}

const char *cb_or_null(const char *s)
{
	return s && *s ? s : NULL;
}

bool cb_form_open_case(cb_app *app, const char *case_id, const char *doing,
		       struct cb_case_brief *out)
{
	cb_err err = {0};

	if (cb_case_brief_load(cb_app_context(app)->store, case_id, out, &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		return false;
	}
	if (out->closed_on) {
		cb_app_message(app, CB_STYLE_ERROR, "%s's case was closed on %s, so you cannot %s",
			       out->child_name, out->closed_on, doing);
		cb_case_brief_free(out);
		return false;
	}
	return true;
}

enum cb_status cb_form_write(cb_form_screen *fs, cb_app *app, cb_form_writes writes, cb_err *err)
{
	cb_store *st = cb_app_context(app)->store;
	enum cb_status rc = cb_store_begin(st, err);

	if (rc)
		return rc;
	rc = writes(fs, app, err);
	if (rc == CB_OK)
		rc = cb_store_commit(st, err);
	if (rc)
		cb_store_rollback(st);
	return rc;
}
