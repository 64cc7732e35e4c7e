/* load.c: reading form files and folders into instruments (cb_form_load, cb_forms_load_dir). */
#include "forms/forms.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/mem.h"
#include "forms/loader.h"

/* Form files are a few kilobytes; anything this big is the wrong file. */
#define MAX_FORM_BYTES (1024 * 1024)

/* 1-based line and column of a byte offset (for reader errors, which carry no mark). */
static void offset_position(const unsigned char *data, size_t len, size_t offset, int *line,
			    int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < offset && i < len; i++) {
		if (data[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if ((data[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

static void syntax_error(fl_ctx *c, const yaml_parser_t *p, const unsigned char *data,
			 size_t len)
{
	int line = (int)p->problem_mark.line + 1, col = (int)p->problem_mark.column + 1;
	const char *problem = p->problem ? p->problem : "unreadable YAML";
	const unsigned char *at = data + p->problem_mark.index;

	if (p->error == YAML_READER_ERROR) {
		size_t at_byte = p->problem_offset;
		/* a bad second byte: point at the start of the broken character instead */
		if (strcmp(problem, "invalid trailing UTF-8 octet") == 0)
			while (at_byte > 0 && p->problem_offset - at_byte < 3 &&
			       (data[--at_byte] & 0xC0) == 0x80)
				;
		offset_position(data, len, at_byte, &line, &col);
		fl_error_at(c, line, col, "the file is not valid UTF-8 text (%s); save it as UTF-8",
			    problem);
	} else if (p->problem_mark.index < len && *at == '\t') {
		fl_error_at(c, line, col, "YAML syntax error: a tab character; indent with spaces");
	} else if (p->context) {
		fl_error_at(c, line, col, "YAML syntax error: %s (%s at %d:%d); check the "
					  "indentation, colons and quotes",
			    problem, p->context, (int)p->context_mark.line + 1,
			    (int)p->context_mark.column + 1);
	} else {
		fl_error_at(c, line, col, "YAML syntax error: %s; check the indentation, colons "
					  "and quotes",
			    problem);
	}
}

/* A second document in the file is a mistake (often a stray '---'). */
static void check_single_document(fl_ctx *c, yaml_parser_t *p, const unsigned char *data,
				  size_t len)
{
	yaml_document_t extra;

	if (!yaml_parser_load(p, &extra)) {
		syntax_error(c, p, data, len);
		return;
	}
	if (yaml_document_get_root_node(&extra))
		fl_error_at(c, (int)extra.start_mark.line + 1, (int)extra.start_mark.column + 1,
			    "a second YAML document starts here; a form file holds one instrument");
	yaml_document_delete(&extra);
}

static int problem_order(const void *a, const void *b)
{
	const fl_problem *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Moves the problems into diag in file order; returns how many there were. */
static size_t flush_problems(fl_ctx *c, cb_diag *diag)
{
	size_t n = c->n_problems;

	if (n > 1)
		qsort(c->problems, n, sizeof *c->problems, problem_order);
	for (size_t i = 0; i < n; i++) {
		cb_diag_add(diag, "%s:%d:%d: %s", c->name, c->problems[i].line,
			    c->problems[i].col, c->problems[i].msg);
		free(c->problems[i].msg);
	}
	free(c->problems);
	c->problems = NULL;
	c->n_problems = 0;
	return n;
}

static void free_ctx(fl_ctx *c)
{
	for (size_t i = 0; c->ins && i < c->ins->n_scales && c->scales; i++)
		free(c->scales[i].member_nodes);
	free(c->scales);
	free(c->items);
	free(c->section_line);
	free(c->section_col);
}

/* Parses the bytes and fills c->ins, recording every problem in c. */
static void load_into(fl_ctx *c, const unsigned char *data, size_t len)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;

	if (!yaml_parser_initialize(&parser)) {
		fl_error_at(c, 1, 1, "cannot start the YAML parser (out of memory)");
		return;
	}
	yaml_parser_set_input_string(&parser, data, len);
	if (!yaml_parser_load(&parser, &doc)) {
		syntax_error(c, &parser, data, len);
		goto out_parser;
	}
	if ((root = yaml_document_get_root_node(&doc)) == NULL) {
		fl_error_at(c, 1, 1, "the file is empty; a form needs id, version, title, source, "
				     "raters and sections (see casebook-forms(5))");
		goto out;
	}
	c->doc = &doc;
	check_single_document(c, &parser, data, len);
	fl_parse_root(c, root);
	fl_resolve(c);
	c->doc = NULL;
out:
	yaml_document_delete(&doc);
out_parser:
	yaml_parser_delete(&parser);
}

enum cb_status cb_form_load_buffer(const char *name, const unsigned char *data, size_t len,
				   cb_instrument **out, cb_diag *diag)
{
	fl_ctx c = {.name = name};
	enum cb_status rc;

	*out = NULL;
	c.ins = xcalloc(1, sizeof *c.ins);
	c.ins->path = xstrdup(name);
	cb_hash_hex(data, len, c.ins->content_hash);
	if (len > MAX_FORM_BYTES)
		fl_error_at(&c, 1, 1, "the file is %zu bytes; a form file must be under 1 MB", len);
	else
		load_into(&c, data, len);
	rc = flush_problems(&c, diag) ? CB_INVALID : CB_OK;
	free_ctx(&c);
	if (rc == CB_OK)
		*out = c.ins;
	else
		cb_instrument_free(c.ins);
	return rc;
}

/* Reads a whole file (caller frees *data); reports to diag and fails if it cannot. */
static enum cb_status read_file(const char *path, unsigned char **data, size_t *len,
				cb_diag *diag)
{
	FILE *f = fopen(path, "rb");
	strbuf sb = {0};
	char buf[8192];
	size_t n;
	enum cb_status rc = CB_OK;

	if (f == NULL) {
		cb_diag_add(diag, "%s: cannot open: %s", path, strerror(errno));
		return CB_ERROR;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0 && sb.len <= MAX_FORM_BYTES)
		sb_appendn(&sb, buf, n);
	if (ferror(f)) {
		cb_diag_add(diag, "%s: cannot read: %s", path, strerror(errno));
		rc = CB_ERROR;
	}
	fclose(f);
	*len = sb.len;
	*data = (unsigned char *)sb_take(&sb);
	return rc;
}

enum cb_status cb_form_load(const char *path, cb_instrument **out, cb_diag *diag)
{
	unsigned char *data = NULL;
	size_t len = 0;
	enum cb_status rc;

	*out = NULL;
	rc = read_file(path, &data, &len, diag);
	if (rc == CB_OK)
		rc = cb_form_load_buffer(path, data, len, out, diag);
	free(data);
	return rc;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_form_file(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

/* The *.yaml names in dir, sorted; NULL (and a diagnostic) if dir cannot be read. */
static char **list_forms(const char *dir, size_t *count, cb_diag *diag)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (d == NULL) {
		cb_diag_add(diag, "%s: cannot open the forms folder: %s", dir, strerror(errno));
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		if (!is_form_file(e->d_name))
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, compare_names);
	*count = n;
	return names ? names : xcalloc(1, sizeof *names);
}

/* Adds ins to the set unless an earlier file declared the same id. */
static bool add_to_set(cb_form_set *set, cb_instrument *ins, cb_diag *diag)
{
	const cb_instrument *other = cb_forms_find(set, ins->id);

	if (other) {
		cb_diag_add(diag,
			    "%s:%d:%d: instrument id '%s' is already declared by %s; give each "
			    "instrument its own id (or replace that file)",
			    ins->path, ins->line, ins->col, ins->id, other->path);
		cb_instrument_free(ins);
		return false;
	}
	set->forms = xreallocarray(set->forms, set->count + 1, sizeof *set->forms);
	set->forms[set->count++] = ins;
	return true;
}

static int compare_ids(const void *a, const void *b)
{
	const cb_instrument *x = *(cb_instrument *const *)a, *y = *(cb_instrument *const *)b;
	return strcmp(x->id, y->id);
}

enum cb_status cb_forms_load_dir(const char *dir, cb_form_set *set, cb_diag *diag)
{
	size_t n = 0, dir_len = strlen(dir);
	const char *sep = dir_len > 0 && dir[dir_len - 1] == '/' ? "" : "/";
	char **names;
	enum cb_status rc = CB_OK;

	set->forms = NULL;
	set->count = 0;
	if ((names = list_forms(dir, &n, diag)) == NULL)
		return CB_ERROR;
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s%s%s", dir, sep, names[i]);
		cb_instrument *ins = NULL;

		if (cb_form_load(path, &ins, diag) != CB_OK || !add_to_set(set, ins, diag))
			rc = CB_INVALID;
		free(path);
		free(names[i]);
	}
	free(names);
	if (set->count > 1)
		qsort(set->forms, set->count, sizeof *set->forms, compare_ids);
	return rc;
}

const cb_instrument *cb_forms_find(const cb_form_set *set, const char *id)
{
	for (size_t i = 0; i < set->count; i++)
		if (strcmp(set->forms[i]->id, id) == 0)
			return set->forms[i];
	return NULL;
}

void cb_forms_free(cb_form_set *set)
{
	for (size_t i = 0; i < set->count; i++)
		cb_instrument_free(set->forms[i]);
	free(set->forms);
	set->forms = NULL;
	set->count = 0;
}
