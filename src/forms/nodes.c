/* nodes.c: reading typed values out of libyaml document nodes, reporting every misfit. */
#include "forms/loader.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ids.h"
#include "core/mem.h"

int fl_line(const yaml_node_t *n)
{
	return (int)n->start_mark.line + 1;
}

int fl_col(const yaml_node_t *n)
{
	return (int)n->start_mark.column + 1;
}

static void add_problem(fl_ctx *c, int line, int col, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

static void add_problem(fl_ctx *c, int line, int col, const char *fmt, va_list ap)
{
	fl_problem *p;

	if (c->n_problems == c->cap_problems) {
		c->cap_problems = c->cap_problems ? c->cap_problems * 2 : 8;
		c->problems = xreallocarray(c->problems, c->cap_problems, sizeof *c->problems);
	}
	p = &c->problems[c->n_problems];
	p->line = line;
	p->col = col;
	p->seq = c->n_problems++;
	p->msg = xvasprintf(fmt, ap);
}

void fl_error(fl_ctx *c, const yaml_node_t *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_problem(c, fl_line(at), fl_col(at), fmt, ap);
	va_end(ap);
}

void fl_error_at(fl_ctx *c, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_problem(c, line, col, fmt, ap);
	va_end(ap);
}

static bool is_null(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE && n->data.scalar.length == 0 &&
	       n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

/* "a list", "a mapping", "nothing", "'text'" for messages; static or in buf. */
static const char *describe(const yaml_node_t *n, char *buf, size_t size)
{
	if (n->type == YAML_SEQUENCE_NODE)
		return "a list";
	if (n->type == YAML_MAPPING_NODE)
		return "a mapping";
	if (is_null(n))
		return "nothing";
	snprintf(buf, size, "'%.40s%s'", (const char *)n->data.scalar.value,
		 n->data.scalar.length > 40 ? "..." : "");
	return buf;
}

void fl_suggest(char *buf, size_t size, const char *word, const char *const *names, size_t n)
{
	const char *near = cb_closest(word, names, n);

	if (near)
		snprintf(buf, size, " did you mean '%s'?", near);
	else
		buf[0] = '\0';
}

/* Index of name in keys, or -1. */
static long key_index(const fl_key *keys, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(keys[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* Reports an unknown key; returns the index of the key it is probably a typo for, or -1. */
static long unknown_key(fl_ctx *c, yaml_node_t *key, const char *what, const fl_key *keys,
			size_t n)
{
	const char *near;
	long idx = -1;
	const char **names = xcalloc(n, sizeof *names);
	const char *word = (const char *)key->data.scalar.value;
	strbuf list = {0};

	for (size_t i = 0; i < n; i++) {
		names[i] = keys[i].name;
		sb_appendf(&list, "%s%s", i ? ", " : "", keys[i].name);
	}
	if ((near = cb_closest(word, names, n)) != NULL) {
		fl_error(c, key, "unknown key '%s' in %s; did you mean '%s'?", word, what, near);
		idx = key_index(keys, n, near);
	} else {
		fl_error(c, key, "unknown key '%s' in %s; expected one of: %s", word, what,
			 sb_str(&list));
	}
	sb_free(&list);
	free(names);
	return idx;
}

/*
 * Files one key: value pair into vals. A misspelt key's value goes into typos[]
 * under the key it resembles, so that what it holds is still checked (and the
 * real key is not also reported missing) unless the real key turns up too.
 */
static void take_pair(fl_ctx *c, yaml_node_pair_t *pair, const char *what, const fl_key *keys,
		      size_t n, yaml_node_t **vals, yaml_node_t **key_nodes, yaml_node_t **typos)
{
	yaml_node_t *key = yaml_document_get_node(c->doc, pair->key);
	yaml_node_t *val = yaml_document_get_node(c->doc, pair->value);
	char buf[64];
	long idx;

	if (key->type != YAML_SCALAR_NODE) {
		fl_error(c, key, "keys in %s must be plain words, found %s", what,
			 describe(key, buf, sizeof buf));
		return;
	}
	idx = key_index(keys, n, (const char *)key->data.scalar.value);
	if (idx < 0) {
		idx = unknown_key(c, key, what, keys, n);
		if (idx >= 0 && typos[idx] == NULL)
			typos[idx] = val;
	} else if (key_nodes[idx]) {
		fl_error(c, key, "duplicate key '%s' in %s (first at %d:%d); keep only one",
			 keys[idx].name, what, fl_line(key_nodes[idx]), fl_col(key_nodes[idx]));
	} else {
		key_nodes[idx] = key;
		vals[idx] = val;
	}
}

bool fl_mapping(fl_ctx *c, yaml_node_t *node, const char *what, const fl_key *keys, size_t n,
		yaml_node_t **vals)
{
	yaml_node_t **key_nodes = xcalloc(n, sizeof *key_nodes);
	yaml_node_t **typos = xcalloc(n, sizeof *typos);
	char buf[64];

	for (size_t i = 0; i < n; i++)
		vals[i] = NULL;
	if (node->type != YAML_MAPPING_NODE) {
		fl_error(c, node, "%s must be a mapping of 'key: value' lines, found %s", what,
			 describe(node, buf, sizeof buf));
		free(key_nodes);
		free(typos);
		return false;
	}
	for (yaml_node_pair_t *p = node->data.mapping.pairs.start;
	     p < node->data.mapping.pairs.top; p++)
		take_pair(c, p, what, keys, n, vals, key_nodes, typos);
	for (size_t i = 0; i < n; i++) {
		if (vals[i] == NULL)
			vals[i] = typos[i];
		if (keys[i].required && vals[i] == NULL)
			fl_error(c, node, "missing required key '%s' in %s", keys[i].name, what);
	}
	free(key_nodes);
	free(typos);
	return true;
}

bool fl_list(fl_ctx *c, yaml_node_t *node, const char *key, const char *of)
{
	char buf[64];

	if (node->type == YAML_SEQUENCE_NODE || is_null(node))
		return true;
	fl_error(c, node, "'%s' must be a list of %s (one '- ' line each), found %s", key, of,
		 describe(node, buf, sizeof buf));
	return false;
}

size_t fl_list_len(const yaml_node_t *node)
{
	if (node->type != YAML_SEQUENCE_NODE)
		return 0;
	return (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
}

yaml_node_t *fl_list_at(fl_ctx *c, const yaml_node_t *node, size_t i)
{
	return yaml_document_get_node(c->doc, node->data.sequence.items.start[i]);
}

const char *fl_text(fl_ctx *c, yaml_node_t *node, const char *key)
{
	char buf[64];

	if (node == NULL)
		return NULL;
	if (node->type != YAML_SCALAR_NODE) {
		fl_error(c, node, "'%s' must be text, found %s", key,
			 describe(node, buf, sizeof buf));
		return NULL;
	}
	if (node->data.scalar.length == 0) {
		fl_error(c, node, "'%s' is empty; write its text or remove the key", key);
		return NULL;
	}
	if (strlen((const char *)node->data.scalar.value) != node->data.scalar.length) {
		fl_error(c, node, "'%s' contains a NUL character", key);
		return NULL;
	}
	return (const char *)node->data.scalar.value;
}

char *fl_text_dup(fl_ctx *c, yaml_node_t *node, const char *key)
{
	const char *s = fl_text(c, node, key);
	return s ? xstrdup(s) : NULL;
}

const char *fl_id(fl_ctx *c, yaml_node_t *node, const char *key, const char *what)
{
	const char *s = fl_text(c, node, key);

	if (s && !cb_id_valid(s)) {
		fl_error(c, node,
			 "%s %s '%s' is not valid: use 1 to 64 letters, digits, '_', '-' or '.', "
			 "starting with a letter or digit",
			 what, key, s);
		return NULL;
	}
	return s;
}

/* Parses an optionally signed decimal integer with nothing else around it. */
static bool parse_whole(const char *s, long *out)
{
	const char *digits = (*s == '+' || *s == '-') ? s + 1 : s;
	char *end;

	if (*digits < '0' || *digits > '9')
		return false;
	errno = 0;
	*out = strtol(s, &end, 10);
	return errno == 0 && *end == '\0';
}

bool fl_int(fl_ctx *c, yaml_node_t *node, const char *key, int lo, int hi, const char *hint,
	    int *out)
{
	char buf[64];
	long v;

	if (node->type != YAML_SCALAR_NODE || is_null(node) ||
	    !parse_whole((const char *)node->data.scalar.value, &v) || v < lo || v > hi) {
		fl_error(c, node, "'%s' must be %s, not %s", key, hint,
			 describe(node, buf, sizeof buf));
		return false;
	}
	*out = (int)v;
	return true;
}

bool fl_number(fl_ctx *c, yaml_node_t *node, const char *key, double *out)
{
	const char *s = node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : "";
	char buf[64], *end;
	double v;

	/* strtod would also take hex, "inf" and "nan"; a weight is a plain decimal. */
	if (*s != '\0' && strpbrk(s, "xXnNiI") == NULL) {
		errno = 0;
		v = strtod(s, &end);
		if (errno == 0 && end != s && *end == '\0' && isfinite(v)) {
			*out = v;
			return true;
		}
	}
	fl_error(c, node, "'%s' must be a number such as 1, -1 or 0.5, not %s", key,
		 describe(node, buf, sizeof buf));
	return false;
}

bool fl_bool(fl_ctx *c, yaml_node_t *node, const char *key, bool *out)
{
	char buf[64];

	if (node->type == YAML_SCALAR_NODE) {
		const char *s = (const char *)node->data.scalar.value;
		if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0) {
			*out = s[0] == 't';
			return true;
		}
	}
	fl_error(c, node, "'%s' must be true or false, not %s", key,
		 describe(node, buf, sizeof buf));
	return false;
}
