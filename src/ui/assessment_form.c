/* assessment_form.c: any instrument in forms/ as a form screen, with live scale scores. */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

#include "core/mem.h"
#include "store/casebrief.h"
#include "store/drafts.h"
#include "store/people.h"
#include "store/records.h"
#include "ui/chooser.h"

#define ITEM_PREFIX "item:"

/* What the form needs after it is built: the instrument and the child's birth date. */
struct assessment_ctx {
	const cb_instrument *ins; /* borrowed from the app's form set */
	cb_case_brief brief;
};

static void free_ctx(void *p)
{
	struct assessment_ctx *c = p;

	cb_case_brief_free(&c->brief);
	free(c);
}

static const char *rater_label(const char *rater)
{
	if (strcmp(rater, "worker") == 0)
		return "Worker (you)";
	if (strcmp(rater, "family_member") == 0)
		return "Family member";
	return strcmp(rater, "child") == 0 ? "Child or young person" : rater;
}

/* Collects the answered items (borrowed strings) from the form's values. */
static cb_answer *collect_answers(const cb_form_screen *fs, size_t *n)
{
	cb_answer *answers = xcalloc(fs->n_inputs + 1, sizeof *answers);
	size_t len = strlen(ITEM_PREFIX);

	*n = 0;
	for (size_t i = 0; i < fs->n_inputs; i++) {
		if (strncmp(fs->inputs[i].key, ITEM_PREFIX, len) != 0 || fs->values[i][0] == '\0')
			continue;
		answers[*n].item = fs->inputs[i].key + len;
		answers[*n].value = fs->values[i];
		(*n)++;
	}
	return answers;
}

static cb_subject subject_of(const struct assessment_ctx *c, const cb_form_screen *fs)
{
	cb_subject who = {.birth_known = c->brief.born_known, .birth = c->brief.born};

	if (!cb_date_parse(cb_form_value(fs, "on"), &who.on))
		who.on = (cb_date){1900, 1, 1};
	return who;
}

/* A scale's short name for the live line: its id as words, "relationship_building" ->
 * "Relationship building" (titles are too long to fit four on a line). */
static void append_score(strbuf *sb, const cb_scale *scale, const cb_scale_score *sc)
{
	char *name = xstrdup(scale->id);

	for (char *p = name; *p; p++)
		if (*p == '_' || *p == '-')
			*p = ' ';
	if (name[0] >= 'a' && name[0] <= 'z')
		name[0] = (char)(name[0] - 'a' + 'A');
	sb_appendf(sb, "%s%s ", sb->len ? "  " : "", name);
	if (!sc->has_value)
		sb_append(sb, "-");
	else if (scale->method == CB_SCALE_MEAN)
		sb_appendf(sb, "%.2f", sc->value);
	else
		sb_appendf(sb, "%+g", sc->value);
	free(name);
}

/* "Risk -3  Protective +4  Engagement +1  Total +2  (higher is safer)", recomputed per key. */
static void live_scores(const cb_form_screen *fs, char *buf, size_t size)
{
	const struct assessment_ctx *c = fs->ctx;
	cb_subject who = subject_of(c, fs);
	size_t n;
	cb_answer *answers = collect_answers(fs, &n);
	cb_scale_score *scores = xcalloc(c->ins->n_scales + 1, sizeof *scores);
	strbuf sb = {0};
	int higher = 0;

	cb_score(c->ins, &who, answers, n, scores);
	for (size_t i = 0; i < c->ins->n_scales; i++) {
		append_score(&sb, &c->ins->scales[i], &scores[i]);
		higher += c->ins->scales[i].better == CB_BETTER_HIGHER;
	}
	if (higher == (int)c->ins->n_scales)
		sb_append(&sb, "   (higher is better: safer)");
	else if (higher == 0)
		sb_append(&sb, "   (lower is better)");
	snprintf(buf, size, "%s", sb_str(&sb));
	sb_free(&sb);
	free(scores);
	free(answers);
}

static enum cb_status assessment_check(const cb_form_screen *fs, size_t *bad, cb_err *err)
{
	const struct assessment_ctx *c = fs->ctx;
	cb_subject who = subject_of(c, fs);
	cb_diag diag = {0};
	size_t n;
	cb_answer *answers = collect_answers(fs, &n);
	enum cb_status rc = cb_answers_check(c->ins, &who, answers, n, "", &diag);

	if (rc) {
		*bad = (size_t)cb_form_find(fs, "on");
		cb_fail(err, CB_INVALID, "%s", diag.count ? diag.lines[0] : "the answers do not fit");
	}
	if (rc == CB_OK && strcmp(cb_form_value(fs, "rater"), "worker") != 0 &&
	    cb_form_value(fs, "rater_person")[0] == '\0') {
		*bad = (size_t)cb_form_find(fs, "rater_person");
		rc = cb_fail(err, CB_INVALID, "Choose which family member gave these answers");
	}
	cb_diag_free(&diag);
	free(answers);
	return rc;
}

static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

static enum cb_status assessment_save(cb_form_screen *fs, cb_app *app, cb_err *err)
{
	struct assessment_ctx *c = fs->ctx;
	cb_store *st = cb_app_context(app)->store;
	cb_subject who = subject_of(c, fs);
	char id[CB_UUID_LEN + 1] = "";
	size_t n;
	cb_answer *answers = collect_answers(fs, &n);
	const cb_field fields[] = {
		{"case_id", c->brief.case_id},
		{"assessed_on", cb_form_value(fs, "on")},
		{"assessor_id", cb_app_context(app)->practitioner_id},
		{"rater", cb_form_value(fs, "rater")},
		{"rater_person_id", or_null(cb_form_value(fs, "rater_person"))},
		{"comment", or_null(cb_form_value(fs, "comment"))},
	};
	enum cb_status rc = cb_store_begin(st, err);

	if (rc == CB_OK)
		rc = cb_assessment_insert(st, c->ins, &who, id, fields, sizeof fields / sizeof fields[0],
					  answers, n, err);
	if (rc == CB_OK)
		rc = cb_store_commit(st, err);
	if (rc)
		cb_store_rollback(st);
	else
		cb_app_message(app, CB_STYLE_GOOD, "%s saved: %s", c->ins->title, fs->context);
	free(answers);
	return rc;
}

static void add_people(cb_form_screen *fs, cb_app *app, const char *family_id)
{
	cb_member *members = NULL;
	size_t n = 0;
	cb_err err = {0};

	cb_form_add(fs, &(cb_input){.key = "rater_person", .label = "Which family member",
				    .kind = CB_INPUT_CHOICE,
				    .help = "Who gave the answers, when it was not you"}, "");
	cb_form_add_option(fs, "", "(not a family member)");
	if (cb_members_load(cb_app_context(app)->store, family_id, &members, &n, &err) == CB_OK)
		for (size_t i = 0; i < n; i++)
			cb_form_add_option(fs, members[i].person_id, members[i].name);
	cb_members_free(members, n);
}

static void add_about(cb_form_screen *fs, cb_app *app, const struct assessment_ctx *c)
{
	cb_form_add(fs, &(cb_input){.key = "on", .label = "Assessment date", .kind = CB_INPUT_DATE,
				    .required = true}, cb_app_today(app));
	cb_form_add(fs, &(cb_input){.key = "rater", .label = "Answers given by",
				    .kind = CB_INPUT_CHOICE, .required = true}, c->ins->raters[0]);
	for (size_t i = 0; i < c->ins->n_raters; i++)
		cb_form_add_option(fs, c->ins->raters[i], rater_label(c->ins->raters[i]));
	add_people(fs, app, c->brief.family_id);
	cb_form_add(fs, &(cb_input){.key = "comment", .label = "Comment", .kind = CB_INPUT_TEXT}, "");
}

static void add_item(cb_form_screen *fs, const cb_item *item)
{
	char *key = xasprintf(ITEM_PREFIX "%s", item->id), label[32];
	cb_input in = {.key = key, .label = item->text, .help = item->help, .required = item->required};

	switch (item->type) {
	case CB_ITEM_TICK: in.kind = CB_INPUT_TICK; break;
	case CB_ITEM_CHOICE: case CB_ITEM_LIKERT: in.kind = CB_INPUT_CHOICE; break;
	case CB_ITEM_SCALE10: in.kind = CB_INPUT_NUMBER; in.min = 0; in.max = 10; break;
	case CB_ITEM_DATE: in.kind = CB_INPUT_DATE; break;
	default: in.kind = CB_INPUT_TEXT; break;
	}
	if (in.kind == CB_INPUT_NUMBER && in.help == NULL)
		in.help = "0 to 10";
	cb_form_add(fs, &in, item->type == CB_ITEM_TICK ? "0" : "");
	if (in.kind == CB_INPUT_CHOICE)
		cb_form_add_option(fs, "", "not answered");
	for (size_t k = 0; item->type == CB_ITEM_CHOICE && k < item->n_options; k++) {
		char *opt = xasprintf("%s (%+g)", item->options[k].label, item->options[k].points);
		cb_form_add_option(fs, item->options[k].value, opt);
		free(opt);
	}
	for (int v = item->min; item->type == CB_ITEM_LIKERT && v <= item->max; v++) {
		snprintf(label, sizeof label, "%d", v);
		cb_form_add_option(fs, label, label);
	}
	free(key);
}

static void add_sections(cb_form_screen *fs, cb_app *app, const struct assessment_ctx *c)
{
	cb_subject who = {.birth_known = c->brief.born_known, .birth = c->brief.born};

	cb_date_parse(cb_app_today(app), &who.on);
	for (size_t s = 0; s < c->ins->n_sections; s++) {
		const cb_section *sec = &c->ins->sections[s];
		if (!cb_section_applies(sec, &who)) {
			char *why = xasprintf("Not shown: %s (applies only when the child is over %d; "
					      "%s)", sec->title, sec->child_age_over,
					      c->brief.born_known ? "not yet today" : "date of birth unknown");
			cb_form_add(fs, &(cb_input){.key = "", .label = why, .kind = CB_INPUT_NOTE}, "");
			free(why);
			continue;
		}
		cb_form_add(fs, &(cb_input){.key = "", .label = sec->title, .kind = CB_INPUT_HEADING}, "");
		for (size_t i = 0; i < c->ins->n_items; i++)
			if (c->ins->items[i].section == s)
				add_item(fs, &c->ins->items[i]);
	}
}

cb_view *cb_assessment_form_open(cb_app *app, const char *case_id, const char *instrument,
				 const struct cb_draft *draft)
{
	const cb_instrument *ins = cb_forms_find(cb_app_context(app)->forms, instrument);
	struct assessment_ctx *c;
	cb_form_screen *fs;
	cb_err err = {0};
	char *label, *kind;

	if (ins == NULL) {
		cb_app_message(app, CB_STYLE_ERROR, "There is no instrument %s in the forms folder",
			       instrument);
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	c->ins = ins;
	if (cb_case_brief_load(cb_app_context(app)->store, case_id, &c->brief, &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		free_ctx(c);
		return NULL;
	}
	label = cb_case_brief_label(&c->brief, cb_app_today(app));
	kind = xasprintf("assessment/%s", ins->id);
	fs = cb_form_new(ins->title, label, kind, case_id);
	fs->ctx = c;
	fs->hooks = (cb_form_hooks){.summary = live_scores, .check = assessment_check,
				    .save = assessment_save, .free_ctx = free_ctx};
	add_about(fs, app, c);
	add_sections(fs, app, c);
	for (size_t i = 0; draft && i < draft->count; i++)
		cb_form_set_value(fs, draft->keys[i], draft->values[i]);
	free(label);
	free(kind);
	return cb_form_open(app, fs);
}

static void instrument_chosen(cb_app *app, const char *instrument, void *case_id)
{
	cb_assessment_form_open(app, case_id, instrument, NULL);
}

cb_view *cb_instrument_chooser_open(cb_app *app, const char *case_id)
{
	const cb_form_set *forms = cb_app_context(app)->forms;
	const char **labels = xcalloc(forms->count + 1, sizeof *labels);
	const char **values = xcalloc(forms->count + 1, sizeof *values);
	cb_view *v;

	for (size_t i = 0; i < forms->count; i++) {
		labels[i] = forms->forms[i]->title;
		values[i] = forms->forms[i]->id;
	}
	v = cb_chooser_open(app, " Record an assessment: which instrument?", labels, values,
			    forms->count, instrument_chosen, xstrdup(case_id), free);
	free(labels);
	free(values);
	return v;
}
