/* parse.c: turns a form file's YAML tree into a cb_instrument, reporting every misfit. */
#include "forms/loader.h"

#include <stdio.h>
#include <string.h>

#include "core/mem.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Limits that catch typos rather than restrict real instruments. */
enum { MAX_VERSION = 1000000, LIKERT_LIMIT = 100, MAX_AGE = 25 };

static const char *const rater_names[] = {"worker", "family_member", "child"};
static const char *const type_names[] = {"tick", "choice", "likert", "scale10", "text", "date"};
static const char *const method_names[] = {"weighted_sum", "mean", "sum_of_scales"};

static const fl_key top_keys[] = {
	{"id", true},	   {"version", true}, {"title", true},	  {"source", true},
	{"notes", false},  {"raters", true},  {"sections", true}, {"scales", false},
};
enum { T_ID, T_VERSION, T_TITLE, T_SOURCE, T_NOTES, T_RATERS, T_SECTIONS, T_SCALES };

static const fl_key section_keys[] = {
	{"id", true}, {"title", true}, {"help", false}, {"applies_when", false}, {"items", true},
};
enum { S_ID, S_TITLE, S_HELP, S_WHEN, S_ITEMS };

static const fl_key when_keys[] = {{"child_age_over", true}};

static const fl_key item_keys[] = {
	{"id", true},	    {"text", true},    {"help", false}, {"type", true},	     {"weight", false},
	{"options", false}, {"min", false},    {"max", false},	{"required", false},
};
enum { I_ID, I_TEXT, I_HELP, I_TYPE, I_WEIGHT, I_OPTIONS, I_MIN, I_MAX, I_REQUIRED };

static const fl_key option_keys[] = {{"value", true}, {"label", true}, {"points", false}};
enum { O_VALUE, O_LABEL, O_POINTS };

static const fl_key scale_keys[] = {
	{"id", true}, {"title", true}, {"method", true}, {"items", false}, {"scales", false},
	{"better", true},
};
enum { C_ID, C_TITLE, C_METHOD, C_ITEMS, C_SCALES, C_BETTER };

/* "item 'x'" if the mapping has a usable id, else "an item"; written into buf. */
static const char *name_of(fl_ctx *c, yaml_node_t *node, const char *kind, char *buf,
			   size_t size)
{
	if (node->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *p = node->data.mapping.pairs.start;
		     p < node->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
			yaml_node_t *v = yaml_document_get_node(c->doc, p->value);
			if (k->type == YAML_SCALAR_NODE && v->type == YAML_SCALAR_NODE &&
			    strcmp((const char *)k->data.scalar.value, "id") == 0 &&
			    v->data.scalar.length > 0 && v->data.scalar.length < 70) {
				snprintf(buf, size, "%s '%s'", kind, (const char *)v->data.scalar.value);
				return buf;
			}
		}
	}
	snprintf(buf, size, "a%s %s", strchr("aeiou", kind[0]) ? "n" : "", kind);
	return buf;
}

/* Index of word in names, or -1 after reporting "unknown <what> 'word' (expected ...)". */
static int pick(fl_ctx *c, yaml_node_t *node, const char *key, const char *what,
		const char *const *names, size_t n)
{
	const char *word = fl_text(c, node, key);
	char hint[96];
	strbuf list = {0};

	if (word == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(word, names[i]) == 0)
			return (int)i;
	for (size_t i = 0; i < n; i++)
		sb_appendf(&list, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", names[i]);
	fl_suggest(hint, sizeof hint, word, names, n);
	fl_error(c, node, "unknown %s '%s' (expected %s);%s", what, word, sb_str(&list),
		 hint[0] ? hint : " see casebook-forms(5)");
	sb_free(&list);
	return -1;
}

static void parse_raters(fl_ctx *c, yaml_node_t *node)
{
	cb_instrument *ins = c->ins;
	size_t n;

	if (!fl_list(c, node, "raters", "raters"))
		return;
	if ((n = fl_list_len(node)) == 0) {
		fl_error(c, node, "'raters' is empty; list who may complete the form: worker, "
				  "family_member and/or child");
		return;
	}
	ins->raters = xcalloc(n, sizeof *ins->raters);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *e = fl_list_at(c, node, i);
		int r;
		if (e->type != YAML_SCALAR_NODE) {
			fl_error(c, e, "each entry of 'raters' must be worker, family_member or child, "
				       "not a %s",
				 e->type == YAML_SEQUENCE_NODE ? "list" : "mapping");
			continue;
		}
		if ((r = pick(c, e, "raters", "rater", rater_names, N_OF(rater_names))) < 0)
			continue;
		if (cb_instrument_allows_rater(ins, rater_names[r])) {
			fl_error(c, e, "rater '%s' is listed twice", rater_names[r]);
			continue;
		}
		ins->raters[ins->n_raters++] = xstrdup(rater_names[r]);
	}
}

static void parse_applies_when(fl_ctx *c, yaml_node_t *node, cb_section *sec)
{
	yaml_node_t *v[N_OF(when_keys)];

	if (!fl_mapping(c, node, "applies_when", when_keys, N_OF(when_keys), v) || !v[0])
		return;
	fl_int(c, v[0], "child_age_over", 0, MAX_AGE,
	       "a whole number of years from 0 to 25 (the section applies when the child is "
	       "older than that on the assessment date)",
	       &sec->child_age_over);
}

/* Reads one option into it->options (sized by the caller); checks its value is new. */
static void parse_option(fl_ctx *c, yaml_node_t *node, cb_item *it, fl_item_src *src,
			 yaml_node_t **value_nodes, const char *what)
{
	yaml_node_t *v[N_OF(option_keys)];
	cb_option opt = {0};
	const char *value;

	if (!fl_mapping(c, node, "an option", option_keys, N_OF(option_keys), v))
		return;
	value = v[O_VALUE] ? fl_id(c, v[O_VALUE], "value", "option") : NULL;
	opt.label = fl_text_dup(c, v[O_LABEL], "label");
	if (v[O_POINTS])
		fl_number(c, v[O_POINTS], "points", &opt.points);
	for (size_t i = 0; value && i < it->n_options; i++) {
		if (strcmp(it->options[i].value, value) == 0) {
			fl_error(c, v[O_VALUE], "duplicate option value '%s' in %s (first at %d:%d)",
				 value, what, fl_line(value_nodes[i]), fl_col(value_nodes[i]));
			value = NULL;
		}
	}
	if (value == NULL) {
		free(opt.label);
		return;
	}
	opt.value = xstrdup(value);
	if (!v[O_POINTS] && src->no_points == NULL) {
		src->no_points = opt.value;
		src->no_points_line = fl_line(node);
		src->no_points_col = fl_col(node);
	}
	value_nodes[it->n_options] = v[O_VALUE];
	it->options[it->n_options++] = opt;
}

static void parse_options(fl_ctx *c, yaml_node_t *node, cb_item *it, fl_item_src *src,
			  const char *what)
{
	size_t n;
	yaml_node_t **value_nodes;

	if (!fl_list(c, node, "options", "options"))
		return;
	n = fl_list_len(node);
	if (n < 2) {
		fl_error(c, node, "choice %s needs at least two options, found %zu", what, n);
		if (n == 0)
			return;
	}
	it->options = xcalloc(n, sizeof *it->options);
	value_nodes = xcalloc(n, sizeof *value_nodes);
	for (size_t i = 0; i < n; i++)
		parse_option(c, fl_list_at(c, node, i), it, src, value_nodes, what);
	free(value_nodes);
}

/* min/max: required for likert, fixed 0..10 for scale10, refused elsewhere. */
static void parse_range(fl_ctx *c, yaml_node_t *item, yaml_node_t **v, cb_item *it,
			const char *what)
{
	static const char hint[] = "a whole number from -100 to 100";
	bool ok = true;

	if (it->type == CB_ITEM_SCALE10) {
		it->min = 0;
		it->max = 10;
	}
	for (int k = I_MIN; k <= I_MAX; k++) {
		const char *key = item_keys[k].name;
		if (it->type != CB_ITEM_LIKERT) {
			if (v[k])
				fl_error(c, v[k], "'%s' is only for likert items; %s is a %s item%s",
					 key, what, cb_item_type_name(it->type),
					 it->type == CB_ITEM_SCALE10 ? ", which always runs 0 to 10"
								     : "");
		} else if (v[k] == NULL) {
			fl_error(c, item, "likert %s has no '%s' (%s, such as %s)", what, key,
				 k == I_MIN ? "the lowest answer" : "the highest answer",
				 k == I_MIN ? "1" : "7");
			ok = false;
		} else {
			ok &= fl_int(c, v[k], key, -LIKERT_LIMIT, LIKERT_LIMIT, hint,
				     k == I_MIN ? &it->min : &it->max);
		}
	}
	if (it->type == CB_ITEM_LIKERT && ok && it->min >= it->max)
		fl_error(c, v[I_MIN], "likert %s needs min below max, but min is %d and max is %d",
			 what, it->min, it->max);
}

/* Checks the keys that depend on the item's type. */
static void parse_typed(fl_ctx *c, yaml_node_t *node, yaml_node_t **v, cb_item *it,
			fl_item_src *src, const char *what)
{
	bool unscored = it->type == CB_ITEM_TEXT || it->type == CB_ITEM_DATE;

	if (v[I_WEIGHT] && unscored)
		fl_error(c, v[I_WEIGHT], "'weight' has no meaning for %s, a %s item that is never "
					 "scored; remove it",
			 what, cb_item_type_name(it->type));
	else if (v[I_WEIGHT])
		fl_number(c, v[I_WEIGHT], "weight", &it->weight);
	if (it->type == CB_ITEM_CHOICE && v[I_OPTIONS] == NULL)
		fl_error(c, node, "choice %s has no options; add 'options:' with at least two "
				  "entries of value, label and points",
			 what);
	else if (it->type == CB_ITEM_CHOICE)
		parse_options(c, v[I_OPTIONS], it, src, what);
	else if (v[I_OPTIONS])
		fl_error(c, v[I_OPTIONS], "'options' are only for choice items; %s is a %s item",
			 what, cb_item_type_name(it->type));
	parse_range(c, node, v, it, what);
}

/* Appends a blank item (and its side record) and returns its index. */
static size_t add_item(fl_ctx *c)
{
	cb_instrument *ins = c->ins;
	size_t i = ins->n_items++;

	ins->items = xreallocarray(ins->items, ins->n_items, sizeof *ins->items);
	c->items = xreallocarray(c->items, ins->n_items, sizeof *c->items);
	memset(&ins->items[i], 0, sizeof ins->items[i]);
	memset(&c->items[i], 0, sizeof c->items[i]);
	return i;
}

static void parse_item(fl_ctx *c, yaml_node_t *node, size_t section)
{
	yaml_node_t *v[N_OF(item_keys)];
	char what[96];
	size_t i;
	cb_item *it;
	int type;

	name_of(c, node, "item", what, sizeof what);
	if (!fl_mapping(c, node, what, item_keys, N_OF(item_keys), v))
		return;
	i = add_item(c);
	it = &c->ins->items[i];
	it->id = xstrdup_or_null(v[I_ID] ? fl_id(c, v[I_ID], "id", "item") : NULL);
	it->text = fl_text_dup(c, v[I_TEXT], "text");
	it->help = fl_text_dup(c, v[I_HELP], "help");
	it->weight = 1;
	it->section = section;
	it->line = fl_line(node);
	it->col = fl_col(node);
	if (v[I_REQUIRED])
		fl_bool(c, v[I_REQUIRED], "required", &it->required);
	type = v[I_TYPE] ? pick(c, v[I_TYPE], "type", "response type", type_names,
				N_OF(type_names))
			 : -1;
	if (type < 0) {
		if (v[I_WEIGHT]) /* still worth checking; the rest depends on the type */
			fl_number(c, v[I_WEIGHT], "weight", &it->weight);
		return;
	}
	it->type = (enum cb_item_type)type;
	c->items[i].type_ok = true;
	parse_typed(c, node, v, it, &c->items[i], what);
}

/* Appends a section (and its position) and returns its index. */
static size_t add_section(fl_ctx *c, yaml_node_t *node)
{
	cb_instrument *ins = c->ins;
	size_t i = ins->n_sections++;

	ins->sections = xreallocarray(ins->sections, ins->n_sections, sizeof *ins->sections);
	c->section_line = xreallocarray(c->section_line, ins->n_sections, sizeof(int));
	c->section_col = xreallocarray(c->section_col, ins->n_sections, sizeof(int));
	memset(&ins->sections[i], 0, sizeof ins->sections[i]);
	ins->sections[i].child_age_over = -1;
	c->section_line[i] = fl_line(node);
	c->section_col[i] = fl_col(node);
	return i;
}

static void parse_section(fl_ctx *c, yaml_node_t *node)
{
	yaml_node_t *v[N_OF(section_keys)];
	char what[96];
	cb_section *sec;
	size_t s, n;

	name_of(c, node, "section", what, sizeof what);
	if (!fl_mapping(c, node, what, section_keys, N_OF(section_keys), v))
		return;
	s = add_section(c, node);
	sec = &c->ins->sections[s];
	sec->id = xstrdup_or_null(v[S_ID] ? fl_id(c, v[S_ID], "id", "section") : NULL);
	sec->title = fl_text_dup(c, v[S_TITLE], "title");
	sec->help = fl_text_dup(c, v[S_HELP], "help");
	if (v[S_WHEN])
		parse_applies_when(c, v[S_WHEN], sec);
	if (v[S_ITEMS] == NULL || !fl_list(c, v[S_ITEMS], "items", "items"))
		return;
	if ((n = fl_list_len(v[S_ITEMS])) == 0)
		fl_error(c, v[S_ITEMS], "%s has no items; add at least one item or remove the "
					"section",
			 what);
	for (size_t i = 0; i < n; i++)
		parse_item(c, fl_list_at(c, v[S_ITEMS], i), s);
}

static void parse_sections(fl_ctx *c, yaml_node_t *node)
{
	size_t n;

	if (!fl_list(c, node, "sections", "sections"))
		return;
	if ((n = fl_list_len(node)) == 0)
		fl_error(c, node, "'sections' is empty; an instrument needs at least one section "
				  "with items");
	for (size_t i = 0; i < n; i++)
		parse_section(c, fl_list_at(c, node, i));
}

/* Picks the member list that suits the method, reporting a list of the wrong kind. */
static void scale_members(fl_ctx *c, yaml_node_t *node, yaml_node_t **v, fl_scale_src *src,
			  const cb_scale *sc, const char *what)
{
	bool sums = sc->method == CB_SCALE_SUM_OF_SCALES;
	yaml_node_t *want = sums ? v[C_SCALES] : v[C_ITEMS];
	yaml_node_t *other = sums ? v[C_ITEMS] : v[C_SCALES];
	const char *want_key = sums ? "scales" : "items";

	if (other)
		fl_error(c, other, "%s uses method %s, which takes '%s:', not '%s:'%s", what,
			 cb_scale_method_name(sc->method), want_key, sums ? "items" : "scales",
			 sums ? "" : " (use method sum_of_scales to add up other scales)");
	else if (want == NULL)
		fl_error(c, node, "%s has no '%s'; list the %s it %s", what, want_key, want_key,
			 sums ? "adds up" : "scores");
	if (want == NULL || !fl_list(c, want, want_key, sums ? "scale ids" : "item ids"))
		return;
	if (fl_list_len(want) == 0) {
		fl_error(c, want, "%s lists no %s; name at least one", what, want_key);
		return;
	}
	src->members = want;
	src->of_scales = sums;
}

/* Appends a scale (and its side record) and returns its index. */
static size_t add_scale(fl_ctx *c, yaml_node_t *node)
{
	cb_instrument *ins = c->ins;
	size_t i = ins->n_scales++;

	ins->scales = xreallocarray(ins->scales, ins->n_scales, sizeof *ins->scales);
	c->scales = xreallocarray(c->scales, ins->n_scales, sizeof *c->scales);
	memset(&ins->scales[i], 0, sizeof ins->scales[i]);
	memset(&c->scales[i], 0, sizeof c->scales[i]);
	c->scales[i].line = fl_line(node);
	c->scales[i].col = fl_col(node);
	return i;
}

static void parse_scale(fl_ctx *c, yaml_node_t *node)
{
	static const char *const better_names[] = {"higher", "lower"};
	yaml_node_t *v[N_OF(scale_keys)];
	char what[96];
	cb_scale *sc;
	fl_scale_src *src;
	size_t s;
	int m, b;

	name_of(c, node, "scale", what, sizeof what);
	if (!fl_mapping(c, node, what, scale_keys, N_OF(scale_keys), v))
		return;
	s = add_scale(c, node);
	sc = &c->ins->scales[s];
	src = &c->scales[s];
	sc->id = xstrdup_or_null(v[C_ID] ? fl_id(c, v[C_ID], "id", "scale") : NULL);
	sc->title = fl_text_dup(c, v[C_TITLE], "title");
	b = v[C_BETTER] ? pick(c, v[C_BETTER], "better", "direction", better_names, 2) : -1;
	src->better_ok = b >= 0;
	sc->better = b == 1 ? CB_BETTER_LOWER : CB_BETTER_HIGHER;
	if (v[C_ITEMS] && v[C_SCALES])
		fl_error(c, v[C_SCALES], "%s has both 'items' and 'scales'; weighted_sum and mean "
					 "take 'items', sum_of_scales takes 'scales'",
			 what);
	m = v[C_METHOD] ? pick(c, v[C_METHOD], "method", "method", method_names, N_OF(method_names)) : -1;
	if (m < 0 || (v[C_ITEMS] && v[C_SCALES]))
		return;
	sc->method = (enum cb_scale_method)m;
	src->method_ok = true;
	scale_members(c, node, v, src, sc, what);
}

static void parse_scales(fl_ctx *c, yaml_node_t *node)
{
	if (!fl_list(c, node, "scales", "scales"))
		return;
	for (size_t i = 0; i < fl_list_len(node); i++)
		parse_scale(c, fl_list_at(c, node, i));
}

void fl_parse_root(fl_ctx *c, yaml_node_t *root)
{
	yaml_node_t *v[N_OF(top_keys)];
	cb_instrument *ins = c->ins;

	if (!fl_mapping(c, root, "the top level of the file", top_keys, N_OF(top_keys), v))
		return;
	if (v[T_ID]) {
		ins->id = xstrdup_or_null(fl_id(c, v[T_ID], "id", "instrument"));
		ins->line = fl_line(v[T_ID]);
		ins->col = fl_col(v[T_ID]);
	}
	if (v[T_VERSION])
		fl_int(c, v[T_VERSION], "version", 1, MAX_VERSION,
		       "a positive whole number such as 1 (raise it whenever scoring changes)",
		       &ins->version);
	ins->title = fl_text_dup(c, v[T_TITLE], "title");
	ins->source = fl_text_dup(c, v[T_SOURCE], "source");
	ins->notes = fl_text_dup(c, v[T_NOTES], "notes");
	if (v[T_RATERS])
		parse_raters(c, v[T_RATERS]);
	if (v[T_SECTIONS])
		parse_sections(c, v[T_SECTIONS]);
	if (v[T_SCALES])
		parse_scales(c, v[T_SCALES]);
}
