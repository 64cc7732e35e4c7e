/* form_view.c: the form engine: layout in pages, libform editing, validation, drafts, save. */
#include "ui/form_view.h"

#include <form.h>
#include <stdio.h>
#include <string.h>

#include "core/dates.h"
#include "core/mem.h"
#include "core/text.h"
#include "store/drafts.h"

#define BODY_TOP 4   /* title, context, live summary, blank */
#define FOOTER_LINES 2 /* help for the current field, or what is wrong (wrapped) */
#define LONGTEXT_LINES 3

struct form_state {
	cb_form_screen *fs;
	char **initial;      /* values when opened, to tell whether anything was typed */
	FORM *form;
	FIELD **fields;      /* NULL-terminated, for libform */
	long *input_field;   /* input -> index in fields, or -1 */
	int *input_page, *input_row, *input_rows;
	int n_fields, n_pages, label_w;
	WINDOW *sub;
	int laid_w, laid_h;
	size_t current;      /* input index of the current field */
	long error_input;    /* input shown in error, or -1 */
	char error[sizeof(((cb_err *)0)->msg)]; /* what is wrong with it, shown under the form */
	bool confirming;     /* asked whether to throw typing away */
};

/* ---- building the screen description ---- */

cb_form_screen *cb_form_new(const char *title, const char *context, const char *draft_kind,
			    const char *draft_target)
{
	cb_form_screen *fs = xcalloc(1, sizeof *fs);

	fs->title = xstrdup(title);
	fs->context = xstrdup_or_null(context);
	fs->draft_kind = xstrdup(draft_kind);
	fs->draft_target = xstrdup(draft_target ? draft_target : "");
	return fs;
}

size_t cb_form_add(cb_form_screen *fs, const cb_input *in, const char *value)
{
	cb_input *copy;

	fs->inputs = xreallocarray(fs->inputs, fs->n_inputs + 1, sizeof *fs->inputs);
	fs->values = xreallocarray(fs->values, fs->n_inputs + 1, sizeof *fs->values);
	copy = &fs->inputs[fs->n_inputs];
	*copy = *in;
	copy->key = xstrdup(in->key ? in->key : "");
	copy->label = xstrdup(in->label ? in->label : "");
	copy->help = xstrdup_or_null(in->help);
	copy->options = NULL;
	copy->n_options = 0;
	fs->values[fs->n_inputs] = xstrdup(value ? value : "");
	return fs->n_inputs++;
}

void cb_form_add_option(cb_form_screen *fs, const char *value, const char *label)
{
	cb_input *in = &fs->inputs[fs->n_inputs - 1];

	in->options = xreallocarray(in->options, in->n_options + 1, sizeof *in->options);
	in->options[in->n_options].value = xstrdup(value);
	in->options[in->n_options].label = xstrdup(label);
	in->n_options++;
}

long cb_form_find(const cb_form_screen *fs, const char *key)
{
	for (size_t i = 0; i < fs->n_inputs; i++)
		if (strcmp(fs->inputs[i].key, key) == 0)
			return (long)i;
	return -1;
}

const char *cb_form_value(const cb_form_screen *fs, const char *key)
{
	long i = cb_form_find(fs, key);
	return i < 0 ? "" : fs->values[i];
}

void cb_form_set_value(cb_form_screen *fs, const char *key, const char *value)
{
	long i = cb_form_find(fs, key);

	if (i >= 0) {
		free(fs->values[i]);
		fs->values[i] = xstrdup(value ? value : "");
	}
}

void cb_form_free(cb_form_screen *fs)
{
	if (fs == NULL)
		return;
	for (size_t i = 0; i < fs->n_inputs; i++) {
		cb_input *in = &fs->inputs[i];
		for (size_t k = 0; k < in->n_options; k++) {
			free(in->options[k].value);
			free(in->options[k].label);
		}
		free(in->options);
		free(in->key);
		free(in->label);
		free(in->help);
		free(fs->values[i]);
	}
	if (fs->hooks.free_ctx)
		fs->hooks.free_ctx(fs->ctx);
	free(fs->inputs);
	free(fs->values);
	free(fs->title);
	free(fs->context);
	free(fs->draft_kind);
	free(fs->draft_target);
	free(fs);
}

/* ---- checking values ---- */

static const cb_input_option *option_of(const cb_input *in, const char *value)
{
	for (size_t k = 0; k < in->n_options; k++)
		if (strcmp(in->options[k].value, value) == 0)
			return &in->options[k];
	return NULL;
}

static enum cb_status check_number(const cb_input *in, const char *value, cb_err *err)
{
	char *end;
	long n = strtol(value, &end, 10);

	if (*end != '\0' || end == value || n < in->min || n > in->max)
		return cb_fail(err, CB_INVALID, "%s: enter a whole number from %d to %d", in->label,
			       in->min, in->max);
	return CB_OK;
}

enum cb_status cb_input_check(const cb_input *in, const char *value, cb_err *err)
{
	cb_date d;

	if (value[0] == '\0')
		return in->required ? cb_fail(err, CB_INVALID, "%s is required", in->label) : CB_OK;
	switch (in->kind) {
	case CB_INPUT_DATE:
		if (!cb_date_parse(value, &d))
			return cb_fail(err, CB_INVALID, "%s: enter a real date as YYYY-MM-DD, e.g. 2026-03-31",
				       in->label);
		break;
	case CB_INPUT_DATETIME:
		if (!cb_datetime_parse(value, &d, NULL))
			return cb_fail(err, CB_INVALID,
				       "%s: enter a date and time as YYYY-MM-DDTHH:MM, e.g. 2026-03-31T14:30",
				       in->label);
		break;
	case CB_INPUT_NUMBER:
		return check_number(in, value, err);
	case CB_INPUT_CHOICE:
		if (option_of(in, value) == NULL)
			return cb_fail(err, CB_INVALID, "%s: choose one of the options with Space",
				       in->label);
		break;
	case CB_INPUT_TICK:
		if (strcmp(value, "0") != 0 && strcmp(value, "1") != 0)
			return cb_fail(err, CB_INVALID, "%s: tick or untick with Space", in->label);
		break;
	default:
		break;
	}
	return CB_OK;
}

/* ---- layout ---- */

static bool has_field(const cb_input *in)
{
	return in->kind != CB_INPUT_HEADING && in->kind != CB_INPUT_NOTE;
}

static int wrapped_lines(const char *text, int width)
{
	int w = cb_text_width(text);
	return width > 0 && w > 0 ? (w + width - 1) / width : 1;
}

static int rows_of(const cb_input *in, int width, int body_h)
{
	int rows = 1;

	if (in->kind == CB_INPUT_LONGTEXT)
		rows = in->lines > 0 ? in->lines : LONGTEXT_LINES;
	else if (in->kind == CB_INPUT_NOTE)
		rows = wrapped_lines(in->label, width);
	return rows < body_h ? rows : body_h;
}

static void display_text(const cb_input *in, const char *value, char *buf, size_t size)
{
	const cb_input_option *opt;

	if (in->kind == CB_INPUT_TICK)
		snprintf(buf, size, "[%s]", strcmp(value, "1") == 0 ? "x" : " ");
	else if ((opt = option_of(in, value)) != NULL)
		snprintf(buf, size, "< %s >", opt->label);
	else
		snprintf(buf, size, "< not answered >");
}

static FIELD *make_field(const cb_input *in, const char *value, int rows, int row, int col,
			 int width)
{
	FIELD *f = new_field(rows, width, row, col, 0, 0);
	char shown[256];

	field_opts_off(f, O_AUTOSKIP);
	if (in->kind == CB_INPUT_CHOICE || in->kind == CB_INPUT_TICK) {
		field_opts_off(f, O_EDIT);
		display_text(in, value, shown, sizeof shown);
		set_field_buffer(f, 0, shown);
	} else {
		field_opts_off(f, O_STATIC);
		set_max_field(f, 0);
		set_field_back(f, A_UNDERLINE);
		set_field_buffer(f, 0, value);
	}
	return f;
}

static void free_layout(struct form_state *s)
{
	if (s->form) {
		unpost_form(s->form);
		free_form(s->form);
		s->form = NULL;
	}
	for (int i = 0; s->fields && i < s->n_fields; i++)
		free_field(s->fields[i]);
	free(s->fields);
	s->fields = NULL;
	if (s->sub) {
		delwin(s->sub);
		s->sub = NULL;
	}
}

/* Assigns every input a page and row; pages hold what fits in the body's height. */
static void paginate(struct form_state *s, int field_w, int body_h)
{
	cb_form_screen *fs = s->fs;
	int page = 0, row = 0;

	for (size_t i = 0; i < fs->n_inputs; i++) {
		int rows = rows_of(&fs->inputs[i], fs->inputs[i].kind == CB_INPUT_NOTE
							   ? getmaxx(s->sub) - 2
							   : field_w, body_h);
		if (row > 0 && row + rows > body_h) {
			page++;
			row = 0;
		}
		s->input_page[i] = page;
		s->input_row[i] = row;
		s->input_rows[i] = rows;
		row += rows;
	}
	s->n_pages = page + 1;
}

/* Wide enough for the longest label, but leaving the fields at least 45% of the width. */
static int label_width(const cb_form_screen *fs, int w)
{
	int want = 16;

	for (size_t i = 0; i < fs->n_inputs; i++)
		if (has_field(&fs->inputs[i]) && cb_text_width(fs->inputs[i].label) + 2 > want)
			want = cb_text_width(fs->inputs[i].label) + 2;
	return want < w * 55 / 100 ? want : w * 55 / 100;
}

static void lay_out(cb_view *v)
{
	struct form_state *s = v->priv;
	cb_form_screen *fs = s->fs;
	int w = getmaxx(v->win), h = getmaxy(v->win);
	int body_h = h - BODY_TOP - FOOTER_LINES > 1 ? h - BODY_TOP - FOOTER_LINES : 1;
	int last_page = -1;

	free_layout(s);
	s->label_w = label_width(fs, w);
	s->sub = derwin(v->win, body_h, w, BODY_TOP, 0);
	paginate(s, w - s->label_w - 2, body_h);
	s->fields = xcalloc(fs->n_inputs + 1, sizeof *s->fields);
	s->n_fields = 0;
	for (size_t i = 0; i < fs->n_inputs; i++) {
		s->input_field[i] = -1;
		if (!has_field(&fs->inputs[i]))
			continue;
		FIELD *f = make_field(&fs->inputs[i], fs->values[i], s->input_rows[i],
				      s->input_row[i], s->label_w + 1, w - s->label_w - 2);
		if (s->input_page[i] != last_page && s->n_fields > 0)
			set_new_page(f, TRUE);
		last_page = s->input_page[i];
		s->input_field[i] = s->n_fields;
		s->fields[s->n_fields++] = f;
	}
	s->form = new_form(s->fields);
	set_form_win(s->form, v->win);
	set_form_sub(s->form, s->sub);
	post_form(s->form);
	if (s->input_field[s->current] >= 0)
		set_current_field(s->form, s->fields[s->input_field[s->current]]);
	s->laid_w = w;
	s->laid_h = h;
}

/* ---- reading values back ---- */

/* Trims and collapses the padding libform leaves between rows of a field. */
static char *tidy(const char *buf)
{
	strbuf sb = {0};
	bool space = false;

	for (const char *p = buf; *p; p++) {
		if (*p == ' ' || *p == '\n') {
			space = sb.len > 0;
			continue;
		}
		if (space)
			sb_append(&sb, " ");
		space = false;
		sb_appendn(&sb, p, 1);
	}
	return sb_take(&sb);
}

static void save_draft(cb_view *v)
{
	struct form_state *s = v->priv;
	cb_form_screen *fs = s->fs;
	const char **keys = xcalloc(fs->n_inputs + 1, sizeof *keys);
	char *title = fs->context ? xasprintf("%s: %s", fs->title, fs->context) : xstrdup(fs->title);
	cb_err err = {0};

	for (size_t i = 0; i < fs->n_inputs; i++)
		keys[i] = fs->inputs[i].key;
	if (cb_draft_save(cb_app_context(v->app)->store, fs->draft_kind, fs->draft_target, title,
			  keys, (const char *const *)fs->values, fs->n_inputs, &err))
		cb_app_message(v->app, CB_STYLE_ERROR, "The draft could not be kept: %s", err.msg);
	free(title);
	free(keys);
}

/* Copies the current field's text into values; keeps the draft when it changed. */
static void sync_current(cb_view *v)
{
	struct form_state *s = v->priv;
	cb_form_screen *fs = s->fs;
	size_t i = s->current;
	char *text;

	if (!has_field(&fs->inputs[i]) || fs->inputs[i].kind == CB_INPUT_CHOICE ||
	    fs->inputs[i].kind == CB_INPUT_TICK)
		return;
	form_driver(s->form, REQ_VALIDATION);
	text = tidy(field_buffer(s->fields[s->input_field[i]], 0));
	if (strcmp(text, fs->values[i]) != 0) {
		free(fs->values[i]);
		fs->values[i] = text;
		save_draft(v);
		if ((long)i == s->error_input)
			s->error_input = -1;
	} else {
		free(text);
	}
}

/* ---- moving between fields ---- */

static void go_to(cb_view *v, size_t input)
{
	struct form_state *s = v->priv;

	sync_current(v);
	s->current = input;
	set_current_field(s->form, s->fields[s->input_field[input]]);
}

static long neighbour(const struct form_state *s, size_t from, int step)
{
	long n = (long)s->fs->n_inputs;

	for (long i = (long)from + step; i >= 0 && i < n; i += step)
		if (s->input_field[i] >= 0)
			return i;
	return -1;
}

static void first_field(struct form_state *s)
{
	s->current = 0;
	while (s->current < s->fs->n_inputs && !has_field(&s->fs->inputs[s->current]))
		s->current++;
	if (s->current == s->fs->n_inputs)
		s->current = 0;
}

/* ---- drawing ---- */

/* Draws text word-wrapped into `rows` lines of `width` columns from (y, x). */
static void draw_wrapped(WINDOW *win, int y, int x, int width, int rows, const char *text)
{
	char *line = xmalloc(strlen(text) + 1), *buf = xmalloc(4 * (size_t)width + 1);
	const char *p = text;

	for (int r = 0; r < rows && *p; r++) {
		size_t len = 0, fit = 0;
		while (p[len]) {
			size_t word = strcspn(p + len, " ");
			memcpy(line, p, len + word);
			line[len + word] = '\0';
			if (cb_text_width(line) > width && fit > 0)
				break;
			fit = len + word;
			len = fit + (p[fit] == ' ');
			if (cb_text_width(line) > width)
				break;
		}
		memcpy(line, p, fit);
		line[fit] = '\0';
		cb_text_fit(buf, line, width);
		mvwaddstr(win, y + r, x, buf);
		p += fit;
		while (*p == ' ')
			p++;
	}
	free(line);
	free(buf);
}

static void draw_input_label(cb_view *v, size_t i)
{
	struct form_state *s = v->priv;
	const cb_input *in = &s->fs->inputs[i];
	int y = BODY_TOP + s->input_row[i], w = getmaxx(v->win);
	char *buf = xmalloc(4 * (size_t)w + 1);

	if (in->kind == CB_INPUT_HEADING) {
		wattrset(v->win, A_BOLD);
		cb_text_fit(buf, in->label, w);
		mvwaddstr(v->win, y, 0, buf);
	} else if (in->kind == CB_INPUT_NOTE) {
		wattrset(v->win, cb_display_attr(CB_STYLE_DIM));
		draw_wrapped(v->win, y, 2, w - 2, s->input_rows[i], in->label);
	} else {
		wattrset(v->win, (long)i == s->error_input ? cb_display_attr(CB_STYLE_ERROR) : (int)A_NORMAL);
		cb_text_fit(buf, in->label, s->label_w - 2);
		mvwaddstr(v->win, y, 0, in->required ? "*" : " ");
		waddstr(v->win, buf);
	}
	wattrset(v->win, A_NORMAL);
	free(buf);
}

/* The current field's full label when it was cut, then its help or how to answer it.
 * The caller frees the result. */
static char *footer_text(const struct form_state *s, const cb_input *cur)
{
	const char *how = cur->help ? cur->help
		: cur->kind == CB_INPUT_CHOICE ? "Space or Left/Right to choose"
		: cur->kind == CB_INPUT_TICK ? "Space to tick or untick" : "";

	if (cb_text_width(cur->label) + 2 > s->label_w)
		return xasprintf("%s  %s", cur->label, how);
	return xstrdup(how);
}

static void draw_frame(cb_view *v)
{
	struct form_state *s = v->priv;
	cb_form_screen *fs = s->fs;
	int w = getmaxx(v->win), h = getmaxy(v->win);
	char page[48], line[512] = "";
	char *buf = xmalloc(4 * (size_t)w + 1), *footer;
	const cb_input *cur = &fs->inputs[s->current];

	snprintf(page, sizeof page, "page %d of %d ", form_page(s->form) + 1, s->n_pages);
	cb_view_title(v->win, fs->title, page);
	wmove(v->win, 1, 0);
	wclrtoeol(v->win);
	cb_text_fit(buf, fs->context ? fs->context : "", w);
	mvwaddstr(v->win, 1, 0, buf);
	if (fs->hooks.summary)
		fs->hooks.summary(fs, line, sizeof line);
	wmove(v->win, 2, 0);
	wclrtoeol(v->win);
	wattrset(v->win, A_BOLD);
	cb_text_fit(buf, line, w);
	mvwaddstr(v->win, 2, 0, buf);
	bool in_error = s->error_input == (long)s->current;

	wattrset(v->win, cb_display_attr(in_error ? CB_STYLE_ERROR : CB_STYLE_DIM));
	for (int y = h - FOOTER_LINES; y < h; y++) {
		wmove(v->win, y, 0);
		wclrtoeol(v->win);
	}
	footer = in_error ? xstrdup(s->error) : footer_text(s, cur);
	draw_wrapped(v->win, h - FOOTER_LINES, 0, w, FOOTER_LINES, footer);
	free(footer);
	wattrset(v->win, A_NORMAL);
	free(buf);
}

static void form_draw(cb_view *v)
{
	struct form_state *s = v->priv;
	int page;

	if (s->laid_w != getmaxx(v->win) || s->laid_h != getmaxy(v->win)) {
		werase(v->win);
		lay_out(v);
	}
	page = form_page(s->form);
	/* Labels of the page on show; libform draws the fields. */
	for (int y = BODY_TOP; y < getmaxy(v->win) - FOOTER_LINES; y++) {
		wmove(v->win, y, 0);
		for (int x = 0; x < s->label_w + 1; x++)
			waddch(v->win, ' ');
	}
	for (size_t i = 0; i < s->fs->n_inputs; i++)
		if (s->input_page[i] == page)
			draw_input_label(v, i);
	draw_frame(v);
	touchwin(v->win);
}

static void form_place_cursor(cb_view *v)
{
	struct form_state *s = v->priv;

	pos_form_cursor(s->form);
	wnoutrefresh(v->win);
}

/* ---- editing ---- */

static void set_choice(cb_view *v, size_t i, const char *value)
{
	struct form_state *s = v->priv;
	char shown[256];

	free(s->fs->values[i]);
	s->fs->values[i] = xstrdup(value);
	display_text(&s->fs->inputs[i], value, shown, sizeof shown);
	set_field_buffer(s->fields[s->input_field[i]], 0, shown);
	if ((long)i == s->error_input)
		s->error_input = -1;
	save_draft(v);
}

/* Space/Right cycle forward, Left back; a character picks the first option starting with it. */
static bool choose(cb_view *v, int key)
{
	struct form_state *s = v->priv;
	const cb_input *in = &s->fs->inputs[s->current];
	const char *value = s->fs->values[s->current];
	size_t n = in->n_options, at = n;

	if (in->kind == CB_INPUT_TICK) {
		if (key != ' ' && key != 'x' && key != KEY_LEFT && key != KEY_RIGHT)
			return false;
		set_choice(v, s->current, strcmp(value, "1") == 0 ? "0" : "1");
		return true;
	}
	for (size_t k = 0; k < n; k++)
		if (strcmp(in->options[k].value, value) == 0)
			at = k;
	if (key == ' ' || key == KEY_RIGHT)
		at = at >= n - 1 ? 0 : at + 1;
	else if (key == KEY_LEFT)
		at = at == 0 || at >= n ? n - 1 : at - 1;
	else if (CB_KEY_IS_TEXT(key)) {
		size_t k;
		for (k = 0; k < n; k++)
			if (in->options[k].label[0] == key || in->options[k].value[0] == key)
				break;
		if (k == n)
			return false;
		at = k;
	} else
		return false;
	set_choice(v, s->current, in->options[at].value);
	return true;
}

static bool edit(cb_view *v, int key)
{
	struct form_state *s = v->priv;
	const cb_input *in = &s->fs->inputs[s->current];
	int req;

	if (in->kind == CB_INPUT_CHOICE || in->kind == CB_INPUT_TICK)
		return choose(v, key);
	switch (key) {
	case KEY_LEFT: req = REQ_PREV_CHAR; break;
	case KEY_RIGHT: req = REQ_NEXT_CHAR; break;
	case KEY_HOME: req = REQ_BEG_FIELD; break;
	case KEY_END: req = REQ_END_FIELD; break;
	case KEY_BACKSPACE: case 127: case 8: req = REQ_DEL_PREV; break;
	case KEY_DC: req = REQ_DEL_CHAR; break;
	case 'U' & 0x1f: req = REQ_CLR_FIELD; break;
	case KEY_UP: req = in->kind == CB_INPUT_LONGTEXT ? REQ_UP_CHAR : -1; break;
	case KEY_DOWN: req = in->kind == CB_INPUT_LONGTEXT ? REQ_DOWN_CHAR : -1; break;
	default:
		if (!CB_KEY_IS_TEXT(key))
			return false;
		form_driver_w(s->form, OK, (wchar_t)CB_KEY_CHAR(key));
		sync_current(v);
		return true;
	}
	if (req < 0)
		return false;
	form_driver(s->form, req);
	sync_current(v);
	return true;
}

/* ---- saving and leaving ---- */

static bool changed(const struct form_state *s)
{
	for (size_t i = 0; i < s->fs->n_inputs; i++)
		if (strcmp(s->fs->values[i], s->initial[i]) != 0)
			return true;
	return false;
}

static void show_error(cb_view *v, size_t input, const cb_err *err)
{
	struct form_state *s = v->priv;

	if (s->input_field[input] >= 0)
		go_to(v, input);
	s->error_input = (long)input;
	snprintf(s->error, sizeof s->error, "%s", err->msg);
	cb_app_message(v->app, CB_STYLE_ERROR, "Not saved yet: see the message above");
}

static enum cb_key_result save(cb_view *v)
{
	struct form_state *s = v->priv;
	cb_form_screen *fs = s->fs;
	cb_err err = {0};
	size_t bad = 0;

	sync_current(v);
	for (size_t i = 0; i < fs->n_inputs; i++) {
		if (has_field(&fs->inputs[i]) && cb_input_check(&fs->inputs[i], fs->values[i], &err)) {
			show_error(v, i, &err);
			return CB_KEY_HANDLED;
		}
	}
	if (fs->hooks.check && fs->hooks.check(fs, &bad, &err)) {
		show_error(v, bad, &err);
		return CB_KEY_HANDLED;
	}
	if (fs->hooks.save(fs, v->app, &err)) {
		cb_err_prefix(&err, "Not saved; what you typed is kept");
		memcpy(s->error, err.msg, sizeof s->error);
		s->error_input = (long)s->current;
		cb_app_message(v->app, CB_STYLE_ERROR, "Not saved yet: see the message above");
		return CB_KEY_HANDLED;
	}
	cb_draft_delete(cb_app_context(v->app)->store, fs->draft_kind, fs->draft_target, &err);
	return CB_KEY_CLOSE;
}

static enum cb_key_result cancel(cb_view *v, int key)
{
	struct form_state *s = v->priv;
	cb_err err = {0};

	if (s->confirming) {
		s->confirming = false;
		if (key != 'y' && key != 'Y') {
			cb_app_message(v->app, CB_STYLE_NORMAL, "Still editing");
			return CB_KEY_HANDLED;
		}
	} else if (changed(s)) {
		s->confirming = true;
		cb_app_message(v->app, CB_STYLE_WARN, "Throw away what you typed? y: yes  n: keep editing");
		return CB_KEY_HANDLED;
	}
	cb_draft_delete(cb_app_context(v->app)->store, s->fs->draft_kind, s->fs->draft_target, &err);
	cb_app_message(v->app, CB_STYLE_NORMAL, "Cancelled; nothing was saved");
	return CB_KEY_CLOSE;
}

static enum cb_key_result step_field(cb_view *v, int step)
{
	struct form_state *s = v->priv;
	long to = neighbour(s, s->current, step);

	if (to >= 0)
		go_to(v, (size_t)to);
	return CB_KEY_HANDLED;
}

static enum cb_key_result form_key(cb_view *v, int key, enum cb_action action)
{
	struct form_state *s = v->priv;
	bool longtext = s->fs->inputs[s->current].kind == CB_INPUT_LONGTEXT;

	if (s->confirming)
		return cancel(v, key);
	if (action == CB_ACTION_SAVE)
		return save(v);
	if (action == CB_ACTION_CANCEL)
		return cancel(v, key);
	if (key == '\n' || key == '\r' || key == KEY_ENTER)
		return neighbour(s, s->current, 1) < 0 ? save(v) : step_field(v, 1);
	if (action == CB_ACTION_NEXT_FIELD && !(longtext && key == KEY_DOWN))
		return step_field(v, 1);
	if (action == CB_ACTION_PREV_FIELD && !(longtext && key == KEY_UP))
		return step_field(v, -1);
	if (key == KEY_NPAGE || key == KEY_PPAGE) {
		form_driver(s->form, key == KEY_NPAGE ? REQ_NEXT_PAGE : REQ_PREV_PAGE);
		sync_current(v);
		for (size_t i = 0; i < s->fs->n_inputs; i++)
			if (s->input_field[i] == field_index(current_field(s->form)))
				s->current = i;
		return CB_KEY_HANDLED;
	}
	return edit(v, key) ? CB_KEY_HANDLED : CB_KEY_UNHANDLED;
}

/* ---- lifecycle ---- */

static enum cb_status form_open(cb_view *v, const void *arg, cb_err *err)
{
	struct form_state *s = v->priv;
	cb_form_screen *fs = (cb_form_screen *)arg;

	s->fs = fs;
	s->error_input = -1;
	s->initial = xcalloc(fs->n_inputs + 1, sizeof *s->initial);
	for (size_t i = 0; i < fs->n_inputs; i++)
		s->initial[i] = xstrdup(fs->values[i]);
	s->input_field = xcalloc(fs->n_inputs + 1, sizeof *s->input_field);
	s->input_page = xcalloc(fs->n_inputs + 1, sizeof *s->input_page);
	s->input_row = xcalloc(fs->n_inputs + 1, sizeof *s->input_row);
	s->input_rows = xcalloc(fs->n_inputs + 1, sizeof *s->input_rows);
	first_field(s);
	if (fs->n_inputs == 0 || !has_field(&fs->inputs[s->current]))
		return cb_fail(err, CB_ERROR, "the form %s has nothing to fill in", fs->title);
	return CB_OK;
}

static void form_close(cb_view *v)
{
	struct form_state *s = v->priv;

	free_layout(s);
	for (size_t i = 0; s->initial && i < s->fs->n_inputs; i++)
		free(s->initial[i]);
	free(s->initial);
	free(s->input_field);
	free(s->input_page);
	free(s->input_row);
	free(s->input_rows);
	cb_form_free(s->fs);
}

cb_view *cb_form_open(cb_app *app, cb_form_screen *fs)
{
	if (!cb_app_has_room(app)) {
		cb_form_free(fs);
		cb_app_message(app, CB_STYLE_ERROR, "Too many screens open; press q to go back");
		return NULL;
	}
	/* From here the view owns fs: form_close frees it, even if opening fails. */
	return cb_app_push(app, &cb_form_view, fs);
}

const struct cb_view_ops cb_form_view = {
	.name = "form",
	.scope = CB_SCOPE_FORM,
	.private_size = sizeof(struct form_state),
	.open = form_open,
	.draw = form_draw,
	.key = form_key,
	.close = form_close,
	.place_cursor = form_place_cursor,
	.erases_itself = true,
};
