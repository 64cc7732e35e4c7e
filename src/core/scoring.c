/* scoring.c: checking answers against an instrument and computing its scales. */
#include "core/instrument.h"

#include <stdio.h>
#include <string.h>

#include "core/mem.h"

/* Adds "where: message" (or just the message when where is NULL or empty). */
static void report(cb_diag *diag, const char *where, const char *msg)
{
	if (where && *where)
		cb_diag_add(diag, "%s: %s", where, msg);
	else
		cb_diag_add(diag, "%s", msg);
}

static char *unknown_item_message(const cb_instrument *ins, const char *id)
{
	const char **ids = xcalloc(ins->n_items, sizeof *ids);
	const char *near;
	char *msg;

	for (size_t i = 0; i < ins->n_items; i++)
		ids[i] = ins->items[i].id;
	near = cb_closest(id, ids, ins->n_items);
	if (near)
		msg = xasprintf("'%s' is not an item of %s version %d; did you mean '%s'?", id,
				ins->id, ins->version, near);
	else
		msg = xasprintf("'%s' is not an item of %s version %d; see `casebook forms show "
				"%s` for its items",
				id, ins->id, ins->version, ins->id);
	free(ids);
	return msg;
}

/* "collaborative, compliant or dissent" */
static char *option_list(const cb_item *it)
{
	strbuf sb = {0};

	for (size_t i = 0; i < it->n_options; i++) {
		if (i > 0)
			sb_append(&sb, i + 1 == it->n_options ? " or " : ", ");
		sb_append(&sb, it->options[i].value);
	}
	return sb_take(&sb);
}

/* What a valid answer to the item looks like, for the message about a bad one. */
static char *bad_value_message(const cb_item *it, const char *value)
{
	char *opts, *msg;

	if (value == NULL)
		return xasprintf("'%s' has no value", it->id);
	switch (it->type) {
	case CB_ITEM_TICK:
		return xasprintf("'%s' is a tick item: the answer must be 1 (ticked) or 0 (not "
				 "ticked), not '%s'",
				 it->id, value);
	case CB_ITEM_CHOICE:
		opts = option_list(it);
		msg = xasprintf("'%s' must be one of %s, not '%s'", it->id, opts, value);
		free(opts);
		return msg;
	case CB_ITEM_LIKERT:
	case CB_ITEM_SCALE10:
		return xasprintf("'%s' must be a whole number from %d to %d, not '%s'", it->id,
				 it->min, it->max, value);
	case CB_ITEM_DATE:
		return xasprintf("'%s' must be a real date written YYYY-MM-DD, not '%s'", it->id,
				 value);
	case CB_ITEM_TEXT:
		break;
	}
	return NULL;
}

static bool value_ok(const cb_item *it, const char *value)
{
	double ignored;
	cb_date d;

	if (value == NULL)
		return false;
	if (it->type == CB_ITEM_TEXT)
		return true;
	if (it->type == CB_ITEM_DATE)
		return cb_date_parse(value, &d);
	return cb_item_value(it, value, &ignored);
}

static char *not_applicable_message(const cb_instrument *ins, const cb_item *it,
				    const cb_subject *who)
{
	const cb_section *sec = &ins->sections[it->section];
	char on[11];

	if (who == NULL || !who->birth_known)
		return xasprintf("'%s' is in section '%s', which applies only when the child is "
				 "over %d; the child's date of birth is not recorded, so leave it "
				 "out or record the date of birth",
				 it->id, sec->id, sec->child_age_over);
	cb_date_format(who->on, on);
	return xasprintf("'%s' is in section '%s', which applies only when the child is over %d "
			 "on the assessment date; the child was %d on %s",
			 it->id, sec->id, sec->child_age_over, cb_age_years(who->birth, who->on), on);
}

/* Checks one answer; returns its message (caller frees) or NULL if it is fine. */
static char *check_answer(const cb_instrument *ins, const cb_subject *who, const cb_answer *a,
			  const cb_answer *earlier, size_t n_earlier)
{
	long idx;
	const cb_item *it;

	if (a->item == NULL)
		return xasprintf("an answer names no item");
	idx = cb_instrument_item(ins, a->item);
	if (idx < 0)
		return unknown_item_message(ins, a->item);
	it = &ins->items[idx];
	for (size_t j = 0; j < n_earlier; j++)
		if (earlier[j].item && strcmp(earlier[j].item, a->item) == 0)
			return xasprintf("'%s' is answered more than once; keep one answer", a->item);
	if (!value_ok(it, a->value))
		return bad_value_message(it, a->value);
	if (!cb_section_applies(&ins->sections[it->section], who))
		return not_applicable_message(ins, it, who);
	return NULL;
}

enum cb_status cb_answers_check(const cb_instrument *ins, const cb_subject *who,
				const cb_answer *answers, size_t n, const char *where,
				cb_diag *diag)
{
	size_t bad = 0;

	for (size_t i = 0; i < n; i++) {
		char *msg = check_answer(ins, who, &answers[i], answers, i);
		if (msg) {
			report(diag, where, msg);
			free(msg);
			bad++;
		}
	}
	return bad ? CB_INVALID : CB_OK;
}

/*
 * answer_of[i] = the first answer given to item i whose section applies, or
 * NULL. The caller frees the array.
 */
static const char **answers_by_item(const cb_instrument *ins, const cb_subject *who,
				    const cb_answer *answers, size_t n)
{
	const char **by_item = xcalloc(ins->n_items, sizeof *by_item);

	for (size_t i = 0; i < n; i++) {
		long idx = answers[i].item ? cb_instrument_item(ins, answers[i].item) : -1;
		if (idx >= 0 && by_item[idx] == NULL &&
		    cb_section_applies(&ins->sections[ins->items[idx].section], who))
			by_item[idx] = answers[i].value;
	}
	return by_item;
}

/* weighted_sum and mean: over the member items whose section applies. */
static void score_items(const cb_instrument *ins, const cb_scale *sc, const cb_subject *who,
			const char **by_item, cb_scale_score *out)
{
	double sum = 0, v;

	for (size_t m = 0; m < sc->n_members; m++) {
		const cb_item *it = &ins->items[sc->members[m]];
		const char *answer = by_item[sc->members[m]];

		if (!cb_section_applies(&ins->sections[it->section], who))
			continue;
		out->applicable++;
		if (it->type == CB_ITEM_TICK && answer == NULL)
			answer = "0"; /* an unticked box is an answer: the factor is absent */
		if (!cb_item_value(it, answer, &v))
			continue;
		out->answered++;
		sum += sc->method == CB_SCALE_WEIGHTED_SUM ? it->weight * v : v;
	}
	out->has_value = out->answered > 0;
	if (out->has_value)
		out->value = sc->method == CB_SCALE_MEAN ? sum / out->answered : sum;
}

/* sum_of_scales: every member scale comes earlier in ins->scales, so out[] holds it. */
static void score_scales(const cb_scale *sc, cb_scale_score *out, cb_scale_score *result)
{
	result->has_value = true;
	for (size_t m = 0; m < sc->n_members; m++) {
		const cb_scale_score *part = &out[sc->members[m]];
		result->answered += part->answered;
		result->applicable += part->applicable;
		if (part->has_value)
			result->value += part->value;
		else
			result->has_value = false;
	}
	if (!result->has_value)
		result->value = 0;
}

void cb_score(const cb_instrument *ins, const cb_subject *who, const cb_answer *answers,
	      size_t n, cb_scale_score *out)
{
	const char **by_item = answers_by_item(ins, who, answers, n);

	for (size_t s = 0; s < ins->n_scales; s++) {
		const cb_scale *sc = &ins->scales[s];
		cb_scale_score result = {0};

		if (sc->method == CB_SCALE_SUM_OF_SCALES)
			score_scales(sc, out, &result);
		else
			score_items(ins, sc, who, by_item, &result);
		out[s] = result;
	}
	free(by_item);
}
