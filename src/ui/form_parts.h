/* form_parts.h: what the form screens share: option tables, drafts, a case and its plan, saving. */
#ifndef CASEBOOK_UI_FORM_PARTS_H
#define CASEBOOK_UI_FORM_PARTS_H

#include <stdbool.h>

#include "store/casebrief.h"
#include "store/cases.h"
#include "ui/form_view.h"

struct cb_draft;
struct cb_case_brief;

/* Adds each code/label pair of a NULL-terminated labels table (core/labels.h) as an
 * option of the last CHOICE input added. */
void cb_form_add_table(cb_form_screen *fs, const char *const table[][2]);

/* Puts a draft's values back into the form; NULL does nothing. */
void cb_form_restore(cb_form_screen *fs, const struct cb_draft *draft);

/* The index of the input with that key, for a check hook's *bad (0 if there is none). */
size_t cb_form_at(const cb_form_screen *fs, const char *key);

/* NULL for "": an empty optional field is stored as NULL. */
const char *cb_or_null(const char *s);

/*
 * Loads the brief of the case a form is about. If there is no such case, or
 * it is closed (a closed case takes no more goals, reviews or plan changes),
 * shows why ("... so you cannot <doing>") and returns false; the caller frees
 * *out with cb_case_brief_free only after true.
 */
bool cb_form_open_case(cb_app *app, const char *case_id, const char *doing,
		       struct cb_case_brief *out);

/* A case and its open plan episode: what the plan-change and closure forms start from. */
typedef struct cb_case_plan_ctx {
	cb_case_brief brief;
	cb_plan_episode current; /* plan NULL when none is open */
	char today[11];
} cb_case_plan_ctx;

/*
 * Loads it for a form about an open case; if the case is closed or cannot be
 * read, shows why ("... so you cannot <doing>") and returns NULL. The form
 * frees it through its free_ctx hook, cb_case_plan_ctx_free.
 */
cb_case_plan_ctx *cb_case_plan_ctx_load(cb_app *app, const char *case_id, const char *doing);
void cb_case_plan_ctx_free(void *ctx);

/* The writes of one save; called inside the transaction. */
typedef enum cb_status (*cb_form_writes)(cb_form_screen *fs, cb_app *app, cb_err *err);

/* Runs writes between BEGIN IMMEDIATE and COMMIT, rolling back if either fails. */
enum cb_status cb_form_write(cb_form_screen *fs, cb_app *app, cb_form_writes writes, cb_err *err);

#endif
