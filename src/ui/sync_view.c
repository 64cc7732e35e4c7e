/* sync_view.c: the sync screen (S): export and import bundles, open conflicts, recent exchanges. */
#include "ui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "sync/sync.h"
#include "ui/list.h"
#include "ui/prompt.h"

#define HISTORY_ROWS 6
#define LIST_TOP 5

struct sync_state {
	cb_sync_identity me;
	cb_conflict *conflicts;
	size_t n_conflicts;
	cb_sync_event *history;
	size_t n_history;
	cb_list list;
	int width, height;
};

static void unload(struct sync_state *s)
{
	cb_sync_identity_free(&s->me);
	cb_conflicts_free(s->conflicts, s->n_conflicts);
	cb_sync_history_free(s->history, s->n_history);
	s->conflicts = NULL;
	s->history = NULL;
	s->n_conflicts = s->n_history = 0;
}

static const char *kind_name(const char *kind)
{
	return strcmp(kind, "same_field") == 0 ? "same field" : "parallel  ";
}

static char *conflict_row(const cb_conflict *c, int width)
{
	int label_w = width / 2, fields_w = width - label_w - 26;
	char *label = xmalloc(4 * (size_t)label_w + 1), *fields = xmalloc(4 * (size_t)fields_w + 8);
	char *row;

	cb_text_fit(label, c->label ? c->label : c->tbl, label_w);
	cb_text_fit(fields, c->fields, fields_w > 4 ? fields_w : 4);
	row = xasprintf(" %s  %s %s %.10s", kind_name(c->kind), label, fields, c->winner_at);
	free(label);
	free(fields);
	return row;
}

/* Rows of the conflict list fit between the list's top and the history below it. */
static int list_height(const cb_view *v)
{
	int h = getmaxy(v->win) - LIST_TOP - HISTORY_ROWS - 2;

	return h > 1 ? h : 1;
}

static enum cb_status load(cb_view *v, cb_err *err)
{
	struct sync_state *s = v->priv;
	cb_store *st = cb_app_context(v->app)->store;
	char **rows;

	unload(s);
	cb_sync_identity_load(st, &s->me);
	if (cb_conflicts_list(st, true, &s->conflicts, &s->n_conflicts, err) ||
	    cb_sync_history_list(st, HISTORY_ROWS, &s->history, &s->n_history, err))
		return err->code;
	rows = xcalloc(s->n_conflicts + 1, sizeof *rows);
	for (size_t i = 0; i < s->n_conflicts; i++)
		rows[i] = conflict_row(&s->conflicts[i], getmaxx(v->win));
	s->width = getmaxx(v->win);
	s->height = getmaxy(v->win);
	cb_list_show(&s->list, v->win, LIST_TOP, list_height(v), rows, s->n_conflicts);
	return CB_OK;
}

static enum cb_status sync_open(cb_view *v, const void *arg, cb_err *err)
{
	(void)arg;
	return load(v, err);
}

static void draw_identity(cb_view *v, struct sync_state *s)
{
	cb_store *st = cb_app_context(v->app)->store;
	char badge[64], line[256];

	cb_sync_badge(st, 40, badge, sizeof badge);
	if (s->me.role == CB_SYNC_LAPTOP)
		snprintf(line, sizeof line, " This laptop holds the open cases of %s (team %s).",
			 s->me.practitioner_name ? s->me.practitioner_name : "?",
			 s->me.team_name ? s->me.team_name : "?");
	else
		snprintf(line, sizeof line, " This casebook is the hub of team %s (hub %.8s).",
			 s->me.team_name ? s->me.team_name : "?", s->me.hub_id);
	cb_view_title(v->win, " Sync", badge);
	mvwaddstr(v->win, 1, 0, line);
	mvwaddstr(v->win, 2, 1, s->me.role == CB_SYNC_LAPTOP
					? "e: write a bundle for the hub   i: import a bundle from the hub"
					: "e: write a bundle for every laptop   i: import a laptop's bundle");
}

static void draw_history(cb_view *v, struct sync_state *s)
{
	int top = LIST_TOP + list_height(v) + 1;
	char line[256];

	wattrset(v->win, A_BOLD);
	mvwaddstr(v->win, top, 1, "Recent exchanges");
	wattrset(v->win, A_NORMAL);
	if (s->n_history == 0)
		mvwaddstr(v->win, top + 1, 2, "None yet.");
	for (size_t i = 0; i < s->n_history && top + 1 + (int)i < getmaxy(v->win); i++) {
		const cb_sync_event *e = &s->history[i];
		bool in = strcmp(e->direction, "import") == 0;
		int n = snprintf(line, sizeof line, "%.10s %.5s %-6s %-18.18s #%-3lld ", e->at,
				 strlen(e->at) > 11 ? e->at + 11 : "", e->direction,
				 e->device_label, (long long)e->bundle);
		if (in)
			snprintf(line + n, sizeof line - (size_t)n, "%lld of %lld changed, %lld "
				 "conflict%s", (long long)e->applied, (long long)e->records,
				 (long long)e->conflicts, e->conflicts == 1 ? "" : "s");
		else
			snprintf(line + n, sizeof line - (size_t)n, "%lld records sent",
				 (long long)e->records);
		mvwaddnstr(v->win, top + 1 + (int)i, 2, line, getmaxx(v->win) - 3);
	}
}

static void sync_draw(cb_view *v)
{
	struct sync_state *s = v->priv;
	cb_err err = {0};
	char head[64];

	if (s->width != getmaxx(v->win) || s->height != getmaxy(v->win))
		load(v, &err);
	draw_identity(v, s);
	snprintf(head, sizeof head, "Open conflicts (%zu)%s", s->n_conflicts,
		 s->n_conflicts ? ": Enter to see one and resolve it" : "");
	wattrset(v->win, A_BOLD);
	mvwaddstr(v->win, LIST_TOP - 1, 1, head);
	wattrset(v->win, A_NORMAL);
	if (s->n_conflicts == 0)
		mvwaddstr(v->win, LIST_TOP, 2, "None: every record agrees.");
	else {
		unpost_menu(s->list.menu);
		post_menu(s->list.menu);
	}
	draw_history(v, s);
}

/* The path typed, with a leading ~/ meaning the home folder. The caller frees it. */
static char *ask_path(const char *question)
{
	char *answer = NULL, *path = NULL;
	const char *home = getenv("HOME");

	if (!cb_prompt(question, &answer) || answer[0] == '\0') {
		free(answer);
		return NULL;
	}
	if (strncmp(answer, "~/", 2) == 0 && home)
		path = xasprintf("%s/%s", home, answer + 2);
	else
		path = xstrdup(answer);
	free(answer);
	return path;
}

static void export_bundles(cb_view *v, struct sync_state *s)
{
	cb_store *st = cb_app_context(v->app)->store;
	cb_sync_report r, *all = NULL;
	size_t n = 0, records = 0;
	cb_err err = {0};
	char *path = ask_path(s->me.role == CB_SYNC_LAPTOP ? "Write the bundle for the hub to:"
							   : "Folder for one bundle per laptop:");

	if (path == NULL)
		return;
	if (s->me.role == CB_SYNC_LAPTOP && cb_sync_export(st, NULL, path, &r, &err) == CB_OK) {
		cb_app_message(v->app, CB_STYLE_GOOD, "Wrote %s: bundle %llu, %zu records", path,
			       (unsigned long long)r.bundle, r.records);
		cb_sync_report_free(&r);
	} else if (s->me.role == CB_SYNC_HUB &&
		   cb_sync_export_all(st, path, &all, &n, &err) == CB_OK) {
		for (size_t i = 0; i < n; i++) {
			records += all[i].records;
			cb_sync_report_free(&all[i]);
		}
		cb_app_message(v->app, CB_STYLE_GOOD, "Wrote %zu bundle%s in %s (%zu records)", n,
			       n == 1 ? "" : "s", path, records);
	} else {
		cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
	}
	free(all);
	free(path);
}

static void import_bundle(cb_view *v)
{
	cb_store *st = cb_app_context(v->app)->store;
	cb_sync_report r;
	cb_err err = {0};
	char *path = ask_path("Import the bundle at:");

	if (path == NULL)
		return;
	if (cb_sync_import(st, path, &r, &err))
		cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
	else if (r.replay)
		cb_app_message(v->app, CB_STYLE_WARN, "Already imported: nothing in it is new");
	else
		cb_app_message(v->app, CB_STYLE_GOOD, "Imported bundle %llu from %s: %zu changed, "
			       "%zu new conflicts, %zu cases left", (unsigned long long)r.bundle,
			       r.peer, r.applied, r.conflicts, r.evicted);
	cb_sync_report_free(&r);
	free(path);
}

static enum cb_key_result sync_key(cb_view *v, int key, enum cb_action action)
{
	struct sync_state *s = v->priv;
	cb_err err = {0};

	(void)key;
	if (cb_list_move(&s->list, action))
		return CB_KEY_HANDLED;
	if (action == CB_ACTION_OPEN && s->n_conflicts > 0) {
		cb_app_push(v->app, &cb_conflict_view, s->conflicts[cb_list_selected(&s->list)].id);
		return CB_KEY_HANDLED;
	}
	if (action != CB_ACTION_SYNC_EXPORT && action != CB_ACTION_SYNC_IMPORT &&
	    action != CB_ACTION_REFRESH)
		return CB_KEY_UNHANDLED;
	if (action == CB_ACTION_SYNC_EXPORT)
		export_bundles(v, s);
	else if (action == CB_ACTION_SYNC_IMPORT)
		import_bundle(v);
	if (load(v, &err))
		cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
	clearok(curscr, TRUE);
	return CB_KEY_HANDLED;
}

static void sync_resume(cb_view *v)
{
	cb_err err = {0};

	if (load(v, &err))
		cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
}

static void sync_close(cb_view *v)
{
	struct sync_state *s = v->priv;

	cb_list_free(&s->list);
	unload(s);
}

const struct cb_view_ops cb_sync_view = {
	.name = "sync",
	.scope = CB_SCOPE_SYNC,
	.private_size = sizeof(struct sync_state),
	.open = sync_open,
	.draw = sync_draw,
	.key = sync_key,
	.close = sync_close,
	.resume = sync_resume,
};

void cb_sync_screen_open(cb_app *app)
{
	cb_sync_identity me;

	cb_sync_identity_load(cb_app_context(app)->store, &me);
	if (me.role == CB_SYNC_NONE)
		cb_app_message(app, CB_STYLE_WARN, "This casebook is not in a sync team: see "
			       "casebook-sync(7) (sync init-hub, sync enrol)");
	else
		cb_app_push(app, &cb_sync_view, NULL);
	cb_sync_identity_free(&me);
}
