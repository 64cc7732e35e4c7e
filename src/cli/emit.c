/* emit.c: the YAML (libyaml emitter) and JSON (jansson) back ends of cb_emit. */
#include "cli/emit.h"

#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/mem.h"

struct cb_emit {
	enum cb_emit_format format;
	FILE *out;
	char problem[256]; /* first error; empty while all is well */
	yaml_emitter_t yaml;
	json_t *root;      /* JSON: the whole tree */
	json_t **stack;    /* JSON: open maps and lists, innermost last */
	size_t depth, cap;
	char *key;         /* JSON: key waiting for its value */
};

static void fail(cb_emit *e, const char *what)
{
	if (e->problem[0] == '\0')
		snprintf(e->problem, sizeof e->problem, "%s", what);
}

/* YAML: sends one event, recording libyaml's complaint if it refuses it. */
static void yaml_send(cb_emit *e, yaml_event_t *ev, int made)
{
	if (e->problem[0] != '\0') {
		if (made)
			yaml_event_delete(ev);
		return;
	}
	if (!made) {
		fail(e, "text that is not valid UTF-8");
		return;
	}
	if (!yaml_emitter_emit(&e->yaml, ev))
		fail(e, e->yaml.problem ? e->yaml.problem : "the YAML writer failed");
}

static void yaml_scalar(cb_emit *e, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	int made = yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s),
						1, 1, style);
	yaml_send(e, &ev, made);
}

/* JSON: puts v where the tree is open (under the pending key, or appended). */
static void json_place(cb_emit *e, json_t *v)
{
	json_t *top = e->depth ? e->stack[e->depth - 1] : NULL;

	if (v == NULL) {
		fail(e, "text that is not valid UTF-8");
		return;
	}
	if (top == NULL && e->root == NULL)
		e->root = json_incref(v);
	else if (json_is_array(top))
		json_array_append(top, v);
	else if (json_is_object(top) && e->key)
		json_object_set(top, e->key, v);
	else
		fail(e, "a value outside any map or list (internal error)");
	free(e->key);
	e->key = NULL;
	json_decref(v);
}

static void json_open(cb_emit *e, json_t *container)
{
	json_place(e, json_incref(container));
	if (e->depth == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 16;
		e->stack = xreallocarray(e->stack, e->cap, sizeof *e->stack);
	}
	e->stack[e->depth++] = container;
}

static void json_close(cb_emit *e)
{
	if (e->depth == 0) {
		fail(e, "a map or list closed twice (internal error)");
		return;
	}
	json_decref(e->stack[--e->depth]);
}

static void yaml_start(cb_emit *e)
{
	yaml_event_t ev;

	yaml_emitter_initialize(&e->yaml);
	yaml_emitter_set_output_file(&e->yaml, e->out);
	yaml_emitter_set_unicode(&e->yaml, 1);
	yaml_emitter_set_indent(&e->yaml, 2);
	yaml_emitter_set_width(&e->yaml, -1);
	yaml_emitter_set_break(&e->yaml, YAML_LN_BREAK);
	yaml_send(e, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	yaml_send(e, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
}

cb_emit *cb_emit_new(enum cb_emit_format format, FILE *out)
{
	cb_emit *e = xcalloc(1, sizeof *e);

	e->format = format;
	e->out = out;
	if (format == CB_EMIT_YAML)
		yaml_start(e);
	return e;
}

void cb_emit_map_begin(cb_emit *e)
{
	yaml_event_t ev;

	if (e->format == CB_EMIT_JSON) {
		json_open(e, json_object());
		return;
	}
	yaml_send(e, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
							       YAML_BLOCK_MAPPING_STYLE));
}

void cb_emit_map_end(cb_emit *e)
{
	yaml_event_t ev;

	if (e->format == CB_EMIT_JSON) {
		json_close(e);
		return;
	}
	yaml_send(e, &ev, yaml_mapping_end_event_initialize(&ev));
}

void cb_emit_seq_begin(cb_emit *e, bool flow)
{
	yaml_event_t ev;

	if (e->format == CB_EMIT_JSON) {
		json_open(e, json_array());
		return;
	}
	yaml_send(e, &ev, yaml_sequence_start_event_initialize(
				  &ev, NULL, NULL, 1,
				  flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE));
}

void cb_emit_seq_end(cb_emit *e)
{
	yaml_event_t ev;

	if (e->format == CB_EMIT_JSON) {
		json_close(e);
		return;
	}
	yaml_send(e, &ev, yaml_sequence_end_event_initialize(&ev));
}

/* A key of the format's own vocabulary (and item ids): letters, digits, _ . - */
static bool identifier(const char *s)
{
	return isalpha((unsigned char)s[0]) &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") ==
		       strlen(s);
}

void cb_emit_key(cb_emit *e, const char *key)
{
	if (e->format == CB_EMIT_JSON) {
		free(e->key);
		e->key = xstrdup(key);
	} else if (identifier(key)) {
		yaml_scalar(e, key, YAML_PLAIN_SCALAR_STYLE);
	} else {
		cb_emit_str(e, key);
	}
}

/* 0x1f, 0o17, 0b101 (YAML 1.1 and 1.2 integers with a base prefix). */
static bool based_integer(const char *s)
{
	const char *digits;

	if (s[0] != '0' || s[1] == '\0')
		return false;
	switch (s[1]) {
	case 'x': digits = "0123456789abcdefABCDEF_"; break;
	case 'o': digits = "01234567_"; break;
	case 'b': digits = "01_"; break;
	default: return false;
	}
	return s[2] != '\0' && strspn(s + 2, digits) == strlen(s + 2);
}

/* Decimal and sexagesimal numbers, floats with exponents: digits and _.:eE+- only. */
static bool decimal_number(const char *s)
{
	return strspn(s, "0123456789_.:eE+-") == strlen(s) && strpbrk(s, "0123456789") != NULL;
}

/* A YAML 1.1 timestamp starts YYYY-M-D then ends or goes on with T, t or a space. */
static bool timestamp_start(const char *s)
{
	size_t y = strspn(s, "0123456789"), m, d;

	if (y != 4 || s[4] != '-')
		return false;
	m = strspn(s + 5, "0123456789");
	if (m < 1 || m > 2 || s[5 + m] != '-')
		return false;
	d = strspn(s + 6 + m, "0123456789");
	return d >= 1 && d <= 2 && strchr("Tt \t", s[6 + m + d]) != NULL;
}

bool cb_emit_needs_quotes(const char *s)
{
	static const char *const words[] = {
		"~",    "null", "Null", "NULL", "y",     "Y",     "yes",   "Yes",  "YES",
		"n",    "N",    "no",   "No",   "NO",    "true",  "True",  "TRUE", "false",
		"False", "FALSE", "on", "On",   "ON",    "off",   "Off",   "OFF",  ".inf",
		".Inf", ".INF", ".nan", ".NaN", ".NAN",  "<<",    "=",     NULL,
	};
	const char *body = s + (s[0] == '-' || s[0] == '+');

	if (s[0] == '\0' || decimal_number(s) || based_integer(body) || timestamp_start(s))
		return true;
	if ((s[0] == '-' || s[0] == '+') && (strcmp(body, ".inf") == 0 ||
					     strcmp(body, ".Inf") == 0 || strcmp(body, ".INF") == 0))
		return true;
	for (size_t i = 0; words[i]; i++)
		if (strcmp(s, words[i]) == 0)
			return true;
	return false;
}

void cb_emit_str(cb_emit *e, const char *s)
{
	yaml_scalar_style_t style = YAML_PLAIN_SCALAR_STYLE;

	if (e->format == CB_EMIT_JSON) {
		json_place(e, json_string(s));
		return;
	}
	if (cb_emit_needs_quotes(s))
		style = YAML_SINGLE_QUOTED_SCALAR_STYLE;
	else if (strchr(s, '\n'))
		style = YAML_LITERAL_SCALAR_STYLE;
	yaml_scalar(e, s, style);
}

void cb_emit_plain(cb_emit *e, const char *s)
{
	if (e->format == CB_EMIT_JSON)
		json_place(e, json_string(s));
	else
		yaml_scalar(e, s, YAML_PLAIN_SCALAR_STYLE);
}

void cb_emit_int(cb_emit *e, long long v)
{
	char buf[32];

	if (e->format == CB_EMIT_JSON) {
		json_place(e, json_integer(v));
		return;
	}
	snprintf(buf, sizeof buf, "%lld", v);
	yaml_scalar(e, buf, YAML_PLAIN_SCALAR_STYLE);
}

void cb_emit_bool(cb_emit *e, bool v)
{
	if (e->format == CB_EMIT_JSON)
		json_place(e, json_boolean(v));
	else
		yaml_scalar(e, v ? "true" : "false", YAML_PLAIN_SCALAR_STYLE);
}

void cb_emit_null(cb_emit *e)
{
	if (e->format == CB_EMIT_JSON)
		json_place(e, json_null());
	else
		yaml_scalar(e, "~", YAML_PLAIN_SCALAR_STYLE);
}

void cb_emit_real(cb_emit *e, double v)
{
	char buf[40];

	if (!isfinite(v)) {
		cb_emit_null(e);
		return;
	}
	if (e->format == CB_EMIT_JSON) {
		json_place(e, json_real(v));
		return;
	}
	for (int digits = 1; digits <= 17; digits++) {
		snprintf(buf, sizeof buf, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	yaml_scalar(e, buf, YAML_PLAIN_SCALAR_STYLE);
}

static void yaml_finish(cb_emit *e)
{
	yaml_event_t ev;

	yaml_send(e, &ev, yaml_document_end_event_initialize(&ev, 1));
	yaml_send(e, &ev, yaml_stream_end_event_initialize(&ev));
	if (e->problem[0] == '\0' && !yaml_emitter_flush(&e->yaml))
		fail(e, "the YAML writer could not write its output");
	yaml_emitter_delete(&e->yaml);
}

static void json_finish(cb_emit *e)
{
	if (e->depth != 0)
		fail(e, "a map or list left open (internal error)");
	if (e->problem[0] == '\0' && e->root) {
		if (json_dumpf(e->root, e->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0)
			fail(e, "the JSON writer could not write its output");
		else
			fputc('\n', e->out);
	}
	while (e->depth)
		json_decref(e->stack[--e->depth]);
	json_decref(e->root);
	free(e->stack);
	free(e->key);
}

enum cb_status cb_emit_finish(cb_emit *e, cb_err *err)
{
	enum cb_status rc = CB_OK;

	if (e == NULL)
		return CB_OK;
	if (e->format == CB_EMIT_YAML)
		yaml_finish(e);
	else
		json_finish(e);
	if (e->problem[0] == '\0' && (fflush(e->out) != 0 || ferror(e->out)))
		fail(e, "the output could not be written (disk full, or a closed pipe?)");
	if (e->problem[0] != '\0')
		rc = cb_fail(err, CB_ERROR, "writing the export: %s", e->problem);
	free(e);
	return rc;
}
