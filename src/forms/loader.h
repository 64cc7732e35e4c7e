/* loader.h: shared state and helpers of the YAML form loader (private to src/forms). */
#ifndef CASEBOOK_FORMS_LOADER_H
#define CASEBOOK_FORMS_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "core/instrument.h"
#include "core/status.h"

/* One problem found in the file, kept until all are sorted by position. */
typedef struct fl_problem {
	int line, col; /* 1-based */
	size_t seq;    /* order found, to keep ties stable */
	char *msg;
} fl_problem;

/* What the later checks need to know about an item beyond cb_item. */
typedef struct fl_item_src {
	bool type_ok;          /* the type was recognised */
	bool points_reported;  /* the missing points were already reported */
	const char *no_points; /* first option without points, or NULL */
	int no_points_line, no_points_col;
} fl_item_src;

/* Where a scale came from and its member list, resolved after every item is read. */
typedef struct fl_scale_src {
	int line, col;
	bool method_ok;
	bool better_ok;
	yaml_node_t *members; /* the items: or scales: list, or NULL */
	bool of_scales;       /* members came from 'scales:' */
	yaml_node_t **member_nodes; /* the list entry behind each resolved member (resolve.c) */
} fl_scale_src;

/* The loader's state for one file. */
typedef struct fl_ctx {
	const char *name; /* file name for messages */
	yaml_document_t *doc;
	fl_problem *problems;
	size_t n_problems, cap_problems;
	cb_instrument *ins;
	fl_item_src *items;         /* parallel to ins->items */
	fl_scale_src *scales;       /* parallel to ins->scales (file order) */
	int *section_line, *section_col; /* parallel to ins->sections */
} fl_ctx;

/* One key a mapping may hold. */
typedef struct fl_key {
	const char *name;
	bool required;
} fl_key;

/* Records a problem at a node's start (or at line/col for fl_error_at). */
void fl_error(fl_ctx *c, const yaml_node_t *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void fl_error_at(fl_ctx *c, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* 1-based position of a node. */
int fl_line(const yaml_node_t *n);
int fl_col(const yaml_node_t *n);

/*
 * Checks that node is a mapping of `what` whose keys all come from keys[]
 * (reporting unknown, duplicate and missing required keys) and sets vals[i]
 * to the value of keys[i], or NULL. Returns false if node is not a mapping.
 */
bool fl_mapping(fl_ctx *c, yaml_node_t *node, const char *what, const fl_key *keys, size_t n,
		yaml_node_t **vals);

/* Checks that node is a non-empty list; says "'key' must be a list of <of>" otherwise. */
bool fl_list(fl_ctx *c, yaml_node_t *node, const char *key, const char *of);
/* Number of entries in a list node, and entry i. */
size_t fl_list_len(const yaml_node_t *node);
yaml_node_t *fl_list_at(fl_ctx *c, const yaml_node_t *node, size_t i);

/* A scalar's text (borrowed from the document), or NULL after reporting why not. */
const char *fl_text(fl_ctx *c, yaml_node_t *node, const char *key);
/* As fl_text, and copied (the caller frees); NULL if node is NULL. */
char *fl_text_dup(fl_ctx *c, yaml_node_t *node, const char *key);
/* An id (key `key`, naming a `what`) as cb_id_valid accepts; reports and returns NULL otherwise. */
const char *fl_id(fl_ctx *c, yaml_node_t *node, const char *key, const char *what);
/* Whole number from lo to hi; `hint` says what is expected. */
bool fl_int(fl_ctx *c, yaml_node_t *node, const char *key, int lo, int hi, const char *hint,
	    int *out);
/* A finite decimal number. */
bool fl_number(fl_ctx *c, yaml_node_t *node, const char *key, double *out);
/* true or false. */
bool fl_bool(fl_ctx *c, yaml_node_t *node, const char *key, bool *out);

/* The word (or NULL) within typo distance of word among names, as " did you mean 'x'?" */
void fl_suggest(char *buf, size_t size, const char *word, const char *const *names, size_t n);

/* parse.c: builds c->ins from the document's root (reporting problems). */
void fl_parse_root(fl_ctx *c, yaml_node_t *root);
/* resolve.c: duplicate ids, scale members, cycles, scale order and ranges. */
void fl_resolve(fl_ctx *c);

#endif
