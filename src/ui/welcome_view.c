/* welcome_view.c: first run on a new database: set up who you are, or look at the sample. */
#include "ui/view.h"

#include <string.h>

#include "core/mem.h"
#include "store/records.h"
#include "store/drafts.h"
#include "ui/screens.h"
#include "ui/list.h"

struct welcome_state {
	cb_list list;
	int width, height;
};

static const char *const choices[] = {
	"Set up my casebook: my name, role and team",
	"Look at the sample casebook first (fictional families; nothing of yours)",
	"Quit",
};

static enum cb_status save_me(cb_store *st, const cb_form_screen *fs, char *prac, cb_err *err)
{
	char team[CB_UUID_LEN + 1] = "";
	const cb_field team_fields[] = {{"name", cb_form_value(fs, "team")}};
	const cb_field me[] = {
		{"name", cb_form_value(fs, "name")},
		{"role", cb_form_value(fs, "role")},
		{"team_id", team},
	};

	if (cb_record_insert(st, "teams", team, team_fields, 1, err) ||
	    cb_record_insert(st, "practitioners", prac, me, 3, err) ||
	    cb_store_meta_set(st, "practitioner_id", prac, err))
		return err->code;
	return CB_OK;
}

static enum cb_status about_you_save(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	cb_ui_context *ctx = cb_app_context_mut(app);
	char prac[CB_UUID_LEN + 1] = "";
	char *before = xstrdup(cb_store_actor(ctx->store));
	enum cb_status rc;

	/* The new practitioner is the author of their own record and of everything after. */
	cb_uuid_new(prac);
	cb_store_set_actor(ctx->store, prac);
	rc = cb_store_begin(ctx->store, err);
	if (rc == CB_OK && (rc = save_me(ctx->store, fs, prac, err)) == CB_OK)
		rc = cb_store_commit(ctx->store, err);
	if (rc) {
		cb_store_rollback(ctx->store);
		cb_store_set_actor(ctx->store, before);
		free(before);
		return rc;
	}
	free(before);
	free(ctx->practitioner_id);
	ctx->practitioner_id = xstrdup(prac);
	cb_app_message(app, CB_STYLE_GOOD, "Welcome, %s. Your casebook is ready.",
		       cb_form_value(fs, "name"));
	cb_app_go_home(app);
	return CB_OK;
}

cb_view *cb_first_run_form_open(cb_app *app, const char *target, const struct cb_draft *draft)
{
	cb_form_screen *fs = cb_form_new("Set up your casebook", "Who is using this casebook?",
					 "first-run", "");

	cb_form_add(fs, &(cb_input){.key = "name", .label = "Your name", .kind = CB_INPUT_TEXT,
				    .required = true, .help = "As colleagues and families know you"}, "");
	cb_form_add(fs, &(cb_input){.key = "role", .label = "Your role", .kind = CB_INPUT_CHOICE,
				    .required = true,
				    .help = "Supervisors see the whole team's cases on the home screen"},
		    "practitioner");
	cb_form_add_option(fs, "practitioner", "Family practitioner");
	cb_form_add_option(fs, "supervisor", "Supervisor (advanced social worker)");
	cb_form_add(fs, &(cb_input){.key = "team", .label = "Your team", .kind = CB_INPUT_TEXT,
				    .required = true, .help = "For example: North Pod"}, "");
	fs->hooks.save = about_you_save;
	(void)target;
	for (size_t i = 0; draft && i < draft->count; i++)
		cb_form_set_value(fs, draft->keys[i], draft->values[i]);
	return cb_form_open(app, fs);
}

static void lay_out(cb_view *v)
{
	struct welcome_state *s = v->priv;
	size_t n = sizeof choices / sizeof choices[0];
	char **rows = xcalloc(n + 1, sizeof *rows);

	for (size_t i = 0; i < n; i++)
		rows[i] = xasprintf("  %s", choices[i]);
	s->width = getmaxx(v->win);
	s->height = getmaxy(v->win);
	cb_list_show(&s->list, v->win, 6, (int)n, rows, n);
}

static void welcome_draw(cb_view *v)
{
	struct welcome_state *s = v->priv;

	if (s->width != getmaxx(v->win) || s->height != getmaxy(v->win))
		lay_out(v);
	cb_view_title(v->win, " Welcome to casebook", "");
	mvwaddstr(v->win, 2, 2, "This is a new, empty casebook. It lives only on this computer:");
	mvwaddstr(v->win, 3, 2, cb_store_path(cb_app_context(v->app)->store));
	mvwaddstr(v->win, 5, 2, "What would you like to do? (Up/Down, then Enter)");
	unpost_menu(s->list.menu);
	post_menu(s->list.menu);
}

static enum cb_key_result welcome_key(cb_view *v, int key, enum cb_action action)
{
	struct welcome_state *s = v->priv;

	(void)key;
	if (cb_list_move(&s->list, action))
		return CB_KEY_HANDLED;
	if (action != CB_ACTION_OPEN)
		return CB_KEY_UNHANDLED;
	switch (cb_list_selected(&s->list)) {
	case 0: cb_first_run_form_open(v->app, "", NULL); break;
	case 1: cb_app_finish(v->app, CB_UI_OPEN_SAMPLE); break;
	default: cb_app_finish(v->app, CB_UI_DONE); break;
	}
	return CB_KEY_HANDLED;
}

static void welcome_close(cb_view *v)
{
	struct welcome_state *s = v->priv;

	cb_list_free(&s->list);
}

const struct cb_view_ops cb_welcome_view = {
	.name = "welcome",
	.scope = CB_SCOPE_LIST,
	.private_size = sizeof(struct welcome_state),
	.draw = welcome_draw,
	.key = welcome_key,
	.close = welcome_close,
};
