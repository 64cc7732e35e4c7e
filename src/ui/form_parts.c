/* form_parts.c: option tables, drafts, a case and its plan, one-transaction saves for forms. */
#include "ui/form_parts.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/mem.h"
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

cb_case_plan_ctx *cb_case_plan_ctx_load(cb_app *app, const char *case_id, const char *doing)
{
	cb_case_plan_ctx *c = xcalloc(1, sizeof *c);
	cb_err err = {0};

	snprintf(c->today, sizeof c->today, "%s", cb_app_today(app));
	if (!cb_form_open_case(app, case_id, doing, &c->brief)) {
		free(c);
		return NULL;
	}
	if (cb_plan_current(cb_app_context(app)->store, case_id, &c->current, &err) &&
	    err.code != CB_NOT_FOUND) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		cb_case_plan_ctx_free(c);
		return NULL;
	}
	return c;
}

void cb_case_plan_ctx_free(void *ctx)
{
	cb_case_plan_ctx *c = ctx;

	cb_case_brief_free(&c->brief);
	cb_plan_episode_free(&c->current);
	free(c);
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
