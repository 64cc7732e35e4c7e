/* view.h: screens as views on a stack, each with its own window and panel. */
#ifndef CASEBOOK_UI_VIEW_H
#define CASEBOOK_UI_VIEW_H

#include <curses.h>
#include <panel.h>
#include <stdbool.h>

#include "ui/display.h"
#include "ui/keys.h"
#include "ui/ui.h"

typedef struct cb_app cb_app;
typedef struct cb_view cb_view;

/* What a key handler did; the app redraws after anything but UNHANDLED. */
enum cb_key_result { CB_KEY_UNHANDLED, CB_KEY_HANDLED, CB_KEY_CLOSE, CB_KEY_QUIT };

struct cb_view_ops {
	const char *name;
	unsigned scope;      /* key scopes this view uses (keys.h) */
	size_t private_size; /* the app allocates and frees v->priv */
	/* Loads the view's data; arg is what cb_app_push was given. */
	enum cb_status (*open)(cb_view *v, const void *arg, cb_err *err);
	/* Draws into v->win (everything above the status line). */
	void (*draw)(cb_view *v);
	enum cb_key_result (*key)(cb_view *v, int key, enum cb_action action);
	/* Releases what open allocated (not priv itself). May be NULL. */
	void (*close)(cb_view *v);
	/* Called when the view is on top again after the one above it closed (reload). May be NULL. */
	void (*resume)(cb_view *v);
	/* Puts the terminal cursor where typing goes (after everything else is drawn);
	 * views without it hide the cursor. May be NULL. */
	void (*place_cursor)(cb_view *v);
	/* The view erases its own window (forms keep libform's state on screen). */
	bool erases_itself;
};

struct cb_view {
	const struct cb_view_ops *ops;
	void *priv;
	WINDOW *win;
	PANEL *panel;
	cb_app *app;
};

/* Opens a view on top of the stack; on failure shows the message and returns NULL. */
cb_view *cb_app_push(cb_app *app, const struct cb_view_ops *ops, const void *arg);
/* True if another view can be pushed. */
bool cb_app_has_room(const cb_app *app);
const cb_ui_context *cb_app_context(const cb_app *app);
/* The context, to change who is using casebook (first run). */
cb_ui_context *cb_app_context_mut(cb_app *app);
/* Ends the app with a result once the current key is handled. */
void cb_app_finish(cb_app *app, enum cb_ui_result result);
/* Replaces every open view with the caseload (after first-run set-up). */
void cb_app_go_home(cb_app *app);
/* Shows a message on the status line until the next key. */
void cb_app_message(cb_app *app, enum cb_style style, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Today's date ("YYYY-MM-DD") as the app sees it. */
const char *cb_app_today(const cb_app *app);

/* Asks for search text and shows what matches (names and notes). */
void cb_search_ask(cb_app *app);

/* Draws a title bar on line 0 of win: title left, right-hand text right. */
void cb_view_title(WINDOW *win, const char *title, const char *right);

/* The views. */
extern const struct cb_view_ops cb_caseload_view;
extern const struct cb_view_ops cb_help_view;
extern const struct cb_view_ops cb_form_view;
extern const struct cb_view_ops cb_drafts_view;
extern const struct cb_view_ops cb_welcome_view;
/* One case on tabs; opened with the case id (const char *) as the arg. */
extern const struct cb_view_ops cb_case_view;
/* Shows a case view's chronology with that note at the top (a search hit). */
void cb_case_view_focus_note(cb_view *v, const char *note_id);
/* The team review: the user's team's open cases (or every team's) with their flags. */
extern const struct cb_view_ops cb_team_view;
/* One case on one page for group discussion; opened with a row of the team review
 * (const cb_team_case *, store/teamreview.h), which it copies. */
extern const struct cb_view_ops cb_summary_view;
/* The outcome report (report/report.h) with keys for the period and whose cases; arg NULL. */
extern const struct cb_view_ops cb_report_view;
/* The sync screen: export, import, open conflicts, recent exchanges. */
extern const struct cb_view_ops cb_sync_view;
/* One sync conflict; opened with the conflict id (const char *) as the arg. */
extern const struct cb_view_ops cb_conflict_view;

/* Opens the sync screen, or says why not (this casebook is not in a sync team). */
void cb_sync_screen_open(cb_app *app);

#endif
