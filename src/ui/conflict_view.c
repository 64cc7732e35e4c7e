/* conflict_view.c: one sync conflict, field by field: keep mine, keep theirs, or pick and save. */
#include "ui/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "sync/sync.h"
#include "ui/list.h"

#define LIST_TOP 7
#define NAME_W 18
#define KEEP_W 7

struct conflict_state {
	cb_conflict c;
	cb_conflict_field *fields;
	size_t n;
	bool *theirs; /* per field: take the set-aside value */
	cb_list list;
	int width;
};

static void append_cell(strbuf *sb, const char *text, int width)
{
	char *cell = xmalloc(4 * (size_t)width + 1);
	char *flat = cb_text_squeeze(text ? text : "(empty)");

	cb_text_fit(cell, flat, width);
	sb_append(sb, cell);
	sb_append(sb, " ");
	free(flat);
	free(cell);
}

static int value_width(int width)
{
	int w = (width - NAME_W - KEEP_W - 5) / 2;

	return w > 8 ? w : 8;
}

static char *field_row(const struct conflict_state *s, size_t i, int width)
{
	strbuf sb = {0};

	sb_append(&sb, " ");
	append_cell(&sb, s->fields[i].name, NAME_W);
	append_cell(&sb, s->fields[i].mine, value_width(width));
	append_cell(&sb, s->fields[i].theirs, value_width(width));
	sb_append(&sb, s->theirs[i] ? "theirs" : "mine");
	return sb_take(&sb);
}

static void lay_out(cb_view *v)
{
	struct conflict_state *s = v->priv;
	char **rows = xcalloc(s->n + 1, sizeof *rows);
	size_t keep = cb_list_selected(&s->list);

	for (size_t i = 0; i < s->n; i++)
		rows[i] = field_row(s, i, getmaxx(v->win));
	s->width = getmaxx(v->win);
	cb_list_show(&s->list, v->win, LIST_TOP, getmaxy(v->win) - LIST_TOP, rows, s->n);
	cb_list_select(&s->list, keep);
}

static enum cb_status conflict_open(cb_view *v, const void *arg, cb_err *err)
{
	struct conflict_state *s = v->priv;
	cb_store *st = cb_app_context(v->app)->store;

	if (cb_conflict_load(st, arg, &s->c, err) ||
	    cb_conflict_fields(st, &s->c, &s->fields, &s->n, err))
		return err->code;
	s->theirs = xcalloc(s->n + 1, sizeof *s->theirs);
	lay_out(v);
	return CB_OK;
}

/* The text of a clock value from byte `at` on (time at 11, device at 30), or "". */
static const char *part(const char *clock, size_t at)
{
	return strlen(clock) > at ? clock + at : "";
}

static void conflict_draw(cb_view *v)
{
	struct conflict_state *s = v->priv;
	char title[256], line[256];
	strbuf head = {0};

	if (s->width != getmaxx(v->win))
		lay_out(v);
	snprintf(title, sizeof title, " Conflict: %s", s->c.label ? s->c.label : s->c.tbl);
	cb_view_title(v->win, title, strcmp(s->c.kind, "same_field") == 0 ? "same field "
									 : "parallel edits ");
	mvwaddnstr(v->win, 1, 0, " Two devices changed this record: the later edit is in the casebook "
				 "(mine),", getmaxx(v->win));
	mvwaddnstr(v->win, 2, 0, " the other was set aside (theirs). Nothing is lost until you "
				 "choose.", getmaxx(v->win));
	snprintf(line, sizeof line, " mine: %.10s %.5s on %.8s   theirs: %.10s %.5s on %.8s",
		 s->c.winner_at, part(s->c.winner_at, 11), part(s->c.winner_at, 30), s->c.loser_at,
		 part(s->c.loser_at, 11), part(s->c.loser_at, 30));
	mvwaddnstr(v->win, 3, 0, line, getmaxx(v->win));
	mvwaddstr(v->win, 4, 1, "m: keep mine   t: keep theirs   Space: switch a field   F2: save "
				"as picked");
	append_cell(&head, "FIELD", NAME_W + 1);
	append_cell(&head, "MINE (in the casebook)", value_width(getmaxx(v->win)));
	append_cell(&head, "THEIRS (set aside)", value_width(getmaxx(v->win)));
	sb_append(&head, "KEEP");
	wattrset(v->win, A_BOLD);
	mvwaddnstr(v->win, LIST_TOP - 1, 0, sb_str(&head), getmaxx(v->win));
	wattrset(v->win, A_NORMAL);
	sb_free(&head);
	if (s->list.menu) {
		unpost_menu(s->list.menu);
		post_menu(s->list.menu);
	}
}

/* Resolves with the choice made; closes the screen when it is done. */
static enum cb_key_result resolve(cb_view *v, enum cb_conflict_keep keep)
{
	struct conflict_state *s = v->priv;
	const char **names = xcalloc(s->n + 1, sizeof *names);
	size_t picked = 0;
	cb_err err = {0};
	enum cb_status rc;

	for (size_t i = 0; i < s->n; i++)
		if (s->theirs[i])
			names[picked++] = s->fields[i].name;
	if (keep == CB_KEEP_MERGE && picked == 0)
		keep = CB_KEEP_MINE;
	else if (keep == CB_KEEP_MERGE && picked == s->n)
		keep = CB_KEEP_THEIRS;
	rc = cb_conflict_resolve(cb_app_context(v->app)->store, s->c.id, keep, names, picked, &err);
	free(names);
	if (rc) {
		cb_app_message(v->app, CB_STYLE_ERROR, "%s", err.msg);
		return CB_KEY_HANDLED;
	}
	cb_app_message(v->app, CB_STYLE_GOOD, "Conflict resolved: %s",
		       keep == CB_KEEP_MINE ? "the record stays as it was"
		       : keep == CB_KEEP_THEIRS ? "the set-aside version is back"
						: "merged field by field");
	return CB_KEY_CLOSE;
}

static enum cb_key_result conflict_key(cb_view *v, int key, enum cb_action action)
{
	struct conflict_state *s = v->priv;

	(void)key;
	if (cb_list_move(&s->list, action))
		return CB_KEY_HANDLED;
	switch (action) {
	case CB_ACTION_PICK:
		if (s->n > 0) {
			s->theirs[cb_list_selected(&s->list)] = !s->theirs[cb_list_selected(&s->list)];
			lay_out(v);
		}
		return CB_KEY_HANDLED;
	case CB_ACTION_KEEP_MINE: return resolve(v, CB_KEEP_MINE);
	case CB_ACTION_KEEP_THEIRS: return resolve(v, CB_KEEP_THEIRS);
	case CB_ACTION_MERGE: return resolve(v, CB_KEEP_MERGE);
	default: return CB_KEY_UNHANDLED;
	}
}

static void conflict_close(cb_view *v)
{
	struct conflict_state *s = v->priv;

	cb_list_free(&s->list);
	cb_conflict_fields_free(s->fields, s->n);
	cb_conflict_clear(&s->c);
	free(s->theirs);
}

const struct cb_view_ops cb_conflict_view = {
	.name = "conflict",
	.scope = CB_SCOPE_CONFLICT,
	.private_size = sizeof(struct conflict_state),
	.open = conflict_open,
	.draw = conflict_draw,
	.key = conflict_key,
	.close = conflict_close,
};
