/* app.c: the main loop: view stack, key dispatch, resize, status line, signals. */
#include "ui/view.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/mem.h"
#include "core/text.h"
#include "store/drafts.h"
#include "sync/sync.h"

#define MAX_VIEWS 16

struct cb_app {
	cb_ui_context *ctx;
	cb_view *stack[MAX_VIEWS];
	int depth;
	char message[512];
	enum cb_style message_style;
	char today[11];
	bool quit;
	bool go_home;      /* replace every view with the caseload after this key */
	enum cb_ui_result result;
};

bool cb_app_has_room(const cb_app *app)
{
	return app->depth < MAX_VIEWS;
}

const cb_ui_context *cb_app_context(const cb_app *app)
{
	return app->ctx;
}

const char *cb_app_today(const cb_app *app)
{
	return app->today;
}

void cb_app_message(cb_app *app, enum cb_style style, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_style = style;
}

static void free_view(cb_view *v)
{
	if (v->ops->close)
		v->ops->close(v);
	if (v->panel)
		del_panel(v->panel);
	if (v->win)
		delwin(v->win);
	free(v->priv);
	free(v);
}

cb_view *cb_app_push(cb_app *app, const struct cb_view_ops *ops, const void *arg)
{
	cb_view *v;
	cb_err err = {0};

	if (app->depth == MAX_VIEWS) {
		cb_app_message(app, CB_STYLE_ERROR, "Too many screens open; press q to go back");
		return NULL;
	}
	v = xcalloc(1, sizeof *v);
	v->ops = ops;
	v->app = app;
	v->priv = xcalloc(1, ops->private_size ? ops->private_size : 1);
	v->win = newwin(LINES - 1, COLS, 0, 0);
	keypad(v->win, TRUE);
	v->panel = new_panel(v->win);
	if (ops->open && ops->open(v, arg, &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		free_view(v);
		return NULL;
	}
	app->stack[app->depth++] = v;
	return v;
}

/* Closes v wherever it is on the stack (a chooser closes under the form it opened). */
static void remove_view(cb_app *app, cb_view *v)
{
	int at = app->depth - 1;

	while (at >= 0 && app->stack[at] != v)
		at--;
	if (at < 0)
		return;
	memmove(app->stack + at, app->stack + at + 1, (size_t)(app->depth - at - 1) * sizeof v);
	app->depth--;
	free_view(v);
	if (at == app->depth && app->depth > 0 && app->stack[app->depth - 1]->ops->resume)
		app->stack[app->depth - 1]->ops->resume(app->stack[app->depth - 1]);
}

static void pop(cb_app *app)
{
	remove_view(app, app->stack[app->depth - 1]);
}

void cb_view_title(WINDOW *win, const char *title, const char *right)
{
	int width = getmaxx(win), rw = right ? cb_text_width(right) : 0;
	char *buf = xmalloc(4 * (size_t)width + 1);

	wattrset(win, cb_display_attr(CB_STYLE_TITLE));
	cb_text_fit(buf, title, width - rw > 0 ? width - rw : 0);
	mvwaddstr(win, 0, 0, buf);
	if (right && rw < width)
		mvwaddstr(win, 0, width - rw, right);
	wattrset(win, A_NORMAL);
	free(buf);
}

/*
 * Hints and the message, if there is one; otherwise, in a sync team, what
 * waits to sync (in at most a third of the line), with only the hints that
 * fit whole beside it.
 */
static void status_line(cb_app *app, unsigned scope)
{
	char hints[512], badge[64];

	cb_key_hints(scope, hints, sizeof hints);
	if (app->message[0]) {
		cb_display_status(hints, app->message, app->message_style);
	} else if (cb_sync_badge(app->ctx->store, COLS / 3, badge, sizeof badge)) {
		cb_key_hints_fit(scope, COLS - cb_text_width(badge) - 2, hints, sizeof hints);
		cb_display_status(hints, badge, CB_STYLE_DIM);
	} else {
		cb_display_status(hints, NULL, app->message_style);
	}
}

static void draw(cb_app *app)
{
	cb_view *top = app->stack[app->depth - 1];

	if (cb_display_too_small())
		return;
	if (!top->ops->erases_itself)
		werase(top->win);
	top->ops->draw(top);
	/* stdscr (the status line) first: the panels go over it. The other way round, a
	 * stdscr erased by a resize would blank the screen until the next key. */
	status_line(app, top->ops->scope);
	wnoutrefresh(stdscr);
	update_panels();
	curs_set(top->ops->place_cursor ? 1 : 0);
	if (top->ops->place_cursor)
		top->ops->place_cursor(top);
	doupdate();
}

static void resize(cb_app *app)
{
	for (int i = 0; i < app->depth; i++) {
		wresize(app->stack[i]->win, LINES - 1 > 1 ? LINES - 1 : 1, COLS);
		replace_panel(app->stack[i]->panel, app->stack[i]->win);
	}
	erase();
	wnoutrefresh(stdscr);
}

static void handle_key(cb_app *app, int key)
{
	cb_view *top = app->stack[app->depth - 1];
	enum cb_action action = cb_key_action(key, top->ops->scope | CB_SCOPE_GLOBAL);
	enum cb_key_result r = top->ops->key ? top->ops->key(top, key, action) : CB_KEY_UNHANDLED;

	if (r == CB_KEY_UNHANDLED) {
		if (action == CB_ACTION_QUIT)
			r = CB_KEY_QUIT;
		else if (action == CB_ACTION_HELP && top->ops != &cb_help_view)
			cb_app_push(app, &cb_help_view, top->ops);
		else if (action == CB_ACTION_BACK)
			r = CB_KEY_CLOSE;
	}
	if (app->go_home) {
		app->go_home = false;
		while (app->depth > 0)
			pop(app);
		if (cb_app_push(app, &cb_caseload_view, NULL) == NULL)
			app->quit = true;
		return;
	}
	if (r == CB_KEY_QUIT)
		app->quit = true;
	else if (r == CB_KEY_CLOSE && app->depth > 1)
		remove_view(app, top);
	else if (r == CB_KEY_CLOSE)
		app->quit = true;
}

/* After a crash, kill or closed terminal, the forms left unsaved come first. */
static void offer_drafts(cb_app *app)
{
	cb_draft *drafts = NULL;
	size_t n = 0;
	cb_err err = {0};

	if (cb_drafts_list(app->ctx->store, &drafts, &n, &err))
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
	else if (n > 0)
		cb_app_push(app, &cb_drafts_view, NULL);
	cb_drafts_free(drafts, n);
}

void cb_app_go_home(cb_app *app)
{
	app->go_home = true;
}

void cb_app_finish(cb_app *app, enum cb_ui_result result)
{
	app->result = result;
	app->quit = true;
}

cb_ui_context *cb_app_context_mut(cb_app *app)
{
	return app->ctx;
}

double cb_ui_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Per-key times of a scripted run: how long each key took from reading to redrawn. */
struct key_timings {
	double *ms;
	size_t n;
};

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Prints each key's time in the order typed (a benchmark's slow keys), then the summary. */
static void report_timings(const cb_ui_script *script, double drawn, struct key_timings *t)
{
	double sum = 0;

	fprintf(stderr, "startup_to_first_screen_ms=%.2f\n", (drawn - script->started) * 1000);
	if (t->n == 0)
		return;
	for (size_t i = 0; i < t->n; i++)
		fprintf(stderr, "key %zu (%d): %.3f ms\n", i + 1, script->keys[i], t->ms[i]);
	qsort(t->ms, t->n, sizeof *t->ms, compare_doubles);
	for (size_t i = 0; i < t->n; i++)
		sum += t->ms[i];
	fprintf(stderr, "keys=%zu key_to_redraw_ms_mean=%.3f p50=%.3f p95=%.3f max=%.3f\n", t->n,
		sum / (double)t->n, t->ms[t->n / 2], t->ms[t->n * 95 / 100], t->ms[t->n - 1]);
}

static void run_loop(cb_app *app)
{
	const cb_ui_script *script = app->ctx->script;
	struct key_timings t = {script ? xcalloc(script->n_keys + 1, sizeof *t.ms) : NULL, 0};
	double key_start = 0, first_drawn = 0;
	int key;

	if (script)
		cb_display_feed(script->keys, script->n_keys);
	while (!app->quit) {
		draw(app);
		if (first_drawn == 0)
			first_drawn = cb_ui_seconds();
		else if (script && key_start > 0)
			t.ms[t.n++] = (cb_ui_seconds() - key_start) * 1000;
		key = cb_display_key();
		if (key < 0)
			break;
		key_start = cb_ui_seconds();
		app->message[0] = '\0';
		if (key == KEY_RESIZE)
			resize(app);
		else if (COLS >= CB_MIN_COLS && LINES >= CB_MIN_LINES)
			handle_key(app, key);
		else if (key == ('q' & 0x1f))
			app->quit = true;
	}
	if (script && script->timings)
		report_timings(script, first_drawn, &t);
	free(t.ms);
}

enum cb_ui_result cb_ui_run(cb_ui_context *ctx)
{
	cb_app app = {.ctx = ctx, .result = CB_UI_DONE};
	cb_err err = {0};

	cb_clock_today(app.today);
	if (cb_display_init(ctx->script != NULL, &err)) {
		fprintf(stderr, "casebook: %s\n", err.msg);
		return CB_UI_FAILED;
	}
	if (cb_app_push(&app, ctx->first_run ? &cb_welcome_view : &cb_caseload_view, NULL) == NULL) {
		cb_display_end();
		fprintf(stderr, "casebook: %s\n", app.message);
		return CB_UI_FAILED;
	}
	offer_drafts(&app);
	run_loop(&app);
	if (ctx->script && ctx->script->dump_path && cb_display_dump(ctx->script->dump_path, &err))
		fprintf(stderr, "casebook: %s\n", err.msg);
	while (app.depth > 0)
		pop(&app);
	cb_display_end();
	if (cb_display_stop_requested())
		fputs("casebook: asked to stop; anything being typed is kept as a draft and will be "
		      "offered next time\n", stderr);
	return app.result;
}
