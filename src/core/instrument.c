/* instrument.c: freeing, looking up and describing an instrument held in memory. */
#include "core/instrument.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

static void free_item(cb_item *it)
{
	free(it->id);
	free(it->text);
	free(it->help);
	for (size_t i = 0; i < it->n_options; i++) {
		free(it->options[i].value);
		free(it->options[i].label);
	}
	free(it->options);
}

void cb_instrument_free(cb_instrument *ins)
{
	if (ins == NULL)
		return;
	for (size_t i = 0; i < ins->n_items; i++)
		free_item(&ins->items[i]);
	for (size_t i = 0; i < ins->n_sections; i++) {
		free(ins->sections[i].id);
		free(ins->sections[i].title);
		free(ins->sections[i].help);
	}
	for (size_t i = 0; i < ins->n_scales; i++) {
		free(ins->scales[i].id);
		free(ins->scales[i].title);
		free(ins->scales[i].members);
	}
	for (size_t i = 0; i < ins->n_raters; i++)
		free(ins->raters[i]);
	free(ins->raters);
	free(ins->items);
	free(ins->sections);
	free(ins->scales);
	free(ins->path);
	free(ins->id);
	free(ins->title);
	free(ins->source);
	free(ins->notes);
	free(ins);
}

long cb_instrument_item(const cb_instrument *ins, const char *id)
{
	for (size_t i = 0; i < ins->n_items; i++)
		if (ins->items[i].id && strcmp(ins->items[i].id, id) == 0)
			return (long)i;
	return -1;
}

long cb_instrument_scale(const cb_instrument *ins, const char *id)
{
	for (size_t i = 0; i < ins->n_scales; i++)
		if (ins->scales[i].id && strcmp(ins->scales[i].id, id) == 0)
			return (long)i;
	return -1;
}

long cb_instrument_section(const cb_instrument *ins, const char *id)
{
	for (size_t i = 0; i < ins->n_sections; i++)
		if (ins->sections[i].id && strcmp(ins->sections[i].id, id) == 0)
			return (long)i;
	return -1;
}

bool cb_instrument_allows_rater(const cb_instrument *ins, const char *rater)
{
	for (size_t i = 0; i < ins->n_raters; i++)
		if (strcmp(ins->raters[i], rater) == 0)
			return true;
	return false;
}

bool cb_section_applies(const cb_section *sec, const cb_subject *who)
{
	if (sec->child_age_over < 0)
		return true;
	if (who == NULL || !who->birth_known)
		return false;
	return cb_age_years(who->birth, who->on) > sec->child_age_over;
}

const char *cb_item_type_name(enum cb_item_type type)
{
	switch (type) {
	case CB_ITEM_TICK: return "tick";
	case CB_ITEM_CHOICE: return "choice";
	case CB_ITEM_LIKERT: return "likert";
	case CB_ITEM_SCALE10: return "scale10";
	case CB_ITEM_TEXT: return "text";
	case CB_ITEM_DATE: return "date";
	}
	return "unknown";
}

const char *cb_scale_method_name(enum cb_scale_method method)
{
	switch (method) {
	case CB_SCALE_WEIGHTED_SUM: return "weighted_sum";
	case CB_SCALE_MEAN: return "mean";
	case CB_SCALE_SUM_OF_SCALES: return "sum_of_scales";
	}
	return "unknown";
}

const char *cb_better_name(enum cb_better better)
{
	return better == CB_BETTER_LOWER ? "lower" : "higher";
}

/* Parses a whole decimal integer ("-3", "12"); no spaces, no '+'. */
static bool parse_int(const char *s, int *out)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0' || (*s != '-' && (*s < '0' || *s > '9')))
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end != '\0' || end == s || v < INT_MIN || v > INT_MAX)
		return false;
	*out = (int)v;
	return true;
}

bool cb_item_value(const cb_item *item, const char *answer, double *value)
{
	int n;

	if (answer == NULL)
		return false;
	switch (item->type) {
	case CB_ITEM_TICK:
		if (strcmp(answer, "1") != 0 && strcmp(answer, "0") != 0)
			return false;
		*value = answer[0] == '1';
		return true;
	case CB_ITEM_CHOICE:
		for (size_t i = 0; i < item->n_options; i++) {
			if (strcmp(item->options[i].value, answer) == 0) {
				*value = item->options[i].points;
				return true;
			}
		}
		return false;
	case CB_ITEM_LIKERT:
	case CB_ITEM_SCALE10:
		if (!parse_int(answer, &n) || n < item->min || n > item->max)
			return false;
		*value = n;
		return true;
	case CB_ITEM_TEXT:
	case CB_ITEM_DATE:
		break;
	}
	return false;
}

void cb_item_range(const cb_item *item, double *lo, double *hi)
{
	*lo = *hi = 0;
	switch (item->type) {
	case CB_ITEM_TICK:
		*hi = 1;
		break;
	case CB_ITEM_CHOICE:
		for (size_t i = 0; i < item->n_options; i++) {
			double p = item->options[i].points;
			if (i == 0 || p < *lo)
				*lo = p;
			if (i == 0 || p > *hi)
				*hi = p;
		}
		break;
	case CB_ITEM_LIKERT:
	case CB_ITEM_SCALE10:
		*lo = item->min;
		*hi = item->max;
		break;
	case CB_ITEM_TEXT:
	case CB_ITEM_DATE:
		break;
	}
}

/* Levenshtein distance, capped: anything over `cap` returns cap + 1. */
static size_t edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b), best = cap + 1;
	size_t *row;

	if (la > lb + cap || lb > la + cap || lb > 256)
		return cap + 1;
	row = xcalloc(lb + 1, sizeof *row);
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t sub = diag + (a[i - 1] != b[j - 1]);
			size_t del = row[j] + 1, ins = row[j - 1] + 1;
			row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
			diag = up;
		}
	}
	if (row[lb] < best)
		best = row[lb];
	free(row);
	return best;
}

const char *cb_closest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_d = SIZE_MAX;
	size_t len = strlen(word);
	/* Short words tolerate one slip, longer ones two (or a swapped pair). */
	size_t cap = len <= 4 ? 1 : 2;

	for (size_t i = 0; i < n; i++) {
		size_t d;
		if (candidates[i] == NULL)
			continue;
		d = edit_distance(word, candidates[i], cap);
		if (d <= cap && d < strlen(candidates[i]) && d < best_d) {
			best = candidates[i];
			best_d = d;
		}
	}
	return best;
}
