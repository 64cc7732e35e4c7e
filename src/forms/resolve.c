/* resolve.c: cross-checks a parsed form: unique ids, scale members, cycles, order, ranges. */
#include "forms/loader.h"

#include <string.h>

#include "core/mem.h"

/* Reports every id that repeats an earlier one; ids[i] may be NULL (already reported). */
static void check_unique(fl_ctx *c, const char *kind, const char **ids, const int *lines,
			 const int *cols, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; ids[i] && j < i; j++) {
			if (ids[j] && strcmp(ids[j], ids[i]) == 0 && lines[i] == lines[j] &&
			    cols[i] == cols[j]) {
				fl_error_at(c, lines[i], cols[i],
					    "%s '%s' is used twice through a YAML alias; write each "
					    "%s out in full with its own id",
					    kind, ids[i], kind);
				break;
			}
			if (ids[j] && strcmp(ids[j], ids[i]) == 0) {
				fl_error_at(c, lines[i], cols[i],
					    "duplicate %s id '%s' (first at %d:%d); each %s needs its "
					    "own id",
					    kind, ids[i], lines[j], cols[j], kind);
				break;
			}
		}
	}
}

static void check_ids(fl_ctx *c)
{
	cb_instrument *ins = c->ins;
	size_t n = ins->n_items + ins->n_scales + ins->n_sections;
	const char **ids = xcalloc(n, sizeof *ids);
	int *lines = xcalloc(n, sizeof *lines), *cols = xcalloc(n, sizeof *cols);

	for (size_t i = 0; i < ins->n_sections; i++)
		ids[i] = ins->sections[i].id;
	check_unique(c, "section", ids, c->section_line, c->section_col, ins->n_sections);
	for (size_t i = 0; i < ins->n_items; i++) {
		ids[i] = ins->items[i].id;
		lines[i] = ins->items[i].line;
		cols[i] = ins->items[i].col;
	}
	check_unique(c, "item", ids, lines, cols, ins->n_items);
	for (size_t i = 0; i < ins->n_scales; i++) {
		ids[i] = ins->scales[i].id;
		lines[i] = c->scales[i].line;
		cols[i] = c->scales[i].col;
	}
	check_unique(c, "scale", ids, lines, cols, ins->n_scales);
	free(ids);
	free(lines);
	free(cols);
}

/* A scale's id for messages, even when it had none. */
static const char *sid(const cb_scale *sc)
{
	return sc->id ? sc->id : "(no id)";
}

/* Index of a member named by node, or -1 after reporting why it cannot be used. */
static long member_index(fl_ctx *c, size_t s, yaml_node_t *node)
{
	const cb_instrument *ins = c->ins;
	const cb_scale *sc = &ins->scales[s];
	bool of_scales = c->scales[s].of_scales;
	const char *kind = of_scales ? "scale" : "item";
	const char *name;
	const char **ids;
	size_t n = of_scales ? ins->n_scales : ins->n_items;
	char hint[96];
	long idx;

	if (node->type != YAML_SCALAR_NODE || node->data.scalar.length == 0) {
		fl_error(c, node, "each entry of '%s' in scale '%s' must be %s id", of_scales ? "scales" : "items",
			 sid(sc), of_scales ? "a scale" : "an item");
		return -1;
	}
	name = (const char *)node->data.scalar.value;
	idx = of_scales ? cb_instrument_scale(ins, name) : cb_instrument_item(ins, name);
	if (idx >= 0)
		return idx;
	ids = xcalloc(n, sizeof *ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = of_scales ? ins->scales[i].id : ins->items[i].id;
	fl_suggest(hint, sizeof hint, name, ids, n);
	fl_error(c, node, "scale '%s' names unknown %s '%s';%s", sid(sc), kind, name,
		 hint[0] ? hint : of_scales ? " scales are declared under 'scales:'"
					    : " items are declared under a section's 'items:'");
	free(ids);
	return -1;
}

/* Whether item idx can be scored by scale s; reports why not. */
static bool item_scorable(fl_ctx *c, size_t s, long idx, yaml_node_t *node)
{
	const cb_scale *sc = &c->ins->scales[s];
	const cb_item *it = &c->ins->items[idx];
	fl_item_src *src = &c->items[idx];

	if (!src->type_ok)
		return true; /* its type was already reported */
	if (it->type == CB_ITEM_TEXT || it->type == CB_ITEM_DATE) {
		fl_error(c, node, "scale '%s' (%s) cannot include %s item '%s'; text and date "
				  "items are never scored",
			 sid(sc), cb_scale_method_name(sc->method), cb_item_type_name(it->type),
			 it->id);
		return false;
	}
	if (it->type == CB_ITEM_CHOICE && src->no_points && !src->points_reported) {
		fl_error_at(c, src->no_points_line, src->no_points_col,
			    "option '%s' of item '%s' has no points, but scale '%s' scores the item; "
			    "give every option points",
			    src->no_points, it->id, sid(sc));
		src->points_reported = true;
	}
	return src->no_points == NULL;
}

/* A member scale must point the same way as the sum that adds it. */
static bool same_direction(fl_ctx *c, size_t s, long idx, yaml_node_t *node)
{
	const cb_scale *sc = &c->ins->scales[s], *part = &c->ins->scales[idx];

	if ((size_t)idx == s) {
		fl_error(c, node, "scale '%s' includes itself; a sum_of_scales adds other scales",
			 sid(sc));
		return false;
	}
	if (!c->scales[s].better_ok || !c->scales[idx].better_ok || sc->better == part->better)
		return true;
	fl_error(c, node, "scale '%s' (better: %s) adds scale '%s' (better: %s); the scales in a "
			  "sum must agree on which direction is better",
		 sid(sc), cb_better_name(sc->better), sid(part), cb_better_name(part->better));
	return false;
}

static void resolve_members(fl_ctx *c, size_t s)
{
	fl_scale_src *src = &c->scales[s];
	cb_scale *sc = &c->ins->scales[s];
	size_t n = fl_list_len(src->members);

	sc->members = xcalloc(n, sizeof *sc->members);
	src->member_nodes = xcalloc(n, sizeof *src->member_nodes);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *e = fl_list_at(c, src->members, i);
		long idx = member_index(c, s, e);
		bool ok = idx >= 0;

		for (size_t j = 0; ok && j < sc->n_members; j++) {
			if (sc->members[j] == (size_t)idx) {
				fl_error(c, e, "scale '%s' lists %s '%s' twice", sid(sc),
					 src->of_scales ? "scale" : "item",
					 (const char *)e->data.scalar.value);
				ok = false;
			}
		}
		if (ok && !src->of_scales)
			ok = item_scorable(c, s, idx, e);
		if (ok && src->of_scales)
			ok = same_direction(c, s, idx, e);
		if (ok) {
			src->member_nodes[sc->n_members] = e;
			sc->members[sc->n_members++] = (size_t)idx;
		}
	}
}

/* Depth-first search for sum_of_scales cycles; colour 1 = on the path, 2 = done. */
static void find_cycles(fl_ctx *c, size_t s, char *colour, size_t *path, size_t depth)
{
	const cb_scale *sc = &c->ins->scales[s];

	colour[s] = 1;
	path[depth] = s;
	for (size_t m = 0; sc->method == CB_SCALE_SUM_OF_SCALES && m < sc->n_members; m++) {
		size_t t = sc->members[m];
		if (colour[t] == 1) {
			strbuf route = {0};
			size_t from = 0;
			while (path[from] != t)
				from++;
			for (size_t k = from; k <= depth; k++)
				sb_appendf(&route, "'%s' -> ", sid(&c->ins->scales[path[k]]));
			sb_appendf(&route, "'%s'", sid(&c->ins->scales[t]));
			fl_error(c, c->scales[s].member_nodes[m],
				 "scales %s form a cycle; a sum_of_scales cannot include itself "
				 "through other scales",
				 sb_str(&route));
			sb_free(&route);
		} else if (colour[t] == 0) {
			find_cycles(c, t, colour, path, depth + 1);
		}
	}
	colour[s] = 2;
}

/* Appends s to order after every scale it adds up (no cycles by now). */
static void visit(const cb_instrument *ins, size_t s, bool *done, size_t *order, size_t *n)
{
	const cb_scale *sc = &ins->scales[s];

	if (done[s])
		return;
	done[s] = true;
	for (size_t m = 0; sc->method == CB_SCALE_SUM_OF_SCALES && m < sc->n_members; m++)
		visit(ins, sc->members[m], done, order, n);
	order[(*n)++] = s;
}

/* Reorders ins->scales so members come first, keeping file order otherwise. */
static void order_scales(cb_instrument *ins)
{
	size_t n = ins->n_scales, k = 0;
	bool *done = xcalloc(n, sizeof *done);
	size_t *order = xcalloc(n, sizeof *order), *where = xcalloc(n, sizeof *where);
	cb_scale *sorted = xcalloc(n, sizeof *sorted);

	for (size_t s = 0; s < n; s++)
		visit(ins, s, done, order, &k);
	for (size_t i = 0; i < n; i++)
		where[order[i]] = i;
	for (size_t i = 0; i < n; i++) {
		sorted[i] = ins->scales[order[i]];
		if (sorted[i].method == CB_SCALE_SUM_OF_SCALES)
			for (size_t m = 0; m < sorted[i].n_members; m++)
				sorted[i].members[m] = where[sorted[i].members[m]];
	}
	free(ins->scales);
	ins->scales = sorted;
	free(done);
	free(order);
	free(where);
}

/* Possible range of each scale, assuming every member applies. */
static void compute_ranges(cb_instrument *ins)
{
	for (size_t s = 0; s < ins->n_scales; s++) {
		cb_scale *sc = &ins->scales[s];
		sc->min = sc->max = 0;
		for (size_t m = 0; m < sc->n_members; m++) {
			double lo, hi;
			if (sc->method == CB_SCALE_SUM_OF_SCALES) {
				lo = ins->scales[sc->members[m]].min;
				hi = ins->scales[sc->members[m]].max;
			} else {
				const cb_item *it = &ins->items[sc->members[m]];
				cb_item_range(it, &lo, &hi);
				if (sc->method == CB_SCALE_WEIGHTED_SUM) {
					double a = it->weight * lo, b = it->weight * hi;
					lo = a < b ? a : b;
					hi = a < b ? b : a;
				}
			}
			if (sc->method == CB_SCALE_MEAN) {
				sc->min = m == 0 || lo < sc->min ? lo : sc->min;
				sc->max = m == 0 || hi > sc->max ? hi : sc->max;
			} else {
				sc->min += lo;
				sc->max += hi;
			}
		}
	}
}

void fl_resolve(fl_ctx *c)
{
	cb_instrument *ins = c->ins;
	char *colour;
	size_t *path;

	check_ids(c);
	for (size_t s = 0; s < ins->n_scales; s++)
		if (c->scales[s].method_ok && c->scales[s].members)
			resolve_members(c, s);
	colour = xcalloc(ins->n_scales, 1);
	path = xcalloc(ins->n_scales, sizeof *path);
	for (size_t s = 0; s < ins->n_scales; s++)
		if (colour[s] == 0)
			find_cycles(c, s, colour, path, 0);
	free(colour);
	free(path);
	if (c->n_problems > 0)
		return; /* the instrument is refused; order and ranges would mean nothing */
	order_scales(ins);
	compute_ranges(ins);
}
